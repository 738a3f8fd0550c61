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

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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
from proapp.gui.common.errors import plain_error, show_error
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.services import clock, patients
from proapp.services.patients.listing import code_owner

DATE_HINT = "YYYY-MM-DD"
SEX_CHOICES = ((Sex.FEMALE, "F – female"), (Sex.MALE, "M – male"),
               (Sex.OTHER, "X – other / not stated"))


def parse_date(text: str) -> date | None:
    """ISO dates only (2014-03-10): the one unambiguous form. Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    return date.fromisoformat(text)


def _with_message(widget: QWidget, msg: FieldMessage) -> QWidget:
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(2)
    v.addWidget(widget)
    v.addWidget(msg)
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
        self.setWindowTitle("New patient" if self.record is None
                            else f"Edit patient {self.record.facts.code}")
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

        self.code = line("code", "e.g. P0123")
        self.code.setMaxLength(32)
        self.family = line("family_name")
        self.given = line("given_name")
        self.birth = line("birth_date", DATE_HINT)
        self.birth.setMaxLength(10)
        # No answer is chosen for the nurse: sex and subtype start empty and must be picked.
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        for value, text in SEX_CHOICES:
            self.sex.addItem(text, value.value)
        self.sex.setPlaceholderText("choose…")
        self.sex.setCurrentIndex(-1)
        self.sex.currentIndexChanged.connect(self._changed)
        self.subtype = QComboBox()
        self.subtype.setObjectName("ms_subtype")
        for s in MsSubtype:
            self.subtype.addItem(f"{s.value} – {s.title}", s.value)
        self.subtype.setPlaceholderText("choose…")
        self.subtype.setCurrentIndex(-1)
        self.subtype.currentIndexChanged.connect(self._changed)
        self.dx_year = line("diagnosis_year", "optional, e.g. 2004")
        self.dx_year.setMaxLength(4)
        self.headache = QCheckBox("Headache-positive")
        self.headache.setObjectName("headache_positive")
        self.headache.toggled.connect(self._changed)
        self.fatigue = QCheckBox("Fatigue-positive")
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
                ("Patient &code", "code", self.code), ("&Family name", "family_name", self.family),
                ("&Given name", "given_name", self.given),
                ("&Birth date", "birth_date", self.birth), ("&Sex", "sex", self.sex),
                ("&MS subtype", "ms_subtype", self.subtype),
                ("&Diagnosis year", "diagnosis_year", self.dx_year),
                ("Classification", "flags", flags), ("&Notes", "notes", self.notes)):
            msg = FieldMessage(name)
            self.messages[f"patient.{name}"] = msg
            widget.installEventFilter(self)  # leaving a field shows its messages
            caption = QLabel(label)
            caption.setBuddy(self.headache if widget is flags else widget)
            caption.setFixedHeight(self.code.sizeHint().height())
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(caption, _with_message(widget, msg))
        root.addLayout(form)

        group = QGroupBox("PTA procedures")
        group.setObjectName("procedures")
        gl = QVBoxLayout(group)
        self.proc_grid = QGridLayout()
        self.proc_grid.setHorizontalSpacing(10)
        for col, text in enumerate(("PTA date", "Side", "Notes")):
            h = QLabel(text)
            h.setObjectName("columnCaption")
            self.proc_grid.addWidget(h, 0, col)
        self.proc_grid.setColumnStretch(2, 1)
        gl.addLayout(self.proc_grid)
        self.proc_rows: list[ProcedureRow] = []
        add = QPushButton("&Add PTA date")
        add.setObjectName("addProcedure")
        add.clicked.connect(lambda: self.add_procedure_row(focus=True))
        ar = QHBoxLayout()
        ar.addWidget(add)
        ar.addStretch(1)
        hint = QLabel("Leave the date empty if the PTA has not been done yet.")
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
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

    def add_procedure_row(self, facts: ProcedureFacts | None = None,
                          procedure_id: int | None = None, focus: bool = False) -> ProcedureRow:
        r = len(self.proc_rows) * 2 + 1
        d = QLineEdit(facts.pta_date.isoformat() if facts else "")
        d.setObjectName(f"pta_date_{len(self.proc_rows)}")
        d.setPlaceholderText(DATE_HINT)
        d.setMaxLength(10)
        d.setMaximumWidth(130)
        side = QComboBox()
        side.setObjectName(f"pta_side_{len(self.proc_rows)}")
        for s in PtaSide:
            side.addItem(s.value, s.value)
        if facts:
            side.setCurrentIndex(list(PtaSide).index(facts.side))
        notes = QLineEdit(facts.notes if facts else "")
        notes.setObjectName(f"pta_notes_{len(self.proc_rows)}")
        msg = FieldMessage(f"pta_{len(self.proc_rows)}")
        for w in (d, notes):
            w.textChanged.connect(self._changed)
        side.currentIndexChanged.connect(self._changed)
        self.proc_grid.addWidget(d, r, 0)
        self.proc_grid.addWidget(side, r, 1)
        self.proc_grid.addWidget(notes, r, 2)
        self.proc_grid.addWidget(msg, r + 1, 0, 1, 3)
        row = ProcedureRow(procedure_id, facts, d, side, notes, msg)
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
        self.birth.setText(f.birth_date.isoformat() if f.birth_date else "")
        self.sex.setCurrentIndex(self.sex.findData(f.sex.value))
        self.subtype.setCurrentIndex(self.subtype.findData(f.ms_subtype.value))
        self.dx_year.setText(str(f.diagnosis_year) if f.diagnosis_year else "")
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
        try:
            birth = parse_date(self.birth.text())
        except ValueError:
            issues.append(error("patient.birth_date", "date.format",
                                f"Birth date {self.birth.text().strip()} is not a date: "
                                f"enter it as {DATE_HINT}", self.birth.text()))
        dx: int | None = None
        text = self.dx_year.text().strip()
        if text:
            if text.isdigit():
                dx = int(text)
            else:
                issues.append(error("patient.diagnosis_year", "integer",
                                    "Diagnosis year must be a year such as 2004", text))
        sex = Sex(self.sex.currentData()) if self.sex.currentIndex() >= 0 else None
        if sex is None:
            issues.append(error("patient.sex", "required", "Choose the sex (F, M or X)"))
        subtype = (MsSubtype(self.subtype.currentData()) if self.subtype.currentIndex() >= 0
                   else None)
        if subtype is None:
            issues.append(error("patient.ms_subtype", "required",
                                "Choose the MS subtype (RR, SP or PP)"))
        # The domain rules run on the rest; an unchosen code is reported above, once.
        facts = PatientFacts(self.code.text().strip(), self.family.text().strip(),
                             self.given.text().strip(), birth,
                             cast(Sex, sex), cast(MsSubtype, subtype), dx,
                             self.headache.isChecked(), self.fatigue.isChecked(),
                             self.notes.toPlainText())
        procs: list[tuple[ProcedureRow, ProcedureFacts]] = []
        for i, row in enumerate(self.proc_rows):
            try:
                day = parse_date(row.date_edit.text())
            except ValueError:
                issues.append(error(f"procedure.{i}.pta_date", "date.format",
                                    f"PTA date {row.date_edit.text().strip()} is not a date: "
                                    f"enter it as {DATE_HINT}", row.date_edit.text()))
                continue
            if day is None:
                if row.procedure_id is not None:
                    issues.append(error(f"procedure.{i}.pta_date", "required",
                                        "A recorded PTA date cannot be emptied here"))
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
                                        f"Patient code {facts.code} is already used by "
                                        "another patient", facts.code))
            seen: set[date] = set()
            for row, proc in procs:
                i = self.proc_rows.index(row)
                for x in validate_procedure(proc, facts.birth_date, today):
                    issues.append(Issue(x.severity, x.field.replace(
                        "procedure.", f"procedure.{i}."), x.rule, x.message, x.value))
                if proc.pta_date in seen:
                    issues.append(error(f"procedure.{i}.pta_date", "procedure.duplicate",
                                        f"PTA date {proc.pta_date.isoformat()} is listed twice"))
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
        for name, msg in self.messages.items():
            found = by_field.pop(name, [])
            msg.show_issues(found if self._shown(name) else [])
        for n, row in enumerate(self.proc_rows):
            row_issues = [x for k in list(by_field) if k.startswith(f"procedure.{n}.")
                          for x in by_field.pop(k)]
            row.message.show_issues(row_issues if self._shown(f"procedure.{n}.") else [])
        rest = [x for v in by_field.values() for x in v]
        errors = [x for x in issues if x.is_error]
        self.save_button.setEnabled(not errors)
        hidden = [x for x in errors if not self._shown(x.field)]
        if rest:
            self.summary.setText("\n".join(x.message for x in rest))
            self.summary.setStyleSheet(ERROR_STYLE)
        elif errors and len(hidden) == len(errors) and not self._dirty:
            self.summary.setText("Fill in the patient code, names, birth date, sex and MS "
                                 "subtype; Save is possible once nothing is missing.")
            self.summary.setStyleSheet(HINT_STYLE)
        elif errors:
            n = len(errors)
            self.summary.setText("1 entry needs completing or correcting before the patient "
                                 "can be saved." if n == 1 else
                                 f"{n} entries need completing or correcting before the "
                                 "patient can be saved.")
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
            show_error(self, exc, "save the patient")
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
                self, "Discard changes?", "The patient has not been saved. Discard what you "
                "typed?", QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()
