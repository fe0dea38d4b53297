#!/usr/bin/env bash
# Make the project usable on a fresh Debian 12 machine.
#   scripts/setup.sh          system libraries + .venv with the app (and psycopg)
#   scripts/setup.sh --test   also test tools (poppler-utils, xvfb, pytest, ruff, ...)
# Safe to run again: each step is skipped when already done.
set -euo pipefail

log() { echo "[setup] $*"; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }

TEST=0
case "${1:-}" in
    "") ;;
    --test) TEST=1 ;;
    *) die "usage: scripts/setup.sh [--test]" ;;
esac

# Work from the repository root, whatever the current directory.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# --- (a) Debian packages -----------------------------------------------------
packages=(
    python3 python3-venv python3-pip
    # Qt offscreen platform (tests, CI)
    libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
    # Qt xcb platform (a real window)
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
)
# Tests: pdftotext/pdffonts, a virtual X server (xvfb-run needs xauth).
[ "$TEST" = 1 ] && packages+=(poppler-utils xvfb xauth)

if ! command -v apt-get >/dev/null 2>&1; then
    log "apt-get not found (not Debian?): skipping system packages; install the Qt libraries yourself"
else
    missing=()
    for pkg in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        log "system packages: all present"
    else
        # Root runs apt-get directly; other users go through sudo.
        if [ "$(id -u)" -eq 0 ]; then
            SUDO=()
        elif command -v sudo >/dev/null 2>&1; then
            SUDO=(sudo)
        else
            die "missing packages (${missing[*]}) and not root and no sudo: install them as root"
        fi
        export DEBIAN_FRONTEND=noninteractive
        log "installing: ${missing[*]}"
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
fi

# --- (b) virtual environment -------------------------------------------------
if [ ! -x .venv/bin/python ]; then
    command -v python3 >/dev/null 2>&1 || die "python3 not found"
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "Python >= 3.11 is required; python3 is $(python3 -V 2>&1)"
    log "creating .venv with $(python3 -V 2>&1)"
    python3 -m venv .venv
else
    log ".venv exists ($(.venv/bin/python -V 2>&1))"
fi

# --- (c) Python packages (skipped while pyproject.toml is unchanged) ---------
hash=$(sha256sum pyproject.toml | cut -c1-16)
if [ "$TEST" = 1 ]; then
    extras="test"
    stamp=".venv/.setup-stamp-$hash-test"
    done_stamps=("$stamp")
else
    extras="postgres"
    stamp=".venv/.setup-stamp-$hash"
    # The test extras include psycopg too, so a test install also counts.
    done_stamps=("$stamp" "$stamp-test")
fi
installed=0
for s in "${done_stamps[@]}"; do [ -e "$s" ] && installed=1; done
if [ "$installed" = 1 ]; then
    log "Python packages up to date (stamp for pyproject.toml $hash)"
else
    log "upgrading pip"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    log "installing the app: pip install -e '.[$extras]'"
    .venv/bin/python -m pip install -q --only-binary=sqlcipher3 -e ".[$extras]"
    touch "$stamp"
    log "Python packages installed"
fi

# --- (d) Qt translations (.ts -> .qm) ----------------------------------------
if [ -f scripts/build_translations.py ]; then
    log "building translations"
    .venv/bin/python scripts/build_translations.py
fi

log "done"
