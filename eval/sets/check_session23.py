"""The session-23 sets (readers19.jsonl, followups19.jsonl, ids zi001…, zj001…): written blind, half tune, half heldout.

None of their questions may repeat a question of eval/gold.jsonl or of any earlier set (readers … readers18,
followups … followups18, the fresh sets). The checks are check_halfsplit's; this module holds the session's data.
"""

from check_halfsplit import HalfSplitSession, check_half_split

SESSION23 = HalfSplitSession(
    session=23, readers="readers19.jsonl", reader_prefix="zi", followups="followups19.jsonl", followup_prefix="zj",
    reader_min={
        "plain": 14, "traditional": 8, "simplified_twin": 8, "colloquial": 22, "keyword": 8, "typo": 8,
        "title_english": 8, "paraphrase_english": 22, "mixed": 8, "near_miss": 30, "nonsense": 4, "out_of_scope": 8,
    },
    near_miss_en=12, fu_min={"ellipsis": 8, "pronoun": 8, "switch": 8, "standalone": 6, "near_miss": 6},
    fu_min_lang={"zh": 15, "en": 15}, fu_min_total=36)


def check_session23(folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check readers19.jsonl and followups19.jsonl in folder (arguments and result as check_half_split's)."""
    return check_half_split(SESSION23, folder, text, gold_rows, earlier_readers, earlier_followups, errors)
