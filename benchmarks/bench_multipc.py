"""Several PCs on one PostgreSQL database at once: processes that each record hand-overs,
edit the same person, void and replace receipts and reprint them, all at the same time;
then the checks: no receipt number twice, no gap in any year's numbers, no edit lost (every
edit either landed, and is in the audit trail with its values, or was refused with the
conflict message naming who and when).

Run: ``.venv/bin/python benchmarks/bench_multipc.py --url postgresql+psycopg://... \
[--processes 3] [--rounds 40]`` (the database named by the URL is emptied first).
Prints the figures; the same functions run with small counts in
tests/e2e/test_multipc.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import create_engine, select, text

from tracker.config import DatabaseLocation
from tracker.db import Database, upgrade
from tracker.db.models import AuditEvent, Disbursement, Receipt
from tracker.services import beneficiaries as ben
from tracker.services import grants, office, projects, receipts
from tracker.services.context import SYSTEM
from tracker.services.errors import DatabaseBusy, EditConflict

TODAY = date(2025, 6, 15)
PCS = ("pc_lan", "pc_hoa", "pc_mai", "pc_tuan", "pc_dung", "pc_van", "pc_ha", "pc_binh")


def prepare(url: str, processes: int) -> dict[str, Any]:
    """An empty schema, an office with one administrator per PC, one person and one cash
    grant large enough for every hand-over."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    db = Database(DatabaseLocation(url=url))
    try:
        upgrade(db)
        office.save_office(db, SYSTEM, office.OfficeInput(
            name="Hội LHPN tỉnh Tuyên Quang", receipt_prefix="TQ", kind="province",
            province_code="08"))  # fmt: skip
        users = list(PCS[:processes])
        for name in users:
            office.create_user(db, SYSTEM, name, f"Cán bộ {name[3:].title()}", "admin")
        admin = office.actor_for(db, users[0])
        person = ben.register(db, admin, ben.BeneficiaryInput(
            full_name="Vàng Thị Mỷ", sex="F", category="victim", ethnicity_code="08",
            birth_year=1995), today=TODAY)  # fmt: skip
        project = projects.create_project(db, admin, projects.ProjectInput(
            "TQ-01", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31),
            900_000_000_000))  # fmt: skip
        grant = grants.plan_grant(db, admin, grants.GrantInput(
            person.id, project.id, "initial_hardship", date(2025, 1, 1),
            (grants.TrancheInput("Tiền", amount=9_000_000_000),)), today=TODAY)  # fmt: skip
        return {"users": users, "person": person.id, "grant": grant.id}
    finally:
        db.dispose()


def worker(url: str, user: str, person_id: int, grant_id: int, rounds: int) -> dict[str, Any]:
    """One PC's work: each round a hand-over, an edit of the shared person from the version
    just read, every third round a void with its replacement, and a reprint."""
    db = Database(DatabaseLocation(url=url))
    actor = office.actor_for(db, user)
    out: dict[str, Any] = {"user": user, "handovers": 0, "edits": [], "refused": [],
                           "voids": 0, "reprints": 0, "busy": 0, "seconds": 0.0}  # fmt: skip
    started = time.perf_counter()
    try:
        for i in range(rounds):
            try:
                # The person as the form opened it, saved after the hand-over: the other
                # PCs' saves in between make some of these edits conflict.
                seen = ben.get(db, actor, person_id)
                h = grants.record_handover(
                    db, actor, grants.HandoverInput(grant_id, date(2025, 3, 1), amount=10_000),
                    today=TODAY)  # fmt: skip
                out["handovers"] += 1
                number = h.receipt_number
                notes = f"{user} {i}"
                try:
                    ben.edit(db, actor, person_id, replace(seen.as_input(), notes=notes),
                             today=TODAY)  # fmt: skip
                    out["edits"].append(notes)
                except EditConflict as exc:
                    out["refused"].append([notes, exc.message("en"), exc.message("vi")])
                if number and i % 3 == 2:
                    new = receipts.void_receipt(db, actor, number, "Ghi sai", replace=True)
                    out["voids"] += 1
                    number = new.row.number
                if number:
                    receipts.record_print(db, actor, number)
                    receipts.record_print(db, actor, number)
                    out["reprints"] += 1
            except DatabaseBusy:
                out["busy"] += 1
    finally:
        out["seconds"] = time.perf_counter() - started
        db.dispose()
    return out


