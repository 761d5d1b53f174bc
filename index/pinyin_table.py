"""pypinyin's single-character readings from a cache that opens in about a millisecond instead of about 0.1 s.

pypinyin keeps them in pinyin_dict.json (about 42,000 code points), which its pinyin_dict module parses with json and
re-keys to ints on import: about 0.1 s of every cold question, since the conversation's entities spell the speakers'
names and a question's slips are read by sound. The cache holds the code points as one sorted int array and the
readings as one newline-joined string; CodeTable looks a code point up by binary search. It is built from
pypinyin's own module the first time (so it is exactly pypinyin's table), checked against that module's files (path,
size, date) on every load, and written atomically beside the jieba tables (index.jieba_tables.cache_dir). When it
cannot be read or written, the table comes from pypinyin's module as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
from array import array
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

from index.errors import MissingDependencyError

FORMAT = 1


class CodeTable:
    """Code point -> pypinyin's readings (comma-separated, with tones), over sorted code points."""

    def __init__(self, codes: array, readings: str, offsets: array) -> None:
        self._codes, self._readings, self._offsets = codes, readings, offsets

    def get(self, code: int, default: str | None = None) -> str | None:
        at = bisect_left(self._codes, code)
        if at < len(self._codes) and self._codes[at] == code:
            return self._readings[self._offsets[at] : self._offsets[at + 1] - 1]
        return default

    def __len__(self) -> int:
        return len(self._codes)

    def items(self):
        """Every (code point, readings) pair, in code point order."""
        return ((code, self.get(code)) for code in self._codes)


def _module_path() -> Path:
    """pypinyin's pinyin_dict.py, found without running the package's __init__ (its phrase dictionaries)."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("the pinyin signal needs: pip install pypinyin")
    return Path(list(spec.submodule_search_locations)[0]) / "pinyin_dict.py"


def pypinyin_table(path: Path) -> dict[int, str]:
    """pypinyin's own table: its pinyin_dict module, run from its file (~0.1 s)."""
    module_spec = importlib.util.spec_from_file_location("_forumqa_pinyin_dict", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module.pinyin_dict


def _stamp(path: Path) -> list:
    """What the table depends on: the format and pypinyin's files that hold it (path, size and date of each)."""
    files = [path, path.with_suffix(".json")]
    return [FORMAT] + [(str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file()]


def _cache_path(stamp: list) -> Path:
    from index.jieba_tables import cache_dir

    return cache_dir() / f"pinyin-{hashlib.sha1(repr(stamp).encode()).hexdigest()[:12]}.table"


def _read(path: Path, stamp: list) -> CodeTable | None:
    from index.jieba_tables import read_marshal

    try:
        found, codes, readings, offsets = read_marshal(path)
    except (TypeError, ValueError):
        return None
    if found != stamp:
        return None
    codes, offsets = array("i", codes), array("i", offsets)
    if len(offsets) != len(codes) + 1 or offsets[-1] != len(readings):
        return None
    return CodeTable(codes, readings, offsets)


def _write(path: Path, stamp: list, table: dict[int, str]) -> None:
    """Write the cache atomically; failures are ignored (it is only a cache)."""
    ordered = sorted(table)
    if any("\n" in table[c] for c in ordered):
        return  # not representable here: pypinyin's own table stays
    offsets = [0]
    for code in ordered:
        offsets.append(offsets[-1] + len(table[code]) + 1)
    data = (stamp, array("i", ordered).tobytes(), "".join(table[c] + "\n" for c in ordered), array("i", offsets).tobytes())
    from index.jieba_tables import write_marshal

    write_marshal(path, data)


def load_table() -> CodeTable | dict[int, str]:
    """pypinyin's single-character table (code point -> readings): from the cache when it is there and current,
    else pypinyin's own (then cached for the next process)."""
    source = _module_path()
    try:
        stamp = _stamp(source)
    except OSError:
        return pypinyin_table(source)
    path = _cache_path(stamp)
    table = _read(path, stamp)
    if table is not None:
        return table
    own = pypinyin_table(source)
    _write(path, stamp, own)
    return own


def cached_derived(name: str, derive: Callable[[], dict[str, str]], sources: tuple[Path, ...]) -> dict[str, str]:
    """A str -> str table derived from pypinyin's table: from the cache when current, else derive() (then cached).

    Keyed like the table itself (pypinyin's files: path, size, date; FORMAT) and by the bytes of the source files
    that shape the derivation, so a changed derivation is derived again.
    """
    from index.jieba_tables import read_marshal, write_marshal

    try:
        stamp = [*_stamp(_module_path()), name, *(hashlib.sha1(f.read_bytes()).hexdigest() for f in sources)]
    except OSError:
        return derive()
    from index.jieba_tables import cache_dir

    path = cache_dir() / f"pinyin_{name}-{hashlib.sha1(repr(stamp).encode()).hexdigest()[:12]}.table"
    found = read_marshal(path)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == stamp and isinstance(found[1], dict):
        return found[1]
    table = derive()
    write_marshal(path, (stamp, table))
    return table
