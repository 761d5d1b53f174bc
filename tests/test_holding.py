"""What refusals name: the bundled forum's transcript, one document's title, or the documents."""

from index.records import DocRecord
from retriever.answerability.judge import not_close
from retriever.holding import DOCUMENT, DOCUMENTS, TRANSCRIPT, holding_of
from retriever.types import Answer
from ui.commands import format_answer
from ui.render import NOT_COVERED, answer_markdown


def doc(source: str, title: str = "", speakers=()) -> DocRecord:
    return DocRecord(doc=source.split(".")[0], source=source, sha256="0", title=title, speakers=tuple(speakers))


def test_the_bundled_forum_is_the_transcript():
    assert holding_of([doc("/x/data/env-forum-2016.txt", "推进改革创新改善环境质量")]) == TRANSCRIPT
    assert NOT_COVERED == "转录稿中没有涉及这个问题。The transcript does not cover this question."


def test_an_archive_names_its_documents_or_its_one_title():
    several = holding_of([doc("a.txt", "甲"), doc("b.txt", "乙")])
    assert several == DOCUMENTS and several.not_covered() == "资料中没有涉及这个问题。The documents do not cover this question."
    one = holding_of([doc("report.pdf", "《长江保护法》解读")])
    assert one.zh == "《〈长江保护法〉解读》" and one.en == "“《长江保护法》解读”"
    assert holding_of([doc("law.txt", "《水法》")]).zh == "《水法》"
    notes = holding_of([doc("/archive/notes.txt")])
    assert notes.zh == "文档“notes.txt”" and notes.en == "the document “notes.txt”"
    assert notes.not_covered() == "文档“notes.txt”中没有涉及这个问题。The document “notes.txt” does not cover this question."
    assert holding_of([doc("")]) == DOCUMENT
    long = holding_of([doc("x.txt", "很" * 80)])
    assert len(long.zh) <= 32 and long.zh.endswith("…》")


def test_replies_name_what_the_index_holds():
    refused = Answer("问题", [], [], True, 0.1)
    assert "转录稿" not in format_answer(refused, DOCUMENTS) and "资料中没有涉及" in format_answer(refused, DOCUMENTS)
    assert "The transcript does not cover" in format_answer(refused)
    assert "The documents do not cover" in answer_markdown(refused, DOCUMENTS)
    assert not_close(DOCUMENTS) == "资料中没有与此相关的内容 (nothing in the documents is close enough to this question)"
