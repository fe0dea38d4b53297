"""Small widgets shared by the pages and dialogs: fields, their messages and choices (the
lists are in :mod:`tracker.ui.lists`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from tracker.domain.vocab import MIN_PASSPHRASE
from tracker.i18n import get_language
from tracker.i18n.text import fold
from tracker.services.errors import ServiceError, ValidationError
from tracker.ui.qtnames import Qt, set_flags
from tracker.ui.worker import error_text

ERROR_STYLE = "color: #b3261e;"
BANNER_STYLE = (
    "QLabel { background: #fdecea; color: #8c1d18; border: 1px solid #f2b8b5;"
    " border-radius: 4px; padding: 6px; }"
)
WARNING_STYLE = (
    "QFrame#warning { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px; }"
)
DATE_FORMAT = "dd/MM/yyyy"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class MoneyEdit(QLineEdit):
    """An amount of đồng typed as digits; shown grouped ("5.000.000") once typed.

    ``value()`` is an ``int`` or ``None`` when empty. Amounts above what a QSpinBox holds
    (2.1 billion) are fine.
    """

    #: The amount changed (``int`` or ``None``).
    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9., \x{00a0}]{0,20}"), self)
        )
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.textChanged.connect(lambda _t: self.value_changed.emit(self.value()))
        self.editingFinished.connect(self._regroup)

    def value(self) -> int | None:
        digits = re.sub(r"\D", "", self.text())
        return int(digits) if digits else None

    def setValue(self, value: int | None) -> None:
        self.setText("" if value is None else self._grouped(value))

    @staticmethod
    def _grouped(value: int) -> str:
        sep = "." if get_language() == "vi" else ","
        return f"{value:,}".replace(",", sep)

    def _regroup(self) -> None:
        value = self.value()
        if value is not None:
            text = self._grouped(value)
            if text != self.text():
                self.blockSignals(True)
                self.setText(text)
                self.blockSignals(False)


class DateEdit(QDateEdit):
    """A date field with a calendar, shown dd/MM/yyyy."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setMinimumDate(QDate(1900, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 31))
        if value is not None:
            self.set_value(value)

    def value(self) -> date:
        return to_date(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateEdit(QWidget):
    """A date that may be left out: a check box switches the date field on."""

    changed = Signal()

    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self)
        self.edit = DateEdit(value, self)
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.set_value(value)


def combo_data(combo: QComboBox) -> Any:
    return combo.currentData()


def set_combo_data(combo: QComboBox, value: Any) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
        return True
    return False


