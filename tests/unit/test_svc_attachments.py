"""Photos and scans: kept in the database with their metadata gone, refused with a reason
when they cannot be kept, removed by who added them, the receipts' signed copies, and
never in an export."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import Attachment, AuditEvent, Visit
from tracker.services import attachments as att
from tracker.services import beneficiaries as ben
from tracker.services import exports, grants, projects, receipts, reports
from tracker.services.context import Actor
from tracker.services.errors import PermissionDenied, ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput

from ..conftest import TODAY
from .checks import count

#: Where the photo was taken (Mèo Vạc): 23°09'N 105°24'E, written by the "camera".
GPS_IFD = 0x8825


def photo(
    size: tuple[int, int] = (3000, 2000), *, fmt: str = "JPEG", maker: str = "SecretCam"
) -> bytes:
    """A photo as a telephone writes it: with the camera's name and a GPS position."""
    img = Image.new("RGB", size, (120, 160, 90))
    for x in range(0, size[0], 50):
        img.paste((200, 30, 30), (x, 0, x + 10, size[1]))
    exif = Image.Exif()
    exif[0x010F] = maker  # Make
    exif[0x0110] = "Model X"  # Model
    exif[GPS_IFD] = {
        1: "N",
        2: (23.0, 9.0, 30.0),
        3: "E",
        4: (105.0, 24.0, 10.0),
    }
    out = io.BytesIO()
    img.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(100, 750, "Phieu chi MV-2025-00001 da ky")
    c.showPage()
    c.save()
    return out.getvalue()


class World:
    def __init__(self, db: Database, actors: dict[str, Actor]) -> None:
        self.db, self.actors = db, actors
        admin = actors["admin"]
        self.person = ben.register(
            db,
            admin,
            ben.BeneficiaryInput(
                full_name="Vàng Thị Mai", sex="F", category="victim", ethnicity_code="08",
                birth_year=1995, commune_code="00769",
            ),
            today=TODAY,
        )  # fmt: skip
        project = projects.create_project(
            db,
            admin,
            projects.ProjectInput(
                "P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 900_000_000
            ),
        )
        self.cattle = grants.plan_grant(
            db,
            admin,
            GrantInput(self.person.id, project.id, "cattle", date(2025, 1, 1),
                       (TrancheInput("Bò", quantity=1, unit_value=15_000_000),)),
            today=TODAY,
        ).id  # fmt: skip
        self.handover = grants.record_handover(
            db,
            admin,
            HandoverInput(self.cattle, date(2025, 2, 1), quantity=1, unit_value=15_000_000),
            today=TODAY,
        )
        with db.read() as s:
            self.visit = s.execute(
                select(Visit.id).where(Visit.grant_id == self.cattle).order_by(Visit.id)
            ).scalars().first()  # fmt: skip
        self.receipt = receipts.list_receipts(db, admin)[0]

    def add(
        self, role: str, target: str, target_id: int, data: bytes, **kw: str
    ) -> att.AttachmentView:
        return att.add_attachment(
            self.db,
            self.actors[role],
            att.AttachmentInput(
                target, target_id, kw.get("kind", "photo"), kw.get("name", "bo.jpg"), data
            ),
        )


@pytest.fixture
def w(db: Database, actors: dict[str, Actor]) -> World:
    return World(db, actors)


def stored(db: Database, attachment_id: int) -> bytes:
    with db.read() as s:
        a = s.get(Attachment, attachment_id)
        assert a is not None
        return bytes(a.data)


def test_a_photo_is_kept_without_gps_or_exif_and_scaled_down(w: World) -> None:
    original = photo()
    assert b"SecretCam" in original
    with Image.open(io.BytesIO(original)) as img:
        assert img.getexif().get_ifd(GPS_IFD)  # the test photo does carry a position
    view = w.add("officer", "visit", w.visit, original, name="bò nhà chị Mai.jpg")
    data = stored(w.db, view.id)
    assert b"SecretCam" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG"
        assert not img.getexif()
        assert not img.getexif().get_ifd(GPS_IFD)
        assert max(img.size) == att.MAX_SIDE and img.size == (2000, 1333)
        assert "exif" not in img.info and "icc_profile" not in img.info
    assert (view.target, view.target_id, view.beneficiary_id) == ("visit", w.visit, w.person.id)
    assert view.thumbnail is not None
    with Image.open(io.BytesIO(view.thumbnail)) as thumb:
        assert max(thumb.size) == att.THUMB_SIDE
    [listed] = att.list_attachments(w.db, w.actors["accountant"], w.person.id)
    assert listed.id == view.id and listed.file_name == "bò nhà chị Mai.jpg"
    with w.db.read() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.entity == "attachment")).scalar_one()
    assert event.action == "attach" and event.username == "hoa"
    assert event.after is not None and "data" not in event.after


def test_a_png_keeps_no_text_fields(w: World) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "toa do nha chi Mai")
    img = Image.new("RGBA", (400, 300), (10, 20, 30, 128))
    out = io.BytesIO()
    img.save(out, "PNG", pnginfo=info)
    view = w.add("officer", "beneficiary", w.person.id, out.getvalue(), name="nha.png")
    data = stored(w.db, view.id)
    assert b"toa do" not in data
    with Image.open(io.BytesIO(data)) as kept:
        assert kept.format == "PNG" and kept.size == (400, 300) and not kept.text  # type: ignore[attr-defined]


