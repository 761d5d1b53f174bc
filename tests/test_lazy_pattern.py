"""Patterns compiled on first use (index/lazy_pattern.py) behave as re.compile's."""

from __future__ import annotations

import re

from index.lazy_pattern import LazyPattern, lazy_compile


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_re():
    lazy = lazy_compile(r"(多少|几)(台|名)", re.I)
    assert isinstance(lazy, LazyPattern) and lazy._compiled is None
    real = re.compile(r"(多少|几)(台|名)", re.I)
    text = "大连拆除了多少台锅炉，济宁有几名网格员？"
    assert lazy.search(text).group(0) == real.search(text).group(0) == "多少台"
    assert lazy.findall(text) == real.findall(text) and lazy.sub("#", text) == real.sub("#", text)
    assert lazy.pattern == real.pattern and lazy.flags == real.flags and lazy.groups == 2
    assert lazy.compiled() is lazy._compiled and isinstance(lazy.compiled(), re.Pattern)


def test_the_answerability_patterns_are_lazy_until_used():
    """A module's patterns stay uncompiled when its import runs (the cold start's point)."""
    from retriever.answerability import preamble

    lazy = [v for v in vars(preamble).values() if isinstance(v, LazyPattern)]
    assert len(lazy) > 40
