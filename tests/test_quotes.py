"""The quoted-phrase check (retriever/answerability/quotes.py): invented quotes close to real ones."""

from __future__ import annotations

from index.records import Chunk
from retriever.answerability.quotes import chinese_found, english_found, quote_check, quoted

TEXT = (
    "过去环保局在政府里面说话没有地位、办事没有抓手，环保工作群众不满意。老工业城市污染治理单靠国家投入是远远不够的。"
    "环境保护任重道远，但环保工作的春天来\n了，环保部门要尽快适应新形势。广州流行一句口头语：河水可以当墨水卖。"
    "全市共拆除1416台10吨以下燃煤锅炉。让违法排污、屡查屡犯的企业一处违法、处处受限。"
)


def test_quoted_phrases():
    assert quoted("“环保工作要靠天吃饭”是谁说的？") == ["环保工作要靠天吃饭"]
    assert quoted("「绿水青山不如金山银山」是谁说的？") == ["绿水青山不如金山银山"]
    assert quoted('Who said that "pollution is the price of growth"?') == ["pollution is the price of growth"]
    assert quoted("王奇说过网格员都是志愿者吗？") == ["网格员都是志愿者"]
    assert quoted("张海冰是不是说过环境整治工作永远在路上？") == ["环境整治工作永远在路上"]
    assert quoted("Who said at the forum that protecting the environment means protecting productivity?") == [
        "protecting the environment means protecting productivity"
    ]


def test_terms_and_asked_claims_are_no_phrases():
    assert quoted("“河长制”是哪个城市推行的？") == []  # a quoted term, checked as a word elsewhere
    assert quoted("张海冰说过大连拆了多少台锅炉吗？") == []  # the claim asks a question word
    assert quoted("Who said what at the forum?") == []
    assert quoted("我邻居说检查组一年才来一次，是这样吗？") == []


def test_real_quotes_after_normalisation():
    for phrase in ("环保工作的春天来了", "環保工作的春天來了", "全市共拆除一千四百一十六台十吨以下燃煤锅炉", "一处违法，处处受限"):
        assert chinese_found(phrase, [TEXT]), phrase


def test_slips_are_tolerated():
    for phrase in ("河水可以当墨水买", "环保局在政府里说话没有地位",
                   "老工业城市污染治理单靠国家投入是不够的", "一处违法，处处受到限制"):
        assert chinese_found(phrase, [TEXT]), phrase


def test_changed_words_are_not():
    for phrase in ("环保工作的冬天来了", "污染治理全靠国家投入", "河水可以当饮用水卖", "环保局在政府里面说话最有分量",
                   "环保工作要靠天吃饭"):
        assert not chinese_found(phrase, [TEXT]), phrase


def test_english_needs_three_words_and_a_mapping():
    lexicon = {"river": ["河水"], "water": ["水"], "sold": ["卖"], "ink": ["墨水"], "human": [], "air": ["空气"]}
    assert english_found("river water could be sold as ink", ["河水可以当墨水卖"], lexicon) is True
    assert english_found("clean air is a basic human right", ["河水可以当墨水卖"], lexicon) is False
    assert english_found("the ruhr", ["河水可以当墨水卖"], lexicon) is None


def test_quote_check_reports_found_phrases():
    chunk = Chunk("c0", "d", "张海冰", "", "", 0, 1, 2, TEXT, ())
    assert quote_check("“河水可以当墨水买”是谁说的？", [chunk], {}) == ((), ("河水可以当墨水买",))
    assert quote_check("“河水可以当饮用水卖”是谁说的？", [chunk], {}) == (("河水可以当饮用水卖",), ())
    assert quote_check("大连拆了多少台锅炉？", [chunk], {}) == ((), ())


def test_the_reason_names_the_phrase():
    from retriever.answerability.features import FEATURES, Analysis
    from retriever.answerability.judge import reason

    values = dict.fromkeys(FEATURES, 0.0) | {"quote_absent": 1.0}
    why = reason(Analysis(values, unquoted=("环保工作要靠天吃饭",)), {})
    assert "“环保工作要靠天吃饭”" in why and "never says" in why
