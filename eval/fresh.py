"""The blind held-out sets, each scored apart and reported in a section of its own: eval/sets/fresh.jsonl +
fresh_followups.jsonl (written blind in session 5) and eval/sets/readers4.jsonl + followups4.jsonl (session 8).

Each was written blind and committed before any run of the system on it. No tuning may read them: they are
kept out of the main tables (the figures of gold, readers and followups do not change), out of eval/expected.json
(a regression gate on them would make them a tuning target) and their per-question results are not printed.
The reader questions are scored exactly like eval/sets/readers.jsonl (eval/run.py evaluate), the conversations
like eval/sets/followups.jsonl (eval/followups.py, with and without history).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.followups import evaluate_followups, load_followups
from eval.questions import FOLLOWUPS4, FRESH, FRESH_FOLLOWUPS, READERS4, EvalQuestion, load_fresh


@dataclass(frozen=True)
class BlindSet:
    """A blind held-out pair of files: reader questions and conversations, every row held out."""

    name: str  # the set name of its reader questions in the figures
    readers: Path
    followups: Path
    session: int  # the session that wrote it

    @property
    def title(self) -> str:
        return f"{self.name.capitalize()} held-out (written session {self.session}, never tuned)"


FRESH_SET = BlindSet("fresh", FRESH, FRESH_FOLLOWUPS, 5)
BLIND_SETS = (FRESH_SET, BlindSet("readers4", READERS4, FOLLOWUPS4, 8))
TITLE = FRESH_SET.title
READER_COLUMNS = ("R@1", "R@5", "MRR@10", "ans-sent", "out-of-scope abst.", "near-miss abst.", "nonsense abst.",
                  "false abst.")
FOLLOWUP_COLUMNS = ("recall@1", "recall@5", "mrr@10", "false_abstention", "near_miss_abstention", "rewritten")


def evaluate_fresh(
    retriever,
    modes: Sequence[str] = ("bm25", "dense", "hybrid"),
    questions: Sequence[EvalQuestion] | None = None,
    conversations: Sequence[dict] | None = None,
    blind: BlindSet = FRESH_SET,
) -> dict:
    """Figures of a retriever on a blind held-out pair of sets (default the fresh ones of session 5).

    Args:
        retriever: a loaded retriever.Retriever.
        modes: search modes for the reader questions (the conversations are asked in the default mode, as
            eval/followups.py does).
        questions: the reader questions; default the blind set's reader file (load_fresh).
        conversations: the follow-up conversations; default the blind set's conversation file.
        blind: which blind pair.

    Returns:
        {'set': the blind set's name, 'readers': {'questions', 'modes': {mode: {'splits': {'heldout': block},
        'latency'}}}, the eval.run.evaluate() figures of the held-out split, and 'followups': evaluate_followups()'s
        'questions' and 'conditions'}; per-question failures and rewrites are left out, so that nobody can tune on
        them.
    """
    from eval.run import evaluate

    questions = list(questions if questions is not None else load_fresh(blind.readers, blind.name))
    rows = list(conversations if conversations is not None else load_followups(blind.followups))
    figures = evaluate(retriever, questions, modes)
    readers = {"questions": figures["questions"], "modes": {}}
    for mode, m in figures["modes"].items():
        held = {k: v for k, v in m["splits"]["heldout"].items() if k != "failures"}
        readers["modes"][mode] = {"splits": {"heldout": held}, "latency": m["latency"]}
    follow = evaluate_followups(retriever, rows, conditions=("history", "alone"))
    return {"set": blind.name, "readers": readers,
            "followups": {"questions": follow["questions"], "conditions": follow["conditions"]}}


def blind_set(figures: dict) -> BlindSet:
    """The blind set that evaluate_fresh() figures are of."""
    name = figures.get("set", FRESH_SET.name)
    return next(b for b in BLIND_SETS if b.name == name)


def set_figures(block: dict, name: str) -> dict[str, float | None]:
    """One set's figures in a split block (eval/summary.py block), READER_COLUMNS -> value.

    Retrieval comes from the block's per-set retrieval; answer sentence, false abstention and abstention per kind
    are the n-weighted means of the set's categories, so that they cover this set only (the Overall table of
    eval.md pools every set of the split).
    """
    retrieval = block["retrieval"].get(name) or {}
    groups = {g.split("/", 1)[1]: c for g, c in block["categories"].items() if g.split("/", 1)[0] == name}
    answerable = [c for c in groups.values() if "recall@1" in c]
    total = sum(c["n"] for c in answerable)

    def pooled(metric: str) -> float | None:
        return sum(c[metric] * c["n"] for c in answerable) / total if total else None

    def abstention(kind: str) -> float | None:
        return groups[kind]["abstention"] if kind in groups else None

    return {
        "R@1": retrieval.get("recall@1"), "R@5": retrieval.get("recall@5"), "MRR@10": retrieval.get("mrr@10"),
        "ans-sent": pooled("answer_sentence"), "out-of-scope abst.": abstention("out_of_scope"),
        "near-miss abst.": abstention("near_miss"), "nonsense abst.": abstention("nonsense"),
        "false abst.": pooled("false_abstention"),
    }


def _f(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.3f}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _overall(fresh: dict, results: dict | None) -> list[str]:
    """Per mode: the blind set's reader questions, then the earlier held-out sets of the same run for comparison."""
    name = blind_set(fresh).name
    lines = [_row(["mode", "set (held-out split)", "n answerable", *READER_COLUMNS]),
             "|---" * (3 + len(READER_COLUMNS)) + "|"]
    for mode, m in fresh["readers"]["modes"].items():
        sets = [(f"**{name}**", name, m["splits"]["heldout"])]
        earlier = ((results or {}).get("modes") or {}).get(mode)
        if earlier is not None:
            held = earlier["splits"]["heldout"]
            sets += [(f"{name} (earlier)", name, held) for name in sorted(held["retrieval"]) if name != "all"]
        for title, set_name, block in sets:
            figures = set_figures(block, set_name)
            n = (block["retrieval"].get(set_name) or {}).get("n", 0)
            lines.append(_row([mode, title, str(n)] + [_f(figures[c]) for c in READER_COLUMNS]))
    return lines


