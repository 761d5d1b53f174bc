"""Choosing the answer sentence: within a passage and among passages (pure, with given cosines) and on the real index."""

from __future__ import annotations

import numpy as np

from index.records import Chunk
from retriever.answer_sentence import asked_for, word_weights
from retriever.highlight import (
    PassageContext,
    answer_highlights,
    best_sentence,
    candidates,
    gives_kind,
    is_question,
    may_answer,
    speaker_prefix,
)
from retriever.sentence_spans import spans

LEXICON = {"coal": ["煤"], "fired": ["燃煤"], "boiler": ["锅炉"], "dalian": ["大连"], "dismantle": ["拆除"]}


def chunk(sentences: list[str], speaker: str = "张海冰", kind: str = "speech", cid: str = "c1") -> Chunk:
    spans_, start = [], 0
    for s in sentences:
        spans_.append((start, start + len(s)))
        start += len(s)
    return Chunk(cid, "doc", speaker, "", "", 0, 1, len(sentences), "".join(sentences), tuple(range(len(sentences))),
                 tuple(spans_), tuple((i + 1, i + 1) for i in range(len(sentences))), kind)


NAMES = ["张海冰", "许伟", "王奇", "苏国军", "大连", "济宁", "南阳", "湘潭"]  # speakers and their cities


def asked(question: str, terms: list[str]):
    return asked_for(question, terms, LEXICON, NAMES)


def test_a_question_is_never_the_answer_when_another_sentence_exists():
    passage = chunk(["为何会发生这种变化？", "因为建立了环境保护党政联合督察工作机制，督查组每两月督察一次。"])
    highlight = best_sentence(passage, np.array([0.95, 0.80]), asked("为什么会发生这种变化？", ["发生", "变化"]))
    assert highlight.sentence.startswith("因为") and not is_question(highlight.sentence)
    only_questions = chunk(["为何会发生这种变化？"])
    assert best_sentence(only_questions, np.array([0.9]), asked("为什么？", [])).sentence == "为何会发生这种变化？"


def test_a_rhetorical_question_lends_its_words_to_the_sentence_that_answers_it():
    passage = chunk([
        "目前，环保部门正处在一个非常关键的时刻，我们感到压力巨大，各级党政领导高度重视。",
        "面对新形势，环保工作如何推进？",
        "一要转变观念，二要强化创新，包括思路创新、机制创新、工作创新。",
    ], "苏国军")
    question = asked("苏国军认为新形势下环保工作应该怎么推进？", ["苏国军", "认为", "新形势", "环保", "工作", "推进"])
    highlight = best_sentence(passage, np.array([0.92, 0.93, 0.90]), question)
    assert highlight.sentence.startswith("一要转变观念")


def test_the_speakers_name_is_not_highlighted():
    passage = chunk(["王奇：南阳市位于豫鄂陕三省交界处，是千里淮河发源地。", "这决定了南阳市是水质保护高度敏感的区域。"], "王奇")
    highlight = best_sentence(passage, np.array([0.95, 0.80]), asked("南阳市位于哪里？", ["南阳", "南阳市", "位于"]))
    assert highlight.sentence.startswith("南阳市位于") and passage.text[highlight.start : highlight.end] == highlight.sentence
    assert speaker_prefix("中国环境报：请王奇局长分享。") == 6 and speaker_prefix("南阳市位于豫鄂陕三省交界处。") == 0


def test_a_quantity_question_prefers_the_whole_citys_number_in_either_language():
    passage = chunk(["10月底，全市共拆除1416台10吨以下燃煤锅炉，提标改造1377台。", "市区拆除604台10吨以下燃煤锅炉，超额完成任务。"])
    cosines = np.array([0.90, 0.92])  # the part's sentence is slightly closer
    chinese = best_sentence(passage, cosines, asked("大连拆除了多少台燃煤锅炉？", ["大连", "拆除", "燃煤", "锅炉"]))
    english_terms = ["coal", "fired", "boilers", "dalian", "dismantle", "锅炉", "大连", "拆除"]
    english = best_sentence(passage, cosines, asked("How many coal-fired boilers did Dalian dismantle?", english_terms))
    assert "1416台" in chinese.sentence and "604台" not in chinese.sentence and english.sentence == chinese.sentence
    asked_part = best_sentence(passage, cosines, asked("市区拆除了多少台燃煤锅炉？", ["市区", "拆除", "燃煤", "锅炉"]))
    assert asked_part.sentence.startswith("市区拆除604台")  # a part asked for is answered by the part
    # 其中 (of which) points back: the part is shown with the whole it is part of
    of_which = chunk(["10月底，全市共拆除1416台10吨以下燃煤锅炉，提标改造1377台。", "其中拆除604台10吨以下燃煤锅炉，超额完成任务。"])
    assert spans([text for _, text, *_ in of_which.sentences()]) == [(0, 0, 1)]


