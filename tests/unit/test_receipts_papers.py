"""Receipts turned into papers: the service's plain data for ``tracker.reports`` (voucher,
hand-over note, signature list), the flags a reprint or a void puts on them, neutral words,
and the PDF text a person would read (extracted with pypdf)."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdf
import pytest

from tracker.db.engine import Database
from tracker.db.reference import DEMO_UNITS
from tracker.i18n import fold
from tracker.reports import HandoverNoteDoc, ReceiptDoc, render_signature_list
from tracker.services import beneficiaries as ben
from tracker.services import grants, office, places, projects, receipts
from tracker.services.context import SYSTEM, Actor
from tracker.services.errors import NotFoundError, PermissionDenied, ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectInput

from ..conftest import TODAY

NAME = "Vàng Thị Mỷ"
OTHER = "Giàng Thị Sú"
THIRD = "Lý Thị Ánh"


@dataclass
class Stage:
    db: Database
    actors: dict[str, Actor]
    people: dict[str, ben.BeneficiaryView]
    cash: str  # receipt of 5,000,000 đồng to NAME
    cow: str  # receipt of one cow to NAME
    allowance: dict[str, list[str]]  # receipts of the monthly allowance, by person

    @property
    def admin(self) -> Actor:
        return self.actors["admin"]


def register(db: Database, actor: Actor, name: str, alias: str = "") -> ben.BeneficiaryView:
    return ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name=name,
            alias=alias,
            sex="F",
            category="victim",  # never printed: papers use neutral words
            ethnicity_code="08",
            birth_year=1996,
            province_code="08",
            commune_code="00769",
            village="Thôn Sủng Pờ A",
        ),
        today=TODAY,
    )


def hand_over(
    db: Database,
    actor: Actor,
    grant_id: int,
    day: date,
    *,
    amount: int | None = None,
    quantity: int | None = None,
    unit_value: int | None = None,
    description: str = "",
    tags: tuple[str, ...] = (),
) -> str:
    h = grants.record_handover(
        db,
        actor,
        HandoverInput(
            grant_id,
            day,
            amount=amount,
            quantity=quantity,
            unit_value=unit_value,
            description=description,
            asset_tags=tags,
        ),
        today=TODAY,
    )
    assert h.receipt_number
    return h.receipt_number


def build_stage(db: Database, actors: dict[str, Actor]) -> Stage:
    """An office with its signatories and places; three people; a cash hand-over, a cow,
    and a month of living allowance (one person paid twice that month)."""
    admin = actors["admin"]
    with db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    office.save_office(
        db,
        SYSTEM,
        office.OfficeInput(
            name="Hội LHPN xã Mèo Vạc",
            receipt_prefix="MV",
            kind="commune",
            province_code="08",
            unit_code="00769",
            address="Xã Mèo Vạc, tỉnh Tuyên Quang",
            head_name="Nguyễn Thị Lan",
            accountant_name="Lý Thị Mai",
            cashier_name="Trần Thị Hằng",
        ),
    )
    people = {n: register(db, admin, n) for n in (NAME, OTHER, THIRD)}
    project = projects.create_project(
        db,
        admin,
        ProjectInput(
            "SK-25", "Sinh kế", "Rồng Xanh", date(2025, 1, 1), date(2026, 12, 31), 900_000_000
        ),
    )

    def plan(who: str, kind: str, tranches: tuple[TrancheInput, ...], **kw: object) -> int:
        g = grants.plan_grant(
            db,
            admin,
            GrantInput(people[who].id, project.id, kind, date(2025, 1, 1), tranches, **kw),  # type: ignore[arg-type]
            today=TODAY,
        )
        return g.id

    hardship = plan(NAME, "initial_hardship", (TrancheInput("Trợ cấp", amount=5_000_000),))
    cash = hand_over(db, admin, hardship, date(2025, 3, 5), amount=5_000_000)
    cattle = plan(
        NAME,
        "cattle",
        (TrancheInput("Bò cái giống lai Sind", quantity=1, unit_value=15_000_000),),
        details={"ear_tag": "MV-B-001"},
    )
    cow = hand_over(
        db,
        admin,
        cattle,
        date(2025, 3, 5),
        quantity=1,
        unit_value=15_000_000,
        description="Bò cái giống lai Sind",
        tags=("MV-B-001",),
    )
    allowance: dict[str, list[str]] = {}
    for who, per_month in ((NAME, 700_000), (OTHER, 500_000), (THIRD, 1_000_000)):
        g = plan(
            who,
            "monthly_allowance",
            tuple(TrancheInput(f"Trợ cấp tháng {m}", amount=per_month) for m in range(1, 4)),
        )
        days = [date(2025, 4, 10)]
        if who == NAME:
            days.append(date(2025, 4, 25))  # paid twice in April: one row, added up
        if who == THIRD:
            days = [date(2025, 4, 12), date(2025, 5, 12)]  # May is another month
        allowance[who] = [hand_over(db, admin, g, d, amount=per_month) for d in days]
    return Stage(db, actors, people, cash, cow, allowance)


@pytest.fixture
def stage(db: Database, actors: dict[str, Actor]) -> Stage:
    return build_stage(db, actors)


def pdf_text(data: bytes | Path) -> str:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    pages = pypdf.PdfReader(source).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def page_count(data: bytes | Path) -> int:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return len(pypdf.PdfReader(source).pages)


def paper(detail: receipts.ReceiptDetail, **kw: object) -> bytes:
    out = io.BytesIO()
    receipts.write_paper(detail, out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def strings_of(doc: object) -> str:
    """Every text on a paper's data, nested ones included, folded."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, tuple | list):
            for v in value:
                walk(v)

    walk(doc)
    return fold(" | ".join(out))


