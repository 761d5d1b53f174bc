"""A build derives the cached tables a question reads (index/question_tables.py), so its first question derives none."""

from __future__ import annotations

from index import colloquial, common_glossed, lexicon, pinyin, provinces, question_tables


def test_warm_writes_the_common_place_and_person_word_tables(tmp_path, monkeypatch):
    """warm() (the end of a build) writes common_places-1 and common_person_words-1 into the cache folder, and a
    question's look-up then reads them (here from small stand-in derivations: the wiring, not the tables)."""
    monkeypatch.setenv("FORUMQA_CACHE_DIR", str(tmp_path))
    for name in ("cedict_words", "mainland", "chars_read_first"):  # the older tables: tested elsewhere, slow to derive
        monkeypatch.setattr({"cedict_words": lexicon, "mainland": colloquial, "chars_read_first": pinyin}[name], name,
                            lambda *a: None)
    monkeypatch.setattr(provinces, "places_by_province", lambda: None)
    derived: list[tuple[str, ...]] = []
    monkeypatch.setattr(common_glossed, "_common_glossed",
                        lambda tags: derived.append(tuple(tags)) or frozenset({"新建"} if "ns" in tags else {"籍贯", "张三"}))
    common_glossed.common_places.cache_clear()
    common_glossed.common_person_words.cache_clear()
    try:
        question_tables.warm()
        assert derived == [("ns",), ("nr", "nrt", "nrfg")]
        written = sorted(p.name.rsplit("-", 1)[0] for p in tmp_path.glob("cedict_common_*.table"))
        assert written == ["cedict_common_person_words-1", "cedict_common_places-1"]
        common_glossed.common_places.cache_clear()
        common_glossed.common_person_words.cache_clear()
        assert common_glossed.common_word("新建") and common_glossed.common_person_word("籍贯")
        assert not common_glossed.common_person_word("张三")  # a surname: a person's name
        assert len(derived) == 2  # read from the cache folder, not derived again
    finally:
        common_glossed.common_places.cache_clear()
        common_glossed.common_person_words.cache_clear()


def test_the_first_question_after_a_build_derives_no_common_word_table(retriever, monkeypatch):
    """Questions that ask the common-word tables (新建 tagged as a place, 籍贯 as a person's name) read them from the
    cache folder the session build warmed: nothing is derived."""
    derived: list[tuple[str, ...]] = []
    derive = common_glossed._common_glossed
    monkeypatch.setattr(common_glossed, "_common_glossed", lambda tags: derived.append(tuple(tags)) or derive(tags))
    common_glossed.common_places.cache_clear()
    common_glossed.common_person_words.cache_clear()
    retriever.answer("区锦雄的籍贯是哪里？")
    retriever.answer("南阳明年新建多少个监测站？")
    assert common_glossed.common_places.cache_info().currsize == 1  # asked …
    assert common_glossed.common_person_words.cache_info().currsize == 1
    assert derived == []  # … and read, not derived


def test_the_cached_person_words_are_the_derivation():
    """The cached common_person_words-1 table is exactly what its derivation gives (jieba's tags, CC-CEDICT's glosses)."""
    fresh = frozenset(w for w in common_glossed._common_glossed(("nr", "nrt", "nrfg")) if not common_glossed.person_name(w))
    assert common_glossed.common_person_words() == fresh and "籍贯" in fresh and "奥巴马" not in fresh
