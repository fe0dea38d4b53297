"""Starting the app: the arguments the command line passes, the first-run set-up on a
missing database, the sign-in on an existing one, and the language chosen."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tracker import app
from tracker.i18n import get_language
from tracker.ui import prefs, setup_wizard, signin
from tracker.ui.translations import translations


def args(tmp_path: Path, **extra: object) -> argparse.Namespace:
    values = {"db": str(tmp_path / "office.db"), "db_url": None, "user": None, "lang": None}
    values.update(extra)
    return argparse.Namespace(**values)


def test_a_missing_database_opens_the_first_run_set_up(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    opened: list[str] = []

    def first_run(self):  # type: ignore[no-untyped-def]
        opened.append(self.windowTitle())
        return None  # the user closed it

    monkeypatch.setattr(setup_wizard.SetupWizard, "exec_result", first_run)
    monkeypatch.setattr(
        signin.SignInDialog, "exec_result", lambda self: pytest.fail("no sign-in without a file")
    )
    assert app.main(args(tmp_path)) == 1
    assert opened == ["Thiết lập Sổ theo dõi hỗ trợ"]  # the setup assistant, in Vietnamese


def test_an_existing_database_asks_to_sign_in_in_the_chosen_language(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    (tmp_path / "office.db").write_bytes(b"")
    seen: list[tuple[str, str]] = []

    def sign_in(self):  # type: ignore[no-untyped-def]
        seen.append((self.windowTitle(), self.username.text()))
        return None

    monkeypatch.setattr(signin.SignInDialog, "exec_result", sign_in)
    assert app.main(args(tmp_path, user="hoa", lang="en")) == 1
    assert seen == [("Sign in - Grant Tracker", "hoa")]
    assert get_language() == "en" and translations().lang == "en"


def test_the_saved_language_is_the_default(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    prefs.LANGUAGE.set("en")
    assert app.use_language(None) == "en"
    assert app.use_language("vi") == "vi"
    assert get_language() == "vi"


def test_plain_arguments_are_parsed_too(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(setup_wizard.SetupWizard, "exec_result", lambda self: None)
    assert app.main(["--db", str(tmp_path / "new.db"), "--lang", "vi"]) == 1


def test_an_error_nothing_caught_is_told_in_words_never_a_traceback(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """While the window runs, an error escaping a slot reaches the user as a sentence in
    their language (the details go to the log)."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    def window_running(_argv):  # type: ignore[no-untyped-def]
        try:
            raise KeyError("some_internal_name")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        return 0

    monkeypatch.setattr(app, "_main", window_running)
    before = sys.excepthook
    assert app.main(args(tmp_path)) == 0
    assert sys.excepthook is before  # the test runner's own hook is back
    assert len(shown) == 1
    assert "lỗi không lường trước" in shown[0] and "Traceback" not in shown[0]
