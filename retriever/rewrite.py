"""Complete a follow-up question from the conversation so that it can be searched on its own.

    rewrite("那济宁呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge) -> 济宁拆除了多少台燃煤锅炉？
    rewrite("他还提到了什么措施？", ["济宁配备了多少名专职环保网格员？"], knowledge) -> 许伟还提到了什么措施？

Each earlier question is completed first (from the ones before it), then the new one:
- ellipsis (那济宁呢？, 烟尘呢？, What about Jining?): the fragment takes the place of the
  matching part of the latest question that shares its topic: a person, place or organisation
  for a name, else the thing asked about (多少二氧化硫 → 多少烟尘) or the subject;
- pronouns (他, 他们, 该市, 这家公司, that company, his city, he/she/they) become the latest
  person, place or organisation of the conversation; a person stands for their city and a
  city for its speaker (王奇 ↔ 南阳), as the index's speaker roles say;
- a Chinese question that leaves out its subject (又发行了多少专项债券？) gets the latest one.
A question that names its own subject, or shows none of these cues, is searched as typed.
No model is involved: only the index's speakers, places, organisations and lexicon (Knowledge).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from index.errors import InvalidQueryError
from index.normalize import is_chinese
from index.tokenize import tokenize
from retriever.conversation import clauses, cues
from retriever.conversation.cues import Want
from retriever.conversation.focus import Focus
from retriever.conversation.knowledge import Entity, EntityKind, Knowledge, Mention, word_tags
from retriever.conversation.thread import FILLER, thread_root
from retriever.query import clean_query, query_terms

MAX_TURNS = 5  # earlier questions looked at, latest last
AnsweredBy = Callable[[str], str]  # question -> the speaker whose passage answers it best ('' if none)
_ASKS_WHO = re.compile(r"谁|哪位|\bwho\b|\bwhom\b", re.IGNORECASE)
_ENTITY_ONLY = ("pronoun", "omitted subject", "same topic")  # completions that supply only the entity


@dataclass(frozen=True)
class Rewrite:
    """A question as it will be searched, why it differs from what was typed ('' when it does not),
    and the speaker the completed question is about (None when it names none, or several)."""

    text: str
    reason: str = ""
    focus: Focus | None = None

    @property
    def changed(self) -> bool:
        return bool(self.reason)


@dataclass(frozen=True)
class _Turn:
    """An earlier question, completed, with the entities it names; dependent when it asked something of its own
    about an entity it took from the ones before (a pronoun or an omitted subject), not when an ellipsis
    completed it (氮氧化物呢？ asks the same question again, of another thing)."""

    text: str
    mentions: tuple[Mention, ...]
    chinese: bool
    dependent: bool = False


def rewrite(
    question: str,
    history: Sequence[str] | None,
    knowledge: Knowledge,
    answered_by: AnsweredBy | None = None,
    lexicon: dict | None = None,
) -> Rewrite:
    """The self-contained form of a follow-up question.

    Args:
        question: the question as typed.
        history: the earlier questions of the conversation, oldest first (blank ones are skipped).
        knowledge: the index's entities (retriever.conversation.knowledge.build_knowledge).
        answered_by: gives the speaker whose passage answers an earlier question, for a pronoun
            whose referent the questions never name (Which city issued bonds? → How much did
            that city raise?); None leaves such pronouns alone.
        lexicon: the index's English/pinyin lexicon, to find topics shared across languages.

    Returns:
        Rewrite(text, reason): text is the question to search (the cleaned question when it
        stands on its own, with reason '').

    Raises:
        InvalidQueryError: the question is empty or not a string.
    """
    text, _ = clean_query(question)
    turns: list[_Turn] = []
    for earlier in list(history or [])[-MAX_TURNS:]:
        try:
            earlier = clean_query(earlier)[0]
        except InvalidQueryError:  # a blank or unreadable turn carries nothing
            continue
        resolved = _resolve(earlier, turns, knowledge, answered_by, lexicon)
        dependent = resolved.changed and resolved.text != earlier and resolved.reason.startswith(_ENTITY_ONLY)
        turns.append(_Turn(resolved.text, tuple(knowledge.find(resolved.text)), is_chinese(resolved.text), dependent))
    result = _resolve(text, turns, knowledge, answered_by, lexicon) if turns else Rewrite(text)
    if not result.changed or result.text == text:
        return Rewrite(text)
    return replace(result, focus=focus_of(result.text, knowledge))


def focus_of(text: str, knowledge: Knowledge) -> Focus | None:
    """The one speaker the names of a question stand for (济宁 → 许伟), or None.

    A question that asks who someone is (济宁市环保局局长是谁？) has no focus: the person is the answer.
    """
    if _ASKS_WHO.search(text):
        return None
    people = {p.name: p for m in knowledge.find(text) if (p := _linked(m.entity, Want.PERSON, knowledge)) is not None}
    if len(people) != 1:
        return None
    return Focus(next(iter(people)))


def _resolve(text: str, turns: list[_Turn], knowledge: Knowledge, answered_by, lexicon) -> Rewrite:
    if not turns:
        return Rewrite(text)
    chinese = is_chinese(text)
    fragment = cues.ellipsis(text, chinese)
    if fragment and chinese and not text.rstrip("？?！!。.…").endswith("呢") and not _only_names(fragment, knowledge):
        fragment = None  # 怎么样/如何 only after a bare name (那济宁怎么样？), not after a clause
    if fragment:
        done = _ellipsis(fragment, turns, knowledge, lexicon)
        if done and done != text:
            return Rewrite(done, f"ellipsis: 「{fragment}」 completed from 「{turns[-1].text}」")
    mentions = knowledge.find(text)
    found = cues.pronouns(text, chinese)
    if found:
        done, names = _pronouns(text, found, chinese, turns, knowledge, answered_by)
        if names:
            return Rewrite(done, "pronoun: " + ", ".join(names))
    bare = chinese and len(mentions) == 1 and not found
    if bare and cues.asks_bare_quantity(_without(text, mentions), word_tags(), clauses.words):
        thing = clauses.asked_thing(turns[-1].text)
        if thing and turns[-1].chinese:  # 济宁发了多少？ after 湘潭发行了多少专项债券？ → 济宁发了多少专项债券？
            return Rewrite(text.rstrip("？?") + thing + "？", f"ellipsis: 「{thing}」 from 「{turns[-1].text}」")
    if not chinese and len(mentions) == 1 and not found and cues.asks_bare_quantity_english(_without(text, mentions)):
        thing = clauses.asked_thing(turns[-1].text)
        if thing and not is_chinese(thing):  # How many did Jining dismantle? → How many coal-fired boilers did …
            head = re.match(r"^\s*how\s+(?:many|much)", text, re.IGNORECASE).group()
            return Rewrite(f"{head} {thing}{text[len(head):]}", f"ellipsis: 「{thing}」 from 「{turns[-1].text}」")
    if not chinese and not mentions and not found and cues.continues_english(text):
        entity = _latest(turns, Want.ANY, knowledge)
        if entity is not None:  # And how many vehicles were scrapped? → How many vehicles were scrapped in Dalian?
            body = cues.strip_continuation(text).rstrip("?. ")
            label = _label(entity, False, turns)
            return Rewrite(body[:1].upper() + body[1:] + f" in {label}?", f"omitted subject: {label}")
    if chinese and not mentions and not found:
        first = clauses.words(text)[0]
        if cues.continues(first) or cues.opens_with_verb(text, word_tags(), first):
            entity = _latest(turns, Want.ANY, knowledge)
            if entity is not None:
                body = re.sub(r"^(?:那么|那)", "", text)
                if body.startswith("其中"):
                    topic = clauses.topic(turns[-1].text)
                    if topic:  # 其中关停了多少家？ → 济宁纳入导则体系整治的污染源中关停了多少家？
                        return Rewrite(topic + "中" + body[2:], f"ellipsis: 其中 = {topic}")
                return Rewrite(entity.name + body, f"omitted subject: {entity.name}")
        if len(text) <= cues.MAX_OMITTED_SUBJECT and turns[-1].chinese:
            # a short question on the latest question's topic (协议的目标是什么？ after …签订了什么协议？)
            shared = (set(tokenize(text)) & set(tokenize(turns[-1].text))) - {m.surface for m in turns[-1].mentions}
            entity = _latest(turns[-1:], Want.ANY, knowledge)
            if entity is not None and len(first) >= 2 and first in shared:  # it opens with the shared noun
                return Rewrite(entity.name + text, f"same topic as 「{turns[-1].text}」: {entity.name}")
    return Rewrite(text)


def _only_names(fragment: str, knowledge: Knowledge) -> bool:
    """True when a fragment is names and fillers only (那济宁, 南阳的)."""
    mentions = knowledge.find(fragment)
    return bool(mentions) and not re.sub(r"[那的在和与、\s]", "", _without(fragment, mentions))


def _without(text: str, mentions: list[Mention]) -> str:
    """The text with the names cut out."""
    for m in sorted(mentions, key=lambda m: -m.start):
        text = text[: m.start] + text[m.end :]
    return text


def _label(entity: Entity, chinese: bool, turns: list[_Turn]) -> str:
    """The entity as written in the target language: the English form the user typed, if any."""
    if not chinese:
        for turn in reversed(turns):
            for m in turn.mentions:
                if m.entity.name == entity.name and not is_chinese(m.surface):
                    return m.surface
    return entity.label(chinese)


def _linked(entity: Entity, want: Want, knowledge: Knowledge) -> Entity | None:
    """The entity of the wanted kind that an entity stands for (许伟 → 济宁 for a place, 济宁 → 许伟 for a person)."""
    kind = {Want.PERSON: EntityKind.PERSON, Want.PLACE: EntityKind.PLACE, Want.ORG: EntityKind.ORG}.get(want)
    if kind is None or entity.kind == kind:
        return entity
    if kind == EntityKind.PERSON:
        return knowledge.speaker_entity(entity.speaker) if entity.speaker else None
    person = knowledge.speaker_entity(entity.speaker) if entity.kind != EntityKind.PERSON else entity
    if person is None:
        return knowledge.get(entity.city) if kind == EntityKind.PLACE and entity.city else None
    linked = knowledge.get(person.city if kind == EntityKind.PLACE else person.org)
    return linked if linked is not None and linked.kind == kind else None


def _latest(turns: list[_Turn], want: Want, knowledge: Knowledge, answered_by=None) -> Entity | None:
    """The latest entity of the conversation that can be what a pronoun wants."""
    for turn in reversed(turns):
        # the first name of a question is usually its subject; a province only when it names nothing finer
        for mention in sorted(turn.mentions, key=lambda m: m.entity.province):
            entity = _linked(mention.entity, want, knowledge)
            if entity is not None:
                return entity
    if answered_by is not None and turns:
        speaker = knowledge.speaker_entity(answered_by(turns[-1].text) or "")
        if speaker is not None:
            return _linked(speaker, want, knowledge)
    return None


def _pronouns(text, found, chinese, turns, knowledge, answered_by) -> tuple[str, list[str]]:
    """The text with each pronoun replaced by what it refers to, and a note per replacement."""
    out, names, last = [], [], 0
    for pronoun in found:
        if not cues.refers_back(pronoun, text, [t.text for t in turns]):
            continue
        if names and cues.possessive(pronoun):
            continue  # 'that firm … its values': its is the referent just written
        before = text[: pronoun.start]  # a name earlier in the question itself: the pronoun is its own (许伟说他…)
        if _latest([_Turn(before, tuple(knowledge.find(before)), chinese)], pronoun.want, knowledge) is not None:
            continue
        entity = _latest(turns, pronoun.want, knowledge, answered_by)
        if entity is None:
            continue
        label = _label(entity, chinese, turns)
        if pronoun.want == Want.OWNER:
            label = label + ("的" if chinese else "'s ")
        elif pronoun.want == Want.POSSESSIVE or cues.possessive(pronoun):
            label = label + "'s"
        out.append(text[last : pronoun.start] + label)
        names.append(f"{pronoun.text.strip()} = {label.strip().removesuffix('的')}")
        last = pronoun.end
    return "".join(out) + text[last:], names


def _terms(text: str, lexicon, bilingual: bool) -> set[str]:
    """BM25 terms of a text; with bilingual, an English text's words are mapped to Chinese terms too."""
    return set(query_terms(text, lexicon or {}) if bilingual else tokenize(text))


