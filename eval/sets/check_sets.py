#!/usr/bin/env python3
"""Check the hand-written evaluation sets in eval/sets/ (stdlib only).

Usage (from the repository root or anywhere):
    python3 eval/sets/check_sets.py [--transcript PATH] [--gold PATH]

Verifies, for readers.jsonl and followups.jsonl:
  * schema (exact field set, allowed values, types), unique ids, unique questions
    (after normalisation, within each file and against eval/gold.jsonl);
  * every answer string occurs verbatim in the transcript after NFKC
    normalisation and removal of all whitespace, between 1 and MAX_OCC times,
    and is MIN_LEN..MAX_LEN characters long (after the same normalisation);
  * answerable categories have 1-3 answers, unanswerable ones have none;
  * traditional/simplified_twin pairs point at each other, share answers,
    speaker and split, and differ in script (Big5 / GB2312 round trip);
  * language tags are plausible (zh has CJK and no Latin words, en has no CJK,
    mixed has both);
  * minimum counts per category / language;
  * the split follows the fixed rule (within a category, items sorted by id,
    index % 5 in {1, 3} -> heldout; simplified twins copy their twin) and
    every category is at least 35% heldout;
and for gold_split.json: ids exist in eval/gold.jsonl, follow the rule
(per `type`, sorted ids, index % 3 == 0 -> heldout) and are ~35% of the set.

Prints counts per file / category / split and exits 1 if there are errors.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

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
    "traditional": "zh", "simplified_twin": "zh", "colloquial": "zh", "keyword": "zh",
    "typo": "zh", "title_english": "en", "paraphrase_english": "en", "mixed": "mixed",
    "near_miss": None, "nonsense": None, "out_of_scope": None,
}
MIN_NEAR_MISS_EN = 15

FU_FIELDS = {"id", "history", "question", "answers", "category", "lang", "speaker",
             "rewritten", "split"}
FU_CATS = {"ellipsis", "pronoun", "switch", "standalone", "near_miss"}
FU_MIN_TOTAL, FU_MIN = 55, {"standalone": 8, "near_miss": 5}
FU_MIN_LANG = {"zh": 30, "en": 15}

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


def split_rule(i):
    return "heldout" if i % 5 in (1, 3) else "tune"


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


def check_splits(fname, rows, by_cat, errors, twin_of=None):
    """rows: list of dicts; by_cat: category -> rows. Verifies rule and >= 35%."""
    for cat, items in sorted(by_cat.items()):
        items = sorted(items, key=lambda r: r["id"])
        for i, r in enumerate(items):
            if twin_of is not None and cat == "simplified_twin":
                continue  # checked against the twin below
            want = split_rule(i)
            if r.get("split") != want:
                errors.append(f"{fname} {r['id']}: split {r.get('split')!r}, rule says {want!r}")
        held = sum(r.get("split") == "heldout" for r in items)
        if items and held / len(items) < MIN_HELDOUT:
            errors.append(f"{fname} category {cat}: only {held}/{len(items)} heldout (< {MIN_HELDOUT:.0%})")


def check_readers(path, text, gold_q, errors):
    fname = "readers.jsonl"
    rows = load_jsonl(path, errors)
    ids = Counter(r.get("id") for r in rows)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"{fname}: duplicate id {i}")
    qs = Counter(qkey(r.get("question", "")) for r in rows)
    for q, c in qs.items():
        if c > 1:
            errors.append(f"{fname}: duplicate question {q!r}")
    byid = {r.get("id"): r for r in rows}
    by_cat = defaultdict(list)
    for r in rows:
        tag = f"{fname} {r.get('id')}"
        if set(r) != READER_FIELDS:
            errors.append(f"{tag}: fields {sorted(set(r) ^ READER_FIELDS)} wrong")
            continue
        if not re.fullmatch(r"r\d{3}", str(r["id"])):
            errors.append(f"{tag}: id must look like r001")
        cat = r["category"]
        if cat not in READER_MIN:
            errors.append(f"{tag}: unknown category {cat!r}")
            continue
        by_cat[cat].append(r)
        q = r["question"]
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{tag}: empty question")
            continue
        if qkey(q) in gold_q:
            errors.append(f"{tag}: question duplicates eval/gold.jsonl: {q!r}")
        if r["lang"] not in ("zh", "en", "mixed"):
            errors.append(f"{tag}: bad lang {r['lang']!r}")
        want_lang = READER_LANG[cat]
        if want_lang and r["lang"] != want_lang:
            errors.append(f"{tag}: category {cat} wants lang {want_lang}, has {r['lang']}")
        if cat != "nonsense":
            check_lang(tag, q, r["lang"], errors)
        if r["speaker"] not in SPEAKERS:
            errors.append(f"{tag}: bad speaker {r['speaker']!r}")
        if cat in READER_UNANSWERABLE and r["speaker"] is not None:
            errors.append(f"{tag}: unanswerable item must have speaker null")
        if cat not in READER_UNANSWERABLE and r["speaker"] is None:
            errors.append(f"{tag}: answerable item should name a speaker")
        if r["split"] not in ("tune", "heldout"):
            errors.append(f"{tag}: bad split {r['split']!r}")
        check_answers(tag, r["answers"], cat not in READER_UNANSWERABLE, text, errors)
        # twins
        if cat in ("traditional", "simplified_twin"):
            t = byid.get(r["twin"])
            other = "simplified_twin" if cat == "traditional" else "traditional"
            if t is None:
                errors.append(f"{tag}: twin {r['twin']!r} missing")
            else:
                if t.get("twin") != r["id"]:
                    errors.append(f"{tag}: twin {t['id']} does not point back")
                if t.get("category") != other:
                    errors.append(f"{tag}: twin {t['id']} should be {other}")
                if t.get("split") != r["split"]:
                    errors.append(f"{tag}: twin {t['id']} has a different split")
                if t.get("answers") != r["answers"] or t.get("speaker") != r["speaker"]:
                    errors.append(f"{tag}: twin {t['id']} has different answers/speaker")
                if norm(t.get("question", "")) == norm(q):
                    errors.append(f"{tag}: twin question identical")
            if cat == "traditional":
                try:
                    q.encode("big5")
                except UnicodeEncodeError as e:
                    errors.append(f"{tag}: not Big5-encodable (simplified char {q[e.start]!r}?)")
            else:
                try:
                    q.encode("gb2312")
                except UnicodeEncodeError as e:
                    errors.append(f"{tag}: not GB2312-encodable (traditional char {q[e.start]!r}?)")
        elif r["twin"] is not None:
            errors.append(f"{tag}: only traditional/simplified_twin items have a twin")
    for cat, m in READER_MIN.items():
        if len(by_cat.get(cat, [])) < m:
            errors.append(f"{fname}: category {cat} has {len(by_cat.get(cat, []))} < {m}")
    nm_en = sum(r["lang"] == "en" for r in by_cat.get("near_miss", []))
    if nm_en < MIN_NEAR_MISS_EN:
        errors.append(f"{fname}: near_miss has {nm_en} English items < {MIN_NEAR_MISS_EN}")
    check_splits(fname, rows, by_cat, errors, twin_of=True)
    return rows, by_cat


def check_followups(path, text, gold_q, errors):
    fname = "followups.jsonl"
    rows = load_jsonl(path, errors)
    ids = Counter(r.get("id") for r in rows)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"{fname}: duplicate id {i}")
    seen = Counter((tuple(qkey(h) for h in r.get("history", [])), qkey(r.get("question", ""))) for r in rows)
    for k, c in seen.items():
        if c > 1:
            errors.append(f"{fname}: duplicate conversation {k!r}")
    by_cat = defaultdict(list)
    langs = Counter()
    for r in rows:
        tag = f"{fname} {r.get('id')}"
        if set(r) != FU_FIELDS:
            errors.append(f"{tag}: fields {sorted(set(r) ^ FU_FIELDS)} wrong")
            continue
        if not re.fullmatch(r"f\d{3}", str(r["id"])):
            errors.append(f"{tag}: id must look like f001")
        cat = r["category"]
        if cat not in FU_CATS:
            errors.append(f"{tag}: unknown category {cat!r}")
            continue
        by_cat[cat].append(r)
        h = r["history"]
        if not isinstance(h, list) or not 1 <= len(h) <= 3 or not all(isinstance(x, str) and x.strip() for x in h):
            errors.append(f"{tag}: history must be 1-3 non-empty strings")
            h = []
        if r["lang"] not in ("zh", "en"):
            errors.append(f"{tag}: bad lang {r['lang']!r}")
        langs[r["lang"]] += 1
        for s in h + [r["question"], r["rewritten"]]:
            check_lang(tag, s, r["lang"], errors)
        if not r["rewritten"].strip() or norm(r["rewritten"]) in (norm(x) for x in h):
            errors.append(f"{tag}: rewritten must be a new self-contained question")
        if cat in ("ellipsis", "pronoun", "switch") and norm(r["rewritten"]) == norm(r["question"]):
            errors.append(f"{tag}: {cat} follow-up should not already be self-contained")
        if cat == "standalone" and norm(r["rewritten"]) != norm(r["question"]):
            errors.append(f"{tag}: standalone follow-up should equal its rewrite")
        if cat == "standalone" and qkey(r["question"]) in gold_q:
            errors.append(f"{tag}: standalone question duplicates eval/gold.jsonl")
        if r["speaker"] not in SPEAKERS:
            errors.append(f"{tag}: bad speaker {r['speaker']!r}")
        answerable = cat != "near_miss"
        if not answerable and r["speaker"] is not None:
            errors.append(f"{tag}: near_miss must have speaker null")
        if answerable and r["speaker"] is None:
            errors.append(f"{tag}: answerable item should name a speaker")
        if r["split"] not in ("tune", "heldout"):
            errors.append(f"{tag}: bad split {r['split']!r}")
        check_answers(tag, r["answers"], answerable, text, errors)
    if len(rows) < FU_MIN_TOTAL:
        errors.append(f"{fname}: {len(rows)} conversations < {FU_MIN_TOTAL}")
    for cat, m in FU_MIN.items():
        if len(by_cat.get(cat, [])) < m:
            errors.append(f"{fname}: category {cat} has {len(by_cat.get(cat, []))} < {m}")
    for lg, m in FU_MIN_LANG.items():
        if langs[lg] < m:
            errors.append(f"{fname}: {langs[lg]} {lg} conversations < {m}")
    check_splits(fname, rows, by_cat, errors)
    return rows, by_cat


def check_gold_split(path, gold_rows, errors):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    held = d.get("heldout")
    if not isinstance(held, list) or not isinstance(d.get("note"), str):
        errors.append("gold_split.json: needs 'heldout' list and 'note' string")
        return None
    gids = {g["id"] for g in gold_rows}
    for x in held:
        if x not in gids:
            errors.append(f"gold_split.json: unknown id {x}")
    if len(set(held)) != len(held):
        errors.append("gold_split.json: duplicate ids")
    by = defaultdict(list)
    for g in gold_rows:
        by[g["type"]].append(g["id"])
    want = sorted(x for t in by for j, x in enumerate(sorted(by[t])) if j % 3 == 0)
    if sorted(held) != want:
        errors.append("gold_split.json: heldout ids do not follow the rule (per type, sorted, index % 3 == 0)")
    frac = len(held) / max(1, len(gold_rows))
    if not 0.30 <= frac <= 0.40:
        errors.append(f"gold_split.json: heldout fraction {frac:.2f} not ~35%")
    return {t: (sum(x in set(held) for x in ids), len(ids)) for t, ids in sorted(by.items())}


def table(fname, by_cat, extra=None):
    print(f"\n{fname}")
    print(f"  {'category':<20}{'total':>6}{'tune':>6}{'heldout':>8}{'held%':>7}  langs")
    tot = Counter()
    for cat in sorted(by_cat):
        items = by_cat[cat]
        h = sum(r["split"] == "heldout" for r in items)
        lg = Counter(r["lang"] for r in items)
        tot["total"] += len(items)
        tot["heldout"] += h
        for k, v in lg.items():
            tot[k] += v
        print(f"  {cat:<20}{len(items):>6}{len(items) - h:>6}{h:>8}{h / len(items):>7.0%}  "
              + " ".join(f"{k}={v}" for k, v in sorted(lg.items())))
    n, h = tot["total"], tot["heldout"]
    print(f"  {'TOTAL':<20}{n:>6}{n - h:>6}{h:>8}{h / max(1, n):>7.0%}  "
          + " ".join(f"{k}={tot[k]}" for k in ("zh", "en", "mixed") if tot[k]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--transcript", default=os.path.join(ROOT, "data", "env-forum-2016.txt"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "eval", "gold.jsonl"))
    ap.add_argument("--dir", default=HERE)
    args = ap.parse_args()

    errors = []
    with open(args.transcript, encoding="utf-8") as f:
        text = norm(f.read())
    gold_rows = load_jsonl(args.gold, errors)
    gold_q = {qkey(g["question"]) for g in gold_rows}

    readers, r_cat = check_readers(os.path.join(args.dir, "readers.jsonl"), text, gold_q, errors)
    fus, f_cat = check_followups(os.path.join(args.dir, "followups.jsonl"), text, gold_q, errors)
    gs = check_gold_split(os.path.join(args.dir, "gold_split.json"), gold_rows, errors)

    table("readers.jsonl", r_cat)
    nm = r_cat.get("near_miss", [])
    print(f"  near_miss languages: zh={sum(r['lang'] == 'zh' for r in nm)} en={sum(r['lang'] == 'en' for r in nm)}")
    table("followups.jsonl", f_cat)
    if gs:
        print("\ngold_split.json (heldout/total per type)")
        for t, (h, n) in gs.items():
            print(f"  {t:<20}{h:>4}/{n:<4}{h / n:>6.0%}")
        h = sum(v[0] for v in gs.values())
        n = sum(v[1] for v in gs.values())
        print(f"  {'TOTAL':<20}{h:>4}/{n:<4}{h / n:>6.0%}")

    print(f"\n{len(errors)} errors")
    for e in errors:
        print("  ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
