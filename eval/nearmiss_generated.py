"""Near misses generated from the tune split's answerable questions by how the text states a number (session 27, nm8).

Each pattern rewrites an answerable tune question so that it asks a fact the text does not give in the way the text
states facts, or so that it asks the same fact in other words (the fail-open checks). The text gives its figures
in its own units and on one side of its own bounds: 10吨以下 (so 10吨以上 asks what it never gives), 吨 (so 公斤
asks the same dimension: answerable), no area or weight of a thing counted (多少台 → 多少公顷 asks what it never
gives). Patterns:

- bound_flip (near miss): a question setting a bound on a quantity (10吨以下, under 10 tonnes) asks the other side.
- measure_same (answerable): a number asked in 吨, 平方公里 or 立方米 is asked in another unit of its dimension.
- measure_other (near miss): a count of things (多少台, 多少家, 多少个) or a sum of money (多少钱, 多少元) is asked
  as an area or a weight (多少公顷, 多少公斤, 多少亩; seeded choice).
- percent_much (answerable): an English 'what percentage' is asked as 'how much percent' (a learner's wording).

Session 28 (nm9): near misses that ask a finer grain or another attribute than the text gives, by how people ask:

- day_finer / month_finer (near miss): a when-question (哪一年, 什么时候, when, what year) whose answer the text gives
  as a year or a part of one (2012年初) asks the day (哪一天, 几月几号, On what exact date) or the month (几月, In
  which month); day_same / month_same (answerable): the same rewrite where the answer writes a day (12月17日).
- role_unwritten (near miss): a question asking who holds a role (局长叫什么名字, Who is the editor-in-chief) asks the
  holder of a role the text never writes (部长, 省长, minister, governor; seeded choice).
- role_deputy (near miss): the holder of that role's deputy (副局长, deputy editor-in-chief) where the text never
  writes the deputy's title.
- kind_english (answerable): a Chinese which-question's kind (哪家公司, 哪所高校) written in English (哪家 company);
  kind_english_other (near miss): an English kind the text never names (哪家 hospital, 哪家 bank when no bank is
  named: seeded choice of kinds absent from the text).

Session 29 (nm10): an amount asked per item or per period where the text gives a total or one figure:

- rate_year (near miss): a question asking an amount (多少钱, 多少吨, how much; not a count of things, not a year)
  asks it per year (多少 -> 每年多少, '... each year?') where the gold answer writes no rate (每, 均, 元/辆, 全年);
  rate_same (answerable): the same rewrite where the gold answer writes one.
- role_deputy's questions are judged with session 29's deputy reading (副局长, deputy editor-in-chief) off and on.

Session 30 (nm11): a count asked with 个 where the text gives a number of levels, and its fail-open twin:

- levels_count (near miss): a question asking how many levels a thing has (几级环境监管网格, 分了几级) asks how many of
  the thing there are (多少个环境监管网格, 一共有几个); the text gives the levels (4级网格), not a count of the thing.
- count_ge (answerable): a bare count (多少家企业, 多少座) asked with 个 before its noun (多少个企业): the same count.

Usage (tune rows only; the stored model; each question judged with the rules of --before (27: session 27's) off
and on):

    python -m eval.nearmiss_generated [--seed 27] [--index index_store/default] [--show] [--before 27]
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from eval.command import command, one_line_parser
from eval.questions import TUNE_SETS, load_questions

_BOUND_FLIPS = (("以下", "以上"), ("以上", "以下"), ("以内", "以上"), ("不足", "超过"), ("不到", "超过"), ("超过", "不到"))
_EN_FLIPS = (("under", "over"), ("below", "above"), ("less than", "more than"), ("over", "under"), ("above", "below"),
             ("more than", "less than"))
_SAME = (("多少万吨", "多少公斤"), ("多少吨", "多少公斤"), ("多少平方公里", "多少公顷"), ("多少立方米", "多少升"))
_COUNT_ASKED = re.compile(r"多少(?:台|家|个|座|项|辆)|多少钱|多少元")
_OTHER = ("多少公顷", "多少公斤", "多少亩")
_PERCENT_EN = re.compile(r"\bwhat (?:percentage|percent)\b", re.I)


def _bounded(question: str) -> bool:
    from retriever.answerability.quantity import bounds_in

    return bool(bounds_in(question))


_ZH_WHEN = (("哪一年", "哪一天"), ("哪年", "哪天"), ("什么时候", "几月几号"), ("何时", "哪一天"), ("什么时间", "哪一天"))
_ZH_WHEN_MONTH = (("哪一年", "哪个月"), ("哪年", "几月"), ("什么时候", "几月份"), ("何时", "哪个月"), ("什么时间", "几月"))
_EN_WHEN = re.compile(r"^\s*(?:when|in what year|in which year|what year)\b", re.I)
_ZH_ROLES_ASKED = re.compile(r"(?:局长|市长|书记|总编辑|副总裁)(?=叫什么|是谁|的名字|是哪位)")
_EN_WHO_ROLE = re.compile(
    r"^\s*(?:who (?:is|was)|what is the name of) (?:the )?(?:[\w-]+ ){0,2}?(mayor|director|editor-in-chief|editor"
    r"|vice president|secretary)\b", re.I
)
_ROLES_UNWRITTEN = (("部长", "minister"), ("省长", "governor"), ("总理", "premier"), ("发言人", "spokesperson"))
_KINDS_EN = {"公司": "company", "高校": "university", "大学": "university", "部门": "department", "报社": "newspaper",
             "城市": "city", "企业": "company"}
_KINDS_ABSENT = (("医院", "hospital"), ("保险公司", "insurer"), ("律师事务所", "law firm"), ("航空公司", "airline"))
_ZH_WHICH_KIND = re.compile(r"(哪一?[家所个座])(%s)" % "|".join(_KINDS_EN))


def _text() -> str:
    from index.build import DEFAULT_CORPUS

    return open(DEFAULT_CORPUS, encoding="utf-8").read()


def _finer(questions, out: list, rng: random.Random) -> None:
    """day_finer, month_finer, day_same, month_same: a when-question asked at the day's or the month's grain."""
    from retriever.answerability.answer_check import _DAY, _MONTH
    from retriever.answerability.asked import answer_kind, asks_day

    for q in questions:
        lang = "zh" if q.lang == "zh" else "en"
        if answer_kind(q.question, lang) != "time" or asks_day(q.question):
            continue
        has_day = any(_DAY.search(a) for a in q.answers)
        has_month = has_day or any(_MONTH.search(a) for a in q.answers)
        for grain, table, english, given in (("day", _ZH_WHEN, "On what exact date", has_day),
                                             ("month", _ZH_WHEN_MONTH, "In which month", has_month)):
            text = None
            if lang == "zh":
                text = next((q.question.replace(old, new, 1) for old, new in table if old in q.question), None)
            elif _EN_WHEN.search(q.question):
                rest = _EN_WHEN.sub("", q.question, count=1)
                text = english + (rest if rest.startswith(" ") else " " + rest)
            if text:
                out.append((f"{grain}_{'same' if given else 'finer'}", q.id, text, given))


def _roles(questions, out: list, rng: random.Random, text: str) -> None:
    """role_unwritten: who holds a role the text never writes."""
    absent = [(zh, en) for zh, en in _ROLES_UNWRITTEN if zh not in text]
    for q in questions:
        zh, en = rng.choice(absent) if absent else ("", "")
        if not zh:
            return
        if q.lang == "zh" and _ZH_ROLES_ASKED.search(q.question):
            out.append(("role_unwritten", q.id, _ZH_ROLES_ASKED.sub(zh, q.question, count=1), False))
        elif q.lang != "zh" and (asked := _EN_WHO_ROLE.match(q.question)):
            out.append(("role_unwritten", q.id, q.question[: asked.start(1)] + en + q.question[asked.end(1):], False))


def _deputies(questions, out: list, text: str) -> None:
    """role_deputy: the holder of the asked role's deputy (副局长, deputy editor-in-chief) where the text never writes
    the deputy's title (a near miss; a deputy the text writes is left out: its label is not known)."""
    from retriever.answerability.asked import asked_roles

    for q in questions:
        if q.lang == "zh":
            match = _ZH_ROLES_ASKED.search(q.question)
            new = q.question[: match.start()] + "副" + q.question[match.start():] if match and not (
                match.group(0).startswith("副")) else None
        else:
            match = _EN_WHO_ROLE.match(q.question)
            new = q.question[: match.start(1)] + "deputy " + q.question[match.start(1):] if match and not re.search(
                r"(?:deputy|vice)[- ]$", q.question[: match.start(1)], re.I) else None
        if new is None:
            continue
        roles = asked_roles(new, "zh" if q.lang == "zh" else "en")
        if roles and not any(r in text for r in roles):
            out.append(("role_deputy", q.id, new, False))


