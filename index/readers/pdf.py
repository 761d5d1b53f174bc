"""PDFs (.pdf): the text layer of each page, through pypdf; no OCR.

Why pypdf: one pure-Python, BSD-licensed package with no native wheels; its text-run callback gives each
run's baseline, which is all that is needed to rebuild lines and the gaps between paragraphs. (pdfplumber's
layout engine is as good here but brings pdfminer.six, pypdfium2 and their logging along.)

Each page's lines follow the text layer; a blank line marks a vertical gap wider than the document's usual
line spacing (a new paragraph, a column or box) and ends every page but the last, so paragraphs read the same
way as in a plain-text transcript. ``Source.page_starts`` holds the 1-based line where each page begins.

The usual line spacing is measured in font heights (a step between baselines over the smaller of the two
lines' glyph heights, so a heading's larger type or a footnote's smaller one does not skew it) and taken as
the lower quartile of the whole document's steps, not their median: in a report of short paragraphs (one or
two lines each, headings between them) most steps ARE paragraph gaps, and a median then saw no gap at all.

When every paragraph is a single line (a web page printed to PDF: short paragraphs, no line wraps), every step
is a paragraph gap and spacing alone finds none. Then the layout itself tells: a row that ends a sentence and
stops well short of the right margin, or after which the next row starts indented (a first-line indent), ends a
paragraph; so does a change of type size (a heading above its text). Wrapped lines fill the column and start at
its left edge, so these cues do not cut a wrapped paragraph.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

from index.clean import ends_paragraph
from index.errors import DocumentError
from index.readers.base import Source, read_bytes, sha256_bytes

SUFFIXES = (".pdf",)
MIN_LETTERS_PER_PAGE = 8  # fewer letters than this per page on average: no real text layer (a scanned PDF)
GAP_FACTOR = 1.4  # a step between baselines this many times the usual line spacing is a paragraph gap
USUAL_QUANTILE = 0.25  # the usual line spacing: this quantile of the steps (in font heights); at least a quarter are
# line steps inside a paragraph unless nearly every paragraph is a single line

SHORT_ROW = 0.8  # a row ending before this share of the column's width (from its left edge) stops short
INDENT = 1.0  # a row starting this many font heights right of the row above (at the left edge) is indented
SIZE_CHANGE = 1.15  # rows whose glyph heights differ by this factor are set in different type (a heading, its text)

_LATIN_END = re.compile(r"[.:：][\"')\]]?$")  # a Latin sentence (or a lead-in's colon) ends here too

_NO_TEXT = "has no text layer (a scanned PDF?); OCR is not supported — give a text PDF or a .txt"


def read(path: str | Path) -> list[Source]:
    """The PDF as one document: its pages' text-layer lines, in order, with the line where each page begins.

    Raises:
        DocumentError: missing, too large, empty, not a PDF, encrypted, unreadable, or without a text layer.
    """
    path, data = read_bytes(path, "PDF")
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty; give a PDF with text in it")
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(f"{path}: not a PDF (no %PDF- header); give a real PDF, or rename the file to its real type")
    reader = _open(path, data)
    pages: list[tuple[list, list[str]]] = []  # per page: its rows, or (no runs) its plain lines
    widths: list[float] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(_page_rows(page))
            widths.append(_page_width(page))
        except Exception as error:  # pypdf raises many kinds on a damaged content stream
            raise DocumentError(f"{path}: page {number} cannot be read ({_first_line(error)}); the PDF may be damaged") from None
    usual = usual_spacings([step for rows, _ in pages for step in _steps(rows)])
    lines: list[str] = []
    page_starts: list[int] = []
    for (rows, plain), width in zip(pages, widths):
        page_lines = _row_lines(rows, usual, width) if rows else plain
        if lines:
            lines.append("")  # a page ends a layout block, as a blank line does in a transcript
        page_starts.append(len(lines) + 1)
        lines.extend(page_lines)
    if not page_starts:
        raise DocumentError(f"{path}: the PDF has no pages")
    letters = sum(1 for line in lines for char in line if char.isalnum())
    if letters < MIN_LETTERS_PER_PAGE * len(page_starts):
        raise DocumentError(f"{path}: {_NO_TEXT} ({letters} letters on {len(page_starts)} pages)")
    title, metadata = _info(reader, path)
    return [
        Source(
            path=path,
            text="\n".join(lines),
            format="pdf",
            encoding="pdf",
            sha256=sha256_bytes(data),
            title=title,
            page_starts=tuple(page_starts),
            metadata=metadata,
        )
    ]


def _open(path: Path, data: bytes):
    """A pypdf reader of the bytes, decrypted when the PDF only has an empty user password."""
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repairs of sloppy files are not the user's concern
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{path}: the PDF is password-protected; remove the password (qpdf --decrypt) and retry")
        len(reader.pages)  # parses the page tree: a damaged file fails here, not half-way through
    except DocumentError:
        raise
    except DependencyError:
        raise DocumentError(
            f"{path}: the PDF is AES-encrypted; `pip install cryptography` or remove the encryption (qpdf --decrypt)"
        ) from None
    except FileNotDecryptedError:
        raise DocumentError(f"{path}: the PDF is password-protected; remove the password (qpdf --decrypt) and retry") from None
    except Exception as error:
        raise DocumentError(f"{path}: cannot be read as a PDF ({_first_line(error)}); the file may be damaged") from None
    return reader


def page_text_lines(page, usual: float | None = None) -> list[str]:
    """The text-layer lines of one pypdf page, top to bottom, with '' where the layout has a wider gap.

    Runs are grouped into lines by baseline (in the order the content stream draws them); a line is
    followed by a blank line when the next baseline is lower by more than GAP_FACTOR times the usual line
    spacing (in font heights: ``usual``, by default this page's own), or higher (a new column or text box).
    """
    rows, plain = _page_rows(page)
    if not rows:
        return plain
    return _row_lines(rows, usual_spacings(_steps(rows)) if usual is None else {None: usual}, _page_width(page))


def _page_width(page) -> float:
    """The page's width in points (0.0 when its media box cannot be read)."""
    try:
        return float(page.mediabox.width)
    except Exception:  # a damaged media box: the short-row cue is then not used
        return 0.0


def _em_width(text: str) -> float:
    """The width of text in font heights, estimated: a wide (CJK) character 1, a space 0.3, any other 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.3 if c.isspace() else 0.5 for c in text)


def _page_rows(page) -> tuple[list, list[str]]:
    """The page's rows ([text pieces, baseline y, glyph height, left x, estimated right x], top to bottom as
    drawn) and, only when pypdf reports no text runs at all, its plain extracted lines instead."""
    runs: list[tuple[str, float, float, float]] = []  # (text, baseline y, glyph height, x)

    def visit(text, cm, tm, font_dict, font_size):
        text = text.replace("\r", "").replace("\n", "")
        if text:
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            height = abs((font_size or 1) * tm[3] * cm[3]) or abs(font_size or 1)
            runs.append((text, y, height, x))

    plain = page.extract_text(visitor_text=visit)
    rows: list[list] = []  # [text pieces, baseline, height, left x, right x]
    for text, y, height, x in runs:
        right = x + _em_width(text) * height
        if rows and abs(y - rows[-1][1]) <= 0.5 * max(height, rows[-1][2], 1e-6):
            rows[-1][0].append(text)
            rows[-1][2] = max(rows[-1][2], height)
            rows[-1][3] = min(rows[-1][3], x)
            rows[-1][4] = max(rows[-1][4], right)
        else:
            rows.append([[text], y, height, x, right])
    rows = [row for row in rows if "".join(row[0]).strip()]
    return rows, [] if runs else [line.rstrip() for line in plain.splitlines()]


def _step_ratio(upper: list, lower: list) -> float:
    """The step down from one row's baseline to the next, in font heights (the smaller of the two rows')."""
    return (upper[1] - lower[1]) / max(min(upper[2], lower[2]), 1e-6)


def _size(upper: list, lower: list) -> float | None:
    """The type size a step belongs to: both rows' glyph height (to half a point), None when they differ."""
    a, b = round(upper[2] * 2) / 2, round(lower[2] * 2) / 2
    return a if a == b else None


