"""Session 27 (fa9): the answering sentence's own word for an asked word (focus.with_sentence_synonyms), a
how-question's action said in the reader's word, and the text named with a measure word (这场谈话)."""

from __future__ import annotations

from retriever.answerability.focus import with_sentence_synonyms
from retriever.answerability.preamble import self_referenced
from retriever.answerability.units import Unit


def _u(word: str) -> Unit:
    return Unit(word, float(len(word)), (word,))


def test_the_sentences_word_for_a_counted_noun_becomes_a_form():
    company, left = _u("公司"), _u("退出")
    sentences = ["竹埠港28家企业全部退出", "普邦园林公司成立于1995年"]
    out = with_sentence_synonyms([company, left], sentences)
    assert "企业" in out[0].forms and out[1] == left
    assert "标准" in with_sentence_synonyms([_u("规格"), _u("水质")], ["湘江湘潭段水质总体达到三类标准"])[0].forms


def test_it_fails_open_only():
    # an attribute asked alone: nothing else asked ties the sentence to the question
    assert with_sentence_synonyms([_u("公司")], ["28家企业全部退出"]) == [_u("公司")]
    # a sentence that holds the asked word with the others: as asked
    both = [_u("公司"), _u("退出")]
    assert with_sentence_synonyms(both, ["28家公司全部退出，企业搬迁"]) == both
    # no word of two shared meanings in the sentence: as asked
    assert with_sentence_synonyms([_u("员工"), _u("退出")], ["28家企业全部退出"])[0].forms == ("员工",)


def test_the_text_named_with_a_measure_word_is_no_asked_word():
    assert self_referenced("这场谈话的主持人是谁？") == "主持人是谁？"
    assert self_referenced("这次海口的论坛是第几届？") == "这次海口的论坛是第几届？"
