"""Session 23 (en4): the judge reads a question written as a title in sentence case (index/spelling.py), so its own
title-case skip of the unknown-name and place checks is gone: a sentence whose capitals are mostly names (What did
Wang Qi tell Zhou Xiaochuan about Nanyang?) looked like a title to names.title_case and its unknown name went
unchecked. Real index; the questions are this file's own."""

from __future__ import annotations

from retriever.answerability.features import question_unknown_names
from retriever.service import evidence_for


def test_an_unknown_name_among_known_ones_is_found(retriever):
    facts = retriever.answerability.facts
    found = question_unknown_names(evidence_for(retriever, "What did Wang Qi tell Zhou Xiaochuan about Nanyang?"), facts)
    assert found
    assert not question_unknown_names(evidence_for(retriever, "What did Wang Qi say about Nanyang Water?"), facts)


def test_a_title_is_still_read_as_a_sentence(retriever):
    facts = retriever.answerability.facts
    assert not question_unknown_names(evidence_for(retriever, "How Many Boilers Did Dalian Remove?"), facts)
