"""The session-31 sets (readers27.jsonl, followups27.jsonl, ids zy001…, zz001…): written blind, half tune, half heldout.

None of their questions may repeat a question of eval/gold.jsonl or of any earlier set (readers … readers26,
followups … followups26, the fresh sets). The checks are check_halfsplit's; this module holds the session's data.
"""

from check_halfsplit import HalfSplitSession, check_half_split

SESSION31 = HalfSplitSession(
    session=31, readers="readers27.jsonl", reader_prefix="zy", followups="followups27.jsonl", followup_prefix="zz",
    reader_min={
        "plain": 14, "traditional": 8, "simplified_twin": 8, "colloquial": 22, "keyword": 8, "typo": 8,
        "title_english": 8, "paraphrase_english": 22, "mixed": 8, "near_miss": 32, "nonsense": 4, "out_of_scope": 8,
    },
    near_miss_en=14, fu_min={"ellipsis": 8, "pronoun": 8, "switch": 8, "standalone": 6, "near_miss": 6},
    fu_min_lang={"zh": 15, "en": 15}, fu_min_total=36)


def check_session31(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers27.jsonl and followups27.jsonl in folder (arguments and result as check_half_split's)."""
    return check_half_split(SESSION31, folder, text, gold_rows, earlier_readers, earlier_followups, errors)
