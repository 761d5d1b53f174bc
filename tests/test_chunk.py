"""Chunking invariants on the real transcript."""

from __future__ import annotations

import pytest

from index.build import DEFAULT_CORPUS
from index.chunk import ChunkSettings, chunk_document, split_sentences
from index.clean import Text
from index.structure import parse

RAW = DEFAULT_CORPUS.read_text(encoding="utf-8")
LINES = RAW.splitlines()
DOC = parse(RAW, "env-forum-2016")
SETTINGS = ChunkSettings()
CHUNKS, SENTENCES = chunk_document(DOC, SETTINGS)


def test_sentences_split_on_chinese_punctuation_and_closing_quotes():
    text = Text("他说：“好。”然后走了！是吗？是；不是", tuple(range(1, 19)))
    assert [s.text for s in split_sentences(text, 200)] == ["他说：“好。”", "然后走了！", "是吗？", "是；", "不是"]


def test_no_chunk_crosses_a_speaker_turn():
    for chunk in CHUNKS:
        speakers = {SENTENCES[i].speaker for i in chunk.sentence_ids}
        assert speakers == {chunk.speaker}
        turns = {DOC.paragraphs[SENTENCES[i].paragraph].turn for i in chunk.sentence_ids}
        assert turns == {chunk.turn}


def test_every_chunk_maps_back_to_its_original_lines():
    for chunk in CHUNKS:
        original = "".join(LINES[chunk.line_start - 1 : chunk.line_end]).replace(" ", "").replace("\u3000", "")
        for sentence_id in chunk.sentence_ids:
            sentence = SENTENCES[sentence_id]
            assert chunk.line_start <= sentence.line_start <= sentence.line_end <= chunk.line_end
            assert sentence.text.replace(" ", "") in original


def test_chunks_are_sized_for_the_embedder():
    sizes = [len(c.text) for c in CHUNKS]
    assert max(sizes) <= SETTINGS.max_chars + SETTINGS.max_overlap_chars
    assert sum(sizes) / len(sizes) >= 100


def test_consecutive_chunks_of_a_paragraph_overlap_by_a_sentence():
    overlapping = 0
    for a, b in zip(CHUNKS, CHUNKS[1:]):
        paragraph_a = SENTENCES[a.sentence_ids[-1]].paragraph
        paragraph_b = SENTENCES[b.sentence_ids[0]].paragraph
        last = SENTENCES[a.sentence_ids[-1]]
        if a.turn == b.turn and paragraph_a == paragraph_b and len(last.text) <= SETTINGS.max_overlap_chars:
            assert a.sentence_ids[-1] == b.sentence_ids[0]
            overlapping += 1
    assert overlapping >= 5


def test_all_running_text_is_covered():
    covered = {i for c in CHUNKS for i in c.sentence_ids}
    assert covered == set(range(len(SENTENCES)))


def test_text_without_punctuation_still_chunks_within_bounds():
    doc = parse("甲：" + "环境保护工作" * 200 + "\n", "t")
    chunks, _ = chunk_document(doc, SETTINGS)
    assert len(chunks) > 3 and all(len(c.text) <= SETTINGS.max_chars for c in chunks)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="min_chars <= target_chars <= max_chars"):
        ChunkSettings(target_chars=500, max_chars=100)
