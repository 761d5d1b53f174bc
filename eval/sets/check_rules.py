"""The rules the set checker applies to every file: limits, fields, normalisation, answer, language and split checks."""

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field

MIN_LEN, MAX_LEN, MAX_OCC = 4, 20, 3
MIN_HELDOUT = 0.35

SPEAKERS = {"王奇", "张海冰", "许伟", "苏国军", "区锦雄", "中国环境报", "编者按",
            "participants", "title", "headline", None}

READER_FIELDS = {"id", "question", "answers", "category", "lang", "speaker", "twin", "split"}
READER_MIN = {
    "traditional": 20, "simplified_twin": 20, "colloquial": 20, "keyword": 13,
    "typo": 13, "title_english": 20, "paraphrase_english": 20, "mixed": 13,
    "near_miss": 52, "nonsense": 13, "out_of_scope": 13,
}
READER_UNANSWERABLE = {"near_miss", "nonsense", "out_of_scope"}
READER_LANG = {  # fixed language per category (None = any of zh/en/mixed)
    "plain": "zh", "traditional": "zh", "simplified_twin": "zh", "colloquial": "zh", "keyword": "zh",
    "typo": "zh", "title_english": "en", "paraphrase_english": "en", "mixed": "mixed",
    "near_miss": None, "nonsense": None, "out_of_scope": None,
}
MIN_NEAR_MISS_EN = 15

FU_FIELDS = {"id", "history", "question", "answers", "category", "lang", "speaker",
             "rewritten", "split"}
FU_CATS = {"ellipsis", "pronoun", "switch", "standalone", "near_miss"}
FU_MIN_TOTAL, FU_MIN = 55, {"standalone": 8, "near_miss": 5}
FU_MIN_LANG = {"zh": 30, "en": 15}

# The fresh held-out sets (fresh.jsonl, fresh_followups.jsonl): every item heldout, smaller minimums,
# one more reader category ("plain": an ordinary written question in simplified Chinese).
FRESH_READER_MIN = {
    "plain": 8, "traditional": 4, "simplified_twin": 4, "colloquial": 5, "keyword": 4, "typo": 4,
    "title_english": 4, "paraphrase_english": 4, "mixed": 4, "near_miss": 18, "nonsense": 3, "out_of_scope": 8,
}
FRESH_NEAR_MISS_EN = 6
FRESH_FU_MIN_TOTAL, FRESH_FU_MIN = 28, {c: 5 for c in ("ellipsis", "pronoun", "switch", "standalone", "near_miss")}
FRESH_FU_MIN_LANG = {"zh": 15, "en": 10}


# The session-6 sets (readers2.jsonl, followups2.jsonl): written blind, mostly tune data (index % 5 == 2 -> heldout).
READERS2_MIN = {
    "traditional": 0, "simplified_twin": 0, "colloquial": 20, "keyword": 6, "typo": 6, "title_english": 8,
    "paraphrase_english": 25, "mixed": 5, "near_miss": 35, "nonsense": 5, "out_of_scope": 12,
}
READERS2_NEAR_MISS_EN = 12
FU2_MIN_TOTAL, FU2_MIN = 40, {c: 5 for c in ("ellipsis", "pronoun", "switch", "standalone", "near_miss")}
FU2_MIN_LANG = {"zh": 20, "en": 15}
SESSION6_HELDOUT_MOD5, SESSION6_MIN_HELDOUT = (2,), 0.14  # 1 of 7 is the smallest share a category of >= 5 gets

