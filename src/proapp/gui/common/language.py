"""The language the screens speak: the user's preference, Qt's translators, the GUI's formats.

The preference is the workstation user's (QSettings ``language``), chosen on the first start
and in File → Language; until someone chooses, it is the system's language
(``$PROAPP_LANGUAGE`` stands for the system's where IT deploys one language, and in the
tests). Screens are translated by Qt: every text goes through ``tr()`` /
``QCoreApplication.translate``, ``resources/translations/proapp_<lang>.ts`` holds the
translations (``scripts/translations.py update`` runs ``pyside6-lupdate`` over ``src/``), and
the build compiles them to ``.qm`` with ``pyside6-lrelease``. Qt's own dialogs (colour and
file pickers, the standard buttons) use the ``qtbase_<lang>.qm`` shipped with PySide6.

A source checkout or wheel that was never built still speaks Italian: a missing ``.qm`` is
compiled from its ``.ts`` into the user's cache folder on first use.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from proapp import paths
from proapp.domain.i18n import localize
from proapp.domain.language import (
    DEFAULT_LANGUAGE,
    DateOrder,
    Language,
    LocaleFormat,
    from_tag,
    locale_format,
)

log = logging.getLogger(__name__)

def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for ``pyside6-lupdate`` (context ``context``) and returns it unchanged,
    for texts made before a translator is installed (menus, column headers); they are
    translated where they are shown. Qt's own marker is typed ``object`` in PySide6."""
    return text


def in_context(context: str) -> Callable[[str], str]:
    """The translator of one context's texts marked with :func:`QT_TRANSLATE_NOOP` (column
    headers, coded words): ``_t = in_context("Flow")`` then ``_t(TITLES["left"])``."""
    return lambda text: QCoreApplication.translate(context, text)


ENV_LANGUAGE = "PROAPP_LANGUAGE"
SETTING = "language"
TRANSLATIONS = "translations"

# The Qt locale of a language the system does not speak (day-first English).
_QT_LOCALE = {Language.ENGLISH: "en_GB", Language.ITALIAN: "it_IT"}

_current: Language = DEFAULT_LANGUAGE
_format: LocaleFormat = locale_format(DEFAULT_LANGUAGE)
_translators: list[QTranslator] = []


def _system_tag() -> str:
    return os.environ.get(ENV_LANGUAGE) or QLocale.system().name()


def system_language() -> Language:
    """The system's language when proapp speaks it, English otherwise."""
    return from_tag(_system_tag()) or DEFAULT_LANGUAGE


def chosen_language() -> Language | None:
    """What this workstation user chose, None before anyone chose (or after a bad value)."""
    value = QSettings().value(SETTING)
    return from_tag(str(value)) if value else None


def preferred_language() -> Language:
    return chosen_language() or system_language()


def choose_language(language: Language) -> None:
    """Remember ``language`` for this workstation user (applied by :func:`install`)."""
    settings = QSettings()
    settings.setValue(SETTING, language.value)
    settings.sync()
    log.info("screen language set to %s", language.value)


def installed() -> bool:
    """Whether :func:`install` put translators in place (the compiled files were found)."""
    return bool(_translators)


def current_language() -> Language:
    """The language the screens were last set up in."""
    return _current


def screen_format() -> LocaleFormat:
    """How the screens write and read dates and decimals (set by :func:`install`): the
    screen language's short format, month first only for English on a US system."""
    return _format


def _format_for(language: Language) -> LocaleFormat:
    tag = _system_tag().replace("-", "_").split(".")[0]
    territory = tag.split("_")[1] if "_" in tag else None
    return locale_format(language, territory if from_tag(tag) is language else None)


def shown(text: object) -> str:
    """A domain sentence or name (a :class:`~proapp.domain.i18n.Msg`) in the screens'
    language and formats; any other text as it is."""
    return localize(text, _format)


def number_text(value: int | Decimal | float | None, places: int | None = None) -> str:
    """A number as the screens write it (``4,33`` in Italian)."""
    return _format.format_number(value, places)


def qt_date_format(fmt: LocaleFormat | None = None) -> str:
    """The display format of a ``QDateEdit`` for ``fmt`` (the screens' by default)."""
    order = (fmt or screen_format()).date_order
    if order is DateOrder.ISO:
        return "yyyy-MM-dd"
    if order is DateOrder.MONTH_DAY_YEAR:
        return "MM/dd/yyyy"
    return "dd/MM/yyyy"


def translations_dir() -> Path:
    return paths.resource(TRANSLATIONS)


def source_file(language: Language) -> Path:
    return translations_dir() / f"proapp_{language.value}.ts"


def compiled_file(language: Language) -> Path | None:
    """``proapp_<lang>.qm``: the built one, else one compiled now from the ``.ts`` into the
    cache folder (kept until the ``.ts`` changes). English has one too: its plural forms
    ("1 patient", "2 patients"). None when neither is possible (logged: the screens then
    show the source texts)."""
    built = translations_dir() / f"proapp_{language.value}.qm"
    source = source_file(language)
    if built.exists() and (not source.exists()
                           or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        log.warning("no translation file for %s in %s", language.value, translations_dir())
        return None
    cache = Path(platformdirs.user_cache_dir("proapp", appauthor=False)) / TRANSLATIONS
    target = cache / built.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c",
                           "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
                           "-silent", "-removeidentical", str(source), "-qm", str(target)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not target.exists():
        log.warning("could not compile %s: %s", source.name, done.stderr.strip()[-500:])
        return None
    return target


class Words:
    """Texts for one reader whose language may differ from the screens' (the patient's own
    screen speaks the patient's language while the staff's screens speak theirs).

    Qt's installed translators are application-wide, so this one is kept to itself: a
    :class:`QTranslator` for ``language`` that only :meth:`tr` asks. Texts are marked for
    ``pyside6-lupdate`` with :func:`QT_TRANSLATE_NOOP` in ``context``; one the catalogue does
    not have is shown as written (English)."""

    def __init__(self, language: Language, context: str):
        self.language, self.context = language, context
        self.format = _format_for(language)
        self._translator = QTranslator()
        file = compiled_file(language)
        self._loaded = file is not None and self._translator.load(str(file))

    def tr(self, source: str) -> str:
        if self._loaded:
            found = self._translator.translate(self.context, source)
            if found:
                return found
        return source

    def shown(self, text: object) -> str:
        """A domain sentence (a rule's message) in this reader's language and formats."""
        return localize(text, self.format)


def install(language: Language | None = None) -> Language:
    """Put the screens into ``language`` (the preference by default): proapp's translator,
    Qt's own, and the default ``QLocale`` (Qt's date and number widgets). Windows made after
    this call speak it; returns the language."""
    global _current, _format
    language = language or preferred_language()
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    files: list[Path] = []
    own = compiled_file(language)
    if own is not None:
        files.append(own)
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qtbase = qt_dir / f"qtbase_{language.value}.qm"
    if language is not DEFAULT_LANGUAGE and qtbase.exists():
        files.append(qtbase)
    for file in files:
        translator = QTranslator(app)
        if translator.load(str(file)):
            if app is not None:
                app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.warning("could not load the translation %s", file)
    _current, _format = language, _format_for(language)
    tag = _system_tag().replace("-", "_").split(".")[0]
    QLocale.setDefault(QLocale(tag) if from_tag(tag) is language
                       else QLocale(_QT_LOCALE[language]))
    return language
