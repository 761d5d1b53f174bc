"""The plain HTTP JSON API served beside the chat: answers, one-line 4xx refusals, auth, docs, upload cap."""

from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.request

import pytest

from eval.loadtest import free_port
from ui.server import DOCS_ASSETS, create_app, start


def call(url: str, body: bytes | None = None, method: str | None = None, headers: dict | None = None):
    """(status, parsed JSON or raw bytes, headers) of one request."""
    request = urllib.request.Request(url, data=body, method=method or ("POST" if body is not None else "GET"))
    for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, raw, head = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, head = error.code, error.read(), error.headers
    try:
        return status, json.loads(raw), head
    except ValueError:
        return status, raw, head


def ask(url: str, **fields):
    return call(url + "api/ask", json.dumps(fields, ensure_ascii=False).encode())


def test_ask_returns_the_answer_json(app_url, retriever):
    status, data, head = ask(app_url, question="济宁配备了多少名专职环保网格员？", k=3)
    assert status == 200 and head["content-type"].startswith("application/json")
    expected = retriever.answer("济宁配备了多少名专职环保网格员？", k=3).to_json()
    assert data["answer"] == expected["answer"] and "992" in data["answer"]
    assert [p["chunk_id"] for p in data["passages"]] == [p["chunk_id"] for p in expected["passages"]]
    assert set(data) == set(expected)


def test_ask_with_filters_history_and_mode(app_url, retriever):
    status, data, _ = ask(app_url, question="如何治理污染？", k=4, mode="bm25", speaker="苏国军",
                          doc=retriever.documents[0].doc, history=["大连拆除了多少台燃煤锅炉？"])
    assert status == 200
    assert {p["citation"]["speaker"] for p in data["passages"]} == {"苏国军"}
    assert data["filters"] == {"speaker": "苏国军", "doc": retriever.documents[0].doc}
    expected = retriever.answer("如何治理污染？", k=4, mode="bm25", speaker="苏国军",
                                history=["大连拆除了多少台燃煤锅炉？"])
    assert data["rewritten"] == expected.rewritten  # the history reached answer()


@pytest.mark.parametrize("k", [1, 2, 5, 20])
def test_k_passages_come_back(app_url, k):
    status, data, _ = ask(app_url, question="湘潭如何治理污染？", k=k)
    assert status == 200 and len(data["passages"]) == k


