"""Generated follow-up conversations, built from material that may be tuned on (see eval/followups_generated.py).

The sources are the tune questions of eval/gold.jsonl (eval/sets/gold_split.json) and the tune rows of
eval/sets/readers*.jsonl; the index's speakers, cities and company (retriever.conversation.Knowledge) supply the
names to swap in. A source question that names one city, speaker or company becomes:

- ``switch``: the same question about another entity of its kind, then 那X呢？ / X呢？ / What about X? back to it;
- ``pronoun``: a question naming the entity (or its linked city or speaker), then the source question with the
  name replaced by 他 / 该市 / 他们 / 这家公司 / he / that city / they / the company / its / there (a third of them
  after another turn about another entity);
- ``omitted``: the same, with the name left out, after an opening word or none (配备了多少名网格员？, 那配备了多少名网格员？,
  另外，配备了多少名网格员？; English: Who operates the small village sewage plants?, And what is the river chief
  system supposed to turn into?: 'in X' dropped, X's as 'the');
- ``mixed``: a Chinese history with an English follow-up and back (What about Jining?, 那Jining呢？);
- ``traditional``: a switch or pronoun conversation written in traditional characters;
- ``typo``: a switch follow-up with slips (no question mark, lower-case names, 'abot'), and pronoun follow-ups
  made from the readers' typo questions (燃媒锅炉);
- ``near_miss``: the same kinds of conversation built from near-miss source questions (the text never gives
  the fact): they should abstain.

Each row has id, history, question, answers, category, lang, reference (the source question: what a perfect
rewrite searches, names folded to their entity) and split ``generated``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from retriever.conversation.knowledge import Entity, EntityKind, Knowledge, Mention

SETS = Path(__file__).resolve().parent / "sets"
ANSWERED = ("number", "fact", "entity", "policy", "paraphrase", "how_why", "simplified_twin", "colloquial",
            "title_english", "paraphrase_english", "typo")  # keyword and mixed queries are no follow-ups; traditional
# questions are made here from their simplified twins
NEAR_MISS = ("near_miss",)
ZH_SWITCH = ("那{x}呢？", "{x}呢？", "那么{x}呢？", "换成{x}呢？", "那{x}怎么样？", "{x}的情况呢？", "{x}那边呢？", "{x}又如何？",
             "那{x}的呢？", "那{x}？", "至于{x}呢？", "问问{x}呢？")
EN_SWITCH = ("What about {x}?", "And {x}?", "How about {x}?", "Same question for {x}.", "And what about {x}?",
             "What about in {x}?", "And in {x}?", "How about for {x}?", "{x}?", "Same for {x}?", "What about {x} then?",
             "And {x}, then?")
ZH_TYPO = ("那{x}呢", "{x}呢??", "那{x}呢?", "那 {x} 呢", "{x}呢。", "那{x}呢！")
EN_TYPO = ("what about {lx}", "What abot {x}?", "how about {lx}?", "what about {x}??", "and {lx}", "wat about {x}",
           "What about {x} ?", "how abt {lx}")
ZH_PRONOUN = {EntityKind.PERSON: ("他", "这位嘉宾", "她", "此人", "这位负责人"),
              EntityKind.PLACE: ("该市", "当地", "这个城市", "他们", "那座城市", "该地"),
              EntityKind.ORG: ("这家公司", "该公司", "他们", "那家公司", "这家企业")}
EN_PRONOUN = {EntityKind.PERSON: ("he", "this speaker", "she", "this official", "the guest"),
              EntityKind.PLACE: ("that city", "the city", "they", "this city", "that town"),
              EntityKind.ORG: ("that company", "the company", "they", "that firm", "this company")}
EN_POSSESSIVE = {EntityKind.PERSON: ("his", "her"), EntityKind.PLACE: ("its", "that city's", "the city's"),
                 EntityKind.ORG: ("its", "the company's", "that firm's")}
ZH_OPENERS = ("", "那", "那么", "另外，", "还有，", "对了，", "再问一下，", "那")  # how a follow-up that leaves out its subject opens
EN_OPENERS = ("", "And ", "", "So ", "Also, ", "And ")
HOST = "中国环境报"  # the moderator (and the newspaper): asked about, never swapped in
_EN_OBJECT_PREP = re.compile(r"(?i)\b(?:about|to|from|by|with|for|of)\s*$")


def tune_sources() -> list[dict]:
    """The tune questions that may be tuned on: eval/gold.jsonl's tune part and the tune rows of the readers*.jsonl sets
    wired into eval (eval.questions.SET_NAMES); a set written blind and not wired yet is measured first, never a source."""
    from eval.questions import SET_NAMES

    held = set(json.loads((SETS / "gold_split.json").read_text(encoding="utf-8"))["heldout"])
    rows = []
    for line in (SETS.parent / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else None
        if row and row["id"] not in held:
            rows.append({"id": row["id"], "question": row["question"], "answers": row["answers"], "category": row["type"]})
    for path in sorted(p for p in SETS.glob("readers*.jsonl") if p.stem in SET_NAMES):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row and row.get("split") == "tune":
                rows.append({k: row[k] for k in ("id", "question", "answers", "category")})
    return [r for r in rows if r["category"] in ANSWERED + NEAR_MISS and bool(r["answers"]) == (r["category"] in ANSWERED)]


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """The text in traditional characters (济宁 → 濟寧)."""
    return _s2t().convert(text)


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, list[str]]:
    from index.pinyin import char_readings

    out: dict[str, list[str]] = {}
    for code in range(0x4E00, 0x9FA6):
        readings = char_readings(chr(code))
        if readings:
            out.setdefault(readings[0], []).append(chr(code))
    return out


def _frequency() -> dict[str, int]:
    """jieba's dictionary frequencies (the input method offers the commonest character of a sound first)."""
    from retriever.conversation.clauses import _jieba

    tokenizer = _jieba()
    return getattr(tokenizer, "FREQ", None) or tokenizer.dt.FREQ


