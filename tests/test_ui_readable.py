"""Can a person read the chat? The reply's start in view, WCAG AA contrast in light and dark mode, a phone layout.

Real headless Chromium (Debian's /usr/bin/chromium) through Playwright, against the app over the session index.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import ask, open_chat, playwright_or_skip

pytestmark = pytest.mark.browser

QUESTION = "济宁配备了多少名专职环保网格员？"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

sync_api = playwright_or_skip()

# Every visible element with its own text: its colour over the background it is painted on (ancestors'
# backgrounds composited, the page canvas at the bottom), as a WCAG contrast ratio.
CONTRAST_JS = r"""
(scope) => {
  const parse = (c) => {
    let m = c.match(/^rgba?\(([^)]+)\)$/);
    if (m) { const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
    m = c.match(/^color\(srgb ([^)]+)\)$/);
    if (m) { const p = m[1].split(/[\s\/]+/).filter(Boolean).map(Number); return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1]; }
    return null;
  };
  const over = (top, base) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + base[i] * (1 - a)).concat([1]);
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const canvas = parse(getComputedStyle(document.documentElement).backgroundColor);
  const page = canvas && canvas[3] > 0 ? over(canvas, [255, 255, 255, 1]) : [255, 255, 255, 1];
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = layers.length && layers[layers.length - 1][3] >= 1 ? layers.pop() : page;
    while (layers.length) bg = over(layers.pop(), bg);
    return bg;
  };
  const out = [];
  const root = document.querySelector(scope) || document.body;
  for (const el of root.querySelectorAll('*')) {
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (!own) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || parseFloat(style.opacity) === 0 || !el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const bg = background(el);
    const fg0 = parse(style.color);
    if (!fg0) continue;
    const fg = over(fg0, bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    out.push({text: own.slice(0, 40), cls: String(el.className).slice(0, 60), tag: el.tagName,
              ratio: (a + 0.05) / (b + 0.05), fg: style.color, bg: 'rgb(' + bg.slice(0, 3).map(Math.round).join(',') + ')'});
  }
  return out;
}
"""

# Is the element's centre actually painted on screen (inside the viewport and not clipped by a scroller)?
IN_VIEW_JS = r"""
(selector) => {
  const all = document.querySelectorAll(selector);
  if (!all.length) return false;
  const el = all[all.length - 1];
  const r = el.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 40), y = r.top + Math.min(r.height / 2, 12);
  if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false;
  const hit = document.elementFromPoint(x, y);
  return !!hit && (hit === el || el.contains(hit));
}
"""


def in_view(page, selector: str) -> bool:
    """Whether the last element matching selector is on screen; waits up to 3 s for the chat to settle."""
    try:
        page.wait_for_function(IN_VIEW_JS, arg=selector, timeout=3000)
        return True
    except sync_api.TimeoutError:
        return False


@pytest.mark.parametrize("width, height", [(1400, 1000), (1920, 1080), (1280, 720), (390, 844)])
def test_reply_start_is_in_view(browser, app_url, width, height):
    """After a reply, its question and its answer line are on screen, not scrolled past to the bottom."""
    context, page = open_chat(browser, app_url, width, height, "light")
    try:
        ask(page, "南阳市如何保护南水北调水源地的水质？")
        ask(page, QUESTION)  # a second, long reply below the first: the chat must not jump to its end
        question_seen = in_view(page, "#fqa-chat .fqa-question")
        answer_seen = in_view(page, "#fqa-chat .fqa-answer")
        if not (question_seen and answer_seen):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"not-in-view-{width}x{height}.png"))
        assert question_seen, f"{width}x{height}: the question of the last reply is off screen"
        assert answer_seen, f"{width}x{height}: the answer line of the last reply is off screen"
    finally:
        context.close()


def _show_sources(page) -> None:
    """Open the first passage's source lines wherever this layout puts them (under the passage, or the side panel)."""
    summary = page.locator("#fqa-chat .fqa-reply details summary")
    if summary.count():
        summary.first.click()
        page.locator("#fqa-chat .fqa-reply details[open] .fqa-cited").first.wait_for(timeout=5000)
    else:  # a layout with only the side panel
        page.locator("#fqa-viewer .fqa-cited").first.wait_for(timeout=5000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_contrast_is_wcag_aa(browser, app_url, scheme, width, height):
    """Every visible text of the page, including the highlighted answer and cited lines, has contrast >= 4.5:1."""
    context, page = open_chat(browser, app_url, width, height, scheme)
    try:
        ask(page, QUESTION)
        _show_sources(page)
        assert page.locator("#fqa-chat mark.fqa-support").count() >= 1  # the highlighted sentence is there
        assert page.locator(".fqa-cited").count() >= 1  # cited lines are shown
        items = page.evaluate(CONTRAST_JS, ".gradio-container")
        assert len(items) > 30  # the check saw the page
        checked = {item["cls"].split()[0] for item in items if item["cls"].startswith("fqa-")}
        assert {"fqa-term", "fqa-lt"} <= checked or "fqa-support" in " ".join(i["cls"] for i in items)
        poor = [item for item in items if item["ratio"] < 4.5]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"contrast-{scheme}-{width}x{height}.png"), full_page=True)
        lines = [f"{i['ratio']:.2f} {i['tag']}.{i['cls']} {i['fg']} on {i['bg']}: {i['text']!r}" for i in poor]
        assert not poor, f"{scheme} {width}x{height}: {len(poor)} texts under 4.5:1\n" + "\n".join(lines[:25])
    finally:
        context.close()


def test_phone_sources_are_under_the_reply(browser, app_url):
    """On a phone, each passage's source lines open right under it, and no reply points to a panel off screen."""
    context, page = open_chat(browser, app_url, 390, 844, "light")
    try:
        ask(page, QUESTION)
        reply = page.locator("#fqa-chat .fqa-reply").last
        text = reply.inner_text()
        assert "right" not in text and "右侧" not in text, "the reply points to a side panel"
        summary = reply.locator("details summary")
        assert summary.count() == reply.locator(".fqa-passage").count() >= 1
        summary.first.click()
        cited = reply.locator("details[open] .fqa-cited").first
        cited.wait_for(timeout=5000)
        box, reply_box = cited.bounding_box(), reply.bounding_box()
        assert reply_box["y"] <= box["y"] <= reply_box["y"] + reply_box["height"]  # inside the reply, not elsewhere
    finally:
        context.close()
