"""The commands of ``python -m tracker COMMAND``: the same services as the window, from a
terminal (the entry, its parser and its errors in words are in :mod:`tracker.cli`)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date, datetime
from pathlib import Path

from tracker.cli import (
    ENV_BACKUP_PASSPHRASE,
    ENV_EXPORT_PASSPHRASE,
    ENV_NEW_PASSWORD,
    ENV_PASSWORD,
    ENV_PEOPLE_KEY,
    ENV_RECOVERY,
    ENV_USER,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    say,
)
from tracker.config import DatabaseLocation, resolve_database
from tracker.db import Database, upgrade
from tracker.i18n import get_language
from tracker.services import auth
from tracker.services.auth import AuthError, Workspace
from tracker.services.errors import ServiceError

#: ``tracker audit verify``: the trail was altered (events changed, removed or the chain
#: rewritten); records were changed without their audit event (the trail itself holds);
#: the chain head printed on an export (``--against``) is not in this trail.
EXIT_TRAIL_ALTERED, EXIT_ROWS_CHANGED, EXIT_NOT_IN_TRAIL = 3, 4, 5
_FILE_SUFFIXES = ("", "-wal", "-shm", ".keys")


def _out_file(name: str) -> Path | None:
    """The file ``--out`` names, or None (said on stderr) when its folder does not exist."""
    out = Path(name)
    if not out.parent.is_dir():
        print(
            say(f"Không có thư mục {out.parent}.", f"There is no folder {out.parent}."),
            file=sys.stderr,
        )
        return None
    return out


def _say_written(out: object, pages: int, what_vi: str = "", what_en: str = "") -> None:
    """ "Đã ghi <what><out> (N trang)." / "Wrote <what><out> (N page(s))." """
    print(
        say(
            f"Đã ghi {what_vi}{out} ({pages} trang).",
            f"Wrote {what_en}{out} ({pages} page(s)).",
        )
    )


def _location(args: argparse.Namespace) -> DatabaseLocation:
    return resolve_database(getattr(args, "db", None), getattr(args, "db_url", None))


def open_database(location: DatabaseLocation) -> Database:
    """Open and migrate an unencrypted database (PostgreSQL, or a plain file in tests)."""
    db = Database(location)
    copy = upgrade(db)
    if copy is not None:
        print(say(f"Đã sao lưu trước khi nâng cấp: {copy}", f"Copy made before upgrade: {copy}"))
    return db


def read_password(prompt_vi: str, prompt_en: str, *, env: str | None = ENV_PASSWORD) -> str:
    """From the environment (scripts), else typed at a hidden prompt."""
    if env and os.environ.get(env):
        return os.environ[env]
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthError("password_needed")
    return getpass.getpass(say(prompt_vi, prompt_en))


def sign_in(args: argparse.Namespace) -> Workspace:
    name = getattr(args, "user", None) or os.environ.get(ENV_USER)
    if not name:
        raise AuthError("unknown_user")
    password = read_password("Mật khẩu: ", "Password: ")
    return auth.sign_in(_location(args), name, password)


def cmd_demo(args: argparse.Namespace) -> int:
    from tracker.demo import (
        DEMO_ADMIN,
        DEMO_PASSWORD,
        build_demo,
        create_demo_workspace,
        is_demo_database,
    )

    location = _location(args)
    if location.path is not None:
        files = [location.path.with_name(location.path.name + s) for s in _FILE_SUFFIXES]
        if any(p.exists() for p in files):
            if not args.force:
                print(
                    say(
                        f"Tệp đã có: {location.path}. Dùng --force để tạo lại.",
                        f"The file exists: {location.path}. Use --force to rebuild it.",
                    ),
                    file=sys.stderr,
                )
                return EXIT_ERROR
            if not is_demo_database(location.path):
                # Never a real office's records: only a file built as the demo is replaced.
                print(
                    say(
                        f"{location.path} không phải cơ sở dữ liệu mẫu (tệp khóa của nó không"
                        " ghi là dữ liệu mẫu): không xóa gì. --force chỉ tạo lại dữ liệu mẫu;"
                        " hãy chọn tệp khác với --db.",
                        f"{location.path} is not a demo database (its key file does not say"
                        " so): nothing was deleted. --force only rebuilds a demo database;"
                        " choose another file with --db.",
                    ),
                    file=sys.stderr,
                )
                return EXIT_ERROR
            for p in files:
                p.unlink(missing_ok=True)
    ws = create_demo_workspace(location)
    try:
        summary = build_demo(ws, today=args.today, seed=args.seed)
    except BaseException:
        ws.close()
        if location.path is not None:  # never leave a half-built demo behind
            for suffix in _FILE_SUFFIXES:
                location.path.with_name(location.path.name + suffix).unlink(missing_ok=True)
        raise
    ws.close()
    print(
        say(
            f"Đã tạo dữ liệu mẫu tại {location.describe()}: {summary.beneficiaries} người,"
            f" {summary.grants} khoản hỗ trợ, {summary.handovers} lần trao,"
            f" {summary.visits_done} chuyến thăm đã thực hiện, {summary.visits_open} cần thăm.",
            f"Demo database built at {location.describe()}: {summary.beneficiaries} people,"
            f" {summary.grants} grants, {summary.handovers} hand-overs,"
            f" {summary.visits_done} visits done, {summary.visits_open} open.",
        )
    )
    print(
        say(
            f"Đăng nhập mẫu: {DEMO_ADMIN} / {DEMO_PASSWORD}",
            f"Demo login: {DEMO_ADMIN} / {DEMO_PASSWORD}",
        )
    )
    return EXIT_OK


def _new_password() -> str:
    first = read_password("Mật khẩu mới: ", "New password: ", env=ENV_NEW_PASSWORD)
    if not os.environ.get(ENV_NEW_PASSWORD):
        again = read_password("Nhập lại mật khẩu mới: ", "New password again: ", env=None)
        if again != first:
            raise AuthError("passwords_differ")
    return first


def _print_recovery(code: str) -> None:
    print(
        say(
            "MÃ KHÔI PHỤC (chỉ hiện một lần; in ra và cất trong két của đơn vị):",
            "RECOVERY KEY (shown only once; print it and keep it in the office safe):",
        )
    )
    print(f"    {code}")


def cmd_init(args: argparse.Namespace) -> int:
    from tracker.services import office

    level = args.level or (
        "commune"
        if args.commune
        else "district"
        if args.district
        else "province"
        if args.province
        else "district"
    )
    data = office.OfficeInput(
        name=args.office,
        receipt_prefix=args.prefix,
        kind=level,
        province_code=args.province,
        unit_code=args.commune or args.district,
        address=args.address,
        phone=args.phone,
        head_name=args.head,
        accountant_name=args.accountant,
        cashier_name=args.cashier,
        voucher_book=args.voucher_book,
    )
    office.check_office(data)  # a mistyped code fails before a password is asked
    password = _new_password()
    ws, code = auth.create_workspace(_location(args), data, args.admin, args.admin_name, password)
    from tracker.services import consolidate

    found = consolidate.identity(ws.db, ws.actor).fingerprint
    ws.close()
    print(
        say(
            f"Đã tạo đơn vị và quản trị viên {ws.actor.username}.",
            f"Office and administrator {ws.actor.username} created.",
        )
    )
    if code:
        _print_recovery(code)
    if found:
        print(say(f"Dấu vân tay khóa ký: {found}", f"Signing key fingerprint: {found}"))
    return EXIT_OK


def cmd_places(args: argparse.Namespace) -> int:
    from tracker.services import places

    day = args.on or date.today()
    found = places.search(
        " ".join(args.text), on=day, province=args.province, limit=max(args.limit, 1)
    )
    for m in found:
        where = m.place.label
        if m.district is not None:
            where += f", {m.district.full_name}"
        line = [m.place.code, where, m.province.label if m.province else ""]
        if m.successors:
            line.append(
                say("nay là ", "now ") + "; ".join(f"{p.code} {p.label}" for p in m.successors)
            )
        print("\t".join(line))
    print(
        say(
            f"{len(found)} đơn vị có hiệu lực ngày {day:%d/%m/%Y}.",
            f"{len(found)} units valid on {day:%d/%m/%Y}.",
        ),
        file=sys.stderr,
    )
    return EXIT_OK if found else EXIT_ERROR


_PROJECT_STATUS = {"active": ("đang thực hiện", "active"), "closed": ("đã đóng", "closed")}


def cmd_projects(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.i18n.formatting import format_date, format_money
    from tracker.services import projects

    lang = get_language()
    if args.action == "list":
        rows = projects.list_projects(ws.db, ws.actor)
        for p in rows:
            print(
                f"{p.code}\t{p.name}\t{p.donor}\t{format_date(p.start_date, lang)}"
                f"–{format_date(p.end_date, lang)}\t{format_money(p.budget, lang)}"
                f"\t{say('còn', 'left')} {format_money(p.left, lang)}"
                f"\t{say(*_PROJECT_STATUS[p.status])}"
            )
        print(say(f"{len(rows)} dự án.", f"{len(rows)} projects."), file=sys.stderr)
        return EXIT_OK
    if not args.code:
        raise ServiceError("required", "code")
    if args.action == "add":
        needed = ("name", "donor", "start", "end", "budget")
        missing = [f"--{n}" for n in needed if getattr(args, n) is None]
        if missing:
            print(say("Cần ", "Needed: ") + ", ".join(missing), file=sys.stderr)
            return EXIT_USAGE
        view = projects.create_project(
            ws.db,
            ws.actor,
            projects.ProjectInput(
                args.code,
                args.name,
                args.donor,
                args.start,
                args.end,
                args.budget,
                args.status or "active",
            ),
        )
    else:
        current = projects.get_project_by_code(ws.db, ws.actor, args.code)
        view = projects.edit_project(
            ws.db,
            ws.actor,
            current.id,
            projects.ProjectInput(
                args.new_code or current.code,
                current.name if args.name is None else args.name,
                current.donor if args.donor is None else args.donor,
                args.start or current.start_date,
                args.end or current.end_date,
                current.budget if args.budget is None else args.budget,
                args.status or current.status,
            ),
        )
    print(say(f"Đã lưu dự án {view.code}.", f"Project {view.code} saved."))
    return EXIT_OK


def cmd_users(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.i18n.labels import label
    from tracker.services import office

    if args.action == "list":
        ws.actor.require("read")
        for u in office.list_users(ws.db, ws.actor):
            state = "" if u.active else say("đã khóa", "disabled")
            print(f"{u.username}\t{u.full_name}\t{label('role', u.role, get_language())}\t{state}")
        return EXIT_OK
    if args.action == "recovery-key":
        _print_recovery(auth.new_recovery_key(ws))
        return EXIT_OK
    if not args.username:
        raise AuthError("not_found", "username", value="")
    if args.action == "add":
        if not args.name or not args.role:
            print(say("Cần --name và --role.", "--name and --role are needed."), file=sys.stderr)
            return EXIT_USAGE
        auth.add_user(ws, args.username, args.name, args.role, _new_password())
    elif args.action == "reset":
        _key_changed(auth.reset_password(ws, args.username, _new_password()))
    elif args.action == "disable":
        _key_changed(auth.set_active(ws, args.username, False))
    else:
        auth.set_active(ws, args.username, True, _new_password())
    print(say("Đã lưu.", "Saved."))
    return EXIT_OK


def _key_changed(change: auth.KeyChange | None) -> None:
    """What a new database key means for the others (printed after disable, reset and
    passwd)."""
    if change is None:
        return
    print(
        say(
            f"Cơ sở dữ liệu đã có khóa mới ({change.seconds:.1f} giây); đã cập nhật tệp khóa"
            f" của {change.copies} bản sao lưu.",
            f"The database has a new key ({change.seconds:.1f} s); the key files of"
            f" {change.copies} backups were updated.",
        )
    )
    if change.dropped:
        names = ", ".join(change.dropped)
        print(
            say(
                f"Các tài khoản chưa đăng nhập từ khi cập nhật phiên bản cần mật khẩu mới"
                f" do quản trị viên đặt: {names}",
                f"Accounts not signed in since this version need a new password from an"
                f" administrator: {names}",
            )
        )
    if change.recovery_lost:
        print(
            say(
                "Mã khôi phục cũ (dạng cũ) không còn dùng được. Hãy tạo mã mới ngay:"
                " tracker users recovery-key",
                "The old recovery key (old form) no longer works. Make a new one now:"
                " tracker users recovery-key",
            )
        )


def cmd_passwd(args: argparse.Namespace, ws: Workspace) -> int:
    old = os.environ.get(ENV_PASSWORD) or read_password("Mật khẩu hiện tại: ", "Current password: ")
    _key_changed(auth.change_password(ws, old, _new_password()))
    print(say("Đã đổi mật khẩu.", "Password changed."))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    code = os.environ.get(ENV_RECOVERY) or input(say("Mã khôi phục: ", "Recovery key: "))
    ws = auth.open_with_recovery_key(_location(args), code)
    try:
        _key_changed(auth.reset_password(ws, args.username, _new_password()))
    finally:
        ws.close()
    print(say("Đã đặt mật khẩu mới.", "New password set."))
    return EXIT_OK


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


def cmd_backup(args: argparse.Namespace) -> int:
    """``list`` needs no sign-in (names, times and sizes only); ``create`` signs in;
    ``restore`` signs in as an administrator or uses the recovery key, and works when the
    database or its key file is damaged (the newest good backup is the way back)."""
    from tracker.i18n.formatting import format_number
    from tracker.services import backups

    location = _location(args)
    if location.path is None:
        return _backup_postgres(args, location)
    lang = get_language()
    if args.action == "list":
        rows = backups.list_backups(location.path)
        for b in rows:
            print(f"{_when(b.taken_at)}\t{format_number(b.size, lang)}\t{b.path}")
        print(say(f"{len(rows)} bản sao lưu.", f"{len(rows)} backups."), file=sys.stderr)
        return EXIT_OK
    if args.action == "create":
        ws = sign_in(args)
        try:
            folder = Path(args.to) if args.to else None
            info = backups.backup_now(
                ws,
                folder=folder,
                reason="usb" if folder is not None else "manual",
                keep=None if folder is not None else backups.KEEP,
            )
        finally:
            ws.close()
        print(
            say(
                f"Đã sao lưu và kiểm tra: {info.path} ({format_number(info.size, lang)} byte).",
                f"Backed up and checked: {info.path} ({format_number(info.size, lang)} bytes).",
            )
        )
        return EXIT_OK
    backup = Path(args.file) if args.file else None
    if args.recovery_key:
        code = read_password("Mã khôi phục: ", "Recovery key: ", env=ENV_RECOVERY)
        info, aside = backups.restore_after_damage(location, backup, recovery_code=code)
    else:
        name = getattr(args, "user", None) or os.environ.get(ENV_USER)
        if not name:
            raise AuthError("unknown_user")
        password = read_password("Mật khẩu: ", "Password: ")
        info, aside = backups.restore_after_damage(
            location, backup, username=name, password=password
        )
    print(
        say(
            f"Đã khôi phục bản sao lưu lúc {_when(info.taken_at)} ({info.path.name})."
            f" Tệp đang dùng trước đó được giữ lại: {aside}",
            f"Restored the backup of {_when(info.taken_at)} ({info.path.name})."
            f" The file in use before is kept: {aside}",
        )
    )
    return EXIT_OK


def _typed_passphrase(env_name: str, prompt: tuple[str, str], again: tuple[str, str] | None) -> str:
    """The passphrase of an encrypted file: from ``env_name`` when it is set, else typed at
    a terminal (``prompt``, then ``again`` to confirm it when given; each in Vietnamese and
    English). Without either, the error says how long it must be."""
    if os.environ.get(env_name):
        return os.environ[env_name]
    if not sys.stdin or not sys.stdin.isatty():
        from tracker.domain.vocab import MIN_PASSPHRASE

        raise ServiceError("passphrase_needed", "passphrase", min=MIN_PASSPHRASE)
    first = getpass.getpass(say(*prompt))
    if again is not None and getpass.getpass(say(*again)) != first:
        raise AuthError("passwords_differ")
    return first


def _backup_passphrase(*, twice: bool) -> str:
    return _typed_passphrase(
        ENV_BACKUP_PASSPHRASE,
        ("Cụm mật khẩu của bản sao lưu: ", "Backup passphrase: "),
        ("Nhập lại cụm mật khẩu: ", "Passphrase again: ") if twice else None,
    )


def _backup_postgres(args: argparse.Namespace, location: DatabaseLocation) -> int:
    """PostgreSQL: ``create --to DIR`` signs in and writes an encrypted pg_dump there;
    ``restore FILE`` (the owner's URL, no sign-in: the database may be empty) puts one
    back."""
    from pathlib import Path

    from tracker.i18n.formatting import format_number
    from tracker.services import backups

    if args.action == "create" and args.to:
        passphrase = _backup_passphrase(twice=True)
        ws = sign_in(args)
        try:
            info = backups.backup_postgres(ws, Path(args.to), passphrase)
        finally:
            ws.close()
        size = format_number(info.size, get_language())
        print(
            say(
                f"Đã sao lưu (pg_dump, mã hóa) và kiểm tra: {info.path} ({size} byte).",
                f"Backed up (pg_dump, encrypted) and checked: {info.path} ({size} bytes).",
            )
        )
        return EXIT_OK
    if args.action == "restore" and args.file:
        assert location.url is not None
        backups.restore_postgres(location.url, Path(args.file), _backup_passphrase(twice=False))
        print(say(f"Đã khôi phục {args.file}.", f"Restored {args.file}."))
        return EXIT_OK
    raise ServiceError("no_backup_postgres")


def cmd_search(args: argparse.Namespace, ws: Workspace) -> int:
    """Codes and aliases, as the window's lists; full names only with ``--names`` for a
    role that may see them, and then the names shown are logged."""
    from tracker.i18n.labels import label
    from tracker.services import beneficiaries as ben
    from tracker.services.places import place_names

    db, actor = ws.db, ws.actor
    if args.names:
        actor.require("names.read")  # refused before anything is looked up
    text = " ".join(args.text)
    rows = ben.search(db, actor, text, limit=args.limit)
    total = ben.count(db, actor, text)
    names = place_names(db, actor)
    lang = get_language()
    if args.names and rows:
        ben.record_names_shown(db, actor, [r.id for r in rows], "search")
    for r in rows:
        commune = names.get(r.commune_code or "", r.commune_code or "")
        who = r.full_name if args.names else (r.alias or "—")
        print(
            f"{r.code}\t{who}\t{r.birth_year or ''}\t"
            f"{label('category', r.category, lang)}\t{commune}"
        )
    print(say(f"{len(rows)} / {total} người.", f"{len(rows)} of {total} people."))
    return EXIT_OK if rows else EXIT_ERROR


def cmd_visits(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.i18n.formatting import format_date
    from tracker.i18n.labels import label
    from tracker.services import visits

    db, actor = ws.db, ws.actor
    lang = get_language()
    rows = visits.list_visits(db, actor, args.which, within_days=args.days, limit=10_000)
    for r in rows:
        gt = (r.grant_type_name_vi if lang == "vi" else r.grant_type_name_en) or ""
        late = say(f"trễ {r.days_late} ngày", f"{r.days_late} days late") if r.days_late else ""
        if r.status == "missed":
            reason = label("missed_reason", r.missed_reason, lang)
            late = say("không gặp: ", "no one met: ") + reason[:1].lower() + reason[1:]
        print(
            f"{format_date(r.scheduled_on, lang)}\t{r.beneficiary_code}\t{gt}\t{r.officer}\t{late}"
        )
    print(say(f"{len(rows)} chuyến thăm.", f"{len(rows)} visits."))
    return EXIT_OK


_REASONS_VI = {
    "missing event before it": "thiếu sự kiện ngay trước",
    "link does not match": "mắt xích không khớp",
    "content changed": "nội dung bị sửa",
    "newest events removed": "các sự kiện mới nhất bị xóa",
    "events removed": "có sự kiện bị xóa",
    "chain rewritten": "chuỗi bị tính lại",
    "chain head missing": "mất điểm cuối của chuỗi",
    "anchor altered": "bản sao điểm cuối trong tệp khóa bị sửa",
    "keyed from changed": "điểm bắt đầu khóa HMAC bị sửa",
    "no audit key": "thiếu khóa của nhật ký",
}
_AGAINST = {
    "no head": (
        "Tệp manifest không có điểm cuối của nhật ký (bản xuất từ phiên bản cũ?).",
        "The manifest holds no audit chain head (an export from an older version?).",
    ),
    "other database": (
        "Bản xuất này đến từ một cơ sở dữ liệu khác.",
        "This export comes from another database.",
    ),
    "not in chain": (
        "Điểm cuối của nhật ký in trên bản xuất KHÔNG còn trong nhật ký hiện tại:"
        " nhật ký đã bị sửa hoặc xóa sau khi xuất.",
        "The audit chain head printed on the export is NOT in the present trail:"
        " the trail was altered or cut back after the export.",
    ),
}


def cmd_audit(args: argparse.Namespace, ws: Workspace) -> int:
    """Exit codes a script can use: 0 whole, 3 the trail altered, 4 records changed
    without their event, 5 an export's head not in this trail (1: could not check)."""
    from tracker.services import audit

    manifest = audit.read_manifest(args.against) if args.against else None
    report = audit.verify(ws.db, ws.actor)
    code = EXIT_OK
    if report.ok:
        print(
            say(
                f"Nhật ký toàn vẹn: {report.checked} sự kiện.",
                f"Audit trail intact: {report.checked} events.",
            )
        )
    else:
        reasons = [report.reason] + [f.reason for f in report.findings[1:]]
        where = f"#{report.broken_at}" if report.broken_at else ""
        vi = "; ".join(_REASONS_VI.get(r, r) for r in dict.fromkeys(reasons))
        en = "; ".join(dict.fromkeys(reasons))
        print(
            say(
                f"Nhật ký bị sửa hoặc xóa tại sự kiện {where} ({vi});"
                f" {report.checked} sự kiện trước đó hợp lệ.",
                f"Audit trail broken at event {where} ({en});"
                f" {report.checked} events before it are intact.",
            )
        )
        code = EXIT_TRAIL_ALTERED
    for row in report.rows:
        if row.changed:
            ids = ", ".join(f"#{i}" for i in row.changed[:20])
            print(
                say(
                    f"Bản ghi {row.entity} bị sửa ngoài ứng dụng (không có sự kiện): {ids}",
                    f"{row.entity} records changed outside the app (no event): {ids}",
                )
            )
    checked = sum(r.checked for r in report.rows)
    unchecked = sum(r.unchecked for r in report.rows)
    print(
        say(
            f"Đã so {checked} bản ghi với sự kiện mới nhất của chúng; {unchecked} bản ghi"
            " được tạo cùng một thao tác khác chưa có sự kiện riêng để so.",
            f"{checked} records compared with their newest event; {unchecked} records"
            " created inside another action have no event of their own to compare with yet.",
        )
    )
    if report.rows_changed and code == EXIT_OK:
        code = EXIT_ROWS_CHANGED
    if report.head is not None:
        print(
            say(
                f"Điểm cuối của nhật ký: {report.head.count} sự kiện, #{report.head.last_id},"
                f" {report.head.hash}",
                f"Chain head: {report.head.count} events, #{report.head.last_id},"
                f" {report.head.hash}",
            )
        )
    if manifest is not None:
        problem = audit.check_manifest_head(ws.db, ws.actor, manifest)
        if problem is None:
            print(
                say(
                    "Điểm cuối của nhật ký in trên bản xuất có trong nhật ký hiện tại.",
                    "The chain head printed on the export is in the present trail.",
                )
            )
        else:
            vi, en = _AGAINST[problem]
            print(say(vi, en))
            if code in (EXIT_OK, EXIT_ROWS_CHANGED):
                code = EXIT_NOT_IN_TRAIL
    return code


def cmd_db(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.db.migrate import current_revision, head_revision

    db = ws.db
    print(f"{db.location.describe()}\t{current_revision(db)}\t(head {head_revision()})")
    return EXIT_OK


def cmd_setup_postgres(args: argparse.Namespace) -> int:
    """Print (or with --run execute) the SQL that gives each PC a login role with only the
    rights the app needs and keeps the audit trail insert-only; no sign-in (it is the
    server's owner who runs it)."""
    from sqlalchemy.engine import make_url

    from tracker.db import pg_setup

    url = args.run or getattr(args, "db_url", None) or os.environ.get("DATABASE_URL")
    database = args.database or (make_url(url).database if url else None)
    if not database:
        print(
            say(
                "Cần --database TÊN (hoặc --db-url / --run với URL của máy chủ PostgreSQL).",
                "Give --database NAME (or --db-url / --run with the PostgreSQL server's URL).",
            ),
            file=sys.stderr,
        )
        return EXIT_ERROR
    try:
        sql = pg_setup.setup_sql(database, args.login or ["pc1"])
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    if args.run:
        pg_setup.run_setup(args.run, sql)
        print(
            say(
                "Đã tạo quyền cho các máy (mật khẩu ở dưới, chỉ hiện một lần):",
                "The PCs' roles are set up (their passwords below, shown once):",
            )
        )
        for line in sql.splitlines():
            if line.startswith("ALTER ROLE"):
                print("  " + line.split(" LOGIN")[0].removeprefix("ALTER ROLE ") + "\t"
                      + line.split("PASSWORD '")[1].rstrip("';"))  # fmt: skip
        return EXIT_OK
    print(sql, end="")
    return EXIT_OK


def _export_passphrase() -> str:
    return _typed_passphrase(
        ENV_EXPORT_PASSPHRASE,
        ("Mật khẩu tệp mã hóa: ", "Passphrase for the encrypted file: "),
        ("Nhập lại mật khẩu tệp: ", "Passphrase again: "),
    )


def cmd_period(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.services import closing

    lang = get_language()

    def line(p: closing.PeriodState) -> str:
        if p.closed and p.closed_at is not None:
            when = _when(p.closed_at)
            state = say(f"đã khoá {when} bởi {p.closed_by}", f"closed {when} by {p.closed_by}")
        elif p.ended:
            state = say("mở", "open")
        else:
            state = say("đang diễn ra", "in progress")
        out = f"{p.key}\t{state}"
        for r in p.reopenings:
            out += "\t" + say(
                f"mở khoá lại {_when(r.at)} bởi {r.by}: {r.reason}",
                f"reopened {_when(r.at)} by {r.by}: {r.reason}",
            )
        return out

    if args.action == "list":
        worst = EXIT_OK
        for p in closing.list_periods(ws.db, ws.actor):
            print(line(p))
            if args.check and p.closed:
                check = closing.check_period(ws.db, ws.actor, p.key)
                print("\t" + closing.describe_check(check, lang))
                if not check.same:
                    worst = EXIT_TRAIL_ALTERED
        return worst
    if not args.period:
        raise ServiceError("required", "period")
    if args.action == "close":
        print(line(closing.close_period(ws.db, ws.actor, args.period)))
        return EXIT_OK
    if args.action == "reopen":
        reason = args.reason or ""
        print(line(closing.reopen_period(ws.db, ws.actor, args.period, reason)))
        return EXIT_OK
    check = closing.check_period(ws.db, ws.actor, args.period)
    print(closing.describe_check(check, lang))
    if not check.closed:
        return EXIT_ERROR
    return EXIT_OK if check.same else EXIT_TRAIL_ALTERED


def cmd_export(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.i18n.formatting import format_number
    from tracker.services import exports, reports

    period = reports.parse_period(args.period, args.kind)
    formats = tuple(f.strip().lower() for f in args.formats.split(",") if f.strip())
    passphrase = _export_passphrase() if args.encrypt else None
    result = exports.export_summary(
        ws.db,
        ws.actor,
        period,
        Path(args.to),
        audience=args.audience,
        formats=formats,
        lang=get_language(),
        line_list_passphrase=passphrase,
        today=args.today,
        places=args.places,
        csv_separator={"semicolon": ";", "comma": ","}.get(args.csv_sep, args.csv_sep),
    )
    for f in result.files:
        print(f"{f.path}\t{f.size}\t{f.sha256}")
    size = format_number(result.total_bytes, get_language())
    print(
        say(
            f"Đã ghi và kiểm tra {len(result.files)} tệp ({size} byte) vào {result.folder}.",
            f"Wrote and checked {len(result.files)} files ({size} bytes) in {result.folder}.",
        )
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.services import imports

    lang = get_language()
    path = Path(args.file)
    options = imports.ImportOptions(past_visits=args.past_visits)
    report = imports.dry_run(ws.db, ws.actor, path, today=args.today, options=options)
    for g in report.groups:
        print(g.message(lang), file=sys.stderr)
    decisions: dict[int, str] = {}
    for q in report.duplicates:
        names = "; ".join(f"{c.code} {c.full_name} {c.birth_year or ''}" for c in q.candidates)
        answer = q.answer
        if args.duplicates == "existing":
            answer = q.suggested or (q.candidates[0].code if q.candidates else None)
        elif args.duplicates in ("new", "skip"):
            answer = args.duplicates
        if answer is not None:
            decisions[q.row] = answer
        shown = answer or say("CHƯA CHỌN", "UNDECIDED")
        print(
            say(
                f"Dòng {q.row}: «{q.full_name}» có thể đã có: {names} -> {shown}",
                f"Row {q.row}: «{q.full_name}» may already exist: {names} -> {shown}",
            ),
            file=sys.stderr,
        )
    for c in report.counts:
        spec = imports.SHEET_BY_KEY[c.sheet]
        title = spec.title_vi if lang == "vi" else spec.title_en
        print(
            say(
                f"{title}: {c.rows} dòng, thêm {c.added}, đã có {c.existing}, bỏ qua {c.skipped}",
                f"{title}: {c.rows} rows, add {c.added}, already there {c.existing},"
                f" skipped {c.skipped}",
            )
        )
    print(
        say(
            f"Chuyến thăm sẽ đặt lịch: {report.visits_scheduled} (bỏ qua"
            f" {report.visits_past_skipped} chuyến đã qua ngày).",
            f"Follow-up visits to book: {report.visits_scheduled} ({report.visits_past_skipped}"
            " whose day has passed left out).",
        )
    )
    if report.problems:
        raise imports.ImportRejected(report)
    if args.dry_run:
        undecided = [q for q in report.duplicates if q.row not in decisions]
        print(
            say(
                f"Kiểm tra xong: không có lỗi; {len(undecided)} người cần chọn cách xử lý."
                " Chưa lưu gì.",
                f"Checked: no problems; {len(undecided)} people need a decision."
                " Nothing was saved.",
            )
        )
        return EXIT_OK
    done = imports.commit(ws.db, ws.actor, path, decisions, today=args.today, options=options)
    added = sum(c.added for c in done.counts)
    print(say(f"Đã nhập {added} bản ghi.", f"Imported {added} records."))
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.services import receipts

    out = _out_file(args.out)
    if out is None:
        return EXIT_ERROR
    # Checked before the print is counted: a paper the hand-over does not have.
    receipts.papers_of(receipts.get_receipt(ws.db, ws.actor, args.number), args.paper)
    detail = receipts.record_print(ws.db, ws.actor, args.number)
    try:
        pages = receipts.write_paper(
            detail,
            out,
            paper=args.paper,
            copies=args.copies,
            lang=get_language(),
            page_size=args.page,
        )
    except BaseException:
        receipts.print_failed(ws.db, ws.actor, detail.row.number, detail.print_copy)
        raise
    names = {
        "voucher": say("phiếu chi", "payment voucher"),
        "handover": say("biên bản bàn giao", "hand-over note"),
    }
    papers = say(" và ", " and ").join(names[p] for p in receipts.papers_of(detail, args.paper))
    state = ""
    if detail.row.voided:
        state = say(" (ĐÃ HỦY)", " (VOIDED)")
    if detail.print_copy:
        state += say(
            f" (BẢN SAO, in lại lần {detail.print_copy})",
            f" (COPY, reprint {detail.print_copy})",
        )
    else:
        state += say(" (bản gốc)", " (original)")
    _say_written(
        out,
        pages,
        f"{papers} số {detail.row.number}{state}: ",
        f"the {papers} no. {detail.row.number}{state}: ",
    )
    return EXIT_OK


def cmd_trip_sheet(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.services import trips

    out = _out_file(args.out)
    if out is None:
        return EXIT_ERROR
    sheet = trips.trip_sheet(
        ws.db,
        ws.actor,
        args.commune,
        args.since,
        args.until,
        villages=args.village,
        names=args.names,
        officer=args.officer,
        purpose="save",
    )
    pages = trips.write_trip_sheet(sheet, out, lang=get_language())
    villages = len(sheet.village_groups)
    _say_written(
        out,
        pages,
        f"phiếu đi thăm: {len(sheet.stops)} lượt thăm ở {villages} thôn/bản: ",
        f"the trip sheet: {len(sheet.stops)} visit(s) in {villages} village(s): ",
    )
    return EXIT_OK


def cmd_pass_on(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.i18n.formatting import format_date
    from tracker.services import pass_on
    from tracker.services.errors import NotFoundError, ValidationError

    db, actor = ws.db, ws.actor
    lang = get_language()
    if args.action == "list":
        done = pass_on.list_pass_ons(db, actor, limit=100_000)
        for po in done:
            print(f"{po.number}\t{format_date(po.handed_on, lang)}\t{po.giver_code}"
                  f"\t→ {po.receiver_code}\t{po.description}\t{po.value}")  # fmt: skip
        print(say(f"{len(done)} lần chuyển giao.", f"{len(done)} passed on."))
        return EXIT_OK
    if args.action == "due":
        duties = pass_on.open_obligations(db, actor, overdue_only=args.overdue)
        for d in duties:
            late = say(f"quá hạn {d.days_late} ngày", f"{d.days_late} days late")
            print(f"{d.beneficiary_code}\t{d.description}\t{format_date(d.first_born_on, lang)}"
                  f"\t{format_date(d.due_on, lang)}\t{late if d.overdue else ''}")  # fmt: skip
        print(say(f"{len(duties)} con đầu chưa chuyển giao.",
                   f"{len(duties)} first calves still to pass on."))  # fmt: skip
        return EXIT_OK
    if not args.number or not args.out:
        raise ValidationError("required", "pass_on")
    out = _out_file(args.out)
    if out is None:
        return EXIT_ERROR
    wanted = args.number.strip().upper()
    found = next((p for p in pass_on.list_pass_ons(db, actor, limit=100_000)
                  if p.number == wanted), None)  # fmt: skip
    if found is None:
        raise NotFoundError("pass_on", wanted)
    pages = pass_on.write_pass_on_note(db, actor, found.id, out, lang=lang, page_size=args.page)
    _say_written(out, pages)
    return EXIT_OK


def cmd_receipts(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.i18n.formatting import format_date, format_number
    from tracker.services import receipts

    lang = get_language()
    kinds = {
        "cash": say("tiền", "cash"),
        "goods": say("hàng hóa", "goods"),
        "mixed": say("tiền và hàng", "mixed"),
    }
    count = 0
    offset = 0
    while True:
        rows = receipts.list_receipts(
            ws.db,
            ws.actor,
            since=args.since,
            until=args.until,
            kind=args.kind,
            oldest_first=True,
            limit=1000,
            offset=offset,
        )
        for r in rows:
            if r.voided:
                status = say("đã hủy", "void")
            elif r.printed:
                status = say("còn hiệu lực", "valid")
            else:
                status = say("còn hiệu lực, chưa in", "valid, not printed yet")
            status += say(f", {r.reprint_count} bản sao", f", {r.reprint_count} copies")
            if r.replaces_number:
                status += say(
                    f", thay phiếu {r.replaces_number}", f", replaces {r.replaces_number}"
                )
            print(
                f"{r.number}\t{format_date(r.handed_on, lang)}\t{kinds[r.kind]}"
                f"\t{format_number(r.amount, lang)}\t{status}"
            )
        count += len(rows)
        if len(rows) < 1000:
            break
        offset += 1000
    print(say(f"{count} phiếu.", f"{count} receipts."))
    return EXIT_OK


def cmd_office(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.services import consolidate

    if args.office_action == "people-key":
        text = None
        if not args.clear:
            text = read_password(
                "Khóa chung của tỉnh: ", "The province's shared key: ", env=ENV_PEOPLE_KEY
            )
        tag = consolidate.set_people_key(ws.db, ws.actor, text)
        print(
            say(f"Đã ghi khóa chung (mã {tag}).", f"Shared key saved (tag {tag}).")
            if tag
            else say("Đã xóa khóa chung.", "Shared key removed.")
        )
        return EXIT_OK
    me = consolidate.identity(ws.db, ws.actor)
    missing = say("(chưa có: quản trị viên đăng nhập một lần)", "(none yet: an admin signs in)")
    print(f"{say('Đơn vị', 'Office')}: {me.name}")
    print(f"{say('Mã', 'Code')}: {me.code}")
    print(f"{say('Cấp', 'Level')}: {me.kind}")
    print(f"{say('Dấu vân tay khóa ký', 'Signing key fingerprint')}: {me.fingerprint or missing}")
    if me.people_key_id:
        print(f"{say('Khóa chung đếm người', 'Shared people key')}: {me.people_key_id}")
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace, ws: Workspace) -> int:
    from tracker.services import consolidate

    action = args.consolidate_action
    if action == "people-key":
        print(consolidate.new_people_key())
        return EXIT_OK
    if action == "register":
        found = consolidate.register_office(ws.db, ws.actor, args.name, args.fingerprint)
        print(
            say(
                f"Đã đăng ký {found.name} ({found.fingerprint}).",
                f"Registered {found.name} ({found.fingerprint}).",
            )
        )
        return EXIT_OK
    if action == "import":
        for done in consolidate.import_bundles(ws.db, ws.actor, Path(args.where), today=args.today):
            said = {
                "imported": say("đã nhập", "taken in"),
                "already_there": say("đã có từ trước, không đổi gì", "already there"),
                "replaced": say("đã nhập, thay gói trước", "taken in, replaces the earlier"),
            }[done.outcome]
            print(f"{done.folder}\t{done.office}\t{done.period}\t{said}")
        return EXIT_OK
    board = consolidate.board(ws.db, ws.actor, today=args.today)
    words = {
        "received": say("đã gửi", "sent"),
        "late": say("CHẬM", "LATE"),
        "waiting": say("chưa đến hạn", "not due yet"),
    }
    print("\t".join([say("Đơn vị", "Office"), *(p.key for p in board.periods)]))
    for row in board.rows:
        cells = []
        for c in row.cells:
            text = words[c.state]
            if c.replaced:
                text += say(f" (thay {c.replaced} lần)", f" (replaced {c.replaced}x)")
            cells.append(text)
        print("\t".join([row.office, *cells]))
    if not board.rows:
        print(say("Chưa đăng ký đơn vị nào.", "No office registered yet."))
    for r in board.replacements:
        print(
            say(
                f"Thay thế: {r.office} {r.period}: gói lập {r.earlier_made:%d/%m/%Y %H:%M}"
                f" được thay bằng gói lập {r.later_made:%d/%m/%Y %H:%M}",
                f"Replaced: {r.office} {r.period}: the bundle made {r.earlier_made:%d/%m/%Y %H:%M}"
                f" by the one made {r.later_made:%d/%m/%Y %H:%M}",
            )
        )
    return EXIT_OK


COMMANDS = {
    "office": cmd_office,
    "consolidate": cmd_consolidate,
    "receipt": cmd_receipt,
    "receipts": cmd_receipts,
    "trip-sheet": cmd_trip_sheet,
    "pass-on": cmd_pass_on,
    "projects": cmd_projects,
    "users": cmd_users,
    "passwd": cmd_passwd,
    "search": cmd_search,
    "visits": cmd_visits,
    "audit": cmd_audit,
    "db": cmd_db,
    "export": cmd_export,
    "import": cmd_import,
    "period": cmd_period,
}


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` names (signed in first, unless it is one of those that
    make or mend the database); its exit code."""
    if args.command in ("demo", "init", "recover", "places", "backup"):
        return {
            "backup": cmd_backup,
            "demo": cmd_demo,
            "init": cmd_init,
            "recover": cmd_recover,
            "places": cmd_places,
        }[args.command](args)
    if args.command == "db" and args.action == "setup-postgres":
        return cmd_setup_postgres(args)
    ws = sign_in(args)
    try:
        return COMMANDS[args.command](args, ws)
    finally:
        ws.close()
