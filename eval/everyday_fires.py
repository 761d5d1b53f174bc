"""Which entries of the everyday-word table fire on the TUNE questions, and whether they land: never reads held-out rows.

``python -m eval.everyday_fires [--sets gold,readers] [--list]`` finds, for every tune question, its words that the
index's lexicon pairs with written terms (index/everyday.py: 厂子 → 企业). An entry fires for BM25 when the spoken
word is no index term (its written terms are searched), and for the answerability units whenever the question holds
it. A firing on an answerable question lands when one of its written terms occurs in a passage that gives the answer;
on an unanswerable one it can only mislead (a follow-up is read as typed, without its history). Prints the counts
and the precision (landed / fired on answerable questions); --list prints each firing.
"""

from __future__ import annotations

from collections.abc import Sequence

from eval import metrics
from eval.command import command
from eval.questions import TUNE_SETS, load_questions


def firings(retriever, questions) -> list[tuple]:
    """(question, spoken word, its written terms, for BM25, landed) of every entry that fires on the questions.

    Args:
        retriever: a loaded retriever.Retriever.
        questions: eval.questions.EvalQuestion list (pass the tune split only).
    """
    from index.everyday import everyday
    from index.normalize import search_key

    lexicon = retriever.backend.lexicon
    chunks = retriever.chunks
    out = []
    for q in questions:
        parsed = retriever.parse(q.question)
        answer_texts = [search_key(c.text) for c in chunks if q.answerable and metrics.contains_answer(c.text, q.answers)]
        own = dict.fromkeys(t for t in parsed.terms if not t.isascii() and search_key(t) in search_key(q.question))
        for word in own:
            written = everyday(word, lexicon)
            if not written:
                continue
            bm25 = not retriever.backend.sparse.known([word])
            landed = any(search_key(w) in text for w in written for text in answer_texts)
            out.append((q, word, written, bm25, landed))
    return out


def summary(rows: list[tuple]) -> str:
    """Counts of firings (all, on answerable questions, landed) for BM25 and the units, with the precision."""
    lines = []
    for label, chosen in (("units (every firing)", rows), ("bm25 (word no index term)", [r for r in rows if r[3]])):
        answerable = [r for r in chosen if r[0].answerable]
        landed = sum(r[4] for r in answerable)
        questions = len({r[0].id for r in chosen})
        precision = f"{landed / len(answerable):.3f}" if answerable else "-"
        lines.append(
            f"{label:<28} fired {len(chosen):>3} on {questions:>3} questions; on answerable {len(answerable):>3}, "
            f"landed {landed:>3} (precision {precision}); on unanswerable {len(chosen) - len(answerable):>3}"
        )
    words = sorted({r[1] for r in rows})
    lines.append(f"entries that fire: {len(words)} ({' '.join(words)})")
    return "\n".join(lines)


@command
def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.everyday_fires", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join((*TUNE_SETS, "followups")))
    parser.add_argument("--index", default=None)
    parser.add_argument("--list", action="store_true", help="print each firing")
    args = parser.parse_args(argv)
    sets = tuple(s.strip() for s in args.sets.split(",") if s.strip())
    questions = load_questions(sets, split="tune")  # an unknown set is refused before an index is opened (or built)
    with opened_retriever(args.index) as retriever:
        rows = firings(retriever, questions)
    if args.list:
        for q, word, written, bm25, landed in rows:
            kind = "answerable" if q.answerable else "unanswerable"
            mark = "landed" if landed else ("missed" if q.answerable else "-")
            print(f"{q.id} [{q.group}, {kind}] {word} -> {' '.join(written)} ({'bm25+units' if bm25 else 'units'}, {mark}): "
                  f"{q.question}")
    print(summary(rows))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
