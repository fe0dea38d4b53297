"""Today: the visits that are late or due this week, the latest hand-overs, how much of each
project's budget is used, and the common actions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.services import grants, pass_on, projects, visits
from tracker.services.grants import HandoverView
from tracker.services.pass_on import ObligationView
from tracker.services.projects import ProjectView
from tracker.services.visits import VisitRow
from tracker.ui import flows, fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.lists import table_view
from tracker.ui.models import ROW_ROLE, HandoverTableModel, VisitTableModel
from tracker.ui.pages.base import Page
from tracker.ui.widgets import heading
from tracker.ui.worker import Task, run_task

DUE_WITHIN_DAYS = 7
RECENT_HANDOVERS = 10


@dataclass(frozen=True)
class TodayData:
    overdue: list[VisitRow]
    due: list[VisitRow]
    handovers: list[HandoverView]
    #: First calves still to be passed on (the overdue first).
    duties: list[ObligationView]
    #: The projects with their budgets (each one row: the totals are kept by the database).
    projects: list[ProjectView]


def load_today(ctx: UiContext) -> TodayData:
    """The page's lists and budgets, in one go (runs on the worker)."""
    today = ctx.today()
    return TodayData(
        overdue=visits.list_visits(ctx.db, ctx.actor, "overdue", today=today, limit=200),
        due=visits.list_visits(
            ctx.db, ctx.actor, "due", today=today, within_days=DUE_WITHIN_DAYS, limit=200
        ),
        handovers=grants.list_handovers(ctx.db, ctx.actor, limit=RECENT_HANDOVERS),
        duties=sorted(
            pass_on.open_obligations(ctx.db, ctx.actor, today=today),
            key=lambda d: (-d.days_late, d.due_on),
        ),
        projects=projects.list_projects(ctx.db, ctx.actor),
    )


