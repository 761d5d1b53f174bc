"""A journalist's archive from the command line, the HTTP API and the chat: an index built by `forumqa build` from a
relative folder lists its documents by full path from any folder, and an empty question is asked to be about what
the index holds (the documents, a document's title), not about 'the transcript'."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

FORUMQA = [sys.executable, "-m", "ui.cli"]
REPO = Path(__file__).resolve().parent.parent
NOTES = "长江采访笔记\n\n李明华：宜昌今年关停了长江沿岸的134家化工企业。\n记者：工人怎么安置？\n李明华：我们培训了3800名工人。\n"
REPORT = "# 太湖蓝藻治理调查\n\n## 背景\n\n2007年太湖蓝藻暴发，导致无锡市供水危机。\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([*FORUMQA, *args], capture_output=True, text=True, cwd=cwd, timeout=300, env=env)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """`forumqa build 稿件 --out index` typed in the folder that holds 稿件 (relative paths, as people type them)."""
    root = tmp_path_factory.mktemp("desk")
    (root / "稿件").mkdir()
    (root / "稿件" / "notes.txt").write_bytes(NOTES.encode("gbk"))
    (root / "稿件" / "report.md").write_text(REPORT, encoding="utf-8")
    result = run("build", "稿件", "--out", "index", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "index"


@pytest.fixture(scope="module")
def one_document(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("one")
    (root / "report.md").write_text(REPORT, encoding="utf-8")
    result = run("build", "report.md", "--out", "index", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "index"


def test_docs_shows_each_source_by_its_full_path_from_any_folder(archive, tmp_path):
    result = run("docs", "--index", str(archive), "--json", cwd=tmp_path)  # another folder than the build's
    assert result.returncode == 0, result.stderr
    sources = {row["id"]: row["source"] for row in json.loads(result.stdout)}
    assert sources == {"notes": str(archive.parent / "稿件" / "notes.txt"),
                       "report": str(archive.parent / "稿件" / "report.md")}
    assert all(Path(source).is_file() for source in sources.values())
    table = run("docs", "--index", str(archive), cwd=tmp_path)
    assert str(archive.parent / "稿件" / "notes.txt") in table.stdout and "note:" not in table.stderr


def test_an_index_built_before_full_paths_still_lists_its_documents(archive, tmp_path):
    """An older index recorded the path as typed ('稿件/notes.txt'): docs shows it and says what it is relative to."""
    old = tmp_path / "old"
    old.mkdir()
    for item in archive.iterdir():
        if item.is_file():
            (old / item.name).write_bytes(item.read_bytes())
        else:
            subprocess.run(["cp", "-r", str(item), str(old / item.name)], check=True)
    manifest = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    for doc in manifest["docs"]:
        doc["source"] = "稿件/" + Path(doc["source"]).name
    (old / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    result = run("docs", "--index", str(old), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "稿件/notes.txt" in result.stdout and "稿件/report.md" in result.stdout
    assert "relative to the folder the index was built from" in result.stderr
    asked = run("ask", "宜昌关停了多少家化工企业？", "--index", str(old), cwd=tmp_path)
    assert asked.returncode == 0 and "134家" in asked.stdout, asked.stderr


def test_an_empty_question_is_asked_about_what_the_index_holds_in_the_cli(archive, one_document, tmp_path):
    result = run("ask", " \u200b ", "--index", str(archive), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: query is empty; type a question about the documents"
    result = run("ask", "", "--index", str(one_document), cwd=tmp_path)
    assert result.stderr.strip() == "error: query is empty; type a question about “太湖蓝藻治理调查”"


def test_an_empty_question_is_asked_about_the_documents_in_the_api_and_the_chat(archive, e5):
    from eval.loadtest import free_port
    from retriever import Retriever
    from ui.handlers import Chat
    from ui.server import create_app, start

    retriever = Retriever.load(archive, embedder=e5)
    running = start(create_app(retriever), port=free_port())
    try:
        request = urllib.request.Request(running.url + "api/ask", data=b'{"question": "   "}', method="POST")
        request.add_header("Content-Type", "application/json")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=60)
        assert refused.value.code == 400
        assert json.loads(refused.value.read()) == {"error": "query is empty; type a question about the documents"}
    finally:
        running.close()
    turn = Chat(retriever).answer_turn({"question": "\u200b", "k": 5, "mode": "hybrid", "speaker": "", "doc": None}, [])
    assert turn["error"] == "query is empty; type a question about the documents"