def homophone(name: str) -> str:
    """The name with its last character swapped for another of the same first reading (济宁 → 济凝-like slips)."""
    from index.pinyin import char_readings

    readings = char_readings(name[-1])
    options = [c for c in _by_reading().get(readings[0] if readings else "", []) if c != name[-1]]
    frequency = _frequency()
    return name[:-1] + max(options, key=lambda c: (frequency.get(c, 0), c)) if options else name  # the commonest


def _chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _subject(question: str, knowledge: Knowledge) -> Mention | None:
    """The one city, speaker or company a question names (None when it names none, a province, or several)."""
    found = [m for m in knowledge.find(question) if not m.entity.province and HOST not in (m.entity.name, m.entity.speaker)]
    names = {m.entity.name for m in found}
    return found[0] if len(names) == 1 else None


def _others(entity: Entity, knowledge: Knowledge) -> list[Entity]:
    """Entities of the same kind to swap in (cities with a speaker, speakers), in a fixed order."""
    return [e for e in knowledge.entities if e.kind == entity.kind and e.name != entity.name and not e.province
            and e.speaker and e.speaker != HOST and (e.kind != EntityKind.PLACE or e.speaker != "区锦雄")]


def _name(entity: Entity, chinese: bool) -> str:
    return entity.name if chinese else entity.label(False)


def _swap(question: str, mention: Mention, new: str) -> str:
    return question[: mention.start] + new + question[mention.end :]


def _pronoun(question: str, mention: Mention, chinese: bool, variant: int) -> str | None:
    """The question with its name replaced by a pronoun of the name's kind (None when the name is part of a longer
    name: 湘江大连段, Pubang Landscape Architecture)."""
    kind = mention.entity.kind
    after = question[mention.end :]
    if re.match(r"[段港县区镇村乡]", after) or re.match(r"\s+[A-Z]", after):
        return None
    if chinese:
        options = ZH_PRONOUN[kind]
        return _swap(question, mention, options[variant % len(options)])
    after, before = question[mention.end :], question[: mention.start]
    if re.search(r"(?i)\bthe\s+$", before):  # the Jining bureau → that city's bureau
        before = re.sub(r"(?i)\bthe\s+$", "", before)
        after = "'s" + after
    if after.startswith("'s"):
        options = EN_POSSESSIVE[kind]
        word = options[variant % len(options)]
        return before + word + after[2:]
    if re.search(r"(?i)\bin\s*$", before) and kind == EntityKind.PLACE and variant % 2:
        return re.sub(r"(?i)\bin\s*$", "", before) + "there" + after
    word = EN_PRONOUN[kind][variant % len(EN_PRONOUN[kind])]
    if word in ("he", "she", "they") and (_EN_OBJECT_PREP.search(before) or re.search(r"(?i)\b(?:in|at|on)\s*$", before)):
        word = {"he": "him", "she": "her", "they": "them"}[word]
        if word == "them" and re.search(r"(?i)\bin\s*$", before):  # popular in them → popular there
            before, word = re.sub(r"(?i)\bin\s*$", "", before), "there"
    return before + word + after


