"""Attacks on the audit trail: removing the newest events, rewriting the chain, changing a
record without its event, reusing ids, and the chain head printed on exports (checked
later with ``tracker audit verify --against``). Each attack is in tests/attacks.py."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.db.engine import Database
from tracker.services import audit, auth, exports, office, reports
from tracker.services import beneficiaries as ben
from tracker.services.context import Actor

from .. import attacks
from ..conftest import setup_office

TODAY = date(2025, 6, 15)
PW = "office-pass-2025"


def _office(tmp_path: Path) -> auth.Workspace:
    loc = DatabaseLocation(path=tmp_path / "data" / "tracker.db")
    ws, _code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV"), "lan",
        "Nguyễn Thị Lan", PW,
    )  # fmt: skip
    for name in ("Đặng Thị Hồng Nhung", "Giàng Thị Mỷ", "Vàng Thị Dợ"):
        _person(ws.db, ws.actor, name)
    return ws


def _person(db: Database, actor: Actor, name: str) -> ben.BeneficiaryView:
    return ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name=name, sex="F", category="victim", ethnicity_code="08", birth_year=2001
        ),
        today=TODAY,
    )


def _key(ws: auth.Workspace) -> bytes:
    assert ws.key is not None
    return bytes(ws.key)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(attacks.ROOT), "TRACKER_PASSWORD": PW}
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_removing_the_newest_events_is_reported_after_a_sign_in(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    key = _key(ws)
    ws.close()
    gone = attacks.delete_newest_events(loc.path, key, 3)  # type: ignore[arg-type]
    # The sign-in of the window (unlock, then open) writes its event after the check.
    vault, keys = auth.unlock(loc, "lan", PW)
    ws = auth.open_unlocked(loc, vault, keys, "lan", PW)
    assert [f.reason for f in ws.audit_findings] == ["newest events removed"]
    report = audit.verify(ws.db, ws.actor)
    assert not report.ok and report.reason == "newest events removed"
    assert report.broken_at == max(gone)
    ws.close()
    # ...and still after any number of later sign-ins and writes.
    for name in ("Lò Thị Thu", "Sùng Thị Chá", "Thào Thị Mai"):
        ws = auth.sign_in(loc, "lan", PW)
        _person(ws.db, ws.actor, name)
        ws.close()
    done = cli("audit", "verify", "--db", str(loc.path), "--user", "lan", "--lang", "en")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "newest events removed" in done.stdout


def test_the_command_line_reports_removed_newest_events(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    key = _key(ws)
    ws.close()
    attacks.delete_newest_events(loc.path, key, 1)  # type: ignore[arg-type]
    done = cli("audit", "verify", "--db", str(loc.path), "--user", "lan")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "các sự kiện mới nhất bị xóa" in done.stdout


def test_ids_are_never_reused(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    key = _key(ws)
    gone = attacks.delete_newest_events(loc.path, key, 2)  # type: ignore[arg-type]
    _person(ws.db, ws.actor, "Lò Thị Thu")
    with ws.db.read() as s:
        newest = s.execute(text("SELECT max(id) FROM audit_event")).scalar_one()
    assert newest > max(gone)
    ws.close()


def test_a_chain_rewritten_with_plain_sha256_is_reported(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    key = _key(ws)
    with ws.db.read() as s:
        first_person = s.execute(
            text("SELECT id FROM audit_event WHERE entity = 'beneficiary' ORDER BY id LIMIT 1")
        ).scalar_one()
    ws.close()
    attacks.rewrite_chain_with_sha256(
        loc.path,  # type: ignore[arg-type]
        key,
        change=(first_person, json.dumps({"full_name": "Người khác"})),
    )
    ws = auth.sign_in(loc, "lan", PW)
    report = audit.verify(ws.db, ws.actor)
    assert not report.ok
    ws.close()
    done = cli("audit", "verify", "--db", str(loc.path), "--user", "lan")
    assert done.returncode == 3


def test_a_record_changed_without_its_event_is_reported(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    key = _key(ws)
    person = ben.search(ws.db, ws.actor, "nhung")[0]
    ws.close()
    attacks.change_row_without_event(
        loc.path,
        key,
        "beneficiary",
        person.id,
        "full_name",
        "Người khác",  # type: ignore[arg-type]
    )
    ws = auth.sign_in(loc, "lan", PW)
    report = audit.verify(ws.db, ws.actor)
    assert report.ok, "the trail itself holds"
    changed = {r.entity: r.changed for r in report.rows}
    assert changed["beneficiary"] == (person.id,)
    ws.close()
    done = cli("audit", "verify", "--db", str(loc.path), "--user", "lan", "--lang", "en")
    assert done.returncode == 4, done.stdout + done.stderr
    assert f"#{person.id}" in done.stdout


def test_a_demo_office_has_no_record_differing_from_its_events(tmp_path: Path) -> None:
    """The check is honest: every path the services write is matched by its events."""
    from tracker.demo import build_demo, create_demo_workspace

    loc = DatabaseLocation(path=tmp_path / "demo.db")
    ws = create_demo_workspace(loc)
    build_demo(ws, today=TODAY, people=25)
    report = audit.verify(ws.db, ws.actor)
    assert report.ok
    assert {r.entity: r.changed for r in report.rows if r.changed} == {}
    checked = {r.entity: r.checked for r in report.rows}
    assert checked["beneficiary"] == 25 and checked["disbursement"] > 0
    ws.close()


def test_the_copy_of_the_head_in_the_key_file_cannot_be_edited(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    ws.close()
    keys_file = Path(f"{loc.path}.keys")
    doc = json.loads(keys_file.read_text())
    doc["anchor"]["count"] -= 1
    keys_file.write_text(json.dumps(doc))
    ws = auth.sign_in(loc, "lan", PW)
    report = audit.verify(ws.db, ws.actor)
    assert "anchor altered" in [f.reason for f in report.findings]
    ws.close()


def test_every_export_prints_the_chain_head(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    ws = _office(tmp_path)
    with ws.db.read() as s:
        head = audit.head(s)
    assert head is not None
    usb = tmp_path / "usb"
    usb.mkdir()
    result = exports.export_summary(
        ws.db, ws.actor, reports.parse_period("2025", "year"), usb, today=TODAY, lang="vi"
    )
    manifest = json.loads((result.folder / "manifest.json").read_text())
    assert manifest["audit_head"]["hash"] == head.hash
    assert manifest["audit_head"]["count"] == head.count
    pdf = next(result.folder.glob("*.pdf"))
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert head.hash[:16] in pdf_text.replace("\n", "")
    book = load_workbook(next(result.folder.glob("*.xlsx")))
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert any(head.hash in c for c in cells)
    ws.close()


def test_an_old_export_shows_a_trail_cut_back_even_by_a_perfect_forger(tmp_path: Path) -> None:
    ws = _office(tmp_path)
    loc = ws.db.location
    usb = tmp_path / "usb"
    usb.mkdir()
    result = exports.export_summary(
        ws.db, ws.actor, reports.parse_period("2025", "year"), usb, today=TODAY
    )
    manifest = result.folder / "manifest.json"
    ok = cli("audit", "verify", "--db", str(loc.path), "--user", "lan", "--against", str(manifest))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    with ws.db.read():
        exported_at = json.loads(manifest.read_text())["audit_head"]["last_id"]
    # Someone with every key removes the events since before the export, consistently.
    attacks.forge_whole_trail(ws, keep_below=exported_at - 2)
    ws.close()
    alone = cli("audit", "verify", "--db", str(loc.path), "--user", "lan")
    assert alone.returncode == 0, "on the PC alone the forgery holds"
    bad = cli(
        "audit", "verify", "--db", str(loc.path), "--user", "lan", "--lang", "en",
        "--against", str(result.folder),
    )  # fmt: skip
    assert bad.returncode == 5, bad.stdout + bad.stderr
    assert "NOT in the present trail" in bad.stdout


def test_exit_codes_are_documented_in_the_help() -> None:
    done = cli("audit", "--help")
    assert done.returncode == 0
    for code in ("0", "3", "4", "5"):
        assert code in done.stdout


# --- on any backend (PostgreSQL too) ----------------------------------------------------


def test_the_chain_is_keyed_on_any_backend(db: Database) -> None:
    actors = setup_office(db)
    _person(db, actors["admin"], "Đặng Thị Hồng Nhung")
    with db.read() as s:
        assert audit.audit_key(s) is not None
        ev = s.execute(text("SELECT id FROM audit_event ORDER BY id DESC LIMIT 1")).scalar_one()
        assert ev >= audit.hmac_from(s)
    assert audit.verify(db, actors["admin"]).ok
    # Recomputing one link with plain SHA-256 no longer passes.
    with db.write() as s:
        row = s.execute(
            text(
                "SELECT id, prev_hash, at, username, action, entity, entity_id, before, after"
                " FROM audit_event ORDER BY id DESC LIMIT 1"
            )
        ).one()
    report_before = audit.verify(db, actors["admin"])
    assert report_before.ok
    with db.write() as s:
        s.execute(
            text("UPDATE audit_event SET hash = :h WHERE id = :i"), {"h": "0" * 64, "i": row[0]}
        )
    assert not audit.verify(db, actors["admin"]).ok


def test_a_record_changed_without_its_event_on_any_backend(db: Database) -> None:
    actors = setup_office(db)
    person = _person(db, actors["admin"], "Đặng Thị Hồng Nhung")
    with db.write() as s:
        s.execute(
            text("UPDATE beneficiary SET full_name = 'Người khác' WHERE id = :i"), {"i": person.id}
        )
    report = audit.verify(db, actors["admin"])
    assert report.ok and {r.entity: r.changed for r in report.rows}["beneficiary"] == (person.id,)


@pytest.mark.parametrize("role", ["officer", "accountant", "viewer"])
def test_only_administrators_check_the_trail(db: Database, role: str) -> None:
    from tracker.services.errors import PermissionDenied

    actors = setup_office(db)
    with pytest.raises(PermissionDenied):
        audit.verify(db, actors[role])
    with pytest.raises(PermissionDenied):
        audit.check_manifest_head(db, actors[role], {})
