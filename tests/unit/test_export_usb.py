"""Writing an export folder to a stick that is full, read-only or pulled out mid-write:
never a folder under the final name, never a temporary folder left, and a clear error in
both languages. Listing removable drives from /proc/mounts and sysfs."""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tracker.db.engine import Database
from tracker.reports import usb
from tracker.reports.usb import WriteFailed
from tracker.services import exports, reports
from tracker.services.exports import ExportError

from ..conftest import setup_office

FILES = [
    ("report.pdf", b"%PDF-1.4 " + b"x" * 5000),
    ("report.xlsx", b"PK" + b"y" * 3000),
    ("csv/01_people_sex.csv", "\ufeffGiới tính,Mới\r\n".encode()),
    ("csv/02_people_age.csv", "\ufeffNhóm tuổi,Mới\r\n".encode()),
]
MANIFEST = {"office": {"name": "Hội LHPN xã Mèo Vạc", "prefix": "MV"}, "period": "2025-Q1"}


def write(parent: Path, **kw: Any) -> tuple[Path, list[usb.WrittenFile]]:
    return usb.write_folder(parent, "MV_2025-Q1_donor", FILES, MANIFEST, **kw)


def nothing_left(parent: Path) -> None:
    assert not (parent / "MV_2025-Q1_donor").exists()
    assert list(parent.iterdir()) == [], [p.name for p in parent.iterdir()]


def test_a_good_write_is_complete_and_checked(tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    folder, checked = write(tmp_path, progress=lambda d, t, w: steps.append((d, t, w)))
    assert folder == tmp_path / "MV_2025-Q1_donor"
    assert [p.name for p in tmp_path.iterdir()] == ["MV_2025-Q1_donor"]
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["office"]["name"] == "Hội LHPN xã Mèo Vạc"
    assert [f["path"] for f in manifest["files"]] == [name for name, _ in FILES]
    assert [c.path for c in checked] == [name for name, _ in FILES]
    for (name, data), entry in zip(FILES, manifest["files"], strict=True):
        assert (folder / name).read_bytes() == data
        assert entry["size"] == len(data)
    assert steps[-1][0] == steps[-1][1]
    with pytest.raises(WriteFailed):
        write(tmp_path)  # never over an existing folder


def _failing(
    monkeypatch: pytest.MonkeyPatch, name: str, err: int, after: int = 0
) -> Callable[..., Any]:
    """``os.<name>`` fails with ``err`` after ``after`` calls. ``open`` fails only when
    opening to write (as on a read-only or write-protected stick: reading still works);
    calls on paths outside the test's folder (temporary files) are left alone."""
    real = getattr(os, name)
    calls = {"n": 0}
    base = os.environ["TRACKER_DATA_DIR"].rsplit("/", 1)[0]

    def fake(*args: Any, **kwargs: Any) -> Any:
        if name in ("open", "mkdir", "rename") and not str(args[0]).startswith(base):
            return real(*args, **kwargs)
        if name == "open" and not (args[1] if len(args) > 1 else 0) & (os.O_WRONLY | os.O_CREAT):
            return real(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)
    return fake


@pytest.mark.parametrize("after", [0, 1, 3, 4])
def test_full_disk_while_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    _failing(monkeypatch, "write", errno.ENOSPC, after)
    with pytest.raises(WriteFailed) as info:
        write(tmp_path)
    assert info.value.reason == usb.FULL
    monkeypatch.undo()
    nothing_left(tmp_path)


def test_full_disk_found_at_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing(monkeypatch, "fsync", errno.ENOSPC, after=2)
    with pytest.raises(WriteFailed) as info:
        write(tmp_path)
    assert info.value.reason == usb.FULL
    monkeypatch.undo()
    nothing_left(tmp_path)


@pytest.mark.parametrize(
    ("name", "err"),
    [("mkdir", errno.EROFS), ("mkdir", errno.EACCES), ("open", errno.EROFS), ("open", errno.EACCES),
     ("rename", errno.EPERM)],
)  # fmt: skip
def test_read_only_stick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, err: int
) -> None:
    # Tests run as root, who may write anywhere: the refusal is simulated.
    _failing(monkeypatch, name, err, after=0)
    with pytest.raises(WriteFailed) as info:
        write(tmp_path)
    assert info.value.reason == usb.READ_ONLY
    monkeypatch.undo()
    nothing_left(tmp_path)