def _categories(fresh: dict, mode: str) -> list[str]:
    categories = fresh["readers"]["modes"][mode]["splits"]["heldout"]["categories"]
    lines = [_row(["category", "n", "R@1", "R@5", "MRR@10", "ans-sent", "false abst.", "abstention"]), "|---" * 8 + "|"]
    for group, c in categories.items():
        cells = [_f(c.get(k)) for k in ("recall@1", "recall@5", "mrr@10", "answer_sentence", "false_abstention", "abstention")]
        lines.append(_row([group.split("/", 1)[1], str(c["n"])] + cells))
    return lines


def _followups(fresh: dict, earlier: dict | None) -> list[str]:
    titles = ["R@1", "R@5", "MRR@10", "false abst.", "near-miss abst.", "rewritten"]
    lines = [_row(["category", "n", "condition"] + titles), "|---" * (3 + len(titles)) + "|"]
    conditions = fresh["followups"]["conditions"]
    held = {c: by_split.get("heldout", {}) for c, by_split in conditions.items()}
    categories = ["all"] + sorted({k for v in held.values() for k in v if k != "all"})
    for category in categories:
        for condition, by_category in held.items():
            figures = by_category.get(category)
            if figures:
                cells = [_f(figures.get(c)) for c in FOLLOWUP_COLUMNS]
                lines.append(_row([category, str(figures["n"]), condition] + cells))
    for condition, by_split in ((earlier or {}).get("conditions") or {}).items():
        figures = by_split.get("heldout", {}).get("all")
        if figures:
            cells = [_f(figures.get(c)) for c in FOLLOWUP_COLUMNS]
            lines.append(_row(["followups.jsonl held-out, all (earlier set)", str(figures["n"]), condition] + cells))
    return lines


def report_section(fresh: dict, results: dict | None = None, earlier_followups: dict | None = None) -> str:
    """The Markdown section of a blind set's held-out figures (no per-question results).

    Args:
        fresh: evaluate_fresh() figures (of any blind set).
        results: the main run's figures (eval.run.evaluate), whose held-out rows are shown beside the fresh ones.
        earlier_followups: eval/followups.py figures of eval/sets/followups.jsonl from the same run, for comparison.
    """
    modes = fresh["readers"]["modes"]
    main_mode = "hybrid" if "hybrid" in modes else next(iter(modes))
    blind = blind_set(fresh)
    counts = fresh["readers"]["questions"].get(blind.name, {})
    parts = [
        f"## {blind.title}",
        "",
        f"eval/sets/{blind.readers.name} ({counts.get('heldout', 0)} reader questions) and eval/sets/"
        f"{blind.followups.name} ({fresh['followups']['questions']} conversations) were written blind in session "
        f"{blind.session} and committed before any run of the system on them. Every item is held out and **no tuning may read them** (nor their per-question results, "
        "which are not listed here). They are scored apart with the same metrics as readers.jsonl and followups.jsonl; "
        "the tables above do not include them. Every row below is one set's held-out split from this same run (its "
        "ans-sent and abstention figures cover that set only, unlike the pooled Overall table above); gold has no "
        "near-miss or nonsense questions.",
        "",
        "### Reader questions, per mode",
        "",
        *_overall(fresh, results),
        "",
        f"### Reader questions, per category ({main_mode})",
        "",
        *_categories(fresh, main_mode),
        "",
        "### Follow-up conversations (default mode, with history and asked alone, as in followups.md)",
        "",
        *_followups(fresh, earlier_followups),
    ]
    return "\n".join(parts)
