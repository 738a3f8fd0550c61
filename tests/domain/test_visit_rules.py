from datetime import date
from decimal import Decimal

from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.visit import VisitContent, validate_content, validate_visit

PTA = date(2014, 3, 10)
TODAY = date(2026, 11, 24)
FULL_MIDAS = {"q1": 1, "q2": 2, "q3": 0, "q4": 3, "q5": 1, "a": 10, "b": 6}
FULL_FSS = {str(n): 5 for n in range(1, 10)}
SUPINE = (FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal("250.5")),
          FlowMeasurement(Side.RIGHT, Posture.SUPINE, Decimal("301.0")))


def check(label, day, content, completing=True):
    return validate_visit(label, day, content, today=TODAY, birth_date=date(1975, 4, 12),
                          pta_date=PTA, completing=completing)


def errs(issues):
    return sorted((i.field, i.rule) for i in issues if i.is_error)


def test_complete_m6_visit_is_clean() -> None:
    content = VisitContent({"midas": FULL_MIDAS, "fss": FULL_FSS}, flows=SUPINE)
    assert check("m6", date(2014, 9, 12), content) == []


def test_expected_form_must_be_entered_or_skipped() -> None:
    content = VisitContent({"midas": FULL_MIDAS})
    assert errs(check("m6", date(2014, 9, 10), content)) == [("flow", "form.expected"),
                                                             ("fss", "form.expected")]
    skipped = VisitContent({"midas": FULL_MIDAS},
                           skipped={"fss": "patient too tired", "flow": "machine down"})
    assert errs(check("m6", date(2014, 9, 10), skipped)) == []


def test_drafts_do_not_need_every_form() -> None:
    assert errs(check("m6", date(2014, 9, 10), VisitContent(), completing=False)) == []


def test_unexpected_forms_may_be_left_out() -> None:
    assert errs(check("m1", date(2014, 4, 10), VisitContent(flows=SUPINE))) == []
    assert errs(check("unscheduled", date(2014, 5, 2), VisitContent(flows=SUPINE))) == []


def test_an_empty_visit_cannot_be_completed() -> None:
    """An unscheduled visit expects no form; completed with nothing in it, it would be an
    empty visit on record."""
    assert errs(check("unscheduled", date(2014, 5, 2), VisitContent())) == [
        ("visit", "visit.empty")]
    skipped = VisitContent(skipped={"midas": "patient left early"})
    assert errs(check("unscheduled", date(2014, 5, 2), skipped)) == []


def test_skip_needs_a_reason_and_no_data() -> None:
    content = VisitContent({"midas": FULL_MIDAS}, skipped={"midas": "x", "fss": "  "})
    assert errs(validate_content(content)) == [("fss.skipped", "skip.reason"),
                                               ("midas.skipped", "skip.with_data")]


def test_unanswered_items_warn_on_completion() -> None:
    partial = dict(FULL_MIDAS, q3=None)
    issues = check("m3", date(2014, 6, 10), VisitContent({"midas": partial, "fss": FULL_FSS}))
    warned = [(i.field, i.rule) for i in issues if not i.is_error]
    assert warned == [("midas.q3", "unanswered")]
    assert "total cannot be computed" in issues[0].message


def test_missing_with_reason_does_not_warn() -> None:
    partial = dict(FULL_MIDAS, q3=None)
    content = VisitContent({"midas": partial, "fss": FULL_FSS},
                           missing={"midas": {"q3": MissingReason.DECLINED}})
    assert check("m3", date(2014, 6, 10), content) == []


def test_dates() -> None:
    assert ("visit.visit_date", "date.future") in errs(check("y2", date(2027, 1, 1),
                                                             VisitContent(), False))
    assert ("visit.visit_date", "date.before_birth") in errs(
        check("unscheduled", date(1970, 1, 1), VisitContent(), False))
    assert ("visit.visit_date", "baseline.after_pta") in errs(
        check("baseline", date(2014, 3, 11), VisitContent(), False))


def test_outside_window_is_a_warning() -> None:
    issues = check("m3", date(2014, 7, 1), VisitContent(), False)
    assert [(i.rule, i.is_error) for i in issues] == [("window", False)]
    assert "2014-05-27" in issues[0].message and "2014-06-24" in issues[0].message


def test_unknown_label_and_form() -> None:
    assert ("visit.label", "label") in errs(check("m2", date(2014, 5, 1), VisitContent()))
    assert ("pain", "unknown_form") in errs(validate_content(VisitContent({"pain": {}})))


def test_scores_from_content() -> None:
    content = VisitContent({"midas": FULL_MIDAS, "fss": FULL_FSS}, flows=SUPINE)
    assert content.scores("midas") == {"total": 7, "grade": "II"}
    assert content.scores("fss") == {"mean": Decimal("5.00"), "total": 45}
    assert content.flow_totals()[Posture.SUPINE].total == Decimal("551.5")
