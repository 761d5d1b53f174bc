"""Passages that frame the dialogue come first only when the question asks for them (retriever/framing.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.errors import InvalidArgumentError
from retriever import Retriever
from retriever.framing import HEADLINE, HOST, TITLE, WHO, answers_first, asked_kinds, asks_account, frame_of, framed
from retriever.settings import FusionSettings


def test_asked_kinds_read_who_host_and_title():
    assert asked_kinds("大连市环保局局长叫什么名字？") == {WHO}
    assert asked_kinds("Which company does Ou Jinxiong work for, and what is his position?") == {WHO}
    assert asked_kinds("主持人用什么话为这次对话收尾？") == {HOST}
    assert asked_kinds("主持人是谁啊？") == {HOST, WHO}
    assert asked_kinds("这场对话录的标题是什么？") == {TITLE}
    assert asked_kinds("中国环境报怎么看企业参与？", hosts=["中国环境报"]) == {HOST}
    assert asked_kinds("区锦雄是做什么的？") == asked_kinds("What is Wang Qi's title?") == {WHO}
    # the name of the dialogue itself is its title, not who someone is
    assert asked_kinds("这篇对话录叫什么名字？") == asked_kinds("What is the title of this dialogue?") == {TITLE}
    assert asked_kinds("對話人都有谁？") == {WHO}
    assert asked_kinds("王奇是哪个省的？") == asked_kinds("苏国军在哪个城市工作？") == asked_kinds("普邦园林的全称是什么？") == {WHO}
    # a caption gives the present post: what someone did before is in their own words
    assert asked_kinds("张海冰以前在哪个单位工作？") == asked_kinds("Where did Xu Wei work before?") == frozenset()
    # names and position words only: who they are
    names = ["张海冰", "王奇", "南阳", "大连"]
    assert asked_kinds("张海冰局长", names=names) == asked_kinds("王奇 南阳", names=names) == {WHO}
    assert asked_kinds("张海冰局长说了什么", names=names) == frozenset()
    # a job taken or a company named is not who someone is
    assert asked_kinds("What was the first thing Zhang Haibing did after taking the job?") == frozenset()
    assert asked_kinds("What happens to a Nanyang company with a bad record?") == frozenset()
    assert asked_kinds("张海冰来环保局之前在哪里工作？") == frozenset()
    # a headline may be the page's or a section's; 小标题 is a section's, 大标题 and the document's title the page's
    assert asked_kinds("What principles does the headline about air pollution list?") == {TITLE, HEADLINE}
    assert asked_kinds("许伟那部分的小标题是什么？") == {HEADLINE}
    assert asked_kinds("这篇对话录的大标题叫什么？") == {TITLE}
    # the host is a person: not the verb (Nanyang hosts the canal's head) nor the place (the host city)
    assert asked_kinds("What did the host say about Dalian?") == asked_kinds("How did the hosts close the dialogue?") == {HOST}
    assert asked_kinds("Does Nanyang host the head of the canal?") == asked_kinds("What was the host city?") == frozenset()


def test_frame_of_each_kind():
    assert frame_of("question", "中国环境报") == HOST
    assert frame_of("participants", "") == WHO
    assert frame_of("note", "王奇") == WHO  # a caption names its speaker
    assert frame_of("title", "") == TITLE
    assert frame_of("note", "") is None  # an editor's note gives facts of its own
    assert frame_of("headline", "王奇") == HEADLINE  # moved up when a headline is asked for, never down
    assert frame_of("speech", "王奇") is None and frame_of("text", "") is None


def test_framed_moves_framing_passages_by_what_is_asked():
    fused = [("caption", 0.9), ("turn", 0.8), ("title", 0.5)]
    frames = {"caption": WHO, "title": TITLE, "turn": None}
    assert framed(fused, frames, frozenset(), 0.3) == [("turn", 0.8), ("caption", 0.9 - 0.3), ("title", 0.5 - 0.3)]
    # the host's lead-ins state facts of their own: raised when the host is asked about, else left alone
    lead = [("lead", 0.9), ("turn", 0.8)]
    assert framed(lead, {"lead": HOST}, frozenset(), 0.3) == lead
    assert framed(lead, {"lead": HOST}, frozenset({HOST}), 0.3) == [("lead", 0.9 + 0.3), ("turn", 0.8)]
    assert framed(fused, frames, frozenset({WHO}), 0.3) == [("caption", 0.9 + 0.3), ("turn", 0.8), ("title", 0.5 - 0.3)]
    assert framed(fused, frames, frozenset({TITLE}), 0.3)[0] == ("title", 0.5 + 0.3)
    assert framed(fused, frames, frozenset(), 0.0) == fused
    assert framed([("b", 0.5), ("a", 0.5)], {}, frozenset(), 0.3) == [("a", 0.5), ("b", 0.5)]  # ties break by id
    # the head of a longer run: never moved below the best score after it, so head + rest stays sorted
    assert framed(fused, frames, frozenset(), 0.3, floor=0.45) == [("turn", 0.8), ("caption", 0.9 - 0.3), ("title", 0.45)]


def test_a_lead_in_comes_after_the_answer_of_its_own_exchange_on_a_near_tie():
    fused = [("lead", 0.90), ("turn", 0.85), ("other", 0.84), ("far", 0.50)]
    exchanges = {"lead": ("s1", True), "turn": ("s1", False), "other": ("s2", False), "far": ("s1", False)}
    moved = answers_first(fused, exchanges, frozenset(), 0.1)
    assert [cid for cid, _ in moved] == ["turn", "lead", "other", "far"] and moved[1][1] < 0.85
    assert answers_first(fused, exchanges, frozenset(), 0.03) == fused  # no near tie
    assert answers_first(fused, exchanges, frozenset({HOST}), 0.1) == fused  # what the host said is asked
    assert answers_first(fused, {**exchanges, "turn": ("s2", False)}, frozenset(), 0.1) == fused  # not its exchange
    assert answers_first(fused, exchanges, frozenset(), 0.0) == fused


def test_a_headline_comes_after_the_answer_of_its_own_section_unless_a_headline_is_asked_for():
    fused = [("head", 0.873), ("turn", 0.870), ("lead", 0.869), ("other", 0.86)]
    exchanges = {"head": ("s1", True), "turn": ("s1", False), "lead": ("s1", True), "other": ("s2", False)}
    frames = {"head": HEADLINE, "lead": HOST}
    moved = answers_first(fused, exchanges, frozenset(), 0.1, frames)
    assert [cid for cid, _ in moved][:1] == ["turn"] and moved[0][1] == 0.870
    # asked for by name (小标题, headline): it keeps its place; the host's lead-in still gives way
    assert [cid for cid, _ in answers_first(fused, exchanges, frozenset({HEADLINE}), 0.1, frames)][:2] == ["head", "turn"]
    # what the host said is asked: the lead-in keeps its place, the headline still gives way
    hosted = answers_first([("lead", 0.9), ("head", 0.88), ("turn", 0.87)], exchanges, frozenset({HOST}), 0.1, frames)
    assert [cid for cid, _ in hosted] == ["lead", "turn", "head"]


def test_asks_account_reads_how_and_why_not_how_many():
    assert asks_account("南阳市如何治理水污染？") and asks_account("为什么大连市环保局的同志腰杆硬了？")
    assert asks_account("大连那些黄标车是咋查的？") and asks_account("How does Xiangtan clean up pollution?")
    assert not asks_account("How many coal-fired boilers did Dalian dismantle?")
    assert not asks_account("大连市环保局的同志们给人什么感觉？") and not asks_account("How long did Dalian need?")


def test_settings_refuse_a_bad_framing_weight():
    with pytest.raises(InvalidArgumentError, match="framing_weight must be within"):
        FusionSettings(framing_weight=-0.1)
    assert FusionSettings().to_json()["framing_weight"] == 0.3
    with pytest.raises(InvalidArgumentError, match="lead_in_margin must be within"):
        FusionSettings(lead_in_margin=-0.1)


def top(retriever: Retriever, question: str):
    return retriever.search(question, k=3)[0]


def test_the_speakers_answer_comes_before_the_caption_that_names_them(retriever):
    off = Retriever(retriever.index, replace(retriever.settings, fusion=FusionSettings(framing_weight=0.0)))
    # the caption '辽宁省大连市环保局/局长张海冰' is the nearest passage to a question naming him ('Zhang Haibing 以前在哪
    # work' no longer shows it: since 'work' maps only to 工作, BM25 finds his answer first even without framing)
    question = "Zhang Haibing 以前在哪工作"
    assert top(off, question).kind == "note"
    assert top(retriever, question).kind == "speech" and top(retriever, question).citation.speaker == "张海冰"
    # ... and still the answer to who he is
    named = top(retriever, "大连市环保局局长叫什么名字？")
    assert named.kind == "note" and "张海冰" in named.text
    # the title answers what the dialogue is called (an editor's note about titles came first until BM25 read the
    # dialogue's turns without the title: now the title's own words find it even without framing)
    title = "这场对话录的标题是什么？"
    assert top(off, title).kind == "title" and top(retriever, title).kind == "title"
    # the host's closing words, not the participants list that names the host
    closing = "主持人用什么话为这次对话收尾？"
    assert top(off, closing).kind == "participants" and "美丽中国" in top(retriever, closing).text
    # a fact the host states, asked without naming the host, is still found in the host's words
    assert "腰杆特别硬" in top(retriever, "大连市环保局的同志们给人什么感觉？").text


def test_a_how_question_finds_the_speakers_answer_before_the_hosts_lead_in(retriever):
    off = Retriever(retriever.index, replace(retriever.settings, fusion=FusionSettings(lead_in_margin=0.0)))
    for question in ("湘潭作为老工业城市如何治理污染？", "How does Xiangtan clean up pollution as an old industrial city?"):
        assert top(off, question).kind == "question"  # the lead-in words the topic: 湘潭市是老工业城市 ... 污染治理
        assert top(retriever, question).kind == "speech" and top(retriever, question).citation.speaker == "苏国军"
