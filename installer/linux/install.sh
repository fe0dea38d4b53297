#!/bin/sh
# Install Grant Tracker from this unpacked folder, for you only (no root needed):
#   ./install.sh               copy the program to ~/.local/opt/grant-tracker and add it
#                              to the applications menu
#   sudo ./install.sh          the same for every user of the PC (/opt/grant-tracker)
#   ./install.sh --uninstall   remove the program and its menu entry
# Your data (~/.local/share/grant-tracker: the database, its key file and the backups)
# is never touched, neither by installing nor by removing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then
    prefix=/opt/grant-tracker
    apps=/usr/share/applications
    icons=/usr/share/icons/hicolor/256x256/apps
    bin=/usr/local/bin
else
    prefix="$HOME/.local/opt/grant-tracker"
    apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
    icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
    bin="$HOME/.local/bin"
fi

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$(dirname "$(dirname "$icons")")" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$prefix"
    rm -f "$apps/grant-tracker.desktop" "$icons/grant-tracker.png"
    [ -L "$bin/grant-tracker" ] && rm -f "$bin/grant-tracker"
    refresh_menus
    echo "Grant Tracker removed. Your data was left in ${XDG_DATA_HOME:-$HOME/.local/share}/grant-tracker."
    exit 0
fi

[ -x "$here/GrantTracker/GrantTracker" ] || { echo "run install.sh from the unpacked folder" >&2; exit 1; }
mkdir -p "$prefix" "$apps" "$icons" "$bin"
rm -rf "$prefix.new"
cp -a "$here/GrantTracker" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
cp "$here/grant-tracker.png" "$icons/grant-tracker.png"
sed "s|@EXEC@|\"$prefix/GrantTracker\"|" "$here/grant-tracker.desktop" >"$apps/grant-tracker.desktop"
chmod 644 "$apps/grant-tracker.desktop"
ln -sfn "$prefix/tracker" "$bin/grant-tracker"
refresh_menus
echo "Grant Tracker installed in $prefix."
echo "Open it from the applications menu (Office), or run: $bin/grant-tracker --help"
