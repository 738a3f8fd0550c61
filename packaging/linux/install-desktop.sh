#!/bin/sh
# Install (or remove) the proapp desktop entry and icons for the freedesktop
# menus (GNOME, KDE, Xfce, ...).
#
#   packaging/linux/install-desktop.sh                 # current user, ~/.local/share
#   sudo packaging/linux/install-desktop.sh --system   # everyone, /usr/local/share
#   packaging/linux/install-desktop.sh --exec /opt/proapp/proapp
#   packaging/linux/install-desktop.sh --uninstall [--system]
#
# The desktop file runs "proapp" from PATH. If the program is somewhere else
# (for example an unpacked PyInstaller build in /opt/proapp), pass --exec with
# its absolute path; Exec= and TryExec= are rewritten in the installed copy.
# Run from inside a PyInstaller build folder, it uses that folder's icons and
# executable by default: sudo /opt/proapp/install-desktop.sh --system
#
# Only the desktop file and icons are installed; the program itself is not.
set -eu

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    cat <<EOF

Options:
  --system            install into ${SYSTEM_DATA} instead of \$XDG_DATA_HOME
  --prefix DIR        install into DIR/share (overrides --system)
  --exec PATH         program to run (default: proapp from PATH, or the
                      executable next to this script in a PyInstaller build)
  --resources DIR     folder holding icons/ (default: the repository's
                      resources/, or _internal/resources/ in a build)
  --uninstall         remove what an install put there
  -h, --help          show this help
EOF
}

APP_ID=proapp
SIZES="16 24 32 48 64 128 256 512"
SYSTEM_DATA=/usr/local/share

SCRIPT_DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
DESKTOP_SRC="$SCRIPT_DIR/$APP_ID.desktop"
RESOURCES="$SCRIPT_DIR/../../resources"
default_exec=""
if [ -d "$SCRIPT_DIR/_internal/resources/icons" ]; then
    # Running from an unpacked PyInstaller build (dist/proapp/, e.g. /opt/proapp):
    # use its bundled icons and point the menu entry at its executable.
    RESOURCES="$SCRIPT_DIR/_internal/resources"
    default_exec="$SCRIPT_DIR/$APP_ID"
fi

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
system=0
exec_path="$default_exec"
uninstall=0

while [ $# -gt 0 ]; do
    case "$1" in
        --system) system=1; data_dir="$SYSTEM_DATA" ;;
        --prefix) [ $# -ge 2 ] || { echo "error: --prefix needs a folder" >&2; exit 2; }
                  data_dir="$2/share"; shift ;;
        --exec) [ $# -ge 2 ] || { echo "error: --exec needs a path" >&2; exit 2; }
                exec_path="$2"; shift ;;
        --resources) [ $# -ge 2 ] || { echo "error: --resources needs a folder" >&2; exit 2; }
                     RESOURCES="$2"; shift ;;
        --uninstall) uninstall=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "error: unknown option: $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$system" -eq 1 ] && [ "$(id -u)" -ne 0 ] && [ ! -w "$data_dir" ]; then
    echo "error: --system needs write access to $data_dir (run with sudo)" >&2
    exit 1
fi

apps_dir="$data_dir/applications"
icons_dir="$data_dir/icons/hicolor"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps_dir" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$icons_dir" ]; then
        # -t: a per-user hicolor folder usually has no index.theme
        gtk-update-icon-cache -q -f -t "$icons_dir" 2>/dev/null || true
    fi
}

if [ "$uninstall" -eq 1 ]; then
    rm -f "$apps_dir/$APP_ID.desktop"
    for n in $SIZES; do
        rm -f "$icons_dir/${n}x${n}/apps/$APP_ID.png"
    done
    rm -f "$icons_dir/scalable/apps/$APP_ID.svg"
    refresh_caches
    echo "removed $APP_ID desktop entry and icons from $data_dir"
    exit 0
fi

png_dir="$RESOURCES/icons/png"
svg="$RESOURCES/icons/$APP_ID.svg"
[ -f "$DESKTOP_SRC" ] || { echo "error: missing $DESKTOP_SRC" >&2; exit 1; }
for n in $SIZES; do
    [ -f "$png_dir/$APP_ID-$n.png" ] || {
        echo "error: missing $png_dir/$APP_ID-$n.png (run packaging/make_icons.py)" >&2
        exit 1
    }
done

if [ -n "$exec_path" ]; then
    case "$exec_path" in
        /*) ;;
        *) echo "error: --exec needs an absolute path" >&2; exit 2 ;;
    esac
    case "$exec_path" in
        *[!A-Za-z0-9\ /._+-]*)
            echo "error: --exec path may only hold letters, digits, spaces and / . _ + -" >&2
            exit 2 ;;
    esac
    [ -x "$exec_path" ] || echo "warning: $exec_path is not an executable file (yet)" >&2
fi

# Build the desktop file in a temporary place, validate it, then install it.
tmp_dir=$(mktemp -d)
trap 'rm -rf "$tmp_dir"' EXIT
trap 'exit 130' INT TERM
desktop_tmp="$tmp_dir/$APP_ID.desktop"
if [ -n "$exec_path" ]; then
    # The path holds no characters that need escaping (checked above);
    # the quotes keep a path with spaces as one argument.
    sed -e "s|^Exec=.*|Exec=\"$exec_path\"|" \
        -e "s|^TryExec=.*|TryExec=$exec_path|" \
        "$DESKTOP_SRC" > "$desktop_tmp"
else
    cp "$DESKTOP_SRC" "$desktop_tmp"
fi

if command -v desktop-file-validate >/dev/null 2>&1; then
    # Errors fail the install; hints (e.g. "more than one main category",
    # which is intended here) are not shown.
    if report=$(desktop-file-validate "$desktop_tmp" 2>&1); then status=0; else status=$?; fi
    printf '%s\n' "$report" | grep -v -e ': hint: ' -e '^$' | sed "s|$desktop_tmp|$APP_ID.desktop|" >&2 || true
    if [ "$status" -ne 0 ]; then
        echo "error: desktop-file-validate rejected the desktop entry" >&2
        exit 1
    fi
else
    echo "note: desktop-file-validate not found (package desktop-file-utils); skipping validation"
fi

mkdir -p "$apps_dir"
install -m 644 "$desktop_tmp" "$apps_dir/$APP_ID.desktop"
for n in $SIZES; do
    mkdir -p "$icons_dir/${n}x${n}/apps"
    install -m 644 "$png_dir/$APP_ID-$n.png" "$icons_dir/${n}x${n}/apps/$APP_ID.png"
done
if [ -f "$svg" ]; then
    mkdir -p "$icons_dir/scalable/apps"
    install -m 644 "$svg" "$icons_dir/scalable/apps/$APP_ID.svg"
fi
refresh_caches

echo "installed $APP_ID desktop entry into $apps_dir"
echo "installed $APP_ID icons into $icons_dir"
if [ -z "$exec_path" ] && ! command -v "$APP_ID" >/dev/null 2>&1; then
    echo "note: '$APP_ID' is not on PATH here; the menu entry stays hidden until it is" \
         "(or reinstall with --exec /absolute/path/to/$APP_ID)"
fi
