"""Answerability over a collection of articles: a question naming an article's subject is judged on that article
(retriever/answerability/subjects.py), so another article's sentence giving the asked words is no answer."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from index.records import Chunk, Kind
from retriever.answerability.features import Evidence, IndexFacts, analyse
from retriever.answerability.judge import reason
from retriever.answerability.subjects import asked_subjects, subject_entities, subject_of, subject_texts
from retriever.conversation.knowledge import build_knowledge

# Two articles in the manner of CMRC 2018's Chinese Wikipedia paragraphs.
COMEDIAN = "阵内智则是日本的搞笑艺人，出身于兵库县加古川市。1992年以单人搞笑艺人身份出道。"
SAMURAI = "前田利家是日本战国时代的武将。1569年，前田利家被织田信长任命为知行，继承了前田家的家督。"
DOCS = [SimpleNamespace(doc="d1", title="阵内智则"), SimpleNamespace(doc="d2", title="前田利家 (武将)"),
        SimpleNamespace(doc="d3", title="二十一世纪初期日本战国时代研究的新进展与问题")]


def chunk(doc: str, text: str) -> Chunk:
    sentences = [s + "。" for s in text.split("。") if s]
    spans, start = [], 0
    for s in sentences:
        spans.append((start, start + len(s)))
        start += len(s)
    return Chunk(f"{doc}#0", doc, "", "", "", 0, 1, 1, "".join(sentences), tuple(range(len(sentences))),
                 tuple(spans), tuple((1, 1) for _ in sentences), Kind.TEXT.value)


def facts(docs=DOCS) -> IndexFacts:
    text = COMEDIAN + SAMURAI
    names = build_knowledge([], [text], {})
    return IndexFacts((), names, lambda s: bool(s) and s in text, {}, None, subject_entities(docs))


def evidence(question: str, terms: tuple[str, ...], passages: list[Chunk]) -> Evidence:
    cosines = tuple(np.full(len(c.sentence_spans), 0.9) for c in passages)
    return Evidence(question, "zh", terms, tuple(passages), cosines, 0.9)


def test_a_short_title_names_its_documents_subject():
    assert subject_of("张永海 (1979年出生)") == "张永海"
    assert subject_of("《格斗天王》") == "格斗天王"
    assert subject_of("二十一世纪初期日本战国时代研究的新进展与问题") == ""  # a headline, not a name
    assert subject_of("水") == ""
    subjects = subject_entities(DOCS)
    assert [(e.speaker, e.aliases, e.docs) for e in subjects] == [("《前田利家》", ("前田利家",), ("d2",)),
                                                                   ("《阵内智则》", ("阵内智则",), ("d1",))]
    assert subject_entities(DOCS[:1]) == ()  # one document's title is about all of its passages: it names none apart
    assert subject_entities(DOCS[:1] + DOCS[2:]) == ()
    long_and_short = subject_entities([SimpleNamespace(doc="a", title="美国队长"), SimpleNamespace(doc="b", title="美国队长3")])
    assert [e.aliases for e in asked_subjects("美国队长3是哪一年上映的？", long_and_short)] == [("美国队长3",)]
    assert [e.aliases for e in asked_subjects("美国队长是谁创作的？", long_and_short)] == [("美国队长",)]


def test_a_subject_owns_every_passage_of_its_article():
    samurai = next(e for e in subject_entities(DOCS) if e.docs == ("d2",))
    assert samurai.owns(chunk("d2", "他后来成为加贺藩的藩祖。"))  # the article's passage need not repeat the name
    assert samurai.owns(chunk("d1", "阵内智则曾扮演前田利家。"))  # another article's passage that names him
    assert not samurai.owns(chunk("d1", COMEDIAN))


def test_another_articles_fact_does_not_answer_a_question_about_this_subject():
    """An entity swap of CMRC's near misses: the comedian's article never says 任命 or 知行; the samurai's does."""
    passages = [chunk("d2", SAMURAI), chunk("d1", COMEDIAN)]
    question = "阵内智则什么时候被任命为知行？"
    swapped = analyse(evidence(question, ("阵内智则", "任命", "知行"), passages), facts())
    assert swapped.entities == ("《阵内智则》",)
    assert swapped.values["entity_asked"] == 1.0 and swapped.values["entity_top"] == 0.5
    assert swapped.values["stated_answer"] == 0.0  # no sentence of the comedian's article tells of 任命 with a time
    # the samurai's sentence does, but in a collection every article writes someone's 职业 or 出生地: another
    # article's words are no rival fact, and only the subject's own article is read
    assert swapped.values["fact_elsewhere"] == 0.0
    said = reason(swapped, {"focus_sentence": -2.0})
    assert "关于《阵内智则》的段落" in said and "the passages about 阵内智则" in said and "发言" not in said

    # the same question in an index of one document (no subjects): judged on the best passages, the samurai's sentence
    # gives the asked words with a time, and nothing tells it is another person's
    alone = analyse(evidence(question, ("阵内智则", "任命", "知行"), passages), facts(DOCS[:1]))
    assert alone.entities == () and alone.values["stated_answer"] > 0 and alone.values["fact_elsewhere"] == 0.0

    # the question asked of the samurai is answered by his own article
    own = analyse(evidence("前田利家什么时候被任命为知行？", ("前田利家", "任命", "知行"), passages), facts())
    assert own.entities == ("《前田利家》",)
    assert own.values["stated_answer"] == 1.0 and own.values["fact_elsewhere"] == 0.0 and own.values["entity_top"] == 1.0


