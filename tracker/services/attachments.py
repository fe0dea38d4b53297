"""Photos and scans kept with the records: the cow at the hand-over and at each visit, the
repaired house, the signed paper voucher.

The bytes are kept in the encrypted database (and so in its backups, restored with them);
nothing is written in clear to disk, not even to a temporary folder: files are checked and
re-encoded in memory. A photo is re-encoded from its pixels, so its GPS position, camera
and every other EXIF or text field are gone, and scaled down to :data:`MAX_SIDE`. A PDF is
checked by opening it, and shown by its first page. Attachments never leave the office:
no export reads this table.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session, defer

from tracker.db.engine import Database
from tracker.db.models import (
    Asset,
    Attachment,
    Beneficiary,
    Disbursement,
    Grant,
    Receipt,
    Visit,
)
from tracker.domain.vocab import ATTACHMENT_KINDS, ATTACHMENT_TARGETS
from tracker.i18n.text import nfc
from tracker.services import audit
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import NotFoundError, PermissionDenied, ValidationError

#: The longest side of a photo as kept (pixels), and the JPEG quality it is kept at.
MAX_SIDE = 2000
JPEG_QUALITY = 85
#: The side of a thumbnail (pixels).
THUMB_SIDE = 240
#: The largest file taken (bytes): a photo straight from a telephone, a scanned PDF.
MAX_IMAGE_BYTES = 25 * 1024 * 1024
MAX_PDF_BYTES = 15 * 1024 * 1024
#: More pixels than this is not a photo (a decompression bomb).
MAX_PIXELS = 80_000_000
#: The pages of a PDF shown full size.
MAX_VIEW_PAGES = 20


@dataclass(frozen=True)
class AttachmentInput:
    """A file to attach to ``target`` (one of ATTACHMENT_TARGETS) number ``target_id``."""

    target: str
    target_id: int
    kind: str
    file_name: str
    data: bytes
    caption: str = ""


@dataclass(frozen=True)
class AttachmentView:
    id: int
    beneficiary_id: int
    target: str
    target_id: int
    kind: str
    mime: str
    file_name: str
    caption: str
    width: int | None
    height: int | None
    pages: int | None
    size: int
    added_by_id: int | None
    added_at: datetime
    #: A small PNG or JPEG (the first page of a PDF), or None when none could be drawn.
    thumbnail: bytes | None

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf"


@dataclass(frozen=True)
class AttachmentImages:
    """A file shown full size: the image, or a PDF's pages drawn as PNG images."""

    view: AttachmentView
    images: tuple[bytes, ...]
    #: Pages of a PDF left out (beyond :data:`MAX_VIEW_PAGES`).
    more_pages: int = 0


@dataclass(frozen=True)
class _Prepared:
    mime: str
    data: bytes
    width: int | None
    height: int | None
    pages: int | None
    thumbnail: bytes | None


