"""The English/pinyin → Chinese lexicon built from CC-CEDICT for the index's own terms."""

from __future__ import annotations

from index.lexicon import build_lexicon, pinyin_variants, stem, translate, unknown_english_names

LEXICON = build_lexicon(["锅炉", "二氧化硫", "南阳", "济宁", "区锦雄", "张海冰", "湘潭", "燃煤", "拆除", "PPP"])


def test_glosses_and_pinyin_become_keys():
    assert "锅炉" in LEXICON["boiler"]
    assert "二氧化硫" in LEXICON[stem("sulfur") + " " + stem("dioxide")]
    assert LEXICON["nanyang"] == ["南阳"] and LEXICON["jining"] == ["济宁"]
    assert "ou" + "jinxiong" in LEXICON  # 区 read ou as a surname, not only qu
    assert "qujinxiong" in pinyin_variants("区锦雄") or "oujinxiong" in pinyin_variants("区锦雄")


def test_stem_is_shared_by_glosses_and_queries():
    assert stem("boilers") == stem("boiler") == "boiler"
    assert stem("dismantling") == "dismantl" and stem("glass") == "glass"
    assert stem("provinces") == stem("province") and stem("pollution") == stem("pollute")  # Snowball, not suffix cuts


def test_translate_maps_an_english_question_to_chinese_terms():
    terms = translate("How much sulfur dioxide did Nanyang's boilers emit?", LEXICON)
    assert {"二氧化硫", "南阳", "锅炉"} <= set(terms)
    assert translate("Xyzzy frobozz", LEXICON) == []


def test_unknown_english_names():
    corpus = "大连拆除锅炉ppp模式2016年"
    assert unknown_english_names("What is the capital of France?", LEXICON, corpus.__contains__) == ["France"]
    assert unknown_english_names("What did Zhang Haibing and Ou Jinxiong say in Nanyang?", LEXICON, corpus.__contains__) == []
    assert unknown_english_names("Does Xiangtan use the PPP model in November?", LEXICON, corpus.__contains__) == []
    assert unknown_english_names("What are the fines in Shanghai and Chengdu?", LEXICON, corpus.__contains__) == [
        "Shanghai", "Chengdu"]  # pinyin, but of no transcript term
    assert unknown_english_names("Did Director Haibing Zhang visit Nanyang?", LEXICON, corpus.__contains__) == []
    assert unknown_english_names("Who won the 2016 US election?", LEXICON, corpus.__contains__) == ["US"]  # not 'us'
    assert unknown_english_names("HOW MANY BOILERS DID NANYANG DISMANTLE?", LEXICON, corpus.__contains__) == []


def test_capitalised_english_that_looks_known_is_not_an_unknown_name():
    from index.lexicon import ENGLISH_KEY, looks_known

    words = "diversion reservoir city wide issu protect water source south north say"
    lexicon = {**LEXICON, ENGLISH_KEY: words.split(), "guojun": ["国军"]}  # 苏国军 is cut 苏 | 国军 (a term)
    corpus = "南阳"
    question = "How Does Nanyang Protect the Water Source of the South-to-North Water Diversion? What Did Su Guojun Say?"
    assert unknown_english_names(question, lexicon, corpus.__contains__) == []
    assert looks_known("Citywide", lexicon) and looks_known("Issued", lexicon) and looks_known("Su", lexicon)
    assert unknown_english_names("What Did Li Keqiang Say?", lexicon, corpus.__contains__) == ["Keqiang"]
    assert unknown_english_names("What is the GDP of France?", lexicon, corpus.__contains__) == ["GDP", "France"]


def test_english_gloss_tokens_for_passages_and_questions():
    from index.lexicon import document_english, query_english

    passage = document_english(["锅炉", "二氧化硫", "了"])
    assert "en:boiler" in passage and "en:sulfur_dioxid" in passage
    question = query_english("How much sulfur dioxide did the boilers emit?")
    assert {"en:sulfur_dioxid", "en:boiler", "en:sulfur"} <= set(question)


