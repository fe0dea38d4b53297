"""The command line: ``python -m tracker`` opens the window; ``python -m tracker COMMAND``
runs the same services from a terminal (:mod:`tracker.commands`).

The window's way in loads no more than its parser: the data layer (SQLAlchemy, the
services) is loaded while the sign-in dialog is on the screen, or by the command that
needs it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date

from tracker import __version__
from tracker.i18n import get_language, set_language
from tracker.services.errors import ServiceError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
ENV_USER = "TRACKER_USER"
ENV_PASSWORD = "TRACKER_PASSWORD"
ENV_NEW_PASSWORD = "TRACKER_NEW_PASSWORD"
ENV_RECOVERY = "TRACKER_RECOVERY_KEY"
ENV_EXPORT_PASSPHRASE = "TRACKER_EXPORT_PASSPHRASE"
ENV_BACKUP_PASSPHRASE = "TRACKER_BACKUP_PASSPHRASE"
ENV_DEBUG = "TRACKER_DEBUG"
ENV_PEOPLE_KEY = "TRACKER_PEOPLE_KEY"


def say(vi: str, en: str) -> str:
    """The Vietnamese or the English words, as the chosen language asks."""
    return vi if get_language() == "vi" else en


def _common(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    default = argparse.SUPPRESS if sub else None
    parser.add_argument("--db", metavar="PATH", default=default, help="SQLite database file")
    parser.add_argument(
        "--db-url", metavar="URL", default=default, help="PostgreSQL URL (overrides --db)"
    )
    parser.add_argument("--user", metavar="NAME", default=default, help="acting user name")
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS if sub else None)


def _window_parser(*, exit_on_error: bool = True) -> argparse.ArgumentParser:
    """The options before a command, which are the window's when no command follows."""
    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Grant Tracker / Sổ theo dõi hỗ trợ sinh kế. Without a command: the window.",
        exit_on_error=exit_on_error,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common(parser, sub=False)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="the window on a demo database, built first (with its progress) if missing",
    )
    return parser


