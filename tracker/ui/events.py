"""The kinds of data a write changes and the signals that announce them: what the pages
and dialogs agree on, kept apart from the database so that the sign-in dialog can use it
before the data layer is loaded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Change(StrEnum):
    """A kind of data a write changed. Each page declares the kinds it shows (``Page.shows``)
    and reloads when a notice names one of them."""

    #: A person registered or edited, or a consent decision recorded.
    BENEFICIARY = "beneficiary"
    #: A grant planned or cancelled (cancelling also cancels its open visits).
    GRANT = "grant"
    #: A hand-over, with its receipt, its assets and the visits it booked.
    HANDOVER = "handover"
    #: A receipt reprinted or voided (with its replacement).
    RECEIPT = "receipt"
    #: A visit done, missed or booked.
    VISIT = "visit"
    #: An animal or thing passed on to another family (its assets and the visits booked).
    PASS_ON = "pass_on"
    PROJECT = "project"
    GRANT_TYPE = "grant_type"
    OFFICE = "office"
    #: An account added or changed, or a new recovery key.
    USER = "user"
    BACKUP = "backup"
    #: Files written for the donor or the province (logged in the audit trail).
    EXPORT = "export"
    #: At a province-level office: an office registered, or its bundles taken in.
    PROVINCE = "province"
    #: A photo or scan added or removed.
    ATTACHMENT = "attachment"
    #: A quarter closed or reopened.
    PERIOD = "period"


#: Every kind of data (the audit trail shows them all).
ALL_DATA = frozenset(Change)


@dataclass(frozen=True)
class ChangeNotice:
    """What one write changed, with what the service returned (a ``HandoverView`` for a
    hand-over...), so that a page can use it without reading it back."""

    kinds: frozenset[Change]
    result: object = None

    def touches(self, kinds: frozenset[Change]) -> bool:
        return bool(self.kinds & kinds)


class DataEvents(QObject):
    """The contract between the parts of the window. Every write runs through
    :meth:`UiContext.write` (or a ``FormDialog`` given these events), which announces on
    ``changed`` what it changed once it is committed; every page that shows that kind of
    data reloads itself (``Page.shows``)."""

    #: A write succeeded (``ChangeNotice``).
    changed = Signal(object)
    #: The "show names" privacy switch changed (``bool``).
    names_visible_changed = Signal(bool)

    def announce(self, kinds: Iterable[Change], result: object = None) -> None:
        self.changed.emit(ChangeNotice(frozenset(kinds), result))
