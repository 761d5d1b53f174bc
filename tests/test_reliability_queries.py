"""Bad queries and arguments through the Python API and the CLI: an answer or one clear error, never a traceback."""

from __future__ import annotations

import json
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.errors import IndexNotFoundError, InvalidArgumentError, InvalidQueryError
from retriever import Answer, Mode, Retriever
from retriever.query import MAX_QUERY_CHARS

# Queries that must be answered (possibly by abstaining), never refused or crashed.
ANSWERABLE = {
    "nul-inside": "南阳\x00市如何治水？",
    "controls": "\x01\x07\x1b[31m大连\x7f 党政同责\x08",
    "bidi-zero-width": "\u202e济宁\u200b大气污染\u200d",
    "emoji": "😀🔥🌍 环保 💧?",
    "emoji-only": "😀🔥🌍",
    "mixed-scripts": "Nanyang 南阳 水质 Ünïcödé ß Привет مرحبا नमस्ते",
    "full-width": "ＰＭ２．５　南阳市的水质怎么样？",
    "html-script": "<script>alert('x')</script>南阳",
    "html-img": '<img src=x onerror="alert(1)">',
    "markdown-link": "[点我](javascript:alert(1)) 南阳",
    "markdown-image": "![x](http://127.0.0.1:1/x.png)",
    "format-braces": "{0} {__class__} {query!r:>10}",
    "format-percent": "%s %d %n %(x)s",
    "path-unix": "../../etc/passwd",
    "path-windows": "C:\\Windows\\system32\\..\\..",
    "url": "file:///etc/passwd",
    "sql": "'; DROP TABLE chunks; --",
    "lone-surrogate": "水\ud800质",
    "one-char": "水",
    "punctuation": "？？？！！！",
    "newlines": "南阳\n\n\r\n水源地\t保护",
}
# Queries with nothing to search once control characters and whitespace are gone.
EMPTY = {
    "empty": "",
    "spaces": "     ",
    "whitespace-mix": " \t\n\r\u3000\u00a0",
    "nul": "\x00",
    "controls-only": "\x00\x01\x02\x1f\x7f",
    "zero-width-only": "\u200b\u200c\u200d\ufeff",
    "surrogates-only": "\ud800\udfff",
}


def check_answer(answer: Answer, retriever: Retriever, k: int) -> None:
    """The invariants every answer keeps, whatever was asked."""
    assert isinstance(answer, Answer)
    check_hits(answer.passages, retriever, k)
    assert len(answer.highlights) == len(answer.passages)
    for hit, highlight in zip(answer.passages, answer.highlights, strict=True):
        assert highlight.chunk_id == hit.chunk_id
        assert hit.citation.line_start <= highlight.line_start <= highlight.line_end <= hit.citation.line_end
    assert answer.query and len(answer.query) <= MAX_QUERY_CHARS
    assert not any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in answer.query)
    assert isinstance(answer.abstained, bool) and answer.confidence == answer.confidence  # not NaN
    json.dumps(answer.to_json(), ensure_ascii=False).encode("utf-8")  # serialisable for the web app


def check_hits(hits, retriever: Retriever, k: int) -> None:
    assert len(hits) <= k
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert [hit.rank for hit in hits] == list(range(1, len(hits) + 1))
    assert len({hit.chunk_id for hit in hits}) == len(hits)
    for hit in hits:
        lines = len(retriever.source_lines(hit.citation.doc))
        assert 1 <= hit.citation.line_start <= hit.citation.line_end <= lines


@pytest.mark.parametrize("query", list(ANSWERABLE.values()), ids=list(ANSWERABLE))
def test_odd_queries_are_answered(retriever, query):
    check_answer(retriever.answer(query, k=5), retriever, 5)
    for mode in Mode:
        check_hits(retriever.search(query, k=3, mode=mode), retriever, 3)


@pytest.mark.parametrize("query", list(EMPTY.values()), ids=list(EMPTY))
def test_empty_queries_are_refused(retriever, query):
    for call in (retriever.answer, retriever.search):
        with pytest.raises(InvalidQueryError, match="query is empty"):
            call(query)


