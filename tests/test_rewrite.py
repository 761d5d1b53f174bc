"""Completing follow-up questions from the conversation (pure: no index, real jieba)."""

from __future__ import annotations

import pytest

from index.records import Speaker
from retriever.conversation.focus import Focus, focus_first
from retriever.conversation.knowledge import EntityKind, build_knowledge
from retriever.rewrite import rewrite
from retriever.types import Citation, Hit

SPEAKERS = [
    Speaker("张海冰", "辽宁省大连市环保局局长", "辽宁省大连市环保局", "局长"),
    Speaker("许伟", "山东省济宁市环保局局长", "山东省济宁市环保局", "局长"),
    Speaker("王奇", "河南省南阳市环保局局长", "河南省南阳市环保局", "局长"),
    Speaker("苏国军", "湖南省湘潭市环保局局长", "湖南省湘潭市环保局", "局长"),
    Speaker("区锦雄", "广州普邦园林股份有限公司副总裁", "广州普邦园林股份有限公司", "副总裁"),
]
TEXTS = ["后来广州市政府花了10年的力气。", "大连市2016年举全市之力。"]
LEXICON = {
    "dalian": ["大连"], "jining": ["济宁"], "nanyang": ["南阳"], "xiangtan": ["湘潭"], "guangzhou": ["广州"],
    "pubang": ["普邦"], "oujinxiong": ["区锦雄"], "hunan": ["湖南"], "zhanghaibing": ["张海冰"], "xuwei": ["许伟"], "guojun": ["国军"],
    "boiler": ["锅炉"], "bond": ["债券"], "wangqi": ["王奇"],
}


@pytest.fixture(scope="module")
def knowledge():
    return build_knowledge(SPEAKERS, TEXTS, LEXICON)


def ask(question, history, knowledge, **kwargs):
    return rewrite(question, history, knowledge, lexicon=LEXICON, **kwargs)


def test_knowledge_links_people_places_and_companies(knowledge):
    assert knowledge.get("济宁").kind == EntityKind.PLACE and knowledge.get("济宁").speaker == "许伟"
    assert knowledge.get("许伟").city == "济宁"
    company = knowledge.get("普邦园林")
    assert company.kind == EntityKind.ORG and company.speaker == "区锦雄" and company.city == "广州"
    assert knowledge.get("区锦雄").org == "普邦园林"
    assert [m.entity.name for m in knowledge.find("Who is Su Guojun? What about Jining and Pubang's value?")] == [
        "苏国军", "济宁", "普邦园林"
    ]
    assert knowledge.get("各县") is None and knowledge.get("全市") is None


