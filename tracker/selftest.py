"""``tracker --self-test``: prove that this installation works, from a checkout or from the
frozen bundle (PyInstaller), on a machine that has nothing else installed.

It starts Qt offscreen, loads the translations, creates a throwaway encrypted database in
a temporary folder (migrated to the head revision), registers a person, plans a grant and
records a hand-over through the services as a user would, prints the receipt and a
quarterly summary (PDF, XLSX, CSV) to files and checks them (a PDF: starts with %PDF, the
font is embedded, the receipt number is in its text), opens the main window, writes a
backup and verifies the audit trail. One line per check::

    OK   receipt pdf (65 KB, 1 page, font embedded, ST-2026-00001 and ... found via pdfium) [0.1 s]
    FAIL translations: QTranslator could not load tracker_vi.qm
    SKIP summary: not available in this version (no tracker.services.reports)

A check that needs a failed one is skipped ("needs receipt pdf"). Exit code 0 when nothing
failed, 1 otherwise. Nothing outside the temporary folder is touched: the user's data
folder, databases and backups are left alone. ``--keep`` (or ``TRACKER_SELFTEST_KEEP=1``)
keeps the folder and prints its path; ``TRACKER_SELFTEST_TRACE=1`` prints the traceback of
a failure; ``TRACKER_SELFTEST_PLATFORM=xcb`` tries another Qt platform than offscreen.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from tracker import __version__

ENV_KEEP = "TRACKER_SELFTEST_KEEP"
#: Another Qt platform than offscreen, e.g. "xcb" under Xvfb to try the real window's plug-in.
ENV_PLATFORM = "TRACKER_SELFTEST_PLATFORM"
OFFICE_PREFIX = "ST"
#: Text on the receipt (the recipient) and the summary, looked for in the PDFs' text.
PERSON_NAME = "Nguyễn Thị Kiểm Thử"


class Skip(Exception):
    """The check does not apply to this build (the reason is printed)."""


class CheckFailed(Exception):
    """What a check found wrong (printed after FAIL)."""


def require(condition: object, reason: str) -> None:
    """Fail the check with ``reason`` unless ``condition`` holds (also under ``python -O``)."""
    if not condition:
        raise CheckFailed(reason)


@dataclass
class Outcome:
    status: str  # "OK", "FAIL", "SKIP"
    name: str
    detail: str = ""
    seconds: float | None = None


@dataclass
class State:
    """What earlier checks made, for the later ones."""

    root: Path
    qt_app: Any = None
    workspace: Any = None
    receipt_number: str = ""
    handover_id: int = 0
    receipt_pdf: Path | None = None
    today: date = field(default_factory=date.today)


def _kb(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _where() -> str:
    if _frozen():
        return f"bundle {Path(sys.executable).resolve().parent}"
    return f"source {Path(__file__).resolve().parent.parent}, Python {sys.version.split()[0]}"


# --- PDF helpers ---------------------------------------------------------------------------


def pdf_text(data: bytes) -> tuple[list[str], str]:
    """The text of each page and the reader used: PDFium (shipped with the app), else
    pypdf (tests), else the raw bytes (where subsetted text cannot be read)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pass
    else:
        doc = pdfium.PdfDocument(data)
        try:
            pages = []
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_range())
                finally:
                    textpage.close()
                    page.close()
            return pages, "pdfium"
        finally:
            doc.close()
    try:
        import io

        import pypdf
    except ImportError:
        return [data.decode("latin-1")], "raw stream"
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages], "pypdf"


