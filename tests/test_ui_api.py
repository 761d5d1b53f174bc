"""The web app served for real: the /ask JSON endpoint through gradio_client, file-route refusals, auth, serving."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

gr = pytest.importorskip("gradio")
from gradio_client import Client  # noqa: E402

from eval.loadtest import free_port  # noqa: E402
from ui.server import bind_warning, create_app, parse_auth, start  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
XSS = "<img src=x onerror=window.__xss=1>"


@pytest.fixture(scope="module")
def server(app_url):
    return app_url


@pytest.fixture(scope="module")
def client(server):
    # The app answers /api/health first; a slow first reply of a fresh Gradio app (its config and API info) on a
    # loaded machine is not what these tests are about, so wait for it and allow gradio_client more than its 20 s.
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(server + "api/health", timeout=10) as reply:
                if reply.status == 200:
                    break
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"the app at {server} did not answer /api/health within 120 s")
        time.sleep(0.5)
    return Client(server, verbose=False, httpx_kwargs={"timeout": 120})


def listening_addresses(port: int) -> set[str]:
    """IPv4 addresses listening on port, from /proc/net/tcp (empty set where that file is missing)."""
    found = set()
    table = Path("/proc/net/tcp")
    if not table.exists():
        return found
    for row in table.read_text().splitlines()[1:]:
        local, state = row.split()[1], row.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def ask(client, question, k=5, mode="hybrid", speaker=""):
    return client.predict(question, k, mode, speaker, api_name="/ask")


def check_shape(result: dict, k: int) -> None:
    assert set(result) >= {"query", "answer", "abstained", "confidence", "terms", "notice", "passages", "highlights"}
    json.dumps(result)  # JSON-safe
    assert isinstance(result["abstained"], bool) and isinstance(result["confidence"], float)
    assert 1 <= len(result["passages"]) <= k and len(result["highlights"]) == len(result["passages"])
    for rank, (hit, highlight) in enumerate(zip(result["passages"], result["highlights"], strict=True), start=1):
        assert hit["rank"] == rank
        assert set(hit["citation"]) >= {"doc", "speaker", "role", "line_start", "line_end", "headline"}
        assert 1 <= hit["citation"]["line_start"] <= hit["citation"]["line_end"]
        assert highlight["chunk_id"] == hit["chunk_id"]
        assert hit["text"][highlight["start"] : highlight["end"]] == highlight["sentence"]
        assert (
            hit["citation"]["line_start"]
            <= highlight["line_start"]
            <= highlight["line_end"]
            <= hit["citation"]["line_end"]
        )
    scores = [hit["score"] for hit in result["passages"]]
    assert scores == sorted(scores, reverse=True)


def test_ask_endpoint_is_named_and_documented(client):
    info = client.view_api(print_info=False, return_format="dict")
    endpoint = info["named_endpoints"]["/ask"]
    assert [p["parameter_name"] for p in endpoint["parameters"]] == ["question", "k", "mode", "speaker"]


def test_chinese_question(client):
    result = ask(client, "南阳市如何治理水污染？", k=5)
    check_shape(result, 5)
    assert result["abstained"] is False
    assert result["answer"] and result["answer"] == result["highlights"][0]["sentence"]
    assert result["passages"][0]["citation"]["speaker"] == "王奇"
    assert "南阳" in result["terms"] or "南阳市" in result["terms"]


def test_english_question(client):
    result = ask(client, "How does Jining tackle air pollution?", k=3)
    check_shape(result, 3)
    assert "许伟" in [hit["citation"]["speaker"] for hit in result["passages"]]


def test_out_of_scope_question_abstains(client):
    result = ask(client, "特斯拉的股价", k=3)
    check_shape(result, 3)
    assert result["abstained"] is True
    assert result["answer"] == ""


def test_speaker_filter(client):
    result = ask(client, "如何治理污染？", k=5, speaker="苏国军")
    check_shape(result, 5)
    assert {hit["citation"]["speaker"] for hit in result["passages"]} == {"苏国军"}
    everyone = ask(client, "如何治理污染？", k=5, speaker="")
    assert len({hit["citation"]["speaker"] for hit in everyone["passages"]}) > 1


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25", "关键词"])
def test_modes(client, mode):
    check_shape(ask(client, "济宁市大气污染治理", k=2, mode=mode), 2)


def test_xss_question_comes_back_as_plain_data(client):
    result = ask(client, XSS + " 南阳", k=2)
    check_shape(result, 2)
    assert result["query"] == XSS + " 南阳"  # data, not markup: the page escapes it (test_ui_browser)


@pytest.mark.parametrize(
    "args, needle",
    [
        (("   ", 5, "hybrid", ""), "empty"),
        (("南阳", 0, "hybrid", ""), "k must be"),
        (("南阳", 5, "fuzzy", ""), "unknown mode"),
        (("南阳", 5, "hybrid", "nobody"), "unknown speaker"),
    ],
)
def test_bad_input_is_one_line_error(client, args, needle):
    with pytest.raises(Exception) as caught:
        client.predict(*args, api_name="/ask")
    message = str(caught.value)
    assert needle in message and "Traceback" not in message and "\n" not in message.strip()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (urllib.error.URLError, ConnectionError):
        return 0, b""  # not listening (yet)


@pytest.mark.parametrize(
    "target",
    [
        "/etc/passwd",
        "../../../../etc/passwd",
        str(REPO / "data" / "env-forum-2016.txt"),
        "data/env-forum-2016.txt",
        "INDEX",
    ],
)
@pytest.mark.parametrize("route", ["gradio_api/file=", "file=", "gradio_api/file/", "gradio_api/proxy="])
def test_file_routes_refuse_files(server, index_dir, route, target):
    if target == "INDEX":
        target = str(index_dir / "manifest.json")
    status, body = _get(server + route + target)
    assert (
        status != 200 or not body or (b"root:" not in body and b"embedder" not in body and "王奇".encode() not in body)
    )
    assert status != 200, f"{route}{target} answered {status}"


def test_bind_warning():
    assert bind_warning("127.0.0.1", 7860) == "" and bind_warning("localhost", 1) == ""
    assert "warning" in bind_warning("0.0.0.0", 7860) and "0.0.0.0:7860" in bind_warning("0.0.0.0", 7860)


def test_parse_auth():
    from retriever import InvalidArgumentError

    assert parse_auth(None) is None and parse_auth("") is None
    assert parse_auth("ann:s3:cret") == ("ann", "s3:cret")
    for bad in ("nopassword", ":x", "user:"):
        with pytest.raises(InvalidArgumentError, match="user:password"):
            parse_auth(bad)


def test_auth_required_when_set(retriever, tmp_path):
    running = start(create_app(retriever, auth="ann:secret", feedback=tmp_path / "fb.jsonl"), port=free_port())
    try:
        url = running.url
        status, _ = _get(url + "gradio_api/info")
        assert status in (401, 403)
        with pytest.raises(ValueError):  # gradio_client: the app needs a login
            Client(url, verbose=False)
        result = Client(url, auth=("ann", "secret"), verbose=False).predict("南阳", 1, "bm25", "", api_name="/ask")
        assert len(result["passages"]) == 1
    finally:
        running.close()


def test_close_does_not_wait_for_a_connected_client(retriever, tmp_path):
    """close() stops the server and frees its port while a Gradio client that asked a question is still connected."""
    from ui.server import check_port

    port = free_port()
    running = start(create_app(retriever, feedback=tmp_path / "fb.jsonl"), port=port)
    try:
        client = Client(running.url, verbose=False)
        assert client.predict("南阳", 1, "bm25", "", api_name="/ask")["passages"]
        running.close()
        assert not running.thread.is_alive()
        check_port("127.0.0.1", port)  # raises PortInUseError while the server still listens
    finally:
        running.close()


@pytest.mark.slow
def test_forumqa_serve_command(index_dir, tmp_path):
    """`forumqa serve` loads the index once, binds 127.0.0.1 by default and answers /ask."""
    port = free_port()
    env = dict(os.environ, OMP_NUM_THREADS="1", GRADIO_ANALYTICS_ENABLED="False", FORUMQA_AUTH="")
    log = tmp_path / "serve.log"
    started = time.perf_counter()
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "serve", "--port", str(port), "--index", str(index_dir)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while _get(f"http://127.0.0.1:{port}/gradio_api/info")[0] != 200:
            assert process.poll() is None, log.read_text()[-2000:]
            assert time.monotonic() < deadline, "server did not start in 120 s"
            time.sleep(0.3)
        print(f"forumqa serve ready in {time.perf_counter() - started:.1f}s")
        result = Client(f"http://127.0.0.1:{port}/", verbose=False).predict("南阳", 2, "hybrid", "", api_name="/ask")
        assert len(result["passages"]) == 2
        text = log.read_text()
        assert text.count("loaded index") == 1 and "warning" not in text.lower()
        assert "share=True" not in text and "/api/ask" in text and "/docs" in text
        assert listening_addresses(port) <= {"127.0.0.1"}, listening_addresses(port)
    finally:
        process.terminate()
        process.wait(timeout=30)
