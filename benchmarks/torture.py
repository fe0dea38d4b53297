"""Torture run: the app's own functions attacked the way a power cut, a busy office, a bad
USB stick, a damaged disk or a careless file would, on a real encrypted database file.

Run: ``.venv/bin/python benchmarks/torture.py`` (the full counts: 1,000 kills, 20 writers
x 500 hand-overs, 1,000 corruptions, 50 exports, 10,000 fuzzed inputs, 1,000 hostile
bundles and 1,000 hostile scans; several hours on two cores); ``--kills 8 --writers 3
--handovers 10 ...`` for a quick run; ``--only kill,fuzz`` or ``--only kill:export`` picks
attacks. With ``TRACKER_TEST_PG_URL`` set (a throwaway
PostgreSQL database: it is emptied), the writers run against PostgreSQL too.

One line per attack: how many tries, how many failed (something lost, a traceback, a
partial write, an incomplete folder under a final name), what was lost, and the time. The
exit code is 1 when any attack failed. Password hashing runs at its lowest cost here (the
attacks are on the data, not on the passwords).

Attacks:

* ``kill-handover``, ``kill-import``, ``kill-backup``, ``kill-export``: a process doing that
  work is killed with SIGKILL at a random moment; every hand-over it reported committed is
  there, receipt numbers are unique and gap-free, an import is all or nothing, every
  backup it reported opens and passes the integrity check, every folder under a final name
  is complete and checks, each project's kept totals equal its hand-overs added up again,
  and the database passes its integrity check at the end.
* ``writers``: N processes record M hand-overs each at once on one file: 0 errors, 0
  duplicate and 0 missing receipt numbers, project totals in step.
* ``corrupt``: flipped bytes, a truncation or a zeroed page in the database, its key file,
  a backup or its key file; then a sign-in and a search on the command line, and a check of
  the backups: never a traceback, every failure a clear message.
* ``export-fault``: exports to a stick that fills up, turns read-only or is pulled out at a
  random write: never a folder under the final name unless complete, the previous export
  intact, nothing left behind, the failure in the audit trail.
* ``fuzz``: random values (text, numbers, dates, control characters, huge strings, wrong
  types) to the services' validators, and damaged or random workbooks to the import: no
  traceback, nothing written by a call that failed.
* ``hostile``: sticks that are damaged or forged, at the province (``hostile:bundle``:
  flipped, cut, deleted or extra files, links to devices, paths that climb out of the
  bundle, sizes that lie, JSON nested past the parser's depth, figures changed and signed
  with the stick's own key), and photos and scans built to hurt (``hostile:scan``: noise
  behind the right first bytes, a PNG claiming 100,000 x 100,000 pixels, a PDF with a
  script): each refused in words or kept re-encoded; nothing changes, nothing hangs
  (60 s), nothing outside the bundle is read.
* ``holes``: the holes closed earlier, tried again: a huge workbook imported while another
  user signs in and searches (the other user must get in; the import must stop at the cap),
  a killed export's leftovers after the next export, an export without its audit event, a
  viewer asking the command line for names.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PW = "torture-pass-2026"
TODAY = date(2025, 6, 15)
KILLS, WRITERS, HANDOVERS, CORRUPTIONS, EXPORTS, FUZZ = 1000, 20, 500, 1000, 50, 10_000
HOSTILE = 1000


def _cheap_hashing() -> None:
    from argon2 import PasswordHasher

    from tracker.db import vault
    from tracker.services import office

    vault.KDF = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
    office.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@dataclass
class Result:
    attack: str
    tries: int = 0
    failures: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def fail(self, note: str, lost: int = 0) -> None:
        self.failures += 1
        self.lost += lost
        if len(self.notes) < 5:
            self.notes.append(note)

    def line(self) -> str:
        note = "; ".join(self.notes)
        return (
            f"{self.attack:<15} tries {self.tries:>6}  failures {self.failures:>4}"
            f"  lost {self.lost:>4}  {self.seconds:8.1f} s" + (f"  {note}" if note else "")
        )


# --- the office every attack works on --------------------------------------------------


@dataclass(frozen=True)
class Office:
    path: Path
    grant_id: int


def build_office(folder: Path) -> Office:
    from tracker.config import DatabaseLocation
    from tracker.services import auth, beneficiaries, grants, office, projects

    folder.mkdir(parents=True, exist_ok=True)
    loc = DatabaseLocation(path=folder / "tracker.db")
    ws, _ = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV"), "lan", "Lan", PW
    )
    try:
        auth.add_user(ws, "mai", "Lý Thị Mai", "accountant", PW)
        auth.add_user(ws, "xem", "Trần Văn Xem", "viewer", PW)
        b = beneficiaries.register(
            ws.db,
            ws.actor,
            beneficiaries.BeneficiaryInput(
                full_name="Vàng Thị Dợ", sex="F", category="victim", ethnicity_code="08",
                birth_year=1999, alias="Chị Dợ",
            ),
            today=TODAY,
        )  # fmt: skip
        p = projects.create_project(
            ws.db,
            ws.actor,
            projects.ProjectInput(
                "P1", "Dự án", "Nhà tài trợ", date(2025, 1, 1), date(2027, 1, 1), 900_000_000_000
            ),
        )
        g = grants.plan_grant(
            ws.db,
            ws.actor,
            grants.GrantInput(
                b.id, p.id, "monthly_allowance", date(2025, 1, 1),
                (grants.TrancheInput("Trợ cấp", amount=9_000_000_000),),
            ),
            today=TODAY,
        )  # fmt: skip
    finally:
        ws.close()
    return Office(loc.path, g.id)  # type: ignore[arg-type]


def copy_office(src: Office, folder: Path) -> Office:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".keys"):
        shutil.copy2(str(src.path) + suffix, folder / (src.path.name + suffix))
    return Office(folder / src.path.name, src.grant_id)


def sign_in(path: Path, user: str = "lan") -> Any:
    from tracker.config import DatabaseLocation
    from tracker.services import auth

    return auth.sign_in(DatabaseLocation(path=path), user, PW)


def receipts_check(path: Path) -> tuple[set[int], list[str], str | None]:
    """Hand-over ids, problems with the receipt numbers, the integrity check's complaint."""
    from sqlalchemy import select

    from tracker.db.models import Disbursement, Receipt
    from tracker.services import auth, projects

    ws = sign_in(path)
    try:
        bad = auth.quick_check(ws.db)
        with ws.db.read() as s:
            ids = set(s.execute(select(Disbursement.id)).scalars())
            rows = s.execute(select(Receipt.number, Receipt.seq, Receipt.disbursement_id)).all()
            kept = {p.id: (p.planned, p.spent) for p in projects.list_projects(ws.db, ws.actor)}
            counted = {pid: projects.recount(s, pid) for pid in kept}
    finally:
        ws.close()
    problems = []
    if kept != counted:
        problems.append(f"project totals out of step: kept {kept}, counted {counted}")
    numbers = [r[0] for r in rows]
    if len(set(numbers)) != len(numbers):
        problems.append(f"{len(numbers) - len(set(numbers))} duplicate receipt numbers")
    seqs = sorted(r[1] for r in rows)
    if seqs != list(range(1, len(seqs) + 1)):
        problems.append("receipt numbers with gaps")
    if {r[2] for r in rows} != ids:
        problems.append("hand-overs without their receipt")
    return ids, problems, bad