# --- the voucher ------------------------------------------------------------------------------


def test_voucher_data_has_the_office_people_and_neutral_reason(stage: Stage) -> None:
    detail = receipts.get_receipt(stage.db, stage.admin, stage.cash)
    doc = receipts.receipt_doc(detail)
    assert isinstance(doc, ReceiptDoc)
    assert doc.number == stage.cash == "MV-2025-00001"
    assert doc.issued_on == date(2025, 3, 5)
    assert doc.recipient_name == NAME
    # Registered in June 2025 under 00769: then thị trấn Mèo Vạc of Hà Giang, as printed.
    assert doc.recipient_address == "Thôn Sủng Pờ A, thị trấn Mèo Vạc, huyện Mèo Vạc, tỉnh Hà Giang"
    assert doc.amount == 5_000_000 and doc.items == ()
    assert doc.reason == "Hỗ trợ khó khăn ban đầu"  # the type's name is not said twice
    assert (doc.head, doc.accountant, doc.cashier) == (
        "Nguyễn Thị Lan",
        "Lý Thị Mai",
        "Trần Thị Hằng",
    )
    assert doc.prepared_by == "Nguyễn Thị Lan"  # the admin who recorded it
    assert (doc.reprint, doc.voided, doc.replaces_number) == (0, False, None)
    assert (doc.lang, doc.page_size) == ("vi", "A4")
    # Dated March 2025: the circular in force then; the office keeps one book a year.
    assert doc.form_code == "Mẫu số C41-BB" and "24/2024/TT-BTC" in doc.legal_note
    assert doc.book_no == "2025"
    words = strings_of(doc)
    for never in ("nan nhan", "victim", "mua ban", "trafficking", "nguy co"):
        assert never not in words, never


def test_voucher_pdf_has_number_name_and_amount_in_figures_and_words(stage: Stage) -> None:
    detail = receipts.get_receipt(stage.db, stage.admin, stage.cash)
    data = paper(detail)
    text = pdf_text(data)
    for expected in (
        "PHIẾU CHI",
        "MV-2025-00001",
        NAME,
        "5.000.000 đồng",
        "Năm triệu đồng",
        "Hỗ trợ khó khăn ban đầu",
        "Ngày 05 tháng 03 năm 2025",
        "Nguyễn Thị Lan",
        "Lý Thị Mai",
    ):
        assert expected in text, expected
    assert "nan nhan" not in fold(text) and "BẢN SAO" not in text and "ĐÃ HỦY" not in text
    assert page_count(data) == 1


