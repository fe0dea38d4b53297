"""What a killed export leaves on a stick: a folder whose name says it is unfinished (no
hidden dot), removed by the next export once it is sure the folder is ours and no export
is writing it; and every export in the audit trail, even one that never finished."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.db.engine import Database
from tracker.reports import usb
from tracker.services import exports, reports

from .test_export_usb import FILES, MANIFEST, write
from .test_report_summary import TODAY, Generated, generate

KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from tracker.reports import usb
    from tests.unit.test_export_usb import FILES, MANIFEST
    real = os.write
    calls = [0]
    def write(fd, data):
        calls[0] += 1
        if calls[0] == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(fd, data)
    os.write = write
    usb.write_folder(Path(sys.argv[1]), "MV_2025-Q1_donor", FILES, MANIFEST)
    """
)


def killed_export(parent: Path, at_write: int = 3) -> Path:
    """Run an export in another process and kill it (SIGKILL) in the middle of writing."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(parent), str(at_write)],
        capture_output=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    left = list(parent.iterdir())
    assert len(left) == 1, left
    return left[0]


def test_a_killed_export_leaves_a_visible_named_folder_the_next_export_removes(
    tmp_path: Path,
) -> None:
    left = killed_export(tmp_path)
    assert not left.name.startswith(".")  # a leading dot hides nothing on Windows
    assert left.name.startswith("Grant Tracker - dang ghi (chua xong) - MV_2025-Q1_donor")
    assert (left / usb.PARTIAL_MARKER).is_file()
    assert not (tmp_path / "MV_2025-Q1_donor").exists()
    folder, _files = write(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [folder.name] == ["MV_2025-Q1_donor"]
    assert not (folder / usb.PARTIAL_MARKER).exists()


def test_leftovers_of_earlier_versions_are_removed_when_they_hold_only_export_files(
    tmp_path: Path,
) -> None:
    old = tmp_path / ".MV_2025-Q1_donor.partial-0a1b2c3d"
    (old / "csv").mkdir(parents=True)
    (old / "MV_2025-Q1_donor.pdf").write_bytes(b"%PDF")
    (old / "csv" / "01.csv").write_bytes(b"a;b")
    foreign = tmp_path / ".MV_2025-Q2_donor.partial-00ff00ff"
    foreign.mkdir()
    (foreign / "letter.docx").write_bytes(b"someone's own file")
    assert usb.remove_leftovers(tmp_path) == [old.name]
    assert not old.exists() and (foreign / "letter.docx").exists()


def test_what_is_not_provably_ours_is_never_removed(tmp_path: Path) -> None:
    lookalike = tmp_path / f"{usb.PARTIAL_PREFIX}MV_2025-Q1_donor - 0a1b2c3d"
    lookalike.mkdir()
    (lookalike / "notes.txt").write_text("no marker")
    wrong_token = tmp_path / f"{usb.PARTIAL_PREFIX}MV_2025-Q1_donor - 11111111"
    wrong_token.mkdir()
    (wrong_token / usb.PARTIAL_MARKER).write_text(
        json.dumps({"format": usb.PARTIAL_FORMAT, "token": "22222222"})
    )
    mine = tmp_path / "Ảnh của tôi"
    mine.mkdir()
    assert usb.remove_leftovers(tmp_path) == []
    assert lookalike.exists() and wrong_token.exists() and mine.exists()


def test_an_export_still_being_written_is_not_removed(tmp_path: Path) -> None:
    """Two exports to one stick at once: the second does not remove the first's folder."""
    seen: list[list[str]] = []

    def progress(done: int, total: int, _what: str) -> None:
        if done == 2 and not seen:
            # The first export is half-way: a second one starts on the same stick.
            seen.append(usb.remove_leftovers(tmp_path))

    folder, files = usb.write_folder(tmp_path, "MV_2025-Q1_donor", FILES, MANIFEST,
                                     progress=progress)  # fmt: skip
    assert seen == [[]]
    assert folder.is_dir() and len(files) == len(FILES)


# --- the export service ------------------------------------------------------------------


@pytest.fixture
def data(sqlite_db: Database) -> Generated:
    return generate(sqlite_db)


def export_events(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT action, after FROM audit_event WHERE entity = 'report'"
                " AND action LIKE 'export%' ORDER BY id"
            )
        ).all()
    return [(a, json.loads(b) if isinstance(b, str) else b) for a, b in rows]


def test_an_export_killed_while_writing_is_in_the_audit_trail_and_cleaned_next_time(
    data: Generated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "usb"
    target.mkdir()
    period = reports.whole_year(2025)
    admin = data.actors["admin"]
    real = usb._write_file

    def killed(path: Path, body: bytes) -> None:
        real(path, body)
        raise SystemExit(-9)  # the program stops here, as under a kill

    monkeypatch.setattr(usb, "_write_file", killed)
    with pytest.raises(SystemExit):
        exports.export_summary(data.db, admin, period, target, audience="donor", today=TODAY)
    monkeypatch.undo()
    events = export_events(data.db)
    assert [a for a, _ in events] == ["export_started", "export_failed"]
    assert events[0][1]["folder"] == "MV_2025_donor"
    # A real kill leaves its folder behind; the next export removes it and says so.
    left = killed_export(target)
    result = exports.export_summary(data.db, admin, period, target, audience="donor", today=TODAY)
    assert [p.name for p in target.iterdir()] == [result.folder.name]
    events = export_events(data.db)
    assert [a for a, _ in events] == ["export_started", "export_failed", "export_started", "export"]
    assert events[-2][1]["leftovers_removed"] == [left.name]
    assert events[-1][1]["folder"] == result.folder.name


def test_nothing_of_an_export_reaches_the_stick_before_its_audit_event(
    data: Generated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "usb"
    target.mkdir()
    logged_first: list[bool] = []
    real = usb._write_file

    def check(path: Path, body: bytes) -> None:
        logged_first.append(bool(export_events(data.db)))
        real(path, body)

    monkeypatch.setattr(usb, "_write_file", check)
    exports.export_summary(
        data.db, data.actors["viewer"], reports.whole_year(2025), target, today=TODAY
    )
    assert logged_first and all(logged_first)
    assert [a for a, _ in export_events(data.db)] == ["export_started", "export"]


def test_the_temporary_folder_is_never_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names: list[str] = []
    real = os.mkdir

    def mkdir(path: os.PathLike[str] | str, *args: object, **kw: object) -> None:
        names.append(Path(path).name)
        real(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "mkdir", mkdir)
    write(tmp_path)
    assert names and not any(n.startswith(".") for n in names)