# --- children: the processes that get killed --------------------------------------------


def child(kind: str, path: str, *rest: str) -> None:
    """Runs in a separate process; prints one line per committed piece of work."""
    _cheap_hashing()
    from tracker.services import backups, exports, grants, imports, reports
    from tracker.services.errors import ServiceError

    ws = sign_in(Path(path), "mai" if kind in ("handover", "writer") else "lan")
    print("ready", flush=True)
    if kind == "handover":
        while True:
            h = grants.record_handover(
                ws.db, ws.actor, grants.HandoverInput(int(rest[0]), date(2025, 6, 1), amount=1000),
                today=TODAY,
            )  # fmt: skip
            print(f"{h.id}", flush=True)
    if kind == "writer":
        sys.stdin.readline()
        errors = 0
        for _ in range(int(rest[1])):
            try:
                grants.record_handover(
                    ws.db, ws.actor,
                    grants.HandoverInput(int(rest[0]), date(2025, 6, 1), amount=1000),
                    today=TODAY,
                )  # fmt: skip
            except Exception as exc:
                errors += 1
                print(f"error {type(exc).__name__}: {exc}", flush=True)
        print(f"done {errors}", flush=True)
        ws.close()
        return
    if kind == "bigimport":
        if rest[1] != "0":
            imports.MAX_ROWS = int(rest[1])  # a smaller cap for a quick run
        try:
            imports.commit(ws.db, ws.actor, Path(rest[0]), today=TODAY)
            print("accepted", flush=True)
        except imports.ImportRejected as exc:
            print("refused " + ",".join(p.key for p in exc.report.problems), flush=True)
        except ServiceError as exc:  # refused before its rows were read (too large)
            print(f"refused {exc.key}", flush=True)
        ws.close()
        return
    if kind == "import":
        report = imports.commit(ws.db, ws.actor, Path(rest[0]), today=TODAY)
        print(f"committed {report.count('beneficiaries').added}", flush=True)
        ws.close()
        return
    if kind == "backup":
        while True:
            info = backups.backup_now(ws, keep=None)
            print(str(info.path), flush=True)
    if kind == "export":
        while True:
            result = exports.export_summary(
                ws.db, ws.actor, reports.whole_year(2025), Path(rest[0]), formats=("pdf", "csv"),
                today=TODAY,
            )  # fmt: skip
            print(result.folder.name, flush=True)


def spawn(kind: str, path: Path, *rest: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, str(path), *rest],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first.strip() != "ready":
        err = proc.stderr.read() if proc.stderr else ""
        proc.kill()
        raise RuntimeError(f"{kind} child did not start: {first!r} {err[-500:]}")
    return proc


def kill_after(proc: subprocess.Popen[str], lines: int, seconds: float) -> list[str]:
    """Read ``lines`` lines (or until ``seconds``), then SIGKILL; the lines read."""
    import selectors

    got: list[str] = []
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    end = time.monotonic() + seconds
    while len(got) < lines and time.monotonic() < end:
        if not sel.select(timeout=max(0.0, end - time.monotonic())):
            break
        line = proc.stdout.readline()
        if not line:
            break
        got.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    for stream in (proc.stdout, proc.stderr, proc.stdin):
        if stream is not None:
            stream.close()
    return got


# --- SIGKILL ---------------------------------------------------------------------------


def attack_kill_handover(base: Office, work: Path, rounds: int, rng: random.Random) -> Result:
    res = Result("kill-handover")
    office = copy_office(base, work / "kill-handover")
    committed: set[int] = set()
    for _ in range(rounds):
        res.tries += 1
        proc = spawn("handover", office.path, str(office.grant_id))
        for line in kill_after(proc, rng.randint(0, 12), rng.uniform(0.05, 3.0)):
            committed.add(int(line))
    ids, problems, bad = receipts_check(office.path)
    lost = len(committed - ids)
    if lost:
        res.fail(f"{lost} committed hand-overs missing", lost)
    for p in problems:
        res.fail(p)
    if bad:
        res.fail(f"integrity: {bad}")
    res.notes.append(f"{len(committed)} committed hand-overs checked")
    return res


def _people_workbook(path: Path, prefix: str, rows: int) -> Path:
    from openpyxl import Workbook

    from tracker.services.imports import SHEETS

    people = next(s for s in SHEETS if s.key == "beneficiaries")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(people.title_vi)
    ws.append([c.header_vi for c in people.columns])
    for i in range(rows):
        ws.append([f"{prefix}-{i:06d}", f"Người Thử {prefix} {i}", "", "Nữ", None, 1990, "Kinh",
                   "Nạn nhân"])  # fmt: skip
    for spec in (s for s in SHEETS if s is not people):
        wb.create_sheet(spec.title_vi).append([c.header_vi for c in spec.columns])
    wb.save(path)
    return path


