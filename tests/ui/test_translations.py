"""Every string of the window has a Vietnamese translation (the same check as
``scripts/build_translations.py``), and the compiled catalogue is used by the widgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_a_vietnamese_translation() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_the_check_catches_an_untranslated_string(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_translations as bt
    finally:
        sys.path.pop(0)
    ts = tmp_path / "t_vi.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context><name>Page</name>
<message><source>Saved {code}.</source><translation>Đã lưu {code}.</translation></message>
<message><source>New string</source><translation type="unfinished"></translation></message>
<message><source>Left {left}</source><translation>Còn lại</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    problems = bt.check_ts(ts, require_all=True)
    assert [p.source for p in problems] == ["New string", "Left {left}"]
