"""How the figures of an analysis are written, the same in the CSV files, the PDF and the GUI.

Values and descriptives are exact decimals and are written as they are. Statistics come from
scipy as binary floats and are written to a fixed number of digits: chi-square, W, rho and
Kendall's W to 4 decimals, p-values to 4 significant digits as R prints them (0.003805,
1.234e-12). Anybody who recomputes a test with scipy and formats it this way gets the same
text, to the last digit.
"""

from __future__ import annotations

from decimal import Decimal


def fixed(value: float | None, places: int = 4) -> str:
    """A statistic as fixed-point text ("11.1429"); blank for None; never "-0.0000"."""
    if value is None:
        return ""
    out = f"{value:.{places}f}"
    return out[1:] if out.startswith("-") and float(out) == 0 else out


def p_text(value: float | None) -> str:
    """A p-value to 4 significant digits ("0.003805", "1.234e-12"); blank for None."""
    if value is None:
        return ""
    return f"{value:.4g}"


def decimal(value: Decimal | int | None) -> str:
    """An exact value as fixed-point text ("4.35", "612.5", "12"); blank for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