def _kinds(questions, out: list, rng: random.Random, text: str) -> None:
    """kind_english (answerable) and kind_english_other (near miss): 哪家公司 as 哪家 company, 哪家 hospital."""
    absent = [en for zh, en in _KINDS_ABSENT if zh not in text]
    for q in questions:
        match = _ZH_WHICH_KIND.search(q.question) if q.lang == "zh" else None
        if match is None:
            continue
        head = q.question[: match.start(2)]
        tail = q.question[match.end(2):]
        out.append(("kind_english", q.id, f"{head} {_KINDS_EN[match.group(2)]} {tail}".replace("  ", " "), True))
        if absent:
            out.append(("kind_english_other", q.id, f"{head} {rng.choice(absent)} {tail}", False))


_EN_AMOUNT = re.compile(r"\bhow (?:much|many)\b", re.I)


def _rates(questions, out: list) -> None:
    """rate_year (near miss) and rate_same (answerable): an amount asked per year (每年多少, '... each year?')."""
    from index.normalize import canonical
    from retriever.answerability.eras import rule_on
    from retriever.answerability.quantity import RATE_WRITTEN, asked_unit, counted_unit, counts_things

    if not rule_on(29):
        return
    for q in questions:
        text = canonical(q.question)
        unit = counted_unit(text, asked_unit(text))
        if unit is None or unit in ("年", "%") or counts_things(unit) or re.search(r"每|each|per\b|平均|average", text, re.I):
            continue
        if q.lang == "zh":
            at = re.search(r"多少(?![年起个家台辆项次件名人位])", q.question)  # not 多少年历史, 多少起 (a count)
            new = q.question[: at.start()] + "每年" + q.question[at.start():] if at else None
        else:
            new = re.sub(r"\s*\?\s*$", " each year?", q.question, count=1) if (
                _EN_AMOUNT.search(q.question) and q.question.rstrip().endswith("?")) else None
        if new and new != q.question:
            given = any(RATE_WRITTEN.search(a) for a in q.answers)
            out.append(("rate_same" if given else "rate_year", q.id, new, given))


