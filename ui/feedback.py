"""Readers' 👍/👎 on chat replies: an append-only JSON-lines log, and 👎 replies as candidate gold items.

One line per vote or comment: ``{"time", "reply", "vote": "up"|"down", "comment", "question", "rewritten",
"history", "k", "mode", "filters", "abstained", "answer", "passages": [{rank, chunk_id, doc, speaker,
line_start, line_end}]}``. A later line for the same reply (a changed vote, an added comment) supersedes
the earlier one.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from index.errors import ForumQAError
from index.normalize import is_chinese

FEEDBACK_FILE = "feedback.jsonl"
MAX_COMMENT = 2000  # characters kept of a comment
VOTES = ("up", "down")


class FeedbackError(ForumQAError):
    """The feedback log cannot be written or read."""


def feedback_path(index: str | Path, given: str | Path | None = None) -> Path:
    """Where feedback goes: the given file, else feedback.jsonl in the index's folder."""
    return Path(given) if given else Path(index) / FEEDBACK_FILE


class FeedbackLog:
    """Append feedback records to a JSON-lines file (thread-safe; one write per record)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, turn: dict, vote: str, comment: str = "", history: list[str] | None = None) -> dict:
        """Append one record for a chat turn (see ui.convo) and return it.

        Raises:
            FeedbackError: the vote is not 'up' or 'down', or the file cannot be written.
        """
        if vote not in VOTES:
            raise FeedbackError(f"vote must be 'up' or 'down', got {vote!r}")
        answer = turn.get("answer") or {}
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "reply": turn.get("id", ""),
            "vote": vote,
            "comment": str(comment or "").strip()[:MAX_COMMENT],
            "question": turn.get("question", ""),
            "rewritten": answer.get("rewritten", ""),
            "history": list(history or []),
            "k": turn.get("k"),
            "mode": turn.get("mode"),
            "filters": answer.get("filters", {}),
            "abstained": answer.get("abstained"),
            "answer": answer.get("answer", ""),
            "passages": [
                {"rank": p["rank"], "chunk_id": p["chunk_id"], **{key: p["citation"].get(key) for key in
                                                                  ("doc", "speaker", "line_start", "line_end")}}
                for p in answer.get("passages", [])
            ],
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with open(self.path, "a", encoding="utf-8") as out:
                    out.write(line)
        except OSError as error:
            raise FeedbackError(f"cannot write feedback to {self.path} ({error.strerror}); pass --feedback FILE") from None
        return record


def read_feedback(path: str | Path) -> list[dict]:
    """The latest record of each reply, in the order the replies were first voted on.

    Raises:
        FeedbackError: the file is missing or a line is not JSON.
    """
    path = Path(path)
    if not path.is_file():
        raise FeedbackError(f"no feedback file at {path}; the chat writes feedback.jsonl in the index folder")
    latest: dict[str, dict] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise FeedbackError(f"{path}:{number}: not a JSON line") from None
        key = record.get("reply") or f"line{number}"
        if key in latest and not record.get("comment") and latest[key].get("comment"):
            record["comment"] = latest[key]["comment"]  # a changed vote keeps the comment given before
        latest[key] = record
    return list(latest.values())


def gold_candidates(records: list[dict]) -> list[dict]:
    """👎 replies as gold items to review (eval/gold.jsonl's fields, answers left for the reviewer to write).

    The question is the self-contained one that was searched; the reader's comment, the conversation and
    the passages shown come along under "review".
    """
    items = []
    for record in records:
        if record.get("vote") != "down":
            continue
        question = record.get("rewritten") or record.get("question", "")
        if not question.strip():
            continue
        items.append({
            "id": f"fb-{record.get('reply') or len(items) + 1}",
            "question": question,
            "answers": [],
            "type": "fact",
            "lang": "zh" if is_chinese(question) else "en",
            "speaker": (record.get("filters") or {}).get("speaker"),
            "review": {
                "todo": "write the answer string(s) the right passage contains, or set type to out_of_scope",
                "comment": record.get("comment", ""),
                "asked": record.get("question", ""),
                "history": record.get("history", []),
                "abstained": record.get("abstained"),
                "answer_shown": record.get("answer", ""),
                "passages_shown": record.get("passages", []),
                "time": record.get("time", ""),
            },
        })
    return items


__all__ = ["FEEDBACK_FILE", "FeedbackError", "FeedbackLog", "feedback_path", "gold_candidates", "read_feedback"]
