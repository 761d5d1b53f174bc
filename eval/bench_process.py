"""`forumqa ask` timed in a fresh process: its cold start, and which modules it imports (no heavy ones wanted)."""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "gradio", "sentence_transformers", "transformers", "pydantic")
# What a question does not need, so `forumqa ask` must not import it: FAISS for a small flat index (searched exactly),
# bm25s and what it pulls in (its files are read directly), pkg_resources (jieba's), the index build code, numpy.ma
# (np.median's NaN check: lift.median), importlib.metadata (the CC-CEDICT cache key reads files, asks no versions).
LAZY = ("faiss", "bm25s", "scipy", "numba", "pkg_resources", "index.build", "index.store.local_write", "numpy.ma",
        "importlib.metadata")
ASK_QUESTION = "南阳市有多少台燃煤锅炉被拆除？"


def _env(tree: Path = REPO) -> dict:
    from index.env import DEFAULTS

    env = {**DEFAULTS, **os.environ}
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _forumqa_command() -> list[str]:
    script = Path(sys.executable).with_name("forumqa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


def cold_start(index: Path, repeats: int, command: list[str] | None = None, tree: Path = REPO,
               question: str = ASK_QUESTION) -> dict:
    """Wall and CPU time of `forumqa ask` in a fresh process, from process start to the answer printed.

    One unmeasured run first (it writes the jieba tables cache when missing), then `repeats` measured runs.

    Args:
        index: the index folder asked.
        repeats: measured runs.
        command: the forumqa command (default: this environment's).
        tree: the source tree put first on PYTHONPATH (another checkout: its code is timed).
        question: the question asked.

    Returns:
        {"wall_s": best, "median_s", "cpu_median_s" (user + system), "runs_s", "cpu_s"} or {"error": ...}.
    """
    return cold_starts(index, repeats, [(command or _forumqa_command(), tree)], question)[0]


def cold_starts(index: Path, repeats: int, runs: list[tuple[list[str], Path]], question: str = ASK_QUESTION) -> list[dict]:
    """cold_start() of several (command, tree) pairs, interleaved run by run: on a busy machine the load drifts over
    minutes, and interleaving puts each tree under the same load, so their ratio holds where the times do not.

    Returns:
        One cold_start() result per pair, in their order.
    """
    times: list[list[float]] = [[] for _ in runs]
    cpu: list[list[float]] = [[] for _ in runs]
    errors: dict[int, str] = {}
    for run in range(repeats + 1):
        for at, (command, tree) in enumerate(runs):
            if at in errors:
                continue
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command + ["ask", question, "--index", str(index)],
                                  env=_env(tree), capture_output=True, text=True, cwd=tree)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                errors[at] = (done.stderr or done.stdout).strip()[-500:]
            elif run:
                times[at].append(elapsed)
                cpu[at].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [
        {"error": errors[at]} if at in errors else
        {"wall_s": min(times[at]), "median_s": statistics.median(times[at]), "cpu_median_s": statistics.median(cpu[at]),
         "runs_s": times[at], "cpu_s": cpu[at]}
        for at in range(len(runs))
    ]


# `forumqa ask` in-process, then the modules it left loaded (sys.modules: an import that was refused is not there).
AUDIT = """
import sys
from ui.cli import main
sys.argv = ["forumqa", "ask", *sys.argv[1:]]
try:
    main()
except SystemExit as end:
    assert not end.code, end.code
print("LOADED", " ".join(sorted(sys.modules)), file=sys.stderr)
"""


def import_audit(index: Path, python: str | None = None) -> dict:
    """Run `forumqa ask` under `python -X importtime`: the modules it loads, and whether heavy ones (torch, ...) or
    ones a question does not need (LAZY) are among them."""
    done = subprocess.run([python or sys.executable, "-X", "importtime", "-c", AUDIT, ASK_QUESTION, "--index", str(index)],
                          env=_env(), capture_output=True, text=True, cwd=REPO)
    timed, loaded = {}, set()
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if match:
            timed[match.group(4)] = (int(match.group(2)), len(match.group(3)))
        elif line.startswith("LOADED "):
            loaded = set(line.split()[1:])
    heavy = sorted({name.split(".")[0] for name in loaded if name.split(".")[0] in HEAVY})
    lazy = sorted(name for name in LAZY if name in loaded)
    top = sorted(((cum, name) for name, (cum, depth) in timed.items() if depth <= 1 and name in loaded), reverse=True)[:8]
    return {
        "ok": done.returncode == 0 and bool(loaded),
        "modules": len(loaded),
        "heavy_imported": heavy,
        "torch_imported": "torch" in heavy,
        "lazy_imported": lazy,
        "top_imports_ms": [(name, cum / 1000) for cum, name in top],
    }


