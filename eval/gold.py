"""The gold question set: loading and validating eval/gold.jsonl."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from index.errors import ForumQAError

GOLD = Path(__file__).resolve().parent / "gold.jsonl"
TYPES = ("fact", "number", "entity", "policy", "how_why", "paraphrase", "out_of_scope")
LANGS = ("zh", "en")
OUT_OF_SCOPE = "out_of_scope"


class GoldError(ForumQAError):
    """The gold file is missing or malformed."""


@dataclass(frozen=True)
class GoldQuestion:
    """One gold question: the answer strings a relevant passage must contain (none when out of scope)."""

    id: str
    question: str
    answers: tuple[str, ...]
    type: str
    lang: str
    speaker: str | None

    @property
    def answerable(self) -> bool:
        return self.type != OUT_OF_SCOPE


def load_gold(path: str | Path | None = None) -> list[GoldQuestion]:
    """Read a gold file (JSON lines) and check each record's fields.

    Raises:
        GoldError: the file is missing, a line is not JSON, or a field is missing or invalid.
    """
    path = Path(path or GOLD)
    if not path.is_file():
        raise GoldError(f"gold file {str(path)!r} not found; pass --gold with a JSON-lines file of questions")
    questions = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            item = GoldQuestion(
                id=str(record["id"]),
                question=record["question"],
                answers=tuple(record.get("answers") or ()),
                type=record["type"],
                lang=record["lang"],
                speaker=record.get("speaker"),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise GoldError(f"{path}:{lineno}: not a gold record ({error!r}); need id, question, answers, type, lang") from None
        if item.type not in TYPES:
            raise GoldError(f"{path}:{lineno}: type {item.type!r} is not one of {', '.join(TYPES)}")
        if item.lang not in LANGS:
            raise GoldError(f"{path}:{lineno}: lang {item.lang!r} is not one of {', '.join(LANGS)}")
        if item.answerable and not item.answers:
            raise GoldError(f"{path}:{lineno}: question {item.id} of type {item.type!r} has no answer strings")
        questions.append(item)
    return questions
