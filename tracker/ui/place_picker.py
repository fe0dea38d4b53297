"""Choosing a place anywhere in the window: a province list that narrows, and a field where
a few letters with or without diacritics ("lung cu", "Lũng Cú") or a code find the unit.

:class:`PlacePicker` owns two widgets that a form lays out on two rows (so that a message
about the province or the commune shows next to the right one): ``province`` (the 34
provinces of today) and ``unit`` (a line edit with a list of matches under it). The search
is the in-memory index of ``tracker.services.places`` (well under a millisecond a key).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from tracker.i18n.text import fold
from tracker.services import places
from tracker.services.places import Place

#: Qt item role holding the unit of a row of matches.
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(place: Place, *, with_province: bool = False) -> str:
    """ "Xã Lũng Cú (00715)"; an old unit also says which district and what it became."""
    g = places.gazetteer()
    text = place.label
    if place.is_old:
        district = g.district_of(place)
        if district is not None:
            text += f", {district.full_name}"
    if with_province:
        province = g.province_of(place)
        if province is not None and province != place:
            text += f", {province.full_name}"
    text += f" ({place.code})"
    if place.is_old:
        now = g.successors(place)
        if now:
            names = ", ".join(p.full_name for p in now[:3]) + ("…" if len(now) > 3 else "")
            text += " — " + QCoreApplication.translate(
                "PlacePicker", "before 1/7/2025, now {names}"
            ).format(names=names)
        else:
            text += " — " + QCoreApplication.translate("PlacePicker", "before 1/7/2025")
    return text


class PlacePicker(QObject):
    """A province and a unit (commune, or former district) of it.

    ``level``: "commune" (today's communes; with ``other_dates`` the communes before the
    reform too, marked), "district" (the districts until 30 June 2025) or "province" (no
    unit field). ``changed`` is emitted when the province or the chosen unit changes."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        *,
        level: str = "commune",
        other_dates: bool = False,
        on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.level = level
        self.other_dates = other_dates
        self.on = on
        self._place: Place | None = None
        self._unknown_code: str | None = None
        g = places.gazetteer()

        self.province = QComboBox(parent)
        self.province.setObjectName("place_province")
        self.province.addItem(self.tr("— any province —"), None)
        provinces = sorted(
            (p for p in g.units if p.level == "province" and not p.is_old),
            key=lambda p: fold(p.name),
        )
        for p in provinces:
            self.province.addItem(f"{p.name} ({p.code})", p.code)
        self.province.setMaxVisibleItems(20)
        self.province.currentIndexChanged.connect(self._province_changed)

        self.unit = QLineEdit(parent)
        self.unit.setObjectName("place_unit")
        self.unit.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.unit)
        self.completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self.unit.textEdited.connect(self._typed)
        self.unit.editingFinished.connect(self._finished)
        self.set_level(level)

    # --- what the form reads and sets ----------------------------------------------------

    def province_code(self) -> str | None:
        return self.province.currentData()

    def place(self) -> Place | None:
        return self._place

    def code(self) -> str | None:
        """The chosen unit's code, or a code typed that the list does not know (the service
        then says so), or None."""
        if self._place is not None:
            return self._place.code
        text = self.unit.text().strip()
        return text if text.isdigit() else (self._unknown_code or (text or None))

    def set_province(self, code: str | None) -> None:
        index = self.province.findData(code) if code else 0
        self.province.setCurrentIndex(max(index, 0))

    def set_code(self, code: str | None, recorded_on: date | None = None) -> None:
        """Show a unit saved before (an old one keeps its old name, marked)."""
        self._unknown_code = None
        place = places.unit_as_recorded(code, recorded_on) if code else None
        if code and place is None:
            self._unknown_code = code
            self._show(None, code)
            return
        self._show(place)

    def set_level(self, level: str) -> None:
        self.level = level
        self.unit.setEnabled(level != "province")
        if level == "district":
            self.unit.setPlaceholderText(self.tr("Type the former district's name or code"))
        else:
            self.unit.setPlaceholderText(
                self.tr("Type a few letters of the name, e.g. lung cu, or the code")
            )
        if self._place is not None and self._place.level != level:
            self._show(None)

    # --- inside ------------------------------------------------------------------------------

    def _show(self, place: Place | None, text: str | None = None) -> None:
        self._place = place
        self.unit.setText(describe(place) if place is not None else (text or ""))
        self.unit.setCursorPosition(0)
        self.changed.emit()

    def search(self, text: str) -> list[Place]:
        if self.level == "province":
            return []
        day = self.on or date.today()
        if self.level == "district":
            day = places.LAST_DAY_BEFORE_REFORM
        found = places.search(
            text,
            on=day,
            province=self.province_code(),
            levels=[self.level],
            other_dates=self.other_dates,
            limit=40,
        )
        return [m.place for m in found]

    def _typed(self, text: str) -> None:
        self._place = None
        self._unknown_code = None
        # Listeners first: a form that updates its buttons must not hide the list after.
        self.changed.emit()
        self.matches.clear()
        if not text.strip():
            self._hide_list()
            return
        for place in self.search(text):
            item = QStandardItem(describe(place, with_province=self.province_code() is None))
            item.setData(place, PLACE_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.completer.complete()
        else:
            self._hide_list()

    def _hide_list(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def _chosen(self, index: object) -> None:
        place = index.data(PLACE_ROLE)  # type: ignore[attr-defined]
        if isinstance(place, Place):
            self._take(place)

    def _take(self, place: Place) -> None:
        self.province.blockSignals(True)
        if self.province_code() is None:
            province = places.gazetteer().today_province(place)
            self.set_province(province)
        self.province.blockSignals(False)
        self._place = place
        self.unit.setText(describe(place))
        self.changed.emit()
        # The completer writes its own text after this: show ours again, unless the choice
        # changed meanwhile (or the field is gone).
        QTimer.singleShot(0, self, lambda: self._show(place) if self._place is place else None)

    def _finished(self) -> None:
        """Leaving the field with one match (or an exact code) takes it."""
        if self._place is not None or not self.unit.text().strip():
            return
        found = self.search(self.unit.text())
        text = self.unit.text().strip()
        exact = [p for p in found if p.code == text]
        if len(found) == 1 or exact:
            self._hide_list()
            self._take(exact[0] if exact else found[0])

    def _province_changed(self, _index: int) -> None:
        place, province = self._place, self.province_code()
        moved = place is not None and province is not None
        if moved and places.gazetteer().today_province(place) != province:  # type: ignore[arg-type]
            self._show(None)
        self.changed.emit()


def village_completer(parent: QWidget, names: list[str]) -> QCompleter:
    """Completion of the villages already written for a commune (free text stays free)."""
    completer = QCompleter(QStringListModel(names, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer
