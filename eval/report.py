"""Writing the evaluation figures: Markdown tables per split and category, PNG plots and the raw JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

from eval.metrics import HEADLINE
from eval.summary import GROUP_METRICS, SPLITS

RETRIEVAL_COLUMNS = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "reading_budget")
TITLES = {
    "recall@1": "R@1", "recall@3": "R@3", "recall@5": "R@5", "recall@10": "R@10", "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10", "reading_budget": "read@600", "answer_sentence": "ans-sent", "false_abstention": "false abst.",
}
SPLIT_TITLES = {"tune": "tune", "heldout": "held-out", "all": "all"}


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _f(value: float) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.3f}"


def main_table(results: dict) -> str:
    """Per mode and split: gold retrieval, answer sentence, abstention and latency."""
    header = ["mode", "split", "gold R@1", "gold R@5", "gold MRR@10", "readers R@1", "readers R@5", "ans-sent",
              "out-of-scope abst.", "near-miss abst.", "nonsense abst.", "false abst.", "search p50 ms", "answer p50 ms"]
    rows = []
    for mode, m in results["modes"].items():
        for split in SPLITS:
            b = m["splits"][split]
            gold, readers = b["retrieval"].get("gold", {}), b["retrieval"].get("readers", {})
            a = b["abstention"]
            rows.append([
                mode, SPLIT_TITLES[split], _f(gold.get("recall@1")), _f(gold.get("recall@5")), _f(gold.get("mrr@10")),
                _f(readers.get("recall@1")), _f(readers.get("recall@5")), _f(b["answer_sentence"]),
                _f(a["out_of_scope"]), _f(a["near_miss"]), _f(a["nonsense"]), _f(a["false_abstention"]),
                f"{m['latency']['search']['p50_ms']:.1f}", f"{m['latency']['answer']['p50_ms']:.1f}",
            ])
    return _table(header, rows)


def retrieval_table(results: dict, mode: str) -> str:
    """Retrieval figures per set and split for one mode."""
    header = ["set", "split", "n"] + [TITLES[c] for c in RETRIEVAL_COLUMNS]
    rows = []
    m = results["modes"][mode]
    for name in sorted({s for b in m["splits"].values() for s in b["retrieval"]}, key=lambda s: (s == "all", s)):
        for split in SPLITS:
            row = m["splits"][split]["retrieval"].get(name)
            if row:
                rows.append([name, SPLIT_TITLES[split], str(row["n"])] + [_f(row[c]) for c in RETRIEVAL_COLUMNS])
    return _table(header, rows)


def category_table(results: dict, mode: str) -> str:
    """Every category of every set, tune and held-out side by side."""
    m = results["modes"][mode]
    header = ["category", "n tune / held-out"] + [f"{TITLES.get(c, c)} {SPLIT_TITLES[s]}" for c in GROUP_METRICS for s in ("tune", "heldout")]
    header.insert(2, "abstention tune")
    header.insert(3, "abstention held-out")
    rows = []
    groups = sorted({g for b in m["splits"].values() for g in b["categories"]})
    for group in groups:
        tune, held = (m["splits"][s]["categories"].get(group, {}) for s in ("tune", "heldout"))
        row = [group, f"{tune.get('n', 0)} / {held.get('n', 0)}", _f(tune.get("abstention")), _f(held.get("abstention"))]
        row += [_f(x.get(c)) for c in GROUP_METRICS for x in (tune, held)]
        rows.append(row)
    return _table(header, rows)


def reliability_table(results: dict, mode: str) -> str:
    """Expected calibration error and Brier score of the confidence, per split."""
    rows = []
    for split in SPLITS:
        r = results["modes"][mode]["splits"][split]["reliability"]
        rows.append([SPLIT_TITLES[split], str(r["n"]), _f(r["ece"]), _f(r["brier"])])
    return _table(["split", "questions", "ECE", "Brier"], rows)


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
                gold = {mode: results["modes"][mode]["splits"]["all"]["retrieval"]["gold"] for mode in (a, b)}
                p = by_metric[c]
                cells.append(f"{gold[a][c] - gold[b][c]:+.3f} (p={p:.3f}){' *' if p <= sig['max_p'] else ''}")
            rows.append([a, b] + cells)
    return _table(header, rows)


def fresh_section(results: dict) -> str:
    """The blind held-out sections (eval/fresh.py: fresh, then the later blind sets), or '' when the run did not
    score them."""
    fresh = results.get("fresh_heldout")
    if not fresh:
        return ""
    from eval.fresh import report_section

    blind = [fresh, *(results.get("blind_heldout") or {}).values()]
    return "\n\n".join(report_section(f, results, f.get("compare_followups")) for f in blind)


def markdown(results: dict) -> str:
    cfg = results["config"]
    counts = ", ".join(f"{name}: {c.get('tune', 0)} tune + {c.get('heldout', 0)} held-out" for name, c in results["questions"].items())
    main_mode = "hybrid" if "hybrid" in results["modes"] else next(iter(results["modes"]))
    parts = [
        "# forumqa evaluation",
        "",
        f"Questions — {counts}. Embedder `{cfg['embedder']}`, {cfg['chunk_count']} chunks, fusion `{cfg.get('fusion')}`, "
        f"answerability `{cfg.get('abstention')}`. Run {cfg['created_at']}.",
        "",
        "Sets: `gold` is eval/gold.jsonl (its held-out ids in eval/sets/gold_split.json), `readers` is "
        "eval/sets/readers.jsonl, `readers2` is eval/sets/readers2.jsonl (written blind in session 6; 80 % tune), "
        "`readers3` is eval/sets/readers3.jsonl (written blind in session 7; 70 % tune), `readers5` is "
        "eval/sets/readers5.jsonl (written blind in session 9; half tune, half held out), `readers6` is "
        "eval/sets/readers6.jsonl (written blind in session 10; half tune, half held out), `readers7` is "
        "eval/sets/readers7.jsonl (written blind in session 11; half tune, half held out), `readers8` is "
        "eval/sets/readers8.jsonl (written blind in session 12; half tune, half held out), `readers9` is "
        "eval/sets/readers9.jsonl (written blind in session 13; half tune, half held out), `readers10` is "
        "eval/sets/readers10.jsonl (written blind in session 14; half tune, half held out), `readers11` is "
        "eval/sets/readers11.jsonl (written blind in session 15; half tune, half held out), `readers12` is "
        "eval/sets/readers12.jsonl (written blind in session 16; half tune, half held out), `readers13` is "
        "eval/sets/readers13.jsonl (written blind in session 17; half tune, half held out), `readers14` is "
        "eval/sets/readers14.jsonl (written blind in session 18; half tune, half held out), `readers15` is "
        "eval/sets/readers15.jsonl (written blind in session 19; half tune, half held out), `readers16` is "
        "eval/sets/readers16.jsonl (written blind in session 20; half tune, half held out), `readers17` is "
        "eval/sets/readers17.jsonl (written blind in session 21; half tune, half held out), `readers18` is "
        "eval/sets/readers18.jsonl (written blind in session 22; half tune, half held out), `readers19` is "
        "eval/sets/readers19.jsonl (written blind in session 23; half tune, half held out), `readers20` is "
        "eval/sets/readers20.jsonl (written blind in session 24; half tune, half held out), `readers21` is "
        "eval/sets/readers21.jsonl (written blind in session 25; half tune, half held out), `readers22` is "
        "eval/sets/readers22.jsonl (written blind in session 26; half tune, half held out), `readers23` is "
        "eval/sets/readers23.jsonl (written blind in session 27; half tune, half held out), `readers24` is "
        "eval/sets/readers24.jsonl (written blind in session 28; half tune, half held out), `readers25` is "
        "eval/sets/readers25.jsonl (written blind in session 29; half tune, half held out), `readers26` is "
        "eval/sets/readers26.jsonl (written blind in session 30; half tune, half held out), `readers27` is "
        "eval/sets/readers27.jsonl (written blind in session 31; half tune, half held out). The "
        "Overall table pools every set of a split; the fresh section below gives each set's held-out figures apart. "
        "The follow-up conversations (eval/sets/followups.jsonl, followups2.jsonl, followups3.jsonl, followups5.jsonl, followups6.jsonl, followups7.jsonl, followups8.jsonl, followups9.jsonl, followups10.jsonl, followups11.jsonl, followups12.jsonl, followups13.jsonl, followups14.jsonl, followups15.jsonl, followups16.jsonl, followups17.jsonl, followups18.jsonl, followups19.jsonl, followups20.jsonl, followups21.jsonl, followups22.jsonl, followups23.jsonl, followups24.jsonl, followups25.jsonl, followups26.jsonl and followups27.jsonl) are "
        "scored with and without "
        "their history in [followups.md](followups.md), and can join these tables with `--sets gold,readers,followups`. "
        "The held-out split is never used for tuning or training (eval/calibrate.py reads the tune split only)."
        + (" The blind held-out sets (eval/sets/fresh*.jsonl, written in session 5, and readers4/followups4.jsonl, "
           "written in session 8; never tuned) are scored apart, in the last sections; they are not part of any "
           "table before it." if results.get("fresh_heldout") else ""),
        "",
        "Relevance is derived: a chunk is relevant when its NFKC-normalised, whitespace-free text contains an answer "
        "string. R@k is answer recall (a relevant chunk in the top k; ranx `hit_rate@k`); MRR@10 and nDCG@10 from ranx; "
        "read@600: an answer string within the first 600 characters of the top-10 passages. ans-sent: the answer sentence "
        f"of `answer(k={cfg['answer_k']})` (the highlight of its answering passage) contains an answer string, counted "
        "whether or not it abstained. Abstention: the share of out-of-scope, near-miss and nonsense questions that abstain; "
        "false abstention: the share of answerable questions that abstain. Latency is per query, in this process, on a "
        "shared 2-core machine.",
        "",
        "## Overall",
        "",
        main_table(results),
        "",
        "![recall@k and latency](eval.png)",
        "",
        f"## Every category ({main_mode})",
        "",
        "Answerable categories give retrieval, answer-sentence and false-abstention figures; out_of_scope, near_miss and "
        "nonsense give the share that abstains.",
        "",
        category_table(results, main_mode),
        "",
        f"## Retrieval per set ({main_mode})",
        "",
        retrieval_table(results, main_mode),
        "",
        f"## Calibration of the confidence ({main_mode})",
        "",
        "`Answer.confidence` is the answerability model's probability that the transcript answers the question. The "
        "diagram bins it and plots the share of answerable questions in each bin; a calibrated confidence lies on the "
        "diagonal. ECE: bin-size-weighted gap between confidence and share.",
        "",
        reliability_table(results, main_mode),
        "",
        "![reliability diagram](reliability.png)",
        "",
        "## Significance between modes (gold, both splits)",
        "",
        f"Difference A − B and the p-value of ranx `compare` ({(results.get('significance') or {}).get('test', '')} test); "
        f"* marks p ≤ {(results.get('significance') or {}).get('max_p', '')}.",
        "",
        significance_table(results),
        "",
        "## Failing questions (held-out)",
        "",
    ]
    for mode, m in results["modes"].items():
        parts.append(f"### {mode}")
        parts.append("")
        for check, ids in m["splits"]["heldout"]["failures"].items():
            parts.append(f"- {check} ({len(ids)}): {', '.join(ids) or '—'}")
        parts.append("")
    if results.get("fresh_heldout"):
        parts += [fresh_section(results), ""]
    return "\n".join(parts)


def plot(results: dict, path: Path) -> None:
    """Recall@k curves per mode (gold, all splits), and p50/p95 search and answer latency bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cutoffs = (1, 3, 5, 10)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for mode, m in results["modes"].items():
        for split, style in (("tune", "--"), ("heldout", "-")):
            gold = m["splits"][split]["retrieval"].get("gold") or m["splits"][split]["retrieval"]["all"]
            left.plot(cutoffs, [gold[f"recall@{k}"] for k in cutoffs], style, marker="o", label=f"{mode} {SPLIT_TITLES[split]}")
    left.set_xticks(cutoffs)
    left.set_xlabel("k")
    left.set_ylabel("answer recall@k")
    left.set_title("Recall@k (gold, answerable)")
    left.grid(alpha=0.3)
    left.legend(fontsize=8)
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


