"""Import from Excel: choose the file, check it (dry run: each problem once, with the rows
it is on and how to fix it, and how many follow-up visits would be booked), answer for the
people who may already be registered, then import all or nothing. Both steps run on the
worker with a progress bar and a Stop button; stopping the import rolls it back whole."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.i18n import get_language
from tracker.services import imports
from tracker.services.errors import ServiceError
from tracker.services.imports import ImportRejected, ImportReport
from tracker.ui import files, fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.widgets import Banner
from tracker.ui.worker import Task, error_text, run_task

#: What an import adds to.
IMPORTED = frozenset(
    {Change.PROJECT, Change.BENEFICIARY, Change.GRANT, Change.HANDOVER, Change.RECEIPT,
     Change.VISIT}
)  # fmt: skip


class _Stopped(ServiceError):
    pass


class _Relay(QObject):
    progress = Signal(int, int)


class ImportDialog(QDialog):
    """The three steps of an import in one window."""

    #: The import was committed (``ImportReport``).
    imported = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ImportReport | None = None
        self._task: Task | None = None
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(860, 560)

        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("An .xlsx file made from the template"))
        self.browse_button = QPushButton(self.tr("Choose file…"), self)
        self.template_button = QPushButton(self.tr("Save the template…"), self)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.past_visits = QCheckBox(
            self.tr("Also book the follow-up visits whose day has already passed"), self
        )
        self.past_visits.setToolTip(
            self.tr(
                "Off: a hand-over older than today gets only the visits still ahead (the visits"
                " already made go on the Visits sheet)."
            )
        )
        self.banner = Banner(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.problems = QTableWidget(0, 4, self)
        self.duplicates = QTableWidget(0, 4, self)
        for table in (self.problems, self.duplicates):
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.problems, "")
        self.tabs.addTab(self.duplicates, "")

        self.bar = QProgressBar(self)
        self.bar.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        self.close_button.clicked.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("File:"), self))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(
            QLabel(
                self.tr("Nothing is saved until «Import»: the check lists every problem first."),
                self,
            ),
            1,
        )
        top.addWidget(self.template_button)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(self.past_visits)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.save_template)
        self.check_button.clicked.connect(self.check)
        self.path.textChanged.connect(self._path_changed)
        self.past_visits.toggled.connect(self._path_changed)
        self._set_headers()

    def _set_headers(self) -> None:
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Rows"), self.tr("Column"), self.tr("Problem and fix")]
        )
        self.duplicates.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("In the file"), self.tr("Already registered"),
             self.tr("What to do")]
        )  # fmt: skip
        self.tabs.setTabText(0, self.tr("Problems"))
        self.tabs.setTabText(1, self.tr("Possible duplicates"))

    # --- the file ----------------------------------------------------------------------
    def choose_file(self) -> None:
        path = files.open_file(
            self, self.tr("Choose the workbook"), self.tr("Excel workbooks (*.xlsx)"), stick=True
        )
        if path:
            self.path.setText(path)

    def save_template(self) -> None:
        path = files.save_file(
            self,
            self.tr("Save the import template"),
            "mau_nhap_du_lieu.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            try:
                shutil.copyfile(imports.template_path(), path)
            except OSError as exc:
                self.banner.show_message(error_text(exc))

    def _path_changed(self, *_args: object) -> None:
        self.report = None
        self.import_button.setEnabled(False)

    def file(self) -> Path:
        return Path(self.path.text().strip())

    # --- running -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.is_done

    def _run(self, keep: bool) -> None:
        if self.busy or not self.path.text().strip():
            return
        self.banner.show_message("")
        ctx, path, relay, stop = self.ctx, self.file(), self._relay, self._stop
        decisions = self.decisions()
        options = imports.ImportOptions(past_visits=self.past_visits.isChecked())
        stop.clear()

        def progress(done: int, total: int) -> None:
            if stop.is_set():
                raise _Stopped("import_cancelled")
            relay.progress.emit(done, total)

        fn = imports.commit if keep else imports.dry_run

        def job() -> ImportReport:
            return fn(ctx.db, ctx.actor, path, decisions, today=ctx.today(), progress=progress,
                      options=options)  # fmt: skip

        self.bar.setRange(0, 0)
        self.bar.show()
        self.summary.setText(self.tr("Importing…") if keep else self.tr("Checking the file…"))
        self.close_button.setText(self.tr("Stop"))
        self._set_busy(True)
        if keep:
            self._task = ctx.write(self, job, IMPORTED, on_success=self._committed,
                                   on_failure=self._failed)  # fmt: skip
        else:
            self._task = run_task(
                self, job, on_success=self._checked, on_failure=self._failed, cancellable=False
            )

    def check(self) -> None:
        self._run(keep=False)

    def commit(self) -> None:
        if self.report is None or self.report.problems:
            return
        self._run(keep=True)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        for w in (
            self.path, self.browse_button, self.check_button, self.template_button,
            self.past_visits,
        ):  # fmt: skip
            w.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self._can_import())
        if not busy:
            self.close_button.setText(self.tr("Close"))
            self.bar.hide()

    def _checked(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.show_report(report)

    def _committed(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.report = report
        added = sum(c.added for c in report.counts)
        self.summary.setText(
            self.tr("Imported: {added} records added; nothing was added twice.").format(
                added=fmt.number(added)
            )
        )
        self.import_button.setEnabled(False)
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ImportRejected):
            self.show_report(exc.report)
        self.banner.show_message(error_text(exc))

    # --- the report --------------------------------------------------------------------
    def show_report(self, report: ImportReport) -> None:
        self.report = report
        lang = get_language()
        parts = []
        for counts in report.counts:
            spec = imports.SHEET_BY_KEY[counts.sheet]
            parts.append(
                self.tr("{sheet}: {rows} rows, {added} to add, {existing} already there").format(
                    sheet=spec.title_vi if lang == "vi" else spec.title_en,
                    rows=fmt.number(counts.rows),
                    added=fmt.number(counts.added),
                    existing=fmt.number(counts.existing),
                )
            )
        groups = report.groups
        head = (
            self.tr("No problems found.")
            if not report.problems
            else self.tr("{n} problems: fix them in the file and check again.").format(
                n=fmt.number(len(groups))
            )
        )
        visits = self.tr("Follow-up visits to book: {n} (past ones left out: {past}).").format(
            n=fmt.number(report.visits_scheduled), past=fmt.number(report.visits_past_skipped)
        )
        self.summary.setText(head + "\n" + "; ".join(parts) + ".\n" + visits)
        self.problems.setRowCount(len(groups))
        for r, g in enumerate(groups):
            rows = [n for n in g.rows if n]
            shown = ", ".join(str(n) for n in rows[:5]) + ("…" if len(rows) > 5 else "")
            if len(rows) > 1:
                shown = f"{fmt.number(len(rows))}: {shown}"
            for c, value in enumerate((g.sheet, shown, g.column, g.message(lang))):
                item = QTableWidgetItem(value)
                if c == 3:
                    item.setToolTip(value)
                self.problems.setItem(r, c, item)
        self.problems.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.duplicates.setRowCount(len(report.duplicates))
        for r, q in enumerate(report.duplicates):
            self.duplicates.setItem(r, 0, QTableWidgetItem(str(q.row)))
            self.duplicates.setItem(r, 1, QTableWidgetItem(f"{q.code or ''} {q.full_name}".strip()))
            known = "; ".join(
                f"{c.code} · {c.full_name} · {c.birth_year or ''} · {fmt.unit_name(c.commune_code)}"
                for c in q.candidates
            )
            self.duplicates.setItem(r, 2, QTableWidgetItem(known))
            combo = QComboBox(self.duplicates)
            combo.addItem(self.tr("— choose —"), None)
            for cand in q.candidates:
                combo.addItem(self.tr("The same as {code}").format(code=cand.code), cand.code)
            combo.addItem(self.tr("A different person: add"), imports.NEW)
            combo.addItem(self.tr("Skip this row"), imports.SKIP)
            index = combo.findData(q.answer) if q.answer is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda *_a: self._update_import())
            self.duplicates.setCellWidget(r, 3, combo)
        self.duplicates.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("Problems ({n})").format(n=fmt.number(len(groups))))
        self.tabs.setTabText(
            1, self.tr("Possible duplicates ({n})").format(n=fmt.number(len(report.duplicates)))
        )
        self.tabs.setCurrentIndex(0 if report.problems or not report.duplicates else 1)
        self._update_import()

    def decisions(self) -> dict[int, str]:
        out: dict[int, str] = {}
        if self.report is None:
            return out
        for r, q in enumerate(self.report.duplicates):
            combo = self.duplicates.cellWidget(r, 3)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                out[q.row] = str(combo.currentData())
        return out

    def _can_import(self) -> bool:
        if self.report is None or self.report.problems or self.report.committed:
            return False
        return len(self.decisions()) == len(self.report.duplicates)

    def _update_import(self) -> None:
        self.import_button.setEnabled(not self.busy and self._can_import())

    def reject(self) -> None:
        if self.busy:
            self._stop.set()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.busy:
            self._stop.set()
            event.ignore()
            return
        super().closeEvent(event)
