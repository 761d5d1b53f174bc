"""The checks of the session-8 sets (readers4.jsonl, followups4.jsonl): their own file checks plus novelty.

They were written blind in session 8 as a new held-out set that nobody tunes on: every row is heldout (ids u001…,
v001…); none of their questions may repeat a question of eval/gold.jsonl, the earlier reader and follow-up sets, the
fresh sets or the session-6 and session-7 sets. The file checks are check_session6.check_blind_pair's.
"""

from check_rules import SetSpec
from check_session6 import check_blind_pair

READERS4_MIN = {
    "plain": 8, "traditional": 6, "simplified_twin": 6, "colloquial": 8, "keyword": 5, "typo": 5, "title_english": 5,
    "paraphrase_english": 10, "mixed": 6, "near_miss": 40, "nonsense": 5, "out_of_scope": 12,
}
READERS4_NEAR_MISS_EN = 15
FU4_MIN_TOTAL, FU4_MIN = 25, {"ellipsis": 5, "pronoun": 5, "switch": 5, "standalone": 3, "near_miss": 5}
FU4_MIN_LANG = {"zh": 10, "en": 10}

READERS4_SPEC = SetSpec("readers4.jsonl", "u", READERS4_MIN, {"near_miss_en": READERS4_NEAR_MISS_EN},
                        heldout_only=True)
FOLLOWUPS4_SPEC = SetSpec("followups4.jsonl", "v", FU4_MIN, FU4_MIN_LANG, FU4_MIN_TOTAL, heldout_only=True)


def check_session8(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers4.jsonl and followups4.jsonl in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: rows of the earlier reader-format sets (readers, fresh, readers2, readers3).
        earlier_followups: rows of the earlier follow-up sets (followups, fresh_followups, followups2, followups3).
        errors: list the problems are appended to (a missing file is one).

    Returns:
        (readers4 rows, readers4 by category, followups4 rows, followups4 by category); empty for a missing file.
    """
    return check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors,
                            READERS4_SPEC, FOLLOWUPS4_SPEC)
