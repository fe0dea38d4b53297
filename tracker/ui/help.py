"""The user guide inside the app: short HTML pages in ``resources/help/<lang>/`` (with
pictures of the window), shown in a help window that F1 opens on the page it explains.

No web engine: a ``QTextBrowser`` follows the links between the guide's pages and shows
its pictures. The window stays open beside the main window while the user works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.config import resources_dir
from tracker.i18n import get_language

#: The guide's page that explains each page of the window (its key).
TOPICS = {
    "today": "today.html",
    "beneficiaries": "people.html",
    "grants": "grants.html",
    "visits": "visits.html",
    "receipts": "papers.html",
    "reports": "reports.html",
    "users": "settings.html",
    "audit": "settings.html",
    "settings": "settings.html",
}
CONTENTS = "index.html"
PROBLEMS = "problems.html"


def help_dir(lang: str | None = None) -> Path:
    """The guide's folder in ``lang`` (the window's language by default)."""
    lang = lang or get_language()
    folder = resources_dir() / "help" / lang
    return folder if folder.is_dir() else resources_dir() / "help" / "vi"


def topic_for(page_key: str | None) -> str:
    return TOPICS.get(page_key or "", CONTENTS)


class HelpWindow(QDialog):
    """The user guide: contents, back, and the page asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.back_button = QPushButton(self)
        self.contents_button = QPushButton(self)
        self.problems_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.contents_button.clicked.connect(lambda: self.show_topic(CONTENTS))
        self.problems_button.clicked.connect(lambda: self.show_topic(PROBLEMS))
        self.close_button.clicked.connect(self.close)
        bar = QHBoxLayout()
        for button in (self.back_button, self.contents_button, self.problems_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.topic = CONTENTS
        self.resize(820, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Grant Tracker – user guide"))
        self.back_button.setText(self.tr("‹ Back"))
        self.contents_button.setText(self.tr("Contents"))
        self.problems_button.setText(self.tr("When something goes wrong"))
        self.close_button.setText(self.tr("Close"))

    def show_topic(self, topic: str) -> None:
        """Show a page of the guide in the window's language."""
        folder = help_dir()
        if not (folder / topic).exists():
            topic = CONTENTS
        self.topic = topic
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / topic)))
        self.browser.clearHistory()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_topic(self.topic)  # the same page in the other language
        super().changeEvent(event)
