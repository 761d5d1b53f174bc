"""Follow-up questions (eval/sets/followups.jsonl): scored with their history and asked alone.

Each row is a conversation: earlier questions (history), a follow-up, the answer strings of the
follow-up once resolved, a category (ellipsis, pronoun, switch, standalone, near_miss) and a split
(tune, heldout). A passage is relevant when it contains an answer string, as for the gold set.

    python -m eval.followups                 # both splits, with history and asked alone
    python -m eval.followups --reference     # also the set's reference rewrites (a ceiling)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from eval import metrics
from eval.gold import load_gold

SETS = Path(__file__).resolve().parent / "sets"
FOLLOWUPS = SETS / "followups.jsonl"
FOLLOWUPS2 = SETS / "followups2.jsonl"  # more conversations, written blind in session 6
FOLLOWUPS3 = SETS / "followups3.jsonl"  # more again, written blind in session 7 (70 % tune by row)
FOLLOWUPS5 = SETS / "followups5.jsonl"  # more again, written blind in session 9 (half tune, half held out)
FOLLOWUPS6 = SETS / "followups6.jsonl"  # more again, written blind in session 10 (half tune, half held out)
# The conversation sets scored beside followups.jsonl, each in a section of its own: (key, source, path).
MORE_SETS = (
    ("followups2", "eval/sets/followups2.jsonl", FOLLOWUPS2),
    ("followups3", "eval/sets/followups3.jsonl", FOLLOWUPS3),
    ("followups5", "eval/sets/followups5.jsonl", FOLLOWUPS5),
    ("followups6", "eval/sets/followups6.jsonl", FOLLOWUPS6),
)
K = 10  # ranked list depth (MRR@10)
CONDITIONS = ("history", "alone", "reference")
FIGURES = ("recall@1", "recall@5", "mrr@10")
TITLES = {
    "recall@1": "R@1", "recall@5": "R@5", "mrr@10": "MRR@10", "false_abstention": "false abst.",
    "near_miss_abstention": "near-miss abst.", "rewritten": "rewritten",
}


def load_followups(path: str | Path | None = None) -> list[dict]:
    """The follow-up conversations (JSON lines), in file order."""
    with open(path or FOLLOWUPS, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def collect(retriever, rows: Sequence[dict], condition: str, k: int = K) -> dict[str, dict]:
    """Ask every follow-up once; condition 'history' passes its history, 'alone' does not, and
    'reference' asks the set's reference rewrite alone. Returns the raw observations by id."""
    observations = {}
    for row in rows:
        if condition == "reference":
            answer = retriever.answer(row["rewritten"], k=k)
        else:
            answer = retriever.answer(row["question"], k=k, history=row["history"] if condition == "history" else None)
        observations[row["id"]] = {
            "ranking": [h.chunk_id for h in answer.passages],
            "abstained": bool(answer.abstained),
            "rewritten": answer.rewritten,
        }
    return observations


def _figures(rows: Sequence[dict], qrels: dict, observations: dict) -> dict:
    """R@1, R@5, MRR@10 and false abstention over the answerable rows, near-miss abstention over the rest."""
    answerable = [r for r in rows if r["answers"]]
    unanswerable = [r for r in rows if not r["answers"]]
    out: dict = {"n": len(rows), "answerable": len(answerable)}
    if answerable:
        per_query = metrics.per_query_metrics(
            {r["id"]: qrels[r["id"]] for r in answerable}, {r["id"]: observations[r["id"]]["ranking"] for r in answerable}
        )
        for name in FIGURES:
            out[name] = sum(per_query[name].values()) / len(answerable)
        out["false_abstention"] = sum(observations[r["id"]]["abstained"] for r in answerable) / len(answerable)
    if unanswerable:
        out["near_miss_abstention"] = sum(observations[r["id"]]["abstained"] for r in unanswerable) / len(unanswerable)
    out["rewritten"] = sum(bool(observations[r["id"]]["rewritten"]) for r in rows) / len(rows)
    return out


