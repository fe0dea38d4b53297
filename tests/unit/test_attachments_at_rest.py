"""Photos kept only inside the encrypted database: after attaching them, taking a backup
and restoring it, neither the photo's bytes, its JPEG or EXIF headers nor its file name
are anywhere in clear: not in the database file, its write-ahead log or journal, the
backups, nor the temporary folder."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tracker.config import DatabaseLocation
from tracker.services import attachments as att
from tracker.services import auth, backups, office
from tracker.services import beneficiaries as ben

from .test_svc_attachments import photo

PW = "office-pass-2025"
NAME = "nha-chi-Giang-Thi-Mu-toa-do.jpg"
#: What a JPEG as Pillow (and most cameras) write begins with, and an EXIF block's mark.
#: Each is six bytes or more: four bytes turn up by chance in megabytes of ciphertext
#: (about once in 2**32 places), six do not.
MARKS = (b"\xff\xd8\xff\xe0\x00\x10JFIF", b"Exif\x00\x00", NAME.encode())


def _files(*folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        found += [p for p in folder.rglob("*") if p.is_file()]
    return found


def test_no_photo_bytes_or_names_in_clear_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    loc = DatabaseLocation(path=tmp_path / "office" / "t.db")
    ws, _code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV"), "lan",
        "Nguyễn Thị Lan", PW,
    )  # fmt: skip
    person = ben.register(
        ws.db,
        ws.actor,
        ben.BeneficiaryInput(
            full_name="Giàng Thị Mú", sex="F", category="victim", ethnicity_code="08",
            birth_year=2001,
        ),
        today=date(2025, 6, 15),
    )  # fmt: skip
    originals = [photo((1200, 900), maker=f"Cam{n}") for n in range(3)]
    kept = []
    for data in originals:
        view = att.add_attachment(
            ws.db, ws.actor, att.AttachmentInput("beneficiary", person.id, "photo", NAME, data)
        )
        full = att.open_attachment(ws.db, ws.actor, view.id)
        kept.append(full.images[0])
        assert view.thumbnail is not None
        kept.append(view.thumbnail)
    # While the database is open: its write-ahead log holds the newest pages.
    open_files = _files(tmp_path / "office", temp)
    assert any(p.name.endswith("-wal") for p in open_files)
    _nothing_in_clear(open_files, originals + kept)
    info = backups.backup_now(ws, now=datetime(2025, 6, 20, tzinfo=UTC))
    key, actor = ws.key, ws.actor
    ws.close()
    backups.restore(loc, info.path, key, actor)
    ws = auth.sign_in(loc, "lan", PW)
    assert len(att.list_attachments(ws.db, ws.actor, person.id)) == 3
    ws.close()

    files = _files(tmp_path / "office", temp, tmp_path / "data")
    assert any(p.name == "t.db" for p in files)
    assert any(p.samefile(info.path) for p in files)
    _nothing_in_clear(files, originals + kept)


def _nothing_in_clear(files: list[Path], photos: list[bytes]) -> None:
    for p in files:
        content = p.read_bytes()
        for mark in MARKS:
            assert mark not in content, f"{mark!r} in clear in {p}"
        for data in photos:
            for at in (0, len(data) // 2):
                assert data[at : at + 48] not in content, f"photo bytes in clear in {p}"
