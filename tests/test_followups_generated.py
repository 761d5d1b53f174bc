"""The generated follow-up conversations (eval/followups_generate.py): built from tune questions only, each kind
present, references that the rewriter can be scored on (pure: no index)."""

from __future__ import annotations

from eval.followups_generate import generate, normalised, sample, traditional, tune_sources
from index.records import Speaker
from retriever.conversation.knowledge import build_knowledge

SPEAKERS = [
    Speaker("张海冰", "辽宁省大连市环保局局长", "辽宁省大连市环保局", "局长"),
    Speaker("许伟", "山东省济宁市环保局局长", "山东省济宁市环保局", "局长"),
    Speaker("区锦雄", "广州普邦园林股份有限公司副总裁", "广州普邦园林股份有限公司", "副总裁"),
]
LEXICON = {"dalian": ["大连"], "jining": ["济宁"], "xuwei": ["许伟"], "zhanghaibing": ["张海冰"]}
SOURCES = [
    {"id": "a", "question": "大连拆除了多少台燃煤锅炉？", "answers": ["1416台"], "category": "number"},
    {"id": "b", "question": "大连出台了什么意见？", "answers": ["意见"], "category": "fact"},
    {"id": "c", "question": "How many coal-fired boilers did Dalian dismantle?", "answers": ["1416台"], "category": "number"},
    {"id": "d", "question": "What did Dalian's bureau chief do first?", "answers": ["x"], "category": "paraphrase"},
    {"id": "e", "question": "济宁发行了多少专项债券？", "answers": [], "category": "near_miss"},
    {"id": "f", "question": "济宁配备了多少名网格员？", "answers": ["992名"], "category": "number"},
]


def test_every_kind_is_generated_with_its_reference():
    knowledge = build_knowledge(SPEAKERS, ["大连市", "济宁市"], LEXICON)
    rows = generate(knowledge, SOURCES)
    by_id = {r["id"]: r for r in rows}
    assert {r["kind"] for r in rows} == {"switch", "pronoun", "omitted", "mixed", "traditional", "typo"}
    switch = by_id["a-switch"]
    assert switch["history"] == ["济宁拆除了多少台燃煤锅炉？"] and "大连" in switch["question"]
    assert switch["reference"] == "大连拆除了多少台燃煤锅炉？" and switch["answers"] == ["1416台"]
    pronoun = by_id["a-pronoun"]  # the first of every three after a turn about another entity
    assert pronoun["history"] == ["济宁配备了多少名网格员？", "大连出台了什么意见？"] and pronoun["question"] == "该市拆除了多少台燃煤锅炉？"
    assert by_id["b-pronoun"]["history"] == ["大连拆除了多少台燃煤锅炉？"]
    assert by_id["a-mixed"]["question"] == "What about Dalian?" and by_id["c-mixed"]["question"] == "What about 大连?"
    assert by_id["c-switch"]["history"] == ["How many coal-fired boilers did Jining dismantle?"]
    assert by_id["d-pronoun"]["question"] == "What did its bureau chief do first?"
    assert by_id["e-switch"]["category"] == "near_miss" and by_id["e-switch"]["answers"] == []
    assert by_id["a-trad-switch"]["history"] == [traditional("济宁拆除了多少台燃煤锅炉？")] == ["濟寧拆除了多少臺燃煤鍋爐？"]
    assert normalised("How many boilers did the Dalian bureau scrap?", knowledge) == normalised(
        "How many boilers did Dalian's bureau scrap", knowledge)
    assert len(sample(rows, 1)) == len({(r["kind"], r["category"] == "near_miss") for r in rows})


def test_the_sources_are_tune_questions_only():
    import json
    from pathlib import Path

    sets = Path(__file__).resolve().parent.parent / "eval" / "sets"
    held = set(json.loads((sets / "gold_split.json").read_text(encoding="utf-8"))["heldout"])
    held |= {json.loads(line)["id"] for path in sets.glob("readers*.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and json.loads(line)["split"] != "tune"}
    sources = tune_sources()
    assert sources and not {s["id"] for s in sources} & held


def test_omitted_subjects_in_english_and_after_an_opening_word():
    knowledge = build_knowledge(SPEAKERS, ["大连市", "济宁市"], LEXICON)
    by_id = {r["id"]: r for r in generate(knowledge, SOURCES)}
    english = by_id["d-omitted"]  # Dalian's bureau chief → the bureau chief, after an opening word or none
    assert english["question"].lower().endswith("what did the bureau chief do first?") and english["reference"] == SOURCES[3]["question"]
    # English rewrites are compared as the same words in any order: 'in Dalian' at the end is Dalian's
    assert normalised("What did the bureau chief do first in Dalian?", knowledge) == normalised(english["reference"], knowledge)
    assert normalised("What did the bureau chief do first in Jining?", knowledge) != normalised(english["reference"], knowledge)
    chinese = by_id["a-omitted"]["question"]  # 大连拆除了多少台燃煤锅炉？ without 大连, after "", 那, 那么, 另外， …
    assert chinese.endswith("拆除了多少台燃煤锅炉？") and "大连" not in chinese
