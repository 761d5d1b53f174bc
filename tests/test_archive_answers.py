"""A journalist's archive asked as a user asks it (ux9): a Chinese question on an English report, when and where a
meeting its minutes record was held, who prepared a report, a table's column, who a named person is, and a verb
that jieba's dictionary also lists as a place (新建). Real documents, real index, real model."""

from __future__ import annotations

import pytest

from index.build import build_index
from index.readers import read_sources
from index.structure import parse
from tests.test_archive_kinds import MINUTES, NAMED_INTERVIEW, _water_report

AIR_REPORT = """Air Quality Report 2025

Prepared by the Municipal Environmental Monitoring Centre

Summary

In 2025 the average ozone concentration in the city was 162 micrograms per cubic metre, 4 percent lower than in 2024.

The city recorded 301 good days, 12 more than the year before.

Measures

The city closed 46 small coal-fired boilers and replaced 1,200 diesel buses with electric ones.
"""

BULLETIN = """2026年城市建设简报

市住房和城乡建设局编制

一、基础设施

今年新建城市道路38公里，改造老旧小区126个。
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory, e5):
    from retriever import Retriever

    folder = tmp_path_factory.mktemp("archive")
    (folder / "air.txt").write_text(AIR_REPORT, encoding="utf-8")
    (folder / "bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    (folder / "minutes.md").write_text(MINUTES, encoding="utf-8")
    (folder / "interview.txt").write_text(NAMED_INTERVIEW, encoding="utf-8")
    paths = [*sorted(folder.glob("*.txt")), folder / "minutes.md", _water_report(folder / "water.docx")]
    build_index(paths, out=folder / "index", embedder=e5)
    return Retriever.load(folder / "index", embedder=e5)


def test_a_chinese_question_on_an_english_report_is_answered(archive):
    """臭氧 and 浓度 had no English forms: 'none of the question's words occurs in the documents', or an answer from a
    Chinese passage sharing only 2025年. The words the index lacks are searched and judged by their CC-CEDICT glosses
    that an English passage writes (ozone, concentration); a measure word (台) takes any number in English text."""
    for question, words in (("2025年臭氧平均浓度是多少？", "ozone concentration"), ("关闭了多少台燃煤锅炉？", "46 small"),
                            ("臭氧浓度比上年下降了多少？", "4 percent")):
        answer = archive.answer(question)
        assert not answer.abstained and words in answer.text, (question, answer.notice, answer.text)
        assert answer.passages[answer.answer_index].citation.doc == "air"
    answer = archive.answer("How many kilometres of new roads were built?")  # and the reverse, as before
    assert not answer.abstained and "38公里" in answer.text
    refused = archive.answer("地铁票价是多少？")
    assert refused.abstained


def test_a_field_list_answers_when_and_where_the_meeting_was_held(archive):
    """时间：2026年11月12日上午9:30 did not answer 会议什么时候召开的: 召开 is written nowhere and the field names no
    会议. A record's field list says when and where the event it records took place (its title, 会议纪要, names it);
    each field is a highlight of its own, shown with its name."""
    for question in ("会议什么时候召开的？", "When was the meeting held?", "会议是哪天举行的？"):
        answer = archive.answer(question)
        assert not answer.abstained and answer.text == "时间：2026年11月12日上午9:30", (question, answer.notice, answer.text)
    for question in ("会议在哪里召开？", "Where was the meeting held?"):
        answer = archive.answer(question)
        assert not answer.abstained and answer.text == "地点：市政府3号会议室", (question, answer.notice, answer.text)
    assert not archive.answer("会议讨论了垃圾分类的哪些进展？").text.startswith("时间")


def test_who_prepared_a_report_is_its_prepared_by_line(tmp_path):
    """'Prepared by …' ran on into the 'Summary' heading and the first paragraph, joined without spaces
    (…CentreSummaryIn 2025…), so who prepared the report depended on the ranking. The line is a byline of its own,
    in English and in Chinese (市住房和城乡建设局编制), and English pieces joined across a break keep a space."""
    (tmp_path / "air.txt").write_text(AIR_REPORT, encoding="utf-8")
    [source] = read_sources(tmp_path / "air.txt")
    doc = parse(source.text, "air", source.title)
    assert [h.text for h in doc.headlines] == ["Summary", "Measures"]
    texts = [p.text.text for p in doc.paragraphs]
    assert "Prepared by the Municipal Environmental Monitoring Centre" in texts
    assert any(t.startswith("In 2025 the average ozone") for t in texts)
    bulletin = parse(BULLETIN, "bulletin")
    assert "市住房和城乡建设局编制" in [p.text.text for p in bulletin.paragraphs]
    assert [h.text for h in bulletin.headlines] == ["一、基础设施"]
    joined = parse("Annual Report\n\nIn 2026 the city planted 18,400 young trees along\n\nthe river and its canals.\n", "r")
    assert [p.text.text for p in joined.paragraphs][1] == "In 2026 the city planted 18,400 young trees along the river and its canals."


def test_who_prepared_the_report_is_answered_by_its_byline(archive):
    for question, byline in (("Who prepared the air quality report?", "Prepared by the Municipal Environmental"),
                             ("Who prepared the report?", "Prepared by the Municipal Environmental"),
                             ("城市建设简报是谁编制的？", "市住房和城乡建设局编制")):
        for k in (5, 3):
            answer = archive.answer(question, k=k)
            assert not answer.abstained and answer.text.startswith(byline), (question, k, answer.notice, answer.text)


def test_a_table_row_is_read_with_its_head_row(archive):
    """西山水厂的主要问题是什么？ was answered from the paragraph on 西山水厂 (the first hit): the row's 主要问题 cell is
    under a head row the row's highlight never read. A row is scored with its head row, and a row naming the asked
    thing under a column the question names gives what is asked."""
    for question, row in (("西山水厂的主要问题是什么？", "西山水厂|18|设备老化，滤池需改造"), ("北郊水厂日均供水量是多少？", "北郊水厂|46|无"),
                          ("西山水厂日均供水量是多少？", "西山水厂|18|设备老化，滤池需改造")):
        answer = archive.answer(question)
        assert not answer.abstained and answer.text == row, (question, answer.notice, answer.text)
    answer = archive.answer("西山水厂改造投资多少？")
    assert "8600万元" in answer.text  # a question the paragraph answers stays with it


def test_who_a_named_person_is_is_the_line_giving_his_role(archive):
    """张三是谁？ was answered with his words (我们招募了3,400多名…): who he is is the line that names him with his
    role, the interview's title; what he said is still his own words; 问 (the interviewer's label) is nobody a
    question about 问题 names."""
    for question in ("张三是谁？", "Who is Zhang San?", "张三是做什么的？"):
        answer = archive.answer(question)
        assert not answer.abstained and "市水务局局长张三" in answer.text, (question, answer.text)
    assert archive.answer("张三说了什么？").passages[archive.answer("张三说了什么？").answer_index].citation.speaker == "张三"
    assert archive.answer("孙立华是谁？").text == "主持：副市长孙立华"


def test_a_verb_jieba_lists_as_a_place_is_no_unknown_place(archive):
    """jieba's dictionary tags 新建 (newly built) a place (Xinjian county): 明年新建多少个水质监测站？ was refused as
    naming a place the documents never mention. A word CC-CEDICT also glosses as a common word is no place name."""
    from retriever.answerability.names import common_word, unknown_names

    assert common_word("新建") and not common_word("南阳") and not common_word("上海") and not common_word("江南")
    assert "新建" not in unknown_names("明年新建多少个水质监测站？", lambda text: False)
    assert "南阳" in unknown_names("南阳新建了多少个监测站？", lambda text: False)
    answer = archive.answer("明年新建多少个水质监测站？")
    assert not answer.abstained and "160个" in answer.text, answer.notice
