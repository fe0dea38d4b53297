"""The scale benchmark at 1,000 people: it builds its encrypted database, times each
figure beside its limit, and every ratio stays under its goal at that size (a limit under
the benchmark's floor counts as the floor). The cold starts are left to the hand run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_each_figure_stays_under_its_goal_at_1000_people(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable, str(ROOT / "benchmarks" / "bench_scale.py"),
            "--people", "1000", "--rounds", "9", "--no-cold",
            "--cache", str(tmp_path / "cache"), "--json", str(out),
        ],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    figures = {f["name"]: f for f in json.loads(out.read_text())}
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_scale import GOALS
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert set(figures) == {name for name in GOALS if not name.startswith("cold")}
    over = {
        name: round(f["ratio"], 2) for name, f in figures.items() if f["ratio"] > GOALS[name][0]
    }
    assert over == {}, done.stdout
