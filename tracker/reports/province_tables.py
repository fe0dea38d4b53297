"""The provincial summary as output tables: the province's total, then each office's
tables, all protected together.

Each office's summary and the province's total are protected with what a reader knows of
each (``tracker.reports.summary_tables``), and one more thing: every cell of the total is
the sum of the same cell (same table, same row, same column) of the offices. A reader who
subtracts the other offices from the province's total must not get a hidden count back,
so all the tables go through one call of :func:`tracker.reports.suppression.protect`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace

from tracker.domain.shapes import Summary
from tracker.reports.summary_tables import (
    Cell,
    Column,
    Knowledge,
    Table,
    holding_sums,
    tables_and_knowledge,
)
from tracker.reports.suppression import Equation, protect, sum_equation
from tracker.reports.usb import safe_name

PROVINCE = "province"
#: Nodes of the exact search per protected cell (``suppression.protect``) of each office's
#: part; the joint check across offices runs on intervals alone (``JOINT_BUDGET``): the
#: joint report is several offices' reports at once, too large for the exact search.
SEARCH_BUDGET = 60
JOINT_BUDGET = 0

_WORDS = {
    "province": ("Toàn tỉnh", "Whole province"),
    "once_title": (
        "Người được hỗ trợ trên toàn tỉnh, mỗi người tính một lần",
        "People supported in the province, each counted once",
    ),
    "once_sheet": ("Tính một lần", "Counted once"),
    "once_in_period": ("Trong kỳ", "In the period"),
    "once_to_end": ("Lũy kế đến cuối kỳ", "To the period's end"),
    "once_note": (
        "Người được hai đơn vị hỗ trợ chỉ tính một lần (so khớp bằng mã băm có khóa của họ"
        " tên, năm sinh và xã; không có họ tên). Các đơn vị không gửi mã băm: {offices}.",
        "People helped by two offices are counted once (matched by a keyed hash of name,"
        " birth year and commune; no names). Offices that sent no hashes: {offices}.",
    ),
}


def _w(key: str, lang: str, **values: object) -> str:
    vi, en = _WORDS[key]
    return (vi if lang == "vi" else en).format(**values)


def _ids(t: Table) -> list[int | str]:
    return [*range(len(t.rows)), *(["total"] if t.total is not None else [])]


def _label(t: Table, row: tuple[Cell, ...], rid: int | str) -> tuple[object, ...]:
    """A row as a reader finds it in another office's table: by its words, not its place."""
    if rid == "total":
        return ("total",)
    return tuple(v for c, v in zip(t.columns, row, strict=True) if c.kind not in ("count", "money"))


