"""How Chinese states a fact in other words than the question's (session 19, cmrc7: CMRC 2018 even-half false
abstentions): a kinship or belonging told from the other side (嫁…为妻 for 丈夫, 旗下 for 隶属于), two words of one head
merged (经纬度 of 纬度), an amount in a measure (分值 of 3分), the verb framing an asked event (遭遇了什么事情), the kind
of an asked name written before 是哪家, a capitalised Latin name (Gtk♯). Real jieba throughout."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from index.lexicon import ENGLISH_KEY
from index.records import Chunk
from retriever.answerability.features import (
    Evidence,
    IndexFacts,
    Unit,
    _measure_amount_written,
    _merged_pair_written,
    analyse,
    with_article_words,
)
from retriever.answerability.focus import event_frames
from retriever.answerability.kinds import asked_kind, kind_before_which
from retriever.answerability.names import nonsense
from retriever.answerability.subjects import subject_entities, subject_texts
from retriever.conversation.knowledge import build_knowledge
from tests.test_answerability_subjects import chunk

DOCS = [SimpleNamespace(doc="d1", title="阵内智则"), SimpleNamespace(doc="d2", title="前田利家 (武将)")]
COMEDIAN = "阵内智则是日本的搞笑艺人，出身于兵库县加古川市。1992年以单人搞笑艺人身份出道。"
SAMURAI = "前田利家是日本战国时代的武将。1569年，前田利家被织田信长任命为知行，继承了前田家的家督。"



def evidence(question: str, terms: tuple[str, ...], passages: list[Chunk]) -> Evidence:
    cosines = tuple(np.full(len(c.sentence_spans), 0.9) for c in passages)
    return Evidence(question, "zh", terms, tuple(passages), cosines, 0.9)


def scoped(comedian: str, samurai: str, known=None):
    """Facts over the two articles, read article by article (subjects.subject_texts), as CMRC's collection is."""
    docs = [chunk("d1", comedian), chunk("d2", samurai)]
    text = comedian + samurai
    subjects = subject_entities(DOCS)
    facts = IndexFacts((), build_knowledge([], [text], {}), lambda s: bool(s) and s in text, {}, known, subjects,
                       subject_texts=subject_texts(subjects, docs))
    return docs, facts


def test_a_kinship_is_written_from_the_other_side():
    """魏玩的丈夫是谁 against 嫁曾布为妻; 父亲 against …之子; 孩子 against 育有: the converse states the asked relation.
    A film's title holding 结婚 tells of no spouse."""
    samurai = SAMURAI + "前田利家娶阿松为妻。前田利家是前田利昌之子。"
    comedian = COMEDIAN + "阵内智则出演了电影《结婚倒数180天》。"
    docs, facts = scoped(comedian, samurai)
    wife = analyse(evidence("前田利家的妻子是谁？", ("前田利家", "妻子"), docs), facts)
    assert "妻子" in wife.focus and "妻子" not in wife.unwritten
    father = analyse(evidence("前田利家的父亲是谁？", ("前田利家", "父亲"), docs), facts)
    assert "父亲" in father.focus and "父亲" not in father.unwritten
    husband = analyse(evidence("阵内智则的妻子是谁？", ("阵内智则", "妻子"), docs), facts)
    assert "妻子" in husband.unwritten  # 《结婚倒数180天》 is a film's name
    parents = analyse(evidence("阵内智则的父亲是谁？", ("阵内智则", "父亲"), docs), facts)
    assert "父亲" in parents.unwritten


def test_belonging_is_written_from_the_other_side():
    """隶属于哪家公司 against …旗下的艺人: one relation, told from the owner's side."""
    comedian = COMEDIAN + "阵内智则是吉本兴业旗下的艺人。"
    docs, facts = scoped(comedian, SAMURAI)
    belongs = analyse(evidence("阵内智则隶属于哪家公司？", ("阵内智则", "隶属于", "公司"), docs), facts)
    assert "隶属于" not in belongs.unwritten
    samurai = analyse(evidence("前田利家隶属于哪家公司？", ("前田利家", "隶属于", "公司"), docs), facts)
    assert "隶属于" in samurai.unwritten


def test_the_articles_own_noun_counts_the_asked_thing_but_not_a_verbs_synonym():
    """几个孩子 of 育有3名子女: the count stands beside the article's word (focus_sentence); a verb's synonym (回到 of
    重返) does not stand for the asked verb in the answer checks."""
    kids = with_article_words([Unit("孩子", 2.0, ("孩子",))], ["前田利家育有3名子女"], None)
    assert "子女" in kids[0].forms
    back = with_article_words([Unit("回到", 2.0, ("回到",))], ["他于1999年重返舞台"], None)
    assert back[0].forms == ("回到",)
    samurai = SAMURAI + "前田利家已婚，育有3名子女。"
    docs, facts = scoped(COMEDIAN + "阵内智则的孩子很可爱。", samurai, known=lambda w: w in {"子女", "孩子"})
    counted = analyse(evidence("前田利家有几个孩子？", ("前田利家", "孩子"), docs), facts)
    assert counted.values["focus_sentence"] == 1.0 and counted.unwritten == ()


