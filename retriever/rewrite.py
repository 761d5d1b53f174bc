"""Complete a follow-up question from the conversation so that it can be searched on its own.

    rewrite("那济宁呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge) -> 济宁拆除了多少台燃煤锅炉？
    rewrite("他还提到了什么措施？", ["济宁配备了多少名专职环保网格员？"], knowledge) -> 许伟还提到了什么措施？

Each earlier question is completed first (from the ones before it), then the new one:
- ellipsis (那济宁呢？, 烟尘呢？, What about Jining?, 济宁？, Jining too?, 那王奇怎么说？, How did Xiangtan do it?):
  the fragment takes the place of the matching part of the latest question that shares its topic: a person,
  place or organisation for a name (with the other names of the same speaker switched along), else the thing
  asked about (多少二氧化硫 → 多少烟尘) or the subject (retriever/conversation/ellipsis.py);
- pronouns (他, 他们, 该市, 这家公司, 它, that company, his city, he/she/they, it, there) become the latest
  person, place or organisation of the kind they want; a person stands for their city or company and a
  city for its speaker (王奇 ↔ 南阳), as the index's speaker roles say, and it after Which Dalian document …? is
  that document (retriever/conversation/referents.py);
- a short question that names nothing but leans on the latest one (又发行了多少专项债券？, 烟尘削减了多少？,
  提标改造了多少台？, How many were upgraded?, And the number they upgraded?) gets the latest subject (and the
  thing it counted: the number of boilers …; 罚款总额呢？ after …多少起环境违法行为？ asks those cases' fines);
- a question that leaves out its subject, at any length (出台了什么意见来推进…？, 把…列为什么工程？, 另外，…,
  认为…？, 小时候在哪游泳？, And what was the average PM2.5 …?), gets the latest entity of the kind it wants (an
  attribute only a person, company or place has picks that kind), and one that names nobody and asks about a
  thing (网格管理体系要杜绝哪些现象？) gets it when the index's best passage for it is that entity's speaker's
  (retriever/conversation/subjects.py);
- a bare question word (为什么？, Why?) asks it of the latest question.
A question that names its own subject, asks which city or who, or shows none of these cues, is searched as typed.
No model is involved: only the index's speakers, places, organisations and lexicon (Knowledge).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from index.errors import InvalidQueryError
from index.normalize import is_chinese, to_simplified
from index.tokenize import tokenize
from retriever.answerability.names import greeting_only
from retriever.conversation import (
    asking,
    clauses,
    clipped,
    corrections,
    events,
    fragments,
    omission,
    pronouns,
    shares,
    subjects,
    substitutes,
)
from retriever.conversation import turns as turn_cues
from retriever.conversation.asking_again import ask_again
from retriever.conversation.ellipsis import complete_ellipsis
from retriever.conversation.focus import Focus
from retriever.conversation.knowledge import EntityKind, Knowledge, word_tags
from retriever.conversation.pronouns import Want
from retriever.conversation.referents import (
    Turn,
    label_of,
    latest,
    linked_to,
    named_by_answer,
    only_names,
    resolve_pronouns,
    sounds_like,
    titled_speakers,
    without,
)
from retriever.query import clean_query

MAX_TURNS = 5  # earlier questions looked at, latest last
MAX_WHO_ASKS = 10  # a question asking which city or who that says no more than this leaves out what was done
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


def rewrite(
    question: str,
    history: Sequence[str] | None,
    knowledge: Knowledge,
    answered_by: AnsweredBy | None = None,
    lexicon: dict | None = None,
    answer_of: Callable[[str], str] | None = None,
    owner_of: Callable[[str], tuple[str, str]] | None = None,
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
        answer_of: gives the text of the passage that best answers an earlier question, for 这个/that + a noun
            that only the answer named; None leaves such pronouns to the questions' own nouns.
        owner_of: gives the speaker and text of the passage that best answers a question, for a Chinese question
            about a thing of the latest entity's that names no one (网格管理体系要杜绝哪些现象？); None leaves it alone.

    Returns:
        Rewrite(text, reason): text is the question to search (the cleaned question when it
        stands on its own, with reason '').

    Raises:
        InvalidQueryError: the question is empty or not a string.
    """
    text, _ = clean_query(question)
    turns: list[Turn] = []
    for earlier in list(history or [])[-MAX_TURNS:]:
        try:
            earlier = to_simplified(clean_query(earlier)[0])  # 大連 is 大连
        except InvalidQueryError:  # a blank or unreadable turn carries nothing
            continue
        resolved = _resolve(earlier, turns, knowledge, answered_by, lexicon, answer_of, owner_of)
        dependent = resolved.changed and resolved.text != earlier and resolved.reason.startswith(_ENTITY_ONLY)
        turns.append(Turn(resolved.text, tuple(knowledge.find(resolved.text)), is_chinese(resolved.text), dependent))
    simplified = to_simplified(text) if turns else text
    taken = [(m.start, m.end) for m in knowledge.find(simplified)] + [  # names and pronouns (该市) are no clippings
        (p.start, p.end) for p in pronouns.pronouns(simplified, True) if p.want != Want.OWNER]
    if turns and is_chinese(simplified) and (full := clipped.unclipped(simplified, [t.text for t in turns], taken)) != simplified:
        done = _resolve(full, turns, knowledge, answered_by, lexicon, answer_of, owner_of)  # 那债 → 专项债券 (session 30)
        if done.changed and done.text != full:  # completed from the conversation; else as without the rule (fail open:
            result = replace(done, reason=f"clipped noun said in full: {full}; {done.reason}")  # 与那清华大学…？ lost
            return replace(result, focus=focus_of(result.text, knowledge))  # its subject and matched another city's)
    result = _resolve(simplified, turns, knowledge, answered_by, lexicon, answer_of, owner_of) if turns else Rewrite(text)
    if turns and not turns[-1].chinese and not is_chinese(text):  # And the new ones?: the things counted last
        filled = substitutes.fill_ones(result.text if result.changed else simplified, turns[-1].text)
        if filled:
            why = f"ones: what 「{turns[-1].text}」 counted"
            result = replace(result, text=filled, reason=f"{result.reason}; {why}" if result.reason else why)
    if turns and (not result.changed or result.text == simplified):  # 嗯，是区锦雄。这位负责人…？, You said that: …?
        result = _after_head(simplified, turns, knowledge, answered_by, lexicon, answer_of, owner_of) or result
    if not result.changed or result.text == simplified:
        return Rewrite(text)
    if not is_chinese(result.text) and omission.continues_english(result.text):  # And what does Su Guojun think …?
        body = omission.strip_continuation(result.text)
        result = replace(result, text=body[:1].upper() + body[1:])
    elif is_chinese(result.text) and len(plain := subjects.without_then(result.text)) >= 2:  # 那大连全市一共拆了…
        result = replace(result, text=plain)
    elif (not is_chinese(result.text) and result.text[:1].islower()  # The other one, Dalian: how many …? → How many …
          and result.text not in {t.text for t in turns}):  # an earlier question again (Just the figure.) stays as typed
        result = replace(result, text=result.text[:1].upper() + result.text[1:])
    if _only_deletes(text, result.text):  # 另一个呢？南阳的河长…？ → 南阳的河长…？: the question as typed, searched as such
        return replace(result, focus=None)
    return replace(result, focus=focus_of(result.text, knowledge))


