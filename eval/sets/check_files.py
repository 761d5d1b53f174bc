"""The checks of each evaluation-set file: readers.jsonl, followups.jsonl and gold_split.json."""

import json
import re
from collections import Counter, defaultdict

from check_rules import (
    FOLLOWUPS_SPEC,
    FU_FIELDS,
    READER_FIELDS,
    READER_LANG,
    READER_UNANSWERABLE,
    READERS_SPEC,
    SPEAKERS,
    check_answers,
    check_lang,
    check_splits,
    load_jsonl,
    norm,
    qkey,
)


def _row_category(r, tag, fields, prefix, categories, errors):
    """The row's category after checking its fields, id (prefix + 3 digits) and category; None (errors noted) if unusable."""
    if set(r) != fields:
        errors.append(f"{tag}: fields {sorted(set(r) ^ fields)} wrong")
        return None
    if not re.fullmatch(prefix + r"\d{3}", str(r["id"])):
        errors.append(f"{tag}: id must look like {prefix}001")
    if r["category"] not in categories:
        errors.append(f"{tag}: unknown category {r['category']!r}")
        return None
    return r["category"]

def check_readers(path, text, gold_q, errors, spec=READERS_SPEC):
    """Check a reader-format file (readers.jsonl by default; spec names another, e.g. fresh.jsonl)."""
    fname = spec.fname
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
        cat = _row_category(r, tag, READER_FIELDS, spec.prefix, spec.minimum, errors)
        if cat is None:
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
    for cat, m in spec.minimum.items():
        if len(by_cat.get(cat, [])) < m:
            errors.append(f"{fname}: category {cat} has {len(by_cat.get(cat, []))} < {m}")
    nm_en = sum(r["lang"] == "en" for r in by_cat.get("near_miss", []))
    if nm_en < spec.min_lang["near_miss_en"]:
        errors.append(f"{fname}: near_miss has {nm_en} English items < {spec.min_lang['near_miss_en']}")
    check_splits(fname, rows, by_cat, errors, twin_of=True, heldout_only=spec.heldout_only,
                 heldout_mod5=spec.heldout_mod5, min_heldout=spec.min_heldout, heldout_row_mod10=spec.heldout_row_mod10,
                 split_mod=spec.split_mod)
    return rows, by_cat


def check_followups(path, text, gold_q, errors, spec=FOLLOWUPS_SPEC):
    """Check a follow-up-format file (followups.jsonl by default; spec names another, e.g. fresh_followups.jsonl)."""
    fname = spec.fname
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
        cat = _row_category(r, tag, FU_FIELDS, spec.prefix, spec.minimum, errors)
        if cat is None:
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
    if len(rows) < spec.min_total:
        errors.append(f"{fname}: {len(rows)} conversations < {spec.min_total}")
    for cat, m in spec.minimum.items():
        if len(by_cat.get(cat, [])) < m:
            errors.append(f"{fname}: category {cat} has {len(by_cat.get(cat, []))} < {m}")
    for lg, m in spec.min_lang.items():
        if langs[lg] < m:
            errors.append(f"{fname}: {langs[lg]} {lg} conversations < {m}")
    check_splits(fname, rows, by_cat, errors, heldout_only=spec.heldout_only, heldout_mod5=spec.heldout_mod5,
                 min_heldout=spec.min_heldout, heldout_row_mod10=spec.heldout_row_mod10, split_mod=spec.split_mod)
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
