"""Readers' ways of asking nobody in the tune sets wrote often: exam, technical, opinion and own-context variants of the
answerable TUNE questions, and which check misfires on them.

    python -m eval.variants --index index_store/default --out /tmp/variants [--per-kind 40] [--seed 27]
        [--reuse /tmp/variants_before/variants.jsonl] [--failures]

Session 26's blind readers22 asked the text's facts in styles the other sets rarely use; its tune half was fixed
(persona24: retriever/answerability/exam.py) but its held-out half still lost answerable questions. This generator
rewrites the answerable tune questions of EVERY set (held-out rows are never read: eval.questions' tune loaders) in
those styles with general templates that know no question of the sets:

- ``blank``: the asked slot as an exam blank (多少台 → ____台, 什么 → （ ）, 填空： / （填空）; "Fill in the blank: X is
  ____.", "Fill in the blank: ____ leads …");
- ``choice``: the question with its answer and two or three wrong options drawn from the text (other amounts of the
  same unit the text writes, other short facts of the text: A.843台 B.604台 C.115台; "(a) 843 (b) 604 (c) 115";
  "Which of the following is X: (a) … (b) …?");
- ``abbrev``: a long form the question writes as the technical reader's symbol or abbreviation (二氧化硫 → SO₂, 氮氧化物 →
  NOx, 吨 → t, 平方公里 → km², 环保局 → EPB, 人大 → NPC; "sulfur dioxide" → SO2, tonnes → t, "Environmental Protection
  Bureau" → EPB);
- ``opinion``: the question framed as a named speaker's view (在X看来，…; X认为…; "In X's view, …"), X a person the
  question names;
- ``context``: the asker's own situation first (我是河北一个县环保局的，想问一下，…; "I'm a reporter in Chengdu; …").

Each variant is written to OUT/variants.jsonl (the eval.perturb format, kind ``STYLE.LANG``), its features are computed as
answer() computes them (cached by text in OUT/features.jsonl) and scored with the stored model. The report (printed, and
OUT/variants_report.json) is eval.paraphrase_stress's: the refusal rate of the originals and of the variants per style
(every refusal is a false abstention: the questions are answerable) and the misfire table per feature.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from eval.perturb import distinct_variants

SEED = 27
STYLES = ("blank", "choice", "abbrev", "opinion", "context")
KINDS = tuple(f"{style}.{lang}" for style in STYLES for lang in ("zh", "en"))
TEXT = Path(__file__).resolve().parent.parent / "data" / "env-forum-2016.txt"
QUESTION_END = re.compile(r"[?？]+$")
_HAN = r"[\u4e00-\u9fff]"


def _has_cjk(text: str) -> bool:
    return re.search(_HAN, text) is not None


def _body(text: str) -> tuple[str, str]:
    match = QUESTION_END.search(text)
    return (text[: match.start()], match.group()) if match else (text.rstrip("。."), "")


@lru_cache(maxsize=1)
def _text() -> str:
    return re.sub(r"\s+", "", TEXT.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- blank
_ZH_QWORD = re.compile(r"多少|几(?![乎])|什么|哪些|哪个|哪一?[个项家种类位条]|哪里|哪儿|谁|啥")
_ZH_YESNO = re.compile(r"吗|是不是|有没有|是否|能不能|会不会|对吧|为什么|为何|怎么|怎样|如何|咋")
_IRREGULAR = {"build": "built", "set": "set", "make": "made", "take": "took", "give": "gave", "get": "got", "put": "put",
              "spend": "spent", "send": "sent", "hold": "held", "lead": "led", "bring": "brought", "pay": "paid",
              "sell": "sold", "win": "won", "say": "said", "see": "saw", "find": "found", "cut": "cut", "run": "ran",
              "write": "wrote", "begin": "began", "become": "became", "choose": "chose", "do": "did", "go": "went",
              "have": "had", "keep": "kept", "know": "knew", "leave": "left", "lose": "lost", "meet": "met",
              "grow": "grew", "draw": "drew", "fight": "fought", "shut": "shut", "teach": "taught", "think": "thought"}


def _past(verb: str) -> str:
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", low):
        return verb[:-1] + "ied"
    return verb + "ed"


def blank_zh(text: str, rng: random.Random) -> list[str]:
    """The one question word of a Chinese question as the blank (多少/几 → ____ before its measure word, 什么/哪些/谁 → （ ）),
    the question closed as a statement, with or without an exam label."""
    body, _ = _body(text)
    body = re.sub(r"[呢啊呀吧]+$", "", body)
    if re.search(r"\s|_{2,}|（\s*）", body.strip()):
        return []  # a keyword query or a question that is a blank already
    if len(_ZH_QWORD.findall(body)) != 1 or _ZH_YESNO.search(body) or "？" in body or "?" in body:
        return []
    blank = "____" if re.search(r"多少|几", _ZH_QWORD.search(body).group()) else rng.choice(["（ ）", "____", "（  ）"])
    statement = _ZH_QWORD.sub(blank, body, count=1).rstrip("，,。") + "。"
    return [rng.choice([f"填空：{statement}", f"{statement}（填空）", statement])]


_EN_AUX = r"(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)"


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def blank_en(text: str, rng: random.Random) -> list[str]:
    """An English wh-question as a fill-in-the-blank statement, where its shape allows it: What is X → X is ____;
    How many N did S V … → S V-ed ____ N …; Who V … → ____ V …."""
    body, _ = _body(text.strip())
    if _title_case(body) or re.search(r"[?？]", body):
        return []
    label = rng.choice(["Fill in the blank: ", "Quiz question: ", "Fill in the blank - "])
    match = re.fullmatch(r"(?i)what (is|was|are|were) (the .+)", body)
    if match:
        return [f"{label}{match.group(2)[:1].upper()}{match.group(2)[1:]} {match.group(1).lower()} ____."]
    match = re.fullmatch(r"[Hh]ow many ([\w\- ]+?) (did|does|do) ([A-Z][a-z]+|it|they) ([a-z]{3,})\b(.*)", body)
    if match:
        noun, aux, subject, verb, rest = match.groups()
        verb = _past(verb) if aux.lower() == "did" else ({"have": "has", "do": "does", "go": "goes"}.get(verb, verb + "s")
                                                          if aux.lower() == "does" else verb)
        return [f"{label}{subject[:1].upper()}{subject[1:]} {verb} ____ {noun}{rest}."]
    match = re.fullmatch(r"(?i)who ((?:is|was|were|are|did|has|had|led|leads|heads|chairs|said|says|signed)\b.*)", body)
    if match:
        return [f"{label}____ {match.group(1)}."]
    return []


# ---------------------------------------------------------------- multiple choice
_UNIT = r"(?:万吨|吨|台|家|名|个|人|亿元|万元|元|%|条|项|座|辆|公里|平方公里|亩|公顷|次|天|年|倍|所|处|起|立方米|亿立方米|亿方)"
_AMOUNT = re.compile(rf"(\d[\d,.]*)({_UNIT})")


@lru_cache(maxsize=1)
def _amounts_by_unit() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for number, unit in _AMOUNT.findall(_text()):
        if number.rstrip(".,") and f"{number}{unit}" not in out.setdefault(unit, []):
            out[unit].append(f"{number.rstrip('.,')}{unit}")
    return out


def _options(question, pool: Sequence[str], rng: random.Random) -> tuple[str, list[str]] | None:
    """(the right option, the wrong ones) of a question: an amount of its answer and other amounts of the same unit the
    text writes, else a short answer span and other questions' short answer spans (the pool)."""
    for answer in question.answers:
        match = _AMOUNT.search(answer)
        if match:
            right = f"{match.group(1).rstrip('.,')}{match.group(2)}"
            others = [a for a in _amounts_by_unit().get(match.group(2), []) if a != right and a not in question.question]
            if len(others) >= 2:
                return right, rng.sample(others, min(len(others), rng.choice([2, 3])))
    short = [a for a in question.answers if 2 <= len(a) <= 14 and not re.search(r"\d", a)]
    if not short:
        return None
    others = [a for a in pool if a not in short and a not in question.question]
    return (short[0], rng.sample(others, rng.choice([2, 3]))) if len(others) >= 3 else None


