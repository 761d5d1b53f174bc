"""The CLI around the server: a busy port, --help flags, feedback turned into gold candidates."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from ui.feedback import FeedbackLog, gold_candidates, read_feedback

REPO = Path(__file__).resolve().parent.parent
FORUMQA = [sys.executable, "-m", "ui.cli"]


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*FORUMQA, *args], capture_output=True, text=True, cwd=REPO, timeout=timeout)


def test_busy_port_is_one_line_naming_port(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port), "--index", str(tmp_path / "no-index"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--port" in lines[0] and str(port) in lines[0], result.stderr


def test_boolean_flags_show_as_flags():
    ask = run("ask", "--help").stdout
    assert "--json" in ask and "<bool>" not in ask and "--no-json" not in ask
    bench = run("bench", "--help").stdout
    assert "--quick" in bench and "--no-quick" not in bench and "<bool>" not in bench
    serve = run("serve", "--help").stdout
    assert "--feedback" in serve and "--port" in serve


def _turn(reply: str, question: str, abstained: bool = False) -> dict:
    passage = {"rank": 1, "chunk_id": "doc#0001", "citation": {"doc": "doc", "speaker": "许伟", "line_start": 3,
                                                                "line_end": 5}}
    return {"id": reply, "question": question, "k": 5, "mode": "hybrid",
            "answer": {"rewritten": "", "filters": {}, "abstained": abstained, "answer": "…", "passages": [passage]}}


def test_feedback_becomes_gold_candidates(tmp_path):
    log = FeedbackLog(tmp_path / "feedback.jsonl")
    log.record(_turn("a", "济宁配备了多少名网格员？"), "down")
    log.record(_turn("a", "济宁配备了多少名网格员？"), "down", "答案应是992名")
    log.record(_turn("b", "How does Dalian cut coal use?"), "up")
    log.record(_turn("c", "What about Jining?"), "down", history=["How does Dalian cut coal use?"])
    log.record(_turn("b", "How does Dalian cut coal use?"), "down")  # a changed vote supersedes
    records = read_feedback(log.path)
    assert [r["reply"] for r in records] == ["a", "b", "c"]
    items = gold_candidates(records)
    assert [i["id"] for i in items] == ["fb-a", "fb-b", "fb-c"]
    assert items[0]["lang"] == "zh" and items[1]["lang"] == "en"
    assert items[0]["review"]["comment"] == "答案应是992名" and items[2]["review"]["history"]
    assert set(items[0]) >= {"id", "question", "answers", "type", "lang", "speaker"}

    out = tmp_path / "reports"
    result = run("eval", "--feedback", str(log.path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    written = [json.loads(line) for line in (out / "feedback_candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    assert printed == written and len(written) == 3
    assert "3 candidate gold items" in result.stderr


def test_feedback_errors_are_one_line(tmp_path):
    result = run("eval", "--feedback", str(tmp_path / "none.jsonl"))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0 and "no feedback file" in result.stderr
