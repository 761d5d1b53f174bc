"""The web chat's rendering (escaping, emphasis, citations, source viewer, export) on real answers; no server."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ui.render import (
    NOT_COVERED,
    answer_html,
    answer_markdown,
    citation_label,
    emphasise,
    error_html,
    esc,
    normalise_mode,
    question_html,
    source_html,
)

XSS = "<img src=x onerror=window.__xss=1>"
HOSTILE = [
    XSS,
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "**bold** _it_ `code` $x^2$ # heading",
    "http://evil.example/ www.evil.example",
    '"><svg onload=alert(1)>',
    "&lt;already escaped&gt; &amp;",
]


def _unescape(fragment: str) -> str:
    import html

    return html.unescape(fragment.replace("<br>", "\n"))


@pytest.mark.parametrize("text", HOSTILE)
def test_esc_leaves_no_markup_and_round_trips(text):
    out = esc(text)
    assert not re.search(r"[<>\[\]()*_`$!\"']", out), out  # no HTML or Markdown syntax survives
    assert _unescape(out) == text  # and the browser shows exactly what was typed


def test_esc_keeps_line_breaks_as_br():
    assert esc("a\nb") == "a<br>b"


def test_emphasise_marks_terms_case_insensitively_and_escapes():
    out = emphasise("Air <b>pollution</b> in Jining", ["pollution", "jining"])
    assert out.count('<strong class="fqa-term">') == 2
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert _unescape(re.sub(r"</?strong[^>]*>", "", out)) == "Air <b>pollution</b> in Jining"


def test_emphasise_merges_overlapping_terms():
    out = emphasise("南阳市的水污染", ["南阳", "南阳市", "污染", "水污染"])
    assert out.count("<strong") == 2


def test_answer_html_chinese(retriever):
    answer = retriever.answer("南阳市如何治理水污染？", k=3)
    out = answer_html(answer)
    assert "\n" not in out  # one HTML block: Markdown leaves it alone
    assert "[1]" in out and "fqa-support" in out and "fqa-term" in out
    first = answer.passages[0].citation
    assert f"第{first.line_start}–{first.line_end}行" in out
    assert esc(first.speaker) in out


def test_answer_html_escapes_hostile_question(retriever):
    answer = retriever.answer(XSS + " 南阳", k=2)
    for fragment in (answer_html(answer), question_html(XSS), error_html(XSS)):
        assert "<img" not in fragment and "onerror=" not in fragment.replace("onerror&#61;", "")
    assert _unescape(re.sub(r"</?div[^>]*>", "", question_html(XSS))) == XSS


def test_abstention_is_plain(retriever):
    answer = retriever.answer("特斯拉的股价", k=3)
    if not answer.abstained:
        pytest.skip("retriever does not abstain on this question (abstention calibration)")
    out = answer_html(answer)
    assert esc(NOT_COVERED) in out and "可能相关" in out
    assert "答案 / Answer" not in out


def test_error_html_is_one_line():
    out = error_html("bad k\nTraceback (most recent call last):\n  File x")
    assert "Traceback" not in out and "bad k" in out


def test_source_html_marks_cited_lines(retriever):
    answer = retriever.answer("济宁市如何治理大气污染？", k=1)
    hit, highlight = answer.passages[0], answer.highlights[0]
    lines = retriever.source_lines(hit.citation.doc)
    out = source_html(lines, hit, highlight)
    cited = re.findall(r'class="fqa-line fqa-cited[^"]*" data-line="(\d+)"', out)
    assert [int(n) for n in cited] == list(range(hit.citation.line_start, hit.citation.line_end + 1))
    assert f'data-line="{max(1, hit.citation.line_start - 8)}"' in out  # context above
    assert esc(lines[hit.citation.line_start - 1]) in out
    assert "fqa-support-line" in out
    assert "不可用" in source_html(None, hit)


def test_markdown_export_has_every_citation(retriever):
    answer = retriever.answer("大连市如何落实党政同责？", k=3)
    md = answer_markdown(answer)
    for hit in answer.passages:
        assert f"{hit.rank}. " in md and f"第{hit.citation.line_start}–{hit.citation.line_end}行" in md
    assert md.startswith("**问题 / Question:**")


def test_markdown_export_escapes_links():
    from retriever.types import Answer

    md = answer_markdown(Answer("[x](http://e) ![i](y)", [], [], True, 0.0))
    assert "\\[x\\]\\(http://e\\)" in md and "\\!\\[i\\]" in md


def test_citation_label(retriever):
    hit = retriever.search("南阳", k=1)[0]
    label = citation_label(hit)
    assert label.startswith("[1] ") and f"lines {hit.citation.line_start}" in label


@pytest.mark.parametrize(
    "given, expected",
    [
        ("hybrid", "hybrid"),
        ("混合", "hybrid"),
        ("语义", "dense"),
        ("关键词", "bm25"),
        ("BM25", "bm25"),
        ("语义 Semantic", "dense"),
    ],
)
def test_normalise_mode(given, expected):
    assert normalise_mode(given) == expected


def test_core_never_imports_gradio_and_ui_app_does_not_launch():
    code = (
        "import sys, retriever, index.build, index.load, ui.render\n"
        "assert 'gradio' not in sys.modules, 'core imports gradio'\n"
        "import ui.app\n"
        "assert 'gradio' in sys.modules\n"
        "import gradio as gr\n"
        "assert not any(isinstance(v, gr.Blocks) for v in vars(ui.app).values()), 'app built on import'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
