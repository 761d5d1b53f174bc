"""What text stands for a passage or a sentence when it is embedded and BM25-indexed."""

from __future__ import annotations

from index.records import Chunk, Sentence


def with_speaker(text: str, speaker: str, role: str) -> str:
    """Text prefixed by who speaks, '王奇（河南省南阳市环保局局长）：…', its own '王奇：' label not repeated."""
    who = f"{speaker}（{role}）" if role else speaker
    if speaker and text.startswith(speaker + "："):
        text = text[len(speaker) + 1 :]
    return f"{who}：{text}" if who else text


def passage_text(chunk: Chunk) -> str:
    """The text embedded and BM25-indexed for a chunk: who speaks (name and role) then the passage.

    Speakers talk in the first person, so '南阳' or '大连' rarely appears in their own
    passages; the role line ('河南省南阳市环保局局长') puts it back for retrieval.
    """
    return with_speaker(chunk.text, chunk.speaker, chunk.role)


def sentence_text(sentence: Sentence, chunk: Chunk | None = None) -> str:
    """The text embedded for a sentence: like passage_text, the speaker and role of its chunk first."""
    return sentence.text if chunk is None else with_speaker(sentence.text, chunk.speaker, chunk.role)
