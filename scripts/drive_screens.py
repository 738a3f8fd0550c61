"""Drive the real application on a virtual X screen and save what a nurse would see.

    .venv/bin/python scripts/drive_screens.py [--scale 1.5] [--screen 2560x1600] [--out out/drive]
        [--patients 286] [--lang it] [--more]

Starts Xvfb (1280x800), the openbox window manager and ``python -m proapp`` on a demo database
with three accounts, then walks the main flows with xdotool key presses, as a person at the
keyboard would: sign in, the patient list and a search, the worklist, the new-patient dialog,
a patient's tab, visit entry page by page, the report preview, user management, settings,
the shortcut list. After every step it grabs the screen (PNG) and records the frame geometry
of every visible proapp window (window manager decorations included). ``report.json`` in the
output folder lists them; the exit status is 1 when any window does not fit the screen
(``tests/gui/test_windows_fit_screen.py`` runs this at 100 % and 150 % on 1280x800, and at
200 % on a 2560x1600 HiDPI screen).

``--lang it`` drives the Italian screens (the application starts with ``PROAPP_LANGUAGE=it``):
the window titles waited for and the Alt keys of the menus are read from the translation
catalogue (``resources/translations/proapp_<lang>.ts``), never written here in English, and
the screenshots and report get a ``-it`` suffix. ``--more`` also opens the windows off the main
path (export, import, cohort analysis, double entry, the change log, About). Neither is part
of the test suite.

Needs Xvfb, openbox, xdotool and xprop (``scripts/install-system-deps.sh`` installs them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1280, 800)  # the clinic's usual screen; --screen for another (a 200 % HiDPI one)
PASSWORD = "correct horse battery"
TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "xwininfo")

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


class Catalogue:
    """The screens' texts in the language driven, from the translation catalogue: the window
    titles to wait for and the Alt keys to press. English is the source texts themselves."""

    def __init__(self, language: str = "en"):
        self.language = language
        self.texts: dict[tuple[str, str], str] = {}
        if language == "en":
            return
        path = ROOT / "resources" / "translations" / f"proapp_{language}.ts"
        for context in ET.parse(path).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                t = message.find("translation")
                if t is None or t.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = t.findall("numerusform")
                text = (forms[0].text if forms else t.text) or ""
                if text:
                    self.texts[(name, message.findtext("source") or "")] = text

    def tr(self, context: str, source: str) -> str:
        return self.texts.get((context, source), source)

    def title(self, context: str, source: str, **values: str) -> str:
        """The known part of a window title: the placeholders given filled in, cut at the
        first other one (``Visit entry — {code} …`` waits for ``Visit entry —``)."""
        text = self.tr(context, source)
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text.split("{")[0].strip()

    def key(self, context: str, source: str) -> str:
        """The Alt key of a menu or an entry: the letter after its ``&``."""
        text = self.tr(context, source).replace("&&", "")
        at = text.find("&")
        if at < 0 or at + 1 >= len(text):
            raise SystemExit(f"{text!r} ({context}: {source!r}) has no & key")
        return text[at + 1].lower()


T = Catalogue()  # the language driven (run() sets it)


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


@dataclass
class Window:
    title: str
    x: int
    y: int
    width: int
    height: int

    @property
    def fits(self) -> bool:
        return (self.x >= 0 and self.y >= 0 and self.x + self.width <= SCREEN[0]
                and self.y + self.height <= SCREEN[1])


class Display:
    """Xvfb + openbox on a free display; ``env`` for the programs that use it."""

    def __init__(self, folder: Path):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
             "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                raise SystemExit("Xvfb did not start")
            number += chunk
        os.close(read)
        self.env = {**os.environ, "DISPLAY": f":{number.decode().strip()}",
                    "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("QT_SCALE_FACTOR", None)
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   cwd=folder)
        time.sleep(0.5)

    def close(self) -> None:
        for p in (self.wm, self.xvfb):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()


class Driver:
    def __init__(self, display: Display, app: subprocess.Popen[bytes], out: Path, suffix: str):
        self.display, self.app, self.out, self.suffix = display, app, out, suffix
        self.shots: list[dict[str, object]] = []
        self.expectations: list[tuple[str, bool]] = []

    def xdo(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.display.env, capture_output=True,
                              text=True, timeout=30, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def window_ids(self) -> list[str]:
        out = self.xdo("search", "--onlyvisible", "--pid", str(self.app.pid), check=False)
        return out.split()

    def title(self, wid: str) -> str:
        return self.xdo("getwindowname", wid, check=False).strip()

    def geometry(self, wid: str) -> Window:
        # xwininfo, not `xdotool getwindowgeometry`: under a reparenting window manager the
        # latter counts the title bar twice in the position.
        info = subprocess.run(["xwininfo", "-id", wid], env=self.display.env,
                              capture_output=True, text=True, timeout=10, check=False).stdout
        values = {"X": 0, "Y": 0, "WIDTH": 0, "HEIGHT": 0}
        for line in info.splitlines():
            key, _, value = line.strip().partition(":")
            name = {"Absolute upper-left X": "X", "Absolute upper-left Y": "Y",
                    "Width": "WIDTH", "Height": "HEIGHT"}.get(key)
            if name is not None and value.strip().lstrip("-").isdigit():
                values[name] = int(value)
        extents = subprocess.run(["xprop", "-id", wid, "_NET_FRAME_EXTENTS"],
                                 env=self.display.env, capture_output=True, text=True,
                                 timeout=10, check=False).stdout
        left = right = top = bottom = 0
        if "=" in extents:
            left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
        return Window(self.title(wid), values["X"] - left, values["Y"] - top,
                      values["WIDTH"] + left + right, values["HEIGHT"] + top + bottom)

    def wait_for(self, *needles: str, timeout: float = 60.0, smallest: bool = False) -> str:
        """The id of the visible proapp window whose title contains one of ``needles``, made
        the active one. ``smallest``: of several such windows, the smallest (the lock dialog,
        not the covered windows that share its title)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.app.poll() is not None:
                raise SystemExit(f"proapp exited ({self.app.returncode}) while waiting for "
                                 f"{needles!r}")
            found = [wid for wid in self.window_ids()
                     if any(n.lower() in self.title(wid).lower() for n in needles)]
            if found:
                if smallest:
                    found.sort(key=lambda w: (g := self.geometry(w)).width * g.height)
                self.xdo("windowactivate", "--sync", found[0], check=False)
                time.sleep(0.3)
                return found[0]
            time.sleep(0.2)
        raise SystemExit(f"no window {needles!r} within {timeout:.0f} s; open: "
                         f"{[self.title(w) for w in self.window_ids()]}")

    def gone(self, *needles: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if not any(n.lower() in self.title(w).lower() for w in self.window_ids()
                       for n in needles):
                return
            time.sleep(0.2)
        raise SystemExit(f"window {needles!r} still open after {timeout:.0f} s")

    def keys(self, *keys: str, pause: float = 0.25) -> None:
        for k in keys:
            self.xdo("key", "--clearmodifiers", k)
            time.sleep(0.06)
        time.sleep(pause)

    def type(self, text: str, pause: float = 0.25) -> None:
        self.xdo("type", "--delay", "40", text)
        time.sleep(pause)

    def shot(self, name: str, settle: float = 0.6) -> None:
        time.sleep(settle)
        path = self.out / f"{name}{self.suffix}.png"
        subprocess.run([sys.executable, "-c", GRAB, str(path)], env=self.display.env,
                       check=True, timeout=60, capture_output=True)
        windows = [self.geometry(w) for w in self.window_ids()]
        active = self.xdo("getactivewindow", "getwindowname", check=False).strip()
        self.shots.append({"name": name, "png": str(path), "active": active,
                           "windows": [{**asdict(w), "fits": w.fits} for w in windows]})
        bad = [w for w in windows if not w.fits]
        print(f"{path}  {len(windows)} window(s)"
              + (f"  DOES NOT FIT: {[(w.title, w.width, w.height, w.x, w.y) for w in bad]}"
                 if bad else ""), flush=True)


def prepare(data: Path, config: Path, patients: int) -> Path:
    """A demo database with an administrator, a clinician and a nurse (same password). Its
    integrity key goes into ``config``, the configuration folder the application then runs
    with (a key elsewhere would make every write refused)."""
    os.environ["PROAPP_DATA_DIR"] = str(data)
    os.environ["XDG_CONFIG_HOME"] = str(config)
    from proapp.db.migrate import open_database
    from proapp.services import accounts, settings
    from proapp.services.training import demo

    path = data / "clinic.db"
    db = open_database(path)
    try:
        demo.generate(db, patients, 2011)
        admin = accounts.create_first_admin(db, "boss", PASSWORD, "Dr Boss")
        settings.set_value(db, admin, "idle_lock_minutes", "1")
        accounts.create_user(db, admin, "doc", PASSWORD, "clinician", "Dr Doc")
        accounts.create_user(db, admin, "nina", PASSWORD, "nurse", "Nina Nurse")
    finally:
        db.dispose()
    return path


def sign_in(d: Driver, user: str) -> None:
    d.wait_for(T.title("Accounts", "{name}: sign in", name="proapp"))
    d.shot("signin")
    d.type(user)
    d.keys("Tab")
    d.type(PASSWORD)
    d.keys("Return")


def main_flows(d: Driver) -> None:
    main = "proapp –"
    d.wait_for(main)
    time.sleep(2.0)  # the list loads in the background
    d.shot("main_patients")
    d.type("ross an")
    d.shot("main_search")
    d.keys("Escape")
    d.keys("ctrl+2")
    d.shot("main_worklist")
    d.keys("ctrl+1")

    new_patient = T.title("PatientDialog", "New patient")
    d.keys("ctrl+n")
    d.wait_for(new_patient)
    d.shot("patient_new")
    d.keys("Escape")
    d.gone(new_patient)

    d.keys("ctrl+f")
    d.keys("Return", "Return")  # search box -> list -> open the first patient
    time.sleep(1.0)
    d.shot("patient_view")

    visit_entry = T.title("VisitWizard", "Visit entry — {code} {family}, {given}")
    d.keys("ctrl+shift+v")
    d.wait_for(visit_entry)
    d.shot("wizard_visit")
    d.keys("ctrl+2")  # the MIDAS page, whatever the visit (an unscheduled one asks first)
    d.shot("wizard_page2")
    d.type("95")
    d.shot("wizard_page2_error")
    d.keys("BackSpace", "BackSpace")
    d.keys("ctrl+3")
    d.shot("wizard_page3")
    d.keys("ctrl+4")
    d.shot("wizard_flow")
    d.keys("ctrl+5")
    d.shot("wizard_review")
    d.keys("ctrl+w")
    d.gone(visit_entry)

    # the preview's title before and after the report is built
    report = (T.title("ReportDialog", "Patient trend report"),
              T.title("ReportDialog", "Trend report – {code}"))
    d.keys("ctrl+r")
    d.wait_for(*report)
    time.sleep(2.0)
    d.shot("report_preview")
    d.keys("Escape")
    d.gone(*report)

    d.keys("F1")
    d.wait_for(T.title("About", "Keyboard shortcuts"))
    d.shot("shortcuts")
    d.keys("Escape")

    for shot, title, menu, entry in (
            ("users", T.title("UserManagementDialog", "Users"), "&Account ({username})",
             "&Users…"),
            ("settings", T.title("SettingsDialog", "Settings"), "&File", "&Settings…")):
        d.keys(f"alt+{T.key('Menu', menu)}", T.key("Action", entry), pause=0.8)
        try:
            d.wait_for(title, timeout=10)
        except SystemExit as exc:
            print(f"skipped {shot}: {exc}", flush=True)
            d.keys("Escape", "Escape")
            continue
        d.shot(shot)
        d.keys("Escape")
        d.gone(title)


def more_windows(d: Driver) -> None:
    """The windows off the main path, opened from their menus by their Alt keys (--more)."""
    d.wait_for("proapp –")
    for shot, title, menu, entry, close in (
            ("export", T.title("ExportDialog", "Export"), "&File", "&Export…", "Escape"),
            ("import", T.title("ImportDialog", "Import"), "&File", "&Import…", "Escape"),
            ("analysis", T.title("AnalysisWindow", "Cohort analysis – {name} – {database}",
                                 name="proapp"), "&View", "Cohort &analysis…", "ctrl+w"),
            ("double_entry", T.title("DoubleEntryWindow", "Double entry"), "&Patient",
             "&Double entry…", "Escape"),
            ("change_log", T.title("ChangeLogDialog", "Change log (database)"),
             "&Account ({username})", "Change lo&g…", "Escape"),
            ("about", T.title("AboutDialog", "About {name}", name="proapp"), "&Help",
             "&About proapp", "Escape")):
        d.keys(f"alt+{T.key('Menu', menu)}", T.key("Action", entry), pause=0.8)
        try:
            d.wait_for(title, timeout=15)
        except SystemExit as exc:
            print(f"skipped {shot}: {exc}", flush=True)
            d.keys("Escape", "Escape")
            continue
        time.sleep(0.5)
        d.shot(shot)
        d.keys(close)
        d.gone(title)


def lock_with_a_visit_open(d: Driver) -> None:
    """The idle lock (1 minute in this database) while a visit is being entered: after the
    password, the visit entry is in front again, not hidden behind the main window."""
    visit_entry = T.title("VisitWizard", "Visit entry — {code} {family}, {given}")
    locked = T.title("IdleLock", "{name} (locked)", name="proapp")
    d.wait_for("proapp –")
    d.keys("ctrl+f")
    d.keys("Return", "Return")
    time.sleep(1.0)
    d.keys("ctrl+shift+v")
    d.wait_for(visit_entry)
    d.keys("Return")
    d.type("3")
    d.wait_for(locked, timeout=120)
    # the covered windows take the title first; then the lock dialog, the smallest, is the
    # one to type the password into
    time.sleep(1.0)
    d.wait_for(locked, timeout=10, smallest=True)
    d.shot("locked")
    d.type(PASSWORD)
    d.keys("Return", pause=0.5)
    d.gone(locked, timeout=30)  # the password is checked (Argon2: slow on a loaded machine)
    end = time.monotonic() + 10
    while time.monotonic() < end and not d.xdo("getactivewindow", "getwindowname",
                                                check=False).startswith(visit_entry):
        time.sleep(0.2)
    d.shot("unlocked")
    active = d.shots[-1]["active"]
    d.expectations.append(("the visit entry is in front after unlocking",
                           isinstance(active, str) and active.startswith(visit_entry)))
    d.keys("ctrl+w")


FLOWS: list[Callable[[Driver], None]] = [main_flows, lock_with_a_visit_open]


def run(out: Path, scale: float, patients: int, screen: tuple[int, int] = SCREEN,
        language: str = "en", more: bool = False) -> int:
    global SCREEN, T
    SCREEN = screen  # Display and Frame.fits read it
    T = Catalogue(language)
    out.mkdir(parents=True, exist_ok=True)
    suffix = report_suffix(scale, screen, language)
    with tempfile.TemporaryDirectory(prefix="proapp-drive-") as tmp:
        folder = Path(tmp)
        db = prepare(folder / "data", folder / "config", patients)
        display = Display(folder)
        env = {**display.env, "PROAPP_DATA_DIR": str(folder / "data"),
               "XDG_CONFIG_HOME": str(folder / "config")}
        if scale != 1:
            env["QT_SCALE_FACTOR"] = f"{scale:g}"
        env["PROAPP_LANGUAGE"] = language  # the system's language, as IT would set it
        with (folder / "stderr.txt").open("w") as err_file:
            app = subprocess.Popen([sys.executable, "-m", "proapp", "--db", str(db)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=err_file)
        driver = Driver(display, app, out, suffix)
        try:
            sign_in(driver, "boss")
            for flow in [*FLOWS[:1], *([more_windows] if more else []), *FLOWS[1:]]:
                flow(driver)
        finally:
            report = {"screen": SCREEN, "scale": scale, "language": language,
                      "shots": driver.shots,
                      "expectations": driver.expectations}
            (out / f"report{suffix}.json").write_text(json.dumps(report, indent=1))
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
            display.close()
            err = (folder / "stderr.txt").read_text()
            if err.strip():
                print("proapp stderr:\n" + err[-3000:], flush=True)
    bad = [(s["name"], w) for s in driver.shots for w in s["windows"]
           if not w["fits"]]
    for name, w in bad:
        print(f"does not fit the {SCREEN[0]}x{SCREEN[1]} screen: {name}: {w}")
    failed = [what for what, ok in driver.expectations if not ok]
    for what in failed:
        print(f"not as expected: {what}")
    return 1 if bad or failed else 0


def report_suffix(scale: float, screen: tuple[int, int], language: str = "en") -> str:
    """``@1.5x`` for a scale, ``-2560x1600`` for a screen other than 1280x800, ``-it`` for
    a language other than English."""
    size = "" if screen == (1280, 800) else f"-{screen[0]}x{screen[1]}"
    return (("" if scale == 1 else f"@{scale:g}x") + size
            + ("" if language == "en" else f"-{language}"))


def _screen(text: str) -> tuple[int, int]:
    w, _, h = text.partition("x")
    return int(w), int(h)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "out" / "drive")
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--patients", type=int, default=286)
    p.add_argument("--screen", type=_screen, default=SCREEN, metavar="WxH",
                   help="the virtual screen's size in pixels (default 1280x800)")
    p.add_argument("--lang", choices=("en", "it"), default="en",
                   help="the screens' language (titles and keys from its translations)")
    p.add_argument("--more", action="store_true",
                   help="also open export, import, analysis, double entry, change log, About")
    args = p.parse_args()
    if missing_tools():
        print(f"missing: {', '.join(missing_tools())}; run scripts/install-system-deps.sh")
        return 2
    return run(args.out, args.scale, args.patients, args.screen, args.lang, args.more)


if __name__ == "__main__":
    raise SystemExit(main())
