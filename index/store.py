"""The on-disk index: a folder with manifest.json, written atomically and checked on load.

Layout::

    manifest.json          format/package versions, embedder, tokenizer, settings, counts, sha256 of each file
    chunks.jsonl           one chunk per line (text + citation fields)
    sentences.jsonl        one sentence per line (for highlighting)
    sentence_vectors.npy   float32 (n_sentences, dim), loaded with allow_pickle=False
    faiss.index            FAISS index over the chunk embeddings
    bm25/                  bm25s index (numpy arrays + json, no pickle)
    lexicon.json           English glosses and pinyin -> Chinese BM25 terms (index/lexicon.py)
    docs/<doc>.txt         the decoded original transcripts, for the source viewer
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path

from index.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError

FORMAT_VERSION = 2  # 2: lexicon.json (English -> Chinese BM25 terms)
MANIFEST = "manifest.json"
REBUILD_HINT = "rebuild it with: forumqa build [FILES] --out {path}"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_table(folder: Path) -> dict[str, dict]:
    """Size and sha256 of every file under folder except the manifest (relative posix paths)."""
    table = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            table[path.relative_to(folder).as_posix()] = {"bytes": path.stat().st_size, "sha256": sha256_file(path)}
    return table


@contextlib.contextmanager
def build_lock(out: Path):
    """Serialise builds into the same folder (an flock on a sibling .lock file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            remove_stale(out)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale(out: Path) -> None:
    """Delete staging and old copies left beside out by a build that was killed (call holding the lock)."""
    for pattern in (f".{out.name}.tmp-*", f".{out.name}.old-*"):
        for path in out.parent.glob(pattern):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def staging_dir(out: Path) -> Path:
    """A fresh temporary folder beside out (same file system, so the final rename is atomic)."""
    path = out.parent / f".{out.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    path.mkdir(parents=True)
    return path


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EXDEV):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def publish(staged: Path, out: Path) -> None:
    """Move a complete staged index into place so that out is, at every instant, a whole index.

    A new out is a plain rename; an existing one is swapped atomically (renameat2
    RENAME_EXCHANGE) and the old copy removed afterwards.
    """
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise IndexCorruptError(f"{out} exists and is not an index folder; choose another --out")
    try:
        os.rename(staged, out)
        return
    except OSError as error:
        if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
    if _exchange(staged, out):
        shutil.rmtree(staged, ignore_errors=True)
        return
    old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
    os.rename(out, old)
    os.rename(staged, out)
    shutil.rmtree(old, ignore_errors=True)


def write_manifest(folder: Path, manifest: dict) -> None:
    manifest = {**manifest, "files": file_table(folder)}
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def read_manifest(folder: Path, verify: bool = True) -> dict:
    """Read and check an index folder's manifest and, with verify, every file's size and sha256.

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
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not a JSON object")
    except (ValueError, UnicodeDecodeError) as error:
        raise IndexCorruptError(f"{path} is not valid JSON ({error}); {hint}") from None
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexMismatchError(
            f"{folder} has index format version {version!r}, this forumqa reads version {FORMAT_VERSION}; {hint}"
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise IndexCorruptError(f"{path} lists no files; {hint}")
    for name, expected in files.items():
        file = folder / name
        if not file.is_file():
            raise IndexCorruptError(f"{folder}: {name} is missing; {hint}")
        size = file.stat().st_size
        if size != expected.get("bytes"):
            raise IndexCorruptError(
                f"{folder}: {name} has {size} bytes, the manifest says {expected.get('bytes')} (truncated or altered); {hint}"
            )
        if verify and sha256_file(file) != expected.get("sha256"):
            raise IndexCorruptError(f"{folder}: {name} does not match its sha256 in the manifest (corrupt); {hint}")
    return manifest


def write_jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    raise IndexCorruptError(f"{path}: line {number} is not valid JSON") from None
    return rows
