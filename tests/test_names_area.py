"""unknown_names (retriever/answerability/names.py) on another text's questions: a place asked with its kind of area."""

from __future__ import annotations

from retriever.answerability.names import unknown_names

TEXT = "目前在台湾由爱贝克思代理。湖南的湘江。"


def contains(word: str) -> bool:
    return word in TEXT


def test_a_place_asked_with_its_kind_of_area_is_known_when_the_text_writes_the_place():
    # CMRC 2018 trial: 此品牌的台湾地区代理人是谁 of a paragraph that writes 台湾 only
    assert unknown_names("目前，此品牌的台湾地区代理人是谁？", contains) == []
    assert unknown_names("湖南省的湘江有多长？", contains) == []


def test_a_place_the_text_never_writes_stays_unknown_with_or_without_its_area():
    assert unknown_names("广东省的珠江有多长？", contains) == ["广东省", "珠江"]
    assert unknown_names("珠江在广东哪里？", contains) == ["珠江", "广东"]