@pytest.mark.parametrize("at_call", [1, 2, 4])
def test_stick_pulled_out_mid_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at_call: int
) -> None:
    """The folder disappears while the files are written (the stick is pulled out)."""
    real = os.write
    calls = {"n": 0}

    def pulled(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == at_call:
            for partial in tmp_path.glob(usb.PARTIAL_PREFIX + "MV_2025-Q1_donor - *"):
                shutil.rmtree(partial)
        return real(fd, data)

    monkeypatch.setattr(os, "write", pulled)
    with pytest.raises(WriteFailed) as info:
        write(tmp_path)
    assert info.value.reason == usb.GONE
    monkeypatch.undo()
    nothing_left(tmp_path)


def test_input_output_error_on_a_failing_stick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing(monkeypatch, "fsync", errno.EIO, after=1)
    with pytest.raises(WriteFailed) as info:
        write(tmp_path)
    assert info.value.reason == usb.GONE
    monkeypatch.undo()
    nothing_left(tmp_path)


def test_damaged_on_reading_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What is read back differs from what was written: the final folder is removed."""
    monkeypatch.setattr(usb, "_sha256_of", lambda path: "0" * 64)
    with pytest.raises(WriteFailed) as info:
        write(tmp_path)
    assert info.value.reason == usb.DAMAGED
    assert info.value.detail == "report.pdf"
    nothing_left(tmp_path)


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    calls = {"n": 0}

    def stop() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(WriteFailed) as info:
        write(tmp_path, should_stop=stop)
    assert info.value.reason == usb.CANCELLED
    nothing_left(tmp_path)


def test_bad_relative_names_are_refused(tmp_path: Path) -> None:
    for bad in ("../escape.txt", "/abs.txt", "manifest.json"):
        with pytest.raises(WriteFailed):
            usb.write_folder(tmp_path, "X", [(bad, b"1")], {})
        nothing_left(tmp_path)


def test_verify_folder_finds_a_changed_file(tmp_path: Path) -> None:
    folder, _ = write(tmp_path)
    assert len(usb.verify_folder(folder)) == len(FILES)
    (folder / "csv" / "01_people_sex.csv").write_bytes(b"changed")
    with pytest.raises(WriteFailed) as info:
        usb.verify_folder(folder)
    assert info.value.detail == "csv/01_people_sex.csv"


def test_fat32_safe_names(tmp_path: Path) -> None:
    assert usb.safe_name("MV") == "MV"
    assert usb.safe_name("Mèo Vạc: Quý I/2025?") == "meo-vac-quy-i-2025"
    assert usb.safe_name('a<b>c"d|e*f') == "a-b-c-d-e-f"
    assert usb.safe_name("   ") == "export"
    assert len(usb.safe_name("x" * 300)) == 64
    (tmp_path / "A").mkdir()
    (tmp_path / "A_2").mkdir()
    assert usb.free_name(tmp_path, "A") == "A_3"
    assert usb.free_name(tmp_path, "B") == "B"
    period = reports.date_range(reports.quarter(2025, 1).start, reports.quarter(2025, 2).end)
    assert exports.folder_name("MV", period, "donor") == "MV_20250101-20250630_donor"


# --- through the service: the user's message ---------------------------------------------


@pytest.fixture
def office_db(sqlite_db: Database) -> tuple[Database, Any]:
    return sqlite_db, setup_office(sqlite_db)


@pytest.mark.parametrize(
    ("name", "err", "key", "vi", "en"),
    [
        ("write", errno.ENOSPC, "export_disk_full", "Ổ đĩa đã đầy", "The drive is full"),
        ("mkdir", errno.EROFS, "export_read_only", "Không được phép ghi", "cannot be written"),
        ("open", errno.EACCES, "export_read_only", "Không được phép ghi", "cannot be written"),
        ("fsync", errno.EIO, "export_target_gone", "đã bị rút ra", "was removed while"),
        ("rename", errno.ENOENT, "export_target_gone", "đã bị rút ra", "was removed while"),
        ("write", errno.EMFILE, "export_failed", "Không ghi được báo cáo", "could not be written"),
    ],
)  # fmt: skip
def test_export_errors_are_clear_in_both_languages(
    office_db: tuple[Database, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    err: int,
    key: str,
    vi: str,
    en: str,
) -> None:
    db, actors = office_db
    target = tmp_path / "usb"
    target.mkdir()
    _failing(monkeypatch, name, err, after=0)
    with pytest.raises(ExportError) as info:
        exports.export_summary(db, actors["viewer"], reports.quarter(2025, 1), target)
    monkeypatch.undo()
    assert info.value.key == key
    assert vi in info.value.message("vi") and en in info.value.message("en")
    assert "Traceback" not in info.value.message("vi")
    assert list(target.iterdir()) == []
    with db.engine.connect() as conn:
        from sqlalchemy import text

        n = conn.execute(text("SELECT COUNT(*) FROM audit_event WHERE action = 'export'"))
        assert n.scalar_one() == 0, "a failed export is not logged as done"


def test_export_cancel_through_the_service(office_db: tuple[Database, Any], tmp_path: Path) -> None:
    db, actors = office_db
    target = tmp_path / "usb"
    target.mkdir()
    seen: list[str] = []

    def stop() -> bool:
        return "write" in seen

    with pytest.raises(ExportError) as info:
        exports.export_summary(
            db, actors["viewer"], reports.quarter(2025, 1), target,
            progress=lambda _p, what: seen.append(what), should_stop=stop,
        )  # fmt: skip
    assert info.value.key == "export_cancelled"
    assert list(target.iterdir()) == []


# --- listing removable drives ------------------------------------------------------------


def _fake_sys(root: Path, mounts: Path) -> None:
    """sdb (USB stick, removable=0 but on a USB bus), mmcblk0 (SD card, removable=1),
    nvme0n1 (the internal disk)."""
    devices = root / "devices"
    disks = {
        "sdb": devices / "pci0000:00" / "0000:00:14.0" / "usb2" / "2-1" / "2-1:1.0" / "host6"
        / "target6:0:0" / "6:0:0:0" / "block" / "sdb",
        "mmcblk0": devices / "platform" / "mmc0" / "mmc0:0001" / "block" / "mmcblk0",
        "nvme0n1": devices / "pci0000:00" / "0000:00:1d.0" / "nvme" / "nvme0" / "nvme0n1",
    }  # fmt: skip
    removable = {"sdb": "0", "mmcblk0": "1", "nvme0n1": "0"}
    parts = {"sdb": "sdb1", "mmcblk0": "mmcblk0p1", "nvme0n1": "nvme0n1p2"}
    (root / "block").mkdir(parents=True)
    (root / "class" / "block").mkdir(parents=True)
    for name, path in disks.items():
        path.mkdir(parents=True)
        (path / "removable").write_text(removable[name] + "\n")
        device_target = path.parent.parent if name == "sdb" else path.parent
        (path / "device").symlink_to(device_target)
        part = path / parts[name]
        part.mkdir()
        (part / "partition").write_text("1\n")
        (root / "block" / name).symlink_to(path)
        (root / "class" / "block" / name).symlink_to(path)
        (root / "class" / "block" / parts[name]).symlink_to(part)
    stick = mounts.parent / "media" / "lan" / "KINGSTON 16"
    card = mounts.parent / "media" / "lan" / "SDCARD"
    home = mounts.parent / "home"
    for p in (stick, card, home):
        p.mkdir(parents=True, exist_ok=True)
    esc = str(stick).replace(" ", "\\040")
    mounts.write_text(
        "sysfs /sys sysfs rw 0 0\n"
        "/dev/nvme0n1p2 / ext4 rw 0 0\n"
        f"/dev/nvme0n1p2 {home} ext4 rw 0 0\n"
        f"/dev/sdb1 {esc} vfat rw,nosuid,nodev 0 0\n"
        f"/dev/mmcblk0p1 {card} exfat ro,nosuid 0 0\n"
        "tmpfs /run tmpfs rw 0 0\n"
    )


def test_linux_removable_drives(tmp_path: Path) -> None:
    mounts = tmp_path / "proc" / "mounts"
    mounts.parent.mkdir()
    _fake_sys(tmp_path / "sys", mounts)
    found = usb._linux_drives(mounts, tmp_path / "sys")
    assert [d.path.name for d in found] == ["KINGSTON 16", "SDCARD"]
    assert found[0].label == "KINGSTON 16" and found[1].label == "SDCARD (ro)"
    assert found[0].total_bytes > 0 and found[0].free_bytes > 0
    assert "KINGSTON 16" in found[0].display


def test_no_drives_when_the_system_cannot_tell(tmp_path: Path) -> None:
    assert usb._linux_drives(tmp_path / "missing", tmp_path) == []
    assert isinstance(usb.removable_drives(), list)
