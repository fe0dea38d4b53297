"""The province office's page: which offices sent which quarters (the board), taking in a
stick's bundles, and registering an office by its key's fingerprint. Built only for an
office of the province level."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.i18n import get_language
from tracker.services import consolidate
from tracker.services.consolidate import Board, Imported
from tracker.ui.context import Change, UiContext
from tracker.ui.files import choose_folder
from tracker.ui.pages.base import Page
from tracker.ui.widgets import Banner
from tracker.ui.worker import error_text


class RegisterDialog(QDialog):
    """The name of an office and the fingerprint printed on its setup paper."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register an office"))
        self.name = QLineEdit(self)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setPlaceholderText("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567")
        form = QFormLayout(self)
        form.addRow(self.tr("Office name"), self.name)
        form.addRow(self.tr("Key fingerprint (from its setup paper)"), self.fingerprint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[str, str] | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name.text(), dialog.fingerprint.text()


class ProvincePage(Page):
    """The board, import and register."""

    key = "province"
    shows = frozenset({Change.PROVINCE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.import_button = QPushButton(self)
        self.register_button = QPushButton(self)
        self.import_button.setEnabled(ctx.actor.can("consolidate.write"))
        self.register_button.setEnabled(ctx.actor.can("office.setup"))
        self.banner = Banner(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.replaced_label = QLabel(self)
        self.replaced_label.setWordWrap(True)
        self.board: Board | None = None

        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.register_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.result_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.replaced_label)
        self.import_button.clicked.connect(self.import_stick)
        self.register_button.clicked.connect(self.register)
        self.retranslate()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ProvincePage", "Province")

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import a stick…"))
        self.register_button.setText(self.tr("Register an office…"))
        if self.board is not None:
            self.show_board(self.board)

    def refresh(self) -> None:
        super().refresh()
        self.ctx.read(
            self,
            lambda: consolidate.board(self.ctx.db, self.ctx.actor, today=self.ctx.today()),
            on_success=self.show_board,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )

    def show_board(self, board: Board) -> None:
        self.board = board
        states = {
            "received": self.tr("Sent"),
            "late": self.tr("LATE"),
            "waiting": self.tr("Not due yet"),
        }
        self.table.clear()
        self.table.setColumnCount(1 + len(board.periods))
        lang = get_language()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Office"), *(p.label(lang) for p in board.periods)]
        )
        self.table.setRowCount(len(board.rows))
        for r, row in enumerate(board.rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.office))
            for c, cell in enumerate(row.cells, start=1):
                text = states[cell.state]
                if cell.replaced:
                    text += " " + self.tr("(replaced {n}×)").format(n=cell.replaced)
                self.table.setItem(r, c, QTableWidgetItem(text))
        lines = [
            self.tr("{office}, {period}: the bundle made {earlier} was replaced by the one made "
                    "{later}.").format(
                office=x.office,
                period=x.period,
                earlier=x.earlier_made.strftime("%d/%m/%Y %H:%M"),
                later=x.later_made.strftime("%d/%m/%Y %H:%M"),
            )
            for x in board.replacements
        ]  # fmt: skip
        self.replaced_label.setText("\n".join(lines))
        self.replaced_label.setVisible(bool(lines))

    def import_stick(self) -> None:
        folder = choose_folder(self, self.tr("The USB stick or the bundle's folder"), stick=True)
        if not folder:
            return
        self.banner.hide()
        self.ctx.write(
            self,
            lambda: consolidate.import_bundles(
                self.ctx.db, self.ctx.actor, Path(folder), today=self.ctx.today()
            ),
            {Change.PROVINCE},
            on_success=self.imported,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
            label=self.tr("Checking and taking in the bundles…"),
        )

    def imported(self, done: list[Imported]) -> None:
        said = {
            "imported": self.tr("taken in"),
            "already_there": self.tr("already there, nothing changed"),
            "replaced": self.tr("taken in, replaces the earlier bundle"),
        }
        self.result_label.setText(
            "\n".join(f"{d.office} – {d.period}: {said[d.outcome]}" for d in done)
        )

    def register(self) -> None:
        answer = RegisterDialog.ask(self)
        if answer is None:
            return
        name, fingerprint = answer
        self.ctx.write(
            self,
            lambda: consolidate.register_office(self.ctx.db, self.ctx.actor, name, fingerprint),
            {Change.PROVINCE},
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )
