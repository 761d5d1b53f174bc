"""The session-9 sets (readers5.jsonl, followups5.jsonl, ids w001…, x001…): written blind, half tune, half heldout.

None of their questions may repeat a question of eval/gold.jsonl or of any earlier set (readers … readers4,
followups … followups4, the fresh sets). The checks are check_halfsplit's; this module holds the session's data.
"""

from check_halfsplit import HalfSplitSession, check_half_split

SESSION9 = HalfSplitSession(
    session=9, readers="readers5.jsonl", reader_prefix="w", followups="followups5.jsonl", followup_prefix="x",
    reader_min={
        "plain": 8, "traditional": 6, "simplified_twin": 6, "colloquial": 15, "keyword": 5, "typo": 6,
        "title_english": 6, "paraphrase_english": 15, "mixed": 6, "near_miss": 30, "nonsense": 4, "out_of_scope": 12,
    },
    near_miss_en=10, fu_min=5, fu_min_lang={"zh": 12, "en": 12})


def check_session9(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers5.jsonl and followups5.jsonl in folder (arguments and result as check_half_split's)."""
    return check_half_split(SESSION9, folder, text, gold_rows, earlier_readers, earlier_followups, errors)