def test_the_wholes_number_wins_only_over_clauses_that_hold_as_much_of_the_question():
    passage = chunk([
        "10月底，全市共拆除1416台10吨以下燃煤锅炉，市区圆满完成843台燃煤锅炉整治任务。",
        "市区拆除604台10吨以下燃煤锅炉，超额完成省政府下达的拆除115台燃煤锅炉的任务。",
    ])
    cosines = np.array([0.91, 0.90])
    task = asked("省政府给大连下达的拆除锅炉任务是多少台？", ["省政府", "大连", "下达", "拆除", "锅炉", "任务"])
    assert "115台" in best_sentence(passage, cosines, task).sentence  # only its clause holds 下达 and 任务
    whole = asked("大连拆除了多少台燃煤锅炉？", ["大连", "拆除", "燃煤", "锅炉"])
    chosen = best_sentence(passage, cosines[::-1], whole).sentence
    assert "1416台" in chosen and "604台" not in chosen  # equal clauses: the whole city's


def test_a_count_is_no_percentage():
    passage = chunk(["全市3000余名交警采取进企业、进村屯、进家庭的方式，逐台上门排查。", "对所有黄标车和老旧车辆的排查率做到了100%。"])
    question = asked("大连动用了多少交警排查黄标车？", ["大连", "动用", "交警", "排查", "黄标车"])
    assert "3000余名" in best_sentence(passage, np.array([0.90, 0.92]), question).sentence


def test_headings_and_lines_without_an_end_are_highlighted_with_what_follows():
    assert spans(["二是突出治理重点。", "着眼近期与长远相结合，重点抓好竹埠港区域企业退出和锰矿重金属治理。"]) == [(0, 0, 1), (1, 1, 1)]
    assert spans(["辽宁省大连市环保局\n", "局长张海冰"]) == [(0, 0, 1)]  # a name line continues the line above
    assert spans(["面对新形势，环保工作如何推进？", "一要转变观念。"]) == [(0, 1, 1)]  # scored with the question
    # a sentence that opens a list ('我们做了大量工作。一是…') does not take the first item: each item heads its own
    assert spans(["我们做了大量工作。", "一是坚持科学监管。", "探索“互联网+网格化”新路径。"]) == [(0, 0, 0), (1, 1, 2), (2, 2, 2)]


def test_a_sentence_that_points_back_is_highlighted_with_the_one_before_it():
    passage = chunk([
        "南阳市位于豫鄂陕三省交界处，处于南水北调中线工程水源地核心保护区，是千里淮河发源地。",
        "这决定了南阳市是水质保护高度敏感的区域。",
        "近年来，南阳市坚持把水质保护作为一项重要的政治任务，全面落实新发展理念，加快转型发展。",
    ], "王奇")
    assert spans([text for _, text, *_ in passage.sentences()]) == [(0, 0, 1), (2, 2, 2)]
    question = asked("为什么说南阳是水质保护高度敏感的区域？", ["南阳", "水质", "保护", "高度", "敏感", "区域"])
    highlight = best_sentence(passage, np.array([0.90, 0.95, 0.91]), question)
    assert "千里淮河发源地" in highlight.sentence and highlight.sentence.endswith("高度敏感的区域。")
    # 这两年 (these two years) and 此外 (besides) point back at nothing
    assert spans(["今年全市环境质量持续改善，主要污染物排放总量大幅下降。", "这两年，南阳市打造了全民治水模式，取得了很好的效果。"]) == [(0, 0, 0), (1, 1, 1)]
    # an opening phrase that points back (围绕这一主线, 通过这些…) says nothing alone either; 这一代 (this generation) does
    assert spans(["“推进改革创新”是工作的一条主线。", "围绕这一主线各地涌现了很多典型经验。"]) == [(0, 0, 1)]
    assert spans(["环境整治工作序幕刚刚拉开，环境整治工作永远在路上，我们要担起改造山河的责任。", "如果我们这一代不肩负起使命，我们将愧对子孙。"]) == [(0, 0, 0), (1, 1, 1)]


