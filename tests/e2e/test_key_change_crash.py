"""Power cuts while the database gets a new key: a process changing the key again and
again is killed with SIGKILL at random moments. Every time, the file must open with the
key the key file names (the old one or the new one), hold every row, pass SQLite's
integrity check, and a disabled account's password must open nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.services import auth, backups, office

from .. import attacks

PW = "crash-pass-2025"
OLD_PW = "gone-pass-2025"
CHANGER = Path(__file__).with_name("key_changer.py")
ROUNDS = int(os.environ.get("TRACKER_KEY_CRASH_ROUNDS", "8"))


def fill(ws: auth.Workspace, rows: int) -> None:
    """Enough pages that re-encrypting takes a while (a kill lands in the middle)."""
    with ws.db.write() as s:
        s.execute(text("CREATE TABLE IF NOT EXISTS ballast (id INTEGER PRIMARY KEY, v TEXT)"))
        s.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)"
                " INSERT INTO ballast (v) SELECT hex(randomblob(200)) FROM n"
            ),
            {"rows": rows},
        )


def kill_during_key_changes(db_path: Path, rounds: int, seed: int = 11) -> list[str]:
    """Run the key changer ``rounds`` times, killing it at a random moment each time; after
    each kill, sign in and check the file. Returns what went wrong (empty: nothing)."""
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(attacks.ROOT)}
    loc = DatabaseLocation(path=db_path)
    problems: list[str] = []
    for n in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, str(CHANGER), str(db_path), "lan", PW],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        for _ in range(rng.randint(0, 2)):
            proc.stdout.readline()  # "go"
            proc.stdout.readline()  # "done N"
        assert proc.stdout.readline().strip() == "go"
        time.sleep(rng.uniform(0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        try:
            ws = auth.sign_in(loc, "lan", PW)
        except Exception as exc:
            problems.append(f"round {n}: sign-in failed: {exc}")
            continue
        try:
            with ws.db.read() as s:
                if s.execute(text("PRAGMA integrity_check")).scalar() != "ok":
                    problems.append(f"round {n}: integrity check failed")
                if s.execute(text("SELECT count(*) FROM ballast")).scalar() != 20000:
                    problems.append(f"round {n}: rows lost")
            if attacks.what_a_password_opens(db_path.parent, "gone", OLD_PW):
                problems.append(f"round {n}: the disabled password opens something")
        finally:
            ws.close()
    return problems


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_the_key_changes_leaves_a_file_that_opens(tmp_path: Path) -> None:
    loc = DatabaseLocation(path=tmp_path / "data" / "tracker.db")
    ws, _code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN", receipt_prefix="MV"), "lan", "Lan", PW
    )
    auth.add_user(ws, "gone", "Người đã nghỉ", "officer", OLD_PW)
    fill(ws, 20000)
    backups.backup_now(ws)
    auth.set_active(ws, "gone", False)
    ws.close()
    assert kill_during_key_changes(loc.path, ROUNDS) == []  # type: ignore[arg-type]
