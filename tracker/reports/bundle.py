"""What makes an export folder a signed bundle the province can take in.

* ``manifest.json`` lists every file with its SHA-256 (``tracker.reports.usb``); the
  office's Ed25519 public key is in it (``signing``), and ``manifest.sig`` beside it holds
  the signature of the manifest's exact bytes (base64). The fingerprint of the public key
  (SHA-256, the first 20 bytes in base32: eight groups of four characters) is what the
  office prints on its setup paper and the province registers.
* ``figures.json`` (province version only) holds the figures of the summary as plain
  data (the counts before small-cell protection: the province protects its own tables
  again), never a name, and optionally the keyed hashes of the people supported (see
  :func:`person_hash`).

Plain data in and out: no database, no Qt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
import types
import typing
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar, Union

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tracker.domain.shapes import SignOff, Summary
from tracker.i18n.text import fold
from tracker.reports.usb import MANIFEST, MANIFEST_SIGNATURE, WriteFailed, verify_folder

SIGNATURE = MANIFEST_SIGNATURE
FIGURES = "figures.json"
FIGURES_FORMAT = "grant-tracker-figures/1"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_FIGURES_BYTES = 64 * 1024 * 1024
MAX_SIGNATURE_BYTES = 4096
#: More files than any bundle writes: a manifest listing more is not one of ours.
MAX_FILES = 10_000

T = TypeVar("T")


# --- keys and signatures ----------------------------------------------------------------


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def fingerprint(public: bytes) -> str:
    """ "ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567": what a person compares or types."""
    text = base64.b32encode(hashlib.sha256(public).digest()[:20]).decode("ascii")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces or dashes) in the printed form; "" when it
    is not one."""
    raw = "".join(ch for ch in (text or "").upper() if ch not in " -\t")
    if len(raw) != 32 or any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in raw):
        return ""
    return " ".join(raw[i : i + 4] for i in range(0, 32, 4))


def signing_block(key: Ed25519PrivateKey) -> dict[str, str]:
    """What the manifest says of the key that signs it."""
    public = public_bytes(key)
    return {
        "algorithm": "ed25519",
        "public_key": base64.b64encode(public).decode("ascii"),
        "fingerprint": fingerprint(public),
    }


def sign(key: Ed25519PrivateKey, manifest: bytes) -> bytes:
    """The content of ``manifest.sig``."""
    return base64.b64encode(key.sign(manifest)) + b"\n"


# --- the people, counted once across offices ---------------------------------------------


def person_hash(key: bytes, full_name: str, birth_year: int | None, commune: str) -> str:
    """HMAC-SHA256 under the key the province shares with its offices, of the folded name
    (no marks, lower case, single spaces), the birth year and the commune's code: the same
    person registered at two offices gives the same hash; without the key nobody can try
    names against it."""
    message = f"{fold(full_name)}|{birth_year or ''}|{commune or ''}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A short tag of the people key (not the key): bundles hashed under different keys
    are told apart on the province's board."""
    return hmac.new(key, b"grant-tracker people key", hashlib.sha256).hexdigest()[:8]


# --- figures as plain JSON ----------------------------------------------------------------


