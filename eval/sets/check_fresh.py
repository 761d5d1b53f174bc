"""The checks of the fresh held-out sets (fresh.jsonl, fresh_followups.jsonl): their own file checks plus novelty.

The fresh sets were written in session 5, blind, after every other set had been used for tuning; none of
their questions may repeat a question of eval/gold.jsonl, readers.jsonl or followups.jsonl.
"""

from check_files import check_followups, check_readers
from check_rules import FRESH_FU_SPEC, FRESH_SPEC, qkey


def _existing_keys(gold_rows, readers, followups):
    """Normalised texts of every earlier question: gold and reader questions, follow-up turns and rewrites."""
    keys = {qkey(g["question"]) for g in gold_rows}
    keys |= {qkey(r.get("question", "")) for r in readers}
    for r in followups:
        keys |= {qkey(x) for x in r.get("history", []) + [r.get("question", ""), r.get("rewritten", "")]}
    keys.discard("")
    return keys


def check_fresh(folder, text, gold_rows, readers, followups, errors):
    """Check fresh.jsonl and fresh_followups.jsonl in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows, readers, followups: the rows of eval/gold.jsonl, readers.jsonl and followups.jsonl.
        errors: list the problems are appended to.

    Returns:
        (fresh rows, fresh by category, fresh follow-up rows, fresh follow-ups by category).
    """
    gold_q = {qkey(g["question"]) for g in gold_rows}
    fresh, f_cat = check_readers(f"{folder}/{FRESH_SPEC.fname}", text, gold_q, errors, FRESH_SPEC)
    ffu, ff_cat = check_followups(f"{folder}/{FRESH_FU_SPEC.fname}", text, gold_q, errors, FRESH_FU_SPEC)
    old = _existing_keys(gold_rows, readers, followups)
    for r in fresh:
        if qkey(r.get("question", "")) in old:
            errors.append(f"{FRESH_SPEC.fname} {r.get('id')}: question repeats an earlier set: {r.get('question')!r}")
    fresh_q = {qkey(r.get("question", "")) for r in fresh}
    old_conv = {(tuple(qkey(h) for h in r.get("history", [])), qkey(r.get("question", ""))) for r in followups}
    for r in ffu:
        tag = f"{FRESH_FU_SPEC.fname} {r.get('id')}"
        history = r.get("history") or [""]
        conv = (tuple(qkey(h) for h in history), qkey(r.get("question", "")))
        if conv in old_conv:
            errors.append(f"{tag}: conversation repeats followups.jsonl")
        # self-contained texts must be new: the first turn, the rewrite, and a standalone follow-up
        for what, s in (("first turn", history[0]), ("rewritten", r.get("rewritten", "")),
                        ("question", r.get("question", "") if r.get("category") == "standalone" else "")):
            if s and qkey(s) in old:
                errors.append(f"{tag}: {what} repeats an earlier set: {s!r}")
            if s and what != "first turn" and qkey(s) in fresh_q:
                errors.append(f"{tag}: {what} repeats a question of {FRESH_SPEC.fname}: {s!r}")
    return fresh, f_cat, ffu, ff_cat
