"""What text stands for a passage or a sentence when it is embedded and BM25-indexed.

Every passage carries its context: the document's title, the heading of its section and who
speaks (name and role). A later passage of an article says 本鱼…, 该片… or 他… and never names
its subject; a speaker talks in the first person, so 南阳 or 大连 rarely appears in their own
words. The context puts those names back for retrieval; the passage shown and cited is unchanged.
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

# A headline ('如何实现水污染防治新突破？') is a short question: it is close to every question on its
# topic, yet it asks rather than answers. Its dense vectors are stored scaled by this prior, so that
# the passage that answers wins a near tie; a question about the headline's own words still finds it.
# Measured on the tune questions (eval/reports/cmrc.md, "What each change bought"): damping titles and
# participants lists as well loses the questions about them (主持人是谁, 标题是什么).
FRAMING = frozenset({Kind.HEADLINE.value})
FRAMING_PRIOR = 0.95


def dense_weight(chunk: Chunk) -> float:
    """The factor a passage's (and its sentences') vectors are stored with: FRAMING_PRIOR for headlines, else 1."""
    return FRAMING_PRIOR if chunk.kind in FRAMING else 1.0


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
    return [line for line in lines if not _opens_with(chunk.text, line)]


def _opens_with(text: str, line: str) -> bool:
    """True when the text's first line is that line already ('编者按' above the note, '编者按：…')."""
    return text == line or text.startswith((line + "\n", line + "：", line + ":"))


def passage_text(chunk: Chunk, title: str = "", context: Context | None = None) -> str:
    """The text embedded and BM25-indexed for a chunk: title, section heading, who speaks, then the passage.

    Args:
        chunk: the passage.
        title: its document's title ('' for none).
        context: which parts of the context to include (default: DEFAULT_CONTEXT).
    """
    body = with_speaker(chunk.text, chunk.speaker, chunk.role)
    return "\n".join([*_context_lines(chunk, title, context or DEFAULT_CONTEXT), body])


def sentence_text(sentence: Sentence, chunk: Chunk | None = None, title: str = "", context: Context | None = None) -> str:
    """The text embedded for a sentence: who speaks (name and role) or, in an article's running text, the title."""
    if chunk is None:
        return sentence.text
    body = with_speaker(sentence.text, chunk.speaker, chunk.role)
    return "\n".join([*_context_lines(chunk, title, context or DEFAULT_CONTEXT, sentence=True), body])
