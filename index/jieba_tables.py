"""jieba's dictionary and part-of-speech tags from a cache that opens in milliseconds instead of about a second.

jieba 0.42 loads its word frequencies from a marshal cache (half a million short strings decoded and hashed into a
dict) and, when ``jieba.posseg`` is imported, parses all of dict.txt again for the tags; together about 1 s of a
cold start. A question looks up a few hundred words. The cache here holds the sorted words as one string with
their frequencies and tags as arrays; jieba gets index.sorted_table.SortedTable mappings over them, which look words
up by binary search and turn into plain dicts in a long run. The tables are copied from jieba's own the first time
(so they are exactly jieba's) and checked against its version and dictionary file on every load. The cache lives in
FORUMQA_CACHE_DIR, else $XDG_CACHE_HOME/forumqa, else ~/.cache/forumqa; when it cannot be read or written, jieba
loads its tables its own way.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import sys
import tempfile
import threading
import time
import warnings
from array import array
from pathlib import Path

from index.sorted_table import SortedTable, sorted_keys

FORMAT = 1
KEEP = 3  # cache files of each kind kept (most recently used first): each environment or clone writes its own
_lock = threading.RLock()
_import_lock = threading.Lock()
_tags: SortedTable | None = None


def import_jieba():
    """jieba, imported without pkg_resources: jieba uses it only to open its own dictionary file and falls back to
    open(); importing pkg_resources costs about 0.2 s and warns of its deprecation (setuptools < 81)."""
    with _import_lock:  # another thread may be importing jieba: wait for it, never take a half-imported module
        blocked = "pkg_resources" not in sys.modules and "jieba" not in sys.modules
        if blocked:
            sys.modules["pkg_resources"] = None  # `import pkg_resources` raises ImportError while this is set
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
                import jieba
        finally:
            if blocked and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    return jieba


def cache_dir() -> Path:
    """Where forumqa keeps caches that any index can share."""
    chosen = os.environ.get("FORUMQA_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "forumqa"


def _stamp(jieba) -> dict:
    """What the tables depend on: the format, jieba's version and its dictionary file (path, size and date)."""
    dictionary = Path(jieba.__file__).resolve().parent / "dict.txt"
    info = dictionary.stat()
    return {"format": FORMAT, "jieba": jieba.__version__, "dictionary": str(dictionary), "size": info.st_size,
            "mtime_ns": info.st_mtime_ns}


def cache_path(jieba, stamp: dict) -> Path:
    """The cache file of this jieba installation (each environment has its own: their dictionaries' dates differ)."""
    key = hashlib.sha1(repr(sorted(stamp.items())).encode()).hexdigest()[:12]
    return cache_dir() / f"jieba-{jieba.__version__}-{key}.tables"


def _read(path: Path, stamp: dict) -> tuple[SortedTable, int, SortedTable] | None:
    """(word frequencies, their total, part-of-speech tags) from the cache, or None when it is missing or stale."""
    try:
        found, keys, offsets, freqs, total, codes, tag_names = read_marshal(path)
    except (TypeError, ValueError):
        return None
    if found != stamp:
        return None
    offsets = array("i", offsets)
    freq = SortedTable(keys, offsets, array("q", freqs))
    tags = SortedTable(keys, offsets, array("B", codes), decode=[None, *tag_names].__getitem__)
    return freq, total, tags


def read_marshal(path: Path):
    """A cache file's contents, its use recorded in its date (what prune keeps by), or None when it cannot be read."""
    try:
        with open(path, "rb") as file:
            data = marshal.load(file)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    try:
        os.utime(path)
    except OSError:
        pass
    return data


