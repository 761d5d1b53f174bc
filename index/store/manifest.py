"""manifest.json: what an index holds and how it was made, written last and checked on every load."""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from index.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.records import DocRecord
from index.store.files import MANIFEST, file_table, sha256_file
from index.store.verified import Stamps

FORMAT_VERSION = 4  # 4: local chunks on disk by byte offset, row table, token ids, bigram index, float16 sentences
REBUILD_HINT = "rebuild it with: forumqa build [FILES] --out {path}"


def package_version() -> str:
    try:
        from importlib.metadata import version

        return version("forumqa")
    except Exception:  # noqa: BLE001 - running from a source tree without install
        return "0+source"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class EmbedderInfo:
    """The embedder an index was built with; queries must use the same."""

    id: str
    dim: int
    query_prompt: str = ""
    passage_prompt: str = ""
    normalized: bool = True

    @classmethod
    def of(cls, embedder) -> EmbedderInfo:
        return cls(embedder.id, int(embedder.dim), embedder.query_prompt, embedder.passage_prompt)


@dataclass(frozen=True)
class Manifest:
    """The manifest of an index folder (format version 4)."""

    embedder: EmbedderInfo
    tokenizer: str
    lexicon: dict
    chunking: dict
    dense: dict
    chunk_count: int
    sentence_count: int
    docs: tuple[DocRecord, ...]
    backend: dict = field(default_factory=lambda: {"kind": "local"})
    format_version: int = FORMAT_VERSION
    package_version: str = field(default_factory=package_version)
    created_at: str = field(default_factory=now)
    updated_at: str = ""
    build_seconds: float = 0.0
    files: dict = field(default_factory=dict)

    @property
    def backend_kind(self) -> str:
        return str(self.backend.get("kind", "local"))

    @property
    def corpus_sha256(self) -> str:
        import hashlib

        return hashlib.sha256("".join(d.sha256 for d in self.docs).encode()).hexdigest()

    def doc(self, doc_id: str) -> DocRecord | None:
        return next((d for d in self.docs if d.doc == doc_id), None)

    def to_json(self) -> dict:
        data = asdict(self)
        data["docs"] = [d.to_json() for d in self.docs]
        data["corpus_sha256"] = self.corpus_sha256
        return data

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        """Raises KeyError, TypeError or ValueError on a malformed manifest."""
        fields = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        fields["embedder"] = EmbedderInfo(**data["embedder"])
        fields["docs"] = tuple(DocRecord.from_json(d) for d in data["docs"])
        fields["chunk_count"] = int(data["chunk_count"])
        fields["sentence_count"] = int(data["sentence_count"])
        return cls(**fields)

    def check(self, embedder, tokenizer: str, path: Path | str) -> None:
        """Refuse an embedder or tokenizer other than the ones the index was built with.

        Raises:
            IndexMismatchError: naming what differs and how to fix it.
        """
        hint = REBUILD_HINT.format(path=path)
        if tokenizer != self.tokenizer:
            raise IndexMismatchError(f"{path} was tokenized with {self.tokenizer!r}, this forumqa uses {tokenizer!r}; {hint}")
        if embedder.id != self.embedder.id or int(embedder.dim) != self.embedder.dim:
            raise IndexMismatchError(
                f"{path} was built with embedder {self.embedder.id!r} (dim {self.embedder.dim}), "
                f"not {embedder.id!r} (dim {embedder.dim}); query it with that embedder or {hint} --embedder ..."
            )


def write_manifest(folder: Path, manifest: Manifest) -> Manifest:
    """Write the manifest last, with the size and sha256 of every other file in the folder."""
    stamps = Stamps(folder)
    manifest = replace(manifest, files=file_table(folder, seen=stamps.record))
    stamps.save()  # the next load need not hash the large files again (index/store/verified.py)
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)
    return manifest


def read_manifest(folder: str | Path, verify: bool = True, rehash: bool = False) -> Manifest:
    """Read and check an index folder's manifest and, with verify, every file's size and sha256.

    A large file whose size, mtime, inode and device are those it had when its sha256 was last checked is not read
    again (index/store/verified.py) unless rehash.

    Raises:
        IndexNotFoundError: no folder or no manifest.
        IndexCorruptError: unreadable manifest, or a file missing, truncated or altered.
        IndexMismatchError: another format version.
    """
    folder = Path(folder)
    hint = REBUILD_HINT.format(path=folder)
    if not folder.is_dir():
        raise IndexNotFoundError(f"no index at {folder}; build one with: forumqa build [FILES] --out {folder}")
    path = folder / MANIFEST
    if not path.is_file():
        raise IndexNotFoundError(f"{folder} has no {MANIFEST}, so it is not a forumqa index; {hint}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (ValueError, UnicodeDecodeError) as error:
        raise IndexCorruptError(f"{path} is not valid JSON ({error}); {hint}") from None
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexMismatchError(
            f"{folder} has index format version {version!r}, this forumqa reads version {FORMAT_VERSION}; {hint}"
        )
    try:
        manifest = Manifest.from_json(data)
    except (KeyError, TypeError, ValueError) as error:
        raise IndexCorruptError(f"{path} is malformed ({type(error).__name__}: {error}); {hint}") from None
    if not isinstance(manifest.files, dict) or not manifest.files:
        raise IndexCorruptError(f"{path} lists no files; {hint}")
    stamps = Stamps(folder)
    for name, expected in manifest.files.items():
        file = folder / name
        if not file.is_file():
            raise IndexCorruptError(f"{folder}: {name} is missing; {hint}")
        stat = file.stat()
        size = stat.st_size
        if size != expected.get("bytes"):
            raise IndexCorruptError(
                f"{folder}: {name} has {size} bytes, the manifest says {expected.get('bytes')} (truncated or altered); {hint}"
            )
        if not verify or (not rehash and stamps.trusted(name, stat, expected.get("sha256"))):
            continue
        started = time.time_ns()
        if sha256_file(file) != expected.get("sha256"):
            raise IndexCorruptError(f"{folder}: {name} does not match its sha256 in the manifest (corrupt); {hint}")
        stamps.record(name, stat, expected["sha256"], started)
    stamps.save()
    return manifest
