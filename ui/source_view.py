"""The source viewer: a citation's lines in their context in the original document, cited lines marked (safe HTML)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from retriever.types import Hit
from ui.escape import citation_label, esc

CONTEXT_LINES = 8  # lines of the transcript shown above and below a cited passage


def source_html(
    lines: list[str] | None,
    hit: Hit,
    highlight=None,
    context: int = CONTEXT_LINES,
    page_starts: Sequence[int] = (),
    title: bool = True,
) -> str:
    """The cited lines in their context in the original file, with line numbers; cited lines marked.

    Args:
        lines: the document's lines (line n is lines[n-1]); None when the index lacks the document.
        hit: the cited passage.
        highlight: its supporting sentence (its lines get a stronger mark), or None.
        context: lines shown above and below the passage.
        page_starts: for a document with pages, the line where each page begins (DocRecord.page_starts):
            the citation's lines count within its page, and so do the numbers shown, under a page heading.
        title: start with the citation as a title line (the side panel; not under a passage).
    """
    c = hit.citation
    label = f"{citation_label(hit)}" + (f" · {c.headline}" if c.headline else "") + f" · {c.doc}"
    head = f'<div class="fqa-src-title">{esc(label)}</div>' if title else ""
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
                rows.append(f'<div class="fqa-page" data-page="{page}">{esc(f"第{page}页 / page {page}")}</div>')
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
