"""Follow-up questions through the real retriever, the `forumqa chat` loop and the follow-up evaluation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.errors import InvalidArgumentError

REPO = Path(__file__).resolve().parent.parent


def test_he_after_jining_answers_about_jining(retriever):
    answer = retriever.answer("他还提到了什么措施？", k=3, history=["济宁配备了多少名专职环保网格员？"])
    assert answer.query == "他还提到了什么措施？"
    assert answer.rewritten == "许伟还提到了什么措施？"
    speakers = [h.citation.speaker for h in answer.passages]
    assert speakers[0] == "许伟" and "张海冰" not in speakers  # about 济宁, not Dalian
    answering = answer.passages[answer.answer_index]  # the best evidence among the first passages, Xu Wei's
    assert not answer.abstained and answering.citation.speaker == "许伟" and answer.text in answering.text


def test_what_about_jining_is_answered_from_xu_weis_passages(retriever):
    answer = retriever.answer("那济宁呢？", k=5, history=["大连拆除了多少台燃煤锅炉？"])
    assert answer.rewritten == "济宁拆除了多少台燃煤锅炉？"
    assert answer.passages[0].citation.speaker == "许伟"
    assert not answer.abstained and "5329台" in answer.text
    english = retriever.answer("What about Jining?", k=5, history=["How many coal-fired boilers did Dalian dismantle?"])
    assert english.rewritten == "How many coal-fired boilers did Jining dismantle?"
    assert english.passages[0].citation.speaker == "许伟" and "5329" in english.passages[0].text


def test_a_followup_the_focus_speaker_never_answers_is_judged_as_typed_alone(retriever):
    # 许伟's passages say nothing of 专项债券 (湘潭's do): the focus must not make the question look answered
    followed = retriever.answer("那济宁呢？", k=5, history=["湘潭发行了多少专项债券？"])
    assert followed.rewritten == "济宁发行了多少专项债券？"
    alone = retriever.answer("济宁发行了多少专项债券？", k=5)
    assert followed.abstained and alone.abstained and followed.confidence == pytest.approx(alone.confidence)
    assert [h.chunk_id for h in followed.passages] == [h.chunk_id for h in alone.passages]  # no unearned reordering
    # the same plumbing keeps the answerable switch answered (test above): 燃煤锅炉…台 is in 许伟's passage


def test_the_focus_is_earned_by_the_words_the_best_passage_has():
    from retriever.conversation.focus import earned

    terms = ["拆除", "台", "燃煤", "锅炉"]
    assert earned(terms, "全市改造燃煤锅炉5329台", "全市共拆除1416台燃煤锅炉")  # 5 of the 7 characters
    assert not earned(["发行", "专项", "债券"], "济宁发了通知", "湘潭发行专项债券18亿元")
    assert earned(["专项"], "anything", "nothing of the terms")  # the best passage has none: no evidence either way


def test_a_question_that_stands_alone_ignores_the_history(retriever):
    question = "大连拆除了多少台燃煤锅炉？"
    alone = retriever.answer(question, k=5)
    followed = retriever.answer(question, k=5, history=["济宁配备了多少名专职环保网格员？", "他还提到了什么措施？"])
    assert followed.rewritten == ""
    assert [h.chunk_id for h in followed.passages] == [h.chunk_id for h in alone.passages]
    assert followed.to_json() == alone.to_json()


def test_answer_json_keeps_every_key_and_adds_the_rewrite(retriever):
    data = retriever.answer("烟尘呢？", history=["大连锅炉整治削减了多少二氧化硫？"]).to_json()
    assert set(data) >= {"query", "passages", "highlights", "abstained", "confidence", "terms", "notice", "rewritten", "filters", "answer"}
    assert data["query"] == "烟尘呢？" and data["rewritten"] == "大连锅炉整治削减了多少烟尘？"
    assert "9300吨" in data["passages"][0]["text"]


def test_a_pronoun_no_question_names_is_the_speaker_of_the_best_passage_with_one(retriever):
    # the roster passage (no speaker) ranks first for this question; the speaker is the next passage's
    answer = retriever.answer("Where did he swim when he was young?", k=3, history=["Who spoke about the Pearl River?"])
    assert "Jinxiong" in answer.rewritten and answer.passages[0].citation.speaker == "区锦雄"


def test_history_must_be_a_list_of_questions(retriever):
    with pytest.raises(InvalidArgumentError, match="history must be a list"):
        retriever.answer("那济宁呢？", history="大连拆除了多少台燃煤锅炉？")
    with pytest.raises(InvalidArgumentError, match="history must be a list"):
        retriever.answer("那济宁呢？", history=[3])
    assert retriever.answer("那济宁呢？", history=["", "  "]).rewritten == ""


def chat(index_dir, text: str, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ui.cli", "chat", "--index", str(index_dir), "-k", "2", *args]
    return subprocess.run(command, input=text, capture_output=True, text=True, cwd=REPO, timeout=300)


def test_chat_keeps_the_conversation_until_cleared(index_dir):
    result = chat(index_dir, "大连拆除了多少台燃煤锅炉？\n那济宁呢？\n\n/clear\n那济宁呢？\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("答案 / answer:") + out.count("The transcript does not cover") == 3
    assert out.count("理解为 / Understood as: 济宁拆除了多少台燃煤锅炉？") == 1
    first, rest = out.split("理解为 / Understood as:", 1)
    assert "[1] 张海冰" in first and "5329台" in rest.split("\n\n[2]")[0]
    assert "conversation cleared" in out and out.index("conversation cleared") > out.index("5329台")
    assert "Ctrl-D" in result.stderr and "Traceback" not in result.stderr


def test_chat_errors_are_one_line(index_dir):
    bad = chat(index_dir, "河长制\n", "--mode", "fuzzy")
    assert bad.returncode == 2 and bad.stderr.strip().splitlines()[-1].startswith("error: unknown mode 'fuzzy'")
    empty_turn = chat(index_dir, "\x01\x02\n大连拆除了多少台燃煤锅炉？\n")
    assert empty_turn.returncode == 0 and "答案 / answer:" in empty_turn.stdout
    assert "Traceback" not in empty_turn.stderr


def test_followup_evaluation_scores_with_and_without_history(retriever):
    from eval.followups import evaluate_followups, load_followups, report_section

    rows = [r for r in load_followups() if r["id"] in {"f001", "f017", "f047", "f059"}]
    results = evaluate_followups(retriever, rows)
    history, alone = results["conditions"]["history"]["tune"], results["conditions"]["alone"]["tune"]
    assert history["all"]["n"] == 4 and history["all"]["answerable"] == 3
    assert history["standalone"]["recall@1"] == alone["standalone"]["recall@1"] == 1.0
    assert history["all"]["rewritten"] == 0.75 and alone["all"]["rewritten"] == 0.0
    assert results["rewrites"]["f001"] and results["rewrites"]["f047"] == ""
    section = report_section(results)
    assert "### tune" in section and "| ellipsis | 1 | history |" in section


def test_parity_lists_the_rows_refused_only_as_rewritten_or_only_as_the_reference():
    from eval.followups import parity

    rows = [{"id": "a", "answers": ["x"]}, {"id": "b", "answers": ["y"]}, {"id": "c", "answers": []}]
    history = {"a": {"abstained": True}, "b": {"abstained": False}, "c": {"abstained": True}}
    reference = {"a": {"abstained": False}, "b": {"abstained": True}, "c": {"abstained": False}}
    assert parity(rows, history, reference) == {"history_only": ["a"], "reference_only": ["b"]}  # c has no answer


def test_a_large_index_is_known_by_its_titles_and_headlines_not_every_passage(retriever, monkeypatch):
    import retriever.conversation as conversation
    from retriever.conversation.knowledge import build_knowledge

    everything = conversation.place_texts(retriever)
    assert len(everything) == len(retriever.chunks)
    monkeypatch.setattr(conversation, "SCAN_LIMIT", 10)  # as if the index were an archive of millions
    heads = conversation.place_texts(retriever)
    record = retriever.documents[0]
    assert record.title in heads and record.headlines and record.headlines[0].text in heads
    assert len(heads) < len(everything)
    knowledge = build_knowledge(retriever.speakers.values(), heads, retriever.backend.lexicon)
    names = {e.name for e in knowledge.entities}
    assert {"济宁", "大连"} <= names  # the speakers' own cities are known from their roles


def test_a_subjectless_question_about_the_speakers_thing_gets_the_city_from_the_index(retriever):
    # the passage that answers 网格管理体系要杜绝哪些现象？ alone is 王奇's: the question is about 南阳
    answer = retriever.answer("网格管理体系要杜绝哪些现象？", k=3, history=["南阳企业环境信用评价的结果在哪些网站公布？"])
    assert answer.rewritten == "南阳网格管理体系要杜绝哪些现象？"
    assert answer.passages[0].citation.speaker == "王奇"
    # an out-of-scope question after the same history stays as typed (the best passage says little of it)
    assert not retriever.answer("2018年世界杯冠军是哪个国家？", k=3, history=["区锦雄年轻时常去哪条江游泳？"]).rewritten


def test_the_same_count_of_another_thing_is_judged_on_the_whole_question(retriever):
    history = ["大连市的《规定》明确了几个市委工作部门的环保职责？"]
    answer = retriever.answer("那中直、省直单位有几个？", k=5, history=history)
    assert answer.rewritten == "大连市的《规定》明确了几个中直、省直单位的环保职责？"
    assert not answer.abstained and answer.passages[0].citation.speaker == "张海冰"
    assert "8个中、省直部门" in answer.passages[0].text


def test_a_thing_opening_with_a_qualifier_or_a_time_word_is_the_latest_entitys_when_the_index_says_so(retriever):
    answer = retriever.answer("水污染防治责任体系怎么建的？", k=5, history=["南阳乡镇生活污水处理项目采用什么运营方式？"])
    assert answer.rewritten == "南阳水污染防治责任体系怎么建的？" and not answer.abstained
    later = retriever.answer("年终考核不合格咋办？", k=5, history=["湘潭2012年初确立了什么工作机制？"])
    assert later.rewritten == "湘潭年终考核不合格咋办？" and "一票否决" in later.passages[0].text
    # a question the latest entity's speaker does not answer best stays as typed
    assert retriever.answer("年终考核不合格咋办？", k=5, history=["南阳乡镇生活污水处理项目采用什么运营方式？"]).rewritten == ""
