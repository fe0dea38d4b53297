"""Two staff recording hand-overs at the same moment on one database: every receipt number
unique, the sequence without a gap."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.db import Database
from tracker.db.models import Disbursement, Receipt
from tracker.services import beneficiaries, grants, projects

from ..conftest import setup_office

WRITER = Path(__file__).with_name("concurrent_writer.py")
PER_PROCESS = 500


def _grant(db: Database) -> int:
    actors = setup_office(db)
    admin = actors["admin"]
    b = beneficiaries.register(
        db,
        admin,
        beneficiaries.BeneficiaryInput(
            full_name="Sùng Thị Mai", sex="F", category="victim", ethnicity_code="08",
            birth_year=1998,
        ),
        today=date(2025, 6, 15),
    )  # fmt: skip
    p = projects.create_project(
        db,
        admin,
        projects.ProjectInput("P1", "Dự án", "Nhà tài trợ", date(2025, 1, 1), date(2027, 1, 1),
                              900_000_000_000),
    )  # fmt: skip
    g = grants.plan_grant(
        db,
        admin,
        grants.GrantInput(
            b.id, p.id, "monthly_allowance", date(2025, 1, 1),
            (grants.TrancheInput("Trợ cấp", amount=9_000_000_000),),
        ),
        today=date(2025, 6, 15),
    )  # fmt: skip
    return g.id


def test_two_processes_500_handovers_each(db: Database) -> None:
    grant_id = _grant(db)
    where = (
        ["--path", str(db.location.path)]
        if db.location.path is not None
        else ["--url", str(db.location.url)]
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), *where, str(grant_id), str(PER_PROCESS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _out, err = p.communicate(timeout=900)
        assert p.returncode == 0, err
    with db.read() as s:
        handovers = s.execute(select(Disbursement.id)).scalars().all()
        rows = s.execute(select(Receipt.number, Receipt.seq, Receipt.year)).all()
    assert len(handovers) == 2 * PER_PROCESS
    numbers = [n for n, _, _ in rows]
    assert len(numbers) == len(set(numbers)) == 2 * PER_PROCESS
    assert sorted(seq for _, seq, _ in rows) == list(range(1, 2 * PER_PROCESS + 1))
    assert {y for _, _, y in rows} == {2025}
    assert all(n == f"MV-2025-{seq:05d}" for n, seq, _ in rows)


@pytest.mark.parametrize("amount", [0, -5, 10_000_000_001, 1_000_000_000_000])
def test_refused_handover_consumes_no_number(db: Database, amount: int) -> None:
    grant_id = _grant(db)
    from tracker.services import office
    from tracker.services.errors import ValidationError

    mai = office.actor_for(db, "mai")
    with pytest.raises(ValidationError):
        grants.record_handover(
            db, mai, grants.HandoverInput(grant_id, date(2025, 6, 1), amount=amount),
            today=date(2025, 6, 15),
        )  # fmt: skip
    ok = grants.record_handover(
        db, mai, grants.HandoverInput(grant_id, date(2025, 6, 1), amount=500_000),
        today=date(2025, 6, 15),
    )  # fmt: skip
    assert ok.receipt_number == "MV-2025-00001"
