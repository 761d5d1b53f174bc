"""Session 15 (thread9): questions that stand on their own ignore the history, and bare noun fragments are asked in
full. Pure rewrites over the real jieba and Knowledge, then through the real retriever."""

from __future__ import annotations

import pytest

from index.records import Speaker
from retriever.answerability.names import greeting_only
from retriever.conversation import fragments, pronouns
from retriever.conversation.knowledge import build_knowledge
from retriever.rewrite import rewrite

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
    "pubang": ["普邦"], "zhanghaibing": ["张海冰"], "xuwei": ["许伟"], "wangqi": ["王奇"], "guojun": ["国军"],
    "soot": ["烟尘"], "budget": ["财政"], "boiler": ["锅炉"],
}


@pytest.fixture(scope="module")
def knowledge():
    return build_knowledge(SPEAKERS, TEXTS, LEXICON)


def ask(question, history, knowledge):
    return rewrite(question, history, knowledge, lexicon=LEXICON)


def as_typed(question, history, knowledge):
    done = ask(question, history, knowledge)
    return not done.changed and done.text == question


# --- a person named by surname and title is the question's own referent -------------------------------------------

def test_a_surname_and_title_is_found_where_it_starts_a_word():
    assert pronouns.titled_people("许局长他们在乡镇建空气站砸了多少钱？", True) == [(0, 3)]
    assert pronouns.titled_people("苏局他们那边抽调了多少名处级领导？", True) == [(0, 2)]
    assert pronouns.titled_people("我不太明白，苏局长说他们的执法人员够不够？", True) == [(6, 9)]
    assert pronouns.titled_people("提高总体水平", True) == []  # 高总 is no one: 提高 is a word
    assert pronouns.titled_people("大连市长是谁？", True) == []  # 连 is no common surname: 大连's mayor
    assert pronouns.titled_people("Director Xu said they set up how many grid cells?", False) == [(0, 11)]
    assert pronouns.titled_people("The Director of the bureau", False) == []


@pytest.mark.parametrize("question", [
    "许局长他们在乡镇和化工园区建空气站砸了多少钱？",  # appositive: 许局长 is 他们
    "王市长他说了什么？",
    "苏局他们那边从市直部门抽调了多少名处级领导？",
    "我不太明白，苏局长说他们的执法人员是够的还是不够的？",  # 他们 is 苏局长's side
    "就是说张局长最后讲他自己在这个战线上算是个什么",
    "那个苏局长讲的竹埠港那边最后有多少家企业退出了",  # nor is a subject left out
    "Director Xu said they set up how many township grid cells?",
])
@pytest.mark.parametrize("history", [["大连拆除了多少台燃煤锅炉？"], ["区锦雄在哪家公司工作？", "他年轻时常去哪条江游泳？"],
                                     ["How many coal-fired boilers did Dalian dismantle?"]])
def test_a_pronoun_after_a_surname_and_title_is_that_person(knowledge, question, history):
    assert as_typed(question, history, knowledge)


def test_a_pronoun_without_a_title_before_it_still_points_back(knowledge):
    assert ask("他们在乡镇建空气站砸了多少钱？", ["济宁配备了多少名专职环保网格员？"], knowledge).text.startswith("济宁")


# --- a pronoun in a clause after one asking who is the person asked for ---------------------------------------------

def test_his_after_a_who_clause_is_the_person_asked_for(knowledge):
    assert as_typed("Who moderated the dialogue, and what is his position?", ["What did he say about funding?"], knowledge)
    assert as_typed("普邦园林的副总裁是谁？他是哪里人？", ["大连拆除了多少台燃煤锅炉？"], knowledge)
    # his inside the who clause itself is still the conversation's (the bureau of Xu Wei)
    done = ask("Who runs his bureau's grid system?", ["What did Xu Wei say about funding?"], knowledge)
    assert "Xu Wei" in done.text


# --- 那个 straight before a name only opens it ---------------------------------------------------------------------

