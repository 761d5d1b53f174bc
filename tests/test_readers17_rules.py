"""Session 21's readers (readers17): people and bodies named by province or kind of firm, one-token figure queries,
a pointer to a sentence never pasted, hedged formal English with asides, and name questions about a kind that is an
angle, a title, or a longer kind written before. Real index, real jieba and CC-CEDICT; the questions are this file's
own, not rows of the sets."""

from __future__ import annotations

from retriever.answerability.keys import span_pointer, written_figure
from retriever.answerability.kinds import a_name_itself, asked_kind, viewpoint
from retriever.answerability.preamble import unframed
from retriever.answerability.roles import body_kind_written, province_written


def _contains(*texts):
    return lambda word: bool(word) and any(word in t for t in texts)


def test_a_figure_with_its_measure_word_is_a_search_key():
    assert written_figure("1377台") and written_figure("济宁 126个") and written_figure("4085万元")
    assert not written_figure("123456") and not written_figure("👍👍666") and not written_figure("0000 1111")


def test_words_that_point_at_a_sentence_are_no_content():
    for word in ("这句", "话", "这话", "那段话", "上一句", "前半句", "原话"):
        assert span_pointer(word), word
    for word in ("话题", "讲话", "口头语", "说话"):
        assert not span_pointer(word), word


def test_a_province_is_known_when_the_text_writes_a_city_in_it():
    text = _contains("我是土生土长的广州人", "湖南省湘潭市")
    assert province_written("广东", text) and province_written("广东省", text)
    assert not province_written("四川", text) and not province_written("上海", text)


def test_a_kind_of_body_may_be_written_with_another_word_for_a_body():
    text = _contains("普邦园林是一家有20年历史的上市企业")
    assert body_kind_written("上市公司", text)
    assert not body_kind_written("国有企业", text) and not body_kind_written("公司", text)


def test_hedged_asides_come_off_an_english_question():
    assert unframed("How many boilers, by his account, did Dalian remove?") == "How many boilers did Dalian remove?"
    assert "if at all" not in unframed("In what way, if at all, did Jining reward informants?")
    assert "understood" not in unframed("How many staff, if I understood correctly, does Jining's grid employ?")


def test_an_angle_or_a_title_is_no_kind_whose_name_is_asked():
    assert viewpoint("角度") and viewpoint("方式") and not viewpoint("公园") and not viewpoint("公司")
    assert a_name_itself("大标题") and a_name_itself("口号") and not a_name_itself("酒店")
    assert asked_kind("主持人从哪个角度提问？", "zh", {}) == ()
    assert asked_kind("这份报告的标题叫啥？", "zh", {}) == ()


def test_a_demonstrative_kind_is_the_longer_kind_written_before():
    assert asked_kind("他们建了一座湿地公园，这个公园正式叫啥名？", "zh", {}) == ("湿地公园",)
    assert asked_kind("那家酒店叫啥名字？", "zh", {}) == ("酒店",)


def test_role_references_are_answered(retriever):
    for question in (
        "992名",
        "广东那位副总裁年轻时常去哪里游泳？",
        "做园林的那家上市公司有多少年历史？",
        "How long, by his account, has the listed landscaping firm existed?",
    ):
        assert not retriever.answer(question, k=3).abstained, question


def test_a_pointer_without_its_sentence_and_an_unwritten_name_abstain(retriever):
    for question in ("那段话是谁讲的？", "605台", "湘潭那个锰矿变成的地质公园正式叫啥名？"):
        assert retriever.answer(question, k=3).abstained, question
