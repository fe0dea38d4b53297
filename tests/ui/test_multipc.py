"""Three PCs on one PostgreSQL database at once: two processes of their own (the services,
as benchmarks/bench_multipc.py runs them) and this one with a real window, all recording
hand-overs, editing the same person, voiding and reprinting. No receipt number twice, no
gap, no edit lost (each landed, or was refused with the message naming who and when), and
the window's pages hear of the other PCs' writes without a restart."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tracker.config import DatabaseLocation
from tracker.db import Database
from tracker.services import beneficiaries as ben
from tracker.services import grants, office, receipts
from tracker.services.errors import EditConflict
from tracker.ui import worker
from tracker.ui.context import Change, ChangeNotice, UiContext
from tracker.ui.main_window import MainWindow

from ..conftest import PG_URL

ROUNDS = 8
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_multipc.py"


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_multipc", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_multipc"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.postgres
def test_three_pcs_at_once_lose_nothing(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    if not PG_URL:
        pytest.skip("TRACKER_TEST_PG_URL is not set: no PostgreSQL server for this run")
    bench = _bench()
    monkeypatch.setenv("TRACKER_POLL_MS", "250")
    ids = bench.prepare(PG_URL, 3)
    person, grant = ids["person"], ids["grant"]
    db = Database(DatabaseLocation(url=PG_URL))
    actor = office.actor_for(db, ids["users"][2])
    ctx = UiContext(db=db, actor=actor, clock=lambda: bench.TODAY)
    heard: list[ChangeNotice] = []
    ctx.events.changed.connect(heard.append)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    procs = [bench.spawn(PG_URL, u, person, grant, ROUNDS) for u in ids["users"][:2]]
    mine: dict[str, Any] = {"user": actor.username, "handovers": 0, "edits": [],
                            "refused": [], "voids": 0, "reprints": 0, "busy": 0,
                            "seconds": 0.0}  # fmt: skip

    def run(fn: Any, changes: set[Change]) -> Any:
        """One write through the window's worker, as a dialog makes it; waits for it."""
        done: list[Any] = []
        ctx.write(win, fn, changes, on_success=done.append, on_failure=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=60_000)
        return done[0]

    for i in range(ROUNDS):
        seen = ben.get(db, actor, person)  # the form opened before the hand-over
        h = run(lambda: grants.record_handover(db, actor, grants.HandoverInput(
            grant, date(2025, 3, 1), amount=10_000), today=bench.TODAY),
            {Change.HANDOVER})  # fmt: skip
        assert isinstance(h, grants.HandoverView), h
        mine["handovers"] += 1
        notes = f"{actor.username} {i}"
        edited = run(
            lambda: ben.edit(db, actor, person, replace(seen.as_input(), notes=notes)),  # noqa: B023
            {Change.BENEFICIARY},
        )
        if isinstance(edited, EditConflict):
            mine["refused"].append([notes, edited.message("en"), edited.message("vi")])
        else:
            assert isinstance(edited, ben.BeneficiaryView), edited
            mine["edits"].append(notes)
        number = h.receipt_number
        if i % 3 == 1:
            number = run(lambda: receipts.void_receipt(db, actor, h.receipt_number,  # noqa: B023
                                                       "Ghi sai", replace=True),
                         {Change.RECEIPT}).row.number  # fmt: skip
            mine["voids"] += 1
        run(lambda: receipts.record_print(db, actor, number), {Change.RECEIPT})  # noqa: B023
        mine["reprints"] += 1

    results = [bench.collect(p) for p in procs] + [mine]
    # The window heard the other PCs' writes on its own (notices without a result).
    qtbot.waitUntil(
        lambda: any(n.result is None and Change.HANDOVER in n.kinds for n in heard), timeout=5000
    )
    figures = bench.check(PG_URL, person, results)
    print("\nthree PCs at once:", figures)
    worker.wait_for_tasks(10_000)
    win.close()
    db.dispose()

    assert figures["handovers"] == 3 * ROUNDS
    assert figures["duplicate_numbers"] == 0
    assert figures["gaps"] == 0
    assert figures["handovers_without_one_valid_receipt"] == 0
    assert figures["edits_lost"] == 0 and figures["final_is_last_landed"]
    assert figures["edits_landed"] + figures["edits_refused"] == 3 * ROUNDS
    assert figures["refusals_naming_who_and_when"] == figures["edits_refused"]
    assert figures["final_version"] == figures["edits_landed"] + 1
