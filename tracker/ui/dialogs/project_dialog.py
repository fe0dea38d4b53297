"""Add or edit a donor project: its code, name, donor, period and budget in đồng (and, when
editing, whether it is still active)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from tracker.domain.vocab import PROJECT_STATUSES
from tracker.services import projects
from tracker.services.projects import ProjectInput, ProjectView
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.widgets import DateEdit, MoneyEdit, set_combo_data


class ProjectDialog(FormDialog):
    """A new project (``project`` None) or changes to one; only administrators save."""

    changes = frozenset({Change.PROJECT})

    def __init__(
        self, ctx: UiContext, project: ProjectView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.project = project
        self.setWindowTitle(self.tr("Edit the project") if project else self.tr("Add a project"))
        self.setMinimumWidth(460)
        today = ctx.today()

        self.code = QLineEdit(self)
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("e.g. SK-2527"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.donor = QLineEdit(self)
        self.donor.setMaxLength(120)
        self.start_date = DateEdit(date(today.year, 1, 1), self)
        self.end_date = DateEdit(date(today.year, 12, 31), self)
        self.budget = MoneyEdit(self)
        self.status = QComboBox(self)
        names = {"active": self.tr("Active"), "closed": self.tr("Closed")}
        for status in PROJECT_STATUSES:
            self.status.addItem(names.get(status, status), status)

        form = form_layout()
        self.add_field(form, self.tr("Project code"), self.code, "code")
        self.add_field(form, self.tr("Project name"), self.name, "project_name")
        self.add_field(form, self.tr("Donor"), self.donor, "donor")
        self.add_field(form, self.tr("Start date"), self.start_date, "start_date")
        self.add_field(form, self.tr("End date"), self.end_date, "end_date")
        self.add_field(
            form,
            self.tr("Budget (đồng)"),
            self.budget,
            "budget",
            hint=self.tr("The whole amount the donor gives for this project."),
        )
        self.add_field(form, self.tr("Status"), self.status, "status")
        self.set_row_visible(form, self.status, project is not None)
        # The short fields keep their width; their error messages take the whole row.
        for widget in (self.start_date, self.end_date, self.status):
            box = self._row_boxes[widget]
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
            box_layout = box.layout()
            if box_layout is not None:
                box_layout.setAlignment(widget, Qt.AlignmentFlag.AlignLeft)

        if project is not None:
            self.code.setText(project.code)
            self.name.setText(project.name)
            self.donor.setText(project.donor)
            self.start_date.set_value(project.start_date)
            self.end_date.set_value(project.end_date)
            self.budget.setValue(project.budget)
            set_combo_data(self.status, project.status)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.watch(self.code, self.name, self.donor, self.start_date, self.end_date, self.status)
        self.budget.textEdited.connect(self.mark_dirty)
        self.code.setFocus()

    def build(self) -> ProjectInput:
        budget = self.budget.value()
        return ProjectInput(
            code=self.code.text(),
            name=self.name.text(),
            donor=self.donor.text(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            budget=budget if budget is not None else 0,
            status=self.status.currentData() or "active",
            # Refused (with who and when) if another PC saved the project since it opened.
            version=None if self.project is None else self.project.version,
        )

    def prepare(self) -> Callable[[], Any]:
        data = self.build()
        db, actor = self.ctx.db, self.ctx.actor
        if self.project is None:
            return lambda: projects.create_project(db, actor, data)
        project_id = self.project.id
        return lambda: projects.edit_project(db, actor, project_id, data)
