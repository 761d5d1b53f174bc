"""Rules for how session 18's readers write (readers14's personas): a class in Roman numerals (总体已达Ⅱ类标准), a manner
adverb jieba tags a noun (特地邀请), a slipped word ending in a preposition's character (专向 for 专项), and the tip of
the tongue (就是那个啥来着). Reworded questions, not the sets' rows; the real index for the judge."""

from __future__ import annotations

import pytest

from retriever.answerability.focus import adverb
from retriever.answerability.names import nonsense
from retriever.answerability.quantity import COUNT, asked_unit, gives_count, number_pattern
from retriever.slips import _word_ending_coverb, corrected, find_slips

TEXT = "湘潭发行湘江流域重金属污染治理专项债券18亿元。我们的方向是治理。"


def _fixed(question: str) -> str:
    return corrected(question, find_slips(question, lambda t: t in {"湘潭", "专项", "债券"}, lambda t: t in TEXT))


def test_a_class_or_grade_is_asked_as_one():
    assert asked_unit("湘江水质总体达到几类") == "类" and asked_unit("达到几级标准") == "级"
    assert asked_unit("邀请了哪两类人") is None and asked_unit("几类人") == ""


def test_a_class_in_roman_numerals_is_a_number():
    assert gives_count("总体已达ii类标准", "类")  # Ⅱ类 folded by NFKC
    assert number_pattern("类").search("水质保持iii类以上")
    assert not number_pattern(COUNT).search("水质保持iii类以上")  # no answer to how many of anything
    assert number_pattern("级").search("达到iv级")
    assert not gives_count("taxi类", "类") and not number_pattern(COUNT).search("iphone类产品")


@pytest.mark.parametrize("word", ["特地", "特意", "故意", "亲自", "专程", "顺便"])
def test_a_manner_adverb_is_no_asked_attribute(word):
    assert adverb(word)


@pytest.mark.parametrize("word", ["环节", "家庭", "供应", "大会", "早期", "每周", "全面", "基本", "专项"])
def test_a_noun_or_an_adjective_stays_asked(word):
    assert not adverb(word)


def test_a_slip_ending_in_a_prepositions_character_reads_as_the_text_word():
    assert _fixed("湘潭的专向债券有多少亿？") == "湘潭的专项债券有多少亿？"
    assert _fixed("我们的方向是什么？") == "我们的方向是什么？"  # the text writes it
    # only a preposition's character at the end of a word jieba cuts whole: before its object it stays function
    assert _word_ending_coverb("专向", 0, None, [(0, "专向")])
    assert not _word_ending_coverb("向东", 0, None, [(0, "向东")])
    assert not _word_ending_coverb("了向", 0, None, [(0, "了向")])
    assert not _word_ending_coverb("专向", 0, "", [(0, "专")])  # a stretch across words


@pytest.mark.parametrize("question", ["呃呃呃就是那个啥来着", "就是那个什么", "嗯，那个谁来着"])
def test_the_tip_of_the_tongue_names_nothing(question):
    assert nonsense(question, {}) == 1.0


@pytest.mark.parametrize("question", ["湘潭那个啥来着", "那个谁说的环保工作的春天来了", "这什么意思"])
def test_a_placeholder_beside_a_word_still_asks(question):
    assert nonsense(question, {}) == 0.0


@pytest.mark.parametrize(
    "question",
    [
        "论坛经验交流环节特地邀请了哪两类人？", "湘潭的湘江水质总体达到了几类标准？", "湘潭发的专向债卷是多少亿？",
        "湘潭专向债券发了多少亿", "How many times larger was Xiangtan's bond issue than the bank's matching funds?",
    ],
)
def test_readers14_phrasings_are_answered(retriever, question):
    assert not retriever.answer(question, k=3).abstained


def test_the_tip_of_the_tongue_is_refused(retriever):
    assert retriever.answer("嗯嗯就是那个什么来着", k=3).abstained


def test_older_romanisations_read_as_the_lexicons_pinyin():
    from index.romanisation import pinyin_names, readings

    lexicon = {"xiangtan": ["湘潭"], "jining": ["济宁"], "dalian": ["大连"], "zhubu": ["逐步"], "zhanghaibing": ["张海冰"]}
    names = {"湘潭", "济宁", "大连", "张海冰"}

    def fixed(question: str) -> str:
        return pinyin_names(question, lexicon, names.__contains__, lambda w: w in {"tan", "king", "tons"})

    assert "xiangtan" in readings("Hsiang-tan") and "dalian" in readings("Talien")
    assert fixed("How big was Hsiang-tan's bond?") == "How big was Xiangtan's bond?"
    assert fixed("Siangtan bond") == "Xiangtan bond"
    assert fixed("What did Chi-ning fine?") == "What did Jining fine?"
    assert fixed("What did Ji Ning fine?") == "What did Jining fine?"
    assert fixed("Ta-lien boilers") == "Dalian boilers"
    assert fixed("What did Zhang Haibing say?") == "What did Zhang Haibing say?"  # a full name stays
    assert fixed("The King of Tan said") == "The King of Tan said"  # English words stay
    assert fixed("Chupu port") == "Chupu port"  # a reading the lexicon holds only as a common word (逐步)


@pytest.mark.parametrize(
    "question",
    ["How many small boilers did Talien tear down?", "How big was the special bond issued by Siangtan?",
     "How many grid officers does Chi-ning have?"],
)
def test_old_romanisations_are_answered(retriever, question):
    assert not retriever.answer(question, k=3).abstained


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("兹就湘潭市竹埠港化工企业退出一事，敬请告知退出企业总数为若干家，以便备案。", "湘潭市竹埠港化工企业退出，退出企业总数为多少家"),
        ("敬请说明：湘潭专题工作小组系由何人担任组长？", "湘潭专题工作小组由谁担任组长？"),
        ("济宁环境APP其完整名称为何？", "济宁环境APP其完整名称是什么？"),
        ("该平台，其完整名称为何？", "该平台，完整名称是什么？"),
        ("普邦园林那句合谐之美的价值观原话是啥", "普邦园林那句合谐之美的价值观原话是啥"),  # 之 of a phrase stays
        ("之前湘潭为何要发债？", "之前湘潭为何要发债？"),  # 为何 before a verb asks why
    ],
)
def test_the_officials_formal_words_read_as_everyday_ones(question, asked):
    from retriever.answerability.preamble import unframed

    assert unframed(question) == asked


def test_amount_conversion_and_name_nouns_are_no_asked_attribute():
    from retriever.answerability.units import names_nothing

    assert all(names_nothing(w) for w in ("总额", "折成", "折合", "名称", "全称"))
    assert not names_nothing("罚款") and not names_nothing("电话号码")


@pytest.mark.parametrize(
    "question",
    ["济宁罚款总额折合成万元是多少？", "济宁开发的空气质量预报系统，其完整名称为何？",
     "兹就湘潭市竹埠港化工企业退出一事，敬请告知退出企业总数为若干家，以便备案。"],
)
def test_the_data_journalists_and_officials_questions_are_answered(retriever, question):
    assert not retriever.answer(question, k=3).abstained
