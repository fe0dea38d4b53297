"""Who may back up and restore, the restore in the audit trail, and the way back from
every kind of damage (the database file's header, its pages, its key file, one account's
part of the key file), in the services and on the command line."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tracker import cli
from tracker.config import DatabaseLocation
from tracker.db.vault import Vault, vault_path
from tracker.services import audit, auth, backups, office
from tracker.services import beneficiaries as ben
from tracker.services.auth import AuthError
from tracker.services.errors import PermissionDenied

TODAY = date(2025, 6, 15)
PW = "office-pass-2025"
VIEWER_PW = "viewer-pass-2025"
OFFICER_PW = "officer-pass-2025"


def _office(tmp_path: Path) -> tuple[DatabaseLocation, str]:
    """An encrypted office: lan (admin), hoa (officer), tuan (viewer), one person, and
    two backups (the newest one holding the person)."""
    loc = DatabaseLocation(path=tmp_path / "t.db")
    ws, code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV"), "lan",
        "Nguyễn Thị Lan", PW,
    )  # fmt: skip
    assert code is not None
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "officer", OFFICER_PW)
    auth.add_user(ws, "tuan", "Trần Văn Tuấn", "viewer", VIEWER_PW)
    backups.backup_now(ws, now=datetime(2025, 6, 1, tzinfo=UTC))
    _person(ws, "Đặng Thị Hồng Nhung")
    backups.backup_now(ws, now=datetime(2025, 6, 2, tzinfo=UTC))
    _person(ws, "Giàng Thị Mỷ")  # only in the database, not in a backup
    ws.close()
    return loc, code


def _person(ws: auth.Workspace, name: str) -> None:
    ben.register(
        ws.db,
        ws.actor,
        ben.BeneficiaryInput(
            full_name=name, sex="F", category="victim", ethnicity_code="08", birth_year=2001
        ),
        today=TODAY,
    )


def _names(loc: DatabaseLocation) -> list[str]:
    ws = auth.sign_in(loc, "lan", PW)
    try:
        return sorted(r.full_name for r in ben.search(ws.db, ws.actor, ""))
    finally:
        ws.close()


def _events(loc: DatabaseLocation, action: str) -> list[audit.AuditRow]:
    ws = auth.sign_in(loc, "lan", PW)
    try:
        return [e for e in audit.list_events(ws.db, ws.actor, limit=1000) if e.action == action]
    finally:
        ws.close()


def _flip(path: Path, offset: int, length: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, min(offset + length, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _files(loc: DatabaseLocation) -> dict[str, bytes]:
    assert loc.path is not None
    return {p.name: p.read_bytes() for p in sorted(loc.path.parent.rglob("*")) if p.is_file()}


# --- roles -------------------------------------------------------------------------------


def test_a_viewer_neither_restores_nor_backs_up_by_hand(tmp_path: Path) -> None:
    loc, _code = _office(tmp_path)
    newest = backups.list_backups(loc.path)[0]  # type: ignore[arg-type]
    viewer = auth.sign_in(loc, "tuan", VIEWER_PW)
    before = _files(loc)
    with pytest.raises(PermissionDenied) as err:
        backups.restore(loc, newest.path, viewer.key, viewer.actor)
    assert "khôi phục" in err.value.message("vi")
    assert "restore a backup" in err.value.message("en")
    with pytest.raises(PermissionDenied):
        backups.backup_now(viewer, reason="manual")
    with pytest.raises(PermissionDenied):
        backups.backup_now(viewer, folder=tmp_path / "usb", reason="usb", keep=None)
    with pytest.raises(PermissionDenied):
        backups.restore_newest_good(loc, viewer.key, viewer.actor)
    assert _files(loc) == before
    # The app's own daily backup is still taken for everyone.
    assert backups.backup_if_due(viewer, now=datetime(2025, 6, 5, tzinfo=UTC)) is not None
    viewer.close()
    officer = auth.sign_in(loc, "hoa", OFFICER_PW)
    assert backups.backup_now(officer, reason="manual").path.exists()
    with pytest.raises(PermissionDenied):
        backups.restore(loc, newest.path, officer.key, officer.actor)
    officer.close()
    assert len(_names(loc)) == 2


def test_a_restore_is_in_the_audit_trail_with_who_did_it(tmp_path: Path) -> None:
    loc, _code = _office(tmp_path)
    newest = backups.list_backups(loc.path)[0]  # type: ignore[arg-type]
    admin = auth.sign_in(loc, "lan", PW)
    key, actor = admin.key, admin.actor
    admin.close()
    aside = backups.restore(loc, newest.path, key, actor)
    assert _names(loc) == ["Đặng Thị Hồng Nhung"]
    [event] = _events(loc, "restore")
    assert event.username == "lan"
    assert event.after is not None and event.after["file"] == newest.path.name
    assert event.after["kept_aside"] == aside.name
    # The backup restored holds the event of the backup before it (its own comes after).
    assert [e.username for e in _events(loc, "backup")] == ["lan"]
    # The chain stays whole, with the restore in it.
    ws = auth.sign_in(loc, "lan", PW)
    assert audit.verify(ws.db, ws.actor).ok
    ws.close()


# --- damage at sign-in -----------------------------------------------------------------


def test_after_damage_only_an_administrator_or_the_recovery_key_restores(
    tmp_path: Path,
) -> None:
    loc, code = _office(tmp_path)
    assert loc.path is not None
    _flip(loc.path, 8192, 4096)
    # Damage inside the file: the sign-in finds it when it reads there, else the check
    # of the whole file on the worker after the sign-in does, and the next sign-in says so.
    try:
        ws = auth.sign_in(loc, "tuan", VIEWER_PW)
    except AuthError as exc:
        assert exc.key in auth.DAMAGE
    else:
        with pytest.raises(AuthError):
            auth.check_integrity(ws.db)
        ws.db.dispose()
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "tuan", VIEWER_PW)
    assert err.value.key in auth.DAMAGE
    before = _files(loc)
    assert not backups.may_restore_after_damage(loc, username="tuan", password=VIEWER_PW)
    assert not backups.may_restore_after_damage(loc, username="hoa", password=OFFICER_PW)
    with pytest.raises(PermissionDenied):
        backups.restore_after_damage(loc, username="tuan", password=VIEWER_PW)
    assert _files(loc) == before
    assert backups.may_restore_after_damage(loc, username="lan", password=PW)
    assert backups.may_restore_after_damage(loc, recovery_code=code)

    info, aside = backups.restore_after_damage(loc, recovery_code=code)
    assert info.taken_at == datetime(2025, 6, 2, tzinfo=UTC)
    assert aside.exists()
    assert _names(loc) == ["Đặng Thị Hồng Nhung"]
    [event] = _events(loc, "restore")
    assert event.username == "recovery-key"
    assert event.after is not None and event.after["why"] == "damaged"


def test_damage_in_the_first_4_kb_says_so_and_the_newest_backup_restores(
    tmp_path: Path,
) -> None:
    loc, _code = _office(tmp_path)
    assert loc.path is not None
    _flip(loc.path, 100, 300)
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert err.value.key == "database_header_damaged"
    assert "4 KB" in err.value.message("vi") and "4 KB" in err.value.message("en")
    assert "khôi phục bản sao lưu" in err.value.message("vi")
    assert "restore the newest good backup" in err.value.message("en")
    assert backups.may_restore_after_damage(loc, username="lan", password=PW)
    backups.restore_after_damage(loc, username="lan", password=PW)
    assert _names(loc) == ["Đặng Thị Hồng Nhung"]
    [event] = _events(loc, "restore")
    assert event.username == "lan"


def test_a_damaged_key_file_is_restored_from_the_copy_beside_the_newest_backup(
    tmp_path: Path,
) -> None:
    loc, _code = _office(tmp_path)
    assert loc.path is not None
    vault_path(loc.path).write_text("{ damaged")
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert err.value.key == "vault_damaged" and err.value.key in auth.DAMAGE
    assert not backups.may_restore_after_damage(loc, username="tuan", password=VIEWER_PW)
    backups.restore_after_damage(loc, username="lan", password=PW)
    assert _names(loc) == ["Đặng Thị Hồng Nhung"]


def _damage_slot(loc: DatabaseLocation, username: str) -> None:
    """One changed byte in the account's wrapped key, the file otherwise valid."""
    assert loc.path is not None
    path = vault_path(loc.path)
    doc = json.loads(path.read_text())
    [slot] = [s for s in doc["slots"] if s["name"] == username]
    wrapped = bytearray(base64.b64decode(slot["wrapped"]))
    wrapped[5] ^= 0x01
    slot["wrapped"] = base64.b64encode(bytes(wrapped)).decode()
    path.write_text(json.dumps(doc))


