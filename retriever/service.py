"""answer(): one search, a highlighted sentence per passage, and the decision whether the text answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from index.errors import InvalidArgumentError
from index.store.base import NO_FILTER, Filter
from retriever.candidates import sentence_scores
from retriever.conversation.focus import focused_run
from retriever.highlight import best_sentence
from retriever.types import Answer, Mode


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
    rewritten = completed.text if completed is not None else ""
    parsed = retriever.parse(rewritten) if rewritten else typed
    focus = None if speaker or completed is None else completed.focus
    backend, settings = retriever.backend, retriever.settings
    vector = retriever.embed([parsed.search_text])[0]
    where = Filter(speaker=speaker, doc=doc)
    hits, sentences, dense = focused_run(retriever, focus, parsed, vector, k, mode, where)

    ids = [h.chunk_id for h in hits]
    sentences = {**sentences, **sentence_scores(backend, vector, [i for i in ids if i not in sentences])}
    highlights = []
    for chunk in backend.chunks.get(ids):
        highlight = best_sentence(chunk, sentences[chunk.chunk_id], list(parsed.terms), parsed.search_text)
        page, first, last = retriever.cite_lines(chunk.doc, highlight.line_start, highlight.line_end)
        highlights.append(replace(highlight, page=page, line_start=first, line_end=last))

    # Answerability judges the whole index, whatever the filter, mode or the conversation's focus.
    if where.empty and mode == Mode.HYBRID and k >= settings.evidence_k and focus is None:
        evidence, full_dense = hits, dense
    else:
        evidence, _, full_dense = retriever.run(parsed, vector, settings.evidence_k, Mode.HYBRID, NO_FILTER)
    top_dense = full_dense[0][1] if full_dense else 0.0
    terms = list(parsed.terms)
    coverage = len(backend.sparse.known(terms)) / len(terms) if terms else 0.0
    abstained, reason = retriever.abstainer.judge(
        parsed.search_text,
        top_dense,
        coverage,
        backend.chunks.contains_text,
        backend.lexicon,
        [h.text for h in evidence[: settings.evidence_k]],
        retriever._known,
    )
    filters = {name: value for name, value in (("speaker", speaker), ("doc", doc)) if value}
    return Answer(
        query=typed.text,
        passages=hits,
        highlights=highlights,
        abstained=abstained,
        confidence=round(float(top_dense), 4),
        terms=terms,
        notice="；".join(x for x in (parsed.notice, reason) if x),
        filters=filters,
        rewritten=rewritten,
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