def plot_reliability(results: dict, path: Path, mode: str = "hybrid") -> None:
    """Reliability diagram of Answer.confidence, tune and held-out, with the bins' question counts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    mode = mode if mode in results["modes"] else next(iter(results["modes"]))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(5.5, 6.5), height_ratios=(3, 1), sharex=True)
    top.plot([0, 1], [0, 1], ":", color="grey", label="calibrated")
    for split, marker in (("tune", "s"), ("heldout", "o")):
        r = results["modes"][mode]["splits"][split]["reliability"]
        xs = [b["confidence"] for b in r["bins"]]
        top.plot(xs, [b["answerable"] for b in r["bins"]], marker=marker, label=f"{SPLIT_TITLES[split]} (ECE {r['ece']:.3f})")
        bottom.bar([(b["low"] + b["high"]) / 2 + (0.02 if split == "heldout" else -0.02) for b in r["bins"]],
                   [b["n"] for b in r["bins"]], 0.04, label=SPLIT_TITLES[split])
    top.set_ylabel("share answerable")
    top.set_title(f"Reliability of Answer.confidence ({mode})")
    top.set_xlim(0, 1)
    top.set_ylim(0, 1)
    top.grid(alpha=0.3)
    top.legend(fontsize=8)
    bottom.set_xlabel("confidence")
    bottom.set_ylabel("questions")
    bottom.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_reports(results: dict, out: Path) -> list[Path]:
    """eval.md, eval.png, reliability.png and eval.json in out."""
    out.mkdir(parents=True, exist_ok=True)
    md, png, diagram, raw = out / "eval.md", out / "eval.png", out / "reliability.png", out / "eval.json"
    md.write_text(markdown(results) + "\n", encoding="utf-8")
    plot(results, png)
    plot_reliability(results, diagram)
    raw.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return [md, png, diagram, raw]
