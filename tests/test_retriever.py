"""The Python API end to end on the real index: hybrid search, citations, highlights, abstention, errors."""

from __future__ import annotations

import pytest

from index.normalize import fold as norm
from retriever import InvalidArgumentError, InvalidQueryError, Mode
from retriever.fusion import convex, max_scaled, min_max, rrf

# One question per speaker's section: (question, speaker, answer string, line in the original file)
QUESTIONS = [
    ("大连拆除了多少台燃煤锅炉？", "张海冰", "1416台", 213),
    ("南水北调中线工程累计向北方供水多少？", "王奇", "60亿立方米", 117),
    ("济宁配备了多少名专职环保网格员？", "许伟", "992名", 274),
    ("湘潭发行了多少亿元重金属污染治理专项债券？", "苏国军", "18亿元", 394),
    ("普邦园林的核心价值观是什么？", "区锦雄", "创造人与自然和谐之美", 475),
    ("2016全国环保厅局长论坛在哪里召开？", "编者按", "海口", 529),
]


@pytest.mark.parametrize("question,speaker,answer,line", QUESTIONS)
def test_hybrid_finds_each_speakers_answer_with_a_correct_citation(retriever, question, speaker, answer, line):
    hits = retriever.search(question, k=3)
    top = next(h for h in hits if answer in norm(h.text))
    assert top.rank <= 2
    if speaker == "编者按":  # a passage kind (note) under the 编者按 heading, not a speaker (issue 11)
        assert top.citation.kind == "note" and top.citation.headline == "编者按" and top.citation.speaker == ""
    else:
        assert top.citation.speaker == speaker
    assert top.citation.doc == "env-forum-2016"
    assert top.citation.line_start <= line <= top.citation.line_end
    if speaker not in ("编者按",):
        assert top.citation.role.endswith(("局长", "副总裁"))


def test_answer_highlights_the_supporting_sentence(retriever):
    answer = retriever.answer("大连拆除了多少台燃煤锅炉？", k=3)
    assert not answer.abstained
    assert "1416台" in answer.text
    highlight = answer.highlights[0]
    assert answer.passages[0].text[highlight.start : highlight.end] == highlight.sentence
    assert answer.passages[0].citation.line_start <= highlight.line_start <= highlight.line_end <= 221
    assert len(answer.highlights) == len(answer.passages)


def test_english_words_reach_bm25_through_the_lexicon(retriever):
    terms = retriever.query_terms("How much sulfur dioxide did Dalian's boiler overhaul cut?")
    assert {"二氧化硫", "大连", "锅炉"} <= set(terms)
    hits = retriever.search("How much sulfur dioxide did Dalian's boiler overhaul cut?", k=3, mode="bm25")
    assert any("12499吨" in h.text for h in hits)


def test_english_questions_work_cross_lingually(retriever):
    hits = retriever.search("How many coal-fired boilers did Dalian demolish?", k=5)
    assert any("1416台" in h.text for h in hits)
    answer = retriever.answer("Who is the director of the Xiangtan environmental protection bureau?", k=5)
    assert not answer.abstained


def test_the_titles_words_find_the_passages_that_say_them(retriever):
    # The title is no BM25 context of the dialogue's passages, so its words are found where they are written.
    assert retriever.search("对话录", k=1, mode="bm25")[0].kind == "title"
    assert "论坛" in retriever.search("论坛 召开", k=1, mode="bm25")[0].text  # the editor's note
    assert retriever.search("这篇对话录的大标题叫啥来着？", k=1)[0].kind == "title"


def test_bm25_that_matches_nothing_adds_no_noise(retriever):
    question = "Xyzzy plugh frobozz?"  # no English word maps to a transcript term
    hybrid = retriever.search(question, k=5, mode="hybrid")
    dense = retriever.search(question, k=5, mode="dense")
    assert retriever.search(question, k=5, mode="bm25") == []
    assert [h.chunk_id for h in hybrid] == [h.chunk_id for h in dense]


@pytest.mark.parametrize(
    "question", ["特斯拉的股价", "What is the capital of France?", "北京市2016年PM2.5年均浓度是多少？", "Who won the 2016 US election?"]
)
def test_out_of_scope_questions_abstain(retriever, question):
    answer = retriever.answer(question, k=3)
    assert answer.abstained and answer.text == ""
    assert answer.passages  # still offered as "may be related"


@pytest.mark.parametrize("question", [q for q, *_ in QUESTIONS] + ["什么是河长制？", "How did Dalian phase out yellow-label vehicles?"])
def test_real_questions_do_not_abstain(retriever, question):
    assert not retriever.answer(question).abstained


def test_results_are_sorted_ranked_and_limited(retriever):
    for mode in Mode:
        hits = retriever.search("河长制", k=4, mode=mode)
        assert 1 <= len(hits) <= 4
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    assert len(retriever.search("环保", k=100)) <= len(retriever.chunks)


def test_search_is_search_batch_of_one(retriever):
    questions = ["河长制", "黄标车怎么淘汰的"]
    assert retriever.search_batch(questions, k=3) == [retriever.search(q, k=3) for q in questions]


def test_speaker_filter(retriever):
    hits = retriever.search("燃煤锅炉", k=5, speaker="许伟")
    assert hits and all(h.citation.speaker == "许伟" for h in hits)
    assert set(retriever.speakers) >= {"王奇", "张海冰", "许伟", "苏国军", "区锦雄", "中国环境报"}


def test_bad_arguments_raise_one_clear_error_each(retriever):
    with pytest.raises(InvalidQueryError, match="query is empty"):
        retriever.search("   ")
    with pytest.raises(InvalidArgumentError, match=r"k must be an integer from 1 to 100, got 0"):
        retriever.search("河长制", k=0)
    with pytest.raises(InvalidArgumentError, match=r"unknown mode 'fuzzy'; use one of: hybrid, dense, bm25"):
        retriever.search("河长制", mode="fuzzy")
    with pytest.raises(InvalidArgumentError, match=r"unknown speaker '李四'; the index has: .*王奇"):
        retriever.search("河长制", speaker="李四")


def test_fusion_functions():
    dense = [(1, 0.9), (2, 0.8), (3, 0.7)]
    sparse = [(3, 10.0), (1, 5.0)]
    assert [d for d, _ in rrf([dense, sparse])][:2] == [1, 3]
    assert rrf([dense, []]) == rrf([dense])
    assert min_max([(1, 2.0), (2, 2.0)]) == [(1, 1.0), (2, 1.0)]  # zero range guarded
    assert max_scaled([(1, 4.0), (2, 0.0)]) == [(1, 1.0), (2, 0.0)]
    fused = convex([dense, sparse], [0.5, 0.5], ["minmax", "max"])
    # dense min-max: 1 -> 1.0, 2 -> 0.5, 3 -> 0.0; BM25 / max: 3 -> 1.0, 1 -> 0.5
    assert [d for d, _ in fused] == [1, 3, 2]
    assert [s for _, s in fused] == pytest.approx([0.75, 0.5, 0.25])
    tie = convex([[(2, 1.0), (1, 0.0)], [(1, 1.0), (2, 0.0)]], [0.5, 0.5], ["minmax", "minmax"])
    assert [d for d, _ in tie] == [1, 2]  # equal scores: ties break by id
