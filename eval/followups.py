"""Follow-up questions (eval/sets/followups.jsonl): scored with their history and asked alone.

Each row is a conversation: earlier questions (history), a follow-up, the answer strings of the
follow-up once resolved, a category (ellipsis, pronoun, switch, standalone, near_miss) and a split
(tune, heldout). A passage is relevant when it contains an answer string, as for the gold set.

    python -m eval.followups                 # both splits, with history and asked alone
    python -m eval.followups --reference     # also the set's reference rewrites (a ceiling)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eval.command import command
from eval.followups_report import report_section, write_report
from eval.followups_score import collect, failures, parity, score
from eval.followups_sets import (  # noqa: F401  (re-exported: the names callers import from eval.followups)
    CONDITIONS,
    FIGURES,
    FOLLOWUPS,
    FOLLOWUPS2,
    FOLLOWUPS3,
    FOLLOWUPS5,
    FOLLOWUPS6,
    MORE_SETS,
    SETS,
    TITLES,
    K,
    load_followups,
)
from eval.followups_standalone import DISTRACTORS, false_rewrites, standalone_questions  # noqa: F401

__all__ = [
    "CONDITIONS", "DISTRACTORS", "FIGURES", "FOLLOWUPS", "K", "MORE_SETS", "SETS", "TITLES", "collect",
    "evaluate_followups", "failures", "false_rewrites", "load_followups", "main", "parity", "report_section",
    "score", "standalone_questions", "write_report",
]


def evaluate_followups(
    retriever,
    rows: Sequence[dict] | None = None,
    conditions: Sequence[str] = ("history", "alone"),
    standalone: bool = False,
) -> dict:
    """Follow-up figures for a retriever, with history and asked alone (no files written).

    Args:
        retriever: a loaded retriever.Retriever.
        rows: the conversations; default eval/sets/followups.jsonl.
        conditions: any of 'history' (the follow-up with its history), 'alone' (the follow-up
            without history: the 'before' figure) and 'reference' (the set's reference rewrite).
        standalone: also measure false_rewrites() on the gold and reader questions.

    Returns:
        {"conditions": {condition: score()}, "failures": {condition: failures()},
         "rewrites": {id: what was searched with history}, "questions": n}, and with standalone
        "false_rewrites": false_rewrites().
    """
    rows = list(rows if rows is not None else load_followups())
    chunks = {c.chunk_id: c.text for c in retriever.chunks}
    results: dict = {"questions": len(rows), "conditions": {}, "failures": {}}
    seen = {}
    for condition in conditions:
        observations = seen[condition] = collect(retriever, rows, condition)
        results["conditions"][condition] = score(rows, chunks, observations)
        results["failures"][condition] = failures(rows, chunks, observations)
        if condition == "history":
            results["rewrites"] = {r["id"]: observations[r["id"]]["rewritten"] for r in rows}
    if "history" in seen and "reference" in seen:
        results["parity"] = parity(rows, seen["history"], seen["reference"])
    if standalone:
        results["false_rewrites"] = false_rewrites(retriever)
    return results


@command
def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = print) -> int:
    """python -m eval.followups: print the follow-up figures (and write them as JSON with --out)."""
    import argparse

    from index.env import apply_defaults
    from index.errors import ForumQAError

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.followups", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--set", default=None, help="follow-up conversations (JSON lines); default eval/sets/followups.jsonl")
    parser.add_argument("--split", default=None, choices=("tune", "heldout"), help="only this split")
    parser.add_argument("--reference", action="store_true", help="also score the set's reference rewrites")
    parser.add_argument("--failures", action="store_true", help="list the rows not answered at rank 1 (with history)")
    parser.add_argument("--out", default=None, help="folder for followups.md and followups.json (default: write nothing)")
    args = parser.parse_args(argv)
    try:
        from eval.run import open_retriever

        rows = load_followups(args.set)
        if args.split:
            rows = [r for r in rows if r["split"] == args.split]
        retriever, _ = open_retriever(args.index, log=log)
        conditions = ("history", "alone") + (("reference",) if args.reference else ())
        results = evaluate_followups(retriever, rows, conditions, standalone=not args.split)
    except ForumQAError as error:
        log(f"error: {error}")
        return 2
    log(report_section(results))
    if "parity" in results:  # held-out ids only, never what they searched
        shown = {k: ", ".join(v) or "none" for k, v in results["parity"].items()}
        log(f"\nrefused with history but answered as the reference alone: {shown['history_only']}; "
            f"the other way: {shown['reference_only']}")
    if args.failures:
        log("")
        for fail in results["failures"]["history"]:
            log(f"{fail['id']} {fail['split']} {fail['category']} rank={fail['rank']} "
                f"abstained={fail['abstained']} searched={fail['searched']}")
    if args.out:
        log("wrote " + ", ".join(str(p) for p in write_report(results, args.out)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