@pytest.mark.parametrize("query", [None, 5, b"water", ["南阳"], {"q": 1}])
def test_non_string_queries_are_refused(retriever, query):
    with pytest.raises(InvalidQueryError, match=f"query must be a string, got {type(query).__name__}"):
        retriever.answer(query)


@pytest.mark.parametrize("filler", ["a", "南"])
def test_huge_query_is_truncated_with_a_notice_in_bounded_time(retriever, filler):
    query = (filler * 100_000)[:100_000]
    started = time.perf_counter()
    answer = retriever.answer(query, k=5)
    elapsed = time.perf_counter() - started
    assert len(answer.query) == MAX_QUERY_CHARS
    assert str(MAX_QUERY_CHARS) in answer.notice and "100000" in answer.notice
    check_answer(answer, retriever, 5)
    assert elapsed < 30, f"{elapsed:.1f}s for a 100k-character query"
    assert len(retriever.search(query, k=2)) <= 2


@pytest.mark.parametrize("k", [0, -1, 101, 2.5, True, False, "5", None, float("nan")])
def test_bad_k_is_named_with_the_allowed_range(retriever, k):
    for call in (retriever.answer, retriever.search):
        with pytest.raises(InvalidArgumentError) as caught:
            call("南阳", k=k)
        assert str(caught.value) == f"k must be an integer from 1 to 100, got {k!r}"


@pytest.mark.parametrize("mode", ["foo", "", "HYBRID", None, 3])
def test_unknown_mode_is_named_with_the_choices(retriever, mode):
    with pytest.raises(InvalidArgumentError) as caught:
        retriever.answer("南阳", mode=mode)
    assert str(caught.value) == f"unknown mode {mode!r}; use one of: hybrid, dense, bm25"


@pytest.mark.parametrize("speaker", ["nobody", "", "王奇 ", "<script>"])
def test_unknown_speaker_is_named_with_the_choices(retriever, speaker):
    with pytest.raises(InvalidArgumentError) as caught:
        retriever.search("南阳", speaker=speaker)
    message = str(caught.value)
    assert message.startswith(f"unknown speaker {speaker!r}; the index has: ")
    assert "王奇" in message and "张海冰" in message


def test_missing_index_path_is_named(tmp_path):
    with pytest.raises(IndexNotFoundError) as caught:
        Retriever.load(tmp_path / "no-index")
    assert str(caught.value) == (
        f"no index at {tmp_path / 'no-index'}; build one with: forumqa build [FILES] --out {tmp_path / 'no-index'}"
    )


# --- properties ---------------------------------------------------------------------------------------------

# Any characters (surrogates and controls included), mixed with words the transcript does contain.
QUERY_TEXT = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=()), max_size=30),
        st.sampled_from(["南阳", "水质", "大连", "党政同责", "济宁", "湘潭", "企业", "water", "pollution", "？", " "]),
    ),
    max_size=6,
).map("".join)
K = st.integers(min_value=1, max_value=100)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(query=QUERY_TEXT, k=K, mode=st.sampled_from(list(Mode)))
def test_property_search_returns_at_most_k_sorted_cited_hits(retriever, query, k, mode):
    try:
        hits = retriever.search(query, k=k, mode=mode)
    except InvalidQueryError:
        assert not any(c.isalnum() for c in query)  # refused only when nothing searchable is left
        return
    check_hits(hits, retriever, k)


@PROPERTY
@given(query=QUERY_TEXT, k=K, speaker=st.sampled_from([None, "王奇", "张海冰", "许伟"]))
def test_property_answer_is_well_formed(retriever, query, k, speaker):
    try:
        answer = retriever.answer(query, k=k, speaker=speaker)
    except InvalidQueryError:
        return
    check_answer(answer, retriever, k)
    if speaker:
        assert all(hit.citation.speaker == speaker for hit in answer.passages)


# --- the CLI ------------------------------------------------------------------------------------------------

