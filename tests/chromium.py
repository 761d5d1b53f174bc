"""What the browser tests share: the Chromium they drive, how it is launched, and skipping when it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("FORUMQA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REPLY_TIMEOUT_MS = 60_000
UI_STEP_TIMEOUT_MS = 20_000


def playwright_or_skip():
    """playwright.sync_api; when Chromium is missing, the calling test module is skipped (it fails on CI)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI: `make browser` installs Debian's chromium", pytrace=False)
        pytest.skip(f"{CHROMIUM} not installed (make browser installs it)", allow_module_level=True)
    sync_api = pytest.importorskip("playwright.sync_api")
    # expect()'s default of 5 s is too short for a UI step on a loaded 2-core machine; a real failure still fails
    sync_api.expect.set_options(timeout=UI_STEP_TIMEOUT_MS)
    return sync_api


def launched_chromium(sync_api):
    """A headless Chromium for one test module (a generator for a fixture: yields the browser, then closes it)."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def open_chat(browser, url: str, width: int, height: int, scheme: str | None = None):
    """A new browser context on the chat at url, once its question box is there: (context, page)."""
    options = {"viewport": {"width": width, "height": height}, "locale": "zh-CN"}
    if scheme is not None:
        options["color_scheme"] = scheme
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    page.locator("#fqa-question textarea").wait_for(timeout=REPLY_TIMEOUT_MS)
    return context, page


def replies(page):
    """The chat's replies and error replies."""
    return page.locator("#fqa-chat .fqa-reply, #fqa-chat .fqa-error")


def ask(page, question: str) -> None:
    """Type a question, send it, and wait until its reply (or error) is in the chat."""
    before = replies(page).count()
    page.locator("#fqa-question textarea").fill(question)
    page.locator("#fqa-send").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#fqa-chat .fqa-reply, #fqa-chat .fqa-error').length > n",
        arg=before,
        timeout=REPLY_TIMEOUT_MS,
    )
