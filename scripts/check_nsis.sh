#!/usr/bin/env bash
# Compile the Windows installer script (installer/windows/grant_tracker.nsi) with Debian's
# makensis against a dummy PyInstaller folder, to catch script errors without Windows.
#   scripts/check_nsis.sh
# Installs nsis with apt-get when makensis is missing (root). The real installer is built
# on Windows by .github/workflows/windows.yml from the real folder.
set -euo pipefail

log() { echo "[nsis] $*"; }
die() {
    echo "[nsis] FAILED: $*" >&2
    exit 1
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

if ! command -v makensis >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing nsis"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q --no-install-recommends nsis >/dev/null 2>&1 || {
            apt-get update -q >/dev/null
            apt-get install -y -q --no-install-recommends nsis
        }
    else
        die "makensis not found: install the nsis package"
    fi
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The dummy folder has the layout of dist/GrantTracker on Windows.
dist="$WORK/GrantTracker"
mkdir -p "$dist/_internal/resources/icons" "$dist/_internal/resources/fonts"
printf 'MZ fake program for the makensis check\n' >"$dist/GrantTracker.exe"
printf 'MZ fake program for the makensis check\n' >"$dist/tracker.exe"
printf 'a data file\n' >"$dist/_internal/base_library.zip"
cp resources/fonts/OFL.txt "$dist/_internal/resources/fonts/OFL.txt"
# The real icon when Qt is at hand (the script falls back to NSIS's own icon otherwise).
if [ -x .venv/bin/python ]; then
    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py \
        "$dist/_internal/resources/icons" >/dev/null ||
        log "could not draw the icon: compiling with NSIS's default icon"
fi

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' tracker/__init__.py)
out="$WORK/GrantTracker-$VERSION-setup.exe"
log "makensis $(makensis -VERSION) on installer/windows/grant_tracker.nsi (version $VERSION)"
makensis -V2 -WX -DDIST_DIR="$dist" -DVERSION="$VERSION" -DOUTFILE="$out" \
    "$ROOT/installer/windows/grant_tracker.nsi" || die "makensis"
[ -s "$out" ] || die "$out was not written"
[ "$(head -c 2 "$out")" = "MZ" ] || die "$out is not a Windows program"
log "OK: the script compiles ($(du -k "$out" | cut -f1) KB installer of the dummy folder)"