def _codes_present(path: Path, prefix: str) -> int:
    from sqlalchemy import func, select

    from tracker.db.models import Beneficiary

    ws = sign_in(path)
    try:
        with ws.db.read() as s:
            return int(
                s.execute(
                    select(func.count()).where(Beneficiary.code.like(f"{prefix}-%"))
                ).scalar_one()
            )
    finally:
        ws.close()


def attack_kill_import(base: Office, work: Path, rounds: int, rng: random.Random) -> Result:
    res = Result("kill-import")
    office = copy_office(base, work / "kill-import")
    size = 60
    for n in range(rounds):
        res.tries += 1
        prefix = f"K{n:04d}"
        book = _people_workbook(work / f"import-{n}.xlsx", prefix, size)
        proc = spawn("import", office.path, str(book))
        lines = kill_after(proc, 1, rng.uniform(0.0, 4.0))
        present = _codes_present(office.path, prefix)
        if lines and lines[0].startswith("committed") and present != size:
            res.fail(f"import reported committed, {present}/{size} rows there", size - present)
        elif present not in (0, size):
            res.fail(f"partial import: {present}/{size} rows", 0)
        book.unlink()
    _ids, problems, bad = receipts_check(office.path)
    for p in problems:
        res.fail(p)
    if bad:
        res.fail(f"integrity: {bad}")
    return res


def attack_kill_backup(base: Office, work: Path, rounds: int, rng: random.Random) -> Result:
    from tracker.services import backups

    res = Result("kill-backup")
    office = copy_office(base, work / "kill-backup")
    reported: list[Path] = []
    for _ in range(rounds):
        res.tries += 1
        proc = spawn("backup", office.path)
        reported += [Path(p) for p in kill_after(proc, rng.randint(0, 3), rng.uniform(0.05, 2.0))]
    ws = sign_in(office.path)
    try:
        for path in reported:
            try:
                backups.check_file(path, ws.key)
            except Exception as exc:
                res.fail(f"backup {path.name}: {exc}", 1)
        listed = backups.list_backups(office.path)
        for info in listed:  # whatever the list offers for a restore must be whole
            try:
                backups.check_file(info.path, ws.key)
            except Exception as exc:
                res.fail(f"listed backup {info.path.name}: {exc}", 1)
    finally:
        ws.close()
    _ids, _problems, bad = receipts_check(office.path)
    if bad:
        res.fail(f"integrity: {bad}")
    res.notes.append(f"{len(reported)} backups checked")
    return res


def _final_folders(target: Path) -> list[Path]:
    from tracker.reports import usb

    return [p for p in target.iterdir() if p.is_dir() and not p.name.startswith(usb.PARTIAL_PREFIX)
            and not p.name.startswith(".")]  # fmt: skip


def attack_kill_export(base: Office, work: Path, rounds: int, rng: random.Random) -> Result:
    from tracker.reports import usb

    res = Result("kill-export")
    office = copy_office(base, work / "kill-export")
    target = work / "stick-kill"
    target.mkdir()
    reported: set[str] = set()
    for _ in range(rounds):
        res.tries += 1
        proc = spawn("export", office.path, str(target))
        reported |= set(kill_after(proc, rng.randint(0, 2), rng.uniform(0.05, 8.0)))
        for folder in _final_folders(target):
            try:
                usb.verify_folder(folder)
            except usb.WriteFailed as exc:
                res.fail(f"incomplete folder under its final name: {folder.name} ({exc.reason})", 1)
                shutil.rmtree(folder)
    missing = reported - {p.name for p in target.iterdir()}
    if missing:
        res.fail(f"{len(missing)} reported exports missing", len(missing))
    # One more export cleans what the kills left.
    ws = sign_in(office.path)
    try:
        from tracker.services import exports, reports

        exports.export_summary(ws.db, ws.actor, reports.whole_year(2025), target,
                               formats=("csv",), today=TODAY)  # fmt: skip
        started = _export_events(ws, "export_started")
    finally:
        ws.close()
    left = [p.name for p in target.iterdir() if p.name.startswith((usb.PARTIAL_PREFIX, "."))]
    if left:
        res.fail(f"{len(left)} leftovers after the next export")
    unaudited = {p.name for p in _final_folders(target)} - started
    if unaudited:
        res.fail(f"{len(unaudited)} exports without an audit event", len(unaudited))
    res.notes.append(f"{len(reported)} completed exports")
    return res


def _export_events(ws: Any, action: str) -> set[str]:
    from sqlalchemy import select

    from tracker.db.models import AuditEvent

    with ws.db.read() as s:
        rows = s.execute(select(AuditEvent.after).where(AuditEvent.action == action)).scalars()
        return {str((a or {}).get("folder")) for a in rows}


# --- writers ---------------------------------------------------------------------------


def attack_writers(base: Office, work: Path, writers: int, each: int) -> Result:
    res = Result("writers")
    office = copy_office(base, work / "writers")
    procs = [spawn("writer", office.path, str(office.grant_id), str(each)) for _ in range(writers)]
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    errors = 0
    for p in procs:
        out, err = p.communicate(timeout=24 * 3600)
        lines = out.strip().splitlines()
        if not lines or not lines[-1].startswith("done"):
            res.fail(f"writer stopped: {err.strip().splitlines()[-1:] or out[-200:]}")
            continue
        errors += int(lines[-1].split()[1])
        for line in lines:
            if line.startswith("error") and len(res.notes) < 3:
                res.notes.append(line[:160])
    res.tries = writers * each
    ids, problems, bad = receipts_check(office.path)
    if errors:
        res.fail(f"{errors} hand-overs refused")
    if len(ids) != writers * each - errors:
        res.fail(f"{writers * each - errors - len(ids)} hand-overs missing")
    for p in problems:
        res.fail(p)
    if bad:
        res.fail(f"integrity: {bad}")
    return res


