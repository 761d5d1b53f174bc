"""Regular expressions compiled on their first use, not when their module is imported.

Python compiles a pattern in Python code (re._compiler): the answerability modules' few hundred patterns took about a
quarter of a cold question's import time, though a question uses fewer than half of them. ``lazy_compile`` takes
re.compile's arguments and gives an object that compiles them the first time one of the pattern's attributes
(search, match, sub, pattern, ...) is asked for, then hands over the compiled pattern's own. Use it only for a
pattern that is called through its methods: re.search(p, text) and isinstance(p, re.Pattern) need the real one
(``.compiled()``).
"""

from __future__ import annotations

import re


class LazyPattern:
    """re.compile(pattern, flags), done on first use; see the module docstring."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags, self._compiled = pattern, flags, None

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self._pattern, self._flags)
        return found

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """re.compile(pattern, flags) deferred to the pattern's first use."""
    return LazyPattern(pattern, flags)
