"""What every page and dialog needs: the database, the signed-in user, the clock and the
signals that tell the pages what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal

from tracker.i18n import get_language
from tracker.services import grant_types, places
from tracker.services.auth import Workspace
from tracker.services.context import Actor, Database
from tracker.services.grant_types import GrantTypeView
from tracker.services.office import OfficeView
from tracker.services.places import Place
from tracker.ui import fmt


class DataEvents(QObject):
    """The contract between the parts of the window: a dialog or page that changes data
    emits one of these once the change is committed; every page that shows that data
    listens and refreshes itself."""

    #: A beneficiary was registered or edited (``BeneficiaryView``).
    beneficiary_saved = Signal(object)
    #: A consent decision was recorded (``BeneficiaryView``).
    consent_recorded = Signal(object)
    #: A grant was planned (``GrantView``).
    grant_saved = Signal(object)
    #: A hand-over was recorded with its receipt and visits (``HandoverView``).
    handover_recorded = Signal(object)
    #: A visit outcome was recorded (``VisitRow``).
    visit_recorded = Signal(object)
    #: The office details were saved (``OfficeView``).
    office_saved = Signal(object)
    #: A donor project was added or edited (``ProjectView``).
    project_saved = Signal(object)
    #: A support type was changed (``GrantTypeView``).
    grant_type_saved = Signal(object)
    #: The "show names" privacy switch changed (``bool``).
    names_visible_changed = Signal(bool)


@dataclass
class UiContext:
    """Shared by the main window, its pages and dialogs. ``clock`` gives "today" (tests and
    screenshots pin it); ``names_visible`` is the privacy switch of the lists.
    ``workspace`` is the signed-in session (its key and key slots, for accounts, backups
    and the screen lock); None for a window opened on a database without signing in."""

    db: Database
    actor: Actor
    events: DataEvents = field(default_factory=DataEvents)
    clock: Callable[[], date] = date.today
    names_visible: bool = False
    office: OfficeView | None = None
    workspace: Workspace | None = None

    _grant_types: list[GrantTypeView] | None = field(default=None, repr=False)
    _places: dict[str, list[Place]] = field(default_factory=dict, repr=False)

    def today(self) -> date:
        return self.clock()

    def session(self) -> Workspace:
        """The workspace the account and backup services take: the signed-in one, or for a
        window opened without signing in (tests, screenshots: a plain, unencrypted file)
        one without key slots."""
        if self.workspace is not None:
            return self.workspace
        return Workspace(self.db, self.actor)

    def grant_types(self, *, refresh: bool = False) -> list[GrantTypeView]:
        """The support types (cached: they change rarely)."""
        if self._grant_types is None or refresh:
            self._grant_types = grant_types.list_grant_types(
                self.db, self.actor, include_inactive=True
            )
        return self._grant_types

    def forget_grant_types(self) -> None:
        """A support type changed: the next :meth:`grant_types` reads them again."""
        self._grant_types = None

    def places(self, level: str = "commune") -> list[Place]:
        """The administrative units of a level in force now (cached)."""
        if level not in self._places:
            self._places[level] = places.list_places(self.db, self.actor, level)
        return self._places[level]

    def load_places(self) -> None:
        """Fetch the units again and the names the lists show for their codes."""
        self._places.clear()
        fmt.set_place_names(places.place_names(self.db, self.actor))

    def grant_type(self, code: str | None) -> GrantTypeView | None:
        return next((gt for gt in self.grant_types() if gt.code == code), None)

    def grant_type_name(self, code: str | None) -> str:
        gt = self.grant_type(code)
        if gt is None:
            return code or ""
        return gt.name_vi if get_language() == "vi" else gt.name_en

    @property
    def lang(self) -> str:
        return get_language()

    def set_names_visible(self, visible: bool) -> None:
        if visible != self.names_visible:
            self.names_visible = visible
            self.events.names_visible_changed.emit(visible)
