"""The Milvus backend, read side: passages and sentences in two Milvus collections, BM25 by Milvus' BM25 function.

Beside manifest.json, lexicon.json and docs/ (which every backend has), a Milvus index folder holds only
``vocabulary.json`` (each BM25 term's document frequency: the abstainer's term coverage, and the lexicon
rebuilt on add/remove). Everything searched lives in Milvus (see milvus_conn.py for the schemas):

    <collection>             one row per passage: chunk id, row order, speaker/doc/kind, the chunk as JSON,
                             its folded text (for contains_text), BM25 text and sparse vector, passage vector
    <collection>_sentences   one row per (passage, sentence position): the sentence vector and its passage's
                             speaker/doc/kind

On a Milvus server the manifest also names an alias for each; searches go through the aliases, so a
running replica follows a rebuild (build into new collections, swap the aliases, publish the folder,
drop the old collections). Milvus Lite has no aliases: its searches use the collections themselves.
Fusion, highlighting and abstention are the retriever's, above this module, as for the local backend.
pymilvus is imported only when a Milvus index is opened.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.errors import BackendError, IndexCorruptError, IndexMismatchError
from index.normalize import search_key
from index.records import Chunk
from index.store.base import NO_FILTER, Backend, Filter, Run
from index.store.milvus_conn import (
    MAX_LIMIT,
    Analyzer,
    connect,
    disconnect,
    in_expr,
    like_pattern,
    load_timeout,
    quiet,
    reason,
    timeout,
    where_expr,
)
from index.store.milvus_schema import search_params, sparse_fields
from index.tokenize import TERM_WEIGHTS, prefix_of

VOCABULARY = "vocabulary.json"
_BATCH = 1000  # ids per `in [...]` query


def _call(what: str, fn, *args, seconds: float | None = None, **kwargs):
    """A pymilvus call (at most seconds, default timeout()); any failure is a one-line BackendError."""
    try:
        with quiet():
            return fn(*args, timeout=seconds or timeout(), **kwargs)
    except Exception as error:  # noqa: BLE001 - pymilvus raises grpc, Milvus and connection errors alike
        raise BackendError(f"Milvus {what} failed ({reason(error)}); check that Milvus is running and try again") from None


def _ranked(hits, key: str = "id") -> Run:
    """(id, score) of one query's hits, best first, ties by id (so runs repeat)."""
    pairs = [(str(h["entity"].get(key, h["id"]) if key != "id" else h["id"]), float(h["distance"])) for h in hits]
    return sorted(pairs, key=lambda item: (-item[1], item[0]))


class _Part:
    def __init__(self, client, name: str) -> None:
        self.client, self.name = client, name

    def query(self, expr: str, fields: list[str], **kwargs) -> list[dict]:
        return list(_call(f"query on {self.name}", self.client.query, self.name, filter=expr, output_fields=fields, **kwargs))

    def by_ids(self, field: str, ids: Sequence[str], fields: list[str]) -> list[dict]:
        rows: list[dict] = []
        for start in range(0, len(ids), _BATCH):
            rows += self.query(in_expr(field, ids[start : start + _BATCH]), fields, limit=MAX_LIMIT)
        return rows


