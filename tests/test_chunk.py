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
    chunks, _ = chunk_document(doc, ChunkSettings())
    assert len(chunks) > 3 and all(len(c.text) <= ChunkSettings().max_chars for c in chunks)


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