def attack_writers_pg(url: str, writers: int, each: int) -> Result:
    """The same on PostgreSQL (the database behind ``url`` is emptied first)."""
    from sqlalchemy import create_engine, func, select, text

    from tracker.config import DatabaseLocation
    from tracker.db import Database, upgrade
    from tracker.db.models import Receipt
    from tracker.services import auth

    res = Result("writers-pg")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    loc = DatabaseLocation(url=url)
    db = Database(loc)
    upgrade(db)
    db.dispose()
    from tracker.services import beneficiaries, grants, office, projects

    ws, _ = auth.create_workspace(loc, office.OfficeInput(name="Hội LHPN", receipt_prefix="MV"),
                                  "lan", "Lan", PW)  # fmt: skip
    auth.add_user(ws, "mai", "Mai", "accountant", PW)
    b = beneficiaries.register(ws.db, ws.actor, beneficiaries.BeneficiaryInput(
        full_name="Vàng Thị Dợ", sex="F", category="victim", ethnicity_code="08",
        birth_year=1999), today=TODAY)  # fmt: skip
    p = projects.create_project(ws.db, ws.actor, projects.ProjectInput(
        "P1", "Dự án", "Nhà tài trợ", date(2025, 1, 1), date(2027, 1, 1),
        900_000_000_000))  # fmt: skip
    g = grants.plan_grant(ws.db, ws.actor, grants.GrantInput(
        b.id, p.id, "monthly_allowance", date(2025, 1, 1),
        (grants.TrancheInput("Trợ cấp", amount=9_000_000_000),)), today=TODAY)  # fmt: skip
    ws.close()
    procs = []
    for _ in range(writers):
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "e2e" / "concurrent_writer.py"), "--url", url,
             str(g.id), str(each)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        assert proc.stdout is not None
        proc.stdout.readline()
        procs.append(proc)
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        _out, err = proc.communicate(timeout=24 * 3600)
        if proc.returncode != 0:
            res.fail(f"writer failed: {err.strip().splitlines()[-1:]}")
    res.tries = writers * each
    db = Database(loc)
    with db.read() as s:
        seqs = sorted(s.execute(select(Receipt.seq)).scalars())
        n = s.execute(select(func.count()).select_from(Receipt)).scalar_one()
    db.dispose()
    if seqs != list(range(1, len(seqs) + 1)):
        res.fail("receipt numbers with gaps or duplicates")
    if n != writers * each:
        res.fail(f"{writers * each - n} hand-overs missing", max(0, writers * each - n))
    return res


# --- corruption ------------------------------------------------------------------------

_CLEAR_OK = ("lỗi không lường trước", "unexpected error", "Traceback")


