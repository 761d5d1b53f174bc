"""Out-of-scope abstention on questions about another text: CMRC 2018's questions asked of the forum's index.

    python -m eval.scope [--index PATH] [--data FILE] [--out eval/reports]

Every question of the CMRC 2018 trial set (Chinese Wikipedia: people, places, science, history) is asked of the
bundled transcript's index; it answers none of them, so each should be refused. Two halves by paragraph (file
order): the odd half was read while choosing retriever/answerability/topic.py's rarity threshold, the even half by
nothing, so the even half is the figure to quote. Neither trains the answerability model. The questions are not
printed. Writes scope.md and scope.json.

A second table asks the forum's own vocabulary (eval/scope_stress.jsonl, session 22, oos2): questions written for this
measure, never tuned on, about topics the forum never discusses but in its words (环保, 污染, 治理, 政策; a Nobel prize,
the Yangtze fishing ban, Sichuan's pandas, a purchase tax), some naming a city or speaker of the text (大连的垃圾分类), in
Chinese, English and mixed; beside them paraphrases of answerable tune questions, whose refusals are false abstentions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from eval.cmrc import Question, load

REPORTS = Path(__file__).resolve().parent / "reports"
STRESS = Path(__file__).resolve().parent / "scope_stress.jsonl"
STRESS_KINDS = {
    "out_of_scope": "another topic, in the forum's words",
    "entity_out_of_scope": "another topic of a city or speaker of the text",
    "paraphrase": "answerable: a tune question reworded (refused = false abstention)",
}
HALVES = {"even": "not read for any choice", "odd": "read while choosing topic.py's RARE"}


def cmrc_half(half: str, path=None) -> list[Question]:
    """CMRC 2018's questions of the even- or odd-numbered paragraphs (file order).

    Raises:
        BenchmarkError: the data is missing or malformed (eval.cmrc.load).
    """
    paragraphs, questions = load(path)
    number = {p.id: n for n, p in enumerate(paragraphs)}
    parity = {"even": 0, "odd": 1}[half]
    return [q for q in questions if number[q.doc] % 2 == parity]


def evaluate_scope(retriever, questions: Sequence) -> dict:
    """Abstention on questions the text has no answer to.

    Args:
        retriever: a loaded retriever of the bundled transcript.
        questions: eval.cmrc Questions (or anything with .question).

    Returns:
        {'questions', 'abstention', 'confidence': quantiles of the answered ones' confidence, 'by_cue': abstention
        with and without an absent noun (retriever/answerability/topic.py)}.
    """
    from retriever.service import judge

    abstained, confidence, cue = [], [], []
    for q in questions:
        verdict = judge(retriever, q.question)
        abstained.append(verdict.abstained)
        confidence.append(verdict.probability)
        cue.append(verdict.analysis.values.get("absent_noun", 0.0) > 0)
    abstained, confidence, cue = np.array(abstained), np.array(confidence), np.array(cue)
    answered = confidence[~abstained]
    return {
        "questions": len(questions),
        "abstention": float(abstained.mean()) if len(questions) else None,
        "answered_confidence": {f"p{p}": round(float(np.percentile(answered, p)), 3) for p in (50, 90)} if len(answered) else {},
        "by_cue": {
            name: {"n": int(mask.sum()), "abstention": round(float(abstained[mask].mean()), 3) if mask.any() else None}
            for name, mask in (("absent noun", cue), ("no absent noun", ~cue))
        },
    }


def stress_questions(path: str | Path = STRESS) -> list[dict]:
    """The forum-vocabulary questions (id, question, lang, kind: a STRESS_KINDS key)."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    unknown = {r["kind"] for r in rows} - set(STRESS_KINDS)
    if unknown:
        raise ValueError(f"{path}: unknown kinds {sorted(unknown)}")
    return rows


def evaluate_stress(retriever, rows: Sequence[dict]) -> dict:
    """Refusal per kind and language of the forum-vocabulary questions: {kind: {lang: {'n', 'abstention'}}}, each
    kind also under 'all'."""
    from retriever.service import judge

    out: dict[str, dict[str, dict]] = {}
    for row in rows:
        abstained = judge(retriever, row["question"]).abstained
        for lang in (row["lang"], "all"):
            cell = out.setdefault(row["kind"], {}).setdefault(lang, {"n": 0, "refused": 0})
            cell["n"] += 1
            cell["refused"] += int(abstained)
    for cells in out.values():
        for cell in cells.values():
            cell["abstention"] = round(cell["refused"] / cell["n"], 3)
    return out


