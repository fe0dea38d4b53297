"""How long giving the database a new key takes (an account disabled, a password reset),
beside a bare SQLCipher ``PRAGMA rekey`` of the same file.

Run: ``.venv/bin/python benchmarks/bench_key_change.py [--mb 50 200] [--backups 30]``

For each size the script builds an encrypted office database (the real app, its key file
and ``--backups`` backups with their key files), pads it with rows to about that many
megabytes, then times

* ``bare``: a plain SQLCipher connection running ``PRAGMA rekey`` on a copy of the file
  (write-ahead log, ``synchronous=FULL``, as the app runs it), nothing else;
* ``change_key``: the app's whole change (:func:`tracker.services.auth.change_key`): the
  new key sealed to every slot and written as pending, the file re-encrypted in one
  transaction, the key made current, the key files of every backup rewritten, the audit
  event written.

Each is run ``--repeat`` times; the minimum and the median are printed.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.services import auth, backups, office

PW = "bench-pass-2025"


def build(folder: Path, megabytes: int, copies: int) -> auth.Workspace:
    loc = DatabaseLocation(path=folder / "tracker.db")
    ws, _code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN", receipt_prefix="MV"), "lan", "Lan", PW
    )
    for name in ("hoa", "mai", "thu", "tuan"):
        auth.add_user(ws, name, name.title(), "officer", PW)
    rows = megabytes * 1_000_000 // 470
    with ws.db.write() as s:
        s.execute(text("CREATE TABLE ballast (id INTEGER PRIMARY KEY, v TEXT)"))
        s.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)"
                " INSERT INTO ballast (v) SELECT hex(randomblob(200)) FROM n"
            ),
            {"rows": rows},
        )
    for _ in range(copies):
        backups.backup_now(ws, keep=None)
    return ws


def bare_rekey(path: Path, old: bytes, new: bytes) -> None:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{old.hex()}'\"")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--backups", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'size':>8} {'case':>11} {'min s':>8} {'median s':>9}")
    for mb in args.mb:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            ws = build(folder / "data", mb, args.backups)
            path = ws.db.location.path
            assert path is not None and ws.key is not None
            size = path.stat().st_size / 1e6
            bare_file = folder / "bare.db"
            shutil.copyfile(path, bare_file)
            key = bytes(ws.key)
            bare, full = [], []
            for _ in range(args.repeat):
                new = secrets.token_bytes(32)
                started = time.perf_counter()
                bare_rekey(bare_file, key, new)
                bare.append(time.perf_counter() - started)
                key = new
                started = time.perf_counter()
                auth.change_key(ws, "benchmark")
                full.append(time.perf_counter() - started)
            ws.close()
            for name, times in (("bare", bare), ("change_key", full)):
                print(
                    f"{size:>6.0f}MB {name:>11} {min(times):>8.2f} {statistics.median(times):>9.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
