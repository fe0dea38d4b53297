"""The exported files as a recipient opens them: the XLSX read by openpyxl (read-only) and
again straight from its XML, numbers stored as numbers; CSV with a BOM and neutralised
formulas; the PDF with its embedded font; no name, ID number, phone or village in any
anonymised file; the line list only inside an AES-256 ZIP that needs the passphrase; the
donor version without the people who withdrew consent."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import pytest
import pyzipper
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from tracker.db.engine import Database
from tracker.reports.summary_linelist import LINE_LIST_NAME, read_encrypted_zip
from tracker.reports.summary_tables import HIDDEN, SUPPRESSED
from tracker.services import exports, office, reports
from tracker.services.context import SYSTEM
from tracker.services.errors import PermissionDenied, ValidationError

from .test_report_summary import TODAY, Generated, generate

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
PASSPHRASE = "mật khẩu đủ dài 2025"
PERIOD = reports.whole_year(2025)


@pytest.fixture
def data(sqlite_db: Database) -> Generated:
    return generate(sqlite_db)


def export(data: Generated, tmp_path: Path, audience: str = "donor", **kw: object):  # type: ignore[no-untyped-def]
    target = tmp_path / "usb"
    target.mkdir(exist_ok=True)
    return exports.export_summary(
        data.db, data.actors["admin"], PERIOD, target, audience=audience, today=TODAY, **kw
    )  # type: ignore[arg-type]


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# --- XLSX --------------------------------------------------------------------------------


def _shared_strings(z: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root]


def xml_cells(xlsx: bytes) -> dict[str, dict[str, tuple[str, str]]]:
    """Second reader: sheet name -> cell ref -> (type attribute, raw value), from the XML."""
    z = zipfile.ZipFile(io.BytesIO(xlsx))
    strings = _shared_strings(z)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for sheet in book.iter(f"{{{NS['m']}}}sheet"):
        target = str(targets[sheet.get(rid)]).lstrip("/")
        path = target if target.startswith("xl/") else f"xl/{target}"
        root = ET.fromstring(z.read(path))
        assert root.find(".//m:f", NS) is None, "no formula anywhere"
        cells = {}
        for c in root.iter(f"{{{NS['m']}}}c"):
            kind = c.get("t", "n")
            v = c.find("m:v", NS)
            raw = "" if v is None else (v.text or "")
            if kind == "s":
                raw = strings[int(raw)]
            elif kind == "inlineStr":
                raw = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            cells[str(c.get("r"))] = (kind, raw)
        out[str(sheet.get("name"))] = cells
    return out


def test_xlsx_numbers_are_numbers_in_two_readers(data: Generated, tmp_path: Path) -> None:
    result = export(data, tmp_path, formats=("xlsx",))
    xlsx = next(p for p in result.folder.iterdir() if p.suffix == ".xlsx").read_bytes()
    summary = result.summary
    from tracker.reports.summary_tables import build_tables

    tables = build_tables(summary, "vi")
    # Reader 1: openpyxl, read-only.
    wb = load_workbook(io.BytesIO(xlsx), read_only=True)
    assert wb.sheetnames[0] == "Thông tin"
    assert wb.sheetnames[1:] == [t.sheet for t in tables]
    for t in tables:
        rows = list(wb[t.sheet].iter_rows(values_only=True))
        assert list(rows[0]) == [c.title for c in t.columns]
        body = rows[1 : 1 + len(t.all_rows())]
        for want, got in zip(t.all_rows(), body, strict=True):
            for col, w, g in zip(t.columns, want, got, strict=True):
                if isinstance(w, int):
                    assert type(g) is int and g == w, (t.key, col.key)
                elif w in (SUPPRESSED, HIDDEN):
                    assert g == w
                elif isinstance(w, date):
                    assert g.date() == w  # type: ignore[union-attr]
    wb.close()
    # Formats, frozen header (openpyxl in full mode for the styles).
    full = load_workbook(io.BytesIO(xlsx))
    support = full[next(t.sheet for t in tables if t.key == "support")]
    assert support.freeze_panes == "B2"
    support_table = next(t for t in tables if t.key == "support")
    money_col, row_no = next(
        (i, r)
        for r, row in enumerate(support_table.rows, 2)
        for i, (c, v) in enumerate(zip(support_table.columns, row, strict=True), 1)
        if c.kind == "money" and isinstance(v, int)
    )
    assert support.cell(row=row_no, column=money_col).number_format == '#,##0 "₫"'
    assert support.cell(row=2, column=3).number_format == "#,##0"
    assert support.column_dimensions["A"].width > 10
    projects = full[next(t.sheet for t in tables if t.key == "projects")]
    assert projects.cell(row=2, column=4).number_format == "dd/mm/yyyy"
    # Reader 2: the XML inside the zip.
    sheets = xml_cells(xlsx)
    support_xml = sheets[support_table.sheet]
    numeric = [ref for ref, (kind, _v) in support_xml.items() if kind == "n" and ref[1:] != "1"]
    assert numeric, "numbers are stored as numeric cells"
    for ref in numeric:
        int(support_xml[ref][1])  # an integer, not "5.000.000"
    sex = sheets[tables[0].sheet]
    assert sex["A1"][0] in ("s", "inlineStr") and sex["A1"][1] == "Giới tính"
    texts = {v for kind, v in sex.values() if kind in ("s", "inlineStr", "str")}
    assert "Nữ" in texts
    suppressed = [ref for ref, (kind, v) in sex.items() if v == SUPPRESSED]
    assert all(sex[ref][0] != "n" for ref in suppressed)


def test_formula_like_text_is_neutralised_in_xlsx_and_csv(data: Generated, tmp_path: Path) -> None:
    name = '=HYPERLINK("http://evil","x")'
    current = office.get_office(data.db, SYSTEM)
    assert current is not None
    office.save_office(
        data.db, SYSTEM, office.OfficeInput(name=name, receipt_prefix=current.receipt_prefix)
    )
    with data.db.write() as s:
        s.execute(
            text("UPDATE project SET name = '+SUM(A1)', donor = '@cmd' WHERE code = 'SK-2428'")
        )
    result = export(data, tmp_path, audience="office", formats=("xlsx", "csv"))
    files = files_of(result.folder)
    info = files["csv/00_info.csv"].decode("utf-8-sig")
    assert "'=HYPERLINK" in info
    projects_csv = next(v for k, v in files.items() if k.endswith("_projects.csv"))
    rows = list(csv.reader(io.StringIO(projects_csv.decode("utf-8-sig")), delimiter=";"))
    assert any(r[1] == "'+SUM(A1)" and r[2] == "'@cmd" for r in rows)
    for data_csv in (v for k, v in files.items() if k.endswith(".csv")):
        for row in csv.reader(io.StringIO(data_csv.decode("utf-8-sig")), delimiter=";"):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
                if cell.startswith("-"):
                    int(cell)  # only a negative number may start with '-'
    xlsx = next(v for k, v in files.items() if k.endswith(".xlsx"))
    for sheet in xml_cells(xlsx).values():
        for kind, value in sheet.values():
            if kind != "n":
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


# --- CSV ---------------------------------------------------------------------------------


def test_csv_files_have_a_bom_and_plain_numbers(data: Generated, tmp_path: Path) -> None:
    result = export(data, tmp_path, formats=("csv",))
    files = files_of(result.folder)
    csvs = {k: v for k, v in files.items() if k.endswith(".csv")}
    # The information file, then one per table (15 tables), separated by ";" for Excel on a
    # Vietnamese Windows.
    assert len(csvs) == 16 and "csv/00_info.csv" in csvs
    for name, raw in csvs.items():
        assert raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r\n" in raw
        raw.decode("utf-8")
    support = next(v for k, v in csvs.items() if k.endswith("_support.csv"))
    rows = list(csv.reader(io.StringIO(support.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Loại hỗ trợ"
    total = rows[-1]
    assert total[0] == "Tổng cộng"
    assert all(c.isdigit() or c in ("", SUPPRESSED, HIDDEN) for c in total[1:])


# --- PDF ---------------------------------------------------------------------------------


def test_pdf_has_the_tables_the_chart_and_the_font(data: Generated, tmp_path: Path) -> None:
    result = export(data, tmp_path, formats=("pdf",))
    pdf = next(p for p in result.folder.iterdir() if p.suffix == ".pdf")
    reader = PdfReader(pdf)
    content = "\n".join(page.extract_text() for page in reader.pages)
    assert "BÁO CÁO TỔNG HỢP HỖ TRỢ SINH KẾ" in content
    assert "Năm 2025" in content and "Người được hỗ trợ theo nhóm tuổi" in content
    assert "Giá trị hỗ trợ theo loại" in content  # the chart's title
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert any("BeVietnamPro" in f for f in fonts)


def test_empty_period_still_makes_every_file(data: Generated, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    result = exports.export_summary(
        data.db, data.actors["viewer"], reports.quarter(2019, 1), target, today=TODAY
    )
    assert result.summary.is_empty
    names = {f.path for f in result.files}
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".xlsx") for n in names)
    text_pdf = "".join(
        p.extract_text() for p in PdfReader(result.folder / next(iter(sorted(names)))).pages
    )
    assert "Không có số liệu trong kỳ này" in text_pdf


# --- no names anywhere; the line list only encrypted -------------------------------------


def _texts_of(files: dict[str, bytes]) -> str:
    """Everything a reader could find: raw bytes, the XML inside zips, the PDF's text."""
    parts = []
    for name, raw in files.items():
        parts.append(raw.decode("utf-8", "ignore"))
        if name.endswith(".xlsx"):
            z = zipfile.ZipFile(io.BytesIO(raw))
            parts += [z.read(n).decode("utf-8", "ignore") for n in z.namelist()]
        if name.endswith(".pdf"):
            parts += [p.extract_text() for p in PdfReader(io.BytesIO(raw)).pages]
    return "\n".join(parts)


