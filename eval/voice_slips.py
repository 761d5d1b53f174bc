"""A hand-written stress pool of spoken-input homophone slips (eval/voice_slips_stress.jsonl): are they repaired, and
are correct questions left alone?

    python -m eval.voice_slips            # per kind: repaired, wrong or false rewrites, R@1, refusals
    python -m eval.voice_slips --list     # also every row whose rewrite was not the expected one

The pool (session 16, written from TUNE questions and the transcript before the slip changes of that session were
run on it; vs53-vs72 added in session 17 before its changes: slips after 多少, competing readings, typed dictionary
words, and correct uses of 三元, 大概, 一直, 主体, 总供给, 大盖帽) has three kinds of rows:

- ``content``: one content word of the text typed as a homophone (交经 for 交警); ``expect`` is the text's word.
- ``function``: a function word or common adverb typed as a homophone (一供 for 一共, 以经 for 已经), which the text
  may not write at all; ``expect`` is the word meant.
- ``valid``: a correct question holding a rarer but valid word that reads like some other word (更靠前 of 考前, 至今
  of 长治, 供给): ``expect`` is empty, any rewrite is a false rewrite.

A slip row is repaired when the searched question no longer writes the slip and writes the expected word; a wrong
rewrite is a rewrite that does neither. Rows with ``answers`` are answerable: R@1 (the first passage holds an answer)
and refusals (the judge abstained) are counted over them. Tune material only: no held-out row is read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from eval import metrics
from eval.command import command

POOL = Path(__file__).resolve().parent / "voice_slips_stress.jsonl"
KINDS = ("content", "function", "valid")


def load_pool(path: str | Path | None = None) -> list[dict]:
    """The stress rows (JSON lines: id, kind, question, slip, expect, answers), in file order."""
    with open(path or POOL, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def outcome(row: dict, searched: str, rewritten: bool) -> str:
    """'repaired', 'missed' (a slip left as typed), 'wrong' (a rewrite not to the word meant), 'false' (a correct
    question rewritten) or 'kept' (a correct question left alone)."""
    if not row["expect"]:
        return "false" if rewritten else "kept"
    if row["slip"] not in searched and row["expect"] in searched:
        return "repaired"
    return "wrong" if rewritten else "missed"


def score(retriever, rows: Sequence[dict], k: int = 5) -> tuple[dict, list[tuple[dict, str, str, bool, bool]]]:
    """({kind: {outcome: n, 'asked', 'answerable', 'r1', 'refused'}}, [(row, searched text, outcome, top-1 hit,
    refused)])."""
    table: dict = {}
    seen = []
    for row in rows:
        parsed = retriever.parse(row["question"])
        result = outcome(row, parsed.text, bool(parsed.typed))
        figures = table.setdefault(row["kind"], {"asked": 0, "answerable": 0, "r1": 0, "refused": 0})
        figures["asked"] += 1
        figures[result] = figures.get(result, 0) + 1
        hit = refused = False
        if row.get("answers"):
            answer = retriever.answer(row["question"], k=k)
            hit = bool(answer.passages) and metrics.contains_answer(answer.passages[0].text, list(row["answers"]))
            refused = answer.abstained
            figures["answerable"] += 1
            figures["r1"] += hit
            figures["refused"] += refused
        seen.append((row, parsed.text, result, hit, refused))
    return table, seen


def report(table: dict) -> str:
    lines = []
    total: dict = {}
    for kind in (*KINDS, *(k for k in table if k not in KINDS)):
        if kind not in table:
            continue
        f = table[kind]
        for key, value in f.items():
            total[key] = total.get(key, 0) + value
        lines.append(_line(kind, f))
    lines.append(_line("ALL", total))
    return "\n".join(lines)


def _line(kind: str, f: dict) -> str:
    slips = f.get("repaired", 0) + f.get("missed", 0) + f.get("wrong", 0)
    answerable = f["answerable"] or 1
    return (
        f"{kind:<9} asked {f['asked']:>3}  repaired {f.get('repaired', 0):>2}/{slips:<2}  wrong {f.get('wrong', 0):>2}  "
        f"false rewrites {f.get('false', 0):>2}/{f.get('false', 0) + f.get('kept', 0):<2}  "
        f"R@1 {f['r1'] / answerable:.3f} ({f['r1']}/{f['answerable']})  refused {f['refused']}/{f['answerable']}"
    )


@command
def main(argv: Sequence[str] | None = None) -> int:
    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.voice_slips", description=__doc__.splitlines()[0])
    parser.add_argument("--pool", default=None)
    parser.add_argument("--index", default=None)
    parser.add_argument("--list", action="store_true", help="print every row not repaired or kept, and every miss")
    args = parser.parse_args(argv)
    rows = load_pool(args.pool)
    with opened_retriever(args.index) as retriever:
        table, seen = score(retriever, rows)
    print(report(table))
    if args.list:
        for row, searched, result, hit, refused in seen:
            if result not in ("repaired", "kept") or (row.get("answers") and (not hit or refused)):
                flags = ("" if hit or not row.get("answers") else " not-R@1") + (" refused" if refused else "")
                print(f"{row['id']} [{row['kind']}] {result}{flags}: {row['question']} → {searched}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
