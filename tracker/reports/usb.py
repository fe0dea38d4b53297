"""Removable drives, and writing an export folder onto one so that it is either complete
and checked or not there at all.

Listing drives:

* Linux: the mounts in ``/proc/mounts`` whose block device is removable
  (``/sys/block/<disk>/removable`` is 1) or sits on a USB bus (a ``usb`` component in the
  resolved sysfs device path), e.g. ``/media/lan/KINGSTON``.
* Windows: the drive letters whose ``GetDriveTypeW`` is ``DRIVE_REMOVABLE`` (2).
* macOS: the volumes under ``/Volumes`` other than the start-up disk.

Writing (:func:`write_folder`): every file goes into a temporary folder on the target,
named so that anyone who sees it understands it ("Grant Tracker - dang ghi (chua xong) -
<name> - <token>": still being written, not finished), with a marker file inside
(``GRANT-TRACKER-PARTIAL.json``) that the writer keeps locked while it works. The next
export to the same place removes the folders an earlier, interrupted export left there
(:func:`remove_leftovers`): only folders with that name whose marker names the same token
and is not locked by a running export, and the hidden ``.<name>.partial-<hex>`` folders of
earlier versions holding only export files. Each file is written with ``os.write``,
flushed with ``os.fsync`` and its folder synced; then a ``manifest.json`` with the
SHA-256 of every file; then the temporary folder is renamed to its final name and the
parent synced; then the manifest is read back from the final folder and every file's
checksum is verified. Any failure removes what was written and raises
:class:`WriteFailed` naming why (full, read-only, gone, damaged).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.disk import sync_folder
from tracker.i18n.text import fold

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "grant-tracker-export/1"
#: The temporary folder of an export still being written (plain ASCII words a user reads:
#: "being written (not finished)"), and the marker inside it that says it is ours.
PARTIAL_PREFIX = "Grant Tracker - dang ghi (chua xong) - "
PARTIAL_MARKER = "GRANT-TRACKER-PARTIAL.json"
PARTIAL_FORMAT = "grant-tracker-partial/1"
_PARTIAL = re.compile(re.escape(PARTIAL_PREFIX) + r"[A-Za-z0-9_-]{1,80} - ([0-9a-f]{8})")
_OLD_PARTIAL = re.compile(r"\.[A-Za-z0-9_-]{1,80}\.partial-[0-9a-f]{8}")
_EXPORT_SUFFIXES = (".pdf", ".xlsx", ".csv", ".zip", ".json", ".sig")
#: The signature of the manifest's bytes, written beside it (``tracker.reports.bundle``).
MANIFEST_SIGNATURE = "manifest.sig"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_CHUNK = 1 << 20

FULL = "full"
READ_ONLY = "read_only"
GONE = "gone"
DAMAGED = "damaged"
CANCELLED = "cancelled"
OTHER = "other"

_REASONS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EFBIG: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.ENOENT: GONE,
    errno.ENODEV: GONE,
    errno.ENXIO: GONE,
    errno.EIO: GONE,
    errno.ENOTDIR: GONE,
    errno.ESTALE: GONE,
}


class WriteFailed(Exception):
    """Nothing is left under the final name. ``reason`` is one of FULL, READ_ONLY, GONE,
    DAMAGED, CANCELLED, OTHER; ``detail`` is the system's message."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path}: {detail}")
        self.reason = reason
        self.path = path
        self.detail = detail


class Cancelled(Exception):
    """Raised by a ``should_stop`` callback to stop writing (the caller's cancel)."""


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    total_bytes: int
    free_bytes: int

    @property
    def display(self) -> str:
        return f"{self.label} ({self.path})" if self.label else str(self.path)


@dataclass(frozen=True)
class WrittenFile:
    path: str  # relative, with "/"
    size: int
    sha256: str


# --- names ---------------------------------------------------------------------------