def test_words_inside_question_phrases_are_not_content_and_the_asked_word_is_the_focus():
    question = asked("张海冰调任大连市环保局之前在哪个机关工作？", ["张海冰", "调任", "大连市", "环保局", "之前", "机关", "工作"])
    focus = {w.label for w in question.words if w.focus}
    assert "机关" in focus and "张海冰" not in focus
    assert "时间" not in {w.label for w in asked("督查组多长时间督察一次？", ["督查组", "时间", "督察", "一次"]).words}
    passage = chunk(["大连市环保局开展环保督察。", "大连市环保局成立联合督查组。", "我从人大机关到环保系统。"])
    weights = dict(zip([w.label for w in question.words], word_weights(question, [passage])))
    assert weights["机关"] > weights["大连市"] > 0 and weights["调任"] == 0  # rare words weigh more; absent ones nothing


def test_the_answer_passage_is_the_best_evidence_among_the_first_ones():
    topic = chunk(["为了改善冬季空气质量，大连市举全市之力，打响燃煤锅炉整治攻坚战。"], cid="a")
    numbers = chunk(["10月底，全市共拆除1416台10吨以下燃煤锅炉。"], cid="b")
    question = asked("大连一共拆掉了多少台锅炉？", ["大连", "拆掉", "锅炉"])
    found, answer = answer_highlights([topic, numbers], [np.array([0.91]), np.array([0.90])], question,
                                      ["speech", "speech"], [False, False])
    assert answer == 1 and "1416台" in found[answer].sentence and len(found) == 2


def test_a_hosts_lead_in_answers_only_when_the_host_is_asked_about():
    lead_in = chunk(["前不久，有幸到大连市环保局走访调研，体会到大连市环保局的同志们腰杆特别硬。"], "中国环境报", "question", "h")
    speech = chunk(["如今有了这个抓手，大连市环保局的面貌焕然一新。"], cid="s")
    kinds, hosts = ["question", "speech"], [True, False]
    cosines = [np.array([0.93]), np.array([0.90])]
    about_bureau = asked("大连市环保局的同志为什么腰杆硬了？", ["大连市", "环保局", "同志", "腰杆"])
    assert answer_highlights([lead_in, speech], cosines, about_bureau, kinds, hosts)[1] == 1
    about_host = asked("主持人走访大连市环保局后有什么感受？", ["主持人", "走访", "大连市", "环保局", "感受"])
    assert answer_highlights([lead_in, speech], cosines, about_host, kinds, hosts)[1] == 0


def test_answers_on_the_real_index_quote_no_question_and_no_speaker_name(retriever):
    for question in ("湘潭市是如何治理重金属污染的？", "南阳市位于哪几个省的交界处？", "大连市环保局的同志为什么腰杆硬了？"):
        answer = retriever.answer(question)
        assert answer.text and not is_question(answer.text), question
        assert not answer.text.startswith(("王奇：", "中国环境报：", "苏国军：", "张海冰：")), question
        chosen = answer.highlights[answer.answer_index]
        assert answer.passages[answer.answer_index].text[chosen.start : chosen.end] == chosen.sentence
        assert answer.passages[answer.answer_index].kind != "question", question


def test_an_english_question_highlights_its_chinese_twins_sentence_on_the_real_index(retriever):
    chinese = retriever.answer("大连拆除了多少台燃煤锅炉？")
    english = retriever.answer("How many coal-fired boilers did Dalian dismantle?")
    assert "1416台" in chinese.text and english.text == chinese.text


def test_another_citys_number_is_no_answer():
    question = asked("济宁拆除了多少台燃煤锅炉？", ["济宁", "拆除", "燃煤", "锅炉"])
    assert may_answer(question, ["speech", "speech"], [False, False], [False, True]) == [False, True]
    assert may_answer(question, ["speech", "speech"], [False, False], [False, False]) == [True, True]  # nothing owned
    assert may_answer(question, ["question", "speech"], [True, False], None) == [False, True]
    dalian = chunk(["10月底，全市共拆除1416台10吨以下燃煤锅炉，提标改造1377台。"], cid="d")
    jining = chunk(["对5329台燃煤小锅炉进行了取缔或清洁能源改造。"], "许伟", cid="j")
    found, answer = answer_highlights([jining, dalian], [np.array([0.88]), np.array([0.90])], question,
                                      ["speech", "speech"], [False, False], [True, False])
    assert "5329台" in found[answer].sentence


