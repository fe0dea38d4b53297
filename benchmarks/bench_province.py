"""How the provincial summary's protection grows with the number of offices.

Run: ``.venv/bin/python benchmarks/bench_province.py [--offices 3,10,30] [--seeds 3]``

Builds ``--seeds`` demo offices (different seeds, so their figures differ), takes the
province version of their first quarter's summary, and for each count in ``--offices``
makes that many offices from them (each its own name and code), adds them up as the
province does (``consolidate.merge_summaries``) and times the provincial tables with their
small-cell protection across offices (``province_tables``), beside the same tables without
protection (the limit: building the tables alone). Prints one line per count: seconds
with protection, seconds without, and how many cells were hidden.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 1, 20)


def _summaries(root: Path, seeds: int) -> list:  # type: ignore[type-arg]
    from argon2 import PasswordHasher

    from tracker.config import DatabaseLocation
    from tracker.db import vault
    from tracker.demo import build_demo
    from tracker.services import auth, office, reports

    vault.KDF = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}  # type: ignore[misc]
    office.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    out = []
    for seed in range(1, seeds + 1):
        data = office.OfficeInput(
            name=f"Hội LHPN xã {seed}", receipt_prefix=f"X{seed}", kind="commune",
            province_code="08", unit_code="00769",
        )  # fmt: skip
        ws, _ = auth.create_workspace(DatabaseLocation(path=root / f"o{seed}" / "tracker.db"),
                                      data, "admin", "Quản trị", "bench-pass-2026")  # fmt: skip
        try:
            build_demo(ws, today=TODAY, seed=seed, people=24)
            out.append(reports.period_summary(ws.db, ws.actor, reports.quarter(2025, 1),
                                              audience="province", today=TODAY))  # fmt: skip
        finally:
            ws.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", default="3,10,30")
    parser.add_argument("--seeds", type=int, default=3)
    opts = parser.parse_args()
    counts = [int(c) for c in opts.offices.split(",") if c.strip()]
    from tracker.reports.province_tables import province_tables
    from tracker.reports.summary_tables import SUPPRESSED
    from tracker.services.consolidate import merge_summaries

    with tempfile.TemporaryDirectory(prefix="bench-province-") as tmp:
        os.environ["TRACKER_DATA_DIR"] = str(Path(tmp) / "data")
        base = _summaries(Path(tmp), opts.seeds)
    print(f"{'offices':>8} {'protected s':>12} {'bare s':>8} {'hidden':>7}", flush=True)
    for n in counts:
        offices = [
            replace(
                base[i % len(base)],
                office_name=f"Hội LHPN xã số {i + 1}",
                office_prefix=f"X{i + 1:03d}",
            )
            for i in range(n)
        ]
        total = merge_summaries(offices, name="Hội LHPN tỉnh", prefix="TQ")
        start = time.perf_counter()
        bare = province_tables(total, offices, protected=False)
        bare_s = time.perf_counter() - start
        start = time.perf_counter()
        tables = province_tables(total, offices)
        seconds = time.perf_counter() - start
        hidden = sum(1 for t in tables for row in t.all_rows() for v in row if v == SUPPRESSED)
        assert len(bare) == len(tables)
        print(f"{n:>8} {seconds:>12.1f} {bare_s:>8.2f} {hidden:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
