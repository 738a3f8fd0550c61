"""Property tests for how visits become report rows and changes (no database needed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.domain.answers import MissingReason
from proapp.domain.midas import MIDAS
from proapp.domain.summary import summarize
from proapp.domain.visit import VisitContent, VisitRecord
from proapp.reports import rows as report_rows
from proapp.reports.model import VisitRow

ITEM = st.one_of(st.none(), st.integers(0, 18))


@settings(max_examples=200, deadline=None)
@given(q=st.tuples(ITEM, ITEM, ITEM, ITEM, ITEM), a=ITEM, b=st.one_of(st.none(),
       st.integers(0, 10)), declined=st.booleans())
def test_midas_cells_come_from_the_summary_and_gaps_are_marked(q, a, b, declined) -> None:
    answers = {k: v for k, v in zip(("q1", "q2", "q3", "q4", "q5"), q, strict=True)
               if v is not None}
    if a is not None:
        answers["a"] = a
    if b is not None:
        answers["b"] = b
    missing = {k: MissingReason.DECLINED for k in ("q1", "q2", "q3", "q4", "q5", "a", "b")
               if k not in answers} if declined else {}
    content = VisitContent({"midas": answers} if answers else {},
                           {"midas": missing} if missing and answers else {})
    record = VisitRecord(1, 1, "m3", date(2014, 6, 10), "draft", 1, content)
    row = report_rows.visit_row(summarize(record, date(2014, 3, 10)))
    expected = MIDAS.score(content.answers("midas"))
    assert row.values["midas.total"] == expected["total"]
    assert row.grade == expected["grade"]
    # m3 expects MIDAS: a missing total is always a marked dash, never a silent blank or 0
    assert ("midas.total" in row.missing) == (expected["total"] is None)
    if expected["total"] is None and answers:
        assert any("not answered" in n.text for n in row.notes)


VALUE = st.one_of(st.none(), st.integers(0, 90))


@given(values=st.lists(VALUE, min_size=1, max_size=8))
def test_change_from_baseline(values: list[int | None]) -> None:
    labels = ["baseline"] + [f"y{i + 2}" for i in range(len(values) - 1)]
    rows = [VisitRow(date(2010 + i, 1, 1), label, None, {"midas.total": v}, None, "complete")
            for i, (label, v) in enumerate(zip(labels, values, strict=True))]
    changes = report_rows.changes(rows, [report_rows.COLUMNS[0]], date(2010, 1, 5))
    present = [v for v in values if v is not None]
    if not present:
        assert changes == ()
        return
    (c,) = changes
    assert c.baseline == values[0]
    later = [v for v in values[1:] if v is not None]
    assert c.latest == (later[-1] if later else None)
    if c.baseline is None or c.latest is None:
        assert (c.absolute, c.percent) == (None, None)
    else:
        assert c.absolute == c.latest - c.baseline
        if c.baseline == 0:
            assert c.percent is None
        else:
            assert c.percent == (Decimal(c.absolute) * 100 / c.baseline).quantize(Decimal(1),
                                                                                  "ROUND_HALF_UP")
