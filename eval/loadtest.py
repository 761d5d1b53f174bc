"""Load test of the served app on loopback: concurrent users of the HTTP API (or gradio_client), server memory.

Run ``python -m eval.loadtest --clients 16 --questions 5000`` (starts ``forumqa serve`` on a free loopback
port, asks the gold questions round-robin through ``POST /api/ask``, prints p50/p95 latency, throughput and
the server's RSS before and after). ``--single 300`` first compares one client's /api/ask latency with
``answer()`` called in-process on the same questions; ``--target gradio`` drives the gradio ``/ask``
endpoint instead; ``--report FILE`` writes the figures as Markdown. ``--url`` targets a server that is
already running. Bounded in count (--questions) and in time (--time-limit): it stops by itself. The server process
(port, start, stop, RSS) is handled in eval/loadtest_server.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from eval.command import command
from eval.loadtest_server import REPO, free_port, rss_mb, start_server, stop_server

GOLD = REPO / "eval" / "gold.jsonl"
ANSWER_KEYS = {
    "query", "passages", "highlights", "abstained", "confidence", "terms", "notice", "answer", "rewritten", "filters",
    "answer_index",
}
# (k, mode) cycled over the questions so every search path is under load.
VARIANTS = [(5, "hybrid"), (3, "hybrid"), (10, "dense"), (5, "bm25"), (1, "hybrid")]


@dataclass
class Report:
    """What a load run measured."""

    clients: int
    asked: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    abstained: int = 0
    rss_mb: list[tuple[int, float]] = field(default_factory=list)  # (questions answered, server RSS in MiB)
    stopped_by_time: bool = False

    def percentile(self, q: float) -> float:
        import numpy as np

        return float(np.percentile(self.latencies, q)) if self.latencies else float("nan")

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        lines = [
            f"clients {self.clients}, questions {self.asked}, ok {len(self.latencies)}, errors {len(self.errors)}"
            f", abstained {self.abstained}" + (" (stopped by the time limit)" if self.stopped_by_time else ""),
            f"latency p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms, "
            f"max {max(self.latencies, default=float('nan')) * 1000:.0f} ms",
            f"throughput {self.throughput:.1f} questions/s over {self.seconds:.1f} s",
        ]
        if self.rss_mb:
            first, last = self.rss_mb[0][1], self.rss_mb[-1][1]
            lines.append(
                f"server RSS {first:.0f} MiB before, {last:.0f} MiB after ({last - first:+.0f} MiB); "
                "checkpoints " + ", ".join(f"{n}:{mb:.0f}" for n, mb in self.rss_mb)
            )
        lines.extend(f"error: {message}" for message in self.errors[:5])
        return "\n".join(lines)


def gold_questions(path: Path = GOLD) -> list[str]:
    """The gold questions (Chinese, English and out-of-scope), in file order."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row["question"] for row in rows]


def workload(count: int, questions: list[str]) -> list[tuple[str, int, str]]:
    """count (question, k, mode) requests: the questions round-robin, the (k, mode) variants interleaved."""
    return [(questions[i % len(questions)], *VARIANTS[i % len(VARIANTS)]) for i in range(count)]


def check_reply(reply: object, k: int) -> str:
    """'' when reply is a well-formed Answer.to_json() for at most k passages, else what is wrong."""
    if not isinstance(reply, dict):
        return f"reply is a {type(reply).__name__}, not a dict"
    if set(reply) != ANSWER_KEYS:
        return f"reply keys {sorted(reply)}"
    passages, highlights = reply["passages"], reply["highlights"]
    if not isinstance(passages, list) or len(passages) > k or len(highlights) != len(passages):
        return f"{len(passages)} passages / {len(highlights)} highlights for k={k}"
    for passage in passages:
        citation = passage.get("citation") or {}
        if not passage.get("text") or not 1 <= citation.get("line_start", 0) <= citation.get("line_end", 0):
            return f"bad passage {str(passage)[:120]}"
    if not isinstance(reply["abstained"], bool) or not isinstance(reply["answer"], str):
        return "abstained/answer have the wrong types"
    if reply["abstained"] and reply["answer"]:
        return "an abstaining reply carries an answer"
    return ""


class ApiClient:
    """One user of the HTTP API: a keep-alive connection, POST /api/ask."""

    def __init__(self, url: str) -> None:
        import http.client
        from urllib.parse import urlparse

        parsed = urlparse(url)
        self._connect = lambda: http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.connection = self._connect()

    def predict(self, question: str, k: int, mode: str, speaker: str = "", api_name: str = "/ask") -> dict:
        body = json.dumps({"question": question, "k": k, "mode": mode, "speaker": speaker or None}).encode()
        for attempt in (1, 2):
            try:
                self.connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
                response = self.connection.getresponse()
                data = response.read()
                break
            except (ConnectionError, OSError):  # a keep-alive connection the server closed: reconnect once
                self.connection.close()
                self.connection = self._connect()
                if attempt == 2:
                    raise
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {data[:200]!r}")
        return json.loads(data)


def make_client(url: str, target: str):
    if target == "api":
        return ApiClient(url)
    from gradio_client import Client

    return Client(url, verbose=False)