def score(rows: Sequence[dict], chunks: dict[str, str], observations: dict) -> dict:
    """Figures per split, and per split and category (pure: no retriever, no I/O).

    Returns:
        {split: {"all": figures, category: figures}, "all": figures}; a figures dict has n,
        answerable, recall@1, recall@5, mrr@10, false_abstention (over answerable rows),
        near_miss_abstention (over rows without answers) and rewritten (share rewritten).
    """
    qrels = metrics.relevance({r["id"]: r["answers"] for r in rows if r["answers"]}, chunks)
    out: dict = {"all": _figures(rows, qrels, observations)}
    for split in sorted({r["split"] for r in rows}):
        in_split = [r for r in rows if r["split"] == split]
        out[split] = {"all": _figures(in_split, qrels, observations)}
        for category in sorted({r["category"] for r in in_split}):
            out[split][category] = _figures([r for r in in_split if r["category"] == category], qrels, observations)
    return out


def failures(rows: Sequence[dict], chunks: dict[str, str], observations: dict) -> list[dict]:
    """The rows whose answer is not at rank 1 or whose abstention is wrong, with what was searched."""
    qrels = metrics.relevance({r["id"]: r["answers"] for r in rows if r["answers"]}, chunks)
    out = []
    for row in rows:
        obs = observations[row["id"]]
        if row["answers"]:
            rank = metrics.first_relevant_rank(qrels[row["id"]], obs["ranking"])
            if rank == 1 and not obs["abstained"]:
                continue
        elif obs["abstained"]:
            continue
        else:
            rank = None
        out.append({
            "id": row["id"], "split": row["split"], "category": row["category"], "rank": rank,
            "abstained": obs["abstained"], "searched": obs["rewritten"] or row["question"],
        })
    return out


def parity(rows: Sequence[dict], history: dict, reference: dict) -> dict[str, list[str]]:
    """Answerable rows refused only with history ('history_only': answered as the writer's own standalone question)
    or only as the reference ('reference_only')."""
    ids = [r["id"] for r in rows if r["answers"]]
    return {"history_only": [i for i in ids if history[i]["abstained"] and not reference[i]["abstained"]],
            "reference_only": [i for i in ids if reference[i]["abstained"] and not history[i]["abstained"]]}


# Earlier questions put before questions that stand on their own, to check that they are searched as typed.
DISTRACTORS = (
    ("大连拆除了多少台燃煤锅炉？",),
    ("How many coal-fired boilers did Dalian dismantle?",),
    ("区锦雄在哪家公司工作？", "他年轻时常去哪条江游泳？"),
    ("湘潭发行了多少专项债券？", "他还提到了什么措施？"),
    ("Who heads the Xiangtan bureau?", "What did he say about funding?"),
    ("What is the river chief system?",),
)


def standalone_questions() -> list[dict]:
    """Questions that stand on their own: eval/gold.jsonl (split from gold_split.json), eval/sets/readers*.jsonl."""
    held = set(json.loads((SETS / "gold_split.json").read_text(encoding="utf-8"))["heldout"])
    rows = [{"id": q.id, "question": q.question, "split": "heldout" if q.id in held else "tune"} for q in load_gold()]
    return rows + [r for name in ("readers", "readers2", "readers3", "readers5", "readers6") for r in load_followups(SETS / f"{name}.jsonl")]


