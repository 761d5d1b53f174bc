"""The Retriever: query -> candidates (dense and BM25) -> fusion -> cited hits, over any storage backend."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.embed import Embedder
from index.errors import InvalidArgumentError, InvalidQueryError
from index.load import OpenIndex, open_index
from index.records import Chunk, DocRecord, Kind, Speaker
from index.store.base import Filter
from retriever.answerability import Answerability
from retriever.answerability.entities import cities_of
from retriever.articles import within_articles
from retriever.candidates import SentenceScores, both_runs
from retriever.evidence import boost, coverage, own_terms
from retriever.framing import answers_first, asked_kinds, asks_account, frame_of, framed
from retriever.fusion import fuse
from retriever.holding import holding_of
from retriever.ordinals import ordinal_first
from retriever.query import ParsedQuery, english_passage, parse_query, query_terms, title_aliases
from retriever.settings import FusionMethod, FusionSettings, SearchSettings
from retriever.stages import PARALLEL_MIN
from retriever.types import Answer, Citation, Hit, Mode

MAX_K = SearchSettings().max_k
PARSED = 256  # parsed questions remembered (Retriever.parse)
PSEUDO_SPEAKERS = frozenset({"对话人", "编者按", ""})  # passage kinds, not people


class Retriever:
    """Search an index of documents.

    Make one with Retriever.load(); it holds the opened index and the embedding model and is
    safe to call from several threads.
    """

    def __init__(self, index: OpenIndex, settings: SearchSettings | None = None) -> None:
        self.index = index
        self.backend = index.backend
        self.embedder: Embedder = index.embedder
        self.settings = settings or SearchSettings()
        self._speakers = {s.name: s for d in index.manifest.docs for s in d.speakers}
        self._docs = {d.doc: d for d in index.manifest.docs}
        self._hosts = tuple(name for name, s in self.speakers.items() if "主持" in s.title or s.role.startswith("主持"))
        # a large local index runs the sentence search and BM25 beside the passage search (retriever/stages.py)
        self._parallel = self.backend.kind == "local" and self.backend.chunks.count() >= PARALLEL_MIN
        self._titles = {d.doc: d.title for d in index.manifest.docs}
        self._aliases = title_aliases(self.speakers.values())  # 张局长 -> 张海冰 (retriever/query.py)
        self._names = tuple(self.speakers) + tuple(city for s in self.speakers.values() for city in cities_of(s))
        self.holding = holding_of(index.manifest.docs)  # what refusals name (retriever/holding.py)
        self._english: bool | None = None
        self._parsed = lru_cache(maxsize=PARSED)(self._parse)  # the index never changes under a Retriever
        self.answerability = Answerability.for_retriever(self)

    @classmethod
    def load(cls, path: str | Path, embedder: Embedder | str | None = None, verify: bool = True) -> Retriever:
        """Open an index folder (built by ``forumqa build``); nothing is built here.

        Args:
            path: the index folder; index.build.ensure_default_index() gives the bundled transcript's.
            embedder: the embedder to query with (must be the one the index was built with);
                None loads the one its manifest names.
            verify: check each index file's sha256 against the manifest.

        Raises:
            IndexNotFoundError, IndexCorruptError, IndexMismatchError, EmbedderError.
        """
        if path is None:
            raise InvalidArgumentError("Retriever.load needs an index folder; see index.build.ensure_default_index()")
        return cls(open_index(path, embedder=embedder, verify=verify))

    @property
    def path(self) -> Path:
        return self.index.path

    @property
    def fusion(self):
        return self.settings.fusion

    @property
    def speakers(self) -> dict[str, Speaker]:
        """Real speakers (people and the host) by name; 对话人 and 编者按 are passage kinds, not speakers."""
        return {name: s for name, s in sorted(self._speakers.items()) if name not in PSEUDO_SPEAKERS}

    @property
    def documents(self) -> list[DocRecord]:
        """The indexed documents."""
        return list(self._docs.values())

    @property
    def documents_by_id(self) -> dict[str, DocRecord]:
        """The indexed documents by id."""
        return self._docs

    @property
    def chunks(self) -> list[Chunk]:
        """Every passage of the index (for evaluation and listings, not the query path)."""
        return self.backend.chunks.all()

    def source_lines(self, doc: str) -> list[str] | None:
        """The lines of a document's text, for showing a citation in context."""
        return self.index.source_lines(doc)

    def query_terms(self, text: str) -> list[str]:
        """BM25 terms of a question (an English question's words are also mapped to Chinese terms)."""
        return query_terms(text, self.backend.lexicon)

    def check(self, k: int, mode: str | Mode, speaker: str | None = None, doc: str | None = None) -> Mode:
        """The mode as an Enum, after checking every argument.

        Raises:
            InvalidArgumentError: k out of range, unknown mode, speaker or document.
        """
        top = self.settings.max_k
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= top:
            raise InvalidArgumentError(f"k must be an integer from 1 to {top}, got {k!r}")
        try:
            mode = Mode(mode)
        except ValueError:
            raise InvalidArgumentError(f"unknown mode {mode!r}; use one of: {', '.join(m.value for m in Mode)}") from None
        if speaker is not None and speaker not in self._speakers:
            raise InvalidArgumentError(f"unknown speaker {speaker!r}; the index has: {', '.join(self.speakers)}")
        if doc is not None and doc not in self._docs:
            raise InvalidArgumentError(f"unknown document {doc!r}; the index has: {', '.join(sorted(self._docs))}")
        return mode

    def search(
        self, query: str, k: int = 5, mode: str | Mode = "hybrid", speaker: str | None = None, doc: str | None = None
    ) -> list[Hit]:
        """The k passages that best answer query, best first.

        Args:
            query: a question in Chinese or English (over 512 characters is cut to 512).
            k: number of passages, 1 to 100; fewer come back only when the index (or the filter) has fewer.
            mode: 'hybrid' (dense + BM25 fused), 'dense' or 'bm25'.
            speaker: only passages of this speaker (a name from Retriever.speakers).
            doc: only passages of this document (an id from Retriever.documents).

        Raises:
            InvalidQueryError: empty or non-string query.
            InvalidArgumentError: k out of range, unknown mode, speaker or document.
        """
        return self.search_batch([query], k=k, mode=mode, speaker=speaker, doc=doc)[0]

    def search_batch(
        self,
        queries: Sequence[str],
        k: int = 5,
        mode: str | Mode = "hybrid",
        speaker: str | None = None,
        doc: str | None = None,
    ) -> list[list[Hit]]:
        """search() for several queries (their embeddings are computed in one batch)."""
        if isinstance(queries, str):  # a str is a sequence too: its characters would be searched one by one
            raise InvalidQueryError("search_batch takes a list of queries, got a single string; use search()")
        mode = self.check(k, mode, speaker, doc)
        parsed = [self.parse(q) for q in queries]
        vectors = self.embed([p.search_text for p in parsed]) if mode != Mode.BM25 else [None] * len(parsed)
        where = Filter(speaker=speaker, doc=doc)
        return [self.run(p, v, k, mode, where)[0] for p, v in zip(parsed, vectors)]

    def parse(self, query: object) -> ParsedQuery:
        """The parsed question (retriever/query.py parse_query); a question asked again is parsed once (the
        evaluation searches, then answers, each question; its homophone slips cost most of the parse)."""
        return self._parsed(query) if isinstance(query, str) else self._parse(query)

    def _parse(self, query: object) -> ParsedQuery:
        return parse_query(
            query, self.backend.lexicon, self._known, self._speakers, self._aliases, self.holding.en,
            self.backend.chunks.contains_text, self.english_text,
        )

    def english_text(self, chunks: Sequence[Chunk] | None = None) -> bool:
        """Whether some passage is English text (read once, when first asked: a Chinese question with words the
        index does not hold), so that a Chinese question is also searched by its words' English glosses; chunks:
        the index's passages when the caller has read them already."""
        if self._english is None:
            passages = self.backend.chunks.all() if chunks is None else chunks
            self._english = any(english_passage(c.text) for c in passages)
        return self._english

    def _known(self, term: str) -> bool:
        """Whether a term is in the BM25 vocabulary."""
        return bool(self.backend.sparse.known([term]))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.encode_queries(list(texts))

    def run(
        self, query: ParsedQuery, vector: np.ndarray | None, k: int, mode: Mode, where: Filter
    ) -> tuple[list[Hit], SentenceScores, list[tuple[str, float]]]:
        """One search: (hits, the sentence cosines of the dense candidates, the dense run)."""
        dense, sentences, sparse = both_runs(
            self.backend, vector, query.sparse_terms if mode != Mode.DENSE else None, self.settings.depth(k), where,
            self.settings.sentence_weight, self._parallel,
        )
        fusion = self.settings.fusion.for_lang(query.lang)
        fused = fuse(dense if mode != Mode.BM25 else [], sparse, mode, fusion)
        convex = mode == Mode.HYBRID and sparse and fusion.method == FusionMethod.CONVEX
        covered = convex and fusion.coverage_weight
        framing = convex and (fusion.framing_weight or fusion.lead_in_margin)
        ordered = convex and fusion.within_article
        head = fused[: max(k, fusion.coverage_depth) if covered or framing or ordered else k]  # fetched once, for every step
        fetched = {c.chunk_id: c for c in self.backend.chunks.get([cid for cid, _ in head])}
        if covered:
            fused = self.by_coverage(fused, query, fusion, fetched)
        if framing:
            fused = self.by_framing(fused, query, fusion, fetched)
        if ordered:  # which of an article's passages comes first: its own words decide (retriever/articles.py)
            fused = within_articles(self.backend, fused, sparse, query.terms, fusion, fetched, self._titles, where,
                                    self.settings.depth(k))
        seen = [fetched[cid].text for cid, _ in fused[: len(head)] if cid in fetched]
        named = ordinal_first(query.text, seen) if len(seen) == len(head) else None  # 第二条规定了什么？: that article
        if named:
            fused = [fused[named], *fused[:named], *fused[named + 1 :]]
        fused = fused[:k]
        chunks = [fetched[cid] for cid, _ in fused]
        dense_of, sparse_of = dict(dense), dict(sparse)
        hits = [
            self.hit(chunk, score, rank, dense_of.get(chunk.chunk_id), sparse_of.get(chunk.chunk_id))
            for rank, (chunk, (_, score)) in enumerate(zip(chunks, fused), start=1)
        ]
        return hits, sentences, dense

    def by_coverage(
        self, fused: list[tuple[str, float]], query: ParsedQuery, fusion: FusionSettings, chunks: dict[str, Chunk]
    ) -> list[tuple[str, float]]:
        """The fused run with those of its first coverage_depth hits that are an article's running text raised by
        how many of the question's own terms their text holds (retriever/evidence.py); the rest keep their scores.
        chunks: the fetched passages by id (at least the first coverage_depth)."""
        top = fused[: fusion.coverage_depth]
        bonus = {}
        for chunk in (chunks[cid] for cid, _ in top):
            if chunk.kind != Kind.TEXT.value:  # a dialogue's turns, titles, headlines and notes: as fused
                continue
            record = self._docs.get(chunk.doc)
            context = (record.title if record else "", chunk.headline, chunk.speaker, chunk.role)
            bonus[chunk.chunk_id] = coverage(own_terms(query.terms, context), chunk.text)
        return boost(top, bonus, fusion.coverage_weight) + list(fused[fusion.coverage_depth :])

    def by_framing(
        self, fused: list[tuple[str, float]], query: ParsedQuery, fusion: FusionSettings, chunks: dict[str, Chunk]
    ) -> list[tuple[str, float]]:
        """The fused run with its first coverage_depth hits that frame the dialogue (retriever/framing.py) moved up
        when the question asks for their kind and down when it does not, and, when it asks how or why, a host's lead-in
        after the answer of its exchange on a near tie; chunks: the fetched passages by id."""
        depth = fusion.coverage_depth
        top = fused[:depth]
        frames = {cid: frame_of(chunks[cid].kind, chunks[cid].speaker) for cid, _ in top}
        asked = asked_kinds(query.search_text or query.text, self._hosts, self._names)
        floor = fused[depth][1] if len(fused) > depth else None  # the rest of the run is not looked at
        top = framed(top, frames, asked, fusion.framing_weight, floor)
        leads = (Kind.QUESTION.value, Kind.HEADLINE.value)  # the host's lead-ins and the section's headline
        exchanges = {
            cid: ((chunks[cid].doc, chunks[cid].headline), chunks[cid].kind in leads)
            for cid, _ in top
            if chunks[cid].headline and chunks[cid].kind in (*leads, Kind.SPEECH.value)
        }
        margin = fusion.lead_in_margin if asks_account(query.search_text or query.text) else 0.0
        return answers_first(top, exchanges, asked, margin, frames) + list(fused[depth:])

    def cite_lines(self, doc: str, line_start: int, line_end: int) -> tuple[int | None, int, int]:
        """(page, first line, last line) as cited: lines count within the page for documents with pages."""
        record = self._docs.get(doc)
        if record is None or not record.page_starts:
            return None, line_start, line_end
        page, first = record.page_of(line_start)
        last_page, last = record.page_of(line_end)
        return page, first, last if last_page == page else first + (line_end - line_start)

    def hit(self, chunk: Chunk, score: float, rank: int, dense: float | None, sparse: float | None) -> Hit:
        """A cited hit for a chunk."""
        record = self._docs.get(chunk.doc)
        page, line_start, line_end = self.cite_lines(chunk.doc, chunk.line_start, chunk.line_end)
        citation = Citation(
            chunk.doc, chunk.speaker, chunk.role, line_start, line_end, chunk.headline, page, chunk.kind,
            record.title if record else "",
        )
        return Hit(chunk.text, float(score), rank, chunk.chunk_id, citation, dense, sparse, chunk.kind)

    def answer(
        self,
        query: str,
        k: int = 5,
        mode: str | Mode = "hybrid",
        speaker: str | None = None,
        history: Sequence[str] | None = None,
        doc: str | None = None,
    ) -> Answer:
        """Search, pick each passage's best supporting sentence, and abstain when the text has no answer.

        Args:
            query: the question.
            k, mode, speaker, doc: as for search().
            history: the earlier questions of the conversation, oldest first; a follow-up that
                does not stand on its own is completed from them (Answer.rewritten).

        Returns:
            An Answer; when abstained, its passages are the closest ones, offered as 'may be related'.

        Raises:
            The errors of search().
        """
        from retriever.service import answer

        return answer(self, query, k=k, mode=mode, speaker=speaker, history=history, doc=doc)
