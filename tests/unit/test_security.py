"""Encryption at rest, sign-in, key slots, recovery key, backups and restore."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.db import NewerDatabaseError
from tracker.db.engine import sqlite_connect
from tracker.db.vault import unlock, vault_path
from tracker.demo import DEMO_PASSWORD, build_demo, create_demo_workspace
from tracker.services import auth, backups, office
from tracker.services import beneficiaries as ben
from tracker.services.auth import AuthError
from tracker.services.errors import PermissionDenied, ServiceError, ValidationError

TODAY = date(2025, 6, 15)
PW = "office-pass-2025"


def _new(tmp_path: Path, name: str = "t.db", prefix: str = "MV") -> tuple[auth.Workspace, str]:
    loc = DatabaseLocation(path=tmp_path / name)
    ws, code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix=prefix), "lan",
        "Nguyễn Thị Lan", PW,
    )  # fmt: skip
    assert code is not None
    return ws, code


def _person(ws: auth.Workspace, name: str = "Đặng Thị Hồng Nhung") -> ben.BeneficiaryView:
    return ben.register(
        ws.db,
        ws.actor,
        ben.BeneficiaryInput(
            full_name=name, sex="F", category="victim", ethnicity_code="08", birth_year=2001
        ),
        today=TODAY,
    )


def audit_events(ws: auth.Workspace) -> list:  # type: ignore[type-arg]
    from tracker.services import audit

    return audit.list_events(ws.db, ws.actor, limit=1000)


def _raw_files(db_path: Path) -> list[Path]:
    return [p for p in db_path.parent.rglob("*") if p.is_file()]


def test_no_name_in_the_raw_bytes_of_database_or_backup(tmp_path: Path) -> None:
    loc = DatabaseLocation(path=tmp_path / "demo.db")
    ws = create_demo_workspace(loc)
    build_demo(ws, today=TODAY, people=15)
    names = [r.full_name for r in ben.search(ws.db, ws.actor, "", limit=1000)]
    villages = {r.village for r in ben.search(ws.db, ws.actor, "", limit=1000)}
    backup = backups.backup_now(ws)
    ws.close()
    assert len(names) == 15
    files = _raw_files(loc.path)  # type: ignore[arg-type]
    assert backup.path in files and loc.path in files
    for f in files:
        raw = f.read_bytes()
        # Whole names and villages (a lone three-letter given name can turn up by chance
        # in random bytes, so it proves nothing either way).
        for secret in [*names, *villages]:
            for form in (secret, " ".join(secret.split()[-2:])):
                assert form.encode("utf-8") not in raw, f"{form!r} readable in {f.name}"
                assert form.encode("utf-16-le") not in raw
        assert b"SQLite format 3" not in raw[:16]


def test_password_unlocks_and_wrong_password_counts_down_then_locks(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    _person(ws)
    loc = ws.db.location
    ws.close()
    before = hashlib.sha256(loc.path.read_bytes()).hexdigest()  # type: ignore[union-attr]
    now = datetime(2025, 6, 15, 8, 0, tzinfo=UTC)
    for _try in range(4):
        with pytest.raises(AuthError) as err:
            auth.sign_in(loc, "lan", "not-the-password", now=now)
        # The same words as for a user name that does not exist (see test_key_attacks).
        assert err.value.key == "sign_in_failed"
        assert "Sau 5 lần nhập sai liên tiếp" in err.value.message("vi")
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", "not-the-password", now=now)
    assert err.value.key == "locked"
    # Locked even with the right password, until the delay has passed.
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW, now=now + timedelta(seconds=10))
    assert err.value.key == "locked"
    # Wrong tries never touched the database file.
    assert hashlib.sha256(loc.path.read_bytes()).hexdigest() == before  # type: ignore[union-attr]
    ws = auth.sign_in(loc, "lan", PW, now=now + timedelta(seconds=31))
    assert ws.actor.username == "lan"
    ws.close()


def test_the_lock_grows_with_every_further_wrong_try(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    loc = ws.db.location
    ws.close()
    now = datetime(2025, 6, 15, 8, 0, tzinfo=UTC)
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.sign_in(loc, "lan", "bad-password", now=now)
    later = now + timedelta(seconds=31)
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", "bad-password", now=later)
    assert err.value.key == "locked" and err.value.params["seconds"] > 31


def test_unknown_user_and_empty_password(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    loc = ws.db.location
    ws.close()
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "nobody", PW)
    assert err.value.key == "sign_in_failed"
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", "")
    assert err.value.key == "password_needed"


def test_a_new_role_applies_from_the_next_sign_in(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "officer", "hoa-pass-2025")
    loc = ws.db.location
    officer = auth.sign_in(loc, "hoa", "hoa-pass-2025")
    assert officer.actor.can("beneficiary.write")
    changed = office.set_role(ws.db, ws.actor, "hoa", "viewer")
    assert (changed.username, changed.role) == ("hoa", "viewer")
    officer.close()
    viewer = auth.sign_in(loc, "hoa", "hoa-pass-2025")  # the same password, a new role
    try:
        assert viewer.actor.role == "viewer"
        with pytest.raises(PermissionDenied):
            _person(viewer)
    finally:
        viewer.close()
    events = [e for e in audit_events(ws) if e.action == "set_role"]
    assert [(e.before["role"], e.after["role"]) for e in events] == [("officer", "viewer")]
    assert "password_hash" not in events[0].after
    ws.close()


def test_nobody_changes_their_own_role_and_an_admin_remains(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    with pytest.raises(ValidationError) as err:
        office.set_role(ws.db, ws.actor, "lan", "viewer")
    assert (err.value.key, err.value.field) == ("own_role", "role")
    assert "quản trị viên khác" in err.value.message("vi")
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "admin", "hoa-pass-2025")
    # Another administrator may make the first one an officer: one admin still remains.
    hoa = auth.sign_in(ws.db.location, "hoa", "hoa-pass-2025")
    try:
        assert office.set_role(hoa.db, hoa.actor, "lan", "officer").role == "officer"
        # ...but then nobody could make hoa anything else: the last admin stays one.
        with pytest.raises(ValidationError) as err:
            office.set_role(hoa.db, office.actor_for(hoa.db, "hoa"), "hoa", "viewer")
        assert err.value.key == "own_role"
    finally:
        hoa.close()
    ws.close()


@pytest.mark.parametrize(("username", "role", "key"), [
    ("hoa", "boss", "choice"), ("hoa", None, "choice"), ("nobody", "viewer", "not_found"),
])  # fmt: skip
def test_a_role_change_checks_its_input(
    tmp_path: Path, username: str, role: object, key: str
) -> None:
    ws, _ = _new(tmp_path)
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "officer", "hoa-pass-2025")
    with pytest.raises(ServiceError) as err:
        office.set_role(ws.db, ws.actor, username, role)  # type: ignore[arg-type]
    assert err.value.key == key
    assert office.actor_for(ws.db, "hoa").role == "officer"
    ws.close()


def test_disabled_user_cannot_sign_in_and_last_admin_stays(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "officer", "hoa-pass-2025")
    with pytest.raises(ValidationError) as err:
        auth.set_active(ws, "lan", False)
    assert err.value.key == "last_admin"
    auth.set_active(ws, "hoa", False)
    loc = ws.db.location
    ws.close()
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "hoa", "hoa-pass-2025")
    assert err.value.key == "sign_in_failed"  # its key slot is gone
    ws = auth.sign_in(loc, "lan", PW)
    auth.set_active(ws, "hoa", True, "hoa-new-pass-1")
    ws.close()
    assert auth.sign_in(loc, "hoa", "hoa-new-pass-1").actor.role == "officer"


def test_changing_a_password_gives_the_data_a_new_key(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    _person(ws)
    loc = ws.db.location
    assert ws.key is not None
    key_before = bytes(ws.key)
    with pytest.raises(AuthError):
        auth.change_password(ws, "wrong-old-pass", "new-pass-2025")
    auth.change_password(ws, PW, "new-pass-2025")
    ws.close()
    with pytest.raises(AuthError):
        auth.sign_in(loc, "lan", PW)
    ws = auth.sign_in(loc, "lan", "new-pass-2025")
    assert ws.key is not None and bytes(ws.key) != key_before
    assert [r.full_name for r in ben.search(ws.db, ws.actor, "nhung")] == ["Đặng Thị Hồng Nhung"]
    ws.close()


def test_only_admins_manage_accounts(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "officer", "hoa-pass-2025")
    loc = ws.db.location
    ws.close()
    officer = auth.sign_in(loc, "hoa", "hoa-pass-2025")
    with pytest.raises(PermissionDenied):
        auth.add_user(officer, "x1", "X", "admin", "password-123")
    with pytest.raises(PermissionDenied):
        auth.reset_password(officer, "lan", "password-123")
    with pytest.raises(PermissionDenied):
        auth.set_active(officer, "lan", False)
    with pytest.raises(PermissionDenied):
        auth.new_recovery_key(officer)
    officer.close()


def test_short_password_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        auth.create_workspace(
            DatabaseLocation(path=tmp_path / "x.db"),
            office.OfficeInput(name="Hội", receipt_prefix="MV"),
            "lan",
            "Lan",
            "short",
        )
    assert err.value.key == "weak_password"
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "x.db.keys").exists()


def test_recovery_key_typo_wrong_key_and_reset(tmp_path: Path) -> None:
    ws, code = _new(tmp_path)
    loc = ws.db.location
    ws.close()
    typo = code[:-2] + ("B" if code[-2] != "B" else "C") + code[-1]
    with pytest.raises(AuthError) as err:
        auth.open_with_recovery_key(loc, typo)
    assert err.value.key == "recovery_typo"
    with pytest.raises(AuthError) as err:
        auth.open_with_recovery_key(loc, "ABC")
    assert err.value.key == "recovery_format"
    other_ws, other_code = _new(tmp_path, "other.db")
    other_ws.close()
    with pytest.raises(AuthError) as err:
        auth.open_with_recovery_key(loc, other_code)
    assert err.value.key == "recovery_wrong"
    rescue = auth.open_with_recovery_key(loc, code.lower().replace("-", " "))
    auth.reset_password(rescue, "lan", "after-recovery-1")
    rescue.close()
    assert auth.sign_in(loc, "lan", "after-recovery-1").actor.username == "lan"


def test_database_from_another_office_is_refused(tmp_path: Path) -> None:
    a, _ = _new(tmp_path, "a.db", "AA")
    b, _ = _new(tmp_path / "b", "b.db", "BB")
    a_path, b_path = a.db.location.path, b.db.location.path
    a.close()
    b.close()
    assert a_path is not None and b_path is not None
    # Office A's file copied over office B's, with B's key file beside it.
    shutil.copyfile(a_path, b_path)
    with pytest.raises(AuthError) as err:
        auth.sign_in(DatabaseLocation(path=b_path), "lan", PW)
    assert err.value.key == "wrong_database"


def test_missing_or_damaged_key_file(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    loc = ws.db.location
    ws.close()
    keys = vault_path(loc.path)  # type: ignore[arg-type]
    good = keys.read_bytes()
    keys.write_text("{ not json")
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert err.value.key == "vault_damaged"
    keys.unlink()
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert err.value.key == "vault_missing"
    keys.write_bytes(good)
    auth.sign_in(loc, "lan", PW).close()


def _corrupt(path: Path, offset: int = 8192, length: int = 4096) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, min(offset + length, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["corrupt", "truncate", "empty"])
def test_damaged_database_refused_then_restored_from_newest_good_backup(
    tmp_path: Path, damage: str
) -> None:
    ws, _ = _new(tmp_path)
    _person(ws)
    first = backups.backup_now(ws, now=datetime(2025, 6, 1, tzinfo=UTC))
    _person(ws, "Giàng Thị Mỷ")
    newest = backups.backup_now(ws, now=datetime(2025, 6, 2, tzinfo=UTC))
    loc = ws.db.location
    ws.close()
    db_path = loc.path
    assert db_path is not None
    # The newest backup is damaged too: the one before it must be chosen.
    _corrupt(newest.path)
    if damage == "corrupt":
        _corrupt(db_path)
    elif damage == "truncate":
        db_path.write_bytes(db_path.read_bytes()[:5000])
    else:
        db_path.write_bytes(b"")
    damaged_bytes = db_path.read_bytes()
    if damage == "corrupt":
        # A page the sign-in does not read: the check the window runs after sign-in
        # finds it, and the next sign-in checks the whole file first and refuses.
        with contextlib.suppress(AuthError):
            opened = auth.sign_in(loc, "lan", PW)
            with pytest.raises(AuthError) as found:
                auth.check_integrity(opened.db)
            assert found.value.key == "database_damaged"
            opened.close()
        damaged_bytes = db_path.read_bytes()
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert err.value.key in auth.DAMAGE
    assert err.value.message("vi")
    _vault, key = auth.unlock(loc, "lan", PW)
    info, aside = backups.restore_newest_good(loc, key, "lan")
    assert info.path == first.path
    assert aside.read_bytes() == damaged_bytes  # the damaged file is kept, not deleted
    ws = auth.sign_in(loc, "lan", PW)
    assert [r.full_name for r in ben.search(ws.db, ws.actor, "")] == ["Đặng Thị Hồng Nhung"]
    ws.close()


def test_damaged_backup_is_refused(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    b = backups.backup_now(ws)
    key = ws.key
    ws.close()
    b.path.write_bytes(b.path.read_bytes()[: b.path.stat().st_size // 2])
    with pytest.raises(ServiceError):
        backups.check_file(b.path, key)
    with pytest.raises(ServiceError) as err:
        backups.restore_newest_good(ws.db.location, key, ws.actor)
    assert err.value.key == "no_good_backup"


def test_backup_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    b = backups.backup_now(ws)
    key = ws.key
    loc = ws.db.location
    ws.close()
    conn = sqlite_connect(b.path, key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = loc.path.read_bytes()  # type: ignore[union-attr]
    with pytest.raises(NewerDatabaseError):
        backups.restore(loc, b.path, key, ws.actor)
    assert loc.path.read_bytes() == before  # type: ignore[union-attr]


def test_backups_keep_the_last_thirty_and_daily_is_daily(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for day in range(32):
        backups.backup_now(ws, now=start + timedelta(days=day), reason="daily")
    kept = backups.list_backups(ws.db.location.path)  # type: ignore[arg-type]
    assert len(kept) == 30
    assert kept[0].taken_at == start + timedelta(days=31)
    assert all(vault_path(b.path).exists() for b in kept)
    assert backups.backup_if_due(ws, now=start + timedelta(days=31, hours=5)) is None
    assert backups.backup_if_due(ws, now=start + timedelta(days=32, hours=1)) is not None
    ws.close()


def test_backup_to_a_usb_folder_opens_with_its_key_file(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    _person(ws)
    usb = tmp_path / "usb"
    b = backups.backup_now(ws, folder=usb, reason="usb", keep=None)
    ws.close()
    copy = tmp_path / "elsewhere" / "restored.db"
    copy.parent.mkdir()
    shutil.copyfile(b.path, copy)
    shutil.copyfile(vault_path(b.path), vault_path(copy))
    ws = auth.sign_in(DatabaseLocation(path=copy), "lan", PW)
    assert ben.count(ws.db, ws.actor) == 1
    ws.close()


def test_audit_records_sign_ins(tmp_path: Path) -> None:
    ws, _ = _new(tmp_path)
    loc = ws.db.location
    ws.close()
    ws = auth.sign_in(loc, "lan", PW)
    with ws.db.read() as s:
        actions = [r[0] for r in s.execute(text("SELECT action FROM audit_event ORDER BY id"))]
    assert actions[-1] == "sign_in"
    ws.close()


def test_vault_file_never_holds_the_key_in_clear(tmp_path: Path) -> None:
    ws, code = _new(tmp_path)
    assert ws.key is not None
    key = bytes(ws.key)
    raw = vault_path(ws.db.location.path).read_bytes()  # type: ignore[arg-type]
    ws.close()
    import base64

    assert key.hex().encode() not in raw and base64.b64encode(key) not in raw
    assert code.encode() not in raw and PW.encode() not in raw
    _vault, keys = unlock(vault_path(ws.db.location.path), "lan", PW)  # type: ignore[arg-type]
    assert bytes(keys) == key


def test_demo_accounts_use_the_documented_password(tmp_path: Path) -> None:
    loc = DatabaseLocation(path=tmp_path / "demo.db")
    ws = create_demo_workspace(loc)
    build_demo(ws, today=TODAY, people=3)
    ws.close()
    for user in ("admin", "ketoan", "xem"):
        auth.sign_in(loc, user, DEMO_PASSWORD).close()


def test_removing_the_newest_audit_events_is_noticed(tmp_path: Path) -> None:
    from tracker.services import audit

    ws, _ = _new(tmp_path)
    _person(ws)
    _person(ws, "Giàng Thị Mỷ")
    with ws.db.read() as s:
        last = s.execute(text("SELECT max(id) FROM audit_event")).scalar_one()
    assert audit.verify(ws.db, ws.actor).ok
    conn = sqlite_connect(ws.db.location.path, ws.key)  # type: ignore[arg-type]
    conn.execute("DELETE FROM audit_event WHERE id = ?", (last,))
    conn.commit()
    conn.close()
    report = audit.verify(ws.db, ws.actor)
    assert not report.ok and report.broken_at == last
    assert report.reason == "newest events removed"
    ws.close()


def test_a_damaged_page_met_after_sign_in_is_said_in_words_and_nothing_is_changed(
    tmp_path: Path,
) -> None:
    """The search index's pages are damaged, which the sign-in does not read: the sign-in
    opens, and the search that meets them says the file is damaged (in the user's
    language, offering the newest good backup), not a driver's error; the next sign-in
    then checks the whole file and refuses it, offering that backup."""
    ws, _ = _new(tmp_path)
    given = ("Hoa", "Mai", "Lan", "Huệ", "Cúc", "Đào", "Sen", "Thảo", "Vân", "Yến", "Nga", "Hằng")
    for i, name in enumerate(given):
        ben.register(
            ws.db,
            ws.actor,
            ben.BeneficiaryInput(
                full_name=f"{('Đặng', 'Vàng', 'Lò')[i % 3]} Thị {name}",
                sex="F",
                category="victim",
                ethnicity_code="08",
                birth_year=1990 + i,
            ),
            today=TODAY,
            allow_duplicate=True,
        )
    loc = ws.db.location
    ws.close()
    assert loc.path is not None
    _vault, key = unlock(vault_path(loc.path), "lan", PW)
    conn = sqlite_connect(loc.path, key)
    try:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'beneficiary_fts_data'"
        ).fetchone()[0]
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    _corrupt(loc.path, offset=(root - 1) * page_size + 100, length=64)
    damaged = loc.path.read_bytes()
    ws = auth.sign_in(loc, "lan", PW)
    try:
        with pytest.raises(ServiceError) as err:
            ben.search(ws.db, ws.actor, "hoa")
        assert err.value.key == "database_damaged"
        assert "bị hỏng" in err.value.message("vi")
        assert "restore the newest good backup" in err.value.message("en")
    finally:
        ws.close()
    # What was read is not written back: the damaged page is as it was.
    pages = loc.path.read_bytes()
    start = (root - 1) * page_size
    assert pages[start : start + page_size] == damaged[start : start + page_size]
    # The next sign-in checks the whole file first, and offers the newest good backup.
    with pytest.raises(AuthError) as refused:
        auth.sign_in(loc, "lan", PW)
    assert refused.value.key == "database_damaged"