def province_tables(
    total: Summary,
    offices: Sequence[Summary],
    lang: str = "vi",
    *,
    once: tuple[int | None, int | None] | None = None,
    without_hashes: Sequence[str] = (),
    budget: int = SEARCH_BUDGET,
    joint_budget: int = JOINT_BUDGET,
    protected: bool = True,
) -> list[Table]:
    """The total's tables, the people counted once (when the offices sent hashes), then
    each office's tables: small cells hidden, and whatever would give them back from a
    total, a row, an amount or the province's total minus the other offices
    (``protected=False``: every figure as it is, for checks)."""
    parts: list[tuple[Hashable, Summary]] = [(PROVINCE, total)]
    parts += [(i, s) for i, s in enumerate(offices)]
    built: list[tuple[Hashable, Summary, list[Table], Knowledge]] = []
    for tag, s in parts:
        tables, know = tables_and_knowledge(s, lang)
        built.append((tag, s, tables, know))

    values: dict[Hashable, int] = {}
    equations: list[Equation] = []
    depends: dict[Hashable, tuple[Hashable, ...]] = {}
    fixed: list[Hashable] = []
    truth: dict[Hashable, int] = {}
    cells: dict[Hashable, dict[tuple[object, ...], Hashable]] = {}
    start: dict[Hashable, str] = {}
    for tag, _s, tables, know in built:
        mine: dict[tuple[object, ...], Hashable] = {}
        own: dict[Hashable, int] = {}
        for t in tables:
            for rid, row in zip(_ids(t), t.all_rows(), strict=True):
                label = _label(t, row, rid)
                for col, value in zip(t.columns, row, strict=True):
                    if col.kind in ("count", "money") and isinstance(value, int):
                        name = (tag, know.key(t.key, rid, col.key))
                        values[name] = value
                        own[know.key(t.key, rid, col.key)] = value
                        mine[(t.key, label, col.key)] = name
                        if t.key == "projects":
                            fixed.append(name)
        cells[tag] = mine
        own_eqs = [*map(sum_equation, holding_sums(know)), *know.equations]
        for eq in own_eqs:
            equations.append(tuple(((tag, k), c) for k, c in eq))
        if protected and tag != PROVINCE:
            # Each office's part protected on its own first (as its own report is): the
            # joint check below adds what the province's total and the others give.
            own_marks = protect(
                own,
                (),
                equations=own_eqs,
                depends={k: v for k, v in know.depends.items() if k in own},
                fixed=[k for k in own if isinstance(k, tuple) and k[0] == "projects"],
                truth=dict(know.truth.items()),
                budget=budget,
            )
            start.update({(tag, k): m for k, m in own_marks.items()})
        for k, ds in know.depends.items():
            if (tag, k) in values:
                depends[(tag, k)] = tuple((tag, d) for d in ds)
        truth.update({(tag, k): v for k, v in know.truth.items()})
        truth.update({n: values[n] for n in mine.values()})
    # The province's cell is the sum of the offices' same cells (a reader knows it).
    for where, whole in cells[PROVINCE].items():
        if where[0] == "projects":
            continue
        terms = [cells[tag][where] for tag, _s in parts[1:] if where in cells[tag]]
        if terms and sum(truth[t] for t in terms) == truth[whole]:
            equations.append((*((t, 1) for t in terms), (whole, -1)))
    once_table: Table | None = None
    if once is not None and once[0] is not None and once[1] is not None:
        values[("once", "in_period")] = once[0]
        values[("once", "to_end")] = once[1]
        truth.update(values)
        once_table = Table(
            key="people_once",
            title=_w("once_title", lang),
            sheet=_w("once_sheet", lang),
            columns=(
                Column("in_period", _w("once_in_period", lang)),
                Column("to_end", _w("once_to_end", lang)),
            ),
            rows=((once[0], once[1]),),
            note=_w("once_note", lang, offices=", ".join(without_hashes) or "—"),
        )
    marks = (
        {}
        if not protected
        else protect(
            values,
            (),
            equations=equations,
            depends=depends,
            fixed=fixed,
            truth=truth,
            start=start,
            budget=joint_budget,
        )
    )

    def masked(tag: Hashable, t: Table, know: Knowledge) -> Table:
        def row_of(rid: int | str, row: tuple[Cell, ...]) -> tuple[Cell, ...]:
            return tuple(
                marks.get((tag, know.key(t.key, rid, c.key)), v)
                if c.kind in ("count", "money") and isinstance(v, int)
                else v
                for c, v in zip(t.columns, row, strict=True)
            )

        return replace(
            t,
            rows=tuple(row_of(i, r) for i, r in enumerate(t.rows)),
            total=row_of("total", t.total) if t.total is not None else None,
        )

    out: list[Table] = []
    for tag, s, tables, know in built:
        who = _w("province", lang) if tag == PROVINCE else s.office_name
        code = "tinh" if tag == PROVINCE else safe_name(s.office_prefix, max_len=12)
        short = _w("province", lang) if tag == PROVINCE else s.office_prefix
        for t in tables:
            m = masked(tag, t, know)
            out.append(
                replace(
                    m, key=f"{code}_{t.key}", title=f"{t.title} – {who}", sheet=f"{short} {t.sheet}"
                )
            )
        if tag == PROVINCE and once_table is not None:
            row = tuple(marks.get(("once", c.key), v) for c, v in zip(
                once_table.columns, once_table.rows[0], strict=True))  # fmt: skip
            out.append(replace(once_table, rows=(row,)))
    return out
