#!/usr/bin/env python3
"""Pictures of every paper the program prints, made from the demo database.

    .venv/bin/python scripts/paper_images.py [--out docs/papers] [--today 2025-11-20]

Builds the demo database (``tracker.demo``) in a temporary folder, prints each kind of
paper through the services as the window does (each print recorded: the first is the
original, later ones copies), writes the PDFs there and turns each page into a PNG with
``pdftoppm -png -r 80`` (poppler-utils). Nothing touches the user's own data.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _isolate(tmp: Path) -> None:
    os.environ["TRACKER_DATA_DIR"] = str(tmp / "data")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("TRACKER_DB", None)
    sys.path.insert(0, str(ROOT))


def _pngs(pdf: Path, out: Path, name: str) -> list[Path]:
    """One PNG per page: ``name.png``, or ``name-1.png``, ``name-2.png``…"""
    import pypdf

    count = len(pypdf.PdfReader(pdf).pages)
    made = []
    for page in range(1, count + 1):
        stem = out / (name if count == 1 else f"{name}-{page}")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
             str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        made.append(stem.with_suffix(".png"))
    return made


def _trip_sheet(db: object, pdfs: Path, out: Path, today: date) -> list[Path]:
    """The trip sheet of the three communes with the most visits to make in the month
    ahead (the demo's people are spread thin), as an officer prints it."""
    from collections import Counter
    from datetime import timedelta

    from tracker.services import office, trips, visits

    officer = office.actor_for(db, "sinh")  # type: ignore[arg-type]
    end = today + timedelta(days=30)
    due = [
        r
        for r in visits.list_visits(db, officer, "all", today=today, limit=100_000)  # type: ignore[arg-type]
        if r.status == "scheduled" and r.scheduled_on <= end and r.commune_code
    ]
    communes = [c for c, _n in Counter(r.commune_code for r in due).most_common(3)]
    sheet = trips.trip_sheet(
        db,  # type: ignore[arg-type]
        officer,
        communes,
        today,
        end,
        officer=officer.full_name,
        today=today,
    )
    pdf = pdfs / "trip-sheet.pdf"
    trips.write_trip_sheet(sheet, pdf)
    return _pngs(pdf, out, "trip-sheet")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "papers")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2025, 11, 20))
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: apt-get install poppler-utils", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="paper-images-"))
    _isolate(tmp)
    from tracker.config import DatabaseLocation
    from tracker.demo import build_demo, create_demo_workspace, sample_receipts
    from tracker.reports import render_signature_list
    from tracker.services import office, pass_on, receipts

    ws = create_demo_workspace(DatabaseLocation(path=tmp / "demo.db"))
    build_demo(ws, today=args.today)
    db, admin = ws.db, ws.actor
    accountant = office.actor_for(db, "ketoan")
    numbers = sample_receipts(db, admin)
    rows = receipts.list_receipts(db, admin, oldest_first=True, limit=100_000)
    numbers["cash-2025"] = next(
        r.number for r in rows if r.kind == "cash" and r.handed_on.year == 2025
    )
    args.out.mkdir(parents=True, exist_ok=True)
    pdfs = tmp / "pdf"
    pdfs.mkdir()
    made: list[Path] = []

    def paper(name: str, number: str, **options: object) -> None:
        detail = receipts.record_print(db, accountant, number)
        pdf = pdfs / f"{name}.pdf"
        receipts.write_paper(detail, pdf, **options)  # type: ignore[arg-type]
        made.extend(_pngs(pdf, args.out, name))

    paper("voucher-cash-2024", numbers["cash"])
    paper("voucher-cash-2025", numbers["cash-2025"])
    paper("voucher-allowance", numbers["allowance"])
    paper("note-cow", numbers["cow"])
    paper("note-loom-and-yarn", numbers["loom"])
    paper("note-yarn", numbers["yarn"])
    paper("note-school-supplies", numbers["school_supplies"])
    paper("mixed-voucher-and-note", numbers["mixed"])
    paper("copy-voucher", numbers["cash"])  # its second print: BẢN SAO – in lại lần 1
    # A calf passed on from one family to another: its own note.
    passed = pass_on.list_pass_ons(db, admin)
    if passed:
        pdf = pdfs / "note-pass-on.pdf"
        pass_on.write_pass_on_note(db, admin, passed[-1].id, pdf)
        made.extend(_pngs(pdf, args.out, "note-pass-on"))
    receipts.void_receipt(db, admin, numbers["cow"], "Ghi sai số thẻ tai", replace=True)
    paper("void-note", numbers["cow"])
    month = receipts.get_receipt(db, admin, numbers["allowance"]).row.handed_on
    listing = receipts.signature_list(db, accountant, "monthly_allowance", month)
    pdf = pdfs / "signature-list.pdf"
    render_signature_list(listing, pdf)
    made.extend(_pngs(pdf, args.out, "signature-list"))
    made.extend(_trip_sheet(db, pdfs, args.out, args.today))
    ws.close()
    shutil.rmtree(tmp, ignore_errors=True)
    for path in made:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
