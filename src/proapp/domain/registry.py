"""Every questionnaire proapp knows, by id, in the order forms and exports show them."""

from __future__ import annotations

from proapp.domain.fss import FSS
from proapp.domain.i18n import msg
from proapp.domain.instruments import Instrument
from proapp.domain.midas import MIDAS
from proapp.domain.schedule import FLOW as FLOW  # not a questionnaire; scheduled like one

QUESTIONNAIRES: dict[str, Instrument] = {MIDAS.id: MIDAS, FSS.id: FSS}
FORMS: tuple[str, ...] = (*QUESTIONNAIRES, FLOW)
FLOW_NAME = msg("IJV flow")  # a Msg: "flusso VGI" on an Italian screen


def form_name(form: str) -> str:
    """The short name of a form as nurses know it: MIDAS, FSS, IJV flow."""
    return QUESTIONNAIRES[form].name if form in QUESTIONNAIRES else FLOW_NAME if form == FLOW \
        else form


def questionnaire(instrument_id: str) -> Instrument:
    try:
        return QUESTIONNAIRES[instrument_id]
    except KeyError:
        raise KeyError(f"unknown questionnaire {instrument_id!r}") from None
