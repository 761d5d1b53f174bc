"""answer(): one search, a highlighted sentence per passage, and the decision whether the text answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from index.errors import InvalidArgumentError
from index.normalize import is_chinese, search_key
from index.store.base import NO_FILTER, Filter
from retriever.answer_sentence import asked_for
from retriever.answerability import Evidence, Verdict
from retriever.answerability.asked import asks_identity, asks_words
from retriever.answerability.entities import asked_entities, cities_of
from retriever.candidates import SentenceScores, sentence_scores
from retriever.conversation.focus import focus_evidence, focused_run
from retriever.highlight import answer_highlights
from retriever.ordinals import ordinal_first
from retriever.query import ParsedQuery
from retriever.types import Answer, Hit, Mode


@dataclass(frozen=True)
class Searched:
    """One question's search: the hits asked for, and the whole-index evidence answerability judges."""

    parsed: ParsedQuery
    hits: list[Hit]
    evidence: Evidence
    sentences: SentenceScores


def answer(
    retriever,
    query: str,
    k: int = 5,
    mode: str | Mode = "hybrid",
    speaker: str | None = None,
    history: Sequence[str] | None = None,
    doc: str | None = None,
) -> Answer:
    """Search, highlight and judge answerability, reusing the search already run whenever it can.

    Args:
        retriever: a loaded retriever.Retriever.
        query, k, mode, speaker, history, doc: see Retriever.answer.

    Raises:
        InvalidQueryError, InvalidArgumentError.
    """
    mode = retriever.check(k, mode, speaker, doc)
    typed = retriever.parse(query)
    completed = _completed(retriever, typed.text, history)
    rewritten = completed.text if completed is not None else typed.text if typed.typed else ""
    parsed = retriever.parse(rewritten) if completed is not None else typed
    focus = None if speaker or completed is None else completed.focus
    if (named := named_titles(retriever, parsed.text)) != parsed.text:  # 张局长以前在哪儿干？ → 张海冰以前在哪儿干？
        rewritten, parsed = named, retriever.parse(named)
    searched = search(retriever, parsed, k, mode, Filter(speaker=speaker, doc=doc), focus)
    backend = retriever.backend
    hits = searched.hits
    chunks = backend.chunks.get([h.chunk_id for h in hits])
    hosts = {name for name, s in retriever.speakers.items() if "主持" in s.title or s.role.startswith("主持")}
    asked = asked_for(parsed.text, parsed.terms, backend.lexicon, entity_names(retriever), subjects(retriever, chunks))
    found, chosen = answer_highlights(
        chunks, [searched.sentences[c.chunk_id] for c in chunks], asked, [h.kind for h in hits],
        [h.citation.speaker in hosts for h in hits], owned_by_asked(retriever, parsed.text, chunks, parsed.lang),
        titles=[h.citation.title for h in hits],
    )
    chosen = named_article(parsed.text, chunks, chosen)
    highlights = []
    for chunk, highlight in zip(chunks, found):
        page, first, last = retriever.cite_lines(chunk.doc, highlight.line_start, highlight.line_end)
        highlights.append(replace(highlight, page=page, line_start=first, line_end=last))
    verdict = retriever.answerability.judge(searched.evidence)
    filters = {name: value for name, value in (("speaker", speaker), ("doc", doc)) if value}
    if verdict.abstained:  # 副总裁是谁？他是哪里人？: the parts the text answers (retriever/conversation/parts.py)
        from retriever.conversation.parts import answer_by_parts

        # refused for a name the text never mentions (the 2018 World Cup): a part is answered alone only where it
        # names a subject of the text's own (who scored in the final? leans on the cup; session 24, parts2)
        alone = (lambda part: bool(retriever.answerability.analyse(evidence_for(retriever, part)).entities)
                 ) if verdict.analysis.unknown else None
        parted = answer_by_parts(lambda part, earlier: answer(retriever, part, k, mode, speaker, earlier, doc),
                                 typed.text, history, k, alone)
        if parted is not None:
            return replace(parted, query=typed.typed or typed.text, filters=filters)
    return Answer(
        query=typed.typed or typed.text,
        passages=searched.hits,
        highlights=highlights,
        abstained=verdict.abstained,
        confidence=verdict.probability,
        terms=list(parsed.terms),
        notice="；".join(x for x in (parsed.notice, verdict.reason) if x),
        filters=filters,
        rewritten=rewritten,
        answer_index=chosen,
    )


def named_article(question: str, chunks: Sequence, chosen: int) -> int:
    """The passage the answer comes from: when the question names an article (第二条规定了什么？) and a passage
    opens with that article, that passage (its words, 规定, may match another article better); else chosen."""
    found = ordinal_first(question, [chunk.text for chunk in chunks])
    return chosen if found is None else found


def named_titles(retriever, question: str) -> str:
    """The question with each speaker it names by surname and title written by name (张局长 → 张海冰, 区总 → 区锦雄,
    Director Xu → Xu Wei; retriever.conversation.referents.titled_speakers): the text writes the name, so a question
    that keeps the title asks about someone the judge finds nowhere. The index's entities are read only when the
    question names someone so. (The search already reads the longer titles so: retriever.query.title_aliases.)"""
    from retriever.conversation.pronouns import titled_people

    if not titled_people(question, is_chinese(question)):
        return question
    from retriever.conversation import knowledge_for
    from retriever.conversation.referents import titled_speakers

    return titled_speakers(question, knowledge_for(retriever))[0]


