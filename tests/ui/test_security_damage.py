"""The sign-in on a damaged database: it says what is damaged, and offers the newest good
backup to an administrator only (or to the recovery key); the restore is in the trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tracker.services import audit, auth, backups
from tracker.ui.signin import SignInDialog

from . import test_security_support as support
from .test_security_support import ADMIN_PASSWORD, OFFICER_PASSWORD

# The shared fixtures (an encrypted office database, signed in).
location = support.location
workspace = support.workspace


def _damage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(100, 400):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _sign_in(dialog: SignInDialog, user: str, password: str) -> None:
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.submit()


def test_the_restore_at_sign_in_is_offered_to_an_administrator_only(  # type: ignore[no-untyped-def]
    qtbot, location, workspace, monkeypatch: pytest.MonkeyPatch
):
    auth.add_user(workspace, "tuan", "Trần Văn Tuấn", "viewer", OFFICER_PASSWORD)
    backups.backup_now(workspace)
    workspace.close()
    _damage_header(location.path)

    asked: list[tuple[str, bool]] = []
    answer = {"choice": ""}

    def ask(self: SignInDialog, problem: str, may_restore: bool) -> str:
        asked.append((problem, may_restore))
        return answer["choice"]

    infos: list[object] = []
    monkeypatch.setattr(SignInDialog, "ask_restore", ask)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **_k: infos.append(a))
    dialog = SignInDialog(location)
    qtbot.addWidget(dialog)
    dialog.show()

    # A viewer is told what is damaged, and is not offered the restore.
    answer["choice"] = "restore"  # even if the answer were "restore", nothing happens
    _sign_in(dialog, "tuan", OFFICER_PASSWORD)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=30_000)
    problem, may = asked[0]
    assert may is False
    assert "4 KB" in problem
    qtbot.wait(200)
    assert infos == []
    assert not [p for p in location.path.parent.iterdir() if "replaced" in p.name]

    # An administrator is offered it, and the newest good backup comes back.
    _sign_in(dialog, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=30_000)
    assert asked[1][1] is True
    qtbot.waitUntil(lambda: len(infos) == 1, timeout=30_000)
    assert [p for p in location.path.parent.iterdir() if "replaced" in p.name]
    ws = auth.sign_in(location, "admin", ADMIN_PASSWORD)
    try:
        events = audit.list_events(ws.db, ws.actor, action="restore")
        assert [(e.username, (e.after or {}).get("why")) for e in events] == [("admin", "damaged")]
    finally:
        ws.close()
