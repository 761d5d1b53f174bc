"""How readers word a question that asks the same thing: a speaker's surname and title (张局长), a polite opening
(请问、我想了解一下), a Chinese particle or opening around an English question. The search reads each as the plain
question (real index)."""

from __future__ import annotations

import pytest

from index.normalize import is_chinese
from retriever.answerability.asked import answer_kind
from retriever.query import title_aliases, with_names


def _ids(retriever, question: str) -> list[str]:
    return [h.chunk_id for h in retriever.search(question, k=5)]


def test_a_surname_and_title_name_the_one_speaker_with_both(retriever):
    aliases = title_aliases(retriever.speakers.values())
    assert aliases["张局长"] == "张海冰" and aliases["许局长"] == "许伟" and aliases["区副总裁"] == "区锦雄"
    assert "李局长" not in aliases and "局长" not in aliases  # no speaker, or no surname: nothing to resolve
    assert not any(alias.startswith("中") for alias in aliases)  # the host (中国环境报) is no person
    assert with_names("王副局长说了什么", aliases) == "王副局长说了什么"  # 王奇 is 局长, not 副局长


def test_a_title_is_ambiguous_when_two_speakers_share_surname_and_title():
    from index.records import Speaker

    speakers = [Speaker("张海冰", "大连市环保局局长", title="局长"), Speaker("张明", "某市环保局局长", title="局长"),
                Speaker("王奇", "南阳市环保局副局长", title="副局长")]
    aliases = title_aliases(speakers)
    assert "张局长" not in aliases
    assert aliases["王副局长"] == aliases["王局长"] == "王奇"  # a 副局长 is addressed as 局长 too


@pytest.mark.parametrize(
    ("titled", "named", "speaker"),
    [
        ("张局长来环保局之前是在哪儿上班的呀？", "张海冰来环保局之前是在哪儿上班的呀？", "张海冰"),
        ("苏局长认为环保部门手里数据零零散散的问题该怎么解决？", "苏国军认为环保部门手里数据零零散散的问题该怎么解决？", "苏国军"),
        ("区副总裁是哪里人？", "区锦雄是哪里人？", "区锦雄"),
    ],
)
def test_the_search_reads_a_surname_and_title_as_the_speakers_name(retriever, titled, named, speaker):
    assert retriever.parse(titled).terms == retriever.parse(named).terms
    hits = retriever.search(titled, k=5)
    assert [h.chunk_id for h in hits] == _ids(retriever, named)
    assert hits[0].citation.speaker == speaker  # 张局长 before: 苏国军's passage came first


def test_a_title_that_names_no_speaker_is_searched_as_typed(retriever):
    assert retriever.parse("李局长说了什么？").terms == ("李", "局长")


@pytest.mark.parametrize(
    ("framed", "plain"),
    [
        ("我想了解一下，济宁在城边上摆了多少个测空气的小站？", "济宁在城边上摆了多少个测空气的小站？"),
        ("I'd like to know, which policy paper lays out Dalian's roadmap for greener growth?",
         "Which policy paper lays out Dalian's roadmap for greener growth?"),
        ("请问一下，How does Nanyang make sure someone is personally answerable for each river呢？",
         "How does Nanyang make sure someone is personally answerable for each river？"),
    ],
)
def test_the_askers_opening_is_not_searched(retriever, framed, plain):
    parsed = retriever.parse(framed)
    assert parsed.text == framed  # shown as typed
    assert (parsed.terms, parsed.lang) == (retriever.parse(plain).terms, retriever.parse(plain).lang)
    assert _ids(retriever, framed) == _ids(retriever, plain)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("我想了解一下，Who is Ou Jinxiong?", "en"),
        ("请问，Who is Ou Jinxiong呢？", "en"),
        ("Where is Ou Jinxiong from啊", "en"),
        ("区锦雄是哪里人呢？", "zh"),
        ("请问 Dalian 烟尘削减了多少吨？", "zh"),
    ],
)
def test_the_language_is_the_questions_own_not_its_openings_or_particles(retriever, question, lang):
    assert retriever.parse(question).lang == lang


def test_sentence_final_particles_do_not_make_a_question_chinese():
    assert not is_chinese("Who said it呢？")  # six letters and a particle: English
    assert is_chinese("呢？")  # nothing but the particle: counted after all
    assert is_chinese("大连拆了多少锅炉吗？")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("济宁出的那些行业导则都管什么地方啊？", None),  # a kind of site (建筑工地、煤炭堆场): no named place
        ("济宁出的那些行业导则都管哪些地方啊？", None),
        ("区锦雄是什么地方人？", "origin"),
        ("论坛在哪里举行？", "place"),
    ],
)
def test_what_places_and_which_places_ask_alike(question, kind):
    assert answer_kind(question, "zh") == kind
