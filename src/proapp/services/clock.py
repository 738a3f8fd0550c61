"""The one place services read the time, so tests and the demo can pin it."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Naive UTC, as stored in DateTime columns."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    return date.today()