def choice_zh(question, pool: Sequence[str], rng: random.Random) -> list[str]:
    options = _options(question, pool, rng)
    if options is None:
        return []
    right, wrong = options
    shown = [right, *wrong]
    rng.shuffle(shown)
    letters = "ABCD"
    style = rng.randrange(3)
    if style == 0:
        tail = " ".join(f"{letters[i]}.{o}" for i, o in enumerate(shown))
    elif style == 1:
        tail = " ".join(f"{letters[i]}、{o}" for i, o in enumerate(shown))
    else:
        tail = "".join(f"（{letters[i]}）{o}" for i, o in enumerate(shown))
    body, mark = _body(question.question.strip())
    return [f"{body}{mark or '？'}{tail}"]


def choice_en(question, pool: Sequence[str], rng: random.Random) -> list[str]:
    options = _options(question, (), rng)
    if options is None or _has_cjk(options[0]) and not re.search(r"\d", options[0]):
        return []
    right, wrong = options
    shown = [re.sub(rf"(?<=\d){_UNIT}$", lambda m: "%" if m.group() == "%" else "", o) for o in [right, *wrong]]
    if len(set(shown)) < len(shown):
        return []
    rng.shuffle(shown)
    tail = " ".join(f"({'abcd'[i]}) {o}" for i, o in enumerate(shown))
    body, mark = _body(question.question.strip())
    match = re.fullmatch(r"(?i)what (is|was|are|were) (the .+)", body)
    if match and rng.random() < 0.5:
        return [f"Which of the following {match.group(1).lower()} {match.group(2)}: {tail}?"]
    return [f"{body}{mark or '?'} {tail}"]


