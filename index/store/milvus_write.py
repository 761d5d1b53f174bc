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
from index.normalize import search_key
from index.records import Chunk
from index.represent import lexical_text
from index.store.base import Batch
from index.store.local_write import WriteResult
from index.store.manifest import read_manifest
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
    load_timeout,
    public_uri,
    quiet,
    reason,
    sentences_name,
    timeout,
)
from index.store.milvus_schema import SPARSE_FIELDS, passage_schema, sentence_schema, sparse_fields, vector_index
from index.tokenize import document_tokens, prefix_of

_INSERT = 500  # rows per insert call (well under gRPC's message limit)


def _bm25_texts(analyzer: Analyzer, chunk: Chunk, tokens: list[str], text: str = "") -> dict[str, str]:
    """The texts Milvus' BM25 functions analyse: the project's tokens of each field (prefix), or the passage text for jieba.

    A field without tokens gets the placeholder '_' (the local backend gives an empty passage one token too).
    """
    if analyzer is not Analyzer.TOKENS:
        return {SPARSE_FIELDS[""][0]: text or lexical_text(chunk)}
    texts = {text: [] for text, _ in SPARSE_FIELDS.values()}
    for token in tokens:
        texts[SPARSE_FIELDS[prefix_of(token)][0]].append(re.sub(r"\s+", "_", token))
    return {name: " ".join(words) or "_" for name, words in texts.items()}


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
        self._removed: set[str] = set()
        self._created: list[str] = []
        self._client = None
        self._names: tuple[str, str] | None = None
        section = base[0] if base else {}
        self._analyzer = settings.analyzer if base is None else Analyzer(section.get("analyzer", Analyzer.TOKENS.value))
        self._next_row = int(section.get("next_row", 0))
        self._next_sentence = int(section.get("next_sentence", 0))
        self._vocabulary: Counter = Counter(read_vocabulary(base[1])) if base else Counter()
        # the index's documents and their titles (a passage's BM25 tokens include its document's title)
        self._known_docs = {d.doc: d.title for d in read_manifest(base[1], verify=False).docs} if base else {}
        self._counts = [0, 0]

    def remove(self, doc_ids: Sequence[str]) -> None:
        """Documents to delete (an update deletes them before its first write)."""
        self._removed.update(doc_ids)

    def add(self, batch: Batch) -> None:
        """Write a document's rows now: inserted into the new collections, or upserted into the live ones."""
        if not batch.chunks:
            return
        client = self._open(int(np.asarray(batch.passage_vectors).shape[1]))
        if self.base is not None:
            self._delete(client, sorted({c.doc for c in batch.chunks}))
        passages, sentences = self._rows(batch)
        self._write(client, self._names[0], passages, upsert=self.base is not None)
        self._write(client, self._names[1], sentences, upsert=self.base is not None)
        self._counts = [self._counts[0] + len(passages), self._counts[1] + len(sentences)]

    def _connect(self, uri: str):
        if self._client is None:
            self._client = connect(uri, "check --milvus-uri (and that Milvus is running)")
            self._uri = uri
        return self._client

    def _open(self, dim: int):
        """The client, with the collections to write: new ones created (a build) or the live ones after the removals."""
        if self._names is not None:
            return self._client
        if self.base is not None:
            section = self.base[0]
            client = self._connect(section["uri"])
            self._names = (section["collection"], section["sentences"])
            self._delete(client, sorted(self._removed))
            return client
        settings = self.settings
        client = self._connect(settings.uri)
        stamp = f"{settings.collection}_{time.strftime('%Y%m%d%H%M%S')}_{uuid.uuid4().hex[:6]}"
        self._names = (stamp, sentences_name(stamp))
        for name, schema in ((self._names[0], passage_schema(dim, settings.analyzer)), (self._names[1], sentence_schema(dim))):
            _call(f"creating {name}", client.create_collection, name, schema=schema, consistency_level="Strong")
            self._created.append(name)
        return client

    def _delete(self, client, docs: list[str]) -> None:
        """Delete documents' rows from the live collections; those the index lists leave the vocabulary too."""
        if not docs:
            return
        listed = [d for d in docs if d in self._known_docs]
        if listed:
            for row in self._query(client, self._names[0], in_expr("doc", listed), ["chunk"]):
                chunk = Chunk.from_json(json.loads(row["chunk"]))
                self._vocabulary.subtract(set(document_tokens(lexical_text(chunk, self._known_docs[chunk.doc]))))
            for doc in listed:
                del self._known_docs[doc]
        for name in self._names:
            _call(f"deleting from {name}", client.delete, name, filter=in_expr("doc", docs))

    def _rows(self, batch: Batch) -> tuple[list[dict], list[dict]]:
        """A batch's passage rows and sentence rows (rows and sentence ids numbered on from the index's)."""
        passages, sentences = [], []
        vectors = np.asarray(batch.passage_vectors, dtype=np.float32)
        sentence_vectors = np.asarray(batch.sentence_vectors, dtype=np.float32)
        texts = batch.texts or ("",) * len(batch.chunks)
        for chunk, vector, tokens, text in zip(batch.chunks, vectors, batch.tokens, texts):
            stored = replace(chunk, sentence_ids=tuple(self._next_sentence + s for s in chunk.sentence_ids))
            fields = {"chunk": dumps(stored.to_json()), "folded": search_key(chunk.text),
                      **_bm25_texts(self._analyzer, chunk, tokens, text)}
            _check_size(chunk, fields)
            passages.append({"chunk_id": chunk.chunk_id, "row": self._next_row, "doc": chunk.doc, "speaker": chunk.speaker,
                             "kind": chunk.kind, "vector": vector.tolist(), **fields})
            self._next_row += 1
            self._vocabulary.update(set(tokens))
            for pos, sid in enumerate(chunk.sentence_ids):
                sentences.append({"sid": f"{chunk.chunk_id}/{pos}", "chunk_id": chunk.chunk_id, "pos": pos, "doc": chunk.doc,
                                  "speaker": chunk.speaker, "kind": chunk.kind, "vector": sentence_vectors[sid].tolist()})
        self._next_sentence += len(sentence_vectors)
        return passages, sentences

    def _write(self, client, name: str, rows: list[dict], upsert: bool = False) -> None:
        method = client.upsert if upsert else client.insert
        for start in range(0, len(rows), _INSERT):
            _call(f"writing to {name}", method, name, rows[start : start + _INSERT])

    def finish(self) -> WriteResult:
        """Flush (and, for a new build, index, load and alias) the collections; vocabulary.json staged."""
        if self.base is not None:
            client = self._open(0)
            for name in self._names:
                _call(f"flushing {name}", client.flush, name)
            counts = [self._count(client, name) for name in self._names]
            section = {**self.base[0], "next_row": self._next_row, "next_sentence": self._next_sentence}
            return self._result(section, counts[0], counts[1])
        if self._names is None:
            raise InvalidArgumentError("nothing to write to Milvus: no passages")
        settings, client, names = self.settings, self._client, self._names
        for name, count in zip(names, self._counts):
            _call(f"flushing {name}", client.flush, name)
            params = vector_index(client, settings, count)
            if name == names[0]:
                for _, sparse in sparse_fields(settings.analyzer).values():
                    params.add_index(sparse, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                                     params={"bm25_k1": settings.bm25_k1, "bm25_b": settings.bm25_b})
            _call(f"indexing {name}", client.create_index, name, params, seconds=load_timeout())
            _call(f"loading {name}", client.load_collection, name, seconds=load_timeout())
        aliases = self._swap_aliases(client, settings, names)
        section = {
            "kind": "milvus", "uri": public_uri(settings.uri), "collection": names[0], "sentences": names[1],
            "alias": aliases[0], "sentence_alias": aliases[1], "name": settings.collection,
            "index": settings.index.value, "nprobe": settings.nprobe, "analyzer": settings.analyzer.value,
            "bm25_k1": settings.bm25_k1, "bm25_b": settings.bm25_b,
            "next_row": self._next_row, "next_sentence": self._next_sentence,
        }
        return self._result(section, *self._counts)

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

    def _result(self, section: dict, chunks: int, sentences: int) -> WriteResult:
        vocabulary = {t: n for t, n in sorted(self._vocabulary.items()) if n > 0}
        (self.staged / VOCABULARY).write_text(json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8")
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