def report(result: dict) -> str:
    """The cold-start report (markdown)."""
    cold, imports = result["cold_start"], result["imports"]
    lines = [
        "# Cold start of `forumqa ask`",
        "",
        f"`{' '.join(result['command'])} ask {result.get('question', ASK_QUESTION)}` on the default index, in a fresh "
        f"process each time (written by `python -m eval.bench_process`, {result['created_at']}). Load average at the "
        f"start {result['load_avg'][0]:.2f} on {os.cpu_count()} cores: on a busy machine wall times are above the idle "
        "ones." + (" The baseline's runs alternate with these, so both see the same load; compare their ratio."
                   if result.get("baseline") else ""),
        "",
        "| what | figure |",
        "| --- | --- |",
    ]
    for label, figures in (("", cold), (f"{result.get('baseline_tree')}: ", result.get("baseline"))):
        if figures is None:
            continue
        if "error" in figures:
            lines.append(f"| {label}cold start | error: {figures['error']} |")
            continue
        runs = ", ".join(f"{t:.2f}" for t in figures["runs_s"])
        lines += [
            f"| {label}wall, best of {len(figures['runs_s'])} (after one unmeasured run) | {figures['wall_s']:.2f} s |",
            f"| {label}wall, median | {figures['median_s']:.2f} s (runs: {runs}) |",
            f"| {label}CPU (user + system), median | {figures['cpu_median_s']:.2f} s |",
        ]
    if result.get("ratio"):
        ratio = result["ratio"]
        lines.append(f"| this tree ÷ {result.get('baseline_tree')}, median | wall {ratio['median_s']:.2f}×, "
                     f"CPU {ratio['cpu_median_s']:.2f}× |")
    lines += [
        f"| modules imported | {imports['modules']} |",
        f"| heavy modules imported ({', '.join(HEAVY)}) | {', '.join(imports['heavy_imported']) or 'none'} |",
        f"| modules a question does not need ({', '.join(LAZY)}) | {', '.join(imports['lazy_imported']) or 'none'} |",
        "",
        "Slowest top-level imports (cumulative, one `-X importtime` run): "
        + ", ".join(f"{name} {ms:.0f} ms" for name, ms in imports["top_imports_ms"]),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    """python -m eval.bench_process: time the cold start of `forumqa ask` and write eval/reports/coldstart.md."""
    import argparse
    import json
    from datetime import datetime, timezone

    parser = argparse.ArgumentParser(prog="python -m eval.bench_process", description=main.__doc__)
    parser.add_argument("--forumqa", help="the forumqa script to time (default: this environment's), e.g. .venv/bin/forumqa")
    parser.add_argument("--index", help="index folder (default: the bundled transcript's)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", default=str(REPO / "eval" / "reports"), help="folder for coldstart.md and coldstart.json")
    parser.add_argument("--baseline", help="another checkout of forumqa (e.g. a git worktree of an older commit) to time "
                        "the same way, with the same environment, for comparison (runs alternate with this tree's)")
    parser.add_argument("--question", default=ASK_QUESTION, help=f"the question asked (default: {ASK_QUESTION})")
    args = parser.parse_args(argv)
    if args.index:
        index = Path(args.index)
    else:
        from index.build import ensure_default_index

        index = ensure_default_index()
    forumqa = Path(args.forumqa).absolute() if args.forumqa else None  # a baseline runs in its own folder
    if forumqa is not None and not forumqa.is_file():
        parser.error(f"--forumqa {args.forumqa}: no such script")
    command = [str(forumqa)] if forumqa else _forumqa_command()
    python = str(forumqa.with_name("python")) if forumqa else None
    runs = [(command, REPO)]
    if args.baseline:
        runs.append(([python or sys.executable, "-m", "ui.cli"], Path(args.baseline)))
    result = {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "question": args.question,
        "load_avg": os.getloadavg(),
    }
    timed = cold_starts(index, args.repeats, runs, args.question)
    result["cold_start"] = timed[0]
    result["imports"] = import_audit(index, python)
    if args.baseline:
        commit = subprocess.run(["git", "-C", args.baseline, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        result["baseline_tree"] = f"baseline {commit.stdout.strip() or args.baseline}"
        result["baseline"] = timed[1]
        if "error" not in timed[0] and "error" not in timed[1]:
            result["ratio"] = {key: timed[0][key] / timed[1][key] for key in ("median_s", "cpu_median_s")}
    text = report(result)
    print(text)
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "coldstart.md").write_text(text, encoding="utf-8")
        (out / "coldstart.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return result


if __name__ == "__main__":  # pragma: no cover
    main()
