"""Variants of the tune questions that date their fact by months or ask 哪里 of an office, judged with the features
that misfire on them: refusals per kind and the checks that turned (session 30, fa12).

    python -m eval.variants_checks --index index_store/default --out /tmp/vc [--seed 30] [--per-kind 60] [--failures]

On CMRC's even half the refused answerable rows each carried one misfiring check: year_absent on a month range (a span
of months read as asking a year the answering passage lacks: 1984年6月至1985年1月，…担任什么职务) and stated_answer when
哪里 is answered by an office or a people (在哪里任职 → 刑部, 发源于哪里 → 苏美人). These kinds rewrite every set's
answerable and near-miss Chinese TUNE questions (no held-out row is read) the same way:

- ``month.zh``: a span of months of the text's own year (2016年1月至10月，…; 2016年10月，…) set before a question that
  names no time of its own: still answerable (the forum speaks of 2016), a near miss stays one;
- ``month_other.zh``: the same span of another year (2012年): the fact is told, but of another time; every variant is
  a near miss, whatever its source;
- ``where.zh``: a kind of body asked by name (哪个部门, 哪家机构, 哪家报社, 哪所高校, 哪家公司) or where one worked (在哪儿上
  班, 在哪儿干) asked with 哪里 (被哪里约谈, 是哪里的总编辑, 在哪里任职): the answer is an office or a body, not a
  place's name; answerable rows stay answerable, near misses stay near misses.

Prints per kind the answerable variants refused (as typed / as the variant) and the near misses refused; then, per
check, how many variants it turned against answering where their question as typed had it for (year_absent,
stated_answer, focus_known, …). OUT/variants.jsonl holds every variant with its checks.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from eval.command import checked_variant_args, command, variant_parser

SEED = 30
KINDS = ("month.zh", "month_other.zh", "where.zh")
DOC_YEAR = 2016  # the forum's own year (its title: 2016全国环保厅局长论坛)
OTHER_YEAR = 2012
# checks that speak against answering when 1 (or when 0, listed in _LOW)
_HIGH = ("year_absent", "place_absent", "absent_noun", "unknown_names", "unit_missing", "fact_elsewhere", "nonsense")
_LOW = ("stated_answer", "clause_number", "focus_known", "kind_named", "focus_sentence", "specific_cover")
_TIMED = re.compile(r"(?:19|20)\d{2}|今年|去年|前年|明年|当年|\d+月|[一二三四五六七八九十]+月|季度|年初|年底|年末|年以来|什么时候|哪一?年|哪天|何时")
_SPANS = ("{y}年1月至10月，", "{y}年10月，", "{y}年1月到11月，", "{y}年上半年，", "{y}年3月至{y}年11月，", "{y}年12月，")
_WHERE = (
    (re.compile(r"哪一?个(?:部门|单位|机构|组织|局)|哪些部门|什么部门|哪家(?:单位|机构|报社|公司|高校|企业)|哪所(?:高校|大学|学校)"), "哪里"),
    (re.compile(r"在哪儿(?=上班|干|工作|任职)"), "在哪里"),
    (re.compile(r"在哪儿上班|在哪儿干的?"), "在哪里任职"),
)


def month(text: str, rng: random.Random, year: int) -> list[str]:
    if _TIMED.search(text):
        return []
    return [rng.choice(_SPANS).format(y=year) + text]


def where(text: str, rng: random.Random) -> list[str]:
    out = text
    for pattern, repl in _WHERE:
        out = pattern.sub(repl, out, count=1)
    return [out] if out != text else []


def variants(text: str, rng: random.Random) -> list[tuple[str, str]]:
    """[(kind, variant)] of one Chinese question; deterministic under the rng."""
    if not re.search(r"[\u4e00-\u9fff]", text) or re.search(r"[A-Za-z]{3,}", text):
        return []
    out = [("month.zh", v) for v in month(text, rng, DOC_YEAR)]
    out += [("month_other.zh", v) for v in month(text, rng, OTHER_YEAR)]
    out += [("where.zh", v) for v in where(text, rng)]
    return out


def source_questions() -> list:
    """Answerable and near-miss TUNE questions of every set (single turns only)."""
    from eval.voiced import source_questions as tune

    return tune("")


def _turned(before: dict, after: dict) -> list[str]:
    high = [k for k in _HIGH if after.get(k, 0) > 0 and not before.get(k, 0) > 0]
    return high + [k for k in _LOW if after.get(k, 1) < 0.5 <= before.get(k, 1)]


def run(index: str | None, out: Path, seed: int, failures: bool, per_kind: int = 60,
        log: Callable[[str], None] = print) -> dict:
    """Judge every variant and its question as typed; write OUT/variants.jsonl and OUT/report.json."""
    from eval.run import opened_retriever
    from retriever.service import judge

    rng = random.Random(seed)
    made = [(q, kind, v) for q in source_questions() for kind, v in variants(q.question, rng)]
    chosen = []
    for kind in KINDS:  # a seeded choice per kind: per_kind answerable sources, half as many near misses (0: all)
        for answerable, cap in ((True, per_kind), (False, per_kind // 2)):
            rows = [m for m in made if m[1] == kind and m[0].answerable == answerable]
            chosen += rng.sample(rows, cap) if per_kind and len(rows) > cap else rows
    rows = []
    with opened_retriever(index, None, fresh=index is None, log=log) as retriever:
        seen: dict[str, tuple[bool, dict]] = {}

        def ask(text: str) -> tuple[bool, dict]:
            if text not in seen:
                verdict = judge(retriever, text)
                seen[text] = (verdict.abstained, {k: round(float(v), 4) for k, v in verdict.analysis.values.items()})
            return seen[text]

        for q, kind, v in chosen:
            refused0, f0 = ask(q.question)
            refused, f = ask(v)
            answerable = q.answerable and kind != "month_other.zh"
            rows.append({"id": q.id, "kind": kind, "answerable": answerable, "question": q.question, "variant": v,
                         "refused_as_typed": refused0, "refused": refused, "turned": _turned(f0, f),
                         "checks": {k: f[k] for k in (*_HIGH, *_LOW) if k in f}})
    out.mkdir(parents=True, exist_ok=True)
    (out / "variants.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    report: dict = {}
    log(f"{'kind':<15} {'ans':>4} {'FA typed':>9} {'FA var':>7} {'nm':>4} {'NM-ref typed':>13} {'NM-ref var':>11}")
    for kind in (*KINDS, "ALL"):
        sel = [r for r in rows if kind == "ALL" or r["kind"] == kind]
        ans = [r for r in sel if r["answerable"]]
        nm = [r for r in sel if not r["answerable"]]
        fig = {"answerable": len(ans), "refused_typed": sum(r["refused_as_typed"] for r in ans),
               "refused": sum(r["refused"] for r in ans), "near_miss": len(nm),
               "nm_refused_typed": sum(r["refused_as_typed"] for r in nm), "nm_refused": sum(r["refused"] for r in nm)}
        report[kind] = fig
        log(f"{kind:<15} {fig['answerable']:>4} {fig['refused_typed']:>9} {fig['refused']:>7} {fig['near_miss']:>4} "
            f"{fig['nm_refused_typed']:>13} {fig['nm_refused']:>11}")
    log("")
    log("checks turned against answering on answerable variants (their question as typed had them for), per kind:")
    for kind in KINDS:
        counts: dict[str, int] = {}
        for r in rows:
            if r["kind"] == kind and r["answerable"]:
                for k in r["turned"]:
                    counts[k] = counts.get(k, 0) + 1
        report[kind]["turned"] = counts
        log(f"  {kind:<15} " + (", ".join(f"{k} {n}" for k, n in sorted(counts.items(), key=lambda x: -x[1])) or "none"))
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if failures:
        log("")
        for r in rows:
            if r["answerable"] and r["refused"]:
                log(f"refused  {r['kind']:<15} {r['id']:<7} {'(typed too) ' if r['refused_as_typed'] else ''}"
                    f"{r['turned']} {r['variant']}")
        for r in rows:
            if not r["answerable"] and not r["refused"]:
                log(f"answered {r['kind']:<15} {r['id']:<7} {'(typed too) ' if not r['refused_as_typed'] else ''}"
                    f"{r['variant']}")
    return report


@command
def main(argv: Sequence[str] | None = None) -> int:
    from index.env import apply_defaults

    apply_defaults()
    parser = variant_parser("python -m eval.variants_checks", __doc__, 60, SEED,
                            "answerable sources per kind, half as many near misses (a seeded choice; 0: all)",
                            "list refused answerable and answered near-miss variants")
    args = checked_variant_args(parser, argv)
    run(args.index, Path(args.out), args.seed, args.failures, args.per_kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