def test_two_copies_a5_and_english(stage: Stage, tmp_path: Path) -> None:
    detail = receipts.get_receipt(stage.db, stage.admin, stage.cash)
    out = tmp_path / "r.pdf"
    assert receipts.write_paper(detail, out, copies=2, page_size="A5") == 2
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    assert round(float(reader.pages[0].mediabox.width)) == 420  # A5: 148 mm
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "Liên 1" in texts[0] and "Liên 2" in texts[1]
    english = pdf_text(paper(detail, lang="en"))
    assert "Five million dong" in english and "5,000,000" in english
    assert "Initial hardship support" in english and NAME in english
    with pytest.raises(ValidationError):
        receipts.write_paper(detail, io.BytesIO(), copies=3)
    with pytest.raises(ValidationError):
        receipts.receipt_doc(detail, page_size="Letter")


def test_every_print_after_the_first_is_a_counted_copy(stage: Stage) -> None:
    first = receipts.record_print(stage.db, stage.admin, stage.cash)
    assert first.print_copy == 0 and first.row.printed
    assert "BẢN SAO" not in pdf_text(paper(first))
    receipts.record_print(stage.db, stage.actors["viewer"], stage.cash)  # a copy: anyone
    detail = receipts.record_print(stage.db, stage.actors["accountant"], stage.cash.lower())
    assert detail.row.reprint_count == 2 and detail.print_copy == 2
    doc = receipts.receipt_doc(detail)
    assert doc.reprint == 2 and doc.number == stage.cash
    text = pdf_text(paper(detail))
    assert "BẢN SAO – in lại lần 2" in text and stage.cash in text
    # Read without printing (a preview), the paper shows the next copy, never an old one.
    assert "BẢN SAO – in lại lần 3" in pdf_text(
        paper(receipts.get_receipt(stage.db, stage.admin, stage.cash))
    )
    with pytest.raises(NotFoundError):
        receipts.record_print(stage.db, stage.admin, "MV-2025-99999")


def test_only_an_accountant_or_admin_prints_the_original(stage: Stage) -> None:
    for role in ("viewer", "officer"):
        with pytest.raises(PermissionDenied) as refused:
            receipts.record_print(stage.db, stage.actors[role], stage.cow)
        assert "in bản gốc" in refused.value.message("vi")
    assert not receipts.get_receipt(stage.db, stage.admin, stage.cow).row.printed
    assert receipts.record_print(stage.db, stage.actors["accountant"], stage.cow).print_copy == 0


def test_a_print_that_failed_leaves_the_original_unprinted(stage: Stage) -> None:
    original = receipts.record_print(stage.db, stage.admin, stage.cash)
    receipts.print_failed(stage.db, stage.admin, stage.cash, original.print_copy)
    again = receipts.record_print(stage.db, stage.admin, stage.cash)
    assert again.print_copy == 0 and "BẢN SAO" not in pdf_text(paper(again))
    copy = receipts.record_print(stage.db, stage.admin, stage.cash)
    receipts.print_failed(stage.db, stage.admin, stage.cash, copy.print_copy)
    # A copy's count is not given out twice.
    assert receipts.record_print(stage.db, stage.admin, stage.cash).print_copy == 2
    with stage.db.read() as s:
        from tracker.db.models import AuditEvent

        actions = [a for (a,) in s.query(AuditEvent.action).filter(AuditEvent.entity == "receipt")]
    assert actions == ["print", "print_failed", "print", "reprint", "print_failed", "reprint"]


def test_void_with_replacement_flags_both_papers(stage: Stage) -> None:
    new = receipts.void_receipt(stage.db, stage.admin, stage.cash, "Viết sai tên", replace=True)
    assert new.row.number != stage.cash and new.row.replaces_number == stage.cash
    new_doc = receipts.receipt_doc(new)
    assert new_doc.replaces_number == stage.cash and not new_doc.voided
    assert f"Thay thế phiếu số {stage.cash} đã hủy" in pdf_text(paper(new))

    old = receipts.get_receipt(stage.db, stage.admin, stage.cash)
    old_doc = receipts.receipt_doc(old)
    assert old_doc.voided
    assert old_doc.void_reason == f"Viết sai tên; thay bằng phiếu số {new.row.number}"
    text = pdf_text(paper(old))
    assert "ĐÃ HỦY" in text and "Viết sai tên" in text and stage.cash in text
    english = receipts.receipt_doc(old, lang="en")
    assert english.void_reason.endswith(f"replaced by voucher no. {new.row.number}")


