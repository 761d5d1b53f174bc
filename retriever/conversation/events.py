"""An English follow-up whose it, that or this stands for what the latest question was about (Did it work?, Why was
that necessary?): the question with whose or where it was said at its end (Did it work in Jining?)."""

from __future__ import annotations

import re

from retriever.conversation import clauses, omission, pronouns
from retriever.conversation.knowledge import EntityKind, Knowledge
from retriever.conversation.pronouns import Want
from retriever.conversation.referents import Turn, label_of, latest, possessed_subject

Completed = tuple[str, str] | None  # (question, reason)


_EN_EVENT_WORD = re.compile(r"(?i)\b(?:it|that|this)\b")


def about_event(text: str, turns: list[Turn], knowledge: Knowledge) -> Completed:
    """An English question whose it, that or this stands for what the latest question was about (Did it work?, Why was
    that necessary?, How should that be fixed?), with whose or where it was said at its end: ', according to' the
    latest person, or 'in' the latest place or company (Did it work in Jining?)."""
    found = [pronouns.Pronoun(m.start(), m.end(), Want.THING, m.group()) for m in _EN_EVENT_WORD.finditer(text)]
    if len(text.split()) > omission.MAX_OMITTED_SUBJECT_WORDS or not any(pronouns.is_event(p, text) for p in found):
        return None
    event = next(p for p in found if pronouns.is_event(p, text))
    owned = possessed_subject(turns[-1]) or clauses.defined_thing(turns[-1].text) if not turns[-1].chinese else ""
    if owned and event.text.lower() == "it":  # How long did it take? after What did Dalian's boiler campaign cut?
        done = text[: event.start] + owned + text[event.end :]
        return done[:1].upper() + done[1:], f"pronoun: it = {owned}"
    entity = latest(turns, Want.ANY, knowledge)
    if entity is None:
        return None
    label = label_of(entity, False, turns)
    joint = ", according to" if entity.kind == EntityKind.PERSON else " in"
    body = omission.strip_continuation(text).rstrip("?. ")
    return body[:1].upper() + body[1:] + f"{joint} {label}?", f"pronoun: {label}'s"
