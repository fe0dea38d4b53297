"""The plain data that crosses layers: what a service returns and the window or a report
writer takes. Frozen dataclasses of standard types only, so that a report writer can be
typed with them without importing the services that fill them.

Summary figures: every count is a whole number, money is whole đồng; small-cell suppression
("<5") happens later, when ``tracker.reports.summary_tables`` builds the output tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

#: The offices' local time (Indochina Time, UTC+7 all year): report headers and sign-off
#: dates are written in it, whatever the PC's own clock zone.
OFFICE_TIME = timezone(timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class Period:
    """A reporting period: its first and last day and how it was chosen."""

    start: date
    end: date
    kind: str = "range"

    @property
    def key(self) -> str:
        """What a user types to get it again: "2025-Q1", "2025", "2025-6M", "2025-9M",
        "2025-01-01..2025-03-31"."""
        y = self.start.year
        if self.kind == "quarter":
            return f"{y}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(y)
        if self.kind in ("6m", "9m"):
            return f"{y}-{self.kind.upper()}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def slug(self) -> str:
        """For file and folder names: ASCII letters, digits and '-' only."""
        if self.kind == "range":
            return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"
        return self.key

    def label(self, lang: str = "vi") -> str:
        y = self.start.year
        q = (self.start.month - 1) // 3 + 1
        if lang == "vi":
            return {
                "quarter": f"Quý {_ROMAN[q]}/{y}",
                "year": f"Năm {y}",
                "6m": f"6 tháng đầu năm {y}",
                "9m": f"9 tháng đầu năm {y}",
            }.get(self.kind, f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}")
        return {
            "quarter": f"Q{q} {y}",
            "year": f"Year {y}",
            "6m": f"First 6 months of {y}",
            "9m": f"First 9 months of {y}",
        }.get(self.kind, f"{self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}")

    def days(self) -> int:
        return (self.end - self.start).days + 1


# --- summary figures ------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleCount:
    """People supported in one group: new in the period, continuing, and cumulative."""

    key: str
    new: int
    continuing: int
    cumulative: int
    name: str = ""

    @property
    def in_period(self) -> int:
        return self.new + self.continuing


@dataclass(frozen=True)
class PeopleFigures:
    total: PeopleCount
    by_sex: tuple[PeopleCount, ...]
    by_age: tuple[PeopleCount, ...]
    by_ethnicity: tuple[PeopleCount, ...]
    by_commune: tuple[PeopleCount, ...]
    by_category: tuple[PeopleCount, ...]


@dataclass(frozen=True)
class Amounts:
    """How the đồng of one published cell were handed over: how many hand-overs in cash
    and in goods, and the amount of each when they were all the same (0 when they were
    not). A cell of five 2.000.000 đ allowances is ``Amounts(5, 0, 2_000_000, 0)``: a
    reader who knows the allowance gets the count back from the amount."""

    cash_handovers: int = 0
    goods_handovers: int = 0
    cash_unit: int = 0
    goods_unit: int = 0


@dataclass(frozen=True)
class SupportCell:
    """Support of one type to one group in the period: people, hand-overs, cash and the
    value of goods."""

    grant_type: str
    key: str  # the group: a category code, or a place's key
    people: int
    handovers: int
    cash: int
    in_kind: int
    amounts: Amounts = Amounts()
    name: str = ""  # the place's name ("Xã Mèo Vạc")

    @property
    def value(self) -> int:
        return self.cash + self.in_kind


@dataclass(frozen=True)
class PeopleCell:
    """People supported in the period in one category, sex and age band."""

    category: str
    sex: str
    age: str
    people: int


@dataclass(frozen=True)
class SupportRow:
    """Grants and hand-overs of one support type."""

    grant_type: str
    name_vi: str
    name_en: str
    kind: str
    grants_new: int  # grants planned in the period (not cancelled)
    handovers: int  # hand-overs in the period
    people: int  # people who received something in the period
    cash: int  # đồng paid in cash in the period
    in_kind: int  # value of goods handed over in the period
    handovers_total: int  # to the period's end
    people_total: int
    cash_total: int
    in_kind_total: int
    #: What a reader could divide the amounts by (see ``Amounts``), in the period and to
    #: its end. Not printed: they tell the small-cell protection which amounts give a
    #: count back.
    amounts: Amounts | None = None
    amounts_total: Amounts | None = None


@dataclass(frozen=True)
class ProjectRow:
    code: str
    name: str
    donor: str
    start_date: date
    end_date: date
    budget: int
    spent: int  # to the period's end
    spent_in_period: int

    @property
    def left(self) -> int:
        return self.budget - self.spent


@dataclass(frozen=True)
class VisitFigures:
    """Follow-up visits of one step of the plan (months after the hand-over; None: extra).

    The visits scheduled in the period, each in exactly one state on the period's end (or
    today, for a period not over yet): ``scheduled = done + missed + overdue + not_yet_due
    + cancelled``. Then the outcomes of the visits done in the period, whatever their
    date."""

    months_after: int | None
    scheduled: int
    done: int  # done by the period's end (or today)
    missed: int  # went and met no one, by then
    overdue: int  # the date has passed, nothing done or tried by then
    not_yet_due: int  # a period not over yet: the date is still ahead
    cancelled: int
    done_in_period: int  # visits done in the period (whenever they were due)
    livelihood_running: int
    livelihood_stopped: int
    safety_concern: int
    in_school: int
    income_none: int
    income_low: int
    income_medium: int
    income_high: int

    @property
    def due(self) -> int:
        """Scheduled in the period and not cancelled."""
        return self.scheduled - self.cancelled


@dataclass(frozen=True)
class AssetFigures:
    """Granted animals and looms (and young born of them) held on the period's end."""

    kind: str
    total: int
    granted: int
    born: int
    alive: int
    sick: int
    in_use: int
    unused: int
    died: int
    sold: int
    passed_on: int
    gave_birth: int


