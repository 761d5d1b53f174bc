"""Recognise the structure of a forum transcript: speaker turns, headlines, bylines, notes.

Nothing here knows the names of this forum's speakers: a speaker is whoever opens a
paragraph with ``名字：``; roles and organisations come from the participants list
(``对话人：``/``主持人：``) and the photo bylines, and each question headline is given to the
speaker whose words its ``■`` summary line repeats.
"""

from __future__ import annotations

import re
from collections import Counter

from index.clean import Block, block_text, compact, ends_paragraph, join_lines, split_blocks
from index.records import Headline, Speaker
from index.structure.document import Document, Paragraph
from index.text import Text

PARTICIPANT_MARKERS = ("对话人", "主持人", "嘉宾", "参会人", "出席人", "与会人")
EDITOR_NOTE_MARKERS = ("编者按", "编者的话", "编者语")
EDITOR_NOTE = "编者按"
PARTICIPANTS = "对话人"
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff·A-Za-z]{2,12})\s*[：:]")
_SENTENCE_PUNCT = re.compile(r"[。！？；，、!?;,]")
_ORG_SUFFIX = re.compile(r"^(.*(?:局|厅|部|委|公司|集团|院|所|社|报|会|中心|大学|政府|办))(.*)$")


def _label(block: Block) -> str:
    match = _LABEL.match(block.raw[0])
    return match.group(1) if match else ""


def _is_headline(block: Block) -> bool:
    return any(line.lstrip().startswith("■") for line in block.raw) or (
        len(block.raw) <= 2 and compact(block.raw[-1]).endswith(("？", "?")) and len(compact("".join(block.raw))) <= 40
    )


def _is_title(block: Block) -> bool:
    text = compact("".join(block.raw))
    return len(block.raw) <= 3 and any(compact(line).startswith("——") for line in block.raw) and "。" not in text


def _byline_speaker(block: Block, names: set[str]) -> str:
    """The speaker a byline/caption block names, or '' if it is not one (short, no punctuation, ends with a name)."""
    text = compact("".join(block.raw))
    if len(block.raw) > 3 or len(text) > 40 or _SENTENCE_PUNCT.search(text):
        return ""
    last = compact(block.raw[-1])
    for name in sorted(names, key=len, reverse=True):
        if last.endswith(name) and len(text) > len(name):
            return name
    return ""


def _split_role(text: str) -> tuple[str, str]:
    """Split '辽宁省大连市环保局局长' into organisation and title."""
    match = _ORG_SUFFIX.match(text)
    if match and match.group(2):
        return match.group(1), match.group(2)
    return text, ""


def parse(text: str, doc_id: str) -> Document:
    """Parse a transcript into attributed paragraphs, speakers with roles, headlines and notes.

    Args:
        text: the decoded transcript.
        doc_id: the document id to carry into citations.

    Returns:
        The parsed document; running text that precedes any speaker label is attributed to
        the pseudo-speaker '' (unknown), so files without speaker labels still index.
    """
    blocks = split_blocks(text)
    labels = Counter(_label(b) for b in blocks)
    names = {name for name in labels if name and name not in PARTICIPANT_MARKERS and name not in EDITOR_NOTE_MARKERS}
    doc = Document(doc_id=doc_id, lines=text.splitlines())
    roles: dict[str, tuple[str, str, str]] = {}

    pieces: list[tuple[Text, str, bool]] = []  # (clean text, speaker, starts a turn) before column joins
    speaker = ""
    for block in blocks:
        label = _label(block)
        clean = block_text(block)
        if label in PARTICIPANT_MARKERS:
            _read_participants(block, label, names, roles)
            pieces.append((_list_text(block), PARTICIPANTS, speaker != PARTICIPANTS))
            speaker = PARTICIPANTS
        elif compact("".join(block.raw)).rstrip("：:") in EDITOR_NOTE_MARKERS:
            speaker = EDITOR_NOTE
        elif label in names:
            speaker = label
            pieces.append((clean, speaker, True))
        elif _is_headline(block):
            doc.headlines.append(_read_headline(block))
        elif _is_title(block) and not doc.title:
            doc.title = clean.text
        elif byline := _byline_speaker(block, names):
            line = compact(block.raw[-1])
            org = "".join(compact(x) for x in block.raw[:-1])
            roles.setdefault(byline, (org + line[: -len(byline)], org, line[: -len(byline)]))
        else:
            pieces.append((clean, speaker, not pieces or pieces[-1][1] != speaker))

    doc.paragraphs = _join_columns(pieces, doc)
    doc.speakers = _speakers(doc, names, roles)
    words: dict[str, set[str]] = {}  # each speaker's bigrams, computed once (not once per headline)
    doc.headlines = [_assign_headline(h, doc, words) for h in doc.headlines]
    by_speaker = {h.speaker: h.text for h in doc.headlines if h.speaker}
    next_turn = _next_turns(doc.paragraphs, by_speaker)
    doc.paragraphs = [_with_headline(p, doc.paragraphs, by_speaker, next_turn) for p in doc.paragraphs]
    return doc


def _list_text(block: Block) -> Text:
    """A list block's text with one entry per line (line breaks kept)."""
    pieces: list[Text] = []
    for i, line in enumerate(block.raw):
        if pieces:
            pieces.append(Text("\n", (0,), (block.first_line + i - 1,)))
        pieces.append(join_lines([(block.first_line + i, line)]))
    return Text.concat(pieces)


