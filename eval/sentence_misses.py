"""List the tune questions whose answer sentence misses: the chosen sentence, where the answer was, the passages.

Tune split only (held-out questions are never read). Usage:
    python -m eval.sentence_misses [--sets gold,readers] [--k 5] [--brief] [--file eval/sets/readers5.jsonl] [--lang en]

--file scores the tune rows of a reader file that is not yet one of eval.questions' sets (a new writer's set).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eval.metrics import contains_answer
from eval.questions import TUNE_SETS, EvalQuestion, load_questions

ANSWER_K = 5


def misses(retriever, questions, k: int = ANSWER_K) -> list[dict]:
    """One record per answerable question whose answer sentence holds no answer string.

    Args:
        retriever: a loaded retriever.Retriever.
        questions: eval.questions.EvalQuestion list (pass the tune split only).
        k: passages per answer() call.

    Returns:
        Dicts with the question, the chosen passage index and sentence, and every passage's highlight,
        flagging which passages and highlights hold an answer string.
    """
    found = []
    for q in questions:
        if not q.answerable:
            continue
        answer = retriever.answer(q.question, k=k)
        chosen = answer.highlights[answer.answer_index].sentence if answer.highlights else ""
        if contains_answer(chosen, q.answers):
            continue
        found.append({
            "id": q.id, "group": q.group, "question": q.question, "answers": q.answers,
            "answer_index": answer.answer_index, "sentence": chosen, "abstained": answer.abstained,
            "passages": [
                (h.kind, h.citation.speaker, contains_answer(h.text, q.answers), hl.sentence,
                 contains_answer(hl.sentence, q.answers), h.text)
                for h, hl in zip(answer.passages, answer.highlights)
            ],
        })
    return found


def tune_rows(path: str | Path) -> list[EvalQuestion]:
    """The tune rows of a reader file (its set named after the file); held-out rows are dropped unread."""
    from eval.questions import _from_set, _read_jsonl

    path = Path(path)
    return [_from_set(row, path.stem, path) for row in _read_jsonl(path) if row.get("split") == "tune"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(TUNE_SETS))
    parser.add_argument("--k", type=int, default=ANSWER_K)
    parser.add_argument("--brief", action="store_true", help="one line per miss, without the passages")
    parser.add_argument("--file", default=None, help="score this reader file's tune rows instead of --sets")
    parser.add_argument("--lang", default="", help="only questions of these languages (en,mixed or zh)")
    args = parser.parse_args(argv)
    from eval.command import run_command

    return run_command(lambda: _report(args))


def _report(args: argparse.Namespace) -> None:
    """Print the misses of the chosen tune questions (the files are read before the index is loaded)."""
    from index.build import ensure_default_index
    from retriever import Retriever

    questions = tune_rows(args.file) if args.file else load_questions(tuple(args.sets.split(",")), split="tune")
    langs = [x for x in args.lang.split(",") if x]
    questions = [q for q in questions if not langs or q.lang in langs]
    retriever = Retriever.load(ensure_default_index(print))
    rows = misses(retriever, questions, args.k)
    answerable = sum(q.answerable for q in questions)
    print(f"{len(rows)} misses of {answerable} answerable tune questions ({1 - len(rows) / answerable:.3f} hit)")
    for row in rows:
        print(f"\n## {row['id']} [{row['group']}] {row['question']}  answers={list(row['answers'])}")
        print(f"   chosen [{row['answer_index']}]: {row['sentence']}")
        if args.brief:
            continue
        for i, (kind, speaker, has, sentence, sent_has, text) in enumerate(row["passages"]):
            mark = "A" if has else "-"
            print(f"   [{i}] {mark}{'S' if sent_has else '-'} {kind}/{speaker}: hl={sentence[:90]}")
            if has:
                print(f"        passage: {text}")


if __name__ == "__main__":
    raise SystemExit(main())