def entity_names(retriever) -> list[str]:
    """The speakers' names and their cities (王奇, 南阳): who or where a question asks about, not what."""
    return list(retriever.speakers) + [city for s in retriever.speakers.values() for city in cities_of(s)]


SUBJECT_CHARS = 12  # a title this short names the document's subject (蒋巨峰, 斯氏腔吻鳕), not what it says


def subjects(retriever, chunks) -> list[str]:
    """The short titles of the passages' documents: an article's subject, which its first sentence names and the
    others do not (本鱼, 他). Like a speaker's name, a question word only within it says who or what is asked about,
    not what is asked, so it does not draw the highlight to the defining sentence (斯氏腔吻鳕为…鼠尾鳕科的其中一种)."""
    titles = (retriever.documents_by_id.get(c.doc) for c in chunks)
    return list(dict.fromkeys(t.title.strip() for t in titles if t and 1 < len(t.title.strip()) <= SUBJECT_CHARS))


def owned_by_asked(retriever, question: str, chunks, lang: str = "zh") -> list[bool] | None:
    """Whether each passage belongs to a speaker or city the question names (None when it names none). When it asks
    what they said (张三说了什么？), only their own turns: a title or byline naming them says nothing of theirs."""
    facts = retriever.answerability.facts
    entities = asked_entities(question, facts.names, facts.entities)
    if not entities:
        return None
    if asks_words(question, lang):
        return [any(c.speaker and c.speaker == e.speaker for e in entities) for c in chunks]
    if asks_identity(question, lang):  # who they are: a passage that writes their name (with the role it gives them)
        naming = [any(e.named_in(search_key(c.text)) for e in entities) for c in chunks]
        if any(naming):
            return naming
    return [any(e.owns(c) for e in entities) for c in chunks]


def judge(retriever, query: str) -> Verdict:
    """The answerability verdict on a question, with its features."""
    return retriever.answerability.judge(evidence_for(retriever, query))


def evidence_for(retriever, query: str) -> Evidence:
    """The whole-index evidence answer() judges a question on (for calibration: no model needed)."""
    return search(retriever, retriever.parse(query), retriever.settings.evidence_k, Mode.HYBRID, NO_FILTER).evidence


def search(retriever, parsed: ParsedQuery, k: int, mode: Mode, where: Filter, focus=None) -> Searched:
    """The hits asked for and the whole-index hybrid evidence: one run unless a filter, another mode or the
    conversation's focus (retriever.conversation.focus) makes the hits differ from the whole-index ranking.
    """
    backend, evidence_k = retriever.backend, retriever.settings.evidence_k
    vector = retriever.embed([parsed.search_text])[0]
    shared = where.empty and mode == Mode.HYBRID and focus is None
    depth = max(k, evidence_k) if shared else k
    hits, sentences, dense = focused_run(retriever, focus, parsed, vector, depth, mode, where)
    if shared:
        top, full_dense, hits = hits[:evidence_k], dense, hits[:k]
    else:
        top, more, full_dense = retriever.run(parsed, vector, evidence_k, Mode.HYBRID, NO_FILTER)
        top = focus_evidence(retriever, top, focus, parsed.terms)  # judged on the focus speaker's passage when earned
        sentences = {**more, **sentences}
    ids = list(dict.fromkeys(h.chunk_id for h in hits + top))
    sentences = {**sentences, **sentence_scores(backend, vector, [i for i in ids if i not in sentences])}
    return Searched(parsed, hits, gather_evidence(backend, parsed, top, sentences, full_dense), sentences)


def dense_margin(scores: Sequence[float], depth: int = 5) -> float:
    """How far the best dense score stands above the next ones (mean of ranks 2 to depth+1); 0 without them."""
    return float(scores[0] - np.mean(scores[1 : depth + 1])) if len(scores) > 1 else 0.0


def gather_evidence(
    backend, parsed: ParsedQuery, top: list[Hit], sentences: SentenceScores, dense: list[tuple[str, float]]
) -> Evidence:
    """The evidence answerability judges: the whole-index top passages with their sentence cosines."""
    chunks = tuple(backend.chunks.get([h.chunk_id for h in top]))
    return Evidence(
        question=parsed.text,
        lang=parsed.lang,
        terms=parsed.terms,
        passages=chunks,
        sentence_cosines=tuple(np.asarray(sentences[c.chunk_id]) for c in chunks),
        top_dense=float(dense[0][1]) if dense else 0.0,
        dense_margin=dense_margin([score for _, score in dense]),
    )


def _completed(retriever, question: str, history: Sequence[str] | None):
    """The follow-up completed from the history (a retriever.rewrite.Rewrite), None when it stands on its own."""
    if history is None:
        return None
    if isinstance(history, str) or not all(isinstance(turn, str) for turn in history):
        raise InvalidArgumentError(f"history must be a list of earlier questions (strings), got {history!r:.80}")
    if not any(turn.strip() for turn in history):
        return None
    from retriever.conversation import complete

    result = complete(retriever, question, history)
    return result if result.changed and result.text != question else None
