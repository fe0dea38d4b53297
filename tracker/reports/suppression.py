"""Small-cell protection for the versions of the summary that leave the office.

A count from 1 to 4 is shown as "<5" (primary suppression). That alone is not enough: a
published total, or the other cells of a row that add up to a published figure, give a
hidden count back by subtraction (women 5, men "<5", total 6: one man). Amounts give counts
back too: 1.700.000 đ of school kits at 850.000 đ each is two children, and a fixed
2.000.000 đ allowance next to "<5" is one person.

So every published figure is checked the way a careful reader would work on it. What the
reader knows is a set of linear equations over the cells (a column and its total, a row
that adds up, an amount that is a known unit amount times a number of hand-overs) and over
figures that are not published at all (how many of a cell's hand-overs were in cash); each
hidden cell is narrowed to the values that every equation still allows ("<5" means 1 to 4;
"x" means any value, zero included; an unpublished figure is any value from zero). Then:

* an amount that depends on a hidden count is hidden as well ("x");
* while a "<5" cell, or an amount hidden for one, is narrowed to a single value, a cell
  shown in the equation that pinned it is hidden too and marked "x" (complementary
  suppression: the smallest non-zero one first), or, when every cell of those equations is
  hidden already, the equations that pinned those cells are searched in turn; when nothing
  is left to hide, one of the "<5" cells is marked "x" instead (four "<5" cells under a
  total "<5" are four ones). Then the check runs again.

Plain data in, plain data out: cells are named by any hashable key, sums by the keys of
the cells they add up, the total last; other equations as (key, coefficient) terms adding
up to zero; :func:`protect` says which cells to hide and how.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from math import gcd

#: A count from 1 to 4.
SMALL = "<5"
#: A cell hidden so that a small one cannot be worked out from a sum (any value).
HIDDEN = "x"

UNBOUNDED = 10**15
"""The largest value a reader allows an unbounded cell (more than any amount in đồng)."""
_MAX_STEPS = 200_000

Term = tuple[Hashable, int]
Equation = tuple[Term, ...]
"""Terms (cell, coefficient) whose weighted values add up to zero."""


def sum_equation(group: Sequence[Hashable]) -> Equation:
    """Parts minus their total (the last key) is zero."""
    return (*((k, 1) for k in group[:-1]), (group[-1], -1))


def protect(
    values: Mapping[Hashable, int],
    sums: Iterable[Sequence[Hashable]],
    *,
    equations: Iterable[Equation] = (),
    depends: Mapping[Hashable, Sequence[Hashable]] | None = None,
    fixed: Iterable[Hashable] = (),
    truth: Mapping[Hashable, int] | None = None,
    budget: int = 400,
    start: Mapping[Hashable, str] | None = None,
) -> dict[Hashable, str]:
    """The cells to hide: ``{key: SMALL or HIDDEN}``.

    ``values`` holds every figure that is published, counts and amounts; ``sums`` lists
    groups of those keys that a reader knows to add up: the parts, then their total (a
    column and its total row; new + continuing = in the period); ``equations`` any other
    relation a reader knows (an amount = unit amount x hand-overs), where a key missing
    from ``values`` is a figure that is not published. ``depends`` names the amounts (keys)
    and the counts each one depends on: an amount is never shown beside a hidden count,
    and is kept from being worked out exactly. ``fixed`` cells are always shown (accounts
    published whole): a reader uses them, the protection hides around them. Only counts
    are ever marked "<5"; a zero is hidden only when nothing else is left to hide.

    The intervals miss what only several relations together pin down (a count that the
    sum of the counts and the sum of the amounts at two unit amounts give back), so once
    they are satisfied each cell to protect is searched exactly: with the relations a
    reader gets by adding and subtracting the others (a cell they fix by themselves is
    then alone in one) and with whole numbers only (850.000 đ a hand-over never makes
    up 26.400.000 đ), a solution of every relation in which it has another value is
    looked for (``truth``, the true value of the figures that are not published, guides
    the search; ``budget`` nodes per cell). A
    cell with no such solution is pinned; a search that runs out of budget proves nothing
    and leaves the cell as the intervals found it. ``start``: cells already known to need
    hiding (each part of a larger report protected on its own first), kept hidden.
    """
    depends = dict(depends or {})
    keep = set(fixed)
    amounts = set(depends)
    groups = [tuple(group) for group in sums if all(k in values for k in group)]
    # Only sums that hold: a column whose parts overlap (one person, two kinds of support)
    # does not add up to its total, and tells the reader nothing exact.
    groups = [g for g in groups if len(g) > 1 and sum(values[k] for k in g[:-1]) == values[g[-1]]]
    eqs = [sum_equation(g) for g in groups] + [tuple(e) for e in equations]
    marks: dict[Hashable, str] = {
        k: SMALL for k, v in values.items() if 0 < v < 5 and k not in amounts
    }
    # Cells already found to hide (each part of a larger report protected on its own
    # first): the checks below start from there.
    for k, m in (start or {}).items():
        if k in values and k not in marks:
            marks[k] = HIDDEN if m != SMALL or k in amounts else m
    stuck: set[Hashable] = set()
    while True:
        for k in depends:  # (in the caller's order: a set's order changes per process)
            if k not in marks and values[k] and any(d in marks for d in depends[k]):
                marks[k] = HIDDEN
        bounds = _propagate(values, marks, eqs)
        exposed = [
            k
            for k in marks
            if k not in stuck
            and bounds.lo[k] >= bounds.hi[k]
            and (marks[k] == SMALL or _sensitive(k, values, marks, depends))
        ]
        if not exposed:
            # (A cell the intervals pin is one nothing was left to hide around: stuck.)
            targets = [
                k
                for k in marks
                if k not in stuck
                and bounds.lo[k] < bounds.hi[k]
                and (
                    marks[k] == SMALL
                    or (k not in amounts and 0 < values[k] < 5)
                    or _sensitive(k, values, marks, depends)
                )
            ]
            pinned = _Search(values, marks, eqs, truth or {}, budget).pinned(targets)
            if pinned is None:
                break
            cell = _complement(values, marks, eqs, _Bounds(), pinned, keep, far=True)
        else:
            cell = _complement(values, marks, eqs, bounds, exposed[0], keep)
        if cell in marks and marks[cell] == HIDDEN:
            stuck.add(cell)  # nothing is left to hide around it
            continue
        marks[cell] = HIDDEN
    # An "x" that the other cells give back exactly protects nothing: show its value
    # (a total hidden for one table that another table adds up in full, say).
    bounds = _propagate(values, marks, eqs)
    return {
        k: m
        for k, m in marks.items()
        if m == SMALL
        or (0 < values[k] < 5 and k not in amounts)
        or bounds.lo[k] < bounds.hi[k]
        or _sensitive(k, values, marks, depends)
    }


def _sensitive(
    k: Hashable,
    values: Mapping[Hashable, int],
    marks: Mapping[Hashable, str],
    depends: Mapping[Hashable, Sequence[Hashable]],
) -> bool:
    """An amount beside a hidden count."""
    return bool(values[k]) and any(d in marks for d in depends.get(k, ()))


def ranges(
    values: Mapping[Hashable, int],
    marks: Mapping[Hashable, str],
    sums: Iterable[Sequence[Hashable]],
    equations: Iterable[Equation] = (),
) -> dict[Hashable, tuple[int, int]]:
    """What a reader can tell of each hidden cell from the shown ones and the sums: the
    lowest and highest value it can have (interval propagation over the equations)."""
    eqs = [sum_equation(tuple(g)) for g in sums] + [tuple(e) for e in equations]
    bounds = _propagate(values, marks, eqs)
    return {k: (bounds.lo[k], bounds.hi[k]) for k in marks}


class _Bounds:
    def __init__(self) -> None:
        self.lo: dict[Hashable, int] = {}
        self.hi: dict[Hashable, int] = {}
        #: The equation that last raised a cell's lowest (lowered its highest) value.
        self.why_lo: dict[Hashable, int] = {}
        self.why_hi: dict[Hashable, int] = {}


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _propagate(
    values: Mapping[Hashable, int], marks: Mapping[Hashable, str], eqs: Sequence[Equation]
) -> _Bounds:
    """Bounds of every hidden or unpublished cell, tightened over the equations until
    nothing changes (each value a whole number)."""
    b = _Bounds()
    for k, m in marks.items():
        b.lo[k], b.hi[k] = (1, 4) if m == SMALL else (0, UNBOUNDED)
    known: list[int] = []
    unknown: list[list[Term]] = []
    occurs: dict[Hashable, list[int]] = {}
    for i, eq in enumerate(eqs):
        k_sum = 0
        terms: list[Term] = []
        for k, c in eq:
            if k in marks or k not in values:
                if k not in b.lo:  # a figure that is not published
                    b.lo[k], b.hi[k] = 0, UNBOUNDED
                terms.append((k, c))
                occurs.setdefault(k, []).append(i)
            else:
                k_sum += c * values[k]
        known.append(k_sum)
        unknown.append(terms)
    queue = deque(i for i in range(len(eqs)) if unknown[i])
    queued = set(queue)
    lo, hi = b.lo, b.hi
    steps = 0
    while queue and steps < _MAX_STEPS:
        i = queue.popleft()
        queued.discard(i)
        steps += 1
        terms = unknown[i]
        low = sum(c * lo[k] if c > 0 else c * hi[k] for k, c in terms)
        high = sum(c * hi[k] if c > 0 else c * lo[k] for k, c in terms)
        for k, c in terms:
            own_low = c * lo[k] if c > 0 else c * hi[k]
            own_high = c * hi[k] if c > 0 else c * lo[k]
            # c * v = -known - (the others)
            t_low = -known[i] - (high - own_high)
            t_high = -known[i] - (low - own_low)
            if c > 0:
                new_lo, new_hi = _ceil_div(t_low, c), t_high // c
            else:
                new_lo, new_hi = _ceil_div(t_high, c), t_low // c
            changed = False
            if new_lo > lo[k]:
                lo[k], b.why_lo[k], changed = new_lo, i, True
            if new_hi < hi[k]:
                hi[k], b.why_hi[k], changed = new_hi, i, True
            if changed:
                for j in occurs[k]:
                    if j not in queued:
                        queue.append(j)
                        queued.add(j)
    return b


def _complement(
    values: Mapping[Hashable, int],
    marks: Mapping[Hashable, str],
    eqs: Sequence[Equation],
    bounds: _Bounds,
    cell: Hashable,
    keep: set[Hashable],
    *,
    far: bool = False,
) -> Hashable:
    """The cell to mark "x" next: in the equations that pinned ``cell``, the smallest
    non-zero cell still shown (a part before a total), else a zero still shown; when they
    hold no shown cell, the equations that pinned their hidden cells, and so on; else the
    cell itself (it stays hidden, its marker no longer says it is at least 1)."""
    seen_eqs: set[int] = set()
    seen_cells = {cell}
    frontier = [cell]
    while frontier:
        found = []
        for k in frontier:
            for why in (bounds.why_lo.get(k), bounds.why_hi.get(k)):
                if why is not None and why not in seen_eqs:
                    seen_eqs.add(why)
                    found.append(why)
        if not found:
            break
        shown = [
            (values[k] == 0, values[k], i, n, k)
            for n in sorted(found)
            for i, (k, _c) in enumerate(eqs[n])
            if k in values and k not in marks and k not in keep
        ]
        if shown:
            return min(shown, key=lambda s: s[:4])[4]
        if frontier == [cell] and marks[cell] == SMALL:
            # Every cell of those equations is hidden: marking this one "x" (any value,
            # zero included) may be enough, before hiding anything further away.
            trial = {**marks, cell: HIDDEN}
            widened = _propagate(values, trial, eqs)
            if widened.lo[cell] < widened.hi[cell]:
                return cell
        frontier = []
        for n in sorted(found):
            for k, _c in eqs[n]:
                if k not in seen_cells:
                    seen_cells.add(k)
                    frontier.append(k)
    # No equation tightened it: the equations it is in, and for a cell pinned only by
    # several relations together (``far``), then those of their hidden cells, and so on.
    seen_cells = {cell}
    frontier = [cell]
    while frontier:
        near = [n for n, eq in enumerate(eqs) if any(k in frontier for k, _c in eq)]
        shown = [
            (values[k] == 0, values[k], i, n, k)
            for n in near
            for i, (k, _c) in enumerate(eqs[n])
            if k in values and k not in marks and k not in keep
        ]
        if shown:
            return min(shown, key=lambda s: s[:4])[4]
        if not far:
            break
        frontier = []
        for n in near:
            for k, _c in eqs[n]:
                if k not in seen_cells:
                    seen_cells.add(k)
                    frontier.append(k)
    return cell


class _Search:
    """An exact reader: looks for whole-number values of every hidden and unpublished
    figure that satisfy every equation, with one cell set to a value other than its
    true one (depth first, the values nearest the truth first, large ranges halved)."""

    def __init__(
        self,
        values: Mapping[Hashable, int],
        marks: Mapping[Hashable, str],
        eqs: Sequence[Equation],
        truth: Mapping[Hashable, int],
        budget: int,
    ) -> None:
        self.budget = budget
        base = _propagate(values, marks, eqs)
        self.lo, self.hi = dict(base.lo), dict(base.hi)
        self.guess = {k: values.get(k, truth.get(k, self.lo[k])) for k in self.lo}
        self.eqs: list[tuple[int, list[Term]]] = []
        for eq in eqs:
            const, terms = 0, []
            for k, c in eq:
                if k in self.lo:
                    terms.append((k, c))
                else:
                    const += c * values[k]
            if terms:
                self.eqs.append((const, terms))
        # What a reader gets by adding and subtracting the equations (the counts' total
        # times a unit amount taken from the amounts' total leaves the one count at another
        # unit amount): each cell the equations fix by themselves is then alone in one.
        self.eqs += _combined(self.eqs, {k: i for i, k in enumerate(self.lo)})
        #: The equations with a coefficient other than 1 (sums move in steps of 1).
        self.stepped = [any(abs(c) > 1 for _k, c in terms) for _c, terms in self.eqs]
        self.occurs: dict[Hashable, list[int]] = {}
        for i, (_c, terms) in enumerate(self.eqs):
            for k, _ in terms:
                self.occurs.setdefault(k, []).append(i)
        # The bounds as the combined equations leave them, once: each cell's search then
        # follows only what its own change moves.
        self._tighten(self.lo, self.hi, range(len(self.eqs)))
        self.seen: list[dict[Hashable, int]] = []
        self.nodes = 0

    def pinned(self, targets: Sequence[Hashable]) -> Hashable | None:
        """The first target that cannot take another value (None: every one can)."""
        for k in targets:
            if not self._can_differ(k):
                return k
        return None

    def _can_differ(self, cell: Hashable) -> bool:
        v = self.guess[cell]
        if any(sol[cell] != v for sol in self.seen):
            return True
        for a, b in ((v + 1, self.hi[cell]), (self.lo[cell], v - 1)):
            if a > b:
                continue
            lo, hi = dict(self.lo), dict(self.hi)
            lo[cell], hi[cell] = a, b
            self.nodes = 0
            try:
                if self._tighten(lo, hi, self.occurs.get(cell, ())):
                    found = self._solve(lo, hi)
                    if found is not None:
                        self.seen.append(found)
                        return True
            except _OutOfBudget:
                # Not proved either way within the budget: the intervals said it can vary.
                return True
        return False

    def _tighten(
        self, lo: dict[Hashable, int], hi: dict[Hashable, int], todo: Iterable[int]
    ) -> bool:
        queue = deque(dict.fromkeys(todo))
        queued = set(queue)
        while queue:
            i = queue.popleft()
            queued.discard(i)
            const, terms = self.eqs[i]
            low = const + sum(c * lo[k] if c > 0 else c * hi[k] for k, c in terms)
            high = const + sum(c * hi[k] if c > 0 else c * lo[k] for k, c in terms)
            if low > 0 or high < 0:
                return False
            # Whole numbers: the cells still open move the sum in steps of the greatest
            # common divisor of their coefficients (850.000 đ a hand-over cannot make up
            # 26.400.000 đ).
            if self.stepped[i]:
                step = 0
                for k, c in terms:
                    if lo[k] < hi[k]:
                        step = gcd(step, c)
                if step > 1 and low % step:
                    return False
            for k, c in terms:
                own_low = c * lo[k] if c > 0 else c * hi[k]
                own_high = c * hi[k] if c > 0 else c * lo[k]
                t_low, t_high = own_high - high, own_low - low
                if c > 0:
                    new_lo, new_hi = _ceil_div(t_low, c), t_high // c
                else:
                    new_lo, new_hi = _ceil_div(t_high, c), t_low // c
                if new_lo > lo[k] or new_hi < hi[k]:
                    lo[k], hi[k] = max(lo[k], new_lo), min(hi[k], new_hi)
                    if lo[k] > hi[k]:
                        return False
                    for j in self.occurs.get(k, ()):
                        if j not in queued:
                            queued.add(j)
                            queue.append(j)
        return True

    def _solve(
        self, lo: dict[Hashable, int], hi: dict[Hashable, int]
    ) -> dict[Hashable, int] | None:
        self.nodes += 1
        if self.nodes > self.budget:
            raise _OutOfBudget
        free = [k for k in lo if lo[k] < hi[k]]
        if not free:
            return dict(lo)
        # The rest as it truly is, where that fits: most of the report stays as it is
        # around a changed cell.
        guess = {k: min(max(self.guess[k], lo[k]), hi[k]) for k in lo}
        broken = [
            terms for const, terms in self.eqs if const + sum(c * guess[k] for k, c in terms) != 0
        ]
        if not broken:
            return guess
        # Branch where the guess fails.
        # In the equations' order (not a set's, which changes from process to process):
        # the same report is protected the same way, in the same time, every run.
        near = dict.fromkeys(k for terms in broken for k, _c in terms if lo[k] < hi[k])
        var = min(near or free, key=lambda k: (hi[k] - lo[k], k not in near))
        t = min(max(self.guess[var], lo[var]), hi[var])
        if hi[var] - lo[var] <= 8:
            spans = [(x, x) for x in sorted(range(lo[var], hi[var] + 1), key=lambda x: abs(x - t))]
        else:
            spans = [(t, t)] + [r for r in ((lo[var], t - 1), (t + 1, hi[var])) if r[0] <= r[1]]
        for a, b in spans:
            lo2, hi2 = dict(lo), dict(hi)
            lo2[var], hi2[var] = a, b
            if self._tighten(lo2, hi2, self.occurs.get(var, ())):
                found = self._solve(lo2, hi2)
                if found is not None:
                    return found
        return None


class _OutOfBudget(Exception):
    pass


def _combined(
    eqs: Sequence[tuple[int, list[Term]]], order: Mapping[Hashable, int]
) -> list[tuple[int, list[Term]]]:
    """The equations added and subtracted until each one has a cell of its own that no
    other one holds (reduced row echelon form, in whole numbers): a cell that the
    equations fix by themselves is then alone in one, whatever its bounds. Cells are
    taken in ``order`` (the report's), so the same report gives the same equations."""
    rows: dict[Hashable, tuple[int, dict[Hashable, int]]] = {}  # by the cell it has alone
    holding: dict[Hashable, list[Hashable]] = {}  # cell -> the rows it is in
    for const, terms in eqs:
        row: dict[Hashable, int] = {}
        for k, c in terms:
            row[k] = row.get(k, 0) + c
        for k in [k for k in row if k in rows]:
            if row.get(k):
                const, row = _eliminate(const, row, k, *rows[k])
        row = {k: c for k, c in row.items() if c}
        if not row:
            continue
        pivot = min(row, key=order.__getitem__)
        if row[pivot] < 0:
            const, row = -const, {k: -c for k, c in row.items()}
        const, row = _reduced(const, row)
        for other in holding.get(pivot, []):
            if other in rows and rows[other][1].get(pivot):
                o_const, o_row = rows[other]
                o_const, o_row = _eliminate(o_const, o_row, pivot, const, row)
                rows[other] = (o_const, o_row)
                for k in o_row:
                    if other not in holding.setdefault(k, []):
                        holding[k].append(other)
        rows[pivot] = (const, row)
        for k in row:
            holding.setdefault(k, []).append(pivot)
    # A combination longer than any relation tells the intervals little and slows every
    # step of the search: only the short ones (a cell alone, a few cells together).
    longest = max((len(terms) for _c, terms in eqs), default=0)
    return [(const, list(row.items())) for const, row in rows.values() if len(row) <= longest]


def _eliminate(
    const: int, row: dict[Hashable, int], k: Hashable, p_const: int, p_row: dict[Hashable, int]
) -> tuple[int, dict[Hashable, int]]:
    """``row`` without cell ``k``, by the row ``p_row`` (whole multiples of both)."""
    a, b = p_row[k], row[k]
    g = gcd(a, b)
    a, b = a // g, b // g
    out = {key: a * c for key, c in row.items()}
    for key, c in p_row.items():
        out[key] = out.get(key, 0) - b * c
    out = {key: c for key, c in out.items() if c}
    return _reduced(a * const - b * p_const, out)


def _reduced(const: int, row: dict[Hashable, int]) -> tuple[int, dict[Hashable, int]]:
    g = 0
    for c in row.values():
        g = gcd(g, c)
    g = gcd(g, const) if g else abs(const)
    if g > 1:
        return const // g, {k: c // g for k, c in row.items()}
    return const, row
