"""The audit trail (administrators only): every write and every look at a person's record,
newest first, filtered by user, kind of record and dates; the values before and after the
selected event; and a check of the whole hash chain.

Pages of events are read on the worker as the list is scrolled.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker.services import audit, office
from tracker.services.audit import AuditRow, ChainReport
from tracker.ui import fmt
from tracker.ui.context import ALL_DATA, Change, ChangeNotice, UiContext
from tracker.ui.lists import table_view
from tracker.ui.models import ROW_ROLE, Column, Index, RowsTableModel
from tracker.ui.pages.base import Page
from tracker.ui.widgets import Banner, OptionalDateEdit
from tracker.ui.worker import Task, error_text, run_task

PAGE_SIZE = 200
#: The kinds of records the services write events about (the filter's choices).
ENTITIES = (
    "beneficiary",
    "grant",
    "disbursement",
    "visit",
    "asset",
    "pass_on",
    "receipt",
    "project",
    "grant_type",
    "office",
    "user",
    "database",
    "report",
    "trip_sheet",
)


def local_time(at: datetime) -> datetime:
    """A stored UTC timestamp in this computer's time zone."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone()


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


class AuditTableModel(RowsTableModel):
    """Audit events, newest first, loaded a page at a time by the page (``more_wanted``).

    The service filters whole UTC days; the user picks days in local time, so the page asks
    for one day more on each side and the model keeps the events of the chosen local days.
    ``raw_count`` counts the events read, kept or not, for the next page's offset."""

    COLUMNS = (
        Column("at"),
        Column("username"),
        Column("action"),
        Column("entity"),
        Column("entity_id", right=True),
    )

    #: The view scrolled to the end and more events may exist.
    more_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.raw_count = 0
        self.exhausted = True
        self.loading = False
        self.since: date | None = None
        self.until: date | None = None

    def headers(self) -> dict[str, str]:
        return {
            "at": self.tr("Time"),
            "username": self.tr("User"),
            "action": self.tr("Action"),
            "entity": self.tr("Record"),
            "entity_id": self.tr("Id"),
        }

    def action_label(self, action: str) -> str:
        labels = {
            "create": self.tr("created"),
            "update": self.tr("changed"),
            "view": self.tr("looked at"),
            "sign_in": self.tr("signed in"),
            "change_password": self.tr("changed own password"),
            "reset_password": self.tr("reset a password"),
            "set_role": self.tr("changed the role of"),
            "enable": self.tr("enabled"),
            "disable": self.tr("disabled"),
            "new_recovery_key": self.tr("new recovery key"),
            "backup": self.tr("backed up"),
            "plan": self.tr("planned"),
            "cancel": self.tr("cancelled"),
            "handover": self.tr("recorded"),
            "schedule": self.tr("scheduled"),
            "visit": self.tr("recorded the outcome of"),
            "miss": self.tr("recorded no one met on"),
            "consent": self.tr("recorded the consent of"),
            "consent_override": self.tr("went ahead without the consent to services of"),
            "void": self.tr("voided"),
            "replace": self.tr("replacement issued"),
            "reprint": self.tr("reprinted"),
            "print": self.tr("printed the original of"),
            "print_sheet": self.tr("printed"),
            "print_failed": self.tr("print did not come out:"),
            "export": self.tr("exported"),
            "export_started": self.tr("started an export of"),
            "export_failed": self.tr("export did not finish:"),
            "new_key": self.tr("gave a new key to"),
            "audit_alert": self.tr("found the trail altered:"),
            "totals_recounted": self.tr("counted the kept totals again:"),
            "import": self.tr("imported"),
            "pass_on": self.tr("recorded"),
            "attach": self.tr("added"),
            "remove": self.tr("removed"),
        }
        return labels.get(action, action)

    def entity_label(self, entity: str) -> str:
        labels = {
            "beneficiary": self.tr("beneficiary"),
            "grant": self.tr("grant"),
            "disbursement": self.tr("hand-over"),
            "visit": self.tr("visit"),
            "asset": self.tr("asset"),
            "pass_on": self.tr("pass-on"),
            "receipt": self.tr("receipt"),
            "project": self.tr("project"),
            "grant_type": self.tr("support type"),
            "office": self.tr("office"),
            "user": self.tr("user account"),
            "database": self.tr("database"),
            "report": self.tr("report"),
            "workbook": self.tr("import workbook"),
            "trip_sheet": self.tr("trip sheet"),
            "attachment": self.tr("photo or scan"),
        }
        return labels.get(entity, entity)

    def display(self, row: AuditRow, key: str) -> str:
        if key == "at":
            when = local_time(row.at)
            return f"{fmt.day(when.date())} {when:%H:%M:%S}"
        if key == "action":
            return self.action_label(row.action)
        if key == "entity":
            return self.entity_label(row.entity)
        if key == "entity_id":
            return "" if row.entity_id is None else str(row.entity_id)
        return super().display(row, key)

    def tooltip(self, row: AuditRow, key: str) -> str | None:
        return self.tr("Event #{id}").format(id=row.id)

    # --- pages -------------------------------------------------------------------------
    def start(self, since: date | None, until: date | None) -> None:
        """A new filter: empty, waiting for its first page."""
        self.since, self.until = since, until
        self.raw_count = 0
        self.exhausted = False
        self.loading = True
        self.set_rows([])

    def _keep(self, row: AuditRow) -> bool:
        day = local_time(row.at).date()
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def add_page(self, rows: list[AuditRow], limit: int) -> None:
        """One page from the service (``limit`` asked for)."""
        self.loading = False
        self.raw_count += len(rows)
        self.exhausted = len(rows) < limit
        kept = [r for r in rows if self._keep(r)]
        if kept:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(kept) - 1)
            self._rows.extend(kept)
            self.endInsertRows()

    def stop(self) -> None:
        """Loading failed: no more pages until the next filter."""
        self.loading = False
        self.exhausted = True

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.loading = True
            self.more_wanted.emit()


