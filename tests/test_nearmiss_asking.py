"""How people ask for a fact the text never gives (session 20, nm1): a day asked (几月几号, 哪一天, on what date) is
answered only by a day of the calendar, not by a quarter or a year; a figure the question restates (那47个重点项目
完工了几个) is no answer to a part of it; a what-question about an article's subject asks
the thing its noun names (用途, 墓碑, 别名), which that article must write.
Reworded questions, not the sets' rows; the real index and jieba for the forum, small articles for a collection."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from index.normalize import canonical
from retriever.answerability.answer_check import DAY, clause_number, quoted_numbers, stated_answer
from retriever.answerability.asked import TIME, answer_kind, asks_day
from retriever.answerability.features import Evidence, IndexFacts, Unit, analyse
from retriever.answerability.quantity import COUNT, asked_unit
from retriever.answerability.subjects import subject_entities, subject_texts
from retriever.conversation.knowledge import build_knowledge
from tests.test_answerability_subjects import chunk as _chunk

# --- a day asked --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "day"),
    [("南阳是几月几号开的会？", True), ("那份意见是哪一天印发的", True), ("On what date did the forum open?", True),
     ("会是几号开的", True), ("南阳是哪一年开的会？", False), ("南阳什么时候开的会？", False), ("When did the forum open?", False)],
)
def test_a_day_is_asked_by_its_own_words(question, day):
    assert asks_day(question) is day
    assert answer_kind(question, "zh" if not question.isascii() else "en") == TIME


@pytest.mark.parametrize("question", ["济宁是几月几号被约谈的？", "会议是几号召开的", "几月份开始整治的"])
def test_a_date_asked_with_ji_is_no_count(question):
    assert asked_unit(canonical(question)) is None  # a time question's, not 几 counting months or days


def test_a_count_and_a_length_asked_with_ji_stay_numbers():
    assert asked_unit(canonical("大连拆了几台锅炉？")) == "台"
    assert asked_unit(canonical("整治花了几个月？")) is not None


def test_a_day_is_given_only_by_a_day_of_the_calendar():
    words = [Unit("约谈", 1.0, ("约谈",))]
    quarter = [_chunk("d", "济宁市2016年第一季度主要污染指标反弹，被环保部门约谈后，压力空前。")]
    dated = [_chunk("d", "济宁市3月18日被环保部门约谈，压力空前。")]
    assert stated_answer(TIME, words, quarter, ()) == 1.0  # a when-question takes the year
    assert stated_answer(DAY, words, quarter, ()) == 0.0  # 几月几号 does not
    assert stated_answer(DAY, words, dated, ()) == 1.0
    assert stated_answer(DAY, words, [_chunk("d", "论坛于12 月 17 日在海口召开，济宁被约谈的情况也有通报。")], ()) == 1.0


def _stated(retriever, question: str) -> float:
    from retriever.service import evidence_for

    return retriever.answerability.analyse(evidence_for(retriever, question)).values["stated_answer"]


def test_a_day_the_forum_never_gives_is_no_answer(retriever):
    assert _stated(retriever, "济宁被环保部门约谈是在几月几号？") == 0.0  # the text says 第一季度 only
    assert _stated(retriever, "大连开环境保护工作会议是哪一天？") == 0.0  # 年初 only
    assert _stated(retriever, "全国环保厅局长论坛是几月几号开的？") == 1.0  # 12 月 17 日
    assert _stated(retriever, "What date was the national forum of environment bureau chiefs held on?") == 1.0


# --- a what-question about an article's subject --------------------------------------------------------------------

HERB = "五月艾是菊科蒿属的植物。五月艾分布于亚洲东部，生长在海拔较低的山坡。"
SINGER = "潘嘉丽是香港的女歌手，著有《城市》等专辑。她曾在多部电视剧中演出。"
DOCS = [SimpleNamespace(doc="d1", title="五月艾"), SimpleNamespace(doc="d2", title="潘嘉丽"),
        SimpleNamespace(doc="d3", title="二十一世纪初期香港流行音乐研究的新进展与问题")]


def _facts(herb: str = HERB, singer: str = SINGER):
    docs = [_chunk("d1", herb), _chunk("d2", singer)]
    text = herb + singer + "这种草药的用途很广，墓碑上刻着诗句，他的职业和著作都有名。"  # another article writes them
    subjects = subject_entities(DOCS)
    facts = IndexFacts((), build_knowledge([], [text], {}), lambda s: bool(s) and s in text, {}, None, subjects,
                       subject_texts=subject_texts(subjects, docs))
    return docs, facts


def _analysed(question: str, terms: tuple[str, ...], docs, facts):
    cosines = tuple(np.full(len(c.sentence_spans), 0.9) for c in docs)
    return analyse(Evidence(question, "zh", terms, tuple(docs), cosines, 0.9), facts)


def test_a_noun_the_subjects_article_never_writes_is_not_known_there():
    """CMRC's entity near misses: 五月艾的用途是什么 (the herb's article never writes 用途; another text does)."""
    docs, facts = _facts()
    uses = _analysed("五月艾的用途是什么？", ("五月艾", "用途"), docs, facts)
    assert uses.unwritten == ("用途",) and uses.values["focus_known"] == 0.0
    written = _analysed("五月艾的用途是什么？", ("五月艾", "用途"), *_facts(herb=HERB + "五月艾的用途是入药。"))
    assert written.values["focus_known"] == 1.0


def test_a_lists_class_and_the_subjects_identity_need_not_be_written():
    """The article names a list's members without their class (著有《城市》) and says what its subject is in its own
    words (女歌手): 著作有哪些 and 职业是什么 are answered there; a verb is not checked either."""
    docs, facts = _facts()
    assert _analysed("潘嘉丽的著作有哪些？", ("潘嘉丽", "著作"), docs, facts).values["focus_known"] == 1.0
    assert _analysed("潘嘉丽的职业是什么？", ("潘嘉丽", "职业"), docs, facts).values["focus_known"] == 1.0
    assert _analysed("潘嘉丽的墓碑是什么样的？", ("潘嘉丽", "墓碑"), docs, facts).unwritten == ("墓碑",)


def test_the_forum_is_one_document_and_keeps_its_whole_text_check(retriever):
    from retriever.service import evidence_for

    analysis = retriever.answerability.analyse(evidence_for(retriever, "大连的燃煤锅炉整治有什么经验？"))
    assert analysis.values["focus_known"] == 1.0


# --- a number the question writes itself ---------------------------------------------------------------------------


def test_the_numbers_a_question_writes_are_read_as_written():
    assert quoted_numbers("湘潭那47个重点项目现在已经完工了几个？") == ("47",)
    # (session 27) with the figure in the text's scale: 40.85 million is 4085万
    assert quoted_numbers("What share of Jining's 40.85 million yuan was collected, 100% or less?") == (
        "40.85", "100", "4085",
    )
    assert quoted_numbers("大连拆除了多少台燃煤锅炉？") == ()


def test_a_figure_the_question_restates_does_not_answer_a_part_of_it():
    """A reader restates the text's total and asks a part of it (…47个重点项目现在已经完工了几个): the clause's only number
    is the asker's own; a clause giving another number still answers."""
    words = [Unit("重点项目", 1.0, ("重点项目",)), Unit("完工", 1.0, ("完工",))]
    told = [_chunk("d", "湘潭实施47个重点项目，目前已完工。")]
    assert clause_number(COUNT, words, told, words) == 1.0  # the figure stands beside the asked words
    assert clause_number(COUNT, words, told, words, ("47",)) == 0.0  # but it is the question's own
    parts = [_chunk("d", "湘潭实施47个重点项目，目前已完工30个。")]
    assert clause_number(COUNT, words, parts, words, ("47",)) == 1.0
    assert clause_number(COUNT, words, [_chunk("d", "湘潭实施147个重点项目，目前已完工。")], words, ("47",)) == 1.0


def test_a_restated_figure_in_the_forum(retriever):
    from retriever.service import evidence_for

    def clause(question: str) -> float:
        return retriever.answerability.analyse(evidence_for(retriever, question)).values["clause_number"]

    assert clause("济宁设立了162个网格，配备了多少名专职网格员？") == 1.0  # 992名: another number answers
    assert clause("湘潭那47个重点项目里，现在已经完工了几个？") < 1.0
