"""Passages that frame a dialogue rather than answer in it, and the questions that ask for them.

A forum transcript has passages of its own kinds besides the speakers' turns: the host's lead-ins
(Kind.QUESTION), the title, the participants list and the photo captions (a note that names one
speaker: '河南省南阳市环保局/局长王奇'). A caption or the participants list holds nothing but names and
positions, so every question that names a speaker finds them, and the title is near every question on
the forum; yet they answer only who someone is and what the dialogue is called. A section's headline
('如何提升大气污染治理成效？■坚持科学监管…') is moved up when a question asks for a headline. The host's lead-ins
word the topic of the answer that follows them and state facts of their own (大连市环保局的同志们腰杆特别硬),
so they stay where they are unless the question asks what the host said.

A lead-in words the topic of the exchange it opens, so it is as close to a question on that topic as the answer
that follows it, and often closer: it says 南阳市 and 水污染 where the speaker says 我们. It may state a fact or an
impression (腰杆特别硬), but how something was done and why is what it asks the speaker (为何会发生这种变化？请…分享):
so when a question asks how or why, on a near tie (within FusionSettings.lead_in_margin) the lead-in gives its place
to the best answer of its own exchange (a speaker's turn under the same headline), unless it asks what the host said.
A section's headline does the same (如何抓好老工业城市污染治理工作？■必须强化创新…): it words the question its section
answers with a one-line summary, so on a near tie it gives its place to the speaker's answer unless a headline is asked
for (小标题, headline).

Pure functions: asked_kinds() reads which of these a question asks for, framed() moves the framing
passages of a fused run by weight: up when asked for, and the ones that only name (ONLY_NAMING) down
when not (retriever/settings.py FusionSettings.framing_weight); asks_account() reads whether a question asks
how or why, answers_first() puts a lead-in or a headline after the answer of its exchange on a near tie.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence

from index.records import Kind
from retriever.answer_kinds import asks_past

HOST = "host"  # the host's lead-ins and closing words (Kind.QUESTION)
WHO = "who"  # who someone is: the captions and the participants list
TITLE = "title"
HEADLINE = "headline"  # a section's headline with its ■ summary: asked for by name (小标题, headline), never moved down
CAPTION = "caption"  # a note naming one speaker (its photo caption)

# The framing kind of each passage kind: which question asks for it.
FRAMES = {
    Kind.QUESTION.value: HOST, Kind.PARTICIPANTS.value: WHO, Kind.TITLE.value: TITLE, Kind.HEADLINE.value: HEADLINE,
    CAPTION: WHO,
}
ONLY_NAMING = frozenset({WHO, TITLE})  # frames that hold nothing else: moved down when not asked for

# The host as a person (the host, the host's words), not the verb (Nanyang hosts the canal's head) nor the place
# (the host city): shared with retriever/answer_sentence.py.
HOST_NOUN = r"\bhost(?:'s|s)?\b(?!\s+(?:the|a|an|its|their|this|that|city|cities|country|province|town)\b)"
_HOST = re.compile(rf"主持|moderator|{HOST_NOUN}|\binterviewer\b", re.I)
_WHO = re.compile(
    r"谁|哪位|名字|姓名|叫什么|职务|职位|职称|头衔|身份|任职|担任|对话人|嘉宾|出席|哪家|什么单位|哪个单位|什么公司|单位是"
    r"|做什么的|干什么的|一把手|全称|全名|哪个省|哪个市|哪个城市|哪省|哪市|哪里的|哪儿的|在哪里?工作|在哪儿工作"
    r"|是[^，,。？?]{0,12}(?:局长|副总裁|总裁|总编辑|主持人)吗"
    r"|\bwho(?:m|se)?\b|\bnames?\b|\bposition\b|\bjob title\b|\bparticipants?\b|\bguests?\b"
    r"|(?:'s|\bhis|\bher|\btheir|\bwhat)\s+(?:job|role|post|title)\b|\bwhere (?:is|are|does|do) .{1,30}\b(?:from|work)\b"
    r"|\b(?:which|what) (?:company|firm|organi[sz]ation|newspaper|paper|unit|department|bureau|province|city)\b"
    r"|\bwork(?:s|ed)? for\b",
    re.I,
)
# Words that say who someone is: a question of names and these only (张海冰局长, Wang Qi Nanyang) asks who they are.
_POSITION = re.compile(r"局长|副总裁|总裁|主持人|总编辑|环保局|局|市|省|先生|女士|的|和|与|、|[\s\W_]", re.I)
# The title: 标题, or the name of the dialogue or article itself (这场对话叫什么名字: not who someone is).
_DOCUMENT = r"(?:对话录|对话(?!人)|访谈|文章|报道|稿件|这篇|本文|本版)"
_NAMED = (
    rf"{_DOCUMENT}[^？?，,。]{{0,6}}(?:叫什么|名字|名称)"
    r"|\bname of (?:the|this) (?:dialogue|article|report|piece|conversation|interview)\b"
)
_DOCUMENT_NAMED = re.compile(_NAMED, re.I)
_TITLE = re.compile(
    rf"(?<!小)标题|题目|{_NAMED}|(?<!'s )(?<!his )(?<!her )(?<!job )\btitled?\b|\bheadlines?\b", re.I
)
# A headline: a section's (小标题), or one that may be either the page's or a section's (标题, headline).
# How or why: what a speaker's account answers and a lead-in asks ('how many', 'how long' ask a number).
_ACCOUNT = re.compile(
    r"如何|怎么|怎样|咋|为什么|为何|为啥|\bwhy\b|\bhow\b(?!\s+(?:many|much|long|often|far|old|big|large|soon)\b)", re.I
)
_HEADLINE = re.compile(r"(?<![大总])标题|\bheadlines?\b|\bsub-?headings?\b|\bsection (?:titles?|headings?)\b", re.I)


def only_names(question: str, names: Iterable[str]) -> bool:
    """True when the question is nothing but names and the words of a position (张海冰局长, 王奇 南阳)."""
    rest = question
    for name in sorted((n for n in names if n), key=len, reverse=True):
        rest = rest.replace(name, " ")
    return rest != question and not _POSITION.sub("", rest)


def asked_kinds(question: str, hosts: Iterable[str] = (), names: Iterable[str] = ()) -> frozenset[str]:
    """Which framing passages a question asks for (HOST, WHO, TITLE, HEADLINE).

    Args:
        question: the question (simplified, as the embedder reads it: retriever.query.ParsedQuery.search_text).
        hosts: the names of the index's hosts ('中国环境报'): a question naming one asks what the host said.
        names: the speakers' names and their cities: a question of names only asks who they are.
    """
    asked = set()
    if _HOST.search(question) or any(name and name in question for name in hosts):
        asked.add(HOST)
    # a caption and the participants list give present positions: what someone did before is in their own words
    who = _WHO.search(question) and not asks_past(question) and not _DOCUMENT_NAMED.search(question)
    if who or only_names(question, names):
        asked.add(WHO)
    if _TITLE.search(question):
        asked.add(TITLE)
    if _HEADLINE.search(question) and not re.search(_DOCUMENT, question):  # 这篇对话录的标题: the document's title
        asked.add(HEADLINE)
    return frozenset(asked)


def asks_account(question: str) -> bool:
    """True when the question asks how or why (如何, 怎么, 为什么, how, why), not how many or how long."""
    return bool(_ACCOUNT.search(question))


def frame_of(kind: str, speaker: str) -> str | None:
    """The framing kind of a passage (None for a speaker's turn or an editor's note)."""
    if kind == Kind.NOTE.value:
        return FRAMES[CAPTION] if speaker else None
    return FRAMES.get(kind)


def framed(
    fused: Sequence[tuple[Hashable, float]],
    frames: Mapping[Hashable, str | None],
    asked: frozenset[str],
    weight: float,
    floor: float | None = None,
) -> list[tuple[Hashable, float]]:
    """The fused run with each framing passage's score raised by weight when the question asks for its kind and,
    when it only names (ONLY_NAMING), lowered by weight when it does not; re-sorted (ties by id); other passages
    keep their scores.

    Args:
        fused: (id, score), best first: the head of a longer run.
        frames: the framing kind of each id (frame_of); ids missing or None are not moved.
        asked: asked_kinds() of the question.
        weight: how far a framing passage moves, in the fused score's units.
        floor: the best score of the run after this head: no passage is moved below it, so the head followed
            by the rest of the run stays sorted (None: no floor).
    """
    def moved(cid: Hashable, score: float) -> float:
        frame = frames.get(cid)
        if frame is None:
            return score
        if frame in asked:
            return score + weight
        if frame not in ONLY_NAMING:
            return score
        return score - weight if floor is None else max(score - weight, min(floor, score))

    return sorted(((cid, moved(cid, score)) for cid, score in fused), key=lambda item: (-item[1], item[0]))


def answers_first(
    fused: Sequence[tuple[Hashable, float]],
    exchanges: Mapping[Hashable, tuple[Hashable, bool]],
    asked: frozenset[str],
    margin: float,
    frames: Mapping[Hashable, str | None] | None = None,
) -> list[tuple[Hashable, float]]:
    """The fused run with each lead-in (a host's lead-in, or a section's headline) that scores less than margin
    above the best answer of its own exchange placed just below that answer; a lead-in whose kind the question asks
    for (HOST: what the host said; HEADLINE: a headline) keeps its place. For a question that asks how or why
    (asks_account): the lead-in asks it too (如何抓好老工业城市污染治理工作？■…: a headline words the question its
    section answers, with a one-line summary of the answer).

    Args:
        fused: (id, score), best first.
        exchanges: each id's exchange (a document's section) and whether it is a lead-in (True) or an answer in
            it (False); ids missing are neither.
        asked: asked_kinds() of the question.
        margin: how close the answer's score must be, in the fused score's units (0: never moved).
        frames: each lead-in's framing kind (frame_of); a lead-in missing from it is the host's (HOST).
    """
    frames = frames or {}
    if margin <= 0:
        return list(fused)
    best: dict[Hashable, float] = {}
    for cid, score in fused:
        exchange, lead_in = exchanges.get(cid, (None, True))
        if not lead_in and exchange is not None:
            best[exchange] = max(best.get(exchange, score), score)

    def moved(cid: Hashable, score: float) -> float:
        exchange, lead_in = exchanges.get(cid, (None, False))
        answer = best.get(exchange) if lead_in and (frames.get(cid) or HOST) not in asked else None
        return answer - 1e-9 if answer is not None and score - margin < answer < score else score

    return sorted(((cid, moved(cid, score)) for cid, score in fused), key=lambda item: (-item[1], item[0]))
