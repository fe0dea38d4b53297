"""The small layout engine under the documents: wrapping, flowing onto pages, writing."""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.reports import _layout
from tracker.reports._layout import Block, LayoutError, clean, flow, width, wrap, write_atomic
from tracker.reports.fonts import register_fonts

FONTS = register_fonts()
R, B = FONTS.regular, FONTS.bold


def _line_text(segments) -> str:
    return " ".join(text for _x, text, _f in segments)


def test_short_text_is_one_line_one_segment() -> None:
    lines = wrap([("Vàng Thị Mỷ", R)], 10, 300)
    assert len(lines) == 1
    (segments, line_w) = lines[0]
    assert segments == [(0.0, "Vàng Thị Mỷ", R)]
    assert line_w == pytest.approx(width("Vàng Thị Mỷ", R, 10))


def test_mixed_fonts_keep_their_positions() -> None:
    ((segments, _w),) = wrap([("Số tiền: ", R), ("5.000.000 đồng", B)], 10, 400)
    assert [(t, f) for _x, t, f in segments] == [("Số tiền:", R), ("5.000.000 đồng", B)]
    assert segments[1][0] == pytest.approx(width("Số tiền:", R, 10) + width(" ", R, 10))


def test_hanging_indent_narrows_the_following_lines() -> None:
    text = "xóm Lũng Phìn Ngoài, thôn Sủng Pờ A, xã Mèo Vạc, tỉnh Tuyên Quang " * 3
    lines = wrap([(text, R)], 10, 200, hang=60)
    assert len(lines) > 2
    assert lines[0][1] <= 200 + 0.01
    for _segments, line_w in lines[1:]:
        assert line_w <= 140 + 0.01


words_strategy = st.lists(
    st.text(
        alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặấầẩẫậềếểễệỳýỷỹỵ.,"),
        min_size=1,
        max_size=40,
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(words=words_strategy, avail=st.floats(min_value=25, max_value=500))
def test_wrapping_never_overflows_and_never_loses_a_letter(words: list[str], avail: float) -> None:
    text = " ".join(words)
    lines = wrap([(text, R)], 9, avail)
    for segments, line_w in lines:
        assert line_w <= avail + 0.02
        for x, seg, font in segments:
            assert x + width(seg, font, 9) <= avail + 0.02
    joined = "".join(_line_text(s) for s, _w in lines).replace(" ", "")
    assert joined == text.replace(" ", "")


def test_clean_gives_nfc_without_controls_or_double_spaces() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn  Thị\tHồng\r\nNhung\x00 ")
    assert clean(nfd) == "Nguyễn Thị Hồng Nhung"
    assert unicodedata.is_normalized("NFC", clean(nfd))
    assert clean(None) == ""
    assert clean(12) == "12"


def _block(height: float, *, keep: bool = False, header: Block | None = None) -> Block:
    block = Block()
    block.height = height
    block.keep_with_next = keep
    block.header = header
    return block


def _flow(blocks, **kwargs):
    return flow(blocks, page_w=200, page_h=300, left=10, top=20, bottom=20, **kwargs)


def test_blocks_flow_onto_new_pages() -> None:
    pages = _flow([_block(100) for _ in range(5)])
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert [y for _x, y, _b in pages[1].items] == [20, 120]


def test_keep_with_next_moves_the_group_together() -> None:
    blocks = [_block(150), _block(60, keep=True), _block(60)]
    pages = _flow(blocks)
    assert [len(p.items) for p in pages] == [1, 2]


def test_a_row_starting_a_page_gets_its_header_again() -> None:
    header = _block(20, keep=True)
    rows = [_block(50, header=header) for _ in range(8)]
    pages = _flow([header, *rows])
    assert len(pages) >= 2
    for page in pages:
        assert page.items[0][2] is header


def test_running_head_on_following_pages() -> None:
    def head() -> Block:
        return _block(10)

    pages = _flow([_block(200), _block(200)], continuation=head)
    assert len(pages) == 2
    assert len(pages[0].items) == 1
    assert pages[1].items[0][2].height == 10
    assert pages[1].items[1][1] == 30


def test_a_block_taller_than_a_page_is_an_error_not_an_overflow() -> None:
    with pytest.raises(LayoutError, match="too long"):
        _flow([_block(400)])


def test_write_atomic_leaves_nothing_behind_on_error(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"

    def boom(stream) -> None:
        stream.write(b"half")
        raise RuntimeError("printer on fire")

    with pytest.raises(RuntimeError):
        write_atomic(out, boom)
    assert list(tmp_path.iterdir()) == []
    assert write_atomic(out, lambda s: s.write(b"whole")) == 5
    assert out.read_bytes() == b"whole"
    buffer = io.BytesIO()
    write_atomic(buffer, lambda s: s.write(b"stream"))
    assert buffer.getvalue() == b"stream"


def test_sensitive_terms_match_any_case_and_diacritics() -> None:
    assert _layout.is_sensitive("HỖ TRỢ NẠN NHÂN")
    assert _layout.is_sensitive(unicodedata.normalize("NFD", "mua bán người"))
    assert _layout.is_sensitive("Victims of trafficking")
    assert not _layout.is_sensitive("Hỗ trợ sinh kế")
    assert not _layout.is_sensitive("Nấm nhân giống")  # near, but not the word


def test_the_pdf_layer_imports_no_database_qt_or_services() -> None:
    code = (
        "import sys, tracker.reports, tracker.reports.receipt_pdf;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'PySide6', 'alembic')"
        " or m.startswith('tracker.services') or m.startswith('tracker.db')"
        " or m.startswith('tracker.ui')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
