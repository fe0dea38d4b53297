"""One person's profile: details, consent, grants, hand-overs, assets with their history,
and visits. Loaded on the worker when opened."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import attachments, beneficiaries, grants, pass_on, visits
from tracker.services.attachments import AttachmentView
from tracker.services.beneficiaries import BeneficiaryView
from tracker.services.grants import GrantView, HandoverView
from tracker.services.pass_on import ObligationView, PassOnView
from tracker.services.visits import AssetView, VisitRow
from tracker.ui import files, flows, fmt
from tracker.ui.attachments import AttachmentsTab
from tracker.ui.context import Change, ChangeNotice, UiContext
from tracker.ui.lists import fit_tree_columns, fitting_tree, table_view
from tracker.ui.models import GrantTableModel, HandoverTableModel, VisitTableModel
from tracker.ui.widgets import heading
from tracker.ui.worker import Task, run_task


@dataclass(frozen=True)
class ProfileData:
    person: BeneficiaryView
    grants: list[GrantView]
    handovers: list[HandoverView]
    assets: list[AssetView]
    visits: list[VisitRow]
    pass_ons: list[PassOnView]
    duties: list[ObligationView]
    #: Photos and scans (empty for a role that may not see them).
    attachments: list[AttachmentView] = dataclasses.field(default_factory=list)


def load_profile(ctx: UiContext, beneficiary_id: int, *, log_view: bool = True) -> ProfileData:
    """Everything the profile shows (runs on the worker). Opening a profile is written to
    the audit trail (who saw whose record); reloading it after a change is not."""
    db, actor = ctx.db, ctx.actor
    data = ProfileData(
        person=beneficiaries.get(db, actor, beneficiary_id),
        grants=grants.list_grants(db, actor, beneficiary_id=beneficiary_id),
        handovers=grants.list_handovers(db, actor, beneficiary_id=beneficiary_id, limit=500),
        assets=visits.list_assets(db, actor, beneficiary_id),
        visits=visits.list_visits(
            db, actor, "all", today=ctx.today(), beneficiary_id=beneficiary_id
        ),
        pass_ons=pass_on.list_pass_ons(db, actor, beneficiary_id=beneficiary_id),
        duties=pass_on.open_obligations(
            db, actor, beneficiary_id=beneficiary_id, today=ctx.today()
        ),
        attachments=(
            attachments.list_attachments(db, actor, beneficiary_id)
            if actor.can("attachment.read")
            else []
        ),
    )
    if log_view:
        beneficiaries.record_view(db, actor, beneficiary_id, "profile")
    return data


class ProfilePanel(QWidget):
    """Shown beside the register when a person is opened."""

    #: The panel was closed by the user.
    closed = Signal()
    #: A profile finished loading (beneficiary id).
    loaded = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: ProfileData | None = None
        self.beneficiary_id: int | None = None
        self._task: Task | None = None

        self.name = heading("", self)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self._close)
        self.edit_button = QPushButton(self)
        self.grant_button = QPushButton(self)
        self.consent_button = QPushButton(self)
        self.pass_on_button = QPushButton(self)
        self.pass_on_button.clicked.connect(self._pass_on)
        self.pass_on_button.setEnabled(False)
        self.edit_button.clicked.connect(self._edit)
        self.grant_button.clicked.connect(self._plan_grant)
        self.consent_button.clicked.connect(self._consent)
        self.edit_button.setEnabled(ctx.actor.can("beneficiary.write"))
        self.grant_button.setEnabled(ctx.actor.can("grant.write"))
        self.consent_button.setEnabled(ctx.actor.can("consent.write"))

        self.tabs = QTabWidget(self)
        self.details = QWidget(self.tabs)
        self.details_form = QFormLayout(self.details)
        self.details_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.consents = QTreeWidget(self.tabs)
        self.consents.setRootIsDecorated(False)
        fitting_tree(self.consents)
        self.grants_model = GrantTableModel(ctx, self)
        self.grants_view = table_view(self.tabs)
        self.grants_view.setModel(self.grants_model)
        self.grants_view.setColumnHidden(
            GrantTableModel.COLUMNS.index(
                next(c for c in GrantTableModel.COLUMNS if c.key == "beneficiary")
            ),
            True,
        )
        self.handovers_model = HandoverTableModel(ctx, self)
        self.handovers_view = table_view(self.tabs)
        self.handovers_view.setModel(self.handovers_model)
        self.handovers_view.setColumnHidden(self.handovers_model.column_of("beneficiary"), True)
        self.assets = QTreeWidget(self.tabs)
        self.assets.setColumnCount(5)
        self.assets.setUniformRowHeights(True)
        fitting_tree(self.assets)
        self.visits_model = VisitTableModel(ctx, self)
        self.visits_view = table_view(self.tabs)
        self.visits_view.setModel(self.visits_model)
        for key in ("beneficiary", "commune", "village", "days_late"):
            self.visits_view.setColumnHidden(self.visits_model.column_of(key), True)
        # Pass-on: the first-calf duties still open, the animals given and received.
        self.pass_on_tab = QWidget(self.tabs)
        self.pass_ons = QTreeWidget(self.pass_on_tab)
        self.pass_ons.setRootIsDecorated(False)
        fitting_tree(self.pass_ons)
        self.note_button = QPushButton(self.pass_on_tab)
        self.note_button.setEnabled(False)
        self.note_button.clicked.connect(self._save_note)
        self.pass_ons.currentItemChanged.connect(
            lambda *_a: self.note_button.setEnabled(self.chosen_pass_on() is not None)
        )
        box = QVBoxLayout(self.pass_on_tab)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.pass_ons, 1)
        box.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.files = AttachmentsTab(ctx, self.tabs)
        for widget in (
            self.details,
            self.consents,
            self.grants_view,
            self.handovers_view,
            self.assets,
            self.visits_view,
            self.pass_on_tab,
        ):
            self.tabs.addTab(widget, "")
        if ctx.actor.can("attachment.read"):
            self.tabs.addTab(self.files, "")

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.consent_button)
        buttons.addWidget(self.pass_on_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

        ctx.events.changed.connect(self._data_changed)
        self.retranslate()

    # --- loading -----------------------------------------------------------------------
    def show_person(self, beneficiary_id: int, *, log_view: bool = True) -> None:
        self.beneficiary_id = beneficiary_id
        ctx = self.ctx
        self._task = run_task(
            self,
            lambda: load_profile(ctx, beneficiary_id, log_view=log_view),
            on_success=self._show,
            label=self.tr("Opening the profile…"),
        )

    def is_loading(self, beneficiary_id: int) -> bool:
        return (
            self.beneficiary_id == beneficiary_id
            and self._task is not None
            and not self._task.is_done
        )

    #: The kinds of data a profile shows.
    shows = frozenset(
        {
            Change.BENEFICIARY,
            Change.GRANT,
            Change.HANDOVER,
            Change.VISIT,
            Change.RECEIPT,
            Change.PASS_ON,
            Change.ATTACHMENT,
        }
    )

    def _data_changed(self, notice: ChangeNotice) -> None:
        """Load the person again when a write changed something of theirs."""
        if self.beneficiary_id is None or not self.isVisible() or not notice.touches(self.shows):
            return
        changed = notice.result
        person: int | None
        if isinstance(changed, BeneficiaryView):
            person = changed.id
        elif isinstance(changed, PassOnView):
            if self.beneficiary_id in (changed.giver_id, changed.receiver_id):
                self.show_person(self.beneficiary_id, log_view=False)
            return
        else:
            person = getattr(changed, "beneficiary_id", None)
            row = getattr(changed, "row", None)  # a receipt voided or reprinted
            person = person or getattr(row, "beneficiary_id", None)
        if person is None or person == self.beneficiary_id:
            self.show_person(self.beneficiary_id, log_view=False)

    def _show(self, data: ProfileData) -> None:
        if data.person.id != self.beneficiary_id:
            return
        self.data = data
        self.grants_model.set_rows(data.grants)
        self.handovers_model.set_rows(data.handovers)
        self.visits_model.set_rows(data.visits)
        self.retranslate()
        for view in (self.grants_view, self.handovers_view, self.visits_view):
            view.resizeColumnsToContents()
        self.loaded.emit(data.person.id)

    # --- texts -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close the profile"))
        self.edit_button.setText(self.tr("Edit…"))
        self.grant_button.setText(self.tr("Plan a grant…"))
        self.consent_button.setText(self.tr("Record consent…"))
        self.pass_on_button.setText(self.tr("Pass on…"))
        self.pass_on_button.setToolTip(
            self.tr("Pass a calf (or a loom) on to another family, with its hand-over note")
        )
        self.note_button.setText(self.tr("Save the pass-on note as PDF…"))
        self.pass_ons.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Pass-on"),
                self.tr("Other family"),
                self.tr("Animal or thing"),
                self.tr("Value"),
                self.tr("Note no."),
            ]
        )
        self.consents.setHeaderLabels(
            [self.tr("Consent to"), self.tr("Decision"), self.tr("Date"), self.tr("Recorded by")]
        )
        self.assets.setHeaderLabels(
            [
                self.tr("Asset"),
                self.tr("Status"),
                self.tr("Since"),
                self.tr("Tag"),
                self.tr("Value"),
            ]
        )
        d = self.data
        counts = (
            (0, 0, 0, 0, 0, 0)
            if d is None
            else (
                len(d.person.consents),
                len(d.grants),
                len(d.handovers),
                len(d.assets),
                len(d.visits),
                len(d.pass_ons) + len(d.duties),
            )
        )
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("Consent (%n)", "", counts[0]))
        self.tabs.setTabText(2, self.tr("Grants (%n)", "", counts[1]))
        self.tabs.setTabText(3, self.tr("Hand-overs (%n)", "", counts[2]))
        self.tabs.setTabText(4, self.tr("Assets (%n)", "", counts[3]))
        self.tabs.setTabText(5, self.tr("Visits (%n)", "", counts[4]))
        self.tabs.setTabText(6, self.tr("Pass-on (%n)", "", counts[5]))
        if self.tabs.count() > 7:
            n = 0 if d is None else len(d.attachments)
            self.tabs.setTabText(7, self.tr("Photos and scans (%n)", "", n))
        for model in (self.grants_model, self.handovers_model, self.visits_model):
            model.retranslate()
        if d is not None:
            self._fill(d)

    def _fill(self, d: ProfileData) -> None:
        p = d.person
        self.name.setText(p.full_name)
        sub = [p.code]
        if p.alias:
            sub.append(self.tr("alias “{alias}”").format(alias=p.alias))
        sub.append(fmt.label("category", p.category))
        sub.append(fmt.label("beneficiary_status", p.status))
        self.subtitle.setText(" · ".join(sub))

        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        born = fmt.day(p.birth_date) if p.birth_date else str(p.birth_year or "")
        place = ", ".join(
            x
            for x in (p.village, fmt.unit_name(p.commune_code), fmt.unit_name(p.province_code))
            if x
        )
        rows = [
            (self.tr("Sex"), fmt.label("sex", p.sex)),
            (self.tr("Born"), born),
            (self.tr("Ethnic group"), fmt.ethnicity(p.ethnicity_code)),
            (self.tr("ID number"), p.id_number or "—"),
            (self.tr("Phone"), p.phone or "—"),
            (self.tr("Lives in"), place or "—"),
            (self.tr("Address"), p.address_text or "—"),
            (self.tr("Registered on"), fmt.day(p.registered_on)),
            (self.tr("Notes"), p.notes or "—"),
        ]
        for label, value in rows:
            text = QLabel(value, self.details)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_form.addRow(label, text)

        self.consents.clear()
        for c in p.consents:
            QTreeWidgetItem(
                self.consents,
                [
                    fmt.label("consent_kind", c.kind),
                    self.tr("Given") if c.given else self.tr("Refused or withdrawn"),
                    fmt.day(c.decided_on),
                    c.recorded_by,
                ],
            )
        fit_tree_columns(self.consents)

        self.assets.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for a in d.assets:
            parent = items.get(a.parent_id) if a.parent_id else None
            values = [
                a.description or fmt.label("asset_kind", a.kind),
                fmt.label("asset_status", a.status),
                fmt.day(a.acquired_on),
                a.tag,
                fmt.money(a.value) if a.value else "",
            ]
            item = QTreeWidgetItem(parent if parent is not None else self.assets, values)
            item.setData(0, Qt.ItemDataRole.UserRole, a.id)
            items[a.id] = item
            item.setToolTip(0, fmt.label("asset_kind", a.kind))
            history = QTreeWidgetItem(item, [self.tr("History")])
            for e in a.events:
                QTreeWidgetItem(
                    history,
                    [
                        e.note or fmt.label("asset_status", e.status),
                        fmt.label("asset_status", e.status),
                        fmt.day(e.happened_on),
                    ],
                )
        self.assets.expandToDepth(0)
        fit_tree_columns(self.assets)
        self._fill_pass_ons(d)
        self.pass_on_button.setEnabled(
            self.ctx.actor.can("pass_on.write")
            and p.status == "active"
            and any(a.is_open for a in d.assets)
        )

        self.files.set_data(p.id, d.attachments, self.attachment_targets(d))

    def _fill_pass_ons(self, d: ProfileData) -> None:
        self.pass_ons.clear()
        for duty in d.duties:
            what = duty.description or fmt.label("asset_kind", duty.kind)
            if duty.overdue:
                state = self.tr("First calf to pass on: overdue by %n day(s)", "", duty.days_late)
            else:
                state = self.tr("First calf to pass on by {day}").format(day=fmt.day(duty.due_on))
            item = QTreeWidgetItem(
                self.pass_ons,
                [fmt.day(duty.first_born_on), state, "", what, "", ""],
            )
            item.setToolTip(
                1,
                self.tr("Calf born on {day}; {n} months allowed").format(
                    day=fmt.day(duty.first_born_on), n=duty.months_allowed
                ),
            )
        for po in d.pass_ons:
            given = po.giver_id == d.person.id
            other = (
                (po.receiver_code, po.receiver_name) if given else (po.giver_code, po.giver_name)
            )
            other_text = other[0] + (f" · {other[1]}" if self.ctx.names_visible else "")
            item = QTreeWidgetItem(
                self.pass_ons,
                [
                    fmt.day(po.handed_on),
                    self.tr("Passed on to") if given else self.tr("Received from"),
                    other_text,
                    po.description,
                    fmt.money(po.value) if po.value else "",
                    po.number,
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, po.id)
        fit_tree_columns(self.pass_ons)
        self.note_button.setEnabled(self.chosen_pass_on() is not None)

    def pass_on_texts(self) -> list[list[str]]:
        """Every row of the pass-on tab, as shown (for tests)."""
        out = []
        for i in range(self.pass_ons.topLevelItemCount()):
            item = self.pass_ons.topLevelItem(i)
            assert item is not None
            out.append([item.text(c) for c in range(self.pass_ons.columnCount())])
        return out

    def chosen_pass_on(self) -> int | None:
        item = self.pass_ons.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def attachment_targets(self, d: ProfileData) -> list[tuple[str, str, int]]:
        """What a file can be attached to besides the person, with the words shown."""
        out: list[tuple[str, str, int]] = []
        for g in d.grants:
            name = fmt.type_name(g.grant_type_name_vi, g.grant_type_name_en)
            out.append((self.tr("Grant: {name}").format(name=name), "grant", g.id))
        for h in d.handovers:
            text = f"{fmt.day(h.handed_on)} {h.description}"
            out.append((self.tr("Hand-over: {what}").format(what=text), "disbursement", h.id))
        for vis in d.visits:
            if vis.status == "done":
                day = fmt.day(vis.done_on or vis.scheduled_on)
                out.append((self.tr("Visit of {day}").format(day=day), "visit", vis.id))
        for a in d.assets:
            what = " ".join(
                x for x in (a.description or fmt.label("asset_kind", a.kind), a.tag) if x
            )
            out.append((self.tr("Asset: {what}").format(what=what), "asset", a.id))
        return out

    # --- actions -----------------------------------------------------------------------
    def _close(self) -> None:
        self.clear()
        self.closed.emit()

    def clear(self) -> None:
        """Shows no one (a new search found other people): hidden until a person is opened."""
        self.beneficiary_id = None
        self.data = None
        self.hide()

    def _edit(self) -> None:
        if self.data is not None:
            flows.edit_beneficiary(self.ctx, self, self.data.person)

    def _plan_grant(self) -> None:
        if self.data is not None:
            flows.plan_grant(self.ctx, self, self.data.person)

    def _consent(self) -> None:
        if self.data is not None:
            flows.record_consent(self.ctx, self, self.data.person)

    def _pass_on(self) -> None:
        if self.data is not None:
            flows.pass_on(self.ctx, self, self.data.person, self.data.assets)

    def _save_note(self) -> None:
        chosen = self.chosen_pass_on()
        if chosen is None or self.data is None:
            return
        number = next((p.number for p in self.data.pass_ons if p.id == chosen), "")
        path = files.save_file(
            self,
            self.tr("Save the pass-on note"),
            self.tr("Pass-on note {number}.pdf").format(number=number),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.ctx.read(
            self,
            lambda: pass_on.write_pass_on_note(db, actor, chosen, path),
            label=self.tr("Writing the pass-on note…"),
        )

    def asset_texts(self) -> list[str]:
        """The first column of every asset row (also the young), for tests."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            if item.data(0, Qt.ItemDataRole.UserRole) is not None:
                out.append(item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.assets.topLevelItemCount()):
            walk(self.assets.topLevelItem(i))
        return out