def _after_head(text: str, turns: list[Turn], knowledge: Knowledge, *searches) -> Rewrite | None:
    """The question after a turn's head (a name confirmed, the last answer quoted back, 'the other one', a
    back-reference; not how to answer: 简单说说，… stands alone and is searched as typed) when no rule completed the
    turn: the head's words are no part of what is asked and trip the judge (session 29: fail open to the question as
    typed, without its head). After a head naming someone the question is completed about them (是区锦雄。这位负责人…
    → 区锦雄…); else it is searched alone when it names its own subject. None for a turn with no head."""
    chinese = is_chinese(text)
    spans = [(m.start, m.end) for m in knowledge.find(text.strip())]
    names = [[m.surface for m in t.mentions] + [m.entity.name for m in t.mentions] for t in turns]
    confirmed = turn_cues.confirmed(text, chinese, spans)
    back = _back(text, chinese, turns, names, knowledge)
    rest = ((confirmed[2] if confirmed else "") or turn_cues.quoted_back(text, chinese)
            or turn_cues.other_then_question(text, chinese) or (back[1] if back else ""))
    rest = rest.strip()
    if len(rest) < (4 if chinese else 8) or rest == text.strip() or not text.strip().lower().endswith(rest.lower()):
        return None
    head = text.strip()[: -len(rest)]
    if confirmed and _own_names(rest, knowledge):  # 对，大连。湘潭…？: another name of its own, searched as typed (fu11)
        return None
    if (said := knowledge.find(head)) and not back:  # the name the head confirms is the latest one: the rest about it
        done = _resolve(rest, [*turns, Turn(head, tuple(said), chinese)], knowledge, *searches)
        if done.changed and done.text != rest:
            return replace(done, reason=f"after the turn's head; {done.reason}")
    if not knowledge.find(rest):  # 你刚说的十八亿，利率是多少？, 你刚才说的那个数，对应的…呢？: the rest names nothing; as typed
        return None
    return Rewrite(rest, "the question after the turn's head")


def _only_deletes(typed: str, done: str) -> bool:
    """Whether a rewrite only left words of the typed question out (its letters, in order, are the typed question's):
    the question names its own subject, so it is searched and judged as it would be alone, with no conversation focus
    (session 28: fail open to the question as typed)."""
    letters = iter(re.sub(r"[\W_]+", "", to_simplified(typed)).lower())
    return all(ch in letters for ch in re.sub(r"[\W_]+", "", done).lower())


def focus_of(text: str, knowledge: Knowledge) -> Focus | None:
    """The one speaker the names of a question stand for (济宁 → 许伟), or None.

    A question that asks who someone is (济宁市环保局局长是谁？) has no focus: the person is the answer.
    """
    if _ASKS_WHO.search(text):
        return None
    people = {p.name: p for m in knowledge.find(text) if (p := linked_to(m.entity, Want.PERSON, knowledge)) is not None}
    if len(people) != 1:
        return None
    return Focus(next(iter(people)))


