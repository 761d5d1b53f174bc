#!/usr/bin/env python3
"""Check the hand-written evaluation sets in eval/sets/ (stdlib only).

Usage (from the repository root or anywhere):
    python3 eval/sets/check_sets.py [--transcript PATH] [--gold PATH]

Verifies, for readers.jsonl and followups.jsonl (and the fresh held-out sets fresh.jsonl and
fresh_followups.jsonl, which are all heldout and must not repeat any question of the other sets, and the session-6
sets readers2.jsonl and followups2.jsonl, 80 % tune, the session-7 sets readers3.jsonl and followups3.jsonl,
70 % tune by row, the session-8 sets readers4.jsonl and followups4.jsonl, all heldout, and the half-split sets of
sessions 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30 and 31 (readers5 …
readers27, followups5 … followups27), half tune and half heldout, which must not repeat any question of all those before them):
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
    every category is at least 35% heldout (session-6 sets: index % 5 == 2 -> heldout, at least 14%; session-7
    sets: by row in the file, row % 10 in {2, 5, 8} -> heldout, at least 15% per category);
and for gold_split.json: ids exist in eval/gold.jsonl, follow the rule
(per `type`, sorted ids, index % 3 == 0 -> heldout) and are ~35% of the set.

Prints counts per file / category / split and exits 1 if there are errors.
The rules are in check_rules.py, the checks of each file in check_files.py, check_fresh.py, check_session6.py,
check_session7.py, check_session8.py and check_halfsplit.py (with the data of check_session9.py, check_session10.py,
check_session11.py, check_session12.py, check_session13.py, check_session14.py, check_session15.py,
check_session16.py, check_session17.py, check_session18.py, check_session19.py, check_session20.py,
check_session21.py, check_session22.py, check_session23.py, check_session24.py, check_session25.py,
check_session26.py, check_session27.py, check_session28.py, check_session29.py, check_session30.py
and check_session31.py),
the no-repeat checks in check_novelty.py (this folder is the script's path).
"""
import argparse
import os
import sys
from collections import Counter

from check_files import check_followups, check_gold_split, check_readers
from check_fresh import check_fresh
from check_rules import load_jsonl, norm, qkey
from check_session6 import check_session6
from check_session7 import check_session7
from check_session8 import check_session8
from check_session9 import check_session9
from check_session10 import check_session10
from check_session11 import check_session11
from check_session12 import check_session12
from check_session13 import check_session13
from check_session14 import check_session14
from check_session15 import check_session15
from check_session16 import check_session16
from check_session17 import check_session17
from check_session18 import check_session18
from check_session19 import check_session19
from check_session20 import check_session20
from check_session21 import check_session21
from check_session22 import check_session22
from check_session23 import check_session23
from check_session24 import check_session24
from check_session25 import check_session25
from check_session26 import check_session26
from check_session27 import check_session27
from check_session28 import check_session28
from check_session29 import check_session29
from check_session30 import check_session30
from check_session31 import check_session31

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


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


