"""Add or edit a patient and the PTA procedures, with the domain's rules checked as you type.

Every rule comes from :func:`proapp.domain.patient.validate_patient` /
:func:`validate_procedure` plus the unique-code check; the dialog only puts each message
beside its field and keeps Save disabled while a hard error stands. The services check again
when saving, in one transaction each, and write the change log.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.answers import ParseError
from proapp.domain.answers import parse_date as parse_typed_date
from proapp.domain.i18n import localize, msg
from proapp.domain.language import DEFAULT_LANGUAGE, LANGUAGES, Language
from proapp.domain.patient import (
    MsSubtype,
    PatientFacts,
    ProcedureFacts,
    PtaSide,
    Sex,
    validate_patient,
    validate_procedure,
)
from proapp.domain.validation import Issue, ValidationError, error
from proapp.gui.common import language
from proapp.gui.common.errors import plain_error, show_error
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.services import clock, patients
from proapp.services.patients.listing import code_owner

SEX_CHOICES = ((Sex.FEMALE, QT_TRANSLATE_NOOP("PatientDialog", "F – female")),
               (Sex.MALE, QT_TRANSLATE_NOOP("PatientDialog", "M – male")),
               (Sex.OTHER, QT_TRANSLATE_NOOP("PatientDialog", "X – other / not stated")))


def parse_date(text: str) -> date | None:
    """A typed date in the screens' short format (``01/02/2013`` in Italian) or ISO
    (``2013-02-01``, always). Raises :class:`ParseError` (a ValueError) otherwise."""
    return parse_typed_date(text, language.screen_format())


def date_text(day: date | None) -> str:
    return language.screen_format().format_date(day)


def _with_message(widget: QWidget, note: FieldMessage) -> QWidget:
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(2)
    v.addWidget(widget)
    v.addWidget(note)
    return box


@dataclass
class ProcedureRow:
    procedure_id: int | None
    original: ProcedureFacts | None
    date_edit: QLineEdit
    side: QComboBox
    notes: QLineEdit
    message: FieldMessage


class PatientDialog(QDialog):
    patientSaved = Signal(int)

    def __init__(self, database: Database, actor: Actor, patient_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("patientDialog")
        # Deleted by Qt after closing (a shown dialog must not be deleted by Python's GC).
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.database = database
        self.actor = actor
        self.patient_id = patient_id
        self.record = patients.get_patient(database, patient_id) if patient_id else None
        self.saved_id: int | None = None
        self.issues: list[Issue] = []
        self._dirty = False
        # Fields the nurse has typed in or left: only their messages show, so an empty form
        # does not open in red. A save attempt shows every message.
        self._touched: set[str] = set()
        self._show_all = patient_id is not None
        self.setWindowTitle(self.tr("New patient") if self.record is None
                            else self.tr("Edit patient {code}").format(
                                code=self.record.facts.code))
        self.setMinimumWidth(640)
        self._build()
        if self.record is not None:
            self._fill(self.record)
        elif not self.proc_rows:
            self.add_procedure_row()
        self._dirty = False
        self.revalidate()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.setSpacing(10)
        body = QWidget()
        root = QVBoxLayout(body)
        root.setContentsMargins(0, 0, 6, 0)
        root.setSpacing(12)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(body)
        outer.addWidget(area, 1)
        self.scroll_area = area
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        self.messages: dict[str, FieldMessage] = {}

        def line(name: str, placeholder: str = "") -> QLineEdit:
            w = QLineEdit()
            w.setObjectName(name)
            w.setPlaceholderText(placeholder)
            w.textChanged.connect(self._changed)
            return w

        date_hint = language.screen_format().date_pattern
        self.code = line("code", self.tr("e.g. P0123"))
        self.code.setMaxLength(32)
        self.family = line("family_name")
        self.given = line("given_name")
        self.birth = line("birth_date", date_hint)
        self.birth.setMaxLength(10)
        # No answer is chosen for the nurse: sex and subtype start empty and must be picked.
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        for value, text in SEX_CHOICES:
            self.sex.addItem(QCoreApplication.translate("PatientDialog", text), value.value)
        self.sex.setPlaceholderText(self.tr("choose…"))
        self.sex.setCurrentIndex(-1)
        self.sex.currentIndexChanged.connect(self._changed)
        self.subtype = QComboBox()
        self.subtype.setObjectName("ms_subtype")
        for s in MsSubtype:
            self.subtype.addItem(f"{s.value} – {localize(s.title, language.screen_format())}",
                                 s.value)
        self.subtype.setPlaceholderText(self.tr("choose…"))
        self.subtype.setCurrentIndex(-1)
        self.subtype.currentIndexChanged.connect(self._changed)
        self.dx_year = line("diagnosis_year", self.tr("optional, e.g. 2004"))
        self.dx_year.setMaxLength(4)
        # The language of the patient's reports and questionnaires (not of these screens).
        self.language = QComboBox()
        self.language.setObjectName("language")
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.value)
        self.language.setCurrentIndex(self.language.findData(DEFAULT_LANGUAGE.value))
        self.language.currentIndexChanged.connect(self._changed)
        self.headache = QCheckBox(self.tr("Headache-positive"))
        self.headache.setObjectName("headache_positive")
        self.headache.toggled.connect(self._changed)
        self.fatigue = QCheckBox(self.tr("Fatigue-positive"))
        self.fatigue.setObjectName("fatigue_positive")
        self.fatigue.toggled.connect(self._changed)
        flags = QWidget()
        fl = QHBoxLayout(flags)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.headache)
        fl.addWidget(self.fatigue)
        fl.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        lines = self.notes.fontMetrics().lineSpacing()
        self.notes.setFixedHeight(lines * 3 + 22)  # three whole lines and the frame
        self.notes.textChanged.connect(self._changed)

        for label, name, widget in (
                (self.tr("Patient &code"), "code", self.code),
                (self.tr("&Family name"), "family_name", self.family),
                (self.tr("&Given name"), "given_name", self.given),
                (self.tr("&Birth date"), "birth_date", self.birth),
                (self.tr("&Sex"), "sex", self.sex),
                (self.tr("&MS subtype"), "ms_subtype", self.subtype),
                (self.tr("&Diagnosis year"), "diagnosis_year", self.dx_year),
                (self.tr("Report &language"), "language", self.language),
                (self.tr("Classification"), "flags", flags), (self.tr("&Notes"), "notes",
                                                              self.notes)):
            note = FieldMessage(name)
            self.messages[f"patient.{name}"] = note
            widget.installEventFilter(self)  # leaving a field shows its messages
            caption = QLabel(label)
            caption.setBuddy(self.headache if widget is flags else widget)
            caption.setFixedHeight(self.code.sizeHint().height())
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(caption, _with_message(widget, note))
        root.addLayout(form)

        group = QGroupBox(self.tr("PTA procedures"))
        group.setObjectName("procedures")
        gl = QVBoxLayout(group)
        self.proc_grid = QGridLayout()
        self.proc_grid.setHorizontalSpacing(10)
        for col, text in enumerate((self.tr("PTA date"), self.tr("Side"), self.tr("Notes"))):
            h = QLabel(text)
            h.setObjectName("columnCaption")
            self.proc_grid.addWidget(h, 0, col)
        self.proc_grid.setColumnStretch(2, 1)
        gl.addLayout(self.proc_grid)
        self.proc_rows: list[ProcedureRow] = []
        add = QPushButton(self.tr("&Add PTA date"))
        add.setObjectName("addProcedure")
        add.clicked.connect(lambda: self.add_procedure_row(focus=True))
        ar = QHBoxLayout()
        ar.addWidget(add)
        ar.addStretch(1)
        hint = QLabel(self.tr("Leave the date empty if the PTA has not been done yet."))
        hint.setObjectName("hint")
        ar.addWidget(hint)
        gl.addLayout(ar)
        root.addWidget(group)
        root.addStretch(1)
        self.add_button = add

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

    def add_procedure_row(self, facts: ProcedureFacts | None = None,
                          procedure_id: int | None = None, focus: bool = False) -> ProcedureRow:
        r = len(self.proc_rows) * 2 + 1
        d = QLineEdit(date_text(facts.pta_date) if facts else "")
        d.setObjectName(f"pta_date_{len(self.proc_rows)}")
        d.setPlaceholderText(language.screen_format().date_pattern)
        d.setMaxLength(10)
        d.setMaximumWidth(130)
        side = QComboBox()
        side.setObjectName(f"pta_side_{len(self.proc_rows)}")
        for s in PtaSide:
            side.addItem(QCoreApplication.translate("PtaSide", s.value), s.value)
        if facts:
            side.setCurrentIndex(list(PtaSide).index(facts.side))
        notes = QLineEdit(facts.notes if facts else "")
        notes.setObjectName(f"pta_notes_{len(self.proc_rows)}")
        note = FieldMessage(f"pta_{len(self.proc_rows)}")
        for w in (d, notes):
            w.textChanged.connect(self._changed)
        side.currentIndexChanged.connect(self._changed)
        self.proc_grid.addWidget(d, r, 0)
        self.proc_grid.addWidget(side, r, 1)
        self.proc_grid.addWidget(notes, r, 2)
        self.proc_grid.addWidget(note, r + 1, 0, 1, 3)
        row = ProcedureRow(procedure_id, facts, d, side, notes, note)
        self.proc_rows.append(row)
        for widget in (d, side, notes):
            widget.installEventFilter(self)
        self._tab_order()
        if focus:
            d.setFocus()
        self._changed()
        return row

    def _tab_order(self) -> None:
        """Top to bottom as the form reads: the fields, each PTA row, Add PTA date, Save,
        Cancel (rows added later would otherwise come after the buttons)."""
        chain: list[QWidget] = [self.notes]
        for r in self.proc_rows:
            chain += [r.date_edit, r.side, r.notes]
        chain += [self.add_button, self.save_button,
                  self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            name = watched.objectName()
            if name and name not in self._touched:
                self._touched.add(name)
                self._show_issues(self.issues)
        return super().eventFilter(watched, event)

    def _fill(self, rec: patients.PatientRecord) -> None:
        f = rec.facts
        self.code.setText(f.code)
        self.family.setText(f.family_name)
        self.given.setText(f.given_name)
        self.birth.setText(date_text(f.birth_date))
        self.sex.setCurrentIndex(self.sex.findData(f.sex.value))
        self.subtype.setCurrentIndex(self.subtype.findData(f.ms_subtype.value))
        self.dx_year.setText(str(f.diagnosis_year) if f.diagnosis_year else "")
        self.language.setCurrentIndex(self.language.findData(f.language.value))
        self.headache.setChecked(f.headache_positive)
        self.fatigue.setChecked(f.fatigue_positive)
        self.notes.setPlainText(f.notes)
        for pid, proc in rec.procedures:
            self.add_procedure_row(proc, pid)

    # -- validation ----------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        self._dirty = True
        sender = self.sender()
        if isinstance(sender, QWidget) and sender.objectName():
            self._touched.add(sender.objectName())  # typed in or chosen: its messages show
        if hasattr(self, "save_button"):
            self.revalidate()

    def collect(self) -> tuple[PatientFacts | None, list[tuple[ProcedureRow, ProcedureFacts]],
                               list[Issue]]:
        """The facts as typed, and an issue for every text that is not a value."""
        issues: list[Issue] = []
        birth = None
        pattern = language.screen_format().date_pattern
        try:
            birth = parse_date(self.birth.text())
        except ParseError:
            issues.append(error("patient.birth_date", "date.format",
                                msg("Birth date {text} is not a date: enter it as {pattern}",
                                    text=self.birth.text().strip(), pattern=pattern),
                                self.birth.text()))
        dx: int | None = None
        text = self.dx_year.text().strip()
        if text:
            if text.isdigit():
                dx = int(text)
            else:
                issues.append(error("patient.diagnosis_year", "integer",
                                    msg("Diagnosis year must be a year such as 2004"), text))
        sex = Sex(self.sex.currentData()) if self.sex.currentIndex() >= 0 else None
        if sex is None:
            issues.append(error("patient.sex", "required", msg("Choose the sex (F, M or X)")))
        subtype = (MsSubtype(self.subtype.currentData()) if self.subtype.currentIndex() >= 0
                   else None)
        if subtype is None:
            issues.append(error("patient.ms_subtype", "required",
                                msg("Choose the MS subtype (RR, SP or PP)")))
        # The domain rules run on the rest; an unchosen code is reported above, once.
        facts = PatientFacts(self.code.text().strip(), self.family.text().strip(),
                             self.given.text().strip(), birth,
                             cast(Sex, sex), cast(MsSubtype, subtype), dx,
                             self.headache.isChecked(), self.fatigue.isChecked(),
                             self.notes.toPlainText(),
                             Language(self.language.currentData()))
        procs: list[tuple[ProcedureRow, ProcedureFacts]] = []
        for i, row in enumerate(self.proc_rows):
            try:
                day = parse_date(row.date_edit.text())
            except ParseError:
                issues.append(error(f"procedure.{i}.pta_date", "date.format",
                                    msg("PTA date {text} is not a date: enter it as {pattern}",
                                        text=row.date_edit.text().strip(), pattern=pattern),
                                    row.date_edit.text()))
                continue
            if day is None:
                if row.procedure_id is not None:
                    issues.append(error(f"procedure.{i}.pta_date", "required",
                                        msg("A recorded PTA date cannot be emptied here")))
                continue
            procs.append((row, ProcedureFacts(day, PtaSide(row.side.currentData()),
                                              row.notes.text().strip())))
        return facts, procs, issues

    def revalidate(self) -> list[Issue]:
        today = clock.today()
        facts, procs, issues = self.collect()
        if facts is not None:
            found = validate_patient(facts, today)
            parsed = {i.field for i in issues}
            issues += [i for i in found if i.field not in parsed]
            if facts.code and not any(i.field == "patient.code" for i in issues):
                owner = code_owner(self.database, facts.code)
                if owner is not None and owner != self.patient_id:
                    issues.append(error("patient.code", "code.unique",
                                        msg("Patient code {code} is already used by "
                                            "another patient", code=facts.code), facts.code))
            seen: set[date] = set()
            for row, proc in procs:
                i = self.proc_rows.index(row)
                for x in validate_procedure(proc, facts.birth_date, today):
                    issues.append(Issue(x.severity, x.field.replace(
                        "procedure.", f"procedure.{i}."), x.rule, x.message, x.value))
                if proc.pta_date in seen:
                    issues.append(error(f"procedure.{i}.pta_date", "procedure.duplicate",
                                        msg("PTA date {date} is listed twice",
                                            date=proc.pta_date)))
                seen.add(proc.pta_date)
        self.issues = issues
        self._show_issues(issues)
        return issues

    def _shown(self, key: str) -> bool:
        """Whether the messages of a field are shown yet (typed in, left, or saving)."""
        if self._show_all:
            return True
        name = key.removeprefix("patient.")
        if name == "flags":
            return True
        if key.startswith("procedure."):
            n = key.split(".")[1]
            return any(w in self._touched for w in (f"pta_date_{n}", f"pta_notes_{n}"))
        return name in self._touched

    def _show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for i in issues:
            key = i.field
            if key in ("patient.headache_positive", "patient.fatigue_positive"):
                key = "patient.flags"
            by_field.setdefault(key, []).append(i)
        for name, note in self.messages.items():
            found = by_field.pop(name, [])
            note.show_issues(found if self._shown(name) else [])
        for n, row in enumerate(self.proc_rows):
            row_issues = [x for k in list(by_field) if k.startswith(f"procedure.{n}.")
                          for x in by_field.pop(k)]
            row.message.show_issues(row_issues if self._shown(f"procedure.{n}.") else [])
        rest = [x for v in by_field.values() for x in v]
        errors = [x for x in issues if x.is_error]
        self.save_button.setEnabled(not errors)
        hidden = [x for x in errors if not self._shown(x.field)]
        if rest:
            fmt = language.screen_format()
            self.summary.setText("\n".join(localize(x.message, fmt) for x in rest))
            self.summary.setStyleSheet(ERROR_STYLE)
        elif errors and len(hidden) == len(errors) and not self._dirty:
            self.summary.setText(self.tr("Fill in the patient code, names, birth date, sex "
                                         "and MS subtype; Save is possible once nothing is "
                                         "missing."))
            self.summary.setStyleSheet(HINT_STYLE)
        elif errors:
            n = len(errors)
            self.summary.setText(self.tr("%n entries need completing or correcting before "
                                         "the patient can be saved.", "", n))
            self.summary.setStyleSheet(HINT_STYLE)
        else:
            self.summary.setText("")

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        self._show_all = True
        issues = self.revalidate()
        if any(i.is_error for i in issues):
            self._focus_first_error()
            return
        facts, procs, _ = self.collect()
        assert facts is not None
        try:
            if self.record is None:
                self.saved_id = patients.create_patient(self.database, self.actor, facts,
                                                        [p for _r, p in procs])
            else:
                pid = self.record.id
                # Details and PTA dates in one transaction: all saved, or nothing.
                patients.save_patient_record(
                    self.database, self.actor, pid, facts,
                    [(row.procedure_id, proc) for row, proc in procs],
                    expected_version=self.record.version)
                self.saved_id = pid
        except ValidationError as exc:
            self._show_issues(list(exc.issues))
            self._focus_first_error()
            return
        except Exception as exc:
            if plain_error(exc) is None:
                raise
            show_error(self, exc, self.tr("save the patient"))
            return
        self._dirty = False
        self.patientSaved.emit(self.saved_id)
        self.accept()

    def _focus_first_error(self) -> None:
        fields = {"patient.code": self.code, "patient.family_name": self.family,
                  "patient.given_name": self.given, "patient.birth_date": self.birth,
                  "patient.diagnosis_year": self.dx_year, "patient.notes": self.notes}
        for i in self.issues:
            if not i.is_error:
                continue
            if i.field in fields:
                fields[i.field].setFocus()
                return
            if i.field.startswith("procedure."):
                n = i.field.split(".")[1]
                if n.isdigit() and int(n) < len(self.proc_rows):
                    self.proc_rows[int(n)].date_edit.setFocus()
                    return

    # -- closing without saving asks -------------------------------------------------------------
    def reject(self) -> None:
        if self._dirty and self.saved_id is None:
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"), self.tr("The patient has not been saved. "
                                                           "Discard what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()
