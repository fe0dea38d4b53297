"""The province office: three offices' signed bundles (three demo databases, one still on
the districts before July 2025) taken in at a province database; the same bundle twice, a
tampered one, a badly signed one, one from an unregistered office, one of a period to
come, one of an older version; the board; and the provincial summary against the sum of
the offices' own summaries, with its small cells protected across offices."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import signal
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tracker.config import DatabaseLocation
from tracker.demo import build_demo
from tracker.domain.shapes import Summary
from tracker.reports import bundle
from tracker.reports.province_tables import province_tables
from tracker.reports.summary_tables import SUPPRESSED
from tracker.services import auth, consolidate, exports, office, reports
from tracker.services.auth import Workspace
from tracker.services.consolidate import BundleRejected

from .checks import dump
from .reader import Reader

TODAY = date(2026, 1, 20)
PERIOD = reports.quarter(2025, 1)
PASSWORD = "province-pass-2026"
PEOPLE_KEY = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH"


@dataclass(frozen=True)
class Setup:
    name: str
    prefix: str
    kind: str
    unit: str
    today: date
    seed: int
    places: str
    people_key: bool


SETUPS = (
    Setup("Hội LHPN xã Mèo Vạc", "MV", "commune", "00769", TODAY, 1, "commune", True),
    Setup("Hội LHPN xã Mèo Vạc Hai", "MH", "commune", "00769", TODAY, 2, "commune", True),
    # Still on the former district, and the data of a day before the July 2025 reform.
    Setup("Hội LHPN huyện Mèo Vạc", "HMV", "district", "027", date(2025, 4, 10), 3,
          "district", False),
)  # fmt: skip


@dataclass
class Office:
    setup: Setup
    ws: Workspace
    fingerprint: str
    summary: Summary
    bundle: Path


@dataclass
class World:
    root: Path
    offices: list[Office]
    province: Workspace


def _workspace(path: Path, data: office.OfficeInput) -> Workspace:
    ws, _code = auth.create_workspace(DatabaseLocation(path=path), data, "admin", "Quản trị",
                                      PASSWORD)  # fmt: skip
    return ws


def _export(o: Office | Setup, ws: Workspace, target: Path) -> Path:
    s = o.setup if isinstance(o, Office) else o
    target.mkdir(parents=True, exist_ok=True)
    result = exports.export_summary(
        ws.db, ws.actor, PERIOD, target, audience="province", formats=("csv",),
        today=s.today, places=s.places,
    )  # fmt: skip
    return result.folder


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from argon2 import PasswordHasher

    from tracker.db import vault

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vault, "KDF", {"time_cost": 1, "memory_cost": 8, "parallelism": 1})
        mp.setattr(office, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        root = tmp_path_factory.mktemp("province")
        mp.setenv("TRACKER_DATA_DIR", str(root / "data"))
        offices = []
        for st in SETUPS:
            data = office.OfficeInput(name=st.name, receipt_prefix=st.prefix, kind=st.kind,
                                      province_code="08", unit_code=st.unit)  # fmt: skip
            ws = _workspace(root / st.prefix / "tracker.db", data)
            build_demo(ws, today=st.today, seed=st.seed, people=24)
            if st.people_key:
                consolidate.set_people_key(ws.db, ws.actor, PEOPLE_KEY)
            me = consolidate.identity(ws.db, ws.actor)
            assert me.fingerprint is not None and me.code == st.prefix
            summary = reports.period_summary(
                ws.db, ws.actor, PERIOD, audience="province", today=st.today, places=st.places
            )
            folder = _export(st, ws, root / "sticks" / st.prefix)
            offices.append(Office(st, ws, me.fingerprint, summary, folder))
        province = _workspace(
            root / "province" / "tracker.db",
            office.OfficeInput(name="Hội LHPN tỉnh Tuyên Quang", receipt_prefix="TQ",
                               kind="province", province_code="08"),
        )  # fmt: skip
        for o in offices:
            consolidate.register_office(province.db, province.actor, o.setup.name, o.fingerprint)
        for o in offices:
            done = consolidate.import_bundles(province.db, province.actor, o.bundle, today=TODAY)
            assert [(d.office, d.outcome) for d in done] == [(o.setup.name, "imported")]
        yield World(root, offices, province)
        for o in offices:
            o.ws.close()
        province.close()


def _copy(world: World, src: Path, name: str) -> Path:
    target = world.root / "forged" / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(src, target)
    return target


def _resign(folder: Path, change: dict[str, object] | None = None) -> str:
    """Rewrite the manifest (with ``change``) and sign it with a key nobody registered;
    returns that key's fingerprint."""
    key = Ed25519PrivateKey.generate()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(change or {})
    manifest["signing"] = bundle.signing_block(key)
    raw = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    (folder / "manifest.json").write_bytes(raw)
    (folder / bundle.SIGNATURE).write_bytes(bundle.sign(key, raw))
    return bundle.fingerprint(key.public_key().public_bytes_raw())


