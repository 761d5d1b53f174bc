"""Out-of-scope questions in the forum's own words (session 22, oos2): eval.scope's forum-vocabulary table
(eval/scope_stress.jsonl: out-of-scope questions in the text's vocabulary, and paraphrases of answerable tune
questions whose refusals are false abstentions)."""

from __future__ import annotations


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
