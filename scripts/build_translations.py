#!/usr/bin/env python3
"""Build the window's translations and check that every UI string is translated.

    scripts/build_translations.py            compile the .ts files to .qm, then check
    scripts/build_translations.py --update   first refresh the .ts files from the code
                                              (pyside6-lupdate; translations are kept)
    scripts/build_translations.py --check    only check (no files written)

The check extracts the strings of tracker/ui and tracker/app.py afresh (into a temporary
copy, so it also catches strings added since the last --update) and fails, listing them,
when a string has no Vietnamese translation, when a translation drops or adds a {placeholder}
or %n, or when a plural string has no English forms. Exit code 0 when all is well, 1 when
something is missing, 2 when the Qt tools are not found.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = [ROOT / "tracker" / "ui", ROOT / "tracker" / "app.py"]
#: Our own catalogue, extracted from the code.
CATALOGUE = "tracker"
LANGUAGES = {"vi": "vi_VN", "en": "en_GB"}
#: Qt's own strings that we translate (kept by hand, not extracted).
EXTRA = "qtbase_extra"
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%[0-9]")


def tool(name: str) -> Path:
    """pyside6-<name> next to this Python (a venv), or inside the PySide6 package."""
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / f"pyside6-{name}", bin_dir / f"pyside6-{name}.exe"):
        if candidate.exists():
            return candidate
    try:
        import PySide6

        pkg = Path(PySide6.__file__).parent
        for candidate in (pkg / name, pkg / f"{name}.exe"):
            if candidate.exists():
                return candidate
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise FileNotFoundError(f"pyside6-{name} not found: install PySide6 in this environment")


def source_files() -> list[Path]:
    files: list[Path] = []
    for src in SOURCES:
        files += sorted(src.rglob("*.py")) if src.is_dir() else [src]
    return files


def lupdate(ts: Path, lang: str) -> None:
    """Merge the strings of the code into ``ts`` (kept translations stay; gone strings go)."""
    cmd = [
        str(tool("lupdate")),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en_GB",
        "-target-language",
        LANGUAGES[lang],
        *[str(f) for f in source_files()],
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT)


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [str(tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT
    )
    return qm


@dataclass(frozen=True)
class Problem:
    file: str
    context: str
    source: str
    what: str

    def __str__(self) -> str:
        return f"  {self.file} [{self.context}] {self.source!r}: {self.what}"


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text or ""))


def check_ts(ts: Path, *, require_all: bool, label: str | None = None) -> list[Problem]:
    """Problems of one .ts file. ``require_all``: every message needs a translation
    (Vietnamese); otherwise only plural forms must be given (English)."""
    problems: list[Problem] = []
    name = label or ts.name
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        if "." in ctx:
            problems.append(
                Problem(name, ctx, "", "odd context (use self.tr in classes, not translate())")
            )
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            plural = message.get("numerus") == "yes"
            if plural:
                forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
                texts = forms
                empty = not forms or any(not f.strip() for f in forms)
            else:
                texts = [tr.text or ""] if tr is not None else [""]
                empty = not texts[0].strip()
            if (require_all or plural) and (empty or kind == "unfinished"):
                problems.append(Problem(name, ctx, source, "no translation"))
                continue
            if empty:
                continue
            want = _placeholders(source)
            for text in texts:
                if _placeholders(text) != want:
                    problems.append(
                        Problem(
                            name,
                            ctx,
                            source,
                            f"placeholders differ: {sorted(want)} vs {sorted(_placeholders(text))}",
                        )
                    )
    return problems


def check(*, fresh: bool = True) -> list[Problem]:
    """Check the catalogues; with ``fresh`` the strings are extracted from the code first
    (into temporary copies)."""
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            ts = TRANSLATIONS / f"{CATALOGUE}_{lang}.ts"
            target = ts
            if fresh:
                target = Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy(ts, target)
                lupdate(target, lang)
            if not target.exists():
                problems.append(Problem(ts.name, "", "", "file missing"))
                continue
            problems += check_ts(target, require_all=lang == "vi", label=ts.name)
    extra = TRANSLATIONS / f"{EXTRA}_vi.ts"
    if extra.exists():
        problems += check_ts(extra, require_all=True)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files first")
    parser.add_argument("--check", action="store_true", help="only check; write nothing")
    args = parser.parse_args(argv)
    try:
        if args.update and not args.check:
            for lang in LANGUAGES:
                ts = TRANSLATIONS / f"{CATALOGUE}_{lang}.ts"
                lupdate(ts, lang)
                print(f"updated {ts.relative_to(ROOT)}")
        if not args.check:
            for ts in sorted(TRANSLATIONS.glob("*.ts")):
                qm = lrelease(ts)
                print(f"compiled {qm.relative_to(ROOT)}")
        problems = check(fresh=True)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if problems:
        print(f"{len(problems)} UI string(s) need a translation:", file=sys.stderr)
        for p in problems:
            print(p, file=sys.stderr)
        print(
            "Run scripts/build_translations.py --update, translate them in "
            "resources/translations/*.ts (Qt Linguist or a text editor), and run it again.",
            file=sys.stderr,
        )
        return 1
    print("all UI strings are translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
