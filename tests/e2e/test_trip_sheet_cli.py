"""``python -m tracker trip-sheet --commune CODE --from D --to D --out sheet.pdf`` as an
officer runs it: a separate process on the encrypted demo database, the PDF read back, the
print in the audit trail, names only with ``--names`` and never for a viewer."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from tests.e2e.test_cli import run
from tracker.config import DatabaseLocation
from tracker.db.models import AuditEvent
from tracker.demo import DEMO_PASSWORD
from tracker.services import auth, visits
from tracker.services.visits import VisitRow

TODAY = date(2025, 11, 20)
START, END = "2025-11-01", "2025-12-31"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[VisitRow]]:
    path = tmp_path_factory.mktemp("trip_cli") / "demo.db"
    done = run("demo", "--db", str(path), "--today", TODAY.isoformat(), password=None)
    assert done.returncode == 0, done.stderr
    ws = auth.sign_in(DatabaseLocation(path=path), "admin", DEMO_PASSWORD)
    try:
        rows = visits.list_visits(ws.db, ws.actor, "all", limit=10_000)
    finally:
        ws.close()
    due = [r for r in rows if r.status == "scheduled" and r.scheduled_on <= date(2025, 12, 31)]
    return path, due


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def last_event(db: Path) -> AuditEvent:
    """The newest trip sheet in the audit trail (signing in to look adds an event too)."""
    ws = auth.sign_in(DatabaseLocation(path=db), "admin", DEMO_PASSWORD)
    try:
        with ws.db.read() as s:
            return s.execute(
                select(AuditEvent)
                .where(AuditEvent.entity == "trip_sheet")
                .order_by(AuditEvent.id.desc())
                .limit(1)
            ).scalar_one()
    finally:
        ws.close()


def test_an_officer_writes_the_sheet_of_a_commune(
    demo: tuple[Path, list[VisitRow]], tmp_path: Path
) -> None:
    db, due = demo
    commune, n = Counter(r.commune_code for r in due).most_common(1)[0]
    out = tmp_path / "sheet.pdf"
    res = run(
        "trip-sheet", "--commune", str(commune), "--from", START, "--to", END,
        "--out", str(out), "--db", str(db), "--user", "sinh",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert f"{n} lượt thăm" in res.stdout and str(out) in res.stdout
    text = text_of(out)
    assert "PHIẾU ĐI THĂM GIA ĐÌNH" in text and "Các lần thăm đến hạn từ 01/11/2025" in text
    for r in due:
        if r.commune_code == commune:
            assert r.beneficiary_code in text
            assert r.beneficiary_name not in text, "no names without --names"
        else:
            assert r.beneficiary_code not in text
    event = last_event(db)
    assert (event.action, event.entity, event.username) == ("print_sheet", "trip_sheet", "sinh")
    assert event.after["communes"] == [commune] and event.after["names"] is False


def test_several_communes_villages_and_names(
    demo: tuple[Path, list[VisitRow]], tmp_path: Path
) -> None:
    db, due = demo
    first, second = (c for c, _n in Counter(r.commune_code for r in due).most_common(2))
    out = tmp_path / "names.pdf"
    res = run(
        "trip-sheet", "--commune", str(first), "--commune", str(second), "--from", START,
        "--to", END, "--names", "--officer", "Vàng Thị Sính", "--out", str(out),
        "--db", str(db), "--user", "sinh",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    text = text_of(out)
    wanted = [r for r in due if r.commune_code in (first, second)]
    for r in wanted:
        assert r.beneficiary_code in text and r.beneficiary_name in text
    assert "Cán bộ đi thăm: Vàng Thị Sính" in text
    assert last_event(db).after["names"] is True

    # One village of the first commune, typed without diacritics.
    village = next(r.village for r in wanted if r.commune_code == first)
    from tracker.i18n import fold

    out = tmp_path / "village.pdf"
    res = run(
        "trip-sheet", "--commune", str(first), "--village", fold(village), "--from", START,
        "--to", END, "--out", str(out), "--db", str(db), "--user", "sinh", "--lang", "en",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    text = text_of(out)
    assert "FAMILY VISIT SHEET" in text
    for r in due:
        inside = r.commune_code == first and fold(r.village) == fold(village)
        assert (r.beneficiary_code in text) == inside, r.beneficiary_code


def test_refused_for_a_viewer_and_names_for_no_one_who_may_not(
    demo: tuple[Path, list[VisitRow]], tmp_path: Path
) -> None:
    db, due = demo
    commune = due[0].commune_code
    out = tmp_path / "no.pdf"
    res = run(
        "trip-sheet", "--commune", str(commune), "--from", START, "--to", END,
        "--out", str(out), "--db", str(db), "--user", "xem",
    )  # fmt: skip
    assert res.returncode == 1
    assert "Vai trò «viewer» không được phép: in phiếu đi thăm gia đình." in res.stderr
    assert "Traceback" not in res.stderr and not out.exists()
    res = run(
        "trip-sheet", "--commune", str(commune), "--from", START, "--to", END, "--names",
        "--out", str(out), "--db", str(db), "--user", "ketoan",
    )  # fmt: skip
    assert res.returncode == 1 and not out.exists()
    # Nothing due there in those days: said, nothing written.
    res = run(
        "trip-sheet", "--commune", "00769", "--from", "2020-01-01", "--to", "2020-01-31",
        "--out", str(out), "--db", str(db), "--user", "sinh",
    )  # fmt: skip
    assert res.returncode == 1 and "không có gì để in" in res.stderr and not out.exists()
