"""The main window: navigation on the left, the pages in a stack, menus with the keyboard
shortcuts, and a status bar with the office, the user and the database.

It also holds the screen lock (Ctrl+L, and the idle timer): everything is hidden behind
the password at once; and the restore of a backup, which closes the database, puts the
backup in its place and sends everyone back to the sign-in."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from tracker import __version__
from tracker.config import resources_dir
from tracker.services import backups, office
from tracker.services.auth import Keys
from tracker.services.backups import BackupInfo
from tracker.services.context import Actor
from tracker.services.grants import GrantView, HandoverView
from tracker.services.places import data_version as places_data_version
from tracker.services.visits import VisitRow
from tracker.ui import flows, fmt, prefs, screen
from tracker.ui.context import Change, ChangeNotice, UiContext
from tracker.ui.dialogs.account_dialogs import ChangePasswordDialog
from tracker.ui.dialogs.backup_dialogs import RestoreConfirmDialog
from tracker.ui.help import HelpWindow, topic_for
from tracker.ui.lock import IdleLock, UnlockDialog
from tracker.ui.pages.audit import AuditPage
from tracker.ui.pages.base import Page
from tracker.ui.pages.beneficiaries import BeneficiariesPage
from tracker.ui.pages.grants import GrantsPage
from tracker.ui.pages.province import ProvincePage
from tracker.ui.pages.receipts import ReceiptsPage
from tracker.ui.pages.reports import ReportsPage
from tracker.ui.pages.settings import SettingsPage
from tracker.ui.pages.today import TodayPage
from tracker.ui.pages.users import UsersPage
from tracker.ui.pages.visits import VisitsPage
from tracker.ui.screen import available_area
from tracker.ui.translations import translations
from tracker.ui.watch import ChangeWatcher, poll_interval
from tracker.ui.worker import error_text, pending, run_task, wait_for_tasks

#: Every page, in the order of the navigation (Users and Audit trail: administrators only).
PAGE_ORDER = (
    "today",
    "beneficiaries",
    "grants",
    "visits",
    "receipts",
    "reports",
    "province",
    "users",
    "audit",
    "settings",
)
ADMIN_PAGES = ("users", "audit")
PAGE_CLASSES: dict[str, type[Page]] = {
    cls.key: cls
    for cls in (
        TodayPage,
        BeneficiariesPage,
        GrantsPage,
        VisitsPage,
        ReceiptsPage,
        ReportsPage,
        ProvincePage,
        UsersPage,
        AuditPage,
        SettingsPage,
    )
}
STATUS_TIMEOUT_MS = 10_000
#: The size of the window on the first start when the screen has room for it.
DEFAULT_SIZE = (1280, 800)


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """A page's icon, found once per process."""
    if name not in _icons:
        path = resources_dir() / "icons" / f"{name}.svg"
        _icons[name] = QIcon(str(path)) if path.exists() else QIcon()
    return _icons[name]


def _sample_page() -> QWidget:
    """A page of the kinds of widgets Today shows (buttons, a box, a table of Vietnamese
    text and sums, a budget bar, a wrapped label), to draw once while nobody looks."""
    from datetime import date

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

    from tracker.ui.lists import table_view
    from tracker.ui.widgets import heading

    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(heading(PAGE_CLASSES["today"].title()))
    buttons = QHBoxLayout()
    layout.addLayout(buttons)
    for key in ("beneficiaries", "grants", "visits"):
        buttons.addWidget(QPushButton(PAGE_CLASSES[key].title()))
    box = QGroupBox(PAGE_CLASSES["visits"].title())
    layout.addWidget(box)
    view = table_view(box)
    QVBoxLayout(box).addWidget(view)
    cells = ("MV-00001", "Nguyễn Thị Ánh Hồng", fmt.day(date.today()), fmt.money(15_000_000))
    model = QStandardItemModel(3, len(cells), view)
    for row in range(3):
        for col, text in enumerate(cells):
            model.setItem(row, col, QStandardItem(text))
    view.setModel(model)
    view.resizeColumnsToContents()
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setValue(400)
    layout.addWidget(bar)
    label = QLabel(fmt.money(1_000_000))
    label.setWordWrap(True)
    layout.addWidget(label)
    return page


#: The window's frame built while the password is typed (:func:`prepare`), until
#: :func:`open_window` binds it to the user who signed in.
_prepared: MainWindow | None = None


