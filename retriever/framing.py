"""Passages that frame a dialogue rather than answer in it, and the questions that ask for them.

A forum transcript has passages of its own kinds besides the speakers' turns: the host's lead-ins
(Kind.QUESTION), the title, the participants list and the photo captions (a note that names one
speaker: '河南省南阳市环保局/局长王奇'). Each is close to many questions: a lead-in words the topic of
the answer that follows it, a caption or the participants list holds nothing but names and positions,
so every question that names a speaker finds them. Yet each answers only what it holds: a lead-in
what the host said, a caption or the list who someone is, the title what the dialogue is called.

Pure functions: asked_kinds() reads which of these a question asks for, framed() moves the framing
passages of a fused run by weight: up when asked for, down when not (retriever/settings.py
FusionSettings.framing_weight).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence

from index.records import Kind

HOST = "host"  # the host's lead-ins and closing words (Kind.QUESTION)
WHO = "who"  # who someone is: the captions and the participants list
TITLE = "title"
CAPTION = "caption"  # a note naming one speaker (its photo caption)

# The framing kind of each passage kind: which question asks for it.
FRAMES = {Kind.QUESTION.value: HOST, Kind.PARTICIPANTS.value: WHO, Kind.TITLE.value: TITLE, CAPTION: WHO}

_HOST = re.compile(r"主持|moderator|\bhosts?\b|\binterviewer\b", re.I)
_WHO = re.compile(
    r"谁|哪位|名字|姓名|叫什么|职务|职位|头衔|身份|任职|担任|对话人|嘉宾|出席|哪家|什么单位|哪个单位|什么公司|单位是|做什么的|干什么的|一把手"
    r"|\bwho(?:m|se)?\b|\bnames?\b|\bposition\b|\bjob title\b|\bparticipants?\b|\bguests?\b"
    r"|(?:'s|\bhis|\bher|\btheir|\bwhat)\s+(?:job|role|post|title)\b"
    r"|\b(?:which|what) (?:company|firm|organi[sz]ation|newspaper|paper|unit|department|bureau)\b|\bwork(?:s|ed)? for\b",
    re.I,
)
# The title: 标题, or the name of the dialogue or article itself (这场对话叫什么名字: not who someone is).
_DOCUMENT = r"(?:对话录|对话(?!人)|访谈|文章|报道|稿件|这篇|本文|本版)"
_NAMED = (
    rf"{_DOCUMENT}[^？?，,。]{{0,6}}(?:叫什么|名字|名称)"
    r"|\bname of (?:the|this) (?:dialogue|article|report|piece|conversation|interview)\b"
)
_DOCUMENT_NAMED = re.compile(_NAMED, re.I)
_TITLE = re.compile(rf"标题|题目|{_NAMED}|(?<!'s )(?<!his )(?<!her )(?<!job )\btitled?\b|\bheadline\b", re.I)


def asked_kinds(question: str, hosts: Iterable[str] = ()) -> frozenset[str]:
    """Which framing passages a question asks for (HOST, WHO, TITLE).

    Args:
        question: the question (simplified, as the embedder reads it: retriever.query.ParsedQuery.search_text).
        hosts: the names of the index's hosts ('中国环境报'): a question naming one asks what the host said.
    """
    asked = set()
    if _HOST.search(question) or any(name and name in question for name in hosts):
        asked.add(HOST)
    if _WHO.search(question) and not _DOCUMENT_NAMED.search(question):
        asked.add(WHO)
    if _TITLE.search(question):
        asked.add(TITLE)
    return frozenset(asked)


def frame_of(kind: str, speaker: str) -> str | None:
    """The framing kind of a passage (None for a speaker's turn, a headline or an editor's note)."""
    if kind == Kind.NOTE.value:
        return FRAMES[CAPTION] if speaker else None
    return FRAMES.get(kind)


def framed(
    fused: Sequence[tuple[Hashable, float]], frames: Mapping[Hashable, str | None], asked: frozenset[str], weight: float
) -> list[tuple[Hashable, float]]:
    """The fused run with each framing passage's score raised by weight when the question asks for its kind and
    lowered by weight when it does not, re-sorted (ties by id); other passages keep their scores.

    Args:
        fused: (id, score), best first.
        frames: the framing kind of each id (frame_of); ids missing or None are not moved.
        asked: asked_kinds() of the question.
        weight: how far a framing passage moves, in the fused score's units.
    """
    def moved(cid: Hashable, score: float) -> float:
        frame = frames.get(cid)
        if frame is None:
            return score
        return score + weight if frame in asked else score - weight

    return sorted(((cid, moved(cid, score)) for cid, score in fused), key=lambda item: (-item[1], item[0]))
