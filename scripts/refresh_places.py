"""Rebuild the administrative units shipped with the app (tracker/data/places/) from the
two packages that publish them, at the exact versions pinned below.

    .venv/bin/python scripts/refresh_places.py            # download the pinned wheels
    .venv/bin/python scripts/refresh_places.py --wheels DIR   # use wheels already there
    .venv/bin/python scripts/refresh_places.py --check    # rebuild in memory, compare

Sources (read as data from the wheels; neither package is imported by the app):

* ``vietnam-provinces`` (GPL-3.0-or-later, like this program): the 34 provinces and the
  3,321 communes, wards and special zones in force since 1 July 2025, with their GSO codes
  (``vietnam_provinces/data/nested-divisions.json``). Its releases for Python 3.12+ carry the
  official list of the statistics office; the last release that installs on Python 3.11
  (2025.10.1) was made from the draft list and has 114 codes that differ from the official
  ones, so the data is taken from the wheel, not from an installed package.
* ``vietnamadminunits`` (MIT): the 63 provinces, their districts and communes in force until
  30 June 2025 with their codes (``data/dataset.db``), and the mapping of each of those
  communes to the new commune(s) it went into (``data/converter_2025.json``; a commune split
  between several new ones lists them all, the one holding most of it first).

What the script adds of its own: type words taken off the names ("Xã Lũng Cú" is kept as
the type "xã" and the name "Lũng Cú", "Quận 1" as "quận" and "1"), names in NFC with
single spaces and the apostrophe U+2019 written as "'"; the five island districts that had
no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) linked to the special zone of
the same name. It compares the commune mapping with
the conversion table that vietnam-provinces also ships (the differences are printed).

To move to a newer release: change the version and the SHA-256 below, run the script, read
what it prints, run the tests (tests/unit/test_places.py), and add an Alembic revision that
calls ``tracker.db.places_data.reseed`` so that existing databases get the new list.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tracker" / "data" / "places"

VIETNAM_PROVINCES = ("vietnam-provinces", "2026.9.0")
VIETNAM_PROVINCES_SHA256 = "b5f3540a98937d38b9bebcbdb792fa4f5b9712737d41b05c7254beb2308ebcd1"
VIETNAMADMINUNITS = ("vietnamadminunits", "1.0.4")
VIETNAMADMINUNITS_SHA256 = "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35"

LAST_OLD_DAY = "2025-06-30"
REFORM_DAY = "2025-07-01"


def nfc(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return " ".join(text.split())


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", nfc(text)).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def split_type(full: str, type_word: str) -> str:
    """ "Xã Lũng Cú" with "xã" -> "Lũng Cú" (the type word as a prefix, any case)."""
    full = nfc(full)
    if full.casefold().startswith(type_word.casefold() + " "):
        return full[len(type_word) + 1 :]
    return full


def short_name(short: str, type_word: str) -> str:
    """The legacy list's short names keep the type before a number ("Quận 1", "Phường 14"):
    the name is the number. "Phường Đúc" (a ward of Huế so named) stays whole."""
    rest = split_type(short, type_word)
    return rest if rest.isdigit() else nfc(short)


@dataclass
class Unit:
    code: str
    level: str
    unit_type: str
    name: str
    parent: str
    valid_from: str
    valid_to: str


def wheel(name: str, version: str, sha256: str, where: Path, given: Path | None) -> Path:
    pattern = f"{name.replace('-', '_')}-{version}-*.whl"
    found = sorted((given or where).glob(pattern))
    if not found:
        if given is not None:
            raise SystemExit(f"no {pattern} in {given}")
        subprocess.run(
            [
                *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"),
                *("--only-binary=:all:", "--python-version", "3.12", "--dest", str(where)),
                f"{name}=={version}",
            ],
            check=True,
        )
        found = sorted(where.glob(pattern))
    path = found[0]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{path.name}: SHA-256 {digest}, expected {sha256}")
    return path


def new_units(vp_wheel: Path) -> tuple[list[Unit], dict[str, str]]:
    with zipfile.ZipFile(vp_wheel) as z:
        data = json.loads(z.read("vietnam_provinces/data/nested-divisions.json"))
        init = z.read("vietnam_provinces/__init__.py").decode()
    found = re.search(r"__data_version__\s*=\s*['\"]([^'\"]+)", init)
    meta = {"data_version": found.group(1) if found else ""}
    units: list[Unit] = []
    for p in data:
        code = f"{p['code']:02d}"
        kind = "thành phố" if p["division_type"].startswith("thành phố") else "tỉnh"
        units.append(Unit(code, "province", kind, split_type(p["name"], kind), "", REFORM_DAY, ""))
        for w in p["wards"]:
            kind = nfc(w["division_type"]).lower()
            units.append(
                Unit(
                    f"{w['code']:05d}",
                    "commune",
                    kind,
                    split_type(w["name"], kind),
                    code,
                    REFORM_DAY,
                    "",
                )
            )
    return units, meta


def old_units_and_links(
    vau_wheel: Path, tmp: Path
) -> tuple[list[Unit], list[tuple[str, str, int]], dict[tuple[str, str], str]]:
    with zipfile.ZipFile(vau_wheel) as z:
        (tmp / "dataset.db").write_bytes(z.read("vietnamadminunits/data/dataset.db"))
        conv = json.loads(z.read("vietnamadminunits/data/converter_2025.json"))
    con = sqlite3.connect(tmp / "dataset.db")
    units: dict[str, Unit] = {}
    old_key: dict[str, str] = {}  # "province_district_ward" key -> old commune code
    province_key: dict[str, str] = {}
    for row in con.execute(
        "SELECT province, provinceShort, provinceCode, provinceKey, districtShort,"
        " districtType, districtCode, districtKey, wardShort, wardType, wardCode, wardKey"
        " FROM admin_units_legacy"
    ):
        p_full, p_name, p_code, p_key, d_name, d_type, d_code, d_key = row[:8]
        w_name, w_type, w_code, w_key = row[8:]
        p_type = "thành phố" if nfc(p_full).startswith("Thành phố") else "tỉnh"
        units.setdefault(
            p_code, Unit(p_code, "province", p_type, nfc(p_name), "", "", LAST_OLD_DAY)
        )
        province_key[p_key] = p_code
        units.setdefault(
            d_code,
            Unit(
                d_code,
                "district",
                nfc(d_type).lower(),
                short_name(d_name, d_type),
                p_code,
                "",
                LAST_OLD_DAY,
            ),
        )
        if w_code:
            if w_code in units:
                raise SystemExit(f"old commune code {w_code} twice")
            units[w_code] = Unit(
                w_code,
                "commune",
                nfc(w_type).lower(),
                short_name(w_name, w_type),
                d_code,
                "",
                LAST_OLD_DAY,
            )
            old_key[f"{p_key}_{d_key}_{w_key}"] = w_code
        else:  # an island district without communes
            old_key[f"{p_key}_{d_key}"] = d_code
    new_key: dict[tuple[str, str], str] = {}
    new_province_key: dict[str, str] = {}
    for p_key, w_key, p_code, w_code in con.execute(
        "SELECT provinceKey, wardKey, provinceCode, wardCode FROM admin_units"
    ):
        new_key[(p_key, w_key)] = w_code
        new_province_key[p_key] = p_code
    con.close()

    links: dict[tuple[str, str], int] = {}
    for new_p, olds in conv["DICT_PROVINCE"].items():
        for old_p in olds:
            links[(province_key[old_p], new_province_key[new_p])] = 1
    divided: set[str] = set()
    for new_p, per_old in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in per_old.items():
            code = old_key[old]
            divided.add(code)
            for t in targets:
                links[(code, new_key[(new_p, t["newWardKey"])])] = 1 if t["isDefaultNewWard"] else 0
    for new_p, per_new in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in per_new.items():
            target = new_key[(new_p, new_w)]
            for old in olds:
                if old not in old_key:  # an island district, linked below by its name
                    continue
                code = old_key[old]
                if (code, target) not in links:
                    links[(code, target)] = 0 if code in divided else 1
    return list(units.values()), [(a, b, m) for (a, b), m in links.items()], new_key


def check_against_conversion_table(vp_wheel: Path, tmp: Path, links: list) -> str:  # type: ignore[type-arg]
    """Compare the commune mapping with vietnam-provinces' own conversion table."""
    with zipfile.ZipFile(vp_wheel) as z:
        z.extractall(tmp / "vp")
    sys.path.insert(0, str(tmp / "vp"))
    try:
        from vietnam_provinces import _ward_conversion_2025 as table  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - only if the package changes its layout
        return f"conversion table not compared ({exc})"
    finally:
        sys.path.pop(0)
    ours: dict[int, set[int]] = {}
    for old, new, _main in links:
        if len(old) == 5:
            ours.setdefault(int(old), set()).add(int(new))
    theirs = {k: {n.code for n in e.new_wards} for k, e in table.OLD_TO_NEW.items()}
    both = set(ours) & set(theirs)
    same = sum(1 for k in both if ours[k] == theirs[k])
    more = sum(1 for k in both if ours[k] > theirs[k])
    fewer = sum(1 for k in both if ours[k] < theirs[k])
    return (
        f"old communes mapped: {len(ours)}; in vietnam-provinces' table: {len(theirs)};"
        f" both: {len(both)}, same successors: {same}, one more here: {more},"
        f" one fewer here: {fewer}, otherwise different: {len(both) - same - more - fewer}"
    )


