"""The forumqa command end to end, as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.build import DEFAULT_CORPUS

FORUMQA = [sys.executable, "-m", "ui.cli"]
REPO = Path(__file__).resolve().parent.parent


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*FORUMQA, *args], capture_output=True, text=True, cwd=REPO, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    """An index built by `forumqa build` from a folder holding an excerpt of the transcript (王奇's turn and the
    participants), as an archive is kept on disk: beside it a photo and a hidden file, which the build leaves out."""
    lines = DEFAULT_CORPUS.read_text(encoding="utf-8").splitlines()
    folder = tmp_path_factory.mktemp("cli")
    (folder / "archive").mkdir()
    source = folder / "archive" / "excerpt.txt"
    source.write_text("\n".join(lines[:60] + [""] + lines[516:523]) + "\n", encoding="utf-8")
    (folder / "archive" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    (folder / "archive" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" * 50)
    out = folder / "index"
    result = run("build", str(folder / "archive"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "chunks" in result.stdout and (out / "manifest.json").is_file()
    assert "archive: 1 document (1 other file left out)" in result.stdout
    return out


def test_ask_prints_the_answer_with_citations(small_index):
    result = run("ask", "南阳专项整治了哪些重点行业？", "--index", str(small_index), "-k", "2")
    assert result.returncode == 0, result.stderr
    assert "答案 / answer:" in result.stdout and "造纸" in result.stdout
    assert "[1] 王奇（河南省南阳市环保局局长） · excerpt 第" in result.stdout


def test_ask_json_is_machine_readable(small_index):
    result = run("ask", "What did Nanyang do about rural pollution?", "--index", str(small_index), "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {"query", "answer", "abstained", "passages", "highlights", "notice"}
    citation = answer["passages"][0]["citation"]
    assert citation["doc"] == "excerpt" and 1 <= citation["line_start"] <= citation["line_end"] <= 67


def test_ask_out_of_scope_says_so(small_index):
    result = run("ask", "特斯拉的股价是多少？", "--index", str(small_index))
    assert result.returncode == 0
    # one untitled document is named by its file (retriever/holding.py), even an excerpt of a transcript
    assert "The document “excerpt.txt” does not cover this question" in result.stdout and "may be related" in result.stdout


def test_errors_are_one_line_with_status_2(small_index, tmp_path):
    result = run("ask", "河长制", "--index", str(tmp_path / "nothing"))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: no index at")
    result = run("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and "no such file" in result.stderr
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    result = run("build", str(tmp_path / "photos"), "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert "the folder has no documents (.docx" in result.stderr and not (tmp_path / "x").exists()


def test_ctrl_c_during_a_build_says_so_and_leaves_the_index(small_index, tmp_path):
    """Ctrl-C while the real model embeds: exit 130 with one line, the existing index as it was, nothing staged."""
    import shutil
    import signal

    out = tmp_path / "index"
    shutil.copytree(small_index, out)
    before = (out / "manifest.json").read_bytes()
    lines = DEFAULT_CORPUS.read_text(encoding="utf-8").splitlines()
    archive = tmp_path / "archive"
    archive.mkdir()
    # eight documents of distinct text (the progress bar shows from two): embedding them takes long enough that the
    # signal lands mid-build on a busy machine too (with two, CI once saw the build finish first)
    for n in range(8):
        part = [f"{line}（第{n}稿）" if line.strip() else line for line in lines]
        (archive / f"part{n}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
    # Ctrl-C's default action, as in a terminal: a test run started in the background by a non-interactive shell
    # (nohup … &, some CI runners) inherits SIGINT ignored, and Python then installs no KeyboardInterrupt handler
    process = subprocess.Popen([*FORUMQA, "build", str(archive), "--out", str(out)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = ""
    while "embedding" not in seen:  # the progress bar is on stderr once documents are being embedded
        char = process.stderr.read(1)
        assert char, f"the build ended before it embedded anything: {seen!r}"
        seen += char
    assert process.poll() is None, "the build ended before the signal could be sent"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr.rstrip().splitlines()[-1] == "interrupted; the index was left as it was"
    assert "Traceback" not in stderr
    assert (out / "manifest.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".index.lock", "archive", "index"]  # no staged folder left


def test_help_lists_every_command():
    result = run("--help")
    for command in ("build", "ask", "serve", "eval", "bench"):
        assert command in result.stdout


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "forumqa"
    assert script.is_file(), "pip install -e . (make setup) installs the forumqa command"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "ask" in result.stdout
