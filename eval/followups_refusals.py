"""Answerable follow-ups refused with their history, beside the same follow-up asked three other ways (tune only).

    python -m eval.followups_refusals                 # the hand-written sets' tune rows and the stress pools
    python -m eval.followups_refusals --generated 40  # also the generated conversations (rows per kind)
    python -m eval.followups_refusals --file eval/followups_en_twins.jsonl   # also a pool of one's own

eval/followups_en_twins.jsonl (session 12, tune material): English renderings of the tune rows of followups6 and
followups7 (whose tune halves are all Chinese), two phrasings each (e0xx/f0xx, v0xx), with the writer's reference
rewrite in English; written from those tune rows only.

Each refusal is asked again: (a) the follow-up alone, (b) the set's reference rewrite alone (``rewritten``; a
generated row's source question), (c) what was searched with history, asked alone. Its cause is one of
- ``refused anyway``: the reference is refused too (a single-turn false abstention, not the conversation's);
- ``not rewritten``: searched as typed, while the reference is answered (or there is none);
- ``rewrite``: the reference is answered and the rewrite is not (what the rewrite carried or dropped);
- ``no reference``: nothing to compare with.
Tune material only: the ``tune`` rows of eval/sets/followups*.jsonl wired in eval.followups_sets (never followups4
or fresh_followups), the stress pools of eval.followups_stress and the generated conversations of tune questions.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence

from eval.command import command

CAUSES = ("not rewritten", "refused anyway", "rewrite", "no reference")


def tune_rows(retriever, generated: int = 0, pools: Sequence[tuple[str, list[dict]]] = ()) -> list[dict]:
    """The answerable tune follow-ups: {id, source, history, question, answers, reference}; pools: (name, rows) of
    one's own; generated rows per kind are built from the retriever's index."""
    from eval.followups_sets import FOLLOWUPS, MORE_SETS, load_followups
    from eval.followups_stress import POOLS, load_pool

    rows = []
    for key, path in [("followups", FOLLOWUPS)] + [(key, path) for key, _, path in MORE_SETS]:
        rows += [dict(r, source=key, reference=r.get("rewritten", "")) for r in load_followups(path) if r["split"] == "tune"]
    for path in POOLS:
        rows += [dict(r, source=path.stem, reference="") for r in load_pool(path)]
    for name, pool in pools:
        rows += [dict(r, source=name, reference=r.get("rewritten", "")) for r in pool]
    if generated:
        from eval.followups_generate import generate, sample, tune_sources
        from retriever.conversation import knowledge_for

        made = sample(generate(knowledge_for(retriever), tune_sources()), generated)
        rows += [dict(r, source="generated", reference=r["source_question"]) for r in made]
    return [r for r in rows if r.get("answers")]


def cause(rewritten: str, reference: bool | None) -> str:
    """Why a follow-up refused with history was refused (pure): reference is whether the reference rewrite asked
    alone is refused (None without one)."""
    if reference:
        return "refused anyway"
    if not rewritten:
        return "not rewritten"
    return "no reference" if reference is None else "rewrite"


def refusals(retriever, rows: Sequence[dict]) -> list[dict]:
    """The rows refused with history, each with what was searched, why, and the three other askings."""
    out = []
    for row in rows:
        with_history = retriever.answer(row["question"], history=row["history"])
        if not with_history.abstained:
            continue
        alone = retriever.answer(row["question"])
        reference = retriever.answer(row["reference"]) if row["reference"] else None
        searched = retriever.answer(with_history.rewritten) if with_history.rewritten else None
        out.append({
            "id": row["id"], "source": row["source"], "history": row["history"], "question": row["question"],
            "rewritten": with_history.rewritten, "probability": with_history.confidence, "notice": with_history.notice,
            "alone": alone.confidence, "reference": reference.confidence if reference else None,
            "searched_alone": searched.confidence if searched else None,
            "cause": cause(with_history.rewritten, reference.abstained if reference else None),
        })
    return out


@command
def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = print) -> int:
    """python -m eval.followups_refusals: list the refusals and count their causes."""
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.followups_refusals", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--generated", type=int, default=0, help="also this many generated rows per kind")
    parser.add_argument("--file", action="append", default=[], help="also a pool of one's own (JSON lines)")
    parser.add_argument("--json", action="store_true", help="print each refusal as a JSON line")
    args = parser.parse_args(argv)
    from eval.followups_stress import load_pool
    from eval.run import open_retriever

    pools = [(path, load_pool(path)) for path in args.file]  # a missing file is refused before the index is opened
    retriever, _ = open_retriever(args.index, log=log)
    rows = tune_rows(retriever, args.generated, pools)
    found = refusals(retriever, rows)
    for item in found:
        if args.json:
            log(json.dumps(item, ensure_ascii=False))
            continue
        other = " ".join(f"{k}={item[k]:.2f}" for k in ("alone", "reference", "searched_alone") if item[k] is not None)
        log(f"{item['id']} [{item['source']}] {item['cause']}: {' | '.join(item['history'])} → {item['question']} "
            f"⇒ {item['rewritten'] or '(as typed)'}; p={item['probability']:.2f} {other}; {item['notice']}")
    counts = Counter(item["cause"] for item in found)
    log(f"\n{len(found)} of {len(rows)} answerable tune follow-ups refused with history: "
        + ", ".join(f"{c} {counts[c]}" for c in CAUSES))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