def safe_name(text: str, *, max_len: int = 64) -> str:
    """A folder or file name that FAT32, exFAT, NTFS and every OS accept: ASCII letters,
    digits, '-' and '_' only (Vietnamese letters lose their marks: "Mèo Vạc" ->
    "Meo-Vac")."""
    ascii_text = fold(text).encode("ascii", "ignore").decode("ascii") if text else ""
    # Keep the case of plain ASCII input (prefixes such as "MV"), fold only the rest.
    if text.isascii():
        ascii_text = text
    cleaned = _UNSAFE.sub("-", ascii_text).strip("-_")
    cleaned = re.sub(r"-{2,}", "-", cleaned)
    return cleaned[:max_len].rstrip("-_") or "export"


def free_name(parent: Path, name: str) -> str:
    """``name``, or ``name_2``, ``name_3``... whichever is not taken in ``parent``."""
    candidate, n = name, 2
    while (parent / candidate).exists():
        candidate = f"{name}_{n}"
        n += 1
    return candidate


# --- listing removable drives ----------------------------------------------------------


def _unescape_mount(path: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), path)


def _disk_of(device: str, sys_root: Path) -> Path | None:
    """/sys/block/<disk> of a device such as /dev/sdb1 or /dev/mmcblk0p1."""
    name = Path(device).name
    entry = sys_root / "class" / "block" / name
    if not entry.exists():
        return None
    real = entry.resolve()
    # A partition's sysfs folder sits inside its disk's folder and has a "partition" file.
    disk = real.parent if (real / "partition").exists() else real
    candidate = sys_root / "block" / disk.name
    return candidate if candidate.exists() else None


def _is_removable_disk(disk: Path) -> bool:
    with contextlib.suppress(OSError):
        if (disk / "removable").read_text().strip() == "1":
            return True
    with contextlib.suppress(OSError):
        # e.g. /sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/...
        if any(part.startswith("usb") for part in (disk / "device").resolve().parts):
            return True
    return False


def _linux_drives(proc_mounts: Path, sys_root: Path) -> list[Drive]:
    try:
        lines = proc_mounts.read_text().splitlines()
    except OSError:
        return []
    found: list[Drive] = []
    seen: set[str] = set()
    for line in lines:
        fields = line.split()
        if len(fields) < 4 or not fields[0].startswith("/dev/"):
            continue
        device, mount, options = fields[0], _unescape_mount(fields[1]), fields[3]
        if mount in seen or mount == "/" or mount.startswith(("/boot", "/snap")):
            continue
        disk = _disk_of(device, sys_root)
        if disk is None or not _is_removable_disk(disk):
            continue
        seen.add(mount)
        path = Path(mount)
        total = free = 0
        with contextlib.suppress(OSError):
            usage = shutil.disk_usage(path)
            total, free = usage.total, usage.free
        label = path.name
        if "ro" in options.split(","):
            label = f"{label} (ro)"
        found.append(Drive(path, label, total, free))
    return found


def _windows_drives() -> list[Drive]:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    drive_removable = 2
    mask = kernel32.GetLogicalDrives()
    found = []
    for i in range(26):
        if not mask & (1 << i):
            continue
        root = f"{chr(65 + i)}:\\"
        if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) != drive_removable:
            continue
        name = ctypes.create_unicode_buffer(261)
        ok = kernel32.GetVolumeInformationW(
            ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0
        )
        if not ok:  # no medium in the slot
            continue
        total = free = 0
        with contextlib.suppress(OSError):
            usage = shutil.disk_usage(root)
            total, free = usage.total, usage.free
        found.append(Drive(Path(root), name.value, total, free))
    return found


def _mac_drives(volumes: Path = Path("/Volumes")) -> list[Drive]:  # pragma: no cover
    found = []
    with contextlib.suppress(OSError):
        for entry in sorted(volumes.iterdir()):
            if entry.is_symlink() or not entry.is_dir():  # the start-up disk is a link
                continue
            usage = shutil.disk_usage(entry)
            found.append(Drive(entry, entry.name, usage.total, usage.free))
    return found