def run_load(
    url: str,
    requests: list[tuple[str, int, str]],
    clients: int,
    time_limit: float,
    server_pid: int | None = None,
    checkpoint_every: int = 0,
    target: str = "api",
) -> Report:
    """Ask every request through `clients` concurrent users, stopping at time_limit seconds.

    Args:
        url: the app's root URL.
        requests: (question, k, mode) to ask, shared by the clients (each takes the next one).
        clients: concurrent users (one thread and one gradio_client.Client each).
        time_limit: seconds after which no new request is started.
        server_pid: the server process, to record its RSS.
        checkpoint_every: record the server RSS after every this many answers (0: only before and after).
        target: 'api' (POST /api/ask) or 'gradio' (gradio_client, the /ask endpoint).

    Returns:
        The Report (errors hold one line per failed or malformed reply).
    """
    report = Report(clients=clients)
    lock = threading.Lock()
    cursor = iter(range(len(requests)))
    deadline = time.monotonic() + time_limit
    if server_pid:
        report.rss_mb.append((0, rss_mb(server_pid)))

    def user() -> None:
        client = make_client(url, target)
        while True:
            with lock:
                if time.monotonic() > deadline:
                    report.stopped_by_time = True
                    return
                index = next(cursor, None)
                if index is None:
                    return
                report.asked += 1
            question, k, mode = requests[index]
            started = time.perf_counter()
            try:
                reply = client.predict(question, k, mode, "", api_name="/ask")
                problem = check_reply(reply, k)
            except Exception as error:  # noqa: BLE001 - every failure is counted and reported
                problem = f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
            elapsed = time.perf_counter() - started
            with lock:
                if problem:
                    report.errors.append(f"{question[:40]!r} k={k} {mode}: {problem}")
                else:
                    report.latencies.append(elapsed)
                    report.abstained += bool(reply["abstained"])
                    done = len(report.latencies)
                    if checkpoint_every and done % checkpoint_every == 0:
                        if server_pid:
                            report.rss_mb.append((done, rss_mb(server_pid)))
                        print(f"  {done} answered, {len(report.errors)} errors"
                              + (f", server RSS {report.rss_mb[-1][1]:.0f} MiB" if server_pid else ""), flush=True)

    started = time.perf_counter()
    threads = [threading.Thread(target=user, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic() + 120))
    report.seconds = time.perf_counter() - started
    if any(thread.is_alive() for thread in threads):
        report.errors.append("a client did not finish within two minutes of the time limit")
    if server_pid and (not report.rss_mb or report.rss_mb[-1][0] != len(report.latencies)):
        report.rss_mb.append((len(report.latencies), rss_mb(server_pid)))
    return report


@command
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.loadtest", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent users (default 16)")
    parser.add_argument("--questions", type=int, default=2000, help="questions in all (default 2000)")
    parser.add_argument("--warmup", type=int, default=100, help="questions asked before measuring (default 100)")
    parser.add_argument("--time-limit", type=float, default=900, help="seconds before it stops asking (default 900)")
    parser.add_argument("--index", help="index folder to serve (default: the bundled transcript's)")
    parser.add_argument("--url", help="an app that is already running (then no server is started and no RSS taken)")
    parser.add_argument("--target", choices=("api", "gradio"), default="api", help="POST /api/ask or gradio's /ask")
    parser.add_argument("--single", type=int, default=0, help="first compare one client with answer() on N questions")
    parser.add_argument("--checkpoint-every", type=int, default=500, help="server RSS every N answers")
    parser.add_argument("--max-growth-mb", type=float, default=50, help="RSS growth that fails the run")
    parser.add_argument("--report", help="write the figures as Markdown to this file (e.g. eval/reports/loadtest.md)")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 256 or not 1 <= args.questions <= 100_000 or not 0 <= args.single <= 10_000:
        parser.error("--clients must be 1-256, --questions 1-100000 and --single 0-10000")

    # A hard stop: whatever happens, the run ends shortly after the time limit.
    watchdog = threading.Timer(2 * args.time_limit + 300, lambda: os._exit(3))
    watchdog.daemon = True
    watchdog.start()
    server, single, load_before = None, None, os.getloadavg()
    try:
        if args.url:
            url, pid = args.url, None
        else:
            port = free_port()
            started = time.perf_counter()
            server = start_server(args.index, port)
            url, pid = f"http://127.0.0.1:{port}/", server.pid
            print(f"server up on {url} in {time.perf_counter() - started:.1f}s", flush=True)
        questions = gold_questions()
        if args.warmup:
            warm = run_load(url, workload(args.warmup, questions), min(args.clients, 4), args.time_limit, target=args.target)
            print(f"warm-up: {len(warm.latencies)} answered, {len(warm.errors)} errors", flush=True)
        if args.single:
            from eval.loadtest_single import compare_single

            single = compare_single(url, workload(args.single, questions), args.index, args.target)
            print(single.summary(), flush=True)
        report = run_load(
            url, workload(args.questions, questions), args.clients, args.time_limit, pid, args.checkpoint_every,
            target=args.target,
        )
    finally:
        if server is not None:
            stop_server(server)
    print(report.summary(), flush=True)
    growth = report.rss_mb[-1][1] - report.rss_mb[0][1] if report.rss_mb else 0.0
    ok = not report.errors and report.asked == args.questions and growth <= args.max_growth_mb
    print("PASS" if ok else "FAIL", flush=True)
    if args.report:
        from eval.loadtest_single import write_report

        write_report(Path(args.report), args, report, single, ok, load_before, os.getloadavg())
        print(f"wrote {args.report}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