def spawn(url: str, user: str, person_id: int, grant_id: int, rounds: int) -> subprocess.Popen[str]:
    """A worker in a process of its own (a PC of its own, as far as the server can tell)."""
    cmd = [sys.executable, __file__, "--url", url, "--worker", user, "--person",
           str(person_id), "--grant", str(grant_id), "--rounds", str(rounds)]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=dict(os.environ))


def collect(proc: subprocess.Popen[str], timeout: float = 300) -> dict[str, Any]:
    out, _ = proc.communicate(timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"a worker failed ({proc.returncode}): {out[-2000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def check(url: str, person_id: int, results: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures: duplicate receipt numbers, gaps in the numbering, hand-overs without
    exactly one valid receipt, and edits lost (landed by a worker's count but not in the
    trail, or in the trail without a worker having been told it landed)."""
    db = Database(DatabaseLocation(url=url))
    try:
        with db.read() as s:
            rows = s.execute(select(Receipt.number, Receipt.year, Receipt.seq)).all()
            numbers = [r[0] for r in rows]
            duplicates = len(numbers) - len(set(numbers))
            gaps = 0
            for year in {r[1] for r in rows}:
                seqs = sorted(r[2] for r in rows if r[1] == year)
                gaps += seqs[-1] - len(set(seqs))
            valid = dict(
                s.execute(
                    select(Receipt.disbursement_id, text("count(*)"))
                    .where(Receipt.voided_at.is_(None))
                    .group_by(Receipt.disbursement_id)
                ).all()
            )
            handovers = s.execute(select(Disbursement.id)).scalars().all()
            without_one = sum(1 for d in handovers if valid.get(d) != 1)
            trail = [
                (ev.after or {}).get("notes")
                for ev in s.execute(
                    select(AuditEvent).where(AuditEvent.entity == "beneficiary",
                                             AuditEvent.action == "update",
                                             AuditEvent.entity_id == person_id)
                    .order_by(AuditEvent.id)
                ).scalars()
            ]  # fmt: skip
            final = ben.get(db, SYSTEM, person_id)
    finally:
        db.dispose()
    landed = [n for r in results for n in r["edits"]]
    refused = [m for r in results for m in r["refused"]]
    named = sum(1 for _n, en, vi in refused if " changed the file of " in en and " lúc " in vi)
    lost = len(set(landed) ^ set(trail)) + (len(trail) - len(set(trail)))
    return {
        "processes": len(results),
        "handovers": len(handovers),
        "receipts": len(numbers),
        "voids": sum(r["voids"] for r in results),
        "reprints": sum(r["reprints"] for r in results),
        "duplicate_numbers": duplicates,
        "gaps": gaps,
        "handovers_without_one_valid_receipt": without_one,
        "edits_landed": len(landed),
        "edits_refused": len(refused),
        "refusals_naming_who_and_when": named,
        "edits_lost": lost,
        "final_is_last_landed": bool(trail) and final.notes == trail[-1],
        "final_version": final.version,
        "busy": sum(r["busy"] for r in results),
        "seconds_longest_worker": round(max(r["seconds"] for r in results), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("TRACKER_TEST_PG_URL"), required=False)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--person", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--grant", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("--url (or TRACKER_TEST_PG_URL) names the PostgreSQL database to use")
    if args.worker:
        print(json.dumps(worker(args.url, args.worker, args.person, args.grant, args.rounds)))
        return 0
    ids = prepare(args.url, args.processes)
    started = time.perf_counter()
    procs = [spawn(args.url, u, ids["person"], ids["grant"], args.rounds) for u in ids["users"]]
    results = [collect(p) for p in procs]
    figures = check(args.url, ids["person"], results)
    figures["seconds_wall"] = round(time.perf_counter() - started, 2)
    for key, value in figures.items():
        print(f"{key:40} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