def test_no_name_id_phone_or_village_in_any_anonymised_file(
    data: Generated, tmp_path: Path
) -> None:
    with data.db.engine.connect() as conn:
        people = conn.execute(
            text("SELECT full_name, id_number, phone, village, code FROM beneficiary")
        ).all()
    for audience in reports.AUDIENCES:
        result = export(data, tmp_path, audience=audience)
        everything = _texts_of(files_of(result.folder))
        for full_name, id_number, phone, _village, code in people:
            assert full_name not in everything
            assert full_name.split()[-1] not in everything  # the given name + number
            assert id_number not in everything and phone not in everything
            assert code not in everything
        assert people[0][3] not in everything  # "Thôn Bí Mật"


def test_line_list_is_only_in_an_aes_zip_with_the_passphrase(
    data: Generated, tmp_path: Path
) -> None:
    result = export(data, tmp_path, audience="office", line_list_passphrase=PASSPHRASE)
    files = files_of(result.folder)
    zips = [k for k in files if k.endswith(".zip")]
    assert zips == ["MV_2025_office_line_list_AES.zip"]
    secret = files[zips[0]]
    # Not a plain file anywhere: no name in any file, the archive included.
    everything = _texts_of({k: v for k, v in files.items()})
    assert not any(n in everything for n in data.names)
    assert not any(k.endswith(("line_list.xlsx", "line_list.csv")) for k in files)
    # Standard zip readers see an AES entry (method 99) they cannot open.
    z = zipfile.ZipFile(io.BytesIO(secret))
    (info,) = z.infolist()
    assert info.filename == LINE_LIST_NAME and info.compress_type == 99 and info.flag_bits & 1
    with pytest.raises(RuntimeError):
        z.read(LINE_LIST_NAME)
    with pytest.raises(RuntimeError):
        read_encrypted_zip(secret, "a wrong passphrase")
    with pyzipper.AESZipFile(io.BytesIO(secret)) as az, pytest.raises(RuntimeError):
        az.read(LINE_LIST_NAME)  # no passphrase at all
    # With it: the names are there.
    inside = read_encrypted_zip(secret, PASSPHRASE)[LINE_LIST_NAME]
    wb = load_workbook(io.BytesIO(inside), read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][:2] == ("Mã", "Họ và tên")
    assert {r[1] for r in rows[1:]} <= set(data.names) and len(rows) > 10
    manifest = json.loads(files["manifest.json"])
    assert manifest["line_list_encrypted"] is True


