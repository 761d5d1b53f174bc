"""Web pages (.html, .htm), through the standard library's html.parser: the visible text, one block per element.

Scripts, styles, navigation and hidden elements are dropped. Each block element (paragraph, heading, list
item, table row, ...) becomes a block of lines separated by a blank line, as paragraphs are in a
transcript; ``<br>`` starts a new line inside a block; a table row is one line, its cells separated by " | "
(index.clean.CELL_SEPARATOR). Line numbers count these extracted lines.

A news page's story is in its ``<article>`` or ``<main>``: when a page has one, the text around it (the site's
menus, breadcrumbs, share buttons, related links, copyright and licence lines) is left out. A block that is links
and little else (two links or more, or a list item's one link, being 80% of its text: a menu bar, a list of related
stories) is left out anywhere.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from index.clean import CELL_SEPARATOR
from index.errors import DocumentError
from index.readers.base import Source, decode_bytes, read_bytes, sha256_bytes

SUFFIXES = (".html", ".htm", ".xhtml")

SKIP = {"script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object", "select", "button"}
BLOCKS = set(
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption figure footer form"
    " h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody tfoot thead tr ul".split()
)
MAIN = {"article", "main"}  # the story of a page that has one
LINK_SHARE = 0.8  # a block of two links or more whose link text is this share of its text is a menu or link list
_LETTER = re.compile(r"\w")
CELLS = {"td", "th"}  # a table row is a block of one line, its cells separated by CELL_SEPARATOR
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "euc-cn", "hz-gb-2312"}  # read as GB18030, their superset


def read(path: str | Path) -> list[Source]:
    """The page as one document; its title from ``<title>`` (the first ``<h1>`` when ``<title>`` is that and the
    site's name after it), else the first ``<h1>``.

    Raises:
        DocumentError: missing, too large, empty, binary, undecodable, or without visible text.
    """
    path, data = read_bytes(path, "web page")
    text, encoding = decode_html(data, str(path))
    parser = _Visible()
    parser.feed(text)
    parser.close()
    lines = parser.lines()
    if not any(line.strip() for line in lines):
        raise DocumentError(f"{path}: the page has no visible text; give a page with text in it")
    title, h1 = parser.title.strip(), parser.h1.strip()
    if h1 and title.startswith(h1) and len(title) > len(h1):  # 'Story title_Site name', 'Story title | Site'
        title = h1
    title = title or h1
    return [Source(path=path, text="\n".join(lines), format="html", encoding=encoding, sha256=sha256_bytes(data), title=title)]


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """The page's text: a BOM, else valid UTF-8, else the charset its ``<meta>`` declares, else GB18030.

    Valid UTF-8 wins over a declaration because pages saved to disk often keep a stale ``<meta charset>``,
    while non-ASCII text that happens to be valid UTF-8 is almost never in another encoding.

    Raises:
        DocumentError: empty, binary or undecodable.
    """
    match = _CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            declared = match.group(1).decode("ascii").lower()
            encoding = "gb18030" if declared in _GB else declared
            try:
                codecs.lookup(encoding)
                text = data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: detect instead
            else:
                if "\x00" not in text:
                    return text, encoding
    return decode_bytes(data, name)


class _Visible(HTMLParser):
    """Collects the visible text of a page as blocks of lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.current: list[str] = [""]
        self.skip_tag, self.skip = "", 0  # an element whose text is not shown, and how deep it nests
        self.pre = 0
        self.in_title = self.in_h1 = False
        self.title = self.h1 = ""
        self.main = 0  # <article>/<main> elements open around the text
        self.kept: list[bool] = []  # each block's: inside an <article> or <main>
        self.link = 0  # <a> elements open around the text
        self.links, self.link_text = 0, 0  # the current block's links and their letters
        self.block_tag = ""  # the element the current block opened with

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip_tag:
            self.skip += tag == self.skip_tag
        elif tag == "title":
            self.in_title = True
        elif tag in SKIP or (tag not in VOID and any(key == "hidden" for key, _ in attrs)):
            self.skip_tag, self.skip = tag, 1
        elif tag == "br":
            self.current.append("")
        elif tag in CELLS and self.current[-1].strip():
            self.current[-1] = self.current[-1].rstrip() + CELL_SEPARATOR
        elif tag == "a":
            self.link += 1
            self.links += 1
        elif tag in BLOCKS or tag in MAIN:
            self.flush()
            self.block_tag = tag
            self.pre += tag == "pre"
            self.in_h1 = self.in_h1 or (tag == "h1" and not self.h1)
            self.main += tag in MAIN

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag:
            self.skip -= tag == self.skip_tag
            if not self.skip:
                self.skip_tag = ""
        elif tag == "title":
            self.in_title = False
        elif tag == "a":
            self.link -= self.link > 0
        elif tag in BLOCKS or tag in MAIN:
            self.flush()
            self.pre -= tag == "pre" and self.pre > 0
            self.in_h1 = self.in_h1 and tag != "h1"
            self.main -= tag in MAIN and self.main > 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_tag:
            return
        if self.in_h1:
            self.h1 += _SPACES.sub(" ", data)
        if self.link:
            self.link_text += len(_LETTER.findall(data))
        if self.pre:
            first, *rest = data.split("\n")
            self.current[-1] += first
            self.current += rest
        else:
            self.current[-1] += _SPACES.sub(" ", data)

    def flush(self) -> None:
        lines = [line.strip() if not self.pre else line.rstrip() for line in self.current]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        letters = sum(len(_LETTER.findall(line)) for line in lines)
        listed = self.links >= 2 or (self.links == 1 and self.block_tag == "li")  # a menu, or an item of a link list
        if lines and not (listed and self.link_text >= LINK_SHARE * letters):
            self.blocks.append(lines)
            self.kept.append(self.main > 0)
        self.current = [""]
        self.links, self.link_text = int(self.link > 0), 0

    def lines(self) -> list[str]:
        self.flush()
        out: list[str] = []
        story = any(self.kept)
        for block in (b for b, kept in zip(self.blocks, self.kept) if kept or not story):
            if out:
                out.append("")
            out += block
        return out
