"""Follow-ups nobody wrote by hand: conversations generated from tune material, scored on rewrite and retrieval.

    python -m eval.followups_generated                  # figures per kind and language, report in eval/reports/
    python -m eval.followups_generated --failures       # also each row not rewritten or answered as it should be
    python -m eval.followups_generated --rewrite-only   # only the rewrites (fast: no answers)

The conversations come from eval/followups_generate.py (tune questions only, so every figure here is a tune
figure). ``rewrite ok`` is the share whose rewrite equals the source question once names are folded to their
entity (over rows with a reference); R@1, R@5 and false abstention are over the answerable rows, near-miss
abstention over the rows built from near-miss questions. The standalone check asks every tune question of
eval/gold.jsonl and readers*.jsonl after the unrelated histories of eval/followups.py and counts rewrites.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from eval import metrics
from eval.command import command
from eval.followups import collect, false_rewrites, standalone_questions
from eval.followups_generate import generate, normalised, sample, tune_sources
from eval.followups_score import retrieval_figures

REPORTS = Path(__file__).resolve().parent / "reports"
PER_KIND = 40  # rows of each kind (and as many near misses): about 350 answers, a few minutes on a busy machine
KINDS = ("switch", "pronoun", "omitted", "mixed", "traditional", "typo")


def rewrite_ok(retriever, rows: Sequence[dict]) -> dict[str, bool | None]:
    """Whether each row's rewrite is its reference (None when it has none)."""
    from retriever.conversation import complete, knowledge_for

    knowledge = knowledge_for(retriever)
    out = {}
    for row in rows:
        result = complete(retriever, row["question"], row["history"])
        row["rewritten"] = result.text if result.changed else ""
        out[row["id"]] = normalised(result.text, knowledge) == normalised(row["reference"], knowledge) if row["reference"] else None
    return out


def figures(rows: Sequence[dict], ok: dict, observations: dict | None, chunks: dict[str, str], alone: dict | None = None) -> dict:
    """n, rewrite ok, and with observations R@1, R@5, false abstention and near-miss abstention (with alone, the
    same of each row's source question asked on its own, suffixed ' alone')."""
    refs = [ok[r["id"]] for r in rows if ok[r["id"]] is not None]
    out: dict = {"n": len(rows), "rewrite_ok": sum(refs) / len(refs) if refs else None}
    if observations is None:
        return out
    if alone is not None:
        out.update({f"{k} alone": v for k, v in figures(rows, ok, alone, chunks).items() if k not in ("n", "rewrite_ok")})
    out.update(retrieval_figures(rows, chunks, observations))
    misses = [r for r in rows if not r["answers"]]
    if misses:
        out["near_miss_abstention"] = sum(observations[r["id"]]["abstained"] for r in misses) / len(misses)
    return out


def scored(retriever, rows: list[dict], kinds: Sequence[str], langs: Sequence[str], answers: bool = True) -> dict:
    """Generated conversations' figures per kind and language: {"groups": {name: figures}, "rows": rows with what was
    searched, its rank and its source question's rank asked alone}; without answers, the rewrites only."""
    ok = rewrite_ok(retriever, rows)
    observations = collect(retriever, rows, "history") if answers else None
    sources = {r["source"]: {"id": r["source"], "question": r["source_question"], "history": []} for r in rows}
    by_source = collect(retriever, list(sources.values()), "alone") if answers else {}
    alone = {r["id"]: by_source[r["source"]] for r in rows} if answers else None
    chunks = {c.chunk_id: c.text for c in retriever.chunks} if answers else {}
    groups = {"all answerable": [r for r in rows if r["answers"]]}
    for kind in kinds:
        groups[kind] = [r for r in rows if r["kind"] == kind and r["answers"]]
    for lang in langs:
        groups[f"lang {lang}"] = [r for r in rows if r["lang"] == lang and r["answers"]]
    groups["near_miss"] = [r for r in rows if not r["answers"]]
    for row in rows:
        row["ok"] = ok[row["id"]]
        if observations is not None:
            row.update({k: observations[row["id"]][k] for k in ("ranking", "abstained")})
            row["abstained_alone"] = alone[row["id"]]["abstained"]
            if row["answers"]:
                qrels = metrics.relevance({row["id"]: row["answers"]}, chunks)
                row["rank"] = metrics.first_relevant_rank(qrels[row["id"]], row["ranking"])
                row["rank_alone"] = metrics.first_relevant_rank(qrels[row["id"]], alone[row["id"]]["ranking"])
    return {"groups": {name: figures(group, ok, observations, chunks, alone) for name, group in groups.items() if group},
            "rows": rows}