def removable_drives(
    *, proc_mounts: Path = Path("/proc/mounts"), sys_root: Path = Path("/sys")
) -> list[Drive]:
    """The removable drives mounted now (empty when there are none or it cannot tell)."""
    if sys.platform.startswith("win"):
        return _windows_drives()
    if sys.platform == "darwin":
        return _mac_drives()
    return _linux_drives(proc_mounts, sys_root)


# --- writing -------------------------------------------------------------------------


def _write_file(path: Path, data: bytes) -> None:
    """Write, flush to the device and close: every byte goes through ``os.write``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view[:_CHUNK])
            if written <= 0:
                raise OSError(errno.EIO, "nothing written")
            view = view[written:]
        os.fsync(fd)
        if hasattr(os, "posix_fadvise"):
            # Drop the cached pages so that the check reads what reached the drive.
            with contextlib.suppress(OSError):
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, OTHER)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()


def verify_folder(folder: Path) -> list[WrittenFile]:
    """Read the manifest back and check every file's size and SHA-256; raises
    :class:`WriteFailed` (DAMAGED) naming the first file that does not match."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        entries = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason = DAMAGED if folder.is_dir() else GONE
        raise WriteFailed(reason, folder, f"{MANIFEST}: {exc}") from exc
    checked = []
    for entry in entries:
        rel = str(entry["path"])
        target = folder / rel
        try:
            size = target.stat().st_size
            # The size first: a file of another size is not read at all.
            digest = _sha256_of(target) if size == entry["size"] else ""
        except OSError as exc:
            raise WriteFailed(DAMAGED if folder.is_dir() else GONE, folder, rel) from exc
        if size != entry["size"] or digest != entry["sha256"]:
            raise WriteFailed(DAMAGED, folder, rel)
        checked.append(WrittenFile(rel, size, digest))
    return checked


def _lock(fd: int) -> bool:
    """Take the marker's lock without waiting; False when another export holds it."""
    try:
        if os.name == "nt":  # pragma: no cover - Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _ours(folder: Path) -> bool:
    """An interrupted export's folder: the name, a marker naming the same token, and no
    running export holding the marker's lock."""
    m = _PARTIAL.fullmatch(folder.name)
    if m is None or folder.is_symlink() or not folder.is_dir():
        return False
    marker = folder / PARTIAL_MARKER
    try:
        fd = os.open(marker, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = json.loads(fh.read(4096).decode("utf-8"))
        if not isinstance(data, dict):
            return False
        if data.get("format") != PARTIAL_FORMAT or data.get("token") != m.group(1):
            return False
        return _lock(fd)  # released when closed below
    except (OSError, ValueError):
        return False
    finally:
        os.close(fd)


def _old_ours(folder: Path) -> bool:
    """A hidden temporary folder of an earlier version: its name, and nothing inside but
    the files an export writes."""
    if not _OLD_PARTIAL.fullmatch(folder.name) or folder.is_symlink() or not folder.is_dir():
        return False
    try:
        for root, dirs, files in os.walk(folder):
            rel = Path(root).relative_to(folder)
            if any(d != "csv" or rel != Path(".") for d in dirs):
                return False
            if any(not f.lower().endswith(_EXPORT_SUFFIXES) for f in files):
                return False
    except OSError:
        return False
    return True


def remove_leftovers(parent: Path) -> list[str]:
    """Remove what interrupted exports left in ``parent`` (see the module's docstring);
    returns the names removed. Anything else is never touched."""
    removed: list[str] = []
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(PARTIAL_PREFIX) or name.startswith(".")):
            continue
        if _ours(entry) or _old_ours(entry):
            shutil.rmtree(entry, ignore_errors=True)
            if not entry.exists():
                removed.append(name)
    return removed


def partial_name(name: str, token: str) -> str:
    return f"{PARTIAL_PREFIX}{name} - {token}"