@dataclass(frozen=True)
class PassOnFigures:
    """Animals and things passed on from one family to another (bò quay vòng), of one
    kind (or all, ``kind`` ""): how many and how many families received, in the period and
    to its end. Not money spent: their value is never added to the support."""

    kind: str
    passed_on: int
    families: int
    passed_on_total: int
    families_total: int


@dataclass(frozen=True)
class ReceiptFigures:
    issued: int
    voided: int
    valid: int
    reprints: int
    amount_valid: int


@dataclass(frozen=True)
class CorrectionFigures:
    """Corrections dated in the period of records of closed quarters: hand-over
    adjustments (their number and the change of value in đồng, negative when less was
    handed over than recorded) and receipts of closed quarters voided in the period (their
    number and amount). The closed quarters' own figures stay as they were."""

    handover_adjustments: int = 0
    handover_change: int = 0
    late_voids: int = 0
    late_void_amount: int = 0

    @property
    def any(self) -> bool:
        return bool(self.handover_adjustments or self.late_voids)


@dataclass(frozen=True)
class Reopening:
    """A closed quarter opened again: when (UTC), by whom and why."""

    period_key: str
    at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class ClosedInfo:
    """The quarter of a summary is closed: its figures are those kept at the close."""

    period_key: str
    at: datetime
    by: str
    digest: str


@dataclass(frozen=True)
class SignOff:
    """Who signs the report and where: "Mèo Vạc, ngày 06 tháng 12 năm 2026"."""

    place: str = ""
    made_on: date | None = None
    preparer: str = ""  # người lập biểu: the user who made it
    accountant: str = ""  # kế toán trưởng
    head: str = ""  # thủ trưởng đơn vị


