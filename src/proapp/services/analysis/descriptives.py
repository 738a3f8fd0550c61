"""Descriptive statistics computed exactly in decimal arithmetic.

The values are integers (MIDAS) or fixed-point Decimals (FSS, flow), so the median and the
quartiles are exact decimals (with no more places than they need), and the mean and standard
deviation are rounded once, to two places more than a single value has. Written to the CSV
files as they are: no binary float ever turns 4.35 into 4.3499999.

Quartiles use linear interpolation between order statistics (Hyndman & Fan type 7: the
default of numpy, R and Excel's QUARTILE.INC); the SD is the sample SD (n - 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

Value = int | Decimal


@dataclass(frozen=True)
class Summary:
    n: int
    median: Decimal | None
    q1: Decimal | None
    q3: Decimal | None
    mean: Decimal | None
    sd: Decimal | None  # None for n < 2


def _step(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def trim(value: Decimal, places: int) -> Decimal:
    """``value`` without trailing zeros beyond the measure's own ``places`` (exact: only
    zeros are dropped): 5.4400 -> 5.44, 28.50 -> 28.5 (MIDAS), 362.625 stays."""
    exponent = int(value.as_tuple().exponent)
    while exponent < -places:
        shorter = value.quantize(Decimal(1).scaleb(exponent + 1))
        if shorter != value:
            break
        value, exponent = shorter, exponent + 1
    return value


def quantile(ordered: Sequence[Decimal], p: Decimal) -> Decimal:
    """Type-7 quantile of an ascending, non-empty sequence."""
    h = (len(ordered) - 1) * p
    lo = int(h)
    frac = h - lo
    if frac == 0 or lo + 1 >= len(ordered):
        return ordered[lo]
    return ordered[lo] + (ordered[lo + 1] - ordered[lo]) * frac


def summarize(values: Sequence[Value], places: int) -> Summary:
    """n, median, quartiles, mean and SD of ``values`` whose own precision is ``places``."""
    n = len(values)
    if n == 0:
        return Summary(0, None, None, None, None, None)
    with localcontext() as ctx:
        ctx.prec = 50
        data = sorted(Decimal(v) for v in values)
        out_step = _step(places + 2)
        median = quantile(data, Decimal("0.5"))
        q1, q3 = quantile(data, Decimal("0.25")), quantile(data, Decimal("0.75"))
        total = sum(data, Decimal(0))
        mean = total / n
        sd = None
        if n > 1:
            ss = sum(((x - mean) ** 2 for x in data), Decimal(0))
            sd = (ss / (n - 1)).sqrt().quantize(out_step, ROUND_HALF_EVEN)
        return Summary(n, trim(median.quantize(out_step), places),
                       trim(q1.quantize(out_step), places), trim(q3.quantize(out_step), places),
                       mean.quantize(out_step, ROUND_HALF_EVEN), sd)


def mean_of(values: Sequence[Value], places: int) -> Decimal | None:
    if not values:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        return (sum((Decimal(v) for v in values), Decimal(0)) / len(values)).quantize(
            _step(places), ROUND_HALF_EVEN)


def median_of(values: Sequence[Value], places: int) -> Decimal | None:
    if not values:
        return None
    return trim(quantile(sorted(Decimal(v) for v in values), Decimal("0.5")).quantize(
        _step(places + 2)), places)
