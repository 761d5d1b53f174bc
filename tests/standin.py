"""A synthetic large-index fixture shared by the store tests: the transcript's real sentences with stand-in vectors,
written by the local writer (eval/scale.py), so tests reach the large-index code paths in seconds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from eval import scale
from eval.standin import sentence_pool

REPO = Path(__file__).resolve().parent.parent


def standin_store(folder: Path, passages: int, **build) -> tuple[Path, object, dict]:
    """Write `passages` synthetic passages under folder.

    Args:
        folder: an empty test folder.
        passages: how many passages to write.
        build: keyword arguments for eval.scale.build_store (for example dense=DenseSettings(kind="ivf")).

    Returns:
        (the index folder, the stand-in embedder, build_store's result).
    """
    rng = np.random.default_rng(0)
    real = rng.normal(size=(200, 48)).astype(np.float32)
    real /= np.linalg.norm(real, axis=1, keepdims=True)
    text = (REPO / "data" / "env-forum-2016.txt").read_text(encoding="utf-8")
    setup = scale.save_setup(folder / "setup", real, [])
    (setup / "pool.json").write_text(json.dumps(sentence_pool([text], extra=False), ensure_ascii=False), encoding="utf-8")
    result = scale.build_store(setup, folder / "index", passages, **build)
    embedder, _ = scale.load_setup(setup)
    return folder / "index", embedder, result
