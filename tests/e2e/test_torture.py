"""The torture run (benchmarks/torture.py) with small counts: every attack, on a real
encrypted file; the test fails when anything is lost, a traceback escapes or an attack
that was closed works again. The full counts are run by hand (README, Development)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = ["--kills", "4", "--writers", "2", "--handovers", "4", "--corruptions", "10",
         "--exports", "3", "--fuzz", "200", "--big-rows", "3000", "--cap", "1000",
         "--hostile", "60"]  # fmt: skip
ATTACKS = ["kill-handover", "kill-import", "kill-backup", "kill-export", "writers", "corrupt",
           "export-fault", "fuzz", "holes", "hostile-bundle", "hostile-scan"]  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and POSIX file locks")
def test_the_torture_run_loses_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    env.pop("TRACKER_TEST_PG_URL", None)  # the PostgreSQL writers run in the full run only
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "torture.py"), *SMALL],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    out = done.stdout
    lines = {m.group(1): m for m in re.finditer(
        r"^(\S+)\s+tries\s+(\d+)\s+failures\s+(\d+)\s+lost\s+(\d+)", out, re.M)}  # fmt: skip
    assert sorted(lines) == sorted(ATTACKS), out + done.stderr
    for name, m in lines.items():
        assert int(m.group(2)) > 0, f"{name} tried nothing"
        assert (int(m.group(3)), int(m.group(4))) == (0, 0), out
    assert done.returncode == 0 and "OK: nothing lost" in out, out + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