def test_a_pdf_is_checked_and_shown_by_its_first_page(w: World) -> None:
    view = w.add("accountant", "receipt", w.receipt.id, pdf_bytes(), kind="signed_receipt",
                 name="phieu.pdf")  # fmt: skip
    assert view.is_pdf and view.pages == 1 and view.thumbnail is not None
    full = att.open_attachment(w.db, w.actors["admin"], view.id)
    assert len(full.images) == 1 and full.images[0].startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"Xin chao, day la van ban", "attachment_not_supported"),
        (b"GIF89a" + b"\x00" * 40, "attachment_not_supported"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 60, "attachment_damaged"),
        (b"%PDF-1.4\n garbage that is no PDF", "attachment_damaged"),
        (b"", "attachment_damaged"),
    ],
    ids=["text", "gif", "broken-jpeg", "broken-pdf", "empty"],
)
def test_a_file_that_cannot_be_kept_is_refused_with_why(w: World, data: bytes, key: str) -> None:
    before = count(w.db, "attachment")
    with pytest.raises(ValidationError) as info:
        w.add("officer", "beneficiary", w.person.id, data, name="giay.jpg")
    assert info.value.key == key
    assert "giay.jpg" in info.value.message("vi") and "giay.jpg" in info.value.message("en")
    assert count(w.db, "attachment") == before


def test_a_file_too_large_is_refused_in_both_languages(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(att, "MAX_IMAGE_BYTES", 1024 * 1024)
    big = photo((3000, 2000)) + b"\x00" * (1024 * 1024)
    with pytest.raises(ValidationError) as info:
        w.add("officer", "beneficiary", w.person.id, big, name="to.jpg")
    assert info.value.key == "attachment_too_large"
    assert "quá lớn" in info.value.message("vi") and "too large" in info.value.message("en")


def test_roles_who_may_see_add_and_remove(w: World) -> None:
    view = w.add("admin", "grant", w.cattle, photo((200, 100)))
    with pytest.raises(PermissionDenied):
        att.list_attachments(w.db, w.actors["viewer"], w.person.id)
    with pytest.raises(PermissionDenied):
        att.open_attachment(w.db, w.actors["viewer"], view.id)
    with pytest.raises(PermissionDenied):
        w.add("viewer", "grant", w.cattle, photo((200, 100)))
    with pytest.raises(PermissionDenied):  # not hers
        att.remove_attachment(w.db, w.actors["officer"], view.id)
    own = w.add("officer", "asset", _asset(w), photo((200, 100)))
    att.remove_attachment(w.db, w.actors["officer"], own.id)
    att.remove_attachment(w.db, w.actors["admin"], view.id)
    assert count(w.db, "attachment") == 0
    with w.db.read() as s:
        actions = s.execute(
            select(AuditEvent.username, AuditEvent.action)
            .where(AuditEvent.entity == "attachment")
            .order_by(AuditEvent.id)
        ).all()
    assert [tuple(r) for r in actions][-2:] == [("hoa", "remove"), ("admin", "remove")]


def _asset(w: World) -> int:
    from tracker.services import visits

    return visits.list_assets(w.db, w.actors["admin"], w.person.id)[0].id


def test_receipts_without_a_signed_copy_can_be_listed(w: World) -> None:
    admin = w.actors["admin"]
    number = w.receipt.number
    assert [r.number for r in receipts.list_receipts(w.db, admin, signed=False)] == [number]
    assert receipts.count_receipts(w.db, admin, signed=True) == 0
    w.add("officer", "disbursement", w.handover.id, photo((300, 200)))  # a photo is no copy
    assert receipts.count_receipts(w.db, admin, signed=True) == 0
    w.add("accountant", "disbursement", w.handover.id, pdf_bytes(), kind="signed_receipt")
    [row] = receipts.list_receipts(w.db, admin, signed=True)
    assert row.number == number and row.signed_copy
    assert receipts.list_receipts(w.db, admin, signed=False) == []
    assert receipts.count_receipts(w.db, admin, signed=False) == 0
    assert receipts.get_receipt(w.db, admin, number).row.signed_copy


def test_attachments_never_leave_in_an_export(w: World, tmp_path: Path) -> None:
    view = w.add("officer", "visit", w.visit, photo((800, 600)), name="anh-bo-bi-mat.jpg")
    kept = stored(w.db, view.id)
    assert view.thumbnail is not None
    for audience in ("office", "donor", "province"):
        target = tmp_path / audience
        target.mkdir()
        result = exports.export_summary(
            w.db,
            w.actors["admin"],
            reports.parse_period("2025-Q1", "quarter"),
            target,
            audience=audience,
            today=TODAY,
        )
        files = [p for p in target.rglob("*") if p.is_file()]
        assert files and len(result.files) >= 1
        for p in files:
            content = p.read_bytes()
            assert kept[200:264] not in content and view.thumbnail[200:264] not in content
            assert b"anh-bo-bi-mat" not in content
