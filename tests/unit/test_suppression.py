"""Small-cell protection: a "<5" cell can never be worked out exactly from the totals, the
rows that add up or the amounts beside it (a known unit amount times a count), checked by
readers who try every value the hidden cells can take."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tracker.reports.suppression import HIDDEN, SMALL, Equation, protect, ranges

from .reader import Reader
from .reader import sum_equation as reader_sum


def feasible(
    values: dict[Hashable, int], marks: dict[Hashable, str], sums: Sequence[Sequence[Hashable]]
) -> dict[Hashable, set[int]]:
    """Every value each hidden cell can take, by trying them all (an independent reader:
    a search that checks each sum as soon as all its cells have a value). An "x" is tried
    from 0 up to well past any figure of the table."""
    hidden = list(marks)
    top = 2 * max(values.values()) + 5
    domains = {k: range(1, 5) if marks[k] == SMALL else range(top + 1) for k in hidden}
    order = {k: i for i, k in enumerate(hidden)}
    # Each sum is checked when its last hidden cell gets a value.
    checks: dict[int, list[Sequence[Hashable]]] = {}
    for g in sums:
        last = max((order[k] for k in g if k in order), default=-1)
        checks.setdefault(last, []).append(g)
    guess = dict(values)
    if any(sum(guess[k] for k in g[:-1]) != guess[g[-1]] for g in checks.get(-1, [])):
        return {k: set() for k in hidden}
    seen: dict[Hashable, set[int]] = {k: set() for k in hidden}

    def search(i: int) -> None:
        if i == len(hidden):
            for k in hidden:
                seen[k].add(guess[k])
            return
        for v in domains[hidden[i]]:
            guess[hidden[i]] = v
            if all(sum(guess[k] for k in g[:-1]) == guess[g[-1]] for g in checks.get(i, [])):
                search(i + 1)

    search(0)
    return seen


def test_the_total_no_longer_gives_a_small_count_back() -> None:
    # women 5, men 1, total 6: hiding the 1 alone tells nothing; with the 5 hidden as well
    # the men can be 1 to 4.
    values = {"women": 5, "men": 1, "total": 6}
    marks = protect(values, [("women", "men", "total")])
    assert marks == {"men": SMALL, "women": HIDDEN}
    assert feasible(values, marks, [("women", "men", "total")])["men"] == {1, 2, 3, 4}


def test_a_row_that_adds_up_is_a_sum_too() -> None:
    # new + continuing = in the period, and each column has its total.
    rows = {"F": (5, 2, 7), "M": (1, 0, 1), "T": (6, 2, 8)}
    values = {(r, c): v for r, vs in rows.items() for c, v in enumerate(vs)}
    sums = [[(r, c) for r in rows] for c in range(3)] + [[(r, c) for c in range(3)] for r in rows]
    marks = protect(values, sums)
    assert {k for k, m in marks.items() if m == SMALL} == {("F", 1), ("M", 0), ("M", 2), ("T", 1)}
    reader = feasible(values, marks, sums)
    assert all(len(reader[k]) >= 2 for k, m in marks.items() if m == SMALL), reader
    assert ("T", 2) not in marks, "the grand total stays"


def test_no_small_count_means_nothing_hidden() -> None:
    values = {"a": 5, "b": 0, "t": 5}
    assert protect(values, [("a", "b", "t")]) == {}


def test_ranges_are_what_the_reader_finds() -> None:
    values = {"a": 3, "b": 9, "t": 12}
    marks = {"a": SMALL, "b": HIDDEN}
    assert ranges(values, marks, [("a", "b", "t")]) == {"a": (1, 4), "b": (8, 11)}


def test_four_ones_under_a_small_total_are_not_all_shown_as_small() -> None:
    values = {0: 1, 1: 1, 2: 1, 3: 1, "t": 4}
    group = [0, 1, 2, 3, "t"]
    marks = protect(values, [group])
    assert set(marks) == set(values), "everything stays hidden"
    assert HIDDEN in marks.values(), "but not every cell says it is at least 1"
    reader = feasible(values, marks, [group])
    assert all(len(reader[k]) >= 2 for k, m in marks.items() if m == SMALL)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=1, max_size=4))
def test_one_column_and_its_total(parts: list[int]) -> None:
    values: dict[Hashable, int] = {i: v for i, v in enumerate(parts)}
    values["total"] = sum(parts)
    group = [*range(len(parts)), "total"]
    marks = protect(values, [group])
    reader = feasible(values, marks, [group])
    for k, m in marks.items():
        if m == SMALL:
            assert 0 < values[k] < 5
            assert len(reader[k]) >= 2, (parts, marks, reader)
    assert all(values[k] in reader[k] for k in marks), "the truth is among the readings"


@settings(max_examples=50, deadline=None)
@given(
    st.integers(2, 3).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(0, 6), min_size=n, max_size=n), min_size=2, max_size=2
        )
    )
)
def test_a_small_table_with_row_and_column_totals(matrix: list[list[int]]) -> None:
    values: dict[Hashable, int] = {}
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            values[(r, c)] = v
        values[(r, "T")] = sum(row)
    width = len(matrix[0])
    for c in range(width):
        values[("T", c)] = sum(row[c] for row in matrix)
    values[("T", "T")] = sum(map(sum, matrix))
    rows: list[int | str] = [*range(len(matrix)), "T"]
    cols: list[int | str] = [*range(width), "T"]
    sums = [[(r, c) for c in cols] for r in rows] + [[(r, c) for r in rows] for c in cols]
    marks = protect(values, sums)
    reader = feasible(values, marks, sums)
    for k, m in marks.items():
        assert values[k] in reader[k]
        if m == SMALL:
            assert len(reader[k]) >= 2, (matrix, marks, reader)


def test_a_column_that_does_not_add_up_is_not_a_sum() -> None:
    # People by kind of support: one person can have two kinds, so 2 + 9 is not 20.
    values = {"cattle": 2, "weaving": 9, "people": 20}
    assert protect(values, [("cattle", "weaving", "people")]) == {"cattle": SMALL}


def test_an_x_that_other_sums_give_back_is_shown() -> None:
    # Five ones under a total of 5 would all be pinned; the total is the only cell left
    # to hide, but a second table with the same total shows it whole (5 = 5): so it stays
    # shown and one of the ones is marked "x" instead.
    values = {"a1": 1, "a2": 1, "a3": 1, "a4": 1, "a5": 1, "b1": 5, "t": 5}
    sums = [("a1", "a2", "a3", "a4", "a5", "t"), ("b1", "t")]
    marks = protect(values, sums)
    assert "t" not in marks and "b1" not in marks
    assert HIDDEN in marks.values()
    reader = feasible(values, marks, sums)
    assert all(len(reader[k]) >= 2 for k, m in marks.items() if m == SMALL), reader


# --- amounts -----------------------------------------------------------------------------

UNITS = (850_000, 2_000_000, 3_000_000)


def amount_table(
    rows: list[tuple[int, int, bool]],
) -> tuple[
    dict[Hashable, int], list[list[Hashable]], list[Equation], dict[Hashable, tuple[Hashable]]
]:
    """A support table: per row the hand-overs and their amount (unit amount x hand-overs
    when ``fixed``, else a sum of amounts a reader cannot divide), and a total row."""
    values: dict[Hashable, int] = {}
    equations: list[Equation] = []
    depends: dict[Hashable, tuple[Hashable]] = {}
    for i, (n, unit, fixed) in enumerate(rows):
        values[("n", i)] = n
        values[("m", i)] = n * unit if fixed else n * unit + (137_000 if n else 0)
        depends[("m", i)] = (("n", i),)
        if fixed:
            equations.append(((("m", i), 1), (("n", i), -unit)))
    values[("n", "T")] = sum(values[("n", i)] for i in range(len(rows)))
    values[("m", "T")] = sum(values[("m", i)] for i in range(len(rows)))
    depends[("m", "T")] = (("n", "T"),)
    sums: list[list[Hashable]] = [
        [("n", i) for i in range(len(rows))] + [("n", "T")],
        [("m", i) for i in range(len(rows))] + [("m", "T")],
    ]
    return values, sums, equations, depends


def read(
    values: dict[Hashable, int],
    marks: dict[Hashable, str],
    sums: list[list[Hashable]],
    equations: list[Equation],
) -> Reader:
    shown = {k: v for k, v in values.items() if k not in marks}
    eqs = [reader_sum(g) for g in sums] + list(equations)
    return Reader(shown, marks, eqs, values)


def test_an_amount_beside_a_small_count_is_hidden() -> None:
    """2 school kits at 850.000 đ: 1.700.000 ÷ 850.000 = 2. The amount goes with the count,
    and the total amount cannot give it back either."""
    values, sums, eqs, depends = amount_table([(2, 850_000, True), (9, 2_000_000, True)])
    plain = protect(values, sums)
    assert ("m", 0) not in plain, "without the amounts' rules the 1.700.000 stays"
    reader = read(values, plain, sums, eqs)
    assert not reader.can_differ(("n", 0)), "and the reader divides"
    marks = protect(values, sums, equations=eqs, depends=depends)
    assert marks[("n", 0)] == SMALL and marks[("m", 0)] == HIDDEN
    reader = read(values, marks, sums, eqs)
    assert reader.can_differ(("n", 0)) and reader.can_differ(("m", 0))


def test_a_fixed_allowance_beside_one_person() -> None:
    """A 2.000.000 đ hardship allowance next to "<5" is one person."""
    values, sums, eqs, depends = amount_table(
        [(1, 2_000_000, True), (7, 850_000, True), (6, 3_000_000, False)]
    )
    marks = protect(values, sums, equations=eqs, depends=depends)
    reader = read(values, marks, sums, eqs)
    assert marks[("m", 0)] == HIDDEN
    assert len(reader.values(("n", 0))) >= 2
    for k, m in marks.items():
        if m == SMALL or k in depends:
            assert reader.can_differ(k), (k, marks)


#: Columns of 4, 5, 5, 7 and 7 hand-overs at fixed unit amounts. With one unit amount on
#: the "<5" row and another on every other row, the counts' total and the amounts' total
#: give the "<5" back together once every row is hidden (28 hand-overs, 28.400.000 đ at
#: 2.000.000 and 850.000: only 4 at 2.000.000 fits). The first two, the other unit amount
#: on the last row only or on every row but the first, are the column as first reported.
PINNED_BY_BOTH_TOTALS = [
    [(n, unit, True) for n, unit in zip((4, 5, 5, 7, 7), units, strict=True)]
    for units in (
        (850_000, 850_000, 850_000, 850_000, 2_000_000),
        (850_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000),
        (2_000_000, 850_000, 850_000, 850_000, 850_000),
        (3_000_000, 850_000, 850_000, 850_000, 850_000),
        (2_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000),
        (3_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000),
    )
]


def test_a_count_pinned_by_the_totals_of_counts_and_amounts_together() -> None:
    """Every row hidden is not enough when both totals are shown: 28 hand-overs for
    28.400.000 đ, of which 24 at 850.000 đ, leave 4 at 2.000.000 đ and no other number."""
    for rows in PINNED_BY_BOTH_TOTALS:
        values, sums, eqs, depends = amount_table(rows)
        marks = protect(values, sums, equations=eqs, depends=depends)
        reader = read(values, marks, sums, eqs)
        assert marks[("n", 0)] == SMALL
        for k in (("n", 0), ("m", 0)):
            assert reader.can_differ(k), (rows, k, marks)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.sampled_from(UNITS), st.booleans()),
        min_size=1,
        max_size=5,
    )
)
@example(PINNED_BY_BOTH_TOTALS[0])
@example(PINNED_BY_BOTH_TOTALS[1])
@example(PINNED_BY_BOTH_TOTALS[2])
@example(PINNED_BY_BOTH_TOTALS[3])
@example(PINNED_BY_BOTH_TOTALS[4])
@example(PINNED_BY_BOTH_TOTALS[5])
def test_random_columns_of_counts_and_amounts(rows: list[tuple[int, int, bool]]) -> None:
    """The reader knows the sums of counts and of amounts and every fixed unit amount, and
    tries every value: no "<5" count and no amount hidden beside one is pinned."""
    values, sums, eqs, depends = amount_table(rows)
    marks = protect(values, sums, equations=eqs, depends=depends)
    reader = read(values, marks, sums, eqs)
    for k, v in values.items():
        if k in depends and k not in marks and v:
            assert not any(d in marks for d in depends[k]), ("amount shown", k, marks)
    for k, m in marks.items():
        if m == SMALL:
            assert 0 < values[k] < 5
        if m == SMALL or (k in depends and values[k] and any(d in marks for d in depends[k])):
            assert reader.can_differ(k), (rows, marks)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 3).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(0, 6), min_size=n, max_size=n), min_size=2, max_size=2
        )
    )
)
def test_the_reader_agrees_with_the_brute_force(matrix: list[list[int]]) -> None:
    """The searching reader finds what trying every value finds (counts only)."""
    values: dict[Hashable, int] = {}
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            values[(r, c)] = v
        values[(r, "T")] = sum(row)
    width = len(matrix[0])
    for c in range(width):
        values[("T", c)] = sum(row[c] for row in matrix)
    values[("T", "T")] = sum(map(sum, matrix))
    rows: list[int | str] = [*range(len(matrix)), "T"]
    cols: list[int | str] = [*range(width), "T"]
    sums = [[(r, c) for c in cols] for r in rows] + [[(r, c) for r in rows] for c in cols]
    marks = protect(values, sums)
    brute = feasible(values, marks, sums)
    reader = read(values, marks, sums, [])
    for k in marks:
        assert reader.can_differ(k) == (len(brute[k]) >= 2), (matrix, marks, k)
