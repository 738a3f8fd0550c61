"""Questionnaire texts per language: the bundled files match the definitions, the Italian ones
say they are not validated, and a file that does not fit the definition is refused with its
reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from proapp import paths
from proapp.domain import instrument_texts
from proapp.domain.fss import FSS
from proapp.domain.instrument_texts import TextFileError, TextStatus, load, parse
from proapp.domain.language import LANGUAGES, Language
from proapp.domain.midas import MIDAS, grade_meaning
from proapp.domain.registry import QUESTIONNAIRES

NOT_VALIDATED = "translation not validated — replace with the licensed validated version"


def test_the_domain_finds_the_bundled_folder_where_paths_does() -> None:
    assert instrument_texts.bundled_dir() == paths.resource("instruments")


@pytest.mark.parametrize("instrument", list(QUESTIONNAIRES.values()), ids=str)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_instrument_has_a_checked_file_in_every_language(instrument, language) -> None:
    texts = instrument.texts(language)
    assert instrument.check_texts(texts) == []
    assert texts.language is language and set(texts.items) == set(instrument.item_ids)
    for it in instrument.items:
        assert texts.item(it.id).range == (it.minimum, it.maximum)


def test_the_definitions_items_carry_the_english_file() -> None:
    en = MIDAS.texts(Language.ENGLISH)
    assert en.status is TextStatus.ORIGINAL and en.validated
    assert MIDAS.item("q1").text == en.item("q1").text
    assert MIDAS.item("b").anchors == {0: "no pain at all", 10: "pain as bad as it can be"}
    assert FSS.item("9").short == "Work, family, social life"


@pytest.mark.parametrize("instrument", list(QUESTIONNAIRES.values()), ids=str)
def test_the_italian_files_are_marked_not_validated_in_header_and_notice(instrument) -> None:
    it = instrument.texts(Language.ITALIAN)
    assert it.status is TextStatus.UNVALIDATED and not it.validated
    assert NOT_VALIDATED in it.notice
    assert "Traduzione non validata" in it.notice
    content = instrument_texts.bundled_path(instrument.id, Language.ITALIAN).read_text("utf-8")
    assert "TRANSLATION NOT VALIDATED" in content.split("[header]")[0]


def test_italian_grade_meanings() -> None:
    assert grade_meaning("III", MIDAS.texts(Language.ITALIAN)) == "disabilità moderata"
    assert grade_meaning("III") == "moderate disability"


def english(instrument_id: str = "fss") -> str:
    return instrument_texts.bundled_path(instrument_id, Language.ENGLISH).read_text("utf-8")


def refusal(content: str, instrument=FSS) -> str:
    with pytest.raises(TextFileError) as err:
        load(content, instrument, "x.ini")
    return str(err.value)


def test_a_wrong_range_is_another_version_of_the_questionnaire() -> None:
    text = english().replace("[item 4]\nrange = 1-7", "[item 4]\nrange = 0-4")
    assert "[item 4] range is 0-4; FSS item 4 is answered 1-7" in refusal(text)


def test_missing_and_unknown_items_are_named() -> None:
    text = english().replace("[item 9]", "[item 10]")
    reason = refusal(text)
    assert "FSS has no item '10'" in reason and "[item 9] is missing" in reason


def test_an_anchor_outside_the_range_is_refused() -> None:
    text = english().replace("anchor.7 = strongly agree", "anchor.8 = strongly agree", 1)
    assert "anchor.8 is outside the answers 1-7" in refusal(text)


def test_a_file_for_another_instrument_is_refused() -> None:
    assert "for instrument 'midas', not FSS" in refusal(english("midas"))


def test_an_unvalidated_translation_must_carry_its_notice() -> None:
    text = (english().replace("language = en", "language = it")
            .replace("status = original", "status = unvalidated"))
    assert "notice is empty" in refusal(text)
    text = english().replace("language = en", "language = it")
    assert "a translation" in refusal(text)


def test_a_validated_translation_is_accepted_without_notice() -> None:
    text = (english().replace("language = en", "language = it")
            .replace("status = original", "status = validated"))
    texts = load(text, FSS, "x.ini")
    assert texts.validated and texts.language is Language.ITALIAN


@pytest.mark.parametrize(("content", "reason"), [
    ("", "no [header] section"),
    ("[header]\nformat = something else\n", "format must be"),
    ("not an ini file at all", "cannot be read"),
    ("[header]\nformat = proapp-instrument-texts 1\nlanguage = de\n", "language must be one of"),
    ("[header]\nformat = proapp-instrument-texts 1\nlanguage = it\nstatus = ok\n",
     "status must be one of"),
    ("[header]\nformat = proapp-instrument-texts 1\nlanguage = it\nstatus = validated\n",
     "no [instrument] section"),
])
def test_files_that_are_not_texts_files(content: str, reason: str) -> None:
    with pytest.raises(TextFileError, match=reason.replace("[", "\\[")):
        parse(content, "x.ini")


def test_duplicate_keys_are_refused_with_their_line() -> None:
    text = english().replace("short = Easily fatigued", "short = Easily fatigued\nshort = again")
    assert "line" in refusal(text)


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(TextFileError, match="larger than"):
        parse("#" * (instrument_texts.MAX_FILE_BYTES + 1))
