"""The chat's conversation as plain data: turns that fit in browser storage, and the Answers they hold.

A turn is a JSON-safe dict: ``{"id", "question", "k", "mode", "speaker", "doc", "answer": Answer.to_json()
or None, "error": ""}``. The conversation (a list of turns) is what the browser keeps across reloads;
the chat's messages are rendered from it.
"""

from __future__ import annotations

import uuid
from dataclasses import fields

from retriever.types import Answer, Citation, Highlight, Hit

MAX_TURNS = 30  # turns kept in browser storage (older ones are dropped)


def _pick(cls, data: dict) -> dict:
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


def answer_from_json(data: dict) -> Answer:
    """The Answer that Answer.to_json() gave (unknown keys ignored)."""
    passages = [
        Hit(**{**_pick(Hit, hit), "citation": Citation(**_pick(Citation, hit["citation"]))})
        for hit in data.get("passages", [])
    ]
    highlights = [Highlight(**_pick(Highlight, h)) for h in data.get("highlights", [])]
    rest = {k: v for k, v in _pick(Answer, data).items() if k not in ("passages", "highlights")}
    return Answer(passages=passages, highlights=highlights, **rest)


def new_turn(question: str, k: int, mode: str, speaker: str | None, doc: str | None) -> dict:
    """A turn for a question about to be asked."""
    return {"id": uuid.uuid4().hex[:12], "question": question, "k": k, "mode": mode, "speaker": speaker or "",
            "doc": doc or "", "answer": None, "error": ""}


def history_of(turns: list[dict]) -> list[str]:
    """The earlier questions of a conversation, oldest first (turns that failed are left out)."""
    return [t["question"] for t in turns if t.get("answer") is not None]


def keep(turns: list[dict]) -> list[dict]:
    """The turns to store: the last MAX_TURNS."""
    return list(turns)[-MAX_TURNS:]


def turn_of_message(index: int) -> int:
    """The turn a chat message belongs to (messages alternate question, reply)."""
    return index // 2


__all__ = ["MAX_TURNS", "answer_from_json", "history_of", "keep", "new_turn", "turn_of_message"]
