"""The passphrase of an encrypted export or backup typed at a terminal: asked for in the
user's language, twice where it makes a new file, refused when the two differ; without a
terminal or the environment variable, refused with the shortest length."""

from __future__ import annotations

import getpass
import io
import sys
from collections.abc import Callable, Iterator

import pytest

from tracker import cli, commands
from tracker.i18n import get_language, set_language
from tracker.services.auth import AuthError
from tracker.services.errors import ServiceError


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., list[str]]]:
    """Answer the prompts with ``answers``; returns the prompts shown."""
    for name in (cli.ENV_EXPORT_PASSPHRASE, cli.ENV_BACKUP_PASSPHRASE):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    asked: list[str] = []

    def answer(*answers: str) -> list[str]:
        given = iter(answers)
        monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or next(given))
        return asked

    before = get_language()
    set_language("vi")
    yield answer
    set_language(before)


def test_export_asks_twice_in_the_users_language(typed: Callable[..., list[str]]) -> None:
    asked = typed("cụm mật khẩu dài", "cụm mật khẩu dài")
    assert commands._export_passphrase() == "cụm mật khẩu dài"
    assert asked == ["Mật khẩu tệp mã hóa: ", "Nhập lại mật khẩu tệp: "]
    set_language("en")
    asked.clear()
    typed("long passphrase", "other passphrase")
    with pytest.raises(AuthError) as info:
        commands._export_passphrase()
    assert info.value.key == "passwords_differ"
    assert asked == ["Passphrase for the encrypted file: ", "Passphrase again: "]


def test_backup_asks_twice_to_write_and_once_to_restore(
    typed: Callable[..., list[str]],
) -> None:
    asked = typed("cụm mật khẩu sao lưu", "cụm mật khẩu sao lưu", "cụm mật khẩu sao lưu")
    assert commands._backup_passphrase(twice=True) == "cụm mật khẩu sao lưu"
    assert commands._backup_passphrase(twice=False) == "cụm mật khẩu sao lưu"
    assert asked == [
        "Cụm mật khẩu của bản sao lưu: ",
        "Nhập lại cụm mật khẩu: ",
        "Cụm mật khẩu của bản sao lưu: ",
    ]


def test_the_environment_comes_first_and_no_terminal_is_refused(
    typed: Callable[..., list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = typed()
    monkeypatch.setenv(cli.ENV_BACKUP_PASSPHRASE, "từ biến môi trường")
    assert commands._backup_passphrase(twice=True) == "từ biến môi trường"
    assert asked == []
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    with pytest.raises(ServiceError) as info:
        commands._export_passphrase()
    assert info.value.key == "passphrase_needed" and "10 ký tự" in info.value.message("vi")