def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run `forumqa ARGS` in-process through its console entry point; (exit code, stdout, stderr)."""
    from ui import cli

    monkeypatch.setattr(sys, "argv", ["forumqa", *args])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err


@pytest.fixture
def cli_index(monkeypatch, retriever, index_dir):
    """`forumqa ask --index INDEX` answers from the session retriever (no reload per call)."""
    real = Retriever.load.__func__

    def load(cls, path=None, embedder=None, verify=True):
        return retriever if path is not None and str(path) == str(index_dir) else real(cls, path, embedder, verify)

    monkeypatch.setattr(Retriever, "load", classmethod(load))
    return str(index_dir)


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("query", [q for q in ANSWERABLE.values() if "\x00" not in q],
                         ids=[n for n, q in ANSWERABLE.items() if "\x00" not in q])
def test_cli_answers_odd_questions(monkeypatch, capsys, cli_index, query):
    code, out, err = run_cli(monkeypatch, capsys, "ask", query, "-k", "2", "--index", cli_index, "--json")
    assert code == 0, err
    assert "Traceback" not in err
    assert json.loads(out)["query"]


def test_cli_answers_a_huge_question_with_a_notice(monkeypatch, capsys, cli_index):
    code, out, err = run_cli(monkeypatch, capsys, "ask", "why " * 25_000, "-k", "1", "--index", cli_index)
    assert code == 0, err
    assert out.startswith(f"note: 问题过长，只使用了前 {MAX_QUERY_CHARS} 个字符")


CLI_ERRORS = [
    (["ask", "", "--index", "{index}"], "error: query is empty; type a question about the transcript"),
    (["ask", " \t ", "--index", "{index}"], "error: query is empty; type a question about the transcript"),
    (["ask", "\x01\x02\u200b", "--index", "{index}"], "error: query is empty; type a question about the transcript"),
    (["ask", "\udcff\udcfe", "--index", "{index}"], "error: query is empty; type a question about the transcript"),
    (["ask", "南阳", "-k", "0", "--index", "{index}"], "error: k must be an integer from 1 to 100, got 0"),
    (["ask", "南阳", "-k", "-1", "--index", "{index}"], "error: k must be an integer from 1 to 100, got -1"),
    (["ask", "南阳", "-k", "101", "--index", "{index}"], "error: k must be an integer from 1 to 100, got 101"),
    (["ask", "南阳", "-k", "2.5", "--index", "{index}"], "error: k must be an integer from 1 to 100, got '2.5'"),
    (["ask", "南阳", "-k", "five", "--index", "{index}"], "error: k must be an integer from 1 to 100, got 'five'"),
    (["ask", "南阳", "--mode", "fuzzy", "--index", "{index}"],
     "error: unknown mode 'fuzzy'; use one of: hybrid, dense, bm25"),
    (["ask", "南阳", "--speaker", "nobody", "--index", "{index}"], "error: unknown speaker 'nobody'; the index has: "),
    (["ask", "南阳", "--index", "/nonexistent/index"],
     "error: no index at /nonexistent/index; build one with: forumqa build [FILES] --out /nonexistent/index"),
    (["ask"], "error: Missing argument 'question'."),
    (["ask", "南阳", "--bogus"], "error: No such option: --bogus"),
    (["nosuch"], "error: No such command 'nosuch'."),
]


@pytest.mark.parametrize("args, expected", CLI_ERRORS, ids=[" ".join(a)[:40] for a, _ in CLI_ERRORS])
def test_cli_errors_are_one_line_and_exit_2(monkeypatch, capsys, cli_index, args, expected):
    code, out, err = run_cli(monkeypatch, capsys, *[a.format(index=cli_index) for a in args])
    assert code == 2
    assert one_error_line(err).startswith(expected)


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "folder"])
def test_cli_build_refuses_bad_documents_in_one_line(monkeypatch, capsys, tmp_path, kind):
    path = tmp_path / "input.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    elif kind == "folder":
        path.mkdir()
    code, out, err = run_cli(monkeypatch, capsys, "build", str(path), "--out", str(tmp_path / "index"))
    assert code == 2
    line = one_error_line(err)
    assert str(path) in line
    assert {"missing": "no such file", "empty": "empty", "binary": "binary", "folder": "no documents"}[kind] in line
    assert not (tmp_path / "index").exists()


def test_search_batch_refuses_a_single_string(retriever):
    with pytest.raises(InvalidQueryError, match="single string"):
        retriever.search_batch("南阳", k=3)
    assert retriever.search_batch([], k=3) == []
