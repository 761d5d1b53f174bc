"""What text stands for a passage or a sentence when it is embedded and BM25-indexed.

Every passage carries its context: the document's title, the heading of its section, who
speaks (name and role) and, for a passage split out of a section (a person quoted once in a report), the places
that section names around it (Chunk.context). A later passage of an article says 本鱼…, 该片… or 他… and never names
its subject; a speaker talks in the first person, so 南阳 or 大连 rarely appears in their own
words. The context puts those names back for retrieval; the passage shown and cited is unchanged.

BM25 reads the same text, except the title of a dialogue (lexical_text): its passages name their speaker and
section, and a title before every one of them would make the title's words match every passage alike, so that
the passages that do say them (the title itself, the editor's note: 论坛, 对话录) could never be found by them.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.records import Chunk, Kind, Sentence


@dataclass(frozen=True)
class Context:
    """Which parts of a passage's context are indexed with it."""

    title: bool = True
    heading: bool = True
    sentence_title: bool = True  # also put the title before each sentence of running text without a speaker


DEFAULT_CONTEXT = Context()
# The version of the texts this module makes for BM25: part of the tokenizer id (index/tokenize.py), so that an
# index whose BM25 tokens were made from other texts is rebuilt.
LEXICAL_TEXT_VERSION = "lexical-2"  # 2: a dialogue's passages without the title

# A headline ('如何实现水污染防治新突破？') is a short question: close to every question on its topic, yet it
# asks rather than answers; a photo caption only names a person. Their vectors can be stored scaled by
# FRAMING_PRIOR so that the passage that answers wins a near tie. Measured (eval/reports/ablation.md): at 0.95
# it gains one gold tune question, but the scaled scores become the minimum of the dense run's min-max
# normalisation and squeeze every other passage towards the top, so BM25 decides alone (the follow-up
# 他还提到了什么措施？ after a question on 济宁 then finds Dalian's passages). Off (1.0) by default.
FRAMING = frozenset({Kind.HEADLINE.value})
FRAMING_PRIOR = 1.0


def dense_weight(chunk: Chunk) -> float:
    """The factor a passage's (and its sentences') vectors are stored with: FRAMING_PRIOR for headlines and
    photo captions (a note about the person it names, '河南省南阳市环保局/局长王奇'), else 1."""
    caption = chunk.kind == Kind.NOTE.value and bool(chunk.speaker)
    return FRAMING_PRIOR if chunk.kind in FRAMING or caption else 1.0


def with_speaker(text: str, speaker: str, role: str) -> str:
    """Text prefixed by who speaks, '王奇（河南省南阳市环保局局长）：…', its own '王奇：' label not repeated."""
    who = f"{speaker}（{role}）" if role else speaker
    if speaker and text.startswith(speaker + "："):
        text = text[len(speaker) + 1 :]
    return f"{who}：{text}" if who else text


def _context_lines(chunk: Chunk, title: str, context: Context, sentence: bool = False) -> list[str]:
    """The title and heading lines that go before a passage's text (none that is the text's own first line)."""
    lines = []
    # A sentence is embedded on its own too: in a dialogue its speaker (and role) says who it is about;
    # in an article's running text its title does ('本鱼…', '该片…' name nothing).
    wanted = (context.sentence_title and chunk.kind == Kind.TEXT.value) if sentence else context.title
    if title and chunk.kind != Kind.TITLE.value and wanted:
        lines.append(title)
    if context.heading and chunk.headline and chunk.kind != Kind.HEADLINE.value and not sentence:
        lines.append(chunk.headline)
    if context.heading and chunk.context:  # the places its section names around a passage split out of it
        lines.append(chunk.context)
    return [line for line in lines if not _opens_with(chunk.text, line)]


def _opens_with(text: str, line: str) -> bool:
    """True when the text's first line is that line already ('编者按' above the note, '编者按：…')."""
    return text == line or text.startswith((line + "\n", line + "：", line + ":"))


def passage_text(chunk: Chunk, title: str = "", context: Context | None = None) -> str:
    """The text embedded for a chunk: title, section heading, who speaks, then the passage (BM25: lexical_text).

    Args:
        chunk: the passage.
        title: its document's title ('' for none).
        context: which parts of the context to include (default: DEFAULT_CONTEXT).
    """
    body = with_speaker(chunk.text, chunk.speaker, chunk.role)
    return "\n".join([*_context_lines(chunk, title, context or DEFAULT_CONTEXT), body])


def lexical_text(chunk: Chunk, title: str = "", context: Context | None = None) -> str:
    """The text BM25-indexed for a chunk: passage_text(), without the title unless it is an article's running text.

    Args:
        chunk: the passage.
        title: its document's title ('' for none).
        context: which parts of the context to include (default: DEFAULT_CONTEXT).
    """
    return passage_text(chunk, title if chunk.kind == Kind.TEXT.value else "", context)


def sentence_text(sentence: Sentence, chunk: Chunk | None = None, title: str = "", context: Context | None = None) -> str:
    """The text embedded for a sentence: who speaks (name and role) or, in an article's running text, the title."""
    if chunk is None:
        return sentence.text
    body = with_speaker(sentence.text, chunk.speaker, chunk.role)
    return "\n".join([*_context_lines(chunk, title, context or DEFAULT_CONTEXT, sentence=True), body])