def _resolve(text: str, turns: list[Turn], knowledge: Knowledge, answered_by, lexicon, answer_of=None, owner_of=None) -> Rewrite:
    if not turns or greeting_only(text):  # 喂喂听得到吗那个嗯: a channel check asks nothing
        return Rewrite(text)
    chinese = is_chinese(text)
    if (turned := _turned(text, chinese, turns, knowledge, answered_by, lexicon, answer_of, owner_of)) is not None:
        return turned  # 回到刚才第一个问题，…; 同样的问题，X呢？; 只说数字; 具体是哪几项？ (retriever/conversation/turns.py)
    if chinese and (leaning := _corrected_then_asked(text, turns, knowledge)) is not None:
        return leaning  # 搞错了，我想问南阳，南阳是几级？ (session 30): the corrected question, asked on
    fix = corrections.correction(text, chinese)
    if fix is not None and not corrections.denies(text) and not (knowledge.find(fix.new) or fix.question):
        fix = None  # 嗯嗯喔喔啦啦: a filler before what names nothing the index knows corrects nothing
    if fix is not None and fix.old and corrections.bare_other(fix.new, chinese):  # not Zhang, the other one
        other = corrections.other_one(fix, turns, knowledge)
        if other is None:  # no other one in the conversation, several in the index: nothing is asked in its place
            return Rewrite(text)
        fix = replace(fix, new=label_of(other, chinese, turns), typed="")
    if fix is not None and fix.old and (kept := _of_kind_taken_back(fix, chinese, turns, knowledge)):
        fix = replace(fix, new=kept, typed="")  # 不是湘潭，是张海冰 (a city's question): 张海冰's city, 大连
    if fix is not None:  # 不对，我问的是济宁的; not Zhang, the other guy
        asked = corrections.as_ellipsis(fix, chinese)  # the latest question with the new name or thing in its place
        done = _resolve(asked, turns, knowledge, answered_by, lexicon, answer_of, owner_of)
        swapped = corrections.replaced(fix, turns[-1])
        if swapped and (not done.changed or re.search(rf"(?i){re.escape(fix.old)}", done.text)):
            return Rewrite(swapped, f"correction: 「{fix.new}」 for 「{fix.old}」 in 「{turns[-1].text}」")
        if done.changed:
            return replace(done, reason=f"correction; {done.reason}")
        if fix.question and corrections.denies(text):  # 不对，我问的是…？: the question after the denial; not after a
            return Rewrite(asked, "correction: a question of its own")  # filler (嗯，…？, Actually, how many …?)
    if not chinese:  # n how many got upgraded: texting's n, & and + for 'and'
        text = _EN_TEXTED_AND.sub("and ", text)
        text = _fronted_count(text)  # zhubugang firms, how many left → How many zhubugang firms left
    shared = shares.share_of_last(text, turns[-1].text, chinese, bool(knowledge.find(text)))
    if shared and turns[-1].chinese == chinese:
        return Rewrite(shared, f"share: the amount of 「{turns[-1].text}」")  # what that came to as a proportion of …
    if not _ASKS_WHO.search(text) and (named := corrections.described(text, chinese, turns, knowledge)) != text:
        done = _resolve(named, turns, knowledge, answered_by, lexicon, answer_of, owner_of)  # the guy from Hunan, Su's,
        return done if done.changed else Rewrite(named, "named: the one the description stands for")  # the other city
    marker = omission.discourse_marker(text, word_tags(), clauses.words) if chinese else ""
    marker = "" if knowledge.find(marker) else marker  # 回到大连，: a name says whom it turns to (大连 is tagged an adverb)
    text = text[len(marker) :]  # 另外，要建立怎样的…？: the question goes on after what only says it carries on
    named_text, titled = titled_speakers(text, knowledge)
    if titled:  # 张局长那边呢？: 张海冰's; a question the name completes no further is left to answer() to name
        done = _resolve(marker + named_text, turns, knowledge, answered_by, lexicon, answer_of, owner_of)
        if done.changed:
            return done
    if chinese and (named := _appositive(text, knowledge)) != text:  # 他们南阳自己…: 他们 is 南阳, no one earlier
        done = _resolve(named, turns, knowledge, answered_by, lexicon, answer_of, owner_of)
        if done.changed:
            return done
        if not _ZH_PERSONAL.fullmatch(_dropped(text, named)):
            return Rewrite(text)  # 那个南阳的水源地…, 那个苏局长讲的…: 那个 only opens the name, nothing is left out
        return Rewrite(named, "pronoun: the name after it")
    if not chinese and (about := _EN_ABOUT_POINTED.match(text)) and pronouns.pronouns(about.group("np"), False):
        # What about his company, how old is it?: it is the company the head points at (not his city)
        rest, np = about.group("rest"), about.group("np").strip()
        pointed = re.sub(r"(?i)\b(?:it|they|them)\b", np, rest, count=1)
        if pointed != rest:
            text = pointed[:1].upper() + pointed[1:]
    if (head := _topic_head(text, chinese, knowledge)) is not None:  # 回到湘潭，一共拆了多少台？: the rest is about 湘潭
        mention, rest = head
        if chinese:  # 在济宁，群众揭发…？ names its place well enough as typed
            done = _resolve(mention.surface + rest, turns, knowledge, answered_by, lexicon, answer_of, owner_of)
            if not done.changed and "呢" in text[: len(text) - len(rest)]:  # 湘潭呢？区里…？ → 湘潭区里…？
                return Rewrite(mention.surface + rest, f"topic: {mention.surface}")
            return done if done.changed else Rewrite(text)
        rest = _fronted_count(rest)  # xiangtan then, zhubugang firms, how many left: how many of those firms
        typed = rest.rstrip("?.! ") + f" in {mention.surface}?"  # Back to Xiangtan: how much …? → How much … in Xiangtan?
        if pronouns.pronouns(rest, False):  # Now Dalian: what did it do …?: it is the head's city
            turns, typed = [*turns, Turn(mention.surface, tuple(knowledge.find(mention.surface)), False)], rest
        done = _resolve(typed, turns, knowledge, answered_by, lexicon, answer_of, owner_of)
        typed = done.text if done.changed else typed
        return Rewrite(typed[:1].upper() + typed[1:], f"topic: {mention.surface}")
    if (wh := fragments.bare_wh(text, chinese)) and turns[-1].chinese == chinese:  # 为什么？, Why?: of the last one
        asked = ask_again(turns[-1].text, wh, chinese, [m.surface for m in turns[-1].mentions])
        return Rewrite(asked, f"{wh} of 「{turns[-1].text}」")
    if fragments.asks_more(text, chinese, turns[-1].text) and turns[-1].chinese == chinese:  # 还有呢？, What else?: again
        return Rewrite(turns[-1].text, f"more of 「{turns[-1].text}」")
    fragment = fragments.ellipsis(text, chinese) or fragments.ellipsis(text, not chinese)  # 那Qu Jinxiong呢？, What about 济宁?
    if fragment and fragment.islower() and not chinese:  # what about wang qi: a name typed in lower case
        titled = fragment.title()
        fragment = titled if len(knowledge.find(titled)) >= max(len(knowledge.find(fragment)), 1) else fragment
    if fragment and chinese and not knowledge.find(fragment) and (heard := sounds_like(fragment, knowledge)) is not None:
        text, fragment = text.replace(fragment, heard.name, 1), heard.name  # 那济凝呢？: 济宁 typed with a homophone
    if not fragment and only_names(fragments.bare(text), knowledge):
        fragment = fragments.bare(text)  # 济宁？, Jining?, And Jining then?
    noun = "" if fragment else fragments.bare_noun(text, chinese)  # boilers?, grid officers?, 供水量？
    fragment = fragment or noun or None
    if not fragment:
        named = knowledge.find(text)
        rest = without(text, named)
        switched = {m.entity.name for m in named} - {m.entity.name for m in turns[-1].mentions}
        if named and (fragments.points_back(rest, chinese) or (switched and _repeats(rest, turns[-1], chinese))):
            fragment = named[0].surface  # 那王奇怎么说？, How did Xiangtan do it?, Dalian too?
    if not fragment and chinese and turns[-1].chinese and (pair := fragments.counted_thing(text)):
        thing, unit = pair  # 那中直、省直单位有几个？ after …明确了几个市委工作部门的环保职责？: the same count of another thing
        if not knowledge.find(thing) and unit in ("", omission.count_unit(turns[-1].text)):
            done = clauses.replace_counted(turns[-1].text, thing, unit, word_tags())
            if done and done != turns[-1].text:
                return Rewrite(done, f"ellipsis: 「{thing}」 counted as in 「{turns[-1].text}」")
    if fragment and pronouns.pronouns(fragment, chinese) and not knowledge.find(fragment):
        fragment = None  # What about his view on funding?: a question about him, not another thing in the last one's place
    if fragment and chinese and not text.rstrip("？?！!。.…").endswith("呢") and not only_names(fragment, knowledge) and not noun:
        fragment = None  # 怎么样/如何 only after a bare name (那济宁怎么样？), not after a clause
    if fragment:
        done = complete_ellipsis(fragment, turns, knowledge, lexicon)
        if done and done != text:
            return Rewrite(done, f"ellipsis: 「{fragment}」 completed from 「{turns[-1].text}」")
    mentions = knowledge.find(text)
    found = pronouns.pronouns(text, chinese)
    if found and chinese and answer_of is not None and (titled := named_by_answer(text, found, turns, answer_of)):
        return Rewrite(*titled)  # 这文件… after …文件叫啥？: the document its answer names
    if found:
        done, names = resolve_pronouns(text, found, chinese, turns, knowledge, answered_by, answer_of)
        if names:  # 他们发了多少？ → 湘潭发了多少？ → 湘潭发了多少专项债券？
            counted = _counted(done, knowledge.find(done), turns)
            done = counted or done
            done = _asked_in_full_zh(done, names) if chinese else _asked_in_full(done)
            return Rewrite(done, "pronoun: " + ", ".join(names))
        found = [p for p in found if not pronouns.is_object(p, text)]  # 'work in them': the thing, not a name
        if not chinese:  # And how often did the joint inspection team carry out its checks?: its is the team's
            found = [p for p in found if pronouns.refers_back(p, text, [t.text for t in turns])]
    if not mentions and pronouns.titled_people(text, chinese):
        return Rewrite(text)  # 许局长…, 那个苏局长讲的…, Director Xu said …: a person named by title is its subject
    if not chinese and not mentions and (done := events.about_event(text, turns, knowledge)):
        return Rewrite(*done)  # Did it work? → Did it work in Jining?
    if chinese and not mentions and not found and (done := subjects.generic_topic(text, turns, knowledge)):
        return Rewrite(*done)  # 效果怎么样？ → 济宁的效果怎么样？
    if chinese and not mentions and (done := subjects.role_holder(text, turns, knowledge)):
        return Rewrite(*done)  # 这个局长叫什么？ after 湘潭…？ → 湘潭局长叫什么？
    counted = _counted(text, mentions, turns) if not found else None
    if counted:
        return Rewrite(counted, f"ellipsis: what is counted, from 「{turns[-1].text}」")
    bare = omission.strip_continuation(text) if not chinese else text  # And how many got upgraded?: the same
    if not chinese and not mentions and not found and omission.asks_bare_passive(bare):
        thing, entity = clauses.asked_thing(turns[-1].text), latest(turns, Want.ANY, knowledge)
        if thing and not is_chinese(thing) and entity is not None:  # How many were upgraded? → How many boilers were …
            head = re.match(r"^\s*how\s+(?:many|much)", bare, re.IGNORECASE).group()
            label = subjects.in_label(entity, turns, knowledge)
            done = f"{head} {thing}{bare[len(head):].rstrip('?. ')} in {label}?"
            return Rewrite(done, f"ellipsis: 「{thing}」 and {label} from 「{turns[-1].text}」")
    if not chinese and not mentions and not found and (done := subjects.omitted_english(text, turns, knowledge)):
        return Rewrite(*done)
    if chinese and not mentions and not found and subjects.names_own_subject(text):
        return Rewrite(text)  # 云南洱海保护采取了哪些措施？: a place, person or body the index does not know is its subject
    unnamed = not found or (marker and all(p.want == Want.OWNER for p in found))  # 对了，那个老锰矿…: 那个 names no one
    carries = bool(marker) and not _ZH_POLITE.match(marker)  # 请问，, 烦请告知，: asking politely carries nothing on
    if chinese and not mentions and unnamed and (done := subjects.omitted_chinese(text, turns, knowledge, carries)):
        return Rewrite(*done)
    if chinese and not mentions and not found and asking.asks_for_entity(text, chinese) and len(text) <= MAX_WHO_ASKS:
        thing = clauses.defined_thing(turns[-1].text) if turns[-1].chinese else ""
        if thing and thing not in text:  # 哪个城市在推行？ after 什么是河长制？: which city does that
            done = re.sub(r"[了的呢]?[？?]*$", "", text) + thing + "？"
            return Rewrite(done, f"ellipsis: 「{thing}」 from 「{turns[-1].text}」")
    pointing = [p for p in found if p.want != Want.OWNER]  # 那个河长制…: 那个 only points at the question's own noun
    if not mentions and not pointing and chinese == turns[-1].chinese and not asking.asks_for_entity(text, chinese):
        done = subjects.same_topic(text, turns, knowledge, chinese) if not found else None
        done = done or subjects.owned_topic(text, turns, knowledge, owner_of, lexicon)
        return Rewrite(*done) if done else Rewrite(text)
    return Rewrite(text)


