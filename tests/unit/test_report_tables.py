"""Periods, and the output tables: small-cell suppression only in the versions that leave
the office, neutralised formulas, names of groups in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from tracker.domain.vocab import CATEGORIES
from tracker.reports.summary_tables import (
    HIDDEN,
    SUPPRESSED,
    build_tables,
    neutralise,
    notes,
)
from tracker.services import reports
from tracker.services.errors import ValidationError
from tracker.services.reports import (
    AssetFigures,
    PeopleCount,
    PeopleFigures,
    Period,
    ProjectRow,
    ReceiptFigures,
    Summary,
    SupportRow,
    VisitFigures,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "label_vi", "label_en"),
    [
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), "quarter", "Quý I/2025", "Q1 2025"),
        ("2024q4", date(2024, 10, 1), date(2024, 12, 31), "quarter", "Quý IV/2024", "Q4 2024"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year", "Năm 2025", "Year 2025"),
        ("2025-6M", date(2025, 1, 1), date(2025, 6, 30), "6m", "6 tháng đầu năm 2025",
         "First 6 months of 2025"),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30), "6m", "6 tháng đầu năm 2025",
         "First 6 months of 2025"),
        ("2024-9m", date(2024, 1, 1), date(2024, 9, 30), "9m", "9 tháng đầu năm 2024",
         "First 9 months of 2024"),
        ("2025-02-10..2025-05-03", date(2025, 2, 10), date(2025, 5, 3), "range",
         "Từ 10/02/2025 đến 03/05/2025", "10/02/2025 to 03/05/2025"),
        ("10/02/2025..03/05/2025", date(2025, 2, 10), date(2025, 5, 3), "range",
         "Từ 10/02/2025 đến 03/05/2025", "10/02/2025 to 03/05/2025"),
    ],
)  # fmt: skip
def test_periods(
    text: str, start: date, end: date, kind: str, label_vi: str, label_en: str
) -> None:
    p = reports.parse_period(text)
    assert (p.start, p.end, p.kind) == (start, end, kind)
    assert p.label("vi") == label_vi and p.label("en") == label_en
    assert reports.parse_period(p.key) == p
    assert p.slug.replace("-", "").isalnum()


def test_leap_year_quarter_and_defaults() -> None:
    assert reports.quarter(2024, 1).end == date(2024, 3, 31)
    assert reports.first_months(2024, 6).days() == 182
    assert reports.default_period(date(2025, 5, 20)) == reports.quarter(2025, 1)
    assert reports.default_period(date(2025, 1, 3)) == reports.quarter(2024, 4)
    # In a quarter's last month (reports are written then): that quarter.
    assert reports.default_period(date(2025, 12, 5)) == reports.quarter(2025, 4)
    assert reports.default_period(date(2025, 6, 30)) == reports.quarter(2025, 2)
    assert reports.years_before(date(2024, 2, 29), 16) == date(2008, 2, 29)
    assert reports.years_before(date(2025, 2, 28), 1) == date(2024, 2, 28)
    assert reports.years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)


BAD = ("2025-Q5", "Q1-2025", "", "2025-7M", "2025-03-01..2025-01-01", "1999",
       "31/02/2025..2025-03-01")  # fmt: skip


@pytest.mark.parametrize("bad", BAD)
def test_bad_periods(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        reports.parse_period(bad)
    assert info.value.field == "period"
    assert info.value.message("vi").startswith("Kỳ báo cáo:")


def test_period_of_the_wrong_kind() -> None:
    with pytest.raises(ValidationError):
        reports.parse_period("2025", "quarter")
    assert reports.parse_period("2025", "year").kind == "year"


def pc(key: str, new: int, cont: int, cum: int, name: str = "") -> PeopleCount:
    return PeopleCount(key, new, cont, cum, name)


def sample(audience: str) -> Summary:
    visit = VisitFigures(3, 9, 4, 2, 1, 0, 2, 5, 3, 2, 1, 0, 0, 1, 2, 2)
    return Summary(
        office_name="=HYPERLINK(\"http://x\")",
        office_prefix="MV",
        period=reports.quarter(2025, 3),
        audience=audience,
        generated_at=datetime(2025, 10, 2, 3, 4, tzinfo=UTC),
        people=PeopleFigures(
            total=pc("", 6, 2, 40),
            by_sex=(pc("F", 5, 2, 36), pc("M", 1, 0, 4), pc("X", 0, 0, 0)),
            by_age=(pc("u16", 3, 0, 9), *[pc(k, 0, 0, 0) for k in reports.AGE_BANDS[1:]]),
            by_ethnicity=(pc("08", 6, 2, 40),),
            by_commune=(pc("00769", 6, 2, 40, "+Xã Mèo Vạc"), pc("", 0, 0, 0)),
            by_category=(pc("victim", 4, 1, 20), *[pc(k, 0, 0, 0) for k in CATEGORIES[1:]]),
        ),
        support=(
            SupportRow("cattle", "Bò giống sinh sản", "Breeding cattle", "in_kind", 1, 2, 2, 0,
                       30_000_000, 12, 11, 0, 180_000_000),
        ),
        projects=(
            ProjectRow("SK-1", "-Sinh kế", "@Rồng Xanh", date(2024, 1, 1), date(2027, 12, 31),
                       1_000_000, 300_000, 100_000),
        ),
        visits=(visit,),
        visits_total=replace(visit, months_after=None),
        assets=(AssetFigures("cow", 14, 12, 2, 10, 1, 0, 0, 1, 1, 1, 3),),
        receipts=ReceiptFigures(9, 1, 8, 2, 45_000_000),
        excluded_people=3,
    )  # fmt: skip


def cells(tables: list, key: str) -> list[tuple]:  # type: ignore[type-arg]
    return list(next(t for t in tables if t.key == key).all_rows())


def test_office_version_shows_every_count() -> None:
    tables = build_tables(sample("office"), "vi")
    assert all(SUPPRESSED not in row for t in tables for row in t.all_rows())
    sex = cells(tables, "people_sex")
    assert sex[1] == ("Nam", 1, 0, 1, 4)
    assert sex[-1] == ("Tổng cộng", 6, 2, 8, 40)


def test_donor_version_hides_counts_from_1_to_4_but_not_money() -> None:
    tables = build_tables(sample("donor"), "vi")
    sex = cells(tables, "people_sex")
    assert sex[1][:2] == ("Nam", SUPPRESSED)  # 1 new man
    assert sex[-1][-1] == 40, "a large total stays"
    support = cells(tables, "support")[0]
    assert support[2:4] == (SUPPRESSED, SUPPRESSED)
    # 30.000.000 đ of cattle beside "<5" hand-overs would give the count back: hidden too.
    assert support[5:7] == (0, HIDDEN)
    projects = cells(tables, "projects")[0]
    assert projects[5:] == (1_000_000, 300_000, 100_000, 700_000)
    receipts = cells(tables, "receipts")
    assert receipts[2] == ("Đã hủy", SUPPRESSED, None)
    for t in tables:
        for row in t.all_rows():
            for col, value in zip(t.columns, row, strict=True):
                if isinstance(value, int) and col.kind == "count":
                    assert value == 0 or value >= 5, (t.key, row)
                if isinstance(value, str) and col.kind == "count":
                    assert value in (SUPPRESSED, HIDDEN), (t.key, row)
    text = " ".join(notes(sample("donor"), "vi"))
    assert "«<5»" in text and "(<5 người)" in text and "«x»" in text


def test_a_small_count_cannot_be_worked_out_from_the_totals() -> None:
    """Women 5, men 1, total 6 would tell that one man came: the total or the women's
    count is hidden too, and every table shows the same total row."""
    tables = build_tables(sample("donor"), "vi")
    sex = cells(tables, "people_sex")
    men_new, women_new, total_new = sex[1][1], sex[0][1], sex[-1][1]
    assert men_new == SUPPRESSED
    assert HIDDEN in (women_new, total_new)
    totals = {cells(tables, t.key)[-1][-4:] for t in tables if t.key.startswith("people_")}
    assert len(totals) == 1, totals
    # The receipts: issued 9 = valid 8 + voided 1, so the valid count is hidden as well.
    receipts = cells(tables, "receipts")
    assert receipts[0][1] == 9 and receipts[1][1] == HIDDEN


def test_the_office_keeps_every_figure_even_the_small_ones() -> None:
    sex = cells(build_tables(sample("office"), "vi"), "people_sex")
    assert sex[0] == ("Nữ", 5, 2, 7, 36)


def test_text_that_looks_like_a_formula_is_neutralised() -> None:
    for raw in ("=1+2", "+84912", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(raw) == "'" + raw
    assert neutralise("Mèo Vạc") == "Mèo Vạc" and neutralise("") == ""
    tables = build_tables(sample("office"), "en")
    assert cells(tables, "people_commune")[0][1] == "'+Xã Mèo Vạc"
    project = cells(tables, "projects")[0]
    assert project[1] == "'-Sinh kế" and project[2] == "'@Rồng Xanh"


def test_english_tables() -> None:
    tables = build_tables(sample("province"), "en")
    assert [t.title for t in tables][:2] == [
        "People supported by sex",
        "People supported by age band",
    ]
    assert cells(tables, "people_age")[0][0] == "Under 16"
    assert cells(tables, "people_commune")[1][1] == "Unknown"
    assert cells(tables, "visits")[0][0] == "After 3 months"
    assert cells(tables, "assets")[0][0] == "Cow"
    for t in tables:
        assert len(t.sheet) <= 31
        for row in t.all_rows():
            assert len(row) == len(t.columns)


def test_period_dataclass_is_plain() -> None:
    p = Period(date(2025, 1, 1), date(2025, 3, 31), "quarter")
    assert p.key == "2025-Q1" and p.slug == "2025-Q1"
    assert Period(date(2025, 1, 5), date(2025, 2, 1)).slug == "20250105-20250201"
