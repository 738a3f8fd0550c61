"""Every questionnaire proapp knows, by id, in the order forms and exports show them."""

from __future__ import annotations

from proapp.domain.fss import FSS
from proapp.domain.instruments import Instrument
from proapp.domain.midas import MIDAS

QUESTIONNAIRES: dict[str, Instrument] = {MIDAS.id: MIDAS, FSS.id: FSS}
FLOW = "flow"  # the flow form is not a questionnaire but is scheduled like one
FORMS: tuple[str, ...] = (*QUESTIONNAIRES, FLOW)


def questionnaire(instrument_id: str) -> Instrument:
    try:
        return QUESTIONNAIRES[instrument_id]
    except KeyError:
        raise KeyError(f"unknown questionnaire {instrument_id!r}") from None