def _corrupt(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    how = rng.choice(("flip", "truncate", "zero-page"))
    if not data:
        return "empty"
    if how == "flip":
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif how == "truncate":
        data = data[: rng.randrange(len(data))]
    else:
        page = 4096 if len(data) > 4096 else max(1, len(data) // 4)
        start = rng.randrange(max(1, len(data) // page)) * page
        data[start : start + page] = bytes(len(data[start : start + page]))
    path.write_bytes(bytes(data))
    return how


def attack_corrupt(base: Office, work: Path, tries: int, rng: random.Random) -> Result:
    from tracker.services import backups

    res = Result("corrupt")
    pristine = copy_office(base, work / "corrupt-pristine")
    ws = sign_in(pristine.path)
    try:
        backups.backup_now(ws, keep=None)
    finally:
        ws.close()
    bfolder = backups.backup_folder(pristine.path)
    for n in range(tries):
        res.tries += 1
        here = work / f"corrupt-{n % 2}"
        shutil.rmtree(here, ignore_errors=True)
        shutil.copytree(pristine.path.parent, here)
        db = here / pristine.path.name
        copies = sorted((here / bfolder.relative_to(pristine.path.parent)).glob("*.backup.db"))
        targets = [db, Path(str(db) + ".keys"), *copies, *(Path(str(c) + ".keys") for c in copies)]
        victim = rng.choice(targets)
        how = _corrupt(victim, rng)
        what = f"{how} {victim.name}"
        # The user's way in: the command line (a sign-in and a search).
        done = subprocess.run(
            [sys.executable, "-m", "tracker", "search", "dang", "--db", str(db), "--user", "lan"],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_PASSWORD": PW,
                 "TRACKER_DATA_DIR": str(here / "data")},
        ) if n % 10 == 0 else None  # fmt: skip
        if done is not None:
            out = done.stdout + done.stderr
            if any(w in out for w in _CLEAR_OK) or done.returncode not in (0, 1):
                res.fail(f"{what}: {out.strip().splitlines()[-1:]}")
                continue
        # The same in-process, and the backups' check, for every try; every other one
        # with the engine warmed first, as the sign-in dialog does while the password is
        # typed (the damaged file is then opened through it).
        try:
            if n % 2:
                from tracker.config import DatabaseLocation
                from tracker.services import auth as auth_service

                auth_service.warm_up(DatabaseLocation(path=db))
            ws = sign_in(db)
        except Exception as exc:
            if not _clear(exc):
                res.fail(f"{what}: sign-in {type(exc).__name__}: {exc}"[:200])
            continue
        try:
            from tracker.services import auth, beneficiaries

            try:
                beneficiaries.search(ws.db, ws.actor, "dang")
                auth.quick_check(ws.db)
            except Exception as exc:
                if not _clear(exc):
                    res.fail(f"{what}: search {type(exc).__name__}: {exc}"[:200])
            for copy in copies:
                try:
                    backups.check_file(copy, ws.key)
                except Exception as exc:
                    if not _clear(exc):
                        res.fail(f"{what}: backup check {type(exc).__name__}: {exc}"[:200])
        finally:
            with contextlib.suppress(Exception):
                ws.close()
    return res


def _clear(exc: BaseException) -> bool:
    from tracker.db.migrate import NewerDatabaseError
    from tracker.services.errors import ServiceError, UnexpectedError

    if isinstance(exc, UnexpectedError):
        return False
    return isinstance(exc, (ServiceError, NewerDatabaseError))


# --- exports to a failing stick ---------------------------------------------------------


def attack_export_fault(base: Office, work: Path, tries: int, rng: random.Random) -> Result:
    from tracker.reports import usb
    from tracker.services import exports, reports

    res = Result("export-fault")
    office = copy_office(base, work / "export-fault")
    ws = sign_in(office.path)
    target = work / "stick-fault"
    target.mkdir()
    period = reports.whole_year(2025)
    try:
        first = exports.export_summary(ws.db, ws.actor, period, target, formats=("pdf", "csv"),
                                       today=TODAY)  # fmt: skip
        for n in range(tries):
            res.tries += 1
            fault = ("full", "read-only", "removed")[n % 3]
            at = rng.randint(1, 8)
            calls = [0]
            real_write, real_mkdir = os.write, os.mkdir

            def write(
                fd: int,
                data: Any,
                fault: str = fault,
                at: int = at,
                calls: list[int] = calls,
                real_write: Callable[[int, Any], int] = real_write,
            ) -> int:
                calls[0] += 1
                if calls[0] == at:
                    if fault == "full":
                        raise OSError(errno.ENOSPC, "No space left on device")
                    if fault == "read-only":
                        raise OSError(errno.EROFS, "Read-only file system")
                    shutil.rmtree(target, ignore_errors=True)
                return real_write(fd, data)

            usb.os.write = write  # type: ignore[attr-defined]
            try:
                exports.export_summary(ws.db, ws.actor, period, target, formats=("pdf", "csv"),
                                       today=TODAY)  # fmt: skip
                finished = True
            except exports.ExportError:
                finished = False
            except Exception as exc:
                res.fail(f"{fault}: {type(exc).__name__}: {exc}"[:200])
                finished = False
            finally:
                usb.os.write = real_write  # type: ignore[attr-defined]
                os.mkdir = real_mkdir
            if fault == "removed":
                if target.exists() and any(p.name.startswith(usb.PARTIAL_PREFIX)
                                           for p in target.iterdir()):  # fmt: skip
                    res.fail("removed: a leftover folder")
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir()
                first = exports.export_summary(ws.db, ws.actor, period, target,
                                               formats=("pdf", "csv"), today=TODAY)  # fmt: skip
                continue
            for folder in _final_folders(target):
                try:
                    usb.verify_folder(folder)
                except usb.WriteFailed:
                    res.fail(f"{fault}: incomplete folder {folder.name}", 1)
            try:
                usb.verify_folder(first.folder)
            except usb.WriteFailed:
                res.fail(f"{fault}: the previous export was damaged", 1)
            if any(p.name.startswith(usb.PARTIAL_PREFIX) for p in target.iterdir()):
                res.fail(f"{fault}: a leftover folder")
            if finished:
                for folder in _final_folders(target):
                    if folder != first.folder:
                        shutil.rmtree(folder)
        failed = _export_events(ws, "export_failed")
        if len(failed) == 0 and tries:
            res.fail("no failed export in the audit trail")
    finally:
        ws.close()
    return res


# --- fuzz ------------------------------------------------------------------------------

_WEIRD = [
    "", " ", "\x00", "\u202e", "\ufeff", "\r\n", "'; DROP TABLE beneficiary; --", "=1+1",
    "%s%s%n", "{0}", "{field}", "😀" * 50, "x" * 100_000, "Nguyễn", "Nguye\u0302\u0303n",
    "\ud800", "-1", "0", "9" * 40, "1e309", "NaN", "2025-02-30", "31/12/9999", "None",
]  # fmt: skip


def _value(rng: random.Random) -> Any:
    pick = rng.randrange(9)
    if pick == 0:
        return rng.choice(_WEIRD)
    if pick == 1:
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(0, 40)))
    if pick == 2:
        return rng.choice([0, -1, 1, 2**63, -(2**63) - 1, 10**30, True, False])
    if pick == 3:
        return rng.choice([0.5, float("nan"), float("inf"), -0.0, 1e308])
    if pick == 4:
        return date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28))
    if pick == 5:
        return None
    if pick == 6:
        return rng.choice([b"\xff\xfe", [], {}, object()])
    if pick == 7:
        return rng.choice(["F", "M", "victim", "at_risk", "08", "01", "Kinh"])
    return TODAY - timedelta(days=rng.randint(-400, 40_000))


def _counts(ws: Any) -> tuple[int, ...]:
    from sqlalchemy import func, select

    from tracker.db.models import AuditEvent, Beneficiary, Disbursement, Grant

    with ws.db.read() as s:
        return tuple(
            int(s.execute(select(func.count()).select_from(m)).scalar_one())
            for m in (Beneficiary, Grant, Disbursement, AuditEvent)
        )


