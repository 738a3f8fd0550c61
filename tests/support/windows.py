"""Every window of proapp beyond first run, patients and the report, made from a small real
database, for the language tests: the review page of visit entry, settings, users and their
dialogs, signing, the access and change logs, About, export and import, the cohort analysis,
the server connection, the crash dialog, double entry (queue, second entry, differences,
agreement) and the patient's self-report screen.

:func:`windows` returns, for each, a name, a function that makes it (in the language the
screens are in when it is called) and texts the Italian window must show (an exact widget
text, a window title, a column header or a part of a longer text). The database is prepared
once by :func:`prepare`: a completed visit keyed twice with three differences, a signed
visit, accounts and their sign-ins."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTextBrowser,
    QWidget,
)
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitContent
from proapp.services import accounts, instruments, settings, visits
from proapp.services.errors import UserError
from proapp.services.visits import VisitDraft, double_entry, signing

MIDAS = {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6}
FSS = {str(n): 4 for n in range(1, 10)}


@dataclass(frozen=True)
class Prepared:
    db: Database
    staff: Staff
    patient_id: int
    keyed_twice: int  # a visit with three differences to resolve
    signed: int  # a signed visit


@dataclass(frozen=True)
class Window:
    name: str
    make: Callable[[], QWidget]
    italian: tuple[str, ...]  # texts the Italian window shows


def prepare(db: Database, staff: Staff, patient_id: int) -> Prepared:
    settings.set_value(db, staff.admin, "double_entry", "on")
    keyed = double_entry.complete_with_second_entry(
        db, staff.nurse, VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                    VisitContent({"midas": MIDAS, "fss": FSS})),
        confirm_warnings=True)
    second = {**MIDAS, "q1": 3, "a": 11}
    double_entry.submit_second_entry(db, staff.clinician, keyed.id, VisitContent(
        {"midas": second, "fss": {**FSS, "9": 5}}))
    done = visits.save_visit(db, staff.nurse, VisitDraft(
        patient_id, "unscheduled", date(2014, 9, 10), VisitContent({"fss": FSS})), complete=True,
        confirm_warnings=True)
    signing.sign_visit(db, staff.clinician, done.id, PASSWORD, expected_version=done.version)
    with contextlib.suppress(UserError):  # a failed attempt in the access log
        accounts.authenticate(db, "nina", "a wrong password")
    return Prepared(db, staff, patient_id, keyed.id, done.id)


def windows(p: Prepared) -> list[Window]:
    """The windows, made lazily (each import and construction happens in ``make``)."""
    db, staff = p.db, p.staff

    def review() -> QWidget:
        from proapp.gui.visits.entry import open_visit_entry
        from proapp.gui.visits.wizard import VisitWizard

        wizard = open_visit_entry(None, db, staff.nurse, p.patient_id, label="unscheduled")
        assert isinstance(wizard, VisitWizard)
        wizard.goto(len(wizard.pages) - 1)
        wizard._finished = True  # closed by the test without asking about the draft
        return wizard

    def settings_dialog() -> QWidget:
        from proapp.gui.shell.settings_dialog import SettingsDialog

        return SettingsDialog(db, staff.admin)

    def users() -> QWidget:
        from proapp.gui.accounts.users import UserManagementDialog

        return UserManagementDialog(db, staff.admin)

    def add_user() -> QWidget:
        from proapp.gui.accounts.users import AddUserDialog

        return AddUserDialog(db, staff.admin)

    def reset_password() -> QWidget:
        from proapp.gui.accounts.users import ResetPasswordDialog

        nina = next(u for u in accounts.list_users(db) if u.username == "nina")
        return ResetPasswordDialog(db, staff.admin, nina)

    def sign() -> QWidget:
        from proapp.gui.accounts.signing import SignVisitDialog

        return SignVisitDialog(db, staff.clinician, p.keyed_twice)

    def unlock() -> QWidget:
        from proapp.gui.accounts.signing import UnlockVisitDialog

        return UnlockVisitDialog(db, staff.clinician, p.signed)

    def access_log() -> QWidget:
        from proapp.gui.accounts.access_log import AccessLogDialog

        return AccessLogDialog(db, staff.admin)

    def change_log() -> QWidget:
        from proapp.gui.accounts.changelog_view import ChangeLogDialog

        return ChangeLogDialog(db, staff.nurse, patient_id=p.patient_id)

    def about() -> QWidget:
        from proapp.gui.shell.about import AboutDialog

        return AboutDialog(db)

    def export() -> QWidget:
        from proapp.gui.exchange.export_dialog import ExportDialog

        return ExportDialog(None, db, staff.nurse)

    def import_() -> QWidget:
        from proapp.gui.exchange.import_dialog import ImportDialog

        return ImportDialog(None, db, staff.nurse)

    def analysis() -> QWidget:
        from proapp.gui.analysis.window import AnalysisWindow

        window = AnalysisWindow(db, staff.nurse)
        window.resize(1280, 760)
        return window

    def server() -> QWidget:
        from proapp.gui.shell.server_dialog import ServerDialog

        return ServerDialog()

    def crash() -> QWidget:
        from proapp.gui.shell.crash import CrashDialog

        return CrashDialog("ValueError: a bug", "Traceback (most recent call last): …",
                           Path("proapp.log"))

    def queue() -> QWidget:
        from proapp.gui.visits.double_entry.window import DoubleEntryWindow

        return DoubleEntryWindow(db, staff.admin)

    def second_entry() -> QWidget:
        from proapp.gui.visits.double_entry.second_entry import SecondEntryDialog

        record = double_entry.complete_with_second_entry(
            db, staff.nurse, VisitDraft(p.patient_id, "unscheduled", date(2015, 3, 10),
                                        VisitContent({"midas": MIDAS, "fss": FSS})),
            confirm_warnings=True)
        form = double_entry.second_entry_form(db, staff.admin, record.id)
        return SecondEntryDialog(db, staff.admin, form)

    def resolve() -> QWidget:
        from proapp.gui.visits.double_entry.resolve import ResolveDialog

        return ResolveDialog(db, staff.admin, p.keyed_twice)

    def agreement() -> QWidget:
        from proapp.gui.visits.double_entry.agreement import AgreementDialog

        return AgreementDialog(db, staff.admin)

    def self_report() -> QWidget:
        from proapp.gui.common.language import Words, current_language
        from proapp.gui.visits.self_report.screen import CONTEXT, SelfReportScreen

        # the patient reads the screens' language here (the patient's own is tested with
        # the self-report)
        language = current_language()
        screen = SelfReportScreen([QUESTIONNAIRES["midas"]], {}, lambda *_a: None,
                                  instruments.all_texts(db, language), Words(language, CONTEXT))
        screen.resize(1280, 800)
        screen.show_screen(1)  # the first question
        return screen

    return [
        Window("review page", review, ("Riepilogo e salvataggio",
                                       "Ctrl+S salva e completa la visita.", "Non inserito.")),
        Window("settings", settings_dialog, ("Impostazioni", "Nome della clinica",
                                             "Giorni di ambulatorio", "Lun", "Scegli…")),
        Window("users", users, ("Utenti", "&Aggiungi utente…", "Nome utente", "Amministratore",
                                "Infermiere", "Registro degli a&ccessi…")),
        Window("add user", add_user, ("Aggiungi un utente", "R&uolo:", "Aggiungi")),
        Window("reset password", reset_password, ("Reimposta la password di nina",
                                                  "&Nuova password:")),
        Window("sign visit", sign, ("Firma la visita", "Password di doc:", "Firma")),
        Window("unlock visit", unlock, ("Sblocca la visita firmata", "Firmata da doc",
                                        "&Motivo:")),
        Window("access log", access_log, ("Registro degli accessi", "Evento",
                                          "tentativo fallito")),
        Window("change log", change_log, ("Registro modifiche (paziente)", "&Filtro:",
                                          "Valore precedente", "creato")),
        Window("about", about, ("Informazioni su proapp", "Software incluso e licenze",
                                "Componente", "Cartella dei dati")),
        Window("export", export, ("Esporta", "&Formato:", "CSV di interscambio",
                                  "S&olo le visite dal")),
        Window("import", import_, ("Importa", "C&ontrolla", "&Cartella:", "Gravità")),
        Window("cohort analysis", analysis, ("Analisi della coorte", "&Calcola", "Descrittive",
                                             "Data &limite:", "Totale MIDAS (giorni)")),
        Window("server connection", server, ("Connessione al database",
                                              "Prova la co&nnessione", "P&orta:")),
        Window("crash", crash, ("proapp: errore imprevisto", "Copia i dettagli",
                                "È un errore del programma")),
        Window("double entry", queue, ("Doppio inserimento", "&Secondo inserimento…",
                                       "3 di 3 differenze da risolvere")),
        Window("second entry", second_entry, ("Confronta e salva (Ctrl+S)",
                                              "Secondo inserimento di P001")),
        Window("differences", resolve, ("Valore vero:", "&Risolvi", "Primo inserimento",
                                        "3 differenze, 3 da risolvere")),
        Window("agreement", agreement, ("Concordanza degli inserimenti", "Campi inseriti",
                                        "Salva come &CSV…")),
        Window("self-report", self_report, ("Preferisco non rispondere", "Personale",
                                            "Domanda 1 di 7", "MIDAS, domanda 1")),
    ]


def texts(window: QWidget) -> list[str]:
    """Every text ``window`` shows: titles, labels, buttons, group titles, tabs, placeholders,
    list and combo entries, column headers, the cells of the tables' first rows, and the text
    of read-only text views."""
    out = [window.windowTitle()]
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisibleTo(window) and w is not window:
            continue
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QProgressBar):
            out.append(w.text())
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTextBrowser | QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list's model (one column, its count not public)
                columns = 1
            out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                    for c in range(columns)]
            for r in range(min(model.rowCount(QModelIndex()), 5)):
                out += [str(model.index(r, c).data() or "") for c in range(columns)]
    return out


def access_key(text: str) -> str | None:
    """The Alt key a text gives its widget (the letter after a single ``&``), lower case."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def clashing_keys(window: QWidget) -> list[str]:
    """Alt keys given twice among the visible buttons, check boxes, group boxes and buddied
    labels of ``window`` (Qt then cycles between them instead of going to one)."""
    seen: dict[str, str] = {}
    clashes = []
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            text = w.text()
        elif isinstance(w, QGroupBox) and w.isCheckable():
            text = w.title()
        else:
            continue
        key = access_key(text)
        if key is None:
            continue
        if key in seen:
            clashes.append(f"Alt+{key.upper()}: {seen[key]!r} and {text!r}")
        else:
            seen[key] = text
    return clashes