def read_upload(path: Path) -> bytes:
    """The bytes of a file the user chose (its size checked before it is read)."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ValidationError(
                "attachment_too_large", None, name=name, size=_mb(size), limit=_mb(MAX_IMAGE_BYTES)
            )
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError("attachment_damaged", None, name=name) from exc


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _too_large(name: str, size: int, limit: int) -> ValidationError:
    return ValidationError(
        "attachment_too_large", None, name=name, size=_mb(size), limit=_mb(limit)
    )


def _encode(img: Any, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        img.save(out, "PNG", optimize=True)
    return out.getvalue()


def _thumb(img: Any) -> bytes:
    from PIL import Image

    small = img.copy()
    small.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    if small.mode not in ("RGB", "L"):
        back = Image.new("RGB", small.size, (255, 255, 255))
        back.paste(small, mask=small.convert("RGBA").split()[-1])
        small = back
    out = io.BytesIO()
    small.save(out, "JPEG", quality=80)
    return out.getvalue()


def _image(name: str, data: bytes) -> _Prepared:
    """A JPEG or PNG re-encoded from its pixels only (turned upright first, as the camera
    said), scaled down to :data:`MAX_SIDE`: no EXIF, GPS, ICC or text fields are kept."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_IMAGE_BYTES:
        raise _too_large(name, len(data), MAX_IMAGE_BYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            fmt = probe.format
            if fmt not in ("JPEG", "PNG"):
                raise ValidationError("attachment_not_supported", None, name=name)
            w, h = probe.size
            if w * h > MAX_PIXELS:
                raise _too_large(name, len(data), MAX_IMAGE_BYTES)
            probe.verify()
            img: Image.Image = Image.open(io.BytesIO(data))
            img.load()
            img = ImageOps.exif_transpose(img) or img
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(name, len(data), MAX_IMAGE_BYTES) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError("attachment_damaged", None, name=name) from exc
    if fmt == "JPEG":
        img = img.convert("L" if img.mode in ("L", "1") else "RGB")
    elif img.mode not in ("RGB", "RGBA", "L", "LA"):
        img = img.convert("RGBA" if "transparency" in img.info or "A" in img.mode else "RGB")
    # A copy of the pixels alone: nothing of the file's metadata goes with it.
    clean = Image.new(img.mode, img.size)
    clean.paste(img)
    clean.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    data_out = _encode(clean, "JPEG" if fmt == "JPEG" else "PNG")
    mime = "image/jpeg" if fmt == "JPEG" else "image/png"
    return _Prepared(mime, data_out, clean.width, clean.height, None, _thumb(clean))


def _pdf_pages(data: bytes, first: int, count: int, width: int) -> tuple[list[bytes], int]:
    """PNG images of ``count`` pages from ``first``, ``width`` pixels wide, drawn in memory;
    and the number of pages."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        total = len(pdf)
        images = []
        for i in range(first, min(total, first + count)):
            page = pdf[i]
            try:
                scale = width / max(1.0, page.get_width())
                bitmap = page.render(scale=scale)
                pil = bitmap.to_pil()
                out = io.BytesIO()
                pil.convert("RGB").save(out, "PNG")
                images.append(out.getvalue())
            finally:
                page.close()
        return images, total
    finally:
        pdf.close()


def _pdf(name: str, data: bytes) -> _Prepared:
    """A PDF: checked by its header and by opening it; its first page as the thumbnail."""
    if len(data) > MAX_PDF_BYTES:
        raise _too_large(name, len(data), MAX_PDF_BYTES)
    try:
        first, total = _pdf_pages(data, 0, 1, THUMB_SIDE)
    except Exception as exc:  # pdfium's errors have no common type worth naming
        raise ValidationError("attachment_damaged", None, name=name) from exc
    if total < 1:
        raise ValidationError("attachment_damaged", None, name=name)
    thumb = None
    if first:
        from PIL import Image

        thumb = _thumb(Image.open(io.BytesIO(first[0])))
    return _Prepared("application/pdf", data, None, None, total, thumb)


def prepare(name: str, data: bytes) -> _Prepared:
    """What is kept of a file: its kind found from its bytes (never from its name)."""
    if not data:
        raise ValidationError("attachment_damaged", None, name=name)
    if data.lstrip()[:5] == b"%PDF-":
        return _pdf(name, data)
    if data[:3] == b"\xff\xd8\xff" or data[:8] == b"\x89PNG\r\n\x1a\n":
        return _image(name, data)
    if len(data) > MAX_IMAGE_BYTES:
        raise _too_large(name, len(data), MAX_IMAGE_BYTES)
    raise ValidationError("attachment_not_supported", None, name=name)


_TARGETS: dict[str, Any] = {
    "beneficiary": Beneficiary,
    "grant": Grant,
    "disbursement": Disbursement,
    "visit": Visit,
    "asset": Asset,
    "receipt": Receipt,
}


def _person_of(s: Session, target: str, row: Any) -> int:
    if target == "beneficiary":
        return int(row.id)
    if target in ("grant", "visit", "asset"):
        return int(row.beneficiary_id)
    if target == "disbursement":
        return int(s.get(Grant, row.grant_id).beneficiary_id)  # type: ignore[union-attr]
    d = s.get(Disbursement, row.disbursement_id)
    return int(s.get(Grant, d.grant_id).beneficiary_id)  # type: ignore[union-attr]


def _target_of(a: Attachment) -> tuple[str, int]:
    for target in ("receipt", "visit", "asset", "disbursement", "grant"):
        value = getattr(a, f"{target}_id")
        if value is not None:
            return target, int(value)
    return "beneficiary", a.beneficiary_id


def _view(a: Attachment) -> AttachmentView:
    target, target_id = _target_of(a)
    return AttachmentView(
        a.id,
        a.beneficiary_id,
        target,
        target_id,
        a.kind,
        a.mime,
        a.file_name,
        a.caption,
        a.width,
        a.height,
        a.pages,
        a.size,
        a.added_by_id,
        a.added_at,
        a.thumbnail,
    )


def _facts(a: Attachment) -> dict[str, Any]:
    """What the audit trail keeps of a file: never its bytes."""
    target, target_id = _target_of(a)
    return {
        "beneficiary_id": a.beneficiary_id,
        "target": target,
        "target_id": target_id,
        "kind": a.kind,
        "mime": a.mime,
        "file_name": a.file_name,
        "caption": a.caption,
        "size": a.size,
        "sha256": a.sha256,
    }


def signed_copy_on_file() -> ColumnElement[bool]:
    """For a query of receipts: whether the signed paper has been scanned (a "signed
    receipt" attached to the receipt or to its hand-over)."""
    return exists().where(
        Attachment.kind == "signed_receipt",
        or_(
            Attachment.receipt_id == Receipt.id,
            Attachment.disbursement_id == Receipt.disbursement_id,
        ),
    )


def add_attachment(db: Database, actor: Actor, item: AttachmentInput) -> AttachmentView:
    """Keep a photo or scan with a record: checked and re-encoded in memory first (too
    large, not a JPEG, PNG or PDF, or damaged: refused with the reason)."""
    actor.require("attachment.write")
    target = v.choice(item.target, "attachment_target", ATTACHMENT_TARGETS)
    kind = v.choice(item.kind, "attachment_kind", ATTACHMENT_KINDS)
    target_id = v.integer(item.target_id, target)
    name = nfc(Path(str(item.file_name or "")).name)[:200]
    caption = v.text(item.caption, "caption", max_len=300)
    if not isinstance(item.data, bytes | bytearray):
        raise ValidationError("attachment_damaged", None, name=name)
    prepared = prepare(name, bytes(item.data))
    with db.write() as s:
        row = s.get(_TARGETS[target], target_id)
        if row is None:
            raise NotFoundError(target, target_id)
        a = Attachment(
            beneficiary_id=_person_of(s, target, row),
            kind=kind,
            mime=prepared.mime,
            file_name=name,
            caption=caption,
            width=prepared.width,
            height=prepared.height,
            pages=prepared.pages,
            size=len(prepared.data),
            sha256=hashlib.sha256(prepared.data).hexdigest(),
            data=prepared.data,
            thumbnail=prepared.thumbnail,
            added_by_id=actor.user_id,
        )
        if target != "beneficiary":
            setattr(a, f"{target}_id", target_id)
        s.add(a)
        s.flush()
        audit.record(s, actor, "attach", "attachment", a.id, after=_facts(a))
        return _view(a)


def remove_attachment(db: Database, actor: Actor, attachment_id: int) -> None:
    """Delete a file (its bytes are gone from the database; the audit trail keeps its
    name, size and checksum). Who added it may remove it, and an administrator."""
    actor.require("attachment.write")
    with db.write() as s:
        a = s.get(Attachment, v.integer(attachment_id, "attachment"))
        if a is None:
            raise NotFoundError("attachment", attachment_id)
        if a.added_by_id != actor.user_id and not actor.can("attachment.remove"):
            raise PermissionDenied(actor.role, "attachment.remove")
        before = _facts(a)
        s.delete(a)
        s.flush()
        audit.record(s, actor, "remove", "attachment", attachment_id, before=before)


def list_attachments(
    db: Database, actor: Actor, beneficiary_id: int, *, target: str | None = None,
    target_id: int | None = None,
) -> list[AttachmentView]:  # fmt: skip
    """A person's files, oldest first, with their thumbnails (not their bytes); given a
    ``target``, only those attached to it."""
    actor.require("attachment.read")
    q = select(Attachment).where(Attachment.beneficiary_id == beneficiary_id)
    if target is not None:
        t = v.choice(target, "attachment_target", ATTACHMENT_TARGETS)
        if t != "beneficiary":
            q = q.where(getattr(Attachment, f"{t}_id") == target_id)
    q = q.options(defer(Attachment.data)).order_by(Attachment.added_at, Attachment.id)
    with db.read() as s:
        return [_view(a) for a in s.execute(q).scalars().all()]


def open_attachment(db: Database, actor: Actor, attachment_id: int) -> AttachmentImages:
    """A file full size, as images drawn in memory (a PDF's pages up to
    :data:`MAX_VIEW_PAGES`); the look is recorded in the audit trail."""
    actor.require("attachment.read")
    with db.write() as s:
        a = s.get(Attachment, v.integer(attachment_id, "attachment"))
        if a is None:
            raise NotFoundError("attachment", attachment_id)
        view, data = _view(a), bytes(a.data)
        audit.record(s, actor, "view", "attachment", a.id, after={"kind": a.kind})
    if view.mime != "application/pdf":
        return AttachmentImages(view, (data,))
    try:
        pages, total = _pdf_pages(data, 0, MAX_VIEW_PAGES, 1400)
    except Exception as exc:  # stored files were checked; a failure here is damage
        raise ValidationError("attachment_damaged", None, name=view.file_name) from exc
    return AttachmentImages(view, tuple(pages), max(0, total - len(pages)))
