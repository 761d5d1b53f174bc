"""Session 23 (fu6): follow-up false abstention — how a question names an action or a body in everyday words."""

from retriever.answerability.asked import answer_kind, asks_role
from retriever.answerability.asked_action import how_action, verb_object


def test_a_traditional_how_question_asks_what_its_simplified_form_asks():
    # 咋調侃的 asks the words said, like 咋调侃的: the verb of saying is read in simplified characters
    assert how_action("老百姓咋調侃的？", []) == how_action("老百姓咋调侃的？", []) == ""
    assert how_action("湘潭是怎麼處理的？", []) == "处理"


def test_a_verb_and_its_object_is_no_action_the_text_must_write():
    # 筹钱 'raise money': the text writes 融资 and 筹集资金; a plain verb (治理, 处理, 招聘) is still asked
    assert verb_object("筹钱") and verb_object("修路")
    assert not any(verb_object(w) for w in ("治理", "处理", "招聘", "整治", "监管", "融资"))
    assert how_action("那湘潭是怎么筹钱的？", []) == ""
    assert how_action("他们是怎么招聘的？", []) == "招聘"


def test_a_leading_group_is_a_body_not_a_person_asked_by_role():
    # 领导小组谁当组长 asks who heads a body (以市长为组长 answers); 哪位领导 asks a person by role
    assert not asks_role("湘潭市重金属污染治理领导小组由谁担任组长？", "zh")
    assert answer_kind("南阳成立的领导小组叫什么？", "zh") == "name"
    assert asks_role("湘潭的哪位领导签了协议？", "zh")


def test_a_place_with_napei_names_the_speaker_from_there():
    # 湖南那位呢？: the one from Hunan, 苏国军 — his city in a question about a city, himself in one about a person
    from index.records import Speaker
    from retriever.conversation.knowledge import build_knowledge
    from retriever.rewrite import rewrite

    speakers = [
        Speaker("张海冰", "辽宁省大连市环保局局长", "辽宁省大连市环保局", "局长"),
        Speaker("许伟", "山东省济宁市环保局局长", "山东省济宁市环保局", "局长"),
        Speaker("苏国军", "湖南省湘潭市环保局局长", "湖南省湘潭市环保局", "局长"),
    ]
    lexicon = {"dalian": ["大连"], "jining": ["济宁"], "xiangtan": ["湘潭"], "hunan": ["湖南"], "boiler": ["锅炉"]}
    knowledge = build_knowledge(speakers, ["大连市2016年举全市之力。"], lexicon)
    assert rewrite("湖南那位呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge, lexicon=lexicon).text == "湘潭拆除了多少台燃煤锅炉？"
    assert rewrite("山东那位局长呢？", ["张海冰介绍了大连的什么经验？"], knowledge, lexicon=lexicon).text == (
        "许伟介绍了济宁的什么经验？")
    assert rewrite("那湖南那边呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge, lexicon=lexicon).text == "湖南拆除了多少台燃煤锅炉？"