# ---------------------------------------------------------------- abbreviations and symbols
_ZH_ABBREV = (
    ("二氧化硫", "SO₂"), ("氮氧化物", "NOx"), ("二氧化氮", "NO₂"), ("二氧化碳", "CO₂"), ("化学需氧量", "COD"),
    ("挥发性有机物", "VOCs"), ("平方公里", "km²"), ("立方米", "m³"), ("全国人大", "NPC"), ("人大", "NPC"),
    ("环境保护局", "EPB"), ("环保局", "EPB"), ("环境保护部(?!门)", "MEP"), ("环保部(?!门)", "MEP"), ("生产总值", "GDP"),
    ("千瓦时", "kWh"), ("细颗粒物", "PM2.5"),
)
_EN_ABBREV = (
    (r"sulfur dioxide|sulphur dioxide", "SO2"), (r"nitrogen oxides?", "NOx"), (r"carbon dioxide", "CO2"),
    (r"chemical oxygen demand", "COD"), (r"square kilomet(?:er|re)s", "km²"), (r"cubic met(?:er|re)s", "m³"),
    (r"(?<=\d )tonnes|(?<=\d )tons|(?<=many )tonnes|(?<=many )tons", "t"),
    (r"environmental protection bureaus?", "EPB"), (r"environment(?:al)? bureaus?", "EPB"),
    (r"national people's congress", "NPC"), (r"people's congress", "PC"),
    (r"ministry of environmental protection", "MEP"), (r"billion yuan", "bn yuan"), (r"million yuan", "mn yuan"),
    (r"gross domestic product", "GDP"), (r"volatile organic compounds", "VOCs"), (r"kilomet(?:er|re)s", "km"),
)


def abbrev_zh(text: str, rng: random.Random) -> list[str]:
    out = [re.sub(long, short, text, count=1) for long, short in _ZH_ABBREV if re.search(long, text)]
    ton = re.sub(r"(?<=[\d万多少几])吨", "t", text, count=1)
    if ton != text:
        out.append(ton)
    out = list(dict.fromkeys(v for v in out if v != text))
    return rng.sample(out, 1) if out else []


def abbrev_en(text: str, rng: random.Random) -> list[str]:
    out = [re.sub(long, short, text, count=1, flags=re.I) for long, short in _EN_ABBREV if re.search(long, text, re.I)]
    out = list(dict.fromkeys(v for v in out if v != text))
    return rng.sample(out, 1) if out else []


# ---------------------------------------------------------------- opinion framing
def _zh_person(text: str) -> str | None:
    from eval.paraphrase_stress import _jieba

    _, posseg = _jieba()
    names = [w for w, tag in posseg.cut(text) if tag == "nr" and len(w) == 3 and w in _text()]
    return names[0] if names else None


