"""Time-travel validation of the answerability rules: each set scored as if it were new, without the rules written after it.

    python -m eval.calibrate_eras [--index PATH]

Leave one set out (eval.calibrate_validate --test all) refits the model without a set, but the hand-written rules
(answer checks, kind and unit lists, place_absent, the kind and place swaps) stay as they were written, many of them
with that very set's tune near misses in view. A new writer's questions meet rules fitted to nobody's questions. So
for each reader set written in session N, this tool switches off what was added in session N and later
(retriever/answerability/eras.py: code paths; here: whole features and generated negatives), recomputes every
question's features, refits the model on the other sets (as calibrate_validate does) and scores the set's tune
questions; then the same with every rule on. The two columns per set are near miss refused (NM) and false
abstention (FA); the gap between them is what the set's own rules bought on the set, which a new set does not get.

The rules of sessions 1-6 stay on (gold, readers and readers2 were written before or with them: their rows show the
all-rules figures only). Switched off for a set of session N (the session that added each rule, after that session's
set existed):

- N <= 8 (readers3): the answer check (stated_answer, clause_number), kind_named and absent_noun (whole features);
- N <= 11 (readers3 .. readers7): place_absent, the kind swaps and the place swaps;
- code rules of sessions 10, 11, 12: see retriever/answerability/eras.py.

Session-9 code rules (a spoken place-holder, two entities take the lower, measure words answer one another) stay on:
they are too entwined to switch off; readers5's row flatters the rules a little for that.

Session 13 (judge7), near miss refused (NM) and false abstention (FA), pooled over readers3..readers8:

    every rule on             NM 0.835  FA 0.023
    the set's later rules off NM 0.680  FA 0.019   (held-out near miss of the same tree: 0.726)
    the same with fact_elsewhere (the asked words told in another entity's sentence): NM 0.845 / 0.711, FA unchanged

Session 13 (judge8), detail_filled (the sentence that tells of the asked thing holds a filler of the asked kind),
pooled over readers3..readers9, every rule on: NM 0.832 -> 0.885, FA 0.019 -> 0.016 (later rules off: 0.717 both, as
it is a session-13 feature); '<13 on old' (readers3..readers7, which it was not written for, though their tune near
misses were in view): NM 0.827 -> 0.901, FA 0.019 -> 0.014. readers9 (first seen this session): 0.875 either way.

Session 14 (judge9): detail_filled and fact_elsewhere left out of the model (they cost false abstention on CMRC's
even half, 12 -> 16 of 510): pooled, every rule on, NM 0.885 -> 0.832, FA 0.016 -> 0.019; later rules off 0.717 /
0.016 either way.

The '<N on old' rows pool the sets written before session N-1 (which the rules of session N were not written for):
session-12 rules did nothing for readers3+5+6 (0.815 either way), sessions 11-12 moved readers3+5 0.745 -> 0.824,
sessions 9-12 readers3 0.686 -> 0.771: the earlier rules carried over to older sets, the last session's did not.

Tune splits only: held-out questions are never read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from eval.calibrate import MODEL_FEATURES, TRAINING_SETS, fit_model, is_written, training_examples
from eval.calibrate_validate import example_sets, probabilities, scores
from retriever.answerability import eras

# The session each reader set was written in (eval/sets/README.md); its rules and later ones are what it never saw.
SESSIONS = {"readers3": 7, "readers5": 9, "readers6": 10, "readers7": 11, "readers8": 12, "readers9": 13, "readers10": 14, "readers11": 15, "readers12": 16, "readers13": 17, "readers14": 18, "readers15": 19, "readers16": 20, "readers17": 21, "readers18": 22, "readers19": 23, "readers20": 24, "readers21": 25, "readers22": 26, "readers23": 27, "readers24": 28, "readers25": 29, "readers26": 30, "readers27": 31}
# Whole features and generated negatives by the session that added them.
FEATURE_SESSIONS = {"stated_answer": 7, "clause_number": 7, "kind_named": 7, "absent_noun": 8, "place_absent": 11, "fact_elsewhere": 13, "detail_filled": 13, "year_absent": 15}
SWAP_SESSIONS = {"kind swap": 11, "place swap": 11}


def features_before(session: int | None) -> list[str]:
    """The model's features that existed before ``session`` (None: all)."""
    return [f for f in MODEL_FEATURES if session is None or FEATURE_SESSIONS.get(f, 0) < session]


def kept_before(origin: str, session: int | None) -> bool:
    """Whether a training example of this origin existed before ``session`` (generated kinds added later did not)."""
    return session is None or all(not origin.startswith(k) or s < session for k, s in SWAP_SESSIONS.items())


