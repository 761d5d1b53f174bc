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


def asked_subjects(question: str, subjects: Sequence[Entity]) -> list[Entity]:
    """The subjects a question writes (search_key form), a shorter one only when it is no part of a longer one the
    question writes too (美国队长 of 美国队长3 is not asked of its own)."""
    folded = search_key(question)
    named = [e for e in subjects if e.named_in(folded)]
    return [e for e in named if not any(o is not e and e.aliases[0] in o.aliases[0] for o in named)]


__all__ = ["SUBJECT_CHARS", "asked_subjects", "subject_entities", "subject_of", "subject_texts"]
