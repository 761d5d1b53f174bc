"""The standalone false-rewrite check: questions that stand on their own, asked after unrelated histories."""

from __future__ import annotations

import json
from collections.abc import Sequence

from eval.followups_sets import SETS, load_followups
from eval.gold import load_gold

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
    return rows + [r for name in ("readers", "readers2", "readers3", "readers5", "readers6", "readers7", "readers8", "readers9", "readers10", "readers11", "readers12", "readers13", "readers14", "readers15", "readers16", "readers17", "readers18", "readers19", "readers20", "readers21", "readers22", "readers23", "readers24", "readers25", "readers26", "readers27") for r in load_followups(SETS / f"{name}.jsonl")]


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
