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

Usage (tune rows only; the stored model; each question judged with session 27's rules on and off):

    python -m eval.nearmiss_generated [--seed 27] [--index index_store/default] [--show]
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
    return out


@command
def main(argv: Sequence[str] | None = None) -> int:
    parser = one_line_parser("python -m eval.nearmiss_generated", __doc__)
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--index", default="")
    parser.add_argument("--show", action="store_true", help="print every generated question and its verdicts")
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
        for before in (27, None):
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