def attack_fuzz(base: Office, work: Path, tries: int, rng: random.Random) -> Result:
    from tracker.services import beneficiaries, grants, imports, projects
    from tracker.services.errors import ServiceError

    res = Result("fuzz")
    office = copy_office(base, work / "fuzz")
    ws = sign_in(office.path)
    fields = ("full_name", "sex", "category", "ethnicity_code", "birth_date", "birth_year",
              "alias", "code", "id_number", "phone", "province_code", "commune_code", "village",
              "address_text", "registered_on", "notes")  # fmt: skip
    good = dict(full_name="Hờ Thị Pà", sex="F", category="victim", ethnicity_code="08",
                birth_year=1998)  # fmt: skip
    sample = _people_workbook(work / "fuzz-sample.xlsx", "FZ", 5).read_bytes()
    try:
        for n in range(tries):
            res.tries += 1
            before = _counts(ws)
            what = ""
            try:
                kind = n % 10
                if kind < 5:
                    values = dict(good)
                    for f in rng.sample(fields, rng.randint(1, 4)):
                        values[f] = _value(rng)
                    what = f"register {sorted(values)}"
                    person = beneficiaries.BeneficiaryInput(**values)
                    beneficiaries.register(ws.db, ws.actor, person, allow_duplicate=True,
                                           today=TODAY)  # fmt: skip
                elif kind < 7:
                    what = "hand-over"
                    grants.record_handover(ws.db, ws.actor, grants.HandoverInput(
                        rng.choice([office.grant_id, _value(rng)]), _value(rng),
                        amount=_value(rng), quantity=_value(rng), unit_value=_value(rng),
                        override_reason=_value(rng), note=_value(rng)), today=TODAY)  # fmt: skip
                elif kind < 8:
                    what = "project"
                    projects.create_project(ws.db, ws.actor, projects.ProjectInput(
                        _value(rng), _value(rng), _value(rng), _value(rng), _value(rng),
                        _value(rng)))  # fmt: skip
                else:
                    what = "import"
                    data = bytearray(sample)
                    for _ in range(rng.randint(0, 30)):
                        data[rng.randrange(len(data))] = rng.randrange(256)
                    if rng.random() < 0.2:
                        data = bytearray(os.urandom(rng.randint(0, 5000)))
                    book = work / "fuzz.xlsx"
                    book.write_bytes(bytes(data))
                    imports.commit(ws.db, ws.actor, book, decisions={}, today=TODAY)
                    continue  # a damaged file that still imports: fine, it was whole enough
            except ServiceError as exc:
                if _counts(ws) != before:
                    res.fail(f"{what}: partial write after {exc.key}", 1)
                continue
            except Exception as exc:
                res.fail(f"{what}: {type(exc).__name__}: {str(exc)[:120]}")
                if _counts(ws) != before:
                    res.lost += 1
                continue
    finally:
        ws.close()
    return res


# --- the holes, tried again -------------------------------------------------------------


def attack_holes(base: Office, work: Path, rng: random.Random, big_rows: int, cap: int) -> Result:
    res = Result("holes")
    office = copy_office(base, work / "holes")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_PASSWORD": PW}

    def cli(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tracker", *args, "--db", str(office.path)],
            capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
            env={**env, **extra},
        )  # fmt: skip

    # 1. A huge workbook while another user signs in and searches.
    res.tries += 1
    book = _people_workbook(work / "huge.xlsx", "HUGE", big_rows)
    importer = spawn("bigimport", office.path, str(book), str(cap))
    time.sleep(0.5)
    # The other user waits at most 5 s: time enough for any short write, not for a parse.
    other = cli("search", "vang", "--user", "xem", TRACKER_BUSY_TIMEOUT_MS="5000")
    out, err = importer.communicate(timeout=3600)
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    res.notes.append(f"{big_rows:,} rows refused; largest process {peak} MB")
    if other.returncode != 0:
        res.fail(f"another user locked out during a big import: {other.stderr.strip()[-160:]}")
    if out.strip() not in ("refused import_too_many_rows", "refused import_too_large") or (
        "Traceback" in err
    ):
        res.fail(f"big import not refused at the cap: {(out + err).strip()[-160:]}")
    # 2. A viewer asking the command line for names.
    res.tries += 1
    viewer = cli("search", "vang thi", "--names", "--user", "xem")
    plain = cli("search", "vang thi", "--user", "xem")
    if "Vàng Thị Dợ" in viewer.stdout + plain.stdout:
        res.fail("a viewer saw a full name on the command line")
    # 3. A killed export: leftovers and the audit trail.
    res.tries += 1
    target = work / "stick-holes"
    target.mkdir()
    proc = spawn("export", office.path, str(target))
    kill_after(proc, 0, rng.uniform(0.5, 2.5))
    done = cli("export", "year", "2025", "--to", str(target), "--formats", "csv", "--user", "lan")
    from tracker.reports import usb

    if done.returncode != 0:
        res.fail(f"the next export failed: {done.stderr.strip()[-160:]}")
    if any(p.name.startswith((usb.PARTIAL_PREFIX, ".")) for p in target.iterdir()):
        res.fail("a killed export's folder was left on the stick")
    ws = sign_in(office.path)
    try:
        started = _export_events(ws, "export_started")
    finally:
        ws.close()
    if {p.name for p in _final_folders(target)} - started:
        res.fail("an export without its audit event")
    return res


# --- hostile files from a stick: bundles at the province, scans and photos ---------------


class _Hung(BaseException):
    """A call did not come back in time (no ``except`` in the app swallows it)."""


