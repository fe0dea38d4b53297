"""Reports: the summary of a period (quarter, year, 6 or 9 months, or any range) for the
office, the donor or the province, as a chart and tables; export to a USB stick or folder;
import from Excel.

The tables are the same ones the exported files hold (``tracker.reports.summary_tables``),
so what the page shows for "the donor" is what the donor gets, "<5" cells included.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.i18n import get_language
from tracker.reports.summary_tables import Table, build_tables, chart_items
from tracker.services import projects, reports
from tracker.services.errors import ServiceError
from tracker.services.places import LAST_DAY_BEFORE_REFORM
from tracker.services.projects import ProjectView
from tracker.services.reports import Period, Summary
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.lists import table_view
from tracker.ui.models import ProjectTableModel
from tracker.ui.pages.base import Page
from tracker.ui.widgets import Banner, DateEdit, heading, set_combo_data, spin
from tracker.ui.worker import Task, error_text, run_task

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
PERIOD_COLOUR = QColor("#29609f")
CUMULATIVE_COLOUR = QColor("#9ebfe3")
COLOURS = (PERIOD_COLOUR, CUMULATIVE_COLOUR)


class SummaryTableModel(QAbstractTableModel):
    """One output table of the summary (plain cells: int, text, date, or "<5")."""

    def __init__(self, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self._rows = list(table.all_rows())
        self._shown = self._texts(self._rows)

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = list(table.all_rows())
        self._shown = self._texts(self._rows)
        self.endResetModel()

    @staticmethod
    def _texts(rows: Sequence[Sequence[Any]]) -> list[list[str]]:
        """Each cell as shown, made once (the views ask for them thousands of times while
        they size their columns)."""
        return [[SummaryTableModel.text(value) for value in row] for row in rows]

    @staticmethod
    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, int):
            return fmt.number(value)
        if isinstance(value, date):
            return fmt.day(value)
        return str(value)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.table.columns):
            return None
        col = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if col.kind in ("text", "date") else RIGHT
        return None

    def cell(self, row: int, column: int) -> Any:
        return self._rows[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[index.row()][index.column()]
        col = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if col.kind in ("text", "date") else RIGHT
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def is_total(self, row: int) -> bool:
        return self.table.total is not None and row == len(self._rows) - 1


class SupportChart(QWidget):
    """Horizontal bars drawn with QPainter: value handed over per support type, in the
    period and to its end (million đồng). A value hidden in the version shown (None) has
    no bar, only "x"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, int | None, int | None]] = []
        self._title = ""
        self._legend = ("", "")
        self._empty = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_texts(self, title: str, in_period: str, cumulative: str, empty: str) -> None:
        self._title = title
        self._legend = (in_period, cumulative)
        self._empty = empty
        self.update()

    def set_items(self, items: Sequence[tuple[str, int | None, int | None]]) -> None:
        """(type name, value in the period, value to its end) in đồng, None: hidden."""
        self._items = [i for i in items if i[1] != 0 or i[2] != 0]
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def items(self) -> list[tuple[str, int | None, int | None]]:
        return list(self._items)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        rows = max(len(self._items), 1)
        return QSize(640, int(line * 2.2 + rows * (2 * max(line * 0.8, 8) + 2 + line * 0.6)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        line = fm.height()
        w = self.width()
        text_colour = self.palette().windowText().color()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text_colour)
        p.drawText(QRectF(0, 0, w, line + 4), Qt.AlignmentFlag.AlignLeft, self._title)
        p.setFont(self.font())
        # Legend, top right.
        x = w
        for colour, name in reversed(list(zip(COLOURS, self._legend, strict=True))):
            tw = fm.horizontalAdvance(name)
            x -= tw + 6
            p.drawText(QRectF(x, 0, tw + 4, line + 4), Qt.AlignmentFlag.AlignLeft, name)
            x -= 14
            p.fillRect(QRectF(x, 3, 10, line - 4), colour)
            x -= 12
        top = line * 1.8
        if not self._items:
            p.drawText(QRectF(0, top, w, line + 4), Qt.AlignmentFlag.AlignLeft, self._empty)
            p.end()
            return
        label_w = min(max(fm.horizontalAdvance(i[0]) for i in self._items) + 10, w * 0.38)
        value_w = fm.horizontalAdvance("000.000,0") + 8
        plot_x = label_w
        plot_w = max(w - plot_x - value_w, 20)
        biggest = max(max(i[1] or 0, i[2] or 0) for i in self._items) or 1
        bar_h = max(line * 0.8, 8)
        y = top
        axis = QPen(QColor("#888888"))
        for name, in_period, total in self._items:
            elided = fm.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 10))
            p.setPen(text_colour)
            p.drawText(
                QRectF(0, y, label_w - 8, 2 * bar_h + 2),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            for k, (value, colour) in enumerate(
                ((in_period, PERIOD_COLOUR), (total, CUMULATIVE_COLOUR))
            ):
                by = y + k * (bar_h + 2)
                if value is None:
                    p.setPen(text_colour)
                    p.drawText(
                        QRectF(plot_x + 4, by - 2, value_w, bar_h + 4),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        "x",
                    )
                    continue
                length = plot_w * value / biggest
                p.fillRect(QRectF(plot_x, by, max(length, 1 if value else 0), bar_h), colour)
                if value:
                    p.setPen(text_colour)
                    p.drawText(
                        QRectF(plot_x + length + 4, by - 2, value_w, bar_h + 4),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        fmt.number(round(value / 1_000_000, 1)),  # type: ignore[arg-type]
                    )
            y += 2 * bar_h + 2 + line * 0.6
        p.setPen(axis)
        p.drawLine(int(plot_x), int(top - 2), int(plot_x), int(y))
        p.end()


class ReportsPage(Page):
    """The summary of the chosen period, for the chosen audience."""

    key = "reports"
    shows = frozenset(
        {
            Change.BENEFICIARY,
            Change.GRANT,
            Change.HANDOVER,
            Change.RECEIPT,
            Change.VISIT,
            Change.PROJECT,
            Change.GRANT_TYPE,
            Change.OFFICE,
            Change.PERIOD,
            Change.PASS_ON,
        }
    )

    #: A summary was shown (``Summary``).
    summary_shown = Signal(object)

    KINDS = ("quarter", "year", "6m", "9m", "range")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._task: Task | None = None
        self._again = False
        self.summary: Summary | None = None
        self.tables: list[Table] = []
        today = ctx.today()
        default = reports.default_period(today)

        self.heading = heading("", self)
        self.kind = QComboBox(self)
        self.year = spin(2000, 2100, default.start.year, self)
        self.quarter = QComboBox(self)
        for q in range(1, 5):
            self.quarter.addItem(("I", "II", "III", "IV")[q - 1], q)
        set_combo_data(self.quarter, (default.start.month - 1) // 3 + 1)
        self.start = DateEdit(default.start, self)
        self.end = DateEdit(default.end, self)
        self.dash = QLabel("–", self)
        self.audience = QComboBox(self)
        self.by_district = QCheckBox(self)
        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.import_button.setEnabled(ctx.actor.can("beneficiary.write"))
        self.banner = Banner(self)
        self.period_label = QLabel(self)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.chart = SupportChart(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.views: list[QTableView] = []
        self.models: list[SummaryTableModel] = []
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        # Every project as it stands today (planned commitments beside the budget), after
        # the period's tables.
        self.model = ProjectTableModel(self)
        self.projects_view = table_view(self)
        self.projects_view.setModel(self.model)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)

        bar = QHBoxLayout()
        self.kind_label = QLabel(self)
        bar.addWidget(self.kind_label)
        for w in (self.kind, self.quarter, self.year, self.start, self.dash, self.end):
            bar.addWidget(w)
        bar.addSpacing(12)
        self.audience_label = QLabel(self)
        bar.addWidget(self.audience_label)
        bar.addWidget(self.audience)
        bar.addWidget(self.by_district)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.period_label)
        layout.addWidget(self.figures)
        layout.addWidget(self.chart)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.totals)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        for combo in (self.kind, self.quarter, self.audience):
            combo.currentIndexChanged.connect(self._changed)
        self.year.valueChanged.connect(self._changed)
        self.by_district.toggled.connect(self._changed)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        self.tabs.currentChanged.connect(self._show_note)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_workbook)
        self.retranslate()
        set_combo_data(self.kind, "quarter")
        self._update_inputs()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ReportsPage", "Reports")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Summary report"))
        self.kind_label.setText(self.tr("Period:"))
        self.audience_label.setText(self.tr("For:"))
        names = {
            "quarter": self.tr("Quarter"),
            "year": self.tr("Year"),
            "6m": self.tr("First 6 months"),
            "9m": self.tr("First 9 months"),
            "range": self.tr("Dates from – to"),
        }
        audiences = {
            "office": self.tr("The office (all figures)"),
            "donor": self.tr("The donor (small counts hidden)"),
            "province": self.tr("The province (small counts hidden)"),
        }
        for combo, items in ((self.kind, names), (self.audience, audiences)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key, text in items.items():
                combo.addItem(text, key)
            set_combo_data(combo, current or next(iter(items)))
            combo.blockSignals(False)
        self.quarter.setToolTip(self.tr("Quarter"))
        self.by_district.setText(self.tr("By former districts"))
        self.by_district.setToolTip(
            self.tr(
                "Group places by the districts that existed until 30 June 2025 (for periods"
                " that ended before 1 July 2025); otherwise by the communes in force on the"
                " period's last day."
            )
        )
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Write the report to a USB stick or a folder: PDF, Excel and CSV files")
        )
        self.import_button.setText(self.tr("Import from Excel…"))
        self.chart.set_texts(
            self.tr("Support handed over by type (million dong)"),
            self.tr("In the period"),
            self.tr("To the end of the period"),
            self.tr("Nothing was handed over up to the end of this period."),
        )
        self.model.retranslate()
        if self.summary is not None:
            # The tables are in the language: made again on the worker.
            self.refresh()
        self._show_totals(self.model.rows())

    # --- the period ----------------------------------------------------------------------
    def period(self) -> Period:
        kind = self.kind.currentData() or "quarter"
        year = self.year.value()
        if kind == "quarter":
            return reports.quarter(year, int(self.quarter.currentData() or 1))
        if kind == "year":
            return reports.whole_year(year)
        if kind in ("6m", "9m"):
            return reports.first_months(year, int(kind[0]))
        start, end = self.start.value(), self.end.value()
        return reports.date_range(min(start, end), max(start, end))

    def set_period(self, period: Period, audience: str | None = None) -> None:
        """Show this period (and audience); tests and the command line use it."""
        for w in (self.kind, self.quarter, self.year, self.start, self.end, self.audience):
            w.blockSignals(True)
        set_combo_data(self.kind, period.kind)
        self.year.setValue(period.start.year)
        set_combo_data(self.quarter, (period.start.month - 1) // 3 + 1)
        self.start.set_value(period.start)
        self.end.set_value(period.end)
        if audience is not None:
            set_combo_data(self.audience, audience)
        for w in (self.kind, self.quarter, self.year, self.start, self.end, self.audience):
            w.blockSignals(False)
        self._update_inputs()
        self.refresh()

    def audience_key(self) -> str:
        return str(self.audience.currentData() or "office")

    def places(self) -> str:
        """ "district" when the switch is on (and allowed for the period), else "commune"."""
        if self.by_district.isEnabled() and self.by_district.isChecked():
            return "district"
        return "commune"

    def _update_inputs(self) -> None:
        try:
            before_reform = self.period().end <= LAST_DAY_BEFORE_REFORM
        except ServiceError:
            before_reform = False
        self.by_district.setEnabled(before_reform)
        kind = self.kind.currentData() or "quarter"
        self.quarter.setVisible(kind == "quarter")
        self.year.setVisible(kind != "range")
        for w in (self.start, self.dash, self.end):
            w.setVisible(kind == "range")

    def _changed(self, *_args: object) -> None:
        self._update_inputs()
        self._timer.start()

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        if self._task is not None and not self._task.is_done:
            self._again = True
            return
        self._again = False
        self.banner.show_message("")
        ctx = self.ctx
        period = self.period()
        audience = self.audience_key()
        places = self.places()
        lang = get_language()

        def load() -> tuple[Summary, list[Table], list[ProjectView]]:
            summary = reports.report_summary(
                ctx.db, ctx.actor, period, audience=audience, today=ctx.today(), places=places
            )
            # The protection of a version that leaves the office takes a few seconds.
            tables = build_tables(summary, lang)
            return summary, tables, projects.list_projects(ctx.db, ctx.actor)

        self._task = run_task(
            self,
            load,
            on_success=self._loaded,
            on_failure=self._failed,
            label=self.tr("Adding up the figures…"),
        )

    def _loaded(self, result: tuple[Summary, list[Table], list[ProjectView]]) -> None:
        summary, tables, rows = result
        self.summary = summary
        self.tables = tables
        self.model.set_rows(rows)
        self._show(summary)
        self._show_totals(rows)
        self.summary_shown.emit(summary)
        if self._again:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))
        if self._again:
            self.refresh()

    def _show(self, s: Summary) -> None:
        lang = get_language()
        self.period_label.setText(
            self.tr("{period}: {start} – {end}").format(
                period=s.period.label(lang), start=fmt.day(s.start), end=fmt.day(s.end)
            )
        )
        # The figures as the tables print them: in a version that leaves the office, a
        # count hidden in a table ("<5", "x") is not given away here either.
        people = self._total_row("people_sex", ("new", "continuing", "cumulative"))
        visits = self._total_row(
            "visits", ("scheduled", "done", "missed", "overdue", "not_yet_due", "cancelled")
        )
        money = self._total_row("support", ("cash", "in_kind"), money=True)
        lines = [
            self.tr(
                "People supported: {new} new and {continuing} continuing in the period,"
                " {cumulative} in all."
            ).format(**people),
            self.tr("Handed over in the period: {cash} in cash, {in_kind} in kind.").format(
                **money
            ),
            self.tr(
                "Visits scheduled in the period: {scheduled} = {done} done + {missed} with no"
                " one met + {overdue} overdue + {not_yet_due} not yet due + {cancelled}"
                " cancelled."
            ).format(**visits),
        ]
        if s.provisional:
            lines.insert(
                0,
                self.tr(
                    "Provisional figures: the period has not ended (figures up to {day})."
                ).format(day=fmt.day(self.ctx.today())),
            )
        if s.suppressed:
            lines.append(
                self.tr(
                    "This version hides counts from 1 to 4 («<5»), and other cells («x») that"
                    " would give them back from a total, and leaves out people who withdrew"
                    " their consent."
                )
            )
        self.figures.setText("\n".join(lines))
        self.chart.set_items(chart_items(self.tables))
        current = self.tabs.currentIndex()
        if len(self.models) != len(self.tables):
            self.tabs.clear()
            self.views.clear()
            self.models.clear()
            for t in self.tables:
                view = table_view(self)
                model = SummaryTableModel(t, view)
                view.setModel(model)
                self.views.append(view)
                self.models.append(model)
                self.tabs.addTab(view, t.sheet)
            self.tabs.addTab(self.projects_view, "")
        else:
            for i, (model, t) in enumerate(zip(self.models, self.tables, strict=True)):
                model.set_table(t)
                self.tabs.setTabText(i, t.sheet)
        self.tabs.setTabText(len(self.tables), self.tr("Projects today"))
        self.projects_view.resizeColumnsToContents()
        for view in self.views:
            # Sized to their content once per new table (table_view's lists do it when
            # their rows change), not again on every layout of every tab.
            view.horizontalHeader().setStretchLastSection(False)
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        self._show_note()

    def _show_totals(self, rows: list[ProjectView]) -> None:
        if not rows:
            self.totals.setText(self.tr("No project yet."))
            return
        self.totals.setText(
            self.tr(
                "All projects: budget {budget}, planned {planned}, spent {spent}, left {left}."
            ).format(
                budget=fmt.money(sum(p.budget for p in rows)),
                planned=fmt.money(sum(p.planned for p in rows)),
                spent=fmt.money(sum(p.spent for p in rows)),
                left=fmt.money(sum(p.left for p in rows)),
            )
        )

    def _total_row(
        self, key: str, columns: tuple[str, ...], *, money: bool = False
    ) -> dict[str, str]:
        """Cells of a table's total row, as shown (a number, or "<5" / "x")."""
        table = next(t for t in self.tables if t.key == key)
        assert table.total is not None
        cells = {c.key: v for c, v in zip(table.columns, table.total, strict=True)}
        show = fmt.money if money else fmt.number
        return {k: show(v) if isinstance(v, int) else str(v) for k, v in cells.items()
                if k in columns}  # fmt: skip

    def _show_note(self, *_args: object) -> None:
        i = self.tabs.currentIndex()
        if 0 <= i < len(self.tables):
            self.tabs.setTabToolTip(i, self.tables[i].title)
            self.note.setText(f"{self.tables[i].title}. {self.tables[i].note}".strip())
        elif i == len(self.tables):
            self.note.setText(
                self.tr("Every project as it stands today, whatever the period picked.")
            )
        else:
            self.note.setText("")

    # --- export and import -------------------------------------------------------------
    # The export and import dialogs bring the PDF, workbook and zip writers with them (about
    # half a second): they are loaded when first asked for, not before the window shows.
    def export(self) -> None:
        from tracker.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.ctx, self.period(), self.audience_key(), self, places=self.places()
        )
        dialog.exec()
        dialog.deleteLater()

    def import_workbook(self) -> None:
        from tracker.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()
