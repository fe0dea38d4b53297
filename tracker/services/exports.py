"""Exporting the summary to a USB stick or any folder: the files are built in memory, then
written as one folder named for the office and the period, atomically and checked (see
``tracker.reports.usb``).

Anonymised by default: the PDF, the workbook and the CSV files hold aggregates and codes
only. The line list with names is for an administrator, and only ever inside an AES-256
encrypted ZIP under a passphrase. Every export is logged in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tracker import __version__
from tracker.db.engine import Database
from tracker.domain.vocab import MIN_PASSPHRASE
from tracker.i18n import get_language
from tracker.reports import bundle, usb
from tracker.reports.csv_summary import SEPARATORS as CSV_SEPARATORS
from tracker.reports.csv_summary import render_summary_csv
from tracker.reports.province_tables import province_tables
from tracker.reports.summary_linelist import (
    LINE_LIST_NAME,
    encrypted_zip,
    line_list_xlsx,
)
from tracker.reports.summary_pdf import render_summary_pdf
from tracker.reports.summary_tables import Table, build_tables
from tracker.reports.usb import Drive, WriteFailed, WrittenFile
from tracker.reports.xlsx_summary import render_summary_xlsx
from tracker.services import audit, closing, consolidate
from tracker.services import reports as rep
from tracker.services.context import Actor
from tracker.services.errors import ServiceError, ValidationError
from tracker.services.office import get_office

FORMATS = ("pdf", "xlsx", "csv")
Progress = Callable[[int, str], None]
"""Called with a percentage (0-100) and what is being done ("summary", "pdf", "xlsx",
"csv", "line_list", "write", "verify", "done")."""


class ExportError(ServiceError):
    """The export could not be written; nothing was left under the final name."""


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    files: tuple[WrittenFile, ...]
    summary: rep.Summary
    line_list_people: int | None = None

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


def removable_drives(actor: Actor) -> list[Drive]:
    """The USB sticks and memory cards mounted now."""
    actor.require("read")
    return usb.removable_drives()


def folder_name(prefix: str, period: rep.Period, audience: str) -> str:
    """ "MV_2025-Q1_donor": FAT32-safe (ASCII letters, digits, '-', '_')."""
    return usb.safe_name(f"{usb.safe_name(prefix)}_{period.slug}_{audience}")


def build_files(
    summary: rep.Summary,
    *,
    formats: Sequence[str] = FORMATS,
    lang: str = "vi",
    line_list: Sequence[rep.LineListRow] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    csv_separator: str | None = None,
    tables: list[Table] | None = None,
) -> list[tuple[str, bytes]]:
    """Relative path -> bytes of every file of the export, in memory (``tables``: the
    tables to lay out instead of the summary's own, e.g. the provincial summary's)."""

    def step(percent: int, what: str) -> None:
        if should_stop is not None and should_stop():
            raise ExportError("export_cancelled")
        if progress is not None:
            progress(percent, what)

    if tables is None:
        tables = build_tables(summary, lang)
    base = f"{usb.safe_name(summary.office_prefix)}_{summary.period.slug}_{summary.audience}"
    files: list[tuple[str, bytes]] = []
    if "pdf" in formats:
        step(15, "pdf")
        pdf = render_summary_pdf(summary, tables, lang=lang, app_version=__version__)
        files.append((f"{base}.pdf", pdf))
    if "xlsx" in formats:
        step(25, "xlsx")
        xlsx = render_summary_xlsx(summary, tables, lang=lang, app_version=__version__)
        files.append((f"{base}.xlsx", xlsx))
    if "csv" in formats:
        step(30, "csv")
        for name, data in render_summary_csv(
            summary, tables, lang=lang, app_version=__version__, separator=csv_separator
        ).items():
            files.append((f"csv/{name}", data))
    if line_list is not None:
        step(35, "line_list")
        assert passphrase is not None
        secret = encrypted_zip({LINE_LIST_NAME: line_list_xlsx(line_list, lang)}, passphrase)
        files.append((f"{base}_line_list_AES.zip", secret))
    return files


def _check_passphrase(passphrase: object) -> str:
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("passphrase_needed", "passphrase", min=MIN_PASSPHRASE)
    return passphrase


def _error(exc: WriteFailed, where: Path) -> ExportError:
    path = str(where)
    if exc.reason == usb.FULL:
        return ExportError("export_disk_full", "target", path=path)
    if exc.reason == usb.READ_ONLY:
        return ExportError("export_read_only", "target", path=path)
    if exc.reason == usb.GONE:
        return ExportError("export_target_gone", "target", path=path)
    if exc.reason == usb.DAMAGED:
        return ExportError("export_verify_failed", "target", name=exc.detail or exc.path.name)
    if exc.reason == usb.CANCELLED:
        return ExportError("export_cancelled")
    return ExportError("export_failed", "target", path=path, detail=exc.detail or exc.reason)


def _log(db: Database, actor: Actor, action: str, after: dict[str, object]) -> None:
    """How an export logged before writing ended (done or failed), best effort: the event
    written before the first file already names the folder."""
    try:
        with db.write() as s:
            audit.record(s, actor, action, "report", None, after=after)
    except Exception:  # the database may be the reason (busy, gone): the export's result rules
        return


def export_summary(
    db: Database,
    actor: Actor,
    period: rep.Period,
    target: Path,
    *,
    audience: str = "office",
    formats: Sequence[str] = FORMATS,
    lang: str | None = None,
    line_list_passphrase: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    places: str = "commune",
    csv_separator: str | None = None,
) -> ExportResult:
    """Write the period's summary into one new folder under ``target`` (a USB stick's
    root or any folder): PDF, XLSX and/or CSV, a ``manifest.json``, and with
    ``line_list_passphrase`` (administrators) the line list inside an AES-256 ZIP.
    ``places``: "commune", or "district" (the former districts, for a period that ended
    before 1 July 2025); ``csv_separator``: ";" or "," (default: by the language)."""
    actor.require("read")
    audience = rep.check_audience(audience)
    places = rep.check_places(places, period.end)
    if csv_separator is not None and csv_separator not in CSV_SEPARATORS:
        raise ValidationError("csv_separator", "csv_separator")
    wanted = tuple(f for f in FORMATS if f in set(formats))
    if not wanted and line_list_passphrase is None:
        raise ValidationError("no_formats", "formats")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValidationError("choice", "formats", value=unknown[0])
    if line_list_passphrase is not None:
        actor.require("user.manage")
        _check_passphrase(line_list_passphrase)
    target = Path(target)
    if not target.is_dir():
        raise ValidationError("export_no_target", "target", value=str(target))
    lang = lang or get_language()

    def step(percent: int, what: str) -> None:
        if should_stop is not None and should_stop():
            raise ExportError("export_cancelled")
        if progress is not None:
            progress(percent, what)

    step(2, "summary")
    office = get_office(db, actor)
    provincial = audience == "province" and office is not None and office.kind == "province"
    tables: list[Table] | None = None
    people_doc = None
    if provincial:
        # A province-level office: the offices' bundles taken in, per office and in total.
        found = consolidate.province_figures(db, actor, period)
        summary = found.total
        tables = province_tables(
            found.total,
            found.offices,
            lang,
            once=(found.people_in_period, found.people_to_end),
            without_hashes=found.offices_without_hashes,
        )
    else:
        # A closed quarter prints the figures kept at its close; every report says when a
        # quarter of it was reopened.
        summary = closing.report_summary(
            db, actor, period, audience=audience, today=today, places=places
        )
        if audience == "province":
            with db.read() as s:
                people_doc = consolidate.people_document(s, period)
    signing_key = consolidate.signing_key(db)
    # The audit trail's head, printed on every file and in the manifest: whoever holds
    # this export can later check the trail was not cut back or rewritten.
    head = audit.export_head(db)
    summary = replace(summary, audit_head=(head["last_id"], head["count"], head["hash"]))
    people = None
    rows = None
    if line_list_passphrase is not None:
        step(10, "line_list")
        rows = rep.line_list(db, actor, period.start, period.end, audience=audience)
        people = len(rows)
    files = build_files(
        summary,
        formats=wanted,
        lang=lang,
        line_list=rows,
        passphrase=line_list_passphrase,
        progress=progress,
        should_stop=should_stop,
        csv_separator=csv_separator,
        tables=tables,
    )
    if audience == "province" and not provincial:
        files.append(bundle.figures_document(summary, people_doc))
    name = usb.free_name(target, folder_name(summary.office_prefix, period, audience))
    manifest = {
        "format": usb.MANIFEST_FORMAT,
        "office": {"name": summary.office_name, "prefix": summary.office_prefix},
        "period": {
            "key": period.key,
            "label": period.label(lang),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "audience": audience,
        "anonymised": True,
        "line_list_encrypted": rows is not None,
        "app": "Grant Tracker",
        "app_version": __version__,
        "created_utc": summary.generated_at.isoformat().replace("+00:00", "Z"),
        "audit_head": head,
    }
    manifest.update(places=places, provisional=summary.provisional)
    if summary.closed is not None:
        manifest["closed"] = {
            "period": summary.closed.period_key,
            "closed_utc": summary.closed.at.isoformat().replace("+00:00", "Z"),
            "by": summary.closed.by,
            "figures_sha256": summary.closed.digest,
        }
    if summary.reopenings:
        manifest["reopened"] = [
            {
                "period": r.period_key,
                "reopened_utc": r.at.isoformat().replace("+00:00", "Z"),
                "by": r.by,
                "reason": r.reason,
            }
            for r in summary.reopenings
        ]
    if provincial:
        manifest["offices"] = len(found.offices)
    if signing_key is not None:
        manifest["signing"] = bundle.signing_block(signing_key)

    def write_progress(done: int, total: int, _what: str) -> None:
        if progress is not None:
            progress(40 + int(55 * done / max(total, 1)), "write" if done < total else "verify")

    # What interrupted exports left here before is removed first (only folders that are
    # provably ours and not being written), and the export is logged before a single file
    # reaches the stick: a copy of the data that leaves the PC is always in the trail,
    # even if the program is killed while writing.
    removed = usb.remove_leftovers(target)
    details: dict[str, object] = {
        "folder": name,
        "period": period.key,
        "audience": audience,
        "formats": list(wanted),
        "line_list_people": people,
        "files": len(files),
    }
    if removed:
        details["leftovers_removed"] = removed
    with db.write() as s:
        audit.record(s, actor, "export_started", "report", None, after=details)
    try:
        folder, written = usb.write_folder(
            target,
            name,
            files,
            manifest,
            progress=write_progress,
            should_stop=should_stop,
            sign=(lambda data: bundle.sign(signing_key, data)) if signing_key else None,
        )
    except WriteFailed as exc:
        _log(db, actor, "export_failed", {"folder": name, "reason": exc.reason})
        raise _error(exc, target) from exc
    except BaseException as exc:
        _log(db, actor, "export_failed", {"folder": name, "reason": type(exc).__name__})
        raise
    # The export is complete on the stick: its start is already in the trail, so a busy
    # database here does not turn a finished export into an error.
    _log(
        db,
        actor,
        "export",
        {
            "folder": folder.name,
            "period": period.key,
            "audience": audience,
            "formats": list(wanted),
            "line_list_people": people,
            "files": len(written),
        },
    )
    if progress is not None:
        progress(100, "done")
    return ExportResult(folder, tuple(written), summary, people)