def _ellipsis(fragment: str, turns: list[_Turn], knowledge: Knowledge, lexicon) -> str | None:
    """The latest question with the fragment in place of what it replaces."""
    chinese = is_chinese(fragment)
    mentions = knowledge.find(fragment)
    if mentions:
        return _swap_entity(fragment, mentions[0], turns, knowledge, lexicon)
    last = turns[-1]
    if chinese != last.chinese:
        return f"{last.text.rstrip('？?')} {fragment}" + ("？" if last.chinese else "?")
    if chinese:
        if re.search(r"(?:地区|区域|地方|段|港|县|区|镇|村|乡|流域|片区)$", fragment):
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            if head:
                return fragment + last.text[len(head) :]
        replaced = clauses.replace_object(last.text, fragment.removesuffix("的") + "的" if fragment.endswith("的") else fragment,
                                          modifier=fragment.endswith("的"))
        return replaced or f"{last.text.rstrip('？?')}，{fragment}？"
    return (
        clauses.replace_object(last.text, fragment)
        or clauses.replace_phrase(last.text, fragment)
        or f"{last.text.rstrip('?')}, and {fragment}?"
    )


def _swap_entity(fragment: str, mention: Mention, turns: list[_Turn], knowledge: Knowledge, lexicon) -> str | None:
    """The question the fragment's name replaces a name in: the latest sharing the fragment's other words."""
    entity = mention.entity
    rest = (fragment[: mention.start] + " " + fragment[mention.end :]).strip()
    chinese = is_chinese(fragment)
    rest_terms = {t for t in _terms(rest, lexicon, False) if not FILLER.match(t)} if rest else set()
    entity_terms = {t for m in knowledge.entities for t in (m.name, *m.aliases)}
    frame, shared = thread_root(turns, knowledge, lexicon), False
    if rest_terms:
        for turn in reversed(turns):
            theirs = _terms(turn.text, lexicon, turn.chinese != chinese)
            mine = rest_terms if turn.chinese == chinese else _terms(rest, lexicon, True)
            if (mine & theirs) - entity_terms:
                frame, shared = turn, True
                break
    own = not shared and bool(rest_terms)  # the fragment brings its own topic: it replaces the subject
    new = fragment if own else _label(entity, frame.chinese, turns)
    if own and frame.chinese != is_chinese(fragment):
        new = _label(entity, frame.chinese, turns)
    if not own and any(m.entity.name == entity.name for m in frame.mentions):
        return frame.text  # the latest question already asks about it: ask it again
    same = [m for m in frame.mentions if m.entity.kind == entity.kind and m.entity.name != entity.name]
    if same:
        target = same[-1]
    else:
        target = next((m for m in reversed(frame.mentions) if m.entity.name != entity.name), None)
        if target is not None and not own and target.entity.kind != entity.kind:
            # a city in a question about a person → its speaker; a person in a question about a city → their city
            want = {EntityKind.PERSON: Want.PERSON, EntityKind.PLACE: Want.PLACE, EntityKind.ORG: Want.ORG}[target.entity.kind]
            linked = _linked(entity, want, knowledge)
            new = _label(linked, frame.chinese, turns) if linked else new
    if target is not None:
        suffix = target.surface[-1] if frame.chinese and target.surface[-1] in "市省" else ""
        if suffix and new == entity.name and new + suffix in entity.aliases:
            new += suffix  # 大连市环保局局长 → 南阳市环保局局长
        return frame.text[: target.start] + new + frame.text[target.end :]
    if frame.chinese:
        head = clauses.subject(frame.text, word_tags(), [])
        lead = fragment if frame.chinese == is_chinese(fragment) else new
        return lead + frame.text[len(head) :] if head else f"{lead}，{frame.text}"
    return f"{frame.text.rstrip('?')} ({new})?"
