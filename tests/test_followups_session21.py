"""Follow-ups refused once completed (session 21): the judge looked for a word the answer need not write.

- an origin noun asked with a where-word (他老家是哪儿的) is the kind of answer asked (土生土长的广州人), not a
  word the text must write, as the place noun of a where-question is not;
- jieba cut 黄标车用 into 黄标|车用: a two-character word the text never writes, one of whose characters ends a word
  the text writes with the question's characters before it (黄标车), is that word.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["他老家是哪儿的", "他老家在哪里？"])
def test_an_origin_noun_asked_with_a_where_word_is_no_word_the_text_must_write(retriever, question):
    answer = retriever.answer(question, k=5, history=["广州普邦园林派了哪位副总裁来参加对话？"])
    assert "区锦雄" in answer.rewritten
    assert not answer.abstained


def test_a_noun_the_text_never_writes_is_still_absent_in_a_where_question(retriever):
    answer = retriever.answer("他的母校在哪里？", k=5, history=["广州普邦园林派了哪位副总裁来参加对话？"])
    assert answer.abstained


@pytest.mark.parametrize(
    ("history", "question"),
    [
        (["区锦雄说广州花了多少年治珠江？", "湘潭靠什么融资？"], "那大连交警上门排查黄标车用的是什么方式？"),
        (["济宁配备了多少名专职网格员？"], "大连排查黄标车用了什么办法？"),
    ],
)
def test_a_word_cut_across_a_boundary_is_the_longer_word_the_text_writes(retriever, history, question):
    answer = retriever.answer(question, k=5, history=history)
    assert not answer.abstained
    assert "进企业、进村屯、进家庭" in answer.passages[0].text
