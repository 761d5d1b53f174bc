"""Session 30 (fu13): answerable follow-ups refused or misread on generated turns — 'the other one' before a spoken
A-not-A question with no ？ (另一个呢，他们…是不是…), the other one being the person's city (Wang Qi … | Xiangtan … | The
other one?), a back reference by the name of a turn's kin (还是问区锦雄的那个问题 after 普邦园林…？), a turn that widens the
last question to the whole place (全市呢？), a clipped noun of the history (那债 → 专项债券), the count said back
(三个什么来着？) and 'Which ones?' asked with What."""

import pytest

from retriever.conversation import turns
from retriever.conversation.clipped import unclipped
from tests.test_followups_session26 import LEXICON, three_cities


@pytest.fixture(scope="module")
def knowledge():
    return three_cities()


def _ask(knowledge, question, *history):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, lexicon=LEXICON).text


def test_the_other_one_before_a_question_with_no_question_mark(knowledge):
    assert turns.other_then_question("另一个呢，他们的燃煤锅炉整治名单是不是向社会公开了", True) == "他们的燃煤锅炉整治名单是不是向社会公开了"
    assert _ask(knowledge, "另一个呢，他们的燃煤锅炉整治名单是不是向社会公开了",
                "济宁和大连两边都问一下：济宁的燃煤锅炉整治名单是不是向社会公开了") == "大连的燃煤锅炉整治名单是不是向社会公开了"
    # a statement that asks nothing is still no question
    assert turns.other_then_question("另一个呢，我也想知道", True) == ""


def test_the_other_one_is_the_persons_city(knowledge):
    assert _ask(knowledge, "另一个呢？该市配备了多少名网格员？", "许伟怎么看河长制？", "大连配备了多少名网格员？") == (
        "济宁配备了多少名网格员？")


def test_a_back_reference_by_the_name_of_the_turns_kin(knowledge):
    # 张海冰 is 大连's speaker: the question about 大连 is the one the reader means, and the rest is about him
    assert _ask(knowledge, "还是问张海冰的那个问题，到任后开的第一个会是什么？", "大连拆了多少台燃煤锅炉？",
                "济宁配备了多少名网格员？", "湘潭发了多少专项债券？") == "张海冰到任后开的第一个会是什么？"


def test_a_widening_turn_asks_the_last_question_of_the_whole_place(knowledge):
    assert turns.widened("全市呢？", True, ["大连"]) and turns.widened("整个大连呢？", True, ["大连"])
    assert turns.widened("And citywide?", False, []) and turns.widened("What about the whole city?", False, [])
    assert not turns.widened("整个济宁呢？", True, ["大连"]) and not turns.widened("全市拆了多少台？", True, ["大连"])
    assert turns.widened_question("大连光市区就整治了多少台燃煤锅炉来着？", True) == "大连全市整治了多少台燃煤锅炉来着？"
    assert turns.widened_question("How many boilers did Dalian dismantle in the urban districts?", False) == (
        "How many boilers did Dalian dismantle citywide?")
    assert turns.widened_question("大连拆了多少台燃煤锅炉？", True) == ""  # no part to widen: the other rules
    assert _ask(knowledge, "全市呢？", "大连光市区就整治了多少台燃煤锅炉来着？") == "大连全市整治了多少台燃煤锅炉来着？"


def test_a_clipped_noun_of_the_history_is_said_in_full():
    history = ["湘潭发了多少亿元重金属污染治理专项债券？", "银行给了多少配套资金？"]
    assert unclipped("回到头一个问题，那债是哪个流域的？", history) == "回到头一个问题，那专项债券是哪个流域的？"
    assert unclipped("那平台叫什么名字？", ["济宁那套线上监管的网络平台，正式名称叫什么？"]) == "那网络平台叫什么名字？"
    # no earlier noun explains it, or it was said in full: as typed
    assert unclipped("那钱是哪家银行给的？", history) == "那钱是哪家银行给的？"
    assert unclipped("那锅炉呢？", ["大连拆了多少台燃煤锅炉？"]) == "那锅炉呢？"
    assert unclipped("回到刚才那个问题，这位局长呢？", ["济宁有多少突出问题？"]) == "回到刚才那个问题，这位局长呢？"