def test_sensitive_words_typed_by_staff_never_reach_the_paper(stage: Stage) -> None:
    person = stage.people[OTHER]
    with stage.db.read() as s:
        from tracker.db.models import Project

        project_id = s.query(Project.id).scalar()
    g = grants.plan_grant(
        stage.db,
        stage.admin,
        GrantInput(
            person.id,
            project_id,
            "initial_hardship",
            date(2025, 1, 1),
            (TrancheInput("Trợ cấp", amount=2_000_000),),
        ),
        today=TODAY,
    )
    number = hand_over(
        stage.db,
        stage.admin,
        g.id,
        date(2025, 6, 1),
        amount=2_000_000,
        description="Hỗ trợ nạn nhân mua bán người trở về",
    )
    detail = receipts.get_receipt(stage.db, stage.admin, number)
    doc = receipts.receipt_doc(detail)
    assert doc.reason == "Hỗ trợ khó khăn ban đầu"
    text = fold(pdf_text(paper(detail)))
    assert "nan nhan" not in text and "mua ban nguoi" not in text


# --- goods: the hand-over note ------------------------------------------------------------------


def test_goods_get_a_hand_over_note_and_no_voucher(stage: Stage) -> None:
    detail = receipts.get_receipt(stage.db, stage.admin, stage.cow)
    assert receipts.is_goods(detail) and detail.kind == "goods"
    assert detail.papers == ("handover",)
    assert detail.asset_tags == ("MV-B-001",) and detail.office_place == "Mèo Vạc"
    # A cow is never printed as cash.
    with pytest.raises(ValidationError) as no_voucher:
        receipts.receipt_doc(detail)
    assert no_voucher.value.key == "paper_not_for_kind"
    with pytest.raises(ValidationError):
        receipts.write_paper(detail, io.BytesIO(), paper="voucher")
    note = receipts.handover_note_doc(detail)
    assert isinstance(note, HandoverNoteDoc)
    assert len(note.items) == 1
    item = note.items[0]
    assert (item.description, item.quantity, item.unit, item.unit_value, item.amount) == (
        "Bò cái giống lai Sind",
        1,
        "con",
        15_000_000,
        15_000_000,
    )
    assert note.number == stage.cow and note.receiver_name == NAME
    assert note.giver.name == "Nguyễn Thị Lan"
    assert note.giver.title == "Chủ tịch Hội LHPN xã Mèo Vạc"
    assert note.written_at == "Mèo Vạc" and note.subject == "V/v bàn giao bò cái giống lai Sind"
    assert note.condition_note == "Số thẻ tai/ký hiệu: MV-B-001."
    assert "nan nhan" not in strings_of(note)

    data = paper(detail, copies=2)  # the paper that fits: the note
    assert page_count(data) == 2
    text = pdf_text(data)
    for expected in (
        "BIÊN BẢN BÀN GIAO",
        stage.cow,
        NAME,
        "Bò cái giống lai Sind",
        "15.000.000",
        "Mười lăm triệu đồng",
        "Liên 1",
        "Liên 2",
        "MV-B-001",
    ):
        assert expected in text, expected
    for money in ("PHIẾU CHI", "người nhận tiền", "Đã nhận đủ số tiền", "Lý do chi"):
        assert money.lower() not in text.lower(), money

    cash = receipts.get_receipt(stage.db, stage.admin, stage.cash)
    assert not receipts.is_goods(cash) and cash.papers == ("voucher",)
    with pytest.raises(ValidationError):
        receipts.handover_note_doc(cash)


def test_a_copy_or_a_voided_note_says_so(stage: Stage) -> None:
    receipts.record_print(stage.db, stage.admin, stage.cow)
    copy = receipts.record_print(stage.db, stage.admin, stage.cow)
    assert "BẢN SAO – in lại lần 1" in pdf_text(paper(copy))
    voided = receipts.void_receipt(stage.db, stage.admin, stage.cow, "Bò không đạt chuẩn")
    note = receipts.handover_note_doc(voided)
    assert note.voided and note.void_reason == "Bò không đạt chuẩn"
    assert "ĐÃ HỦY" in pdf_text(paper(voided))


