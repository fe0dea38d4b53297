"""The engine made while the password is typed (``auth.warm_up`` with the database's
location): its statements are compiled on an empty database in memory, nothing of the
file is opened before the key, and the sign-in then takes that engine, keyed."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.db import engine as engine_module
from tracker.services import auth, office
from tracker.services import beneficiaries as ben

PW = "office-pass-2025"


def _office(root: Path) -> DatabaseLocation:
    loc = DatabaseLocation(path=root / "tracker.db")
    ws, _code = auth.create_workspace(
        loc, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV"), "lan",
        "Nguyễn Thị Lan", PW,
    )  # fmt: skip
    ben.register(
        ws.db, ws.actor,
        ben.BeneficiaryInput(
            full_name="Đặng Thị Hồng Nhung", sex="F", category="victim", ethnicity_code="01",
            birth_year=2001,
        ),
    )  # fmt: skip
    ws.close()
    return loc


def _files(folder: Path) -> dict[str, str]:
    """Every file of the data folder, by name, with a digest of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def test_the_sign_in_takes_the_engine_warmed_while_the_password_was_typed(
    tmp_path: Path,
) -> None:
    loc = _office(tmp_path)
    before = _files(tmp_path)
    auth.warm_up(loc)
    prepared = engine_module._prepared
    assert prepared is not None and prepared.location == loc
    # Warming opened nothing of the folder: the same files, byte for byte (no journal).
    assert _files(tmp_path) == before
    assert len(prepared.engine._compiled_cache) > 5  # the statements are compiled

    ws = auth.sign_in(loc, "lan", PW)
    try:
        assert ws.db.engine is prepared.engine
        assert engine_module._prepared is None  # taken once
        found = ben.search(ws.db, ws.actor, "dang thi hong")
        assert [b.full_name for b in found] == ["Đặng Thị Hồng Nhung"]
        with ws.db.read() as s:  # the file's own tables, not the empty ones in memory
            assert s.execute(text("SELECT count(*) FROM beneficiary")).scalar_one() == 1
    finally:
        ws.close()


def test_an_engine_warmed_for_another_file_is_not_taken(tmp_path: Path) -> None:
    here = _office(tmp_path / "a")
    other = DatabaseLocation(path=tmp_path / "b" / "tracker.db")
    prepared = engine_module.prepare_engine(other)
    assert prepared is not None
    with prepared.warming():
        pass
    ws = auth.sign_in(here, "lan", PW)
    try:
        assert ws.db.engine is not prepared.engine
        assert engine_module._prepared is prepared  # still waiting for its own file
        assert not (tmp_path / "b" / "tracker.db").exists()
    finally:
        ws.close()


def test_a_wrong_password_leaves_the_warmed_engine_for_the_next_try(tmp_path: Path) -> None:
    loc = _office(tmp_path)
    auth.warm_up(loc)
    prepared = engine_module._prepared
    assert prepared is not None
    try:
        auth.sign_in(loc, "lan", "not-the-password")
    except auth.AuthError:
        pass
    else:  # pragma: no cover - the test fails below
        raise AssertionError("a wrong password signed in")
    assert engine_module._prepared is prepared
    ws = auth.sign_in(loc, "lan", PW)
    try:
        assert ws.db.engine is prepared.engine
    finally:
        ws.close()


def test_an_engine_still_warming_is_left_and_a_fresh_one_opens_the_file(tmp_path: Path) -> None:
    """A quick typist: "Sign in" while the statements are still being compiled."""
    loc = _office(tmp_path)
    prepared = engine_module.prepare_engine(loc)
    assert prepared is not None
    inside, leave = threading.Event(), threading.Event()

    def warm() -> None:
        with prepared.warming():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=warm)
    thread.start()
    try:
        assert inside.wait(10)
        ws = auth.sign_in(loc, "lan", PW)
        try:
            assert ws.db.engine is not prepared.engine
            assert ben.search(ws.db, ws.actor, "nhung")
        finally:
            ws.close()
    finally:
        leave.set()
        thread.join(10)
    # Taken by nobody: it never gets a key, and its connections went to memory only.
    assert prepared.take(DatabaseLocation(path=tmp_path / "elsewhere.db"), b"k" * 32) is None


def test_a_disabled_account_opens_nothing_through_the_warmed_engine(tmp_path: Path) -> None:
    """The engine waits for a key only the sign-in gives: a disabled account's password
    opens no key slot, so the engine stays without one and the file stays shut to it."""
    loc = _office(tmp_path)
    admin = auth.sign_in(loc, "lan", PW)
    auth.add_user(admin, "hoa", "Vàng Thị Hoa", "officer", "hoa-pass-2025")
    auth.set_active(admin, "hoa", False)
    admin.close()
    auth.warm_up(loc)
    prepared = engine_module._prepared
    assert prepared is not None
    try:
        auth.sign_in(loc, "hoa", "hoa-pass-2025")
    except auth.AuthError as exc:
        assert exc.message()  # said in words
    else:  # pragma: no cover - the test fails below
        raise AssertionError("a disabled account signed in")
    assert engine_module._prepared is prepared and prepared._key is None
    assert prepared.engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_damaged_file_is_refused_in_words_and_the_taken_engine_closed(tmp_path: Path) -> None:
    """A page the sign-in reads is zeroed, past the header that still opens: the warmed
    engine is taken, the sign-in says the database is damaged (so the window offers the
    newest good backup) and no connection to the file stays open."""
    loc = _office(tmp_path)
    assert loc.path is not None
    data = bytearray(loc.path.read_bytes())
    data[4096 : 2 * 4096] = bytes(4096)
    loc.path.write_bytes(bytes(data))
    auth.warm_up(loc)
    prepared = engine_module._prepared
    assert prepared is not None
    with pytest.raises(auth.AuthError) as refused:
        auth.sign_in(loc, "lan", PW)
    assert refused.value.key == "database_damaged" and refused.value.message()
    assert prepared._key is not None  # it was taken, then closed
    assert prepared.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
