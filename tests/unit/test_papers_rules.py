"""The rules behind the papers: a hand-over of several things at once (one receipt, its
kind, limits and visits), the legal basis by date and its table in Settings (audited), the
voucher book, and the signature list's room for a thumb and whole names."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from reportlab.lib.units import mm
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import AuditEvent, Disbursement, Receipt, Visit
from tracker.domain.papers import (
    DEFAULT_LEGAL_BASES,
    LegalBasis,
    basis_on,
    kind_of,
    voucher_book,
)
from tracker.reports import SignatureListDoc, SignatureListRow, render_signature_list
from tracker.reports._layout import LINE, TEXT
from tracker.reports.signature_list_pdf import THUMB_CELL_H, layout_signature_list
from tracker.services import grants, receipts, reports
from tracker.services.context import Actor
from tracker.services.errors import LimitExceeded, PermissionDenied, ValidationError
from tracker.services.grants import HandoverInput, TrancheInput

from ..conftest import TODAY
from .test_svc_grants import Env, env, plan  # noqa: F401  (the fixture)

# --- the domain rules ---------------------------------------------------------------------


def test_the_circular_in_force_on_each_day() -> None:
    assert "107/2017/TT-BTC" in basis_on(DEFAULT_LEGAL_BASES, date(2024, 12, 31)).legal_note
    assert "24/2024/TT-BTC" in basis_on(DEFAULT_LEGAL_BASES, date(2025, 1, 1)).legal_note
    assert "107/2017/TT-BTC" in basis_on(DEFAULT_LEGAL_BASES, date(2017, 5, 1)).legal_note
    assert basis_on([], date(2026, 3, 1)) == DEFAULT_LEGAL_BASES[-1]
    assert all(b.form_code == "Mẫu số C41-BB" for b in DEFAULT_LEGAL_BASES)


def test_voucher_book_of_a_year_or_fixed() -> None:
    assert voucher_book("", date(2025, 3, 5)) == "2025"
    assert voucher_book("{year}", date(2024, 12, 31)) == "2024"
    assert voucher_book("Q.{yy}/PC", date(2025, 1, 2)) == "Q.25/PC"
    assert voucher_book("01", date(2025, 1, 2)) == "01"


def test_kind_of_the_lines() -> None:
    assert kind_of([False]) == "cash" and kind_of([True, True]) == "goods"
    assert kind_of([True, False]) == "mixed" and kind_of([]) == "cash"


# --- a hand-over of several things -------------------------------------------------------


def linen(e: Env) -> tuple[grants.GrantView, grants.GrantView]:
    loom = plan(
        e,
        "linen_weaving",
        (
            TrancheInput("Khung dệt lanh", quantity=1, unit_value=4_500_000),
            TrancheInput("Tiền ăn khi học dệt", amount=600_000),
        ),
    )
    yarn = plan(e, "linen_yarn", (TrancheInput("Sợi lanh", quantity=10, unit_value=120_000),))
    return loom, yarn


def test_several_lines_one_receipt_one_paper_each_kind(env: Env) -> None:  # noqa: F811
    loom, yarn = linen(env)
    day = date(2025, 3, 10)
    h = grants.record_handover(
        env.db,
        env.accountant,
        HandoverInput(loom.id, day, quantity=1, unit_value=4_500_000, tranche_seq=1),
        also=(
            HandoverInput(yarn.id, day, quantity=10, unit_value=120_000),
            HandoverInput(loom.id, day, amount=600_000, tranche_seq=2),
        ),
        today=TODAY,
    )
    assert h.kind == "mixed" and h.total == 6_300_000 and len(h.line_ids) == 3
    with env.db.read() as s:
        lines = s.execute(select(Disbursement).order_by(Disbursement.id)).scalars().all()
        assert [d.part_of_id for d in lines] == [None, lines[0].id, lines[0].id]
        assert s.execute(select(Receipt)).scalars().one().disbursement_id == lines[0].id
        # The loom's plan of visits once, the yarn (no plan) none.
        planned = s.execute(select(Visit.grant_id)).scalars().all()
        assert set(planned) == {loom.id} and len(planned) == 4
    # Both grants are complete; every line shows the one receipt number.
    assert grants.get_grant(env.db, env.admin, loom.id).status == "completed"
    listed = grants.list_handovers(env.db, env.admin)
    assert {r.receipt_number for r in listed} == {h.receipt_number}
    row = receipts.list_receipts(env.db, env.admin)[0]
    assert (row.kind, row.amount, row.in_kind) == ("mixed", 6_300_000, True)
    assert receipts.count_receipts(env.db, env.admin, kind="mixed") == 1
    assert receipts.count_receipts(env.db, env.admin, kind="goods") == 0
    assert [r.number for r in receipts.list_receipts(env.db, env.admin, kind="cash")] == []
    detail = receipts.get_receipt(env.db, env.admin, h.receipt_number or "")
    assert detail.papers == ("voucher", "handover")
    voucher = receipts.receipt_doc(detail)
    note = receipts.handover_note_doc(detail)
    assert voucher.amount == 600_000 and voucher.items == ()
    assert [(i.description, i.unit, i.quantity) for i in note.items] == [
        ("Khung dệt lanh", "bộ", 1),
        ("Sợi lanh", "kg", 10),
    ]
    assert note.amount == 5_700_000


def test_the_summary_counts_every_line_of_a_receipt(env: Env) -> None:  # noqa: F811
    loom, yarn = linen(env)
    day = date(2025, 3, 10)
    grants.record_handover(
        env.db,
        env.accountant,
        HandoverInput(loom.id, day, quantity=1, unit_value=4_500_000, tranche_seq=1),
        also=(HandoverInput(yarn.id, day, quantity=10, unit_value=120_000),),
        today=TODAY,
    )
    s = reports.period_summary(env.db, env.admin, reports.quarter(2025, 1), today=TODAY)
    # One receipt, for the loom and the yarn together.
    assert (s.receipts.issued, s.receipts.valid) == (1, 1)
    assert s.receipts.amount_valid == 4_500_000 + 10 * 120_000


def test_lines_of_one_hand_over_are_one_person_one_day(env: Env) -> None:  # noqa: F811
    loom, _yarn = linen(env)
    other = plan(env, "initial_hardship", (TrancheInput("Tiền", amount=1_000_000),),
                 beneficiary_id=env.other.id)  # fmt: skip
    first = HandoverInput(loom.id, date(2025, 3, 10), quantity=1, unit_value=4_500_000)
    for extra in (
        HandoverInput(other.id, date(2025, 3, 10), amount=1_000_000),
        HandoverInput(loom.id, date(2025, 3, 11), amount=600_000, tranche_seq=2),
    ):
        with pytest.raises(ValidationError) as refused:
            grants.record_handover(env.db, env.accountant, first, also=(extra,), today=TODAY)
        assert refused.value.key == "handover_lines_differ"
    # Each line keeps its limits; nothing of a refused hand-over is written.
    with pytest.raises(LimitExceeded):
        grants.record_handover(
            env.db,
            env.accountant,
            first,
            also=(HandoverInput(loom.id, date(2025, 3, 10), amount=900_000, tranche_seq=2),
                  HandoverInput(loom.id, date(2025, 3, 10), amount=900_000, tranche_seq=2)),
            today=TODAY,
        )  # fmt: skip
    with env.db.read() as s:
        assert s.execute(select(Disbursement)).first() is None


# --- the legal basis in Settings -----------------------------------------------------------


def test_an_administrator_changes_the_legal_basis_and_it_is_audited(
    db: Database, actors: dict[str, Actor]
) -> None:
    admin = actors["admin"]
    assert receipts.legal_bases(db, actors["viewer"]) == list(DEFAULT_LEGAL_BASES)
    newer = LegalBasis(date(2027, 1, 1), "Mẫu số C41-BB", "(Theo Thông tư số 99/2026/TT-BTC)")
    saved = receipts.save_legal_bases(db, admin, [newer, *DEFAULT_LEGAL_BASES])
    assert [b.valid_from for b in saved] == [date(2018, 1, 1), date(2025, 1, 1), date(2027, 1, 1)]
    assert receipts.legal_bases(db, admin)[-1] == newer
    with db.read() as s:
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert (event.action, event.entity) == ("update", "office")
    assert event.after is not None and event.before is not None
    assert len(event.after["legal_basis"]) == 3 and len(event.before["legal_basis"]) == 2
    with pytest.raises(PermissionDenied):
        receipts.save_legal_bases(db, actors["accountant"], [newer])
    for bad in ([], [newer, newer], [LegalBasis(date(2027, 1, 1), "", "x")]):
        with pytest.raises(ValidationError) as refused:
            receipts.save_legal_bases(db, admin, bad)
        assert refused.value.field == "legal_basis"
    assert len(receipts.legal_bases(db, admin)) == 3


def test_a_voucher_prints_the_basis_of_its_own_date(env: Env) -> None:  # noqa: F811
    receipts.save_legal_bases(
        env.db,
        env.admin,
        [*DEFAULT_LEGAL_BASES, LegalBasis(date(2025, 4, 1), "Mẫu số C99", "(Căn cứ mới)")],
    )
    g = plan(env, "initial_hardship", (TrancheInput("Tiền", amount=2_000_000),))
    march = grants.record_handover(
        env.db, env.accountant, HandoverInput(g.id, date(2025, 3, 31), amount=1_000_000),
        today=TODAY,
    )  # fmt: skip
    april = grants.record_handover(
        env.db, env.accountant, HandoverInput(g.id, date(2025, 4, 1), amount=1_000_000),
        today=TODAY,
    )  # fmt: skip
    docs = [
        receipts.receipt_doc(receipts.get_receipt(env.db, env.admin, h.receipt_number or ""))
        for h in (march, april)
    ]
    assert "24/2024/TT-BTC" in docs[0].legal_note and docs[0].form_code == "Mẫu số C41-BB"
    assert (docs[1].form_code, docs[1].legal_note) == ("Mẫu số C99", "(Căn cứ mới)")


# --- the signature list ----------------------------------------------------------------------


def signature_list(page_size: str, names: list[str]) -> SignatureListDoc:
    return SignatureListDoc(
        office_name="Hội LHPN xã Mèo Vạc",
        office_address="Xã Mèo Vạc",
        subject="Hỗ trợ sinh hoạt hằng tháng",
        period="Tháng 08 năm 2025",
        issued_on=date(2025, 8, 10),
        rows=tuple(
            SignatureListRow(name, f"MV{i:04d}", "Thôn Pả Vi Thượng, xã Mèo Vạc", 700_000)
            for i, name in enumerate(names, 1)
        ),
        prepared_by="Vàng Thị Hoa",
        cashier="Phạm Thị Ngọc Lan",
        accountant="Lý Thị Mai",
        head="Nguyễn Thị Lan",
        page_size=page_size,
    )


LONG = "Hoàng Thị Phương Thảo Nguyệt Ánh Hồng"


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_every_row_has_room_for_a_thumb_and_names_are_whole(page_size: str) -> None:
    names = [LONG, "Vàng Thị Mỷ", "Sùng Thị Dở"]
    st, pages = layout_signature_list(signature_list(page_size, names))
    rows = [
        block
        for page in pages
        for _x, _y, block in page.items
        if block.header is not None and any(op[0] == TEXT and op[5] in names for op in block.ops)
    ]
    assert len(rows) == 3
    for block in rows:
        assert block.height >= THUMB_CELL_H - 0.01 and 20 * mm <= THUMB_CELL_H
        # The last cell (to sign or put a thumb in) is at least 15 mm wide.
        last_edge = max(op[1] for op in block.ops if op[0] == LINE)
        assert st.W - last_edge >= 15 * mm
        # The whole name is drawn as one piece of text: never broken across lines.
        assert sum(1 for op in block.ops if op[0] == TEXT and op[5] in names) == 1
    out = io.BytesIO()
    render_signature_list(signature_list(page_size, names), out)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    for expected in (LONG, "Thủ quỹ", "Phạm Thị Ngọc Lan", "Người làm chứng cho người nhận"):
        assert expected in text, expected
