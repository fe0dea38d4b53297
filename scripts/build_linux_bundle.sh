#!/usr/bin/env bash
# Build the Linux bundle from a clean clone, with one command:
#   scripts/build_linux_bundle.sh
# 1. scripts/setup.sh (Debian packages, .venv), then pip install -e '.[build]' (PyInstaller)
# 2. the translations (.ts -> .qm), the PyInstaller one-folder bundle (installer/grant_tracker.spec)
# 3. dist/GrantTracker-<version>-linux-x86_64.tar.gz: the folder, grant-tracker.desktop, the
#    icon, install.sh and README.txt (installer/linux/)
# 4. the BUNDLE's self-test, unpacked from the tarball into a temporary folder, with an empty
#    environment and, where the kernel allows (root), every Python installation and the
#    checkout hidden, so nothing but the bundle can be used; then again under Xvfb on the
#    real window's platform (xcb) when xvfb-run is there
# 5. the bundle's size and its start times (--version, --self-test)
# Exits non-zero on any failure. Environment: KEEP_WORK=1 keeps the temporary folder.
set -euo pipefail

log() { echo "[bundle] $*"; }
die() {
    echo "[bundle] FAILED: $*" >&2
    exit 1
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
START=$(date +%s)

now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds() { printf '%d.%02d' $(($1 / 1000)) $((($1 % 1000) / 10)); } # ms -> "1.23"

# --- 1. environment ------------------------------------------------------------------------
scripts/setup.sh
# PyInstaller reads shared libraries with objdump and strips them with strip (binutils).
if ! command -v objdump >/dev/null 2>&1 || ! command -v strip >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing binutils (objdump, strip) for PyInstaller"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends binutils
    else
        die "PyInstaller needs objdump and strip: install binutils"
    fi
fi
stamp=".venv/.build-stamp-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -e "$stamp" ] || [ ! -x .venv/bin/pyinstaller ]; then
    log "pip install -e '.[build]'"
    .venv/bin/python -m pip install -q --disable-pip-version-check --only-binary=sqlcipher3 \
        -e ".[build]"
    touch "$stamp"
fi
VERSION=$(.venv/bin/python -c 'import tracker; print(tracker.__version__)')
ARCH=$(uname -m)
NAME="GrantTracker-$VERSION-linux-$ARCH"
log "Grant Tracker $VERSION, $(.venv/bin/pyinstaller --version | sed 's/^/PyInstaller /')"

# --- 2. translations and the bundle --------------------------------------------------------
log "translations"
.venv/bin/python scripts/build_translations.py >/dev/null || die "translations (see above)"
log "PyInstaller (installer/grant_tracker.spec)"
t0=$(now_ms)
QT_QPA_PLATFORM=offscreen .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/grant_tracker.spec ||
    die "PyInstaller"
build_s=$(seconds $(($(now_ms) - t0)))
[ -x dist/GrantTracker/GrantTracker ] || die "dist/GrantTracker/GrantTracker was not made"
install -m 755 installer/linux/tracker dist/GrantTracker/tracker

# --- 3. the tarball ------------------------------------------------------------------------
stage="build/$NAME"
rm -rf "$stage"
mkdir -p "$stage"
cp -a dist/GrantTracker "$stage/GrantTracker"
install -m 644 installer/linux/grant-tracker.desktop "$stage/grant-tracker.desktop"
install -m 644 dist/GrantTracker/_internal/resources/icons/grant-tracker.png "$stage/"
install -m 755 installer/linux/install.sh "$stage/install.sh"
install -m 644 installer/linux/README.txt "$stage/README.txt"
TARBALL="dist/$NAME.tar.gz"
log "packing $TARBALL"
tar -C build --owner=0 --group=0 --numeric-owner -czf "$TARBALL" "$NAME"
rm -rf "$stage"

# --- 4. the bundle's self-test, with nothing but the bundle --------------------------------
WORK=$(mktemp -d -p /tmp grant-tracker-bundle.XXXXXX)
cleanup() { [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/home"
tar -C "$WORK" -xzf "$TARBALL"
APP="$WORK/$NAME/GrantTracker"
[ -x "$APP/tracker" ] || die "the tarball has no GrantTracker/tracker"

# The folders that hold Python or its packages: hidden (an empty tmpfs over each) when a
# private mount namespace is allowed, so a missing module fails here as on an office PC.
hide=("$ROOT")
for d in /usr/lib/python3* /usr/local/lib/python3* "${PYENV_ROOT:-${HOME:-/nonexistent}/.pyenv}"; do
    [ -d "$d" ] && hide+=("$d")
done
isolated=0
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    isolated=1
fi

# bare CMD...: run CMD from $WORK with an empty environment (PATH=/usr/bin:/bin, a fresh
# HOME, a UTF-8 locale) and, when allowed, with every folder of $hide masked.
bare() {
    local envs=(PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 TMPDIR="$WORK")
    while [ "$#" -gt 0 ] && [[ "$1" == *=* ]]; do
        envs+=("$1")
        shift
    done
    if [ "$isolated" = 1 ]; then
        # shellcheck disable=SC2016
        (cd "$WORK" && unshare -m sh -c \
            'for d in "$@"; do [ "$d" = -- ] && break; mount -t tmpfs none "$d"; done
             while [ "$1" != -- ]; do shift; done; shift; exec "$@"' \
            sh "${hide[@]}" -- env -i "${envs[@]}" "$@")
    else
        (cd "$WORK" && env -i "${envs[@]}" "$@")
    fi
}

if [ "$isolated" = 1 ]; then
    log "self-test of the bundle: empty environment; hidden: ${hide[*]}"
    bare sh -c '! python3 -c "import tracker, PySide6" 2>/dev/null' ||
        die "Python and the app's packages are still reachable from the isolated run"
else
    log "self-test of the bundle: empty environment (env -i) from $WORK (no mount namespace here)"
fi

elapsed() { # elapsed SECONDS_VAR CMD...: runs CMD, stores its wall time
    local __var=$1 t0 rc=0
    shift
    t0=$(now_ms)
    "$@" || rc=$?
    printf -v "$__var" '%s' "$(seconds $(($(now_ms) - t0)))"
    return "$rc"
}

version_s="" selftest_s=""
version_out=$(bare "$APP/tracker" --version) || die "tracker --version"
[ "$version_out" = "tracker $VERSION" ] || die "tracker --version said '$version_out'"
elapsed version_s bare "$APP/tracker" --version >/dev/null || die "tracker --version"
elapsed selftest_s bare QT_QPA_PLATFORM=offscreen "$APP/tracker" --self-test ||
    die "the bundle's self-test failed (lines above)"

xcb_line="not tried (xvfb-run not installed)"
if command -v xvfb-run >/dev/null 2>&1; then
    log "self-test again on the window's platform (xcb, under Xvfb)"
    bare TRACKER_SELFTEST_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
        "$APP/tracker" --self-test || die "the self-test on xcb (Xvfb) failed"
    xcb_line="passed"
fi

# --- 5. what it weighs and how fast it starts ----------------------------------------------
folder_mb=$(du -sm "$APP" | cut -f1)
tar_mb=$(du -sm "$TARBALL" | cut -f1)
files=$(find "$APP" -type f | wc -l)
total=$(($(date +%s) - START))
echo
log "OK: $TARBALL"
log "  bundle folder:        ${folder_mb} MB ($files files); tarball ${tar_mb} MB"
log "  start, --version:     ${version_s} s"
log "  start, --self-test:   ${selftest_s} s (Qt, a new encrypted database, PDFs, the window)"
log "  self-test on xcb:     $xcb_line"
log "  PyInstaller:          ${build_s} s; whole script ${total} s"