def build(vp_wheel: Path, vau_wheel: Path) -> tuple[str, str, dict]:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        new, vp_meta = new_units(vp_wheel)
        old, links, _new_key = old_units_and_links(vau_wheel, tmp)
        comparison = check_against_conversion_table(vp_wheel, tmp, links)
        # The island districts without communes became special zones of the same name.
        zones = {(u.parent, fold(u.name)): u.code for u in new if u.unit_type == "đặc khu"}
        province_next = {a: b for a, b, _m in links if len(a) == 2}
        for u in old:
            if u.level == "district" and not any(c.parent == u.code for c in old):
                zone = zones.get((province_next.get(u.parent, ""), fold(u.name)))
                if zone is None:
                    raise SystemExit(f"no special zone for the district {u.code} {u.name}")
                links.append((u.code, zone, 1))
    new_codes = {u.code for u in new if u.level == "commune"}
    missing = sorted({b for _a, b, _m in links if len(b) == 5} - new_codes)
    if missing:
        raise SystemExit(f"links to new communes not in vietnam-provinces: {missing[:10]}")
    old_communes = [u for u in old if u.level == "commune"]
    unlinked = sorted({u.code for u in old_communes} - {a for a, _b, _m in links})
    if unlinked:
        raise SystemExit(f"old communes without a successor: {unlinked[:10]}")
    units = sorted(old, key=lambda u: (len(u.code), u.code)) + sorted(
        new, key=lambda u: (len(u.code), u.code)
    )
    lines = ["code\tlevel\ttype\tname\tparent\tvalid_from\tvalid_to"]
    lines += [
        "\t".join((u.code, u.level, u.unit_type, u.name, u.parent, u.valid_from, u.valid_to))
        for u in units
    ]
    link_lines = ["old\tnew\tmain"] + [
        f"{a}\t{b}\t{m}" for a, b, m in sorted(links, key=lambda x: (len(x[0]), x[0], -x[2], x[1]))
    ]
    count = {
        level: sum(1 for u in group if u.level == level)
        for group, level in ((new, "province"), (new, "commune"))
    }
    sources = {
        "new_units": {
            "package": VIETNAM_PROVINCES[0],
            "version": VIETNAM_PROVINCES[1],
            "sha256": VIETNAM_PROVINCES_SHA256,
            "data_version": vp_meta["data_version"],
            "licence": "GPL-3.0-or-later",
            "author": "Nguyễn Hồng Quân",
            "provinces": count["province"],
            "communes": count["commune"],
        },
        "old_units_and_mapping": {
            "package": VIETNAMADMINUNITS[0],
            "version": VIETNAMADMINUNITS[1],
            "sha256": VIETNAMADMINUNITS_SHA256,
            "licence": "MIT",
            "author": "Tran Ngoc Minh Hieu",
            "provinces": sum(1 for u in old if u.level == "province"),
            "districts": sum(1 for u in old if u.level == "district"),
            "communes": len(old_communes),
            "links": len(links),
        },
        "comparison": comparison,
        "reform_date": REFORM_DAY,
    }
    return "\n".join(lines) + "\n", "\n".join(link_lines) + "\n", sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheels", type=Path, help="a folder holding the two pinned wheels")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as t:
        where = Path(t)
        vp = wheel(*VIETNAM_PROVINCES, VIETNAM_PROVINCES_SHA256, where, args.wheels)
        vau = wheel(*VIETNAMADMINUNITS, VIETNAMADMINUNITS_SHA256, where, args.wheels)
        units, links, sources = build(vp, vau)
    files = {
        "units.tsv": units,
        "successors.tsv": links,
        "sources.json": json.dumps(sources, ensure_ascii=False, indent=2) + "\n",
    }
    print(json.dumps(sources, ensure_ascii=False, indent=2))
    if args.check:
        stale = [n for n, text in files.items() if (OUT / n).read_text("utf-8") != text]
        print("up to date" if not stale else f"differs: {', '.join(stale)}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        tmp = OUT / f".{name}.tmp"
        tmp.write_text(text, "utf-8", newline="\n")
        tmp.replace(OUT / name)
    print(f"written: {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