def _refused(world: World, folder: Path, key: str) -> str:
    db = world.province.db
    before = dump(db)
    with pytest.raises(BundleRejected) as info:
        consolidate.import_bundles(db, world.province.actor, folder, today=TODAY)
    assert info.value.key == key, info.value.message("en")
    assert dump(db) == before, "a refused bundle changed something"
    return info.value.message("en")


def test_the_bundle_is_signed_and_its_key_is_the_offices(world: World) -> None:
    o = world.offices[0]
    manifest = json.loads((o.bundle / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["signing"]["fingerprint"] == o.fingerprint
    names = {f["path"] for f in manifest["files"]}
    assert bundle.FIGURES in names and (o.bundle / bundle.SIGNATURE).is_file()
    figures = json.loads((o.bundle / bundle.FIGURES).read_text(encoding="utf-8"))
    text = json.dumps(figures, ensure_ascii=False)
    # Figures and keyed hashes only: not one beneficiary's name.
    with o.ws.db.read() as s:
        from sqlalchemy import select

        from tracker.db.models import Beneficiary

        names_db = s.execute(select(Beneficiary.full_name)).scalars().all()
    assert names_db and not any(n in text for n in names_db)
    assert figures["people"]["key_id"] == bundle.key_id(consolidate._normal_people_key(PEOPLE_KEY))


def test_the_same_bundle_twice_changes_nothing(world: World) -> None:
    db = world.province.db
    before = dump(db)
    done = consolidate.import_bundles(
        db, world.province.actor, world.offices[0].bundle, today=TODAY
    )
    assert [d.outcome for d in done] == ["already_there"]
    assert dump(db) == before


def test_a_tampered_file_is_refused_and_named(world: World) -> None:
    folder = _copy(world, world.offices[1].bundle, "tampered")
    target = next((folder / "csv").glob("*.csv"))
    target.write_bytes(target.read_bytes().replace(b"1", b"2", 1) + b"\n")
    assert target.name in _refused(world, folder, "bundle_tampered")
    folder = _copy(world, world.offices[1].bundle, "figures")
    figures = folder / bundle.FIGURES
    figures.write_bytes(figures.read_bytes().replace(b'"cumulative": ', b'"cumulative": 1', 1))
    _refused(world, folder, "bundle_tampered")


class Hung(BaseException):
    """The import did not come back in time (a BaseException: no ``except`` swallows it)."""


@contextmanager
def _within(seconds: int) -> Iterator[None]:
    def stop(*_args: object) -> None:
        raise Hung(f"no answer in {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _list_in_manifest(folder: Path, path: str, size: int) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"].append({"path": path, "size": size, "sha256": "0" * 64})
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.skipif(os.name == "nt", reason="devices and links as on a Linux PC")
def test_a_hostile_stick_is_refused_without_reading_outside_the_bundle(world: World) -> None:
    """A manifest is read before its signature can be checked: the files it names must
    stay inside the bundle and be plain files, or the province's PC would read a device
    for ever (or another folder's files)."""
    outside = world.root / "secret.txt"
    outside.write_text("not the bundle's", encoding="utf-8")
    for name, path, size in (
        ("device", "/dev/zero", 1 << 40),
        ("climbing", "../../secret.txt", outside.stat().st_size),
        ("absolute", str(outside), outside.stat().st_size),
    ):
        folder = _copy(world, world.offices[1].bundle, name)
        _list_in_manifest(folder, path, size)
        with _within(20):
            assert "manifest.json" in _refused(world, folder, "bundle_tampered")
    folder = _copy(world, world.offices[1].bundle, "link")
    (folder / "zero.csv").symlink_to("/dev/zero")
    _list_in_manifest(folder, "zero.csv", 1 << 40)
    with _within(20):
        assert "zero.csv" in _refused(world, folder, "bundle_tampered")
    folder = _copy(world, world.offices[1].bundle, "link-unlisted")
    (folder / "csv" / "more.csv").symlink_to("/dev/zero")
    with _within(20):
        assert "more.csv" in _refused(world, folder, "bundle_tampered")


def test_deeply_nested_files_are_refused_in_words(world: World) -> None:
    """JSON nested deeper than Python's parser goes: a refusal, not a crash."""
    folder = _copy(world, world.offices[1].bundle, "deep-manifest")
    (folder / "manifest.json").write_text("[" * 100_000, encoding="utf-8")
    _refused(world, folder, "bundle_tampered")
    # Figures signed by a key of the stick's own (nobody registered it): the figures are
    # read before the province looks the key up.
    folder = _copy(world, world.offices[1].bundle, "deep-figures")
    deep = ("[" * 100_000).encode()
    (folder / bundle.FIGURES).write_bytes(deep)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == bundle.FIGURES:
            entry.update(size=len(deep), sha256=hashlib.sha256(deep).hexdigest())
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    _resign(folder)
    assert bundle.FIGURES in _refused(world, folder, "bundle_tampered")


def test_a_bad_signature_is_refused(world: World) -> None:
    folder = _copy(world, world.offices[1].bundle, "bad-signature")
    raw = bytearray(base64.b64decode((folder / bundle.SIGNATURE).read_bytes()))
    raw[0] ^= 1
    (folder / bundle.SIGNATURE).write_bytes(base64.b64encode(bytes(raw)))
    assert "signature" in _refused(world, folder, "bundle_bad_signature")


def test_an_unregistered_office_is_refused_with_its_fingerprint(world: World) -> None:
    folder = _copy(world, world.offices[1].bundle, "unregistered")
    fp = _resign(folder)
    assert fp in _refused(world, folder, "bundle_unregistered")


def test_a_period_to_come_is_refused(world: World) -> None:
    folder = _copy(world, world.offices[0].bundle, "future")
    figures = json.loads((folder / bundle.FIGURES).read_text(encoding="utf-8"))
    figures["summary"]["period"] = {"start": "2026-04-01", "end": "2026-06-30",
                                    "kind": "quarter"}  # fmt: skip
    data = json.dumps(figures).encode("utf-8")
    (folder / bundle.FIGURES).write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for f in manifest["files"]:
        if f["path"] == bundle.FIGURES:
            f.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    manifest["period"]["key"] = "2026-Q2"
    _resign(folder, {"files": manifest["files"], "period": manifest["period"]})
    _refused(world, folder, "bundle_future")


def test_a_bundle_of_an_older_version_names_the_version_needed(world: World) -> None:
    from tracker import __version__

    folder = _copy(world, world.offices[0].bundle, "old")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("signing")
    manifest["app_version"] = "0.0.9"
    manifest["files"] = [f for f in manifest["files"] if f["path"] != bundle.FIGURES]
    (folder / bundle.FIGURES).unlink()
    (folder / bundle.SIGNATURE).unlink()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    message = _refused(world, folder, "bundle_too_old")
    assert "0.0.9" in message and __version__ in message


def test_an_unsigned_bundle_of_this_version_says_why_it_cannot_be_taken_in(
    world: World,
) -> None:
    # What an office on PostgreSQL (no key file, so no signing key) writes.
    folder = _copy(world, world.offices[0].bundle, "unsigned")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("signing")
    (folder / bundle.SIGNATURE).unlink()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    message = _refused(world, folder, "bundle_unsigned")
    assert "no signature" in message and "PostgreSQL" in message


def test_a_later_bundle_replaces_the_earlier_and_the_board_shows_it(world: World) -> None:
    o = world.offices[0]
    later = _export(o, o.ws, world.root / "sticks" / "later")
    done = consolidate.import_bundles(world.province.db, world.province.actor, later,
                                      today=TODAY)  # fmt: skip
    assert [d.outcome for d in done] == ["replaced"]
    b = consolidate.board(world.province.db, world.province.actor, today=TODAY)
    assert [p.key for p in b.periods] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    rows = {r.office: r for r in b.rows}
    assert rows[o.setup.name].cells[0].state == "received"
    assert rows[o.setup.name].cells[0].replaced == 1
    assert rows[world.offices[1].setup.name].cells[0].replaced == 0
    assert all(c.state == "late" for c in rows[o.setup.name].cells[1:])
    assert [(r.office, r.period) for r in b.replacements] == [(o.setup.name, "2025-Q1")]


def test_the_provincial_totals_are_the_sum_of_the_offices_summaries(world: World) -> None:
    found = consolidate.province_figures(world.province.db, world.province.actor, PERIOD)
    own = [o.summary for o in world.offices]
    t = found.total
    assert len(found.offices) == 3
    assert t.people.total.new == sum(s.people.total.new for s in own)
    assert t.people.total.cumulative == sum(s.people.total.cumulative for s in own)
    for field in ("handovers", "people", "cash", "in_kind", "handovers_total", "cash_total"):
        assert sum(getattr(r, field) for r in t.support) == sum(
            getattr(r, field) for s in own for r in s.support
        ), field
    assert t.visits_total.scheduled == sum(s.visits_total.scheduled for s in own)
    assert t.receipts.valid == sum(s.receipts.valid for s in own)
    assert t.receipts.amount_valid == sum(s.receipts.amount_valid for s in own)
    # The district office's rows by former district are there, next to the communes.
    district_keys = {c.key for c in own[2].people.by_commune}
    assert district_keys and district_keys <= {c.key for c in t.people.by_commune}
    # Counted once: the two offices with the shared key; the district office sent none.
    assert found.offices_without_hashes == (SETUPS[2].name,)
    assert found.people_to_end is not None
    assert found.people_to_end <= own[0].people.total.cumulative + own[1].people.total.cumulative


def _cross(tables: list, offices: int) -> tuple[dict, dict, list, dict]:  # type: ignore[type-arg]
    """What a reader of the provincial tables knows: each cell printed, each hidden, and
    that the province's cell is the offices' same cells added up."""
    shown: dict[Hashable, int] = {}
    hidden: dict[Hashable, str] = {}
    where: dict[tuple[str, tuple[object, ...], str], dict[str, Hashable]] = {}
    for t in tables:
        code, _, base = t.key.partition("_")
        for rid, row in enumerate(t.all_rows()):
            label = (
                ("total",)
                if t.total is not None and rid == len(t.rows)
                else tuple(
                    v
                    for c, v in zip(t.columns, row, strict=True)
                    if c.kind not in ("count", "money")
                )
            )
            for c, v in zip(t.columns, row, strict=True):
                if c.kind not in ("count", "money") or v is None:
                    continue
                key = (t.key, rid, c.key)
                if isinstance(v, int):
                    shown[key] = v
                else:
                    hidden[key] = str(v)
                where.setdefault((base, label, c.key), {})[code] = key
    eqs = []
    for cell in where.values():
        if "tinh" in cell and len(cell) > 1 and not cell["tinh"][0].endswith("projects"):
            eqs.append((*((k, 1) for code, k in cell.items() if code != "tinh"),
                        (cell["tinh"], -1)))  # fmt: skip
    return shown, hidden, eqs, where


def test_the_province_total_minus_the_other_offices_gives_no_small_count_back(
    world: World,
) -> None:
    found = consolidate.province_figures(world.province.db, world.province.actor, PERIOD)
    tables = province_tables(found.total, found.offices, "vi",
                             once=(found.people_in_period, found.people_to_end))  # fmt: skip
    plain = province_tables(found.total, found.offices, "vi",
                            once=(found.people_in_period, found.people_to_end),
                            protected=False)  # fmt: skip
    assert {t.key.split("_")[0] for t in tables} >= {"tinh", "MV", "MH", "HMV"}
    shown, hidden, eqs, _where = _cross(tables, len(found.offices))
    assert any(v == SUPPRESSED for v in hidden.values()), "the demos have small counts"
    # The true values, from the same tables made without protection.
    assert [t.key for t in plain] == [t.key for t in tables]
    truth = {}
    for raw in plain:
        for rid, row in enumerate(raw.all_rows()):
            for c, v in zip(raw.columns, row, strict=True):
                if isinstance(v, int):
                    truth[(raw.key, rid, c.key)] = v
    # Only the cross relations (the offices' own are checked by test_report_protection),
    # where they hold (a column of people whose parts overlap does not add up).
    relevant = [eq for eq in eqs if sum(c * truth[k] for k, c in eq) == 0]
    assert len(relevant) > 0.9 * len(eqs)
    reader = Reader(shown, hidden, relevant, truth, budget=20_000)
    # The small cells of the offices that the province's total and the others would give
    # back if nothing else were hidden (each office's own relations are checked by
    # test_report_protection).
    exposed = [
        key
        for key, mark in hidden.items()
        if mark == SUPPRESSED
        and not key[0].startswith("tinh")
        and any(key in dict(eq) for eq in relevant)
    ]
    assert exposed
    for key in exposed[:12]:
        assert reader.can_differ(key), key


def test_the_provincial_export_writes_pdf_xlsx_and_csv(world: World) -> None:
    target = world.root / "province-out"
    target.mkdir()
    result = exports.export_summary(
        world.province.db, world.province.actor, PERIOD, target, audience="province",
        today=TODAY,
    )  # fmt: skip
    names = [f.path for f in result.files]
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".xlsx") for n in names)
    csvs = [n for n in names if n.startswith("csv/")]
    assert any("tinh_people_sex" in n for n in csvs) and any("HMV_people" in n for n in csvs)
    text = (result.folder / next(n for n in csvs if "tinh_people_sex" in n)).read_text(
        encoding="utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows, text
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["offices"] == 3 and manifest["audience"] == "province"


def test_only_a_province_level_office_takes_bundles_in(world: World) -> None:
    o = world.offices[1]
    with pytest.raises(Exception) as info:
        consolidate.import_bundles(o.ws.db, o.ws.actor, world.offices[0].bundle, today=TODAY)
    assert getattr(info.value, "key", None) == "not_province_office"