def opinion_zh(text: str, rng: random.Random) -> list[str]:
    """在X看来，… / X认为，… around a person the question names (his name, and a 认为/说/表示 after it, come off the rest)."""
    name = None if re.search(r"认为|認為|看来|看來|觉得|覺得|之见|解释|解釋|看待|评价|評價|[A-Za-z]{2,}\s", text) else _zh_person(text)
    if not name:
        return []
    rest = re.sub(rf"{name}(?:局长|市长|书记|副总|主任|先生)?(?:认为|说|表示|提到|介绍|指出)?[，,]?", "", text, count=1)
    rest = rest.lstrip("，,的")
    if len(rest) < 4:
        return []
    return [rng.choice([f"在{name}看来，{rest}", f"{name}认为，{rest}", f"依{name}之见，{rest}"])]


_EN_NAME = re.compile(r"(?<!^)\b([A-Z][a-z]+ [A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_EN_PLACE_WORDS = re.compile(r"\b(?:City|Province|River|University|Bureau|Plan|Measures|Regulations?|Committee|Congress|"
                             r"Park|Lake|Road|District|County|Environmental|Protection|Ecological|Civilization|Management)\b")


_EN_NOT_NAME = re.compile(r"\b(?:Does|Did|Do|How|What|Which|Who|Why|When|Where|Much|Many|The|In|Is|Was|Are|According|"
                          r"Forum|Dialogue|China|Chinese|Party|Director|Chief|Mayor|Secretary|Vice|President|Reservoir|"
                          r"South|North|East|West|Project|Landscape|Architecture|Co|Ltd|Guangzhou|Xiangtan|Dalian|Jining|"
                          r"Nanyang|Shandong|Hunan|Henan|Liaoning|Changsha|Zhuzhou|Beijing|Pubang|Tsinghua)\b")


def opinion_en(text: str, rng: random.Random) -> list[str]:
    """"In X's view, …" / "According to X, …" around a person the question names (two or three capitalised words, no place
    or title word); a leading "According to X," becomes "In X's view,"."""
    match = re.match(r"(?i)according to ([^,]{3,60}),\s*(.+)", text)
    if match:
        return [f"In {match.group(1)}'s view, {match.group(2)}"]
    if _title_case(text) or text == text.lower() or re.search(r"(?i)'s (?:view|account|opinion|words)\b", text):
        return []
    names = [n for n in _EN_NAME.findall(text) if not _EN_PLACE_WORDS.search(n) and not _EN_NOT_NAME.search(n)
             and re.search(rf"(?:\b(?:does|did|Mr\.?|Ms\.?|according to) {n}\b|{n}(?:'s\b| says| said| say| think| thinks|"
                           rf" describes?| argues?| explains?| means?| sees?| puts? it))", text, re.I)]
    if not names:
        return []
    name = names[0]
    return [rng.choice([f"In {name}'s view, {text[:1].lower() + text[1:]}", f"From {name}'s point of view: {text}"])]


# ---------------------------------------------------------------- the asker's own context
_ZH_CONTEXT = (
    "我是河北一个县环保局的，想问一下，", "我在成都当记者，最近在写空气质量的稿子，", "本人在深圳做环评，请教：",
    "我是大学环境专业的学生，正在准备考试，", "我们单位也在搞网格化管理，想了解下，", "我是湖北的一名人大代表，",
)
_EN_CONTEXT = (
    "I'm a reporter in Chengdu working on air quality; ", "As a county EPB official in Hebei with 30 staff, ",
    "Engineer here: ", "I'm a grad student in Wuhan studying environmental policy. ",
    "I work for an NGO in Yunnan and we are writing a report; ", "Hi, I teach middle-school geography in Shanxi. ",
)


def context_zh(text: str, rng: random.Random) -> list[str]:
    return [rng.choice(_ZH_CONTEXT) + text.strip()]


def context_en(text: str, rng: random.Random) -> list[str]:
    opener = rng.choice(_EN_CONTEXT)
    text = text.strip()
    if opener.endswith(", "):
        text = text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
    return [opener + text]


def variants(question, pool: Sequence[str], rng: random.Random) -> list[tuple[str, str]]:
    """[(kind, variant)] of one answerable question (kind STYLE.LANG); deterministic under the rng."""
    text = question.question.strip()
    if not any(c.isalnum() for c in text):
        return []
    if _has_cjk(text):
        made = [("blank.zh", v) for v in blank_zh(text, rng)] + [("choice.zh", v) for v in choice_zh(question, pool, rng)]
        made += [("abbrev.zh", v) for v in abbrev_zh(text, rng)] + [("opinion.zh", v) for v in opinion_zh(text, rng)]
        made += [("context.zh", v) for v in context_zh(text, rng)]
    else:
        made = [("blank.en", v) for v in blank_en(text, rng)] + [("choice.en", v) for v in choice_en(question, pool, rng)]
        made += [("abbrev.en", v) for v in abbrev_en(text, rng)] + [("opinion.en", v) for v in opinion_en(text, rng)]
        made += [("context.en", v) for v in context_en(text, rng)]
    return distinct_variants(text, made)


def pick(questions: Sequence, per_kind: int, seed: int = SEED) -> list[tuple[object, str, str]]:
    """[(question, kind, variant)]: every answerable question's variants, then a seeded choice of at most ``per_kind``
    of each kind (0: all)."""
    rng = random.Random(seed)
    pool = sorted({a for q in questions for a in q.answers if 2 <= len(a) <= 14 and not re.search(r"\d", a)})
    by_kind: dict[str, list] = {k: [] for k in KINDS}
    for q in questions:
        for kind, v in variants(q, pool, rng):
            by_kind[kind].append((q, kind, v))
    out = []
    for kind in KINDS:
        rows = by_kind[kind]
        out += rng.sample(rows, per_kind) if per_kind and len(rows) > per_kind else rows
    return out


def tune_answerable() -> list:
    """The answerable tune questions of every training set (held-out rows are never loaded)."""
    from eval.calibrate import TRAINING_SETS
    from eval.questions import load_questions

    return [q for q in load_questions(TRAINING_SETS, split="tune") if q.answerable and q.split == "tune"]


def run(index: str | None, out: Path, per_kind: int, seed: int, model_file: str | None = None,
        log: Callable[[str], None] = print, reuse: str | None = None, failures: bool = False) -> dict:
    """Make (or read back) the variants, compute their features, score them, write the JSONL and the report."""
    from eval.paraphrase_stress import read_variants, report_lines, scored_variants

    tune = tune_answerable()
    chosen = read_variants(Path(reuse), tune) if reuse else pick(tune, per_kind, seed)
    report = scored_variants(index, out, chosen, model_file, log, order=KINDS, keep=lambda p, pv, t: pv < t)
    report["refused_rows"] = report.pop("rows")
    (out / "variants_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    styles = {s: [k for k in KINDS if k.startswith(s + ".")] for s in STYLES}
    log(f"{'style':<10} {'variants':>8} {'refused':>8} {'rate':>7}")
    for style, kinds in styles.items():
        n = sum(report["by_kind"].get(k, {}).get("variants", 0) for k in kinds)
        refused = sum(round(report["by_kind"][k]["variants_refused"] * report["by_kind"][k]["variants"])
                      for k in kinds if k in report["by_kind"])
        log(f"{style:<10} {n:>8} {refused:>8} {refused / n if n else 0.0:>7.4f}")
    log("")
    for line in report_lines(report):
        log(line)
    if failures:
        log("")
        for r in report["refused_rows"]:
            log(f"{r['kind']:<11} {r['id']:<8} p {r['p']:.3f} -> {r['p_variant']:.3f}  {r['variant']}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.variants --out DIR [--index PATH] [--per-kind N] [--seed S] [--model FILE] [--reuse FILE]."""
    from eval.command import checked_variant_args, run_command, variant_parser
    from index.env import apply_defaults

    apply_defaults()
    parser = variant_parser("python -m eval.variants", __doc__, 40, SEED,
                            "variants per kind (style and language), a seeded choice (0: all)",
                            "list every refused variant")
    parser.add_argument("--model", default=None, help="a model JSON file to score with (default: the stored model)")
    parser.add_argument("--reuse", default=None, help="a variants.jsonl written before: score these variants again")

    def action():
        args = checked_variant_args(parser, argv)
        run(args.index, Path(args.out), args.per_kind, args.seed, args.model, reuse=args.reuse, failures=args.failures)

    return run_command(action)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