def readers_table(fname, by_cat):
    """A reader set's table, then its near misses' languages and its speakers."""
    table(fname, by_cat)
    nm = by_cat.get("near_miss", [])
    print(f"  near_miss languages: zh={sum(r['lang'] == 'zh' for r in nm)} en={sum(r['lang'] == 'en' for r in nm)}")
    speakers = sorted({str(r["speaker"]) for items in by_cat.values() for r in items if r["speaker"]})
    print(f"  speakers: {' '.join(speakers)}")


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
    fresh, fr_cat, ffu, ff_cat = check_fresh(args.dir, text, gold_rows, readers, fus, errors)
    r2, r2_cat, f2, f2_cat = check_session6(args.dir, text, gold_rows, [readers, fresh], [fus, ffu], errors)
    r3, r3_cat, f3, f3_cat = check_session7(args.dir, text, gold_rows, [readers, fresh, r2], [fus, ffu, f2], errors)
    r4, r4_cat, f4, f4_cat = check_session8(args.dir, text, gold_rows, [readers, fresh, r2, r3], [fus, ffu, f2, f3],
                                            errors)
    r5, r5_cat, f5, f5_cat = check_session9(args.dir, text, gold_rows, [readers, fresh, r2, r3, r4],
                                            [fus, ffu, f2, f3, f4], errors)
    r6, r6_cat, f6, f6_cat = check_session10(args.dir, text, gold_rows, [readers, fresh, r2, r3, r4, r5],
                                             [fus, ffu, f2, f3, f4, f5], errors)
    r7, r7_cat, f7, f7_cat = check_session11(args.dir, text, gold_rows, [readers, fresh, r2, r3, r4, r5, r6],
                                             [fus, ffu, f2, f3, f4, f5, f6], errors)
    r8, r8_cat, f8, f8_cat = check_session12(args.dir, text, gold_rows, [readers, fresh, r2, r3, r4, r5, r6, r7],
                                             [fus, ffu, f2, f3, f4, f5, f6, f7], errors)
    r9, r9_cat, f9, f9_cat = check_session13(args.dir, text, gold_rows, [readers, fresh, r2, r3, r4, r5, r6, r7, r8],
                                             [fus, ffu, f2, f3, f4, f5, f6, f7, f8], errors)
    r10, r10_cat, f10, f10_cat = check_session14(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9], errors)
    r11, r11_cat, f11, f11_cat = check_session15(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10], errors)
    r12, r12_cat, f12, f12_cat = check_session16(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11], errors)
    r13, r13_cat, f13, f13_cat = check_session17(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12], errors)
    r14, r14_cat, f14, f14_cat = check_session18(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13], errors)
    r15, r15_cat, f15, f15_cat = check_session19(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14],
                                                 errors)
    r16, r16_cat, f16, f16_cat = check_session20(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15],
                                                 errors)
    r17, r17_cat, f17, f17_cat = check_session21(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16],
                                                 errors)
    r18, r18_cat, f18, f18_cat = check_session22(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17],
                                                 errors)
    r19, r19_cat, f19, f19_cat = check_session23(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18],
                                                 errors)
    r20, r20_cat, f20, f20_cat = check_session24(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19],
                                                 errors)
    r21, r21_cat, f21, f21_cat = check_session25(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19, r20],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19, f20],
                                                 errors)
    r22, r22_cat, f22, f22_cat = check_session26(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19, r20, r21],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19, f20, f21],
                                                 errors)
    r23, r23_cat, f23, f23_cat = check_session27(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19, r20, r21, r22],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19, f20, f21, f22],
                                                 errors)
    r24, r24_cat, f24, f24_cat = check_session28(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19, r20, r21, r22, r23],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19, f20, f21, f22, f23],
                                                 errors)
    r25, r25_cat, f25, f25_cat = check_session29(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19, r20, r21, r22, r23, r24],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19, f20, f21, f22, f23, f24],
                                                 errors)
    r26, r26_cat, f26, f26_cat = check_session30(args.dir, text, gold_rows,
                                                 [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                                                  r14, r15, r16, r17, r18, r19, r20, r21, r22, r23, r24, r25],
                                                 [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14,
                                                  f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25],
                                                 errors)
    _, r27_cat, _, f27_cat = check_session31(args.dir, text, gold_rows,
                                             [readers, fresh, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14,
                                              r15, r16, r17, r18, r19, r20, r21, r22, r23, r24, r25, r26],
                                             [fus, ffu, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15,
                                              f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26],
                                             errors)

    table("readers.jsonl", r_cat)
    nm = r_cat.get("near_miss", [])
    print(f"  near_miss languages: zh={sum(r['lang'] == 'zh' for r in nm)} en={sum(r['lang'] == 'en' for r in nm)}")
    table("followups.jsonl", f_cat)
    table("fresh.jsonl (fresh held-out, session 5)", fr_cat)
    nm = fr_cat.get("near_miss", [])
    print(f"  near_miss languages: zh={sum(r['lang'] == 'zh' for r in nm)} en={sum(r['lang'] == 'en' for r in nm)}")
    speakers = sorted({str(r["speaker"]) for r in fresh if r["speaker"]})
    print(f"  speakers: {' '.join(speakers)}")
    table("fresh_followups.jsonl (fresh held-out, session 5)", ff_cat)
    readers_table("readers2.jsonl (session 6, 80% tune)", r2_cat)
    table("followups2.jsonl (session 6, 80% tune)", f2_cat)
    readers_table("readers3.jsonl (session 7, 70% tune by row)", r3_cat)
    table("followups3.jsonl (session 7, 70% tune by row)", f3_cat)
    readers_table("readers4.jsonl (session 8, all heldout)", r4_cat)
    table("followups4.jsonl (session 8, all heldout)", f4_cat)
    readers_table("readers5.jsonl (session 9, half tune, half heldout)", r5_cat)
    table("followups5.jsonl (session 9, half tune, half heldout)", f5_cat)
    readers_table("readers6.jsonl (session 10, half tune, half heldout)", r6_cat)
    table("followups6.jsonl (session 10, half tune, half heldout)", f6_cat)
    readers_table("readers7.jsonl (session 11, half tune, half heldout)", r7_cat)
    table("followups7.jsonl (session 11, half tune, half heldout)", f7_cat)
    readers_table("readers8.jsonl (session 12, half tune, half heldout)", r8_cat)
    table("followups8.jsonl (session 12, half tune, half heldout)", f8_cat)
    readers_table("readers9.jsonl (session 13, half tune, half heldout)", r9_cat)
    table("followups9.jsonl (session 13, half tune, half heldout)", f9_cat)
    readers_table("readers10.jsonl (session 14, half tune, half heldout)", r10_cat)
    table("followups10.jsonl (session 14, half tune, half heldout)", f10_cat)
    readers_table("readers11.jsonl (session 15, half tune, half heldout)", r11_cat)
    table("followups11.jsonl (session 15, half tune, half heldout)", f11_cat)
    readers_table("readers12.jsonl (session 16, half tune, half heldout)", r12_cat)
    table("followups12.jsonl (session 16, half tune, half heldout)", f12_cat)
    readers_table("readers13.jsonl (session 17, half tune, half heldout)", r13_cat)
    table("followups13.jsonl (session 17, half tune, half heldout)", f13_cat)
    readers_table("readers14.jsonl (session 18, half tune, half heldout)", r14_cat)
    table("followups14.jsonl (session 18, half tune, half heldout)", f14_cat)
    readers_table("readers15.jsonl (session 19, half tune, half heldout)", r15_cat)
    table("followups15.jsonl (session 19, half tune, half heldout)", f15_cat)
    readers_table("readers16.jsonl (session 20, half tune, half heldout)", r16_cat)
    table("followups16.jsonl (session 20, half tune, half heldout)", f16_cat)
    readers_table("readers17.jsonl (session 21, half tune, half heldout)", r17_cat)
    table("followups17.jsonl (session 21, half tune, half heldout)", f17_cat)
    readers_table("readers18.jsonl (session 22, half tune, half heldout)", r18_cat)
    table("followups18.jsonl (session 22, half tune, half heldout)", f18_cat)
    readers_table("readers19.jsonl (session 23, half tune, half heldout)", r19_cat)
    table("followups19.jsonl (session 23, half tune, half heldout)", f19_cat)
    readers_table("readers20.jsonl (session 24, half tune, half heldout)", r20_cat)
    table("followups20.jsonl (session 24, half tune, half heldout)", f20_cat)
    readers_table("readers21.jsonl (session 25, half tune, half heldout)", r21_cat)
    table("followups21.jsonl (session 25, half tune, half heldout)", f21_cat)
    readers_table("readers22.jsonl (session 26, half tune, half heldout)", r22_cat)
    table("followups22.jsonl (session 26, half tune, half heldout)", f22_cat)
    readers_table("readers23.jsonl (session 27, half tune, half heldout)", r23_cat)
    table("followups23.jsonl (session 27, half tune, half heldout)", f23_cat)
    readers_table("readers24.jsonl (session 28, half tune, half heldout)", r24_cat)
    table("followups24.jsonl (session 28, half tune, half heldout)", f24_cat)
    readers_table("readers25.jsonl (session 29, half tune, half heldout)", r25_cat)
    table("followups25.jsonl (session 29, half tune, half heldout)", f25_cat)
    readers_table("readers26.jsonl (session 30, half tune, half heldout)", r26_cat)
    table("followups26.jsonl (session 30, half tune, half heldout)", f26_cat)
    readers_table("readers27.jsonl (session 31, half tune, half heldout)", r27_cat)
    table("followups27.jsonl (session 31, half tune, half heldout)", f27_cat)
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