def _turned(text: str, chinese: bool, turns: list[Turn], knowledge: Knowledge, *searches) -> Rewrite | None:
    """A turn that says which earlier question it leans on, or only how to answer (retriever/conversation/turns.py),
    completed; None for any other turn."""
    if (own := _other_own(text, chinese, turns, knowledge, *searches)) is not None:
        return own  # 另一个呢？它跟长沙签的协议叫什么？: the question, about the other one
    if (quoted := turn_cues.quoted_back(text, chinese)) and knowledge.find(quoted) and not pronouns.pronouns(quoted, chinese):
        return Rewrite(quoted, "quoted back: the question as asked")  # 你刚说的那个，济宁…？: the question names its subject
    spans = [(m.start, m.end) for m in knowledge.find(text.strip())]
    named = turn_cues.confirmed(text, chinese, spans)
    if named is not None and not corrections.mentions_other(named[2], chinese):
        start, end, rest = named  # 是许伟吧？他们那边…？, Right, Zhang Haibing. Where did he …?: about the name confirmed
        name = text.strip()[start:end]
        entity = knowledge.find(name)[0].entity
        own = _own_names(rest, knowledge)
        if own and set(own) <= _kin(entity, knowledge):  # 对，大连。大连…？: the question names it again
            return Rewrite(rest, "confirmed: the question as asked")
        if not own and (done := _about(rest, entity, name, turns, knowledge, searches)) is not None:
            return done
        return Rewrite(text)  # 对，济宁。主持人夸当地…？: another name of its own; searched as typed
    if (split := _prefaced(turns, knowledge)) is not None:  # 我想问问湘潭和济宁。湘潭…？: the question is the frame
        named, trimmed = split
        asked = {m.entity.name for m in trimmed[-1].mentions}
        others = [e for name, e in named.items() if name not in asked]
        if turn_cues.asks_other(text, chinese) and len(others) == 1:  # 另一个呢？, And the other one?: the one not asked
            label = label_of(others[0], chinese, trimmed)
            done = _resolve(f"那{label}呢？" if chinese else f"What about {label}?", trimmed, knowledge, *searches)
            return replace(done, reason=f"the other one: {label}; {done.reason}") if done.changed else done
        return _resolve(text, trimmed, knowledge, *searches)
    if turn_cues.asks_other(text, chinese) and corrections.described(text, chinese, turns, knowledge) == text:
        other = corrections.other_entity(turns, knowledge)  # 另一个呢？ after 大连…？ | 济宁呢？: 大连
        if other is None:  # 另一个呢？ after 大连和济宁各拆了多少台？: no one other, nothing to complete it with
            return Rewrite(text)
        label = label_of(other, chinese, turns)
        done = _resolve(f"那{label}呢？" if chinese else f"What about {label}?", turns, knowledge, *searches)
        return replace(done, reason=f"the other one: {label}; {done.reason}") if done.changed else done
    names = [[m.surface for m in t.mentions] + [m.entity.name for m in t.mentions] for t in turns]
    back = _back(text, chinese, turns, names, knowledge)
    if back is not None:  # 回到刚才第一个问题，市里那边…？: the first turn is the frame, not the last
        index, rest = back
        frame = turns[: index + 1]
        why = f"back to 「{frame[-1].text}」"
        head = text.strip()[: len(text.strip()) - len(rest)] if rest else text
        said = {n: e for n, e in _own_names(head, knowledge).items() if n not in {m.entity.name for m in frame[-1].mentions}}
        if len(said) == 1 and rest:  # 还是问区锦雄的那个问题，… back to 普邦园林…？ (session 30): the rest is about the one named
            label = label_of(next(iter(said.values())), chinese, frame)
            frame = [*frame, Turn(label, tuple(knowledge.find(label)), chinese)]
        if not re.sub(r"[\s？?！!。.…,，]+", "", rest):  # 回到第一个问题。: that question again
            return Rewrite(frame[-1].text, why)
        done = _resolve(rest, frame, knowledge, *searches)
        if done.changed:
            return replace(done, reason=f"{why}; {done.reason}")
        entities = {m.entity.name: m.entity for m in frame[-1].mentions}
        if len(entities) == 1 and not knowledge.find(rest) and not _ASKS_WHO.search(rest):  # 新来的张局长以前在哪儿干的？:
            entity = next(iter(entities.values()))  # the one the turn went back to is what the rest is about
            if (kind := asking.attribute_kind(rest)) is not None:  # 在哪家公司任职？ after 普邦园林…: its person, 区锦雄
                entity = linked_to(entity, kind, knowledge) or entity
            label = label_of(entity, chinese, frame)
            if chinese:
                return Rewrite(label + re.sub(r"^[的，,]", "", rest), f"{why}: about {label}")
            if entity.kind == EntityKind.PLACE and not re.search(r"(?i)\b(?:in|at)\s+\w+\s*[?.!]*$", rest):
                body = rest.rstrip("?.! ")
                return Rewrite(f"{body[:1].upper()}{body[1:]} in {label}?", f"{why}: about {label}")
        return Rewrite(rest, why)
    same = turn_cues.same_question(text, chinese)
    if same is not None:
        x, rest = same
        if rest and not re.fullmatch(r"[\s？?！!。.…,，]*", rest):  # 同样的问题，湘潭呢？湘潭把…？: the question after the head
            if knowledge.find(rest) or not knowledge.find(x):
                done = _resolve(rest, turns, knowledge, *searches)
                return done if done.changed else Rewrite(rest, f"same question: the question after 「{x}」")
            headed = f"回到{x}，{rest}" if chinese else f"Back to {x}: {rest}"
            done = _resolve(headed, turns, knowledge, *searches)
            if done.changed:
                return replace(done, reason=f"same question; {done.reason}")
            return Rewrite(x + rest if chinese else headed, f"same question: topic {x}")  # 换成湘潭，竹埠港…？: 湘潭竹埠港…？
        plain = f"那{x}呢？" if chinese else f"What about {x}?"  # 同样的问题换成X, Same question but for X?: the ellipsis
        done = _resolve(plain, turns, knowledge, *searches)
        return replace(done, reason=f"same question; {done.reason}") if done.changed else None
    if (area := turn_cues.narrowed(text, chinese)) and turns[-1].chinese == chinese:  # 那只要市区的呢？, Just the urban
        place = next((m for m in turns[-1].mentions if m.entity.kind == EntityKind.PLACE), None)  # districts?: the last
        done = turn_cues.narrowed_question(turns[-1].text, area, place.end if place else None, chinese)  # question, of
        if done:  # that part of its place (全市 / citywide replaced); a question naming no place falls through
            return Rewrite(done, f"narrowed to {area}: 「{turns[-1].text}」")
    if turns[-1].chinese == chinese and turn_cues.widened(text, chinese, [m.surface for m in turns[-1].mentions]):
        if done := turn_cues.widened_question(turns[-1].text, chinese):  # 全市呢？ after 大连光市区就…？ (session 30): the
            return Rewrite(done, f"widened to the whole place: 「{turns[-1].text}」")  # last question, of the whole place
    if (plain := turn_cues.without_format(text, chinese)) != text:  # 只说数字，氮氧化物那项呢？: the question after it
        done = _resolve(plain, turns, knowledge, *searches)
        if done.changed:  # a question that stands on its own (In one sentence: what did …?) is searched as typed
            return replace(done, reason=f"format; {done.reason}")
    if turn_cues.format_only(text, chinese):  # 只说数字, Just the number, please.: the last question again
        return Rewrite(turns[-1].text, f"format: 「{turns[-1].text}」 again")
    if turn_cues.asks_list(text, chinese):  # 具体是哪几项？ after …建立了几项机制？: which ones
        listed = turn_cues.list_of(turns[-1].text, turns[-1].chinese)
        return Rewrite(listed, f"which ones of 「{turns[-1].text}」")
    return None


