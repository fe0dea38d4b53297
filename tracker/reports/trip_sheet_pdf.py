"""The trip sheet (phiếu đi thăm gia đình): A4 landscape, for an officer who visits a
dozen families of a commune in a day without a network.

One row per visit, grouped under a band per village: the person's code and alias (the
full name only when the sheet was asked with names), the support and the day the visit
was due (and how late it is), the last visit of that support and what it found, what to
look at for that support with a box to tick for each (cow: alive, calved, sick, shelter;
loom: in use, products sold; scholarship: still in school; allowance: received, safe),
the outcome to fill in (met or not and why, the livelihood, income, the next visit) and a
column for notes. The table's head repeats on every page; the officer signs the last.

Neutral words only: the sheet says "hỗ trợ sinh kế", never the project's purpose nor a
person's category (a sheet lost on the road tells a finder nothing); the texts that come
from the records are checked as the receipts' are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from tracker.domain.shapes import TripFinding, TripSheet, TripStop
from tracker.domain.vocab import MISSED_REASONS, VISIT_CHECKS
from tracker.i18n import format_date
from tracker.i18n.labels import label
from tracker.reports import _common as c
from tracker.reports._common import Style
from tracker.reports._layout import (
    CENTRE,
    DARK_GREY,
    GREY_FILL,
    LEADING,
    LEFT,
    RIGHT,
    Block,
    Page,
    check_neutral,
    clean,
    width,
    write_atomic,
)

__all__ = ["LANDSCAPE", "layout_trip_sheet", "render_trip_sheet"]

#: A4 landscape, narrow margins: seven columns with room to write.
LANDSCAPE = c.Sheet("A4L", A4[1], A4[0], 12 * mm, 12 * mm, 11 * mm, 12 * mm, 1.0)
#: Room to write the outcome of a visit by hand.
MIN_ROW_H = 21 * mm

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "PHIẾU ĐI THĂM GIA ĐÌNH",
        "subtitle": "Theo dõi hỗ trợ sinh kế",
        "short": "Phiếu đi thăm gia đình",
        "area": "Địa bàn:",
        "villages": "thôn/bản: {names}",
        "period": "Các lần thăm đến hạn từ {start} đến {end}, và các lần đã quá hạn mà chưa thăm.",
        "printed": "In ngày {date}",
        "officer": "Cán bộ đi thăm:",
        "trip_day": "Ngày đi: ........ /........ /..............",
        "count": "Số lượt thăm: {n}",
        "how": (
            "Đánh dấu X vào ô. Không gặp: ghi lý do ({reasons}). "
            "Thu nhập: chưa có, thấp, trung bình, khá."
        ),
        "no": "STT",
        "who": "Mã – tên gọi",
        "who_names": "Mã – tên gọi – họ tên",
        "support": "Hỗ trợ – hẹn thăm",
        "last": "Lần thăm trước",
        "checks": "Cần xem",
        "outcome": "Kết quả",
        "notes": "Ghi chú",
        "no_village": "(chưa ghi thôn/bản)",
        "village_band": "{village} – {n} lượt",
        "due": "Hẹn {date}",
        "step": "tháng thứ {n}",
        "late": "quá hạn {n} ngày",
        "never": "Chưa thăm lần nào",
        "missed": "không gặp ({reason})",
        "running": "sinh kế duy trì",
        "stopped": "sinh kế đã dừng",
        "income": "thu nhập: {band}",
        "in_school": "còn đi học",
        "out_of_school": "đã nghỉ học",
        "attention": "cần quan tâm thêm",
        "met": "Gặp",
        "not_met": "Không gặp, lý do:",
        "livelihood": "Sinh kế:",
        "keeps": "duy trì",
        "stops": "dừng",
        "income_line": "Thu nhập:",
        "care": "Cần quan tâm thêm",
        "next": "Hẹn lần sau:",
        "alive": "Còn sống, khỏe",
        "calved": "Đã đẻ: ..... con",
        "sick": "Ốm, bệnh",
        "shelter": "Chuồng trại, thức ăn tốt",
        "in_use": "Đang dùng",
        "products_sold": "Có sản phẩm bán được",
        "received": "Đã nhận đủ",
        "safe": "Cuộc sống ổn định",
        "signer": "Cán bộ đi thăm",
        "sign_hint": "(Ký, ghi rõ họ tên)",
    },
    "en": {
        "title": "FAMILY VISIT SHEET",
        "subtitle": "Livelihood support follow-up",
        "short": "Family visit sheet",
        "area": "Area:",
        "villages": "villages: {names}",
        "period": "Visits due from {start} to {end}, and those overdue not yet made.",
        "printed": "Printed {date}",
        "officer": "Visiting officer:",
        "trip_day": "Day of the visits: ......../......../..............",
        "count": "Visits: {n}",
        "how": (
            "Put an X in the boxes. Not met: write the reason ({reasons}). "
            "Income: none, low, medium, good."
        ),
        "no": "No.",
        "who": "Code – alias",
        "who_names": "Code – alias – name",
        "support": "Support – due",
        "last": "Last visit",
        "checks": "Look at",
        "outcome": "Outcome",
        "notes": "Notes",
        "no_village": "(no village recorded)",
        "village_band": "{village} – {n} visit(s)",
        "due": "Due {date}",
        "step": "month {n}",
        "late": "{n} days overdue",
        "never": "No visit yet",
        "missed": "not met ({reason})",
        "running": "livelihood running",
        "stopped": "livelihood stopped",
        "income": "income: {band}",
        "in_school": "in school",
        "out_of_school": "left school",
        "attention": "needs attention",
        "met": "Met",
        "not_met": "Not met, reason:",
        "livelihood": "Livelihood:",
        "keeps": "running",
        "stops": "stopped",
        "income_line": "Income:",
        "care": "Needs attention",
        "next": "Next visit:",
        "alive": "Alive, healthy",
        "calved": "Gave birth: ..... young",
        "sick": "Sick",
        "shelter": "Shelter and feed good",
        "in_use": "In use",
        "products_sold": "Products sold",
        "received": "Received in full",
        "safe": "Life settled",
        "signer": "Visiting officer",
        "sign_hint": "(Signature, full name)",
    },
}

# --- the parts of a cell ------------------------------------------------------------------

Part = tuple[str, object]
"""("text", str), ("bold", str), ("boxes", [labels]), ("blank", label): a line to write on."""


def _box_items(
    block: Block | None, x: float, y: float, avail: float, labels: Sequence[str], font: str,
    size: float,
) -> float:  # fmt: skip
    """Boxes, each followed by its label, side by side, wrapping to a new line when the next
    one does not fit; returns the height used."""
    box = size * 0.8
    gap = size * 0.35
    line_h = size * LEADING
    cx = 0.0
    top = y
    for text in labels:
        text = clean(text)
        w = box + gap + width(text, font, size)
        if cx and cx + w > avail:
            cx = 0.0
            top += line_h
        if block is not None:
            block.rect(x + cx, top + (line_h - box) / 2 + size * 0.02, box, box, width=0.6)
            inner = max(avail - cx - box - gap, size)
            block.text(x + cx + box + gap, top, inner, text, font, size)
        cx += w + size * 0.9
    return top - y + line_h


def _parts_height(st: Style, parts: Sequence[Part], avail: float, size: float) -> float:
    probe = Block()
    return _draw_parts(probe, st, parts, 0, 0, avail, size)


def _draw_parts(
    block: Block, st: Style, parts: Sequence[Part], x: float, y: float, avail: float, size: float
) -> float:
    used = 0.0
    for kind, value in parts:
        if kind in ("text", "bold", "italic"):
            font = {"text": st.R, "bold": st.B, "italic": st.I}[kind]
            used += block.text(x, y + used, avail, clean(str(value)), font, size)
        elif kind == "boxes":
            used += _box_items(block, x, y + used, avail, value, st.R, size)  # type: ignore[arg-type]
        elif kind == "boxblank":
            text = clean(str(value))
            h = _box_items(block, x, y + used, avail, [text], st.R, size)
            start = x + min(size * 1.15 + width(text, st.R, size) + size * 0.4, avail * 0.8)
            line_y = y + used + size * 1.15
            block.line(start, line_y, x + avail, line_y, 0.4, DARK_GREY, (1, 1.5))
            used += h
        elif kind == "blank":
            text = clean(str(value))
            h = block.text(x, y + used, avail, text, st.R, size)
            start = x + min(width(text, st.R, size) + size * 0.4, avail * 0.7)
            line_y = y + used + size * 1.15
            block.line(start, line_y, x + avail, line_y, 0.4, DARK_GREY, (1, 1.5))
            used += h
    return used


# --- what each cell says ------------------------------------------------------------------


def _who(stop: TripStop, names: bool) -> list[Part]:
    parts: list[Part] = [("bold", stop.code)]
    if stop.alias:
        parts.append(("text", stop.alias))
    if names and stop.full_name:
        parts.append(("italic", stop.full_name))
    return parts


def _support(stop: TripStop, w: dict[str, str], lang: str) -> list[Part]:
    name = stop.type_name_vi if lang == "vi" else stop.type_name_en
    due = w["due"].format(date=format_date(stop.scheduled_on, lang))
    if stop.months_after:
        due += f" ({w['step'].format(n=stop.months_after)})"
    parts: list[Part] = [("text", name), ("text", due)]
    if stop.days_late:
        parts.append(("bold", w["late"].format(n=stop.days_late)))
    return parts


def _found(last: TripFinding | None, w: dict[str, str], lang: str) -> list[Part]:
    if last is None:
        return [("italic", w["never"])]
    head = format_date(last.on, lang)
    if last.status == "missed":
        reason = label("missed_reason", last.missed_reason, lang).lower()
        return [("bold", head), ("text", w["missed"].format(reason=reason))]
    said = []
    if last.livelihood_running is not None:
        said.append(w["running"] if last.livelihood_running else w["stopped"])
    if last.income_band:
        said.append(w["income"].format(band=label("income_band", last.income_band, lang).lower()))
    if last.in_school is not None:
        said.append(w["in_school"] if last.in_school else w["out_of_school"])
    for kind, status in last.assets:
        said.append(
            f"{label('asset_kind', kind, lang)}: {label('asset_status', status, lang).lower()}"
        )
    if last.needs_attention:
        said.append(w["attention"])
    parts: list[Part] = [("bold", head)]
    if said:
        parts.append(("text", "; ".join(said)))
    return parts


def _checks(stop: TripStop, w: dict[str, str], lang: str) -> list[Part]:
    keys = VISIT_CHECKS.get(stop.checks, VISIT_CHECKS["other"])
    labels = [w[key][:1].upper() + w[key][1:] for key in keys]
    parts: list[Part] = []
    if stop.assets and stop.checks in ("livestock", "loom"):
        things = []
        for a in stop.assets:
            text = label("asset_kind", a.kind, lang)
            if a.tag:
                text += f" {a.tag}"
            things.append(text)
        parts.append(("italic", ", ".join(things)))
    parts.append(("boxes", labels))
    return parts


def _outcome(w: dict[str, str]) -> list[Part]:
    return [
        ("boxes", [w["met"], w["not_met"]]),
        ("blank", ""),
        ("boxes", [f"{w['livelihood']} {w['keeps']}", w["stops"]]),
        ("blank", w["income_line"]),
        ("boxes", [w["care"]]),
        ("blank", w["next"]),
    ]


# --- the table ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Col:
    key: str
    share: float
    align: str = LEFT


COLUMNS = (
    _Col("no", 0.035, CENTRE),
    _Col("who", 0.12),
    _Col("support", 0.135),
    _Col("last", 0.16),
    _Col("checks", 0.18),
    _Col("outcome", 0.19),
    _Col("notes", 0.18),
)


def _edges(st: Style) -> list[float]:
    total = sum(col.share for col in COLUMNS)
    edges = [0.0]
    for col in COLUMNS:
        edges.append(edges[-1] + st.W * col.share / total)
    return edges


def _header(st: Style, w: dict[str, str], names: bool) -> Block:
    edges = _edges(st)
    block = Block(st.gap)
    block.tag = "body"
    pad = st.pad
    h = 0.0
    titles = [w["no"], w["who_names"] if names else w["who"], w["support"], w["last"],
              w["checks"], w["outcome"], w["notes"]]  # fmt: skip
    for i, title in enumerate(titles):
        avail = edges[i + 1] - edges[i] - 2 * pad
        h = max(h, Block().text(0, 0, avail, title, st.B, st.small, align=CENTRE))
    height = h + 2 * pad
    block.rect(0, 0, st.W, height, width=0.6, fill=GREY_FILL)
    for i, title in enumerate(titles):
        avail = edges[i + 1] - edges[i] - 2 * pad
        block.text(edges[i] + pad, pad, avail, title, st.B, st.small, align=CENTRE)
        if i:
            block.line(edges[i], 0, edges[i], height, 0.6)
    block.height = height
    return block


def _band(st: Style, text: str, header: Block) -> Block:
    block = Block()
    block.tag = "body"
    pad = st.pad
    h = Block().text(0, 0, st.W - 2 * pad, text, st.B, st.body)
    block.rect(0, 0, st.W, h + 2 * pad, width=0.6, fill=(0.97, 0.97, 0.97))
    block.text(pad, pad, st.W - 2 * pad, text, st.B, st.body)
    block.height = h + 2 * pad
    block.header = header
    block.keep_with_next = True
    return block


def _row(
    st: Style, index: int, stop: TripStop, sheet: TripSheet, w: dict[str, str], lang: str,
    header: Block,
) -> Block:  # fmt: skip
    edges = _edges(st)
    size = st.tiny
    pad = st.pad
    cells: list[list[Part]] = [
        [("text", str(index))],
        _who(stop, sheet.names_shown),
        _support(stop, w, lang),
        _found(stop.last, w, lang),
        _checks(stop, w, lang),
        _outcome(w),
        [],
    ]
    heights = [
        _parts_height(st, parts, edges[i + 1] - edges[i] - 2 * pad, size)
        for i, parts in enumerate(cells)
    ]
    height = max(max(heights) + 2 * pad, MIN_ROW_H)
    block = Block()
    block.tag = "body"
    block.rect(0, 0, st.W, height, width=0.6)
    for i, parts in enumerate(cells):
        avail = edges[i + 1] - edges[i] - 2 * pad
        if COLUMNS[i].align == CENTRE:
            text = clean(str(parts[0][1]))
            block.text(edges[i] + pad, pad, avail, text, st.R, size, align=CENTRE)
        else:
            _draw_parts(block, st, parts, edges[i] + pad, pad, avail, size)
        if i:
            block.line(edges[i], 0, edges[i], height, 0.6)
    block.height = height
    block.header = header
    return block


def _signature(st: Style, w: dict[str, str], officer: str) -> Block:
    """The officer's signature at the right of the last page: title, hint, room to sign,
    the name (or a dotted line to write it on)."""
    block = Block(st.section)
    block.tag = "body"
    x = st.W * 0.64
    avail = st.W - x
    y = block.text(x, 0, avail, w["signer"], st.B, st.body, align=CENTRE)
    y += block.text(x, y, avail, w["sign_hint"], st.I, st.tiny, align=CENTRE)
    y += 15 * mm
    name = clean(officer)
    if name:
        y += block.text(x, y, avail, name, st.B, c.fit_size(name, st.B, st.body, avail),
                        align=CENTRE)  # fmt: skip
    else:
        line_y = y + st.body * 1.1
        block.line(x + avail * 0.15, line_y, x + avail * 0.85, line_y, 0.5, DARK_GREY, (1, 2))
        y += st.body * LEADING
    block.height = y
    return block


def _area(sheet: TripSheet, w: dict[str, str]) -> str:
    text = ", ".join(name for _code, name in sheet.communes)
    if sheet.villages:
        text += " – " + w["villages"].format(names=", ".join(sheet.villages))
    return text


def _blocks(sheet: TripSheet, st: Style, w: dict[str, str]) -> list[Block]:
    lang = st.lang
    blocks: list[Block] = []
    head = c.two_column_head(
        st,
        [([(clean(sheet.office_name).upper(), st.B)], "small")],
        [([(w["printed"].format(date=format_date(sheet.made_on, lang)), st.I)], "small")],
        left_share=0.6,
    )
    blocks.append(head)
    title = Block(st.gap)
    y = title.text(0, 0, st.W, w["title"], st.B, st.title * 0.9, align=CENTRE)
    title.text(0, y, st.W, w["subtitle"], st.I, st.body, align=CENTRE)
    blocks.append(title)
    blocks.append(c.field(st, w["area"], _area(sheet, w), size=st.small))
    period = w["period"].format(
        start=format_date(sheet.start, lang), end=format_date(sheet.end, lang)
    )
    blocks.append(c.paragraph(st, period, size=st.small, space_before=st.gap * 0.5))
    officer = Block(st.gap)
    officer.tag = "body"
    label_text = w["officer"]
    officer.text(0, 0, st.W * 0.45, label_text, st.R, st.small)
    start = width(label_text + " ", st.R, st.small)
    if sheet.officer:
        officer.text(start, 0, st.W * 0.45 - start, clean(sheet.officer), st.B, st.small)
    else:
        line_y = st.small * 1.15
        officer.line(start, line_y, st.W * 0.42, line_y, 0.4, DARK_GREY, (1, 1.5))
    officer.text(st.W * 0.45, 0, st.W * 0.33, w["trip_day"], st.R, st.small)
    officer.text(
        st.W * 0.78, 0, st.W * 0.22, w["count"].format(n=len(sheet.stops)), st.B, st.small,
        align=RIGHT,
    )  # fmt: skip
    blocks.append(officer)
    reasons = ", ".join(label("missed_reason", r, lang).lower() for r in MISSED_REASONS)
    blocks.append(c.paragraph(st, w["how"].format(reasons=reasons), font=st.I, size=st.tiny))
    header = _header(st, w, sheet.names_shown)
    header.keep_with_next = True
    blocks.append(header)
    index = 0
    for village, stops in sheet.village_groups:
        name = clean(village) or w["no_village"]
        if len(sheet.communes) > 1:
            name += f" ({clean(sheet.commune_name(stops[0].commune_code))})"
        blocks.append(_band(st, w["village_band"].format(village=name, n=len(stops)), header))
        for stop in stops:
            index += 1
            blocks.append(_row(st, index, stop, sheet, w, lang, header))
    blocks[-1].keep_with_next = True
    blocks.append(_signature(st, w, sheet.officer))
    return blocks


def _texts(sheet: TripSheet) -> dict[str, str]:
    texts = {"office_name": sheet.office_name, "officer": sheet.officer}
    for i, (_code, name) in enumerate(sheet.communes):
        texts[f"communes[{i}]"] = name
    for i, name in enumerate(sheet.villages):
        texts[f"villages[{i}]"] = name
    for i, stop in enumerate(sheet.stops, 1):
        texts[f"stops[{i}].alias"] = stop.alias
        texts[f"stops[{i}].full_name"] = stop.full_name
        texts[f"stops[{i}].village"] = stop.village
        texts[f"stops[{i}].type_name_vi"] = stop.type_name_vi
        texts[f"stops[{i}].type_name_en"] = stop.type_name_en
    return texts


def layout_trip_sheet(sheet: TripSheet, lang: str = "vi") -> tuple[Style, list[Page]]:
    c.check_choice(lang, c.LANGS, "lang")
    check_neutral(_texts(sheet))
    st = Style(LANDSCAPE, lang)
    w = WORDS[lang]
    short = f"{w['short']} – {_area(sheet, w)}"
    pages = c.flow_pages(st, _blocks(sheet, st, w), c.running_head(st, short))
    c.mark_pages(st, pages, voided=False)
    return st, pages


def render_trip_sheet(sheet: TripSheet, out: Path | str | BinaryIO, *, lang: str = "vi") -> int:
    """Write the trip sheet to ``out`` (a path, atomically, or a binary stream); return the
    number of pages."""
    st, pages = layout_trip_sheet(sheet, lang)

    def write(stream: BinaryIO) -> int:
        title = f"{WORDS[lang]['short']} – {_area(sheet, WORDS[lang])}"
        canvas = c.new_canvas(stream, st, title=title, author=sheet.office_name)
        c.draw_pages(canvas, pages)
        canvas.save()
        return len(pages)

    return write_atomic(out, write)
