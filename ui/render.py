"""Render answers as safe HTML for the web chat, as Markdown for export, and the source viewer.

Everything that comes from the transcript or the user goes through :func:`esc`: HTML is escaped and the
characters Markdown would act on become numeric entities, so no input can become markup, a link, an image
or a formula. No gradio here: these are pure functions, tested without a server.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from retriever.types import Answer, Hit

CONTEXT_LINES = 8  # lines of the transcript shown above and below a cited passage
_PAGE_STYLE = ' style="font-weight:600;color:#6b7280;border-top:1px solid #e5e7eb;margin:.25em 0"'

# HTML plus Markdown/LaTeX syntax characters, all turned into entities in one pass, so the chat's
# Markdown renderer shows them as typed (no markup, links, images, autolinks or formulas).
_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_[]{}()#+-.!|~$:=/@"}
_ESCAPES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_ESC_TABLE = str.maketrans(_ESCAPES)

MODE_LABELS = {"hybrid": "混合 Hybrid", "dense": "语义 Semantic", "bm25": "关键词 Keyword"}
MODE_ALIASES = {"混合": "hybrid", "语义": "dense", "关键词": "bm25"}

NOT_COVERED = "转录稿中没有涉及这个问题。The transcript does not cover this question."
MAY_BE_RELATED = "可能相关的段落 / May be related"
ANSWER_LABEL = "答案 / Answer"
SOURCES_LABEL = "引用段落 / Cited passages"


def esc(text: str) -> str:
    """Escape text for HTML and Markdown: ``<``, ``&``, quotes and Markdown syntax all show as typed."""
    text = str(text).translate(_ESC_TABLE)
    return text.replace("\r\n", "\n").replace("\n", "<br>")


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


def lines_label(start: int, end: int, page: int | None = None) -> str:
    """'第19–30行 (lines 19–30)'; with a page (lines then count within it) '第3页 第19–30行 (page 3, lines 19–30)'."""
    span = f"{start}" if start == end else f"{start}–{end}"
    if page is None:
        return f"第{span}行 (lines {span})"
    return f"第{page}页 第{span}行 (page {page}, lines {span})"


def citation_label(hit: Hit) -> str:
    """The one-line citation of a passage: '[1] 王奇 · 河南省南阳市环保局局长 · 第19–30行 (lines 19–30)'."""
    c = hit.citation
    who = " · ".join(part for part in (c.speaker, c.role) if part)
    return f"[{hit.rank}] {who or '—'} · {lines_label(c.line_start, c.line_end, c.page)}"


def _passage_html(hit: Hit, highlight, terms: list[str]) -> str:
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
        + f' · <span class="fqa-lines">{esc(lines_label(c.line_start, c.line_end, c.page))}</span>'
        + (f' · <span class="fqa-headline">{esc(c.headline)}</span>' if c.headline else "")
    )
    return f'<div class="fqa-passage"><div class="fqa-cite">{head}</div><div class="fqa-text">{body}</div></div>'


def answer_html(answer: Answer) -> str:
    """The chat reply: the extractive answer (terms emphasised) or a plain abstention, then the numbered passages."""
    parts = []
    if answer.notice:
        parts.append(f'<div class="fqa-notice">ⓘ {esc(answer.notice)}</div>')
    if answer.abstained or not answer.passages:
        parts.append(f'<div class="fqa-abstain"><strong>{esc(NOT_COVERED)}</strong></div>')
        if answer.passages:
            parts.append(f'<div class="fqa-heading">{esc(MAY_BE_RELATED)}:</div>')
    else:
        first = answer.passages[0]
        parts.append(
            f'<div class="fqa-answer"><span class="fqa-heading">{esc(ANSWER_LABEL)}:</span> '
            f"{emphasise(answer.text, answer.terms)} "
            f'<span class="fqa-ref">[{first.rank}]</span></div>'
        )
        parts.append(f'<div class="fqa-heading">{esc(SOURCES_LABEL)}:</div>')
    highlights = (list(answer.highlights) + [None] * len(answer.passages))[: len(answer.passages)]
    for hit, highlight in zip(answer.passages, highlights, strict=True):
        parts.append(_passage_html(hit, highlight, answer.terms))
    parts.append(
        f'<div class="fqa-meta">{esc(f"置信度 confidence {answer.confidence:.3f}")}'
        f" · {esc('在右侧“原文”中查看上下文 / see the source viewer for context')}</div>"
    )
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


def answer_markdown(answer: Answer) -> str:
    """The answer with its citations as Markdown, for copying or saving."""
    out = [f"**问题 / Question:** {_md(answer.query)}", ""]
    if answer.abstained or not answer.passages:
        out.append(f"**{NOT_COVERED}**")
        if answer.passages:
            out += ["", f"{MAY_BE_RELATED}:"]
    else:
        out.append(f"**{ANSWER_LABEL}:** {_md(answer.text)} [{answer.passages[0].rank}]")
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


def source_html(
    lines: list[str] | None,
    hit: Hit,
    highlight=None,
    context: int = CONTEXT_LINES,
    page_starts: Sequence[int] = (),
) -> str:
    """The cited lines in their context in the original file, with line numbers; cited lines marked.

    Args:
        lines: the document's lines (line n is lines[n-1]); None when the index lacks the document.
        hit: the cited passage.
        highlight: its supporting sentence (its lines get a stronger mark), or None.
        context: lines shown above and below the passage.
        page_starts: for a document with pages, the line where each page begins (DocRecord.page_starts):
            the citation's lines count within its page, and so do the numbers shown, under a page heading.
    """
    c = hit.citation
    title = f"{citation_label(hit)}" + (f" · {c.headline}" if c.headline else "") + f" · {c.doc}"
    head = f'<div class="fqa-src-title">{esc(title)}</div>'
    if not lines:
        missing = esc("原文不可用 / source text not available")
        return f'<div class="fqa-source">{head}<div class="fqa-error">{missing}</div></div>'
    paged = bool(page_starts) and c.page is not None
    cited = (_doc_line(page_starts, c.page, c.line_start), _doc_line(page_starts, c.page, c.line_end)) if paged else (
        c.line_start, c.line_end
    )
    support = None
    if highlight is not None:
        page = getattr(highlight, "page", None)
        support = (
            (_doc_line(page_starts, page, highlight.line_start), _doc_line(page_starts, page, highlight.line_end))
            if paged and page is not None
            else (highlight.line_start, highlight.line_end)
        )
    first = max(1, cited[0] - context)
    last = min(len(lines), cited[1] + context)
    rows = []
    shown_page = None
    for n in range(first, last + 1):
        number, page = n, None
        if paged:
            page = max(bisect_right(page_starts, n), 1)
            number = n - page_starts[page - 1] + 1
            if page != shown_page:
                rows.append(f'<div class="fqa-page" data-page="{page}"{_PAGE_STYLE}>{esc(f"第{page}页 / page {page}")}</div>')
                shown_page = page
        cls = "fqa-line"
        if cited[0] <= n <= cited[1]:
            cls += " fqa-cited"
        if support is not None and support[0] <= n <= support[1]:
            cls += " fqa-support-line"
        marker = "▶" if cited[0] <= n <= cited[1] else " "
        page_attr = f' data-page="{page}"' if page is not None else ""
        rows.append(
            f'<div class="{cls}"{page_attr} data-line="{number}"><span class="fqa-ln">{number}</span>'
            f'<span class="fqa-mark">{marker}</span><span class="fqa-lt">{esc(lines[n - 1]) or "&nbsp;"}</span></div>'
        )
    return f'<div class="fqa-source">{head}<div class="fqa-lines-box">{"".join(rows)}</div></div>'


def _doc_line(page_starts: Sequence[int], page: int | None, line: int) -> int:
    """The document line of a line counted within a page (as citations count them)."""
    if not page_starts or page is None or not 1 <= page <= len(page_starts):
        return line
    return page_starts[page - 1] + line - 1


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
