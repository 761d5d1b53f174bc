"""Every word of jieba's dictionary with its mainland form (index.colloquial.mainland), worked out once through OpenCC.

mainland() reads a question's words through OpenCC's regional tables (s2t, then tw2sp), whose loading took 0.1–0.3 s
of every cold question, though almost no word changes (68 of 20,000 dictionary words do). The form of each word of
jieba's own dictionary (about 337,000 of two characters or more) is worked out by that very function the first
time and kept as a packed table (index/packed_table.py) in a memory-mapped cache file beside the jieba tables; a word
outside it still goes through OpenCC. The file is keyed by this module's and index/colloquial.py's code, OpenCC's
files (path, size, date) and jieba's dictionary file, so a changed input works the table out again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

FORMAT = 1
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")  # the words mainland() converts (index/colloquial.py)


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def dictionary_file() -> Path | None:
    """jieba's dictionary file (found without importing jieba)."""
    jieba = _package_dir("jieba")
    return jieba / "dict.txt" if jieba is not None and (jieba / "dict.txt").is_file() else None


def _stamp() -> list:
    """What the table depends on: FORMAT, the code that works it out, OpenCC's files and jieba's dictionary."""
    here = Path(__file__).resolve().parent
    code = hashlib.sha1(b"".join((here / name).read_bytes() for name in ("mainland_table.py", "colloquial.py")))
    opencc = _package_dir("opencc")
    files = sorted(p for p in opencc.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if opencc else []
    dictionary = dictionary_file()
    return [FORMAT, code.hexdigest(), *((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files),
            (str(dictionary), dictionary.stat().st_size, dictionary.stat().st_mtime_ns) if dictionary else None]


def dictionary_words() -> list[str]:
    """The words of jieba's dictionary that mainland() converts, in the file's order, each once."""
    path = dictionary_file()
    if path is None:
        return []
    with open(path, encoding="utf-8") as file:
        words = (line.split(" ", 1)[0].strip() for line in file)
        return [w for w in dict.fromkeys(words) if _WORD.fullmatch(w)]


@lru_cache(maxsize=1)
def mainland_table(convert: Callable[[str], str]) -> Mapping[str, str] | None:
    """{word: convert(word)} over dictionary_words(), from the cache when current, else worked out (then cached);
    None when OpenCC's or jieba's files cannot be read (every word then goes through convert)."""
    from index.jieba_tables import cache_dir
    from index.packed_file import read_sections, write_sections
    from index.packed_table import PackedTable, pack_table

    try:
        stamp = _stamp()
    except OSError:
        return None
    header = ("mainland", stamp)
    path = cache_dir() / f"mainland-{hashlib.sha1(repr(stamp).encode()).hexdigest()[:12]}.packed"
    found = read_sections(path, header)
    if found is not None:
        return PackedTable(found)
    packed = pack_table({word: convert(word) for word in dictionary_words()})
    write_sections(path, header, packed)
    return PackedTable(packed)
