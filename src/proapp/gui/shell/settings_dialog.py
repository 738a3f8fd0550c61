"""File → Settings… (administrators): the clinic settings, one field per declared setting.

The fields are made from :data:`proapp.domain.settings.DEFINITIONS` (a new setting appears
here by being declared there); Save stores every changed value in one transaction through
:func:`proapp.services.settings.set_values`, which checks them and writes the change log. A
value the rules refuse is shown under its field and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.clinic import WEEKDAYS, format_weekdays, parse_weekdays
from proapp.domain.settings import Kind, SettingDef
from proapp.domain.validation import ValidationError
from proapp.gui.common.errors import show_error
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, shown
from proapp.gui.common.windows import fit_to_screen
from proapp.services import settings

WEEKDAY_TEXT = {"mon": QT_TRANSLATE_NOOP("SettingsDialog", "Mon"),
                "tue": QT_TRANSLATE_NOOP("SettingsDialog", "Tue"),
                "wed": QT_TRANSLATE_NOOP("SettingsDialog", "Wed"),
                "thu": QT_TRANSLATE_NOOP("SettingsDialog", "Thu"),
                "fri": QT_TRANSLATE_NOOP("SettingsDialog", "Fri"),
                "sat": QT_TRANSLATE_NOOP("SettingsDialog", "Sat"),
                "sun": QT_TRANSLATE_NOOP("SettingsDialog", "Sun")}


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("SettingsDialog")  # this screen's texts marked with QT_TRANSLATE_NOOP


class _Field:
    """One setting's input: a widget, how to read it, how to set it."""

    def __init__(self, widget: QWidget, read: Callable[[], str], write: Callable[[str], None],
                 focus: QWidget):
        self.widget, self.read, self.write, self.focus = widget, read, write, focus


def _field(d: SettingDef, parent: QWidget) -> _Field:
    if d.kind is Kind.INTEGER:
        spin = QSpinBox()
        spin.setRange(d.minimum, d.maximum)
        spin.setObjectName(d.key)
        spin.setAccessibleName(shown(d.label))
        return _Field(spin, lambda: str(spin.value()), lambda v: spin.setValue(int(v)), spin)
    if d.kind is Kind.CHOICE:
        combo = QComboBox()
        combo.setObjectName(d.key)
        combo.setAccessibleName(shown(d.label))
        for value, text in d.choices.items():
            combo.addItem(shown(text), value)
        return _Field(combo, lambda: str(combo.currentData()),
                      lambda v: combo.setCurrentIndex(max(combo.findData(v), 0)), combo)
    if d.kind is Kind.WEEKDAYS:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        checks = []
        for i, day in enumerate(WEEKDAYS):
            check = QCheckBox(_t(WEEKDAY_TEXT[day]))
            check.setObjectName(f"{d.key}.{day}")
            row.addWidget(check)
            checks.append((i, check))
        row.addStretch(1)

        def read() -> str:
            return format_weekdays(i for i, c in checks if c.isChecked())

        def write(value: str) -> None:
            try:
                days = parse_weekdays(value)
            except ValueError:
                days = parse_weekdays(d.default)
            for i, c in checks:
                c.setChecked(i in days)

        return _Field(box, read, write, checks[0][1])
    edit = QLineEdit()
    edit.setObjectName(d.key)
    edit.setAccessibleName(shown(d.label))
    edit.setMaxLength(d.max_length)
    if d.kind is not Kind.FOLDER:
        return _Field(edit, edit.text, edit.setText, edit)
    edit.setPlaceholderText(translate("SettingsDialog", "the default folder"))
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    browse = QPushButton(translate("SettingsDialog", "Choose…"))
    browse.setObjectName(f"{d.key}.choose")

    def choose() -> None:
        folder = QFileDialog.getExistingDirectory(parent, shown(d.label), edit.text())
        if folder:
            edit.setText(folder)

    browse.clicked.connect(choose)
    row.addWidget(browse)
    return _Field(box, edit.text, edit.setText, edit)


class SettingsDialog(QDialog):
    """Every clinic setting; Save (Ctrl+S) stores the changed ones in one transaction."""

    saved = Signal(list)  # the keys that changed

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.database, self.actor = database, actor
        self.values = settings.all_values(database)
        self.fields: dict[str, _Field] = {}
        self.messages: dict[str, QLabel] = {}

        inner = QWidget()
        form = QFormLayout(inner)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, d in settings.DEFINITIONS.items():
            f = _field(d, self)
            f.write(self.values[key])
            hint = QLabel(shown(d.description))
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            message = QLabel()
            message.setObjectName(f"msg_{key}")
            message.setWordWrap(True)
            message.setStyleSheet("color: #b42318;")
            message.hide()
            column = QWidget()
            v = QVBoxLayout(column)
            v.setContentsMargins(0, 0, 0, 6)
            v.setSpacing(2)
            v.addWidget(f.widget)
            v.addWidget(hint)
            v.addWidget(message)
            caption = QLabel(shown(d.label))
            caption.setBuddy(f.focus)
            form.addRow(caption, column)
            self.fields[key], self.messages[key] = f, message
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        intro = QLabel(self.tr("These settings apply to every workstation using this database. "
                               "Each change is recorded in the change log."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 600)

    def changes(self) -> dict[str, str]:
        return {k: f.read() for k, f in self.fields.items() if f.read() != self.values[k]}

    def save(self) -> None:
        for m in self.messages.values():
            m.hide()
        try:
            changed = settings.set_values(self.database, self.actor, self.changes())
        except ValidationError as exc:
            first = None
            for issue in exc.issues:
                key = issue.field.removeprefix("setting.")
                if key in self.messages:
                    self.messages[key].setText(shown(issue.message))
                    self.messages[key].show()
                    first = first or key
            if first is not None:
                self.fields[first].focus.setFocus(Qt.FocusReason.OtherFocusReason)
            fit_to_screen(self)
            return
        except Exception as exc:
            show_error(self, exc, self.tr("save the settings"))
            return
        self.saved.emit(changed)
        self.accept()


def open_settings(parent: QWidget, database: Database, actor: Actor,
                  on_saved: Callable[[list[str]], None]) -> None:
    dialog = SettingsDialog(database, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(on_saved)
    dialog.open()