@contextlib.contextmanager
def _within(seconds: int) -> Any:
    def stop(*_args: object) -> None:
        raise _Hung(f"no answer in {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


_PATHS = ("/dev/zero", "../x", "..\\x", "C:/Windows/win.ini", "//server/share/x",
          "csv/../../x", "", ".", "csv//a", "../outside.txt", "csv/./a.csv")  # fmt: skip


def _poke(node: Any, rng: random.Random) -> Any:
    """``node`` (plain JSON data) with one value somewhere in it replaced."""
    if isinstance(node, dict) and node and rng.random() < 0.8:
        key = rng.choice(sorted(node))
        return {**node, key: _poke(node[key], rng)}
    if isinstance(node, list) and node and rng.random() < 0.8:
        i = rng.randrange(len(node))
        return [*node[:i], _poke(node[i], rng), *node[i + 1 :]]
    if rng.random() < 0.1:
        return [[[[]]]] if rng.random() < 0.5 else {"a": {"b": {"c": None}}}
    value = _value(rng)
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def _mutate(folder: Path, rng: random.Random) -> str:
    """One damage or forgery, as a broken or hostile stick would bring it."""
    from tracker.reports import bundle

    # Never through a link an earlier step made: the damage stays inside the copy.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    manifest_path = folder / "manifest.json"
    kind = rng.choice(("flip", "truncate", "delete", "extra", "path", "link", "manifest",
                       "figures", "deep", "size"))  # fmt: skip
    try:  # the forgeries that rewrite a file need it readable (an earlier damage may not)
        if manifest_path.is_symlink() or (folder / bundle.FIGURES).is_symlink():
            raise OSError("a link")
        json.loads(manifest_path.read_text(encoding="utf-8"))["files"][0]["path"]
        json.loads((folder / bundle.FIGURES).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError, LookupError, TypeError):
        kind = rng.choice(("flip", "truncate", "extra", "link")) if files else "extra"
    if kind == "flip":
        target = rng.choice(files)
        data = bytearray(target.read_bytes())
        for _ in range(rng.randint(1, 8)):
            if data:
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(data))
    elif kind == "truncate":
        target = rng.choice(files)
        data = target.read_bytes()
        target.write_bytes(data[: rng.randrange(len(data) + 1)])
    elif kind == "delete":
        rng.choice(files).unlink()
    elif kind == "extra":
        (folder / rng.choice(("csv", "."))).mkdir(exist_ok=True)
        name = rng.choice(("csv/extra.csv", "notes.txt", "figures.json.bak", "csv/a.csv"))
        if not (folder / name).is_symlink():
            (folder / name).write_bytes(os.urandom(rng.randrange(0, 200)))
    elif kind in ("path", "size", "manifest"):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if kind == "path":
            manifest["files"].append(
                {
                    "path": rng.choice(_PATHS),
                    "size": rng.choice((0, 1, 1 << 40)),
                    "sha256": "0" * 64,
                }
            )
        elif kind == "size":
            entry = rng.choice(manifest["files"])
            entry["size"] = rng.choice((0, -1, 1 << 40, 2**63, "12", None))
        else:
            manifest = _poke(manifest, rng)
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    elif kind == "link":
        target = rng.choice([p for p in files if p.name != "manifest.json"] or files)
        target.unlink()
        outside = folder.parent / "outside.txt"
        outside.write_text("a file of another folder", encoding="utf-8")
        target.symlink_to(rng.choice(("/dev/zero", "/dev/urandom", str(outside), "/")))
    else:  # figures (re-signed with the stick's own key) or deep nesting
        figures_path = folder / bundle.FIGURES
        if kind == "deep":
            depth = rng.choice((1_000, 100_000))
            body = (rng.choice(("[", '{"a":')) * depth).encode()
            target = rng.choice((figures_path, manifest_path))
            if target == manifest_path:
                manifest_path.write_bytes(body)
                return kind
        else:
            figures = json.loads(figures_path.read_text(encoding="utf-8"))
            body = json.dumps(_poke(figures, rng)).encode()
        figures_path.write_bytes(body)
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in manifest["files"]:
            if entry["path"] == bundle.FIGURES:
                entry.update(size=len(body), sha256=hashlib.sha256(body).hexdigest())
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        key = Ed25519PrivateKey.generate()
        manifest["signing"] = bundle.signing_block(key)
        raw = json.dumps(manifest).encode()
        manifest_path.write_bytes(raw)
        (folder / bundle.SIGNATURE).unlink(missing_ok=True)  # a link an earlier step made
        (folder / bundle.SIGNATURE).write_bytes(bundle.sign(key, raw))
    return kind


def _province_rows(ws: Any) -> tuple[Any, ...]:
    from sqlalchemy import select

    from tracker.db.models import ProvinceBundle, ProvinceOffice

    with ws.db.read() as s:
        return (
            tuple(s.execute(select(ProvinceBundle.id, ProvinceBundle.manifest_sha256,
                                   ProvinceBundle.replaced_by_id)).all()),
            tuple(s.execute(select(ProvinceOffice.id, ProvinceOffice.fingerprint)).all()),
        )  # fmt: skip