@pytest.mark.parametrize(
    "body, status, needle",
    [
        (b"", 400, "JSON object"),
        (b"{not json", 400, "not JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (b'{"k": 3}', 400, "missing field 'question'"),
        (b'{"question": "   "}', 400, "empty"),
        (b'{"question": 5}', 400, "question must be a string"),
        (b'{"question": "\\u5357\\u9633", "k": 0}', 400, "k must be an integer from 1 to 100, got 0"),
        (b'{"question": "\\u5357\\u9633", "k": "five"}', 400, "k must be an integer"),
        (b'{"question": "\\u5357\\u9633", "k": true}', 400, "k must be an integer"),
        (b'{"question": "\\u5357\\u9633", "mode": "fuzzy"}', 400, "unknown mode 'fuzzy'"),
        (b'{"question": "\\u5357\\u9633", "speaker": "nobody"}', 400, "unknown speaker 'nobody'"),
        (b'{"question": "\\u5357\\u9633", "doc": "nope"}', 400, "unknown document 'nope'"),
        (b'{"question": "\\u5357\\u9633", "history": "x"}', 400, "history must be a list"),
        (b'{"question": "\\u5357\\u9633", "extra": 1}', 400, "unknown field 'extra'"),
        (b"\xff\xfe", 400, "not UTF-8"),
        (b'{"question": "\xb1\xa6\xc2\xed"}', 400, "not UTF-8"),  # GBK bytes
        (b'{"question": "a", "k": ' + b"[" * 5000 + b"]" * 5000 + b"}", 400, "nested too deeply"),
        (b'{"question": "' + b"a" * 70_000 + b'"}', 413, "64 KB"),
    ],
)
def test_bad_input_is_a_one_line_4xx(app_url, body, status, needle):
    got, data, head = call(app_url + "api/ask", body)
    assert got == status, data
    assert head["content-type"].startswith("application/json")
    assert set(data) == {"error"} and needle in data["error"] and "\n" not in data["error"]
    assert "Traceback" not in data["error"]


def test_streamed_body_over_64kb_is_refused(app_url):
    """A body sent without Content-Length (chunked) is cut off at 64 KB too."""
    import http.client
    from urllib.parse import urlparse

    url = urlparse(app_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    chunks = (b'{"question": "' + b"x" * 8192 for _ in range(10))
    connection.request("POST", "/api/ask", body=chunks, headers={"Content-Type": "application/json"},
                       encode_chunked=True)
    response = connection.getresponse()
    assert response.status == 413 and "64 KB" in json.loads(response.read())["error"]
    connection.close()


def test_wrong_method_is_4xx(app_url):
    status, data, head = call(app_url + "api/ask")
    assert status == 405 and head["Allow"] == "POST" and data == {"error": "/api/ask takes POST, not GET"}


@pytest.mark.parametrize("method, path, status", [("POST", "api/health", 405), ("DELETE", "api/ask", 405),
                                                  ("GET", "api/answer", 404), ("POST", "api/", 404)])
def test_wrong_path_or_method_is_the_same_one_line_json(app_url, method, path, status):
    """A developer's typo gets the API's {"error": one line} naming what exists, not the framework's {"detail"}."""
    got, data, head = call(app_url + path, b"{}" if method == "POST" else None, method=method)
    assert got == status and head["content-type"].startswith("application/json")
    assert set(data) == {"error"} and "\n" not in data["error"]
    assert ("takes" in data["error"]) if status == 405 else ("/api/ask" in data["error"])


def test_speakers_documents_health(app_url, retriever):
    status, speakers, _ = call(app_url + "api/speakers")
    assert status == 200 and [s["name"] for s in speakers] == list(retriever.speakers)
    assert "对话人" not in {s["name"] for s in speakers} and "编者按" not in {s["name"] for s in speakers}
    assert {"name", "role", "organisation", "title"} <= set(speakers[0])
    status, documents, _ = call(app_url + "api/documents")
    assert status == 200 and [d["doc"] for d in documents] == [d.doc for d in retriever.documents]
    assert documents[0]["passages"] > 0
    status, health, _ = call(app_url + "api/health")
    assert status == 200 and health["status"] == "ok" and health["passages"] == retriever.index.manifest.chunk_count
    assert "/" not in health["index"]  # no file-system path leaks


def test_openapi_docs(app_url):
    status, spec, _ = call(app_url + "openapi.json")
    assert status == 200
    assert {"/api/ask", "/api/speakers", "/api/documents", "/api/health"} <= set(spec["paths"])
    schema = spec["paths"]["/api/ask"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert {"question", "k", "mode", "speaker", "doc", "history"} <= set(schema["properties"])
    status, page, _ = call(app_url + "docs")
    assert status == 200 and b"swagger" in page.lower()


@pytest.mark.parametrize("page", ["docs", "redoc"])
def test_api_docs_work_offline(app_url, page):
    """/docs and /redoc load their scripts, styles and icon from this server, never from a CDN."""
    status, html, _ = call(app_url + page)
    assert status == 200
    html = html.decode()
    links = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)', html)
    assert any(link.endswith(".js") for link in links) and "https://" not in html and "http://" not in html
    assert all(link.startswith(DOCS_ASSETS + "/") or link == "/openapi.json" for link in links), links
    for link in links:
        status, body, head = call(app_url + link.lstrip("/"))
        assert status == 200 and len(body) > 1000, link
        if link.endswith(".js"):
            assert "javascript" in head["content-type"]
    if page == "docs":
        assert '"validatorUrl": null' in html  # Swagger UI's validator badge would be fetched from swagger.io


def test_large_upload_is_refused(app_url):
    """The chat takes no files: Gradio's upload route refuses anything over the cap."""
    boundary = "forumqa-boundary"
    payload = b"x" * (3 * 1024 * 1024)
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode() + payload + f"\r\n--{boundary}--\r\n".encode()
    status, data, _ = call(app_url + "gradio_api/upload", body,
                           headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert 400 <= status < 500, (status, str(data)[:200])


def test_api_requires_the_same_credentials(retriever, tmp_path):
    running = start(create_app(retriever, auth="ann:secret", feedback=tmp_path / "fb.jsonl"), port=free_port())
    try:
        good = "Basic " + base64.b64encode(b"ann:secret").decode()
        bad = "Basic " + base64.b64encode(b"ann:wrong").decode()
        body = json.dumps({"question": "南阳如何治理水污染？", "k": 1}).encode()
        for headers in ({}, {"Authorization": bad}, {"Authorization": "Bearer x"}):
            status, data, head = call(running.url + "api/ask", body, headers=headers)
            assert status == 401 and "authentication required" in data["error"]
            assert head["www-authenticate"].startswith("Basic")
        for path in ("api/speakers", "api/health", "openapi.json", "docs"):
            assert call(running.url + path)[0] == 401
        status, data, _ = call(running.url + "api/ask", body, headers={"Authorization": good})
        assert status == 200 and len(data["passages"]) == 1
        assert call(running.url + "api/health", headers={"Authorization": good})[0] == 200
    finally:
        running.close()
