"""The province's command line as a user runs it, in separate processes on real encrypted
files: an office prints its fingerprint and writes its province bundle; the province
registers it, takes the stick in (twice), refuses a tampered copy, shows the board and
writes its own summary."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .test_export_cli import run

PROVINCE_PASSWORD = "tinh-tuyen-quang-2026"
TODAY = "2025-11-20"
FINGERPRINT = re.compile(r"\b[A-Z2-7]{4}(?: [A-Z2-7]{4}){7}\b")


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli-province")
    office_db = root / "office" / "tracker.db"
    office_db.parent.mkdir()
    done = run("demo", "--db", str(office_db), "--today", TODAY, password=None)
    assert done.returncode == 0, done.stderr
    province_db = root / "province" / "tracker.db"
    province_db.parent.mkdir()
    made = run("init", "--db", str(province_db), "--office", "Hội LHPN tỉnh Tuyên Quang",
               "--prefix", "TQ", "--admin", "lan", "--admin-name", "Nguyễn Thị Lan",
               "--province", "08", password=None,
               TRACKER_NEW_PASSWORD=PROVINCE_PASSWORD)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert FINGERPRINT.search(made.stdout), made.stdout  # printed at set-up
    return {"office": office_db, "province": province_db, "root": root}


def at_province(offices: dict[str, Path], *args: str) -> tuple[int, str]:
    done = run(*args, "--db", str(offices["province"]), "--user", "lan",
               password=PROVINCE_PASSWORD)  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def test_a_stick_goes_from_an_office_to_the_province_board(offices: dict[str, Path]) -> None:
    info = run("office", "info", "--db", str(offices["office"]), "--user", "admin")
    assert info.returncode == 0, info.stderr
    found = FINGERPRINT.search(info.stdout)
    assert found, info.stdout
    fingerprint = found.group(0)
    name = info.stdout.splitlines()[0].split(":", 1)[1].strip()
    assert name and "MV" in info.stdout

    stick = offices["root"] / "stick"
    stick.mkdir()
    written = run("export", "quarter", "2025-Q3", "--to", str(stick), "--db",
                  str(offices["office"]), "--user", "admin", "--audience", "province",
                  "--formats", "csv", "--today", TODAY)  # fmt: skip
    assert written.returncode == 0, written.stderr
    bundle = stick / "MV_2025-Q3_province"
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    assert manifest["signing"]["fingerprint"] == fingerprint

    # Not registered yet: refused, and the message gives the fingerprint to check.
    code, out = at_province(offices, "consolidate", "import", str(stick), "--today", TODAY)
    assert code != 0 and fingerprint in out, out

    code, out = at_province(offices, "consolidate", "register", "--name", name,
                            "--fingerprint", fingerprint.lower().replace(" ", ""))  # fmt: skip
    assert code == 0 and fingerprint in out, out

    code, out = at_province(offices, "consolidate", "import", str(stick), "--today", TODAY)
    assert code == 0 and name in out, out
    again, out_again = at_province(offices, "consolidate", "import", str(stick), "--today", TODAY)
    assert again == 0 and name in out_again, out_again
    assert out_again != out  # says it was already there

    # A copy with one figure changed is refused, naming the file, and changes nothing.
    forged = offices["root"] / "forged" / bundle.name
    shutil.copytree(bundle, forged)
    target = sorted(forged.rglob("*.csv"))[-1]
    target.write_bytes(target.read_bytes() + b"1;2;3\r\n")
    code, out = at_province(offices, "consolidate", "import", str(forged), "--today", TODAY)
    assert code != 0 and target.name in out, out

    code, board = at_province(offices, "consolidate", "status", "--today", TODAY)
    assert code == 0 and name in board and "2025-Q3" in board, board

    out_dir = offices["root"] / "to-donor"
    out_dir.mkdir()
    code, out = at_province(offices, "export", "quarter", "2025-Q3", "--to", str(out_dir),
                            "--audience", "province", "--today", TODAY)  # fmt: skip
    assert code == 0, out
    (folder,) = out_dir.iterdir()
    kinds = {p.suffix for p in folder.rglob("*") if p.is_file()}
    assert {".pdf", ".xlsx", ".csv"} <= kinds, kinds