def test_nage_before_a_name_points_at_that_name(knowledge):
    assert as_typed("那个南阳的水源地水质保持在什么水平？", ["What is the river chief system?"], knowledge)
    assert as_typed("那个湘潭跟长沙株洲签的那个协议全名叫什么来着", ["他还提到了什么措施？"], knowledge)
    assert ask("那个济宁呢？", ["湘潭发行了多少专项债券？"], knowledge).text == "济宁发行了多少专项债券？"


# --- English: a title's word, a topic head the question fills itself, a channel check --------------------------------

def test_the_city_in_a_title_or_beside_a_named_city_is_no_reference(knowledge):
    question = "Alongside the Work Plan for Boiler Remediation Across the City, what list did Dalian make public?"
    assert as_typed(question, ["What is the river chief system?"], knowledge)
    assert as_typed("How many traffic police did Dalian say the city sent?", ["南阳向北方供了多少水？"], knowledge)
    assert "Dalian" in ask("How many traffic police does the city have?", ["How many boilers did Dalian dismantle?"], knowledge).text


def test_a_channel_check_asks_nothing_of_the_conversation(knowledge):
    assert greeting_only("喂喂听得到吗那个嗯") and greeting_only("hello, can you hear me?")
    assert not greeting_only("他还提到了什么措施？") and not greeting_only("还有呢？")
    assert as_typed("喂喂听得到吗那个嗯", ["大连拆除了多少台燃煤锅炉？"], knowledge)


# --- a bare noun phrase is a fragment, asked in full in its own language --------------------------------------------

def test_a_bare_noun_phrase_is_found_and_a_reply_word_is_not():
    assert fragments.bare_noun("grid officers?", False) == "grid officers"
    assert fragments.bare_noun("the check rate?", False) == "check rate"
    assert fragments.bare_noun("water supply?", False) == "water supply"
    for reply in ("Really?", "Sorry?", "it?", "what else?", "How many?", "the money raised?"):
        assert fragments.bare_noun(reply, False) == ""
    assert fragments.bare_noun("网格员？", True) == "网格员" and fragments.bare_noun("核心价值观？", True) == "核心价值观"
    for reply in ("真的吗？", "好的？", "拆除了？", "他们？", "为什么？"):
        assert fragments.bare_noun(reply, True) == ""


def test_a_bare_english_noun_after_a_chinese_question_is_asked_in_english(knowledge):
    assert ask("grid officers?", ["济宁设立了多少个乡镇环境监管网格？"], knowledge).text == "How many grid officers in Jining?"
    assert ask("water supply?", ["南阳彻底取缔了哪类企业？"], knowledge).text == "What is the water supply in Nanyang?"


def test_an_amount_does_not_take_the_place_of_things_counted_one_by_one(knowledge):
    # 拆除了多少台 does not carry over to a budget; fines are an amount, not cases
    assert ask("And the budget?", ["大连拆除了多少台燃煤锅炉？"], knowledge).text == "What is the budget in Dalian?"
    assert ask("fines?", ["济宁立案处罚了多少起环境违法行为？"], knowledge).text == "What are the fines in Jining?"
    # a substance measured in tons takes the other's place, with the verb (the session-13 rule holds)
    assert ask("soot?", ["大连削减了多少吨二氧化硫？"], knowledge).text == "大连削减了多少烟尘？"


def test_a_bare_chinese_noun_after_an_english_question_is_asked_in_chinese(knowledge):
    assert ask("网格员？", ["How many township grid cells did Jining set up?"], knowledge).text == "济宁的网格员有多少？"
    assert ask("核心价值观？", ["How old is Pubang Landscape?"], knowledge).text == "普邦园林的核心价值观是什么？"


# --- through the real retriever ------------------------------------------------------------------------------------

