"""The recorded expected figures (eval/expected.json) and the regression check against them."""

from __future__ import annotations

import json
from pathlib import Path

EXPECTED = Path(__file__).resolve().parent / "expected.json"
TOLERANCE = 0.02
FIGURES = ("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "reading_budget", "answer_sentence")
ABSTENTION = {"recall": +1, "precision": +1, "false_abstention_rate": -1}  # +1: higher is better
RECORD_COMMAND = "python -m eval --record-expected"


def expected_figures(results: dict) -> dict:
    """The figures the regression test guards, per mode."""
    return {
        "modes": {
            mode: {name: round(m["overall"][name], 4) for name in FIGURES}
            | {f"abstention_{name}": round(m["abstention"][name], 4) for name in ABSTENTION}
            for mode, m in results["modes"].items()
        },
        "config": {key: results["config"].get(key) for key in ("embedder", "chunk_count", "chunking", "dense", "fusion", "abstention")},
        "questions": results["questions"],
        "recorded_at": results["config"].get("created_at"),
        "record_with": RECORD_COMMAND,
    }


def write_expected(results: dict, path: Path = EXPECTED) -> Path:
    path.write_text(json.dumps(expected_figures(results), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def load_expected(path: Path = EXPECTED) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def regressions(results: dict, expected: dict, tolerance: float = TOLERANCE) -> list[str]:
    """One line per figure worse than expected by more than tolerance (empty: no regression)."""
    found = expected_figures(results)["modes"]
    lines = []
    for mode, figures in expected["modes"].items():
        if mode not in found:
            continue
        for name, want in figures.items():
            got = found[mode][name]
            direction = ABSTENTION.get(name.removeprefix("abstention_"), +1) if name.startswith("abstention_") else +1
            if direction * (got - want) < -tolerance:
                lines.append(f"{mode} {name}: {got:.4f}, expected {want:.4f} (tolerance {tolerance})")
    return lines