def test_line_list_needs_an_admin_and_a_passphrase(data: Generated, tmp_path: Path) -> None:
    target = tmp_path / "t"
    target.mkdir()
    with pytest.raises(PermissionDenied):
        exports.export_summary(
            data.db, data.actors["officer"], PERIOD, target, line_list_passphrase=PASSPHRASE
        )
    with pytest.raises(ValidationError) as info:
        exports.export_summary(
            data.db, data.actors["admin"], PERIOD, target, line_list_passphrase="short"
        )
    assert info.value.key == "passphrase_needed"
    assert list(target.iterdir()) == []


# --- consent ------------------------------------------------------------------------------


def test_consent_withdrawn_people_are_absent_from_the_donor_export(
    db: Database, tmp_path: Path
) -> None:
    data = generate(db)
    result = export(data, tmp_path, audience="donor", formats=("csv",))
    rows = list(
        csv.reader(
            io.StringIO(
                (result.folder / "csv" / "01_people_sex.csv").read_bytes().decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    with db.engine.connect() as conn:
        supported = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT DISTINCT g.beneficiary_id FROM disbursement d JOIN grant_plan g"
                    " ON g.id = d.grant_id WHERE d.handed_on <= '2025-12-31'"
                )
            )
        }
    assert rows[-1][0] == "Tổng cộng"
    assert int(rows[-1][4]) == len(supported - data.withdrawn_donor)
    assert supported & data.withdrawn_donor, "the data has withdrawn people who were supported"
    # The encrypted line list of the donor version leaves them out too.
    result = export(
        data, tmp_path, audience="donor", formats=("csv",), line_list_passphrase=PASSPHRASE
    )
    secret = next(p for p in result.folder.iterdir() if p.suffix == ".zip").read_bytes()
    wb = load_workbook(io.BytesIO(read_encrypted_zip(secret, PASSPHRASE)[LINE_LIST_NAME]))
    codes = {r[0] for r in wb.active.iter_rows(min_row=2, values_only=True)}  # type: ignore[union-attr]
    with db.engine.connect() as conn:
        withdrawn_codes = {
            r[0]
            for r in conn.execute(text("SELECT code, id FROM beneficiary"))
            if r[1] in data.withdrawn_donor
        }
    assert codes and not codes & withdrawn_codes


