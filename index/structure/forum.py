"""Recognise the structure of a dialogue (a forum transcript, an interview): turns, headlines, bylines, notes.

Nothing here knows the names of this forum's speakers: a speaker is whoever opens turns with
``名字：`` (see people.speaker_names); roles and organisations come from the participants list
(``对话人：``/``主持人：``) and the photo bylines, and each question headline is given to the
speaker whose words its ``■`` summary line repeats. Every other block becomes a part of its own
kind (title, headline, note, participants), so every character of the text can be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.clean import Block, block_text, compact, ends_paragraph, split_blocks
from index.records import Headline, Kind, Speaker
from index.structure.document import Document, Paragraph, in_reading_order
from index.structure.parts import WORD, Parts, headline_text, is_title, lines_text, marker_text
from index.structure.people import (
    EDITOR_NOTE_MARKERS,
    HOST_NAMES,
    PARTICIPANT_MARKERS,
    Role,
    interviewee,
    label,
    marker_lines,
    read_participants,
    speaker_names,
    split_role,
    split_turns,
    title_like,
)
from index.text import Text

EDITOR_NOTE = "编者按"
HOST_LABELS = HOST_NAMES  # labels that always ask the questions
ANSWER = "答"  # the label of an interview's answers in question-and-answer form
_SENTENCE_PUNCT = re.compile(r"[。！？；，、!?;,]")


@dataclass
class Piece:
    """A block of running text before column breaks are joined."""

    text: Text
    speaker: str
    note: bool  # part of an editor's note (after 编者按)
    opens_turn: bool
    labelled: bool = False  # opens with the speaker's '名字：'


def _is_headline(block: Block) -> bool:
    return any(line.lstrip().startswith("■") for line in block.raw) or (
        len(block.raw) <= 2 and compact(block.raw[-1]).endswith(("？", "?")) and len(compact("".join(block.raw))) <= 40
    )


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


def parse(text: str, doc_id: str, names: set[str] | None = None, title: str = "") -> Document:
    """Parse a dialogue into turns, speakers with roles, headlines, and parts of other kinds.

    Args:
        text: the decoded transcript.
        doc_id: the document id to carry into citations.
        names: the speakers' names (default: people.speaker_names of the text).
        title: the document's title when its file gives one (a block equal to it is the title).

    Returns:
        The parsed document; running text that precedes any speaker label is attributed to
        no speaker ('') and is of kind "text".
    """
    names = speaker_names(split_turns(split_blocks(text))) if names is None else set(names)
    blocks = split_turns(split_blocks(text), names)  # one turn a line, without blank lines between, is split too
    doc = Document(doc_id=doc_id, lines=text.splitlines())
    roles: dict[str, Role] = {}
    hosts = {n for n in names if n in HOST_LABELS}
    parts = Parts()
    pieces: list[Piece] = []
    speaker, note, in_list = "", False, False
    for index, block in enumerate(blocks):
        name = label(block)
        clean = block_text(block)
        if not WORD.search(clean.text):
            continue
        if name in PARTICIPANT_MARKERS and (name not in names or title_like(block)):
            _read_list(block, name, names, roles, hosts)
            parts.add(lines_text(block), Kind.PARTICIPANTS)
            in_list, note = True, False
            continue
        if compact("".join(block.raw)).rstrip("：:") in EDITOR_NOTE_MARKERS or name in EDITOR_NOTE_MARKERS:
            alone = not name or compact("".join(block.raw)).rstrip("：:") == name
            pieces.append(Piece(marker_text(block) if alone else clean, "", True, True))
            speaker, note, in_list = "", True, False
            continue
        if name in names:
            speaker, note, in_list = name, False, False
            pieces.append(Piece(clean, speaker, False, True, labelled=True))
        elif _is_headline(block):
            doc.headlines.append(_read_headline(block))
            parts.add(headline_text(block), Kind.HEADLINE, headline=doc.headlines[-1].text)
        elif is_title(block, first=index == 0, title=title) and not doc.title:
            doc.title = clean.text
            parts.add(lines_text(block), Kind.TITLE)
        elif byline := _byline_speaker(block, names):
            line = compact(block.raw[-1])
            org = "".join(compact(x) for x in block.raw[:-1])
            roles.setdefault(byline, Role(org + line[: -len(byline)], org, line[: -len(byline)]))
            parts.add(lines_text(block), Kind.NOTE, speaker=byline)  # a photo caption, about the person it names
        elif in_list and title_like(block):
            parts.extend_last(lines_text(block))
        else:
            in_list = False
            last = pieces[-1] if pieces else None
            opens = last is None or last.speaker != speaker or last.note != note
            pieces.append(Piece(clean, speaker, note, opens))

    running = _join_columns(pieces, parts, hosts)
    if ANSWER in names and ANSWER not in roles:
        lead = [doc.title] + [p.text.text for p in parts.items if p.kind == Kind.NOTE.value]
        lead += [p.text.text for p in running[: next((i for i, p in enumerate(running) if p.speaker), len(running))]]
        name, role = interviewee(lead)
        if name and name not in names:  # 答 is the person the title or the lead names: cited by name, with the role
            roles[name] = role
            running = [replace(p, speaker=name) if p.speaker == ANSWER else p for p in running]
    doc.speakers = _speakers(running, roles)
    words: dict[str, set[str]] = {}  # each speaker's bigrams, computed once (not once per headline)
    doc.headlines = [_assign_headline(h, running, doc.speakers, hosts, words) for h in doc.headlines]
    by_speaker = {h.speaker: h.text for h in doc.headlines if h.speaker}
    next_turn = _next_turns(running, by_speaker)
    running = [_with_headline(p, running, by_speaker, next_turn) for p in running]
    owner = {h.text: h.speaker for h in doc.headlines}
    specials = [
        Paragraph(p.text, owner.get(p.headline, ""), p.turn, p.headline, p.kind) if p.kind == Kind.HEADLINE.value
        else Paragraph(p.text, p.speaker, p.turn, by_speaker.get(p.speaker, ""), p.kind) if p.speaker
        else p
        for p in parts.items
    ]
    doc.notes = [p.text for p in specials if p.kind == Kind.NOTE.value]
    doc.paragraphs = in_reading_order(running + specials)
    return doc


def _read_list(block: Block, marker: str, names: set[str], roles: dict[str, Role], hosts: set[str]) -> None:
    """Roles from a participants list; '主持人：中国环境报社总编辑刘树国' also marks 中国环境报 as the host."""
    lines = marker_lines(block)
    if marker == "主持人":
        first = compact(lines[0])
        for name in sorted(names, key=len, reverse=True):
            if first.startswith(name):
                roles[name] = Role(f"主持人（{first}）", split_role(first).organisation, "主持人")
                hosts.add(name)
                break
    for name, role in read_participants(lines, names).items():
        roles.setdefault(name, role)


def _read_headline(block: Block) -> Headline:
    head = [compact(x) for x in block.raw if not x.lstrip().startswith("■")]
    summary = [compact(x).lstrip("■") for x in block.raw if x.lstrip().startswith("■")]
    return Headline(text="".join(head), summary="".join(summary), line=block.first_line, line_end=block.last_line)


def _join_columns(pieces: list[Piece], parts: Parts, hosts: set[str]) -> list[Paragraph]:
    """Join running-text pieces split by column breaks into paragraphs.

    A piece continues the previous paragraph when that paragraph does not end with
    sentence-final punctuation and the piece does not open a new turn. Short unterminated
    paragraphs that nothing continues are editorial notes: parts of their own.
    """
    groups: list[tuple[list[Text], Piece]] = []  # joined once at the end (linear time)
    for piece in pieces:
        last = groups[-1] if groups else None
        if last and not piece.opens_turn and not ends_paragraph(last[0][-1].text):
            last[0].append(piece.text)
        else:
            groups.append(([piece.text], piece))
    result: list[Paragraph] = []
    turn = -1
    for texts, first in groups:
        text = Text.concat(texts)
        if not first.note and not ends_paragraph(text.text) and len(text) < 80 and not first.labelled:
            parts.add(text, Kind.NOTE)
            continue
        if first.opens_turn or turn < 0:
            turn += 1
        kind = Kind.NOTE if first.note else _kind(first.speaker, hosts)
        headline = EDITOR_NOTE if first.note else ""
        result.append(Paragraph(text, first.speaker, turn, headline, kind.value))
    return result


def _kind(speaker: str, hosts: set[str]) -> Kind:
    if not speaker:
        return Kind.TEXT
    return Kind.QUESTION if speaker in hosts else Kind.SPEECH


def _speakers(paragraphs: list[Paragraph], roles: dict[str, Role]) -> dict[str, Speaker]:
    speakers: dict[str, Speaker] = {}
    for name in sorted({p.speaker for p in paragraphs if p.speaker}):
        role = roles.get(name)
        speakers[name] = Speaker(name, role.role, role.organisation, role.title) if role else Speaker(name=name)
    return speakers


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\w]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _assign_headline(
    headline: Headline, paragraphs: list[Paragraph], speakers: dict[str, Speaker], hosts: set[str], cache: dict[str, set[str]]
) -> Headline:
    """Give a headline to the speaker whose turns share the most character bigrams with its summary."""
    probe = _bigrams(headline.summary or headline.text)
    if not probe:
        return headline
    best, best_score = "", 0.0
    for name in speakers:
        if name in hosts:
            continue
        if name not in cache:
            cache[name] = _bigrams("".join(p.text.text for p in paragraphs if p.speaker == name))
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
    if paragraph.kind == Kind.NOTE.value:
        return paragraph
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
    return Paragraph(paragraph.text, paragraph.speaker, paragraph.turn, headline, paragraph.kind)
