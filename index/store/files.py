"""Index folders on disk: written into a staging folder, published by an atomic swap, guarded by a lock."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path

import numpy as np

from index.errors import IndexCorruptError, InvalidArgumentError
from index.store.verified import STAMPS

MANIFEST = "manifest.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_table(folder: Path, seen=None) -> dict[str, dict]:
    """Size and sha256 of every file under folder except the manifest and the hash stamps (relative posix paths).

    Args:
        folder: the index folder.
        seen: optional callable(name, stat taken before hashing, sha256, time.time_ns() when hashing began).
    """
    table = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != MANIFEST and not path.name.startswith(STAMPS):
            name, stat, started = path.relative_to(folder).as_posix(), path.stat(), time.time_ns()
            table[name] = {"bytes": stat.st_size, "sha256": sha256_file(path)}
            if seen is not None:
                seen(name, stat, table[name]["sha256"], started)
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
        raise InvalidArgumentError(f"{out} exists and is not an index folder; choose another --out")
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


def write_jsonl(path: Path, rows) -> None:
    """One JSON object per line, UTF-8, non-ASCII kept."""
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    """The JSON objects of a JSON-lines file; a bad line is IndexCorruptError naming it."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    raise IndexCorruptError(f"{path}: line {number} is not valid JSON") from None
    return rows


NPY_HEADER = 128  # bytes reserved for a streamed .npy header (numpy writes 128 for any 1- or 2-D shape here)


def _npy_header(dtype: np.dtype, shape: tuple[int, ...]) -> bytes:
    import io

    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": np.lib.format.dtype_to_descr(dtype), "fortran_order": False,
                                                  "shape": shape})
    header = buffer.getvalue()
    if len(header) != NPY_HEADER:  # pragma: no cover - only for shapes with absurdly many digits
        raise ValueError(f"unexpected .npy header size {len(header)}")
    return header


class NpyAppender:
    """Writes a .npy file row block by row block, without knowing the row count in advance (bounded memory).

    Args:
        path: the .npy file to write.
        dtype: element type.
        width: columns of a 2-D array, or 0 for a 1-D array.
    """

    def __init__(self, path: Path, dtype, width: int = 0) -> None:
        self.path, self.dtype, self.width = Path(path), np.dtype(dtype), width
        self.rows = 0
        self._handle = open(self.path, "wb")
        self._handle.write(b"\x00" * NPY_HEADER)

    def append(self, block: np.ndarray) -> None:
        block = np.ascontiguousarray(block, dtype=self.dtype)
        if self.width:
            block = block.reshape(-1, self.width)
        self._handle.write(block.tobytes())
        self.rows += len(block)

    def close(self) -> None:
        if self._handle.closed:
            return
        shape = (self.rows, self.width) if self.width else (self.rows,)
        self._handle.seek(0)
        self._handle.write(_npy_header(self.dtype, shape))
        self._handle.close()


def copy_rows(source: np.ndarray, rows: np.ndarray | list[tuple[int, int]], out: NpyAppender, block: int = 65_536) -> None:
    """Append source[start:stop] for each (start, stop) range to out, a block at a time."""
    for start, stop in rows:
        for at in range(start, stop, block):
            out.append(np.asarray(source[at : min(stop, at + block)]))


class NpyRows:
    """Rows of a 2-D .npy file read with plain file reads (pread): unlike a memory map, pages read for a pass over
    a large file, or for a few rows per query, do not stay in the process's resident memory.

    Supports len(), .shape, .dtype, [start:stop] and [sorted int array]; safe to share between threads.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with open(self.path, "rb") as handle:
            version = np.lib.format.read_magic(handle)
            reader = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = reader(handle)
            self.offset = handle.tell()
        if fortran or len(shape) != 2 or dtype.hasobject:
            raise ValueError(f"{self.path.name} is not a 2-D numeric array")
        self.shape, self.dtype = tuple(shape), dtype
        self.ndim = 2
        self.row_bytes = int(shape[1]) * dtype.itemsize
        self._fd = os.open(self.path, os.O_RDONLY)

    def __del__(self) -> None:
        fd = getattr(self, "_fd", None)
        if fd is not None:
            os.close(fd)
            self._fd = None

    def __len__(self) -> int:
        return self.shape[0]

    def _read(self, start: int, count: int) -> bytes:
        size = count * self.row_bytes
        data = os.pread(self._fd, size, self.offset + start * self.row_bytes)
        if len(data) != size:
            raise ValueError(f"{self.path.name} is shorter than its header says")
        return data

    def __getitem__(self, key) -> np.ndarray:
        if isinstance(key, slice):
            start, stop, _ = key.indices(self.shape[0])
            count = max(stop - start, 0)
            out = np.empty((count, self.shape[1]), self.dtype)
            for at in range(0, count, 65_536):  # reads of at most 64k rows
                n = min(65_536, count - at)
                out[at : at + n] = np.frombuffer(self._read(start + at, n), self.dtype).reshape(n, self.shape[1])
            return out
        rows = np.asarray(key, dtype=np.int64).reshape(-1)
        out = np.empty((len(rows), self.shape[1]), self.dtype)
        if len(rows) and (rows.min() < 0 or rows.max() >= self.shape[0]):
            raise IndexError(f"row out of range for {self.path.name} ({self.shape[0]} rows)")
        if not len(rows):
            return out
        if np.any(rows[1:] < rows[:-1]):
            order = np.argsort(rows, kind="stable")
            out[order] = self[rows[order]]
            return out
        # sorted rows: each run of consecutive rows is read straight into its place in out, one preadv a run
        view = memoryview(out).cast("B")
        breaks = np.flatnonzero(np.diff(rows) != 1) + 1
        starts, stops = [0, *breaks.tolist()], [*breaks.tolist(), len(rows)]
        for a, b, first in zip(starts, stops, rows[starts].tolist()):
            self._read_into(view[a * self.row_bytes : b * self.row_bytes], first)
        return out

    def _read_into(self, view: memoryview, row: int) -> None:
        """Fill view with the bytes of the rows from row on."""
        at, offset = 0, self.offset + row * self.row_bytes
        while at < len(view):
            got = os.preadv(self._fd, [view[at:]], offset + at)
            if got <= 0:
                raise ValueError(f"{self.path.name} is shorter than its header says")
            at += got
