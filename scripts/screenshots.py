#!/usr/bin/env python3
"""Screenshots of the main screens, taken from the real window on a demo database.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--today 2025-11-20]

Builds the demo database (``tracker.demo``) in a temporary folder, opens the main window
as on a 1366 x 768 laptop screen (1366 x 728: the screen less the taskbar) on Qt's
offscreen platform (no display needed; under Xvfb it works the same) and saves one PNG per
page and per common dialog, in Vietnamese and in English, Qt's own print and file dialogs
in Vietnamese, and the user guide. The pictures the user guide shows are written, smaller,
into ``resources/help/<lang>/img`` (``--no-help`` leaves them). Nothing touches the user's
own data or settings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 728)
#: The guide's pictures: the page or dialog shot, and its name in the guide.
HELP_IMAGES = {
    "1-today": "today", "2-beneficiaries": "people", "4-visits": "visits",
    "5-receipts": "receipts", "6-reports": "reports", "7-settings": "settings",
    "dialog-register": "register", "dialog-plan-grant": "plan-grant",
    "dialog-hand-over": "hand-over", "dialog-visit": "visit",
}  # fmt: skip
HELP_WIDTH = 900


def _isolate(tmp: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRACKER_DATA_DIR"] = str(tmp / "data")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("TRACKER_DB", None)
    sys.path.insert(0, str(ROOT))


def build_database(tmp: Path, today: date):  # type: ignore[no-untyped-def]
    """The demo database (or, without tracker.demo, a few records of our own)."""
    from tracker.config import DatabaseLocation

    location = DatabaseLocation(path=tmp / "demo.db")
    try:
        from tracker.demo import build_demo, create_demo_workspace
    except ImportError:
        return _small_demo(location, today)
    ws = create_demo_workspace(location)
    build_demo(ws, today=today)
    _recent_work(ws.db, ws.actor, today)
    return ws.db, ws.actor


def _recent_work(db, actor, today: date) -> None:  # type: ignore[no-untyped-def]
    """A cow handed over four weeks ago (its first visit is due this week) and a monthly
    allowance under way (a grant to hand over from), so every screen has something to show."""
    from datetime import timedelta

    from tracker.services import beneficiaries, grants, projects
    from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
    from tracker.services.visits import add_months

    project = next(p for p in projects.list_projects(db, actor) if p.status == "active")
    people = [b for b in beneficiaries.search(db, actor, "", limit=500, order="code") if b.alias][
        -2:
    ]
    if len(people) < 2:
        return
    handed = add_months(today, -1) + timedelta(days=3)
    cow = grants.plan_grant(
        db,
        actor,
        GrantInput(
            people[0].id, project.id, "cattle", handed - timedelta(days=7),
            (TrancheInput("Bò cái giống – Bò vàng vùng cao", quantity=1, unit_value=16_000_000),),
            {"breed": "Bò vàng vùng cao", "head_count": 1, "value_per_head": 16_000_000},
        ),
        today=today,
    )  # fmt: skip
    grants.record_handover(
        db, actor, HandoverInput(cow.id, handed, quantity=1, unit_value=16_000_000,
                                 asset_tags=("MV-B-061",), tranche_seq=1), today=today,
    )  # fmt: skip
    start = add_months(today, -2)
    allowance = grants.plan_grant(
        db,
        actor,
        GrantInput(
            people[1].id, project.id, "monthly_allowance", start,
            tuple(TrancheInput(f"Trợ cấp tháng {i + 1}", amount=700_000,
                               due_date=add_months(start, i)) for i in range(6)),
            {"amount_per_month": 700_000, "months": 6},
        ),
        today=today,
    )  # fmt: skip
    for i in range(2):
        grants.record_handover(
            db, actor, HandoverInput(allowance.id, add_months(start, i), amount=700_000,
                                     tranche_seq=i + 1), today=today,
        )  # fmt: skip


def _small_demo(location, today: date):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from tracker.db import Database, upgrade
    from tracker.db.reference import DEMO_UNITS
    from tracker.services import beneficiaries, grants, office, places, projects
    from tracker.services.context import SYSTEM

    db = Database(location)
    upgrade(db)
    office.save_office(
        db,
        SYSTEM,
        office.OfficeInput(
            name="Hội LHPN xã Mèo Vạc (mẫu)", receipt_prefix="MV", province_code="08"
        ),
    )
    with db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    office.create_user(db, SYSTEM, "admin", "Nguyễn Thị Lan", "admin")
    actor = office.actor_for(db, "admin")
    p = projects.create_project(
        db,
        actor,
        projects.ProjectInput(
            "SK-2428", "Sinh kế an toàn (mẫu)", "Quỹ mẫu", date(today.year - 1, 1, 1),
            date(today.year + 3, 12, 31), 4_200_000_000,
        ),
    )  # fmt: skip
    people = [
        ("Đặng Thị Hồng Nhung", "Nhung", "08", 1998, "00769"),
        ("Vàng Thị Mỷ", "Mỷ", "08", 2001, "00778"),
        ("Lò Thị Xuân", "", "45", 1995, "00787"),
        ("Sùng Thị Dợ", "Dợ", "08", 2003, "00802"),
    ]
    for i, (name, alias, eth, year, commune) in enumerate(people):
        b = beneficiaries.register(
            db,
            actor,
            beneficiaries.BeneficiaryInput(
                full_name=name, alias=alias, sex="F", category="victim", ethnicity_code=eth,
                birth_year=year, province_code="08", commune_code=commune,
            ),
            today=today,
        )  # fmt: skip
        start = today - timedelta(days=120 - i * 20)
        g = grants.plan_grant(
            db,
            actor,
            grants.GrantInput(
                b.id, p.id, "cattle", start,
                (grants.TrancheInput("Bò giống sinh sản", quantity=1, unit_value=15_000_000),),
            ),
            today=today,
        )  # fmt: skip
        grants.record_handover(
            db,
            actor,
            grants.HandoverInput(
                g.id, start + timedelta(days=5), quantity=1, unit_value=15_000_000
            ),
            today=today,
        )
    return db, actor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=date.today(), help="the day the demo is seen"
    )
    parser.add_argument("--no-help", action="store_true", help="leave the guide's pictures")
    parser.add_argument(
        "--photos-only", action="store_true", help="only the profile's photos and scans"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    today: date = args.today

    with tempfile.TemporaryDirectory(prefix="tracker-shots-") as tmp_name:
        tmp = Path(tmp_name)
        _isolate(tmp)
        from PySide6.QtCore import QSettings

        from tracker.app import ensure_application, use_language

        app = ensure_application([sys.argv[0]])
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp / "qsettings"))
        print("building the demo database…", flush=True)
        db, actor = build_database(tmp, today)
        try:
            shots = Shooter(app, db, actor, today, out, help_images=not args.no_help)
            if args.photos_only:
                for lang in ("vi", "en"):
                    use_language(lang)
                    shots.photos(lang)
                return 0
            use_language("vi")
            shots.run("vi", full=True)
            shots.qt_dialogs("vi")
            use_language("en")
            shots.run("en", full=True)
        finally:
            db.dispose()
    return 0


def _drawing(what: str) -> bytes:
    """A picture drawn for the screenshots (no real person's photo is ever used)."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (1200, 900), (150, 200, 235))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 560, 1200, 900), fill=(95, 160, 70))
    if what == "house":
        d.rectangle((330, 380, 870, 700), fill=(215, 190, 150))
        d.polygon([(290, 390), (600, 180), (910, 390)], fill=(150, 60, 40))
        d.rectangle((540, 520, 660, 700), fill=(110, 70, 40))
    else:
        scale = 1.0 if what == "cow" else 0.6
        x0, y0 = 300, 430 if what == "cow" else 520
        w, h = int(520 * scale), int(230 * scale)
        d.ellipse((x0, y0, x0 + w, y0 + h), fill=(140, 85, 45))
        d.ellipse((x0 + w - 40, y0 - 60, x0 + w + 110, y0 + 70), fill=(140, 85, 45))
        for lx in (x0 + 60, x0 + 140, x0 + w - 150, x0 + w - 70):
            d.rectangle((lx, y0 + h - 30, lx + 35, y0 + h + int(140 * scale)), fill=(120, 70, 40))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def _voucher() -> bytes:
    import io

    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A5)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 520, "PHIEU CHI")
    c.setFont("Helvetica", 11)
    for i, line in enumerate(("So: MV-2025-00012", "Ly do chi: ho tro sinh ke", "Da nhan du")):
        c.drawString(60, 480 - 22 * i, line)
    c.line(60, 300, 200, 320)
    c.line(200, 320, 240, 290)
    c.showPage()
    c.save()
    return out.getvalue()


