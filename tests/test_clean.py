"""Cleaning the PDF layout and recognising the transcript's structure, on the real transcript."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from index.build import DEFAULT_CORPUS
from index.clean import join_lines, split_blocks
from index.structure import EDITOR_NOTE, parse


@pytest.fixture(scope="module")
def forum():
    """The bundled transcript parsed once per module; a failure fails the tests, not collection."""
    raw = DEFAULT_CORPUS.read_text(encoding="utf-8")
    doc = parse(raw, "env-forum-2016")
    return SimpleNamespace(raw=raw, lines=raw.splitlines(), doc=doc, all="".join(p.text.text for p in doc.running))



def test_words_split_across_blank_lines_are_joined(forum):
    # 造\n\n纸 (lines 41-43), 一岗\n\n双责 (82-84), 执\n\n行 (370-372), 机\n\n制 (188-190)
    for word in ("酿造、造纸、化工", "党政同责、一岗双责", "强化区级执行和落实", "党政联合督察工作机制。2016年"):
        assert word in forum.all


def test_spaced_out_cjk_and_numbers_are_compacted(forum):
    assert "严格雨污分流，实现污水全收集、全处理" in forum.all
    assert "全市共拆除1416台10吨以下燃煤锅炉" in forum.all
    assert "1 416" not in forum.all and "雨 污" not in forum.all


def test_spaces_inside_latin_text_are_kept():
    text = join_lines([(1, "采用 PPP 模式 and self"), (2, "help 方案 PM 2.5 浓度")])
    assert text.text == "采用PPP模式and self help方案PM 2.5浓度"


def test_line_map_points_every_character_to_its_original_line(forum):
    for paragraph in forum.doc.paragraphs:
        for char, line in zip(paragraph.text.text, paragraph.text.lines):
            if char != "\n":
                assert char in forum.lines[line - 1], (char, line)


def test_blocks_keep_original_line_numbers(forum):
    blocks = split_blocks(forum.raw)
    assert blocks[0].first_line == 1 and blocks[0].raw[0].strip().startswith("中国环境报")
    assert any(b.first_line == 7 and b.raw[0].startswith("王奇：") for b in blocks)


def test_speakers_and_roles_come_from_the_text(forum):
    speakers = forum.doc.speakers
    assert {"王奇", "张海冰", "许伟", "苏国军", "区锦雄", "中国环境报"} <= set(speakers)
    assert speakers["王奇"].role == "河南省南阳市环保局局长"
    assert speakers["王奇"].organisation == "河南省南阳市环保局" and speakers["王奇"].title == "局长"
    assert speakers["区锦雄"].role == "广州普邦园林股份有限公司副总裁"
    assert speakers["中国环境报"].role.startswith("主持人") and "刘树国" in speakers["中国环境报"].role


def test_turns_are_attributed_to_their_speaker(forum):
    by_line = {p.text.line_start: p.speaker for p in forum.doc.paragraphs}
    assert by_line[1] == "中国环境报" and by_line[7] == "王奇" and by_line[19] == "王奇"
    assert by_line[146] == "张海冰" and by_line[260] == "许伟" and by_line[342] == "苏国军" and by_line[473] == "区锦雄"
    note = next(p for p in forum.doc.paragraphs if p.text.line_start <= 527 <= p.text.line_end)
    assert note.kind == "note" and note.headline == EDITOR_NOTE and note.speaker == ""  # 编者按 is a kind, not a speaker
    assert any(p.kind == "participants" and "对话人" in p.text.text for p in forum.doc.paragraphs)


def test_layout_debris_is_not_running_text(forum):
    assert forum.doc.title.startswith("推进改革创新改善环境质量——2016全国环保厅局长论坛对话录")
    assert "局长许伟辽宁省" not in forum.all  # bylines are not glued into the text
    assert "本版稿件未经本人审阅" not in forum.all and any("本版稿件" in n.text for n in forum.doc.notes)
    assert not any(p.text.text.startswith("如何") for p in forum.doc.running)  # headlines are passages of their own kind


def test_headlines_go_to_the_speaker_their_summary_quotes(forum):
    owner = {h.text: h.speaker for h in forum.doc.headlines}
    assert owner["如何通过党政同责推动环保工作开展？"] == "张海冰"
    assert owner["如何实现水污染防治新突破？"] == "王奇"  # printed after 张海冰's section
    assert owner["如何提升大气污染治理成效？"] == "许伟"
    assert owner["如何抓好老工业城市污染治理工作？"] == "苏国军"
    wang = [p for p in forum.doc.paragraphs if p.speaker == "王奇"]
    assert all(p.headline == "如何实现水污染防治新突破？" for p in wang)


def test_names_are_not_hard_coded():
    text = "甲方：我们讲一讲。\n\n乙某某：好的，\n\n继续讲完。\n\n对话人：某市环保局局长乙某某\n"
    doc = parse(text, "t")
    assert [p.speaker for p in doc.paragraphs][:2] == ["甲方", "乙某某"]
    assert doc.paragraphs[1].text.text == "乙某某：好的，继续讲完。"
    assert doc.speakers["乙某某"].role == "某市环保局局长"