# --- the export service ------------------------------------------------------------------


def test_export_folder_manifest_and_audit(data: Generated, tmp_path: Path) -> None:
    seen: list[tuple[int, str]] = []
    first = export(data, tmp_path, progress=lambda p, w: seen.append((p, w)))
    second = export(data, tmp_path)
    assert first.folder.name == "MV_2025_donor" and second.folder.name == "MV_2025_donor_2"
    assert [p for p, _w in seen] == sorted(p for p, _w in seen) and seen[-1] == (100, "done")
    manifest = json.loads((first.folder / "manifest.json").read_text("utf-8"))
    assert manifest["office"] == {"name": "Hội LHPN xã Mèo Vạc", "prefix": "MV"}
    assert manifest["period"]["key"] == "2025" and manifest["audience"] == "donor"
    assert manifest["app_version"] and manifest["created_utc"].endswith("Z")
    assert {f["path"] for f in manifest["files"]} == {f.path for f in first.files}
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])
    for name in [first.folder.name, *(f.path for f in first.files)]:
        assert all(ch.isascii() and (ch.isalnum() or ch in "-_./") for ch in name), name
    leftovers = [p.name for p in (tmp_path / "usb").iterdir()]
    assert sorted(leftovers) == ["MV_2025_donor", "MV_2025_donor_2"]
    with data.db.engine.connect() as conn:
        events = conn.execute(
            text("SELECT COUNT(*) FROM audit_event WHERE action = 'export' AND entity = 'report'")
        ).scalar_one()
    assert events == 2


def test_export_refuses_bad_requests(data: Generated, tmp_path: Path) -> None:
    viewer = data.actors["viewer"]
    target = tmp_path / "usb"
    target.mkdir()
    with pytest.raises(ValidationError) as info:
        exports.export_summary(data.db, viewer, PERIOD, tmp_path / "nowhere")
    assert info.value.key == "export_no_target"
    with pytest.raises(ValidationError) as info:
        exports.export_summary(data.db, viewer, PERIOD, target, formats=())
    assert info.value.key == "no_formats"
    with pytest.raises(ValidationError) as info:
        exports.export_summary(data.db, viewer, PERIOD, target, formats=("pdf", "docx"))
    assert info.value.field == "formats"
    with pytest.raises(ValidationError):
        exports.export_summary(data.db, viewer, PERIOD, target, audience="press")
    assert list(target.iterdir()) == []
