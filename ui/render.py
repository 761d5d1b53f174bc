"""Render answers as safe HTML for the web chat, as Markdown for export, and the source viewer.

Everything that comes from the transcript or the user goes through :func:`esc`: HTML is escaped and the
characters Markdown would act on become numeric entities, so no input can become markup, a link, an image
or a formula. No gradio here: these are pure functions, tested without a server.

Escaping and citation labels are in ui/escape.py, the source viewer (source_html) in ui/source_view.py; both are
re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from retriever.holding import TRANSCRIPT, Holding
from retriever.types import Answer, Hit
from ui.escape import citation_label, document_title, esc, lines_label
from ui.source_view import CONTEXT_LINES, source_html

Sources = Callable[[Hit, object], str]  # (hit, its highlight) -> its source lines in context (source_html)


MODE_LABELS = {"hybrid": "混合 Hybrid", "dense": "语义 Semantic", "bm25": "关键词 Keyword"}
MODE_ALIASES = {"混合": "hybrid", "语义": "dense", "关键词": "bm25"}

NOT_COVERED = TRANSCRIPT.not_covered()  # the forum's; another index names what it holds (retriever/holding.py)
MAY_BE_RELATED = "可能相关的段落 / May be related"
ANSWER_LABEL = "答案 / Answer"
SOURCES_LABEL = "引用段落 / Cited passages"
UNDERSTOOD_LABEL = "理解为 / Understood as"
FILTER_LABEL = "筛选 / Filter"
FILTER_NAMES = {"speaker": "发言人 speaker", "doc": "文档 document"}
SOURCE_SUMMARY = "原文 / Source"
SHARE_LABEL = "🔗 链接 / Link to this question"


def _term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of the query terms in text (ASCII terms case-insensitively)."""
    spans = []
    for term in sorted({t for t in terms if t and t.strip()}, key=len, reverse=True):
        if len(term) == 1 and term.isascii():
            continue  # single letters or digits would light up everything
        spans += [m.span() for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def emphasise(text: str, terms: list[str]) -> str:
    """Escaped text with the query terms wrapped in ``<strong class="term">``."""
    out, last = [], 0
    for start, end in _term_spans(text, terms):
        out.append(esc(text[last:start]))
        out.append(f'<strong class="fqa-term">{esc(text[start:end])}</strong>')
        last = end
    out.append(esc(text[last:]))
    return "".join(out)




def _passage_html(hit: Hit, highlight, terms: list[str], sources: Sources | None = None, document: str = "") -> str:
    text = hit.text
    start, end = (highlight.start, highlight.end) if highlight is not None else (0, 0)
    if not 0 <= start < end <= len(text):
        start = end = 0
    body = emphasise(text[:start], terms)
    if end > start:
        body += f'<mark class="fqa-support">{emphasise(text[start:end], terms)}</mark>'
    body += emphasise(text[end:], terms)
    c = hit.citation
    head = (
        f'<span class="fqa-num">[{hit.rank}]</span> '
        f'<span class="fqa-speaker">{esc(c.speaker or "—")}</span>'
        + (f' · <span class="fqa-role">{esc(c.role)}</span>' if c.role else "")
        + (f' · <span class="fqa-doc">《{esc(document)}》</span>' if document else "")
        + f' · <span class="fqa-lines">{esc(lines_label(c.line_start, c.line_end, c.page))}</span>'
        + (f' · <span class="fqa-headline">{esc(c.headline)}</span>' if c.headline else "")
    )
    source = ""
    if sources is not None:
        summary = f"{SOURCE_SUMMARY} · {lines_label(c.line_start, c.line_end, c.page)}"
        source = f'<details class="fqa-src"><summary>{esc(summary)}</summary>{sources(hit, highlight)}</details>'
    return (
        f'<div class="fqa-passage"><div class="fqa-cite">{head}</div><div class="fqa-text">{body}</div>{source}</div>'
    )


def filters_text(filters: dict, titles: dict[str, str] | None = None) -> str:
    """'发言人 speaker: 许伟 · 文档 document: 论坛' for Answer.filters ('' when none)."""
    parts = []
    for name, value in (filters or {}).items():
        if value:
            shown = (titles or {}).get(value, value) if name == "doc" else value
            parts.append(f"{FILTER_NAMES.get(name, name)}: {shown}")
    return " · ".join(parts)


def share_href(question: str) -> str:
    """The link that opens the chat and asks question: '?q=<percent-encoded>'."""
    return "?q=" + quote(question, safe="")


def answer_html(
    answer: Answer,
    sources: Sources | None = None,
    k: int | None = None,
    titles: dict[str, str] | None = None,
    holding: Holding = TRANSCRIPT,
) -> str:
    """The chat reply: how the question was understood, active filters, the answer (or a plain abstention),
    the numbered passages each with its source lines under it, and a link that asks the question again.

    Args:
        answer: the Answer.
        sources: renders a passage's source lines; when given, each passage gets them, expandable.
        k: the number of passages asked for; fewer back is said in the reply.
        titles: document id -> title, to name a document filter and, when the index holds several documents,
            each passage's document.
        holding: what the index holds, named by an abstention (Retriever.holding).
    """
    parts = []
    if answer.rewritten and answer.rewritten != answer.query:
        parts.append(f'<div class="fqa-understood">{esc(UNDERSTOOD_LABEL)}: {esc(answer.rewritten)}</div>')
    active = filters_text(answer.filters, titles)
    if active:
        parts.append(f'<div class="fqa-filters">{esc(FILTER_LABEL)}: {esc(active)}</div>')
    if answer.notice:
        parts.append(f'<div class="fqa-notice">ⓘ {esc(answer.notice)}</div>')
    if answer.abstained or not answer.passages:
        parts.append(f'<div class="fqa-abstain"><strong>{esc(holding.not_covered())}</strong></div>')
        if answer.passages:
            parts.append(f'<div class="fqa-heading">{esc(MAY_BE_RELATED)}:</div>')
    else:
        first = answer.passages[answer.answer_index]  # the passage the answer sentence is taken from
        parts.append(
            f'<div class="fqa-answer"><span class="fqa-heading">{esc(ANSWER_LABEL)}:</span> '
            f"{emphasise(answer.text, answer.terms)} "
            f'<span class="fqa-ref">[{first.rank}]</span></div>'
        )
        parts.append(f'<div class="fqa-heading">{esc(SOURCES_LABEL)}:</div>')
    highlights = (list(answer.highlights) + [None] * len(answer.passages))[: len(answer.passages)]
    for hit, highlight in zip(answer.passages, highlights, strict=True):
        parts.append(_passage_html(hit, highlight, answer.terms, sources, document_title(hit.citation.doc, titles)))
    if k is not None and answer.passages and len(answer.passages) < k:
        why = "筛选后" if active else "包含关键词的"
        parts.append(
            f'<div class="fqa-notice">{esc(f"只找到 {len(answer.passages)} 段{why}段落（要求 {k} 段）")} / '
            f"{esc(f'only {len(answer.passages)} of the {k} passages asked for match')}"
            f"{esc(' the filter' if active else ' a word of the question')}</div>"
        )
    meta = esc(f"置信度 confidence {answer.confidence:.3f}")
    if sources is not None:
        meta += " · " + esc("展开每段下的“原文”查看上下文 / open “Source” under a passage for its context")
    searched = answer.rewritten or answer.query
    meta += f' · <a class="fqa-share" href="{share_href(searched)}">{esc(SHARE_LABEL)}</a>'
    parts.append(f'<div class="fqa-meta">{meta}</div>')
    # One HTML block without newlines: the Markdown renderer passes it through untouched.
    return '<div class="fqa-reply">' + "".join(parts) + "</div>"


def error_html(message: str) -> str:
    """A one-line error for the chat."""
    first_line = str(message).strip().splitlines()[0] if str(message).strip() else "unknown error"
    return f'<div class="fqa-error">⚠ 出错 / Error: {esc(first_line)}</div>'


def question_html(question: str) -> str:
    """The user's question as it appears in the chat: escaped, shown exactly as typed."""
    return f'<div class="fqa-question">{esc(question)}</div>'


def _md(text: str) -> str:
    """Escape Markdown syntax for the export (backslashes, so it stays readable as plain text)."""
    text = re.sub(r"([\\`*_\[\]{}()#+!|<>~$])", r"\\\1", str(text))
    return text.replace("\r\n", "\n")


def answer_markdown(answer: Answer, holding: Holding = TRANSCRIPT) -> str:
    """The answer with its citations as Markdown, for copying or saving (holding: what an abstention names)."""
    out = [f"**问题 / Question:** {_md(answer.query)}", ""]
    if answer.rewritten and answer.rewritten != answer.query:
        out += [f"{UNDERSTOOD_LABEL}: {_md(answer.rewritten)}", ""]
    if filters_text(answer.filters):
        out += [f"{FILTER_LABEL}: {_md(filters_text(answer.filters))}", ""]
    if answer.abstained or not answer.passages:
        out.append(f"**{holding.not_covered()}**")
        if answer.passages:
            out += ["", f"{MAY_BE_RELATED}:"]
    else:
        out.append(f"**{ANSWER_LABEL}:** {_md(answer.text)} [{answer.passages[answer.answer_index].rank}]")
        out += ["", f"{SOURCES_LABEL}:"]
    highlights = (list(answer.highlights) + [None] * len(answer.passages))[: len(answer.passages)]
    for hit, highlight in zip(answer.passages, highlights, strict=True):
        c = hit.citation
        who = "，".join(part for part in (c.speaker, c.role) if part) or "—"
        line = f"{hit.rank}. {_md(who)}, {c.doc}, {lines_label(c.line_start, c.line_end, c.page)}"
        if c.headline:
            line += f" — {_md(c.headline)}"
        out.append("")
        out.append(line)
        quote = highlight.sentence if highlight is not None else hit.text
        out.append("   > " + _md(quote).replace("\n", "\n   > "))
    return "\n".join(out) + "\n"


def normalise_mode(mode: str) -> str:
    """'hybrid'/'dense'/'bm25', also from the Chinese labels (混合/语义/关键词) or a display label."""
    value = str(mode).strip()
    for label, key in MODE_ALIASES.items():
        if value == label or value.startswith(label + " "):
            return key
    for key, label in MODE_LABELS.items():
        if value == label:
            return key
    return value.lower()


__all__ = ["CONTEXT_LINES", "citation_label", "esc", "lines_label", "source_html"]