_WANT_OF_KIND = {EntityKind.PERSON: Want.PERSON, EntityKind.PLACE: Want.PLACE, EntityKind.ORG: Want.ORG}


def _of_kind_taken_back(fix, chinese: bool, turns: list[Turn], knowledge: Knowledge) -> str:
    """The name a correction means when it takes back one kind of name and gives another (不是湘潭，是张海冰 after a
    question about 湘潭's bureau: 张海冰's city, 大连): the new one's linked entity of the taken-back one's kind, as
    the latest question would name it; '' when both are of one kind or either names no one entity."""
    old = {m.entity.name: m.entity for m in knowledge.find(fix.old)}
    new = {m.entity.name: m.entity for m in knowledge.find(fix.new)}
    if len(old) != 1 or len(new) != 1 or fix.question:
        return ""
    (taken,), (given,) = old.values(), new.values()
    if taken.kind == given.kind or (linked := linked_to(given, _WANT_OF_KIND[taken.kind], knowledge)) is None:
        return ""
    return label_of(linked, chinese, turns)


# a question that asks which of the entities it names (济宁和湘潭，哪个城市…？, Jining or Xiangtan: which city …?)
_ASKS_WHICH = re.compile(r"哪(?:个|一个|座|家|位|边|方)|谁|\bwhich\b|\bwho\b", re.IGNORECASE)


def _other_own(text: str, chinese: bool, turns: list[Turn], knowledge: Knowledge, *searches) -> Rewrite | None:
    """A turn that opens with only 'the other one' and asks a question of its own (session 28: 另一个呢？它…？, And the
    other one? What did it …?): the question about the other one; the question as typed (the opener left out) when it
    names its own subject or no one other is known (fail open: never a guess in place of what the reader typed); None for
    any other turn."""
    rest = turn_cues.other_then_question(text, chinese)
    if not rest:
        return None
    joined = text.strip()[: len(text.strip()) - len(rest)].rstrip()[-1:] in ",，:：;；"  # not after a question mark
    if joined and corrections.named_after(rest, knowledge):  # The other one, Dalian: …?: the name the reader gives
        named = rest[corrections.APPOSED.match(rest).end() :]
        done = _resolve(named, turns, knowledge, *searches)
        return done if done.changed else Rewrite(named, "the other one: named")
    if joined and corrections.APPOSED.match(rest).group().strip():
        return Rewrite(text)  # And the other one, i.e. Zhuzhou: …: the reader says which one; searched as typed
    other = _the_other(turns, knowledge, searches[0] if searches else None)
    own = _own_names(rest, knowledge)
    if other is None or any(e.kind == other.kind for e in own.values()):  # 另一个呢？南阳的河长…？: it says whom it asks
        return Rewrite(rest, "the other one: the question as asked")
    label = label_of(other, chinese, turns)
    return _about(rest, other, label, turns, knowledge, searches) or Rewrite(rest, "the other one: the question as asked")


