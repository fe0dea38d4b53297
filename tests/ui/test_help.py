"""The user guide: F1 on each page opens the guide's page that explains it, in the window's
language, with its pictures of the window; the guide covers the daily tasks, the papers,
the stick not found, the forgotten password and the damaged database; it is shipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QTextDocument

from tracker.ui.help import CONTENTS, PROBLEMS, TOPICS, HelpWindow, help_dir, topic_for
from tracker.ui.main_window import MainWindow
from tracker.ui.translations import translations

ROOT = Path(__file__).resolve().parents[2]
#: A few words each page of the guide must say, per language.
HEADINGS = {
    "vi": {"today.html": "Hôm nay", "people.html": "Đăng ký", "grants.html": "trao hỗ trợ",
           "visits.html": "Chuyến thăm", "papers.html": "Phiếu chi", "reports.html": "USB",
           "settings.html": "Sao lưu"},
    "en": {"today.html": "Today", "people.html": "Registering", "grants.html": "hand-over",
           "visits.html": "visits", "papers.html": "Payment voucher", "reports.html": "USB",
           "settings.html": "Backups"},
}  # fmt: skip


def images_of(window: HelpWindow) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', window.browser.source().toLocalFile() and Path(
        window.browser.source().toLocalFile()).read_text(encoding="utf-8"))  # fmt: skip


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_f1_opens_the_guide_on_the_page_shown(demo_window: MainWindow, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    translations().use(lang)
    assert demo_window.help_action.shortcut().toString() == "F1"
    texts = [a.text().replace("&", "") for a in demo_window.help_menu.actions()]
    assert len([t for t in texts if t]) == 2  # the guide and About
    for key in demo_window.page_keys:
        demo_window.show_page(key)
        demo_window.activateWindow()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is demo_window.windowHandle())
        qtbot.keyClick(demo_window.current_page(), Qt.Key.Key_F1)
        qtbot.waitUntil(
            lambda: demo_window.help_window is not None and demo_window.help_window.isVisible(),
            timeout=5000,
        )
        guide = demo_window.help_window
        assert guide is not None and guide.isVisible(), key
        shown = Path(guide.browser.source().toLocalFile())
        assert shown.name == topic_for(key) and shown.parent.name == lang, (key, shown)
        text = guide.browser.toPlainText()
        assert HEADINGS[lang].get(shown.name, "") in text, (key, shown.name)
        # Its pictures of the window load (taken at 1366 x 768 in that language).
        for src in images_of(guide):
            image = guide.browser.document().resource(
                QTextDocument.ResourceType.ImageResource, QUrl(src)
            )
            assert isinstance(image, QImage | QPixmap) and not image.isNull(), (shown.name, src)
            assert image.width() >= 400
    # The buttons of the guide speak the language too.
    assert guide.contents_button.text() == ("Mục lục" if lang == "vi" else "Contents")
    guide.close()


def test_the_guide_follows_a_language_switch(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    translations().use("vi")
    demo_window.show_page("receipts")
    guide = demo_window.show_help()
    assert "Phiếu chi" in guide.browser.toPlainText()
    translations().use("en")
    qtbot.waitUntil(lambda: "Payment voucher" in guide.browser.toPlainText(), timeout=3000)
    assert guide.windowTitle() == "Grant Tracker – user guide"
    guide.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_guide_covers_the_daily_tasks_and_the_problems(lang: str) -> None:
    folder = ROOT / "resources" / "help" / lang
    index = (folder / CONTENTS).read_text(encoding="utf-8")
    for topic in set(TOPICS.values()) | {PROBLEMS}:
        assert (folder / topic).exists(), topic
        assert f'href="{topic}' in index, topic
    problems = (folder / PROBLEMS).read_text(encoding="utf-8")
    for anchor in ("stick", "password", "damaged"):
        assert f'name="{anchor}"' in problems
    words = {"vi": ("mã khôi phục", "sao lưu", "USB"), "en": ("recovery key", "backup", "USB")}
    for word in words[lang]:
        assert word in problems
    for page in folder.glob("*.html"):
        for src in re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8")):
            assert (folder / src).exists(), (page.name, src)


def test_the_guide_is_shipped() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    spec = (ROOT / "installer" / "grant_tracker.spec").read_text(encoding="utf-8")
    assert '"tracker.resources.help' in setup
    assert '"resources/help"' in spec
    assert help_dir("vi").name == "vi" and help_dir("en").name == "en"