def write_folder(
    parent: Path,
    name: str,
    files: Sequence[tuple[str, bytes]],
    manifest: dict[str, Any],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    sign: Callable[[bytes], bytes] | None = None,
) -> tuple[Path, list[WrittenFile]]:
    """Write ``files`` (relative path with "/", bytes) into ``parent/name`` atomically,
    with ``manifest.json`` (``manifest`` plus the list of files with their SHA-256).

    Returns the final folder and the files checked. On any failure nothing is left under
    the final name and :class:`WriteFailed` says why. What interrupted exports left in
    ``parent`` is removed first (:func:`remove_leftovers`). ``sign`` turns the
    manifest's bytes into the content of ``manifest.sig``, written beside it.
    """
    if not parent.is_dir():
        raise WriteFailed(GONE, parent, "not a folder")
    final = parent / name
    if final.exists():
        raise WriteFailed(OTHER, final, "already exists")
    remove_leftovers(parent)
    token = secrets.token_hex(4)
    tmp = parent / partial_name(name, token)
    steps = len(files) + 3
    renamed = False
    marker_fd: int | None = None

    def release() -> None:
        nonlocal marker_fd
        if marker_fd is not None:
            with contextlib.suppress(OSError):
                os.close(marker_fd)
            marker_fd = None

    def step(done: int, what: str) -> None:
        if should_stop is not None and should_stop():
            raise Cancelled
        if progress is not None:
            progress(done, steps, what)

    try:
        step(0, "")
        os.mkdir(tmp)
        # The marker first: a folder left by a kill is recognised and removed next time;
        # its lock tells a running export from an interrupted one.
        marker = tmp / PARTIAL_MARKER
        marker_fd = os.open(
            marker, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644
        )
        _lock(marker_fd)
        body_marker = {"format": PARTIAL_FORMAT, "token": token, "final": name}
        os.write(marker_fd, json.dumps(body_marker).encode("utf-8"))
        os.fsync(marker_fd)
        written: list[dict[str, Any]] = []
        folders = {tmp}
        for i, (rel, data) in enumerate(files, start=1):
            step(i - 1, rel)
            if (
                rel.startswith("/")
                or ".." in rel.split("/")
                or rel in (MANIFEST, MANIFEST_SIGNATURE)
            ):
                raise WriteFailed(OTHER, final, f"bad file name {rel!r}")
            parts = rel.split("/")
            target = tmp.joinpath(*parts)
            for depth in range(1, len(parts)):
                sub = tmp.joinpath(*parts[:depth])
                if sub not in folders:
                    # One level at a time: a vanished stick is not silently recreated.
                    os.mkdir(sub)
                    folders.add(sub)
            _write_file(target, data)
            written.append(
                {"path": rel, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            )
        step(len(files), MANIFEST)
        body = dict(manifest)
        body["files"] = written
        manifest_bytes = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True).encode(
            "utf-8"
        )
        _write_file(tmp / MANIFEST, manifest_bytes)
        if sign is not None:
            _write_file(tmp / MANIFEST_SIGNATURE, sign(manifest_bytes))
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            sync_folder(folder)
        step(len(files) + 1, "")
        if final.exists():
            raise WriteFailed(OTHER, final, "already exists")
        release()  # a folder with an open file cannot be renamed on Windows
        os.rename(tmp, final)
        renamed = True
        (final / PARTIAL_MARKER).unlink()
        sync_folder(final)
        sync_folder(parent)
        step(len(files) + 2, MANIFEST)
        checked = verify_folder(final)
        if sorted(f.path for f in checked) != sorted(str(w["path"]) for w in written):
            raise WriteFailed(DAMAGED, final, MANIFEST)
        if progress is not None:
            progress(steps, steps, "")
        return final, checked
    except Cancelled:
        release()
        _remove(final if renamed else tmp)
        raise WriteFailed(CANCELLED, final) from None
    except WriteFailed:
        release()
        _remove(final if renamed else tmp)
        raise
    except OSError as exc:
        release()
        _remove(final if renamed else tmp)
        _remove(tmp)
        raise WriteFailed(_reason(exc), parent, exc.strerror or str(exc)) from exc
    except BaseException:
        release()
        _remove(final if renamed else tmp)
        raise