def _own_names(text: str, knowledge: Knowledge) -> dict:
    """The entities a text names, provinces left out (湖南省 places a city, it is no subject), by name."""
    return {m.entity.name: m.entity for m in knowledge.find(text) if not m.entity.province}


def _corrected_then_asked(text: str, turns: list[Turn], knowledge: Knowledge) -> Rewrite | None:
    """A self-correction naming the one meant, then a short question of its own about them that leans on the corrected
    one (搞错了，我想问南阳，南阳是几级？ after 济宁有几级监管网格？ → 南阳有几级监管网格，是几级？): the latest question with
    the name put right, then what the question adds. None when the turn is no such correction, the question names
    someone else or says enough to stand alone (不对，我是说济宁，济宁的网格员几百名？: searched as before), or the latest
    question names no one one of the same kind (fail open)."""
    split = corrections.named_then_asked(text)
    if split is None:
        return None
    name, rest = split
    new = _own_names(name, knowledge)
    own = _own_names(rest, knowledge)
    if len(new) != 1 or not own or set(own) - set(new):
        return None
    (entity,) = new.values()
    olds = [m for m in turns[-1].mentions if m.entity.kind == entity.kind and not m.entity.province]
    if len({m.entity.name for m in olds}) != 1 or olds[0].entity.name == entity.name:
        return None
    said = [m for m in knowledge.find(rest) if m.entity.name == entity.name]
    bare = rest
    for m in sorted(said, key=lambda m: -m.start):
        bare = bare[: m.start] + bare[m.end :]
    bare = re.sub(r"^[的，,\s]+", "", bare)
    last = turns[-1].text
    repeated = [w for w in tokenize(bare) if len(w) >= 2 and w in last and not re.search(r"几|多少|什么|哪|谁|怎", w)]
    if len(re.sub(r"[^\u4e00-\u9fff]", "", bare)) > 8 or repeated:
        return None  # a question that says enough, or names the thing again (…网格员几百名？), stands alone
    corrected = last[: olds[0].start] + name + last[olds[0].end :]
    body = re.sub(r"[，,]?\s*(?:是吧|对吧|是不是|对不对|吧|吗)?[？?。！!…]*$", "", corrected)
    body = re.sub(r"^(?:我)?(?:记得|听说|印象中)", "", body)  # 我记得湘潭也…: what the reader remembers, not what is asked
    return Rewrite(f"{body}，{bare}", f"correction: 「{name}」 for 「{olds[0].surface}」, then 「{rest}」")


def _back(text: str, chinese: bool, turns: list[Turn], names: list[list[str]], knowledge: Knowledge):
    """turn_cues.back_reference; when no turn says the name the reader goes back to, the turn naming its kin (session 30:
    还是问区锦雄的那个问题 goes back to 普邦园林弄的那个小镇…？, the question about his company)."""
    back = turn_cues.back_reference(text, chinese, names)
    if back is None:
        kin = [sorted({k for m in t.mentions for k in _kin(m.entity, knowledge)}) for t in turns]
        back = turn_cues.back_reference(text, chinese, kin)
    return back


def _kin(entity, knowledge: Knowledge) -> set[str]:
    """The names that stand for the same one (济宁 ↔ 许伟 ↔ Jining; 普邦园林 ↔ 区锦雄)."""
    return {e.name for e in knowledge.entities if e.name == entity.name or (entity.speaker and e.speaker == entity.speaker)}


def _about(rest: str, entity, label: str, turns: list[Turn], knowledge: Knowledge, searches) -> Rewrite | None:
    """The question rest completed as one about the entity (its pronoun or left-out subject: the entity), or None when
    the completion does not name it or one of its kin."""
    chinese = is_chinese(rest)
    done = _resolve(rest, [*turns, Turn(label, tuple(knowledge.find(label)), chinese)], knowledge, *searches)
    if done.changed and done.text != rest and _kin(entity, knowledge) & _own_names(done.text, knowledge).keys():
        return replace(done, reason=f"about {label}; {done.reason}")
    return None


def _the_other(turns: list[Turn], knowledge: Knowledge, answered_by=None):
    """The entity 'the other one' means: of a statement that named two (我想问问湘潭和济宁。湘潭…？), the one its question
    did not ask about; of a question asking which of two (济宁和湘潭，哪个城市…？), the one whose speaker's passage does not
    answer it (answered_by); else the conversation's other entity of the latest question's kind; None when unknown."""
    if (split := _prefaced(turns, knowledge)) is not None:
        named, trimmed = split
        asked = {m.entity.name for m in trimmed[-1].mentions}
        others = [e for name, e in named.items() if name not in asked]
        return others[0] if len(others) == 1 else None
    named = {m.entity.name: m.entity for m in turns[-1].mentions if not m.entity.province}
    if len(named) >= 2:  # the latest question named both: the other is the one its answer is not about
        if not _ASKS_WHICH.search(turns[-1].text) or answered_by is None:
            return None
        speaker = answered_by(turns[-1].text) or ""
        chosen = [e for e in named.values() if speaker and speaker in (e.name, e.speaker)]
        others = [e for e in named.values() if e not in chosen]
        return others[0] if len(chosen) == 1 and len(others) == 1 else None
    return corrections.other_entity(turns, knowledge)


def _prefaced(turns: list[Turn], knowledge: Knowledge) -> tuple[dict, list[Turn]] | None:
    """When the latest turn opens with a statement that names two or more entities and its question names one of them
    (先问济宁，再问大连。济宁拆除了…？, I want to ask about Dalian and Jining. Is it true that Dalian …?): the statement's
    entities by name, and the turns with the latest one cut to its question; else None."""
    last = turns[-1]
    for first, rest in turn_cues.prefaces(last.text, last.chinese):
        named = {m.entity.name: m.entity for m in knowledge.find(first)}
        mentions = tuple(knowledge.find(rest))
        if len(named) >= 2 and {m.entity.name for m in mentions} & named.keys():
            return named, [*turns[:-1], Turn(rest, mentions, last.chinese, last.dependent)]
    return None


