"""The checks of the session-9 sets (readers5.jsonl, followups5.jsonl): their own file checks, the split and novelty.

They were written blind in session 9 with a tune half and a held-out half (ids w001…, x001…): within each category,
items sorted by id, the item at index i is heldout when i % 2 == 1, else tune (simplified twins copy their
traditional twin); every category has an even size, so each category and each file is exactly half heldout. None of
their questions may repeat a question of eval/gold.jsonl or of any earlier set (readers … readers4, followups …
followups4, the fresh sets). The file and novelty checks are check_session6.check_blind_pair's.
"""

from check_rules import SetSpec
from check_session6 import check_blind_pair

READERS5_MIN = {
    "plain": 8, "traditional": 6, "simplified_twin": 6, "colloquial": 15, "keyword": 5, "typo": 6, "title_english": 6,
    "paraphrase_english": 15, "mixed": 6, "near_miss": 30, "nonsense": 4, "out_of_scope": 12,
}
READERS5_NEAR_MISS_EN = 10
FU5_MIN_TOTAL, FU5_MIN = 30, {c: 5 for c in ("ellipsis", "pronoun", "switch", "standalone", "near_miss")}
FU5_MIN_LANG = {"zh": 12, "en": 12}
SESSION9_HELDOUT_MOD2, SESSION9_MIN_HELDOUT = (1,), 0.5  # alternate within a category; an odd size falls short

READERS5_SPEC = SetSpec("readers5.jsonl", "w", READERS5_MIN, {"near_miss_en": READERS5_NEAR_MISS_EN},
                        heldout_mod5=SESSION9_HELDOUT_MOD2, min_heldout=SESSION9_MIN_HELDOUT, split_mod=2)
FOLLOWUPS5_SPEC = SetSpec("followups5.jsonl", "x", FU5_MIN, FU5_MIN_LANG, FU5_MIN_TOTAL,
                          heldout_mod5=SESSION9_HELDOUT_MOD2, min_heldout=SESSION9_MIN_HELDOUT, split_mod=2)


def check_half(fname, rows, errors):
    """Note a file whose tune and heldout halves differ in size (the session-9 sets are exactly half each).

    Args:
        fname: the file name used in the message.
        rows: the file's rows.
        errors: list the problem is appended to.

    Returns:
        None.
    """
    held = sum(r.get("split") == "heldout" for r in rows)
    if rows and 2 * held != len(rows):
        errors.append(f"{fname}: {held} of {len(rows)} rows heldout, want exactly half")


def check_session9(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers5.jsonl and followups5.jsonl in folder.

    Args:
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: rows of the earlier reader-format sets (readers, fresh, readers2, readers3, readers4).
        earlier_followups: rows of the earlier follow-up sets (followups, fresh_followups, followups2 … followups4).
        errors: list the problems are appended to (a missing file is one).

    Returns:
        (readers5 rows, readers5 by category, followups5 rows, followups5 by category); empty for a missing file.
    """
    found = check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors,
                             READERS5_SPEC, FOLLOWUPS5_SPEC)
    check_half(READERS5_SPEC.fname, found[0], errors)
    check_half(FOLLOWUPS5_SPEC.fname, found[2], errors)
    return found