def _squash(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFC", text).split())


def check_pdf(path: Path, must_contain: Sequence[str] = ()) -> str:
    """A readable PDF with the document font embedded and ``must_contain`` in its text.
    Returns a short description; raises CheckFailed naming what is wrong."""
    require(path.is_file(), f"{path.name} was not written")
    data = path.read_bytes()
    require(data.startswith(b"%PDF-"), f"{path.name} does not start with %PDF-")
    require(data.rstrip().endswith(b"%%EOF"), f"{path.name} is cut short (no %%EOF)")
    require(b"/FontFile2" in data, f"{path.name} has no embedded TrueType font")
    require(b"BeVietnamPro" in data, f"{path.name} does not use the Be Vietnam Pro font")
    pages, reader = pdf_text(data)
    if reader == "raw stream":  # subsetted fonts: the text is glyph numbers, not letters
        return f"{_kb(len(data))}, font embedded, text not checked (no PDF reader)"
    squashed = _squash("".join(pages))
    for wanted in must_contain:
        require(_squash(wanted) in squashed, f"{wanted!r} not found in the text ({reader})")
    found = f", {' and '.join(must_contain)} found via {reader}" if must_contain else ""
    count = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
    return f"{_kb(len(data))}, {count}, font embedded{found}"


# --- the checks ----------------------------------------------------------------------------


def check_resources(st: State) -> str:
    from tracker.config import resources_dir
    from tracker.db.migrate import migrations_dir
    from tracker.reports.fonts import FILES, fonts_dir

    res = resources_dir()
    wanted = [fonts_dir() / name for name in FILES.values()]
    wanted += [res / "translations" / "tracker_vi.qm", res / "icons" / "app.svg"]
    wanted += [migrations_dir() / "env.py", migrations_dir() / "script.py.mako"]
    missing = [str(p) for p in wanted if not p.is_file()]
    require(not missing, "missing: " + ", ".join(missing))
    versions = sorted((migrations_dir() / "versions").glob("*.py"))
    require(versions, f"no migration scripts in {migrations_dir() / 'versions'}")
    return f"fonts, translations, icons, {len(versions)} migration(s) in {res.parent}"


def _quiet_qt() -> None:
    """Drop the offscreen platform's notice that windows have no real size hints."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def check_qt(st: State) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication, QIcon

    from tracker.app import ensure_application
    from tracker.config import resources_dir

    _quiet_qt()
    st.qt_app = ensure_application([sys.argv[0] if sys.argv else "tracker", "--self-test"])
    platform, wanted = QGuiApplication.platformName(), os.environ["QT_QPA_PLATFORM"]
    require(platform == wanted, f"Qt started on {platform!r}, not {wanted!r}")
    icon = QIcon(str(resources_dir() / "icons" / "app.svg"))
    require(not icon.isNull() and not icon.pixmap(32, 32).isNull(), "the SVG icon did not load")
    return f"Qt {qVersion()}, PySide6 {pyside_version}, {platform}, SVG icon"


def check_translations(st: State) -> str:
    from PySide6.QtCore import QTranslator

    from tracker.i18n import set_language
    from tracker.ui.translations import CATALOGUES, translations, translations_dir

    loaded = []
    for catalogue in CATALOGUES:
        for lang in ("vi", "en"):
            path = translations_dir() / f"{catalogue}_{lang}.qm"
            if catalogue != "tracker" and not path.exists():
                continue  # only Vietnamese has Qt's own strings
            require(path.is_file(), f"{path} not found")
            tr = QTranslator()
            require(tr.load(str(path)), f"QTranslator could not load {path.name}")
            require(not tr.isEmpty(), f"{path.name} is empty")
            loaded.append(path.name)
    try:
        require(translations().use("vi"), "the Vietnamese translation was not installed")
    finally:
        set_language("en")  # the self-test's own messages stay in English
    return ", ".join(loaded)


def check_database(st: State) -> str:
    from tracker.config import DatabaseLocation
    from tracker.db.migrate import current_revision, head_revision
    from tracker.services import auth, office

    path = st.root / "data" / "selftest.db"
    password = "selftest-" + secrets.token_urlsafe(12)
    ws, recovery = auth.create_workspace(
        DatabaseLocation(path=path),
        office.OfficeInput(
            name="Hội LHPN xã Kiểm Thử",
            receipt_prefix=OFFICE_PREFIX,
            address="Thôn Một, xã Kiểm Thử",
            head_name="Lò Thị Trưởng",
            accountant_name="Lý Thị Toán",
            cashier_name="Vàng Thị Quỹ",
        ),
        "admin",
        "Quản Trị Viên",
        password,
    )
    st.workspace = ws
    require(recovery, "no recovery key was made")
    header = path.read_bytes()[:16]
    require(header != b"SQLite format 3\x00", "the database file is not encrypted")
    current, head = current_revision(ws.db), head_revision()
    require(current == head, f"schema {current}, expected head {head}")
    ws.db.dispose()
    again = auth.sign_in(DatabaseLocation(path=path), "admin", password)
    again.db.dispose()
    return f"SQLCipher file, Argon2id sign-in, schema at head {head}"


def check_handover(st: State) -> str:
    from tracker.services import beneficiaries as ben
    from tracker.services import grants, projects

    ws = st.workspace
    db, actor, today = ws.db, ws.actor, st.today
    person = ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name=PERSON_NAME,
            sex="F",
            category="at_risk",
            ethnicity_code="01",
            birth_year=today.year - 30,
            village="Thôn Một",
        ),
        today=today,
    )
    project = projects.create_project(
        db,
        actor,
        projects.ProjectInput(
            code="ST-1",
            name="Dự án kiểm thử",
            donor="Nhà tài trợ kiểm thử",
            start_date=date(today.year, 1, 1),
            end_date=date(today.year + 1, 12, 31),
            budget=100_000_000,
        ),
    )
    grant = grants.plan_grant(
        db,
        actor,
        grants.GrantInput(
            beneficiary_id=person.id,
            project_id=project.id,
            grant_type="cattle",
            start_date=today,
            tranches=(grants.TrancheInput("Bò cái giống", quantity=1, unit_value=15_000_000),),
        ),
        today=today,
    )
    handover = grants.record_handover(
        db,
        actor,
        grants.HandoverInput(
            grant_id=grant.id,
            handed_on=today,
            quantity=1,
            unit_value=15_000_000,
            asset_tags=("ST-001",),
        ),
        today=today,
    )
    if not handover.receipt_number:
        raise CheckFailed("the hand-over got no receipt number")
    st.receipt_number = handover.receipt_number
    st.handover_id = handover.id
    return (
        f"receipt {handover.receipt_number}, {len(handover.asset_ids)} asset, "
        f"{len(handover.visits_scheduled)} follow-up visit(s) planned"
    )


def _receipt_doc(detail: Any) -> Any:
    """The payment voucher of a receipt: the app's own mapping when it has one."""
    from tracker.services import receipts

    to_doc: Callable[..., Any] | None = getattr(receipts, "receipt_doc", None)
    if to_doc is not None:
        return to_doc(detail, lang="vi")
    from tracker.reports import ReceiptDoc

    row = detail.row
    return ReceiptDoc(
        office_name=detail.office_name,
        office_address=detail.office_address,
        number=row.number,
        issued_on=row.handed_on,
        recipient_name=detail.recipient_name,
        recipient_address=detail.recipient_address,
        reason=detail.reason_vi or "Hỗ trợ sinh kế",
        amount=row.amount,
        prepared_by=detail.prepared_by,
        accountant=detail.office_accountant,
        cashier=detail.office_cashier,
        head=detail.office_head,
    )


def check_receipt_pdf(st: State) -> str:
    from tracker.reports import render_receipt
    from tracker.services import receipts
    from tracker.services.receipts import get_receipt

    ws = st.workspace
    detail = get_receipt(ws.db, ws.actor, st.receipt_number)
    out = st.root / "out" / f"receipt-{st.receipt_number}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_paper = getattr(receipts, "write_paper", None)
    if write_paper is not None:  # the paper that fits: a cow gets the hand-over note
        write_paper(detail, out)
    else:
        render_receipt(_receipt_doc(detail), out)
    st.receipt_pdf = out
    return check_pdf(out, [st.receipt_number, PERSON_NAME])


def check_handover_note(st: State) -> str:
    from tracker.services import receipts

    write_paper = getattr(receipts, "write_paper", None)
    if write_paper is None:
        raise Skip("not available in this version")
    ws = st.workspace
    detail = receipts.get_receipt(ws.db, ws.actor, st.receipt_number)
    out = st.root / "out" / f"handover-{st.receipt_number}.pdf"
    write_paper(detail, out, paper="handover")
    return check_pdf(out, [st.receipt_number])


def check_pdf_rendering(st: State) -> str:
    import pypdfium2 as pdfium

    if st.receipt_pdf is None:
        raise CheckFailed("no receipt PDF to draw")
    doc = pdfium.PdfDocument(str(st.receipt_pdf))
    try:
        page = doc[0]
        try:
            bitmap = page.render(scale=60 / 72, fill_color=(255, 255, 255, 255))
            try:
                width, height = bitmap.width, bitmap.height
                pixels = bytes(bitmap.buffer)
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()
    require(width > 100 and height > 100, f"page rendered at {width}x{height}")
    inked = sum(1 for b in pixels[::4] if b < 128)
    require(inked > 1000, "the rendered page is blank")
    return f"PDFium drew the receipt, {width}x{height} px at 60 dpi"


def check_summary(st: State) -> str:
    import importlib.util

    for module in ("tracker.services.reports", "tracker.services.exports"):
        if importlib.util.find_spec(module) is None:
            raise Skip(f"not available in this version (no {module})")
    # Any import error from here on is a library missing from the bundle: a failure.
    from tracker.services import reports as rep
    from tracker.services.exports import build_files

    ws = st.workspace
    period = rep.quarter_of(st.today)
    summary = rep.period_summary(ws.db, ws.actor, period, today=st.today)
    require(summary.receipts.valid == 1, f"{summary.receipts.valid} valid receipt(s), expected 1")
    require(summary.people.total.cumulative == 1, "the person supported is not counted")
    files = build_files(summary, formats=("pdf", "xlsx", "csv"), lang="vi")
    folder = st.root / "out" / "summary"
    written: dict[str, Path] = {}
    for name, data in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[name] = path
    pdfs = [p for n, p in written.items() if n.endswith(".pdf")]
    xlsxs = [p for n, p in written.items() if n.endswith(".xlsx")]
    csvs = [p for n, p in written.items() if n.endswith(".csv")]
    require(pdfs, "no PDF was made")
    require(xlsxs, "no XLSX was made")
    pdf_info = check_pdf(pdfs[0])
    from openpyxl import load_workbook

    with zipfile.ZipFile(xlsxs[0]) as z:
        require(z.testzip() is None, f"{xlsxs[0].name} is a damaged zip")
    wb = load_workbook(xlsxs[0], read_only=True)
    try:
        sheets = len(wb.sheetnames)
    finally:
        wb.close()
    require(sheets >= 2, f"{xlsxs[0].name} has {sheets} sheet(s)")
    for path in csvs:
        path.read_bytes().decode("utf-8-sig")
    return (
        f"{period.label('en')}: PDF ({pdf_info}), XLSX ({_kb(xlsxs[0].stat().st_size)}, "
        f"{sheets} sheets), {len(csvs)} CSV"
    )


def check_main_window(st: State) -> str:
    from tracker.ui.context import UiContext
    from tracker.ui.main_window import MainWindow

    ws = st.workspace
    window = MainWindow(UiContext(db=ws.db, actor=ws.actor))
    try:
        window.show()
        st.qt_app.processEvents()
        require(window.isVisible(), "the window did not show")
        title = window.windowTitle()
    finally:
        # hide, not close: closing saves the geometry to the user's settings
        window.hide()
        window.deleteLater()
        st.qt_app.processEvents()
    return f"shown and hidden, title {title!r}"


def check_backup(st: State) -> str:
    from tracker.services import backups

    info = backups.backup_now(st.workspace, folder=st.root / "backups", reason="self-test")
    return f"encrypted copy written and checked, {_kb(info.size)}"


def check_audit(st: State) -> str:
    from tracker.services.audit import verify_chain

    with st.workspace.db.read() as s:
        report = verify_chain(s)
    require(report.ok, f"broken at event {report.broken_at}: {report.reason}")
    return f"{report.checked} events, chain intact"


# name, function, names of the checks it needs
CHECKS: tuple[tuple[str, Callable[[State], str], tuple[str, ...]], ...] = (
    ("resources", check_resources, ()),
    ("qt", check_qt, ()),
    ("translations", check_translations, ("qt",)),
    ("database", check_database, ()),
    ("hand-over", check_handover, ("database",)),
    ("receipt pdf", check_receipt_pdf, ("hand-over",)),
    ("hand-over note pdf", check_handover_note, ("hand-over",)),
    ("pdf rendering", check_pdf_rendering, ("receipt pdf",)),
    ("summary", check_summary, ("hand-over",)),
    ("main window", check_main_window, ("qt", "hand-over")),
    ("backup", check_backup, ("database",)),
    ("audit trail", check_audit, ("hand-over",)),
)


def _prepare_environment(root: Path) -> None:
    """Offscreen Qt, English messages, and every folder of the app inside ``root``."""
    os.environ["QT_QPA_PLATFORM"] = os.environ.get(ENV_PLATFORM) or "offscreen"
    os.environ["TRACKER_DATA_DIR"] = str(root / "data")
    for name in ("DATABASE_URL", "TRACKER_DB"):
        os.environ.pop(name, None)
    if sys.platform.startswith("linux"):
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")
    from tracker.i18n import set_language

    set_language("en")


def _line(out: TextIO, outcome: Outcome) -> None:
    text = f"{outcome.status:<4} {outcome.name}"
    if outcome.detail:
        text += f" ({outcome.detail})" if outcome.status == "OK" else f": {outcome.detail}"
    if outcome.seconds is not None:
        text += f" [{outcome.seconds:.1f} s]"
    print(text, file=out, flush=True)


def run(out: TextIO | None = None, *, keep: bool | None = None) -> int:
    """Run every check, print one line each; 0 when none failed, else 1."""
    out = out or sys.stdout
    if keep is None:
        keep = os.environ.get(ENV_KEEP, "") not in ("", "0")
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="grant-tracker-selftest-"))
    print(f"Grant Tracker {__version__} self-test ({_where()})", file=out, flush=True)
    outcomes: dict[str, Outcome] = {}
    state = State(root)
    try:
        _prepare_environment(root)
        for name, check, needs in CHECKS:
            blocked = [n for n in needs if outcomes.get(n, Outcome("FAIL", n)).status != "OK"]
            if blocked:
                outcome = Outcome("SKIP", name, f"needs {', '.join(blocked)}")
            else:
                t0 = time.perf_counter()
                try:
                    detail = check(state)
                    took = time.perf_counter() - t0
                    outcome = Outcome("OK", name, detail, took)
                except Skip as exc:
                    outcome = Outcome("SKIP", name, str(exc))
                except CheckFailed as exc:
                    outcome = Outcome("FAIL", name, str(exc))
                except Exception as exc:
                    reason = str(exc) or type(exc).__name__
                    outcome = Outcome("FAIL", name, f"{type(exc).__name__}: {reason}")
                    if os.environ.get("TRACKER_SELFTEST_TRACE"):
                        traceback.print_exc(file=out)
            outcomes[name] = outcome
            _line(out, outcome)
    finally:
        if state.workspace is not None:
            state.workspace.close()
        if keep:
            print(f"files kept in {root}", file=out)
        else:
            shutil.rmtree(root, ignore_errors=True)
    failed = [o.name for o in outcomes.values() if o.status == "FAIL"]
    # A check skipped because another one failed counts with that failure.
    ok = sum(o.status == "OK" for o in outcomes.values())
    skipped = sum(o.status == "SKIP" for o in outcomes.values())
    took = time.perf_counter() - started
    if failed:
        print(
            f"self-test FAILED: {', '.join(failed)} ({ok} OK, {skipped} skipped, {took:.1f} s)",
            file=out,
        )
        return 1
    print(f"self-test passed: {ok} OK, {skipped} skipped, {took:.1f} s", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``tracker --self-test``; ``--keep`` keeps the temporary folder."""
    args = list(sys.argv[1:] if argv is None else argv)
    stream = sys.stdout
    if stream is None:  # a windowed program on Windows has no console
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    elif hasattr(stream, "reconfigure"):
        # A Windows pipe may be cp1252: never fail on a Vietnamese letter in a message.
        stream.reconfigure(errors="backslashreplace")
    return run(stream, keep=True if "--keep" in args else None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
