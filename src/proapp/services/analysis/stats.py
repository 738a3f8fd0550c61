"""The tests of the cohort analysis, as thin, explicit wrappers around scipy.

Each wrapper pins every option that changes a result (zero handling, exact or normal
approximation, continuity correction), so that anybody can reproduce a figure by calling
scipy directly with the options printed next to it, and turns the cases scipy answers with
NaN and a warning (no variation at all) into an explicit note.

- **Friedman**: :func:`scipy.stats.friedmanchisquare` (chi-square with the correction for
  ties within blocks, df = k - 1); Kendall's W = chi-square / (n (k - 1)), which with the
  tie-corrected chi-square is Kendall's W corrected for ties.
- **Wilcoxon signed-rank** (post-hoc): :func:`scipy.stats.wilcoxon` on the paired
  differences computed exactly in decimals (so equal differences tie), two-sided, zero
  differences dropped (``zero_method="wilcox"``), the exact distribution when there are no
  zeros, no tied absolute differences and at most 50 pairs, otherwise the normal
  approximation with the tie-corrected variance and no continuity correction. The statistic
  is the smaller of the two signed-rank sums (scipy's convention).
- **Holm** (step-down) adjustment of the post-hoc p-values within one group and measure.
- **Spearman**: :func:`scipy.stats.spearmanr` (Pearson correlation of mid-ranks, two-sided
  p-value from the t distribution with n - 2 df).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from scipy import stats as sps

from proapp.domain.i18n import msg

EXACT_MAX_PAIRS = 50
WILCOXON_EXACT = "exact"
WILCOXON_NORMAL = "asymptotic"


@dataclass(frozen=True)
class FriedmanStat:
    n: int
    k: int
    statistic: float | None  # tie-corrected chi-square
    df: int
    p_value: float | None
    kendall_w: float | None
    note: str = ""


@dataclass(frozen=True)
class WilcoxonStat:
    n: int  # pairs
    n_nonzero: int  # pairs with a non-zero difference (the ones ranked)
    statistic: float | None  # the smaller signed-rank sum
    p_value: float | None
    method: str  # "exact" | "asymptotic" | ""
    note: str = ""


@dataclass(frozen=True)
class SpearmanStat:
    n: int
    rho: float | None
    p_value: float | None
    note: str = ""


def _matrix(rows: Sequence[Sequence[float]]) -> np.ndarray:
    a = np.asarray(rows, dtype=float)
    if a.ndim != 2:
        raise ValueError("Friedman needs one row of k values per patient")
    if not np.isfinite(a).all():
        raise ValueError("values must be finite numbers")
    return a


def friedman(rows: Sequence[Sequence[float]]) -> FriedmanStat:
    """Friedman test over blocks (rows: patients) and k treatments (columns: time points)."""
    a = _matrix(rows) if len(rows) else np.empty((0, 3))
    n, k = a.shape
    df = k - 1
    if k < 3:
        raise ValueError("the Friedman test compares at least three time points")
    if n < 2:
        return FriedmanStat(n, k, None, df, None, None, msg("too few for the test"))
    if bool((a == a[:, :1]).all()):
        return FriedmanStat(n, k, None, df, None, None,
                            msg("every patient has the same value at all time points: no test"))
    res = sps.friedmanchisquare(*a.T)
    chi2 = float(res.statistic)
    return FriedmanStat(n, k, chi2, df, float(res.pvalue), chi2 / (n * df))


def wilcoxon_method(differences: Sequence[float] | np.ndarray) -> str:
    """The p-value method used for these differences (see the module docstring)."""
    d = np.asarray(differences, dtype=float)
    nonzero = d[d != 0]
    ties = len(np.unique(np.abs(nonzero))) < len(nonzero)
    if len(nonzero) == len(d) and not ties and len(d) <= EXACT_MAX_PAIRS:
        return WILCOXON_EXACT
    return WILCOXON_NORMAL


def wilcoxon(differences: Sequence[Decimal | int | float]) -> WilcoxonStat:
    """Two-sided Wilcoxon signed-rank test of paired differences (later - earlier).

    The differences are taken as given: the caller subtracts the exact decimal values, so
    that 5.44 - 4.33 and 6.00 - 4.89 are the same 1.11 and tie in the ranks, as they must
    (binary floats would subtract to 1.1100000000000003 and 1.1099999999999994)."""
    d = np.asarray([float(x) for x in differences], dtype=float)
    n = len(d)
    nonzero = int(np.count_nonzero(d))
    if nonzero == 0:
        return WilcoxonStat(n, 0, None, None, "", msg("no pair differs: no test"))
    method = wilcoxon_method(d)
    res = sps.wilcoxon(d, zero_method="wilcox", correction=False, alternative="two-sided",
                       method=method)
    return WilcoxonStat(n, nonzero, float(res.statistic), float(res.pvalue), method)


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm's step-down adjusted p-values (None stays None and does not count)."""
    present = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    m = len(present)
    out: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(present):
        running = max(running, min(1.0, (m - rank) * p))
        out[i] = running
    return out


def spearman(x: Sequence[float], y: Sequence[float]) -> SpearmanStat:
    """Spearman's rank correlation with its two-sided p-value."""
    if len(x) != len(y):
        raise ValueError("Spearman's correlation needs paired values")
    n = len(x)
    if n < 3:
        return SpearmanStat(n, None, None, msg("too few for the test"))
    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if bool((xa == xa[0]).all()) or bool((ya == ya[0]).all()):
        return SpearmanStat(n, None, None, msg("one of the two has the same value for every "
                                               "patient: no correlation"))
    res = sps.spearmanr(xa, ya)
    rho, p = float(res.statistic), float(res.pvalue)
    if math.isnan(rho):  # pragma: no cover - constant input is caught above
        return SpearmanStat(n, None, None, msg("no correlation can be computed"))
    return SpearmanStat(n, rho, p)