_LEVELS_ASKED = re.compile(r"[几幾]级(?![就是啊呢吗吧])(?=[\u4e00-\u9fff]{2})")
_COUNTED_ANSWER = re.compile(r"(?:\d+|[一二两三四五六七八九十百千万]+)\s*(?:余|多)?\s*[个家台座项条所处辆件名人位]")
_LEVELS_END = re.compile(r"(一共|总共|共)?分了?[几幾]级")
_BARE_COUNT = re.compile(r"多少(?![个年起次天钱元万亿吨台家名人位项件辆座条所处类种%倍])(?=[\u4e00-\u9fff]{2})")


def _levels(questions, out: list) -> None:
    """levels_count (near miss): how many levels a thing has asked as how many of the thing (几级X -> 多少个X)."""
    for q in questions:
        if q.lang != "zh":
            continue
        if _LEVELS_ASKED.search(q.question):
            for new in ("多少个", "几个"):
                out.append(("levels_count", q.id, _LEVELS_ASKED.sub(new, q.question, count=1), False))
        elif _LEVELS_END.search(q.question):
            out.append(("levels_count", q.id, _LEVELS_END.sub("一共有多少个", q.question, count=1), False))


def _count_ge(questions, out: list) -> None:
    """count_ge (answerable): a bare 多少 + noun count asked with 个 (多少企业 -> 多少个企业)."""
    from index.normalize import canonical
    from retriever.answerability.quantity import COUNT, asked_unit, counted_unit

    for q in questions:
        if q.lang != "zh" or not _BARE_COUNT.search(q.question):
            continue
        text = canonical(q.question)
        if counted_unit(text, asked_unit(text)) != COUNT or not any(_COUNTED_ANSWER.search(a) for a in q.answers):
            continue  # a count of things or people the answer gives with a measure word (not 多少水, 多少二氧化硫)
        out.append(("count_ge", q.id, _BARE_COUNT.sub("多少个", q.question, count=1), True))