class BudgetBar(QWidget):
    """One project's budget: a bar of what is spent, and the figures."""

    def __init__(self, project: ProjectView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.name = QLabel(self)
        self.name.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        layout.addWidget(self.bar)
        layout.addWidget(self.figures)
        self.retranslate()

    def retranslate(self) -> None:
        p = self.project
        self.name.setText(f"<b>{p.code}</b> – {p.name} ({p.donor})")
        used = min(max(p.spent * 1000 // p.budget, 0), 1000) if p.budget else 0
        self.bar.setValue(used)
        self.bar.setFormat(self.tr("{percent} % used").format(percent=fmt.number(used // 10)))
        self.figures.setText(
            self.tr("Spent {spent} of {budget} · left {left} · planned {planned}").format(
                spent=fmt.money(p.spent),
                budget=fmt.money(p.budget),
                left=fmt.money(p.left),
                planned=fmt.money(p.planned),
            )
        )
        if p.left < 0:
            self.bar.setStyleSheet("QProgressBar::chunk { background: #b3261e; }")


class TodayPage(Page):
    """The first page: what needs doing now."""

    key = "today"
    shows = frozenset(
        {
            Change.HANDOVER,
            Change.VISIT,
            Change.GRANT,
            Change.BENEFICIARY,
            Change.PROJECT,
            Change.PASS_ON,
        }
    )

    #: The user asked to see a whole list on another page (page key).
    go_to = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._task: Task | None = None
        self.title_label = heading("", self)
        self.new_button = QPushButton(self)
        self.grant_button = QPushButton(self)
        self.handover_button = QPushButton(self)
        self.visits_button = QPushButton(self)
        self.new_button.clicked.connect(lambda: flows.register_beneficiary(self.ctx, self))
        self.grant_button.clicked.connect(lambda: flows.plan_grant(self.ctx, self))
        self.handover_button.clicked.connect(lambda: flows.record_handover(self.ctx, self))
        self.visits_button.clicked.connect(lambda: self.go_to.emit("visits"))
        self._enable_actions()
        actions = QHBoxLayout()
        actions.addWidget(self.title_label, 1)
        for button in (
            self.new_button,
            self.grant_button,
            self.handover_button,
            self.visits_button,
        ):
            actions.addWidget(button)

        #: The first calves still to be passed on (shown when there are any).
        self.duties_label = QLabel(self)
        self.duties_label.setWordWrap(True)
        self.duties_label.hide()
        self.duties: list[ObligationView] = []

        self.overdue_model = VisitTableModel(ctx, self)
        self.overdue_view = table_view(self)
        self.overdue_view.setModel(self.overdue_model)
        self.due_model = VisitTableModel(ctx, self)
        self.due_view = table_view(self)
        self.due_view.setModel(self.due_model)
        for view, keep in (
            (
                self.overdue_view,
                ("scheduled_on", "days_late", "beneficiary", "commune", "grant_type"),
            ),
            (self.due_view, ("scheduled_on", "beneficiary", "commune", "village", "grant_type")),
        ):
            model = view.model()
            for col, column in enumerate(model.COLUMNS):  # type: ignore[attr-defined]
                view.setColumnHidden(col, column.key not in keep)
            view.activated.connect(self._visit_activated)
        self.handover_model = HandoverTableModel(ctx, self)
        self.handover_view = table_view(self)
        self.handover_view.setModel(self.handover_model)
        for col, column in enumerate(HandoverTableModel.COLUMNS):
            self.handover_view.setColumnHidden(
                col, column.key in ("description", "quantity", "staff", "grant_type")
            )

        self.overdue_box = QGroupBox(self)
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_view)
        self.due_box = QGroupBox(self)
        QVBoxLayout(self.due_box).addWidget(self.due_view)
        self.handover_box = QGroupBox(self)
        QVBoxLayout(self.handover_box).addWidget(self.handover_view)
        self.budget_box = QGroupBox(self)
        budget_layout = QVBoxLayout(self.budget_box)
        self.budget_holder = QWidget(self.budget_box)
        self.budget_list = QVBoxLayout(self.budget_holder)
        self.budget_list.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self.budget_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.budget_holder)
        budget_layout.addWidget(scroll)
        self.no_projects = QLabel(self.budget_holder)
        self.no_projects.setWordWrap(True)
        self.budget_list.addWidget(self.no_projects)
        self.budget_list.addStretch(1)
        self.bars: list[BudgetBar] = []

        grid = QGridLayout()
        grid.addWidget(self.overdue_box, 0, 0)
        grid.addWidget(self.due_box, 1, 0)
        grid.addWidget(self.handover_box, 0, 1)
        grid.addWidget(self.budget_box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.duties_label)
        layout.addLayout(grid, 1)

        self.retranslate()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("TodayPage", "Today")

    def bound(self) -> None:
        self._enable_actions()
        self._retitle()  # the session's date (the clock it was built with may differ)

    def _enable_actions(self) -> None:
        actor = self.ctx.actor
        self.new_button.setEnabled(actor.can("beneficiary.write"))
        self.grant_button.setEnabled(actor.can("grant.write"))
        self.handover_button.setEnabled(actor.can("handover.write"))

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New beneficiary"))
        self.grant_button.setText(self.tr("Plan a grant"))
        self.handover_button.setText(self.tr("Record a hand-over"))
        self.visits_button.setText(self.tr("All visits"))
        self._retitle()
        self.handover_box.setTitle(self.tr("Latest hand-overs"))
        self.budget_box.setTitle(self.tr("Project budgets"))
        self.no_projects.setText(self.tr("No project yet. An administrator adds projects."))
        for model in (self.overdue_model, self.due_model, self.handover_model):
            model.retranslate()
        for bar in self.bars:
            bar.retranslate()

    def _retitle(self) -> None:
        """What changes with the data: the date (a window left open overnight), the
        lists' counts and the calves to pass on."""
        self.title_label.setText(self.tr("Today, {date}").format(date=fmt.day(self.ctx.today())))
        self.overdue_box.setTitle(self.tr("Overdue visits (%n)", "", self.overdue_model.rowCount()))
        self.due_box.setTitle(
            self.tr("Visits due in the next 7 days (%n)", "", self.due_model.rowCount())
        )
        self._fill_duties()

    def _fill_duties(self) -> None:
        duties = self.duties
        self.duties_label.setVisible(bool(duties))
        if not duties:
            return
        late = [d for d in duties if d.overdue]
        shown = []
        for d in duties[:8]:
            who = d.beneficiary_code
            if self.ctx.names_visible:
                who += f" {d.beneficiary_name}"
            if d.overdue:
                shown.append(self.tr("{who} (late by %n day(s))", "", d.days_late).format(who=who))
            else:
                shown.append(self.tr("{who} (by {day})").format(who=who, day=fmt.day(d.due_on)))
        more = len(duties) - len(shown)
        text = self.tr("First calves still to pass on: %n", "", len(duties))
        if late:
            text += " · " + self.tr("overdue: %n", "", len(late))
        text += " — " + ", ".join(shown) + (f", +{more}" if more > 0 else "")
        self.duties_label.setText(text)

    def refresh(self) -> None:
        super().refresh()
        if self._task is not None and not self._task.is_done:
            return
        ctx = self.ctx
        self._task = run_task(
            self,
            lambda: load_today(ctx),
            on_success=self._show,
            label=self.tr("Loading today's work…"),
        )

    def _show(self, data: TodayData) -> None:
        self.overdue_model.set_rows(data.overdue)
        self.due_model.set_rows(data.due)
        self.handover_model.set_rows(data.handovers)
        self.duties = data.duties
        for view in (self.overdue_view, self.due_view):
            view.resizeColumnsToContents()
        # The latest hand-overs: every column as wide as its content (a name or an amount
        # shown whole); the list scrolls sideways when the box is narrower.
        header = self.handover_view.horizontalHeader()
        header.setStretchLastSection(False)
        for col in range(len(HandoverTableModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._show_budgets(data.projects)
        self._retitle()  # the new rows and bars are in the current language already

    def _show_budgets(self, found: list[ProjectView]) -> None:
        for bar in self.bars:
            self.budget_list.removeWidget(bar)
            bar.deleteLater()
        self.bars = []
        for i, p in enumerate(x for x in found if x.status == "active"):
            bar = BudgetBar(p, self.budget_holder)
            bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.budget_list.insertWidget(i, bar)
            self.bars.append(bar)
        self.no_projects.setVisible(not self.bars)

    def _visit_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, VisitRow) and self.ctx.actor.can("visit.write"):
            flows.record_visit(self.ctx, self, row)

    def focus_first(self) -> None:
        self.overdue_view.setFocus(Qt.FocusReason.OtherFocusReason)
