"""Power cuts: a process killed with SIGKILL in the middle of recording hand-overs, 50 times.
Every hand-over it reported as committed must be there, and the file must stay whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.config import DatabaseLocation
from tracker.db.models import Disbursement, Receipt
from tracker.services import auth, beneficiaries, grants, office, projects

PW = "crash-pass-2025"
WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 50


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_recording_handovers_loses_nothing_committed(tmp_path: Path) -> None:
    loc = DatabaseLocation(path=tmp_path / "crash.db")
    ws, _ = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN", receipt_prefix="MV"), "lan", "Lan", PW
    )
    b = beneficiaries.register(
        ws.db,
        ws.actor,
        beneficiaries.BeneficiaryInput(
            full_name="Vàng Thị Dợ", sex="F", category="victim", ethnicity_code="08",
            birth_year=1999,
        ),
        today=date(2025, 6, 15),
    )  # fmt: skip
    p = projects.create_project(
        ws.db,
        ws.actor,
        projects.ProjectInput("P1", "Dự án", "Nhà tài trợ", date(2025, 1, 1), date(2027, 1, 1),
                              900_000_000_000),
    )  # fmt: skip
    g = grants.plan_grant(
        ws.db,
        ws.actor,
        grants.GrantInput(
            b.id, p.id, "monthly_allowance", date(2025, 1, 1),
            (grants.TrancheInput("Trợ cấp", amount=9_000_000_000),),
        ),
        today=date(2025, 6, 15),
    )  # fmt: skip
    ws.close()

    rng = random.Random(7)
    committed: set[int] = set()
    numbers: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for _round in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(loc.path), "lan", PW, str(g.id)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.strip() == "ready", proc.stderr.read() if proc.stderr else ""
        for _ in range(rng.randint(0, 12)):
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else "writer stopped"
            did, number = line.split()
            committed.add(int(did))
            numbers.add(number)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()

    assert len(committed) > ROUNDS  # the writer really was writing when it was killed
    ws = auth.sign_in(loc, "lan", PW)
    try:
        assert auth.quick_check(ws.db) is None
        with ws.db.read() as s:
            ids = set(s.execute(select(Disbursement.id)).scalars())
            receipts = [(r.number, r.seq) for r in s.execute(select(Receipt.number, Receipt.seq))]
            count = s.execute(select(func.count()).select_from(Disbursement)).scalar_one()
        assert committed <= ids, f"lost {sorted(committed - ids)[:5]}"
        assert numbers <= {n for n, _ in receipts}
        # Every hand-over has exactly one receipt and the numbers run without a gap.
        assert len(receipts) == count
        assert sorted(seq for _, seq in receipts) == list(range(1, count + 1))
    finally:
        ws.close()