def feature_rows(retriever, evidence: Sequence, session: int | None) -> np.ndarray:
    """Every example's features with the code rules of ``session`` and later switched off (None: all on)."""
    eras.RULES_BEFORE = session
    try:
        return np.array([retriever.answerability.analyse(e).vector() for e in evidence])
    finally:
        eras.RULES_BEFORE = None


def time_travel(retriever, log: Callable[[str], None] = print) -> dict:
    """{set: {'all': scores, 'before': scores or None}}: leave one set out with every rule on, and with the set's
    session and later switched off; 'pooled' pools the sets that have both."""
    from retriever.service import evidence_for

    examples = training_examples(retriever, log, TRAINING_SETS)
    log(f"searching {len(examples)} questions ...")
    evidence = [evidence_for(retriever, e.question) for e in examples]
    member = example_sets(examples, TRAINING_SETS)
    matrices = {}
    for session in (None, *sorted(set(SESSIONS.values()))):
        log(f"features with the rules of session {session} and later off ..." if session else "features, all rules ...")
        matrices[session] = feature_rows(retriever, evidence, session)
    out, pooled = {}, {"all": ([], []), "before": ([], [])}
    for test in TRAINING_SETS:
        row = {}
        for column, session in (("all", None), ("before", SESSIONS.get(test))):
            if column == "before" and session is None:
                row[column] = None
                continue
            x = matrices[session]
            train = [i for i, s in enumerate(member) if s != test and kept_before(examples[i].origin, session)]
            held = [i for i, s in enumerate(member) if s == test and is_written(examples[i])]
            params, _ = fit_model(x[train], [examples[i] for i in train], features_before(session))
            p = probabilities(params, x[held])
            row[column] = scores([examples[i] for i in held], p)
            if test in SESSIONS:
                pooled[column][0].extend(examples[i] for i in held)
                pooled[column][1].append(p)
        out[test] = row
    out["pooled"] = {c: scores(ex, np.concatenate(ps)) for c, (ex, ps) in pooled.items()}
    return out | {"transfer": transfer(matrices, examples, member)}


def transfer(matrices: dict, examples: Sequence, member: Sequence[str]) -> dict:
    """{'session N': {'all': scores, 'before': scores}}: the sets written before session N - 1 (readers3 .. ), whose
    near misses the rules of sessions N and later were not written for, pooled, each left out of its own fit; with
    every rule on and with sessions N and later off. What those rules did for writers they never saw."""
    out = {}
    for session in sorted(set(SESSIONS.values()))[1:]:
        sets = [s for s, n in SESSIONS.items() if n < session - 1]
        if not sets:
            continue
        row = {}
        for column, cut in (("all", None), ("before", session)):
            ex, ps = [], []
            for test in sets:
                train = [i for i, s in enumerate(member) if s != test and kept_before(examples[i].origin, cut)]
                held = [i for i, s in enumerate(member) if s == test and is_written(examples[i])]
                params, _ = fit_model(matrices[cut][train], [examples[i] for i in train], features_before(cut))
                ex += [examples[i] for i in held]
                ps.append(probabilities(params, matrices[cut][held]))
            row[column] = scores(ex, np.concatenate(ps)) | {"questions": f"{len(ex)} ({'+'.join(sets)})"}
        out[f"session {session}"] = row
    return out


def table(results: dict) -> str:
    """One line a set: near miss refused and false abstention with every rule on, then with its later rules off."""
    lines = [f"{'set':<10} {'NM all':>7} {'NM before':>9} {'FA all':>7} {'FA before':>9} {'n':>4}"]
    rows = {k: v for k, v in results.items() if k != "transfer"}
    rows |= {f"<{k[8:]} on old" if k.startswith("session") else k: v for k, v in results.get("transfer", {}).items()}
    for name, row in rows.items():
        before = row["before"] or {}
        cells = [_cell(row["all"].get("near_miss")), _cell(before.get("near_miss")),
                 _cell(row["all"].get("false_abstention")), _cell(before.get("false_abstention"))]
        lines.append(f"{name:<10} {cells[0]:>7} {cells[1]:>9} {cells[2]:>7} {cells[3]:>9} {row['all']['questions']!s:>4}")
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.calibrate_eras [--index PATH]."""
    import argparse

    from eval.command import run_command
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate_eras", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    args = parser.parse_args(argv)

    def run() -> None:
        from eval.run import opened_retriever

        with opened_retriever(args.index, None, fresh=args.index is None, log=print) as retriever:
            print(table(time_travel(retriever)))

    return run_command(run)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
