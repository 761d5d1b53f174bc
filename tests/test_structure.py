"""Structure that fits any document: dialogues, articles with headings, titles, participants lists, one-liners."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from test_faults import HashEmbedder  # the tiny deterministic embedder of the fault tests

from index.build import DEFAULT_CORPUS, build_index
from index.chunk import ChunkSettings, chunk_document
from index.clean import block_text, compact, join_lines, split_blocks
from index.records import Kind
from index.represent import lexical_text, passage_text
from index.structure import parse

MEETING = """碧水行动：青山县河湖治理座谈会纪要

对话人：青山县水利局局长李明、青山县环保局副局长赵芳

主持人：请两位谈谈河湖治理的做法。

李明：我们全面推行河长制，县乡村三级河长共有312名。

赵芳：我们加强了执法检查，今年立案查处环境违法案件46起。

李明：下一步还要加大投入，计划新建污水处理厂3座。
"""


def chunks_of(text: str, title: str = ""):
    doc = parse(text, "d", title=title)
    return doc, chunk_document(doc, ChunkSettings())[0]


@pytest.fixture(scope="module")
def forum():
    raw = DEFAULT_CORPUS.read_text(encoding="utf-8")
    doc, chunks = chunks_of(raw)
    return SimpleNamespace(raw=raw, doc=doc, chunks=chunks)


@pytest.mark.parametrize("title", ["变形金刚：超能连结", "碧水行动：青山县河湖治理座谈会纪要"])
def test_a_title_never_becomes_a_speaker(title):
    doc, chunks = chunks_of(f"{title}\n\n《变形金刚：超能连结》是一部动画片。它于2004年在日本首播，共51集。\n")
    assert doc.title == title and not doc.speakers
    assert [c.kind for c in chunks] == ["title", "text"]
    assert chunks[0].text == title and chunks[0].speaker == ""


def test_a_one_line_participants_list_gives_every_person_a_role():
    doc, chunks = chunks_of(MEETING)
    assert doc.title == "碧水行动：青山县河湖治理座谈会纪要"
    assert set(doc.speakers) == {"主持人", "李明", "赵芳"}
    assert doc.speakers["李明"].role == "青山县水利局局长"
    assert doc.speakers["赵芳"].role == "青山县环保局副局长"
    assert doc.speakers["赵芳"].organisation == "青山县环保局" and doc.speakers["赵芳"].title == "副局长"
    kinds = {c.kind for c in chunks if c.text.startswith("对话人")}
    assert kinds == {"participants"}
    assert [c.kind for c in chunks if c.speaker == "主持人"] == ["question"]
    assert {c.kind for c in chunks if c.speaker in ("李明", "赵芳")} == {"speech"}


def test_a_participants_list_one_person_per_line():
    text = MEETING.replace(
        "对话人：青山县水利局局长李明、青山县环保局副局长赵芳", "对话人：青山县水利局局长李明\n青山县环保局副局长赵芳\n县生态办主任王五"
    )
    doc, chunks = chunks_of(text)
    assert doc.speakers["李明"].role == "青山县水利局局长" and doc.speakers["赵芳"].role == "青山县环保局副局长"
    listed = [c for c in chunks if c.kind == "participants"]
    assert len(listed) == 1 and "王五" in listed[0].text and listed[0].line_start == 3 and listed[0].line_end == 5


def test_pseudo_speakers_are_passage_kinds_not_speakers(forum):
    assert "对话人" not in forum.doc.speakers and "编者按" not in forum.doc.speakers
    by_kind = {}
    for chunk in forum.chunks:
        by_kind.setdefault(chunk.kind, []).append(chunk)
    assert any(c.text.startswith("对话人：") for c in by_kind["participants"])
    assert any(c.text.startswith("编者按\n") and c.headline == "编者按" for c in by_kind["note"])
    assert all(c.speaker == "中国环境报" for c in by_kind["question"]) and len(by_kind["question"]) >= 5
    assert {c.speaker for c in by_kind["speech"]} == {"王奇", "张海冰", "许伟", "苏国军", "区锦雄"}
    assert [c.text for c in by_kind["title"]] == ["推进改革创新改善环境质量\n——2016全国环保厅局长论坛对话录"]


def test_headlines_are_passages_with_their_summary_and_speaker(forum):
    headlines = [c for c in forum.chunks if c.kind == "headline"]
    assert len(headlines) == 5
    water = next(c for c in headlines if c.text.startswith("如何实现水污染防治新突破？"))
    assert "■坚持工业点源、农村面源和生活源等多源同治。" in water.text
    assert water.speaker == "王奇" and water.role == "河南省南阳市环保局局长"
    assert (water.line_start, water.line_end) == (247, 248)


@pytest.mark.parametrize(
    "text", ["变形金刚：超能连结", "大连市拆除了1416台燃煤锅炉。", "Transformers: Superlink", "只有一句话没有标点"]
)
def test_a_one_line_document_is_a_valid_document(tmp_path, text):
    path = tmp_path / "one.txt"
    path.write_text(text + "\n", encoding="utf-8")
    manifest = build_index([path], out=tmp_path / "index", embedder=HashEmbedder())
    assert manifest.chunk_count == 1


def test_latin_spaces_are_kept():
    assert join_lines([(1, "Transformers: Superlink，"), (2, "Hello, world (PPP) PM 2.5 1416 台")]).text == (
        "Transformers: Superlink，Hello, world (PPP) PM 2.5 1416台"
    )
    doc, chunks = chunks_of("Transformers: Superlink\n\nTransformers: Superlink is an anime series.\n")
    assert doc.title == "Transformers: Superlink" and chunks[1].text == "Transformers: Superlink is an anime series."


ARTICLE = """# 青山县水资源公报