def attack_hostile_bundle(base: Office, work: Path, tries: int, rng: random.Random) -> Result:
    """A province takes in bundles from sticks that are damaged or forged: each is refused
    with a message in words, or (unchanged) found already there; nothing changes, nothing
    hangs, nothing outside the bundle is read."""
    from tracker.config import DatabaseLocation
    from tracker.services import auth, consolidate, exports, office, reports
    from tracker.services.errors import ServiceError

    res = Result("hostile-bundle")
    src = copy_office(base, work / "bundle-office")
    (work / "bundle-stick").mkdir()
    ws = sign_in(src.path)
    try:
        me = consolidate.identity(ws.db, ws.actor)
        good = exports.export_summary(
            ws.db, ws.actor, reports.quarter(2025, 2), work / "bundle-stick",
            audience="province", formats=("csv",), today=TODAY,
        ).folder  # fmt: skip
    finally:
        ws.close()
    province, _code = auth.create_workspace(
        DatabaseLocation(path=work / "province" / "tracker.db"),
        office.OfficeInput(name="Hội LHPN tỉnh Hà Giang", receipt_prefix="HG", kind="province"),
        "lan", "Lan", PW,
    )  # fmt: skip
    try:
        consolidate.register_office(province.db, province.actor, "Mèo Vạc", str(me.fingerprint))
        consolidate.import_bundles(province.db, province.actor, good, today=TODAY)
        before = _province_rows(province)
        kinds: dict[str, int] = {}
        for n in range(tries):
            res.tries += 1
            folder = work / "hostile" / f"b{n}"
            shutil.copytree(good, folder)
            done = [_mutate(folder, rng) for _ in range(rng.randint(1, 3))]
            for k in done:
                kinds[k] = kinds.get(k, 0) + 1
            try:
                with _within(60):
                    out = consolidate.import_bundles(
                        province.db, province.actor, folder, today=TODAY
                    )
                if any(i.outcome != "already_there" for i in out):
                    res.fail(f"{'+'.join(done)}: a damaged bundle was taken in")
            except ServiceError as exc:
                exc.message("vi")  # the words the user reads
            except _Hung as exc:
                res.fail(f"{'+'.join(done)}: {exc}")
            except Exception as exc:
                res.fail(f"{'+'.join(done)}: {type(exc).__name__}: {str(exc)[:80]}")
            if _province_rows(province) != before:
                res.fail(f"{'+'.join(done)}: the province's data changed")
                before = _province_rows(province)
            shutil.rmtree(folder, ignore_errors=True)
        res.notes.append(" ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    finally:
        province.close()
    return res


def _hostile_file(rng: random.Random, seeds: list[bytes]) -> bytes:
    pick = rng.randrange(6)
    if pick == 0:  # a photo or a scan damaged
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if pick == 1:  # cut short
        data = rng.choice(seeds)
        return data[: rng.randrange(1, len(data))]
    if pick == 2:  # an image that claims to be huge (a decompression bomb's header)
        import struct
        import zlib

        w, h = rng.choice(((100_000, 100_000), (1, 2**31 - 1), (65_535, 65_535)))
        ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
        chunk = lambda kind, body: (  # noqa: E731
            struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )  # fmt: skip
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                + chunk(b"IDAT", zlib.compress(b"\0" * 100_000)) + chunk(b"IEND", b""))  # fmt: skip
    if pick == 3:  # a PDF that is not one, or one with a script
        return rng.choice((
            b"%PDF-1.7\n" + os.urandom(rng.randrange(10, 4000)),
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>"
            b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
            b"%PDF-" + b"[" * 50_000,
        ))  # fmt: skip
    if pick == 4:  # the right magic, then noise
        return rng.choice((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) + os.urandom(
            rng.randrange(0, 5000)
        )
    return os.urandom(rng.randrange(0, 3000))


def attack_hostile_attachment(work: Path, tries: int, rng: random.Random) -> Result:
    """Photos and scans damaged or built to hurt (a huge claimed size, a PDF with a
    script, noise behind the right first bytes): each is kept re-encoded or refused in
    words, never a crash or a hang."""
    import io

    from PIL import Image
    from reportlab.pdfgen import canvas

    from tracker.services import attachments
    from tracker.services.errors import ServiceError

    res = Result("hostile-scan")
    seeds = []
    for fmt in ("PNG", "JPEG"):
        buf = io.BytesIO()
        Image.new("RGB", (64, 48), (200, 120, 40)).save(buf, fmt)
        seeds.append(buf.getvalue())
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Biên bản bàn giao")
    c.save()
    seeds.append(buf.getvalue())
    refused = 0
    for _ in range(tries):
        res.tries += 1
        data = _hostile_file(rng, seeds)
        try:
            with _within(60):
                attachments.prepare("scan", data)
        except ServiceError as exc:
            exc.message("vi")
            refused += 1
        except _Hung as exc:
            res.fail(f"{data[:8]!r}: {exc}")
        except Exception as exc:
            res.fail(f"{data[:8]!r}: {type(exc).__name__}: {str(exc)[:80]}")
    res.notes.append(f"{refused} refused in words, {res.tries - refused - res.failures} kept")
    return res


# --- main ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        child(*args[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=KILLS, help="SIGKILLs in all (4 kinds)")
    parser.add_argument("--writers", type=int, default=WRITERS)
    parser.add_argument("--handovers", type=int, default=HANDOVERS, help="per writer")
    parser.add_argument("--corruptions", type=int, default=CORRUPTIONS)
    parser.add_argument("--exports", type=int, default=EXPORTS)
    parser.add_argument("--fuzz", type=int, default=FUZZ)
    parser.add_argument("--hostile", type=int, default=HOSTILE, help="bundles and scans each")
    parser.add_argument("--big-rows", type=int, default=1_000_000,
                        help="rows of the huge workbook of the 'holes' attack")  # fmt: skip
    parser.add_argument(
        "--cap", type=int, default=0, help="a smaller import row cap for 'holes' (0: the app's)"
    )
    parser.add_argument(
        "--only", default="", help="comma-separated attacks: kill, kill:export... (default: all)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    opts = parser.parse_args(args)
    _cheap_hashing()
    rng = random.Random(opts.seed)
    only = {w.strip() for w in opts.only.split(",") if w.strip()}
    work = Path(tempfile.mkdtemp(prefix="tracker-torture-"))
    os.environ["TRACKER_DATA_DIR"] = str(work / "data")
    each = max(1, opts.kills // 4)
    attacks: list[tuple[str, Callable[[Office], Result]]] = [
        ("kill:handover", lambda o: attack_kill_handover(o, work, each, rng)),
        ("kill:import", lambda o: attack_kill_import(o, work, each, rng)),
        ("kill:backup", lambda o: attack_kill_backup(o, work, each, rng)),
        ("kill:export", lambda o: attack_kill_export(o, work, opts.kills - 3 * each, rng)),
        ("writers", lambda o: attack_writers(o, work, opts.writers, opts.handovers)),
        ("corrupt", lambda o: attack_corrupt(o, work, opts.corruptions, rng)),
        ("export-fault", lambda o: attack_export_fault(o, work, opts.exports, rng)),
        ("fuzz", lambda o: attack_fuzz(o, work, opts.fuzz, rng)),
        ("holes", lambda o: attack_holes(o, work, rng, opts.big_rows, opts.cap)),
        ("hostile:bundle", lambda o: attack_hostile_bundle(o, work, opts.hostile, rng)),
        ("hostile:scan", lambda o: attack_hostile_attachment(work, opts.hostile, rng)),
    ]
    pg_url = os.environ.get("TRACKER_TEST_PG_URL")
    if pg_url:
        attacks.insert(5, ("writers", lambda o: attack_writers_pg(pg_url, opts.writers,
                                                                  opts.handovers)))  # fmt: skip
    failed = 0
    try:
        base = build_office(work / "base")
        print(f"torture on {base.path} (seed {opts.seed})", flush=True)
        for group, run in attacks:
            if only and group not in only and group.split(":")[0] not in only:
                continue
            start = time.monotonic()
            try:
                result = run(base)
            except Exception:
                result = Result(group)
                result.fail("the attack itself crashed: "
                            + traceback.format_exc().strip().splitlines()[-1])  # fmt: skip
            result.seconds = time.monotonic() - start
            failed += result.failures
            print(result.line(), flush=True)
    finally:
        if opts.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("FAILED" if failed else "OK: nothing lost", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