def test_the_count_said_back_asks_which_ones():
    assert turns.asks_list("三个什么来着？", True) and turns.asks_list("五项是哪五项？", True)
    assert not turns.asks_list("三个多少？", True) and not turns.asks_list("三个城市呢？", True)
    assert turns.list_of("How many principles does the headline list?", False) == "What principles does the headline list?"


def test_names_pronouns_and_words_are_no_clippings():
    assert unclipped("那罚款总额折成万元是多少？", ["济宁一共立案处罚了多少起违法行为？"]) == "那罚款总额折成万元是多少？"
    assert unclipped("哪条大河发源于该市？", ["济宁市年初为什么会面临空前的压力？"], [(7, 9)]) == "哪条大河发源于该市？"
    assert unclipped("那湘潭呢？", ["湘江济宁段水质达到几类？"], [(1, 3)]) == "那湘潭呢？"


def test_a_clipped_noun_in_a_back_reference(knowledge):
    assert _ask(knowledge, "回到头一个问题，那债是哪个流域的？", "湘潭发了多少亿元重金属污染治理专项债券？",
                "银行给了多少配套资金？") == "湘潭专项债券是哪个流域的？"


def test_a_self_correction_then_a_short_question_leans_on_the_corrected_one(knowledge):
    from retriever.conversation.corrections import named_then_asked

    assert named_then_asked("搞错了，我想问湘潭，湘潭是几级？") == ("湘潭", "湘潭是几级？")
    assert named_then_asked("我弄混了，应该是湘潭，湘潭抽了几十名吧？") == ("湘潭", "湘潭抽了几十名吧？")
    assert named_then_asked("湘潭是几级？") is None and named_then_asked("搞错了，我想问湘潭") is None
    assert _ask(knowledge, "搞错了，我想问湘潭，湘潭是几级？", "济宁有几级监管网格？") == "湘潭有几级监管网格，是几级？"
    assert _ask(knowledge, "我弄混了，应该是湘潭，湘潭抽了几十名吧？", "我记得济宁也从市直部门抽人去联系企业，是吧？") == (
        "湘潭也从市直部门抽人去联系企业，抽了几十名吧？")
    # a question that names the thing again stands alone (as before)
    assert _ask(knowledge, "不对，我是说济宁，济宁的网格员几百名？", "大连的网格员有多少名？") == "不对，我是说济宁，济宁的网格员几百名？"


def test_an_earlier_question_again_keeps_its_letters(knowledge):
    assert _ask(knowledge, "Just give me the figure.", "how many boilers did dalian tear out") == (
        "how many boilers did dalian tear out")


def test_a_host_is_written_by_their_part_in_the_dialogue():
    from index.records import Speaker
    from retriever.conversation.knowledge import build_knowledge
    from retriever.rewrite import rewrite

    speakers = [Speaker("中国环境报", "主持人", "中国环境报社", "主持人"),
                Speaker("张海冰", "辽宁省大连市环保局局长", "辽宁省大连市环保局", "局长")]
    knowledge = build_knowledge(speakers, [], LEXICON)
    host = next(e for e in knowledge.entities if e.name == "中国环境报" and e.kind.value == "person")
    assert host.label(True) == "主持人" and host.label(False) == "The moderator"
    assert rewrite("他是哪家报社的总编辑？", ["主持人是谁？"], knowledge, lexicon=LEXICON).text == "主持人是哪家报社的总编辑？"
    assert rewrite("Of which outlet is he editor-in-chief?", ["who was the moderator?"], knowledge,
                   lexicon=LEXICON).text == "Of which outlet is the moderator editor-in-chief?"



def test_a_measure_word_or_a_question_word_is_no_clipping():
    assert unclipped("后来那条河变成怎样？", ["他年轻时常去哪条河游泳？"]) == "后来那条河变成怎样？"
    assert unclipped("那河后来怎样？", ["他年轻时常去哪条河游泳？"]) == "那河后来怎样？"
    assert unclipped("另一个呢，请引用这句话所在的原文。", ["许伟说了什么？请引用这句话所在的原文。"]) == "另一个呢，请引用这句话所在的原文。"