def test_a_titled_question_after_an_unrelated_history_is_answered_as_alone(retriever):
    question = "许局长他们配备了多少名专职环保网格员？"
    alone = retriever.answer(question, k=5)
    followed = retriever.answer(question, k=5, history=["How many coal-fired boilers did Dalian dismantle?"])
    assert followed.rewritten == alone.rewritten == "许伟他们配备了多少名专职环保网格员？"  # the name, with or without history
    assert [h.chunk_id for h in followed.passages] == [h.chunk_id for h in alone.passages]
    assert followed.abstained == alone.abstained


def test_a_bare_english_noun_after_a_chinese_question_is_answered(retriever):
    soot = retriever.answer("soot?", k=5, history=["大连削减了多少吨二氧化硫？"])
    assert soot.rewritten == "大连削减了多少烟尘？"
    assert not soot.abstained and "9300" in soot.passages[0].text
    officers = retriever.answer("grid officers?", k=5, history=["济宁设立了多少个乡镇环境监管网格？"])
    assert officers.rewritten == "How many grid officers in Jining?"
    assert not officers.abstained and "992" in officers.passages[0].text


# --- pronouns and omitted subjects the generated conversations showed ------------------------------------------------

def test_zhebian_points_at_the_latest_place_as_nabian_does(knowledge):
    assert ask("这边发了多少专项债券？", ["济宁在城区周边布设了多少个空气自动监测微站？"], knowledge).text == "济宁发了多少专项债券？"


def test_there_before_a_passive_is_a_place(knowledge):
    done = ask("Which Party committee departments there were handed green duties?", ["大连拆除了多少台燃煤锅炉？"], knowledge)
    assert done.text == "Which Party committee departments in Dalian were handed green duties?"
    assert as_typed("Were there any fines?", ["How many boilers did Dalian dismantle?"], knowledge)  # there is no place


def test_a_government_is_a_places_not_a_persons(knowledge):
    done = ask("政府花了多少时间和资金才把珠江重新变清？", ["区锦雄年轻时常到哪条江游泳？"], knowledge)
    assert done.text == "广州政府花了多少时间和资金才把珠江重新变清？"


def test_they_asked_a_companys_attribute_is_the_company(knowledge):
    done = ask("他们作为上市企业已经有多少年历史？", ["区锦雄说绿水青山就是金山银山是从哪个岛看出来的？"], knowledge)
    assert done.text == "普邦园林作为上市企业已经有多少年历史？"
    assert ask("他们成立之初就确立了怎样的核心价值观？", ["区锦雄年轻时常去哪条江游泳？"], knowledge).text.startswith("普邦园林")


def test_their_firms_after_a_city_are_the_citys_firms(knowledge):
    done = ask("他们的企业环境信用评价结果在哪些网站上公布？", ["湘潭2012年初确立了什么工作机制？"], knowledge)
    assert done.text == "湘潭的企业环境信用评价结果在哪些网站上公布？"


def test_a_part_of_a_place_opening_a_question_is_the_latest_places(knowledge):
    done = ask("那区里为了关停企业抽了多少干部下去蹲点？", ["苏国军说环保部门的资料为什么要搞大数据？"], knowledge)
    assert done.text == "湘潭区里为了关停企业抽了多少干部下去蹲点？"


def test_the_it_of_is_it_true_that_is_no_reference(knowledge):
    question = "Isn't it true that Xiangtan got no money from the ministry for its old pollution?"
    assert as_typed(question, ["大连拆除了多少台燃煤锅炉？"], knowledge)
    assert as_typed("Is it really true that Dalian's traffic police went door to door?", ["What did he say about funding?"], knowledge)
    assert "Dalian" in ask("Did it work?", ["How many boilers did Dalian dismantle?"], knowledge).text  # an it of its own


def test_a_chinese_question_naming_its_counted_thing_in_english_is_not_bare(knowledge):
    assert as_typed("大连市区的coal boiler拆了多少台？", ["大连拆除了多少台燃煤锅炉？"], knowledge)
    assert ask("济宁发了多少？", ["湘潭发行了多少专项债券？"], knowledge).text == "济宁发了多少专项债券？"
