"""A hand-written stress pool of chatbot-prompt, quiz and keyword questions (eval/prompt_stress.jsonl), to check that
the search and the judge read how those readers ask beyond readers13's tune rows.

    python -m eval.prompt_stress            # per kind: answerable refused / near misses answered, answer in top 5
    python -m eval.prompt_stress --list     # also every wrong decision with the judge's reason

The pool (session 17, helper prompt1, written from the transcript alone, not from readers13, before the session's
preamble changes were run on it): answerable rows wrap the question in a chatbot user's instructions (请根据这篇对话录
回答：…, 用一句话概括…, 请引用原文说明…, 列出…, 只给数字：…, …只回答数字即可, Based on the transcript, …, Quote the
sentence where …, Give me the number only: …, … Answer briefly.), ask as a quiz-writing teacher (什么叫“…”, 文中提到的
“…”指什么, 哪份文件, 哪一年初, the moderator), or type keywords (space-separated, quoted, Chinese with English or toneless
pinyin); near misses ask in the same forms about what the text never gives (the cost of the monitoring stations, the
bonds' interest rate, a grid officer's pay), out-of-scope rows about what it never mentions. Tune material only: it
reads no set.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eval.command import command
from eval.resident_stress import pool_main

POOL = Path(__file__).resolve().parent / "prompt_stress.jsonl"


@command
def main(argv: Sequence[str] | None = None) -> int:
    return pool_main(argv, POOL, "python -m eval.prompt_stress", __doc__.splitlines()[0])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