def test_a_damaged_key_slot_is_not_a_wrong_password_and_locks_nothing(tmp_path: Path) -> None:
    loc, code = _office(tmp_path)
    _damage_slot(loc, "tuan")
    for _ in range(8):  # more than the tries before a lock
        with pytest.raises(AuthError) as err:
            auth.sign_in(loc, "tuan", VIEWER_PW)
        assert err.value.key == "slot_damaged"
    assert "tuan" in err.value.message("vi") and "không bị tính là nhập sai" in err.value.message(
        "vi"
    )
    assert "does not count as a wrong try" in err.value.message("en")
    assert loc.path is not None
    vault = Vault.load(vault_path(loc.path))
    slot = vault.user_slot("tuan")
    assert slot is not None and slot.failures == 0 and slot.damaged
    # Others sign in and the key file is saved again: the damage is not "healed" away.
    auth.sign_in(loc, "hoa", OFFICER_PW).close()
    assert Vault.load(vault_path(loc.path)).user_slot("tuan").damaged  # type: ignore[union-attr]
    # The way back: a new password (here with the recovery key) gives a new slot.
    ws = auth.open_with_recovery_key(loc, code)
    auth.reset_password(ws, "tuan", "viewer-new-pass-1")
    ws.close()
    auth.sign_in(loc, "tuan", "viewer-new-pass-1").close()


