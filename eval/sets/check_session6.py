"""The checks of the session-6 sets (readers2.jsonl, followups2.jsonl): their own file checks plus novelty.

They were written blind in session 6 as more tune data (80 % tune: per category, ids sorted, index % 5 == 2 ->
heldout); none of their questions may repeat a question of eval/gold.jsonl, readers.jsonl, followups.jsonl or
the fresh sets.
"""

import os

from check_files import check_followups, check_readers
from check_novelty import check_novel, conversation_keys, existing_keys
from check_rules import FOLLOWUPS2_SPEC, READERS2_SPEC, qkey


def check_session6(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers2.jsonl and followups2.jsonl in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: rows of the earlier reader-format sets (readers.jsonl, fresh.jsonl).
        earlier_followups: rows of the earlier follow-up sets (followups.jsonl, fresh_followups.jsonl).
        errors: list the problems are appended to (a missing file is one).

    Returns:
        (readers2 by category, followups2 by category); empty for a missing file.
    """
    gold_q = {qkey(g["question"]) for g in gold_rows}
    found = {}
    for spec, check in ((READERS2_SPEC, check_readers), (FOLLOWUPS2_SPEC, check_followups)):
        path = os.path.join(folder, spec.fname)
        if not os.path.exists(path):
            errors.append(f"{spec.fname}: missing from {folder}")
            found[spec.fname] = ([], {})
            continue
        found[spec.fname] = check(path, text, gold_q, errors, spec)
    (r2, r2_cat), (f2, f2_cat) = found[READERS2_SPEC.fname], found[FOLLOWUPS2_SPEC.fname]
    check_novel(r2, READERS2_SPEC.fname, f2, FOLLOWUPS2_SPEC.fname,
                existing_keys(gold_rows, earlier_readers, earlier_followups),
                conversation_keys(earlier_followups), errors, "an earlier set")
    return r2_cat, f2_cat
