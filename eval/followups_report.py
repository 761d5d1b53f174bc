"""The follow-up report: a Markdown section per conversation set, and followups.md / followups.json on disk."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from eval.followups_sets import FIGURES, TITLES
from eval.followups_standalone import DISTRACTORS


def _cell(figures: dict, name: str) -> str:
    value = figures.get(name)
    return "—" if value is None else f"{value:.3f}"


def report_section(results: dict, source: str = "eval/sets/followups.jsonl") -> str:
    """A Markdown section of one conversation set (named by source): one table per split, a row per category and condition."""
    columns = FIGURES + ("false_abstention", "near_miss_abstention", "rewritten")
    lines = [f"## Follow-up questions ({source})", ""]
    lines.append(
        "`history`: the follow-up asked with its earlier questions (rewritten when it does not stand alone); "
        "`alone`: the follow-up asked without history (the 'before' figure); `reference`: the set's own "
        "rewrite asked alone (a ceiling for the rewriter). False abstention is over answerable rows, "
        "near-miss abstention over the rows the transcript does not answer."
    )
    conditions = results["conditions"]
    splits = sorted({s for c in conditions.values() for s in c if s != "all"})
    for split in splits:
        lines += ["", f"### {split}", ""]
        header = ["category", "n", "condition"] + [TITLES[c] for c in columns]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        categories = ["all"] + sorted({c for cond in conditions.values() for c in cond[split] if c != "all"})
        for category in categories:
            for condition, by_split in conditions.items():
                figures = by_split[split].get(category)
                if figures is None:
                    continue
                cells = [category, str(figures["n"]), condition] + [_cell(figures, c) for c in columns]
                lines.append("| " + " | ".join(cells) + " |")
    if results.get("false_rewrites"):
        lines += ["", "### Questions that stand on their own, asked after an unrelated history", ""]
        lines.append(
            f"eval/gold.jsonl and eval/sets/readers.jsonl, each after {len(DISTRACTORS)} histories "
            "(eval/followups.py DISTRACTORS); every rewrite here is a false one."
        )
        lines.append("")
        for split, figures in sorted(results["false_rewrites"].items()):
            examples = "; e.g. " + "; ".join(figures["examples"]) if figures["examples"] else ""
            lines.append(f"- {split}: {figures['rewritten']:.3f} of {figures['asked']} rewritten{examples}")
    return "\n".join(lines)


def _failure_lines(results: dict) -> list[str]:
    return [  # what a held-out row searched is left out, so that nobody tunes on it
        f"- {f['id']} ({f['split']}, {f['category']}): rank {f['rank']}, abstained {f['abstained']}"
        + (f"; searched 「{f['searched']}」" if f["split"] != "heldout" else "")
        for f in results["failures"].get("history", [])
    ]


def write_report(results: dict, out: str | Path, more: Sequence[tuple[str, dict]] = ()) -> list[Path]:
    """Write followups.md and followups.json into a folder; their paths.

    Args:
        results: evaluate_followups() figures of eval/sets/followups.jsonl.
        out: the folder.
        more: (source, evaluate_followups() figures) of further conversation sets, each a section of its own.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    md, data = folder / "followups.md", folder / "followups.json"
    lines = [report_section(results).replace("## ", "# ", 1), "", "## Not answered at rank 1 with history", ""]
    lines += _failure_lines(results)
    for source, figures in more:
        lines += ["", report_section(figures, source), "", f"### Not answered at rank 1 with history ({source})", ""]
        lines += _failure_lines(figures)
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    payload = {**results, "more": {source: figures for source, figures in more}} if more else results
    data.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return [md, data]
