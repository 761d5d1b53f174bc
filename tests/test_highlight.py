"""Choosing the answer sentence: within a passage (pure, with given cosines) and on the real index."""

from __future__ import annotations

import numpy as np

from index.records import Chunk
from retriever.highlight import answer_index, best_sentence, is_question, speaker_prefix


def chunk(sentences: list[str], speaker: str = "张海冰") -> Chunk:
    spans, start = [], 0
    for s in sentences:
        spans.append((start, start + len(s)))
        start += len(s)
    return Chunk("c1", "doc", speaker, "", "", 0, 1, len(sentences), "".join(sentences), tuple(range(len(sentences))),
                 tuple(spans), tuple((i + 1, i + 1) for i in range(len(sentences))))


def test_a_question_is_never_the_answer_when_another_sentence_exists():
    passage = chunk(["为何会发生这种变化？", "因为建立了环境保护党政联合督察工作机制，督查组每两月督察一次。"])
    highlight = best_sentence(passage, np.array([0.95, 0.80]), ["变化"], "为什么会发生这种变化？")
    assert highlight.sentence.startswith("因为") and not is_question(highlight.sentence)
    only_questions = chunk(["为何会发生这种变化？"])
    assert best_sentence(only_questions, np.array([0.9]), [], "为什么？").sentence == "为何会发生这种变化？"


def test_the_speakers_name_is_not_highlighted():
    passage = chunk(["王奇：南阳市位于豫鄂陕三省交界处，是千里淮河发源地。", "这决定了南阳市是水质保护高度敏感的区域。"], "王奇")
    highlight = best_sentence(passage, np.array([0.95, 0.80]), ["南阳"], "南阳市位于哪里？")
    assert highlight.sentence.startswith("南阳市位于") and passage.text[highlight.start : highlight.end] == highlight.sentence
    assert speaker_prefix("中国环境报：请王奇局长分享。") == 6 and speaker_prefix("南阳市位于豫鄂陕三省交界处。") == 0


def test_a_quantity_question_prefers_the_whole_citys_number():
    passage = chunk(["10月底，全市共拆除1416台10吨以下燃煤锅炉，提标改造1377台。", "其中拆除604台10吨以下燃煤锅炉，超额完成任务。"])
    cosines = np.array([0.90, 0.92])  # the part's sentence is slightly closer
    assert "1416台" in best_sentence(passage, cosines, ["大连", "拆除", "燃煤", "锅炉"], "大连拆除了多少台燃煤锅炉？").sentence
    english_terms = ["coal", "fired", "boilers", "dalian", "dismantle", "锅炉", "大连", "拆除"]
    assert "1416台" in best_sentence(passage, cosines, english_terms, "How many coal-fired boilers did Dalian dismantle?").sentence
    asked_part = best_sentence(passage, cosines, ["市区", "拆除", "燃煤", "锅炉"], "其中市区拆除了多少台燃煤锅炉？")
    assert "604台" in asked_part.sentence  # a part asked for is answered by the part


def test_the_answer_skips_a_hosts_lead_in():
    assert answer_index(["speech", "speech"], [True, False]) == 1
    assert answer_index(["speech", "speech"], [False, False]) == 0
    assert answer_index(["question", "speech"], [False, False]) == 1
    assert answer_index(["question", "question"], [False, True]) == 0  # nothing better among the first two


def test_answers_on_the_real_index_quote_no_question_and_no_speaker_name(retriever):
    for question in ("湘潭市是如何治理重金属污染的？", "南阳市位于哪几个省的交界处？", "大连市环保局的同志为什么腰杆硬了？"):
        answer = retriever.answer(question)
        assert answer.text and not is_question(answer.text), question
        assert not answer.text.startswith(("王奇：", "中国环境报：", "苏国军：", "张海冰：")), question
        chosen = answer.highlights[answer.answer_index]
        assert answer.passages[answer.answer_index].text[chosen.start : chosen.end] == chosen.sentence
