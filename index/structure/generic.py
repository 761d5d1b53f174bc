"""Recognise the structure of a document that is not a dialogue: title, section headings and paragraphs.

Paragraphs broken by column or page breaks (a blank line in mid-sentence) are joined again;
each heading opens a section whose paragraphs carry it as their context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.clean import Block, block_text, compact, ends_paragraph, split_blocks, table_row
from index.lazy_pattern import lazy_compile
from index.records import Headline, Kind, Speaker
from index.structure.document import Document, Paragraph, in_reading_order
from index.structure.parts import WORD, Parts, is_title, lines_text, marker_text
from index.structure.people import EDITOR_NOTE_MARKERS, label, one_time_speaker, opens_turn, quoted_person, title_like
from index.text import Text

_MARKDOWN_HEADING = lazy_compile(r"^\s{0,3}#{1,6}\s")
_NUMERAL = "一二三四五六七八九十百"
_NUMBERED = lazy_compile(  # 第一章 / 一、 / 1.2. / （一）
    rf"^(第[{_NUMERAL}\d]+[章节部分篇条]|[{_NUMERAL}]+、|\d+(\.\d+)*[、.．]|[（(][{_NUMERAL}\d]+[）)])"
)
_ARTICLE = lazy_compile(rf"^第[{_NUMERAL}\d]+条")  # 第一条 …: an article of a notice or a law, a passage of its own
_LIST_ITEM = lazy_compile(r"^\s*[-*•·+]\s")
_LATIN_END = lazy_compile(r"[.!?:;。]\W*$")  # a Latin sentence end also ends a paragraph here
# A news byline or dateline (2026-11-20 08:30 来源：江城日报 记者 李明; 本报记者 王丽; 责任编辑：王芳) and a line of a
# field list (时间：…, 地点：…, 主持：副市长 孙立华): they say who wrote it, when and where, not what a section is about.
_BYLINE = lazy_compile(r"来源[：:]|作者[：:]|编辑[：:]|通讯员|^(?:本报|新华社|特约|见习)?记者\s*\S|\d{1,2}[:：]\d{2}(?!\d)")
# A line ending in two numbers apart (Riverside 28 310, 北郊水厂 46 100%): a table row as a PDF prints it, no heading.
_NUMBERS_ROW = lazy_compile(r"^.{0,60}\S\s+[-+]?\d[\d,.]*%?\s+[-+]?\d[\d,.]*%?\s*$")
# Who prepared a report: 'Prepared by the Municipal Environmental Monitoring Centre', 'By Li Ming', '市环境监测中心编制'.
_PREPARED_BY = lazy_compile(
    r"^(?:(?:prepared|compiled|written|edited|issued|published|produced|submitted)\s+(?:jointly\s+)?by|by)\s+\S", re.I
)
_PREPARED_ZH = lazy_compile(r"^[^，。；！？,;:：]{2,30}(?:编制|编写|编印|撰写|撰稿|编著|主编|编|著|制作|出品|发布|印发)$")
_FIELD = lazy_compile(r"^\s*[\u4e00-\u9fff]{2,4}\s*[：:]\s*\S")


@dataclass
class _Piece:
    text: Text
    section: int
    heading: str
    note: bool
    speaker: str = ""


def _sub_blocks(block: Block) -> list[Block]:
    """A block split before and after each Markdown heading line ('## 方法' then its text)."""
    out: list[Block] = []
    start = 0
    for i, line in enumerate(block.raw):
        if _MARKDOWN_HEADING.match(line):
            if i > start:
                out.append(Block(block.first_line + start, block.raw[start:i]))
            out.append(Block(block.first_line + i, block.raw[i : i + 1]))
            start = i + 1
    if start < len(block.raw):
        out.append(Block(block.first_line + start, block.raw[start:]))
    return out


def _head_line(block: Block, title: str) -> list[Block]:
    """A block with its first line split off when that line is a title or heading above the text.

    '钟惺' above '钟惺（），明代…', '三、用水' above '全县总用水量…': a short line without sentence
    punctuation that is numbered, repeated by the next line, or much shorter than it.
    """
    if len(block.raw) < 2:
        return [block]
    first, second = compact(block.raw[0]), compact(block.raw[1])
    head = Block(block.first_line, block.raw[:1])
    split = (title and first == compact(title)) or (
        title_like(head) and bool(_NUMBERED.match(first) or second.startswith(first) or len(first) * 2 < len(second))
    )
    return [head, Block(block.first_line + 1, block.raw[1:])] if split else [block]


def _speaker_blocks(block: Block) -> list[Block]:
    """A block split around the lines a person says once ('赵志刚：…'), as a PDF page without paragraph gaps holds
    them: such a line after a sentence's end opens a block of its own, which ends at the first line that ends a
    sentence (lines wrapped by the layout carry no paragraph ends, so the report's next paragraph is never put in
    their mouth; a turn cut short leaves its rest to the report, as before)."""
    cuts: list[int] = []
    speaking = False
    for i in range(1, len(block.raw)):
        if opens_turn(block, i) and one_time_speaker(Block(block.first_line + i, block.raw[i:])):
            cuts.append(i)
            speaking = True
        elif speaking and _ends(compact(block.raw[i - 1])):
            cuts.append(i)
            speaking = False
    if not cuts:
        return [block]
    bounds = [0, *cuts, len(block.raw)]
    return [Block(block.first_line + a, block.raw[a:b]) for a, b in zip(bounds, bounds[1:])]


def _heading(block: Block, mid_sentence: bool) -> bool:
    """A Markdown heading, or a short line without sentence punctuation that does not continue a sentence.

    A line ending in a colon that is not numbered leads into the text after it (a notice's salutation
    '各区人民政府，市有关部门：', '现通知如下：'): it is part of the body, not a heading."""
    if _MARKDOWN_HEADING.match(block.raw[0]):
        return True
    text = compact("".join(block.raw))
    if text.endswith("：") and not _NUMBERED.match(text):
        return False
    return title_like(block) and not mid_sentence and not _LIST_ITEM.match(block.raw[0])


def _table(block: Block) -> bool:
    """Rows of a table: lines of cells as a reader gives them (北郊水厂 | 46 | 100%), or lines ending in two numbers
    as a PDF prints them (Riverside 28 310), the first line perhaps the head row above them."""
    rows = [table_row(line) or bool(_NUMBERS_ROW.search(line)) for line in block.raw]
    head = compact(block.raw[0])
    return all(rows) or (len(rows) >= 2 and all(rows[1:]) and len(head) <= 60 and not _ends(head))


def _byline(block: Block) -> bool:
    """A byline, dateline or field list: a short block that names who wrote it, when or where (_BYLINE), or two
    lines or more each a short field (时间：2026年11月12日上午9:30 / 地点：…), none ending a sentence."""
    lines = [compact(line) for line in block.raw if line.strip()]
    if not lines or any(len(line) > 60 or ends_paragraph(line) for line in lines):
        return False
    fields = len(lines) >= 2 and all(_FIELD.match(x) for x in lines)  # one such line may be a heading (第一部分：甘肃)
    return (title_like(block) and bool(_BYLINE.search(compact(" ".join(block.raw))))) or fields or _prepared_by(block)


def _prepared_by(block: Block) -> bool:
    """One line naming who prepared the document (Prepared by …, 市环境监测中心编制), not numbered as a heading is."""
    if len(block.raw) != 1:
        return False
    line = " ".join(block.raw[0].split())
    if _PREPARED_BY.match(line):
        return len(line.split()) <= 14 and not _LATIN_END.search(line.rstrip("."))
    return not _NUMBERED.match(line) and bool(_PREPARED_ZH.match(compact(line)))


def _ends(text: str) -> bool:
    return ends_paragraph(text) or bool(_LATIN_END.search(text))


def parse(text: str, doc_id: str, title: str = "") -> Document:
    """Parse running text into a title, section headings and paragraphs of kind "text".

    Args:
        text: the decoded document.
        doc_id: the document id to carry into citations.
        title: the document's title when its file gives one (a first block equal to it is the title).

    Returns:
        The parsed document; its speakers are the people who open a paragraph with their name once or more
        ('赵志刚：…' in a report), each paragraph theirs alone.
    """
    doc = Document(doc_id=doc_id, lines=text.splitlines())
    parts = Parts()
    pieces: list[_Piece] = []
    section, heading, note, first = 0, "", False, True
    blocks = [
        part for b in split_blocks(text) for sub in _sub_blocks(b) for line in _head_line(sub, title)
        for part in _speaker_blocks(line)
    ]
    in_table = False  # the block before was a table's row
    for block in blocks:
        clean = block_text(block)
        if not WORD.search(clean.text):
            continue
        row = False
        mid_sentence = bool(pieces) and not _ends(pieces[-1].text.text)
        marker = compact("".join(block.raw)).rstrip("：:")
        if not doc.title and is_title(block, first, title):
            doc.title = _MARKDOWN_HEADING.sub("", block.raw[0]).strip() if len(block.raw) == 1 else clean.text
            doc.title = block_text(Block(block.first_line, (doc.title,))).text
            parts.add(lines_text(block), Kind.TITLE)
        elif marker in EDITOR_NOTE_MARKERS or label(block) in EDITOR_NOTE_MARKERS:
            section, heading, note = section + 1, marker if marker in EDITOR_NOTE_MARKERS else label(block), True
            pieces.append(_Piece(marker_text(block) if marker in EDITOR_NOTE_MARKERS else clean, section, heading, True))
        elif (who := one_time_speaker(block)) or (who := quoted_person(block)[0]):
            section = section + 1  # a person's words are a turn of their own, cited to them
            pieces.append(_Piece(clean, section, heading, False, who))
            role = quoted_person(block)[1] if not one_time_speaker(block) else None
            doc.speakers.setdefault(who, Speaker(who, role.role, role.organisation, role.title) if role else Speaker(who))
            section += 1  # the text after them is the section's again, not theirs
        elif row := _table(block):  # one passage of a table's rows, its head row with them, a row a line
            if in_table:
                parts.extend_last(lines_text(block))
            else:
                parts.add(lines_text(block), Kind.TEXT, headline=heading)
        elif _byline(block):  # a passage of its own: neither a heading nor joined to the paragraph after it
            parts.add(lines_text(block), Kind.TEXT, headline=heading)
        elif _heading(block, mid_sentence):
            heading = _MARKDOWN_HEADING.sub("", clean.text).strip("# ") or clean.text
            section, note = section + 1, False
            doc.headlines.append(Headline(heading, "", block.first_line, "", block.last_line))
            parts.add(lines_text(block), Kind.HEADLINE, headline=heading)
        else:
            if _ARTICLE.match(marker):
                section += 1  # an article opens a section of its own (its items follow it), cited on its own
            pieces.append(_Piece(clean, section, heading, note))
        first = False
        in_table = row
    doc.paragraphs = in_reading_order(_paragraphs(pieces) + parts.items)
    doc.notes = [p.text for p in doc.paragraphs if p.kind == Kind.NOTE.value]
    return doc


def _paragraphs(pieces: list[_Piece]) -> list[Paragraph]:
    """Join pieces split by column or page breaks (no paragraph end before the break) within a section."""
    groups: list[tuple[list[Text], _Piece]] = []
    for piece in pieces:
        last = groups[-1] if groups else None
        if last and last[1].section == piece.section and not _ends(last[0][-1].text) and not piece.speaker:
            before = last[0][-1]
            if before.text[-1:].isascii() and before.text[-1:].isalnum() and piece.text.text[:1].isascii():
                last[0].append(Text.from_lines(" ", [before.runs[-1]]))  # English words across a break stay apart
            last[0].append(piece.text)
        else:
            groups.append(([piece.text], piece))
    kind = {True: Kind.NOTE.value, False: Kind.TEXT.value}
    return [
        Paragraph(Text.concat(texts), first.speaker, first.section, first.heading,
                  Kind.SPEECH.value if first.speaker else kind[first.note], _context(groups, i) if first.speaker else "")
        for i, (texts, first) in enumerate(groups)
    ]


_SENTENCE = lazy_compile(r"[^。！？!?；;]+[。！？!?；;]*")


def _context(groups: list[tuple[list[Text], _Piece]], i: int) -> str:
    """The places a quoted person's section names around their words, which they rarely name themselves (the
    report says 兰州市投入了45亿元… and 赵志刚 then speaks of 全市): those of the last sentence naming a place in the
    report's text before them under the same heading, else of the first one after them ('' when none does)."""
    heading = groups[i][1].heading
    around = [j for j in range(i - 1, -1, -1)] + [j for j in range(i + 1, len(groups))]
    for j in around:
        texts, piece = groups[j]
        if piece.speaker or piece.note or piece.heading != heading:
            continue
        sentences = _SENTENCE.findall("".join(t.text for t in texts))
        for sentence in reversed(sentences) if j < i else sentences:
            if places := _places(sentence):
                return " ".join(places)
    return ""


def _places(text: str) -> list[str]:
    """The place names jieba tags in a text (two characters or more), each once, in order: words its dictionary
    tags as places and that CC-CEDICT, when it has them, names as a proper name. A word jieba guessed (its HMM: no
    dictionary word) is a fragment of the sentence (公园内共记录到… is cut 公园|内共|记录 and 内共 tagged a place);
    a dictionary's place that CC-CEDICT glosses only in common words is a common word (土建 'civil engineering',
    城市 'city')."""
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    return list(dict.fromkeys(
        w.word for w in jieba.posseg.cut(text)
        if w.flag == "ns" and len(w.word) >= 2 and tags.get(w.word) == "ns" and _proper_name(w.word)
    ))


_PROPER = lazy_compile(r"\s*(?:the\s+)?[A-Z](?!L:)")  # a measure word (CL:座) is no name


def _proper_name(word: str) -> bool:
    """False when CC-CEDICT has the word and none of its glosses is a proper name (each starts in lower case)."""
    from index.lexicon import _all_definitions

    glosses = _all_definitions().get(word)
    return glosses is None or any(_PROPER.match(g) for g in glosses)