def test_a_wrong_password_still_counts(tmp_path: Path) -> None:
    loc, _code = _office(tmp_path)
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "tuan", "not-the-password")
    assert err.value.key == "sign_in_failed"
    assert loc.path is not None
    slot = Vault.load(vault_path(loc.path)).user_slot("tuan")
    assert slot is not None and slot.failures == 1 and not slot.damaged


# --- the command line ------------------------------------------------------------------


def _cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str, **env: str
) -> tuple[int, str, str]:
    for name in (cli.ENV_PASSWORD, cli.ENV_RECOVERY, cli.ENV_USER):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_backup_list_create_and_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    loc, code = _office(tmp_path)
    db = str(loc.path)
    rc, out, err = _cli(monkeypatch, capsys, "--lang", "en", "backup", "list", "--db", db)
    assert rc == 0, err
    assert out.count(".backup.db") == 2 and "2 backups." in err

    rc, out, err = _cli(
        monkeypatch, capsys, "backup", "create", "--db", db, "--user", "tuan",
        TRACKER_PASSWORD=VIEWER_PW,
    )  # fmt: skip
    assert rc == 1 and "không được phép" in err and "Traceback" not in err
    usb = tmp_path / "usb"
    usb.mkdir()
    rc, out, err = _cli(
        monkeypatch, capsys, "--lang", "en", "backup", "create", "--db", db, "--user", "hoa",
        "--to", str(usb), TRACKER_PASSWORD=OFFICER_PW,
    )  # fmt: skip
    assert rc == 0, err
    assert "Backed up and checked" in out
    assert len(list(usb.glob("*.backup.db"))) == 1

    assert loc.path is not None
    _flip(loc.path, 100, 300)
    rc, out, err = _cli(
        monkeypatch, capsys, "backup", "restore", "--db", db, "--user", "tuan",
        TRACKER_PASSWORD=VIEWER_PW,
    )  # fmt: skip
    assert rc == 1 and "Traceback" not in err
    rc, out, err = _cli(
        monkeypatch, capsys, "--lang", "en", "search", "x", "--db", db, "--user", "lan",
        TRACKER_PASSWORD=PW,
    )  # fmt: skip
    assert rc == 1 and "first 4 KB" in err
    assert "tracker backup restore --user" in err
    rc, out, err = _cli(
        monkeypatch, capsys, "backup", "restore", "--db", db, "--recovery-key",
        TRACKER_RECOVERY_KEY=code,
    )  # fmt: skip
    assert rc == 0, err
    assert "Đã khôi phục bản sao lưu" in out
    # The restore came first; the manual backups list comes after it, with the restore.
    assert [e.username for e in _events(loc, "restore")] == ["recovery-key"]

    # A chosen file, by an administrator's sign-in, on a database that opens.
    oldest = backups.list_backups(loc.path)[-1]
    rc, out, err = _cli(
        monkeypatch, capsys, "--lang", "en", "backup", "restore", str(oldest.path), "--db", db,
        "--user", "lan", TRACKER_PASSWORD=PW,
    )  # fmt: skip
    assert rc == 0, err
    assert "Restored the backup" in out
    assert _names(loc) == []
    assert [e.username for e in _events(loc, "restore")] == ["lan"]


