"""The web chat in a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from chromium import ask, open_chat, playwright_or_skip

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
QUESTION = "南阳市如何保护南水北调水源地的水质？"
XSS = "<img src=x onerror=window.__xss=1>"

sync_api = playwright_or_skip()


@pytest.fixture
def page(browser, app_url):
    context, page = open_chat(browser, app_url, 1400, 1000)
    yield page
    context.close()


def test_question_answer_citation_and_source_viewer(page, retriever):
    expected = retriever.answer(QUESTION, k=5)
    assert not expected.abstained
    ask(page, QUESTION)
    reply = page.locator("#fqa-chat .fqa-reply").last
    sync_api.expect(reply).to_be_visible()
    text = reply.inner_text()
    assert expected.text[:20] in text  # the answer sentence
    first = expected.passages[0].citation
    cite = reply.locator(".fqa-cite").first
    sync_api.expect(cite).to_contain_text("[1]")
    sync_api.expect(cite).to_contain_text(f"第{first.line_start}–{first.line_end}行")
    sync_api.expect(cite).to_contain_text(first.speaker)
    sync_api.expect(reply.locator(".fqa-answer .fqa-term").first).to_be_visible()  # matched words emphasised
    sync_api.expect(reply.locator("mark.fqa-support").first).to_be_visible()  # supporting sentence highlighted

    # The source viewer: [1] is chosen; picking [2] shows its lines in context, cited lines marked.
    viewer = page.locator("#fqa-viewer")
    sync_api.expect(viewer.locator(".fqa-cited").first).to_be_visible()
    second = expected.passages[1].citation
    page.locator("#fqa-citations label").nth(1).click()
    sync_api.expect(viewer.locator(".fqa-src-title")).to_contain_text(f"第{second.line_start}–{second.line_end}行")
    cited = viewer.locator(".fqa-cited")
    sync_api.expect(cited).to_have_count(second.line_end - second.line_start + 1)
    lines = retriever.source_lines(second.doc)
    sync_api.expect(cited.first).to_contain_text(lines[second.line_start - 1].strip())
    assert viewer.locator(f'[data-line="{max(1, second.line_start - 3)}"]').count() == 1  # context around it

    # The Markdown export lists every citation.
    export = page.locator("#fqa-export textarea").input_value()
    assert f"第{first.line_start}–{first.line_end}行" in export and "1. " in export

    page.locator("#fqa-citations label").nth(0).click()
    sync_api.expect(viewer.locator(".fqa-src-title")).to_contain_text(f"第{first.line_start}–{first.line_end}行")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "chat.png"
    page.evaluate(  # show the question and the top of the reply
        "() => { const c = document.querySelector('#fqa-chat [role=log], #fqa-chat .bubble-wrap');"
        " if (c) c.scrollTop = 0; }"
    )
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    if os.environ.get("FORUMQA_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, REPO / "docs" / "screenshot.png")


def test_xss_question_shows_as_text_and_runs_nothing(page):
    ask(page, XSS)
    page.wait_for_timeout(500)  # give an injected onerror the time to fire
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("#fqa-chat img[src='x']").count() == 0
    sync_api.expect(page.locator("#fqa-chat .fqa-question").last).to_have_text(XSS)


def test_markdown_and_script_in_question_stay_text(page):
    question = "<script>window.__xss=2</script> [点我](javascript:window.__xss=3) 济宁"
    ask(page, question)
    assert page.evaluate("() => window.__xss") is None
    sync_api.expect(page.locator("#fqa-chat .fqa-question").last).to_have_text(question)
    assert page.locator("#fqa-chat a[href^='javascript']").count() == 0


def test_speaker_filter_and_error_line(page):
    page.locator("#fqa-speaker input").click()
    page.get_by_role("option", name=re.compile("^许伟")).click()
    ask(page, "如何治理污染？")
    reply = page.locator("#fqa-chat .fqa-reply").last
    speakers = reply.locator(".fqa-speaker").all_inner_texts()
    assert speakers and set(speakers) == {"许伟"}
    ask(page, "\u200b \x00 ")  # nothing left once cleaned: one line of error, no traceback
    error = page.locator("#fqa-chat .fqa-error").last
    sync_api.expect(error).to_contain_text("empty")
    assert "Traceback" not in page.locator("#fqa-chat").inner_text()


def test_api_docs_show_the_operations_offline(browser, app_url):
    """/docs renders the operations list with every request outside this server refused (as without internet)."""
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    host = urlparse(app_url).netloc
    outside: list[str] = []

    def only_this_server(route):
        if urlparse(route.request.url).netloc == host:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    try:
        page = context.new_page()
        page.route("**/*", only_this_server)
        page.goto(app_url + "docs")
        operations = page.locator(".opblock-summary-path")
        operations.first.wait_for(timeout=30_000)
        assert "/api/ask" in operations.all_inner_texts()
        assert outside == []
    finally:
        context.close()