# The session-7 sets (readers3.jsonl, followups3.jsonl): written blind, 70 % tune by row (0-based row index in the
# file % 10 in {2, 5, 8} -> heldout, not stratified by category); every category still gets some heldout rows.
READERS3_MIN = {
    "traditional": 4, "simplified_twin": 4, "colloquial": 20, "keyword": 3, "typo": 4, "title_english": 4,
    "paraphrase_english": 30, "mixed": 3, "near_miss": 45, "nonsense": 2, "out_of_scope": 12,
}
READERS3_NEAR_MISS_EN = 15
FU3_MIN_TOTAL, FU3_MIN = 30, {c: 5 for c in ("ellipsis", "pronoun", "switch", "standalone", "near_miss")}
FU3_MIN_LANG = {"zh": 15, "en": 12}
SESSION7_HELDOUT_ROW_MOD10, SESSION7_MIN_HELDOUT = (2, 5, 8), 0.15  # any 4 consecutive rows hold a heldout one


@dataclass(frozen=True)
class SetSpec:
    """What one set file must satisfy: its name, id prefix, categories with their minimum counts, language
    minimums (readers: English near misses under 'near_miss_en'), total minimum and split policy."""

    fname: str
    prefix: str
    minimum: dict = field(default_factory=dict)
    min_lang: dict = field(default_factory=dict)
    min_total: int = 0
    heldout_only: bool = False  # every item heldout (fresh sets) instead of the index % 5 rule
    heldout_mod5: tuple = (1, 3)  # index % 5 values that are heldout (session-6 sets: (2,), 80 % tune)
    min_heldout: float = MIN_HELDOUT  # least heldout share per category
    heldout_row_mod10: tuple = ()  # if set: row index in the file % 10 values that are heldout (session-7 sets)
    split_mod: int = 5  # the modulus of the per-category rule (session-9 sets: 2, i % 2 == 1 -> heldout)


READERS_SPEC = SetSpec("readers.jsonl", "r", dict(READER_MIN), {"near_miss_en": MIN_NEAR_MISS_EN})
FOLLOWUPS_SPEC = SetSpec("followups.jsonl", "f", {c: FU_MIN.get(c, 0) for c in sorted(FU_CATS)}, FU_MIN_LANG,
                         FU_MIN_TOTAL)
FRESH_SPEC = SetSpec("fresh.jsonl", "fr", FRESH_READER_MIN, {"near_miss_en": FRESH_NEAR_MISS_EN}, heldout_only=True)
READERS2_SPEC = SetSpec("readers2.jsonl", "s", READERS2_MIN, {"near_miss_en": READERS2_NEAR_MISS_EN},
                        heldout_mod5=SESSION6_HELDOUT_MOD5, min_heldout=SESSION6_MIN_HELDOUT)
FOLLOWUPS2_SPEC = SetSpec("followups2.jsonl", "g", FU2_MIN, FU2_MIN_LANG, FU2_MIN_TOTAL,
                          heldout_mod5=SESSION6_HELDOUT_MOD5, min_heldout=SESSION6_MIN_HELDOUT)
READERS3_SPEC = SetSpec("readers3.jsonl", "t", READERS3_MIN, {"near_miss_en": READERS3_NEAR_MISS_EN},
                        min_heldout=SESSION7_MIN_HELDOUT, heldout_row_mod10=SESSION7_HELDOUT_ROW_MOD10)
FOLLOWUPS3_SPEC = SetSpec("followups3.jsonl", "h", FU3_MIN, FU3_MIN_LANG, FU3_MIN_TOTAL,
                          min_heldout=SESSION7_MIN_HELDOUT, heldout_row_mod10=SESSION7_HELDOUT_ROW_MOD10)
FRESH_FU_SPEC = SetSpec("fresh_followups.jsonl", "ff", FRESH_FU_MIN, FRESH_FU_MIN_LANG, FRESH_FU_MIN_TOTAL,
                        heldout_only=True)

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# a Latin word that is not an all-caps acronym (PPP, GDP, PM2.5 are fine in zh text)
LATIN_NON_ACRONYM = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def qkey(s):
    return norm(s).lower()


def count_occ(hay, needle):
    """Overlapping occurrence count."""
    n, i = 0, hay.find(needle)
    while i != -1:
        n += 1
        i = hay.find(needle, i + 1)
    return n


