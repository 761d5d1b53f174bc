"""The checks of the fresh held-out sets (fresh.jsonl, fresh_followups.jsonl): their own file checks plus novelty.

The fresh sets were written in session 5, blind, after every other set had been used for tuning; none of
their questions may repeat a question of eval/gold.jsonl, readers.jsonl or followups.jsonl.
"""

from check_files import check_followups, check_readers
from check_novelty import check_novel, conversation_keys, existing_keys
from check_rules import FRESH_FU_SPEC, FRESH_SPEC, qkey


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
    check_novel(fresh, FRESH_SPEC.fname, ffu, FRESH_FU_SPEC.fname, existing_keys(gold_rows, [readers], [followups]),
                conversation_keys([followups]), errors, "followups.jsonl")
    return fresh, f_cat, ffu, ff_cat