# a thing put first, then how many of it (texting: 'zhubugang firms, how many left', 'boilers upgraded, how many?')
_EN_FRONTED_COUNT = re.compile(
    r"(?i)^(?P<open>\s*(?:(?:and|so|ok|okay|then|well)[,\s]+)*)(?P<np>(?!(?:how|what|who|which|where|when|why|is|are|was|"
    r"were|do|does|did|can|could|not|no|i)\b)[a-z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s*,\s*(?P<wh>how\s+(?:many|much))\b(?P<rest>[^,]*)$"
)


# how many with no noun of its own: the thing put first is what it counts
_EN_NO_NOUN = re.compile(
    r"(?i)^\s*(?:[?.!]*$|(?:left|remain(?:ed|ing)?|are|were|is|was|got|get|have|has|had|did|do|does|in|of|there|"
    r"altogether|overall|total|now|then|so\s+far|by)\b)"
)
_EN_NOT_THING = re.compile(r"(?i)^(?:in|at|for|on|by|from|to|with|about|after|before|during|since|under|as|of|last|this|next)\b")


def _fronted_count(text: str) -> str:
    """'X, how many …' asked as 'How many X …' (pure); any other text unchanged."""
    match = _EN_FRONTED_COUNT.match(text)
    if match is None or not _EN_NO_NOUN.match(match.group("rest")):
        return text  # Dalian, how many boilers …?: how many has its own noun; In 2016, how much …: no thing first
    wh = match.group("wh")
    if _EN_NOT_THING.match(match.group("np")):
        return text
    return f"{match.group('open')}{wh[:1].upper()}{wh[1:]} {match.group('np')}{match.group('rest')}"


# an opening that only asks politely (fu8): 请问，, 烦请告知，, 想请教一下，, 您好，: no sign the question carries on
_ZH_POLITE = re.compile(
    r"^(?:请问|烦请告知|烦请|请告知|请教一下|请教|想请教一下|想请教|想问一下|想问下|麻烦问一下|麻烦问下|麻烦|打扰一下|您好|你好)"
    r"(?:一下)?[，,：:]"
)
_EN_TEXTED_AND = re.compile(r"(?i)^(?:n|&|\+)\s+(?=[a-z])")
_EN_ASKING = re.compile(
    r"(?i)^\s*(?:(?:and|so|also|then|but)\s+)?(?:how|what(?!\s+about\b)|who|whom|whose|which|where|when|why|is|are|was|were|do|does|did|can|could|has|"
    r"have|had|will|would|should|tell|list|name|give|describe|explain)\b"
)
_EN_ABOUT = re.compile(r"(?i)^\s*(?:and|so|also|then)?\s*")
_EN_WHAT_ABOUT = re.compile(r"(?i)^\s*(?:(?:and|so)\s+)?(?:what|how)\s+about\b")
_EN_TITLE = re.compile(
    r"(?i)\b(?:vice[- ]president|president|chair(?:man|woman|person)?|director|head|chief|mayor|secretary|leader|host|"
    r"moderator|conven[eo]r|spokes(?:man|woman|person)|ceo|founder|manager|boss|commissioner)s?\s*[?.!]*$"
)


_ZH_OWNED_FRAGMENT = re.compile(r"^(?:那么|那|还有)?(?P<owner>[^的，,？?]{2,12})的(?P<thing>[^的，,？?呢]{2,10})呢[？?]*$")


def _asked_in_full_zh(text: str, names: list[str]) -> str:
    """A Chinese fragment whose pronoun was resolved (张海冰的前任呢？, 普邦园林的价值观呢？) asked in full: who holds a
    title, how much an amount is, else what the thing is; a general word (做法, 情况) keeps its 呢. Like a bare noun
    phrase in English, X的Y呢？ lets the judge take the nearest passage of X for an answer."""
    from retriever.conversation.ellipsis import own_tail

    match = _ZH_OWNED_FRAGMENT.match(text)
    if not match or not any(match.group("owner") in n for n in names):
        return text
    thing = match.group("thing")
    if thing in _ZH_GENERIC_THING or len(clauses.words(thing)) > 3:
        return text
    return f"{match.group('owner')}的{thing}{own_tail(thing)}"


_ZH_GENERIC_THING = frozenset("做法 情况 经验 效果 成效 方面 意见 看法 想法 态度 观点 那边 这边 进展 结果".split())


def _asked_in_full(text: str) -> str:
    """An English fragment whose pronoun was resolved (Pubang's vice president?, And Pubang's revenue?) asked in
    full: who holds a title, what the thing is. The judge reads a bare noun phrase as asking nothing in particular and
    lets the nearest passage pass for its answer."""
    if _EN_ASKING.search(text) or _EN_WHAT_ABOUT.match(text) or len(text.split()) > 8:
        return text  # What about Xu Wei's view on funding? asks as it is
    body = _EN_ABOUT.sub("", text, count=1).strip().rstrip("?.! ")
    if not body or re.search(r"(?i)\b(?:is|are|was|were|do|does|did|has|have|had|can|will)\b|[,;]", body):
        return text
    last = body.split()[-1].lower()
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "'s"))
    who = "Who" if _EN_TITLE.search(body) else "What"
    return f"{who} {'are' if plural else 'is'} {body}?"


_EN_ABOUT_POINTED = re.compile(
    r"(?i)^\s*(?:and\s+|so\s+)?(?:what|how)\s+about\s+(?P<np>[^,?:;]{2,40}?)\s*[,?:;]\s*(?P<rest>\S.*)$"
)
_HEAD = re.compile(r"[，,:：—]|\s-\s")
_ZH_HEAD_QUESTION = re.compile(r"(?<=呢)[？?]\s*(?=\S)")  # 湘潭呢？区里抽调了多少干部？: a name, then the question
_EN_HEAD_QUESTION = re.compile(r"(?<=\w)\?\s+(?=[A-Za-z])")  # What about Nanyang? Where is its water source?
_EN_HEAD_WORDS = re.compile(
    r"(?i)^(?:and|so|now|then|ok(?:ay)?|back|to|going|returning|turning|over|as|for|regarding|about|on|in|what|how|"
    r"switching|switch|moving|move|shifting|let's|lets|onto)$"  # Switching to Xiangtan, how is its stretch …?
)


