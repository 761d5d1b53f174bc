"""The checks of the session-10 sets (readers6.jsonl, followups6.jsonl): their own file checks, the split and novelty.

They were written blind in session 10 with a tune half and a held-out half (ids v001…, y001…), like the session-9
sets: within each category, items sorted by id, the item at index i is heldout when i % 2 == 1, else tune
(simplified twins copy their traditional twin); every category has an even size, so each category and each file is
exactly half heldout. None of their questions may repeat a question of eval/gold.jsonl or of any earlier set
(readers … readers5, followups … followups5, the fresh sets). The file and novelty checks are
check_session6.check_blind_pair's, the half check check_session9.check_half's.
"""

from check_rules import SetSpec
from check_session6 import check_blind_pair
from check_session9 import SESSION9_HELDOUT_MOD2, SESSION9_MIN_HELDOUT, check_half

READERS6_MIN = {
    "plain": 12, "traditional": 8, "simplified_twin": 8, "colloquial": 20, "keyword": 8, "typo": 8,
    "title_english": 8, "paraphrase_english": 20, "mixed": 8, "near_miss": 26, "nonsense": 4, "out_of_scope": 12,
}
READERS6_NEAR_MISS_EN = 12
FU6_MIN_TOTAL, FU6_MIN = 30, {c: 6 for c in ("ellipsis", "pronoun", "switch", "standalone", "near_miss")}
FU6_MIN_LANG = {"zh": 15, "en": 15}

READERS6_SPEC = SetSpec("readers6.jsonl", "v", READERS6_MIN, {"near_miss_en": READERS6_NEAR_MISS_EN},
                        heldout_mod5=SESSION9_HELDOUT_MOD2, min_heldout=SESSION9_MIN_HELDOUT, split_mod=2)
FOLLOWUPS6_SPEC = SetSpec("followups6.jsonl", "y", FU6_MIN, FU6_MIN_LANG, FU6_MIN_TOTAL,
                          heldout_mod5=SESSION9_HELDOUT_MOD2, min_heldout=SESSION9_MIN_HELDOUT, split_mod=2)


def check_session10(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers6.jsonl and followups6.jsonl in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: rows of the earlier reader-format sets (readers, fresh, readers2 … readers5).
        earlier_followups: rows of the earlier follow-up sets (followups, fresh_followups, followups2 … followups5).
        errors: list the problems are appended to (a missing file is one).

    Returns:
        (readers6 rows, readers6 by category, followups6 rows, followups6 by category); empty for a missing file.
    """
    found = check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors,
                             READERS6_SPEC, FOLLOWUPS6_SPEC)
    check_half(READERS6_SPEC.fname, found[0], errors)
    check_half(FOLLOWUPS6_SPEC.fname, found[2], errors)
    return found