def _omitted(question: str, mention: Mention, chinese: bool) -> str:
    """The question with its one name left out, or '' when it cannot be: Chinese when it opens with the name (济宁配备了
    多少名网格员？ → 配备了多少名网格员？); English when the name is 'in X' (dropped) or X's (as 'the')."""
    if chinese:
        rest = re.sub(r"^(?:的|，|,)", "", question[mention.end :]) if mention.start == 0 else ""
        return rest if len(rest) >= 4 else ""
    before, after = question[: mention.start], question[mention.end :]
    if re.search(r"(?i)\bin\s+(?:the\s+)?$", before) and re.match(r"\s*[?.]?$|\s*[?.]", after):
        return re.sub(r"(?i)\s+in\s+(?:the\s+)?$", "", before) + after  # … sewage plants in Nanyang? → … sewage plants?
    if after.startswith("'s ") and not re.search(r"(?i)\b(?:the|a|an)\s+$", before):
        return before + "the " + after[3:]  # What is Nanyang's river chief system … → What is the river chief system …
    return ""


def _linked(entity: Entity, knowledge: Knowledge) -> set[str]:
    """The names that stand for the same speaker (济宁 ↔ 许伟; 普邦园林 ↔ 区锦雄)."""
    return {e.name for e in knowledge.entities if e.speaker and e.speaker == entity.speaker and not e.province}


def _row(rid, history, question, source, category, reference) -> dict:
    lang = "zh" if _chinese(question) and not re.search(r"[A-Za-z]{3,}", question) else "en" if not _chinese(question) else "mixed"
    return {"id": rid, "history": list(history), "question": question, "answers": list(source["answers"]),
            "category": "near_miss" if not source["answers"] else category, "kind": category, "lang": lang,
            "reference": reference, "source": source["id"], "source_question": source["question"], "split": "generated"}


