"""Printed documents (PDF): payment vouchers, hand-over notes and signature lists.

Plain data in, PDF out: nothing here touches the database, Qt or the services.
"""

from __future__ import annotations

from tracker.reports.receipt_pdf import (
    Cancelled,
    HandoverNoteDoc,
    LayoutError,
    ReceiptDoc,
    ReceiptItem,
    SensitiveWordsError,
    Signatory,
    SignatureListDoc,
    SignatureListRow,
    render_batch,
    render_handover_note,
    render_papers,
    render_receipt,
    render_receipt_copies,
    render_signature_list,
)

__all__ = [
    "Cancelled",
    "HandoverNoteDoc",
    "LayoutError",
    "ReceiptDoc",
    "ReceiptItem",
    "SensitiveWordsError",
    "Signatory",
    "SignatureListDoc",
    "SignatureListRow",
    "render_batch",
    "render_handover_note",
    "render_papers",
    "render_receipt",
    "render_receipt_copies",
    "render_signature_list",
]
