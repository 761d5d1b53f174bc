"""The chat as a reader uses it, in real Chromium: follow-ups, filters, Clear, feedback, share links, reloads."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from chromium import REPLY_TIMEOUT_MS, ask, open_chat, playwright_or_skip, replies

from eval.loadtest import free_port
from ui.server import create_app, start

pytestmark = pytest.mark.browser

FIRST = "济宁配备了多少名专职环保网格员？"

sync_api = playwright_or_skip()


@pytest.fixture(scope="module")
def served(retriever, tmp_path_factory):
    """The app with a feedback log this module can read: (url, feedback file)."""
    feedback = tmp_path_factory.mktemp("chat") / "feedback.jsonl"
    running = start(create_app(retriever, feedback=feedback), port=free_port())
    yield running.url, feedback
    running.close()


@pytest.fixture
def page(browser, served):
    context, page = open_chat(browser, served[0], 1280, 900)
    yield page
    context.close()


def test_follow_up_uses_the_conversation(page, retriever):
    """The second question is answered with the first as history; a completed question is shown as 'Understood as'."""
    follow_up = "那大连呢？"
    expected = retriever.answer(follow_up, k=5, history=[FIRST])
    ask(page, FIRST)
    ask(page, follow_up)
    reply = page.locator("#fqa-chat .fqa-reply").last
    if expected.rewritten and expected.rewritten != expected.query:
        sync_api.expect(reply.locator(".fqa-understood")).to_contain_text(expected.rewritten)
    else:
        assert reply.locator(".fqa-understood").count() == 0
    shown = reply.locator(".fqa-cite").first.inner_text()
    assert f"第{expected.passages[0].citation.line_start}" in shown  # the history-aware answer, not the bare one


def test_only_real_speakers_and_filters_named_and_cleared(page, retriever):
    page.locator("#fqa-speaker input").click()
    options = page.get_by_role("option").all_inner_texts()
    assert not any(o.startswith(("对话人", "编者按")) for o in options)
    assert len(options) == len(retriever.speakers) + 1  # everyone, then each real speaker
    page.get_by_role("option", name=re.compile("^许伟")).click()
    ask(page, "如何治理污染？")
    reply = page.locator("#fqa-chat .fqa-reply").last
    sync_api.expect(reply.locator(".fqa-filters")).to_contain_text("许伟")
    assert set(reply.locator(".fqa-speaker").all_inner_texts()) == {"许伟"}
    page.locator("#fqa-clear").click()
    sync_api.expect(replies(page)).to_have_count(0)
    sync_api.expect(page.locator("#fqa-speaker input")).to_have_value(re.compile("全部|All"))
    ask(page, "如何治理污染？")
    reply = page.locator("#fqa-chat .fqa-reply").last
    assert reply.locator(".fqa-filters").count() == 0
    assert len(set(reply.locator(".fqa-speaker").all_inner_texts())) > 1


def test_one_document_needs_no_document_filter(page, retriever):
    assert len(retriever.documents) == 1
    assert page.locator("#fqa-doc").count() == 0 or not page.locator("#fqa-doc").is_visible()


def test_feedback_is_logged_with_comment(page, served):
    _, log = served
    before = log.read_text(encoding="utf-8").count("\n") if log.exists() else 0
    ask(page, FIRST)
    page.locator("#fqa-chat button[aria-label='Dislike'], #fqa-chat button[aria-label='踩']").last.click()
    sync_api.expect(page.locator("#fqa-comment textarea")).to_be_visible()
    page.locator("#fqa-comment textarea").fill("应该引用第274行")
    page.locator("#fqa-comment-send").click()
    sync_api.expect(page.locator("#fqa-comment textarea")).to_be_hidden()
    page.wait_for_function("() => true")
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()[before:]]
    assert [r["vote"] for r in records] == ["down", "down"]
    assert records[0]["question"] == FIRST and records[0]["passages"] and records[0]["comment"] == ""
    assert records[1]["comment"] == "应该引用第274行" and records[1]["reply"] == records[0]["reply"]
    assert {"question", "rewritten", "passages", "vote", "comment", "time"} <= set(records[1])


def test_share_link_asks_and_conversation_survives_reload_until_clear(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(served[0] + "?q=" + quote("大连拆除了多少台燃煤锅炉？"))
        page.wait_for_function("() => document.querySelectorAll('#fqa-chat .fqa-reply').length === 1",
                               timeout=REPLY_TIMEOUT_MS)
        sync_api.expect(page.locator("#fqa-chat .fqa-question")).to_have_text("大连拆除了多少台燃煤锅炉？")
        page.wait_for_function("() => !location.search.includes('q=')", timeout=5000)  # a reload will not re-ask
        href = page.locator("#fqa-chat a.fqa-share").last.get_attribute("href")
        assert href.startswith("?q=") and "%" in href
        ask(page, FIRST)
        page.reload()
        page.wait_for_function("() => document.querySelectorAll('#fqa-chat .fqa-reply').length === 2",
                               timeout=REPLY_TIMEOUT_MS)
        page.locator("#fqa-clear").click()
        sync_api.expect(replies(page)).to_have_count(0)
        page.reload()
        page.locator("#fqa-question textarea").wait_for(timeout=REPLY_TIMEOUT_MS)
        page.wait_for_timeout(1500)
        assert replies(page).count() == 0
    finally:
        context.close()
