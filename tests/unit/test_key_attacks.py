"""Attacks on the keys: what a disabled account's old password (or a key taken while it
was active) still opens on the PC, parallel guessing against the lockout, telling user
names apart, and a tampered key file. Each attack is in tests/attacks.py, for a torture
run to repeat."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tracker.config import DatabaseLocation
from tracker.db import vault as vault_module
from tracker.db.vault import vault_path
from tracker.services import auth, backups, office
from tracker.services import beneficiaries as ben
from tracker.services.auth import AuthError
from tracker.services.context import SYSTEM
from tracker.services.errors import ServiceError

from .. import attacks

TODAY = date(2025, 6, 15)
PW = "office-pass-2025"
HOA_PW = "hoa-pass-2025"
MAI_PW = "mai-pass-2025"


def _office(root: Path) -> tuple[auth.Workspace, str]:
    """An office in ``root`` (the data folder): admin lan, officer hoa, accountant mai."""
    loc = DatabaseLocation(path=root / "tracker.db")
    ws, code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV"), "lan",
        "Nguyễn Thị Lan", PW,
    )  # fmt: skip
    assert code is not None
    auth.add_user(ws, "hoa", "Vàng Thị Hoa", "officer", HOA_PW)
    auth.add_user(ws, "mai", "Lý Thị Mai", "accountant", MAI_PW)
    ben.register(
        ws.db,
        ws.actor,
        ben.BeneficiaryInput(
            full_name="Đặng Thị Hồng Nhung", sex="F", category="victim", ethnicity_code="08",
            birth_year=2001,
        ),
        today=TODAY,
    )  # fmt: skip
    return ws, code


def _raw_key(loc: DatabaseLocation, user: str, password: str) -> bytes:
    """The database key as an account holder with technical tools could take it."""
    _vault, key = auth.unlock(loc, user, password)
    return bytes(key)


# --- hole 1: access that really ends -------------------------------------------------------


@pytest.mark.parametrize("how", ["disable", "reset"])
def test_a_disabled_or_reset_password_opens_nothing_on_the_pc(tmp_path: Path, how: str) -> None:
    root = tmp_path / "data"
    ws, _code = _office(root)
    loc = ws.db.location
    before = backups.backup_now(ws)  # a backup in the app's folder, taken while hoa was active
    taken = _raw_key(loc, "hoa", HOA_PW)  # what hoa could take away while still active
    assert attacks.what_a_password_opens(root, "hoa", HOA_PW), "the attack works before"

    if how == "disable":
        auth.set_active(ws, "hoa", False)
    else:
        auth.reset_password(ws, "hoa", "a-new-pass-2025")
    after = backups.backup_now(ws)  # a backup taken afterwards
    usb = tmp_path / "usb"
    usb.mkdir()
    stick = backups.backup_now(ws, folder=usb, reason="usb", keep=None)  # a copy made afterwards
    ws.close()

    # The old password opens no key file on the PC, so no database and no backup either.
    assert attacks.what_a_password_opens(root, "hoa", HOA_PW) == []
    assert attacks.what_a_password_opens(usb, "hoa", HOA_PW) == []
    # The key taken earlier opens neither the live database nor anything written since.
    opened = attacks.databases_opened_by_key(root, taken)
    assert loc.path not in opened
    assert after.path not in opened and stick.path not in attacks.databases_opened_by_key(
        usb, taken
    )
    # What it still opens is what was written before, holding what hoa could read then.
    assert before.path in opened
    # Everyone else goes on as before.
    for user, password in (("lan", PW), ("mai", MAI_PW)):
        other = auth.sign_in(loc, user, password)
        assert ben.count(other.db, other.actor) == 1
        other.close()


def test_a_key_file_write_cut_short_leaves_no_old_slot_behind(tmp_path: Path) -> None:
    """A power cut in the middle of writing the key file leaves its temporary copy beside
    it, old slots and all; the next change of key removes it."""
    root = tmp_path / "data"
    ws, _code = _office(root)
    keys_file = vault_path(ws.db.location.path)  # type: ignore[arg-type]
    leftover = keys_file.with_name(f".{keys_file.name}.x1y2z3.tmp")
    leftover.write_bytes(keys_file.read_bytes())
    auth.set_active(ws, "hoa", False)
    ws.close()
    assert not leftover.exists()
    assert attacks.what_a_password_opens(root, "hoa", HOA_PW) == []


def test_older_backups_still_restore_for_an_admin_and_the_recovery_key(tmp_path: Path) -> None:
    root = tmp_path / "data"
    ws, code = _office(root)
    loc = ws.db.location
    older = backups.backup_now(ws)
    taken = _raw_key(loc, "hoa", HOA_PW)
    auth.set_active(ws, "hoa", False)
    auth.reset_password(ws, "mai", "mai-new-pass-1")
    ws.close()

    admin = auth.sign_in(loc, "lan", PW)
    backups.check_file(older.path, admin.key)
    backups.restore(loc, older.path, admin.key, admin.actor)
    admin.close()
    admin = auth.sign_in(loc, "lan", PW)
    assert ben.count(admin.db, admin.actor) == 1
    admin.close()
    # A restore never brings the older key or hoa's slot back.
    assert attacks.what_a_password_opens(root, "hoa", HOA_PW) == []
    assert not attacks.opens_with_key(loc.path, taken)  # type: ignore[arg-type]

    rescue = auth.open_with_recovery_key(loc, code)
    info, _aside = backups.restore_newest_good(loc, rescue.key, rescue.actor)
    assert info.path.exists()
    rescue.close()
    admin = auth.sign_in(loc, "lan", PW)
    assert ben.count(admin.db, admin.actor) == 1
    admin.close()


def test_a_new_recovery_key_ends_the_old_one_everywhere(tmp_path: Path) -> None:
    root = tmp_path / "data"
    ws, old_code = _office(root)
    backups.backup_now(ws)
    new_code = auth.new_recovery_key(ws)
    ws.close()
    assert new_code != old_code
    loc = DatabaseLocation(path=root / "tracker.db")
    for key_file in attacks.key_files(root):
        target = DatabaseLocation(path=key_file.with_name(key_file.name[: -len(".keys")]))
        with pytest.raises(AuthError):
            auth.open_with_recovery_key(target, old_code)
    auth.open_with_recovery_key(loc, new_code).close()


def test_a_signed_in_window_follows_a_new_key_and_a_disabled_one_is_shut_out(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    ws, _code = _office(root)
    loc = ws.db.location
    mai = auth.sign_in(loc, "mai", MAI_PW)  # another window, left open
    hoa = auth.sign_in(loc, "hoa", HOA_PW)
    auth.set_active(ws, "hoa", False)
    assert ben.count(mai.db, mai.actor) == 1  # reads on with the new key
    with pytest.raises(ServiceError) as shut:
        ben.count(hoa.db, hoa.actor)
    assert shut.value.key == "access_ended"
    for w in (ws, mai, hoa):
        w.close()


# --- older key files ------------------------------------------------------------------------


def _derive1(secret: str, salt: bytes) -> bytes:
    kdf = vault_module.KDF
    return hash_secret_raw(
        secret.encode(), salt, time_cost=kdf["time_cost"], memory_cost=kdf["memory_cost"],
        parallelism=kdf["parallelism"], hash_len=32, type=Type.ID,
    )  # fmt: skip


def write_format1_key_file(
    key_file: Path, key: bytes, database_id: str, users: dict[str, str], code: str
) -> None:
    """A key file as the previous version wrote it: each slot wraps the database key."""
    slots = []
    for kind, name, secret in [*(("user", u, p) for u, p in users.items()),
                               ("recovery", "", code)]:  # fmt: skip
        salt, nonce = os.urandom(16), os.urandom(12)
        aad = f"{database_id}|{kind}|{name}".encode()
        wrapped = AESGCM(_derive1(secret, salt)).encrypt(nonce, key, aad)
        slots.append(
            {"name": name, "kind": kind, "salt": base64.b64encode(salt).decode(),
             "nonce": base64.b64encode(nonce).decode(),
             "wrapped": base64.b64encode(wrapped).decode(), "kdf": dict(vault_module.KDF),
             "failures": 0, "locked_until": None}
        )  # fmt: skip
    doc = {"format": 1, "app": "grant-tracker", "cipher": "sqlcipher4-raw-key",
           "database_id": database_id, "slots": slots}  # fmt: skip
    key_file.write_text(json.dumps(doc), "utf-8")


def test_a_format1_key_file_opens_and_upgrades_slot_by_slot(tmp_path: Path) -> None:
    root = tmp_path / "data"
    ws, _code = _office(root)
    loc = ws.db.location
    assert ws.key is not None
    key = bytes(ws.key)
    database_id = ws.key.database_id
    old_backup = backups.backup_now(ws)
    ws.close()
    old_code = vault_module.new_recovery_code()
    users = {"lan": PW, "hoa": HOA_PW, "mai": MAI_PW}
    write_format1_key_file(vault_path(loc.path), key, database_id, users, old_code)  # type: ignore[arg-type]
    write_format1_key_file(vault_path(old_backup.path), key, database_id, users, old_code)

    ws = auth.sign_in(loc, "lan", PW)  # opens, and lan's slot is rewritten in the new form
    doc = json.loads(vault_path(loc.path).read_text())  # type: ignore[arg-type]
    by_name = {s["name"]: s for s in doc["slots"]}
    assert doc["format"] == 2 and "public" in by_name["lan"] and "public" not in by_name["hoa"]
    auth.sign_in(loc, "mai", MAI_PW).close()  # mai signs in too: upgraded

    change = auth.set_active(ws, "hoa", False)
    assert change is not None
    # The recovery slot was still in the old form: it could not follow, and says so.
    assert change.recovery_lost and ws.needs_recovery_key
    code = auth.new_recovery_key(ws)
    assert not ws.needs_recovery_key
    ws.close()
    assert attacks.what_a_password_opens(root, "hoa", HOA_PW) == []
    with pytest.raises(AuthError):
        auth.open_with_recovery_key(loc, old_code)
    auth.open_with_recovery_key(loc, code).close()
    auth.sign_in(loc, "mai", MAI_PW).close()
    ws = auth.sign_in(loc, "lan", PW)
    backups.check_file(old_backup.path, ws.key)  # its key file was rewritten, it still opens
    ws.close()


def test_accounts_not_upgraded_when_the_key_changes_need_a_new_password(tmp_path: Path) -> None:
    root = tmp_path / "data"
    ws, _code = _office(root)
    loc = ws.db.location
    assert ws.key is not None
    key, database_id = bytes(ws.key), ws.key.database_id
    ws.close()
    users = {"lan": PW, "hoa": HOA_PW, "mai": MAI_PW}
    write_format1_key_file(vault_path(loc.path), key, database_id, users, "X")  # type: ignore[arg-type]
    ws = auth.sign_in(loc, "lan", PW)
    change = auth.set_active(ws, "hoa", False)
    assert change is not None and change.dropped == ("mai",)  # mai had not signed in
    with pytest.raises(AuthError):
        auth.sign_in(loc, "mai", MAI_PW)
    auth.reset_password(ws, "mai", "mai-fresh-pass-1")
    ws.close()
    auth.sign_in(loc, "mai", "mai-fresh-pass-1").close()


# --- hole 3: parallel guessing, names told apart ---------------------------------------------


def test_twelve_simultaneous_guesses_count_as_twelve(tmp_path: Path) -> None:
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    answers = attacks.parallel_guesses(
        loc.path,  # type: ignore[arg-type]
        "hoa",
        [[f"guess-number-{i:02d}"] for i in range(12)],
    )
    assert len(answers) == 12
    checked = [a for a in answers if a != "locked"]
    # At most five passwords were checked; the lock answered the rest.
    assert len(checked) <= vault_module.MAX_FAILURES, answers
    doc = json.loads(vault_path(loc.path).read_text())  # type: ignore[arg-type]
    hoa = next(s for s in doc["slots"] if s["name"] == "hoa")
    assert hoa["failures"] >= vault_module.MAX_FAILURES and hoa["locked_until"]


def test_four_guessing_processes_get_no_more_than_five_tries(tmp_path: Path) -> None:
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    answers = attacks.parallel_guesses(
        loc.path,  # type: ignore[arg-type]
        "hoa",
        [[f"w{w}-guess-{i}" for i in range(4)] for w in range(4)],
    )
    assert len(answers) == 16
    assert len([a for a in answers if a != "locked"]) <= vault_module.MAX_FAILURES, answers


def test_unknown_user_and_wrong_password_look_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    calls: list[tuple[int, int, int]] = []
    real = vault_module.hash_secret_raw

    def counting(secret: bytes, salt: bytes, **kw: Any) -> bytes:
        calls.append((kw["time_cost"], kw["memory_cost"], kw["parallelism"]))
        return real(secret, salt, **kw)

    monkeypatch.setattr(vault_module, "hash_secret_raw", counting)
    answers = {}
    for user in ("hoa", "nobody"):
        calls.clear()
        with pytest.raises(AuthError) as err:
            auth.sign_in(loc, user, "not-the-password")
        answers[user] = (err.value.key, err.value.message("vi"), err.value.message("en"))
        assert len(calls) == 1, f"{user}: one Argon2id run, as for any name"
        params = calls[0]
    assert answers["hoa"] == answers["nobody"]
    assert "lần thử" not in answers["hoa"][1] or "Còn" not in answers["hoa"][1]
    assert params == (vault_module.KDF["time_cost"], vault_module.KDF["memory_cost"],
                      vault_module.KDF["parallelism"])  # fmt: skip


def test_an_unknown_name_locks_like_a_real_one(tmp_path: Path) -> None:
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    now = datetime(2025, 6, 15, 8, 0, tzinfo=UTC)
    seen: dict[str, list[str]] = {}
    for user in ("hoa", "nobody"):
        seen[user] = []
        for _ in range(6):
            with pytest.raises(AuthError) as err:
                auth.sign_in(loc, user, "not-the-password", now=now)
            seen[user].append(err.value.key)
    assert seen["hoa"] == seen["nobody"] == ["sign_in_failed"] * 4 + ["locked"] * 2
    raw = vault_path(loc.path).read_bytes()  # type: ignore[arg-type]
    assert b"nobody" not in raw  # the name tried is not kept
    later = now + timedelta(seconds=31)
    auth.sign_in(loc, "hoa", HOA_PW, now=later).close()


# --- hole 6: key files with values out of bounds ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("time_cost", 0),
        ("time_cost", -1),
        ("time_cost", 11),
        ("time_cost", "3"),
        ("time_cost", True),
        ("time_cost", 2.5),
        ("memory_cost", 0),
        ("memory_cost", 4),
        ("memory_cost", 1 << 40),
        ("parallelism", 0),
        ("parallelism", 1000),
        ("parallelism", None),
    ],
)
def test_kdf_values_out_of_bounds_refuse_the_key_file(
    tmp_path: Path, name: str, value: object
) -> None:
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    attacks.set_kdf_value(vault_path(loc.path), name, value)  # type: ignore[arg-type]
    started = time.monotonic()
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert time.monotonic() - started < 5
    assert err.value.key == "vault_invalid"
    assert name in err.value.message("vi") and "không hợp lệ" in err.value.message("vi")
    assert name in err.value.message("en") and "not allowed" in err.value.message("en")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("salt", base64.b64encode(b"short").decode()),
        ("nonce", base64.b64encode(bytes(range(8))).decode()),
        ("wrapped", "not base64 at all!"),
        ("public", base64.b64encode(bytes(range(12))).decode()),
        ("failures", -3),
        ("failures", "many"),
        ("locked_until", "tomorrow"),
        ("kdf", {"time_cost": 3}),
        ("name", "Lan With Spaces"),
    ],
)
def test_other_slot_values_out_of_bounds_refuse_the_key_file(
    tmp_path: Path, name: str, value: object
) -> None:
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    attacks.set_slot_value(vault_path(loc.path), name, value)  # type: ignore[arg-type]
    with pytest.raises(AuthError) as err:
        auth.sign_in(loc, "lan", PW)
    assert err.value.key == "vault_invalid", err.value.message("en")


def test_a_key_file_that_would_hang_the_sign_in_is_refused_at_once(tmp_path: Path) -> None:
    """time_cost 1,000,000 on the command line: a clear refusal within seconds, in both
    languages, never a sign-in that runs for hours."""
    ws, _code = _office(tmp_path / "data")
    loc = ws.db.location
    ws.close()
    keys_file = vault_path(loc.path)  # type: ignore[arg-type]
    attacks.set_kdf_value(keys_file, "memory_cost", 64 * 1024)  # as on a real office PC
    attacks.set_kdf_value(keys_file, "time_cost", 1_000_000)
    env = {**os.environ, "PYTHONPATH": str(attacks.ROOT), "TRACKER_PASSWORD": PW}
    for lang, words in (("vi", "không hợp lệ"), ("en", "not allowed")):
        done = subprocess.run(
            [sys.executable, "-m", "tracker", "search", "x", "--db", str(loc.path),
             "--user", "lan", "--lang", lang],
            capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 1
        assert words in done.stderr and "time_cost" in done.stderr
        assert "Traceback" not in done.stderr


# --- PostgreSQL: counted in the account's row -----------------------------------------------


@pytest.mark.postgres
def test_on_postgresql_wrong_password_and_unknown_name_look_the_same_and_count(
    tmp_path: Path,
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from ..conftest import make_db

    db = make_db("postgres", tmp_path)
    try:
        office.save_office(db, SYSTEM, office.OfficeInput(name="Hội LHPN", receipt_prefix="MV"))
        office.create_user(db, SYSTEM, "hoa", "Vàng Thị Hoa", "officer", HOA_PW)
        loc = db.location
        answers = {}
        for user in ("hoa", "nobody"):
            with pytest.raises(AuthError) as err:
                auth.sign_in(loc, user, "not-the-password")
            answers[user] = (err.value.key, err.value.message("vi"))
        assert answers["hoa"] == answers["nobody"]

        def guess(i: int) -> str:
            try:
                auth.sign_in(loc, "hoa", f"guess-{i}").close()
            except AuthError as exc:
                return exc.key
            return "ok"

        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(guess, range(12)))
        # One wrong try before, so at most four more were checked before the lock.
        assert len([a for a in got if a != "locked"]) <= vault_module.MAX_FAILURES - 1, got
    finally:
        db.dispose()


def test_the_command_line_disables_and_makes_a_new_recovery_key(tmp_path: Path) -> None:
    import re

    root = tmp_path / "data"
    ws, old_code = _office(root)
    loc = ws.db.location
    ws.close()
    env = {**os.environ, "PYTHONPATH": str(attacks.ROOT), "TRACKER_PASSWORD": PW}

    def tracker(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tracker", *args, "--db", str(loc.path), "--user", "lan",
             "--lang", "en"],
            capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip

    off = tracker("users", "disable", "hoa")
    assert off.returncode == 0, off.stderr
    assert "The database has a new key" in off.stdout
    assert attacks.what_a_password_opens(root, "hoa", HOA_PW) == []
    made = tracker("users", "recovery-key")
    assert made.returncode == 0, made.stderr
    found = re.search(r"([A-Z2-9]{5}-){7}[A-Z2-9]{5}", made.stdout)
    assert found is not None
    with pytest.raises(AuthError):
        auth.open_with_recovery_key(loc, old_code)
    auth.open_with_recovery_key(loc, found.group(0)).close()