def generate(knowledge: Knowledge, sources: Iterable[dict]) -> list[dict]:
    """The generated conversations of the sources (see the module docstring), in a fixed order."""
    sources = list(sources)
    subjects = {s["id"]: _subject(s["question"], knowledge) for s in sources}
    rows: list[dict] = []
    for n, source in enumerate(sources):
        mention = subjects[source["id"]]
        if mention is None:
            continue
        q, entity, chinese = source["question"], mention.entity, _chinese(source["question"])
        others = _others(entity, knowledge)
        sid = source["id"]
        if others:
            other = others[n % len(others)]
            frame = _swap(q, mention, _name(other, chinese))
            name = mention.surface if chinese else _name(entity, False)
            templates = ZH_SWITCH if chinese else EN_SWITCH
            rows.append(_row(f"{sid}-switch", [frame], templates[n % len(templates)].format(x=name), source, "switch", q))
            typo = (ZH_TYPO if chinese else EN_TYPO)[n % len(ZH_TYPO if chinese else EN_TYPO)]
            slip = homophone(name) if chinese and n % 2 else name  # 那济凝呢？: a homophone of the name's last character
            rows.append(_row(f"{sid}-typo", [frame], typo.format(x=slip, lx=slip.lower()), source, "typo", q))
            if chinese:
                rows.append(_row(f"{sid}-trad-switch", [traditional(frame)], traditional(ZH_SWITCH[n % 2].format(x=name)),
                                 source, "traditional", q))
                rows.append(_row(f"{sid}-mixed", [frame], f"What about {_name(entity, False)}?", source, "mixed", q))
                rows.append(_row(f"{sid}-mixed2", [frame], f"那{_name(entity, False)}呢？", source, "mixed", q))
            else:  # the English question about the other entity, then the name in Chinese
                rows.append(_row(f"{sid}-mixed", [frame], f"What about {entity.name}?", source, "mixed", q))
        opener = _opener(source, entity, sources, subjects, knowledge, n)
        if opener is not None:
            follow = _pronoun(q, mention, chinese, n) or ""
            kind = "typo" if source["category"] == "typo" else "pronoun"
            earlier = _opener(source, others[(n + 1) % len(others)], sources, subjects, knowledge, n) if others else None
            before = [earlier] if earlier and n % 3 == 0 and not set(_linked(entity, knowledge)) & {
                m.entity.name for m in knowledge.find(earlier)} else []
            if follow:  # a third of them after a turn about another entity
                rows.append(_row(f"{sid}-pronoun", before + [opener], follow, source, kind, q))
            omitted = _omitted(q, mention, chinese)
            if omitted:  # 济宁配备了多少名网格员？ → 配备了多少名网格员？ (the subject left out)
                openers = ZH_OPENERS if chinese else EN_OPENERS
                opening = openers[n % len(openers)]
                text = opening + (omitted if chinese or not opening else omitted[:1].lower() + omitted[1:])
                rows.append(_row(f"{sid}-omitted", [opener], text, source, "omitted", q))
            if follow and chinese and _chinese(opener):
                rows.append(_row(f"{sid}-trad-pronoun", [traditional(opener)], traditional(follow), source, "traditional", q))
            cross = _opener(source, entity, sources, subjects, knowledge, n, other_language=True)
            if follow and cross is not None:
                rows.append(_row(f"{sid}-mixed-pronoun", [cross], follow, source, "mixed", q))
    return rows


def _opener(source, entity, sources, subjects, knowledge, n, other_language: bool = False) -> str | None:
    """Another source question naming the entity or its linked city or speaker (in the other language if asked)."""
    linked = _linked(entity, knowledge) | {entity.name}
    want = _chinese(source["question"]) != other_language
    pool = [s["question"] for s in sources if s["id"] != source["id"] and subjects[s["id"]] is not None
            and subjects[s["id"]].entity.name in linked and _chinese(s["question"]) == want and s["answers"]]
    return pool[n % len(pool)] if pool else None


def normalised(text: str, knowledge: Knowledge) -> str:
    """A question for comparing rewrites: names as their entity, simplified, without punctuation, space or case."""
    from index.normalize import to_simplified

    english = not _chinese(text)
    text = to_simplified(text)
    for m in sorted(knowledge.find(text), key=lambda m: -m.start):
        text = text[: m.start] + m.entity.name + re.sub(r"^(?:的|那边)", "", text[m.end :])  # 济宁的体系 = 济宁体系
    text = re.sub(r"(?i)\bthe\s+|'s\b", "", text)  # the Xiangtan official = Xiangtan's official
    if english:  # English: the same words in any order (… plants in Nanyang = Nanyang's … plants)
        words = re.findall(r"[a-z0-9\u4e00-\u9fff][a-z0-9\u4e00-\u9fff-]*", text.lower())  # names folded to 大连 count
        return " ".join(sorted(w for w in words if w not in _EN_FUNCTION))
    return re.sub(r"[\s？?！!。.,，'’\"“”]+", "", text).lower()


_EN_FUNCTION = frozenset("the a an in of and so also then".split())


def sample(rows: Sequence[dict], per_kind: int) -> list[dict]:
    """At most per_kind rows of each kind (near misses apart), evenly spread over the sources, in file order."""
    groups: dict = {}
    for row in rows:
        groups.setdefault((row["kind"], row["category"] == "near_miss"), []).append(row)
    keep = set()
    for group in groups.values():
        step = max(len(group) / per_kind, 1.0)
        keep |= {group[int(i * step)]["id"] for i in range(min(per_kind, len(group)))}
    return [r for r in rows if r["id"] in keep]
