"""index.tokenize.whole_terms: a glossary term jieba cuts so that a piece is lost is kept whole as a BM25 term."""

from index.tokenize import tokenize, whole_terms


def test_a_term_cut_into_a_stopword_is_kept_whole():
    # 约谈 → 约 | 谈, and 谈 is a stopword: without the whole term neither the text nor a gloss of it had a term but 约
    assert "约谈" in whole_terms()
    assert "约谈" in tokenize("山东省济宁市第一季度主要污染指标反弹，被环保部门约谈后，压力空前。")
    assert tokenize("督查督办、约谈问责等具体办法").count("约谈") == 1
    assert tokenize("约谈、约谈").count("约谈") == 2  # as often as the text writes it


def test_a_term_whose_pieces_are_all_kept_is_left_alone():
    assert "燃煤锅炉" not in whole_terms()  # 燃煤 | 锅炉 already match
    assert "约谈" not in tokenize("约300万元")
