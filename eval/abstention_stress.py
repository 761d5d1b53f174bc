"""False-abstention stress test: harmless rewordings of the TUNE answerable questions, asked with the real retriever.

    python -m eval.abstention_stress [--sets gold,readers] [--kinds polite,particle] [--list] [--flips] [--index DIR]

Tune split only (held-out questions are never read). Each answerable tune question that stands alone and that the
judge answers as written is varied the way readers vary a question without changing what it asks (``variants``):

- ``polite``: a polite or persona opening (请问、我想了解一下、麻烦问下、我是做环保的，想问一下; Could you tell me …).
- ``particle``: a trailing particle (…呢？ …啊？), or the question wrapped as 你知道…吗？
- ``de``: 的 left out, or put between a place and what follows it (大连黄标车 → 大连的黄标车).
- ``quantity``: 多少 + measure word ↔ 几 + measure word, 哪些 ↔ 什么.
- ``punct``: the question mark dropped or half-width, full-width spaces, full-width Latin letters and digits.
- ``traditional``: the question in traditional characters (OpenCC s2t).
- ``reorder``: two clauses swapped (A，B？ → B，A？) when only the second asks.
- ``title``: a speaker's surname and title instead of the name (许伟 → 许局长), where the title is the index's own and
  the surname and title pick one speaker.
- ``lower`` / ``no_mark``: an English question lower-cased, or without its question mark.
- ``dictation``: a Chinese question as a reporter dictates it by voice input: no punctuation, fillers at the opening
  and at a clause break (那个、嗯、就是说), 来着 after a what/which question.
- ``homophone``: one character of a word the text writes swapped for the commonest character that reads the same
  (speech-to-text: 段 → 断, 市区 → 市去), never in a name of the index.
- ``learner``: learner Chinese: 位 as the measure word of anything counted and 们 after the counted noun (多少个项目 →
  多少位项目们), 哪一位 for 哪个/哪家, 的 between 什么 and its noun (有什么的问题).
- ``official``: the formal wrapping 关于…的情况，请简述 / 请说明：… around the question.
- ``en_order``: an English how-many/how-much question in learner (Chinese) word order: the name first, the auxiliary
  dropped, the asking words after it or last (How many boilers did Dalian remove? → Dalian how many boilers remove? /
  Dalian boilers remove how many).
- ``pinyin``: an English question's pinyin names lower-cased, a city's glued to 市's shi (Dalian → dalian, dalianshi;
  Dalian City → dalianshi).
- ``yesno``: the skeptic's doubt about the asked fact: 到底/究竟 after the named place or person (大连到底拆除了多少台…),
  真的 in a yes/no question, a closing check (…，是真的吗？ …，对吧？); English: really after the auxiliary (How many
  boilers did Dalian really remove?), Is it true that … before a yes/no question.
- ``negated``: the question asked the other way round: a yes/no question negated (是否推行了 → 难道没有推行…吗, 有没有 →
  是不是根本没有, Does … → Doesn't …, Isn't it true that …); a how-many question with 难道一台都没有吗 after it.
- ``presuppose``: a verification of the asked fact before the question (大连真的拆除过吗，到底拆除了多少台…；大连不是根本
  没拆除吗？…; Did Dalian really remove …, and how many?).
- ``codeswitch``: a bilingual student's Chinese: one Chinese content word written as its English (the domain glossary's
  first phrase: 燃煤锅炉 → coal-fired boiler) and the named place in pinyin without spaces (大连 → Dalian).
- ``cantonese``: written Cantonese (乜嘢、幾多、邊度、邊個、係咪、冇、嘅、咗、佢) in Hong Kong characters (OpenCC s2hk).
- ``regional``: Taiwan's characters and vocabulary (OpenCC s2twp: 信息 → 資訊, 软件 → 軟體) and 「」 for quotation marks.
- ``resident``: the asker's own context before the question (session 16): 我是大连人，在这边住了十几年，想问问…
  (the question's first place; 我是本地人 when it names none); I live in Dalian and my neighbour was asking. …
- ``factcheck``: a how-many question as the fact-checker asks it, quoting a wrong figure (session 16): 大连拆除了多少台…
  → 网上说大连拆除了一千多台…，这个数靠谱吗？ (the passage with the right figure answers it).
- ``instruct``: the chatbot user's instructions around the question (session 17): 请根据这篇对话录回答：…, 根据文章内容，
  …请简要回答。, …用一句话回答。, 请引用原文说明：…; Based on the transcript, …, … Answer briefly., In one sentence: ….
- ``keywords``: a Chinese question as a search-engine user types it (session 17): its content words with spaces, the
  question words left out, 数量 last when it counts (大连拆除了多少台燃煤锅炉 → 大连 拆除 燃煤锅炉 数量).
  Session 16 (resident1, retriever/answerability/preamble.py situated/claimed): resident refused 383/650 -> 8/652,
  factcheck 54/98 -> 6/98 (the six left: ordinal 第几 questions and claims that still ask 哪).

Per kind it prints how many variants were asked, how many the judge refused (false abstentions: the original was
answered) and how many lost the answer passage from the top five (retrieval drops). ``--list`` prints each refused
variant with the judge's reason and the features that weighed most against it; ``--flips`` counts, per kind, the features
that moved by 0.5 or more from the original's (brittleness that a decision may not show yet). Figures are in-sample for the tune
questions the model was fitted on, but the variants themselves were never fitted: a refusal is brittleness.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from eval import metrics
from eval.command import command
from eval.questions import TUNE_SETS, load_questions

KINDS = (
    "polite", "particle", "de", "quantity", "punct", "traditional", "reorder", "title", "lower", "no_mark", "dictation",
    "homophone", "learner", "official", "en_order", "pinyin", "yesno", "negated", "presuppose", "codeswitch",
    "cantonese", "regional", "resident", "factcheck", "instruct", "keywords",
)
ANSWER_K = 5
SHOWN = 4  # the features that weighed most against answering
FLIP = 0.5  # a feature that moves this much on a harmless change is brittle (--flips)

ZH_POLITE = ("请问", "我想了解一下，", "麻烦问下，", "我是做环保的，想问一下：")
EN_POLITE = ("Could you tell me: ", "I'd like to know, ", "Quick question - ")
ZH_PARTICLE = ("呢", "啊")
_QUESTION_MARK = re.compile(r"[？?]+$")
_ZH_ASKS = re.compile(r"多少|几|什么|哪|谁|怎|如何|为何|为什么|吗|啥|是否|有没有")
_MEASURE = "个|家|项|台|辆|名|人|条|座|次|年|种|批|所|位|块|类|件|处|个月|天|亿|万"
_HOW_MANY = re.compile(rf"多少({_MEASURE})")
_FEW = re.compile(rf"(?<![第十])几({_MEASURE})")
_DE_FIXED = re.compile(r"的(?:话|确|士)|目的|有的|别的|真的|似的|[怎这那]样的|什么样的|的$")  # 的 kept when it is no link
_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"}
_ADVERBIAL = re.compile(r"为了|对于|对|关于|针对|在|随着|通过|除了")  # a clause that sets the scene, free to move
_PLACE_TAIL = set("市省县区局的人方边里")
_PUNCT = re.compile(r"[，,。.？?！!、：:；;“”\"《》()（）]+|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")
_OPENERS = ("那个", "嗯那个", "就是说那个")
_WHAT = re.compile(r"(?:叫什么|什么|哪[个家一])(?:名字)?$")
_LEARNER_COUNT = re.compile(r"(多少|几)(?:个|家|项|台|辆|名|条|座|所|块|件|处|批)(?![月天年])")
_LEARNER_WHICH = re.compile(r"哪(?:个|家|一家|一个)")
_LEARNER_WHAT = re.compile(r"什么(?=[\u4e00-\u9fff]{2})(?!样|时候|地方|名字|意思|来着)")
_OFFICIAL = ("关于{}的情况，请简述。", "请说明：{}。")
_EN_HOW = re.compile(r"(?i)^(how (?:many|much))\s+(.+)$")
_EN_NAME = re.compile(r"(?:\b(?:in|of|at|by|for|from)\s+)?\b([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
_EN_AUX = re.compile(r"(?i)\b(?:did|does|do|is|are|was|were|has|have|had)\b\s*")
_EN_WORD = re.compile(r"[A-Za-z]+")
_YESNO_ZH = re.compile(r"吗$|是否|有没有|是不是")
_DOUBT = ("到底", "究竟")
_CHECK_TAGS = ("，是真的吗", "，对吧", "，没错吧")
_RESIDENT_ZH = ("我是{}人，在这边住了十几年，想问问", "我老家在{}，小时候就在那长大，")
_RESIDENT_EN = ("I live in {} and my neighbour was asking. ", "I grew up in {}, so I'm curious. ")
_FACTCHECK_ZH = ("网上说{}，这个数靠谱吗", "有人说{}，是真的吗", "听说{}，这说法对不对")
_WRONG_FIGURE = {"多少": "一千多", "几": "七"}
_INSTRUCT_ZH = ("请根据这篇对话录回答：{}", "根据文章内容，{}请简要回答。", "{}用一句话回答。", "请引用原文说明：{}")
_INSTRUCT_EN = ("Based on the transcript, {}", "{} Answer briefly.", "In one sentence: {}", "According to the text, {} Keep it short.")
_KEYWORD_DROP = ("u", "p", "c", "y", "e", "o", "r", "q", "zg")  # particles, prepositions, pronouns, measure words
_KEYWORD_SKIP = re.compile(r"^(?:多少|几|什么|哪.*|谁|怎么.*|如何|为什么|为何|是否|有没有|是不是|是|有|吗|呢|了|的|在|对|把|被|和|与|跟|都|也|又|还|就|才|要|会|能|可以)$")
_EN_AUX_OPEN = re.compile(r"^(is|are|was|were|does|do|did|has|have|had|can|could|will|would)\b\s*", re.I)
_COUNT_ASK = re.compile(rf"(?:多少|几)({_MEASURE})")
# written Cantonese for Mandarin (simplified; s2hk writes Hong Kong characters after)
_CANTONESE = (
    ("为什么", "点解"), ("怎么样", "点样"), ("怎么", "点样"), ("什么", "乜嘢"), ("多少", "几多"), ("哪里", "边度"),
    ("哪儿", "边度"), ("谁", "边个"), ("是不是", "系咪"), ("没有", "冇"), ("他们", "佢哋"), ("他", "佢"),
    ("这个", "呢个"), ("那个", "嗰个"), ("在", "喺"),
)


def _leading_name(body: str, names: Sequence[str]) -> str:
    """The place or person the question opens with (大连, 许伟), '' when it opens with none."""
    for name in sorted(names, key=len, reverse=True):
        if name and body.startswith(name):
            return name
    return ""


def _first_verb(text: str) -> str:
    """The first verb of two or more characters (jieba's tag), '' when none."""
    from index.tokenize import posseg

    for pair in posseg().lcut(text):
        if pair.flag.startswith("v") and len(pair.word) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", pair.word) \
                and not _ZH_ASKS.search(pair.word) and pair.word not in ("是否", "没有", "就是", "作为", "进行"):
            return pair.word
    return ""


def _doubted(qid: str, body: str) -> str:
    """到底/究竟 before the first verb of a wh-question (真的 in a yes/no one); the body when it doubts already or has no
    verb after its first word."""
    if re.search(r"到底|究竟|真的", body):
        return body
    verb = _first_verb(body[2:])
    if not verb:
        return body
    at = body.find(verb, 2)
    word = "真的" if _YESNO_ZH.search(body) and not _ZH_ASKS.search(_YESNO_ZH.sub("", body)) else _pick(_DOUBT, qid)
    return body[:at] + word + body[at:]


def _negated_zh(body: str, names: Sequence[str]) -> str:
    """A yes/no question asked the other way round; a how-many question with 难道一X都没有吗 after it."""
    if "是否" in body:
        return body.replace("是否", "难道没有", 1).rstrip("吗") + "吗"
    if "有没有" in body:
        return body.replace("有没有", "是不是根本没有", 1)
    if "是不是" in body:
        return body.replace("是不是", "难道不是", 1).rstrip("吗") + "吗"
    if body.endswith("吗"):
        name = _leading_name(body, names)
        return (name + "难道" + body[len(name) :]) if name else "难道" + body
    m = _COUNT_ASK.search(body)
    if m and m.group(1) not in ("年", "天", "个月", "亿", "万"):
        return body + "，难道一" + m.group(1) + "都没有吗"
    return body


def _presupposed(qid: str, body: str, names: Sequence[str]) -> str:
    """A verification of the asked fact before a wh-question: 大连真的拆除过吗，到底…; 大连不是根本没拆除吗？…"""
    name = _leading_name(body, names)
    if not name or _YESNO_ZH.search(body):
        return body
    rest = body[len(name) :].lstrip("的")
    verb = _first_verb(rest)
    if not verb:
        return body
    if qid[-1:] in "02468":
        return f"{name}真的{verb}过吗，到底{rest}"
    return f"{name}不是根本没{verb}吗？{rest}"


_EN_SUBJECT = re.compile(
    r"^((?i:what|which|who|where|when|why|how)\b[^?]*?\b(?:did|does|do|has|have|had)\s+"
    r"(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:'s\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?)\s+([a-z][\w-]*)(.*)$"
)
_EN_COUNT = re.compile(
    r"^how many ([a-z][\w\s-]*?) (did|does|do|has|have) ((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:'s\s+[a-z][\w-]*)?)"
    r"\s+(.+)$", re.I)


def _english_yesno(body: str) -> str:
    """really after a wh-question's auxiliary and named subject (How many boilers did Dalian really remove?)."""
    if _title(body):
        return body
    m = _EN_SUBJECT.match(body)
    return f"{m.group(1)} really {m.group(2)}{m.group(3)}" if m else body


def _english_presupposed(body: str) -> str:
    """A how-many question as the skeptic asks it: Did Dalian really remove coal-fired boilers, and how many?"""
    m = _EN_COUNT.match(body)
    if not m or _title(body):
        return body
    counted, aux, subject, rest = m.groups()
    return f"{aux.capitalize()} {subject} really {rest} {counted}, and how many"


def _title(body: str) -> bool:
    words = re.findall(r"[A-Za-z]+", body)
    return len(words) > 3 and sum(w[0].isupper() for w in words) > len(words) / 2


_NEGATIVE = {"is": "Isn't", "are": "Aren't", "was": "Wasn't", "were": "Weren't", "does": "Doesn't", "do": "Don't",
             "did": "Didn't", "has": "Hasn't", "have": "Haven't", "had": "Hadn't", "can": "Can't", "could": "Couldn't",
             "will": "Won't", "would": "Wouldn't"}


def _english_negated(body: str) -> str:
    m = _EN_AUX_OPEN.match(body)
    return _NEGATIVE[m.group(1).lower()] + " " + body[m.end() :] if m else body


@lru_cache(maxsize=1)
def _english_of() -> dict[str, str]:
    """Chinese term -> the domain glossary's first English phrase for it (index/glossary_en_zh.tsv)."""
    from index.glossary import entries

    out: dict[str, str] = {}
    for phrases, terms in entries():
        for term in terms:
            out.setdefault(term, phrases[0])
    return out


def _codeswitched(body: str, pinyin_of: dict[str, str]) -> str:
    """One Chinese content word in English (the glossary's phrase) and the first named place in pinyin, unspaced."""
    from index.tokenize import tokenize

    out = body
    english = _english_of()
    for word in sorted(set(tokenize(body)), key=len, reverse=True):
        if len(word) >= 2 and word in english and word in out and not _ZH_ASKS.search(word):
            out = out.replace(word, english[word], 1)
            break
    for place in sorted(pinyin_of, key=len, reverse=True):
        if place in out:
            at = out.find(place)
            after = out[at + len(place) : at + len(place) + 1]
            out = out[:at] + pinyin_of[place] + (" " if after.isascii() and after.isalpha() else "") + out[at + len(place) :]
            break
    return out


def _cantonese(body: str) -> str:
    text = body
    for mandarin, canto in _CANTONESE:
        text = text.replace(mandarin, canto)
    text = re.sub(r"(?<=[\u4e00-\u9fff])了(?=[\u4e00-\u9fff])", "咗", text)
    text = re.sub(r"吗$", "呀", text)
    return _s2hk().convert(text) if text != body else body


def _simplified(question: str) -> bool:
    from index.normalize import to_simplified

    return to_simplified(question) == question


@lru_cache(maxsize=1)
def _s2hk():
    import opencc

    return opencc.OpenCC("s2hk")


@lru_cache(maxsize=1)
def _s2twp():
    import opencc

    return opencc.OpenCC("s2twp")


@dataclass(frozen=True)
class Variant:
    """One rewording of a tune question: its kind and text."""

    id: str
    kind: str
    question: str
    original: str


def _body(question: str) -> str:
    return _QUESTION_MARK.sub("", question.strip())


def _pick(options: Sequence[str], key: str) -> str:
    """One option, the same one for a question on every run (no randomness, no hash seed)."""
    return options[sum(map(ord, key)) % len(options)]


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _zh(question: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", question))


def _noun_at(text: str) -> bool:
    """Whether the text starts with a noun (jieba's dictionary tag): 大连|黄标车 takes 的, 济宁|出台 does not."""
    from index.tokenize import posseg

    words = [w for w in posseg().lcut(text[:8])]
    return bool(words) and words[0].flag.startswith("n") and len(words[0].word) >= 2


def titles_of(speakers) -> dict[str, str]:
    """Speaker name -> surname + title (许伟 -> 许局长, 区锦雄 -> 区副总裁) where that pair names one speaker only; a host
    and a name that is not a person's (中国环境报) get none."""
    pairs: dict[str, list[str]] = {}
    for s in speakers:
        if 2 <= len(s.name) <= 3 and len(s.title) >= 2 and "主持" not in s.title + s.role:
            pairs.setdefault(s.name[0] + s.title, []).append(s.name)
    return {names[0]: pair for pair, names in pairs.items() if len(names) == 1}


@lru_cache(maxsize=1)
def _same_sound() -> dict[str, str]:
    """Toneless reading -> the commonest character of jieba's dictionary with that reading (its single-character
    words' counts), and the second commonest under reading + '2' (for the first one itself)."""
    from index.pinyin import char_readings
    from retriever.answerability.units import pos_tagger

    freq = pos_tagger().dt.tokenizer.FREQ
    ranked: dict[str, list[tuple[int, str]]] = {}
    for word, n in freq.items():
        if len(word) == 1 and "\u4e00" <= word <= "\u9fff" and n > 0 and char_readings(word):
            ranked.setdefault(char_readings(word)[0], []).append((n, word))
    out = {}
    for reading, chars in ranked.items():
        chars.sort(reverse=True)
        out[reading] = chars[0][1]
        if len(chars) > 1:
            out[reading + "2"] = chars[1][1]
    return out


def homophone_slip(body: str, protected: Sequence[str] = ()) -> str:
    """The question with the last character of its last word of two or more characters (outside the index's names
    and the question words) swapped for the commonest other character that reads the same; the body when none."""
    from index.pinyin import char_readings
    from index.tokenize import tokenize

    table = _same_sound()
    for word in reversed(tokenize(body)):
        if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or _ZH_ASKS.search(word):
            continue
        at = body.rfind(word)
        if at < 0:  # cut from the question's simplified form (大連 is cut as 大连)
            continue
        if any(p in body and body.find(p) <= at < body.find(p) + len(p) + len(word) for p in protected if p):
            continue
        last = word[-1]
        readings = char_readings(last)
        if not readings:
            continue
        other = table.get(readings[0])
        if other == last:
            other = table.get(readings[0] + "2")
        if other and other != last:
            return body[: at + len(word) - 1] + other + body[at + len(word) :]
    return body


def _learner(body: str) -> str:
    """Learner Chinese by rule (see the module's ``learner``); the body when no rule applies."""
    from index.tokenize import posseg

    m = _LEARNER_COUNT.search(body)
    if m:
        rest = body[m.end() :]
        noun = ""
        for pair in posseg().lcut(rest):  # the counted noun phrase: its nouns and noun-like words
            if not (pair.flag[:1] in "nab" or pair.flag == "vn") or not re.fullmatch(r"[\u4e00-\u9fff]+", pair.word):
                break
            noun += pair.word
        return body[: m.start()] + m.group(1) + "位" + noun + ("们" if noun else "") + rest[len(noun) :]
    if _LEARNER_WHICH.search(body):
        return _LEARNER_WHICH.sub("哪一位", body, count=1)
    if _LEARNER_WHAT.search(body):
        return _LEARNER_WHAT.sub("什么的", body, count=1)
    return body


def _dictated(qid: str, body: str) -> str:
    """A question as dictated by voice (see the module's ``dictation``)."""
    clauses = [c for c in re.split(r"[，,；;：:]", body) if c]
    spoken = "就是说".join(_PUNCT.sub("", c) for c in clauses)
    spoken = _pick(_OPENERS, qid) + spoken
    if _WHAT.search(spoken):
        spoken += "来着"
    return spoken


def en_order(qid: str, body: str) -> str:
    """An English how-many/how-much question in learner word order (see the module's ``en_order``); '' when it has
    no such opening or no capitalised name after it."""
    m = _EN_HOW.match(body.strip())
    if not m:
        return ""
    asking, rest = m.group(1).lower(), m.group(2)
    name = _EN_NAME.search(rest)
    if not name:
        return ""
    rest = " ".join(_EN_AUX.sub("", rest[: name.start()] + " " + rest[name.end() :], count=1).split())
    if not rest:
        return ""
    if qid[-1:] in "02468":
        return f"{name.group(1)} {asking} {rest}?"
    return f"{name.group(1)} {rest} {asking}"


def pinyin_names(qid: str, question: str, places: Sequence[str]) -> str:
    """An English question's pinyin names lower-cased, a city glued to shi (see the module's ``pinyin``)."""
    from index.pinyin import is_pinyin, word_spellings

    cities = {sp.lower() for p in places for sp in word_spellings(p)}
    glue = qid[-1:] in "13579"

    def lowered(m: re.Match) -> str:
        word = m.group(0)
        if not word[:1].isupper() or not is_pinyin(word.lower()):
            return word
        low = word.lower()
        return low + "shi" if glue and low in cities else low

    out = re.sub(r"\b([A-Z][a-z]+) City\b", lambda m: m.group(1).lower() + "shi"
                 if m.group(1).lower() in cities else m.group(0), question)
    return _EN_WORD.sub(lowered, out)


def variants(
    qid: str, question: str, lang: str, titles: dict[str, str] | None = None, places: Sequence[str] = (),
    names: Sequence[str] = (), pinyin_of: dict[str, str] | None = None,
) -> Iterator[Variant]:
    """The meaning-preserving rewordings of one question, at most one per kind, each different from it.

    Args:
        qid: the question's id (which polite opening or particle it gets, the same on every run).
        question: the question as written.
        lang: 'zh', 'en' or 'mixed'.
        titles: speaker name -> surname + title (titles_of).
        places: place names of the index (大连, 济宁), for putting 的 after them.
        names: the places and speakers a question may open with (yesno, presuppose).
        pinyin_of: place -> its pinyin without spaces (codeswitch).
    """
    body = _body(question)
    mark = "？" if _zh(question) else "?"
    out: dict[str, str] = {}
    if lang == "en":
        polite = _pick(EN_POLITE, qid)
        out["polite"] = polite + body[:1].lower() + body[1:] + "?"
        out["lower"] = question.lower()
        out["no_mark"] = body
        out["punct"] = body + " ？"
        ordered = en_order(qid, body)
        if ordered:
            out["en_order"] = ordered
        named = pinyin_names(qid, question, places)
        if named != question and named != question.lower():
            out["pinyin"] = named
        for kind, text in (("yesno", _english_yesno(body)), ("negated", _english_negated(body)),
                           ("presuppose", _english_presupposed(body))):
            if text != body:
                out[kind] = text + "?"
    else:
        out["polite"] = _pick(ZH_POLITE, qid) + question
        keywords = " " in body.strip() and not _ZH_ASKS.search(body)  # 南阳 南水北调 领导小组: no sentence to vary
        if keywords:
            pass
        elif body[-1:] in "呢啊吗吧呀":
            out["particle"] = body[:-1] + mark
        elif _ZH_ASKS.search(body) and "吗" not in body and qid[-1:] in "13579":
            out["particle"] = "你知道" + body + "吗" + mark
        else:
            out["particle"] = body + _pick(ZH_PARTICLE, qid) + mark
        if keywords:
            pass
        elif "的" in _DE_FIXED.sub("", body):
            kept = [m.span() for m in _DE_FIXED.finditer(body)]
            out["de"] = "".join(
                c for i, c in enumerate(body) if c != "的" or any(a <= i < b for a, b in kept)
            ) + mark
        else:
            for place in sorted(places, key=len, reverse=True):
                at = body.find(place)
                end = at + len(place)
                if at >= 0 and end < len(body) and body[end] not in _PLACE_TAIL and _noun_at(body[end:]):
                    out["de"] = body[:end] + "的" + body[end:] + mark
                    break
        swapped = _HOW_MANY.sub(r"几\1", body) if _HOW_MANY.search(body) else _FEW.sub(r"多少\1", body)
        if swapped == body:
            swapped = body.replace("哪些", "什么") if "哪些" in body else body
        if swapped != body:
            out["quantity"] = swapped + mark
        if qid[-1:] in "02468":
            out["punct"] = body
        else:
            spaced = re.sub(r"[，,]", "，　", body)
            out["punct"] = (spaced if spaced != body else "　" + body).translate(str.maketrans(_FULL_WIDTH)) + "?"
        out["traditional"] = _s2t().convert(question)
        clauses = re.split(r"[，,]", body)
        scene, asks = (clauses + [""])[:2]
        if len(clauses) == 2 and min(len(scene), len(asks)) >= 4 and _ADVERBIAL.match(scene) and _ZH_ASKS.search(asks) \
                and not _ZH_ASKS.search(scene):
            out["reorder"] = clauses[1] + "，" + clauses[0] + mark
        for name, title in (titles or {}).items():
            if name in question:
                out["title"] = question.replace(name, title)
                break
        if not keywords:
            out["dictation"] = _dictated(qid, body)
            slipped = homophone_slip(body, [*places, *(titles or {})])
            if slipped != body:
                out["homophone"] = slipped + mark
            learner = _learner(body)
            if learner != body:
                out["learner"] = learner + mark
            if not body.startswith(("关于", "请")):
                out["official"] = _pick(_OFFICIAL, qid).format(_QUESTION_MARK.sub("", body.rstrip("。")))
            body = body.rstrip("。")
            doubted = _doubted(qid, body)
            out["yesno"] = (doubted if doubted != body else body + _pick(_CHECK_TAGS, qid)) + mark
            negated = _negated_zh(body, names)
            if negated != body:
                out["negated"] = negated + mark
            presupposed = _presupposed(qid, body, names)
            if presupposed != body:
                out["presuppose"] = presupposed + mark
            if lang == "zh" and _simplified(question):
                switched = _codeswitched(body, pinyin_of or {})
                if switched != body:
                    out["codeswitch"] = switched + mark
                canto = _cantonese(body)
                if canto != body:
                    out["cantonese"] = canto + "？"
                out["regional"] = _s2twp().convert(question).replace("“", "「").replace("”", "」")
    place = next((p for p in sorted(places, key=len, reverse=True) if p and p in question), "")
    if lang == "zh":
        out["resident"] = _pick(_RESIDENT_ZH, qid).format(place or "本地") + question
        m = _COUNT_ASK.search(body)
        if m and m.group(1) not in ("年", "天", "个月") and not _YESNO_ZH.search(body) and body.count("多少") + body.count("几") == 1:
            asked = m.group(0)
            wrong = _WRONG_FIGURE["多少" if asked.startswith("多少") else "几"] + m.group(1)
            out["factcheck"] = _pick(_FACTCHECK_ZH, qid).format(body.replace(asked, wrong, 1)) + "？"
    elif lang == "en":
        named = next((w for w in re.findall(r"\b[A-Z][a-z]+\b", question[1:]) if w.lower() in
                      {n.lower() for n in (pinyin_of or {}).values()}), "")
        if named:
            out["resident"] = _pick(_RESIDENT_EN, qid).format(named) + question
    if lang == "en":
        instructed = _pick(_INSTRUCT_EN, qid)
        out["instruct"] = instructed.format(question[:1].lower() + question[1:] if instructed[0] != "{" else question)
    elif lang == "zh":
        out["instruct"] = _pick(_INSTRUCT_ZH, qid).format(question)
        out["keywords"] = _keywords(body)
    for kind, text in out.items():
        if text != question and text.strip():
            yield Variant(qid, kind, text, question)


def _keywords(body: str) -> str:
    """A search-engine user's keywords for a Chinese question: its content words with spaces between them, the question
    words left out and 数量 last when it counts (大连拆除了多少台燃煤锅炉 → 大连 拆除 燃煤锅炉 数量); "" when fewer than two
    words are left."""
    from index.tokenize import posseg

    words = [p.word for p in posseg().lcut(_QUESTION_MARK.sub("", body)) if p.word.strip() and not p.flag.startswith(
        _KEYWORD_DROP) and (len(p.word) > 1 or p.word.isdigit()) and not _KEYWORD_SKIP.match(p.word) and not re.fullmatch(r"[，,。、：:；;“”\"《》]+", p.word)]
    words = [w for w in words if not _COUNT_ASK.fullmatch(w) and w not in ("多少", "几")]
    if re.search(r"多少|几", body):
        words.append("数量")
    return " ".join(dict.fromkeys(words)) if len(words) >= 2 else ""


@dataclass
class Outcome:
    """One asked variant: refused or not, whether the answer passage left the top five, and why it was refused."""

    variant: Variant
    refused: bool
    dropped: bool
    probability: float = 0.0
    reason: str = ""
    against: str = ""
    moved: tuple[str, ...] = ()  # features that moved by FLIP or more from the original's (with flips=True)


def _found(answer, answers: Sequence[str]) -> bool:
    return any(metrics.contains_answer(hit.text, list(answers)) for hit in answer.passages[:ANSWER_K])


def stress(
    retriever, questions, kinds: Sequence[str] = KINDS, explain: bool = False, flips: bool = False
) -> tuple[dict, list[Outcome]]:
    """Ask every variant of the answerable questions answered as written.

    Args:
        retriever: a loaded retriever.Retriever.
        questions: eval.questions.EvalQuestion list (the tune split; follow-ups and unanswerable ones are skipped).
        kinds: the variant kinds to ask.
        explain: compute the judge's reason and strongest features against each refusal.
        flips: compare every variant's features with the original's (Outcome.moved; twice the searches).

    Returns:
        ({"originals": (answered, asked), kind: (variants, refused, dropped)}, every Outcome).
    """
    from retriever.service import evidence_for

    titles = titles_of(retriever.speakers.values())
    places = sorted({p for s in retriever.speakers.values() for p in _cities(s)})
    names = places + [s.name for s in retriever.speakers.values() if 2 <= len(s.name) <= 4]
    pinyin_of = _pinyin_names(places) | _pinyin_speakers(retriever.speakers.values())
    judge = retriever.answerability
    counts: dict = {kind: [0, 0, 0] for kind in kinds}
    outcomes: list[Outcome] = []
    asked = answered = 0
    for q in questions:
        if not q.answerable or q.history:
            continue
        asked += 1
        original = retriever.answer(q.question, k=ANSWER_K)
        if original.abstained:
            continue
        answered += 1
        found = _found(original, q.answers)
        before = judge.analyse(evidence_for(retriever, q.question)).values if flips else {}
        for variant in variants(q.id, q.question, q.lang, titles, places, names, pinyin_of):
            if variant.kind not in counts:
                continue
            answer = retriever.answer(variant.question, k=ANSWER_K)
            outcome = Outcome(variant, answer.abstained, found and not _found(answer, q.answers), answer.confidence)
            if outcome.refused and explain:
                analysis = judge.analyse(evidence_for(retriever, variant.question))
                ranked = sorted(judge.model.contributions(analysis).items(), key=lambda kv: kv[1])
                outcome.reason = answer.notice
                outcome.against = ", ".join(f"{k} {v:+.2f}" for k, v in ranked[:SHOWN] if v < 0)
            if flips:
                after = judge.analyse(evidence_for(retriever, variant.question)).values
                outcome.moved = tuple(f for f in judge.model.features if abs(after[f] - before[f]) >= FLIP)
            tally = counts[variant.kind]
            tally[0] += 1
            tally[1] += outcome.refused
            tally[2] += outcome.dropped
            outcomes.append(outcome)
    return {"originals": (answered, asked)} | {k: tuple(v) for k, v in counts.items()}, outcomes


def _pinyin_names(places: Sequence[str]) -> dict[str, str]:
    """Place -> its pinyin without spaces, capitalised (大连 -> Dalian)."""
    from pypinyin import lazy_pinyin

    return {p: "".join(lazy_pinyin(p)).capitalize() for p in places if re.fullmatch(r"[\u4e00-\u9fff]+", p)}


def _pinyin_speakers(speakers) -> dict[str, str]:
    """Speaker name -> its pinyin without spaces, lower case (苏国军 -> suguojun), as a student types a name."""
    from pypinyin import lazy_pinyin

    return {s.name: "".join(lazy_pinyin(s.name)) for s in speakers if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", s.name)}


def _cities(speaker) -> list[str]:
    from retriever.answerability.entities import cities_of

    return cities_of(speaker)


def table(counts: dict) -> str:
    """One line per kind (variants, refused, dropped from the top five) and the total."""
    answered, asked = counts["originals"]
    lines = [f"originals answered {answered} of {asked} answerable tune questions"]
    total = [0, 0, 0]
    for kind, tally in counts.items():
        n, refused, dropped = tally if kind != "originals" else (0, 0, 0)
        if not n:
            continue
        total = [t + x for t, x in zip(total, (n, refused, dropped))]
        lines.append(f"{kind:<12} variants {n:>4}  refused {refused:>3} ({refused / n:.3f})  dropped {dropped:>3} ({dropped / n:.3f})")
    n, refused, dropped = total
    if n:
        lines.append(f"{'ALL':<12} variants {n:>4}  refused {refused:>3} ({refused / n:.3f})  dropped {dropped:>3} ({dropped / n:.3f})")
    return "\n".join(lines)


def flip_table(outcomes: Sequence[Outcome]) -> str:
    """Per kind, the features that moved by FLIP or more on a harmless change, most often first."""
    from collections import Counter

    lines = []
    for kind in dict.fromkeys(o.variant.kind for o in outcomes):
        moved = Counter(f for o in outcomes if o.variant.kind == kind for f in o.moved)
        n = sum(o.variant.kind == kind for o in outcomes)
        shown = ", ".join(f"{f} {c}" for f, c in moved.most_common(6))
        lines.append(f"{kind:<12} of {n:>4}: {shown or '-'}")
    return "\n".join(lines)


@command
def main(argv: Sequence[str] | None = None) -> int:
    from eval.run import opened_retriever
    from index.env import apply_defaults
    from index.errors import InvalidArgumentError

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.abstention_stress", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(TUNE_SETS))
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"variant kinds to ask (of {', '.join(KINDS)})")
    parser.add_argument("--index", default=None)
    parser.add_argument("--list", action="store_true", help="print every refused variant with the judge's reason")
    parser.add_argument("--flips", action="store_true", help="also count the features that move on each kind")
    parser.add_argument("--lang", default="", help="only questions of these languages (en,mixed or zh)")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise InvalidArgumentError(f"unknown variant kind {unknown}; kinds are {', '.join(KINDS)}")
    questions = load_questions(tuple(s for s in args.sets.split(",") if s), split="tune")
    langs = [x for x in args.lang.split(",") if x]
    questions = [q for q in questions if not langs or q.lang in langs]
    with opened_retriever(args.index) as retriever:
        counts, outcomes = stress(retriever, questions, kinds, explain=args.list, flips=args.flips)
        print(table(counts))
        if args.flips:
            print(f"\nfeatures moved by {FLIP} or more from the original's (how many variants)\n" + flip_table(outcomes))
        if args.list:
            for o in outcomes:
                if o.refused:
                    v = o.variant
                    print(f"\n{v.id} [{v.kind}] refused p={o.probability:.2f}: {v.question}\n    original: {v.original}"
                          f"\n    against: {o.against or '-'}; {o.reason}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
