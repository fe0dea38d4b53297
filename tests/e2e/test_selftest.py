"""``python -m tracker --self-test``, as the build scripts run it on the bundle."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

#: Checks that must pass in every build.
REQUIRED = (
    "resources",
    "qt",
    "translations",
    "database",
    "hand-over",
    "receipt pdf",
    "pdf rendering",
    "main window",
    "backup",
    "audit trail",
)
#: Checks of features that a build may not have yet: OK, or skipped as not available.
OPTIONAL = ("hand-over note pdf", "summary")


def self_test(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_SELFTEST", "QT_QPA"))
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--self-test", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=cwd,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def test_self_test_passes_with_one_ok_line_per_check(tmp_path: Path) -> None:
    done = self_test(tmp_path, "--keep")
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "Traceback" not in out + done.stderr
    lines = out.splitlines()
    assert lines[0].startswith("Grant Tracker ") and "self-test (source " in lines[0]
    for name in REQUIRED:
        ok = re.compile(rf"OK   {re.escape(name)} \(.+\) \[\d+\.\d s\]$")
        assert any(ok.match(ln) for ln in lines), (name, out)
    for name in OPTIONAL:
        assert any(
            ln.startswith(f"OK   {name} (") or ln.startswith(f"SKIP {name}: not available")
            for ln in lines
        ), (name, out)
    assert not [ln for ln in lines if ln.startswith("FAIL")]
    assert re.search(r"^self-test passed: \d+ OK, \d skipped, [\d.]+ s$", out, re.M)
    # The receipt's number is read back from the PDF; Qt ran offscreen.
    assert re.search(r"^OK   receipt pdf \(.*ST-\d{4}-\d+ and .* found via ", out, re.M)
    assert re.search(r"^OK   qt \(.*offscreen", out, re.M)
    # --keep leaves the files to look at, and nothing of the user's was used.
    kept = Path(re.search(r"^files kept in (.+)$", out, re.M).group(1))  # type: ignore[union-attr]
    try:
        assert list((kept / "out").glob("receipt-ST-*.pdf"))
        assert (kept / "data" / "selftest.db").exists()
    finally:
        import shutil

        shutil.rmtree(kept, ignore_errors=True)


def test_a_broken_installation_fails_and_says_what(tmp_path: Path) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    done = self_test(tmp_path, TRACKER_FONTS_DIR=str(empty))
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    fails = [ln for ln in lines if ln.startswith("FAIL")]
    assert any(ln.startswith("FAIL resources: ") and "BeVietnamPro" in ln for ln in fails), lines
    assert any(ln.startswith("FAIL receipt pdf: ") for ln in fails), lines
    assert any(ln.startswith("SKIP pdf rendering: needs receipt pdf") for ln in lines), lines
    # The checks that do not need the font still ran and passed.
    assert any(ln.startswith("OK   database (") for ln in lines), lines
    assert lines[-1].startswith("self-test FAILED: resources, receipt pdf")