def test_a_city_asked_about_is_answered_from_its_own_passages_on_the_real_index(retriever):
    answer = retriever.answer("济宁拆除了多少台燃煤锅炉？")  # Dalian's passages rank first (拆除 1416台)
    assert answer.passages[0].citation.speaker == "张海冰"
    assert answer.passages[answer.answer_index].citation.speaker == "许伟"
    assert "5329台" in answer.highlights[answer.answer_index].sentence


def test_a_number_in_the_asked_unit_answers_even_in_a_clause_of_its_own():
    # 用不到半年时间 shares no word with the question, yet it is the length of time asked for, in either language
    passage = chunk([
        "大连市采取各级政府主导的协同机制，全面开展锅炉综合整治，用不到半年时间完成了整治任务。",
        "10月底，全市共拆除1416台10吨以下燃煤锅炉，燃煤锅炉整治全面完成。",
    ])
    cosines = np.array([0.88, 0.90])  # the boiler numbers are closer
    chinese = asked("大连完成锅炉整治用了多长时间？", ["大连", "完成", "锅炉", "整治"])
    english = asked("How long did Dalian need to get its boiler overhaul done?", ["dalian", "boiler", "大连", "锅炉"])
    assert all("半年" in best_sentence(passage, cosines, q).sentence for q in (chinese, english))
    assert "long" not in {w.label for w in english.words}  # 'how long' asks, as 多长时间 does: it names nothing


def test_how_often_asks_a_length_of_time_and_the_hosts_english_name_asks_about_the_host():
    passage = chunk(["2016年，大连市委市政府督查室会同市环保局，组成联合督查组，开展环保督察。", "督查组基本上每两月督察一次，将问题公开曝光。"])
    question = asked("How frequently did Dalian's joint inspection team go out?", ["dalian", "inspection", "team", "大连", "督查组"])
    assert "frequently" not in {w.label for w in question.words}
    assert "每两月" in best_sentence(passage, np.array([0.91, 0.90]), question).sentence
    assert asked("How does China Environment News close the dialogue?", ["对话"]).host
    assert not asked("What did the bureau chief say about China's environment?", ["环境"]).host


def test_when_asks_a_date_only_as_the_question_word_and_a_count_of_people_asks_for_people():
    dated = chunk(["论坛于12月17日在海口召开。", "发现问题时，督查组当即要求整改，有问题的要严肃问责。"])
    assert asked("When was the forum held?", ["论坛"]).date and asked("论坛是什么时候召开的？", ["论坛"]).date
    conjunction = asked("What did Dalian's leaders demand when inspectors found problems?", ["问题", "问责"])
    assert not conjunction.date
    assert "问责" in best_sentence(dated, np.array([0.90, 0.90]), conjunction).sentence
    grid = chunk(["设立乡镇环境监管网格162个，排查出54061个污染点源。", "配备专职环保网格员992名。"])
    for question in ("How many people does Jining have on its grid?", "济宁配了多少网格员？"):
        people = asked(question, ["济宁", "网格", "网格员"])
        assert people.unit == "人"
        assert "992名" in best_sentence(grid, np.array([0.90, 0.90]), people).sentence
    assert asked("How many boilers did Dalian dismantle?", ["锅炉"]).unit == ""  # a count of things: any unit


def test_a_question_about_before_prefers_the_sentence_that_tells_of_the_past():
    pearl = chunk(["年轻时我常到珠江游泳，但上世纪90年代时，广州流行一句口头语：河水可以当墨水卖。",
                   "珠江已经变颜色了。后来广州市政府花了10年的力气，才重新把这条河变清。"], "区锦雄")
    for question in ("区锦雄说珠江以前怎么样？", "What was the Pearl River like before, according to Ou Jinxiong?"):
        before = asked(question, ["区锦雄", "珠江", "以前"])
        assert before.past
        assert "墨水" in best_sentence(pearl, np.array([0.88, 0.90]), before).sentence, question
    assert not asked("珠江现在怎么样？", ["珠江"]).past


def test_the_syllable_groups_of_one_name_count_once():
    lexicon = {"nanshui": ["南水北调"], "beidiao": ["南水北调"], "water": ["供水", "水"]}
    question = asked_for("Nanshui Beidiao water supply", [], lexicon, NAMES)
    labels = [w.label for w in question.words]
    assert "nanshui beidiao" in labels and "nanshui" not in labels and "beidiao" not in labels