def _topic_head(text: str, chinese: bool, knowledge: Knowledge):
    """(the name, the rest) of a question that first says whom it turns to and then asks without naming them (回到湘潭，
    区里抽了多少干部？, Back to Xiangtan: how much did the banks add?), else None. The head is one name and words that
    say nothing else (回到, 说回, 至于; back to, now, as for)."""
    match = _HEAD.search(text) or (_ZH_HEAD_QUESTION if chinese else _EN_HEAD_QUESTION).search(text)
    if not match:
        return None
    head, rest = text[: match.start()], text[match.end() :].strip()
    named = knowledge.find(head)
    if len(named) != 1 or len(rest) < 2 or knowledge.find(rest):
        return None
    left = without(head, named).strip()
    if chinese:
        if match.re is _ZH_HEAD_QUESTION or left.endswith("呢"):  # 湘潭呢，发了多少？: 呢 only hands over to the question
            left = re.sub(r"^(?:那么|那|至于|还有)|呢$", "", left)
        plain = not left or bool(omission.discourse_marker(left + "，" + rest, word_tags(), clauses.words))
    elif match.re is _EN_HEAD_QUESTION:  # only 'What about X?' / 'And X?' before a question of its own
        plain = bool(re.fullmatch(r"(?i)(?:and|so)?\s*(?:(?:what|how)\s+about)?", left.strip()))
    else:
        plain = all(_EN_HEAD_WORDS.match(w) for w in left.split()) and len(left.split()) <= 3
    return (named[0], rest) if plain else None


_ZH_PERSONAL = re.compile(r"(?:他们|她们|咱们|我们|他|她)(?:那个|这个|那|这)?")
_ZH_POINTING = re.compile(r"(?:那个|这个|那位|这位)")  # 那个 said before a name: a filler, or pointing at the name itself


def _appositive(text: str, knowledge: Knowledge) -> str:
    """A Chinese question without a personal pronoun that stands straight before the name it means (他们南阳自己一年
    用多少水？, 他们那个济宁的平台…), or without 那个/这个 said straight before a name or a surname and title (那个南阳的
    水源地…, 那个苏局长讲的…): said aloud, the word only announces the name; else the text as it is."""
    titled = {start for start, _ in pronouns.titled_people(text, True)}
    starts = {m.start for m in knowledge.find(text)}
    for pattern, names in ((_ZH_PERSONAL, starts), (_ZH_POINTING, starts | titled)):
        for match in pattern.finditer(text):
            if match.end() in names:
                return text[: match.start()] + text[match.end() :]
    return text


def _dropped(text: str, shorter: str) -> str:
    """The characters of text that shorter (text with one run cut out) lacks."""
    start = next((i for i, (a, b) in enumerate(zip(text, shorter)) if a != b), len(shorter))
    return text[start : start + len(text) - len(shorter)]


_YES_NO = frozenset("有没有 没有 是否 是不是 有无".split())


def _repeats(rest: str, last: Turn, chinese: bool) -> bool:
    """True when a question's words besides its names all come from the last question (济宁有没有发行？ after
    湘潭发行了多少专项债券？, Did Nanyang open any? after What platforms did Jining open?): it asks that again."""
    if chinese != last.chinese:
        return False
    if chinese:  # a word of the last question's, or part of one (发 of 发行)
        mine, theirs = set(tokenize(rest)) - _YES_NO, set(tokenize(last.text))
        return bool(mine) and all(w in theirs or any(w in t for t in theirs) for w in mine)
    mine = subjects.stems(rest)
    return bool(mine) and mine <= subjects.stems(last.text)


def _same_unit(question: str, last: str) -> bool:
    """True when a question counts in the measure word the last question counted in (那大连全市一共拆了多少台？ after
    济宁取缔或改造了多少台燃煤小锅炉？): it counts the same things."""
    unit = omission.count_unit(question)
    return bool(unit) and unit == omission.count_unit(last)


_ZH_MONEY = re.compile(r"钱|资金|经费|费用|投资|投入|元$")


def _counted_in(question: str, unit: str) -> str:
    """The noun a question counts with a number in a measure word (空气站 of 126个空气站 for 个), or ''."""
    number = r"(?:\d+|[一二两三四五六七八九十百千万]+)\s*(?:余|多)?"
    match = re.search(rf"{number}{re.escape(unit)}(?P<noun>[\u4e00-\u9fff]{{2,8}}?)(?={_ZH_AFTER_COUNTED})", question)
    return match.group("noun") if match else ""


# what follows a counted noun (126个空气站花了…, 8个部门的…): a verb, 的, a particle or the end
_ZH_AFTER_COUNTED = r"[花用投建设的是有共总都已在被由和及与，,。？?！!]|$"


def _counted(text: str, mentions, turns: list[Turn]) -> str | None:
    """A question that names one entity and asks how many without saying of what, with the last question's
    thing (济宁发了多少？ after 湘潭发行了多少专项债券？ → 济宁发了多少专项债券？; How many did Jining dismantle?
    → How many coal-fired boilers did Jining dismantle?), or None."""
    if len(mentions) != 1:
        return None
    chinese, thing = is_chinese(text), clauses.asked_thing(turns[-1].text)
    if not thing or is_chinese(thing) != chinese:
        return None
    if chinese and re.search(r"[A-Za-z]{2}", without(text, mentions)):
        return None  # 大连市区的coal boiler拆了多少台？ names what it counts, in English
    if chinese and any(len(w) >= 2 and w in text for w in clauses.words(thing)):
        return None  # 济宁那边烧煤的小锅炉处理了多少台？ names what it counts (锅炉 of 燃煤锅炉)
    if chinese and re.sub(r"[呢啊呀]?[？?。]*$", "", text).endswith(thing):
        return None  # 济宁专门管网格的人有多少个？ after …有多少个？: 个 is no thing to add again (session 28)
    rest = without(text, mentions)
    unit = omission.count_unit(rest) if chinese else ""
    if unit and unit != omission.count_unit(turns[-1].text):  # 建了多少个？ after 济宁新建的126个空气站花了多少钱？:
        counted = _counted_in(turns[-1].text, unit)  # 个 counts the 空气站, not the 钱 asked (the unit survives)
        if counted:
            thing = counted
        elif _ZH_MONEY.search(thing):
            return None
    if chinese and (
        omission.asks_bare_quantity(rest, word_tags(), clauses.words)
        or (omission.ends_with_bare_count(rest, word_tags(), clauses.words) and _same_unit(rest, turns[-1].text))
    ):
        return re.sub(r"[呢啊呀]?[？?。]*$", "", text) + thing + "？"
    if not chinese and omission.asks_bare_quantity_english(without(text, mentions)):
        head = re.match(r"^\s*how\s+(?:many|much)", text, re.IGNORECASE).group()
        return f"{head} {thing}{text[len(head):]}"
    if not chinese and (bare := _EN_BARE_NUMBER.search(text)):  # And the number Dalian upgraded? → the number of boilers
        return f"{text[: bare.end()]} of {thing}{text[bare.end():]}"
    return None


# 'the number' with no 'of' after it, before the clause that counts (the number Dalian upgraded rather than scrapped)
_EN_BARE_NUMBER = re.compile(r"(?i)\bthe\s+(?:number|count)\b(?=\s+(?:that\s+|which\s+)?[A-Z]?[a-z]+\s+[a-z]+ed\b)")
