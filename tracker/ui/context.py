"""What every page and dialog needs: the database, the signed-in user, the clock and the
signals that tell the pages what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, cast

from PySide6.QtWidgets import QWidget

from tracker.i18n import get_language
from tracker.services import grant_types, places
from tracker.services.auth import Workspace
from tracker.services.context import Actor, Database
from tracker.services.grant_types import GrantTypeView
from tracker.services.office import OfficeView
from tracker.services.places import Place
from tracker.ui import fmt
from tracker.ui.events import ALL_DATA, Change, ChangeNotice, DataEvents
from tracker.ui.worker import Task, run_task

__all__ = ["ALL_DATA", "Change", "ChangeNotice", "DataEvents", "UiContext"]


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

    #: Made before anyone signed in (:meth:`waiting`), until :meth:`adopt`.
    pending: bool = False

    _grant_types: list[GrantTypeView] | None = field(default=None, repr=False)
    _places: dict[str, list[Place]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Connected first, so the caches are fresh before any page reloads.
        self.events.changed.connect(self._data_changed)

    @classmethod
    def waiting(cls) -> UiContext:
        """The context of what is built while the password is typed (the main window's
        frame and its first page): no database, and a user who may do nothing, until
        :meth:`adopt` gives it the signed-in session. Nothing reads through it before."""
        return cls(db=cast(Database, None), actor=Actor(None, "", ""), pending=True)

    def adopt(self, other: UiContext) -> None:
        """Take the signed-in session of ``other``: every field but the events (its
        database, user, workspace, office, clock, privacy switch and what it has read so
        far); the pages built while waiting hold this context, and its events."""
        for f in fields(other):
            if f.name != "events":
                setattr(self, f.name, getattr(other, f.name))

    def _data_changed(self, notice: ChangeNotice) -> None:
        if Change.GRANT_TYPE in notice.kinds:
            self.forget_grant_types()
        if Change.OFFICE in notice.kinds and isinstance(notice.result, OfficeView):
            self.office = notice.result

    def today(self) -> date:
        return self.clock()

    def write(
        self,
        owner: QWidget | None,
        fn: Callable[[], Any],
        changes: Iterable[Change],
        *,
        on_success: Callable[[Any], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        label: str = "",
    ) -> Task:
        """Run a write (a service call) on the worker, not cancellable (with a progress
        dialog when given a ``label``); once it has succeeded, announce ``changes`` with its
        result on ``events.changed``, then call ``on_success``."""
        kinds = frozenset(changes)
        return run_task(
            owner,
            fn,
            on_success=on_success,
            on_failure=on_failure,
            label=label,
            cancellable=False,
            announce=lambda result: self.events.announce(kinds, result),
        )

    def read(
        self,
        owner: QWidget | None,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        label: str = "",
    ) -> Task:
        """Run a read (a service call) on the worker; its result comes back to
        ``on_success`` on the UI thread (dropped when the user cancels or ``owner`` is
        gone)."""
        return run_task(owner, fn, on_success=on_success, on_failure=on_failure, label=label)

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

    def communes_in_use(self) -> list[Place]:
        """The communes the office's people live in, for list filters (one short query)."""
        return places.communes_in_use(self.db, self.actor)

    def load_places(self, owner: QWidget, then: Callable[[], object]) -> None:
        """Fetch the units again and, on the worker, the names the lists show for their
        codes; ``then`` runs if they differ from the names shown already (the lists
        repaint). Until then the lists are named from the shipped list when it is in
        memory (made while the password was typed): the names of almost every database."""
        self._places.clear()
        db, actor = self.db, self.actor
        shipped = places.shipped_names_if_ready()
        if shipped is not None and not fmt.has_place_names():
            fmt.set_place_names(shipped)

        def loaded(names: Mapping[str, str]) -> None:
            if fmt.set_place_names(names):
                then()

        self.read(owner, lambda: places.place_names(db, actor), on_success=loaded)

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
        """Full names in the lists: only for a role that may see them (a viewer sees codes
        and aliases, as on the command line); switching them on is logged."""
        if visible and not self.actor.can("names.read"):
            self.events.names_visible_changed.emit(False)  # the switches go back off
            return
        if visible != self.names_visible:
            self.names_visible = visible
            self.events.names_visible_changed.emit(visible)
            if visible:
                from tracker.services import beneficiaries

                db, actor = self.db, self.actor
                self.write(None, lambda: beneficiaries.record_view(db, actor, None, "names"), ())