def split_rule(i, heldout_mod5=(1, 3), split_mod=5):
    """The split of the item at index i of its category (sorted by id): heldout when i % split_mod is in
    heldout_mod5 (the name keeps the default modulus 5; the session-9 sets use split_mod 2)."""
    return "heldout" if i % split_mod in heldout_mod5 else "tune"


def load_jsonl(path, errors):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"{os.path.basename(path)}:{ln}: blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append(f"{os.path.basename(path)}:{ln}: bad JSON: {e}")
    return rows


def check_answers(tag, answers, answerable, text, errors):
    if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
        errors.append(f"{tag}: answers must be a list of strings")
        return
    if answerable:
        if not 1 <= len(answers) <= 3:
            errors.append(f"{tag}: answerable item needs 1-3 answers, has {len(answers)}")
    elif answers:
        errors.append(f"{tag}: unanswerable item must have answers == []")
    if len(set(map(norm, answers))) != len(answers):
        errors.append(f"{tag}: duplicate answer strings")
    for a in answers:
        na = norm(a)
        if not MIN_LEN <= len(na) <= MAX_LEN:
            errors.append(f"{tag}: answer {a!r} has length {len(na)} (want {MIN_LEN}-{MAX_LEN})")
        c = count_occ(text, na)
        if c == 0:
            errors.append(f"{tag}: answer {a!r} not found in transcript")
        elif c > MAX_OCC:
            errors.append(f"{tag}: answer {a!r} occurs {c} times (max {MAX_OCC})")


def check_lang(tag, q, lang, errors):
    has_cjk = bool(CJK.search(q))
    has_latin = bool(LATIN_WORD.search(q))
    if lang == "zh" and LATIN_NON_ACRONYM.search(q):
        errors.append(f"{tag}: lang zh but question has Latin words: {q!r}")
    if lang == "zh" and not has_cjk and re.search(r"\w", q):
        errors.append(f"{tag}: lang zh but no CJK: {q!r}")
    if lang == "en" and has_cjk:
        errors.append(f"{tag}: lang en but question has CJK: {q!r}")
    if lang == "mixed" and has_cjk and not has_latin and re.search(r"[A-Za-z]", q) is None:
        errors.append(f"{tag}: lang mixed but no Latin text: {q!r}")


def check_splits(fname, rows, by_cat, errors, twin_of=None, heldout_only=False, heldout_mod5=(1, 3),
                 min_heldout=MIN_HELDOUT, heldout_row_mod10=(), split_mod=5):
    """rows: list of dicts in file order; by_cat: category -> rows. Verifies the index % split_mod rule (heldout_mod5) or,
    when heldout_row_mod10 is given, the rule by row index in the file (row % 10 in heldout_row_mod10 -> heldout),
    and the least heldout share per category (min_heldout); or, heldout_only, that all are heldout."""
    if heldout_only:
        for r in rows:
            if r.get("split") != "heldout":
                errors.append(f"{fname} {r.get('id')}: split {r.get('split')!r}, every item of this set is 'heldout'")
        return
    if heldout_row_mod10:
        for i, r in enumerate(rows):
            want = "heldout" if i % 10 in heldout_row_mod10 else "tune"
            if r.get("split") != want:
                errors.append(f"{fname} {r.get('id')}: split {r.get('split')!r}, row {i} rule says {want!r}")
    for cat, items in sorted(by_cat.items()):
        items = sorted(items, key=lambda r: r["id"])
        for i, r in enumerate(items):
            if heldout_row_mod10 or (twin_of is not None and cat == "simplified_twin"):
                continue  # by row above, or checked against the twin
            want = split_rule(i, heldout_mod5, split_mod)
            if r.get("split") != want:
                errors.append(f"{fname} {r['id']}: split {r.get('split')!r}, rule says {want!r}")
        held = sum(r.get("split") == "heldout" for r in items)
        if items and held / len(items) < min_heldout:
            errors.append(f"{fname} category {cat}: only {held}/{len(items)} heldout (< {min_heldout:.0%})")