def test_two_words_of_one_head_merged_and_an_amount_in_a_measure_are_written():
    """经纬度 where the text writes 纬度 (经度 + 纬度), not 副市长 where it writes 市长 (副长 is no word); 分值 where the text
    gives 3分, not where it writes 分 of no number."""
    latitude = "其塔顶纬度为北纬23°26′31，东经113°28′。"
    assert _merged_pair_written("经纬度", lambda s: s in latitude)
    assert _merged_pair_written("中小学", lambda s: s in "他在当地的小学读书")
    assert not _merged_pair_written("副市长", lambda s: s in "市长出席了会议")
    assert _measure_amount_written("分值", lambda s: s in "3分以下表示情况危殆，7-10分为正常")
    assert not _measure_amount_written("分值", lambda s: s in "部分地区分为两类")
    # the whole question: neither 经纬度 nor its piece 经纬 is a rare noun of another subject
    facts = IndexFacts((), build_knowledge([], [latitude], {}), lambda s: bool(s) and s in latitude, {})
    tower = analyse(evidence("塔顶的经纬度是多少？", ("塔顶", "经纬度", "经纬"), [chunk("d1", latitude)]), facts)
    assert tower.absent == () and tower.values["focus_known"] == 1.0


def test_the_verb_framing_an_asked_event_is_no_asked_word():
    """此大厦遭遇了什么事情: what happened is asked (English 'happen'); the answer tells it in its own verb (发生大火)."""
    assert event_frames("此大厦遭遇了什么事情？") == {"遭遇"}
    assert event_frames("当年发生过什么事？") == {"发生"}
    assert event_frames("此大厦有多高？") == frozenset()
    text = "1982年感恩节期间，该大厦发生大火，大厦被严重破坏。"
    facts = IndexFacts((), build_knowledge([], [text], {}), lambda s: bool(s) and s in text, {})
    fire = analyse(evidence("在1982年感恩节期间，此大厦遭遇了什么事情？", ("1982", "感恩节", "期间", "大厦", "遭遇", "事情"),
                            [chunk("d1", text)]), facts)
    assert "遭遇" not in fire.focus and fire.absent == () and fire.values["focus_known"] == 1.0


def test_the_kind_of_an_asked_name_before_which():
    """所属的公司是哪家 asks as 哪家公司 does: the answer's name (JR东日本) need not write 公司."""
    assert kind_before_which("那须盐原车站所属的公司是哪家？", "公司")
    assert not kind_before_which("该省的首府是哪座城市？", "首府")
    assert asked_kind("那须盐原车站所属的公司是哪家？", "zh", {}) == ("公司",)
    samurai = SAMURAI + "前田利家所属的加贺藩由前田家统治。"
    docs, facts = scoped(COMEDIAN + "阵内智则所在的经纪公司很大。", samurai)  # the collection writes 公司, his article not
    which = analyse(evidence("前田利家所属的公司是哪家？", ("前田利家", "所属", "公司"), docs), facts)
    assert "公司" not in which.unwritten
    count = analyse(evidence("前田利家有几家公司？", ("前田利家", "公司"), docs), facts)
    assert "公司" in count.unwritten


def test_a_capitalised_latin_name_in_a_chinese_question_is_a_word():
    """什么是Gtk♯: Gtk has no vowel, but capitalised in a Chinese question it is a name, no key mash."""
    lexicon = {ENGLISH_KEY: ["what", "library"]}
    assert nonsense("什么是Gtk♯？", lexicon) == 0.0
    assert nonsense("什么是sdfg？", lexicon) == 1.0
    assert nonsense("sdfg", lexicon) == 1.0


def test_who_is_answered_by_a_name_in_latin_letters_or_with_its_short_form():
    """萱侬律的经营权归谁所有 against 由Kampon Tansacha先生…; 经营方是谁 against 东日本旅客铁道（JR东日本）: a foreign person's
    or firm's name in Latin letters, and a body's full name with its Latin short form, answer who without a suffix."""
    from index.normalize import canonical
    from retriever.answerability.answer_check import gives
    from retriever.answerability.asked import PERSON

    assert gives(canonical("自2001年起，萱侬律的经营权由Kampon Tansacha先生所有。"), PERSON, ("萱侬律", "经营权"))
    assert gives(canonical("那须盐原车站是东日本旅客铁道（JR东日本）所经营的铁路车站。"), PERSON, ("那须盐原车站", "经营"))
    assert not gives(canonical("萱侬律的经营权在2001年有了变化。"), PERSON, ("萱侬律", "经营权"))
    assert not gives(canonical("该市的PM2.5浓度下降了。"), PERSON, ("浓度",))
    assert not gives(canonical("萱侬律的经营权在Kampon手中。"), PERSON, ("萱侬律", "kampon"))  # the question's own name