def prepare() -> None:
    """Build the main window's frame while the password is typed: the navigation, the
    menus, the status bar and the pages' holders, at the saved size; then draw it once off
    screen with a sample page of the kinds of widgets Today shows. Building, laying out
    and Qt's and PySide's first cost for each kind of widget (types, styles, glyphs) are
    then paid before "Sign in" is clicked. Today is built then too, empty, on a context
    that waits for the session. The frame waits, hidden, for :func:`open_window`. Nothing
    in it depends on who signs in, and it holds no data."""
    global _prepared
    if _prepared is not None and shiboken6.isValid(_prepared):
        return
    frame = MainWindow()
    holder = frame._holders["today"]
    sample = _sample_page()
    holder.setWidget(sample)
    frame.grab()
    holder.takeWidget()
    sample.deleteLater()
    # Today itself, empty, on a context that waits for the session (UiContext.waiting):
    # built, laid out and drawn now rather than after the key is derived.
    frame.ctx = frame._waiting = UiContext.waiting()
    frame.page("today")
    frame.grab()
    _prepared = frame


def discard_prepared() -> None:
    """Nobody signed in (the dialog was closed): the prepared frame goes."""
    global _prepared
    frame, _prepared = _prepared, None
    if frame is not None and shiboken6.isValid(frame):
        frame.deleteLater()


def open_window(ctx: UiContext) -> MainWindow:
    """The main window for the user who signed in: the frame built while the password was
    typed, bound to them, or (none prepared) a window built now. A bound frame keeps its
    own context, given ``ctx``'s session (``UiContext.adopt``): use ``window.ctx``."""
    global _prepared
    frame, _prepared = _prepared, None
    if frame is None or not shiboken6.isValid(frame):
        return MainWindow(ctx)
    frame.bind(ctx)
    return frame