def _read_participants(block: Block, marker: str, names: set[str], roles: dict) -> None:
    """Read '对话人：辽宁省大连市环保局局长张海冰' lines into roles; a line naming the host's outlet marks the host."""
    for i, raw in enumerate(block.raw):
        line = compact(raw)
        if i == 0:
            line = line.split("：", 1)[-1].split(":", 1)[-1]
        line_marker = marker if i == 0 else ""
        for name in sorted(names, key=len, reverse=True):
            if line.endswith(name) and len(line) > len(name):
                org, title = _split_role(line[: -len(name)])
                roles.setdefault(name, (line[: -len(name)], org, title))
                break
            if line.startswith(name) and marker == "主持人" and line_marker:
                roles[name] = (f"主持人（{line}）", _split_role(line)[0], "主持人")
                break


def _read_headline(block: Block) -> Headline:
    head = [compact(x) for x in block.raw if not x.lstrip().startswith("■")]
    summary = [compact(x).lstrip("■") for x in block.raw if x.lstrip().startswith("■")]
    return Headline(text="".join(head), summary="".join(summary), line=block.first_line, line_end=block.last_line)


def _join_columns(pieces: list[tuple[Text, str, bool]], doc: Document) -> list[Paragraph]:
    """Join running-text pieces split by column breaks into paragraphs.

    A piece continues the previous paragraph when that paragraph does not end with
    sentence-final punctuation and the piece does not open a new speaker turn (list
    entries never join). Short unterminated paragraphs that nothing continues are
    editorial notes, kept apart.
    """
    groups: list[list] = []  # [[Text pieces], speaker, opens_turn]; joined once at the end (linear time)
    for text, speaker, opens_turn in pieces:
        last = groups[-1] if groups else None
        if last and not opens_turn and speaker == PARTICIPANTS:  # one list, one entry per line
            last[0] += [Text("\n", (0,), (last[0][-1].line_at(len(last[0][-1]) - 1),)), text]
        elif last and not opens_turn and not ends_paragraph(last[0][-1].text):
            last[0].append(text)
        else:
            groups.append([[text], speaker, opens_turn])
    result: list[Paragraph] = []
    turn = -1
    for parts, speaker, opens_turn in groups:
        text = Text.concat(parts)
        if speaker != PARTICIPANTS and not ends_paragraph(text.text) and len(text) < 80 and not _LABEL.match(text.text):
            doc.notes.append(text)
            continue
        if opens_turn or turn < 0:
            turn += 1
        result.append(Paragraph(text=text, speaker=speaker, turn=turn))
    return result


def _speakers(doc: Document, names: set[str], roles: dict) -> dict[str, Speaker]:
    speakers: dict[str, Speaker] = {}
    for name in sorted({p.speaker for p in doc.paragraphs}):
        if name in roles:
            role, org, title = roles[name]
            speakers[name] = Speaker(name=name, role=role, organisation=org, title=title)
        elif name == EDITOR_NOTE:
            speakers[name] = Speaker(name=name, role="编者按（编辑部）", title="编者按")
        elif name == PARTICIPANTS:
            speakers[name] = Speaker(name=name, role="对话人与主持人名单")
        else:
            speakers[name] = Speaker(name=name)
    return speakers


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\w]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _assign_headline(headline: Headline, doc: Document, cache: dict[str, set[str]]) -> Headline:
    """Give a headline to the speaker whose turns share the most character bigrams with its summary."""
    probe = _bigrams(headline.summary or headline.text)
    if not probe:
        return headline
    best, best_score = "", 0.0
    for name, speaker in doc.speakers.items():
        if name in (EDITOR_NOTE, PARTICIPANTS) or speaker.role.startswith("主持人"):
            continue
        if name not in cache:
            cache[name] = _bigrams("".join(p.text.text for p in doc.paragraphs if p.speaker == name))
        score = len(probe & cache[name]) / len(probe)
        if score > best_score:
            best, best_score = name, score
    return Headline(headline.text, headline.summary, headline.line, best, headline.line_end)


def _next_turns(paragraphs: list[Paragraph], by_speaker: dict[str, str]) -> dict[int, tuple[str | None, str | None]] | None:
    """For each turn: (the speaker of the next turn's first paragraph, the first later speaker with a headline).

    Computed in one backward pass when turns never decrease along the paragraphs (as the parser numbers them);
    None otherwise, and _with_headline then looks them up paragraph by paragraph.
    """
    turns = [p.turn for p in paragraphs]
    if any(b < a for a, b in zip(turns, turns[1:])):
        return None
    first_of: dict[int, str] = {}
    for p in paragraphs:
        first_of.setdefault(p.turn, p.speaker)
    result: dict[int, tuple[str | None, str | None]] = {}
    later: str | None = None
    for index in range(len(paragraphs) - 1, -1, -1):
        p = paragraphs[index]
        if p.turn not in result:  # the turn's last paragraph: `later` holds the first one after the turn
            result[p.turn] = (first_of.get(p.turn + 1), later)
        if p.speaker in by_speaker:
            later = p.speaker
    return result


def _with_headline(paragraph: Paragraph, paragraphs: list[Paragraph], by_speaker: dict[str, str],
                   next_turn: dict[int, tuple[str | None, str | None]] | None = None) -> Paragraph:
    """Attach the section headline: the speaker's own, or for the host the one of the speaker they introduce."""
    headline = by_speaker.get(paragraph.speaker, "")
    if not headline:
        if next_turn is not None:
            following, first_later = next_turn[paragraph.turn]
        else:
            later = [p.speaker for p in paragraphs if p.turn > paragraph.turn and p.speaker in by_speaker]
            nxt = next((p for p in paragraphs if p.turn == paragraph.turn + 1), None)
            following, first_later = (nxt.speaker if nxt else None), (later[0] if later else None)
        if following is not None and first_later is not None and following == first_later:
            headline = by_speaker[following]
    return Paragraph(paragraph.text, paragraph.speaker, paragraph.turn, headline)
