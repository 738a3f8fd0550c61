"""The IJV flow page: left and right vein per posture, flow typed or computed from mean velocity
and area, the totals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from proapp.domain import flow as flowmod
from proapp.domain.answers import ParseError, parse_decimal, parse_int
from proapp.domain.fields import flow_field
from proapp.domain.i18n import msg
from proapp.domain.registry import FLOW
from proapp.domain.validation import Issue, error
from proapp.domain.visit import VisitContent
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, number_text
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.gui.visits.fields import AnswerEdit, heading, wrapped
from proapp.gui.visits.pages.base import FLOW_TITLE, FormPage, scroll

# Postures and sides as the page names them ("supine left IJV": "IGV sinistra, supino").
WORDS = {"supine": QT_TRANSLATE_NOOP("Flow", "supine"),
         "upright": QT_TRANSLATE_NOOP("Flow", "upright"),
         "left": QT_TRANSLATE_NOOP("Flow", "left"), "right": QT_TRANSLATE_NOOP("Flow", "right")}
TITLES = {"supine": QT_TRANSLATE_NOOP("Flow", "Supine"),
          "upright": QT_TRANSLATE_NOOP("Flow", "Upright"),
          "left": QT_TRANSLATE_NOOP("Flow", "Left IJV"),
          "right": QT_TRANSLATE_NOOP("Flow", "Right IJV")}


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("Flow")  # this screen's texts marked with QT_TRANSLATE_NOOP


def where_text(posture: flowmod.Posture, side: flowmod.Side) -> str:
    return translate("Flow", "{posture} {side}").format(posture=_t(WORDS[posture.value]),
                                         side=_t(WORDS[side.value]))


class FlowSide(QWidget):
    """One vein in one posture: flow, or velocity and area (computed flow shown), stenosis."""

    def __init__(self, page: FlowPage, posture: flowmod.Posture, side: flowmod.Side,
                 optional: bool):
        super().__init__(page)
        self.posture, self.side = posture, side
        base = flow_field(posture.value, side.value)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(2, 1)
        self.flow = AnswerEdit(f"{base}.flow", chars=7, optional=optional)
        self.velocity = AnswerEdit(f"{base}.velocity", chars=7, optional=True)
        self.area = AnswerEdit(f"{base}.area", chars=7, optional=True)
        self.stenosis = AnswerEdit(f"{base}.stenosis", chars=4, optional=True)
        self.computed = QLabel()
        self.computed.setObjectName(f"{base}.computed")
        where = where_text(posture, side)
        for row, (text, name, edit, unit) in enumerate((
                (self.tr("Flow"), self.tr("flow"), self.flow, flowmod.FLOW_UNIT),
                (self.tr("or mean velocity"), self.tr("velocity"), self.velocity, "cm/s"),
                (self.tr("× area"), self.tr("area"), self.area, "cm²"))):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(QLabel(unit), row, 2)
            edit.setAccessibleName(f"{where} {name}")
        grid.addWidget(self.computed, 3, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Stenosis")), 4, 0)
        grid.addWidget(self.stenosis, 4, 1)
        grid.addWidget(QLabel(self.tr("% (optional)")), 4, 2)
        self.message = FieldMessage()
        grid.addWidget(self.message, 5, 0, 1, 3)
        for path in (base, f"{base}.flow", f"{base}.velocity", f"{base}.area",
                     f"{base}.stenosis"):
            page._register(path, self.message)
        for edit in self.edits():
            edit.textEdited.connect(lambda _t: page.edited())

    def edits(self) -> list[AnswerEdit]:
        return [self.flow, self.velocity, self.area, self.stenosis]

    def collect(self) -> tuple[flowmod.FlowMeasurement, list[Issue]]:
        issues: list[Issue] = []
        values: dict[str, Any] = {}
        for name, edit, places in (("flow_ml_min", self.flow, flowmod.FLOW_PLACES),
                                   ("velocity_cm_s", self.velocity, flowmod.VELOCITY_PLACES),
                                   ("area_cm2", self.area, flowmod.AREA_PLACES),
                                   ("stenosis_pct", self.stenosis, None)):
            text = edit.text()
            try:
                values[name] = (parse_int(text) if places is None
                                else parse_decimal(text, places))
            except ParseError as exc:
                values[name] = None
                issues.append(error(edit.field_path, exc.rule,
                                    msg("{vein}: {problem}",
                                        vein=flowmod.vein(self.posture, self.side),
                                        problem=exc.message), text))
        return flowmod.FlowMeasurement(self.side, self.posture, **values), issues

    def load(self, m: flowmod.FlowMeasurement | None) -> None:
        for edit, value in ((self.flow, m.flow_ml_min if m else None),
                            (self.velocity, m.velocity_cm_s if m else None),
                            (self.area, m.area_cm2 if m else None),
                            (self.stenosis, m.stenosis_pct if m else None)):
            edit.setText(number_text(value))

    def show_computed(self, m: flowmod.FlowMeasurement) -> None:
        if m.is_computed and m.flow is not None:
            self.computed.setText(self.tr("= {flow} {unit} (computed: velocity × area × 60)")
                                  .format(flow=number_text(m.flow), unit=flowmod.FLOW_UNIT))
        else:
            self.computed.setText("")


class FlowPage(FormPage):
    """Left and right IJV per posture; the first posture is the one every flow visit has."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(FLOW_TITLE, FLOW, parent)
        outer = QVBoxLayout(self)
        title = self.tr("{flow} — Duplex ultrasound").format(
            flow=QCoreApplication.translate("Form", FLOW_TITLE))
        outer.addWidget(heading(title[:1].upper() + title[1:]))
        outer.addWidget(wrapped(self.tr(
            "Per vein, enter the flow in {unit}, or leave it empty and enter the time-averaged "
            "mean velocity and the cross-sectional area: the flow is computed. Enter moves "
            "left → right; Tab reaches stenosis and the optional posture.").format(
                unit=flowmod.FLOW_UNIT), HINT_STYLE))
        self.add_expectation(outer)
        inner = QWidget()
        col = QVBoxLayout(inner)
        self.sides: dict[tuple[flowmod.Posture, flowmod.Side], FlowSide] = {}
        self.total_labels: dict[flowmod.Posture, QLabel] = {}
        for n, posture in enumerate(flowmod.POSTURES):
            optional = n > 0
            title = _t(TITLES[posture.value])
            box = QGroupBox(self.tr("{posture} (optional)").format(posture=title)
                            if optional else title)
            grid = QGridLayout(box)
            for c, side in enumerate(flowmod.SIDES):
                grid.addWidget(QLabel(f"<b>{_t(TITLES[side.value])}</b>"), 0, c)
                fs = FlowSide(self, posture, side, optional)
                self.sides[(posture, side)] = fs
                grid.addWidget(fs, 1, c)
            total = QLabel()
            total.setObjectName(flow_field(posture.value, "total"))
            total.setStyleSheet("font-weight: bold;")
            grid.addWidget(total, 2, 0, 1, len(flowmod.SIDES))
            self.total_labels[posture] = total
            col.addWidget(box)
        col.addStretch(1)
        outer.addWidget(scroll(inner), 1)
        self.update_totals()

    def edited(self) -> None:
        self.update_totals()
        self.changed.emit()

    def entry_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for fs in self.sides.values():
            out += fs.edits()
        return [*out, self.skip.check, self.skip.reason]

    def chain_next(self, widget: QWidget) -> QWidget | None:
        """flow (typed) -> next vein's flow; flow (empty) -> velocity -> area -> next vein."""
        order = list(self.sides.values())
        for i, fs in enumerate(order):
            if widget not in fs.edits():
                continue
            if widget is fs.flow and not fs.flow.text().strip():
                return fs.velocity
            if widget is fs.velocity:
                return fs.area
            if i + 1 < len(order) and (order[i + 1].posture is fs.posture
                                       or not order[i + 1].flow.optional):
                return order[i + 1].flow
            return None
        return super().chain_next(widget)

    def collect(self) -> tuple[tuple[list[flowmod.FlowMeasurement], str | None], list[Issue]]:
        measurements, issues = [], []
        for fs in self.sides.values():
            m, errs = fs.collect()
            measurements.append(m)
            issues += errs
        return (measurements, self.skip.value()), issues

    def load(self, content: VisitContent) -> None:
        for (posture, side), fs in self.sides.items():
            fs.load(content.flow(posture, side))
        self.load_skip(content)
        self.update_totals()

    def update_totals(self) -> None:
        (measurements, _skip), _issues = self.collect()
        for m in measurements:
            self.sides[(m.posture, m.side)].show_computed(m)
        for posture, t in flowmod.totals(measurements).items():
            name = _t(WORDS[posture.value])
            if t.total is not None:
                text = self.tr("Total {posture}: {total} {unit}").format(
                    posture=name, total=number_text(t.total), unit=flowmod.FLOW_UNIT)
            elif t.left is None and t.right is None:
                text = self.tr("Total {posture}: —").format(posture=name)
            else:
                text = self.tr("Total {posture}: — (needs left and right)").format(posture=name)
            self.total_labels[posture].setText(text)
