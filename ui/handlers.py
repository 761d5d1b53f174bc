"""The web chat's event handlers (Chat) and ask_json, the work behind the /ask and /api/ask endpoints."""

from __future__ import annotations

import logging

import gradio as gr

from index.errors import ForumQAError
from retriever import Answer, Hit, Retriever
from ui.convo import answer_from_json, history_of, keep, new_turn, turn_of_message
from ui.escape import document_title
from ui.feedback import FeedbackError, FeedbackLog
from ui.render import (
    answer_html,
    answer_markdown,
    citation_label,
    error_html,
    normalise_mode,
    question_html,
    source_html,
)

log = logging.getLogger("forumqa.ui")

INTERNAL = "内部错误，已记录 / internal error (logged)"


def _k(value) -> int:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def ask_json(
    retriever: Retriever,
    question: str,
    k: int = 5,
    mode: str = "hybrid",
    speaker: str | None = "",
    doc: str | None = None,
    history: list[str] | None = None,
) -> dict:
    """One question answered as Answer.to_json(), the work behind /ask and /api/ask.

    Raises:
        ForumQAError: bad input (empty question, bad k, mode, speaker or document).
    """
    answer = retriever.answer(
        question, k=_k(k), mode=normalise_mode(mode), speaker=speaker or None, doc=doc or None, history=history or None
    )
    return answer.to_json()


class Chat:
    """The chat's event handlers over one retriever (and an optional feedback log)."""

    def __init__(self, retriever: Retriever, feedback: FeedbackLog | None = None) -> None:
        self.retriever = retriever
        self.feedback = feedback
        self.titles = {d.doc: d.title or d.doc for d in retriever.documents}
        self.page_starts = {d.doc: d.page_starts for d in retriever.documents}

    def reply_html(self, turn: dict) -> str:
        if turn.get("answer") is None:
            return error_html(turn.get("error") or INTERNAL)
        answer = answer_from_json(turn["answer"])
        return answer_html(answer, self.under_passage, k=turn.get("k"), titles=self.titles, holding=self.retriever.holding)

    def under_passage(self, hit: Hit, highlight) -> str:
        """A passage's source lines in context, shown under it in the reply."""
        return self.source_of(hit, highlight, title=False)

    def source_of(self, hit: Hit, highlight, title: bool = True) -> str:
        doc = hit.citation.doc
        return source_html(
            self.retriever.source_lines(doc), hit, highlight, page_starts=self.page_starts.get(doc, ()), title=title
        )

    def messages(self, turns: list[dict]) -> list[dict]:
        out = []
        for turn in turns:
            out.append({"role": "user", "content": question_html(turn["question"])})
            out.append({"role": "assistant", "content": self.reply_html(turn)})
        return out

    def answer_turn(self, turn: dict, history: list[str]) -> dict:
        """Fill a turn's answer (or its one-line error)."""
        try:
            turn["answer"] = ask_json(
                self.retriever, turn["question"], turn["k"], turn["mode"], turn["speaker"], turn["doc"], history
            )
        except ForumQAError as error:
            turn["error"] = str(error).splitlines()[0]
        except Exception:  # never a traceback in the page; the log has it
            log.exception("answering %r failed", turn["question"][:200])
            turn["error"] = INTERNAL
        return turn

    def panel(self, turns: list[dict], index: int | None):
        """Citation choices, the first citation's source and the Markdown export for one turn."""
        turn = turns[index] if index is not None and 0 <= index < len(turns) else None
        if turn is None or turn.get("answer") is None:
            return gr.update(choices=[], value=None), "", ""
        answer = answer_from_json(turn["answer"])
        choices = [(citation_label(hit, document_title(hit.citation.doc, self.titles)), i)
                   for i, hit in enumerate(answer.passages)]
        viewer = self.source(answer, 0) if answer.passages else ""
        return gr.update(choices=choices, value=0 if choices else None), viewer, answer_markdown(answer, self.retriever.holding)

    def source(self, answer: Answer, index: int) -> str:
        highlight = answer.highlights[index] if index < len(answer.highlights) else None
        return self.source_of(answer.passages[index], highlight)

    def respond(self, question, turns, k, mode, speaker, doc):
        turns = list(turns or [])
        if not str(question or "").strip():
            return (gr.update(), question, turns, gr.update(), *[gr.update()] * 3)
        turn = new_turn(str(question), _k(k), normalise_mode(mode), speaker, doc)
        turns = keep([*turns, self.answer_turn(turn, history_of(turns))])
        current = len(turns) - 1
        return (self.messages(turns), "", turns, current, *self.panel(turns, current))

    def on_load(self, turns, k, mode, speaker, doc, request: gr.Request):
        """Restore the stored conversation; a '?q=' link asks its question (standing alone)."""
        turns = [t for t in (turns or []) if isinstance(t, dict) and "question" in t]
        shared = (request.query_params.get("q") if request is not None else "") or ""
        if shared.strip():
            turn = new_turn(shared.strip()[:2000], _k(k), normalise_mode(mode), speaker, doc)
            turns = keep([*turns, self.answer_turn(turn, [])])
        current = len(turns) - 1 if turns else None
        return (self.messages(turns), turns, current, *self.panel(turns, current))

    def pick_message(self, turns, event: gr.SelectData):
        """Clicking an earlier reply shows its citations in the side panel."""
        position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        index = turn_of_message(int(position))
        return (index, *self.panel(list(turns or []), index))

    def show_source(self, choice, turns, current):
        turns = list(turns or [])
        if current is None or choice is None or not 0 <= current < len(turns) or not turns[current].get("answer"):
            return ""
        try:
            return self.source(answer_from_json(turns[current]["answer"]), int(choice))
        except (IndexError, ValueError, TypeError):
            return ""

    def vote(self, turns, event: gr.LikeData):
        """A 👍/👎 on a reply: logged at once; the comment box opens for that reply."""
        position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        index = turn_of_message(int(position))
        turns = list(turns or [])
        if not 0 <= index < len(turns) or self.feedback is None:
            return None, gr.update(visible=False), ""
        vote = "up" if event.liked is True or event.liked == "Like" else "down"
        try:
            self.feedback.record(turns[index], vote, history=history_of(turns[:index]))
        except FeedbackError as error:
            log.warning("%s", error)
            return None, gr.update(visible=False), ""
        label = f"{'👍' if vote == 'up' else '👎'} 已记录 / noted for reply {index + 1}"
        return {"turn": index, "vote": vote}, gr.update(visible=True), f"{label}. 可补充说明 / add a comment (optional):"

    def comment(self, text, pending, turns):
        turns = list(turns or [])
        if not pending or self.feedback is None or not str(text or "").strip():
            return gr.update(visible=False), "", None
        index = pending["turn"]
        if 0 <= index < len(turns):
            try:
                self.feedback.record(turns[index], pending["vote"], text, history=history_of(turns[:index]))
            except FeedbackError as error:
                log.warning("%s", error)
        return gr.update(visible=False), "", None