def _steps(rows: list) -> list[tuple[float | None, float]]:
    """Each step down between consecutive rows: (its type size or None, its height in font heights)."""
    return [(_size(a, b), _step_ratio(a, b)) for a, b in zip(rows, rows[1:]) if a[1] > b[1]]


def usual_spacing(ratios: list[float]) -> float:
    """The usual line spacing in font heights: the lower quartile of the steps (0.0 when there are none).

    Not the median: on pages of one- and two-line paragraphs most steps are paragraph gaps."""
    if not ratios:
        return 0.0
    ordered = sorted(ratios)
    return ordered[int((len(ordered) - 1) * USUAL_QUANTILE)]


def usual_spacings(steps: list[tuple[float | None, float]]) -> dict[float | None, float]:
    """The usual line spacing of each type size (from the steps between two rows of that size), and under None
    that of all steps. Per size, so that a table or footnotes set tighter than the body in their own smaller
    type do not make every line of a double-spaced body a paragraph of its own."""
    usual: dict[float | None, float] = {None: usual_spacing([ratio for _, ratio in steps])}
    sizes = {size for size, _ in steps if size is not None}
    for size in sizes:
        usual[size] = usual_spacing([ratio for s, ratio in steps if s == size])
    return usual


def _row_lines(rows: list, usual: dict[float | None, float], width: float = 0.0) -> list[str]:
    """The rows' text, with '' after a row whose step down to the next is a paragraph gap (or a step up), or
    whose layout ends a paragraph (see _layout_break).

    A step between rows of one size is measured against that size's usual spacing; between sizes (a heading
    and its text), against the smaller size's, or the document's when that size has none of its own."""
    left = min(row[3] for row in rows)
    right = max([row[4] for row in rows] + [width - left])  # margins taken as even when no row fills the column
    lines: list[str] = []
    for i, row in enumerate(rows):
        lines.append("".join(row[0]).rstrip())
        if i + 1 < len(rows):
            below = rows[i + 1]
            ratio = _step_ratio(row, below)
            size = round(min(row[2], below[2]) * 2) / 2
            normal = usual.get(size, usual[None])
            if (below[1] > row[1] or (normal and ratio > GAP_FACTOR * normal) or (not normal and ratio > 2)
                    or _layout_break(row, below, left, right)):
                lines.append("")
    return lines


