"""One setting (pyproject's ``qt_log_level_fail``) makes any Qt warning fail the test that
caused it, in every test file, with no marker in the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_qt_warning_fails_a_test_without_any_marker(tmp_path: Path) -> None:
    test_file = tmp_path / "test_inner.py"
    test_file.write_text(
        "from PySide6.QtCore import qWarning\n\n"
        "def test_warns(qtbot):\n"
        "    qWarning('a warning from the window')\n\n"
        "def test_quiet(qtbot):\n"
        "    pass\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            str(test_file),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed, 1 passed" in run.stdout
    assert "a warning from the window" in run.stdout
