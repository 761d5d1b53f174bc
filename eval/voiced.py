"""Generated reader-voice variants of other sets' tune questions, answered as the product answers them: the shared
engine of eval/variants_register.py (readers23's voices) and eval/variants_readers24.py (readers24's voices).

Each of those modules holds only its voices (``makers``: kind -> function(text, rng) -> variants) and the set it
was written from (``excluded``: its own questions are not rewritten); this module picks a seeded sample per kind,
asks every variant and its question as typed, and reports refusals and recall at 1 per kind.
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

Maker = Callable[[str, random.Random], list[str]]


def variants(text: str, rng: random.Random, makers: Mapping[str, Maker]) -> list[tuple[str, str]]:
    """[(kind, variant)] of one question in every voice of its language; deterministic under the rng."""
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    out, seen = [], {text}
    for kind, make in makers.items():
        if not kind.endswith(lang):
            continue
        for v in make(text, rng):
            if v.strip() and v not in seen:
                seen.add(v)
                out.append((kind, v))
    return out


def source_questions(excluded: str) -> list:
    """Answerable and near-miss TUNE questions of every set but ``excluded`` (single turns only)."""
    from eval.questions import TUNE_SETS, load_questions

    sets = tuple(s for s in TUNE_SETS if s not in (excluded, "followups"))
    return [q for q in load_questions(sets, split="tune")
            if q.split == "tune" and not q.history and (q.answerable or q.category == "near_miss")]


def pick(questions: Sequence, per_kind: int, seed: int, makers: Mapping[str, Maker],
         kinds: Sequence[str]) -> list[tuple[object, str, str]]:
    """[(question, kind, variant)]: per kind at most ``per_kind`` answerable and per_kind // 2 near-miss variants."""
    rng = random.Random(seed)
    by: dict[tuple[str, bool], list] = {}
    for q in questions:
        for kind, v in variants(q.question, rng, makers):
            by.setdefault((kind, q.answerable), []).append((q, kind, v))
    out = []
    for kind in kinds:
        for answerable, cap in ((True, per_kind), (False, per_kind // 2)):
            rows = by.get((kind, answerable), [])
            out += rng.sample(rows, cap) if cap and len(rows) > cap else rows
    return out


def run(index: str | None, out: Path, chosen: Sequence[tuple[object, str, str]], kinds: Sequence[str],
        log: Callable[[str], None] = print, failures: bool = False) -> dict:
    """Ask every chosen variant and its question as typed; write variants.jsonl and report.json to ``out``; return the
    per-kind figures (answerable refused as typed / as the variant, recall at 1, near misses refused)."""
    from eval import metrics
    from eval.run import opened_retriever

    rows = []
    with opened_retriever(index, None, fresh=index is None, log=log) as retriever:
        asked: dict[str, tuple[bool, bool]] = {}

        def ask(text: str, answers) -> tuple[bool, bool]:
            if text not in asked:
                a = retriever.answer(text, k=5)
                top = a.passages[0].text if a.passages else ""
                asked[text] = (a.abstained, bool(answers) and metrics.contains_answer(top, answers))
            return asked[text]

        for q, kind, v in chosen:
            refused0, top0 = ask(q.question, q.answers)
            refused, top = ask(v, q.answers)
            rows.append({"id": q.id, "kind": kind, "answerable": q.answerable, "question": q.question, "variant": v,
                         "refused_as_typed": refused0, "refused": refused, "r1_as_typed": top0, "r1": top})
    out.mkdir(parents=True, exist_ok=True)
    (out / "variants.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    width = max(len(k) for k in (*kinds, "ALL")) + 1
    report = {}
    log(f"{'kind':<{width}} {'ans':>4} {'FA typed':>9} {'FA var':>7} {'R@1 var':>8} {'nm':>4} {'NM-ref typed':>13} "
        f"{'NM-ref var':>11}")
    for kind in (*kinds, "ALL"):
        sel = [r for r in rows if kind == "ALL" or r["kind"] == kind]
        ans = [r for r in sel if r["answerable"]]
        nm = [r for r in sel if not r["answerable"]]
        fig = {"answerable": len(ans), "refused_typed": sum(r["refused_as_typed"] for r in ans),
               "refused": sum(r["refused"] for r in ans), "r1": sum(r["r1"] for r in ans),
               "near_miss": len(nm), "nm_refused_typed": sum(r["refused_as_typed"] for r in nm),
               "nm_refused": sum(r["refused"] for r in nm)}
        report[kind] = fig
        log(f"{kind:<{width}} {fig['answerable']:>4} {fig['refused_typed']:>9} {fig['refused']:>7} {fig['r1']:>8} "
            f"{fig['near_miss']:>4} {fig['nm_refused_typed']:>13} {fig['nm_refused']:>11}")
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if failures:
        log("")
        for r in rows:
            if r["answerable"] and r["refused"]:
                typed = "(typed refused too) " if r["refused_as_typed"] else ""
                log(f"refused  {r['kind']:<{width}} {r['id']:<7} {typed}{r['variant']}")
        for r in rows:
            if not r["answerable"] and not r["refused"]:
                typed = "(typed answered too) " if not r["refused_as_typed"] else ""
                log(f"answered {r['kind']:<{width}} {r['id']:<7} {typed}{r['variant']}")
    return report


def main(argv: Sequence[str] | None, prog: str, doc: str | None, seed: int, kinds_help: str,
         run_chosen: Callable[[str | None, Path, int, int, bool], object]) -> int:
    """The command line of a voiced-variant module: --out DIR [--index PATH] [--per-kind N] [--seed S] [--failures];
    ``run_chosen(index, out, per_kind, seed, failures)`` runs it."""
    from eval.command import checked_variant_args, run_command, variant_parser
    from index.env import apply_defaults

    apply_defaults()
    parser = variant_parser(prog, doc, 25, seed,
                            f"answerable variants per kind ({kinds_help} and language; near misses: half), a seeded "
                            "choice (0: all)",
                            "list refused answerable and answered near-miss variants")

    def action():
        args = checked_variant_args(parser, argv)
        run_chosen(args.index, Path(args.out), args.per_kind, args.seed, args.failures)

    return run_command(action)


class Voices:
    """One module's voices bound to the engine: ``variants``, ``source_questions``, ``pick``, ``run`` and ``main`` as
    that module's own functions (``prog`` names its command; ``excluded`` is the set its voices were written from)."""

    def __init__(self, makers: Mapping[str, Maker], kinds: Sequence[str], excluded: str, seed: int, prog: str,
                 doc: str | None, kinds_help: str):
        self.makers, self.kinds, self.excluded, self.seed = makers, tuple(kinds), excluded, seed
        self.prog, self.doc, self.kinds_help = prog, doc, kinds_help

    def variants(self, text: str, rng: random.Random) -> list[tuple[str, str]]:
        """[(kind, variant)] of one question in every voice of its language."""
        return variants(text, rng, self.makers)

    def source_questions(self) -> list:
        """Answerable and near-miss tune questions of every set but the excluded one."""
        return source_questions(self.excluded)

    def pick(self, questions: Sequence, per_kind: int, seed: int | None = None) -> list[tuple[object, str, str]]:
        """A seeded choice of (question, kind, variant) per kind."""
        return pick(questions, per_kind, self.seed if seed is None else seed, self.makers, self.kinds)

    def run(self, index: str | None, out: Path, per_kind: int, seed: int, log: Callable[[str], None] = print,
            failures: bool = False) -> dict:
        """Ask a seeded choice of variants and their questions as typed; write and return the per-kind report."""
        return run(index, out, self.pick(self.source_questions(), per_kind, seed), self.kinds, log=log,
                   failures=failures)

    def main(self, argv: Sequence[str] | None = None) -> int:
        """The module's command line (see ``main`` above)."""
        return main(argv, self.prog, self.doc, self.seed, self.kinds_help,
                    lambda index, out, per_kind, seed, failures: self.run(index, out, per_kind, seed, failures=failures))