def test_an_attribute_another_article_gives_is_no_answer_for_this_one():
    """An attribute swap: the comedian's article gives no 身高; the other article's number is another person's."""
    tall = chunk("d2", "前田利家身高182厘米，在当时十分罕见。")
    passages = [tall, chunk("d1", COMEDIAN)]
    asked = analyse(evidence("阵内智则的身高是多少？", ("阵内智则", "身高"), passages), facts())
    assert asked.values["focus_sentence"] == 0.0 and asked.values["clause_number"] == 0.0
    other = analyse(evidence("前田利家的身高是多少？", ("前田利家", "身高"), passages), facts())
    assert other.values["focus_sentence"] == 1.0 and other.values["clause_number"] == 1.0


def test_an_attribute_the_subjects_article_never_writes_is_not_known_there():
    """CMRC's attribute near misses (寿命有多长, 成年后有多重): another article writes 寿命, the asked subject's does not;
    a collection is read article by article (subjects.subject_texts), the forum (one document) as a whole."""
    samurai = SAMURAI + "前田利家的寿命有六十二年，出生地是尾张国。"
    docs = [chunk("d1", COMEDIAN), chunk("d2", samurai)]
    names = build_knowledge([], [COMEDIAN + samurai], {})
    subjects = subject_entities(DOCS)
    whole = IndexFacts((), names, lambda s: bool(s) and s in COMEDIAN + samurai, {}, None, subjects)
    scoped = IndexFacts(whole.entities, names, whole.contains, {}, None, subjects, subject_texts=subject_texts(subjects, docs))
    assert set(scoped.subject_texts) == {"《阵内智则》", "《前田利家》"}
    asked = evidence("阵内智则的寿命有多长？", ("阵内智则", "寿命"), docs)
    assert analyse(asked, whole).values["focus_known"] == 1.0  # the collection writes 寿命 (the samurai's)
    found = analyse(asked, scoped)
    assert found.focus == ("寿命",) and found.unit == "" and found.values["focus_known"] == 0.0
    said = reason(found, {"focus_known": -3.0})
    assert "关于《阵内智则》的段落没有谈到：寿命" in said and "the passages about 阵内智则" in said
    own = analyse(evidence("前田利家的寿命有多长？", ("前田利家", "寿命"), docs), scoped)
    assert own.values["focus_known"] == 1.0  # his own article writes it
    # a where-question's words are the place's own noun or a verb the answer replaces: not required there
    where = analyse(evidence("阵内智则的出生地在哪里？", ("阵内智则", "出生地"), docs), scoped)
    assert where.values["focus_known"] == 1.0


def _scoped(docs_text: dict[str, str], known=None):
    """Facts over articles by doc id (d1 阵内智则, d2 前田利家), read article by article (subject_texts)."""
    docs = [chunk(d, t) for d, t in docs_text.items()]
    text = "".join(docs_text.values())
    names = build_knowledge([], [text], {})
    subjects = subject_entities(DOCS)
    return docs, IndexFacts((), names, lambda s: bool(s) and s in text, {}, known, subjects,
                            subject_texts=subject_texts(subjects, docs))


def test_the_subjects_article_may_write_the_asked_word_in_other_words():
    """cmrc6 (CMRC even-half false abstentions): 孩子 where the article writes 子女 (a word whose leading meaning is the
    asked word's first, heads.same_meaning_written); a place the question sets its fact in (在日本国内) is no asked word."""
    samurai = SAMURAI + "前田利家育有3名子女，寿命有六十二年。"
    comedian = COMEDIAN + "阵内智则的孩子有两个。"
    docs, scoped = _scoped({"d1": comedian, "d2": samurai}, known=lambda w: w in {"子女", "孩子"})
    kids = analyse(evidence("前田利家有几个孩子？", ("前田利家", "孩子"), docs), scoped)
    assert kids.focus == ("孩子",) and kids.values["focus_known"] == 1.0
    assert kids.unwritten == ()
    # the rule still reads the article: the samurai's article writes 寿命, the comedian's none
    lifespan = analyse(evidence("阵内智则的寿命有多长？", ("阵内智则", "寿命"), docs), scoped)
    assert lifespan.unwritten == ("寿命",)


