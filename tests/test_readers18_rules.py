"""Session 22's readers (readers18): Hong Kong readers writing Cantonese grammar in traditional characters, voice input
with fillers and no punctuation (Chinese and English), and the numbers-and-acronyms reader's English units and
acronyms. Real jieba, OpenCC and glossary; the questions are this file's own, not rows of the sets."""

from __future__ import annotations

from index.colloquial import regional_written
from retriever.answerability.english_units import english_unit
from retriever.answerability.names import glossed_acronym, nonsense
from retriever.answerability.preamble import unframed
from retriever.answerability.quantity import asked_unit, has_number


def _contains(*texts):
    return lambda word: bool(word) and any(word in t for t in texts)


def test_cantonese_which_one_before_a_title_asks_a_person():
    assert regional_written("邊個主任話佢以前喺銀行做嘢？").startswith("哪位主任说他以前在银行")
    assert regional_written("邊個部門負責？") == "哪个部门负责？"
    assert regional_written("呢個項目係邊個負責嘅？") == "这个项目是谁负责的？"


def test_cantonese_says_only_after_a_person():
    assert "说" in regional_written("佢話大連拆咗好多鍋爐？")
    assert regional_written("局长话不多") == "局长话不多"  # Mandarin: the chief does not talk much
    assert regional_written("他讲话了吗") == "他讲话了吗"


def test_cantonese_copula_and_which_measure():
    assert regional_written("污水處理廠係以處理邊幾類廢水為主？") == "污水处理厂是以处理哪几类废水为主？"
    assert regional_written("網格員係點樣巡查嘅？") == "网格员是怎样巡查的？"
    assert regional_written("係咪全部都拆晒？") == "是不是全部都拆？"
    assert regional_written("大連和濟寧的關係如何") == "大連和濟寧的關係如何"  # 關係 is a word; not Cantonese
    assert regional_written("周边几个县的情况") == "周边几个县的情况"


def test_cantonese_words_without_other_markers():
    assert regional_written("佢哋花幾多年先至搞掂？").startswith("他们花多少年才")
    assert regional_written("公司成立嗰陣有咩目標㗎？") == "公司成立那时有什么目标？"


def test_a_question_of_fillers_alone_is_nonsense():
    lexicon = {"so": ["所以"], "like": ["喜欢"]}
    for question in ("呃呃 那个 就是说 嗯", "嗯嗯 然后 对吧", "um so like uh"):
        assert nonsense(question, lexicon) == 1.0, question
    assert nonsense("嗯 那个 锅炉拆了多少", lexicon) == 0.0


def test_an_acronym_standing_for_a_name_the_text_writes_is_known():
    text = _contains("大连市环保局联合督查组", "环境保护部")
    assert glossed_acronym("EPB", text) and glossed_acronym("mep", text)
    assert not glossed_acronym("EIA", text)  # 环评 is not written
    assert not glossed_acronym("XYZ", text)


def test_english_dictation_fillers_come_off():
    assert unframed("uh so how many boilers did Dalian remove") == "how many boilers did Dalian remove"
    assert unframed("um so like who moderated the forum") == "who moderated the forum"
    assert unframed("the fine was like two hundred million right") .startswith("the fine was two hundred million")
    assert unframed("What is Dalian like?") == "What is Dalian like?"
    assert unframed("what did he like about it") == "what did he like about it"


def test_english_units_are_the_chinese_measure_words():
    assert english_unit("How many kilometres long is the canal?") == "公里"
    assert english_unit("How many square kilometres does the park cover?") == "平方公里"
    assert english_unit("How many tonnes of soot were cut?") == "吨"
    assert english_unit("What percentage of the sources were plants?") == "%"
    assert english_unit("what do inspectors earn per month in yuan") == "元"
    assert english_unit("How many tiers does the grid have?") == "级"
    assert english_unit("How many boilers did Dalian remove?") is None
    assert english_unit("Why was the 300-kilometre canal built?") is None
    assert english_unit("多少公里") is None
    assert asked_unit("how many kilometres long is the canal?") == "公里"
    assert has_number("中线工程全长1432公里", "公里") and not has_number("中线工程的水源地", "公里")
    assert has_number("the canal is 1,432 km long", "公里")  # an English text: any number


def test_a_yes_no_question_stating_a_figure_asks_the_figure():
    assert unframed("大连拆锅炉是不是花了五个亿？") == "大连拆锅炉花了多少亿？"
    assert unframed("济宁配了992名网格员吗？") == "济宁配了多少名网格员？"
    assert unframed("南阳有没有任命三百个河长？") == "南阳任命多少个河长？"
    assert unframed("湘潭的配套资金是不是5个亿？我看到的报道这么写的") == "湘潭的配套资金多少亿？"
    # a wh-question (什么's 么 is no 吗), a second question, a year, or no figure: as typed
    for question in ("严长寿23岁时做了什么？", "是不是有3个人？谁？", "论坛是不是2016年开的？", "大连是不是出台过那份意见？"):
        assert unframed(question) == question, question


def test_an_english_yes_no_question_stating_a_figure_asks_the_figure():
    assert unframed("Did Dalian spend 500 million yuan removing the boilers?") == (
        "Did Dalian spend how much yuan removing the boilers?"
    )
    assert unframed("Is it true that Dalian removed fourteen hundred coal-fired boilers?") == (
        "Dalian removed how many coal-fired boilers?"
    )
    assert unframed("Did the forum take place in 2016?") == "Did the forum take place in 2016?"
    assert unframed("How many boilers did Dalian remove, 1400?").startswith("How many boilers")


def test_a_number_asked_by_its_noun_keeps_its_figure():
    question = "And the number of boilers under ten tonnes Dalian upgraded rather than scrapped?"
    assert unframed(question) == question
