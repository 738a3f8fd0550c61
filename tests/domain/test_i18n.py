"""The sentences of the domain and the services: every template has its Italian, with the same
placeholders, and a sentence reads the same in English as before and in Italian formats."""

from __future__ import annotations

import ast
import pickle
import string
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from proapp.domain.i18n import Msg, localize, msg
from proapp.domain.language import ISO_FORMAT, Language, locale_format
from proapp.domain.messages_it import ITALIAN

SRC = Path(__file__).resolve().parents[2] / "src" / "proapp"
IT = locale_format(Language.ITALIAN)
EN = locale_format(Language.ENGLISH)

HOW_TO_FIX = ("add it to src/proapp/domain/messages_it.py (keyed by the English template "
              "exactly as written, with the same {placeholders})")


def templates() -> dict[str, str]:
    """Every literal template passed to msg() in src/proapp, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "msg"):
                where = f"{path.relative_to(SRC)}:{node.lineno}"
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{where}: msg() needs a literal template (the catalogue is looked up by it)")
                found.setdefault(first.value, where)
    return found


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_the_source_has_templates_to_check() -> None:
    assert len(templates()) > 100


def test_every_template_has_its_italian_with_the_same_placeholders() -> None:
    missing = [f"{where}: {template!r}" for template, where in templates().items()
               if template not in ITALIAN]
    assert not missing, (f"{len(missing)} sentence(s) without Italian; {HOW_TO_FIX}:\n"
                         + "\n".join(missing))
    wrong = [f"{template!r}: English {sorted(placeholders(template))}, Italian "
             f"{sorted(placeholders(ITALIAN[template]))}"
             for template in templates() if placeholders(template) != placeholders(
                 ITALIAN[template])]
    assert not wrong, "\n".join(wrong)


def test_the_catalogue_holds_no_sentence_the_source_no_longer_writes() -> None:
    stale = sorted(set(ITALIAN) - set(templates()))
    assert not stale, f"remove from src/proapp/domain/messages_it.py: {stale}"


def test_a_message_is_its_english_sentence() -> None:
    m = msg("Visit date {date} is in the future", date=date(2013, 2, 1))
    assert m == "Visit date 2013-02-01 is in the future"
    assert isinstance(m, str) and isinstance(m, Msg)
    assert localize(m, ISO_FORMAT) == m


def test_localize_writes_the_sentence_and_its_values_in_the_readers_language() -> None:
    m = msg("Visit date {date} is in the future", date=date(2013, 2, 1))
    assert localize(m, IT) == "La data della visita 01/02/2013 è nel futuro"
    assert localize(m, EN) == "Visit date 01/02/2013 is in the future"
    assert localize(m, locale_format(Language.ENGLISH, "US")) == (
        "Visit date 02/01/2013 is in the future")
    flow = msg("{where}: computed flow {flow} {unit} is above {top} {unit}",
               where=msg("{posture} {side} IJV", posture=msg("supine"), side=msg("left")),
               flow=Decimal("3100.5"), unit="mL/min", top=Decimal(3000))
    assert str(flow) == "supine left IJV: computed flow 3100.5 mL/min is above 3000 mL/min"
    assert localize(flow, IT) == ("VGI sinistra (posizione supina): il flusso calcolato "
                                  "3100,5 mL/min supera 3000 mL/min")


def test_text_that_is_not_a_message_is_left_as_typed() -> None:
    assert localize("Rossi, Anna", IT) == "Rossi, Anna"
    assert localize(None, IT) == ""


def test_a_message_survives_pickling_for_the_report_workers() -> None:
    m = msg("{total} (grade {grade})", total=12, grade="III")
    back = pickle.loads(pickle.dumps(m))
    assert back == m and isinstance(back, Msg) and localize(back, IT) == "12 (grado III)"


@pytest.mark.parametrize("template", sorted(ITALIAN))
def test_every_italian_template_formats(template: str) -> None:
    values = dict.fromkeys(placeholders(template), "x")
    assert ITALIAN[template].format(**values)