def test_pinyin_names_are_written_in_characters_for_the_embedder():
    from index.lexicon import ENGLISH_KEY, hanzi_for_pinyin

    lexicon = {**LEXICON, ENGLISH_KEY: ["boiler"]}
    assert hanzi_for_pinyin("Nanyang 的 guolu 拆了多少", lexicon) == "南阳 的 锅炉 拆了多少"
    assert hanzi_for_pinyin("What did Ou Jinxiong say?", lexicon) == "What did 区锦雄 say?"
    assert hanzi_for_pinyin("the boiler", lexicon) == "the boiler"


def test_inflected_english_words_find_their_base_form_keys():
    from index.wordforms import base_forms, key_of

    keys = {"source", "hold", "patrol", "scrap", "issue", "leave", "jining", "boiler", "new"}
    assert key_of("sources", keys, stem) == "source"  # the light stem alone gives 'sourc'
    assert key_of("held", keys, stem) == "hold" and key_of("left", keys, stem) == "leave"
    assert key_of("patrolling", keys, stem) == "patrol" and key_of("scrapped", keys, stem) == "scrap"
    assert key_of("issued", keys, stem) == "issue" and key_of("boilers", keys, stem) == "boiler"
    assert key_of("jining", keys, stem) == "jining"  # a pinyin name is not cut like a verb
    assert key_of("jining", keys | {"jine"}, stem) == "jining"  # nor stemmed into other pinyin (jine: 金额)
    assert key_of("news", keys, stem) == "new"  # a word whose own stem is a key keeps it
    assert key_of("xyzzies", keys, stem) == stem("xyzzies")
    assert base_forms("applied")[:3] == ["applied", "appli", "apply"]
    # a compound's -men plural meets its -man gloss (CC-CEDICT: 渔民 fisherman), as men meets man
    men = {stem("fisherman"), stem("chairwoman"), "specimen"}
    assert key_of("fishermen", men, stem) == stem("fisherman") and key_of("chairwomen", men, stem) == stem("chairwoman")
    assert key_of("specimen", men, stem) == "specimen"  # a singular in -men keeps its own key


def test_question_framing_is_dropped_and_hyphenated_words_are_split():
    from index.lexicon_query import content_words

    lexicon = {**LEXICON, "south north": ["南水北调"], "water": ["水"]}
    words = [w for w, _ in content_words("What did Su Guojun say about the South-to-North Water Diversion?", lexicon)]
    assert words == ["su", "guojun", "south", "north", "water", "diversion"]
    assert "南水北调" in translate("the South-to-North Water Diversion", lexicon)
    assert content_words("What happens to someone who has them?", lexicon) == []


def test_a_speaker_name_the_tokenizer_splits_is_keyed_by_its_pinyin():
    from index.lexicon import NAMES_KEY, hanzi_for_pinyin

    lexicon = build_lexicon(["国军", "环保"], names=["苏国军", "环保"])
    assert lexicon["suguojun"] == ["苏国军"] and lexicon[NAMES_KEY] == ["苏国军"]  # 环保 is a term already
    assert {"苏", "国军"} <= set(translate("What did Su Guojun say?", lexicon))
    assert "苏国军" not in translate("What did Su Guojun say?", lexicon)  # no BM25 term: its words are searched
    assert hanzi_for_pinyin("Su Guojun 说了什么", lexicon) == "苏国军 说了什么"


def test_pinyin_run_together_is_split_into_known_words():
    from index.lexicon import hanzi_for_pinyin
    from index.lexicon_query import pinyin_pieces

    lexicon = build_lexicon(["网格", "济宁", "锅炉", "大连"])
    assert pinyin_pieces("wanggeyuan", lexicon) == [("wangge", ["网格"]), ("yuan", [])]
    assert pinyin_pieces("dalianguolu", lexicon) == [("dalian", ["大连"]), ("guolu", ["锅炉"])]
    assert pinyin_pieces("asdfghjkl", lexicon) is None and pinyin_pieces("jining", lexicon) is None
    assert hanzi_for_pinyin("Jining wanggeyuan 多少人", lexicon) == "济宁 网格 yuan 多少人"
    assert {"济宁", "网格"} <= set(translate("Jining wanggeyuan 多少人", lexicon))