def false_rewrites(retriever, rows: Sequence[dict] | None = None) -> dict:
    """How often a question that stands on its own is rewritten after an unrelated history.

    Returns:
        {split: {"asked": question × history pairs, "rewritten": share rewritten, "examples": up to 5}}.
    """
    from retriever.conversation import complete

    out: dict = {}
    for row in rows if rows is not None else standalone_questions():
        figures = out.setdefault(row["split"], {"asked": 0, "rewritten": 0, "examples": []})
        for history in DISTRACTORS:
            result = complete(retriever, row["question"], list(history))
            figures["asked"] += 1
            if result.changed and result.text != row["question"]:
                figures["rewritten"] += 1
                if len(figures["examples"]) < 5 and row["split"] != "heldout":  # held-out questions stay unread
                    figures["examples"].append(f"{row['id']}: {row['question']} → {result.text}")
    for figures in out.values():
        figures["rewritten"] = figures["rewritten"] / figures["asked"] if figures["asked"] else 0.0
    return out


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


def _cell(figures: dict, name: str) -> str:
    value = figures.get(name)
    return "—" if value is None else f"{value:.3f}"


def report_section(results: dict, source: str = "eval/sets/followups.jsonl") -> str:
    """A Markdown section of one conversation set (named by source): one table per split, a row per category and condition."""
    columns = FIGURES + ("false_abstention", "near_miss_abstention", "rewritten")
    lines = [f"## Follow-up questions ({source})", ""]
    lines.append(
        "`history`: the follow-up asked with its earlier questions (rewritten when it does not stand alone); "
        "`alone`: the follow-up asked without history (the 'before' figure); `reference`: the set's own "
        "rewrite asked alone (a ceiling for the rewriter). False abstention is over answerable rows, "
        "near-miss abstention over the rows the transcript does not answer."
    )
    conditions = results["conditions"]
    splits = sorted({s for c in conditions.values() for s in c if s != "all"})
    for split in splits:
        lines += ["", f"### {split}", ""]
        header = ["category", "n", "condition"] + [TITLES[c] for c in columns]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        categories = ["all"] + sorted({c for cond in conditions.values() for c in cond[split] if c != "all"})
        for category in categories:
            for condition, by_split in conditions.items():
                figures = by_split[split].get(category)
                if figures is None:
                    continue
                cells = [category, str(figures["n"]), condition] + [_cell(figures, c) for c in columns]
                lines.append("| " + " | ".join(cells) + " |")
    if results.get("false_rewrites"):
        lines += ["", "### Questions that stand on their own, asked after an unrelated history", ""]
        lines.append(
            f"eval/gold.jsonl and eval/sets/readers.jsonl, each after {len(DISTRACTORS)} histories "
            "(eval/followups.py DISTRACTORS); every rewrite here is a false one."
        )
        lines.append("")
        for split, figures in sorted(results["false_rewrites"].items()):
            examples = "; e.g. " + "; ".join(figures["examples"]) if figures["examples"] else ""
            lines.append(f"- {split}: {figures['rewritten']:.3f} of {figures['asked']} rewritten{examples}")
    return "\n".join(lines)


def _failure_lines(results: dict) -> list[str]:
    return [  # what a held-out row searched is left out, so that nobody tunes on it
        f"- {f['id']} ({f['split']}, {f['category']}): rank {f['rank']}, abstained {f['abstained']}"
        + (f"; searched 「{f['searched']}」" if f["split"] != "heldout" else "")
        for f in results["failures"].get("history", [])
    ]


def write_report(results: dict, out: str | Path, more: Sequence[tuple[str, dict]] = ()) -> list[Path]:
    """Write followups.md and followups.json into a folder; their paths.

    Args:
        results: evaluate_followups() figures of eval/sets/followups.jsonl.
        out: the folder.
        more: (source, evaluate_followups() figures) of further conversation sets, each a section of its own.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    md, data = folder / "followups.md", folder / "followups.json"
    lines = [report_section(results).replace("## ", "# ", 1), "", "## Not answered at rank 1 with history", ""]
    lines += _failure_lines(results)
    for source, figures in more:
        lines += ["", report_section(figures, source), "", f"### Not answered at rank 1 with history ({source})", ""]
        lines += _failure_lines(figures)
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    payload = {**results, "more": {source: figures for source, figures in more}} if more else results
    data.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return [md, data]


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
