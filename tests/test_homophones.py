"""A capitalised name that only sounds like a common word of the text (index/homophones.py): real CC-CEDICT, and the
real index of the bundled transcript."""

from index.homophones import HOMOPHONES_KEY, homophone_names, homophones, named_keys
from index.lexicon import build_lexicon, translate, unknown_english_names
from index.lexicon_query import hanzi_for_pinyin

TERMS = ["伤害", "大连", "济宁", "南阳", "湘潭", "广州", "信箱", "园林", "普邦", "锅炉"]


def _lexicon():
    return build_lexicon(TERMS, ["苏国军"])


def test_the_build_lists_common_words_a_proper_name_sounds_like():
    lexicon = _lexicon()
    assert "shanghai 伤害" in lexicon[HOMOPHONES_KEY]
    assert homophones(lexicon)["xinxiang"] == frozenset({"信箱"})
    assert not {"dalian", "jining", "nanyang", "xiangtan", "guangzhou", "suguojun"} & set(homophones(lexicon))


def test_only_a_capitalised_word_names_the_place():
    lexicon = _lexicon()
    assert named_keys("How did Shanghai cut PM2.5?", lexicon) == {"shanghai"}
    assert named_keys("shanghai de wuran", lexicon) == frozenset()  # typed pinyin may still mean 伤害
    assert "伤害" not in translate("how did shanghai cut coal?", lexicon, "How did Shanghai cut coal?")
    assert "伤害" in translate("how does shanghai hurt people?", lexicon)
    assert hanzi_for_pinyin("Who talked about Shanghai?", lexicon) == "Who talked about Shanghai?"
    assert hanzi_for_pinyin("pubang yuanlin", lexicon) == "普邦 园林"


def test_a_homophone_name_is_unknown_and_the_texts_names_are_not():
    lexicon = _lexicon()
    never = lambda _: False  # noqa: E731
    assert unknown_english_names("Who talked about Shanghai?", lexicon, never) == ["Shanghai"]
    assert unknown_english_names("What did Xinxiang do about pollution?", lexicon, never) == ["Xinxiang"]
    assert unknown_english_names("How many boilers did Guangdong remove?", lexicon, never) == ["Guangdong"]  # no guang+dong
    asked = "Did Su Guojun compare Dalian, Jining, Nanyang, Xiangtan and Guangzhou boilers?"
    assert unknown_english_names(asked, lexicon, never) == []
    assert hanzi_for_pinyin("How many boilers did Dalian remove?", lexicon) == "How many boilers did 大连 remove?"
    assert homophone_names("Shanghai 谁讲了", lexicon, never) == ["Shanghai"]
    assert homophone_names("Dalian 锅炉 shanghai", lexicon, never) == []


def test_on_the_real_index_shanghai_is_refused_and_dalian_answered(retriever):
    lexicon = retriever.backend.lexicon
    assert "shanghai" in homophones(lexicon)
    for question in ("How did Shanghai cut PM2.5?", "Who talked about Shanghai?", "Shanghai 谁讲了"):
        assert retriever.answer(question, k=5).abstained, question
    assert not retriever.answer("How many boilers did Dalian tear down?", k=5).abstained
