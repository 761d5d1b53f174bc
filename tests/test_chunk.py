"""Chunking invariants on the real transcript."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from index.build import DEFAULT_CORPUS
from index.chunk import ChunkSettings, chunk_document, split_sentences
from index.structure import parse
from index.text import Text


@pytest.fixture(scope="module")
def forum():
    """The bundled transcript parsed (and chunked) once per module; a failure fails the tests, not collection."""
    raw = DEFAULT_CORPUS.read_text(encoding="utf-8")
    doc = parse(raw, "env-forum-2016")
    chunks, sentences = chunk_document(doc, ChunkSettings())
    text = "".join(p.text.text for p in doc.paragraphs)
    return SimpleNamespace(raw=raw, lines=raw.splitlines(), doc=doc, chunks=chunks, sentences=sentences, all=text)



def test_sentences_split_on_chinese_punctuation_and_closing_quotes():
    text = Text.from_lines("他说：“好。”然后走了！是吗？是；不是", range(1, 20))
    assert [s.text for s in split_sentences(text, 200)] == ["他说：“好。”", "然后走了！", "是吗？", "是；", "不是"]


def test_a_sentence_mark_inside_brackets_ends_no_sentence():
    """'牛车水（；）是新加坡的唐人街' is one sentence (a foreign name left out of the brackets); a bracket left open does not swallow the text."""
    def split(text: str) -> list[str]:
        return [s.text for s in split_sentences(Text.from_lines(text, [1] * len(text)), 200)]

    assert split("牛车水（；）是新加坡的唐人街。它很大。") == ["牛车水（；）是新加坡的唐人街。", "它很大。"]
    assert split("他说（见上文。）然后走了！") == ["他说（见上文。）然后走了！"]
    assert split("未闭合（括号。" + "后面的字" * 10 + "。再来。") == ["未闭合（括号。", "后面的字" * 10 + "。", "再来。"]


def test_no_chunk_crosses_a_speaker_turn(forum):
    for chunk in forum.chunks:
        speakers = {forum.sentences[i].speaker for i in chunk.sentence_ids}
        assert speakers == {chunk.speaker}
        turns = {forum.doc.paragraphs[forum.sentences[i].paragraph].turn for i in chunk.sentence_ids}
        assert turns == {chunk.turn}


def test_every_chunk_maps_back_to_its_original_lines(forum):
    for chunk in forum.chunks:
        original = "".join(forum.lines[chunk.line_start - 1 : chunk.line_end]).replace(" ", "").replace("\u3000", "")
        for sentence_id in chunk.sentence_ids:
            sentence = forum.sentences[sentence_id]
            assert chunk.line_start <= sentence.line_start <= sentence.line_end <= chunk.line_end
            assert sentence.text.replace(" ", "") in original


def test_chunks_are_sized_for_the_embedder(forum):
    sizes = [len(c.text) for c in forum.chunks]
    assert max(sizes) <= ChunkSettings().max_chars + ChunkSettings().max_overlap_chars
    assert sum(sizes) / len(sizes) >= 100


def test_consecutive_chunks_of_a_paragraph_overlap_by_a_sentence(forum):
    overlapping = 0
    for a, b in zip(forum.chunks, forum.chunks[1:]):
        paragraph_a = forum.sentences[a.sentence_ids[-1]].paragraph
        paragraph_b = forum.sentences[b.sentence_ids[0]].paragraph
        last = forum.sentences[a.sentence_ids[-1]]
        if a.turn == b.turn and paragraph_a == paragraph_b and len(last.text) <= ChunkSettings().max_overlap_chars:
            assert a.sentence_ids[-1] in b.sentence_ids and b.sentence_ids[0] in a.sentence_ids  # shared sentences
            overlapping += 1
    assert overlapping >= 5


def test_all_running_text_is_covered(forum):
    covered = {i for c in forum.chunks for i in c.sentence_ids}
    assert covered == set(range(len(forum.sentences)))


def test_text_without_punctuation_still_chunks_within_bounds(forum):
    doc = parse("甲：" + "环境保护工作" * 200 + "\n", "t")
    settings = ChunkSettings()
    chunks, _ = chunk_document(doc, settings)
    limit = {"text": settings.for_text().max_chars}  # one turn is no dialogue: an article's running text
    assert len(chunks) > 3 and all(len(c.text) <= limit.get(c.kind, settings.max_chars) for c in chunks)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="min_chars <= target_chars <= max_chars"):
        ChunkSettings(target_chars=500, max_chars=100)


def test_a_short_tail_joins_its_passage_and_the_cut_is_always_shared():
    long = "南阳市坚持把水质保护作为一项重要的政治任务，全面落实新发展理念，加快转型发展。" * 4  # 160 characters
    doc = parse(f"甲某：{long}{long}不新鲜者，可制作成鱼松。\n\n甲某：好的。\n\n乙某：谢谢。\n", "t")
    chunks, sentences = chunk_document(doc, ChunkSettings())
    turn = [c for c in chunks if c.speaker == "甲某" and c.turn == chunks[0].turn]
    assert turn[-1].text.endswith("不新鲜者，可制作成鱼松。") and len(turn) == 2  # no passage of the tail alone
    assert set(turn[0].sentence_ids) & set(turn[1].sentence_ids)  # the boundary sentence is in both


ARTICLE = (  # one paragraph of running text, 20 sentences of 27 characters: an article, not a dialogue
    "".join(f"该鱼第{n:02d}个特征是体长可达三十二公分并且颜色很浅。" for n in range(20))
)


def test_an_articles_running_text_is_cut_into_longer_passages_than_a_dialogue():
    settings = ChunkSettings()
    article = parse(ARTICLE, "a", title="斯氏腔吻鳕")
    chunks, _ = chunk_document(article, settings)
    text = [c for c in chunks if c.kind == "text"]
    sizes = [len(c.text) for c in text]
    assert len(text) >= 2 and max(sizes) <= settings.for_text().max_chars
    assert max(sizes) > settings.max_chars  # at the dialogue's sizes every passage would be at most 260
    short, _ = chunk_document(article, ChunkSettings(text_scale=1.0))
    assert max(len(c.text) for c in short) <= settings.max_chars and len(short) > len(chunks)
    dialogue = parse("甲某：" + ARTICLE + "\n\n乙某：好的。\n\n甲某：谢谢。\n", "d")
    turns, _ = chunk_document(dialogue, settings)
    assert {c.kind for c in turns} == {"speech"} and max(len(c.text) for c in turns) <= settings.max_chars


def test_the_forum_has_no_running_text_of_an_article(forum):
    """The transcript's passages are the same whatever text_scale is: it has no Kind.TEXT paragraphs."""
    assert "text" not in {c.kind for c in forum.chunks}
    same, _ = chunk_document(forum.doc, ChunkSettings(text_scale=1.0))
    assert [c.text for c in same] == [c.text for c in forum.chunks]


def test_text_scale_out_of_range_is_refused():
    with pytest.raises(ValueError, match="text_scale"):
        ChunkSettings(text_scale=0.5)