## 一、降水
全县平均降水量1200毫米，比上年偏多一成。汛期降水集中在6至8月，占全年的六成。

## 二、水质

主要河流水质良好，
监测断面达标率为95%。

三、用水
全县总用水量2.1亿立方米。

编者按：本文有删节。
"""


def test_a_document_with_headings_is_sections_and_paragraphs():
    doc, chunks = chunks_of(ARTICLE)
    assert doc.title == "青山县水资源公报" and not doc.speakers
    assert [h.text for h in doc.headlines] == ["一、降水", "二、水质", "三、用水"]
    text = [c for c in chunks if c.kind == "text"]
    assert [c.headline for c in text] == ["一、降水", "二、水质", "三、用水"]
    assert text[1].text == "主要河流水质良好，监测断面达标率为95%。"  # a line break in mid-sentence is joined
    assert [c.kind for c in chunks].count("headline") == 3
    note = next(c for c in chunks if c.kind == "note")
    assert note.text == "编者按：本文有删节。"
    represented = passage_text(text[1], doc.title)
    assert represented.startswith("青山县水资源公报\n二、水质\n主要河流")


def test_the_title_is_its_own_unit_and_reaches_every_passage():
    context = "钟惺（），明代文学家。" + "他与谭元春共同选评《唐诗归》和《古诗归》，名扬一时。" * 24  # several passages of an article
    doc, chunks = chunks_of("钟惺\n" + context)
    assert doc.title == "钟惺" and chunks[0].kind == "title" and chunks[0].text == "钟惺"
    assert chunks[1].text.startswith("钟惺（），明代文学家。") and len(chunks) >= 3
    assert all(passage_text(c, doc.title).startswith("钟惺\n") for c in chunks[1:])
    # A title given by the file (a .jsonl record, a PDF's metadata) is the context of text that never repeats it.
    doc, chunks = chunks_of(context, title="钟惺")
    assert all(c.kind == "text" for c in chunks) and all(passage_text(c, "钟惺").startswith("钟惺\n") for c in chunks)


def test_bm25_reads_a_dialogues_passages_without_the_title_and_an_articles_with_it():
    doc, chunks = chunks_of(MEETING)
    turns = [c for c in chunks if c.kind == "speech"]
    assert turns and all(passage_text(c, doc.title).startswith(doc.title + "\n") for c in turns)  # embedded with it
    # in every passage the title's words would match every passage alike: only the title itself holds them
    assert all(doc.title not in lexical_text(c, doc.title) for c in turns)
    assert any(doc.title in lexical_text(c, doc.title) for c in chunks if c.kind == "title")
    doc, chunks = chunks_of(ARTICLE)
    text = [c for c in chunks if c.kind == "text"]
    assert all(lexical_text(c, doc.title) == passage_text(c, doc.title) for c in text)  # 本鱼…, 该片… need it


def test_every_12_character_window_of_the_text_lies_inside_some_passage(forum):
    passages = [compact(c.text) for c in forum.chunks]
    missing = []
    for block in split_blocks(forum.raw):
        text = compact(block_text(block).text)
        windows = [text] if len(text) < 12 else [text[i : i + 12] for i in range(len(text) - 11)]
        missing += [(block.first_line, w) for w in windows if not any(w in p for p in passages)]
    assert not missing, missing[:5]


def test_every_passage_is_cited_to_the_lines_it_came_from(forum):
    lines = forum.raw.splitlines()
    for chunk in forum.chunks:
        original = compact("".join(lines[chunk.line_start - 1 : chunk.line_end]))
        assert all(ch in original for ch in compact(chunk.text)), chunk.chunk_id


def test_labels_in_running_text_are_not_speakers():
    text = "他说：我们要加快发展。\n\n时间：2016年12月17日\n\n地点：海口\n\n会议认为：环境质量要改善。\n"
    doc, chunks = chunks_of(text)
    assert not doc.speakers and {c.kind for c in chunks} <= {Kind.TEXT.value, Kind.TITLE.value, Kind.HEADLINE.value}
    assert all(re.search(r"\w", c.text) for c in chunks)


def test_a_short_exchange_of_people_is_a_dialogue_and_labelled_fields_are_not():
    doc, _ = chunks_of("许伟：济宁配备专职环保网格员992名。\n\n苏国军：湘潭竹埠港28家化工企业全部关停退出。\n")
    assert set(doc.speakers) == {"许伟", "苏国军"}
    doc, chunks = chunks_of("背景：我们做了很多工作。\n\n方法：采用了问卷调查。\n\n结论：效果很好。\n")
    assert not doc.speakers and {c.kind for c in chunks} == {"text"}


def test_notes_typed_one_turn_a_line_are_one_turn_each():
    """A reporter's notes without blank lines between turns: each line is its speaker's turn, cited to its line,
    and the reporter's questions are not put in the interviewee's mouth."""
    text = ("采访笔记\n\n李明华：宜昌关停了134家化工企业。\n记者：工人怎么安置？\n李明华：我们培训了3800名工人。\n"
            "记者：水质有什么变化？\n李明华：断面水质提升到了二类。\n")
    doc, chunks = chunks_of(text)
    turns = [(p.speaker, p.text.text) for p in doc.paragraphs if p.speaker]
    assert turns == [("李明华", "李明华：宜昌关停了134家化工企业。"), ("记者", "记者：工人怎么安置？"),
                     ("李明华", "李明华：我们培训了3800名工人。"), ("记者", "记者：水质有什么变化？"),
                     ("李明华", "李明华：断面水质提升到了二类。")]
    answer = next(c for c in chunks if "3800" in c.text)
    assert answer.speaker == "李明华" and "记者" not in answer.text and answer.line_start == answer.line_end == 5


def test_a_label_once_inside_a_paragraph_does_not_make_a_dialogue():
    """'第二部分：宁夏' and one '赵志刚：…' inside a report's paragraph (a PDF page) make no dialogue: 赵志刚 says his
    line (he is cited for it) and nothing else; the heading and the report's text are nobody's."""
    text = "黄河报告\n\n兰州建设了滨河廊道。\n赵志刚：节水是第一位任务。\n第二部分：宁夏\n宁夏清理违规采砂点67处。\n"
    doc, chunks = chunks_of(text)
    assert set(doc.speakers) == {"赵志刚"}
    said = [(p.speaker, p.text.text) for p in doc.paragraphs if p.speaker]
    assert said == [("赵志刚", "赵志刚：节水是第一位任务。")]
    assert {c.speaker for c in chunks if "67处" in c.text or "廊道" in c.text} == {""}


def test_a_person_who_speaks_once_in_a_report_is_cited_and_headings_are_nobody():
    """One '赵志刚：…' paragraph in a report (blank lines between paragraphs, as a .txt or a PDF with paragraph gaps
    gives it) is his; the next paragraph is the report's. Labels that are headings, fields or places are no one."""
    text = ("黄河调研报告\n\n第一部分：甘肃\n\n兰州市投入了45亿元建设滨河生态廊道。\n\n"
            "赵志刚：我们把节水作为第一位的任务，农业灌溉用水效率提高了百分之十八，\n工业用水重复利用率达到了百分之九十二。\n\n"
            "兰州市还在南北两山造林五十万亩。\n\n附件：调研日程表\n\n石家庄：细颗粒物浓度下降了百分之十二。\n\n"
            "方法：采用了问卷调查和实地走访。\n")
    doc, chunks = chunks_of(text)
    assert set(doc.speakers) == {"赵志刚"}
    [turn] = [p for p in doc.paragraphs if p.speaker]
    assert turn.text.text.startswith("赵志刚：") and turn.text.text.endswith("百分之九十二。")
    assert (turn.text.line_start, turn.text.line_end) == (7, 8)
    answer = next(c for c in chunks if "百分之十八" in c.text)
    assert answer.speaker == "赵志刚" and "造林" not in answer.text
    assert all(c.speaker == "" for c in chunks if "造林" in c.text or "细颗粒物" in c.text or "问卷" in c.text)
    assert answer.context == turn.context and "兰州市" in turn.context.split()  # the report names it before him
    assert all(not c.context for c in chunks if not c.speaker)
