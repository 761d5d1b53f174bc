"""The shared checks of the half-split blind sets (sessions 9, 10, 11, …): one spec helper and one pair check.

Each such session wrote a reader-format file and a follow-up file blind, with a tune half and a held-out half: within
each category, items sorted by id, the item at index i is heldout when i % 2 == 1, else tune (simplified twins copy
their traditional twin); every category has an even size, so each category and each file is exactly half heldout.
None of their questions may repeat a question of eval/gold.jsonl or of any earlier set. A new session adds one
HalfSplitSession (data) in its own check_sessionN.py; the checks are all here.
"""

from dataclasses import dataclass

from check_rules import SetSpec
from check_session6 import check_blind_pair

HALF_HELDOUT_MOD2, HALF_MIN_HELDOUT = (1,), 0.5  # alternate within a category; an odd size falls short
FU_CATEGORIES = ("ellipsis", "pronoun", "switch", "standalone", "near_miss")


@dataclass(frozen=True)
class HalfSplitSession:
    """What one session's pair of half-split sets must satisfy.

    readers/followups: file names; reader_prefix/followup_prefix: id prefixes; reader_min: least rows per reader
    category; near_miss_en: least English near misses; fu_min: least conversations per follow-up category (a dict,
    or one int for all five); fu_min_lang: least conversations per language; fu_min_total: least conversations.
    """

    session: int
    readers: str
    reader_prefix: str
    followups: str
    followup_prefix: str
    reader_min: dict
    near_miss_en: int
    fu_min: object
    fu_min_lang: dict
    fu_min_total: int = 30


def half_split_specs(s):
    """The SetSpecs (readers, followups) of a HalfSplitSession: its minimums with the alternating half split."""
    split = dict(heldout_mod5=HALF_HELDOUT_MOD2, min_heldout=HALF_MIN_HELDOUT, split_mod=2)
    readers = SetSpec(s.readers, s.reader_prefix, dict(s.reader_min), {"near_miss_en": s.near_miss_en}, **split)
    fu_min = dict(s.fu_min) if isinstance(s.fu_min, dict) else {c: s.fu_min for c in FU_CATEGORIES}
    followups = SetSpec(s.followups, s.followup_prefix, fu_min, dict(s.fu_min_lang), s.fu_min_total, **split)
    return readers, followups


def check_half(fname, rows, errors):
    """Note a file whose tune and heldout halves differ in size.

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


def check_half_split(session, folder, text, gold_rows, earlier_readers, earlier_followups, errors):
    """Check one session's pair of half-split sets in folder: the file checks, novelty and the exact halves.

    Args:
        session: the HalfSplitSession.
        folder: the eval/sets folder.
        text: the normalised transcript.
        gold_rows: the rows of eval/gold.jsonl.
        earlier_readers: rows of every earlier reader-format set.
        earlier_followups: rows of every earlier follow-up set.
        errors: list the problems are appended to (a missing file is one).

    Returns:
        (reader rows, readers by category, follow-up rows, follow-ups by category); empty for a missing file.
    """
    reader_spec, followup_spec = half_split_specs(session)
    found = check_blind_pair(folder, text, gold_rows, earlier_readers, earlier_followups, errors,
                             reader_spec, followup_spec)
    check_half(reader_spec.fname, found[0], errors)
    check_half(followup_spec.fname, found[2], errors)
    return found
