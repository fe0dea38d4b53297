"""Backups of a PostgreSQL database: ``pg_dump`` (custom format) streamed straight into an
AES-256 ZIP under a passphrase, so that the dump never reaches a disk or a stick in clear,
and read back through ``pg_restore --list`` before the file takes its final name. A
restore streams the dump out of the ZIP into ``pg_restore``, in one transaction.

The ZIP is the WinZip AES format: 7-Zip opens it too, so a restore by hand needs no
program of ours (``7z x FILE`` then ``pg_restore -d URL tracker.dump``)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pyzipper
from sqlalchemy.engine import make_url

from tracker.disk import sync_folder

#: The dump's name inside the ZIP.
MEMBER = "tracker.dump"
SUFFIX = ".pgdump.zip"
CHUNK = 1 << 20


class PgToolError(Exception):
    """pg_dump or pg_restore is missing or failed; ``detail`` is its first words."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason  # "missing", "failed", "passphrase", "not_backup", "stopped"
        self.detail = detail


def find_tool(name: str) -> str:
    """The path of ``pg_dump``/``pg_restore``: on PATH, else the newest PostgreSQL's own
    folder (Debian keeps it off PATH; Windows installs under Program Files)."""
    found = shutil.which(name)
    if found:
        return found
    roots = [Path("/usr/lib/postgresql")]
    if sys.platform == "win32":
        roots.append(Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "PostgreSQL")
    for root in roots:
        for folder in sorted(root.glob("*/bin"), key=_version_of, reverse=True):
            for candidate in (folder / name, folder / f"{name}.exe"):
                if candidate.exists():
                    return str(candidate)
    raise PgToolError("missing", name)


def _version_of(folder: Path) -> tuple[int, ...]:
    digits = folder.parent.name.split(".")
    return tuple(int(d) for d in digits if d.isdigit())


def connection(url: str) -> tuple[str, dict[str, str]]:
    """The libpq connection string of a SQLAlchemy URL (its options such as ``sslmode``
    kept) and the environment carrying its password, never on a command line."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _first_words(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return (text.splitlines() or [""])[0][:300]


def _zip_writer(fh: IO[bytes], passphrase: str) -> pyzipper.AESZipFile:
    zf = pyzipper.AESZipFile(
        fh, "w", compression=pyzipper.ZIP_STORED, encryption=pyzipper.WZ_AES
    )  # the custom format is compressed already
    zf.setpassword(passphrase.encode("utf-8"))
    zf.setencryption(pyzipper.WZ_AES, nbits=256)
    return zf


def dump(
    url: str,
    target: Path,
    passphrase: str,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Write the encrypted dump of the database at ``url`` to ``target`` (a temporary name
    first, synced, checked, then renamed). Returns its size. Nothing is left under the
    final name when it fails or is stopped."""
    tool = find_tool("pg_dump")
    conninfo, env = connection(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with tempfile.TemporaryFile() as errors, os.fdopen(fd, "wb") as fh:
            with subprocess.Popen(
                [tool, "--format=custom", "--no-owner", f"--dbname={conninfo}"],
                stdout=subprocess.PIPE,
                stderr=errors,
                stdin=subprocess.DEVNULL,
                env=env,
            ) as proc:
                assert proc.stdout is not None
                try:
                    with _zip_writer(fh, passphrase) as zf, zf.open(MEMBER, "w") as out:
                        while chunk := proc.stdout.read(CHUNK):
                            if should_stop is not None and should_stop():
                                raise PgToolError("stopped")
                            out.write(chunk)
                except BaseException:
                    proc.kill()  # a full stick, a stop: pg_dump must not wait on its pipe
                    raise
                code = proc.wait()
            if code != 0:
                errors.seek(0)
                raise PgToolError("failed", _first_words(errors.read()))
            fh.flush()
            os.fsync(fh.fileno())
        check(tmp, passphrase)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)
    return target.stat().st_size


def _feed(source: Path, passphrase: str, sink: IO[bytes]) -> None:
    """Stream the dump out of the ZIP into ``sink`` (closed at the end)."""
    try:
        with pyzipper.AESZipFile(source) as zf:
            zf.setpassword(passphrase.encode("utf-8"))
            with zf.open(MEMBER) as member:
                while chunk := member.read(CHUNK):
                    sink.write(chunk)
    finally:
        with contextlib.suppress(OSError):
            sink.close()


def _open_member(source: Path, passphrase: str) -> None:
    """Refuse a file that is not one of these backups, or the wrong passphrase, before any
    tool starts."""
    try:
        with pyzipper.AESZipFile(source) as zf:
            if MEMBER not in zf.namelist():
                raise PgToolError("not_backup", source.name)
            zf.setpassword(passphrase.encode("utf-8"))
            with zf.open(MEMBER) as member:
                member.read(1)
    except RuntimeError as exc:  # pyzipper: "Bad password for file"
        raise PgToolError("passphrase", source.name) from exc
    except (OSError, pyzipper.BadZipFile, KeyError) as exc:
        raise PgToolError("not_backup", source.name) from exc


def _run_fed(argv: list[str], source: Path, passphrase: str, env: dict[str, str]) -> None:
    _open_member(source, passphrase)
    with tempfile.TemporaryFile() as errors:
        with subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors, env=env
        ) as proc:
            code, failed = _fed(proc, source, passphrase)
        if failed:
            raise PgToolError("not_backup", source.name) from failed[0]
        if code != 0:
            errors.seek(0)
            raise PgToolError("failed", _first_words(errors.read()))


def _fed(
    proc: subprocess.Popen[bytes], source: Path, passphrase: str
) -> tuple[int, list[BaseException]]:
    """Feed the dump to the running tool on a thread; its exit code and what failed."""
    sink = proc.stdin
    assert sink is not None
    failed: list[BaseException] = []

    def feed() -> None:
        try:
            _feed(source, passphrase, sink)
        except BrokenPipeError:
            pass  # the tool stopped reading: its exit code says why
        except BaseException as exc:
            failed.append(exc)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    code = proc.wait()
    feeder.join()
    return code, failed


def check(source: Path, passphrase: str) -> None:
    """The backup opens with the passphrase and ``pg_restore`` reads its whole table of
    contents."""
    _run_fed([find_tool("pg_restore"), "--list"], source, passphrase, dict(os.environ))


def restore(url: str, source: Path, passphrase: str) -> None:
    """Put the backup in place of the database at ``url`` (run as its owner): its tables
    dropped and made again from the dump, in one transaction, so a failed restore leaves
    the database as it was."""
    conninfo, env = connection(url)
    argv = [
        find_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={conninfo}",
    ]
    _run_fed(argv, source, passphrase, env)
