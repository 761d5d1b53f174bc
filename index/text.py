"""Text that remembers where it came from: each character's 1-based line in the original file."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A piece of clean text and, per character, the original line it came from (stored run-length).

    ``starts[i]`` is the offset where run i begins and ``runs[i]`` its line; runs cover the whole
    text. Build with :meth:`from_lines` (one line per character) or :meth:`concat`.
    """

    text: str
    starts: tuple[int, ...] = ()
    runs: tuple[int, ...] = ()

    @classmethod
    def from_lines(cls, text: str, lines: Sequence[int]) -> Text:
        """A Text from one line number per character."""
        if len(lines) != len(text):
            raise ValueError(f"need one line per character: {len(text)} characters, {len(lines)} lines")
        starts: list[int] = []
        runs: list[int] = []
        for offset, line in enumerate(lines):
            if not runs or runs[-1] != line:
                starts.append(offset)
                runs.append(line)
        return cls(text, tuple(starts), tuple(runs))

    @classmethod
    def concat(cls, pieces: Iterable[Text]) -> Text:
        """Join pieces in order in one pass (linear in the total size)."""
        chars: list[str] = []
        starts: list[int] = []
        runs: list[int] = []
        size = 0
        for piece in pieces:
            for start, line in zip(piece.starts, piece.runs):
                if not runs or runs[-1] != line:
                    starts.append(size + start)
                    runs.append(line)
            chars.append(piece.text)
            size += len(piece.text)
        return cls("".join(chars), tuple(starts), tuple(runs))

    def __add__(self, other: Text) -> Text:
        return Text.concat((self, other))

    def __len__(self) -> int:
        return len(self.text)

    def line_at(self, offset: int) -> int:
        """The original line of the character at offset."""
        return self.runs[bisect_right(self.starts, offset) - 1]

    @property
    def lines(self) -> tuple[int, ...]:
        """One line number per character (expanded; for tests and small texts)."""
        out: list[int] = []
        for i, line in enumerate(self.runs):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            out.extend([line] * (end - self.starts[i]))
        return tuple(out)

    def slice(self, start: int, end: int) -> Text:
        """The sub-text text[start:end] with its line map."""
        start, end, _ = slice(start, end).indices(len(self.text))
        if end <= start:
            return Text("")
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, end - 1)
        starts = (0,) + tuple(s - start for s in self.starts[first + 1 : last])
        return Text(self.text[start:end], starts, self.runs[first:last])

    @property
    def line_start(self) -> int:
        return min(self.runs) if self.runs else 0

    @property
    def line_end(self) -> int:
        return max(self.runs) if self.runs else 0