class AuditPage(Page):
    """Who did what and when; administrators only (the service refuses everyone else)."""

    key = "audit"
    shows = ALL_DATA  # every write adds events to the trail

    #: A page of events came back (number of events now listed).
    loaded = Signal(int)
    #: The chain check finished (``ChainReport``).
    verified = Signal(object)
    #: An export's chain head was compared with the trail; carries None (it is in the
    #: trail) or what is wrong ("not in chain", "other database", "no head").
    export_checked = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._verify_task: Task | None = None
        self._users_loaded = False
        self.page_size = PAGE_SIZE

        self.user = QComboBox(self)
        self.entity = QComboBox(self)
        for combo in (self.user, self.entity):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        today = ctx.today()
        self.since = OptionalDateEdit(today - timedelta(days=30), self)
        self.until = OptionalDateEdit(today, self)
        self.since_label = QLabel(self)
        self.until_label = QLabel(self)
        self.verify_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.verify_result = QLabel(self)
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_result.hide()
        self.banner = Banner(self)
        self.count_label = QLabel(self)

        self.model = AuditTableModel(self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.model.column_of("entity"), QHeaderView.ResizeMode.Stretch)
        self._sized = False
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.details.setFont(mono)
        self.details_label = QLabel(self)
        details_box = QWidget(self)
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.details_label)
        details_layout.addWidget(self.details, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("audit_splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(details_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.user)
        bar.addWidget(self.entity)
        bar.addSpacing(8)
        bar.addWidget(self.since_label)
        bar.addWidget(self.since)
        bar.addWidget(self.until_label)
        bar.addWidget(self.until)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)

        self.user.currentIndexChanged.connect(self.reload)
        self.entity.currentIndexChanged.connect(self.reload)
        self.since.changed.connect(self.reload)
        self.until.changed.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.choose_export)
        self.model.more_wanted.connect(self._fetch_page)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        self.retranslate()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("AuditPage", "Audit trail")

    def retranslate(self) -> None:
        current = self.entity.currentData()
        self.entity.blockSignals(True)
        self.entity.clear()
        self.entity.addItem(self.tr("All records"), None)
        for entity in ENTITIES:
            self.entity.addItem(self.model.entity_label(entity), entity)
        self.entity.setCurrentIndex(max(self.entity.findData(current), 0))
        self.entity.blockSignals(False)
        if self.user.count():
            self.user.setItemText(0, self.tr("All users"))
        else:
            self.user.addItem(self.tr("All users"), None)
        self.since_label.setText(self.tr("From"))
        self.until_label.setText(self.tr("to"))
        self.since.check.setToolTip(self.tr("Only events from this day on"))
        self.until.check.setToolTip(self.tr("Only events up to this day"))
        self.verify_button.setText(self.tr("Verify the chain"))
        self.verify_button.setToolTip(
            self.tr(
                "Checks that no event was changed or removed outside the app since it was "
                "written, and that every record still holds the values its newest event says."
            )
        )
        self.export_button.setText(self.tr("Compare with an export…"))
        self.export_button.setToolTip(
            self.tr(
                "Checks that the end of the trail printed on an export (its manifest.json) "
                "is still in the trail: nothing written before that export was removed."
            )
        )
        self.details_label.setText(self.tr("Values before and after the change"))
        self.model.retranslate()
        self._update_count()
        self._show_details()

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        if not self._users_loaded:
            ctx = self.ctx
            run_task(
                self,
                lambda: office.list_users(ctx.db, ctx.actor),
                on_success=self._fill_users,
                on_failure=lambda exc: self.banner.show_message(error_text(exc)),
            )
        self.reload()

    def data_changed(self, notice: ChangeNotice) -> None:
        """Every write adds events; an account added or changed also fills the user filter
        again."""
        if Change.USER in notice.kinds:
            self._users_loaded = False
        super().data_changed(notice)

    def _fill_users(self, users: list[office.UserView]) -> None:
        self._users_loaded = True
        current = self.user.currentData()
        self.user.blockSignals(True)
        while self.user.count() > 1:
            self.user.removeItem(1)
        for u in users:
            self.user.addItem(f"{u.username} · {u.full_name}", u.username)
        self.user.addItem("system", "system")
        self.user.setCurrentIndex(max(self.user.findData(current), 0))
        self.user.blockSignals(False)

    def reload(self, *_args: object) -> None:
        """Start again from the newest event under the current filter."""
        self._generation += 1
        self.banner.show_message("")
        self.model.start(self.since.value(), self.until.value())
        self._update_count()
        self._fetch_page()

    def _fetch_page(self) -> None:
        ctx, generation, limit = self.ctx, self._generation, self.page_size
        offset = self.model.raw_count
        username, entity = self.user.currentData(), self.entity.currentData()
        since, until = self.since.value(), self.until.value()
        # Whole UTC days around the local days asked for (see AuditTableModel).
        wide_since = since - timedelta(days=1) if since else None
        wide_until = until + timedelta(days=1) if until else None

        def done(rows: list[AuditRow]) -> None:
            if generation == self._generation:
                self.model.add_page(rows, limit)
                if not self._sized and self.model.rowCount():
                    self._sized = True
                    for column in range(len(self.model.COLUMNS)):
                        if column != self.model.column_of("entity"):
                            self.view.resizeColumnToContents(column)
                self._update_count()
                self.loaded.emit(self.model.rowCount())
                # A page that kept few rows may leave the view short: ask for the next.
                if self.model.canFetchMore() and self.model.rowCount() < limit:
                    self.model.fetchMore()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.model.stop()
                self.banner.show_message(error_text(exc))
                self._update_count()

        self.model.loading = True
        run_task(
            self,
            lambda: audit.list_events(
                ctx.db,
                ctx.actor,
                username=username,
                entity=entity,
                since=wide_since,
                until=wide_until,
                limit=limit,
                offset=offset,
            ),
            on_success=done,
            on_failure=failed,
        )

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.loading and not n:
            text = self.tr("Loading…")
        elif not self.model.exhausted:
            text = self.tr("%n events shown; scroll down for older ones", "", n)
        else:
            text = self.tr("%n events", "", n)
        self.count_label.setText(text)

    # --- details -----------------------------------------------------------------------
    def selected(self) -> AuditRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def details_text(self, row: AuditRow) -> str:
        when = local_time(row.at)
        head = self.tr("Event #{id}, {time}, by {user}: {action} {entity} {entity_id}").format(
            id=row.id,
            time=f"{fmt.day(when.date())} {when:%H:%M:%S}",
            user=row.username,
            action=self.model.action_label(row.action),
            entity=self.model.entity_label(row.entity),
            entity_id="" if row.entity_id is None else f"#{row.entity_id}",
        )
        parts = [head.rstrip()]
        if row.before is not None:
            parts += ["", self.tr("Before:"), pretty(row.before)]
        if row.after is not None:
            parts += ["", self.tr("After:"), pretty(row.after)]
        if row.before is None and row.after is None:
            parts += ["", self.tr("No values recorded.")]
        return "\n".join(parts)

    def _show_details(self) -> None:
        row = self.selected()
        self.details.setPlainText("" if row is None else self.details_text(row))

    # --- the chain ---------------------------------------------------------------------
    def verify(self) -> None:
        if self._verify_task is not None and not self._verify_task.is_done:
            return
        ctx = self.ctx
        self.verify_button.setEnabled(False)
        self._verify_task = run_task(
            self,
            lambda: audit.verify(ctx.db, ctx.actor),
            on_success=self._verified,
            on_failure=self._verify_failed,
            label=self.tr("Checking the audit trail…"),
        )
        self._verify_task.cancelled.connect(lambda: self.verify_button.setEnabled(True))

    def reason_text(self, reason: str) -> str:
        reasons = {
            "missing event before it": self.tr("an event before it was removed"),
            "link does not match": self.tr("its link to the event before does not match"),
            "content changed": self.tr("its content was changed"),
            "newest events removed": self.tr("the newest events were removed"),
            "events removed": self.tr("events were removed"),
            "chain rewritten": self.tr("the chain was computed again"),
            "chain head missing": self.tr("the end of the chain is missing"),
            "anchor altered": self.tr("the copy of the chain's end in the key file was altered"),
            "keyed from changed": self.tr("the point where the keyed chain starts was moved"),
            "no audit key": self.tr("the key of the audit trail is missing"),
        }
        return reasons.get(reason, reason)

    def entity_plural(self, entity: str) -> str:
        return self.model.entity_label(entity)

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        lines: list[str] = []
        if report.ok:
            lines.append(
                self.tr(
                    "The audit trail is whole: %n events checked, none altered.", "", report.checked
                )
            )
        else:
            where = f"#{report.broken_at}" if report.broken_at else ""
            reasons = [report.reason] + [f.reason for f in report.findings[1:]]
            lines.append(
                self.tr(
                    "The audit trail was altered outside the app at event {id}: {reason}. "
                    "The {checked} events before it are whole. Keep this computer as it is "
                    "and tell the person responsible for the data."
                ).format(
                    id=where,
                    reason="; ".join(self.reason_text(r) for r in dict.fromkeys(reasons)),
                    checked=fmt.number(report.checked),
                )
            )
        for row in report.rows:
            if row.changed:
                lines.append(
                    self.tr("Changed outside the app, without an event: {what} {ids}").format(
                        what=self.entity_plural(row.entity),
                        ids=", ".join(f"#{i}" for i in row.changed[:20]),
                    )
                )
        if report.rows:
            lines.append(
                self.tr(
                    "{checked} records compared with their newest event; {unchecked} made "
                    "inside another action (visits booked by a hand-over, receipts, animals) "
                    "are compared from their first change on."
                ).format(
                    checked=fmt.number(sum(r.checked for r in report.rows)),
                    unchecked=fmt.number(sum(r.unchecked for r in report.rows)),
                )
            )
        if report.head is not None:
            lines.append(
                self.tr("End of the trail: event #{id}, {hash}").format(
                    id=report.head.last_id, hash=report.head.hash
                )
            )
        bad = not report.ok or report.rows_changed
        color = "#b3261e" if bad else "#1b5e20"
        self.verify_result.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.verify_result.setText("\n".join(lines))
        self.verify_result.show()
        self.verified.emit(report)

    def choose_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the manifest.json of an export"),
            "",
            self.tr("Export manifest (manifest.json);;All files (*)"),
        )
        if path:
            self.check_export(path)

    def check_export(self, path: str) -> None:
        ctx = self.ctx
        self.export_button.setEnabled(False)
        run_task(
            self,
            lambda: audit.check_export(ctx.db, ctx.actor, path),
            on_success=self._export_checked,
            on_failure=self._export_failed,
            label=self.tr("Comparing with the export…"),
        )

    def _export_checked(self, problem: str | None) -> None:
        self.export_button.setEnabled(True)
        texts = {
            None: self.tr(
                "The end of the trail printed on this export is still in the trail: nothing "
                "written before the export was removed or rewritten."
            ),
            "not in chain": self.tr(
                "The end of the trail printed on this export is NOT in the trail any more: "
                "events written before the export were removed or the trail was rewritten. "
                "Keep this computer as it is and tell the person responsible for the data."
            ),
            "other database": self.tr("This export was made from another database."),
            "no head": self.tr(
                "This export has no end of the trail printed on it (made by an earlier "
                "version): there is nothing to compare."
            ),
        }
        color = "#1b5e20" if problem is None else "#b3261e"
        self.verify_result.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.verify_result.setText(texts.get(problem, str(problem)))
        self.verify_result.show()
        self.export_checked.emit(problem)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.banner.show_message(error_text(exc))

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.banner.show_message(error_text(exc))
