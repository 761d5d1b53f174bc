"""The follow-up conversation sets (eval/sets/followups*.jsonl): where they are and how to read them.

Each row is a conversation: earlier questions (history), a follow-up, the answer strings of the
follow-up once resolved, a category (ellipsis, pronoun, switch, standalone, near_miss) and a split
(tune, heldout).
"""

from __future__ import annotations

import json
from pathlib import Path

SETS = Path(__file__).resolve().parent / "sets"
FOLLOWUPS = SETS / "followups.jsonl"
FOLLOWUPS2 = SETS / "followups2.jsonl"  # more conversations, written blind in session 6
FOLLOWUPS3 = SETS / "followups3.jsonl"  # more again, written blind in session 7 (70 % tune by row)
FOLLOWUPS5 = SETS / "followups5.jsonl"  # more again, written blind in session 9 (half tune, half held out)
FOLLOWUPS6 = SETS / "followups6.jsonl"  # more again, written blind in session 10 (half tune, half held out)
FOLLOWUPS7 = SETS / "followups7.jsonl"  # more again, written blind in session 11 (half tune, half held out)
FOLLOWUPS8 = SETS / "followups8.jsonl"  # more again, written blind in session 12 (half tune, half held out)
FOLLOWUPS9 = SETS / "followups9.jsonl"  # more again, written blind in session 13 (half tune, half held out)
FOLLOWUPS10 = SETS / "followups10.jsonl"  # more again, written blind in session 14 (half tune, half held out)
FOLLOWUPS11 = SETS / "followups11.jsonl"  # more again, written blind in session 15 (half tune, half held out)
FOLLOWUPS12 = SETS / "followups12.jsonl"  # more again, written blind in session 16 (half tune, half held out)
FOLLOWUPS13 = SETS / "followups13.jsonl"  # more again, written blind in session 17 (half tune, half held out)
FOLLOWUPS14 = SETS / "followups14.jsonl"  # more again, written blind in session 18 (half tune, half held out)
FOLLOWUPS15 = SETS / "followups15.jsonl"  # more again, written blind in session 19 (half tune, half held out)
FOLLOWUPS16 = SETS / "followups16.jsonl"  # more again, written blind in session 20 (half tune, half held out)
FOLLOWUPS17 = SETS / "followups17.jsonl"  # more again, written blind in session 21 (half tune, half held out)
FOLLOWUPS18 = SETS / "followups18.jsonl"  # more again, written blind in session 22 (half tune, half held out)
FOLLOWUPS19 = SETS / "followups19.jsonl"  # more again, written blind in session 23 (half tune, half held out)
FOLLOWUPS20 = SETS / "followups20.jsonl"  # more again, written blind in session 24 (half tune, half held out)
FOLLOWUPS21 = SETS / "followups21.jsonl"  # more again, written blind in session 25 (half tune, half held out)
FOLLOWUPS22 = SETS / "followups22.jsonl"  # more again, written blind in session 26 (half tune, half held out)
FOLLOWUPS23 = SETS / "followups23.jsonl"  # more again, written blind in session 27 (half tune, half held out)
FOLLOWUPS24 = SETS / "followups24.jsonl"  # more again, written blind in session 28 (half tune, half held out)
FOLLOWUPS25 = SETS / "followups25.jsonl"  # more again, written blind in session 29 (half tune, half held out)
FOLLOWUPS26 = SETS / "followups26.jsonl"  # more again, written blind in session 30 (half tune, half held out)
FOLLOWUPS27 = SETS / "followups27.jsonl"  # more again, written blind in session 31 (half tune, half held out)
# The conversation sets scored beside followups.jsonl, each in a section of its own: (key, source, path).
MORE_SETS = (
    ("followups2", "eval/sets/followups2.jsonl", FOLLOWUPS2),
    ("followups3", "eval/sets/followups3.jsonl", FOLLOWUPS3),
    ("followups5", "eval/sets/followups5.jsonl", FOLLOWUPS5),
    ("followups6", "eval/sets/followups6.jsonl", FOLLOWUPS6),
    ("followups7", "eval/sets/followups7.jsonl", FOLLOWUPS7),
    ("followups8", "eval/sets/followups8.jsonl", FOLLOWUPS8),
    ("followups9", "eval/sets/followups9.jsonl", FOLLOWUPS9),
    ("followups10", "eval/sets/followups10.jsonl", FOLLOWUPS10),
    ("followups11", "eval/sets/followups11.jsonl", FOLLOWUPS11),
    ("followups12", "eval/sets/followups12.jsonl", FOLLOWUPS12),
    ("followups13", "eval/sets/followups13.jsonl", FOLLOWUPS13),
    ("followups14", "eval/sets/followups14.jsonl", FOLLOWUPS14),
    ("followups15", "eval/sets/followups15.jsonl", FOLLOWUPS15),
    ("followups16", "eval/sets/followups16.jsonl", FOLLOWUPS16),
    ("followups17", "eval/sets/followups17.jsonl", FOLLOWUPS17),
    ("followups18", "eval/sets/followups18.jsonl", FOLLOWUPS18),
    ("followups19", "eval/sets/followups19.jsonl", FOLLOWUPS19),
    ("followups20", "eval/sets/followups20.jsonl", FOLLOWUPS20),
    ("followups21", "eval/sets/followups21.jsonl", FOLLOWUPS21),
    ("followups22", "eval/sets/followups22.jsonl", FOLLOWUPS22),
    ("followups23", "eval/sets/followups23.jsonl", FOLLOWUPS23),
    ("followups24", "eval/sets/followups24.jsonl", FOLLOWUPS24),
    ("followups25", "eval/sets/followups25.jsonl", FOLLOWUPS25),
    ("followups26", "eval/sets/followups26.jsonl", FOLLOWUPS26),
    ("followups27", "eval/sets/followups27.jsonl", FOLLOWUPS27),
)
K = 10  # ranked list depth (MRR@10)
CONDITIONS = ("history", "alone", "reference")
FIGURES = ("recall@1", "recall@5", "mrr@10")
TITLES = {
    "recall@1": "R@1", "recall@5": "R@5", "mrr@10": "MRR@10", "false_abstention": "false abst.",
    "near_miss_abstention": "near-miss abst.", "rewritten": "rewritten",
}


def load_followups(path: str | Path | None = None) -> list[dict]:
    """The follow-up conversations (JSON lines), in file order."""
    with open(path or FOLLOWUPS, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
