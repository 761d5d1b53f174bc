"""The Retriever: hybrid (dense + BM25) search over a built index, cited passages, highlights, abstention."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.build import DEFAULT_INDEX, build_index
from index.dense import search_faiss
from index.embed import Embedder
from index.errors import (
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    InvalidArgumentError,
    InvalidQueryError,
)
from index.lexicon import translate
from index.load import IndexData, load_index
from index.sparse import bm25_scores
from index.store import read_manifest
from index.tokenize import tokenize
from retriever.abstain import Abstainer
from retriever.fusion import convex, rrf
from retriever.highlight import best_sentence
from retriever.query import clean_query, is_chinese, norm
from retriever.types import Answer, Citation, Hit, Mode

MAX_K = 100
CANDIDATES = 50  # hits fetched from each side before fusion (at least 4x the final k)
# Tuned on eval/gold.jsonl (see eval/reports/eval.md): dense = 0.4 x passage cosine + 0.6 x best
# sentence cosine; hybrid = 0.55 x min-max(dense) + 0.45 x BM25 / max(BM25) (a plateau from 0.40 to 0.50).
FUSION = {"method": "convex", "weights": (0.55, 0.45), "norms": ("minmax", "max"), "k": 60}
SENTENCE_WEIGHT = 0.6
EVIDENCE_K = 5  # passages over the whole transcript that abstention looks at


def default_index_path() -> Path:
    """The default index folder: $FORUMQA_INDEX, else index_store/default in the source tree."""
    return Path(os.environ.get("FORUMQA_INDEX") or DEFAULT_INDEX)


class Retriever:
    """Search an index of forum transcripts.

    Build one with Retriever.load(); it holds the whole index and the embedding model in
    memory and is safe to call from several threads.
    """

    def __init__(self, data: IndexData, embedder: Embedder, fusion: dict | None = None) -> None:
        self.data = data
        self.embedder = embedder
        self.fusion = dict(fusion or FUSION)
        self.chunks = data.chunks
        self._by_id = {chunk.chunk_id: chunk for chunk in self.chunks}
        self._speaker_ids = {}
        for position, chunk in enumerate(self.chunks):
            self._speaker_ids.setdefault(chunk.speaker, []).append(position)
        self._speaker_ids = {name: np.asarray(ids, dtype=np.int64) for name, ids in self._speaker_ids.items()}
        self._sentence_vectors = data.sentence_vectors
        # chunk -> its sentences, flattened, for a per-chunk max of sentence scores (np.maximum.reduceat)
        self._sentence_flat = np.asarray([i for c in self.chunks for i in c.sentence_ids], dtype=np.int64)
        self._sentence_starts = np.cumsum([0] + [len(c.sentence_ids) for c in self.chunks[:-1]]).astype(np.int64)
        self.abstainer = Abstainer.for_embedder(embedder.id)
        self._corpus = norm("".join(c.text for c in self.chunks))

    @classmethod
    def load(cls, path: str | Path | None = None, embedder: Embedder | str | None = None, verify: bool = True) -> Retriever:
        """Load an index folder; with no path, the default index of the bundled transcript (built if missing).

        Args:
            path: an index folder made by ``forumqa build``.
            embedder: the embedder to query with (must be the one the index was built with);
                None loads the one its manifest names.
            verify: check each index file's sha256 against the manifest.

        Raises:
            IndexNotFoundError, IndexCorruptError, IndexMismatchError, EmbedderError.
        """
        if path is None:
            path = default_index_path()
            try:
                read_manifest(path, verify=False)
            except (IndexNotFoundError, IndexMismatchError, IndexCorruptError):
                # the default index is ours to (re)build: missing, from an older forumqa, or damaged
                build_index(out=path, embedder=embedder)
        data, embedder = load_index(path, embedder=embedder, verify=verify)
        return cls(data, embedder)

    @property
    def speakers(self) -> dict[str, dict]:
        """Speaker name -> role information, for filters and display."""
        return {name: info for name, info in self.data.speakers.items() if name in self._speaker_ids}

    def _check(self, k: int, mode: str | Mode, speaker: str | None) -> Mode:
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= MAX_K:
            raise InvalidArgumentError(f"k must be an integer from 1 to {MAX_K}, got {k!r}")
        try:
            mode = Mode(mode)
        except ValueError:
            raise InvalidArgumentError(
                f"unknown mode {mode!r}; use one of: {', '.join(m.value for m in Mode)}"
            ) from None
        if speaker is not None and speaker not in self._speaker_ids:
            raise InvalidArgumentError(
                f"unknown speaker {speaker!r}; the index has: {', '.join(sorted(self._speaker_ids))}"
            )
        return mode

    def search(self, query: str, k: int = 5, mode: str | Mode = "hybrid", speaker: str | None = None) -> list[Hit]:
        """The k passages that best answer query, best first.

        Args:
            query: a question in Chinese or English (over 512 characters is cut to 512).
            k: number of passages, 1 to 100; fewer come back when the index (or the speaker) has fewer.
            mode: 'hybrid' (dense + BM25 fused), 'dense' or 'bm25'.
            speaker: only passages of this speaker (a name from Retriever.speakers).

        Raises:
            InvalidQueryError: empty or non-string query.
            InvalidArgumentError: k out of range, unknown mode or speaker.
        """
        return self.search_batch([query], k=k, mode=mode, speaker=speaker)[0]

    def search_batch(
        self, queries: Sequence[str], k: int = 5, mode: str | Mode = "hybrid", speaker: str | None = None
    ) -> list[list[Hit]]:
        """search() for several queries (their embeddings are computed in one batch)."""
        if isinstance(queries, str):  # a str is a sequence too: its characters would be searched one by one
            raise InvalidQueryError("search_batch takes a list of queries, got a single string; use search()")
        mode = self._check(k, mode, speaker)
        texts = [clean_query(q)[0] for q in queries]
        vectors = self.embedder.encode_queries(texts) if mode != Mode.BM25 else None
        return [
            self._search_one(text, None if vectors is None else vectors[i], k, mode, speaker, self.query_terms(text))[0]
            for i, text in enumerate(texts)
        ]

    def _search_one(self, text: str, vector, k: int, mode: Mode, speaker: str | None, terms: list[str]):
        allowed = self._speaker_ids.get(speaker) if speaker else None
        depth = max(CANDIDATES, 4 * k)
        dense_run: list[tuple[int, float]] = []
        sparse_run: list[tuple[int, float]] = []
        if mode != Mode.BM25:
            dense_run = self._dense_run(vector, depth, allowed)
        if mode != Mode.DENSE:
            sparse_run = self._bm25_run(terms, depth, allowed)
        if mode == Mode.DENSE:
            fused = dense_run
        elif mode == Mode.BM25:
            fused = sparse_run
        elif not sparse_run:  # BM25 matched nothing (e.g. an English question): no noise into the fusion
            fused = dense_run
        elif self.fusion["method"] == "convex":
            fused = convex([dense_run, sparse_run], self.fusion["weights"], self.fusion.get("norms"))
        else:
            fused = rrf([dense_run, sparse_run], k=self.fusion["k"], weights=self.fusion["weights"])
        dense_of, sparse_of = dict(dense_run), dict(sparse_run)
        hits = [
            self._hit(position, score, rank, dense_of.get(position), sparse_of.get(position))
            for rank, (position, score) in enumerate(fused[:k], start=1)
        ]
        return hits, dense_run, sparse_run

    def _dense_run(self, vector: np.ndarray, depth: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        """Dense scores: (1 - w) x passage cosine + w x the best cosine of one of its sentences.

        Candidates are the FAISS top passages plus the passages of the best sentences, so a
        passage whose one sentence matches well (short facts, English questions) is not missed.
        """
        ids, scores = search_faiss(self.data.faiss, vector[None, :], depth, allowed)[0]
        passage = dict(zip(ids.tolist(), scores.tolist()))
        if not len(self.chunks):
            return []
        best_sentence = np.maximum.reduceat(self._sentence_vectors[self._sentence_flat] @ vector, self._sentence_starts)
        if allowed is not None:
            masked = np.full(len(best_sentence), -np.inf, dtype=np.float32)
            masked[allowed] = best_sentence[allowed]
            best_sentence = masked
        top = np.argsort(-best_sentence, kind="stable")[:depth]
        candidates = sorted(set(passage) | {int(i) for i in top if np.isfinite(best_sentence[i])})
        missing = [i for i in candidates if i not in passage]
        if missing:
            vectors = self.data.faiss.reconstruct_batch(np.asarray(missing, dtype=np.int64))
            passage.update(zip(missing, (vectors @ vector).tolist()))
        weight = SENTENCE_WEIGHT
        run = [(i, (1 - weight) * passage[i] + weight * float(best_sentence[i])) for i in candidates]
        run.sort(key=lambda item: (-item[1], item[0]))
        return run[:depth]

    def query_terms(self, text: str) -> list[str]:
        """BM25 terms of a question; an English question's words are also mapped to Chinese terms (index/lexicon.py)."""
        terms = tokenize(text)
        if not is_chinese(text) and self.data.lexicon:
            terms += [t for t in translate(text, self.data.lexicon) if t not in terms]
        return terms

    def _bm25_run(self, terms: list[str], depth: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        scores = bm25_scores(self.data.bm25, terms)
        if scores is None:
            return []
        if allowed is not None:
            mask = np.zeros(len(scores), dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        order = positive[np.lexsort((positive, -scores[positive]))][:depth]
        return [(int(i), float(scores[i])) for i in order]

    def _hit(self, position: int, score: float, rank: int, dense: float | None, sparse: float | None) -> Hit:
        chunk = self.chunks[position]
        citation = Citation(chunk.doc, chunk.speaker, chunk.role, chunk.line_start, chunk.line_end, chunk.headline)
        return Hit(chunk.text, float(score), rank, chunk.chunk_id, citation, dense, sparse)

    def answer(self, query: str, k: int = 5, mode: str | Mode = "hybrid", speaker: str | None = None) -> Answer:
        """Search, pick each passage's best supporting sentence, and abstain when the transcript has no answer.

        Returns:
            An Answer; when abstained, its passages are the closest ones, offered as 'may be related'.

        Raises:
            The errors of search().
        """
        mode = self._check(k, mode, speaker)
        text, notice = clean_query(query)
        vector = self.embedder.encode_queries([text])[0]
        terms = self.query_terms(text)
        hits, dense_run, sparse_run = self._search_one(text, vector, k, mode, speaker, terms)
        highlights = [
            best_sentence(
                hit, self._by_id[hit.chunk_id], self.data.sentences, self._sentence_vectors, vector, terms, text
            )
            for hit in hits
        ]
        if speaker is None and mode == Mode.HYBRID and k >= EVIDENCE_K:
            evidence, full_dense, full_sparse = hits, dense_run, sparse_run
        else:  # abstention judges the whole transcript, whatever the filter or mode
            evidence, full_dense, full_sparse = self._search_one(text, vector, EVIDENCE_K, Mode.HYBRID, None, terms)
        top_dense = full_dense[0][1] if full_dense else 0.0
        coverage = sum(t in self.data.bm25.vocab_dict for t in terms) / len(terms) if terms else 0.0
        abstained, reason = self.abstainer.judge(
            text, top_dense, coverage, self._corpus, self.data.lexicon, [h.text for h in evidence[:EVIDENCE_K]]
        )
        return Answer(
            query=text,
            passages=hits,
            highlights=highlights,
            abstained=abstained,
            confidence=round(float(top_dense), 4),
            terms=terms,
            notice="；".join(x for x in (notice, reason) if x),
        )