class MainWindow(QMainWindow):
    """The one window of the app."""

    #: The language of the window was switched (``"vi"`` or ``"en"``).
    language_changed = Signal(str)
    #: The window was locked (``True``) or unlocked (``False``).
    lock_changed = Signal(bool)
    #: A backup was restored; carries where the replaced database file was kept.
    restored = Signal(object)

    #: The signed-in user's context (set by :meth:`bind`).
    ctx: UiContext

    def __init__(self, ctx: UiContext | None = None, parent: QWidget | None = None) -> None:
        """The window for ``ctx``; without one, its frame only (:func:`prepare`), with
        every page's place and no data, until :meth:`bind`."""
        super().__init__(parent)
        screen.install()  # every window and dialog opens inside the screen
        #: After a restore: the database is closed and the app asks to sign in again.
        self.sign_in_again = False
        self.locked = False
        self._bound = False
        #: The context of the pages built while the password was typed (:func:`prepare`),
        #: which takes the session at :meth:`bind`.
        self._waiting: UiContext | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.idle_lock: IdleLock | None = None
        self._hidden_for_lock: list[QWidget] = []
        self._action_states: dict[QAction, bool] = {}
        self.setObjectName("main_window")

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        #: The keys of the pages shown, in the order of the navigation (every page until
        #: :meth:`bind` leaves out those of other roles and offices).
        self.page_keys = list(PAGE_ORDER)
        #: The pages built so far: a page is built when it is first shown (or asked for),
        #: so that the window opens with Today alone.
        self.pages: dict[str, Page] = {}
        self._holders: dict[str, QScrollArea] = {}
        for key in self.page_keys:
            holder = self._scrolling(key)
            self._holders[key] = holder
            self.stack.addWidget(holder)
            item = QListWidgetItem(icon(key), "", self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.currentRowChanged.connect(self._row_chosen)
        self.office_label = QLabel(self)
        self.user_label = QLabel(self)
        self.db_label = QLabel(self)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.office_label, self.user_label, self.db_label):
            self.statusBar().addPermanentWidget(label)

        self._build_actions()
        self.retranslate()
        self.restore_state()
        if ctx is not None:
            self.bind(ctx)

    def bind(self, ctx: UiContext) -> None:
        """Give the window its user: the pages, menus and actions of their role and
        office, the status bar, the screen lock and Today, whose data is read on the
        worker while the window is laid out and painted."""
        assert not self._bound, "a window is bound to one sign-in"
        if self._waiting is not None:
            # Today was built while the password was typed: its context takes the session.
            self._waiting.adopt(ctx)
            ctx, self._waiting = self._waiting, None
        self.ctx = ctx
        self._bound = True
        if ctx.office is None:
            ctx.office = office.get_office(ctx.db, ctx.actor)
        ctx.grant_types()
        ctx.load_places(self, self._repaint_lists)

        # A province-level office takes in its offices' bundles. Users and Audit trail:
        # administrators only (the pages are not even built for the other roles, and the
        # services refuse them anyway).
        at_province = ctx.office is not None and ctx.office.kind == "province"
        is_admin = ctx.actor.can("user.manage")
        left_out = ({"province"} if not at_province else set()) | (
            set(ADMIN_PAGES) if not is_admin else set()
        )
        for key in left_out:
            row = self.page_keys.index(key)
            self.page_keys.pop(row)
            self.nav.takeItem(row)
            holder = self._holders.pop(key)
            self.stack.removeWidget(holder)
            holder.deleteLater()
            action = self.page_actions.pop(key)
            self.go_menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        self._bind_actions()
        for page in self.pages.values():
            page.bound()
        ctx.events.changed.connect(self._data_changed)
        ctx.events.names_visible_changed.connect(self.show_names_action.setChecked)
        if ctx.workspace is not None:
            self.idle_lock = IdleLock(prefs.IDLE_MINUTES.get(), self)
            self.idle_lock.idle.connect(self.lock)
        # Another PC's writes (a shared PostgreSQL server): the pages reload on their own.
        self.watcher = ChangeWatcher(ctx, self)
        self.watcher.start(poll_interval(shared=not ctx.db.is_sqlite))
        self.lock_changed.connect(
            lambda locked: (
                self.watcher.stop()
                if locked
                else self.watcher.start(poll_interval(shared=not ctx.db.is_sqlite))
            )
        )
        self._update_status()
        # Every start opens on Today (what is due first); the last page is not reopened.
        self.show_page("today")
        # The first page's data is read on the worker while the window is laid out and
        # painted, not only once it is on screen.
        self.current_page().refresh()

    # --- actions and menus -------------------------------------------------------------
    def _action(
        self, shortcut: str | QKeySequence.StandardKey | None, slot: object | None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)  # type: ignore[call-overload]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        """Every action and menu, all disabled until :meth:`bind` knows the user."""
        self.quit_action = self._action("Ctrl+Q", self.close)
        self.lock_action = self._action("Ctrl+L", self.lock)
        self.password_action = self._action(None, self.change_password)
        self.page_actions: dict[str, QAction] = {
            key: self._action(None, lambda _c=False, k=key: self.show_page(k))
            for key in self.page_keys
        }
        self.new_action = self._action("Ctrl+N", self.new_beneficiary)
        self.find_action = self._action("Ctrl+F", self.find_beneficiary)
        self.grant_action = self._action("Ctrl+G", self.plan_grant)
        self.handover_action = self._action("Ctrl+H", self.record_handover)
        self.visit_action = self._action("Ctrl+K", self.record_visit)
        self.refresh_action = self._action("F5", self.refresh_page)
        self.show_names_action = self._action("Ctrl+Shift+N", None)
        self.show_names_action.setCheckable(True)
        self.about_action = self._action(None, self.about)
        self.help_action = self._action("F1", self.show_help)
        self.help_window: HelpWindow | None = None
        for action in self.actions():
            action.setEnabled(False)

        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.password_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = QMenu(self)
        for key in self.page_keys:
            self.go_menu.addAction(self.page_actions[key])
        self.actions_menu = QMenu(self)
        for action in (
            self.new_action,
            self.find_action,
            self.grant_action,
            self.handover_action,
            self.visit_action,
        ):
            self.actions_menu.addAction(action)
        self.actions_menu.addSeparator()
        self.actions_menu.addAction(self.refresh_action)
        self.view_menu = QMenu(self)
        self.view_menu.addAction(self.show_names_action)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.help_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        for menu in (
            self.file_menu,
            self.go_menu,
            self.actions_menu,
            self.view_menu,
            self.help_menu,
        ):
            bar.addMenu(menu)

    def _bind_actions(self) -> None:
        """The actions of the signed-in user's role; Ctrl+1, Ctrl+2, ...: the pages in the
        order the navigation shows them."""
        can = self.ctx.actor.can
        for action in self.actions():
            action.setEnabled(True)
        for i, key in enumerate(self.page_keys, start=1):
            if i < 10:
                self.page_actions[key].setShortcut(QKeySequence(f"Ctrl+{i}"))
        self.lock_action.setEnabled(self.ctx.workspace is not None)
        self.new_action.setEnabled(can("beneficiary.write"))
        self.grant_action.setEnabled(can("grant.write"))
        self.handover_action.setEnabled(can("handover.write"))
        self.visit_action.setEnabled(can("visit.write"))
        self.show_names_action.setChecked(self.ctx.names_visible)
        self.show_names_action.setEnabled(can("names.read"))
        self.show_names_action.toggled.connect(self.ctx.set_names_visible)

    # --- texts -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.locked:
            self.setWindowTitle(self.tr("Grant Tracker – locked"))
        else:
            self.setWindowTitle(self.tr("Grant Tracker – livelihood support"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(PAGE_CLASSES[item.data(Qt.ItemDataRole.UserRole)].title())
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.actions_menu.setTitle(self.tr("&Actions"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.quit_action.setText(self.tr("&Quit"))
        self.lock_action.setText(self.tr("&Lock the window"))
        self.password_action.setText(self.tr("Change my &password…"))
        for key, action in self.page_actions.items():
            action.setText(PAGE_CLASSES[key].title())
        self.new_action.setText(self.tr("&New beneficiary…"))
        self.find_action.setText(self.tr("&Find a beneficiary"))
        self.grant_action.setText(self.tr("&Plan a grant…"))
        self.handover_action.setText(self.tr("Record a &hand-over…"))
        self.visit_action.setText(self.tr("Record a &visit…"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.show_names_action.setText(self.tr("Show &names in lists"))
        self.about_action.setText(self.tr("&About Grant Tracker"))
        self.help_action.setText(self.tr("&User guide for this page"))
        if self._bound:
            self._update_status()
        width = max(self.nav.sizeHintForColumn(0), 120) + 28
        self.nav.setMinimumWidth(width)

    def _update_status(self) -> None:
        o = self.ctx.office
        self.office_label.setText(o.name if o else self.tr("No office set up"))
        actor = self.ctx.actor
        self.user_label.setText(
            self.tr("User: {name} ({role})").format(
                name=actor.full_name or actor.username, role=fmt.label("role", actor.role)
            )
        )
        self.db_label.setText(
            self.tr("Database: {location}").format(location=self.ctx.db.location.describe())
        )
        self.db_label.setToolTip(self.ctx.db.location.describe())

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    # --- pages -------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page ``key``, built now if it has not been yet."""
        built = self.pages.get(key)
        if built is not None:
            return built
        page = PAGE_CLASSES[key](self.ctx, self.stack)
        self.pages[key] = page
        page.status_message.connect(self.show_message)
        if isinstance(page, TodayPage):
            page.go_to.connect(self.show_page)
        elif isinstance(page, SettingsPage):
            page.language_chosen.connect(self.set_language)
            page.idle_minutes_changed.connect(self._idle_minutes_changed)
            page.change_password_requested.connect(self.change_password)
            page.restore_requested.connect(self.restore_backup)
        elif isinstance(page, BeneficiariesPage):
            page.restore_state()
        self._holders[key].setWidget(page)
        return page

    def _row_chosen(self, row: int) -> None:
        if self._bound and 0 <= row < len(self.page_keys):
            self.page(self.page_keys[row])  # built before it is shown
        self.stack.setCurrentIndex(row)

    @property
    def today_page(self) -> TodayPage:
        return self.page("today")  # type: ignore[return-value]

    @property
    def beneficiaries_page(self) -> BeneficiariesPage:
        return self.page("beneficiaries")  # type: ignore[return-value]

    @property
    def grants_page(self) -> GrantsPage:
        return self.page("grants")  # type: ignore[return-value]

    @property
    def visits_page(self) -> VisitsPage:
        return self.page("visits")  # type: ignore[return-value]

    @property
    def receipts_page(self) -> ReceiptsPage:
        return self.page("receipts")  # type: ignore[return-value]

    @property
    def reports_page(self) -> ReportsPage:
        return self.page("reports")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    @property
    def province_page(self) -> ProvincePage | None:
        return self.page("province") if "province" in self.page_keys else None  # type: ignore[return-value]

    @property
    def users_page(self) -> UsersPage | None:
        return self.page("users") if "users" in self.page_keys else None  # type: ignore[return-value]

    @property
    def audit_page(self) -> AuditPage | None:
        return self.page("audit") if "audit" in self.page_keys else None  # type: ignore[return-value]

    def current_page(self) -> Page:
        return self.page(self.page_keys[max(self.stack.currentIndex(), 0)])

    def _repaint_lists(self) -> None:
        """The place names came in: the lists show them instead of the units' codes."""
        for view in self.findChildren(QAbstractItemView):
            view.viewport().update()

    def _scrolling(self, key: str) -> QScrollArea:
        """The page's scroll area: on a small screen (1280 x 720 at 125 %) a page wider
        or taller than the room scrolls instead of pushing the window off the screen."""
        holder = QScrollArea(self.stack)
        holder.setObjectName(f"{key}_scroll")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        return holder

    def show_page(self, key: str) -> Page:
        """Go to a page; a page this user does not have (or an unknown key): Today."""
        row = self.page_keys.index(key) if key in self.page_keys else 0
        self.nav.setCurrentRow(row)
        return self.page(self.page_keys[row])

    def _on(self, key: str) -> bool:
        """Whether page ``key`` is the one on screen."""
        return self.page_keys[max(self.stack.currentIndex(), 0)] == key

    def refresh_page(self) -> None:
        self.current_page().refresh()

    # --- common actions ----------------------------------------------------------------
    def new_beneficiary(self) -> None:
        if self.ctx.actor.can("beneficiary.write"):
            flows.register_beneficiary(self.ctx, self)

    def find_beneficiary(self) -> None:
        self.show_page("beneficiaries")
        self.beneficiaries_page.focus_search()

    def plan_grant(self) -> None:
        if self.ctx.actor.can("grant.write"):
            person = None
            if self._on("beneficiaries"):
                person = self.beneficiaries_page.selected()
            flows.plan_grant(self.ctx, self, person)

    def record_handover(self) -> None:
        if not self.ctx.actor.can("handover.write"):
            return
        grant = self.grants_page.selected() if self._on("grants") else None
        if grant is not None and grant.status not in ("planned", "active"):
            grant = None
        # With a profile open, that person's grant is the one chosen first.
        person = None
        if self._on("beneficiaries"):
            profile = self.beneficiaries_page.profile
            person = profile.beneficiary_id if profile.isVisible() else None
        flows.record_handover(self.ctx, self, grant, for_person=person)

    def record_visit(self) -> None:
        if self._on("visits") and self.visits_page.selected() is not None:
            self.visits_page.record_selected()
            return
        page = self.show_page("visits")
        assert isinstance(page, VisitsPage)
        page.view.setFocus()
        self.show_message(self.tr("Choose the visit in the list, then press Enter."))

    def show_help(self, topic: str | None = None) -> HelpWindow:
        """The user guide beside the window, on the page that explains what is on screen."""
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_topic(topic or topic_for(self.current_page().key))
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Grant Tracker"),
            self.tr(
                "Grant Tracker {version}\n\nRecords livelihood support given to people "
                "protected by the project, the hand-overs and their follow-up visits. "
                "Works offline; the data stays on this computer."
            ).format(version=__version__)
            + "\n\n"
            + self.tr(
                "Administrative units: {version}. Licences and sources: the NOTICE file."
            ).format(version=places_data_version()),
        )

    def _data_changed(self, notice: ChangeNotice) -> None:
        """What a write did, in the status bar (the pages reload themselves)."""
        result = notice.result
        if isinstance(result, HandoverView):
            text = self.tr("Hand-over recorded, receipt {number}.").format(
                number=result.receipt_number or "—"
            )
            if result.visits_scheduled:
                text += " " + self.tr("Follow-up visits: {dates}.").format(
                    dates=", ".join(fmt.day(d) for d in result.visits_scheduled)
                )
            self.show_message(text)
        elif isinstance(result, VisitRow):
            self.show_message(
                self.tr("Visit recorded for {code}.").format(code=result.beneficiary_code)
            )
        elif isinstance(result, GrantView) and Change.GRANT in notice.kinds:
            self.show_message(
                self.tr("Grant planned for {code}.").format(code=result.beneficiary_code)
            )
        if Change.OFFICE in notice.kinds:
            self._update_status()

    # --- accounts ----------------------------------------------------------------------
    def change_password(self) -> QDialog:
        """Every user changes their own password (current one, then the new one twice)."""
        dialog = ChangePasswordDialog(self.ctx.session(), self)
        dialog.events = self.ctx.events
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saved.connect(lambda _r: self.show_message(self.tr("Your password was changed.")))
        dialog.saved.connect(self._key_changed)
        dialog.open()
        return dialog

    def warn_after_sign_in(self) -> None:
        """Tell an administrator, once the window is up, what the sign-in found: the
        audit trail altered since the last time, or no working recovery key."""
        ws = self.ctx.workspace
        if ws is None or not self.ctx.actor.can("user.manage"):
            return
        notes = []
        fresh = [f for f in ws.audit_findings if not f.found_at]
        if fresh:
            notes.append(
                self.tr(
                    "The audit trail was altered outside the app since it was last used "
                    "(for example, its newest events were removed). This is now written in "
                    "the trail; the Audit trail page gives the details. Keep this computer "
                    "as it is and tell the person responsible for the data."
                )
            )
        if ws.needs_recovery_key:
            notes.append(
                self.tr(
                    "This database has no working recovery key. Make a new one on the Users "
                    "page and keep it in the office safe."
                )
            )
        if notes:
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Please read"), "\n\n".join(notes),
                QMessageBox.StandardButton.Ok, self,
            )  # fmt: skip
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            box.open()

    def _key_changed(self, change: object) -> None:
        from tracker.ui.dialogs.account_dialogs import key_change_text

        note = key_change_text(change)
        if note:
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("The data has a new key"), note,
                QMessageBox.StandardButton.Ok, self,
            )  # fmt: skip
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            box.open()

    # --- the screen lock ---------------------------------------------------------------
    def lock(self) -> None:
        """Hide everything at once (the pages, the menus, the status bar, any open dialog)
        and ask for the signed-in user's password. Quit from the lock closes the app."""
        ws = self.ctx.workspace
        if self.locked or ws is None or self.sign_in_again:
            return
        self.locked = True
        if self.idle_lock is not None:
            self.idle_lock.pause()
        # The connections kept open (with the key applied) are closed while locked.
        ws.db.release()
        self._hidden_for_lock = []
        for widget in QApplication.topLevelWidgets():
            # Progress dialogs say only "Saving…"; hiding them would not stop their work.
            if widget is self or not widget.isVisible() or isinstance(widget, QProgressDialog):
                continue
            if isinstance(widget, QMenu):
                widget.close()  # an open menu is not brought back
                continue
            self._hidden_for_lock.append(widget)
            if isinstance(widget, QDialog):
                # A dialog that finishes while hidden (its save came back) stays closed.
                widget.finished.connect(lambda _r, w=widget: self._forget_hidden(w))
            widget.hide()
        central = self.centralWidget()
        if central is not None:
            central.hide()
        self.menuBar().hide()
        self.statusBar().hide()
        self._action_states = {action: action.isEnabled() for action in self.actions()}
        for action in self.actions():
            action.setEnabled(False)
        self.setWindowTitle(self.tr("Grant Tracker – locked"))
        dialog = UnlockDialog(ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(self._unlock_finished)
        self.unlock_dialog = dialog
        self.lock_changed.emit(True)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _unlock_finished(self, result: int) -> None:
        self.unlock_dialog = None
        if result != QDialog.DialogCode.Accepted:
            # "Quit": the app closes (the closing backup still runs).
            self.close()
            return
        self.locked = False
        central = self.centralWidget()
        if central is not None:
            central.show()
        self.menuBar().show()
        self.statusBar().show()
        for action, enabled in self._action_states.items():
            if shiboken6.isValid(action):
                action.setEnabled(enabled)
        self._action_states = {}
        self.retranslate()
        for widget in self._hidden_for_lock:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden_for_lock = []
        if self.idle_lock is not None:
            self.idle_lock.resume()
        self.lock_changed.emit(False)

    def _forget_hidden(self, widget: QWidget) -> None:
        if widget in self._hidden_for_lock:
            self._hidden_for_lock.remove(widget)

    def _idle_minutes_changed(self, minutes: int) -> None:
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(minutes)

    # --- restoring a backup ------------------------------------------------------------
    def restore_backup(self, path: Path, info: BackupInfo | None = None) -> None:
        """Restore a backup (administrators): check it, ask, close the database, put the
        backup in its place (the current file kept aside) and sign in again."""
        location = self.ctx.db.location
        if location.path is None or not self.ctx.actor.can("backup.restore"):
            return
        if not RestoreConfirmDialog.ask(path, location.path, info, self):
            return
        key = self.ctx.session().key
        actor = self.ctx.actor
        # The backup is checked first, while the window still works: a damaged or foreign
        # file changes nothing.
        run_task(
            self,
            lambda: backups.check_file(path, key),
            # From the top of the event loop, not inside the task's own callback.
            on_success=lambda _r: QTimer.singleShot(
                0, lambda: self._restore_checked(path, key, actor)
            ),
            on_failure=self._restore_refused,
            label=self.tr("Checking the backup…"),
            cancellable=False,
        )

    def _restore_refused(self, exc: BaseException) -> None:
        QMessageBox.warning(
            self,
            self.tr("The backup cannot be restored"),
            self.tr("{error}\n\nNothing was changed.").format(error=error_text(exc)),
        )

    def _restore_checked(self, path: Path, key: Keys | None, actor: Actor) -> None:
        # From here the database is closed: nothing may read it until the sign-in.
        self.sign_in_again = True
        if self.idle_lock is not None:
            self.idle_lock.pause()
        central = self.centralWidget()
        if central is not None:
            central.hide()
        for action in self.actions():
            action.setEnabled(False)
        self.quit_action.setEnabled(True)
        self._restore_when_idle(path, key, actor, 0)

    def _restore_when_idle(self, path: Path, key: Keys | None, actor: Actor, tries: int) -> None:
        """Wait (without a nested event loop) until no task still reads the database."""
        if pending() and tries < 300:
            QTimer.singleShot(100, lambda: self._restore_when_idle(path, key, actor, tries + 1))
            return
        location = self.ctx.db.location
        self.ctx.session().close()
        run_task(
            self,
            lambda: backups.restore(location, path, key, actor),
            on_success=lambda aside: QTimer.singleShot(0, lambda: self._restored(aside)),
            on_failure=lambda exc: QTimer.singleShot(0, lambda: self._restore_failed(exc)),
            label=self.tr("Restoring the backup…"),
            cancellable=False,
        )

    def _restored(self, aside: Path) -> None:
        self.restored.emit(aside)
        QMessageBox.information(
            self,
            self.tr("Backup restored"),
            self.tr(
                "The backup was restored.\n\nThe database file that was in use is kept "
                "aside, not deleted:\n{aside}\n\nSign in again to go on."
            ).format(aside=str(aside)),
        )
        self.close()

    def _restore_failed(self, exc: BaseException) -> None:
        QMessageBox.critical(
            self,
            self.tr("The restore failed"),
            self.tr(
                "{error}\n\nThe database was closed for the restore. Sign in again: if the "
                "database cannot be opened, the sign-in offers the newest good backup."
            ).format(error=error_text(exc)),
        )
        self.close()

    # --- language ----------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the language now (every page retranslates itself) and remember it."""
        if lang == translations().lang and lang == self.ctx.lang:
            return
        translations().use(lang)
        prefs.LANGUAGE.set(lang)
        self.language_changed.emit(lang)

    # --- state -------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = prefs.GEOMETRY.get()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        # The first start, or a size saved on a bigger screen: inside the free area of this
        # screen, the taskbar and the title bar left visible.
        area = available_area(self)
        if self.width() > area.width() or self.height() > area.height():
            self.setGeometry(area)
        elif geometry is None:
            self.move(area.center() - self.rect().center())
        state = prefs.WINDOW_STATE.get()
        if state is not None:
            self.restoreState(state)
        splitter = prefs.SPLITTER.get()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([200, 1080])

    def save_state(self) -> None:
        if not self._bound:
            return
        prefs.GEOMETRY.set(self.saveGeometry())
        prefs.WINDOW_STATE.set(self.saveState())
        prefs.SPLITTER.set(self.splitter.saveState())
        prefs.PAGE.set(self.page_keys[max(self.stack.currentIndex(), 0)])
        built = self.pages.get("beneficiaries")
        if isinstance(built, BeneficiariesPage):
            built.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            # Closing while locked: the lock goes with the window, nothing is shown again.
            dialog.finished.disconnect(self._unlock_finished)
            dialog.hide()
            dialog.deleteLater()
        self.save_state()
        if self._bound:
            self.watcher.stop()
        # Let running work (a save on its way to the database) come back first.
        wait_for_tasks(10_000)
        super().closeEvent(event)
