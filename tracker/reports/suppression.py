"""Small-cell protection for the versions of the summary that leave the office.

A count from 1 to 4 is shown as "<5" (primary suppression). That alone is not enough: a
published total, or the other cells of a row that add up to a published figure, give a
hidden count back by subtraction (women 5, men "<5", total 6: one man). So after hiding the
small counts, every published sum is checked the way a careful reader would work on it:
each hidden cell is narrowed to the values that every sum still allows ("<5" means 1 to 4;
"x" means any value, zero included). While a "<5" cell is narrowed to a single value, the
smallest cell shown in one of its sums is hidden too and marked "x" (complementary
suppression; a non-zero cell first), or, when every cell of those sums is hidden already,
one of the "<5" cells is marked "x" instead (four "<5" cells under a total "<5" are four
ones). Then the check runs again.

Plain data in, plain data out: cells are named by any hashable key, sums by the keys of
the cells they add up, the total last; :func:`protect` says which cells to hide and how.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

#: A count from 1 to 4.
SMALL = "<5"
#: A cell hidden so that a small one cannot be worked out from a sum (any value).
HIDDEN = "x"

_UNBOUNDED = 10**12
_MAX_ROUNDS = 50


def protect(
    values: Mapping[Hashable, int],
    sums: Iterable[Sequence[Hashable]],
) -> dict[Hashable, str]:
    """The cells to hide: ``{key: SMALL or HIDDEN}``.

    ``values`` holds every count that is published; ``sums`` lists groups of those keys
    that a reader knows to add up: the parts, then their total (a column and its total
    row; new + continuing = in the period). A zero is hidden only when nothing else is
    left to hide.
    """
    groups = [tuple(group) for group in sums if all(k in values for k in group)]
    # Only sums that hold: a column whose parts overlap (one person, two kinds of support)
    # does not add up to its total, and tells the reader nothing exact.
    groups = [g for g in groups if len(g) > 1 and sum(values[k] for k in g[:-1]) == values[g[-1]]]
    marks: dict[Hashable, str] = {k: SMALL for k, v in values.items() if 0 < v < 5}
    while True:
        exposed = _exposed(values, marks, groups)
        if not exposed:
            break
        marks[_complement(values, marks, groups, exposed)] = HIDDEN
    # An "x" that the other cells give back exactly protects nothing: show its value
    # (a total hidden for one table that another table adds up in full, say).
    bounds = ranges(values, marks, groups)
    return {
        k: m
        for k, m in marks.items()
        if m == SMALL or 0 < values[k] < 5 or bounds[k][0] < bounds[k][1]
    }


def ranges(
    values: Mapping[Hashable, int],
    marks: Mapping[Hashable, str],
    sums: Iterable[Sequence[Hashable]],
) -> dict[Hashable, tuple[int, int]]:
    """What a reader can tell of each hidden cell from the shown ones and the sums: the
    lowest and highest value it can have (interval propagation over the sums)."""
    lo = {k: (1 if m == SMALL else 0) for k, m in marks.items()}
    hi = {k: (4 if m == SMALL else _UNBOUNDED) for k, m in marks.items()}
    groups = [tuple(g) for g in sums]
    for _ in range(_MAX_ROUNDS):
        changed = False
        for group in groups:
            # parts - total = 0, i.e. sum(sign * value) = 0 over the group
            terms = [(k, 1) for k in group[:-1]] + [(group[-1], -1)]
            known = sum(sign * values[k] for k, sign in terms if k not in marks)
            unknown = [(k, sign) for k, sign in terms if k in marks]
            if not unknown:
                continue
            low = sum(min(s * lo[k], s * hi[k]) for k, s in unknown)
            high = sum(max(s * lo[k], s * hi[k]) for k, s in unknown)
            for k, s in unknown:
                # s * v_k = -known - (the others)
                own_low, own_high = min(s * lo[k], s * hi[k]), max(s * lo[k], s * hi[k])
                rest_low, rest_high = low - own_low, high - own_high
                t_low, t_high = -known - rest_high, -known - rest_low
                new_lo, new_hi = (t_low, t_high) if s == 1 else (-t_high, -t_low)
                if new_lo > lo[k]:
                    lo[k], changed = new_lo, True
                if new_hi < hi[k]:
                    hi[k], changed = new_hi, True
        if not changed:
            break
    return {k: (lo[k], hi[k]) for k in marks}


def _exposed(
    values: Mapping[Hashable, int],
    marks: Mapping[Hashable, str],
    groups: list[tuple[Hashable, ...]],
) -> list[Hashable]:
    """The "<5" cells a reader can pin to one value."""
    bounds = ranges(values, marks, groups)
    return [k for k, m in marks.items() if m == SMALL and bounds[k][0] >= bounds[k][1]]


def _complement(
    values: Mapping[Hashable, int],
    marks: Mapping[Hashable, str],
    groups: list[tuple[Hashable, ...]],
    exposed: list[Hashable],
) -> Hashable:
    """The cell to mark "x" next: in a sum holding an exposed cell, the smallest non-zero
    cell still shown (a part before a total), else a zero still shown, else the exposed
    cell itself (it stays hidden, its marker no longer says it is at least 1)."""
    cell = exposed[0]
    shown = [
        (values[k] == 0, values[k], i, n, k)
        for n, group in enumerate(groups)
        if cell in group
        for i, k in enumerate(group)
        if k not in marks
    ]
    if shown:
        return min(shown, key=lambda s: s[:4])[4]
    return cell
