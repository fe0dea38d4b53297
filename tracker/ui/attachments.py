"""Photos and scans on a profile: thumbnails, an "Add file…" button and drag and drop,
and a viewer that shows a file full size from memory (nothing is written to disk)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from tracker.services import attachments
from tracker.services.attachments import AttachmentImages, AttachmentInput, AttachmentView
from tracker.ui import files, fmt
from tracker.ui.context import Change, UiContext


class AttachmentsTab(QWidget):
    """A person's photos and scans, as thumbnails; double-click opens one full size."""

    # A file was opened in the viewer (attachment id).
    opened = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.beneficiary_id: int | None = None
        self.items: list[AttachmentView] = []
        self.targets: list[tuple[str, str, int]] = []
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.target = QComboBox(self)
        self.kind = QComboBox(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._choose)
        may_add = ctx.actor.can("attachment.write")
        for w in (self.target, self.kind, self.add_button):
            w.setEnabled(may_add)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 160))
        self.list.setGridSize(QSize(190, 200))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open_item)
        self.setAcceptDrops(may_add)
        self.list.setAcceptDrops(False)

        row = QHBoxLayout()
        self.target_label = QLabel(self)
        self.kind_label = QLabel(self)
        row.addWidget(self.target_label)
        row.addWidget(self.target, 1)
        row.addWidget(self.kind_label)
        row.addWidget(self.kind)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_names(self) -> dict[str, str]:
        return {
            "photo": self.tr("Photo"),
            "scan": self.tr("Scan"),
            "signed_receipt": self.tr("Signed receipt"),
        }

    def retranslate(self) -> None:
        self.target_label.setText(self.tr("Attach to:"))
        self.kind_label.setText(self.tr("Kind:"))
        self.add_button.setText(self.tr("Add file…"))
        self.hint.setText(
            self.tr(
                "JPEG, PNG or PDF. Drop files here or use “Add file…”. Photos are kept "
                "encrypted with the records, without their GPS position or camera details, "
                "and never leave the office in an export."
            )
        )
        kind = self.kind.currentData()
        self.kind.clear()
        for code, name in self.kind_names().items():
            self.kind.addItem(name, code)
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._fill_targets()
        self._fill_list()

    # --- content -----------------------------------------------------------------------
    def set_data(
        self,
        beneficiary_id: int,
        items: Sequence[AttachmentView],
        targets: Sequence[tuple[str, str, int]],
    ) -> None:
        """The person's files, and what they can be attached to: (label, target, id)."""
        self.beneficiary_id = beneficiary_id
        self.items = list(items)
        self.targets = list(targets)
        self._fill_targets()
        self._fill_list()

    def _fill_targets(self) -> None:
        chosen = self.target.currentData()
        self.target.clear()
        if self.beneficiary_id is not None:
            self.target.addItem(self.tr("The person"), f"beneficiary:{self.beneficiary_id}")
        for label, target, target_id in self.targets:
            self.target.addItem(label, f"{target}:{target_id}")
        if chosen is not None:
            self.target.setCurrentIndex(max(0, self.target.findData(chosen)))

    def _fill_list(self) -> None:
        self.list.clear()
        names = self.kind_names()
        labels = {(t, i): label for label, t, i in self.targets}
        pdf_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for a in self.items:
            icon = pdf_icon
            if a.thumbnail:
                pixmap = QPixmap()
                if pixmap.loadFromData(a.thumbnail):
                    icon = QIcon(pixmap)
            where = labels.get((a.target, a.target_id), "") if a.target != "beneficiary" else ""
            text = " · ".join(
                x for x in (names.get(a.kind, a.kind), fmt.day(a.added_at.date())) if x
            )
            item = QListWidgetItem(icon, text, self.list)
            item.setToolTip("\n".join(x for x in (a.file_name, a.caption, where) if x))
            item.setData(Qt.ItemDataRole.UserRole, a.id)

    def thumbnail_count(self) -> int:
        """How many thumbnails are shown (for tests)."""
        return self.list.count()

    # --- adding ------------------------------------------------------------------------
    def _choose(self) -> None:
        # Qt's own dialog (the same on every PC), opening in Documents or a memory card.
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos or scans"),
            str(files.start_folder(stick=True)),
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)"),
            options=files.OPTIONS,
        )
        for path in paths:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """Attach one file to what is chosen above (checked and re-encoded on the worker)."""
        chosen = self.target.currentData()
        if not chosen:
            return
        target = str(chosen).split(":")
        kind = str(self.kind.currentData() or "photo")
        db, actor = self.ctx.db, self.ctx.actor

        def add() -> AttachmentView:
            data = attachments.read_upload(path)
            return attachments.add_attachment(
                db, actor, AttachmentInput(target[0], int(target[1]), kind, path.name, data)
            )

        self.ctx.write(self, add, {Change.ATTACHMENT}, label=self.tr("Adding the file…"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.add_file(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # --- viewing -----------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_attachment(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_attachment(self, attachment_id: int) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.ctx.write(
            self,
            lambda: attachments.open_attachment(db, actor, attachment_id),
            (),
            on_success=self._show_viewer,
            label=self.tr("Opening the file…"),
        )
        self.opened.emit(attachment_id)

    def _show_viewer(self, full: AttachmentImages) -> None:
        viewer = AttachmentViewer(self.ctx, full, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()


class AttachmentViewer(QDialog):
    """A photo or a PDF's pages full size, drawn from memory."""

    def __init__(
        self, ctx: UiContext, full: AttachmentImages, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.full = full
        view = full.view
        self.setWindowTitle(view.file_name or self.tr("Photo or scan"))
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        pages = QWidget(area)
        column = QVBoxLayout(pages)
        self.pixmaps: list[QPixmap] = []
        for data in full.images:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.pixmaps.append(pixmap)
            label = QLabel(pages)
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        if full.more_pages:
            column.addWidget(
                QLabel(self.tr("%n more page(s) not shown.", "", full.more_pages), pages)
            )
        area.setWidget(pages)
        caption = QLabel(view.caption, self)
        caption.setWordWrap(True)
        caption.setVisible(bool(view.caption))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.remove_button = buttons.addButton(
            self.tr("Remove this file"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        actor = ctx.actor
        self.remove_button.setEnabled(
            actor.can("attachment.remove")
            or (actor.can("attachment.write") and view.added_by_id == actor.user_id)
        )
        self.remove_button.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(caption)
        layout.addWidget(buttons)
        self.resize(1000, 700)

    def _remove(self) -> None:
        db, actor, attachment_id = self.ctx.db, self.ctx.actor, self.full.view.id
        self.ctx.write(
            self,
            lambda: attachments.remove_attachment(db, actor, attachment_id),
            {Change.ATTACHMENT},
            on_success=lambda _r: self.accept(),
        )
