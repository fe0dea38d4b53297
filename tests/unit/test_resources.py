"""One place finds the app's own files: in a checkout, in a PyInstaller bundle and where a
wheel installed them (``tracker/resources``, package data)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import config

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_the_resources_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    found = config.resources_dir()
    assert found == ROOT / "resources"
    assert (found / "fonts" / "BeVietnamPro-Regular.ttf").is_file()
    assert (found / "templates" / "import_template.xlsx").is_file()


def test_a_bundle_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert config.resources_dir() == tmp_path / "resources"


def test_an_installed_package_uses_its_package_data(tmp_path: Path) -> None:
    """The layout a wheel installs: tracker/config.py beside tracker/resources/."""
    package = tmp_path / "tracker"
    package.mkdir()
    shutil.copy(ROOT / "tracker" / "__init__.py", package)
    shutil.copy(ROOT / "tracker" / "config.py", package)
    (package / "resources" / "fonts").mkdir(parents=True)
    code = "import tracker.config as c; print(c.resources_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONSAFEPATH": ""},
    )
    assert Path(out.stdout.strip()) == package / "resources"
