"""`forumqa ask` timed in a fresh process: its cold start, and which modules it imports (no heavy ones wanted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "gradio", "sentence_transformers", "transformers")
ASK_QUESTION = "南阳市有多少台燃煤锅炉被拆除？"


def _env() -> dict:
    from index.env import DEFAULTS

    env = {**DEFAULTS, **os.environ}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _forumqa_command() -> list[str]:
    script = Path(sys.executable).with_name("forumqa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def cold_start(index: Path, repeats: int) -> dict:
    """Wall time of `forumqa ask` in a fresh process, from process start to the answer printed."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        done = subprocess.run(_forumqa_command() + ["ask", ASK_QUESTION, "--index", str(index)],
                              env=_env(), capture_output=True, text=True, cwd=REPO)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            return {"error": (done.stderr or done.stdout).strip()[-500:]}
    return {"wall_s": min(times), "runs_s": times}


def import_audit(index: Path) -> dict:
    """Run `forumqa ask` under `python -X importtime`: whether heavy modules (torch, ...) are imported."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "ui.cli", "ask", ASK_QUESTION, "--index", str(index)],
                          env=_env(), capture_output=True, text=True, cwd=REPO)
    modules = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if match:
            modules[match.group(4)] = (int(match.group(2)), len(match.group(3)))
    heavy = sorted({name.split(".")[0] for name in modules if name.split(".")[0] in HEAVY})
    top = sorted(((cum, name) for name, (cum, depth) in modules.items() if depth <= 1), reverse=True)[:8]
    return {
        "ok": done.returncode == 0,
        "modules": len(modules),
        "heavy_imported": heavy,
        "torch_imported": "torch" in heavy,
        "top_imports_ms": [(name, cum / 1000) for cum, name in top],
    }
