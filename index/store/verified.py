"""Which large index files were hashed lately, so that a load need not read them all again.

A load checks every file's sha256 against the manifest. At a million passages that is reading about 7 GB (13 s on
two cores). ``.verified.json`` in the index folder records, for each file, the size, mtime, inode and device it
had when its sha256 was checked (at the build's manifest, or at a load); while all four are unchanged the file is not
read again, as git and rsync trust a file's stat. A file modified within RACY_NS before its hash was taken is hashed
again (file times are coarse), and ``read_manifest(..., rehash=True)`` reads everything. Only an index of at least
MIN_BYTES gets the stamp file: a small one is hashed in full on every load (cheap). Writing it is best effort: a
read-only index folder is hashed in full on every load.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

STAMPS = ".verified.json"
MIN_BYTES = 64 << 20  # an index whose files add up to this many bytes keeps stamps
RACY_NS = 2_000_000_000  # a file whose mtime is this close to its hashing is hashed again on the next load


def _key(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev]


def _well_formed(entry) -> bool:
    return isinstance(entry, list) and len(entry) == 6 and all(isinstance(v, int) for v in entry[:4] + entry[5:])


class Stamps:
    """The stamps of one index folder: file name -> [size, mtime_ns, inode, device, sha256, hashed at (ns)]."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._changed = False
        try:
            data = json.loads((self.folder / STAMPS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self._entries = {name: entry for name, entry in data.items() if _well_formed(entry)} if isinstance(data, dict) else {}

    def trusted(self, name: str, stat: os.stat_result, sha256: str) -> bool:
        """True when the file was hashed to sha256 with this very stat, long enough after its last write."""
        entry = self._entries.get(name)
        return entry is not None and entry[:4] == _key(stat) and entry[4] == sha256 and stat.st_mtime_ns < entry[5] - RACY_NS

    def record(self, name: str, stat: os.stat_result, sha256: str, hashed_ns: int) -> None:
        """Remember that the file with this stat (taken before hashing began at hashed_ns) has this sha256."""
        self._entries[name] = [*_key(stat), sha256, hashed_ns]
        self._changed = True

    def save(self) -> None:
        """Write the stamps (atomically) when they changed; a folder that cannot be written is left alone."""
        if not self._changed or sum(entry[0] for entry in self._entries.values()) < MIN_BYTES:
            return
        tmp = self.folder / f"{STAMPS}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            tmp.write_text(json.dumps(self._entries), encoding="utf-8")
            os.replace(tmp, self.folder / STAMPS)
            self._changed = False
        except OSError:
            tmp.unlink(missing_ok=True)
