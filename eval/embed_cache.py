"""An embedder wrapper that remembers vectors on disk, so a benchmark run embeds each text once across runs."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np


class CachedEmbedder:
    """Any Embedder, with its query and passage vectors cached in a SQLite file keyed by (model id, side, text).

    It keeps the wrapped embedder's id, so an index built through it opens with the model itself.
    """

    def __init__(self, inner, folder: str | Path) -> None:
        self.inner = inner
        self.id, self.dim = inner.id, inner.dim
        self.query_prompt, self.passage_prompt = inner.query_prompt, inner.passage_prompt
        Path(folder).mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(inner.id.encode()).hexdigest()[:16]
        self._db = sqlite3.connect(Path(folder) / f"vectors-{name}.sqlite", check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS v (key TEXT PRIMARY KEY, vec BLOB)")
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def _key(self, side: str, text: str) -> str:
        return hashlib.sha256(f"{side}\x00{text}".encode()).hexdigest()

    def _encode(self, texts: Sequence[str], side: str) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        keys = [self._key(side, t) for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, vec FROM v WHERE key IN ({marks})", chunk):
                    found[key] = np.frombuffer(blob, np.float32)
        todo = list(dict.fromkeys(k for k in keys if k not in found))
        if todo:
            text_of = dict(zip(keys, texts))
            encode = self.inner.encode_queries if side == "q" else self.inner.encode_passages
            vectors = encode([text_of[k] for k in todo])
            with self._lock:
                rows = [(k, v.astype(np.float32).tobytes()) for k, v in zip(todo, vectors)]
                self._db.executemany("INSERT OR REPLACE INTO v VALUES (?, ?)", rows)
                self._db.commit()
            found.update(zip(todo, vectors))
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        return np.ascontiguousarray(np.stack([found[k] for k in keys]), dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "q")

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "p")