def test_a_long_gloss_keys_the_phrases_of_its_head_only():
    from index.lexicon import gloss_keys

    assert "huai river" in gloss_keys("淮河") and "river" not in gloss_keys("淮河")  # 'Huai River, main river of east China, …'
    assert "chemic industri" in gloss_keys("化工") and "abbr" not in gloss_keys("化工")  # '…, abbr. of 化學工業[…]'
    lexicon = build_lexicon(["淮河", "河流"])
    assert "淮河" in translate("Where does the Huai River rise?", lexicon)


def test_a_light_verb_gives_no_terms_of_its_own_but_its_phrases_count():
    from index.lexicon_query import query_english

    lexicon = build_lexicon(["采取", "主持", "利用", "牵头", "工作", "首先"])
    assert "采取" in lexicon["take"]  # CC-CEDICT: 'to take' among many senses
    terms = translate("What was the first thing he did after taking the job?", lexicon)
    assert not {"采取", "利用", "牵头"} & set(terms) and "工作" in terms
    assert "主持" in translate("Who will take charge of it?", lexicon)  # the gloss phrase 'take charge'
    assert "en:take" in query_english("after taking the job", lexicon)  # one token for all its senses


def test_an_english_ordinal_gives_the_folded_chinese_ordinal():
    from index.tokenize import tokenize
    from index.wordforms import ordinal_terms

    assert tokenize("我做的第一件事情")[-4:-1] == ["第", "1", "件"]  # the index folds 第一 to 第1
    assert ordinal_terms("First") == ("第", "1") and ordinal_terms("third") == ("第", "3") and ordinal_terms("once") == ()
    assert {"第", "1"} <= set(translate("What was the first thing he did?", build_lexicon(["首先"])))


def test_the_domain_glossary_fills_cc_cedict_gaps():
    from index.glossary import entries, phrase_key

    assert len(entries()) >= 300
    lexicon = build_lexicon(["烟尘", "省", "水库", "污染", "源", "网格", "锅炉", "燃煤"])
    assert "烟尘" in translate("How much soot was cut?", lexicon)  # CC-CEDICT: only 'smoke and dust'
    assert "省" in translate("Which provinces meet here?", lexicon)  # CC-CEDICT's second entry of 省
    assert "水库" in translate("the Reservoirs", lexicon)
    assert "污染" in translate("pollution", lexicon)  # CC-CEDICT: 'to pollute'
    assert phrase_key("Sources of pollution") == "sourc pollut" and phrase_key("pollution sources") == "pollut sourc"
    assert {"网格"} <= set(translate("How many grid supervisors?", lexicon))  # 网格员 is no term: the words it is cut into
    assert {"燃煤", "锅炉"} <= set(translate("coal-fired boilers", lexicon))


def test_money_raised_borrowed_and_grid_cells_meet_the_texts_words():
    from retriever.answerability.units import english_units

    lexicon = build_lexicon(["融资", "债券", "发行", "银行", "贷款", "网格", "乡镇"])
    assert {"融资", "债券"} <= set(translate("How much did Xiangtan raise in bonds?", lexicon))  # CC-CEDICT: 提出, 提升
    assert "融资" in translate("How much money was raised?", lexicon)
    assert {"发行", "债券"} <= set(translate("the bond issue", lexicon))
    assert "贷款" in translate("How much did the city borrow?", lexicon)
    cells = {u.label: u.forms for u in english_units("How many township grid cells did Nanyang set up?", lexicon)}
    assert "网格" in cells["cells"] and "乡镇" in cells["township"]  # 'cells' alone maps nothing: no unmapped word


def test_a_glossary_phrase_is_keyed_whole_not_word_by_word():
    lexicon = build_lexicon(["河长"])
    assert "河长" in translate("What is the river chief system?", lexicon)
    assert "河长" not in translate("Who is the editor in chief?", lexicon)


def test_the_tokenizer_id_changes_with_the_lexicon_and_the_glossary(monkeypatch):
    import index.glossary
    import index.lexicon
    from index.tokenize import tokenizer_id

    before = tokenizer_id()
    monkeypatch.setattr(index.lexicon, "LEXICON_ID", index.lexicon.LEXICON_ID + "-next")
    assert tokenizer_id() != before  # a lexicon change rebuilds the default index (index/default_index.py)
    monkeypatch.undo()
    monkeypatch.setattr(index.glossary, "fingerprint", lambda: "0123456789")
    assert tokenizer_id() != before