def write_marshal(path: Path, data: tuple) -> None:
    """Write a cache file atomically (a temporary file renamed over it), then prune its kind; a folder that cannot be
    written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            marshal.dump(data, file)
        os.replace(temporary, path)
    except OSError:
        return
    prune(path)


def prune(path: Path, keep: int = KEEP) -> list[Path]:
    """Delete the cache files of path's kind (same name before the first "-", same suffix) beyond the keep most
    recently used, and temporary files of that kind an hour old (left by a killed process).

    Returns:
        The files deleted.
    """
    kind = path.name.split("-", 1)[0]
    deleted = []
    try:
        dated = [(f.stat().st_mtime, f) for f in path.parent.glob(f"{kind}-*{path.suffix}")]
        now = time.time()
        stale = [f for f in path.parent.glob(f"{kind}-*.tmp") if now - f.stat().st_mtime > 3600]
    except OSError:
        return deleted
    for _, old in sorted(dated, reverse=True)[keep:]:
        stale.append(old)
    for old in stale:
        if old != path:
            try:
                old.unlink()
                deleted.append(old)
            except OSError:
                pass
    return deleted


def _write(path: Path, stamp: dict, freq: dict[str, int], total: int, tag_of: dict[str, str]) -> None:
    """Write the cache atomically (a temporary file renamed into place); failures are ignored (it is only a cache)."""
    names = sorted(set(tag_of.values()))
    if any("\n" in w for w in freq) or not set(tag_of) <= freq.keys() or len(names) > 255:
        return  # not representable here (a custom dictionary): jieba's own loading stays
    code_of = {name: i for i, name in enumerate(names, start=1)}
    ordered = sorted(freq)
    keys, offsets = sorted_keys(ordered)
    data = (
        stamp,
        keys,
        array("i", offsets).tobytes(),
        array("q", [freq[w] for w in ordered]).tobytes(),
        total,
        array("B", [code_of.get(tag_of.get(w), 0) for w in ordered]).tobytes(),
        names,
    )
    write_marshal(path, data)


def _install(jieba, freq: SortedTable, total: int) -> None:
    """Give jieba's default tokenizer its tables, as its initialize() would have (the table becomes jieba's dict
    once a long run has looked up enough words)."""
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized:
            freq._on_full = lambda full: setattr(tokenizer, "FREQ", full)
            tokenizer.FREQ, tokenizer.total = freq, total
            tokenizer.initialized = True


def _import_posseg(jieba, tags: SortedTable | None):
    """jieba.posseg, imported with these tags instead of the ones it would parse from dict.txt (None: its own)."""
    if tags is None or "jieba.posseg" in sys.modules:
        import jieba.posseg

        return jieba.posseg
    tokenizer = jieba.dt
    with tokenizer.lock:  # initialize() reads the dictionary file under this lock too: it must not see the empty one
        tokenizer.get_dict_file = lambda: io.BytesIO(b"")  # what POSTokenizer(jieba.dt) parses on import
        try:
            import jieba.posseg
        finally:
            del tokenizer.get_dict_file
        tags._on_full = lambda full: setattr(jieba.posseg.dt, "word_tag_tab", full)
        jieba.posseg.dt.word_tag_tab = tags
    return jieba.posseg


def load_dictionary():
    """jieba with its default dictionary loaded (from the cache when it is there and current).

    Returns:
        The jieba module, initialised.
    """
    global _tags
    jieba = import_jieba()
    with _lock:
        if jieba.dt.initialized or jieba.dt.dictionary is not None:
            jieba.initialize()  # already loaded, or a custom dictionary: jieba's own way
            return jieba
        stamp = _stamp(jieba)
        path = cache_path(jieba, stamp)
        tables = _read(path, stamp)
        if tables is None:
            jieba.initialize()
            posseg = _import_posseg(jieba, None)
            _write(path, stamp, jieba.dt.FREQ, jieba.dt.total, posseg.dt.word_tag_tab)
            return jieba
        freq, total, _tags = tables
        _install(jieba, freq, total)
    return jieba


def posseg():
    """jieba.posseg with the default dictionary's tags (from the cache when jieba.posseg is not imported yet)."""
    jieba = load_dictionary()
    with _lock:
        return _import_posseg(jieba, _tags)
