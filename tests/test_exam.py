"""The exam-prep student's blanks and options, the English self-introduction, the opinion frame and the technical
reader's symbols (retriever/answerability/exam.py, session 26)."""

from retriever.answerability.exam import examined

TEXT = "大连拆除604台10吨以下燃煤锅炉，削减二氧化硫约12499吨；湘潭以市长为总召集人；张海冰从人大机关调到环保局；PPP"


def contains(word: str) -> bool:
    return bool(word) and word in TEXT


def test_zh_blank_reads_as_the_asked_slot():
    assert examined("大连市区共拆除10吨以下燃煤锅炉____台。（填空）") == "大连市区共拆除10吨以下燃煤锅炉多少台？"
    assert examined("湘潭的联席会议制度以（ ）为总召集人。") == "湘潭的联席会议制度以什么为总召集人？"
    assert examined("填空：湘潭市专项债券的年利率是____。") == "湘潭市专项债券的年利率是多少？"
    assert examined("大连的燃煤锅炉整治一共花了____钱。") == "大连的燃煤锅炉整治一共花了多少钱？"


def test_en_blank_reads_as_the_asked_slot():
    assert examined("Fill in the blank: Nanyang's grid has ____ full-time grid officers.") == (
        "Nanyang's grid has how many full-time grid officers?")
    assert examined("Fill in the blank: Dalian cut SO2 by about ____ t.") == "Dalian cut SO2 by about how many t?"
    assert examined("Fill in the blank: ____ campaign does Nanyang launch.") == "What campaign does Nanyang launch?"


def test_options_come_off_and_the_stem_asks_its_attribute():
    assert examined("以下哪一项是济宁截至11月底立案处罚环境违法行为的数量？A.604起 B.592起 C.843起 D.76起") == (
        "济宁截至11月底立案处罚环境违法行为的数量是多少？")
    assert examined("以下哪一项不是湘潭联席会议的成员单位？A、环保局 B、财政局 C、公安局") == "湘潭联席会议的成员单位有哪些？"
    assert examined("Which share of soot did Dalian's cut equal: (a) 11.1% (b) 0.4% (c) 13.1%?") == (
        "Which share of soot did Dalian's cut equal?")
    assert examined("Which of the following did Jining sign with? A. Peking University B. Tsinghua") == (
        "What did Jining sign with?")


def test_one_letter_is_no_option_list():
    assert examined("大连A区拆了多少台锅炉？") == "大连A区拆了多少台锅炉？"
    assert examined("What did Plan A. cover?") == "What did Plan A. cover?"


def test_english_self_introduction_is_frame():
    assert examined("I'm a reporter in Chengdu working on air quality; in the forum, how many boilers did Dalian "
                    "remove?") == "How many boilers did Dalian remove?"
    assert examined("Engineer here: count of micro-stations in Jining?") == "Count of micro-stations in Jining?"
    assert examined("As a county EPB official in Hebei with 30 staff, what is the forum's title?") == (
        "What is the forum's title?")
    assert examined("As an engineer, I think so.") == "As an engineer, I think so."


def test_opinion_frame_around_a_speaker():
    assert examined("区锦雄怎么解释人们到海南岛旅游度假，实际上享受的是什么？") == "区锦雄说人们到海南岛旅游度假，实际上享受的是什么？"
    assert examined("在张海冰看来，环保局是党委政府的什么角色？") == "张海冰说环保局是党委政府的什么角色？"
    assert examined("专家怎么解释这个现象？") == "专家怎么解释这个现象？"  # no person named: as typed


def test_listed_count_names_the_bodies():
    assert examined("湘潭的环保、财政、审计几家对资金的使用，定期搞的是哪种评价？") == (
        "湘潭的环保、财政、审计等对资金的使用，定期搞的是哪种评价？")
    assert examined("湘潭有几家企业退出？") == "湘潭有几家企业退出？"


def test_symbols_read_as_the_texts_words_only_when_the_text_writes_them():
    assert examined("大连削减SO₂多少万t？", contains) == "大连削减二氧化硫多少万吨？"
    assert examined("张海冰从NPC机关调来的吗", contains) == "张海冰从人大机关调来的吗"
    assert examined("湘潭的PPP模式是什么", contains) == "湘潭的PPP模式是什么"  # the text writes PPP
    assert examined("大连削减NOx多少吨？", contains) == "大连削减NOx多少吨？"  # the text has no word for it
    assert examined("大连削减SO₂多少万t？") == "大连削减SO₂多少万t？"  # no text to check against


def test_a_pointed_source_at_the_close_is_frame_but_a_named_one_stays():
    assert examined("For How Long Had Pubang Landscape Existed, According To Its Vice-President's Introduction?") == (
        "For How Long Had Pubang Landscape Existed?")
    assert examined("How much water went north, according to the Nanyang chief?") == (
        "How much water went north, according to the Nanyang chief?")
    assert examined("What, in Su Guojun's view, must innovation include?") == (
        "What, according to Su Guojun, must innovation include?")


def test_an_askers_own_unit_adds_no_words():
    import re

    from retriever.answerability.preamble import unframed

    text = re.sub(r"\s", "", open("data/env-forum-2016.txt", encoding="utf-8").read())

    def written(word: str) -> bool:
        return bool(word) and word in text

    assert unframed("我是河北一个县环保局的，我们也在搞网格化，想问一下济宁配了多少网格员？", written) == "济宁配了多少网格员？"
    assert unframed("我是四川一个市的记者，最近在写大气污染的稿子，大连拆了多少台锅炉？", written) == "大连拆了多少台锅炉？"
    assert unframed("俺们县也想学南阳搞河长制，他们那河长制最后要变成个啥？", written) == "南阳，他们那河长制最后要变成个啥？"
    assert unframed("我是湘潭人，小时候在竹埠港边上长大，那边的化工厂现在还在不在？", written) == "湘潭竹埠港的化工厂现在还在不在？"


