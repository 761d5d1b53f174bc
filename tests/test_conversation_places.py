"""Follow-ups that name a place the index does not know, or another partner of the same preposition (session 18,
followups13's tune conversations: 那跟河南省内的郑州呢？ after 南阳跟陕西、湖北建了什么机制？ was searched as
南阳跟陕西、河南建了什么机制？ and answered)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "history", "searched"),
    [
        ("那跟河南省内的郑州呢？", "南阳跟陕西、湖北建了什么机制？", "南阳跟河南省内的郑州建了什么机制？"),
        ("那跟湖南呢？", "南阳跟陕西、湖北建了什么机制？", "南阳跟湖南建了什么机制？"),
        ("那和长沙呢？", "湘潭和株洲一起治理了什么？", "湘潭和长沙一起治理了什么？"),
        ("那向银行呢？", "湘潭向国家申请了多少资金？", "湘潭向银行申请了多少资金？"),
        ("那杭州呢？", "大连拆除了多少台燃煤锅炉？", "杭州拆除了多少台燃煤锅炉？"),
        ("郑州呢？", "南阳的水质怎么样？", "郑州的水质怎么样？"),
        ("那济宁呢？", "大连拆除了多少台燃煤锅炉？", "济宁拆除了多少台燃煤锅炉？"),
    ],
)
def test_another_partner_or_an_unknown_place_takes_the_places_place(retriever, question, history, searched):
    assert retriever.answer(question, k=5, history=[history]).rewritten == searched


def test_a_partner_the_text_never_names_is_refused(retriever):
    answer = retriever.answer("那跟郑州呢？", k=5, history=["南阳跟陕西、湖北建了什么机制？"])
    assert answer.abstained and "郑州" in answer.notice
    answer = retriever.answer("那杭州呢？", k=5, history=["大连拆除了多少台燃煤锅炉？"])
    assert answer.abstained and "杭州" in answer.notice
