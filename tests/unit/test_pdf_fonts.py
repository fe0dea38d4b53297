"""The document font ships with the app, is static, covers Vietnamese and is embedded."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from tests.unit.test_pdf_receipt import make_doc
from tracker.reports import (
    HandoverNoteDoc,
    ReceiptItem,
    Signatory,
    SignatureListDoc,
    SignatureListRow,
    fonts,
    render_batch,
    render_handover_note,
    render_receipt,
    render_signature_list,
)

BASE_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}

VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
    "₫–…“”0123456789.,:;()/-"
)


def _documents() -> dict[str, bytes]:
    items = (ReceiptItem("Bò cái giống", 1, "con", 15_000_000, 15_000_000),)
    handover = HandoverNoteDoc(
        office_name="Hội LHPN xã Mèo Vạc",
        office_address="Xã Mèo Vạc",
        issued_on=date(2025, 3, 5),
        place="thôn Sủng Pờ A",
        giver=Signatory("Chủ tịch", "Nguyễn Thị Lan"),
        receiver_name="Vàng Thị Mỷ",
        receiver_address="Thôn Sủng Pờ A",
        items=items,
        amount=15_000_000,
        voided=True,
        void_reason="Lập nhầm",
    )
    signature_list = SignatureListDoc(
        office_name="Hội LHPN xã Mèo Vạc",
        office_address="Xã Mèo Vạc",
        subject="Tiền hỗ trợ sinh hoạt",
        period="Tháng 03 năm 2025",
        issued_on=date(2025, 3, 31),
        rows=(SignatureListRow("Vàng Thị Mỷ", "MV0001", "Thôn Sủng Pờ A", 1_500_000),),
    )
    out: dict[str, bytes] = {}
    for name, render, doc in (
        ("receipt", render_receipt, make_doc()),
        ("void-reprint", render_receipt, make_doc(voided=True, void_reason="x", reprint=1)),
        ("english", render_receipt, make_doc(lang="en")),
        ("a5", render_receipt, make_doc(page_size="A5")),
        ("handover", render_handover_note, handover),
        ("signature-list", render_signature_list, signature_list),
        ("batch", render_batch, [make_doc(), make_doc(number="MV-2025-000124")]),
    ):
        buffer = io.BytesIO()
        render(doc, buffer)
        out[name] = buffer.getvalue()
    return out


NAMES = ["a5", "batch", "english", "handover", "receipt", "signature-list", "void-reprint"]


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    made = _documents()
    assert sorted(made) == NAMES
    return made


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded_and_none_is_a_base_14_font(
    documents: dict[str, bytes], name: str
) -> None:
    reader = pypdf.PdfReader(io.BytesIO(documents[name]))
    seen = 0
    for page in reader.pages:
        resources = page["/Resources"]
        font_dict = resources.get("/Font", {})
        for ref in font_dict.values():
            font = ref.get_object()
            seen += 1
            base = str(font["/BaseFont"]).lstrip("/")
            plain = base.split("+", 1)[-1]
            assert plain not in BASE_14, f"{name}: base-14 font {base} is used"
            assert font["/Subtype"] == "/TrueType", base
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name}: {base} is not embedded"
            assert len(descriptor["/FontFile2"].get_object().get_data()) > 1000
            assert plain.startswith("BeVietnamPro"), base
    assert seen > 0


def test_pdffonts_agrees_that_all_fonts_are_embedded(
    documents: dict[str, bytes], tmp_path: Path
) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed")
    out = tmp_path / "r.pdf"
    out.write_bytes(documents["void-reprint"])
    listing = subprocess.run(
        ["pdffonts", str(out)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        name, kind, _encoding, emb, *_ = line.split()
        assert kind == "TrueType" and emb == "yes", line
        assert "BeVietnamPro" in name


def test_the_fonts_and_their_licence_ship_with_the_app() -> None:
    folder = fonts.fonts_dir()
    for name in fonts.FILES.values():
        assert (folder / name).is_file(), name
    licence = (folder / fonts.LICENCE_FILE).read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Be Vietnam Pro" in licence


def _tables(path: Path) -> set[str]:
    data = path.read_bytes()
    (count,) = struct.unpack(">H", data[4:6])
    return {data[12 + 16 * i : 16 + 16 * i].decode("latin-1") for i in range(count)}


@pytest.mark.parametrize("style", sorted(fonts.FILES))
def test_the_fonts_are_static_truetype(style: str) -> None:
    path = fonts.fonts_dir() / fonts.FILES[style]
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", "TrueType outlines"
    tables = _tables(path)
    assert "glyf" in tables
    assert "fvar" not in tables, "a variable font does not work in reportlab"


@pytest.mark.parametrize("style", ["regular", "bold", "italic", "bold_italic"])
def test_every_vietnamese_letter_has_a_glyph(style: str) -> None:
    names = fonts.register_fonts()
    face = pdfmetrics.getFont(getattr(names, style)).face
    missing = [ch for ch in VIETNAMESE if ord(ch) not in face.charToGlyph]
    assert not missing


def test_registration_happens_once() -> None:
    first = fonts.register_fonts()
    assert fonts.register_fonts() is first
    assert pdfmetrics.getRegisteredFontNames().count(first.regular) == 1


def test_missing_fonts_give_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setenv("TRACKER_FONTS_DIR", str(tmp_path))
    with pytest.raises(fonts.FontsMissingError, match=r"BeVietnamPro-Regular\.ttf"):
        fonts.register_fonts()


def test_a_frozen_bundle_finds_the_fonts_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACKER_FONTS_DIR", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.fonts_dir() == tmp_path / "resources" / "fonts"


def test_a_checkout_finds_the_fonts_under_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_FONTS_DIR", raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    root = Path(__file__).resolve().parents[2]
    assert fonts.fonts_dir() == root / "resources" / "fonts"
