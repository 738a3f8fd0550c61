"""Column types that keep clinical numbers exact across SQLite and server databases."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of places, stored as an integer count of the smallest unit
    (612.5 mL/min with places=1 is stored as 6125). Exact on every backend, unlike REAL or
    SQLite's NUMERIC affinity, and still summable in SQL."""

    impl = Integer
    cache_ok = True

    def __init__(self, places: int):
        super().__init__()
        self.places = places

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value).scaleb(self.places)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.places} decimal place(s)")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)
