"""Qt table models. They hold rows (the plain objects the services return), never queries:
``set_rows()`` for a list that is loaded whole, or a fetcher for lists of any length that
loads pages of rows on demand (``canFetchMore``/``fetchMore``).

Each model names its columns with keys (``COLUMNS``); ``ROW_ROLE`` gives the row object of
an index. Texts are formatted in the current language when Qt asks for them, so after a
language switch ``retranslate()`` is all a model needs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from tracker.services import beneficiaries, grants, visits
from tracker.services.beneficiaries import BeneficiaryRow, SearchFilter
from tracker.services.grants import GrantView, HandoverView
from tracker.services.projects import ProjectView
from tracker.services.visits import VisitRow
from tracker.ui import fmt
from tracker.ui.context import UiContext
from tracker.ui.worker import run_task

log = logging.getLogger(__name__)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
LATE = QBrush(QColor("#b3261e"))
MUTED = QBrush(QColor("#6b6b6b"))

Index = QModelIndex | QPersistentModelIndex
#: ``fetch(offset, limit)`` -> one page of rows; a keyed model's pager also takes the last
#: row shown (``fetch(offset, limit, after)``, None for the first page).
Pager = Callable[..., list[Any]]


@dataclass(frozen=True)
class Column:
    key: str
    right: bool = False
    #: The service's ``order`` value when the column can be sorted.
    sort: str | None = None


class RowsTableModel(QAbstractTableModel):
    """Rows of plain objects shown through named columns."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # --- what subclasses provide -------------------------------------------------------
    def headers(self) -> dict[str, str]:
        raise NotImplementedError

    def display(self, row: Any, key: str) -> str:
        value = getattr(row, key, "")
        return "" if value is None else str(value)

    def tooltip(self, row: Any, key: str) -> str | None:
        return None

    def foreground(self, row: Any, key: str) -> QBrush | None:
        return None

    # --- rows --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, key: str) -> int:
        for i, col in enumerate(self.COLUMNS):
            if col.key == key:
                return i
        raise KeyError(key)

    def retranslate(self) -> None:
        """Headers and cells again in the current language."""
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )

    # --- Qt ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        col = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers().get(col.key, col.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.right else LEFT
        if role == KEY_ROLE:
            return col.key
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.right else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, col.key)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return col.key
        return None


