#!/usr/bin/env python3
"""Sanity-check the forumqa gold set (stdlib only).

For every question, count how often each answer string occurs in the corpus
after NFKC normalisation and removal of all whitespace (the PDF extraction
breaks lines mid-word and spaces out some characters, e.g. ``严 格 雨 污``).

  * 0 occurrences  -> ERROR   (answer not verbatim in the transcript)
  * >3 occurrences -> WARNING (answer string probably too generic)

Also validates the schema and prints counts by type, lang and speaker.
Exit status is 1 when there is any error, else 0.

Usage: python eval/check_gold.py [--gold PATH] [--corpus PATH] [--quiet]
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GOLD = os.path.join(HERE, "gold.jsonl")
DEFAULT_CORPUS = os.environ.get(
    "FORUMQA_CORPUS", "/work/shared/corpus/env-forum-2016.txt")

FIELDS = {"id", "question", "answers", "type", "lang", "speaker"}
TYPES = {"fact", "number", "entity", "policy", "how_why", "paraphrase",
         "out_of_scope"}
LANGS = {"zh", "en"}
SPEAKERS = {"王奇", "张海冰", "许伟", "苏国军", "区锦雄", "中国环境报", "编者按",
            "participants"}
WS = re.compile(r"\s+")


def norm(text):
    """NFKC-normalise and drop every whitespace character."""
    return WS.sub("", unicodedata.normalize("NFKC", text))


def count(haystack, needle):
    """Number of (possibly overlapping) occurrences of needle in haystack."""
    n, i = 0, haystack.find(needle)
    while i != -1:
        n += 1
        i = haystack.find(needle, i + 1)
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--quiet", action="store_true",
                    help="print only errors, warnings and the summary")
    args = ap.parse_args(argv)

    with open(args.corpus, encoding="utf-8") as f:
        corpus = norm(f.read())

    errors, warnings = [], []
    items, seen_ids, seen_q = [], set(), set()
    with open(args.gold, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                items.append((lineno, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append("line %d: invalid JSON (%s)" % (lineno, e))

    for lineno, q in items:
        qid = q.get("id", "line%d" % lineno)
        where = "%s (line %d)" % (qid, lineno)
        if set(q) != FIELDS:
            errors.append("%s: fields %s != %s" % (where, sorted(q), sorted(FIELDS)))
        if qid in seen_ids:
            errors.append("%s: duplicate id" % where)
        seen_ids.add(qid)
        question = q.get("question", "")
        if not isinstance(question, str) or not question.strip():
            errors.append("%s: empty question" % where)
        elif norm(question) in seen_q:
            errors.append("%s: duplicate question" % where)
        seen_q.add(norm(question) if isinstance(question, str) else None)
        qtype, lang, spk = q.get("type"), q.get("lang"), q.get("speaker")
        answers = q.get("answers")
        if qtype not in TYPES:
            errors.append("%s: bad type %r" % (where, qtype))
        if lang not in LANGS:
            errors.append("%s: bad lang %r" % (where, lang))
        if not isinstance(answers, list):
            errors.append("%s: answers is not a list" % where)
            answers = []
        if qtype == "out_of_scope":
            if answers:
                errors.append("%s: out_of_scope must have answers == []" % where)
            if spk is not None:
                errors.append("%s: out_of_scope must have speaker null" % where)
        else:
            if not 1 <= len(answers) <= 3:
                errors.append("%s: needs 1-3 answers, has %d" % (where, len(answers)))
            if spk not in SPEAKERS:
                errors.append("%s: bad speaker %r" % (where, spk))

        parts = []
        for a in answers:
            if not isinstance(a, str) or not norm(a):
                errors.append("%s: empty/non-string answer %r" % (where, a))
                continue
            n = count(corpus, norm(a))
            parts.append("%s=%d" % (a, n))
            if n == 0:
                errors.append("%s: answer %r not found in corpus" % (where, a))
            elif n > 3:
                warnings.append("%s: answer %r occurs %d times" % (where, a, n))
        if not args.quiet:
            print("%s [%s/%s/%s] %s\n    %s" % (
                qid, qtype, lang, spk, question,
                "  ".join(parts) if parts else "(no answers)"))

    def show(title, counter):
        print("\n%s:" % title)
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print("  %-14s %4d" % (k, v))

    qs = [q for _, q in items]
    print("\n%d questions" % len(qs))
    show("by type", Counter(q.get("type") for q in qs))
    show("by lang", Counter(q.get("lang") for q in qs))
    show("by speaker", Counter(q.get("speaker") for q in qs))
    print()
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("%d error(s), %d warning(s)" % (len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