def test_ellipsis_of_a_city_keeps_the_asked_attribute(knowledge):
    result = ask("那济宁呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge)
    assert result.text == "济宁拆除了多少台燃煤锅炉？"
    assert result.changed and "ellipsis" in result.reason
    assert result.focus is not None and result.focus.speaker == "许伟"


def test_ellipsis_of_an_attribute_keeps_the_city(knowledge):
    history = ["大连锅炉整治削减了多少二氧化硫？", "氮氧化物呢？"]
    assert ask("烟尘呢？", history, knowledge).text == "大连锅炉整治削减了多少烟尘？"
    english = ask("What about soot?", ["How much sulfur dioxide did Dalian's boiler campaign cut?"], knowledge)
    assert english.text == "How much soot did Dalian's boiler campaign cut?"


def test_english_ellipsis_in_both_languages(knowledge):
    assert ask("What about Jining?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "How many coal-fired boilers did Jining dismantle?"
    )
    assert ask("What about Jining?", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("那济宁呢？", ["How many boilers did Dalian dismantle?"], knowledge).text == "How many boilers did Jining dismantle?"


def test_switches_across_three_turns_keep_the_city_suffix(knowledge):
    history = ["大连市环保局局长是谁？", "南阳的呢？"]
    assert ask("那湘潭呢？", history, knowledge).text == "湘潭市环保局局长是谁？"
    switched = ask("What about Jining's boilers?", ["How many coal-fired boilers did Dalian dismantle?", "What did Nanyang do about rural pollution?"], knowledge)
    assert switched.text == "How many coal-fired boilers did Jining dismantle?"


def test_pronouns_resolve_to_people_cities_and_companies(knowledge):
    he = ask("他还提到了什么措施？", ["济宁配备了多少名专职环保网格员？"], knowledge)
    assert he.text == "许伟还提到了什么措施？" and he.focus == Focus("许伟")
    assert ask("这家公司的核心价值观是什么？", ["区锦雄在哪家公司工作？"], knowledge).text == "普邦园林的核心价值观是什么？"
    assert ask("How big is his city?", ["What did Zhang Haibing do first?"], knowledge).text == "How big is Dalian?"
    assert ask("When was he born?", ["Who is Su Guojun?"], knowledge).text == "When was Su Guojun born?"
    assert ask("该市有多少名网格员？", ["许伟提到了什么？"], knowledge).text == "济宁有多少名网格员？"
    # 他们市 / 他们公司: a plural pronoun before the noun, as people speak, is the person's city or company
    assert ask("他们市的水质怎么样？", ["王奇是哪个市的环保局局长？"], knowledge).text == "南阳的水质怎么样？"
    assert ask("他们公司有多少年历史？", ["区锦雄是哪里人？"], knowledge).text == "普邦园林有多少年历史？"


def test_a_pronoun_the_questions_never_name_asks_who_answered(knowledge):
    history = ["Which city issued special bonds for heavy-metal pollution control?"]
    assert ask("How much did that city raise?", history, knowledge).text == "How much did that city raise?"
    answered = ask("How much did that city raise?", history, knowledge, answered_by=lambda q: "苏国军")
    assert answered.text == "How much did Xiangtan raise?"


def test_omitted_subject_is_the_latest_subject(knowledge):
    history = ["湘潭获得了环境保护部和湖南省环保厅多少资金支持？"]
    assert ask("又发行了多少专项债券？", history, knowledge).text == "湘潭又发行了多少专项债券？"
    assert ask("And how many vehicles were scrapped?", ["How many police did Dalian deploy?"], knowledge).text == (
        "How many vehicles were scrapped in Dalian?"
    )


def test_a_question_that_stands_alone_is_searched_as_typed(knowledge):
    for question, history in [
        ("济宁有多少名专职环保网格员？", ["大连拆除了多少台燃煤锅炉？"]),
        ("What did Nanyang's Wang Qi say about rivers?", ["Who moderated the forum?"]),
        ("其他城市怎么治理锅炉？", ["济宁配备了多少名专职环保网格员？"]),  # 其他 is not 他
        ("什么是河长制？", ["大连拆除了多少台燃煤锅炉？"]),
        ("河长制是什么呢？", ["大连拆除了多少台燃煤锅炉？"]),  # a fragment asks nothing itself
        ("河长制实施得怎么样？", ["大连拆除了多少台燃煤锅炉？"]),
        ("推行河长制这项制度的目的和意义是什么？", ["大连拆除了多少台燃煤锅炉？"]),  # long: not a follow-up
        ("大連拆除了多少台燃煤鍋爐？", ["大连锅炉整治削减了多少二氧化硫？"]),  # its own (traditional) city
        ("那济宁呢？", []),
        ("那济宁呢？", None),
    ]:
        result = ask(question, history, knowledge)
        assert (result.text, result.reason, result.focus) == (question, "", None), question


def test_who_questions_have_no_focus(knowledge):
    result = ask("那济宁呢？", ["大连市环保局局长是谁？"], knowledge)
    assert result.text == "济宁市环保局局长是谁？" and result.focus is None


def _hit(rank, speaker, text):
    return Hit(text, 1.0 / rank, rank, f"c{rank}", Citation("doc", speaker, "", 1, 1))


def test_focus_moves_the_speakers_best_passage_first_and_nothing_else():
    hits = [_hit(1, "张海冰", "大连拆除1416台"), _hit(2, "对话人", "济宁市环保局局长许伟"), _hit(3, "许伟", "5329台"), _hit(4, "许伟", "网格")]
    ordered = focus_first(hits, Focus("许伟"))
    assert [h.chunk_id for h in ordered] == ["c3", "c1", "c2", "c4"]
    assert [h.rank for h in ordered] == [1, 2, 3, 4]
    assert focus_first(hits, None) == hits and focus_first(hits, Focus("张海冰")) == hits
    assert focus_first(hits, Focus("王奇")) == hits


def test_within_the_last_answer(knowledge):
    history = ["济宁纳入导则体系整治的污染源有多少家？"]
    assert ask("其中关停了多少家？", history, knowledge).text == "济宁纳入导则体系整治的污染源中关停了多少家？"
    assert ask("那广州治理珠江呢？", ["南水北调中线水源地的水质保持在什么水平？"], knowledge).text == "广州治理珠江的水质保持在什么水平？"


def test_more_ways_to_follow_up(knowledge):
    dalian = ["大连拆除了多少台燃煤锅炉？"]
    assert ask("那济宁怎么样？", dalian, knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("如果是济宁呢？", dalian, knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("那王奇呢？", dalian, knowledge).text == "南阳拆除了多少台燃煤锅炉？"  # a person's city in a city's place
    assert ask("那南阳呢？", ["张海冰来环保局之前在哪里工作？"], knowledge).text == "王奇来环保局之前在哪里工作？"
    assert ask("这位局长还提到了什么？", ["济宁配备了多少名专职环保网格员？"], knowledge).text == "许伟还提到了什么？"
    assert ask("当地的空气质量怎么改善的？", ["许伟是哪里的局长？"], knowledge).text == "济宁的空气质量怎么改善的？"
    assert ask("其核心价值观是什么？", ["区锦雄在哪家公司工作？"], knowledge).text == "普邦园林的核心价值观是什么？"  # asked which company
    assert ask("How many did Jining dismantle?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "How many coal-fired boilers did Jining dismantle?"
    )
    assert ask("What does the company value most?", ["Where does 区锦雄 work?"], knowledge).text == "What does Pubang value most?"


def test_a_pronoun_for_a_name_in_the_question_itself_needs_no_history(knowledge):
    for question in ("许伟说他们配备了多少名网格员？", "What did Zhang Haibing do when he arrived?"):
        assert ask(question, ["湘潭发行了多少专项债券？"], knowledge).text == question


def test_english_names_are_written_as_the_lexicon_knows_them(knowledge):
    assert ask("How old is that company?", ["Which company does Ou Jinxiong work for?"], knowledge).text == "How old is Pubang?"
    assert ask("And in soot?", ["How much sulfur dioxide did Dalian's boiler campaign cut?"], knowledge).text == (
        "How much soot did Dalian's boiler campaign cut?"
    )
    # a city before its province: 'the Ministry and Hunan give Xiangtan' is about Xiangtan
    history = ["How much funding did the Ministry and Hunan give Xiangtan?"]
    assert ask("And how much did the bank provide?", history, knowledge).text == "How much did the bank provide in Xiangtan?"


def test_a_short_question_opening_with_the_latest_topic_keeps_its_place(knowledge):
    history = ["湘潭与长沙、株洲签订了什么协议？"]
    assert ask("协议的目标是什么？", history, knowledge).text == "湘潭协议的目标是什么？"
    assert ask("目标是什么？", history, knowledge).text == "目标是什么？"  # nothing shared with the latest question


def test_a_switch_after_a_detail_of_the_first_entity_asks_the_opening_question_again(knowledge):
    grid = ["济宁设立了多少个乡镇环境监管网格？", "配备了多少名网格员？"]  # the second asks a detail of Jining's grid
    assert ask("南阳呢？", grid, knowledge).text == "南阳设立了多少个乡镇环境监管网格？"
    english = ["How many township grid cells did Jining set up?", "How many grid inspectors work in them?"]
    assert ask("And in Nanyang?", english, knowledge).text == "How many township grid cells did Nanyang set up?"
    # a follow-up on another topic (no shared word), or one that names its own city, is the latest question
    bonds = ["湘潭获得了环境保护部和湖南省环保厅多少资金支持？", "又发行了多少专项债券？"]
    assert ask("那济宁呢？", bonds, knowledge).text == "济宁又发行了多少专项债券？"
    boilers = ["大连拆除了多少台燃煤锅炉？", "大连锅炉整治削减了多少二氧化硫？"]
    assert ask("那济宁呢？", boilers, knowledge).text == "济宁锅炉整治削减了多少二氧化硫？"
    # an ellipsis asks the same question of another thing: the latest one stays the frame
    gases = ["大连锅炉整治削减了多少二氧化硫？", "氮氧化物呢？"]
    assert ask("那济宁呢？", gases, knowledge).text == "济宁锅炉整治削减了多少氮氧化物？"


def test_the_host_is_named_by_their_part_in_the_dialogue():
    host = Speaker("中国环境报", "主持人（中国环境报社总编辑刘树国）", "", "主持人")
    knowledge = build_knowledge([*SPEAKERS, host], TEXTS, LEXICON)
    assert knowledge.find("主持人是谁？")[0].entity.name == "中国环境报"
    # (session 30) written by their part in the dialogue, 主持人, not the newspaper the transcript labels them with
    he = ask("他怎么看环境保护和经济发展的关系？", ["主持人是谁？"], knowledge)
    assert he.text == "主持人怎么看环境保护和经济发展的关系？" and he.focus == Focus("中国环境报")
    assert ask("What did they say at the end?", ["Who is the moderator?"], knowledge).focus == Focus("中国环境报")
    # a speaker who hosts nothing is not the host
    assert not any(m.entity.name == "中国环境报" for m in build_knowledge(SPEAKERS, TEXTS, LEXICON).find("主持人是谁？"))


def test_possessives_and_general_nouns_point_back(knowledge):
    # its after a preposition names no thing of its own question: 'the head of its bureau'
    assert ask("Who is the head of its environmental bureau?", ["What is the population of Jining?"], knowledge).text == (
        "Who is the head of Jining's environmental bureau?"
    )
    assert ask("What did its director say?", ["What is the population of Jining?"], knowledge).text == "What did Jining's director say?"
    # after a preposition other than of, a body the question describes for itself is what its points at
    standalone = "What value has the landscaping firm held at its core since it was founded?"
    assert ask(standalone, ["大连拆除了多少台燃煤锅炉？"], knowledge).text == standalone
    assert ask("What did the bureau do with its funds?", ["How much did Xiangtan raise?"], knowledge).text == (
        "What did the bureau do with Xiangtan's funds?"
    )
    # ... but once the question has written its referent, its is that one
    assert ask("What did that firm say about its values?", ["Tell me about Pubang."], knowledge).text == (
        "What did Pubang say about its values?"
    )
    # 这项工作 / 这些措施: so general a noun points at the last turn's subject; a specific one only when asked before
    assert ask("这项工作由哪些部门参与？", ["大连淘汰了多少辆黄标车？"], knowledge).text == "大连的工作由哪些部门参与？"
    assert ask("这个协议的目标是什么？", ["大连拆除了多少台锅炉？"], knowledge).text == "这个协议的目标是什么？"


def test_a_bare_name_or_a_name_with_a_pro_predicate_is_an_ellipsis(knowledge):
    dalian = ["大连拆除了多少台燃煤锅炉？"]
    for question in ("济宁？", "那济宁那边呢？", "济宁的情况呢？", "济宁又怎么样？", "同样的问题，济宁呢？"):
        assert ask(question, dalian, knowledge).text == "济宁拆除了多少台燃煤锅炉？", question
    english = ["How many coal-fired boilers did Dalian dismantle?"]
    for question in ("Jining?", "And Jining then?", "Same question for Jining.", "Jining too?", "Did Jining do the same?"):
        assert ask(question, english, knowledge).text == "How many coal-fired boilers did Jining dismantle?", question
    # 怎么说 / 是怎么做的 / 也是这样吗: the words besides the name only point back at the last question's predicate
    assert ask("那王奇怎么说？", ["许伟怎么看待网格化监管？"], knowledge).text == "王奇怎么看待网格化监管？"
    assert ask("南阳是怎么做的？", ["大连是怎么落实党政同责的？"], knowledge).text == "南阳是怎么落实党政同责的？"
    assert ask("How did Xiangtan do it?", ["How did Dalian carry out joint inspections?"], knowledge).text == (
        "How did Xiangtan carry out joint inspections?"
    )
    # a name with a predicate of its own is a question of its own
    assert ask("南阳是怎么推行河长制的？", ["大连是怎么落实党政同责的？"], knowledge).text == "南阳是怎么推行河长制的？"


def test_a_thing_with_de_replaces_the_thing_asked_a_verb_with_de_qualifies_it(knowledge):
    gases = ["大连锅炉整治削减了多少二氧化硫？"]
    assert ask("烟尘的呢？", gases, knowledge).text == "大连锅炉整治削减了多少烟尘？"
    assert ask("那提标改造的呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "大连拆除了多少台提标改造的燃煤锅炉？"
    sources = ["济宁纳入导则体系整治的污染源有多少家？"]  # nothing after the measure word: the verb follows it
    assert ask("关停的呢？", sources, knowledge).text == "济宁纳入导则体系整治的污染源有多少家关停？"
    english = ["How many township grid cells did Jining set up?"]
    assert ask("And how many full-time grid inspectors?", english, knowledge).text == (
        "How many full-time grid inspectors did Jining set up?"
    )


def test_it_is_a_place_or_company_never_a_person(knowledge):
    assert ask("How much water has it sent north?", ["Which city is Wang Qi from?"], knowledge).text == (
        "How much water has Nanyang sent north?"
    )
    assert ask("它有多少年历史？", ["区锦雄是做什么的？"], knowledge).text == "普邦园林有多少年历史？"


def test_a_question_that_asked_which_city_or_company_makes_it_the_topic(knowledge):
    assert ask("其专项债券发行了多少？", ["苏国军是哪个市的局长？"], knowledge).text == "湘潭的专项债券发行了多少？"
    assert ask("他们有多少年历史？", ["区锦雄在哪家公司工作？"], knowledge).text == "普邦园林有多少年历史？"
    assert ask("他是哪里人？", ["区锦雄在哪家公司工作？"], knowledge).text == "区锦雄是哪里人？"  # 他 is still the person


def test_more_ways_to_refer_back(knowledge):
    assert ask("该局出台了什么文件？", ["张海冰是哪个局的局长？"], knowledge).text == "大连出台了什么文件？"
    assert ask("他们那里以前的河水是什么样的？", ["区锦雄是哪里人？"], knowledge).text == "广州以前的河水是什么样的？"
    assert ask("How many traffic police were deployed there?", ["What did Dalian do about yellow-label vehicles?"], knowledge).text == (
        "How many traffic police were deployed in Dalian?"
    )
    assert ask("Are there any rules?", ["What did Dalian do about yellow-label vehicles?"], knowledge).text == "Are there any rules?"
    assert ask("What did this director say about big data?", ["Who runs the Jining bureau?"], knowledge).text == (
        "What did Xu Wei say about big data?"
    )
    # a pronoun in a fragment: a question about the referent, not another thing in the last question's place
    assert ask("What about his view on funding?", ["Who heads the Jining bureau?"], knowledge).text == (
        "What about Xu Wei's view on funding?"
    )


def test_english_rewrites_write_people_in_pinyin_and_drop_the_opening_and(knowledge):
    assert knowledge.get("张海冰").label(False) == "Zhang Haibing" and knowledge.get("大连").label(False) == "Dalian"
    assert ask("And what does he think about big data?", ["Who heads the Jining bureau?"], knowledge).text == (
        "What does Xu Wei think about big data?"
    )
    assert ask("What about Wang Qi?", ["What did Zhang Haibing say about boilers?"], knowledge).text == (
        "What did Wang Qi say about boilers?"
    )


def test_a_switch_carries_the_speakers_other_names_along(knowledge):
    assert ask("王奇的呢？", ["许伟介绍了济宁的什么经验？"], knowledge).text == "王奇介绍了南阳的什么经验？"
    assert ask("那南阳呢？", ["许伟介绍了济宁的什么经验？"], knowledge).text == "王奇介绍了南阳的什么经验？"


def test_a_short_question_that_leans_on_the_last_one_gets_its_subject(knowledge):
    gases = ["大连锅炉整治削减了多少二氧化硫？"]
    assert ask("烟尘削减了多少？", gases, knowledge).text == "大连锅炉整治烟尘削减了多少？"  # shares 削减
    assert ask("提标改造了多少台？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "大连提标改造了多少台？"  # counts, naming nothing
    assert ask("向北方供水多少？", ["南阳的水质怎么样？"], knowledge).text == "南阳向北方供水多少？"  # opens with a preposition
    assert ask("为什么要这样做？", ["湘潭确定了哪些治理片区？"], knowledge).text == "湘潭为什么要这样做？"  # 这样
    assert ask("How many inspectors work in the grid cells?", ["How many grid cells did Jining set up?"], knowledge).text == (
        "How many inspectors work in the grid cells in Jining?"
    )
    assert ask("How many were upgraded?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "How many coal-fired boilers were upgraded in Dalian?"
    )
    # ... but not one that asks which city, one that counts a thing it names, or one that shares nothing
    for question in ("哪个城市拆除了1416台燃煤锅炉？", "刘树国的联系电话是多少？", "党政同责是什么意思？", "Which city dismantled 1416 boilers?"):
        assert ask(question, ["大连拆除了多少台燃煤锅炉？"], knowledge).text == question


def test_a_traditional_question_is_read_in_simplified_characters(knowledge):
    assert ask("濟寧呢？", ["大連拆除了多少台燃煤鍋爐？"], knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("區錦雄年輕時常到哪條江游泳？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "區錦雄年輕時常到哪條江游泳？"


def test_an_object_it_is_the_thing_talked_about_not_a_name(knowledge):
    defined = ["What is the river chief system?"]
    assert ask("Who introduced it?", defined, knowledge).text == "Who introduced the river chief system?"
    assert ask("What did they do about it?", ["How did Jining cut air pollution?"], knowledge).text == "What did Jining do about it?"
    assert ask("How many of them were scrapped?", ["How many boilers did Dalian dismantle?"], knowledge).text == (
        "How many of them were scrapped?"
    )
    assert ask("How old is it?", ["What is Pubang's core value?"], knowledge).text == "How old is Pubang?"  # a subject


def test_a_time_word_replaces_the_time_of_the_last_question(knowledge):
    assert ask("现在呢？", ["张海冰认为环保局以前有什么问题？"], knowledge).text == "张海冰认为环保局现在有什么问题？"


def test_a_prepositional_fragment_replaces_the_phrase_with_that_preposition(knowledge):
    history = ["How much funding did Xiangtan get from the ministry?"]
    assert ask("And from the banks?", history, knowledge).text == "How much funding did Xiangtan get from the banks?"


def test_a_name_with_only_the_last_questions_words_asks_it_again(knowledge):
    platforms = ["济宁开通了哪些举报平台？"]
    for question in ("南阳有类似的做法吗？", "南阳也有吗？", "南阳有没有？"):
        assert ask(question, platforms, knowledge).text == "南阳开通了哪些举报平台？", question
    assert ask("济宁有没有发行？", ["湘潭发行了多少专项债券？"], knowledge).text == "济宁发行了多少专项债券？"
    english = ["What reporting platforms did Jining open?"]
    for question in ("Did Nanyang do something similar?", "Does Nanyang have any?", "Did Nanyang open any?"):
        assert ask(question, english, knowledge).text == "What reporting platforms did Nanyang open?", question
    # the same name asking again in its own words is searched as typed
    assert ask("区锦雄年轻时常到哪条江游泳？", ["区锦雄年轻时常去哪条江游泳？"], knowledge).text == "区锦雄年轻时常到哪条江游泳？"


def test_an_omitted_subject_is_the_last_questions_leading_noun_phrase(knowledge):
    fines = ["济宁环保系统立案处罚了多少起环境违法行为？"]
    assert ask("一共罚了多少钱？", fines, knowledge).text == "济宁环保系统立案一共罚了多少钱？"
    gases = ["大连锅炉整治削减了多少二氧化硫？"]
    assert ask("烟尘削减了多少呢？", gases, knowledge).text == "大连锅炉整治烟尘削减了多少呢？"  # 呢 after the count
    bonds = ["湘潭发行了多少专项债券？"]  # 配套 is tagged an adjective; 了 makes a predicate of it
    assert ask("银行配套了多少？", bonds, knowledge).text == "湘潭银行配套了多少？"
    # a subject that does not open with the name is not carried: the name alone is
    assert ask("又发行了多少专项债券？", ["环境保护部给了湘潭多少资金？"], knowledge).text == "湘潭又发行了多少专项债券？"


def test_a_leading_na_is_then_not_that(knowledge):
    question = "那企业代表区锦雄讲的公司核心价值观是什么？"
    assert ask(question, ["苏国军提到了什么？"], knowledge).text == question
    assert ask("那家公司有多少年历史？", ["区锦雄在哪家公司？"], knowledge).text == "普邦园林有多少年历史？"


def test_and_with_a_question_of_its_own_is_not_a_fragment(knowledge):
    question = "And what happened in Xiangtan's Zhubugang area?"
    assert ask(question, ["How many polluters did Jining shut down?"], knowledge).text == question


def test_the_city_a_question_asks_for_is_its_answer_not_a_province_it_names(knowledge):
    history = ["Which city lies where Henan, Hubei and Shaanxi meet?"]
    assert ask("What rules did its leading group set up?", history, knowledge).text == "What rules did its leading group set up?"
    answered = ask("What rules did its leading group set up?", history, knowledge, answered_by=lambda q: "王奇")
    assert answered.text == "What rules did Nanyang's leading group set up?"


def test_an_english_fragment_replaces_the_phrase_with_its_head_noun(knowledge):
    history = ["What happened to the companies in Xiangtan's Zhubugang area?"]
    assert ask("What about the century-old manganese mine area?", history, knowledge).text == (
        "What happened to the companies in Xiangtan's century-old manganese mine area?"
    )


def test_a_name_with_a_topic_of_its_own_asks_about_that_topic(knowledge):
    # the last question's predicate (拆除…燃煤锅炉) does not fit the fragment's own topic (网格员): it is left out
    assert ask("那济宁的网格员呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "济宁的网格员有多少？"
    assert ask("湘潭的考核呢？", ["大连怎么问责？"], knowledge).text == "湘潭的考核怎么样？"
    assert ask("南阳的环保局长呢？", ["湘潭的重金属治理由谁牵头？"], knowledge).text == "南阳的环保局长是谁？"
    question = "What about Jining's grid inspectors?"
    assert ask(question, ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == question
    # ... but a part of a place stands in the place's stead and keeps the predicate (the part of the place named
    # before it, the middle-route source in Nanyang, is replaced whole)
    history = ["What water quality class has the middle-route source in Nanyang kept?"]
    assert ask("And the Xiangtan stretch of the Xiang River?", history, knowledge).text == (
        "What water quality class has the Xiangtan stretch of the Xiang River kept?"
    )


def test_asking_for_more_asks_the_latest_question_again(knowledge):
    for question in ("还有呢？", "还有别的吗？", "其他呢？"):
        assert ask(question, ["许伟提到了哪些措施？"], knowledge).text == "许伟提到了哪些措施？", question
    for question in ("Tell me more.", "What else?", "Anything else?"):
        assert ask(question, ["What measures did Xu Wei mention?"], knowledge).text == "What measures did Xu Wei mention?", question
    assert ask("还有呢？", [], knowledge).text == "还有呢？"


def test_an_ordinal_fragment_asks_for_that_point_of_the_latest_speaker(knowledge):
    assert ask("第二点呢？", ["王奇提到了哪几个方面的工作？"], knowledge).text == "王奇提到的第二点是什么？"
    assert ask("And the second point?", ["What did Wang Qi say about planning?"], knowledge).text == "What is Wang Qi's second point?"


def test_a_general_noun_after_a_name_asks_the_same_question(knowledge):
    history = ["What did Jining do about air pollution?"]
    assert ask("And what about Dalian's approach?", history, knowledge).text == "What did Dalian do about air pollution?"
    assert ask("大连的做法呢？", ["济宁怎么治理大气污染？"], knowledge).text == "大连怎么治理大气污染？"


def test_an_object_it_may_be_what_the_last_question_was_about(knowledge):
    history = ["What did Zhang Haibing say about accountability?"]
    assert ask("Did Su Guojun say anything about it?", history, knowledge).text == "Did Su Guojun say anything about accountability?"


def test_a_pronoun_and_a_bare_count_are_both_completed(knowledge):
    assert ask("他们发了多少？", ["湘潭发行了多少专项债券？"], knowledge).text == "湘潭发了多少专项债券？"
    assert ask("How many did they upgrade?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "How many coal-fired boilers did Dalian upgrade?"
    )


def test_an_english_pronoun_of_a_name_in_its_own_question_is_left_alone(knowledge):
    dalian = ["大连拆除了多少台燃煤锅炉？"]
    for question in (
        "How is Chengdu protecting its giant pandas?",  # a proper noun the index does not know
        "Under its Five Waters opinion, which system did Nanyang roll out everywhere?",  # the name comes after
    ):
        assert ask(question, dalian, knowledge).text == question
    assert ask("What did the Ministry give him?", ["Who heads the Jining bureau?"], knowledge).text == "What did the Ministry give Xu Wei?"


def test_gai_diqu_is_the_place(knowledge):
    assert ask("该地区有多少家企业退出？", ["苏国军是哪个市的局长？"], knowledge).text == "湘潭有多少家企业退出？"


def test_slips_and_lower_case_names_in_an_english_ellipsis(knowledge):
    history = ["How many coal-fired boilers did Dalian dismantle?"]
    assert ask("What abot Jining?", history, knowledge).text == "How many coal-fired boilers did Jining dismantle?"
    assert ask("what about wang qi", ["What did Xu Wei say about the boilers?"], knowledge).text == (
        "What did Wang Qi say about the boilers?"
    )


def test_an_ellipsis_that_mixes_languages_is_completed(knowledge):
    assert ask("What about 济宁?", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("那Jining呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("那Zhang Haibing呢？", ["许伟提到了什么措施？"], knowledge).text == "张海冰提到了什么措施？"  # more Latin than CJK


def test_a_fragment_in_the_other_language_is_asked_in_its_own(knowledge):
    lexicon = LEXICON | {"soot": ["烟尘"], "grid": ["网格"], "officers": ["干部"], "fines": ["处罚"]}

    def across(question, history):
        return rewrite(question, history, knowledge, lexicon=lexicon).text

    # an English thing the lexicon does not say whole in one Chinese word: an English question of the latest city
    assert across("What about fishermen?", ["湘潭关停了多少家化工企业？"]) == "How many fishermen in Xiangtan?"
    assert across("And the grid officers?", ["大连拆除了多少台燃煤锅炉？"]) == "How many grid officers in Dalian?"
    assert across("And the money from the ministry?", ["湘潭发行了多少专项债券？"]) == (
        "How much money from the ministry in Xiangtan?"
    )
    assert across("And the water quality?", ["南阳向北方供了多少水？"]) == "What is the water quality in Nanyang?"
    assert across("And the ones upgraded?", ["大连拆除了多少台燃煤锅炉？"]) == "How many 燃煤锅炉 upgraded in Dalian?"
    assert across("And its core values?", ["普邦园林的历史有多少年？"]) == "What are Pubang's core values?"
    # one the lexicon says in one word takes the Chinese thing's place, as 烟尘呢？ would
    assert across("And the soot?", ["大连锅炉整治削减了多少氮氧化物？"]) == "大连锅炉整治削减了多少烟尘？"
    # a Chinese fragment after an English question is asked in Chinese
    assert across("那烟尘呢？", ["How much NOx did Dalian's boiler campaign cut?"]) == "大连的烟尘是多少？"
    assert across("工作小组呢？", ["How many cadres did Xiangtan draw?"]) == "湘潭的工作小组有多少？"
    assert across("核心价值观呢？", ["How many years of history does Pubang have?"]) == "普邦园林的核心价值观是什么？"
    # an acronym says no language: it is asked as the question it follows asks (as 烟尘呢？ is)
    assert across("PM2.5呢？", ["大连锅炉整治削减了多少烟尘？"]) == "大连锅炉整治削减了多少PM2.5？"
    assert across("And the moderator?", ["主持人是谁？"]) != "主持人是谁？ the moderator？"
    # names still switch in the question's own language
    assert across("What about Jining?", ["大连拆除了多少台燃煤锅炉？"]) == "济宁拆除了多少台燃煤锅炉？"


def test_a_pronoun_said_before_the_name_it_means_is_dropped(knowledge):
    result = ask("他们南阳自己一年用多少水", ["王奇局长说南阳向北方供了多少水？"], knowledge)
    assert result.text == "南阳自己一年用多少水" and "王奇" not in result.text
    assert ask("他们湘潭发行了多少专项债券？", ["苏国军是哪个城市的？"], knowledge).text == "湘潭发行了多少专项债券？"


def test_a_city_pronoun_is_not_a_province_of_its_own_question(knowledge):
    result = ask("湖南省环保厅给了该市多少资金？", ["湘潭发行了多少专项债券？"], knowledge)
    assert result.text == "湖南省环保厅给了湘潭多少资金？"


def test_its_in_a_title_case_question_refers_back(knowledge):
    result = ask("What Cuts Came From its Coal-Fired Boiler Campaign?", ["What did Dalian do about old vehicles?"], knowledge)
    assert result.text == "What Cuts Came From Dalian's Coal-Fired Boiler Campaign?"


def test_things_the_question_points_at_are_not_the_city(knowledge):
    result = ask("对那些信用差的排污企业，该市让它们付出什么代价？", ["南阳出台了什么意见？"], knowledge)
    assert result.text == "对那些信用差的排污企业，南阳让它们付出什么代价？"


def test_a_place_said_twice_is_written_once(knowledge):
    assert ask("该市那边锅炉拆了多少啊？", ["大连出台了什么意见？"], knowledge).text == "大连锅炉拆了多少啊？"
    assert ask("Which company does this speaker work for, and what is his position?", ["区锦雄年轻时常去哪条江游泳？"],
               knowledge).text == "Which company does Ou Jinxiong work for, and what is his position?"


def test_a_relative_that_is_no_pronoun(knowledge):
    result = ask("What happens in that city to companies that are caught polluting again?", ["What did Jining do about boilers?"],
                 knowledge)
    assert result.text == "What happens in Jining to companies that are caught polluting again?"


def test_an_omitted_subject_after_na_and_the_subject_phrase_only_when_the_topic_carries_on(knowledge):
    assert ask("那要建立怎样的责任体系？", ["南阳如何用不耗水的产业替换掉用水大户？"], knowledge).text == "南阳要建立怎样的责任体系？"
    assert ask("淘汰黄标车动用了多少交警？", ["大连督查组多久督察一次？"], knowledge).text == "大连淘汰黄标车动用了多少交警？"
    assert ask("又处罚了多少人？", ["济宁环保系统立案处罚了多少起环境违法行为？"], knowledge).text == "济宁环保系统立案又处罚了多少人？"
    assert ask("他们那批炉子整治完花了多长时间？", ["大连出台了什么意见？"], knowledge).text == "大连那批炉子整治完花了多长时间？"


def test_a_name_typed_with_a_homophone_is_heard_as_the_name(knowledge):
    assert ask("那济凝呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    assert ask("湘谈呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "湘潭拆除了多少台燃煤锅炉？"
    assert ask("烟尘呢？", ["大连锅炉整治削减了多少二氧化硫？"], knowledge).text == "大连锅炉整治削减了多少烟尘？"  # a thing


def test_a_question_that_asks_for_a_company_makes_the_company_the_topic(knowledge):
    history = ["What is the name of the Guangzhou landscaping company at the forum?"]
    assert ask("What was its revenue in 2016?", history, knowledge).text == "What was Pubang's revenue in 2016?"
    assert ask("它成立多少年了？", ["广州那家园林公司叫什么？"], knowledge).text == "普邦园林成立多少年了？"


def test_a_question_that_opens_with_a_name_the_index_does_not_know_stands_alone(knowledge):
    assert not ask("云南洱海保护采取了哪些措施？", ["湘潭发行了多少专项债券？", "他还提到了什么措施？"], knowledge).changed


def test_this_and_a_noun_only_the_answer_named_points_at_the_latest_entity(knowledge):
    history = ["湘潭百年锰矿地区现在变成了什么？"]
    said = "百年锰矿变成了国家矿山地质公园。"
    result = ask("这个地质公园什么时候对外开放的？", history, knowledge, answer_of=lambda q: said)
    assert result.text == "湘潭的地质公园什么时候对外开放的？"
    assert not ask("这个地质公园什么时候对外开放的？", history, knowledge).changed  # no answer to look at
    assert not ask("这个博物馆什么时候开放？", history, knowledge, answer_of=lambda q: said).changed  # the answer never named it


def test_a_long_question_that_opens_with_its_predicate_leaves_out_its_subject(knowledge):
    # a verb with an aspect marker, or a preposition that says what someone did: the subject is left out at any length
    assert ask("出台了什么意见来推进全域水污染防治？", ["南阳明年在治水方面有什么打算？"], knowledge).text == (
        "南阳出台了什么意见来推进全域水污染防治？"
    )
    assert ask("把治理突出污染问题列为什么工程？", ["湘潭对年终考核不合格的单位怎么处理？"], knowledge).text == (
        "湘潭把治理突出污染问题列为什么工程？"
    )
    # a long question that opens with a verb used as a noun has a subject of its own (超市 is tagged as a verb)
    assert not ask("超市塑料袋限塑令是哪一年实施的？", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed


def test_an_attribute_only_a_person_or_a_company_has_picks_the_linked_one(knowledge):
    # 哪里人 is a person's, 多少年历史的企业 a company's: the conversation's company or city stands for them
    assert ask("那是哪里人？", ["普邦园林的核心价值观是什么？"], knowledge).text == "区锦雄是哪里人？"
    assert ask("那是一家有多少年历史的企业？", ["广州当年治珠江花了多长时间多少钱啊？"], knowledge).text == (
        "普邦园林是一家有多少年历史的企业？"
    )
    assert ask("那局长是哪一年出生的？", ["哪条大河发源于南阳？"], knowledge).text == "王奇局长是哪一年出生的？"


def test_a_subjectless_question_about_a_thing_is_the_entitys_only_when_the_index_says_so(knowledge):
    question, history = "网格管理体系要杜绝哪些现象？", ["南阳企业环境信用评价的结果在哪些网站公布？"]
    passage = "南阳的网格管理体系要杜绝推诿扯皮、不作为等现象。"
    owned = ask(question, history, knowledge, owner_of=lambda text: ("王奇", passage))
    assert owned.text == "南阳网格管理体系要杜绝哪些现象？" and owned.focus == Focus("王奇")
    assert not ask(question, history, knowledge, owner_of=lambda text: ("许伟", passage)).changed  # another's thing
    assert not ask(question, history, knowledge, owner_of=lambda text: ("王奇", "南阳的水质稳定。")).changed  # says too little
    # a question that points at its own subject (这位…), or names a person by surname and title, is left alone
    assert not ask("这位园林企业高管想说明什么道理？", ["区锦雄在哪家公司工作？"], knowledge,
                   owner_of=lambda text: ("区锦雄", "这位园林企业高管想说明什么道理")).changed
    assert not ask("张局长说环保局以前是个啥处境？", ["大连拆除了多少台燃煤锅炉？"], knowledge,
                   owner_of=lambda text: ("张海冰", "张局长说环保局以前是个啥处境")).changed


def test_an_opening_that_only_says_the_question_carries_on_is_dropped(knowledge):
    # 另外，/ 再问一下，/ 对了，: the question after it leaves out its subject; the opening is not searched
    assert ask("另外，要建立怎样的水污染防治责任体系？", ["南阳如何用不耗水的产业替换掉用水大户？"], knowledge).text == (
        "南阳要建立怎样的水污染防治责任体系？"
    )
    assert ask("再问一下，淘汰黄标车出动了多少名交警？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == (
        "大连淘汰黄标车出动了多少名交警？"
    )
    assert ask("对了，济宁呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "济宁拆除了多少台燃煤锅炉？"
    # an opening that names a place is no such opening: 回到湘潭 says what the question is about
    assert not ask("回到湘潭，区里抽了多少干部？", ["济宁配了多少名专职环保网格员？"], knowledge).changed


def test_an_english_follow_up_without_its_place_gets_a_place_or_company_never_a_person(knowledge):
    # And … in 2016?: 'in' Dalian, not 'in Zhang Haibing'
    history = ["In Zhang Haibing's view, what is the environment bureau to the government?"]
    assert ask("And what was the average PM2.5 concentration in 2016?", history, knowledge).text == (
        "What was the average PM2.5 concentration in 2016 in Dalian?"
    )
    assert ask("By the way, how many vehicles were scrapped?", ["How many boilers did Dalian dismantle?"], knowledge).text == (
        "How many vehicles were scrapped in Dalian?"
    )


def test_an_english_question_about_a_thing_of_the_latest_city_gets_it_when_the_index_says_so(knowledge):
    history, question = ["Why was Jining under so much pressure early in 2016?"], "How much money went into the new monitoring stations?"
    passage = "济宁投入资金建设新的空气自动监测站"  # says 资金 (money), 监测站 (monitoring stations)
    lexicon = LEXICON | {"money": ["资金"], "monitoring": ["监测"], "station": ["站"], "stations": ["监测站"], "new": ["新"]}
    owned = rewrite(question, history, knowledge, lexicon=lexicon, owner_of=lambda text: ("许伟", passage))
    assert owned.text == "How much money went into the new monitoring stations in Jining?"
    # a capitalised name of its own (China) is its subject: left alone whatever the index says
    assert not rewrite("How much carbon dioxide did China emit?", history, knowledge, lexicon=lexicon,
                       owner_of=lambda text: ("许伟", passage)).changed


def test_a_question_that_opens_with_a_verb_of_saying_is_about_the_latest_person(knowledge):
    # only a person says or thinks: 湘潭 in the last question stands for its speaker 苏国军
    assert ask("认为环保部门手里数据零零散散的问题该怎么解决？", ["湘潭退出企业关停指挥部抽调了多少干部？"], knowledge).text == (
        "苏国军认为环保部门手里数据零零散散的问题该怎么解决？"
    )


def test_a_thing_after_a_question_that_asked_which_company_is_that_companys(knowledge):
    assert ask("And the core values?", ["Which company does Ou Jinxiong work for?"], knowledge).text == (
        "What are Pubang's core values?"
    )
    assert ask("核心价值观呢？", ["区锦雄在哪家公司工作？"], knowledge).text == "普邦园林的核心价值观是什么？"


def test_a_question_that_asks_who_holds_a_speakers_title_gets_the_latest_place(knowledge):
    # 局长 is a title of the index's speakers: the latest city's 局长
    assert ask("这个局长叫什么？", ["湘潭发行了多少专项债券？"], knowledge).text == "湘潭局长叫什么？"
    assert ask("局长是谁？", ["How much did Xiangtan raise in bonds?", "湘潭发行了多少专项债券？"], knowledge).text == "湘潭局长是谁？"
    assert not ask("局长都说了什么？", ["湘潭发行了多少专项债券？"], knowledge).reason.startswith("omitted subject: the")


def test_a_name_with_part_of_the_last_questions_verb_asks_it_again_and_what_did_x_do_has_no_object(knowledge):
    assert ask("那南阳有没有发？", ["湘潭发行了多少专项债券？"], knowledge).text == "南阳发行了多少专项债券？"  # 发 of 发行
    # 'did Nanyang' is no thing asked about: a place fragment is added, it replaces nothing
    done = ask("what about the Huai River?", ["What did Nanyang do to protect the water source?"], knowledge).text
    assert done.startswith("What did Nanyang do to protect the water source")


def test_a_name_and_a_count_in_the_last_questions_measure_word_counts_its_thing(knowledge):
    history = ["大连锅炉整治少排了多少烟尘？", "济宁取缔或改造了多少台燃煤小锅炉？"]
    assert ask("那大连全市一共拆了多少台？", history, knowledge).text == "大连全市一共拆了多少台燃煤小锅炉？"
    # another measure word, or the thing already named (锅炉 of 燃煤锅炉): as typed
    assert not ask("济宁纳入导则体系的污染源关停了多少家？", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed
    assert not ask("济宁那边烧煤的小锅炉处理了多少台？", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed


def test_they_after_a_count_of_people_are_those_people(knowledge):
    history = ["济宁配备了多少名专职环保网格员？"]
    assert ask("他们的职责是什么？", history, knowledge).text == "济宁专职环保网格员的职责是什么？"
    assert ask("What do they do?", ["How many full-time grid staff does Jining have?"], knowledge).text == (
        "What do the full-time grid staff in Jining do?"
    )
    # boilers do nothing: they are the city that dismantled them
    assert ask("What else did they do?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "What else did Dalian do?"
    )


def test_a_question_that_opens_with_a_persons_attribute_is_about_the_latest_person(knowledge):
    assert ask("小时候在哪游泳？", ["普邦园林的副总裁是谁？"], knowledge).text == "区锦雄小时候在哪游泳？"
    # a name first (a slip the index does not know) is the question's own subject
    assert not ask("区锦熊年轻时常去哪里游泳？", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed


def test_a_nouns_side_is_no_place_pronoun_and_similar_rules_ask_again(knowledge):
    assert ask("银行那边配套了多少？", ["湘潭发行了多少专项债券？"], knowledge).text == "湘潭银行那边配套了多少？"
    assert ask("湘潭有类似的制度吗？", ["南阳是怎样推行河长制的？"], knowledge).text == "湘潭是怎样推行河长制的？"


def test_a_thing_the_last_question_did_not_count_goes_with_its_subject(knowledge):
    assert ask("水质呢？", ["南阳的水源地向北方累计供水约多少？"], knowledge).text == "南阳水质怎么样？"


def test_a_question_that_first_turns_to_a_city_is_completed_about_it(knowledge):
    history = ["大连锅炉整治少排了多少烟尘？", "济宁取缔或改造了多少台燃煤小锅炉？"]
    assert ask("回到大连，一共拆了多少台？", history, knowledge).text == "大连一共拆了多少台燃煤小锅炉？"
    assert ask("Now Jining — how many boilers?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "How many coal-fired boilers did Jining dismantle?"
    )
    assert ask("Back to Xiangtan: how much did the banks add?", ["What did Jining invest in?"], knowledge).text == (
        "How much did the banks add in Xiangtan?"
    )
    # a head that says more than whom it turns to is no such head; a complete question after it is searched as typed
    assert not ask("在济宁，群众揭发污染行为能拿到奖励吗？", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed


def test_a_bare_question_word_asks_it_of_the_latest_question(knowledge):
    # asked as a reader would type it: the question word in the place of the count, no prefix glued on
    assert ask("为什么？", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "大连为什么拆除燃煤锅炉？"
    assert ask("怎么做到的？", ["济宁一共配备了多少名专职环保网格员？"], knowledge).text == "济宁怎么配备专职环保网格员？"
    assert ask("为什么？", ["济宁出台了什么有奖举报办法？"], knowledge).text == "济宁出台了什么有奖举报办法，为什么？"
    assert ask("Why?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "Why did Dalian dismantle coal-fired boilers?"
    )
    assert ask("How come?", ["How many vehicles were scrapped in Dalian?"], knowledge).text == "Why were vehicles scrapped in Dalian?"
    assert ask("When?", ["How much money did Xiangtan raise through bonds?"], knowledge).text == (
        "When did Xiangtan raise money through bonds?"
    )
    assert ask("Why?", ["How did Dalian cut its emissions?"], knowledge).text == "Why did Dalian cut its emissions?"
    assert ask("Why?", ["What did Dalian do about old vehicles?"], knowledge).text == "What did Dalian do about old vehicles, and why?"
    assert not ask("为什么要拆锅炉？", ["大连拆除了多少台燃煤锅炉？"], knowledge).reason.startswith("为什么 of")


def test_an_amount_fragment_asks_how_much_and_no_rewrite_opens_with_then(knowledge):
    history = ["济宁环保系统截至11月底立案处罚了多少起环境违法行为？"]
    # the word that only says 'amount' is left out: 是多少 asks for it, and the transcript rarely says 总额 or 人数
    assert ask("罚款金额呢？", history, knowledge).text == "济宁环保系统环境违法行为的罚款是多少？"
    assert ask("那处理的人数呢？", ["济宁环保公安联合查处了多少件案件？"], knowledge).text == "济宁环保公安案件处理了多少人？"
    # a count of a thing of its own (监测微站的数量) does not carry the thing asked about before (网格员)
    assert ask("监测微站的数量呢？", ["济宁配备了多少名专职环保网格员？"], knowledge).text == "济宁监测微站有多少？"
    assert "起的" not in ask("罚款总额呢？", ["济宁立案处罚了多少起？"], knowledge).text  # 起 counts, it is no thing
    assert ask("那大连全市一共拆了多少台？", ["济宁取缔或改造了多少台燃煤小锅炉？"], knowledge).text == (
        "大连全市一共拆了多少台燃煤小锅炉？"
    )


def test_a_name_after_a_question_that_names_nobody_is_asked_in_a_plain_question(knowledge):
    # no name glued on in brackets or with a comma: the place is where it is asked, the person who says it
    assert ask("What about Jining?", ["How does the grid system work?"], knowledge).text == "How does the grid system work in Jining?"
    assert ask("济宁呢？", ["怎样治理农村面源污染？"], knowledge).text == "济宁怎样治理农村面源污染？"
    assert ask("What about Jining?", ["What is the river chief system?"], knowledge).text == (
        "What is the river chief system like in Jining?"
    )


def test_a_short_why_or_how_question_that_names_nothing_asks_it_of_the_latest_subject(knowledge):
    boilers = ["大连拆除了多少台燃煤锅炉？"]
    assert ask("为什么要拆？", boilers, knowledge).text == "大连为什么要拆燃煤锅炉？"
    assert ask("怎么拆的？", boilers, knowledge).text == "大连怎么拆的？"
    assert not ask("为什么要实行河长制？", boilers, knowledge).changed  # names its own topic: stands alone
    assert not ask("怎么办？", boilers, knowledge).changed


def test_an_outcome_or_what_was_done_is_the_latest_entitys(knowledge):
    summoned = ["济宁被约谈以后做了什么？"]
    assert ask("效果怎么样？", summoned, knowledge).text == "济宁的效果怎么样？"
    assert ask("有什么效果？", ["南阳的河长制是怎么推行的？"], knowledge).text == "南阳有什么效果？"
    assert ask("这些钱用来干什么？", ["湘潭发行了多少专项债券？"], knowledge).text == "湘潭的钱用来干什么？"
    assert ask("Did it work?", ["What did Jining do after it was summoned?"], knowledge).text == "Did it work in Jining?"
    assert ask("How should that be fixed?", ["What does Su Guojun think the bureaus lack?"], knowledge).text == (
        "How should that be fixed, according to Su Guojun?"
    )
    assert ask("Why was that necessary?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "Why was that necessary in Dalian?"
    )
    # it that does something is still the city: What did it do …? → What did Dalian do …?
    assert ask("What did it do about old cars?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "What did Dalian do about old cars?"
    )
    assert not ask("河长制是什么？", summoned, knowledge).changed


def test_a_bare_company_after_a_question_about_one_is_that_company(knowledge):
    assert ask("公司在哪里？", ["区锦雄是哪家公司的？"], knowledge).text == "普邦园林在哪里？"
    assert not ask("公司应该承担什么责任？", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed  # no company to be


def test_an_english_fragment_replaces_the_verbs_object_or_adds_its_phrase(knowledge):
    rural = ["How did Nanyang handle rural pollution?"]
    assert ask("What about urban sewage?", rural, knowledge).text == "How did Nanyang handle urban sewage?"
    assert ask("And in the cities?", rural, knowledge).text == "How did Nanyang handle rural pollution in the cities?"
    # it that was done to is the thing done, not the city; a company can be founded
    assert ask("When was it signed?", ["What did Xiangtan sign with Changsha?"], knowledge).text == "When was it signed in Xiangtan?"
    assert ask("When was it founded?", ["Which company does Ou Jinxiong work for?"], knowledge).text == "When was Pubang founded?"


def test_a_phrase_with_how_many_and_a_name_before_a_question(knowledge):
    assert ask("And in how many zones?", ["How many key cleanup projects did Xiangtan pick?"], knowledge).text == (
        "In how many zones did Xiangtan pick key cleanup projects?"
    )
    assert ask("And how many in the urban districts?", ["How many boilers did Dalian upgrade to stricter standards?"], knowledge).text == (
        "How many boilers did Dalian upgrade in the urban districts?"
    )
    assert ask("湘潭呢？区里抽调了多少干部？", ["济宁配备了多少名专职环保网格员？"], knowledge).text == "湘潭区里抽调了多少干部？"
    assert ask("下面设了几个小组？", ["湘潭的区里为企业退出成立了什么指挥部？"], knowledge).text == "湘潭下面设了几个小组？"


def test_that_thing_after_an_opening_that_carries_on_is_the_latest_entitys(knowledge):
    water = ["湘江湘潭段的水质现在达到什么标准？"]
    assert ask("对了，那个老锰矿后来变成啥了？", water, knowledge).text == "湘潭那个老锰矿后来变成啥了？"
    assert not ask("那个老锰矿后来变成啥了？", water, knowledge).changed  # no opening: 那个 points at nothing asked


def test_of_those_a_group_and_a_name_asked_before_its_question(knowledge):
    boilers = ["大连拆除了多少台燃煤锅炉？"]
    assert ask("其中市区有多少台？", boilers, knowledge).text == "大连拆除的燃煤锅炉中市区有多少台？"  # not 大连拆除了中…
    assert ask("How often did they go out?", ["What did Dalian's joint inspection team do?"], knowledge).text == (
        "How often did the joint inspection team in Dalian go out?"
    )
    assert ask("他们多久出去一次？", ["大连的联合督查组做了什么？"], knowledge).text == "大连联合督查组多久出去一次？"
    assert ask("他们是怎么做到的？", boilers, knowledge).text == "大连是怎么做到的？"  # no group: the city
    grid = ["济宁那个网格员到底招了多少人啊？"]  # people pointed at, not a body that is the subject: they are the city
    assert ask("他们第一季度是被环保部哪位领导约谈的？", grid, knowledge).text == "济宁第一季度是被环保部哪位领导约谈的？"
    grid = ["How many township grid cells did Jining set up?"]
    assert ask("What about Nanyang? Where is its water source?", grid, knowledge).text == "Where is Nanyang's water source?"


def test_it_after_which_document_is_that_document_and_the_number_takes_the_counted_thing(knowledge):
    document = ["Which Dalian document sets 13 binding indicators in 3 categories?"]
    assert ask("How many main tasks does it list?", document, knowledge).text == (
        "How many main tasks does the Dalian document list?"
    )
    assert ask("What else does it do?", ["Which Dalian official spoke first?"], knowledge).text != (
        "What else does the Dalian official do?"
    )
    boilers = ["How many boilers under ten tonnes did Dalian tear down by the end of October?"]
    assert ask("Right, and the number they upgraded rather than scrapped?", boilers, knowledge).text == (
        "And the number of boilers under ten tonnes Dalian upgraded rather than scrapped?"
    )
    assert "of boilers" not in ask("And the number of cars they scrapped?", boilers, knowledge).text
    assert ask("What is the total Jining invested?", boilers, knowledge).text == "What is the total Jining invested?"


def test_it_after_a_thing_someone_owns_is_that_thing_and_these_people_are_those_counted(knowledge):
    area = ["What did Xiangtan's manganese mining area become?"]
    assert ask("When did it open?", area, knowledge).text == "When did Xiangtan's manganese mining area open?"
    assert ask("How long did it take?", ["What did Dalian's boiler campaign cut?"], knowledge).text == (
        "How long did Dalian's boiler campaign take?"
    )
    assert ask("What did it do about boilers?", ["What did Dalian's mayor say?"], knowledge).text == (
        "What did Dalian do about boilers?"  # a person is no it: the city
    )
    assert ask("这些人都是干啥的？", ["济宁配备了多少名专职环保网格员？"], knowledge).text == "济宁专职环保网格员都是干啥的？"
    assert ask("Does it work?", ["What is the river chief system?"], knowledge).text == "Does the river chief system work?"
    assert ask("Was it worth it?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == (
        "Was it worth it in Dalian?"
    )


def test_a_thing_in_place_of_what_was_done_to_and_the_counted_things_doing_something(knowledge):
    assert ask("城市污水呢？", ["南阳是怎么治理农村面源污染的？"], knowledge).text == "南阳是怎么治理城市污水的？"
    assert ask("How many went to the police?", ["How many environmental violations did Jining penalise?"], knowledge).text == (
        "How many environmental violations went to the police in Jining?"
    )


def test_no_question_or_a_place_the_index_does_not_know_is_searched_as_typed(knowledge):
    assert not ask("呵呵呵呵呵呵呵", ["大连拆除了多少台燃煤锅炉？"], knowledge).changed
    boilers = ["How many coal-fired boilers did Dalian dismantle?"]
    assert not ask("How many coal-fired boilers did Changsha remove?", boilers, knowledge).changed


def test_it_after_a_subject_and_a_main_verb_is_an_object(knowledge):
    # Why did they do it?: they are Dalian, it is no city but what Dalian did (asked again with why, as Why? is)
    assert ask("Why did they do it?", ["How did Dalian cut its emissions?"], knowledge).text == "Why did Dalian cut its emissions?"


def test_a_name_or_which_city_after_a_what_is_question_asks_about_that_thing(knowledge):
    assert ask("南阳是怎么做的？", ["什么是河长制？"], knowledge).text == "南阳的河长制是怎样的？"
    assert ask("哪个城市推行了？", ["什么是河长制？"], knowledge).text == "哪个城市推行河长制？"


def test_an_english_thing_takes_the_place_of_the_means_the_last_question_ends_with(knowledge):
    assert ask("What about bank loans?", ["How much did Xiangtan raise in bonds?"], knowledge).text == (
        "How much did Xiangtan raise in bank loans?"
    )


def test_a_second_pronoun_for_the_referent_just_written_stays(knowledge):
    history = ["Does Nanyang run its village sewage plants itself?"]
    assert ask("Which sources does that city say it tackles at the same time?", history, knowledge).text == (
        "Which sources does Nanyang say it tackles at the same time?"
    )


def test_that_and_a_thing_the_index_gives_the_latest_entity_is_that_entitys(knowledge):
    passage = "南阳全面推行河长制，河长制是这样弄的"
    owned = ask("那那个河长制是咋弄的？", ["南阳给北方送了多少水啊？"], knowledge, owner_of=lambda text: ("王奇", passage))
    assert owned.text == "南阳那个河长制是咋弄的？"
    # a word jieba's dictionary tags as a name (小镇 is tagged nr) is the question's own subject
    town = "那个小镇搞完湿地以后发展得咋样？"
    assert not ask(town, ["区锦雄在哪家公司工作？"], knowledge, owner_of=lambda text: ("区锦雄", "小镇湿地以后发展")).changed


def test_a_relative_where_or_who_asks_for_no_entity(knowledge):
    question = "How big was the small town where the wetland project was built?"
    owned = rewrite(question, ["How long has Pubang been in business?"], knowledge, lexicon=LEXICON | {"town": ["小镇"]},
                    owner_of=lambda text: ("区锦雄", "普邦园林参与的小镇湿地项目"))
    assert owned.text == "How big was the small town where the wetland project was built in Pubang?"


def test_a_pronoun_after_a_head_that_turns_to_a_city_is_that_city(knowledge):
    history = ["Which river does Xiangtan's clean-up focus on?", "What about Nanyang?"]
    assert ask("Now Dalian: what did it do about old vehicles?", history, knowledge).text == (
        "What did Dalian do about old vehicles?"
    )


def test_the_same_count_of_another_thing_keeps_the_measure_word_and_what_is_said_of_it(knowledge):
    history = ["大连市的《规定》明确了几个市委工作部门的环保职责？"]
    expected = "大连市的《规定》明确了几个中直、省直单位的环保职责？"
    assert ask("那中直、省直单位有几个？", history, knowledge).text == expected
    assert ask("那中直、省直单位呢？", history, knowledge).text == expected  # 几 keeps its 个
    grid = ["南阳设立了多少个乡镇环境监管网格？"]
    assert ask("那村级网格有多少个？", grid, knowledge).text == "南阳设立了多少个村级网格？"
    # a place, a qualifier or a count of what was done is no other thing counted
    assert "家竹埠港" not in ask("那竹埠港有多少家？", ["湘潭有多少家企业退出？"], knowledge).text
    assert "名兼职的" not in ask("那兼职的有多少名？", ["济宁配备了多少名专职环保网格员？"], knowledge).text
    assert ask("烟尘呢？", ["大连锅炉整治削减了多少二氧化硫？"], knowledge).text == "大连锅炉整治削减了多少烟尘？"


def test_a_question_opening_with_an_adjective_before_its_verb_leaves_out_its_subject(knowledge):
    history = ["为了守住南水北调中线的水，南阳搞了个什么领导小组？"]
    assert ask("配套建了几项制度？", history, knowledge).text == "南阳配套建了几项制度？"


def test_its_after_a_question_about_a_thing_that_names_no_one_is_that_things(knowledge):
    forum = ["When was the 2016 national forum of environmental bureau chiefs held?"]
    assert ask("What was its theme?", forum, knowledge).text == "What was the theme of the 2016 national forum of environmental bureau chiefs?"
    assert ask("What is its goal?", ["What is the river chief system?"], knowledge).text == "What is the goal of the river chief system?"
    # a question that names a city keeps its city as the owner
    assert ask("What was its cost?", ["How many coal-fired boilers did Dalian dismantle?"], knowledge).text == "What was Dalian's cost?"


def test_a_question_that_looks_inside_something_is_inside_what_the_last_one_was_about(knowledge):
    document = ["大连出台的关于绿色发展的纲领性文件叫什么？"]
    assert ask("里面提出了多少项主要任务措施？", document, knowledge).text == "大连出台的关于绿色发展的纲领性文件中提出了多少项主要任务措施？"
    boilers = ["大连拆除了多少台燃煤锅炉？"]
    assert ask("其中市区拆了多少台？", boilers, knowledge).text == "大连拆除的燃煤锅炉中市区拆了多少台？"



def test_a_count_of_a_thing_of_its_own_takes_only_the_entity(knowledge):
    # the last question's leading phrase is carried on by a count of its topic, not by a count of another thing
    history = ["大连市区今年整治燃煤锅炉的任务量是多少台？"]
    assert ask("那淘汰黄标车出动了多少名交警？", history, knowledge).text == "大连淘汰黄标车出动了多少名交警？"
    assert ask("又罚了多少钱？", ["济宁环保系统立案处罚了多少起环境违法行为？"], knowledge).text.startswith("济宁环保系统")


def test_english_ones_is_the_thing_the_last_question_counted(knowledge):
    history = ["How many cases had Jining's environmental system opened by the end of November?"]
    done = ask("And the ones investigated jointly with the police?", history, knowledge).text
    assert "cases investigated jointly with the police" in done and "ones" not in done
    history = ["How many paper mills did Xiangtan shut down?"]
    assert ask("Which ones did Nanyang close?", history, knowledge).text == "Which paper mills did Nanyang close?"
    assert ask("Which ones are the most polluting?", ["What is the river chief system?"], knowledge).text == (
        "Which ones are the most polluting?"
    )


def test_an_english_pronoun_of_the_questions_own_thing_leaves_the_subject_to_the_conversation(knowledge):
    history = ["Which policy paper lays out Dalian's roadmap for greener growth?"]
    done = ask("And how often did the joint inspection team carry out its checks?", history, knowledge).text
    assert done == "How often did the joint inspection team carry out its checks in Dalian?"


def test_a_head_that_switches_to_a_city_and_a_figure_asked_for_another_city(knowledge):
    assert ask("Switching to Xiangtan, how is its stretch of the Xiang River doing?", ["What did Nanyang do about farms?"],
               knowledge).text == "How is Xiangtan's stretch of the Xiang River doing?"
    history = ["Jining staffs its township grids with how many dedicated inspectors?"]
    assert ask("What's the figure for Nanyang?", history, knowledge).text == (
        "Nanyang staffs its township grids with how many dedicated inspectors?"
    )
    assert ask("What's the number of boilers?", history, knowledge).text != "Nanyang staffs its township grids with how many dedicated inspectors?"


def test_part_of_the_place_asked_about_narrows_the_question(knowledge):
    history = ["How many of Dalian's coal boilers were retrofitted rather than scrapped?"]
    assert ask("And the urban districts alone?", history, knowledge).text == (
        "How many of Dalian's coal boilers were retrofitted rather than scrapped in the urban districts?"
    )
    assert ask("市区呢？", ["大连提标改造了多少台燃煤锅炉？"], knowledge).text == "大连市区提标改造了多少台燃煤锅炉？"
    assert ask("光市区呢？", ["大连提标改造了多少台燃煤锅炉？"], knowledge).text == "大连市区提标改造了多少台燃煤锅炉？"


def test_which_newspaper_asks_for_a_body_that_it_then_stands_for():
    from retriever.conversation import asking
    from retriever.conversation.pronouns import Want

    assert asking.asked_kind("Which newspaper hosted the 2016 forum dialogue?") == Want.ORG
    assert asking.asked_kind("哪家媒体主办了这场对话？") == Want.ORG
    assert asking.asked_kind("What did the paper say?") is None


def test_a_title_alone_asks_who_and_a_thing_after_who_asks_what(knowledge):
    # session 14 (eval/followups_stress5.jsonl): the fragment's kind decides how it is asked, not the last question word
    assert ask("副总裁呢？", ["普邦园林有多少年历史？"], knowledge).text == "普邦园林的副总裁是谁？"
    assert ask("罚款金额呢？", ["济宁被谁约谈了？"], knowledge).text == "济宁的罚款金额是多少？"
    assert "是谁" not in ask("约束性指标呢？", ["大连的意见是谁出台的？"], knowledge).text
    assert ask("And its vice president?", ["How old is Pubang?"], knowledge).text == "Who is Pubang's vice president?"
    assert ask("And its annual revenue?", ["How old is Pubang?"], knowledge).text == "What is Pubang's annual revenue?"


def test_english_points_at_the_last_question_and_at_its_own_head(knowledge):
    assert ask("What did banks chip in on top of that?", ["How much did Xiangtan raise through special bonds?"], knowledge).text == (
        "What did banks chip in on top of that in Xiangtan?"
    )
    assert ask("What about his company, how old is it?", ["Where did Ou Jinxiong swim when he was young?"], knowledge).text == (
        "How old is Pubang?"
    )
    done = ask("And how many sectors do the guidelines cover?", ["According to Zhang Haibing, what happened to Jining's air?"], knowledge)
    assert done.text.endswith("in Jining?")