class _Vectors(_Part):
    """A collection of vectors searched by inner product, with its search parameters."""

    def __init__(self, client, name: str, params: dict) -> None:
        super().__init__(client, name)
        self.params = params

    def _hits(self, vectors: np.ndarray, k: int, where: Filter, **options) -> list:
        """Milvus's hits for each query vector ([] for each when k <= 0); options go to the search as they are."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
        if k <= 0 or not len(vectors):
            return [[] for _ in vectors]
        return _call(
            f"search on {self.name}", self.client.search, self.name, data=vectors.tolist(), anns_field="vector",
            limit=min(k, MAX_LIMIT), filter=where_expr(where), search_params=self.params, **options,
        )


class MilvusPassages(_Vectors):
    """Passage vectors: Milvus top-k by inner product, filters as expressions."""

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        return [_ranked(hits) for hits in self._hits(vectors, k, where)]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        found = {r["chunk_id"]: r["vector"] for r in self.by_ids("chunk_id", list(ids), ["chunk_id", "vector"])}
        return np.asarray([found[i] for i in ids], dtype=np.float32).reshape(len(ids), -1)


class MilvusSentences(_Vectors):
    """Sentence vectors; a grouped search (group_by chunk_id) gives each chunk's best sentence."""

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        hits = self._hits(vectors, k, where, group_by_field="chunk_id", output_fields=["chunk_id"])
        return [_ranked(found, key="chunk_id")[:k] for found in hits]

    def vectors(self, ids: Sequence[str]) -> list[np.ndarray]:
        rows = self.by_ids("chunk_id", list(ids), ["chunk_id", "pos", "vector"])
        grouped: dict[str, list[tuple[int, list[float]]]] = {}
        for row in rows:
            grouped.setdefault(row["chunk_id"], []).append((int(row["pos"]), row["vector"]))
        out = []
        for cid in ids:
            ordered = [v for _, v in sorted(grouped.get(cid, []), key=lambda item: item[0])]
            out.append(np.asarray(ordered, dtype=np.float32).reshape(len(ordered), -1))
        return out


# Each field's BM25 top list is fetched this many times deeper than k, so that a passage that is only second-best
# in every field still gets its summed score (the local index scores every matching passage in every field).
FIELD_DEPTH = 4


class MilvusSparse(_Part):
    """BM25 through Milvus' BM25 functions, one per token field (exact, pinyin, English: index.tokenize.TERM_WEIGHTS);
    the known-term check reads the folder's vocabulary."""

    def __init__(self, client, name: str, vocabulary: dict[str, int], k1: float, analyzer: Analyzer = Analyzer.TOKENS) -> None:
        super().__init__(client, name)
        self.vocabulary, self.k1, self.fields = vocabulary, k1, sparse_fields(analyzer)

    def search(self, terms: Sequence[str], k: int, where: Filter = NO_FILTER) -> Run:
        groups: dict[str, list[str]] = {}
        for term in (t.strip() for t in terms):
            if term and prefix_of(term) in self.fields:
                groups.setdefault(prefix_of(term), []).append(term)
        if not groups or k <= 0:
            return []
        scores: dict[str, float] = {}
        for prefix, group in groups.items():
            weight = TERM_WEIGHTS[prefix]
            if weight <= 0:
                continue
            results = _call(
                f"BM25 search on {self.name}", self.client.search, self.name, data=[" ".join(group)],
                anns_field=self.fields[prefix][1], limit=min(FIELD_DEPTH * k, MAX_LIMIT), filter=where_expr(where),
                search_params={"metric_type": "BM25"},
            )
            # Milvus' BM25 is bm25s' Lucene BM25 times (k1 + 1): rescaled so both backends report the same scores.
            for cid, score in _ranked(results[0]):
                if score > 0:
                    scores[cid] = scores.get(cid, 0.0) + weight * score / (1 + self.k1)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]

    def known(self, terms: Sequence[str]) -> list[str]:
        return [t for t in terms if t in self.vocabulary]


class MilvusChunks(_Part):
    """The passages, read back from their JSON field; contains_text is a LIKE on the folded text."""

    def __init__(self, client, name: str, uri: str) -> None:
        super().__init__(client, name)
        self.uri = uri

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        found = {r["chunk_id"]: r["chunk"] for r in self.by_ids("chunk_id", list(ids), ["chunk_id", "chunk"])}
        missing = [i for i in ids if i not in found]
        if missing:
            raise KeyError(missing[0])
        return [Chunk.from_json(json.loads(found[i])) for i in ids]

    def contains_text(self, text: str) -> bool:
        needle = search_key(text).replace("\x00", "")
        if not needle:
            return False
        return bool(self.query(f"folded like {like_pattern(needle)}", ["chunk_id"], limit=1))

    def count(self, where: Filter = NO_FILTER) -> int:
        rows = self.query(where_expr(where), ["count(*)"])
        return int(rows[0]["count(*)"]) if rows else 0

    def all(self) -> list[Chunk]:
        rows: list[dict] = []
        iterator = _call(f"reading {self.name}", self.client.query_iterator, self.name, batch_size=1000, filter="",
                         output_fields=["row", "chunk"])
        try:
            while batch := _call(f"reading {self.name}", lambda timeout: iterator.next()):
                rows += batch
        finally:
            iterator.close()
        rows.sort(key=lambda r: int(r["row"]))
        return [Chunk.from_json(json.loads(r["chunk"])) for r in rows]

    def close(self) -> None:
        if self.client is not None:
            disconnect(self.client, self.uri)
            self.client = None


