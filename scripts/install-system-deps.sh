#!/usr/bin/env bash
# Installs what the test suite needs outside Python, only when it is missing:
#   pdftoppm (poppler-utils) to render report pages, and the shared libraries Qt's
#   offscreen platform loads (EGL, GL, xkbcommon, fontconfig, dbus), and the two XCB
#   libraries Qt's xcb plugin needs that are not always installed (icccm, keysyms):
#   `make package` bundles them, so the build runs on X11 desktops that lack them; Xvfb,
#   openbox, xdotool and xwininfo to drive the real window on a virtual X screen.
# Debian/Ubuntu: apt-get (as root, or through passwordless sudo). macOS: Homebrew if present.
# Anything it cannot install is reported; tests that need it are then skipped with that reason.
set -u
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need pdftoppm poppler-utils
need sqlite3 sqlite3  # benchmarks/export.py compares against the sqlite3 shell
[ "$(uname -s)" = "Linux" ] && need xvfb-run xvfb  # the frozen build's xcb test (tests/packaging)
# scripts/drive_screens.py and its test: the real app on Xvfb under a small window manager,
# driven by xdotool (windows must fit a 1280x800 screen at 100 % and 150 %)
[ "$(uname -s)" = "Linux" ] && need openbox openbox
[ "$(uname -s)" = "Linux" ] && need xdotool xdotool
[ "$(uname -s)" = "Linux" ] && need xwininfo x11-utils
if [ "$(uname -s)" = "Linux" ] && command -v ldconfig >/dev/null 2>&1; then
  for pair in libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 \
              libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3 \
              libglib-2.0.so.0:libglib2.0-0 \
              libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1; do
    lib=${pair%%:*}; pkg=${pair##*:}
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("$pkg")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(uname -s)" = "Darwin" ]; then
  if command -v brew >/dev/null 2>&1; then
    brew list poppler >/dev/null 2>&1 || brew install poppler || true
  else
    echo "install-system-deps: Homebrew not found; install poppler for PDF page rendering tests" >&2
  fi
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      echo "install-system-deps: missing ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
      exit 0
    fi
  fi
  echo "install-system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    $SUDO apt-get update -qq >/dev/null 2>&1
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
      echo "install-system-deps: could not install ${missing[*]}" >&2
  }
else
  echo "install-system-deps: no apt-get; please install: ${missing[*]}" >&2
fi
exit 0
