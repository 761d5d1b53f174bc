"""Phrases keyed as written (index/phrases.py), names in glosses (index/gloss_senses.names_one) and the English units
of the answerability judge: on the real CC-CEDICT lexicon built over a few terms."""

from index.gloss_senses import names_one
from index.glossary import phrase_key
from index.lexicon import build_lexicon, translate
from index.phrases import written_key, written_spans
from retriever.answerability.units import english_units


def test_a_phrase_of_one_content_word_is_keyed_as_written():
    assert written_key("to clean up") == "clean up"
    assert written_key("to be responsible for") == "respons for"
    assert written_key("at the source") == "at the sourc"
    assert written_key("at the same time", content_first=True) == ""  # an adverbial of the text: no key
    assert written_key("sulfur dioxide") == "" and written_key("boiler") == ""
    assert phrase_key("carry out") == "carri out" and phrase_key("source of pollution") == "sourc pollut"


def test_a_phrasal_verb_is_matched_in_any_form_and_with_its_object_between():
    keys = {"clean up", "carri out", "track down", "list as"}
    assert [k for _, _, k in written_spans("Who carried out the plan?", keys)] == ["carri out"]
    assert [k for _, _, k in written_spans("the heavy-metal clean-up", keys)] == ["clean up"]
    assert [k for _, _, k in written_spans("What did Xiangtan list pollution control as?", keys)] == ["list as"]
    assert written_spans("a clean river up north", keys) == []  # 'up' after 'river': no phrase


def test_clean_alone_is_no_clean_up_and_carry_alone_no_carry_out():
    lexicon = build_lexicon(["治理", "整治", "清理", "落实", "实施", "干净"])
    assert {"治理", "清理"} <= set(translate("How did Xiangtan clean up the river?", lexicon))
    assert "治理" not in translate("Is the water clean?", lexicon)  # the glossary's 'clean up' keyed 治理 by 'clean'
    assert "落实" in translate("Who carried out the checks?", lexicon)
    assert "落实" not in translate("What did the truck carry?", lexicon)


def test_a_generic_word_is_no_one_named_institution():
    assert names_one("Renmin University of China") and names_one("Pearl River") and names_one("Xiangjiang river")
    assert not names_one("Party committee") and not names_one("boiler")
    lexicon = build_lexicon(["人大", "大学", "微信", "珠江"])
    terms = translate("Which university are they working with?", lexicon)
    assert "大学" in terms and "人大" not in terms  # st017: 'Renmin University' keyed 人大 by 'university'
    assert "珠江" in translate("the Pearl River", lexicon) and "珠江" not in translate("Which river?", lexicon)
    assert "微信" in translate("Is there a WeChat account?", lexicon)  # 'Weixin or WeChat': the name itself keys it


def test_a_phrasal_verb_is_one_unit_and_framing_is_no_unit():
    lexicon = build_lexicon(["追查", "跟踪", "大连", "推行", "制度", "合作", "共治"])
    units = {u.label: u.forms for u in english_units("How did Dalian track them down?", lexicon)}
    assert "追查" in units["track"] and "跟踪" not in units["track"]  # the phrase's meaning, not the verb's
    assert not {"them", "down", "did"} & set(units)
    units = {u.label for u in english_units("Which system did Nanyang roll out under its Co-Governance plan?", lexicon)}
    assert "co" not in units and "out" not in units
    rolled = {u.label: u.forms for u in english_units("Which system did Nanyang roll out?", lexicon)}
    assert "推行" in rolled["roll"]
    assert not {u.label for u in english_units("What happens when someone gets it?", lexicon)}


def test_a_compound_noun_of_a_phrasal_verb_is_the_phrase():
    from index.lexicon_query import word_key
    from index.phrases import compound_key

    lexicon = build_lexicon(["关停", "整治", "治理"])
    assert compound_key("shutdown", lexicon) == "shut down" and word_key("cleanup", lexicon) in lexicon
    assert compound_key("turnover", lexicon) == "" and compound_key("boiler", lexicon) == ""
    assert "关停" in translate("When was the shutdown ordered?", lexicon)


def test_paying_and_stepping_up_meet_the_texts_verbs():
    lexicon = build_lexicon(["承担", "加强", "立足", "方案", "严厉打击"])
    terms = translate("Who foots the bill for the clean-up?", lexicon)
    assert "承担" in terms and "立足" not in terms and "方案" not in terms  # foot is no foothold, bill no proposal
    assert "承担" in translate("Who paid for it?", lexicon)
    assert "加强" in translate("Did Jining step up inspections?", lexicon)
    assert "严厉打击" in translate("How did the city clamp down on illegal discharge?", lexicon)