class PagedTableModel(RowsTableModel):
    """Rows fetched from a service one page at a time as the view scrolls, on the worker.

    A subclass says how to read one page under its current filter (:meth:`pager`, and
    :meth:`counter` when it shows a total): each is made on the UI thread from plain values
    and called on the worker, so that neither a reload nor a page fetched while scrolling
    holds up the window, whatever the size of the list. A reload started while another is
    running wins; the older one's rows are dropped.
    """

    #: A page could not be loaded (the exception); the rows already shown stay.
    load_failed = Signal(object)
    #: A fresh first page was loaded (number of rows now shown).
    reloaded = Signal(int)

    #: The pager reads the page after the last row shown (by key, never by skipping
    #: rows: scrolling the whole list then costs the same for every page).
    keyed = False

    def __init__(self, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        #: How many rows the list has in all (when the subclass counts them).
        self.total = 0
        self._fetch: Pager | None = None
        self._exhausted = True
        self._generation = 0
        self._busy = False
        #: The service's sort order (a column's ``sort`` key; None: the list's own order)
        #: and its direction, and the words typed to find rows.
        self.order: str | None = None
        self.descending = False
        self.text = ""

    # --- what subclasses provide -------------------------------------------------------
    def pager(self) -> Pager | None:
        """``fetch(offset, limit)`` -> the rows of one page under the current filter."""
        return None

    def counter(self) -> Callable[[], int] | None:
        """``count()`` -> how many rows there are under the current filter."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the service (the whole list, not the page shown): read again from the
        first page in the new order."""
        if not 0 <= column < len(self.COLUMNS):
            return
        key = self.COLUMNS[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.order, self.descending):
            return  # already so (the view asks when sorting is switched on)
        self.order = key
        self.descending = descending
        self.reload()

    # --- loading -----------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """A page is being read on the worker."""
        return self._busy

    def reload(self) -> None:
        """Read the first page again (and the total) on the worker."""
        fetch = self.pager()
        if fetch is None:
            return
        count = self.counter()
        size = self.page_size
        self._generation += 1
        generation = self._generation
        self._busy = True

        def job() -> tuple[int | None, list[Any]]:
            rows = fetch(0, size, None) if keyed else fetch(0, size)
            return (count() if count is not None else None), rows

        keyed = self.keyed

        run_task(
            None,
            job,
            on_success=lambda result: self._first_page(generation, fetch, result),
            on_failure=lambda exc: self._failed(generation, exc),
        )

    def _current(self, generation: int) -> bool:
        return generation == self._generation and shiboken6.isValid(self)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._current(generation):
            return
        self._busy = False
        self._exhausted = True
        log.warning("loading a list failed: %s", exc)
        self.load_failed.emit(exc)

    def _first_page(
        self, generation: int, fetch: Pager, result: tuple[int | None, list[Any]]
    ) -> None:
        if not self._current(generation):
            return
        total, rows = result
        self._busy = False
        if total is not None:
            self.total = total
        self.beginResetModel()
        self._rows = list(rows)
        self._fetch = fetch
        self._exhausted = len(rows) < self.page_size
        self.endResetModel()
        self.reloaded.emit(len(self._rows))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._busy and bool(self._fetch)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        fetch = self._fetch
        if parent.isValid() or self._exhausted or self._busy or fetch is None:
            return
        offset, size, generation = len(self._rows), self.page_size, self._generation
        self._busy = True
        if self.keyed:
            after = self._rows[-1] if self._rows else None
            job: Callable[[], list[Any]] = lambda: fetch(offset, size, after)  # noqa: E731
        else:
            job = lambda: fetch(offset, size)  # noqa: E731
        run_task(
            None,
            job,
            on_success=lambda more: self._next_page(generation, offset, more),
            on_failure=lambda exc: self._failed(generation, exc),
        )

    def _next_page(self, generation: int, offset: int, more: list[Any]) -> None:
        if not self._current(generation):
            return
        self._busy = False
        if offset != len(self._rows):
            return
        self._exhausted = len(more) < self.page_size
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()


# --- beneficiaries ---------------------------------------------------------------------


class BeneficiaryTableModel(PagedTableModel):
    """The register: pages of ``beneficiaries.search`` under a filter and a sort order."""

    COLUMNS = (
        Column("code", sort="code"),
        Column("name", sort="name"),
        Column("birth_year", right=True, sort="birth_year"),
        Column("sex", sort="sex"),
        Column("ethnicity", sort="ethnicity"),
        Column("commune", sort="commune"),
        Column("village", sort="village"),
        Column("category", sort="category"),
        Column("status", sort="status"),
    )

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = SearchFilter()
        self.order = "name"
        ctx.events.names_visible_changed.connect(lambda _v: self.retranslate())

    def headers(self) -> dict[str, str]:
        return {
            "code": self.tr("Code"),
            "name": self.tr("Full name") if self.ctx.names_visible else self.tr("Alias"),
            "birth_year": self.tr("Born"),
            "sex": self.tr("Sex"),
            "ethnicity": self.tr("Ethnic group"),
            "commune": self.tr("Commune"),
            "village": self.tr("Village"),
            "category": self.tr("Category"),
            "status": self.tr("Status"),
        }

    keyed = True
    #: The count stops past this many (the list then says "more than").
    COUNT_LIMIT = 1000

    def pager(self) -> Pager:
        db, actor, flt, order, descending = (
            self.ctx.db, self.ctx.actor, self.filter, self.order, self.descending
        )  # fmt: skip

        def fetch(offset: int, limit: int, after: BeneficiaryRow | None) -> list[Any]:
            return beneficiaries.search(
                db, actor, flt, limit=limit, order=order or "name", descending=descending,
                after_id=after.id if after is not None else None,
            )  # fmt: skip

        return fetch

    def counter(self) -> Callable[[], int]:
        db, actor, flt, most = self.ctx.db, self.ctx.actor, self.filter, self.COUNT_LIMIT + 1
        return lambda: beneficiaries.count(db, actor, flt, at_most=most)

    @property
    def more_than_counted(self) -> bool:
        """The list holds more people than were counted."""
        return self.total > self.COUNT_LIMIT

    def set_filter(self, flt: SearchFilter) -> None:
        self.filter = flt
        self.reload()

    def display(self, row: BeneficiaryRow, key: str) -> str:
        if key == "name":
            if self.ctx.names_visible:
                return f"{row.full_name} ({row.alias})" if row.alias else row.full_name
            return row.alias or "—"
        if key == "birth_year":
            return str(row.birth_year or "")
        if key == "sex":
            return fmt.label("sex", row.sex)
        if key == "ethnicity":
            return fmt.ethnicity(row.ethnicity_code)
        if key == "commune":
            return fmt.unit_name(row.commune_code)
        if key == "category":
            return fmt.label("category", row.category)
        if key == "status":
            return fmt.label("beneficiary_status", row.status)
        return super().display(row, key)

    def tooltip(self, row: BeneficiaryRow, key: str) -> str | None:
        if key == "name" and not self.ctx.names_visible:
            return self.tr("Names are hidden. Tick “Show names” to see them.")
        return None

    def foreground(self, row: BeneficiaryRow, key: str) -> QBrush | None:
        return MUTED if row.status != "active" else None


# --- grants ----------------------------------------------------------------------------


class GrantTableModel(PagedTableModel):
    """Grants, newest first, one page of ``grants.list_grants`` at a time."""

    COLUMNS = (
        Column("start_date", sort="start_date"),
        Column("beneficiary", sort="beneficiary"),
        Column("grant_type", sort="grant_type"),
        Column("project", sort="project"),
        Column("planned", right=True, sort="planned"),
        Column("delivered", right=True, sort="delivered"),
        Column("remaining", right=True, sort="remaining"),
        Column("status", sort="status"),
    )

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: str | None = None
        self.project_id: int | None = None
        self.beneficiary_id: int | None = None
        ctx.events.names_visible_changed.connect(lambda _v: self.retranslate())

    def headers(self) -> dict[str, str]:
        return {
            "start_date": self.tr("Start"),
            "beneficiary": self.tr("Beneficiary"),
            "grant_type": self.tr("Support type"),
            "project": self.tr("Project"),
            "planned": self.tr("Planned"),
            "delivered": self.tr("Handed over"),
            "remaining": self.tr("Remaining"),
            "status": self.tr("Status"),
        }

    def pager(self) -> Pager:
        db, actor = self.ctx.db, self.ctx.actor
        person, project, status = self.beneficiary_id, self.project_id, self.status
        text, order, descending = self.text, self.order, self.descending
        return lambda offset, limit: grants.list_grants(
            db,
            actor,
            beneficiary_id=person,
            project_id=project,
            status=status,
            limit=limit,
            offset=offset,
            text=text,
            order=order,
            descending=descending,
        )

    def display(self, row: GrantView, key: str) -> str:
        if key == "start_date":
            return fmt.day(row.start_date)
        if key == "beneficiary":
            return fmt.person(
                row.beneficiary_code, row.beneficiary_name, names_visible=self.ctx.names_visible
            )
        if key == "grant_type":
            return fmt.type_name(row.grant_type_name_vi, row.grant_type_name_en)
        if key == "project":
            return row.project_code
        if key == "planned":
            return fmt.money(row.planned_total)
        if key == "delivered":
            return fmt.money(row.delivered)
        if key == "remaining":
            return fmt.money(row.remaining)
        if key == "status":
            return fmt.label("grant_status", row.status)
        return super().display(row, key)

    def foreground(self, row: GrantView, key: str) -> QBrush | None:
        return MUTED if row.status in ("cancelled", "completed") else None


# --- visits ----------------------------------------------------------------------------


class VisitTableModel(PagedTableModel):
    """Visits of one list (due, overdue, open, done, all), a page at a time; or rows given
    with ``set_rows`` (the Today page loads its short lists on the worker)."""

    COLUMNS = (
        Column("scheduled_on", sort="scheduled_on"),
        Column("days_late", right=True, sort="days_late"),
        Column("beneficiary", sort="beneficiary"),
        Column("commune", sort="commune"),
        Column("village", sort="village"),
        Column("grant_type", sort="grant_type"),
        Column("months_after", sort="months_after"),
        Column("officer", sort="officer"),
        Column("status", sort="status"),
        Column("done_on", sort="done_on"),
        Column("outcome", sort="outcome"),
    )

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.which = "open"
        self.commune_code: str | None = None
        self.officer_id: int | None = None
        self.beneficiary_id: int | None = None
        ctx.events.names_visible_changed.connect(lambda _v: self.retranslate())

    def pager(self) -> Pager:
        db, actor, which, today = self.ctx.db, self.ctx.actor, self.which, self.ctx.today()
        commune, officer, person = self.commune_code, self.officer_id, self.beneficiary_id
        text, order, descending = self.text, self.order, self.descending
        return lambda offset, limit: visits.list_visits(
            db,
            actor,
            which,
            today=today,
            commune_code=commune,
            officer_id=officer,
            beneficiary_id=person,
            limit=limit,
            offset=offset,
            text=text,
            order=order,
            descending=descending,
        )

    def headers(self) -> dict[str, str]:
        return {
            "scheduled_on": self.tr("Due"),
            "days_late": self.tr("Days late"),
            "beneficiary": self.tr("Beneficiary"),
            "commune": self.tr("Commune"),
            "village": self.tr("Village"),
            "grant_type": self.tr("Support type"),
            "months_after": self.tr("Follow-up"),
            "officer": self.tr("Officer"),
            "status": self.tr("Status"),
            "done_on": self.tr("Visited on"),
            "outcome": self.tr("Outcome"),
        }

    def display(self, row: VisitRow, key: str) -> str:
        if key == "scheduled_on":
            return fmt.day(row.scheduled_on)
        if key == "days_late":
            return str(row.days_late) if row.days_late else ""
        if key == "beneficiary":
            return fmt.person(
                row.beneficiary_code,
                row.beneficiary_name,
                row.alias,
                names_visible=self.ctx.names_visible,
            )
        if key == "commune":
            return fmt.unit_name(row.commune_code)
        if key == "grant_type":
            return fmt.type_name(row.grant_type_name_vi, row.grant_type_name_en)
        if key == "months_after":
            if row.months_after is None:
                return self.tr("Extra visit")
            return self.tr("After %n month(s)", "", row.months_after)
        if key == "status":
            return fmt.label("visit_status", row.status)
        if key == "done_on":
            return fmt.day(row.done_on)
        if key == "outcome":
            return self.outcome(row)
        return super().display(row, key)

    def outcome(self, row: VisitRow) -> str:
        if row.status == "missed":  # the status column says "missed": here, why
            return fmt.label("missed_reason", row.missed_reason)
        if row.status != "done":
            return ""
        parts = [
            self.tr("Livelihood running") if row.livelihood_running else self.tr("Not running")
        ]
        if row.income_band:
            parts.append(fmt.label("income_band", row.income_band))
        if row.safety_concern:
            parts.append(self.tr("Safety concern"))
        return "; ".join(parts)

    def foreground(self, row: VisitRow, key: str) -> QBrush | None:
        if row.days_late and key in ("scheduled_on", "days_late"):
            return LATE
        if row.safety_concern and key == "outcome":
            return LATE
        return None


# --- hand-overs and receipts -----------------------------------------------------------


class HandoverTableModel(PagedTableModel):
    """Hand-overs with their receipt numbers, newest first."""

    COLUMNS = (
        Column("handed_on"),
        Column("receipt_number"),
        Column("beneficiary"),
        Column("grant_type"),
        Column("description"),
        Column("quantity", right=True),
        Column("amount", right=True),
        Column("staff"),
    )

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.beneficiary_id: int | None = None
        ctx.events.names_visible_changed.connect(lambda _v: self.retranslate())

    def headers(self) -> dict[str, str]:
        return {
            "handed_on": self.tr("Date"),
            "receipt_number": self.tr("Receipt no."),
            "beneficiary": self.tr("Beneficiary"),
            "grant_type": self.tr("Support type"),
            "description": self.tr("Description"),
            "quantity": self.tr("Quantity"),
            "amount": self.tr("Amount"),
            "staff": self.tr("Handed over by"),
        }

    def pager(self) -> Pager:
        db, actor, person = self.ctx.db, self.ctx.actor, self.beneficiary_id
        return lambda offset, limit: grants.list_handovers(
            db, actor, beneficiary_id=person, limit=limit, offset=offset
        )

    def display(self, row: HandoverView, key: str) -> str:
        if key == "handed_on":
            return fmt.day(row.handed_on)
        if key == "receipt_number":
            return row.receipt_number or self.tr("(void)")
        if key == "beneficiary":
            return fmt.person(
                row.beneficiary_code, row.beneficiary_name, names_visible=self.ctx.names_visible
            )
        if key == "grant_type":
            return self.ctx.grant_type_name(row.grant_type)
        if key == "quantity":
            return fmt.number(row.quantity) if row.quantity is not None else ""
        if key == "amount":
            return fmt.money(row.amount)
        return super().display(row, key)

    def tooltip(self, row: HandoverView, key: str) -> str | None:
        if row.override_reason:
            return self.tr("Above the plan or budget: {reason}").format(reason=row.override_reason)
        return None


# --- projects --------------------------------------------------------------------------


class ProjectTableModel(RowsTableModel):
    """Donor projects with budget, planned, spent and left."""

    COLUMNS = (
        Column("code"),
        Column("name"),
        Column("donor"),
        Column("budget", right=True),
        Column("planned", right=True),
        Column("spent", right=True),
        Column("left", right=True),
        Column("used", right=True),
        Column("status"),
    )

    def headers(self) -> dict[str, str]:
        return {
            "code": self.tr("Code"),
            "name": self.tr("Project"),
            "donor": self.tr("Donor"),
            "budget": self.tr("Budget"),
            "planned": self.tr("Planned"),
            "spent": self.tr("Spent"),
            "left": self.tr("Left"),
            "used": self.tr("Used"),
            "status": self.tr("Status"),
        }

    def display(self, row: ProjectView, key: str) -> str:
        if key in ("budget", "planned", "spent", "left"):
            return fmt.money(getattr(row, key))
        if key == "used":
            return f"{row.spent * 100 // row.budget} %" if row.budget else ""
        if key == "status":
            return self.tr("Open") if row.status == "active" else self.tr("Closed")
        return super().display(row, key)

    def tooltip(self, row: ProjectView, key: str) -> str | None:
        return self.tr("{name}, {donor}: {start} – {end}").format(
            name=row.name, donor=row.donor, start=fmt.day(row.start_date), end=fmt.day(row.end_date)
        )

    def foreground(self, row: ProjectView, key: str) -> QBrush | None:
        return LATE if key == "left" and row.left < 0 else None
