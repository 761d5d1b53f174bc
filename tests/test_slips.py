"""Homophone slips read as the text's word (retriever/slips.py), with jieba, pypinyin and CC-CEDICT for real."""

from retriever.query import parse_query
from retriever.slips import corrected, find_slips, one_swapped

TEXT = (
    "大连出动交警三百名，淘汰黄标车。全市拆除燃煤锅炉，提标改造锅炉两百台。南阳的地质条件复杂。"
    "湘潭的岳塘区建了经开区。普邦园林的核心价值观。济宁市直部门派员。大连拆了小锅炉，省里一共拨了三亿。"
)
TERMS = {"大连", "交警", "淘汰", "黄标车", "燃煤", "锅炉", "提标", "改造", "南阳", "地质", "湘潭", "经开区", "普邦", "园林",
         "济宁", "部门"}


def contains(text: str) -> bool:
    return text in TEXT


def known(term: str) -> bool:
    return term in TERMS


def fixed(question: str, names=()) -> str:
    return corrected(question, find_slips(question, known, contains, names))


def test_a_word_the_text_lacks_reads_as_the_text_word():
    assert fixed("大连出动了多少名交经？") == "大连出动了多少名交警？"
    assert fixed("大连提标该造了多少台锅炉？") == "大连提标改造了多少台锅炉？"
    assert fixed("普邦圆林的核心价值观是什么？") == "普邦园林的核心价值观是什么？"


def test_a_slip_jieba_cuts_into_characters():
    assert fixed("湘潭的岳糖经开区承担什么任务？") == "湘潭的岳塘经开区承担什么任务？"
    # the text lacks 北边 and 上班: the common dictionary word that reads alike is meant
    assert fixed("南阳往北便送了多少水？") == "南阳往北边送了多少水？"
    assert fixed("他之前在哪儿上办？") == "他之前在哪儿上班？"


def test_a_slip_jieba_glues_onto_a_neighbour():
    # 小锅|路: the slipped 路 is a word of its own; 一|供给: the slipped 供 glued onto 给 (the text writes neither 供给)
    assert fixed("大连拆了多少台小锅路？") == "大连拆了多少台小锅炉？"
    assert fixed("省里一供给了多少钱？") == "省里一共给了多少钱？"
    # never a stretch cutting two words (一共|安置 is no 共安 → 公安), nor a word the text writes (锅炉 of 锅炉路)
    for question in ("工人一共安置了多少人？", "新法是哪一年开始施行的？"):
        assert fixed(question) == question


def test_a_slip_in_a_question_whose_canonical_form_differs():
    from retriever.query import without_slips

    assert without_slips("大连拆了多少台十吨的小锅路？", known, contains, ()) == "大连拆了多少台十吨的小锅炉？"


def test_a_dictionary_word_the_text_lacks_stays():
    assert fixed("南阳市环保局的办公地址在哪？") == "南阳市环保局的办公地址在哪？"  # the text writes 地质, not 地址


def test_a_slip_rivalled_by_a_commoner_word_stays():
    # 市之 reads like the text's 市直, but also like the commoner 市值 the text lacks, and 市直 never stands by 从
    assert "市之" in fixed("从市之派了多少人？")


def test_question_words_and_particles_are_no_slips():
    for question in ("南阳有多大？", "济宁罚了多少钱？", "我想知道大连有几项措施？", "大连拆锅炉那事儿花了多久？"):
        assert fixed(question) == question


def test_names_are_never_corrected():
    assert fixed("交经是谁？", names=["交经"]) == "交经是谁？"


def test_one_swapped_keeps_the_commonest_reading():
    swapped = set(one_swapped("北便"))
    assert "北边" in swapped and "北片" not in swapped


def test_parse_query_searches_the_corrected_question_and_keeps_the_typed_one():
    parsed = parse_query("大连出动了多少名交经？", {"jiaojing": ["交警"]}, known, contains=contains)
    assert parsed.text == "大连出动了多少名交警？" and parsed.typed == "大连出动了多少名交经？"
    assert "交警" in parsed.terms and "交经" not in parsed.terms
    plain = parse_query("大连出动了多少名交经？", {"jiaojing": ["交警"]}, known)
    assert plain.text == "大连出动了多少名交经？" and plain.typed == ""


def test_a_spoken_slip_is_answered_and_shown_as_understood(retriever):
    answer = retriever.answer("张海冰来环保局之前是在哪儿上办的呀？", k=3)  # 上办: the dictation of 上班
    assert answer.query == "张海冰来环保局之前是在哪儿上办的呀？"
    assert answer.rewritten == "张海冰来环保局之前是在哪儿上班的呀？"
    assert not answer.abstained and "上办" not in answer.terms
    plain = retriever.answer("张海冰来环保局之前是在哪里工作？", k=3)
    assert plain.rewritten == ""


