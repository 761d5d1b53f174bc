"""Escaping for the chat's HTML and Markdown (esc), and the one-line citation labels every rendering uses."""

from __future__ import annotations

from retriever.types import Hit

# HTML plus Markdown/LaTeX syntax characters, all turned into entities in one pass, so the chat's
# Markdown renderer shows them as typed (no markup, links, images, autolinks or formulas).
_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_[]{}()#+-.!|~$:=/@"}
_ESCAPES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_ESC_TABLE = str.maketrans(_ESCAPES)


def esc(text: str) -> str:
    """Escape text for HTML and Markdown: ``<``, ``&``, quotes and Markdown syntax all show as typed."""
    text = str(text).translate(_ESC_TABLE)
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def lines_label(start: int, end: int, page: int | None = None) -> str:
    """'第19–30行 (lines 19–30)'; with a page (lines then count within it) '第3页 第19–30行 (page 3, lines 19–30)'."""
    span = f"{start}" if start == end else f"{start}–{end}"
    english = f"line {span}" if start == end else f"lines {span}"
    if page is None:
        return f"第{span}行 ({english})"
    return f"第{page}页 第{span}行 (page {page}, {english})"


def citation_label(hit: Hit, document: str = "") -> str:
    """The one-line citation of a passage: '[1] 王奇 · 河南省南阳市环保局局长 · 第19–30行 (lines 19–30)'.

    document: the title of the passage's document, named before the lines when the index holds several
    ('[1] 李明华 · 《长江采访笔记》 · 第5–9行 (lines 5–9)'); '' leaves it out.
    """
    c = hit.citation
    who = " · ".join(part for part in (c.speaker, c.role) if part)
    where = f"《{document}》 · " if document else ""
    return f"[{hit.rank}] {who or '—'} · {where}{lines_label(c.line_start, c.line_end, c.page)}"


def document_title(doc: str, titles: dict[str, str] | None) -> str:
    """The title to cite a passage's document by: '' when the index holds one document (nothing to tell apart)."""
    if not titles or len(titles) < 2:
        return ""
    return titles.get(doc) or doc
