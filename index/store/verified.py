"""Which large index files were hashed lately, so that a load need not read them all again.

A load checks every file's sha256 against the manifest. At a million passages that is reading about 7 GB (13 s on
two cores). ``.verified.json`` in the index folder records, for each large file, the size, mtime, inode and device
it had when its sha256 was checked (at the build's manifest, or at a load); while all four are unchanged the file is
not read again, as git and rsync trust a file's stat. A file modified within RACY_NS before its hash was taken is
hashed again (file times are coarse), and ``read_manifest(..., rehash=True)`` reads everything. Small files are
hashed on every load (cheap), so small indexes never get the stamp file. Writing it is best effort: a read-only
index folder is hashed in full on every load.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

STAMPS = ".verified.json"
MIN_BYTES = 16 << 20  # files at least this large may be trusted from their stamp
RACY_NS = 2_000_000_000  # a file whose mtime is this close to its hashing is hashed again on the next load


def _key(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev]


class Stamps:
    """The stamps of one index folder: file name -> [size, mtime_ns, inode, device, sha256, hashed at (ns)]."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._changed = False
        try:
            data = json.loads((self.folder / STAMPS).read_text(encoding="utf-8"))
            self._entries = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self._entries = {}

    def trusted(self, name: str, stat: os.stat_result, sha256: str) -> bool:
        """True when the file was hashed to sha256 with this very stat, long enough after its last write."""
        entry = self._entries.get(name)
        if not isinstance(entry, list) or len(entry) != 6:
            return False
        return entry[:4] == _key(stat) and entry[4] == sha256 and stat.st_mtime_ns < entry[5] - RACY_NS

    def record(self, name: str, stat: os.stat_result, sha256: str, hashed_ns: int) -> None:
        """Remember that the file with this stat (taken before hashing began at hashed_ns) has this sha256."""
        if stat.st_size >= MIN_BYTES:
            self._entries[name] = [*_key(stat), sha256, hashed_ns]
            self._changed = True

    def save(self) -> None:
        """Write the stamps (atomically) when they changed; a folder that cannot be written is left alone."""
        if not self._changed:
            return
        tmp = self.folder / f"{STAMPS}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            tmp.write_text(json.dumps(self._entries), encoding="utf-8")
            os.replace(tmp, self.folder / STAMPS)
            self._changed = False
        except OSError:
            tmp.unlink(missing_ok=True)
