"""`forumqa bench`: latency on the bundled transcript, and BM25/FAISS at 10k-1M synthetic chunks.

A script that prints figures and writes eval/reports/bench.md and bench.png; never a timed test.
The fresh-process figures (cold start, import audit) are taken in eval/bench_process.py.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from eval.bench_process import cold_start, import_audit
from eval.gold import load_gold
from eval.metrics import latency_summary
from index.env import apply_defaults

REPORTS = Path(__file__).resolve().parent / "reports"


def app_latency(retriever, questions: Sequence[str]) -> dict:
    """Answer latency through the served app's API (ui.app.build_app), or why it was skipped."""
    try:
        from ui.app import build_app
    except ImportError as error:
        return {"skipped": f"ui.app.build_app not available ({error})"}
    try:
        from gradio_client import Client
    except ImportError:
        return {"skipped": "gradio_client is not installed: pip install gradio_client"}
    demo = None
    try:
        from eval.loadtest import free_port

        port = free_port()
        demo = build_app(retriever)
        demo.launch(prevent_thread_lock=True, server_port=port, quiet=True)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        client.predict(questions[0], 5, "hybrid", "", api_name="/ask")  # warm-up
        times = []
        for q in questions:
            started = time.perf_counter()
            client.predict(q, 5, "hybrid", "", api_name="/ask")
            times.append(time.perf_counter() - started)
        return latency_summary(times)
    except Exception as error:  # noqa: BLE001 - a figure of the report, not a failure of the bench
        return {"skipped": f"the app could not be benchmarked: {type(error).__name__}: {error}"}
    finally:
        if demo is not None:
            demo.close()


def bench_transcript(index: Path | None, questions: Sequence[str], quick: bool, log: Callable[[str], None]) -> dict:
    """Build, cold start, load, warm search per mode, query embedding, answer, app API, on the transcript."""
    from index.build import build_index
    from retriever import Retriever

    out: dict = {}
    tmp = None
    if index is None:
        tmp = tempfile.mkdtemp(prefix="forumqa-bench-")
        index = Path(tmp) / "index"
        started = time.perf_counter()
        chunk_count = build_index(out=index).chunk_count
        out["build_s"] = time.perf_counter() - started
    else:
        manifest = json.loads((Path(index) / "manifest.json").read_text(encoding="utf-8"))
        chunk_count = manifest["chunk_count"]
        out["build_s"] = manifest.get("build_seconds")
        out["build_note"] = "from the index manifest (not rebuilt)"
    out["chunks"] = chunk_count
    log(f"build: {out['build_s']:.1f}s for {out['chunks']} chunks")
    try:
        out["cold_start"] = cold_start(index, 1 if quick else 5)
        out["imports"] = import_audit(index)
        log(f"cold start of forumqa ask: {out['cold_start']}; torch imported: {out['imports']['torch_imported']}")
        loads = []
        for _ in range(1 if quick else 3):
            started = time.perf_counter()
            retriever = Retriever.load(index)
            loads.append(time.perf_counter() - started)
        out["load_s"] = {"first": loads[0], "min": min(loads)}
        log(f"Retriever.load: {out['load_s']}")
        retriever.search(questions[0], k=5)
        # Interleaved: each question is embedded alone, then searched in each mode, so that a busy machine's load,
        # which drifts over minutes, weighs on the embedding and the searches alike (their ratio is the target).
        embed, times = [], {mode: [] for mode in ("bm25", "dense", "hybrid")}
        for q in questions:
            started = time.perf_counter()
            retriever.embedder.encode_queries([q])
            embed.append(time.perf_counter() - started)
            for mode, spent in times.items():
                started = time.perf_counter()
                retriever.search(q, k=5, mode=mode)
                spent.append(time.perf_counter() - started)
        out["embed_query"] = latency_summary(embed)
        out["search"] = {mode: latency_summary(spent) for mode, spent in times.items()}
        out["hybrid_over_embed_paired"] = statistics.median(s / e for s, e in zip(times["hybrid"], embed))
        times = []
        for q in questions:
            started = time.perf_counter()
            retriever.answer(q, k=5)
            times.append(time.perf_counter() - started)
        out["answer"] = latency_summary(times)
        out["hybrid_over_embed"] = out["search"]["hybrid"]["p50_ms"] / out["embed_query"]["p50_ms"]
        log(f"embed p50 {out['embed_query']['p50_ms']:.1f} ms; search p50 " +
            ", ".join(f"{m} {v['p50_ms']:.1f} ms" for m, v in out["search"].items()) +
            f"; answer p50 {out['answer']['p50_ms']:.1f} ms")
        out["app"] = app_latency(retriever, list(questions[: 5 if quick else 30]))
        log(f"app API: {out['app']}")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return out


PIPELINE_LIMIT = 100_000  # sizes up to this are built through the whole pipeline; above, the store alone