class ErrorLabel(QLabel):
    """The message shown under a field that did not pass validation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        set_flags(self, "textInteractionFlags", "TextSelectableByMouse")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class Banner(QLabel):
    """A message at the top of a form about the whole form (not one field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(BANNER_STYLE)
        self.setWordWrap(True)
        set_flags(self, "textInteractionFlags", "TextSelectableByMouse")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class PassphrasePair:
    """A passphrase typed twice into two hidden fields (``first``, ``again``), to be laid
    out by the dialog. ``placeholder`` may name the shortest length as ``{n}``."""

    def __init__(self, parent: QWidget, placeholder: str, again_placeholder: str = "") -> None:
        self.first = QLineEdit(parent)
        self.again = QLineEdit(parent)
        for edit, text in ((self.first, placeholder.format(n=MIN_PASSPHRASE)),
                           (self.again, again_placeholder)):  # fmt: skip
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(text)

    def set_enabled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.again.setEnabled(on)

    def passphrase(self) -> str:
        """The passphrase, once both fields say the same and it is long enough (else a
        ``ValidationError`` naming the field to fix)."""
        first = self.first.text()
        if first != self.again.text():
            raise ValidationError("passwords_differ", "passphrase_again")
        if len(first) < MIN_PASSPHRASE:
            raise ValidationError("passphrase_needed", "passphrase", min=MIN_PASSPHRASE)
        return first


class FormErrors:
    """Puts a service error next to the field it names (``err.field``), or in the banner."""

    def __init__(self, banner: Banner) -> None:
        self.banner = banner
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}

    def add(self, field: str, widget: QWidget, label: ErrorLabel) -> None:
        self._fields[field] = (widget, label)

    def discard(self, *fields: str) -> None:
        for field in fields:
            self._fields.pop(field, None)

    def label(self, field: str) -> ErrorLabel | None:
        pair = self._fields.get(field)
        return pair[1] if pair else None

    def clear(self) -> None:
        self.banner.show_message("")
        for _widget, label in self._fields.values():
            if shiboken6.isValid(label):
                label.show_message("")

    def show(self, err: BaseException, text: str | None = None) -> str:
        """Show the error; returns the field it was put next to ('' for the banner)."""
        self.clear()
        field = err.field if isinstance(err, ServiceError) else None
        if text is None:
            text = error_text(err)
        pair = self._fields.get(field or "")
        if pair is not None and not (shiboken6.isValid(pair[0]) and shiboken6.isValid(pair[1])):
            pair = None
        if pair is not None and pair[0].isVisibleTo(pair[0].window()):
            widget, label = pair
            label.show_message(text)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return field or ""
        self.banner.show_message(text)
        return ""

    def field_of(self, widget: QWidget) -> str | None:
        """The field a widget's messages go to (the widget or one inside it)."""
        for field, (w, _label) in self._fields.items():
            if shiboken6.isValid(w) and (w is widget or w.isAncestorOf(widget)):
                return field
        return None

    def clear_field(self, field: str) -> None:
        label = self.label(field)
        if label is not None and shiboken6.isValid(label):
            label.show_message("")

    def keep_only(self, err: ServiceError) -> None:
        """After a change: the message of the field still bad is renewed, every other one
        goes (a new message is not shown while typing; saving shows it)."""
        still = err.field if err.field in self._fields else None
        for field, (_w, label) in self._fields.items():
            if not shiboken6.isValid(label) or label.isHidden():
                continue
            if field == still:
                label.show_message(error_text(err))
            else:
                label.show_message("")
        if not self.banner.isHidden():
            self.banner.show_message(error_text(err) if still is None else "")

    def visible_messages(self) -> dict[str, str]:
        """Field -> message of the labels now shown (for tests and accessibility)."""
        out = {
            f: lbl.text()
            for f, (_w, lbl) in self._fields.items()
            if shiboken6.isValid(lbl) and not lbl.isHidden()
        }
        if not self.banner.isHidden():
            out[""] = self.banner.text()
        return out


def heading(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def notes_edit(parent: QWidget | None = None, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def spin(minimum: int, maximum: int, value: int, parent: QWidget | None = None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(minimum, maximum)
    box.setValue(value)
    box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return box


def expanding(widget: QWidget) -> QWidget:
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return widget


class FoldingCompleter(QCompleter):
    """Completes a combo box's items from a few letters anywhere in them, typed with or
    without diacritics ("meo" finds "Mèo Vạc")."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def fold_completion(combo: QComboBox) -> None:
    """Let a choice be typed: the box takes typed letters (any diacritics), lists the items
    that contain them, and goes back to the item chosen when what is typed is left
    unfinished. Call again after the items change."""
    if not combo.isEditable():
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(lambda: _restore_choice(combo))
    folded_role = Qt.ItemDataRole.UserRole + 40  # the items' text without diacritics
    for i in range(combo.count()):
        combo.setItemData(i, fold(combo.itemText(i)), folded_role)
    completer = FoldingCompleter(combo.model(), combo)
    completer.setCompletionRole(folded_role)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)


def _restore_choice(combo: QComboBox) -> None:
    if not shiboken6.isValid(combo):
        return
    text = combo.currentText()
    index = combo.findText(text)
    if index < 0:
        matches = [i for i in range(combo.count()) if fold(text) in fold(combo.itemText(i))]
        if len(matches) == 1 and text.strip():
            combo.setCurrentIndex(matches[0])
            return
        combo.setEditText(combo.itemText(combo.currentIndex()))
    elif index != combo.currentIndex():
        combo.setCurrentIndex(index)