@dataclass(frozen=True)
class Summary:
    office_name: str
    office_prefix: str
    period: Period
    audience: str
    generated_at: datetime
    people: PeopleFigures
    support: tuple[SupportRow, ...]
    projects: tuple[ProjectRow, ...]
    visits: tuple[VisitFigures, ...]
    visits_total: VisitFigures
    assets: tuple[AssetFigures, ...]
    receipts: ReceiptFigures
    #: People left out because they withdrew the consent this version needs.
    excluded_people: int
    #: The audit chain's head when the summary was made (last event id, number of events,
    #: hash), printed on every exported file.
    audit_head: tuple[int, int, str] | None = None
    #: Support by type and category, and by type and place, in the period.
    support_by_category: tuple[SupportCell, ...] = ()
    support_by_place: tuple[SupportCell, ...] = ()
    #: People supported in the period by category, sex and age band.
    people_by_category_sex_age: tuple[PeopleCell, ...] = ()
    #: How ``by_commune`` and ``support_by_place`` group places: "commune" (the units in
    #: force on the period's end) or "district" (the former districts, for a period that
    #: ended before 1 July 2025).
    places: str = "commune"
    #: The period has not ended yet: every figure is provisional ("số liệu tạm tính").
    provisional: bool = False
    #: Passed on between families, by kind, and all kinds together (families once each).
    pass_on: tuple[PassOnFigures, ...] = ()
    pass_on_total: PassOnFigures = PassOnFigures("", 0, 0, 0, 0)
    sign_off: SignOff = SignOff()
    #: Corrections of closed quarters' records dated in this period.
    corrections: CorrectionFigures = CorrectionFigures()
    #: The quarter is closed: the figures are those kept when it was closed.
    closed: ClosedInfo | None = None
    #: Every reopening of a quarter of this period, printed on every report made after it.
    reopenings: tuple[Reopening, ...] = ()

    @property
    def made_at_local(self) -> datetime:
        """When it was made, in the offices' local time."""
        return self.generated_at.astimezone(OFFICE_TIME)

    @property
    def start(self) -> date:
        return self.period.start

    @property
    def end(self) -> date:
        return self.period.end

    @property
    def suppressed(self) -> bool:
        """Counts from 1 to 4 are shown as "<5" in the output of this version."""
        return self.audience != "office"

    @property
    def is_empty(self) -> bool:
        return (
            self.people.total.cumulative == 0
            and not any(r.handovers_total or r.grants_new for r in self.support)
            and self.visits_total.scheduled == 0
            and self.visits_total.done_in_period == 0
        )


# --- the line list --------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class LineListRow:
    """One person of the line list, with what they were handed in the period and to its end."""

    code: str
    full_name: str
    alias: str
    sex: str
    birth_date: date | None
    birth_year: int | None
    ethnicity_code: str
    id_number: str
    phone: str
    commune_code: str
    village: str
    category: str
    status: str
    registered_on: date
    first_handover: date | None
    handovers_in_period: int
    cash_in_period: int
    in_kind_in_period: int
    cash_total: int
    in_kind_total: int


# --- trip sheets ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TripAsset:
    """An animal or a loom the family still has, as it was last recorded."""

    id: int
    kind: str  # a code of vocab.ASSET_KINDS
    tag: str
    status: str  # a code of vocab.ASSET_STATUSES


@dataclass(frozen=True, kw_only=True)
class TripFinding:
    """What the last visit of the same support found (codes; the writer names them)."""

    on: date
    status: str  # "done" or "missed"
    livelihood_running: bool | None = None
    income_band: str | None = None
    in_school: bool | None = None
    needs_attention: bool = False
    missed_reason: str | None = None
    #: (asset kind, status recorded at that visit), in the order of the assets.
    assets: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, kw_only=True)
class TripStop:
    """One visit on a trip sheet: who (code and alias; the full name only when asked by a
    role that may see it), where, for which support, what to look at."""

    visit_id: int
    beneficiary_id: int
    code: str
    alias: str
    full_name: str  # "" unless names were asked for
    village: str
    commune_code: str
    grant_type: str
    type_name_vi: str  # neutral words
    type_name_en: str
    checks: str  # a key of vocab.VISIT_CHECKS
    scheduled_on: date
    months_after: int | None
    days_late: int
    last: TripFinding | None
    assets: tuple[TripAsset, ...] = ()


@dataclass(frozen=True, kw_only=True)
class TripSheet:
    """The visits due and overdue in some communes (or villages) up to a day, grouped by
    village, for an officer who goes out without a network."""

    office_name: str
    written_at: str  # locality of the date line
    communes: tuple[tuple[str, str], ...]  # (code, name as shown)
    villages: tuple[str, ...]  # () for every village of the communes
    start: date
    end: date
    made_on: date
    officer: str  # who is going (may be "": written by hand)
    names_shown: bool
    stops: tuple[TripStop, ...]

    @property
    def village_groups(self) -> list[tuple[str, list[TripStop]]]:
        """The stops by village (of a commune), in the sheet's order."""
        groups: list[tuple[str, list[TripStop]]] = []
        for stop in self.stops:
            last = groups[-1][1][0] if groups else None
            if last is None or (last.commune_code, last.village) != (
                stop.commune_code,
                stop.village,
            ):
                groups.append((stop.village, []))
            groups[-1][1].append(stop)
        return groups

    def commune_name(self, code: str) -> str:
        return next((name for c, name in self.communes if c == code), code)
