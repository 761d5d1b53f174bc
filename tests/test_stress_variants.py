"""The English learner-order and pinyin-name rewordings of eval/abstention_stress.py (pypinyin for real)."""

from eval.abstention_stress import en_order, pinyin_names, variants


def test_a_how_many_question_in_learner_word_order():
    assert en_order("q0", "How many boilers did Dalian remove") == "Dalian how many boilers remove?"
    assert en_order("q1", "How many grid inspectors does Jining have") == "Jining grid inspectors have how many"
    assert en_order("q0", "How many chemical plants were closed in Xiangtan") == "Xiangtan how many chemical plants closed?"
    assert en_order("q0", "What is the river chief system") == ""


def test_pinyin_names_lower_cased_and_glued_to_shi():
    places = ["大连", "湘潭"]
    assert pinyin_names("q0", "How many boilers did Dalian remove?", places) == "How many boilers did dalian remove?"
    assert pinyin_names("q1", "How many boilers did Dalian remove?", places) == "How many boilers did dalianshi remove?"
    assert pinyin_names("q0", "What did Dalian City remove?", places) == "What did dalianshi remove?"
    assert pinyin_names("q0", "What did the Party say?", places) == "What did the Party say?"


def test_english_variants_include_both_kinds():
    kinds = {v.kind for v in variants("q1", "How many boilers did Dalian remove?", "en", places=["大连"])}
    assert {"en_order", "pinyin"} <= kinds