def test_a_question_about_what_came_after_prefers_the_sentence_that_tells_it():
    town = chunk(["一个不足10万人的小镇，通过人工湿地、人工湖等建设，大大改善了生态环境。",
                  "项目建成后，镇中又开发建设了一个市场、两家五星级的酒店，带动了当地经济发展。"], "区锦雄")
    for question in ("那个小镇搞完湿地以后发展得怎么样？", "How did the small town develop after its wetland project?"):
        after = asked(question, ["小镇", "湿地", "以后", "发展"])
        assert after.after and not after.past
        assert "酒店" in best_sentence(town, np.array([0.90, 0.89]), after).sentence, question


def test_a_sentence_that_gives_the_asked_kind_of_answer_is_preferred():
    ou = chunk(["我是土生土长的广州人，年轻时我常到珠江游泳，那时珠江的水很清。", "普邦园林是一家有20年历史的上市企业，环保是企业的责任。"], "区锦雄")
    origin = asked_for("区锦雄是哪里人？", ["区锦雄", "哪里人"], LEXICON, [*NAMES, "区锦雄"])
    assert origin.answer == "origin"
    assert "广州人" in best_sentence(ou, np.array([0.895, 0.90]), origin).sentence
    assert asked("How many boilers did Dalian dismantle?", ["锅炉"]).answer is None  # a number: the quantity features


def test_a_named_speaker_is_asked_about_through_his_own_words_of_himself():
    zhang = chunk([
        "过去环保局在政府里面说话没有地位、办事没有抓手，环保工作群众不满意。",
        "我到环保局工作时间不长，我从人大机关到环保系统，这个转折在特殊时期有特殊的含义。",
    ])
    before = asked("张海冰以前在哪儿上班？", ["张海冰", "以前", "上班"])
    assert "张海冰" in before.named
    assert best_sentence(zhang, np.array([0.91, 0.90]), before).sentence.startswith("我到环保局")
    mine = "我从人大机关到环保系统。"
    assert gives_kind(before, mine, [], False, "speech", "张海冰") > gives_kind(before, mine, [], False, "speech", "许伟")
    ours = "我们从人大机关到环保系统。"  # 我们 (we) is no self
    assert gives_kind(before, mine, [], False, "speech", "张海冰") > gives_kind(before, ours, [], False, "speech", "张海冰")


def test_a_headline_asked_for_is_highlighted_whole_with_its_question():
    headline = chunk(["如何通过党政同责推动环保工作开展？", "■要把党的方针政策路线图在基层落地生根开花结果。"], kind="headline")
    cosines, where = np.array([0.80, 0.85]), PassageContext(kind="headline")

    def texts(question: str, terms: list[str]) -> list[str]:
        q = asked(question, terms)
        return [headline.text[c.start : c.end] for c in candidates(headline, cosines, q, word_weights(q, [headline]), where)]

    assert texts("讲党政同责那一段的 section title 是怎么问的？", ["党政", "同责"]) == [headline.text]
    assert texts("党的方针政策要在基层怎样？", ["方针", "政策", "基层"]) == [headline.text[17:]]  # its question is none


def test_the_newspaper_that_publishes_the_dialogue_is_its_host():
    assert asked("What struck the newspaper's visitor about the staff of Dalian's bureau?", []).host
    assert asked("本报记者在大连看到了什么？", []).host and not asked("What did Dalian's bureau do?", []).host


def test_the_words_of_an_articles_subject_weigh_as_names_do():
    # 斯氏腔吻鳕 is the title: its pieces (吻, 鳕) say what is asked about, not what is asked, so the defining
    # sentence that names it does not outweigh the one that answers (以多毛类为食)
    question = "斯氏腔吻鳕主要以什么为食？"
    terms = ["斯氏腔", "吻", "鳕", "主要", "为食"]
    plain = {w.label: w.name for w in asked_for(question, terms, LEXICON, NAMES).words}
    subject = {w.label: w.name for w in asked_for(question, terms, LEXICON, NAMES, ["斯氏腔吻鳕"]).words}
    assert not any(plain.values())
    assert subject == {"斯氏腔": True, "吻": True, "鳕": True, "主要": False, "为食": False}
    # a word also written outside the subject is still asked: 鳕 in 鳕鱼
    outside = asked_for("斯氏腔吻鳕和鳕鱼吃什么？", ["斯氏腔", "吻", "鳕", "鳕鱼"], LEXICON, NAMES, ["斯氏腔吻鳕"])
    assert {w.label: w.name for w in outside.words}["鳕"] is False
