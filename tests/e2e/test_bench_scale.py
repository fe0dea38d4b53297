"""The scale benchmark at 1,000 people: it builds its encrypted database, times each
figure beside its limit, and every ratio stays under its goal at that size (a limit under
the benchmark's floor counts as the floor). The cold starts are left to the hand run.

The machine may be busy with other work: a figure over its goal is timed again (up to
three runs, the database built once) and passes when one run is under it. A real loss
(a scan where an index should be, work done twice) is over the goal in every run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 3


def run_benchmark(tmp_path: Path, run: int) -> tuple[dict[str, float], str]:
    out = tmp_path / f"figures-{run}.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable, str(ROOT / "benchmarks" / "bench_scale.py"),
            "--people", "1000", "--rounds", "7", "--no-cold",
            "--cache", str(tmp_path / "cache"), "--json", str(out),
        ],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return {f["name"]: f["ratio"] for f in json.loads(out.read_text())}, done.stdout


@pytest.mark.slow
def test_each_figure_stays_under_its_goal_at_1000_people(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_scale import GOALS
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    best: dict[str, float] = {}
    printed = ""
    for run in range(RUNS):
        ratios, printed = run_benchmark(tmp_path, run)
        assert set(ratios) == {name for name in GOALS if not name.startswith("cold")}
        for name, ratio in ratios.items():
            best[name] = min(ratio, best.get(name, ratio))
        over = {name: round(r, 2) for name, r in best.items() if r > GOALS[name][0]}
        if not over:
            break
    assert over == {}, printed
