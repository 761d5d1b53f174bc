"""The subjects of an index's documents, as answerability sees them: a short title names what its document is about.

In a collection of articles (an encyclopaedia, a user's archive of profiles) each document is about one subject, named
by its title (阵内智则, 南宁市第二中学, 斯氏腔吻鳕). A question that writes that name asks about that subject, as a
question naming a speaker asks about that speaker (entities.py), and only that subject's passages can answer it: the
asked words standing together in another article (任命 and 知行 of another samurai, 人口 and a number of another town)
are someone else's fact. Without this binding the judge read a question about any article's subject on the best few
passages of the whole index, and answered whatever it asked whenever some article gave it (python -m eval.cmrc
--abstention-only: near-miss refusal on CMRC 2018's even half 0.283).

A subject is an Entity (entities.Entity) whose passages are its documents' (every passage of an article, whether or
not it repeats the name: 本鱼, 他) and any passage that names it. Only the subjects of an index of several documents
count: one document's title is about all of its passages (the forum transcript's is about all of them), which names no
passage apart. The question's own entities (a speaker, a city) come first: a subject is asked only when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from index.normalize import search_key
from retriever.answerability.entities import Entity

SUBJECT_CHARS = 12  # a title this short names the document's subject (蒋巨峰, 斯氏腔吻鳕), not what it says (service.py)
_QUALIFIER = re.compile(r"\s*[（(][^）)]*[）)]\s*")  # 张永海 (1979年出生), 格斗天王 (电视剧): the name is before it


def subject_of(title: str) -> str:
    """The subject a document's title names (search_key form): the title without a bracketed qualifier or 《》; ''
    when it is too long to be a name (a report's headline) or shorter than two characters."""
    name = _QUALIFIER.sub("", title).strip().strip("《》").strip()
    return search_key(name) if 2 <= len(name) <= SUBJECT_CHARS else ""


def subject_entities(docs: Iterable) -> tuple[Entity, ...]:
    """One Entity per subject of an index's documents (index.records.DocRecord: doc, title), owning those documents'
    passages; () unless the index holds documents of two subjects or more.

    Args:
        docs: the index's documents (the manifest's DocRecords: doc id and title).
    """
    by_subject: dict[str, list[str]] = {}
    for doc in docs:
        subject = subject_of(doc.title)
        if subject:
            by_subject.setdefault(subject, []).append(doc.doc)
    if len(by_subject) < 2:
        return ()
    return tuple(Entity(f"《{s}》", (s,), tuple(d)) for s, d in sorted(by_subject.items()))


def subject_texts(subjects: Sequence[Entity], chunks: Iterable) -> dict[str, str]:
    """Each subject's articles (all their passages, search_key form), by the subject's name (Entity.speaker): the
    text a question about that subject is answered from, where its asked attribute must be written ({} without
    subjects).

    Args:
        subjects: subject_entities of the index.
        chunks: the index's passages (index.records.Chunk).
    """
    if not subjects:
        return {}
    owner = {d: e.speaker for e in subjects for d in e.docs}
    parts: dict[str, list[str]] = {}
    for chunk in chunks:
        if chunk.doc in owner:
            parts.setdefault(owner[chunk.doc], []).append(search_key(chunk.text))
    return {name: "\n".join(texts) for name, texts in parts.items()}


# A life's dates in brackets after the subject's name, opening its article: 松平康忠（1546年－1618年9月28日）,
# 阵内智则（1974年2月22日－）: when it was born and when it died, without a verb saying so (search_key form: （ → (, － → -)
_LIFE_DATES = re.compile(r"\([^()\n]*?\d{1,4}年[^()\n]*?[-—–~～至][^()\n]*?\)")
_LIFE_EVENT = re.compile(r"\b(?:born|birth|birthday|die|died|death|pass away|passed away)\b")


def life_dates(article: str) -> bool:
    """Whether an article (search_key form) opens with its subject's dates in brackets: its first sentence holds a
    bracket with a year and a dash (1546年-1618年9月28日, 1974年2月22日-)."""
    return bool(_LIFE_DATES.search(article.split("\n", 1)[0].split("。", 1)[0]))


def life_event(word: str) -> bool:
    """A word whose CC-CEDICT first meaning is being born or dying (出生, 诞生, 逝世, 去世, 死亡, 生日): the dates of a
    life in brackets answer when it happened (life_dates)."""
    from retriever.answerability.heads import meanings

    return any(_LIFE_EVENT.search(m) for m in meanings(word))


# The subject's name in another script, in a bracket of the article's first sentence: 西贡商业信用银行（Saigon Thuong Tin
# Bank，Sacombank）, 让-皮埃尔·巴利冈（Jean-Pierre Balligand，…）: its English or French name, without the word 英文
_SCRIPT_NAME = re.compile(r"\([^()\n]*?[a-z][a-z.'\-]{2,}[^()\n]*?\)")
# A name asked in a language (英文名称, 法文名字, 英语名, 拉丁文学名): X文/X语 with 名, 名称, 名字, 全称, 简称 or 缩写
_LANGUAGE = re.compile(r"[\u4e00-\u9fff]{1,3}[文语]")
_NAME_WORD = r"的?(?:学名|名称|名字|名|全称|简称|缩写)"


def name_in_script(article: str) -> bool:
    """Whether an article (search_key form) gives its subject's name in Latin script in a bracket of its first
    sentence (西贡商业信用银行(saigonthuongtin的bank,sacombank))."""
    return bool(_SCRIPT_NAME.search(article.split("\n", 1)[0].split("。", 1)[0]))


def language_of_name(word: str, question: str) -> bool:
    """Whether an asked word is the language a name is asked in (英文 of 英文名字是什么, 法文 of 法文名字, or the whole
    英文名称): X文 or X语, with the name word in it or after it in the question."""
    language = _LANGUAGE.match(word)
    if not language:
        return False
    rest = word[language.end() :]
    if rest:
        return bool(re.fullmatch(_NAME_WORD, rest))
    return bool(re.search(re.escape(word) + _NAME_WORD, search_key(question)))


def asked_subjects(question: str, subjects: Sequence[Entity]) -> list[Entity]:
    """The subjects a question writes (search_key form), a shorter one only when it is no part of a longer one the
    question writes too (美国队长 of 美国队长3 is not asked of its own)."""
    folded = search_key(question)
    named = [e for e in subjects if e.named_in(folded)]
    return [e for e in named if not any(o is not e and e.aliases[0] in o.aliases[0] for o in named)]


__all__ = [
    "SUBJECT_CHARS", "asked_subjects", "language_of_name", "life_dates", "life_event", "name_in_script",
    "subject_entities", "subject_of", "subject_texts",
]
