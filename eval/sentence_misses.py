"""List the tune questions whose answer sentence misses: the chosen sentence, where the answer was, the passages.

Tune split only (held-out questions are never printed). Usage:
    python -m eval.sentence_misses [--sets gold,readers] [--k 5] [--all]
"""

from __future__ import annotations

import argparse

from eval.metrics import contains_answer
from eval.questions import DEFAULT_SETS, load_questions

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


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS))
    parser.add_argument("--k", type=int, default=ANSWER_K)
    parser.add_argument("--brief", action="store_true", help="one line per miss, without the passages")
    args = parser.parse_args(argv)
    from index.build import ensure_default_index
    from retriever import Retriever

    retriever = Retriever.load(ensure_default_index(print))
    questions = load_questions(tuple(args.sets.split(",")), split="tune")
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
    main()