def test_a_reading_as_typed_is_not_rewritten_into_a_word_the_text_lacks():
    # 靠前 starts a word jieba knows (靠前面): no 考前; 时一 of 年轻时一值 leaves jieba guessing 值到: no 十一
    assert fixed("南阳和济宁哪个城市的空气质量排名更靠前？") == "南阳和济宁哪个城市的空气质量排名更靠前？"
    assert fixed("区锦雄年轻时一值到哪条江游泳？") == "区锦雄年轻时一直到哪条江游泳？"


def test_tones_break_a_tie_between_readings():
    # 一值 (yī zhí): 一直 is the commonest reading and the only one that sounds so (一只 zhī, 一致 zhì are rivals apart)
    assert fixed("他以前一值在哪工作？") == "他以前一直在哪工作？"
    # 之派 (zhī pài): 支派 alone sounds so, but the commoner 指派 (zhǐ) rivals it: no rewrite
    assert "之派" in fixed("从市里之派了多少人？")
    # the text writes both 主体 and 主题: 主提 (zhǔ tí) sounds like 主题, not 主体 (zhǔ tǐ)
    def both(text: str) -> bool:
        return text in "论坛的主题。责任的主体。"

    assert corrected("论坛主提是什么？", find_slips("论坛主提是什么？", known, both)) == "论坛主题是什么？"


RIVER = "南阳全面推行河长制，让河长制向河长治转变。大连一共拆了锅炉。"


def test_a_stretch_never_cuts_a_word_far_likelier_than_its_reading():
    def river(text: str) -> bool:
        return text in RIVER

    def read(question: str) -> str:
        return corrected(question, find_slips(question, lambda t: t in {"河长制", "河长", "长治"}, river))

    assert read("南阳的河长至今有多少名？") == "南阳的河长至今有多少名？"  # 至今, not 河长治|今
    assert read("南阳怎么让河长至变成河长治？") == "南阳怎么让河长制变成河长治？"  # 河|长|至 as one stretch: 河长制


def test_a_function_word_the_text_never_writes():
    # the text never writes 一共: 一|供给 is still 一共|给 (给 is a word of its own), a common adverb the text need not hold
    def lacking(text: str) -> bool:
        return text in TEXT.replace("一共", "")

    assert corrected("省里一供给了多少钱？", find_slips("省里一供给了多少钱？", known, lacking)) == "省里一共给了多少钱？"
    assert corrected("大连一供拆了多少台锅炉？", find_slips("大连一供拆了多少台锅炉？", known, lacking)) == "大连一共拆了多少台锅炉？"
    for question in ("南阳往北方供给了多少水？", "统一供给了多少水？"):
        assert corrected(question, find_slips(question, known, lacking)) == question


def test_a_slip_after_a_count():
    # 多少交|经: a count's measure word is no slip's part (多少台锅炉), any other character may be (交经: 交警)
    assert fixed("大连出动了多少交经？") == "大连出动了多少交警？"
    assert fixed("大连拆了多少台锅炉？") == "大连拆了多少台锅炉？"


def test_a_rare_word_jieba_reads_apart_is_a_slip():
    # 大盖 (jieba counts it 3 times, its cut reads 大|盖) sounds exactly like the common 大概; 大概 itself stays
    assert fixed("大连大盖拆了多少台锅炉？") == "大连大概拆了多少台锅炉？"
    assert fixed("大连大概拆了多少台锅炉？") == "大连大概拆了多少台锅炉？"


def test_a_numeral_read_as_a_count_may_start_a_slip():
    from retriever.query import without_slips

    def sources(text: str) -> bool:
        return text in "围绕三源两河一中心，每吨罚款。"

    def terms(term: str) -> bool:
        return term in {"三源", "罚款"}

    # canonical() reads 三元 as 3元 (a count of yuan); the question types 三元 where the text writes 三源 (an index term)
    assert without_slips("南阳的三元两河一中心是什么？", terms, sources, ()) == "南阳的三源两河一中心是什么？"
    assert without_slips("济宁每吨罚款三元吗？", terms, sources, ()) == "济宁每吨罚款三元吗？"


def test_overlapping_readings_the_likelier_question_wins():
    # 时|一|值: 时一 reads like 十一 and 一值 like 一直; 年轻时一直 reads likelier than 年轻十一值
    assert fixed("他年轻时一值在哪工作？") == "他年轻时一直在哪工作？"


def test_the_tones_repair_only_how_a_question_asks():
    # 话为 sounds exactly like the dictionary's 化为 (the text lacks it), but a content word is no repair: 话 为 stays
    assert fixed("主持人用什么话为这次对话收尾？") == "主持人用什么话为这次对话收尾？"
