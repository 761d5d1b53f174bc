"""A journalist's own archive in the web chat: a folder of a GBK .txt, a .md and a .docx, built with the real
model and asked in a real Chromium. The page introduces her documents (not the 2016 forum), every citation names
its document, and a refusal names the documents."""

from __future__ import annotations

import re

import pytest
from chromium import ask, open_chat, playwright_or_skip

pytestmark = pytest.mark.browser
sync_api = playwright_or_skip()

NOTES = """长江采访笔记

2026年3月12日，记者在湖北省宜昌市采访了市生态环境局局长李明华。

李明华：宜昌今年关停了长江沿岸一公里范围内的134家化工企业，搬迁了另外25家。
记者：这些企业的工人怎么安置？
李明华：我们设立了2亿元的转岗培训基金，已经培训了3800名工人。

陈晓燕：我是宜昌市渔民协会的会长。禁渔以后，全市有1200名渔民上岸。
记者：渔民的生活有保障吗？
陈晓燕：政府给每户发放了平均8万元的补偿，还帮助大家转产做生态旅游。
"""
REPORT = """# 太湖蓝藻治理调查

## 背景

2007年太湖蓝藻暴发，导致无锡市供水危机，约两百万居民的饮用水受到影响。

## 治理措施

无锡市投入了超过1000亿元用于太湖治理，包括底泥清淤、调水引流和控源截污。
"""
TITLES = ("长江采访笔记", "太湖蓝藻治理调查", "白洋淀生态修复访谈")


@pytest.fixture(scope="module")
def archive_url(tmp_path_factory, e5):
    """The chat over an index built from the archive folder (as `forumqa build FOLDER` reads it)."""
    import docx

    from eval.loadtest import free_port
    from index.build import build_index
    from retriever import Retriever
    from ui.server import create_app, start

    root = tmp_path_factory.mktemp("archive")
    folder = root / "稿件"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(NOTES.encode("gbk"))
    (folder / "report.md").write_text(REPORT, encoding="utf-8")
    document = docx.Document()
    document.core_properties.title = TITLES[2]
    document.add_heading(TITLES[2], 0)
    document.add_paragraph("主持人：请介绍一下白洋淀的补水情况。")
    document.add_paragraph("王建国：2024年我们通过引黄入冀补淀工程向白洋淀补水5.2亿立方米。")
    document.add_paragraph("主持人：淀区的污染源怎么治理？")
    document.add_paragraph("王建国：我们建设了96座污水处理站，同时退耕还淀两万亩。")
    document.save(folder / "xiongan.docx")
    build_index([folder], out=root / "index", embedder=e5)
    running = start(create_app(Retriever.load(root / "index", embedder=e5), feedback=root / "feedback.jsonl"),
                    port=free_port())
    yield running.url
    running.close()


def test_desktop_introduces_the_archive_and_cites_each_document(browser, archive_url):
    context, page = open_chat(browser, archive_url, 1400, 1000, "light")
    try:
        intro = page.locator("#fqa-intro").inner_text()
        assert "这 3 份资料" in intro and all(title in intro for title in TITLES)
        assert "2016" not in intro and "论坛" not in intro and "forum" not in intro
        assert page.title() == "文档问答 ForumQA"
        hint = page.locator("#fqa-question textarea").get_attribute("placeholder")
        assert "南阳" not in hint and "Jining" not in hint
        # a section heading (背景, 治理措施) is no example question
        assert page.get_by_text("治理措施", exact=True).count() == 0

        ask(page, "宜昌关停了多少家化工企业？")
        reply = page.locator("#fqa-chat .fqa-reply").last
        sync_api.expect(reply.locator(".fqa-answer")).to_contain_text("134家")
        first = reply.locator(".fqa-cite").first
        sync_api.expect(first).to_contain_text("李明华")
        # notes typed one turn a line: the reporter's question is not quoted as 李明华's words
        assert "记者：" not in reply.locator(".fqa-text").first.inner_text()
        sync_api.expect(first.locator(".fqa-doc")).to_have_text("《长江采访笔记》")
        assert reply.locator(".fqa-cite .fqa-doc").count() == reply.locator(".fqa-cite").count()
        assert not re.search(r"lines \d+\)", reply.inner_text())  # one line is "line 3", never "lines 3"
        labels = page.locator("#fqa-citations label").all_inner_texts()
        assert labels and all("《" in label for label in labels), labels  # the side panel's choices too
    finally:
        context.close()


def test_phone_dark_cites_documents_and_refuses_for_the_archive(browser, archive_url):
    context, page = open_chat(browser, archive_url, 390, 844, "dark")
    try:
        ask(page, "白洋淀补水多少立方米？")
        reply = page.locator("#fqa-chat .fqa-reply").last
        sync_api.expect(reply.locator(".fqa-answer")).to_contain_text("5.2亿立方米")
        sync_api.expect(reply.locator(".fqa-cite .fqa-doc").first).to_have_text(f"《{TITLES[2]}》")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing runs off the side

        ask(page, "How many fishermen came ashore in Yichang?")  # fishermen meets 渔民 (fisherman) as fisherman does
        reply = page.locator("#fqa-chat .fqa-reply").last
        sync_api.expect(reply.locator(".fqa-answer")).to_contain_text("1200名渔民")
        sync_api.expect(reply.locator(".fqa-cite").first).to_contain_text("陈晓燕")

        ask(page, "What is the capital of France?")
        refusal = page.locator("#fqa-chat .fqa-reply").last.locator(".fqa-abstain")
        sync_api.expect(refusal).to_have_text("资料中没有涉及这个问题。The documents do not cover this question.")
    finally:
        context.close()
