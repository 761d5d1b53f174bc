"""Session 26 (fa8): the asker's frame read as such once a polite opening or a closing particle is added, 第多少个 read
as a rank, and the answering sentence's own word for an asked word the text never writes."""

from __future__ import annotations

from retriever.answerability.focus import synonym_in_sentence
from retriever.answerability.preamble import netizen, unframed
from retriever.answerability.quantity import ORDINAL, asked_unit
from retriever.answerability.units import Unit


def test_a_cheer_before_a_closing_particle_asks_nothing():
    assert "666" not in netizen("济宁罚了四千来万？具体罚了多少钱 666呢")
    assert "666" not in netizen("济宁罚了四千来万？具体罚了多少钱 666啊")
    assert "2666" in netizen("济宁罚了2666呢")  # a figure written in the question stays


def test_the_polite_opening_comes_off_before_the_frames():
    assert "听说" not in unframed("请问听说济宁在城区周边布了两百个空气微站，真的假的呢？")
    assert "志工" not in unframed("请问我在臺灣做環保志工，想請問南陽的河長制是怎麼推行的呢？")
    assert "intitle" not in unframed('请问intitle:湘潭 "47个重点项目" 四大片区呢')
    # the asker's own context keeps its place words (situated): no opening is taken off before it
    assert "湘潭" in unframed("我是湘潭人，小时候在竹埠港边上长大，那边的化工厂现在还在不在？")


def test_di_duoshao_asks_a_rank():
    assert asked_unit("南阳的试验区是全国第多少个？") == ORDINAL == asked_unit("南阳的试验区是全国第几个？")


def test_the_sentence_s_own_word_with_the_other_asked_words():
    sentences = ["湘潭竹埠港28家化工企业全部退出", "普邦园林现有工作人员若干"]
    other = [Unit("竹埠港", 3.0, ("竹埠港",))]
    assert synonym_in_sentence("公司", other, sentences) == "企业"
    # an attribute asked alone (多少名员工 where a sentence writes 人员) stays unknown
    assert synonym_in_sentence("员工", [], sentences) == ""
    # the other asked word must stand in the same sentence
    assert synonym_in_sentence("员工", [Unit("锅炉", 2.0, ("锅炉",))], sentences) == ""
    # a frame word is how the asker talks: any answering sentence may write it
    assert synonym_in_sentence("事实上", [], ["人们实际上享受的是好空气"]) == "实际上"