def _layout_break(row: list, below: list, left: float, right: float) -> bool:
    """Whether the layout ends a paragraph after row where spacing cannot tell: the type size changes, or the row
    ends a sentence and either stops well short of the column's right edge or is followed by an indented row."""
    if max(row[2], below[2]) > SIZE_CHANGE * min(row[2], below[2]):
        return True
    text = "".join(row[0]).rstrip()
    if not (ends_paragraph(text) or _LATIN_END.search(text)):
        return False
    short = right > left and row[4] < left + SHORT_ROW * (right - left)
    indented = row[3] <= left + 0.5 * row[2] and below[3] >= row[3] + INDENT * below[2]
    return short or indented


def _info(reader, path: Path) -> tuple[str, dict]:
    """The title (when the PDF's metadata has a real one) and the other document-information fields."""
    try:
        info = reader.metadata or {}
    except Exception:  # a damaged information dictionary is not worth refusing the text for
        return "", {}
    fields = {key.lstrip("/").lower(): str(value).strip() for key, value in info.items() if isinstance(value, str)}
    title = fields.get("title", "")
    if title.lower() in {"", "untitled", path.name.lower(), path.stem.lower()} or title.lower().endswith(
        (".pdf", ".html", ".htm", ".doc", ".docx", ".txt")
    ):
        title = ""
    metadata = {key: fields[key] for key in ("author", "subject", "creator", "producer") if fields.get(key)}
    return title, metadata


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return (text.splitlines()[0] if text else type(error).__name__)[:200]
