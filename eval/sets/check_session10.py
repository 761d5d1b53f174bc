"""The session-10 sets (readers6.jsonl, followups6.jsonl, ids v001…, y001…): written blind, half tune, half heldout.

None of their questions may repeat a question of eval/gold.jsonl or of any earlier set (readers … readers5,
followups … followups5, the fresh sets). The checks are check_halfsplit's; this module holds the session's data.
"""

from check_halfsplit import HalfSplitSession, check_half_split

SESSION10 = HalfSplitSession(
    session=10, readers="readers6.jsonl", reader_prefix="v", followups="followups6.jsonl", followup_prefix="y",
    reader_min={
        "plain": 12, "traditional": 8, "simplified_twin": 8, "colloquial": 20, "keyword": 8, "typo": 8,
        "title_english": 8, "paraphrase_english": 20, "mixed": 8, "near_miss": 26, "nonsense": 4, "out_of_scope": 12,
    },
    near_miss_en=12, fu_min=6, fu_min_lang={"zh": 15, "en": 15})


def check_session10(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers6.jsonl and followups6.jsonl in folder (arguments and result as check_half_split's)."""
    return check_half_split(SESSION10, folder, text, gold_rows, earlier_readers, earlier_followups, errors)