def bench_scale(sizes: Sequence[int], retriever, questions: Sequence[str], quick: bool, log: Callable[[str], None],
                checkpoint: Callable[[dict], None] = lambda partial: None, embedding: bool = True) -> dict:
    """The product's search path on synthetic corpora of each size (stand-in vectors, real Chinese text)."""
    from eval import scale, throughput
    from eval.standin import GaussianModel
    from index.store.faiss_dense import DenseSettings

    work = Path(tempfile.mkdtemp(prefix="forumqa-scale-"))
    try:
        real = scale.real_vectors(retriever)
        setup = scale.save_setup(work / "setup", real, [c.text for c in retriever.chunks])
        pool = json.loads((setup / "pool.json").read_text(encoding="utf-8"))
        (work / "questions.json").write_text(json.dumps(list(questions), ensure_ascii=False), encoding="utf-8")
        out = {
            "threads": scale.threads(),
            "real_vectors": len(real),
            "real_profile": scale.similarity_profile(real),
            "synthetic_profile": scale.similarity_profile(GaussianModel.fit(real).sample(len(real), seed=7)),
            "pool_sentences": len(pool),
            "dense_settings": DenseSettings().to_json(),
            "sizes": [],
        }
        for n in sizes:
            index = work / f"index-{n}"
            row: dict = {"n": n}
            for kind in (["pipeline"] if n <= PIPELINE_LIMIT else []) + (["store"] if n > PIPELINE_LIMIT or n >= 100_000 and not quick else []):
                log(f"scale n={n}: {kind} build ...")
                row[kind] = scale.run_phase([kind, "--setup", str(setup), "--index", str(index), "--size", str(n)], log)
                log(f"  {_brief(row[kind])}")
            log(f"scale n={n}: queries ...")
            row["query"] = scale.run_phase(["query", "--setup", str(setup), "--index", str(index),
                                            "--questions", str(work / "questions.json")], log)
            log(f"  {_brief(row['query'])}")
            shutil.rmtree(index, ignore_errors=True)
            out["sizes"].append(row)
            checkpoint(out)
        if not embedding:
            return out
        log("real embedding throughput ...")
        out["embedding"] = [throughput.measure(limit=6, repeats=1)] if quick else throughput.measure_threads((1, 2), log=log)
        checkpoint(out)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _brief(result: dict) -> str:
    keys = ("n", "build_s", "passages_per_s", "load_s", "recall@10", "peak_rss_mb", "error")
    parts = [f"{k}={result[k]:.4g}" if isinstance(result.get(k), float) else f"{k}={result[k]}" for k in keys if k in result]
    for name in ("search_hybrid", "answer"):
        if name in result:
            parts.append(f"{name} p50={result[name]['p50_ms']:.1f}ms")
    return ", ".join(parts)


def run_bench(
    sizes: Sequence[int] = (10_000, 100_000, 1_000_000),
    out: str | Path | None = REPORTS,
    quick: bool = False,
    index: str | Path | None = None,
    scale_only: bool = False,
    log: Callable[[str], None] = print,
    embedding: bool = True,
) -> dict:
    """Benchmark the transcript pipeline and FAISS/BM25 at scale; print figures and write bench.md/png/json.

    Args:
        sizes: synthetic corpus sizes (chunks) for the scale benchmark.
        out: folder for bench.md, bench.png and bench.json (None: write nothing).
        quick: few questions and repetitions, a short ef sweep (a smoke run).
        index: an existing index folder to benchmark; None builds one (and times the build).
        scale_only: skip the transcript part.
        embedding: measure the real model's embedding throughput after the scale benchmark.

    Returns:
        The figures.
    """
    from eval import bench_report
    from index.build import build_index, ensure_default_index
    from retriever import Retriever

    apply_defaults()
    gold = [q.question for q in load_gold()]
    questions = gold[:20] if quick else gold
    results = {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_avg_start": os.getloadavg()},
        "quick": quick,
        "sizes": list(sizes),
    }

    def checkpoint(scale_results: dict | None = None) -> None:
        """Write the report so far (a long 1M run leaves usable figures if it is stopped)."""
        if scale_results is not None:
            results["scale"] = scale_results
        results["machine"]["load_avg_end"] = os.getloadavg()
        if out is not None:
            bench_report.write_reports(results, Path(out))

    work = None
    if index is None and not scale_only:  # build the transcript's index once: timed here, queried below
        work = tempfile.mkdtemp(prefix="forumqa-bench-")
        started = time.perf_counter()
        build_index(out=Path(work) / "index")
        built_s = time.perf_counter() - started
        index = Path(work) / "index"
    if not scale_only:
        results["transcript"] = bench_transcript(Path(index), questions, quick, log)
        if work:
            results["transcript"].update(build_s=built_s, build_note="")
        checkpoint()
        if not quick:
            from eval import incremental

            log("adding a document against rebuilding (real embedder) ...")
            results["incremental"] = incremental.measure(log=log)
            checkpoint()
    retriever = Retriever.load(index) if index else Retriever.load(ensure_default_index(log))
    try:
        results["scale"] = bench_scale(list(sizes), retriever, questions, quick, log, checkpoint, embedding)
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)
    checkpoint()
    log(bench_report.format_tables(results))
    if out is not None:
        log(f"wrote {out}/bench.md, bench.png, bench.json")
    return results


if __name__ == "__main__":  # pragma: no cover
    import argparse

    parser = argparse.ArgumentParser(prog="python -m eval.bench")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--out", default=str(REPORTS))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--index", default=None)
    parser.add_argument("--scale-only", action="store_true")
    parser.add_argument("--skip-embedding", action="store_true", help="do not measure the real model's throughput")
    args = parser.parse_args()
    run_bench([int(s) for s in args.sizes.split(",")], args.out, args.quick, args.index, args.scale_only,
              embedding=not args.skip_embedding)
