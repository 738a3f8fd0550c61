"""Packages whose names are imported from their modules when first used.

A package that re-exports its modules' names (``accounts.authenticate``) would import every
module, and what they import, as soon as any one name is wanted; the start-up paths (a
command's sign-in, the sign-in dialog) need a few of them and none of the ORM. Such a package
lists where each name lives and sets ``__getattr__ = lazy_names(__name__, WHERE, globals())``
(PEP 562); type checkers read the names from its ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, where: Mapping[str, str],
               namespace: dict[str, Any]) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: ``name`` from its module ``where[name]`` (relative to
    the package), kept in ``namespace`` so that it is looked up once."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
