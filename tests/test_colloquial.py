"""Spoken Chinese questions are searched in their written form (index/colloquial.py)."""

from __future__ import annotations

from index.colloquial import how_many_written, written_form
from retriever.query import parse_query


def test_spoken_words_are_written_out():
    assert written_form("大连那边锅炉拆了多少啊？") == "大连锅炉拆了多少？"
    assert written_form("黄标车车主找不着人了咋办？") == "黄标车车主找不到人了怎么办？"
    assert written_form("湘潭那个老锰矿后来变成啥了？") == "湘潭那个老锰矿后来变成什么了？"
    assert written_form("治污的钱都是打哪来的？") == "治污的钱都是来自哪里的？"
    assert written_form("这个项目叫啥来着？") == "这个项目叫什么？"
    assert written_form("這個咋辦？") == "这个怎么办？"  # traditional is simplified first
    assert written_form("大连拆除了多少台燃煤锅炉？") == "大连拆除了多少台燃煤锅炉？"  # written Chinese is left alone
    assert written_form("How many boilers?") == "How many boilers?"
    assert written_form("湘潭治污的钱光指望国家拨款行不行？") == "湘潭治污的钱只指望国家拨款行不行？"  # 光 'only'
    assert written_form("光靠国家给钱够不够？") == "只靠国家给钱够不够？" and written_form("钱花光了") == "钱花光了"
    assert written_form("这边的情况") == "这边的情况"  # 这边 at the start names a place: kept
    assert written_form("一块钱能买很多钱的东西吗") == "一块钱能买很多钱的东西吗"  # 一块 and 多钱 are written words too


def test_a_spoken_question_has_the_terms_of_its_written_twin():
    spoken = parse_query("黄标车车主找不着人了咋办？", {})
    written = parse_query("黄标车车主找不到人了怎么办？", {})
    assert spoken.text == "黄标车车主找不着人了咋办？"  # the question as typed is kept
    assert spoken.terms == written.terms and "怎么办" not in spoken.terms and "咋办" not in spoken.terms
    assert spoken.search_text == written.search_text == "黄标车车主找不到人了怎么办？"


def test_an_index_word_that_jieba_cuts_with_a_spoken_neighbour_is_read_again():
    from retriever.query import recut_terms

    vocabulary = {"河长制", "南阳", "最后", "变成"}
    question = "他们那河长制最后要变成个啥？"
    parsed = parse_query(question, {}, vocabulary.__contains__)
    assert "河长制" in parsed.terms  # jieba cuts 那河 | 长制 here, 河长制 in 全面推行河长制
    assert recut_terms(question, ["那河", "长制"], vocabulary.__contains__) == ["河长制"]
    assert recut_terms(question, ["那河", "长制"], {"河长"}.__contains__) == []  # only words of three or more
    assert recut_terms("南阳河长制", ["南阳", "河长制"], vocabulary.__contains__) == []  # known words: nothing to read


def test_mainland_forms_from_the_cached_table_are_opencc_own(tmp_path, monkeypatch):
    """mainland() reads jieba's dictionary words from a table worked out once by OpenCC (index/mainland_table.py),
    written on the first call and read (memory-mapped) on the next: the same form as OpenCC gives, for a sample of
    the table and for words outside it, which still go through OpenCC."""
    import random

    from index import colloquial, mainland_table

    monkeypatch.setenv("FORUMQA_CACHE_DIR", str(tmp_path))
    words = mainland_table.dictionary_words()
    sample = random.Random(5).sample(words, 3000) + ["资讯", "软体", "网路", "计程车", "锅炉", "南阳市"]
    outside = ["资讯网路", "湘潭岳塘区", "燃媒锅炉", "普邦圆林"]
    for run in ("worked out", "read"):
        mainland_table.mainland_table.cache_clear()
        colloquial.mainland.cache_clear()
        table = mainland_table.mainland_table(colloquial._converted)
        assert len(table) == len(words) > 300_000 and len(list(tmp_path.glob("mainland-*.packed"))) == 1, run
        assert all(w not in table for w in outside)
        for word in sample + outside:
            assert colloquial.mainland(word) == colloquial._converted(word), (run, word)
    assert colloquial.mainland("资讯") == "信息" and colloquial.mainland("锅炉") == ""
    mainland_table.mainland_table.cache_clear()
    colloquial.mainland.cache_clear()


def test_where_one_works_is_written_out_in_each_form():
    """在哪干, 在哪儿干 and 在哪里干 ask where someone works: 干 closing the question or before an aspect word (的, 过,
    了); 干什么, 干啥 (what one does there) and other words (干燥, 干部) are not work."""
    for asked in ("在哪干", "在哪儿干", "在哪里干"):
        assert written_form(f"他以前{asked}？") == "他以前在哪里工作？"
        assert written_form(f"张局长以前是{asked}的？") == "张局长以前是在哪里工作的？"
        assert written_form(f"他{asked}过") == "他在哪里工作过"
        assert written_form(f"他之前{asked}了几年？") == "他之前在哪里工作了几年？"
    assert written_form("他在哪里干活？") == "他在哪里工作？"
    assert written_form("他在哪儿干什么？") == "他在哪里干什么？"
    assert written_form("他在哪干啥？") == "他在哪做什么？"
    assert written_form("他在哪里干了什么？") == "他在哪里干了什么？"
    assert written_form("衣服在哪里干燥？") == "衣服在哪里干燥？"


def test_south_western_how_many():
    assert how_many_written("竹埠港那边企业退出咋个样了，好多家走了？") == "竹埠港那边企业退出咋个样了，多少家走了？"
    assert how_many_written("济宁专职网格员有好多人？") == "济宁专职网格员有多少人？"
    # Mandarin 'many': another word asks, or no question
    assert how_many_written("好多企业都关了，关了几家？") == "好多企业都关了，关了几家？"
    assert how_many_written("大连拆了好多台锅炉吗？") == "大连拆了好多台锅炉吗？"
    assert how_many_written("好多年前的事了") == "好多年前的事了"
