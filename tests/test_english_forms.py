"""English word forms and pinyin look-alikes of the English query path (session 15): British spellings find the
American glosses, cardinals and months give the digits the index writes, and an English word that spells pinyin or
a gloss key is never written as a Chinese term for the embedder."""

from __future__ import annotations

import json
from pathlib import Path

from index.lexicon import build_lexicon, translate
from index.lexicon_query import english_inflection, hanzi_for_pinyin, pinyin_pieces, spelled, word_key
from index.wordforms import american, base_forms, ordinal_terms


def test_british_spellings_are_respelled_the_american_way():
    assert american("sulphur") == "sulfur" and american("neighbouring") == "neighboring"
    assert american("organisation") == "organization" and american("centre") == "center"
    assert american("offences") == "offenses" and american("labourers") == "laborers"
    assert american("colour") == "color" and american("programme") == "program"
    for same in ("four", "hour", "source", "boiler", "tour", "contour", "course", "pollution"):
        assert american(same) == same
    assert base_forms("neighbouring")[:2] == ["neighbouring", "neighbour"] and "neighbor" in base_forms("neighbouring")


def test_a_british_spelling_meets_the_american_gloss():
    lexicon = build_lexicon(["二氧化硫", "锅炉"])
    assert "二氧化硫" in translate("How much sulphur dioxide did the boilers give off?", lexicon)
    assert word_key("sulphur", lexicon) == word_key("sulfur", lexicon)


def test_cardinals_and_months_give_the_digits_the_index_writes():
    assert ordinal_terms("four") == ("4",) and ordinal_terms("October") == ("10", "月")
    assert ordinal_terms("first") == ("第", "1") and ordinal_terms("often") == ()
    terms = translate("How many boilers were removed by the end of October in the four districts?", build_lexicon(["锅炉"]))
    assert {"10", "月", "4", "锅炉"} <= set(terms)


def test_an_english_word_is_no_pinyin_of_a_term():
    lexicon = build_lexicon(["规定", "沿着", "导则", "指导", "济宁", "辽宁", "网格"])
    assert spelled("guiding", lexicon["guiding"]) == ["规定"] and spelled("along", lexicon.get("along", [])) == []
    assert english_inflection("guiding", lexicon) and not english_inflection("jining", lexicon)
    assert not english_inflection("liaoning", lexicon)
    assert hanzi_for_pinyin("What guiding idea shaped Jining's plan?", lexicon) == "What guiding idea shaped 济宁's plan?"
    assert hanzi_for_pinyin("They signed a long-term deal.", lexicon) == "They signed a long-term deal."
    assert pinyin_pieces("guideline", lexicon) is None
    assert hanzi_for_pinyin("Which firms fall under the guideline system?", lexicon) == (
        "Which firms fall under the guideline system?"
    )
    assert "规定" not in translate("What guiding idea shaped the plan?", lexicon)
    assert hanzi_for_pinyin("Jining wanggeyuan 多少人", lexicon) == "济宁 网格 yuan 多少人"  # pinyin still is


def test_the_stress_pool_is_well_formed():
    pool = Path(__file__).resolve().parents[1] / "eval" / "english_paraphrase_stress.jsonl"
    rows = [json.loads(line) for line in pool.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 40 and len({r["id"] for r in rows}) == len(rows)
    assert all(r["question"].isascii() and r["answers"] for r in rows)


def test_english_stress_scores_ranks():
    from eval.english_stress import first_rank, summary

    assert first_rank(["甲", "乙 1416 台", "丙"], ["1416台"]) == 2 and first_rank(["甲"], ["乙"]) is None
    figures = summary([1, 2, None, 1])
    assert figures["R@1"] == 0.5 and figures["R@5"] == 0.75 and abs(figures["MRR"] - 0.625) < 1e-9