def test_a_lifes_dates_and_a_latin_name_in_the_opening_bracket_answer_birth_and_english_name():
    """松平康忠（1546年－1618年9月28日）: when he was born and died, without 出生 or 逝世 (subjects.life_dates); 西贡商业信用
    银行（Saigon Thuong Tin Bank，Sacombank）: its English name, without 英文 (subjects.name_in_script)."""
    from retriever.answerability.subjects import language_of_name, life_dates, life_event, name_in_script

    assert life_dates("松平康忠(1546年-1618年9月28日),日本战国时代武将。") and life_dates("阵内智则(1974年2月22日-),日本艺人")
    assert not life_dates("渡川之战发生于1575年。(1575年-1600年)")  # not in the opening sentence
    assert life_event("出生") and life_event("逝世") and life_event("去世") and not life_event("任命")
    assert name_in_script("西贡商业信用银行(saigonthuongtin的bank,sacombank),成立于1991年") and not name_in_script("前田利家是武将")
    assert language_of_name("英文名称", "") and language_of_name("法文", "他的法文名字是什么") and not language_of_name("法文", "法文课")
    samurai = "前田利家（1539年1月15日－1599年4月27日），日本战国时代的武将。前田利家的儿子是前田利长。"
    comedian = COMEDIAN + "阵内智则出生于兵库县。他的祖父于1990年逝世，他毕业于高中。"
    docs, scoped = _scoped({"d1": comedian, "d2": samurai})
    born = analyse(evidence("前田利家是什么时候出生的？", ("前田利家", "出生"), docs), scoped)
    assert born.focus == ("出生",) and born.unwritten == ()
    died = analyse(evidence("前田利家是哪一年逝世的？", ("前田利家", "逝世"), docs), scoped)
    assert "逝世" not in died.unwritten
    appointed = analyse(evidence("前田利家什么时候毕业的？", ("前田利家", "毕业"), docs), scoped)
    assert "毕业" in appointed.unwritten  # the dates say when he was born and died, not every event of his life


def test_who_did_it_is_asked_by_the_doers_noun_where_the_article_writes_the_deed():
    """设计师 where the article writes 由…设计 (features._agent_written); a doer's noun whose verb it never writes stays
    unwritten (发明者 of a comedian)."""
    samurai = SAMURAI + "前田利家的城由工匠设计，他也是发明者。"
    comedian = COMEDIAN + "他的设计师朋友很多。"
    docs, scoped = _scoped({"d1": comedian, "d2": samurai})
    designer = analyse(evidence("前田利家的城的设计师是谁？", ("前田利家", "设计师"), docs), scoped)
    assert "设计师" in designer.focus and "设计师" not in designer.unwritten
    inventor = analyse(evidence("阵内智则的发明者是谁？", ("阵内智则", "发明者"), docs), scoped)
    assert "发明者" in inventor.unwritten


def test_a_compound_the_asker_built_around_the_articles_word_is_written_there():
    """营业网点 where the article writes 网点, 注册资金 where it writes 注册资本 (features._piece_written): the article
    speaks of the attribute; a compound none of whose words it writes is still unwritten."""
    samurai = SAMURAI + "前田利家的网点有211个，注册资本为30亿。"
    comedian = COMEDIAN + "公司的营业网点有5个，注册资金很少，电话号码不详。"
    docs, scoped = _scoped({"d1": comedian, "d2": samurai})
    outlets = analyse(evidence("前田利家有多少个营业网点？", ("前田利家", "营业网点"), docs), scoped)
    assert "营业网点" in outlets.focus and "营业网点" not in outlets.unwritten
    phone = analyse(evidence("前田利家的电话号码是多少？", ("前田利家", "电话号码"), docs), scoped)
    assert "电话号码" in phone.unwritten


def test_the_dimensions_own_noun_is_no_asked_word():
    """距离 of 距离莫斯科多远: the measure 多远 asks itself, which the answer's number gives (features._measure_noun)."""
    samurai = SAMURAI + "前田利家的城位于京都以西约110千米处。"
    comedian = COMEDIAN + "两地的距离很近。"
    docs, scoped = _scoped({"d1": comedian, "d2": samurai})
    far = analyse(evidence("前田利家的城距离京都多远？", ("前田利家", "距离", "京都"), docs), scoped)
    assert "距离" in far.focus and "距离" not in far.unwritten
