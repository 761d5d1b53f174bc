"""Out-of-scope questions in the forum's own words (session 22, oos2): absent_noun's noun test reads CC-CEDICT's first
gloss where jieba tags a thing as a verb (快递, 禁渔), and eval.scope's forum-vocabulary table
(eval/scope_stress.jsonl)."""

from __future__ import annotations

from retriever.answerability.topic import names_thing
from retriever.service import judge


def test_a_thing_jieba_tags_as_a_verb_is_named_by_its_dictionary_gloss():
    for word in ("快递", "禁渔", "光伏", "湿地", "雾霾", "锅炉"):  # 'express delivery', 'ban on fishing', … or a jieba noun
        assert names_thing(word), word
    for word in ("包装", "回收", "确认", "搞完", "变大"):  # 'to pack', 'to recycle', 'to confirm'; not in CC-CEDICT
        assert not names_thing(word), word


def test_another_topic_in_the_forums_words_is_absent(retriever):
    """快递 and 禁渔 are rare, things and never written: absent in a question naming no entity of the text; a question
    naming one is left to the entity checks (its unwritten words are most often the asker's own: 一块儿, 搞了个)."""
    assert "快递" in judge(retriever, "快递包装污染怎么治理？").analysis.absent
    assert "禁渔" in judge(retriever, "长江十年禁渔是从哪一天开始的？").analysis.absent
    for question in ("湘潭的快递包装回收做得怎么样？", "南阳跟哪俩省一块儿搞联防联控来着？", "苏局长觉得环保的好日子来了没有？"):
        assert judge(retriever, question).analysis.values["absent_noun"] == 0.0, question
    for question in ("大连拆除了多少台燃煤锅炉？", "南阳是怎么治理水污染的？", "湘潭的重金属污染治理做得怎么样？"):
        assert judge(retriever, question).analysis.values["absent_noun"] == 0.0, question


def test_forum_vocabulary_questions_cover_each_kind_and_language():
    from eval.scope import STRESS_KINDS, stress_markdown, stress_questions

    rows = stress_questions()
    kinds = {k: [r for r in rows if r["kind"] == k] for k in STRESS_KINDS}
    assert len(kinds["out_of_scope"]) + len(kinds["entity_out_of_scope"]) >= 40 and len(kinds["paraphrase"]) >= 30
    assert {r["lang"] for r in rows} == {"zh", "en", "mixed"}
    assert len({r["id"] for r in rows}) == len(rows) and all(r["of"] for r in kinds["paraphrase"])
    table = stress_markdown({"paraphrase": {"zh": {"n": 2, "refused": 1}, "all": {"n": 2, "refused": 1}}})
    assert "| paraphrase (answerable" in "\n".join(table) and "1 of 2 | — | — | 1 of 2 |" in "\n".join(table)


def test_forum_vocabulary_scoring_counts_refusals_per_kind_and_language(retriever):
    from eval.scope import evaluate_stress

    rows = [
        {"question": "快递包装污染怎么治理？", "lang": "zh", "kind": "out_of_scope"},
        {"question": "大连拆除了多少台燃煤锅炉？", "lang": "zh", "kind": "paraphrase"},
    ]
    figures = evaluate_stress(retriever, rows)
    assert figures["out_of_scope"]["zh"]["n"] == 1 and figures["paraphrase"]["all"]["n"] == 1
    assert figures["paraphrase"]["all"]["refused"] == 0