def stress_markdown(figures: dict) -> list[str]:
    """scope.md's second table: a row per kind, refusal by language."""
    langs = ("zh", "en", "mixed", "all")
    rows = [
        f"| {kind} ({STRESS_KINDS[kind]}) | " + " | ".join(
            f"{c['refused']} of {c['n']}" if (c := cells.get(lang)) else "—" for lang in langs
        ) + " |"
        for kind, cells in figures.items()
    ]
    return [
        "",
        "Forum-vocabulary questions (eval/scope_stress.jsonl, written for this measure, never tuned on): refused.",
        "",
        "| kind | zh | en | mixed | all |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]


def markdown(halves: dict, embedder: str) -> str:
    """scope.md: a table row per half (run_scope's figures)."""
    rows = []
    for half, f in halves.items():
        cue, conf = f["by_cue"], f["answered_confidence"]
        rows.append(
            f"| {half} ({HALVES[half]}) | {f['questions']} | {f['abstention']:.3f} | {conf.get('p50', '—')} / "
            f"{conf.get('p90', '—')} | " + " | ".join(
                f"{c['abstention'] if c['abstention'] is not None else '—'} (n = {c['n']})" for c in cue.values()
            ) + " |"
        )
    return "\n".join([
        "# Out-of-scope abstention on another text (CMRC 2018)",
        "",
        f"`python -m eval.scope`, embedder `{embedder}`: CMRC 2018's trial questions (Chinese Wikipedia), asked of the "
        "forum transcript's index, which answers none of them. Target: out-of-scope abstention ≥ 0.90 (issue 9). "
        "Quote the even half: the odd half was read while choosing the rarity threshold of the absent-noun feature "
        "(retriever/answerability/topic.py). Neither half trains the answerability model.",
        "",
        "| half | questions | abstention | answered: median / p90 confidence | abstention with an absent noun | "
        "without |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
    ])


def run_scope(index=None, data=None, out: str | Path | None = REPORTS, log: Callable[[str], None] = print) -> dict:
    """Score both halves, print the table and write scope.md and scope.json (out=None: write nothing)."""
    from eval.run import opened_retriever

    questions = {half: cmrc_half(half, data) for half in HALVES}  # a missing file fails here, before any index opens
    stress = stress_questions(STRESS) if STRESS.is_file() else []
    with opened_retriever(index, None, False, log) as retriever:
        figures = {half: evaluate_scope(retriever, qs) for half, qs in questions.items()}
        text = markdown(figures, retriever.embedder.id)
        if stress:
            figures["forum_vocabulary"] = evaluate_stress(retriever, stress)
            text += "\n".join(stress_markdown(figures["forum_vocabulary"]))
    log(text)
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "scope.md").write_text(text, encoding="utf-8")
        (out / "scope.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return figures


def run_stress(index=None, path: str | Path = STRESS, log: Callable[[str], None] = print) -> dict:
    """Only the forum-vocabulary table (a minute, not CMRC's thousand questions); prints it, writes nothing."""
    from eval.run import opened_retriever

    rows = stress_questions(path)
    with opened_retriever(index, None, False, log) as retriever:
        figures = evaluate_stress(retriever, rows)
    log("\n".join(stress_markdown(figures)))
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from eval.command import run_command
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.scope", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: the default index)")
    parser.add_argument("--data", default=None, help="the CMRC 2018 trial JSON (default: eval/cmrc.py's)")
    parser.add_argument("--out", default=str(REPORTS), help="folder for scope.md and scope.json")
    parser.add_argument("--stress-only", action="store_true", help="only the forum-vocabulary questions (printed, not written)")
    args = parser.parse_args(argv)
    if args.stress_only:
        return run_command(lambda: run_stress(args.index))
    return run_command(lambda: run_scope(args.index, args.data, args.out))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