def generate(questions, seed: int = 27) -> list[tuple[str, str, str, bool]]:
    """(pattern, source id, question, answerable) for every rewrite the patterns make of the answerable questions."""
    rng = random.Random(seed)
    out = []
    for q in questions:
        if not q.answerable or q.history:
            continue
        text = q.question
        if _bounded(text):
            for old, new in _BOUND_FLIPS if re.search(r"[\u4e00-\u9fff]", text) else ():
                if old in text:
                    out.append(("bound_flip", q.id, text.replace(old, new, 1), False))
                    break
            for old, new in _EN_FLIPS:
                if re.search(rf"\b{old}\s+\d", text, re.I):
                    out.append(("bound_flip", q.id, re.sub(rf"\b{old}(?=\s+\d)", new, text, count=1, flags=re.I),
                                False))
                    break
        for old, new in _SAME:
            if old in text:
                out.append(("measure_same", q.id, text.replace(old, new, 1), True))
                break
        match = _COUNT_ASKED.search(text)
        if match:
            new = rng.choice(_OTHER)
            out.append(("measure_other", q.id, text[: match.start()] + new + text[match.end():], False))
        if _PERCENT_EN.search(text):
            out.append(("percent_much", q.id, _PERCENT_EN.sub("how much percent", text, count=1), True))
    answerable = [q for q in questions if q.answerable and not q.history]
    rng28 = random.Random(seed + 1)  # session 28's patterns draw from their own stream: session 27's rows stay put
    corpus = _text()
    _finer(answerable, out, rng28)
    _roles(answerable, out, rng28, corpus)
    _kinds(answerable, out, rng28, corpus)
    _deputies(answerable, out, corpus)
    _rates(answerable, out)
    _levels(answerable, out)
    _count_ge(answerable, out)
    return out


@command
def main(argv: Sequence[str] | None = None) -> int:
    parser = one_line_parser("python -m eval.nearmiss_generated", __doc__)
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--index", default="")
    parser.add_argument("--show", action="store_true", help="print every generated question and its verdicts")
    parser.add_argument("--before", type=int, default=27, help="the session whose rules and later ones are off")
    args = parser.parse_args(argv)
    from index.build import ensure_default_index
    from retriever import Retriever
    from retriever.answerability import eras
    from retriever.service import evidence_for

    retriever = Retriever.load(args.index or ensure_default_index(print))
    judge = retriever.answerability
    questions = load_questions(tuple(TUNE_SETS), split="tune")
    rows = generate(questions, args.seed)
    tally: dict[str, list[int]] = {}
    for pattern, source, question, answerable in rows:
        evidence = evidence_for(retriever, question)
        verdicts = []
        for before in (args.before, None):
            eras.RULES_BEFORE = before
            verdicts.append(judge.judge(evidence))
        eras.RULES_BEFORE = None
        right = [v.abstained != answerable for v in verdicts]
        counts = tally.setdefault(pattern, [0, 0, 0])
        counts[0] += 1
        counts[1] += right[0]
        counts[2] += right[1]
        if args.show:
            print(f"{pattern:<14} {source:<7} {'ans' if answerable else 'nm '} "
                  f"p {verdicts[0].probability:.2f} -> {verdicts[1].probability:.2f}  {question}")
    print(f"{'pattern':<14} {'rows':>5} {'right before':>13} {'right after':>12}")
    for pattern, (n, before, after) in sorted(tally.items()):
        print(f"{pattern:<14} {n:>5} {before:>13} {after:>12}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