class Shooter:
    """Opens the window and saves the pictures of one language."""

    def __init__(self, app, db, actor, today: date, out: Path, *, help_images: bool = True) -> None:  # type: ignore[no-untyped-def]
        self.app, self.db, self.actor, self.today, self.out = app, db, actor, today, out
        self.help_images = help_images

    def settle(self) -> None:
        from tracker.ui import worker

        for _ in range(3):
            worker.wait_for_tasks(30_000)
            self.app.processEvents()

    def save(self, widget, name: str) -> None:  # type: ignore[no-untyped-def]
        self.settle()
        path = self.out / f"{name}.png"
        picture = widget.grab()
        picture.save(str(path))
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        lang, _, shot = name.partition("-")
        if self.help_images and shot in HELP_IMAGES:
            from PySide6.QtCore import Qt

            folder = ROOT / "resources" / "help" / lang / "img"
            folder.mkdir(parents=True, exist_ok=True)
            image = picture.toImage()
            if image.width() > HELP_WIDTH:
                image = image.scaledToWidth(HELP_WIDTH, Qt.TransformationMode.SmoothTransformation)
            image.save(str(folder / f"{HELP_IMAGES[shot]}.png"))

    def qt_dialogs(self, lang: str) -> None:
        """Qt's own dialogs as the app opens them, in the app's language: the print dialog
        with its options, the save dialog, and the user guide on F1."""
        from PySide6.QtCore import QTimer
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

        from tracker.ui import files
        from tracker.ui.context import UiContext
        from tracker.ui.main_window import MainWindow

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer)
        dialog.setMinMax(1, 2)
        dialog.show()
        self.settle()
        for button in dialog.findChildren(QPushButton):
            if button.text().replace("&", "").startswith(("Tùy chọn", "Options")):
                button.click()
        self.settle()
        self.save(dialog, f"{lang}-qt-print")
        dialog.reject()

        def shoot_file_dialog() -> None:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QFileDialog) and w.isVisible():
                    self.save(w, f"{lang}-qt-save")
                    w.reject()

        QTimer.singleShot(500, shoot_file_dialog)
        files.save_file(None, "Lưu PDF", "MV-2025-00034.pdf", "PDF (*.pdf)")

        ctx = UiContext(db=self.db, actor=self.actor, clock=lambda: self.today)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        window.show_page("visits")
        self.settle()
        guide = window.show_help()
        guide.resize(900, 680)
        self.settle()
        self.save(guide, f"{lang}-help-visits")
        guide.close()

        # A hand-over above the plan: the message says by how much, whole.
        from tracker.services import grants
        from tracker.ui.dialogs.handover_dialog import HandoverDialog

        cash = [
            g for g in grants.list_grants(self.db, self.actor)
            if g.status in ("planned", "active") and g.remaining > 0
            and g.grant_type in ("monthly_allowance", "initial_hardship", "scholarship")
        ]  # fmt: skip
        if cash:
            over = HandoverDialog(ctx, cash[0], window)
            over.show()
            over.amount.setValue(cash[0].remaining + 7_000_000)
            over.submit()
            self.settle()
            self.save(over, f"{lang}-dialog-over-plan")
            over._dirty = False
            over.reject()

        from tracker.config import DatabaseLocation
        from tracker.ui.demo_build import DemoBuildDialog

        building = DemoBuildDialog(DatabaseLocation(path=self.out / "not-written.db"))
        building.show()
        building._moved(24, 60)
        self.settle()
        self.save(building, f"{lang}-demo-build")
        building.hide()
        building.deleteLater()
        window.close()
        window.deleteLater()
        self.settle()

    def run(self, lang: str, *, full: bool) -> None:
        from tracker.services import beneficiaries, visits
        from tracker.ui import flows
        from tracker.ui.context import UiContext
        from tracker.ui.main_window import MainWindow

        ctx = UiContext(db=self.db, actor=self.actor, clock=lambda: self.today)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        self.settle()
        pages = (
            ["today", "beneficiaries", "grants", "visits", "receipts", "reports", "settings"]
            if full
            else ["today", "beneficiaries", "visits"]
        )
        for n, key in enumerate(pages, start=1):
            page = window.show_page(key)
            self.settle()
            if key == "beneficiaries":
                person = self._person_with_calf(beneficiaries, visits)
                if person is not None:
                    page.select(person)
                    page.open_profile(person)
                    self.settle()
                    page.profile.tabs.setCurrentIndex(4)
            if key in ("grants", "visits") and page.model.rowCount():
                page.view.selectRow(0)
            self.save(window, f"{lang}-{n}-{key}")

        # The dialogs people use every day.
        people = window.show_page("beneficiaries")
        self.settle()
        dialogs = [("register", lambda: flows.register_beneficiary(ctx, window))]
        if full:
            dialogs += [
                ("plan-grant", lambda: self._cattle_plan(ctx, window, flows)),
                ("hand-over", lambda: flows.record_handover(ctx, window)),
                ("support-type", lambda: self._grant_type_dialog(window)),
            ]
            visit = self._visit_with_animal(visits, ctx)
            if visit is not None:
                dialogs.append(("visit", lambda: flows.record_visit(ctx, window, visit)))
        for name, open_dialog in dialogs:
            dialog = open_dialog()
            dialog.adjustSize()
            if name == "hand-over":
                self._choose_person_with_grants(ctx, dialog)
            if name == "register":
                dialog.save_button.click()  # shows the field messages of an empty form
                self.settle()
            self.save(dialog, f"{lang}-dialog-{name}")
            dialog._dirty = False
            dialog.reject()
        del people
        window.close()
        window.deleteLater()
        self.settle()

    def _choose_person_with_grants(self, ctx, dialog) -> None:  # type: ignore[no-untyped-def]
        """In the hand-over dialog: the person of an open grant typed by code, as the user
        does, and their last open grant chosen."""
        from tracker.services import grants

        open_ = grants.list_grants(ctx.db, ctx.actor, status="active", limit=1)
        if not open_:
            return
        dialog.person.search.setText(open_[0].beneficiary_code)
        dialog.person.run_search()
        for _ in range(200):
            self.settle()
            if dialog.grant.count() > 1:
                break
        if dialog.grant.count() > 1:
            dialog.grant.setCurrentIndex(dialog.grant.count() - 1)
        dialog.adjustSize()

    def photos(self, lang: str) -> None:
        """The profile's Photos and scans tab, with pictures drawn here (a cow, a house,
        a signed voucher): attached once, shown in both languages."""
        from tracker.services import attachments, beneficiaries, grants, visits
        from tracker.ui.context import UiContext
        from tracker.ui.main_window import MainWindow

        person = self._person_with_calf(beneficiaries, visits)
        if person is None:
            return
        if not attachments.list_attachments(self.db, self.actor, person):
            handovers = grants.list_handovers(self.db, self.actor, beneficiary_id=person)
            assets = visits.list_assets(self.db, self.actor, person)
            done = [
                v
                for v in visits.list_visits(
                    self.db, self.actor, "done", today=self.today, beneficiary_id=person
                )
            ]
            files = [("asset", assets[0].id, "photo", "bo.jpg", _drawing("cow"))]
            if done:
                files.append(("visit", done[0].id, "photo", "tham.jpg", _drawing("calf")))
            files.append(("beneficiary", person, "photo", "nha.jpg", _drawing("house")))
            if handovers:
                files.append(
                    ("disbursement", handovers[0].id, "signed_receipt", "phieu.pdf", _voucher())
                )
            for target, target_id, kind, name, data in files:
                attachments.add_attachment(
                    self.db,
                    self.actor,
                    attachments.AttachmentInput(target, target_id, kind, name, data),
                )
        ctx = UiContext(db=self.db, actor=self.actor, clock=lambda: self.today)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        self.settle()
        page = window.show_page("beneficiaries")
        self.settle()
        page.select(person)
        page.open_profile(person)
        self.settle()
        page.profile.tabs.setCurrentWidget(page.profile.files)
        self.save(window, f"{lang}-profile-photos")
        window.close()
        window.deleteLater()
        self.settle()

    def _person_with_calf(self, beneficiaries, visits) -> int | None:  # type: ignore[no-untyped-def]
        fallback = None
        for row in beneficiaries.search(self.db, self.actor, "", limit=500):
            assets = visits.list_assets(self.db, self.actor, row.id)
            if any(a.parent_id for a in assets):
                return row.id
            if assets and fallback is None:
                fallback = row.id
        return fallback

    def _visit_with_animal(self, visits, ctx):  # type: ignore[no-untyped-def]
        for row in visits.list_visits(self.db, self.actor, "open", today=self.today):
            if row.grant_type in ("cattle", "buffalo", "goat", "pig"):
                return row
        return None

    def _grant_type_dialog(self, window):  # type: ignore[no-untyped-def]
        box = window.show_page("settings").grant_types_box
        self.settle()
        box.list.setCurrentItem(box.list.topLevelItem(0))
        return box.edit_selected()

    def _cattle_plan(self, ctx, window, flows):  # type: ignore[no-untyped-def]
        from tracker.ui.widgets import set_combo_data

        dialog = flows.plan_grant(ctx, window)
        dialog.picker.search.setText("giang")
        dialog.picker.run_search()
        if dialog.picker.results.count():
            dialog.picker.results.setCurrentRow(0)
        if dialog.project.count() > 1:
            dialog.project.setCurrentIndex(1)
        set_combo_data(dialog.grant_type, "cattle")
        fields = dialog.detail_fields
        fields["head_count"].setValue(2)
        fields["value_per_head"].setValue(14_500_000)
        fields["breed"].setText("Bò vàng địa phương")
        return dialog


if __name__ == "__main__":
    sys.exit(main())