def test_demo_force_refuses_a_real_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    loc, _code = _office(tmp_path)
    before = _files(loc)
    rc, _out, err = _cli(monkeypatch, capsys, "demo", "--db", str(loc.path), "--force")
    assert rc == 1
    assert "không phải cơ sở dữ liệu mẫu" in err and "không xóa gì" in err
    rc, _out, err = _cli(
        monkeypatch, capsys, "--lang", "en", "demo", "--db", str(loc.path), "--force"
    )
    assert rc == 1 and "is not a demo database" in err and "nothing was deleted" in err
    assert _files(loc) == before
    assert len(_names(loc)) == 2
    # Without its key file a database is not a demo either.
    assert loc.path is not None
    vault_path(loc.path).rename(tmp_path / "aside.keys")
    rc, _out, err = _cli(monkeypatch, capsys, "demo", "--db", str(loc.path), "--force")
    assert rc == 1 and loc.path.exists()


def test_demo_force_rebuilds_a_demo_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tracker import demo

    path = tmp_path / "demo.db"
    ws = demo.create_demo_workspace(DatabaseLocation(path=path))
    ws.close()
    assert demo.is_demo_database(path)
    first = path.read_bytes()
    built: list[Path] = []

    def quick_build(ws: auth.Workspace, **_kw: object) -> demo.DemoSummary:
        built.append(ws.db.location.path)  # type: ignore[arg-type]
        return demo.DemoSummary(0, 0, 0, 0, 0)

    monkeypatch.setattr(demo, "build_demo", quick_build)
    rc, _out, err = _cli(monkeypatch, capsys, "demo", "--db", str(path), "--force")
    assert rc == 0, err
    assert built == [path]
    assert path.read_bytes() != first  # a new file
    assert demo.is_demo_database(path)


def test_after_restoring_an_older_backup_a_new_password_still_signs_in(tmp_path: Path) -> None:
    """The backup holds the accounts as they were; the key file's slots are today's, and
    the password that opens one is the one that counts."""
    loc, _code = _office(tmp_path)
    oldest = backups.list_backups(loc.path)[-1]  # type: ignore[arg-type]
    admin = auth.sign_in(loc, "lan", PW)
    auth.change_password(admin, PW, "lan-new-pass-2025")
    key, actor = admin.key, admin.actor
    admin.close()
    backups.restore(loc, oldest.path, key, actor)
    ws = auth.sign_in(loc, "lan", "lan-new-pass-2025")
    assert ben.count(ws.db, ws.actor) == 0
    ws.close()
    with pytest.raises(AuthError):
        auth.sign_in(loc, "lan", PW)  # the old password opens nothing


def test_a_damaged_sealed_key_of_an_account_is_no_lock_and_no_key_change(tmp_path: Path) -> None:
    """The database key sealed to one account damaged: the right password says so, and
    does not count toward the lock (it said "the key was changed" and counted)."""
    loc, _code = _office(tmp_path)
    assert loc.path is not None
    path = vault_path(loc.path)
    doc = json.loads(path.read_text())
    entry = doc["sealed"]["user:tuan"]
    ct = bytearray(base64.b64decode(entry["ct"]))
    ct[3] ^= 0x01
    entry["ct"] = base64.b64encode(bytes(ct)).decode()
    path.write_text(json.dumps(doc))
    for _ in range(6):
        with pytest.raises(AuthError) as err:
            auth.sign_in(loc, "tuan", VIEWER_PW)
        assert err.value.key == "slot_damaged"
    slot = Vault.load(path).user_slot("tuan")
    assert slot is not None and slot.failures == 0 and slot.locked_until is None
    # A wrong password is still a wrong password.
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "tuan", "not-the-password")
    assert err.value.key == "sign_in_failed"


def test_an_administrator_added_after_the_backup_restores_it(tmp_path: Path) -> None:
    loc, _code = _office(tmp_path)
    newest = backups.list_backups(loc.path)[0]  # type: ignore[arg-type]
    ws = auth.sign_in(loc, "lan", PW)
    auth.add_user(ws, "hanh", "Lò Thị Hạnh", "admin", "hanh-pass-2025")
    ws.close()
    hanh = auth.sign_in(loc, "hanh", "hanh-pass-2025")
    key, actor = hanh.key, hanh.actor
    hanh.close()
    backups.restore(loc, newest.path, key, actor)
    [event] = _events(loc, "restore")
    assert event.username == "hanh"
    assert _names(loc) == ["Đặng Thị Hồng Nhung"]
