"""What every wizard page shares: the page base class (title, the form it collects, where an
issue's message is shown), the form titles, and the two widgets of a form page: the
expectation banner and "not done at this visit".

Every text, range, anchor, unit and score on the pages is read from the instrument definitions
and the schedule in :mod:`proapp.domain`; the pages only lay them out and collect what is
typed. Each page knows which issue fields (``midas.q2``, ``flow.supine.left.area``,
``visit.visit_date`` ...) it shows, so a message appears beside the field it concerns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from proapp.domain import schedule
from proapp.domain.registry import FLOW_NAME, form_name
from proapp.domain.validation import Issue
from proapp.domain.visit import VisitContent
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.widgets import FieldMessage

FLOW_TITLE = FLOW_NAME
# Page titles in the wizard's list (MIDAS and FSS are names everywhere).
_FORM_NAMES = (QT_TRANSLATE_NOOP("Form", "IJV flow"), QT_TRANSLATE_NOOP("Form", "Review"))


def form_title(form: str) -> str:
    """The short name of a form as nurses know it (MIDAS, FSS, IJV flow)."""
    return QCoreApplication.translate("Form", form_name(form))


def scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class WizardPage(QWidget):
    """Base: a title, the form it collects (None for visit and review), and issue routing."""

    changed = Signal()  # any edit; the wizard re-validates and schedules a draft save

    form: str | None = None

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self._messages: dict[str, FieldMessage] = {}

    # -- navigation -------------------------------------------------------------------
    def entry_widgets(self) -> list[QWidget]:
        """Widgets the wizard watches for Enter (in tab order)."""
        return []

    def first_focus(self) -> QWidget | None:
        widgets = self.entry_widgets()
        return widgets[0] if widgets else None

    def chain_next(self, widget: QWidget) -> QWidget | None:
        """Where Enter in ``widget`` goes; None ends the page (the wizard moves on)."""
        widgets = self.entry_widgets()
        if widget not in widgets:
            return None
        for w in widgets[widgets.index(widget) + 1:]:
            if not getattr(w, "optional", False) and w.isEnabled():
                return w
        return None

    # -- issues -----------------------------------------------------------------------
    def message_for(self, field_path: str) -> FieldMessage | None:
        """The message label for an issue field: the exact field, else its nearest parent."""
        path = field_path
        while path:
            if path in self._messages:
                return self._messages[path]
            path = path.rpartition(".")[0]
        return None

    def owns(self, field_path: str) -> bool:
        return self.message_for(field_path) is not None

    def show_issues(self, issues: Sequence[Issue]) -> None:
        routed: dict[int, list[Issue]] = {}
        for issue in issues:
            m = self.message_for(issue.field)
            if m is not None:
                routed.setdefault(id(m), []).append(issue)
        for m in dict.fromkeys(self._messages.values()):
            mine = routed.get(id(m), [])
            errors = [i for i in mine if i.is_error]
            m.show_issues(errors or mine)  # an error first; its warnings once it is fixed

    def _register(self, field_path: str, message: FieldMessage) -> FieldMessage:
        self._messages[field_path] = message
        return message


class SkipBox(QWidget):
    """"Not done at this visit" with its reason; stored as VisitContent.skipped."""

    def __init__(self, form: str, page: WizardPage):
        super().__init__(page)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self.tr("{form} not done at this visit — reason:").format(
            form=form_title(form)))
        self.check.setObjectName(f"{form}.skip")
        self.reason = QLineEdit()
        self.reason.setObjectName(f"{form}.skipped")
        self.reason.setPlaceholderText(self.tr("why it was not done (required to skip an "
                                               "expected form)"))
        self.check.optional = True  # type: ignore[attr-defined]
        self.reason.optional = True  # type: ignore[attr-defined]
        row.addWidget(self.check)
        row.addWidget(self.reason, 1)
        self.check.toggled.connect(self._toggled)
        self.reason.textEdited.connect(lambda _t: page.changed.emit())
        self.reason.setEnabled(False)
        self._page = page

    def _toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        if on:
            self.reason.setFocus()
        self._page.changed.emit()

    def value(self) -> str | None:
        return self.reason.text() if self.check.isChecked() else None

    def set_value(self, reason: str | None) -> None:
        self.check.setChecked(reason is not None)
        self.reason.setText(reason or "")


class ExpectationBanner(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def set_expected(self, form: str, label: str, chosen: bool = False) -> None:
        d = schedule.definition(label)
        title, name = shown(d.title), form_title(form)
        if chosen and not d.expects(form):
            self.setText(self.tr("{form} was ticked as done at this visit ({visit}). To leave "
                                 "it out, untick it on the Visit page.").format(
                form=name, visit=title))
            self.setStyleSheet("")
        elif d.expects(form):
            self.setText(self.tr("{visit} expects {form}. To leave it out, tick “not done at "
                                 "this visit” and give a reason.").format(visit=title, form=name))
            self.setStyleSheet("")
        else:
            self.setText(self.tr("{visit} does not expect {form}: leave the page empty to skip "
                                 "it, or enter it if it was done.").format(visit=title,
                                                                          form=name))
            self.setStyleSheet(HINT_STYLE)


class FormPage(WizardPage):
    """A page that collects one form (a questionnaire or the flow): the banner saying whether
    the visit expects it, and "not done at this visit" with its reason."""

    form: str

    def __init__(self, title: str, form: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.form = form
        self.banner = ExpectationBanner()
        self.skip = SkipBox(form, self)
        message = self._register(f"{form}.skipped", FieldMessage())
        self._register(form, message)  # "expected but empty" is said there too
        self._skip_message = message

    def add_expectation(self, layout: QVBoxLayout) -> None:
        """Place the banner, the skip box and its message (below the page's own texts)."""
        layout.addWidget(self.banner)
        layout.addWidget(self.skip)
        layout.addWidget(self._skip_message)

    def set_expected(self, label: str, chosen: bool = False) -> None:
        """``chosen``: ticked as done at an unscheduled visit."""
        self.banner.set_expected(self.form, label, chosen)

    def load_skip(self, content: VisitContent) -> None:
        self.skip.blockSignals(True)
        self.skip.set_value(content.skipped.get(self.form))
        self.skip.blockSignals(False)

    def collect(self) -> tuple[Any, list[Issue]]:
        """(what the page holds, in the shape :func:`proapp.domain.draft.merge` takes for this
        form; the parse errors)."""
        raise NotImplementedError

    def load(self, content: VisitContent) -> None:
        raise NotImplementedError