def read_vocabulary(path: Path) -> dict[str, int]:
    try:
        vocabulary = json.loads((path / VOCABULARY).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndexCorruptError(f"cannot read index file {VOCABULARY} ({str(error)[:160]})") from None
    if not isinstance(vocabulary, dict):
        raise IndexCorruptError(f"cannot read index file {VOCABULARY} (not a mapping of terms to counts)")
    return vocabulary


def _check_collections(client, path: Path, backend: dict, dim: int, fix: str) -> tuple[str, str]:
    """The names to search (aliases on a server, else the collections), after checking they exist and fit."""
    names = []
    pairs = ((backend["collection"], backend.get("alias")), (backend["sentences"], backend.get("sentence_alias")))
    for collection, alias in pairs:
        if not _call("has_collection", client.has_collection, collection):
            raise BackendError(f"{backend['uri']} has no collection {collection!r} (dropped, or another Milvus); {fix}")
        if alias:
            target = _call("describe_alias", client.describe_alias, alias).get("collection_name")
            if target != collection:
                raise BackendError(
                    f"alias {alias!r} now points at {target!r}, but {path} describes {collection!r} "
                    "(rebuilt elsewhere since): use the current index folder"
                )
        fields = {f["name"]: f for f in _call("describe_collection", client.describe_collection, collection)["fields"]}
        have = int(fields.get("vector", {}).get("params", {}).get("dim", -1))
        if have != dim:
            raise IndexMismatchError(
                f"Milvus collection {collection!r} holds vectors of dimension {have}, the manifest's embedder {dim}; {fix}"
            )
        _call("load_collection", client.load_collection, collection, seconds=load_timeout())
        names.append(alias or collection)
    return names[0], names[1]


def open_milvus(path: Path, manifest, lexicon: dict[str, list[str]]) -> Backend:
    """Open the Milvus collections a manifest names (the manifest already checked against the embedder).

    Raises:
        MissingDependencyError: pymilvus is not installed.
        BackendError: Milvus cannot be reached, or a collection is missing.
        IndexMismatchError: the collections hold vectors of another dimension.
        IndexCorruptError: vocabulary.json cannot be read.
    """
    backend = manifest.backend
    fix = f"rebuild it with: forumqa build [FILES] --backend milvus --milvus-uri {backend.get('uri')} --out {path}"
    for key in ("uri", "collection", "sentences"):
        if not backend.get(key):
            raise IndexCorruptError(f"manifest's backend section has no {key!r}")
    vocabulary = read_vocabulary(path)
    client = connect(backend["uri"], f"check --milvus-uri, or {fix}")
    try:
        passages, sentences = _check_collections(client, path, backend, manifest.embedder.dim, fix)
    except Exception:
        disconnect(client, backend["uri"])
        raise
    params = search_params(backend)
    return Backend(
        kind="milvus",
        passages=MilvusPassages(client, passages, params),
        sentences=MilvusSentences(client, sentences, params),
        sparse=MilvusSparse(
            client, passages, vocabulary, float(backend.get("bm25_k1", 1.5)), Analyzer(backend.get("analyzer", "tokens"))
        ),
        chunks=MilvusChunks(client, passages, backend["uri"]),
        lexicon=lexicon,
    )
