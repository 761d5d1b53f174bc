"""The Milvus backend, write side: a new build into fresh collections, or documents upserted/deleted in place.

A build (no base) writes new collections named ``<collection>_<time>_<random>`` (and ``..._sentences``),
indexes and loads them, then (on a Milvus server) points the aliases ``<collection>`` and
``<collection>_sentences`` at them; the caller publishes the folder, then calls ``published()``, which
drops the collections of the build it replaced. Adding or removing documents (a base index given)
changes the live collections in place: a Milvus delete by document expression, then an upsert of the
new rows (an interrupted add or remove can simply be run again).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from index.errors import BackendError, InvalidArgumentError
from index.normalize import fold
from index.records import Chunk
from index.represent import passage_text
from index.store.base import Batch
from index.store.local_write import WriteResult
from index.store.milvus import VOCABULARY, _call, read_vocabulary
from index.store.milvus_conn import (
    MAX_VARCHAR,
    Analyzer,
    MilvusSettings,
    connect,
    disconnect,
    dumps,
    in_expr,
    is_lite,
    passage_schema,
    public_uri,
    quiet,
    reason,
    sentence_schema,
    sentences_name,
    timeout,
    vector_index,
)
from index.tokenize import tokenize

_INSERT = 500  # rows per insert call (well under gRPC's message limit)


def _bm25_text(analyzer: Analyzer, chunk: Chunk, tokens: list[str]) -> str:
    """The text Milvus' BM25 function analyses: the project's tokens, or the passage text for jieba."""
    if analyzer is Analyzer.TOKENS:
        return " ".join(re.sub(r"\s+", "_", t) for t in tokens)
    return passage_text(chunk)


def _check_size(chunk: Chunk, fields: dict[str, str]) -> None:
    for name, value in fields.items():
        size = len(value.encode("utf-8"))
        if size > MAX_VARCHAR:
            raise InvalidArgumentError(
                f"passage {chunk.chunk_id} needs {size} bytes in Milvus field {name!r} (limit {MAX_VARCHAR}); "
                "build with a smaller --max-chars"
            )


class MilvusWriter:
    """Writes a Milvus index: a fresh build, or (with base) an in-place update of an existing one.

    Args:
        staged: the staging folder; vocabulary.json is written there.
        settings: where and how to build (a fresh build); ignored with base, whose manifest says.
        base: the backend section of the index being updated in place, and its folder.
        previous: the backend section of the Milvus index this build replaces (dropped by published()).
    """

    def __init__(
        self,
        staged: Path,
        settings: MilvusSettings | None = None,
        base: tuple[dict, Path] | None = None,
        previous: dict | None = None,
    ) -> None:
        if settings is None and base is None:
            raise InvalidArgumentError("a Milvus writer needs settings (a new build) or a base index (add/remove)")
        self.staged, self.settings, self.base, self.previous = Path(staged), settings, base, previous
        self._batches: list[Batch] = []
        self._removed: set[str] = set()
        self._created: list[str] = []
        self._client = None

    def add(self, batch: Batch) -> None:
        self._batches.append(batch)

    def remove(self, doc_ids: Sequence[str]) -> None:
        self._removed.update(doc_ids)

    def _connect(self, uri: str):
        if self._client is None:
            self._client = connect(uri, "check --milvus-uri (and that Milvus is running)")
            self._uri = uri
        return self._client

    def _rows(self, analyzer: Analyzer, next_row: int, next_sentence: int) -> tuple[list[dict], list[dict], Counter]:
        """Passage rows, sentence rows and the added document frequencies of every batch."""
        passages, sentences, df = [], [], Counter()
        for batch in self._batches:
            vectors = np.asarray(batch.passage_vectors, dtype=np.float32)
            sentence_vectors = np.asarray(batch.sentence_vectors, dtype=np.float32)
            for chunk, vector, tokens in zip(batch.chunks, vectors, batch.tokens):
                stored = replace(chunk, sentence_ids=tuple(next_sentence + s for s in chunk.sentence_ids))
                fields = {"chunk": dumps(stored.to_json()), "folded": fold(chunk.text),
                          "bm25_text": _bm25_text(analyzer, chunk, tokens)}
                _check_size(chunk, fields)
                passages.append({"chunk_id": chunk.chunk_id, "row": next_row, "doc": chunk.doc, "speaker": chunk.speaker,
                                 "kind": chunk.kind, "vector": vector.tolist(), **fields})
                next_row += 1
                df.update(set(tokens))
                for pos, sid in enumerate(chunk.sentence_ids):
                    sentences.append({"sid": f"{chunk.chunk_id}/{pos}", "chunk_id": chunk.chunk_id, "pos": pos, "doc": chunk.doc,
                                      "speaker": chunk.speaker, "kind": chunk.kind, "vector": sentence_vectors[sid].tolist()})
            next_sentence += len(sentence_vectors)
        return passages, sentences, df

    def _write(self, client, name: str, rows: list[dict], upsert: bool = False) -> None:
        method = client.upsert if upsert else client.insert
        for start in range(0, len(rows), _INSERT):
            _call(f"writing to {name}", method, name, rows[start : start + _INSERT])

    def finish(self) -> WriteResult:
        """Write the rows (and, for a new build, create, index and load the collections); vocabulary.json staged."""
        return self._update() if self.base is not None else self._build()

    def _build(self) -> WriteResult:
        settings = self.settings
        client = self._connect(settings.uri)
        dim = next((int(b.passage_vectors.shape[1]) for b in self._batches if b.passage_vectors.size), 0)
        if dim <= 0:
            raise InvalidArgumentError("nothing to write to Milvus: no passages")
        passages, sentences, df = self._rows(settings.analyzer, 0, 0)
        stamp = f"{settings.collection}_{time.strftime('%Y%m%d%H%M%S')}_{uuid.uuid4().hex[:6]}"
        names = (stamp, sentences_name(stamp))
        for name, schema, rows in ((names[0], passage_schema(dim, settings.analyzer), passages),
                                   (names[1], sentence_schema(dim), sentences)):
            _call(f"creating {name}", client.create_collection, name, schema=schema, consistency_level="Strong")
            self._created.append(name)
            self._write(client, name, rows)
            _call(f"flushing {name}", client.flush, name)
            params = vector_index(client, settings, len(rows))
            if name == names[0]:
                params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                                 params={"bm25_k1": settings.bm25_k1, "bm25_b": settings.bm25_b})
            _call(f"indexing {name}", client.create_index, name, params)
            _call(f"loading {name}", client.load_collection, name)
        aliases = self._swap_aliases(client, settings, names)
        section = {
            "kind": "milvus", "uri": public_uri(settings.uri), "collection": names[0], "sentences": names[1],
            "alias": aliases[0], "sentence_alias": aliases[1], "name": settings.collection,
            "index": settings.index.value, "nprobe": settings.nprobe, "analyzer": settings.analyzer.value,
            "bm25_k1": settings.bm25_k1, "bm25_b": settings.bm25_b,
            "next_row": len(passages), "next_sentence": sum(len(b.sentence_vectors) for b in self._batches),
        }
        return self._result(section, len(passages), len(sentences), dict(df))

    def _swap_aliases(self, client, settings: MilvusSettings, names: tuple[str, str]) -> tuple[str | None, str | None]:
        """Point <collection> and <collection>_sentences at the new collections (Milvus Lite has no aliases)."""
        if is_lite(settings.uri):
            return None, None
        aliases = (settings.collection, sentences_name(settings.collection))
        for alias, name in zip(aliases, names):
            try:
                with quiet():
                    try:
                        client.alter_alias(name, alias, timeout=timeout())
                    except Exception:  # noqa: BLE001 - the alias does not exist yet
                        client.create_alias(name, alias, timeout=timeout())
            except Exception as error:  # noqa: BLE001
                if "UNIMPLEMENTED" in str(error) or "unimplemented" in reason(error).lower():
                    return None, None  # a server without aliases (e.g. Milvus Lite served over TCP)
                raise BackendError(
                    f"cannot point alias {alias!r} at {name!r} ({reason(error)}); "
                    f"is {alias!r} a collection? choose another --collection"
                ) from None
        return aliases

    def _update(self) -> WriteResult:
        section, folder = self.base
        client = self._connect(section["uri"])
        names = (section["collection"], section["sentences"])
        vocabulary = Counter(read_vocabulary(folder))
        removed = sorted(self._removed | {c.doc for b in self._batches for c in b.chunks})
        if removed:
            for row in self._query(client, names[0], in_expr("doc", removed), ["chunk"]):
                chunk = Chunk.from_json(json.loads(row["chunk"]))
                vocabulary.subtract(set(tokenize(passage_text(chunk))))
            for name in names:
                _call(f"deleting from {name}", client.delete, name, filter=in_expr("doc", removed))
        analyzer = Analyzer(section.get("analyzer", Analyzer.TOKENS.value))
        passages, sentences, df = self._rows(analyzer, int(section.get("next_row", 0)), int(section.get("next_sentence", 0)))
        self._write(client, names[0], passages, upsert=True)
        self._write(client, names[1], sentences, upsert=True)
        for name in names:
            _call(f"flushing {name}", client.flush, name)
        vocabulary.update(df)
        counts = [self._count(client, name) for name in names]
        section = {**section, "next_row": int(section.get("next_row", 0)) + len(passages),
                   "next_sentence": int(section.get("next_sentence", 0)) + sum(len(b.sentence_vectors) for b in self._batches)}
        return self._result(section, counts[0], counts[1], {t: n for t, n in vocabulary.items() if n > 0})

    def _query(self, client, name: str, expr: str, fields: list[str]) -> list[dict]:
        iterator = _call(f"reading {name}", client.query_iterator, name, batch_size=1000, filter=expr, output_fields=fields)
        rows: list[dict] = []
        try:
            while batch := _call(f"reading {name}", lambda timeout: iterator.next()):
                rows += batch
        finally:
            iterator.close()
        return rows

    def _count(self, client, name: str) -> int:
        rows = _call(f"counting {name}", client.query, name, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"]) if rows else 0

    def _result(self, section: dict, chunks: int, sentences: int, vocabulary: dict[str, int]) -> WriteResult:
        (self.staged / VOCABULARY).write_text(json.dumps(dict(sorted(vocabulary.items())), ensure_ascii=False), encoding="utf-8")
        built = f"Milvus {section['index']}"
        return WriteResult(
            chunk_count=chunks,
            sentence_count=sentences,
            vocabulary=frozenset(t for t in vocabulary if t),
            dense={"kind": section["index"], "built": built, "sentences_built": built, "nprobe": section["nprobe"]},
            backend=section,
        )

    def published(self) -> None:
        """After the folder is published: drop the collections of the build this one replaced."""
        old = self.previous
        if self.base is not None or not old or old.get("kind") != "milvus" or self._client is None:
            return
        if public_uri(old.get("uri", "")) != public_uri(self.settings.uri):
            return  # another Milvus: not ours to drop from here
        for name in (old.get("collection"), old.get("sentences")):
            if name and name not in self._created:
                try:
                    with quiet():
                        self._client.drop_collection(name, timeout=timeout())
                except Exception:  # noqa: BLE001 - already gone: nothing to clean up
                    pass

    def abort(self) -> None:
        """After a failed build: drop the collections it created (an in-place update has none)."""
        for name in self._created:
            try:
                with quiet():
                    self._client.drop_collection(name, timeout=timeout())
            except Exception:  # noqa: BLE001
                pass
        self._created = []

    def close(self) -> None:
        if self._client is not None:
            disconnect(self._client, self._uri)
            self._client = None
