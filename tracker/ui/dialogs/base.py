"""What the dialogs that save something share: field-level error labels, an error banner,
saving on the worker (the typed data stays when it fails), and a question before closing
with unsaved changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.services.errors import ServiceError
from tracker.ui.events import Change, DataEvents
from tracker.ui.qtnames import Qt, set_flags
from tracker.ui.screen import available_area
from tracker.ui.widgets import Banner, ErrorLabel, FormErrors, OptionalDateEdit
from tracker.ui.worker import Task, run_task


class FormDialog(QDialog):
    """Base of the dialogs that save through one service call.

    A subclass builds its fields with :meth:`add_field`, calls :meth:`watch` once they hold
    their starting values, and implements :meth:`prepare`, which reads the fields (on the UI
    thread) and returns the callable that saves (run on the worker). Given the window's
    ``events``, a dialog announces the kinds of data it changes (``changes``) once it has
    saved, as every write in the window does.
    """

    #: The kinds of data a save changes.
    changes: frozenset[Change] = frozenset()

    #: The service call succeeded; carries what it returned. The dialog then closes.
    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, events: DataEvents | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.banner = Banner(self)
        self.errors = FormErrors(self.banner)
        self.result_value: Any = None
        self._dirty = False
        self._task: Task | None = None
        self._row_boxes: dict[QWidget, QWidget] = {}
        # By keyword: the positional overloads are told apart by Qt.Orientation, which
        # would make the Qt namespace before the first paint (tracker.ui.qtnames).
        self.buttons = QDialogButtonBox(parent=self)
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        #: Shown when the person said no to services: ticked, the save goes on anyway (the
        #: service records it in the audit trail). Dialogs that can meet it lay it out.
        self.without_consent = QCheckBox(self)
        self.without_consent.setText(self.tr("Go on anyway (recorded in the audit trail)"))
        self.without_consent.hide()
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    # --- building ----------------------------------------------------------------------
    def add_field(
        self,
        form: QFormLayout,
        text: str,
        widget: QWidget,
        field: str | None = None,
        *,
        hint: str = "",
    ) -> QLabel:
        """A labelled row with the field's error label under it; returns the row's label."""
        box = QWidget(self)
        # Rows keep their height; spare room goes below the form, not between its rows.
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            note = QLabel(hint, box)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(note)
        if field:
            error = ErrorLabel(box)
            layout.addWidget(error)
            self.errors.add(field, widget, error)
        label = QLabel(text, self)
        label.setBuddy(widget)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # The label lines up with the field itself, not with the hint or error under it.
        field_height = widget.sizeHint().height()
        if field_height < 2 * label.sizeHint().height() + 8:
            label.setMinimumHeight(field_height)
            set_flags(label, "alignment", "AlignRight|AlignVCenter")
        form.addRow(label, box)
        self._row_boxes[widget] = box
        return label

    def set_row_visible(self, form: QFormLayout, widget: QWidget, visible: bool) -> None:
        """Show or hide the row of a field added with :meth:`add_field`."""
        form.setRowVisible(self._row_boxes.get(widget, widget), visible)

    def watch(self, *widgets: QWidget) -> None:
        """Changes in these fields make the dialog ask before closing, and take away a
        message that no longer applies (see :meth:`recheck`)."""
        for w in widgets:
            edited = self._edited_slot(w)
            if isinstance(w, QLineEdit):
                w.textEdited.connect(edited)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(edited)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(edited)
                line = w.lineEdit() if w.isEditable() else None
                if line is not None:
                    line.textEdited.connect(edited)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(edited)
            elif isinstance(w, QDateEdit):
                w.dateChanged.connect(edited)
            elif isinstance(w, QAbstractButton):
                w.toggled.connect(edited)
            elif isinstance(w, OptionalDateEdit):
                w.changed.connect(edited)

    def _edited_slot(self, widget: QWidget) -> Callable[..., None]:
        def edited(*args: object) -> None:
            self.mark_dirty(*args)
            self.recheck(widget)

        return edited

    # --- messages that no longer apply -------------------------------------------------
    def check(self) -> None:
        """Check the fields as the service will, without saving: raises the ServiceError of
        the first bad field. Dialogs whose service has such a check (no database read)
        override it; :meth:`can_check` says whether one did."""

    def can_check(self) -> bool:
        return type(self).check is not FormDialog.check

    def recheck(self, widget: QWidget) -> None:
        """A field was changed while a message is shown: the message goes once it no longer
        applies. With :meth:`check`, a message stays (its text renewed) while its field is
        still the bad one; without, the changed field's own message goes."""
        shown = self.errors.visible_messages()
        if not shown:
            return
        if not self.can_check():
            field = self.errors.field_of(widget)
            if field is not None:
                self.errors.clear_field(field)
            return
        try:
            self.check()
        except ServiceError as err:
            self.errors.keep_only(err)
            return
        except Exception:  # a check is a help; the save checks again
            return
        self.errors.clear()

    def mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.is_done

    # --- saving ------------------------------------------------------------------------
    def prepare(self) -> Callable[[], Any]:
        """Read the fields and return the call that saves them (may raise ServiceError)."""
        raise NotImplementedError

    def submit(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        try:
            job = self.prepare()
        except ServiceError as err:
            self.handle_error(err)
            return
        self._set_busy(True)
        events, kinds = self.events, self.changes
        self._task = run_task(
            self,
            job,
            on_success=self._succeeded,
            on_failure=self._failed,
            label=self.busy_text(),
            cancellable=False,
            announce=None if events is None else (lambda result: events.announce(kinds, result)),
        )

    def busy_text(self) -> str:
        """The words of the progress window shown while saving ("": none, the dialog
        shows its own progress)."""
        return self.tr("Saving…")

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _succeeded(self, result: Any) -> None:
        self._set_busy(False)
        self.result_value = result
        self._dirty = False
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.handle_error(exc)

    def handle_error(self, exc: BaseException) -> None:
        """Show the error next to its field (or in the banner); the typed data stays."""
        if isinstance(exc, ServiceError) and exc.key == "no_service_consent":
            self.without_consent.setChecked(False)
            self.without_consent.show()
        self.errors.show(exc)
        # Once the message has its size: the dialog grows so that it is read whole.
        QTimer.singleShot(0, self.grow_to_fit)

    def grow_to_fit(self) -> None:
        """As tall as its wrapped texts need at its width (within the screen)."""
        layout = self.layout()
        if layout is None or not shiboken6.isValid(self):
            return
        layout.activate()
        width = self.width()
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        room = available_area(self).height()
        if need > self.height():
            self.resize(width, min(need, max(room, self.height())))

    # --- closing -----------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Ask before losing what was typed. The buttons say what they do (not a second
        "Cancel" beside the form's own): keep editing, the default and Esc, or discard."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("What you typed here has not been saved. Close and lose it?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        answer = box.clickedButton() is discard
        box.deleteLater()
        return answer

    def reject(self) -> None:
        if self.busy:
            return
        if self._dirty and not self.confirm_discard():
            return
        super().reject()

    def exec_result(self) -> Any:
        """Run modally; what was saved, or None when the dialog was closed."""
        return self.result_value if self.exec() == QDialog.DialogCode.Accepted else None


def two_columns(parent: QWidget) -> tuple[QFormLayout, QFormLayout, QWidget]:
    """Two form columns side by side (for the longer forms)."""
    from PySide6.QtWidgets import QHBoxLayout

    holder = QWidget(parent)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    left, right = form_layout(), form_layout()
    row.addLayout(left, 1)
    row.addSpacing(24)
    row.addLayout(right, 1)
    return left, right, holder


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    set_flags(form, "labelAlignment", "AlignRight|AlignTop")
    # Set, not inherited from the parent layout (which may space its columns widely).
    form.setVerticalSpacing(8)
    form.setHorizontalSpacing(10)
    return form


def choose_item(combo: QComboBox, text: str) -> None:
    """The first, empty item of a choice that must be made on purpose."""
    combo.addItem(text, None)
