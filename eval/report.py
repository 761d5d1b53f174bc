"""Writing the evaluation figures: Markdown tables, a PNG plot and the raw JSON."""

from __future__ import annotations

import json
from pathlib import Path

from eval.metrics import CUTOFFS, HEADLINE

COLUMNS = HEADLINE + ("reading_budget", "answer_sentence")
TITLES = {
    "recall@1": "R@1", "recall@3": "R@3", "recall@5": "R@5", "recall@10": "R@10", "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10", "reading_budget": "read@600", "answer_sentence": "ans-sent",
}


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _f(value: float) -> str:
    return f"{value:.3f}"


def main_table(results: dict) -> str:
    """Overall figures per mode, with abstention and latency."""
    header = ["mode"] + [TITLES[c] for c in COLUMNS] + ["abst. recall", "abst. prec.", "false abst.", "search p50/p95 ms", "answer p50/p95 ms"]
    rows = []
    for mode, m in results["modes"].items():
        a, s, ans = m["abstention"], m["latency"]["search"], m["latency"]["answer"]
        rows.append(
            [mode] + [_f(m["overall"][c]) for c in COLUMNS]
            + [_f(a["recall"]), _f(a["precision"]), _f(a["false_abstention_rate"]),
               f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f}", f"{ans['p50_ms']:.1f} / {ans['p95_ms']:.1f}"]
        )
    return _table(header, rows)


def group_table(results: dict, key: str) -> str:
    """Figures per question type or language, one row per (group, mode)."""
    header = [key.removeprefix("by_"), "n", "mode"] + [TITLES[c] for c in COLUMNS]
    rows = []
    groups = sorted({g for m in results["modes"].values() for g in m[key]})
    for group in groups:
        for mode, m in results["modes"].items():
            row = m[key][group]
            rows.append([group, str(row["n"]), mode] + [_f(row[c]) for c in COLUMNS])
    return _table(header, rows)


def format_table(results: dict) -> str:
    """The overall table, for the terminal."""
    return main_table(results)


def significance_table(results: dict) -> str:
    sig = results.get("significance") or {}
    p_values = sig.get("p_values") or {}
    if not p_values:
        return "(one mode only: no comparison)"
    header = ["mode A", "mode B"] + [TITLES[c] for c in HEADLINE]
    rows, seen = [], set()
    for a, others in p_values.items():
        for b, by_metric in others.items():
            if (b, a) in seen:
                continue
            seen.add((a, b))
            cells = []
            for c in HEADLINE:
                da = results["modes"][a]["overall"][c] - results["modes"][b]["overall"][c]
                p = by_metric[c]
                cells.append(f"{da:+.3f} (p={p:.3f}){' *' if p <= sig['max_p'] else ''}")
            rows.append([a, b] + cells)
    return _table(header, rows)


def markdown(results: dict) -> str:
    cfg = results["config"]
    parts = [
        "# forumqa evaluation",
        "",
        f"{results['questions']} gold questions ({results['answerable']} answerable; out-of-scope ones count only for "
        f"abstention). Embedder `{cfg['embedder']}`, {cfg['chunk_count']} chunks, chunking `{cfg.get('chunking')}`, "
        f"fusion `{cfg.get('fusion')}`, abstention `{cfg.get('abstention')}`. Run {cfg['created_at']}.",
        "",
        "Relevance is derived: a chunk is relevant when its NFKC-normalised, whitespace-free text contains an answer "
        "string. R@k is answer recall (at least one relevant chunk in the top k; ranx `hit_rate@k`); MRR@10 and "
        "nDCG@10 from ranx. read@600: an answer string within the first 600 characters of the top-10 passages "
        f"joined in order. ans-sent: the highlighted sentence of the top passage of `answer(k={cfg['answer_k']})` "
        "contains an answer string. Abstention recall/precision are on out-of-scope questions; false abstention is "
        "the share of answerable questions that abstain. Latency is per query, in this process, on a shared "
        "2-core machine.",
        "",
        "## Overall",
        "",
        main_table(results),
        "",
        "![recall@k and latency](eval.png)",
        "",
        "## Significance between modes",
        "",
        f"Difference A − B and the p-value of ranx `compare` ({(results.get('significance') or {}).get('test', '')} test); "
        f"* marks p ≤ {(results.get('significance') or {}).get('max_p', '')}.",
        "",
        significance_table(results),
        "",
        "## By language",
        "",
        group_table(results, "by_lang"),
        "",
        "## By question type",
        "",
        group_table(results, "by_type"),
        "",
        "## Failing questions",
        "",
    ]
    if results.get("no_relevant_chunk"):
        parts += [f"No chunk contains an answer string (split across chunks?): {', '.join(results['no_relevant_chunk'])}", ""]
    for mode, m in results["modes"].items():
        parts.append(f"### {mode}")
        parts.append("")
        for check, ids in m["failures"].items():
            parts.append(f"- {check} ({len(ids)}): {', '.join(ids) or '—'}")
        parts.append("")
    return "\n".join(parts)


def plot(results: dict, path: Path) -> None:
    """Recall@k curves per mode, and p50/p95 search and answer latency bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for mode, m in results["modes"].items():
        left.plot(CUTOFFS, [m["overall"][f"recall@{k}"] for k in CUTOFFS], marker="o", label=mode)
    left.set_xticks(CUTOFFS)
    left.set_xlabel("k")
    left.set_ylabel("answer recall@k")
    left.set_title("Recall@k (answerable questions)")
    left.grid(alpha=0.3)
    left.legend()
    modes = list(results["modes"])
    width = 0.2
    for i, (kind, stat) in enumerate([("search", "p50_ms"), ("search", "p95_ms"), ("answer", "p50_ms"), ("answer", "p95_ms")]):
        values = [results["modes"][m]["latency"][kind][stat] for m in modes]
        right.bar([x + (i - 1.5) * width for x in range(len(modes))], values, width, label=f"{kind} {stat[:3]}")
    right.set_xticks(range(len(modes)), modes)
    right.set_ylabel("ms per query")
    right.set_title("Latency")
    right.legend()
    right.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_reports(results: dict, out: Path) -> list[Path]:
    """eval.md, eval.png and eval.json in out."""
    out.mkdir(parents=True, exist_ok=True)
    md, png, raw = out / "eval.md", out / "eval.png", out / "eval.json"
    md.write_text(markdown(results) + "\n", encoding="utf-8")
    plot(results, png)
    raw.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return [md, png, raw]
