"""The recorded expected figures (eval/expected.json), per split, and the regression check against them."""

from __future__ import annotations

import json
from pathlib import Path

EXPECTED = Path(__file__).resolve().parent / "expected.json"
TOLERANCE = 0.02
RECORD_COMMAND = "python -m eval --record-expected"
SPLITS = ("tune", "heldout")
# figure name -> (where in a split's block, +1 when higher is better / -1 when lower is)
FIGURES = {
    "gold_recall@1": (("retrieval", "gold", "recall@1"), +1),
    "gold_recall@5": (("retrieval", "gold", "recall@5"), +1),
    "gold_mrr@10": (("retrieval", "gold", "mrr@10"), +1),
    "readers_recall@1": (("retrieval", "readers", "recall@1"), +1),
    "readers_recall@5": (("retrieval", "readers", "recall@5"), +1),
    "readers_mrr@10": (("retrieval", "readers", "mrr@10"), +1),
    "answer_sentence": (("answer_sentence",), +1),
    "abstention_out_of_scope": (("abstention", "out_of_scope"), +1),
    "abstention_near_miss": (("abstention", "near_miss"), +1),
    "abstention_nonsense": (("abstention", "nonsense"), +1),
    "false_abstention": (("abstention", "false_abstention"), -1),
}


def _get(block: dict, path: tuple[str, ...]) -> float | None:
    for key in path:
        if not isinstance(block, dict) or key not in block:
            return None
        block = block[key]
    return float(block)


def expected_figures(results: dict) -> dict:
    """The figures the regression test guards, per mode and split."""
    modes = {}
    for mode, m in results["modes"].items():
        modes[mode] = {}
        for split in SPLITS:
            values = {name: _get(m["splits"][split], path) for name, (path, _) in FIGURES.items()}
            modes[mode][split] = {name: round(v, 4) for name, v in values.items() if v is not None and v == v}
    return {
        "modes": modes,
        "config": {
            key: results["config"].get(key) for key in ("embedder", "chunk_count", "chunking", "dense", "fusion", "abstention")
        },
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
    for mode, splits in expected["modes"].items():
        for split, figures in splits.items():
            got_split = found.get(mode, {}).get(split)
            if got_split is None:
                continue
            for name, want in figures.items():
                got = got_split.get(name)
                if got is None:
                    lines.append(f"{mode} {split} {name}: missing, expected {want:.4f}")
                    continue
                direction = FIGURES[name][1] if name in FIGURES else +1
                if direction * (got - want) < -tolerance:
                    lines.append(f"{mode} {split} {name}: {got:.4f}, expected {want:.4f} (tolerance {tolerance})")
    return lines
