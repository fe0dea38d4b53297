"""How long importing years of Excel records takes: 10,000 people with 50,000 hand-overs
by default, beside a bare ``executemany`` of the same rows.

Run: ``.venv/bin/python benchmarks/bench_import.py [--people 10000] [--handovers 50000]
[--dir /tmp/tracker-bench/import]``

The script writes a workbook from the template's columns (a project, the people, one
allowance grant and a few cattle grants each, the hand-overs spread over 2024-2025, some
visits already made), then on a new database (migrated by the app, one administrator)
times

* ``read``: reading the workbook (openpyxl, every cell parsed);
* ``dry run``: :func:`tracker.services.imports.dry_run` (reads the file, checks every row
  against the database, writes nothing);
* ``commit``: :func:`tracker.services.imports.commit` right after (the file read by the dry
  run is not read again; every row checked again inside the write transaction, then
  written in bulk with one audit event);
* ``bare executemany``: the rows the commit wrote (people, consents, grants, tranches,
  hand-overs, receipts, assets and their events, visits), read back and inserted into
  another new database with plain ``executemany`` in one transaction.

It prints each time, the visits booked and those left out because their day had passed,
and the ratio commit / bare executemany (aim: under 5).
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook
from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.db import Database, upgrade
from tracker.services import imports, office
from tracker.services.context import SYSTEM
from tracker.services.imports import SHEETS

TODAY = date(2026, 1, 15)
TABLES = ("project", "beneficiary", "consent", "grant_plan", "tranche", "disbursement", "receipt",
          "receipt_counter", "asset", "asset_event", "visit")  # fmt: skip
FIRST = date(2024, 1, 10)


def workbook(path: Path, people: int, handovers: int) -> Path:
    rng = random.Random(2026)
    wb = Workbook(write_only=True)
    sheets = {}
    for spec in SHEETS:
        ws = wb.create_sheet(spec.title_vi)
        ws.append([c.header_vi for c in spec.columns])
        ws.append([c.header_en for c in spec.columns])
        sheets[spec.key] = (ws, [c.key for c in spec.columns])

    def put(key: str, **values: object) -> None:
        ws, keys = sheets[key]
        ws.append([values.get(k) for k in keys])

    put("projects", code="BM-2428", name="Sinh kế an toàn", donor="Rồng Xanh",
        start_date="01/01/2024", end_date="31/12/2027", budget=900_000_000_000)  # fmt: skip
    groups = ("H'Mông", "Dao", "Tày", "Kinh", "Nùng")
    communes = ("00769", "00778", "00787")
    per_person = max(1, handovers // people)
    cattle_every = 10  # one person in ten also got a cow
    for i in range(people):
        code = f"BM-{i:06d}"
        put("beneficiaries", code=code, full_name=f"Người Thử {i:06d}",
            sex="Nữ" if i % 4 else "Nam", birth_year=1960 + i % 45, ethnicity=groups[i % 5],
            category="Nạn nhân",
            province_code="08", commune_code=communes[i % 3], registered_on="05/01/2024",
            consent_donor="Có")  # fmt: skip
        put("grants", beneficiary_code=code, project_code="BM-2428",
            grant_type="monthly_allowance", start_date="05/01/2024",
            amount=per_person * 500_000)  # fmt: skip
        if i % cattle_every == 0:
            put("grants", beneficiary_code=code, project_code="BM-2428", grant_type="cattle",
                start_date="05/01/2024", quantity=1, unit_value=15_000_000)  # fmt: skip
    done = len(range(0, people, cattle_every))  # the cows below count among the hand-overs
    for k in range(per_person):
        for i in range(people):
            if done >= handovers:
                break
            day = FIRST + timedelta(days=30 * k + i % 20)
            put("handovers", beneficiary_code=f"BM-{i:06d}", grant_type="monthly_allowance",
                handed_on=day.strftime("%d/%m/%Y"), amount=500_000)  # fmt: skip
            done += 1
    for i in range(0, people, cattle_every):
        day = FIRST + timedelta(days=rng.randint(0, 300))
        put("handovers", beneficiary_code=f"BM-{i:06d}", grant_type="cattle",
            handed_on=day.strftime("%d/%m/%Y"), quantity=1, unit_value=15_000_000)  # fmt: skip
        put("visits", beneficiary_code=f"BM-{i:06d}", grant_type="cattle",
            done_on=(day + timedelta(days=95)).strftime("%d/%m/%Y"), livelihood_running="Có",
            income_band="Thấp")  # fmt: skip
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(as_excel_saves(buf.getvalue()))
    return path


_INLINE = re.compile(rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t(?: [^>]*)?>([^<]*)</t></is></c>')


def as_excel_saves(data: bytes) -> bytes:
    """openpyxl writes every text into its cell; Excel and LibreOffice save each text once
    in a shared table that the cells point to. The file is rewritten that way, so that the
    reading is timed on what offices really have."""
    strings: dict[bytes, int] = {}

    def shared(m: re.Match[bytes]) -> bytes:
        index = strings.setdefault(m[2], len(strings))
        return b'<c r="' + m[1] + b'" t="s"><v>' + str(index).encode() + b"</v></c>"

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                body = _INLINE.sub(shared, body)
            elif info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    b"</Types>",
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    b"</Relationships>",
                )
            dst.writestr(info, body)
        table = b"".join(b"<si><t>" + s + b"</t></si>" for s in strings)
        dst.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="'
            + str(len(strings)).encode() + b'" uniqueCount="' + str(len(strings)).encode()
            + b'">' + table + b"</sst>",
        )  # fmt: skip
    return out.getvalue()


def new_database(path: Path) -> Database:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = Database(DatabaseLocation(path=path))
    upgrade(db)
    office.save_office(db, SYSTEM, office.OfficeInput(name="Hội LHPN (benchmark)",
                                                      receipt_prefix="BM"))  # fmt: skip
    office.create_user(db, SYSTEM, "admin", "Quản trị", "admin")
    return db


def bare(source: Database, target: Database) -> float:
    """The rows the import wrote, inserted again with plain executemany in one transaction."""
    rows = {}
    with source.engine.connect() as conn:
        for t in TABLES:
            result = conn.execute(text(f"SELECT * FROM {t}"))
            rows[t] = (list(result.keys()), [tuple(r) for r in result])
    raw = target.engine.raw_connection()
    try:
        cur = raw.cursor()
        started = time.perf_counter()
        cur.execute("BEGIN IMMEDIATE")
        for t in TABLES:
            cols, data = rows[t]
            if data:
                marks = ", ".join("?" for _ in cols)
                cur.executemany(f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({marks})", data)
        raw.commit()
        return time.perf_counter() - started
    finally:
        raw.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--handovers", type=int, default=50_000)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/tracker-bench/import"))
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    book = args.dir / f"import-{args.people}-{args.handovers}.xlsx"
    if not book.exists():
        t0 = time.perf_counter()
        workbook(book, args.people, args.handovers)
        print(f"workbook written in {time.perf_counter() - t0:.1f} s: {book}")
    db = new_database(args.dir / "import.db")
    admin = office.actor_for(db, "admin")

    with db.read() as s:
        types = imports._grant_type_options(s)
    t0 = time.perf_counter()
    imports._read_workbook(book, types)
    read = time.perf_counter() - t0
    imports._LAST_READ.clear()

    t0 = time.perf_counter()
    dry = imports.dry_run(db, admin, book, today=TODAY)
    dry_s = time.perf_counter() - t0
    if not dry.ok:
        for g in dry.groups[:10]:
            print(g.message("en"))
        return 1
    t0 = time.perf_counter()
    done = imports.commit(db, admin, book, today=TODAY)
    commit_s = time.perf_counter() - t0
    base = bare(db, new_database(args.dir / "bare.db"))
    counts = {c.sheet: c.added for c in done.counts}
    print(f"rows added: {counts}")
    print(
        f"visits booked {done.visits_scheduled}, left out (day passed) {done.visits_past_skipped}"
    )
    print(f"read             {read:7.2f} s")
    print(f"dry run          {dry_s:7.2f} s")
    print(f"commit           {commit_s:7.2f} s")
    print(f"dry run + commit {dry_s + commit_s:7.2f} s")
    print(f"bare executemany {base:7.2f} s")
    print(f"ratio commit / bare executemany: {commit_s / base:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
