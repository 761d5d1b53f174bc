"""The checks of the session-6 sets (readers2.jsonl, followups2.jsonl): their own file checks plus novelty.

They were written blind in session 6 as more tune data (80 % tune: per category, ids sorted, index % 5 == 2 ->
heldout); none of their questions may repeat a question of eval/gold.jsonl, readers.jsonl, followups.jsonl or
the fresh sets. check_blind_pair() is the shared check of such a pair of newer blind sets (session 7 reuses it).
"""

import os

from check_files import check_followups, check_readers
from check_novelty import check_novel, conversation_keys, existing_keys
from check_rules import FOLLOWUPS2_SPEC, READERS2_SPEC, qkey


def check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors, reader_spec, followup_spec):
    """Check a newer pair of blind sets (a reader-format file and a follow-up file) in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: lists of rows of the earlier reader-format sets.
        earlier_followups: lists of rows of the earlier follow-up sets.
        errors: list the problems are appended to (a missing file is one).
        reader_spec, followup_spec: the SetSpecs of the two files.

    Returns:
        (reader rows, readers by category, follow-up rows, follow-ups by category); empty for a missing file.
    """
    gold_q = {qkey(g["question"]) for g in gold_rows}
    found = {}
    for spec, check in ((reader_spec, check_readers), (followup_spec, check_followups)):
        path = os.path.join(folder, spec.fname)
        if not os.path.exists(path):
            errors.append(f"{spec.fname}: missing from {folder}")
            found[spec.fname] = ([], {})
            continue
        found[spec.fname] = check(path, text, gold_q, errors, spec)
    (r, r_cat), (f, f_cat) = found[reader_spec.fname], found[followup_spec.fname]
    check_novel(r, reader_spec.fname, f, followup_spec.fname,
                existing_keys(gold_rows, earlier_readers, earlier_followups),
                conversation_keys(earlier_followups), errors, "an earlier set")
    return r, r_cat, f, f_cat


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
        (readers2 rows, readers2 by category, followups2 rows, followups2 by category); empty for a missing file.
    """
    return check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors,
                            READERS2_SPEC, FOLLOWUPS2_SPEC)