def window_arguments(words: Sequence[str]) -> argparse.Namespace | None:
    """The window's arguments, when ``words`` name no command and ask for no help (else
    None): read without building the commands' parsers (27 of them, 240 options: a
    twentieth of the time to the painted sign-in dialog)."""
    if {"-h", "--help"} & set(words):
        return None
    try:
        args, rest = _window_parser(exit_on_error=False).parse_known_args(list(words))
    except argparse.ArgumentError:
        return None  # said by the whole parser, with its usage
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = _window_parser()
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = subs.add_parser("demo", help="build the demo database")
    _common(p, sub=True)
    p.add_argument("--force", action="store_true", help="replace an existing demo file")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)

    p = subs.add_parser("init", help="set up a new office and its first administrator")
    _common(p, sub=True)
    p.add_argument("--office", required=True, help="office name")
    p.add_argument("--prefix", required=True, help="receipt prefix, e.g. MV")
    p.add_argument("--admin", required=True, help="first administrator's user name")
    p.add_argument("--admin-name", required=True, help="first administrator's full name")
    p.add_argument(
        "--level",
        choices=("province", "district", "commune"),
        help="the office's level (default: commune with --commune, district with --district,"
        " else province with --province, else district)",
    )
    p.add_argument("--province", metavar="CODE", help="province code, e.g. 08 (tracker places)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--commune", metavar="CODE", help="commune code of a commune office")
    where.add_argument(
        "--district", metavar="CODE", help="former district code of a district office, e.g. 027"
    )
    p.add_argument("--address", default="", help="the office's address, printed on papers")
    p.add_argument("--phone", default="")
    p.add_argument("--voucher-book", default="", help="voucher book (quyển số), e.g. 01/2026")
    p.add_argument("--head", default="", help="head of the office (thủ trưởng), on papers")
    p.add_argument("--accountant", default="", help="chief accountant (kế toán trưởng)")
    p.add_argument("--cashier", default="", help="cashier (thủ quỹ)")

    p = subs.add_parser("places", help="find administrative units, old and new (no sign-in)")
    _common(p, sub=True)
    p.add_argument("action", choices=("search",))
    p.add_argument("text", nargs="+", help="a name with or without diacritics, or a code")
    p.add_argument("--province", metavar="CODE", help="only in this province (today's or old)")
    p.add_argument(
        "--on",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="units valid on this day (default: today)",
    )
    p.add_argument("--limit", type=int, default=50)

    p = subs.add_parser("projects", help="list, add or edit donor projects")
    _common(p, sub=True)
    p.add_argument("action", choices=("list", "add", "edit"))
    p.add_argument("code", nargs="?", help="project code (add, edit)")
    p.add_argument("--new-code", help="a new code (edit)")
    p.add_argument("--name", help="project name")
    p.add_argument("--donor")
    p.add_argument("--start", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--end", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--budget", type=int, help="budget in whole đồng")
    p.add_argument("--status", choices=("active", "closed"))

    p = subs.add_parser("users", help="list, add, reset, disable or enable accounts (admin)")
    _common(p, sub=True)
    p.add_argument("action", choices=("list", "add", "reset", "disable", "enable", "recovery-key"))
    p.add_argument("username", nargs="?")
    p.add_argument("--name", help="full name (add)")
    p.add_argument(
        "--role", choices=("admin", "officer", "accountant", "viewer"), help="role (add)"
    )

    p = subs.add_parser("passwd", help="change your own password")
    _common(p, sub=True)

    p = subs.add_parser("recover", help="set a new password for an account with the recovery key")
    _common(p, sub=True)
    p.add_argument("username")

    p = subs.add_parser(
        "backup",
        help="list, take or restore backups of the database",
        description="list: the backups in the app's folder, newest first (no sign-in)."
        " create: a checked, encrypted backup (--to DIR: onto a USB stick); not a viewer."
        " restore: put a backup (FILE, default the newest good one) in place of the"
        " database, keeping the file in use aside; an administrator's sign-in (--user) or"
        f" --recovery-key ({ENV_RECOVERY} or a prompt); works on a damaged database; audited."
        " On PostgreSQL (--db-url): create --to DIR writes a pg_dump encrypted under a"
        f" passphrase ({ENV_BACKUP_PASSPHRASE} or a prompt); restore FILE, with the owner's"
        " URL, puts it back in one transaction.",
    )
    _common(p, sub=True)
    p.add_argument("action", choices=("list", "create", "restore"))
    p.add_argument("file", nargs="?", help="restore: the backup file (default: the newest good)")
    p.add_argument("--to", metavar="DIR", help="create: write the backup into this folder")
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help=f"restore: with the recovery key ({ENV_RECOVERY} or a prompt), no account",
    )

    p = subs.add_parser("search", help="find beneficiaries by name, alias or code")
    _common(p, sub=True)
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument(
        "--names",
        action="store_true",
        help="show full names (administrators, officers, accountants; logged in the audit"
        " trail); without it: codes and aliases, as the window's lists",
    )

    p = subs.add_parser("visits", help="list follow-up visits")
    _common(p, sub=True)
    p.add_argument(
        "which",
        nargs="?",
        default="open",
        choices=("due", "overdue", "open", "done", "missed", "all"),
    )
    p.add_argument("--days", type=int, default=7, help="'due' looks this many days ahead")

    p = subs.add_parser(
        "audit",
        help="check the audit trail",
        description="Check the audit trail. Exit codes: 0 whole; 1 could not check (sign-in,"
        " file); 3 the trail was altered (events changed or removed, chain rewritten);"
        " 4 records changed without their audit event; 5 the chain head of an export"
        " (--against) is not in this trail.",
    )
    _common(p, sub=True)
    p.add_argument("action", choices=("verify",))
    p.add_argument(
        "--against",
        metavar="MANIFEST",
        help="an export's manifest.json (or its folder): check that its chain head is in"
        " this trail",
    )

    p = subs.add_parser("db", help="database maintenance")
    _common(p, sub=True)
    p.add_argument("action", choices=("upgrade", "info", "setup-postgres"))
    p.add_argument(
        "--login",
        action="append",
        default=[],
        metavar="ROLE",
        help="setup-postgres: a login role for one PC or one person (repeat; default pc1)",
    )
    p.add_argument(
        "--database", default=None, help="setup-postgres: the database name (default: --db-url's)"
    )
    p.add_argument(
        "--run",
        metavar="ADMIN_URL",
        default=None,
        help="setup-postgres: execute the SQL as the owner at this URL instead of printing it",
    )

    p = subs.add_parser(
        "receipt",
        help="write the papers of one receipt as PDF (in --lang); every print after the first"
        " is a copy (BẢN SAO), counted and logged",
    )
    _common(p, sub=True)
    p.add_argument("number", help="receipt number, e.g. MV-2025-00001")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--copies", type=int, choices=(1, 2), default=1, help="1, or 2 (Liên 1, 2)")
    p.add_argument("--page", choices=("A4", "A5"), default="A4", help="page size")
    p.add_argument(
        "--paper",
        choices=("auto", "voucher", "handover"),
        default="auto",
        help="auto: the paper(s) that fit what was handed over (money: payment voucher; goods:"
        " hand-over note; both: both); or only the voucher, or only the note, of a hand-over"
        " of money and goods",
    )

    p = subs.add_parser(
        "trip-sheet",
        help="write the sheet of the visits to make in a commune (or some of its villages) as"
        " PDF, to take on a day's trip (officers and administrators; logged)",
    )
    _common(p, sub=True)
    p.add_argument(
        "--commune",
        required=True,
        action="append",
        metavar="CODE",
        help="commune code (again for another commune)",
    )
    p.add_argument(
        "--village",
        action="append",
        default=[],
        metavar="NAME",
        help="only this village (thôn, bản), with or without diacritics; again for another",
    )
    p.add_argument(
        "--from",
        dest="since",
        required=True,
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="first day of the visits due",
    )
    p.add_argument(
        "--to",
        dest="until",
        required=True,
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="last day (the visits overdue before are on it too)",
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--officer", default="", metavar="NAME", help="who goes (else a blank line)")
    p.add_argument(
        "--names",
        action="store_true",
        help="full names beside codes and aliases (administrators and officers; logged)",
    )

    p = subs.add_parser(
        "pass-on",
        help="animals passed on between families (bò quay vòng): the list, the first calves"
        " still to pass on, or one pass-on's note as PDF",
    )
    _common(p, sub=True)
    p.add_argument("action", choices=("list", "due", "note"))
    p.add_argument("number", nargs="?", help="for 'note': the note's number, e.g. QV-2025-00005")
    p.add_argument("--out", metavar="FILE.pdf", help="for 'note': the PDF to write")
    p.add_argument("--page", choices=("A4", "A5"), default="A4", help="page size")
    p.add_argument("--overdue", action="store_true", help="for 'due': only those overdue")

    p = subs.add_parser("receipts", help="list receipts (number, date, kind, amount, status)")
    _common(p, sub=True)
    p.add_argument("action", choices=("list",))
    p.add_argument("--from", dest="since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument(
        "--kind",
        choices=("cash", "goods", "mixed"),
        help="hand-overs of money, of goods, or of both",
    )

    p = subs.add_parser(
        "period", help="list, close, reopen or check reporting quarters (closing: admin)"
    )
    _common(p, sub=True)
    p.add_argument("action", choices=("list", "close", "reopen", "check"))
    p.add_argument("period", nargs="?", help="a quarter, e.g. 2025-Q3 (close, reopen, check)")
    p.add_argument("--reason", help="why the quarter is reopened (reopen)")
    p.add_argument(
        "--check", action="store_true", help="list: compare every closed quarter's figures"
    )

    p = subs.add_parser("export", help="write a period's summary into a new folder (USB)")
    _common(p, sub=True)
    p.add_argument("kind", choices=("quarter", "year", "6m", "9m", "range"))
    p.add_argument("period", help="2025-Q1, 2025, 2025-6M, 2025-9M or 2025-01-01..2025-03-31")
    p.add_argument("--to", required=True, metavar="DIR", help="USB stick or folder")
    p.add_argument("--audience", choices=("office", "donor", "province"), default="office")
    p.add_argument("--formats", default="pdf,xlsx,csv", help="comma-separated: pdf, xlsx, csv")
    p.add_argument(
        "--csv-sep",
        choices=(";", ",", "semicolon", "comma"),
        default=None,
        help="CSV separator (default: ';' for Vietnamese, as Excel on a Vietnamese Windows"
        " expects, ',' for English); the files start with a UTF-8 BOM either way",
    )
    p.add_argument(
        "--places",
        choices=("commune", "district"),
        default="commune",
        help="group places by the communes in force on the period's end (default), or by"
        " the former districts (periods that ended before 1 July 2025)",
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="add the line list with names in an AES-256 ZIP (admin; passphrase from"
        f" {ENV_EXPORT_PASSPHRASE} or a prompt)",
    )
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)

    p = subs.add_parser("office", help="this office: name, code, signing key's fingerprint")
    _common(p, sub=True)
    osub = p.add_subparsers(dest="office_action", metavar="ACTION", required=True)
    q = osub.add_parser("info", help="office name, code and the fingerprint of its signing key")
    _common(q, sub=True)
    q = osub.add_parser(
        "people-key",
        help="enter the key the province shared to count people once (admin; from"
        f" {ENV_PEOPLE_KEY} or a prompt)",
    )
    _common(q, sub=True)
    q.add_argument("--clear", action="store_true", help="remove the key")

    p = subs.add_parser(
        "consolidate", help="province office: register offices, import their bundles, board"
    )
    _common(p, sub=True)
    csub = p.add_subparsers(dest="consolidate_action", metavar="ACTION", required=True)
    q = csub.add_parser("register", help="register an office by the fingerprint it printed")
    _common(q, sub=True)
    q.add_argument("--name", required=True, help="the office's name")
    q.add_argument("--fingerprint", required=True, help="as on its setup paper")
    q = csub.add_parser("import", help="take in the province bundle(s) on a stick or folder")
    _common(q, sub=True)
    q.add_argument("where", metavar="STICK_OR_FOLDER")
    q.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    q = csub.add_parser("status", help="which offices sent which quarters, late, replaced")
    _common(q, sub=True)
    q.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    q = csub.add_parser("people-key", help="make a new key to share with the offices")
    _common(q, sub=True)

    p = subs.add_parser("import", help="import an Excel workbook made from the template")
    _common(p, sub=True)
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="check only; nothing is saved")
    p.add_argument(
        "--past-visits",
        action="store_true",
        help="also book the follow-up visits whose day has passed (default: only those ahead)",
    )
    p.add_argument(
        "--duplicates",
        choices=("ask", "existing", "new", "skip"),
        default="ask",
        help="for people who may already be registered (default: stop and list them)",
    )
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in words:  # checks this installation (also the frozen bundle)
        from tracker.selftest import main as self_test

        return self_test([w for w in words if w != "--self-test"])
    args = window_arguments(words) or build_parser().parse_args(words)
    lang = getattr(args, "lang", None) or os.environ.get("TRACKER_LANG") or "vi"
    set_language(lang)
    try:
        if args.command is None:
            from tracker.app import main as gui_main

            return gui_main(args)
        from tracker.commands import run

        return run(args)
    except ServiceError as exc:
        print(exc.message(), file=sys.stderr)
        from tracker.services.auth import DAMAGE

        if exc.key in DAMAGE and getattr(args, "command", None) != "backup":
            print(
                say(
                    "Khôi phục: tracker backup restore --user TÊN_QUẢN_TRỊ_VIÊN"
                    " (hoặc --recovery-key); xem các bản: tracker backup list",
                    "To restore: tracker backup restore --user ADMINISTRATOR"
                    " (or --recovery-key); the backups: tracker backup list",
                ),
                file=sys.stderr,
            )
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``tracker visits | head``): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(say("Đã dừng.", "Stopped."), file=sys.stderr)
        return 130
    except Exception as exc:
        from tracker.db import NewerDatabaseError  # loaded: only an opened database says so

        if isinstance(exc, NewerDatabaseError):
            print(
                say(
                    f"Cơ sở dữ liệu do phiên bản mới hơn tạo ra (lược đồ {exc.revision})."
                    " Hãy cài phiên bản mới hơn; không có gì bị thay đổi.",
                    str(exc),
                ),
                file=sys.stderr,
            )
            return EXIT_ERROR
        # Never a traceback to a user: what went wrong in words; the details only when
        # TRACKER_DEBUG asks for them.
        from tracker.services.errors import UnexpectedError

        if os.environ.get(ENV_DEBUG):
            import traceback

            traceback.print_exc()
        print(UnexpectedError(exc).message(), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