def test_a_self_introduction_run_stops_at_the_questions_own_clause():
    import re

    from retriever.answerability.preamble import unframed

    text = re.sub(r"\s", "", open("data/env-forum-2016.txt", encoding="utf-8").read())

    def written(word: str) -> bool:
        return bool(word) and word in text

    assert unframed("我是四川一个市的记者，最近在写稿子，区锦雄提到的那个小镇，人口不到多少？", written) == (
        "区锦雄提到的那个小镇，人口不到多少？")


def test_an_english_self_introduction_sentence_and_a_verb_after_a_blank_fa9():
    """(fa9) a self-introduction said as its own sentence comes off, unless the question points back at it or it is
    the asker's claim; a word in -s followed by a determiner or a name after a blank is a verb, not a counted noun; 依X之见
    is 在X看来's frame."""
    assert examined("Hi, I teach geography in Shanxi. How does Jining link its online monitoring with inspectors?") == \
        "How does Jining link its online monitoring with inspectors?"
    assert examined("I'm a grad student in Wuhan studying policy. How many boilers did Dalian remove?") == \
        "How many boilers did Dalian remove?"
    for typed in ("I'm from Xiangtan. Who heads the heavy-metal clean-up group there?",
                  "I heard Dalian removed 1,400 boilers. Is that true?"):
        assert examined(typed) == typed
    assert examined("Fill in the blank: ____ chairs Xiangtan's joint meeting.") == "What chairs Xiangtan's joint meeting?"
    assert examined("Fill in the blank: ____ boilers were removed in Dalian.").startswith("How many boilers")
    assert examined("依区锦雄之见，人们去海南岛旅游享受的是什么？") == "区锦雄说人们去海南岛旅游享受的是什么？"


def test_an_english_self_introduction_before_a_preposition_and_which_fa9():
    assert examined("As a county EPB official in Hebei with 30 staff, with which two cities did Xiangtan sign?") == \
        "With which two cities did Xiangtan sign?"
    typed = "As a result of the campaign, with which cities did Xiangtan sign?"
    assert examined(typed) == typed  # 'as a result' introduces nobody


def test_an_english_self_introduction_kept_only_when_the_question_leans_on_it_fa10():
    """(fa10) the introduction comes off when the question stands alone: it names an entity of its own, or its only
    pointer is a calendar phrase (this year); it stays for a question that names nothing and points back, and for an
    introduction reporting what the asker heard. "As a …," comes off before an imperative and before any clause
    running on to the closing question mark."""
    assert examined("I'm a grad student in Wuhan studying environmental policy. How much soot did Dalian's plants emit "
                    "this year?") == "How much soot did Dalian's plants emit this year?"
    assert examined("Hi, I teach geography in Shanxi. How did the moderator feel about the Liaoning bureau staff after "
                    "paying them a visit?") == "How did the moderator feel about the Liaoning bureau staff after paying them a visit?"
    for typed in ("I'm from Xiangtan. Who heads the bureau there?", "I run a small factory. How did the bureau treat them?",
                  "I volunteer on river cleanups and keep hearing that upstream towns pay downstream ones. What does "
                  "Nanyang do about that between its counties?"):
        assert examined(typed) == typed
    assert examined("As a county EPB official in Hebei with 30 staff, name the two cities that shared the pilot.") == \
        "Name the two cities that shared the pilot."
    assert examined("As a county EPB official in Hebei with 30 staff, nanyang sits on the border of which three "
                    "provinces?") == "Nanyang sits on the border of which three provinces?"
    assert examined("As a county EPB official in Hebei with 30 staff, give me the quote: what does the Xiangtan chief "
                    "say?") == "What does the Xiangtan chief say?"
    typed = "As a result, what happened to the plants?"
    assert examined(typed) == typed


def test_two_english_introductions_and_a_negative_question_after_the_comma_fa10():
    assert examined("Engineer here: I'm a reporter in Chengdu working on air quality; in the forum, how many coal "
                    "boilers had the province asked Dalian to remove?") == \
        "How many coal boilers had the province asked Dalian to remove?"
    assert examined("As a county EPB official in Hebei with 30 staff, isn't Pubang just a gardening firm?") == \
        "Isn't Pubang just a gardening firm?"


def test_an_english_self_introduction_without_its_article_fa11():
    """(fa11) a learner drops the article (I'm reporter in Chengdu …; …): the introduction still comes off, unless it
    reports something, says where the asker is from (the question may lean on it) or runs past its own sentence."""
    assert examined("I'm reporter in Chengdu working on air quality; in forum, how many coal boiler province ask Dalian "
                    "to remove?") == "How many coal boiler province ask Dalian to remove?"
    assert examined("I am student from Wuhan: how many boilers did Dalian dismantle?") == \
        "How many boilers did Dalian dismantle?"
    for typed in ("I'm from Dalian, how many boilers did it remove?", "I'm told Dalian paid owners; how much did it pay?",
                  "I'm from Xiangtan. Who actually heads the heavy-metal clean-up group there, the mayor or someone lower?"):
        assert examined(typed) == typed
