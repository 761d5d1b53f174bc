"""The checks of the session-7 sets (readers3.jsonl, followups3.jsonl): their own file checks plus novelty.

They were written blind in session 7 as more tune data, 70 % tune by row (0-based row index in the file % 10 in
{2, 5, 8} -> heldout; every category keeps some heldout rows); none of their questions may repeat a question of
eval/gold.jsonl, readers.jsonl, followups.jsonl, the fresh sets or the session-6 sets.
"""

from check_rules import FOLLOWUPS3_SPEC, READERS3_SPEC
from check_session6 import check_blind_pair


def check_session7(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers3.jsonl and followups3.jsonl in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: rows of the earlier reader-format sets (readers, fresh, readers2).
        earlier_followups: rows of the earlier follow-up sets (followups, fresh_followups, followups2).
        errors: list the problems are appended to (a missing file is one).

    Returns:
        (readers3 rows, readers3 by category, followups3 rows, followups3 by category); empty for a missing file.
    """
    return check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors,
                            READERS3_SPEC, FOLLOWUPS3_SPEC)