def evaluate(retriever, per_kind: int = PER_KIND, answers: bool = True) -> dict:
    """The generated conversations' figures: {"groups": {name: figures}, "rows": rows with what was searched,
    "standalone": false_rewrites() on tune questions}."""
    from retriever.conversation import knowledge_for

    rows = sample(generate(knowledge_for(retriever), tune_sources()), per_kind)
    results = scored(retriever, rows, KINDS, ("zh", "en", "mixed"), answers)
    tune = [r for r in standalone_questions() if r["split"] == "tune"]
    return {**results, "standalone": false_rewrites(retriever, tune).get("tune", {})}


def _cell(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(results: dict) -> str:
    """The figures as a Markdown table, with the standalone check under it."""
    columns = ("rewrite_ok", "recall@1", "recall@5", "false_abstention", "near_miss_abstention", "recall@1 alone",
               "false_abstention alone", "near_miss_abstention alone")
    lines = ["| group | n | rewrite ok | R@1 | R@5 | false abst. | near-miss abst. | source alone: R@1 | false abst. | "
             "near-miss abst. |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, f in results["groups"].items():
        lines.append(f"| {name} | {f['n']} | " + " | ".join(_cell(f.get(c)) for c in columns) + " |")
    s = results.get("standalone")
    if s is None:  # a generator without the standalone check (eval.followups_patterns)
        return "\n".join(lines)
    lines += ["", f"Standalone tune questions after unrelated histories: {s.get('rewritten', 0):.3f} of {s.get('asked', 0)} "
              "rewritten" + ("; e.g. " + "; ".join(s["examples"]) if s.get("examples") else "")]
    return "\n".join(lines)


def failure_lines(rows: Sequence[dict]) -> list[str]:
    """One line per row whose rewrite differs from its reference, or whose answer is not at rank 1 or whose
    abstention is wrong."""
    out = []
    for r in rows:
        wrong_rewrite = r["ok"] is False
        wrong_answer = ("rank" in r and (r["rank"] != 1 or r["abstained"])) or (not r["answers"] and r.get("abstained") is False)
        if wrong_rewrite or wrong_answer:
            out.append(f"{r['id']} [{r['kind']}/{r['category']}] {' | '.join(r['history'])} → {r['question']} ⇒ "
                       f"{r['rewritten'] or '(as typed)'}" + (f" ≠ {r['reference']}" if wrong_rewrite else "")
                       + (f"; rank {r.get('rank')} (alone {r.get('rank_alone')}), abstained {r.get('abstained')} "
                          f"(alone {r.get('abstained_alone')})" if "abstained" in r else ""))
    return out


def log_results(results: dict, failures: bool, log: Callable[[str], None] = print,
                table: Callable[[dict], str] = table, lines: Callable[[Sequence[dict]], list[str]] = failure_lines) -> None:
    """What every generated-follow-up CLI prints (eval.followups_generated, _patterns, _stress): the figures' table, the
    answers no passage contains (when the results list them), then with ``failures`` one line per row gone wrong."""
    log(table(results))
    if results.get("unfound"):
        log("answers no passage contains: " + "; ".join(results["unfound"]))
    if failures:
        log("")
        for line in lines(results["rows"]):
            log(line)


def per_kind_count(text: str) -> int:
    """--per-kind as a whole number of rows (at least 1), or an InvalidArgumentError on one line (before the index)."""
    from index.errors import InvalidArgumentError

    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise InvalidArgumentError(f"--per-kind {text} is no number of rows; use a whole number of 1 or more, e.g. 40")
    return count


@command
def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = print) -> int:
    """python -m eval.followups_generated: print the figures and write eval/reports/followups_generated.{md,json}."""
    import argparse

    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.followups_generated", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--per-kind", default=str(PER_KIND), help=f"rows per kind (default {PER_KIND})")
    parser.add_argument("--rewrite-only", action="store_true", help="score the rewrites only (no answers)")
    parser.add_argument("--failures", action="store_true", help="list each row rewritten or answered wrongly")
    parser.add_argument("--out", default=str(REPORTS), help="folder for the report ('' writes nothing)")
    args = parser.parse_args(argv)
    per_kind = per_kind_count(args.per_kind)
    from eval.run import open_retriever

    retriever, _ = open_retriever(args.index, log=log)
    results = evaluate(retriever, per_kind, answers=not args.rewrite_only)
    log_results(results, args.failures, log)
    if args.out and not args.rewrite_only:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        text = ["# Generated follow-up conversations (tune material only)", "", __doc__.split("\n\n", 2)[2].strip(), "",
                "Command: `python -m eval.followups_generated`", "", table(results), "", "## Not as they should be", ""]
        (folder / "followups_generated.md").write_text("\n".join(text + failure_lines(results["rows"])) + "\n", encoding="utf-8")
        rows = [{k: v for k, v in r.items() if k != "ranking"} for r in results["rows"]]
        payload = {"groups": results["groups"], "standalone": results["standalone"], "rows": rows}
        (folder / "followups_generated.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        log(f"wrote {folder / 'followups_generated.md'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