def test_a_gloss_keys_its_term_alone_by_its_head_not_by_a_modifier():
    from index.gloss_senses import head_words
    from index.lexicon import gloss_keys

    assert head_words("to make a firm resolution") == ["make"]
    assert head_words("firm and resolute") == ["firm", "resolute"]
    assert head_words("for a time") == [] and head_words("one time") == []  # an adverbial, a count
    assert head_words("to bring about") == [] and head_words("next year") == ["next"]  # 'year' is a stopword
    assert "firm" not in gloss_keys("下定决心") and "firm" in gloss_keys("公司")  # 'to make a firm resolution'
    assert "time" not in gloss_keys("一度")  # 'for a time; at one time; one time; once'
    assert "firm resolut" in gloss_keys("下定决心")  # the gloss's phrases still key it
    assert "boiler" in gloss_keys("锅炉") and "qualiti" in gloss_keys("水质")  # a whole gloss; the head
    assert "cut" in gloss_keys("削减")  # 'to cut down': a phrasal verb, but 削 is 'to cut'


def test_a_general_english_word_keys_only_a_term_it_is_the_whole_gloss_of():
    from index.gloss_senses import general_words

    assert {"time", "peopl", "water", "work"} <= general_words() and "boiler" not in general_words()
    lexicon = build_lexicon(["人们", "万人", "水", "水质", "一度"])
    assert lexicon["peopl"] == ["人们"]  # not 万人 'ten thousand people'
    assert lexicon["water"] == ["水"] and lexicon["water qualiti"] == ["水质"]
    assert "time" not in lexicon
    assert translate("How many firms moved out?", build_lexicon(["公司", "下定决心"])) == ["公司"]


def test_a_year_the_text_never_writes_is_unknown_but_not_a_decade_span_or_start():
    from index.lexicon import unknown_years

    text = {"2012", "2015", "2016"}.__contains__
    assert unknown_years("How much water did the project send north in 2010?", text) == ["2010"]
    assert unknown_years("What did the 2018 central inspection find?", text) == ["2018"]
    assert unknown_years("What was done in 2016?", text) == []
    assert unknown_years("What did people joke about in the 1990s?", text) == []
    assert unknown_years("What grade has the water kept since 2011?", text) == []  # 十二五以来: a plan period
    assert unknown_years("the common thread over the 2016-2020 plan period", text) == []
    assert unknown_years("from 2011 to 2015", text) == []


def test_a_derived_adverb_keys_its_term_as_written_not_by_its_adjectives_stem():
    from index.lexicon import adverb_key, gloss_keys

    assert adverb_key("finally") == "finally" and adverb_key("timely") == "timely"  # not final, time
    assert adverb_key("supply") == stem("supply") and adverb_key("early") == stem("early")  # no derived adverbs
    assert adverb_key("boilers") == stem("boilers")
    keys = gloss_keys("到底")  # 'finally': a question's 'final' (Who scored in the final?) no longer finds it
    assert "finally" in keys and "final" not in keys
    assert "final" not in build_lexicon(["到底"]) and build_lexicon(["到底"])["finally"] == ["到底"]


def test_a_sense_of_another_register_keys_nothing():
    from index.lexicon import gloss_keys

    assert "doctor" not in gloss_keys("先生")  # '(dialect) doctor'
    assert "club" not in gloss_keys("酒店")  # '(Tw) hostess club'
    assert "give" in gloss_keys("给予")  # '(literary) to give': written Chinese is literary; kept


def test_a_name_written_in_common_words_is_unknown_unless_the_text_names_it():
    corpus = "大连拆除锅炉"
    found = unknown_english_names("How does the United States regulate car exhaust?", LEXICON, corpus.__contains__)
    assert found == ["United States"]  # united, states: common words one by one
    assert unknown_english_names("Is the Great Wall visible from space?", LEXICON, corpus.__contains__) == ["Great Wall"]
    keyed = {**LEXICON, "great wall": ["长城"]}  # a text writing 长城 keys its gloss 'great wall'
    assert unknown_english_names("Is the Great Wall visible from space?", keyed, corpus.__contains__) == []
    assert unknown_english_names("Is The Great Wall Visible From Space?", LEXICON, corpus.__contains__) == []  # title