def _to_plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_to_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_plain(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None:
            return None
        return _from_plain(args[0], value)
    if origin is tuple:
        parts = typing.get_args(kind)
        if len(parts) == 2 and parts[1] is Ellipsis:
            return tuple(_from_plain(parts[0], v) for v in value)
        return tuple(_from_plain(a, v) for a, v in zip(parts, value, strict=True))
    if isinstance(kind, type) and is_dataclass(kind):
        return _dataclass(kind, value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is int:
        if type(value) is not int:
            raise ValueError(f"not a whole number: {value!r}")
        return value
    if kind is bool:
        if type(value) is not bool:
            raise ValueError(f"not true or false: {value!r}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise ValueError(f"not text: {value!r}")
        return value
    raise ValueError(f"unexpected type {kind!r}")


def _dataclass(cls: type[T], value: Any) -> T:
    if not isinstance(value, dict):
        raise ValueError(f"{cls.__name__}: not an object")
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in value:
            kwargs[f.name] = _from_plain(hints[f.name], value[f.name])
    return cls(**kwargs)


def summary_to_plain(summary: Summary) -> dict[str, Any]:
    """The summary's figures as JSON-ready data, without who signs it (staff names stay
    at the office)."""
    plain: dict[str, Any] = _to_plain(summary)
    plain["sign_off"] = _to_plain(SignOff(place=summary.sign_off.place))
    return plain


def summary_from_plain(value: Any) -> Summary:
    """Raises ValueError on anything that is not a summary's figures."""
    try:
        return _dataclass(Summary, value)
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(str(exc)) from exc


def figures_document(summary: Summary, people: dict[str, Any] | None = None) -> tuple[str, bytes]:
    doc: dict[str, Any] = {"format": FIGURES_FORMAT, "summary": summary_to_plain(summary)}
    if people is not None:
        doc["people"] = people
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return FIGURES, data


# --- reading a bundle --------------------------------------------------------------------


class BundleRefused(Exception):
    """Why a folder is not a bundle that can be taken in: ``reason`` is one of
    "not_bundle", "tampered", "bad_signature", "too_old", "too_new"; ``detail`` names the
    file or the version."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def find_bundles(where: Path) -> list[Path]:
    """The bundle folders at ``where``: itself when it holds a manifest, else its
    subfolders that do (a stick's root), newest name last."""
    if (where / MANIFEST).is_file():
        return [where]
    try:
        return sorted(p for p in where.iterdir() if p.is_dir() and (p / MANIFEST).is_file())
    except OSError:
        return []


def _regular(path: Path, limit: int | None = None) -> int:
    """The size of ``path`` when it is a plain file (not a link, a device or a folder) no
    bigger than ``limit``; else :class:`BundleRefused` naming it."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise BundleRefused("tampered", path.name) from exc
    if not stat.S_ISREG(st.st_mode) or (limit is not None and st.st_size > limit):
        raise BundleRefused("tampered", path.name)
    return st.st_size


def _listed(folder: Path, files: object) -> set[str]:
    """The files the manifest lists, each checked before any is read. A stick is not
    trusted: every path must be a plain relative path inside the bundle (no "..", no
    absolute or drive path), listed once, naming a plain file there (no link, no device)
    of the size the manifest says; a manifest naming /dev/zero or another folder's file
    is refused, never read."""
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise BundleRefused("tampered", MANIFEST)
    root = folder.resolve()
    seen: set[str] = set()
    for entry in files:
        rel = entry.get("path") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if (
            not isinstance(rel, str)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or not isinstance(entry.get("sha256"), str)
            or rel in seen
            or "\\" in rel
            or ":" in rel
            or any(part in ("", ".", "..") for part in rel.split("/"))
        ):
            raise BundleRefused("tampered", MANIFEST)
        seen.add(rel)
        target = folder / rel
        try:
            inside = target.resolve().is_relative_to(root)
        except (OSError, RuntimeError) as exc:
            raise BundleRefused("tampered", rel) from exc
        if not inside or size > MAX_FIGURES_BYTES or _regular(target) != size:
            raise BundleRefused("tampered", rel)
    return seen


def _present(folder: Path) -> set[str]:
    """Every file in the bundle's folder (but the manifest and its signature), links not
    followed; a link or anything but a file or a folder is refused, naming it."""
    found: set[str] = set()
    for here, dirs, names in os.walk(folder, followlinks=False):
        for name in [*dirs, *names]:
            path = Path(here) / name
            mode = os.lstat(path).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                raise BundleRefused("tampered", path.relative_to(folder).as_posix())
            if stat.S_ISREG(mode):
                found.add(path.relative_to(folder).as_posix())
    return found - {MANIFEST, SIGNATURE}


def read_bundle(folder: Path) -> tuple[dict[str, Any], bytes, dict[str, Any]]:
    """Check a bundle: every file against the manifest, the signature against the key in
    the manifest, the figures' format. Returns (manifest, its bytes, figures). Anything
    wrong is :class:`BundleRefused`: a damaged or hostile stick never gets further."""
    path = folder / MANIFEST
    try:
        _regular(path, MAX_MANIFEST_BYTES)
        raw = path.read_bytes()
        manifest = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError, BundleRefused) as exc:
        raise BundleRefused("not_bundle", MANIFEST) from exc
    if not isinstance(manifest, dict) or not str(manifest.get("format", "")).startswith(
        "grant-tracker-export/"
    ):
        raise BundleRefused("not_bundle", MANIFEST)
    version = str(manifest.get("app_version", ""))
    signing = manifest.get("signing")
    files = manifest.get("files")
    named = (
        {str(e.get("path")) for e in files if isinstance(e, dict)}
        if isinstance(files, list)
        else set()
    )
    if not isinstance(signing, dict) or FIGURES not in named:
        # Written before bundles carried their figures and a signature (or a version that
        # is not for the province: the caller tells them apart by the audience).
        raise BundleRefused("too_old", version or "?")
    listed = _listed(folder, files)
    try:
        verify_folder(folder)
    except WriteFailed as exc:
        raise BundleRefused("tampered", exc.detail or MANIFEST) from exc
    except (KeyError, TypeError) as exc:
        raise BundleRefused("tampered", MANIFEST) from exc
    try:
        extra = sorted(_present(folder) - listed)
    except OSError as exc:
        raise BundleRefused("tampered", MANIFEST) from exc
    if extra:
        raise BundleRefused("tampered", extra[0])
    try:
        public = base64.b64decode(str(signing.get("public_key", "")), validate=True)
        _regular(folder / SIGNATURE, MAX_SIGNATURE_BYTES)
        signature = base64.b64decode((folder / SIGNATURE).read_bytes().strip(), validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(signature, raw)
    except (OSError, ValueError, InvalidSignature, BundleRefused) as exc:
        raise BundleRefused("bad_signature", SIGNATURE) from exc
    try:
        body = (folder / FIGURES).read_bytes()
        if len(body) > MAX_FIGURES_BYTES:
            raise BundleRefused("not_bundle", FIGURES)
        figures = json.loads(body.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise BundleRefused("tampered", FIGURES) from exc
    fmt = figures.get("format") if isinstance(figures, dict) else None
    if fmt != FIGURES_FORMAT:
        if isinstance(fmt, str) and fmt.startswith("grant-tracker-figures/"):
            raise BundleRefused("too_new", version)
        raise BundleRefused("not_bundle", FIGURES)
    return manifest, raw, figures


def public_key_of(manifest: dict[str, Any]) -> bytes:
    signing = manifest.get("signing")
    assert isinstance(signing, dict)
    return base64.b64decode(str(signing["public_key"]))
