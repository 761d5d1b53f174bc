"""One client against the server vs answer() in-process, and the load test's Markdown report."""

from __future__ import annotations

import platform
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Single:
    """One client's latency through the server and answer()'s on the same questions, asked alternately."""

    target: str
    served: list[float] = field(default_factory=list)
    direct: list[float] = field(default_factory=list)
    errors: int = 0

    @property
    def ratio(self) -> float:
        return statistics.median(self.served) / statistics.median(self.direct) if self.direct else float("nan")

    def summary(self) -> str:
        return (
            f"single client over {len(self.served)} questions: {self.target} p50 {statistics.median(self.served) * 1000:.1f} ms, "
            f"answer() p50 {statistics.median(self.direct) * 1000:.1f} ms, ratio {self.ratio:.2f}, errors {self.errors}"
        )


def compare_single(url: str, requests: list[tuple[str, int, str]], index: str | None, target: str = "api") -> Single:
    """Ask each request once through one client and once through answer() in this process, alternately
    (so both see the same moment of a busy machine); the retriever is loaded here like the server's."""
    import os

    # The same model threads as the server (forumqa serve runs one OpenMP thread per model): on a busy machine
    # an unset OMP_NUM_THREADS would make answer() spin and flatter the server.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from eval.loadtest import check_reply, make_client
    from index.build import ensure_default_index
    from retriever import Retriever

    retriever = Retriever.load(index or ensure_default_index())
    client = make_client(url, target)
    result = Single(target)
    for question, k, mode in requests[:5]:  # warm both
        retriever.answer(question, k=k, mode=mode)
        client.predict(question, k, mode, "", api_name="/ask")
    for question, k, mode in requests:
        started = time.perf_counter()
        retriever.answer(question, k=k, mode=mode)
        result.direct.append(time.perf_counter() - started)
        started = time.perf_counter()
        try:
            reply = client.predict(question, k, mode, "", api_name="/ask")
            result.errors += bool(check_reply(reply, k))
        except Exception:  # noqa: BLE001 - counted
            result.errors += 1
        result.served.append(time.perf_counter() - started)
    return result


def write_report(path: Path, args, report, single: Single | None, ok: bool, load_before, load_after) -> None:
    """The load test's figures as Markdown."""
    import os

    growth = report.rss_mb[-1][1] - report.rss_mb[0][1] if report.rss_mb else float("nan")
    cache = os.environ.get("FORUMQA_QUERY_CACHE", "2048")
    lines = [
        f"# Load test of the HTTP API (query-vector cache {'off' if cache == '0' else 'on, ' + cache + ' texts'})",
        "",
        f"`python -m eval.loadtest --clients {args.clients} --questions {args.questions} --single {args.single} "
        f"--target {args.target}`{' with FORUMQA_QUERY_CACHE=0' if cache == '0' else ''} on {time.strftime('%Y-%m-%d %H:%M')} UTC, loopback, {platform.python_version()}, "
        f"2 cores. Load average before {load_before[0]:.1f}, after {load_after[0]:.1f} "
        f"({'busy: other work shared the cores' if max(load_before[0], load_after[0]) > 1.5 else 'idle'}).",
        "",
        "Questions: the gold set round-robin, with (k, mode) cycling through (5, hybrid), (3, hybrid), (10, dense), "
        "(5, bm25), (1, hybrid). Each reply is checked (keys, passages ≤ k, citations, answer/abstained).",
        "",
        "| measure | figure | target |",
        "|---|---|---|",
    ]
    if single is not None:
        lines += [
            f"| one client: {single.target} p50 | {statistics.median(single.served) * 1000:.1f} ms | |",
            f"| one client: answer() in-process p50 (same questions, alternately) | "
            f"{statistics.median(single.direct) * 1000:.1f} ms | |",
            f"| ratio | {single.ratio:.2f} | ≤ 1.3 |",
        ]
    lines += [
        f"| {report.clients} clients: questions answered | {len(report.latencies)} of {report.asked} | 5,000 |",
        f"| errors | {len(report.errors)} | 0 |",
        f"| throughput | {report.throughput:.1f} questions/s | ≥ 25 |",
        f"| latency p50 / p95 / max | {report.percentile(50) * 1000:.0f} / {report.percentile(95) * 1000:.0f} / "
        f"{max(report.latencies, default=float('nan')) * 1000:.0f} ms | p95 ≤ 1000 ms |",
        f"| server RSS growth | {growth:+.0f} MiB | flat (≤ {args.max_growth_mb:.0f}) |",
        "",
        "Server RSS checkpoints (answers: MiB): " + ", ".join(f"{n}: {mb:.0f}" for n, mb in report.rss_mb),
        "",
        f"Result: {'PASS' if ok else 'FAIL'} (errors, count and memory; the latency targets are read from the table).",
        "",
    ]
    lines += [f"- error: {e}" for e in report.errors[:10]]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