# --- batches ------------------------------------------------------------------------------


def test_receipts_of_a_day_are_the_valid_ones_in_number_order(stage: Stage) -> None:
    day = receipts.receipts_of_day(stage.db, stage.admin, date(2025, 3, 5))
    assert [d.row.number for d in day] == [stage.cash, stage.cow]
    receipts.void_receipt(stage.db, stage.admin, stage.cash, "Sai số tiền")
    day = receipts.receipts_of_day(stage.db, stage.admin, date(2025, 3, 5))
    assert [d.row.number for d in day] == [stage.cow]
    assert receipts.receipts_of_day(stage.db, stage.admin, date(2025, 3, 6)) == []


def test_signature_list_has_one_row_per_person_for_the_month(stage: Stage) -> None:
    # A voided allowance receipt drops out; its replacement counts.
    receipts.void_receipt(stage.db, stage.admin, stage.allowance[OTHER][0], "In nhầm", replace=True)
    doc = receipts.signature_list(
        stage.db, stage.actors["viewer"], "monthly_allowance", date(2025, 4, 17)
    )
    # Sorted by given name: Ánh, Mỷ, Sú.
    assert [r.name for r in doc.rows] == [THIRD, NAME, OTHER]
    assert [r.amount for r in doc.rows] == [1_000_000, 1_400_000, 500_000]
    assert doc.total == 2_900_000
    assert doc.period == "Tháng 04 năm 2025" and doc.issued_on == date(2025, 4, 25)
    assert doc.subject == "Hỗ trợ sinh hoạt hằng tháng"
    assert doc.rows[0].address == "Thôn Sủng Pờ A, thị trấn Mèo Vạc"
    assert doc.head == "Nguyễn Thị Lan" and doc.accountant == "Lý Thị Mai"
    assert doc.cashier == "Trần Thị Hằng"
    assert "nan nhan" not in strings_of(doc)

    out = io.BytesIO()
    render_signature_list(doc, out)
    text = pdf_text(out.getvalue())
    for expected in ("DANH SÁCH KÝ NHẬN", NAME, OTHER, THIRD, "1.400.000", "2.900.000"):
        assert expected in text, expected
    assert "Hai triệu chín trăm nghìn đồng" in text

    may = receipts.signature_list(stage.db, stage.admin, "monthly_allowance", date(2025, 5, 1))
    assert [r.name for r in may.rows] == [THIRD]
    english = receipts.signature_list(
        stage.db, stage.admin, "monthly_allowance", date(2025, 5, 1), lang="en", page_size="A5"
    )
    assert english.period == "May 2025" and english.subject == "Monthly living support"


def test_signature_list_refuses_an_empty_month_or_an_unknown_type(stage: Stage) -> None:
    with pytest.raises(ValidationError) as empty:
        receipts.signature_list(stage.db, stage.admin, "monthly_allowance", date(2025, 7, 1))
    assert empty.value.key == "nothing_to_print"
    assert "07/2025" in empty.value.message("vi") and "không có gì để in" in empty.value.message(
        "vi"
    )
    with pytest.raises(ValidationError) as unknown:
        receipts.signature_list(stage.db, stage.admin, "no_such_type", date(2025, 4, 1))
    assert unknown.value.key == "unknown_grant_type"


def test_count_matches_the_list_and_search_ignores_diacritics(stage: Stage) -> None:
    db, admin = stage.db, stage.admin
    assert receipts.count_receipts(db, admin) == len(receipts.list_receipts(db, admin)) == 7
    found = receipts.list_receipts(db, admin, "vang thi my")
    assert {r.number for r in found} == {stage.cash, stage.cow, *stage.allowance[NAME]}
    assert receipts.count_receipts(db, admin, "vang thi my") == 4
    assert receipts.count_receipts(db, admin, "2025-00002") == 1
    april = receipts.count_receipts(db, admin, since=date(2025, 4, 1), until=date(2025, 4, 30))
    assert april == 4
