"""The statistics against worked examples with published results, and against independent
textbook formulas computed here in plain Python (hypothesis)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.reports.analysis.text import fixed, p_text
from proapp.services.analysis import descriptives, stats

# Hollander & Wolfe (1973), p. 140ff: three ways of rounding first base, 22 players (blocks);
# many ties within players. Published: Friedman chi-squared = 11.143, df = 2, p = 0.003805
# (also R's friedman.test documentation).
ROUNDING_TIMES = [
    (5.40, 5.50, 5.55), (5.85, 5.70, 5.75), (5.20, 5.60, 5.50), (5.55, 5.50, 5.40),
    (5.90, 5.85, 5.70), (5.45, 5.55, 5.60), (5.40, 5.40, 5.35), (5.45, 5.50, 5.35),
    (5.25, 5.15, 5.00), (5.85, 5.80, 5.70), (5.25, 5.20, 5.10), (5.65, 5.55, 5.45),
    (5.60, 5.35, 5.45), (5.05, 5.00, 4.95), (5.50, 5.50, 5.40), (5.45, 5.55, 5.50),
    (5.55, 5.55, 5.35), (5.45, 5.50, 5.55), (5.50, 5.45, 5.25), (5.65, 5.60, 5.40),
    (5.70, 5.65, 5.55), (6.30, 6.30, 6.25),
]

# Hollander & Wolfe (1973), p. 29f: Hamilton depression scale, 9 patients, first (x) and
# second (y) visit. Published: V = 40 (= W+), exact two-sided p = 0.03906; the large-sample
# one-sided p without continuity correction = 0.01908.
DEPRESSION_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
DEPRESSION_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]

# Hollander & Wolfe (1973), p. 187f: Hunter L lightness vs panel score in 9 lots of tuna.
# Published: r_s = 0.60.
TUNA_X = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1]
TUNA_Y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]

# The classic IQ vs hours of TV example: sum d^2 = 194, rho = 1 - 6*194/(10*99) = -29/165,
# two-sided p = 0.627188 from the t distribution with 8 df.
IQ = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110]
TV = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17]


def test_friedman_textbook_example_with_ties() -> None:
    f = stats.friedman(ROUNDING_TIMES)
    assert (f.n, f.k, f.df) == (22, 3, 2)
    assert fixed(f.statistic, 3) == "11.143"
    assert p_text(f.p_value) == "0.003805"
    assert f.kendall_w == pytest.approx(11.142857142857 / 44, rel=1e-9)
    assert f.statistic == pytest.approx(_friedman_by_hand(ROUNDING_TIMES), rel=1e-12)


def test_wilcoxon_textbook_example() -> None:
    w = stats.wilcoxon(_diff(DEPRESSION_X, DEPRESSION_Y))
    assert w.method == "exact" and (w.n, w.n_nonzero) == (9, 9)
    assert w.statistic == 5  # the smaller sum; W+ = 45 - 5 = 40 = R's V
    assert p_text(w.p_value) == "0.03906"
    approx = stats.wilcoxon([*_diff(DEPRESSION_X, DEPRESSION_Y), 0])  # a zero: normal
    assert approx.method == "asymptotic" and approx.n_nonzero == 9
    assert approx.p_value is not None and p_text(approx.p_value / 2) == "0.01908"


def _diff(x, y):
    return [Decimal(str(a)) - Decimal(str(b)) for a, b in zip(x, y, strict=True)]


def test_exact_differences_tie() -> None:
    # 4.11 - 4.00 and 4.22 - 4.11 are both 0.11: a tie, so the normal approximation
    d = _diff([4.11, 4.22, 5.00, 4.50, 6.10], [4.00, 4.11, 4.20, 4.10, 4.00])
    assert stats.wilcoxon_method(d) == "asymptotic"
    floats = [4.11 - 4.00, 4.22 - 4.11, 5.00 - 4.20, 4.50 - 4.10, 6.10 - 4.00]
    assert floats[0] != floats[1]  # what binary floats would have done
    assert stats.wilcoxon_method(floats) == "exact"


def test_spearman_textbook_examples() -> None:
    tuna = stats.spearman(TUNA_X, TUNA_Y)
    assert fixed(tuna.rho, 2) == "0.60"
    tv = stats.spearman(IQ, TV)
    assert tv.rho == pytest.approx(-29 / 165, abs=1e-12)
    assert fixed(tv.p_value, 6) == "0.627188"


def test_holm_worked_example() -> None:
    # p = 0.01, 0.04, 0.03, 0.005: ordered 0.005*4, 0.01*3, 0.03*2, 0.04*1 -> step-down max
    adjusted = stats.holm([0.01, 0.04, 0.03, 0.005])
    assert adjusted == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert stats.holm([0.5, None, 0.9]) == [1.0, None, 1.0]  # monotone: max(2 x 0.5, 0.9)


def test_degenerate_inputs_give_notes_not_nan() -> None:
    same = stats.friedman([(3, 3, 3)] * 6)
    assert same.statistic is None and "same value" in same.note
    assert stats.wilcoxon([0, 0]).note == "no pair differs: no test"
    flat = stats.spearman([1, 1, 1, 1], [1, 2, 3, 4])
    assert flat.rho is None and "same value" in flat.note


def _ranks(row):
    """Mid-ranks, by hand."""
    order = sorted(range(len(row)), key=lambda i: row[i])
    ranks = [Fraction(0)] * len(row)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and row[order[j + 1]] == row[order[i]]:
            j += 1
        for m in range(i, j + 1):
            ranks[order[m]] = Fraction(i + j + 2, 2)
        i = j + 1
    return ranks


def _friedman_by_hand(rows) -> float:
    """Conover (1999) section 5.8, T1 with ties: (k-1) * sum(R_j - n(k+1)/2)^2 / (A - C),
    A = sum of squared ranks, C = n k (k+1)^2 / 4, in exact fractions."""
    n, k = len(rows), len(rows[0])
    ranks = [_ranks(r) for r in rows]
    big_r = [sum(r[j] for r in ranks) for j in range(k)]
    a = sum(x * x for r in ranks for x in r)
    c = Fraction(n * k * (k + 1) ** 2, 4)
    t1 = (k - 1) * sum((rj - Fraction(n * (k + 1), 2)) ** 2 for rj in big_r) / (a - c)
    return float(t1)


small = st.integers(0, 6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(small, small, small), min_size=3, max_size=25))
def test_friedman_equals_conovers_formula(rows) -> None:
    f = stats.friedman(rows)
    if all(r[0] == r[1] == r[2] for r in rows):
        assert f.statistic is None
        return
    assert f.statistic is not None and f.kendall_w is not None and f.p_value is not None
    assert f.statistic == pytest.approx(_friedman_by_hand(rows), rel=1e-9, abs=1e-12)
    assert 0 <= f.kendall_w <= 1 + 1e-12
    assert 0 <= f.p_value <= 1
    assert f.p_value == pytest.approx(math.exp(-f.statistic / 2), rel=1e-9)  # chi2, 2 df


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=3, max_size=40))
def test_spearman_is_pearson_of_midranks(pairs) -> None:
    x, y = [a for a, _ in pairs], [b for _, b in pairs]
    r = stats.spearman(x, y)
    if len(set(x)) == 1 or len(set(y)) == 1:
        assert r.rho is None
        return
    rx, ry = _ranks(x), _ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = math.sqrt(float(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)))
    assert r.rho == pytest.approx(float(num) / den, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=8))
def test_holm_properties(ps) -> None:
    adj = stats.holm(ps)
    m = len(ps)
    for p, a in zip(ps, adj, strict=True):
        assert a is not None
        assert p - 1e-15 <= a <= 1.0
        assert a <= min(1.0, m * p) + 1e-12
    order = sorted(range(m), key=lambda i: ps[i])
    sure = [a for a in adj if a is not None]
    assert len(sure) == m
    assert all(sure[order[i]] <= sure[order[i + 1]] + 1e-15 for i in range(m - 1))
    assert adj[order[0]] == pytest.approx(min(1.0, m * ps[order[0]]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 90), min_size=1, max_size=60),
       st.sampled_from([0, 1, 2]))
def test_descriptives_are_exact_and_agree_with_numpy(ints, places) -> None:
    values = [Decimal(v).scaleb(-places) for v in ints]
    s = descriptives.summarize(values, places)
    arr = np.array([float(v) for v in values])
    assert s.n == len(values)
    assert s.q1 is not None and s.median is not None and s.q3 is not None
    assert s.mean is not None
    for got, q in ((s.q1, 25), (s.median, 50), (s.q3, 75)):
        assert float(got) == pytest.approx(float(np.percentile(arr, q)), abs=1e-9)
        assert got == descriptives.quantile(sorted(values), Decimal(q) / 100)  # exact
        assert -int(got.as_tuple().exponent) <= places + 2
    assert float(s.mean) == pytest.approx(arr.mean(), abs=0.51 * 10 ** -(places + 2))
    if len(values) > 1:
        assert s.sd is not None
        assert float(s.sd) == pytest.approx(arr.std(ddof=1), abs=0.51 * 10 ** -(places + 2))
    else:
        assert s.sd is None


def test_descriptives_trim_only_zeros() -> None:
    s = descriptives.summarize([Decimal("5.44"), Decimal("5.44"), Decimal("6.00")], 2)
    assert str(s.median) == "5.44" and str(s.q3) == "5.72"
    assert str(descriptives.summarize([1, 2, 3, 4], 0).q1) == "1.75"
    assert str(descriptives.summarize([1, 2], 0).median) == "1.5"
    assert str(descriptives.summarize([Decimal("500.0")], 1).median) == "500.0"
