"""The data dictionary every export writes: one row per column with its meaning, type, unit,
range and codes, generated from the column catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from proapp.services.exchange.columns import Column

HEADER = ("file", "column", "label", "type", "unit", "range", "codes", "computed", "meaning")
MISSING_NOTE = " Blank means missing (not answered / not measured), never 0."


@dataclass(frozen=True)
class Entry:
    file: str
    column: Column
    name: str = ""  # when it differs from column.name (wide layout)
    suffix: str = ""  # appended to the meaning

    def cells(self) -> tuple[str, ...]:
        c = self.column
        kind = c.kind.value + (f" ({c.places} decimals)" if c.places else "")
        return (self.file, self.name or c.name, c.label, kind, c.unit, c.range_text,
                c.codes_text, "yes" if c.computed else "no",
                c.meaning + self.suffix + ("" if c.required else MISSING_NOTE))


def entries(file: str, columns: Iterable[Column]) -> list[Entry]:
    return [Entry(file, c) for c in columns]
