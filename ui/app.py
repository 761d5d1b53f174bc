"""The web chat: ask the transcript in Gradio, get an extractive answer with cited, checkable passages.

``build_app(retriever)`` builds the Blocks (nothing is launched on import); ui/server.py serves it beside the
HTTP API. The conversation lives in the browser (it survives a reload until Clear); earlier questions are
passed to ``Retriever.answer(history=...)`` so follow-ups are understood. The gradio endpoint ``/ask`` serves
gradio_client users::

    from gradio_client import Client
    Client("http://127.0.0.1:7860/").predict("南阳市如何治理水污染？", 5, "hybrid", "", api_name="/ask")
"""

from __future__ import annotations

import logging

import gradio as gr

from index.errors import ForumQAError
from retriever import Answer, Hit, Retriever
from ui.convo import answer_from_json, history_of, keep, new_turn, turn_of_message
from ui.feedback import FeedbackError, FeedbackLog
from ui.render import (
    MODE_LABELS,
    answer_html,
    answer_markdown,
    citation_label,
    error_html,
    normalise_mode,
    question_html,
    source_html,
)
from ui.style import SCROLL_JS, STRIP_QUERY_JS

log = logging.getLogger("forumqa.ui")

CONCURRENCY = 8  # answers computed at once (the retriever is thread-safe)
INTERNAL = "内部错误，已记录 / internal error (logged)"

# One example per speaker's section, Chinese and English; only those whose speaker is in the index are shown.
EXAMPLES: dict[str, list[str]] = {
    "王奇": [
        "南阳市如何保护南水北调水源地的水质？",
        "How does Nanyang protect the water source of the South-to-North Water Diversion?",
    ],
    "张海冰": [
        "大连市如何落实党政同责？",
        "How does Dalian make party and government share responsibility for the environment?",
    ],
    "许伟": ["济宁市如何治理大气污染？", "How does Jining tackle air pollution?"],
    "苏国军": ["湘潭作为老工业城市如何治理污染？", "How does Xiangtan clean up pollution as an old industrial city?"],
    "区锦雄": ["企业如何参与环境保护？", "How can companies take part in environmental protection?"],
}


def speaker_choices(retriever: Retriever) -> list[tuple[str, str]]:
    """The speaker filter's choices: everyone, then each real speaker with their role."""
    choices = [("全部发言人 / All speakers", "")]
    for name, info in retriever.speakers.items():
        choices.append((f"{name} · {info.role}" if info.role else name, name))
    return choices


def document_choices(retriever: Retriever) -> list[tuple[str, str]]:
    """The document filter's choices: all documents, then each by title."""
    return [("全部文档 / All documents", "")] + [(d.title or d.doc, d.doc) for d in retriever.documents]


def example_questions(retriever: Retriever) -> list[str]:
    """Example questions, one Chinese and one English per speaker's section (headlines for other indexes)."""
    questions = [q for name, pair in EXAMPLES.items() if name in retriever.speakers for q in pair]
    if not questions:
        headlines = dict.fromkeys(h.text for d in retriever.documents for h in d.headlines)
        questions = list(headlines)[:8]
    return questions


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
        return answer_html(answer, self.under_passage, k=turn.get("k"), titles=self.titles)

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
        choices = [(citation_label(hit), i) for i, hit in enumerate(answer.passages)]
        viewer = self.source(answer, 0) if answer.passages else ""
        return gr.update(choices=choices, value=0 if choices else None), viewer, answer_markdown(answer)

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


def build_app(retriever: Retriever, feedback: FeedbackLog | None = None) -> gr.Blocks:
    """Build the web chat over a loaded Retriever (nothing is launched).

    Args:
        retriever: a loaded Retriever; it is shared by all sessions and never reloaded.
        feedback: where 👍/👎 go; None hides the feedback buttons.

    Returns:
        The gr.Blocks app; ui.server serves it.
    """
    chat = Chat(retriever, feedback)
    documents = document_choices(retriever)

    def ask(question: str, k: int = 5, mode: str = "hybrid", speaker: str = "") -> dict:
        """Answer a question about the transcript.

        Args:
            question: a question in Chinese or English.
            k: number of passages, 1 to 100.
            mode: 'hybrid', 'dense' or 'bm25' (混合 / 语义 / 关键词 also accepted).
            speaker: only passages of this speaker; '' for all speakers.

        Returns:
            Answer.to_json(): query, answer, abstained, confidence, terms, notice, passages, highlights.
        """
        try:
            return ask_json(retriever, question, k, mode, speaker)
        except ForumQAError as error:
            raise gr.Error(str(error).splitlines()[0], print_exception=False) from None

    with gr.Blocks(title="论坛问答 ForumQA", analytics_enabled=False) as app:
        gr.Markdown(
            "## 环保厅局长论坛问答 · ForumQA\n"
            "就《推进改革创新 改善环境质量——2016 全国环保厅局长论坛对话录》提问（中文或英文），"
            "答案均引自原文并注明发言人和行号；可以接着追问。  \n"
            "Ask about the 2016 forum of environmental-protection bureau chiefs, in Chinese or English, and ask "
            "follow-ups; every answer quotes the transcript with speaker and line numbers."
        )
        turns = gr.BrowserState([], storage_key="forumqa-conversation")
        current = gr.State(None)  # the turn shown in the side panel
        pending = gr.State(None)  # the vote a comment belongs to
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="对话 / Chat",
                    elem_id="fqa-chat",
                    height=620,
                    autoscroll=False,
                    sanitize_html=True,
                    latex_delimiters=[],
                    buttons=["copy"],
                    feedback_options=["Like", "Dislike"] if feedback is not None else None,
                    placeholder="请提问 / Ask a question about the forum transcript",
                )
                with gr.Row(visible=False, elem_id="fqa-comment-row") as comment_row:
                    comment = gr.Textbox(label="反馈 / Feedback", lines=1, max_lines=4, elem_id="fqa-comment", scale=5)
                    send_comment = gr.Button("发送 / Send", elem_id="fqa-comment-send", scale=1)
                with gr.Row():
                    question = gr.Textbox(
                        label="问题 / Question",
                        placeholder="例如：南阳市如何治理水污染？ e.g. How does Jining tackle air pollution?",
                        elem_id="fqa-question",
                        scale=5,
                        lines=1,
                        max_lines=4,
                        submit_btn=False,
                    )
                    send = gr.Button("提问 / Ask", variant="primary", elem_id="fqa-send", scale=1)
                    reset = gr.Button("清空 / Clear", elem_id="fqa-clear", scale=1)
                with gr.Row():
                    k = gr.Slider(1, 20, value=5, step=1, label="段落数 / Passages (k)", elem_id="fqa-k")
                    mode = gr.Radio(
                        [(label, key) for key, label in MODE_LABELS.items()],
                        value="hybrid",
                        label="检索方式 / Search mode",
                        elem_id="fqa-mode",
                    )
                    speaker = gr.Dropdown(
                        speaker_choices(retriever), value="", label="发言人 / Speaker", elem_id="fqa-speaker"
                    )
                    doc = gr.Dropdown(
                        documents,
                        value="",
                        label="文档 / Document",
                        elem_id="fqa-doc",
                        visible=len(documents) > 2,  # no choice to make with one document
                    )
                gr.Examples(example_questions(retriever), inputs=[question], label="示例问题 / Example questions")
            with gr.Column(scale=2, elem_id="fqa-side"):
                citation = gr.Radio(
                    [], value=None, label="原文 · 选择引用 / Source viewer: pick a citation", elem_id="fqa-citations"
                )
                viewer = gr.HTML("", elem_id="fqa-viewer")
                export = gr.Textbox(
                    label="导出 Markdown（含引用）/ Export as Markdown with citations",
                    lines=8,
                    max_lines=20,
                    interactive=False,
                    buttons=["copy"],
                    elem_id="fqa-export",
                )

        panel = [citation, viewer, export]
        for trigger in (question.submit, send.click):
            trigger(
                chat.respond,
                [question, turns, k, mode, speaker, doc],
                [chatbot, question, turns, current, *panel],
                api_visibility="private",
                concurrency_limit=CONCURRENCY,
                concurrency_id="answer",
            ).then(None, js=SCROLL_JS)
        app.load(
            chat.on_load, [turns, k, mode, speaker, doc], [chatbot, turns, current, *panel], api_visibility="private"
        ).then(None, js=STRIP_QUERY_JS)
        chatbot.select(chat.pick_message, [turns], [current, *panel], api_visibility="private", queue=False)
        chatbot.like(chat.vote, [turns], [pending, comment_row, comment], api_visibility="private", queue=False)
        for trigger in (comment.submit, send_comment.click):
            trigger(chat.comment, [comment, pending, turns], [comment_row, comment, pending],
                    api_visibility="private", queue=False)
        citation.change(chat.show_source, [citation, turns, current], [viewer], api_visibility="private", queue=False)

        def clear():
            return [], "", [], None, gr.update(choices=[], value=None), "", "", "", "", gr.update(visible=False), None

        reset.click(
            clear,
            None,
            [chatbot, question, turns, current, citation, viewer, export, speaker, doc, comment_row, pending],
            api_visibility="private",
            queue=False,
        )
        gr.api(ask, api_name="ask", concurrency_limit=CONCURRENCY, concurrency_id="answer")
    app.queue(default_concurrency_limit=CONCURRENCY)
    return app


__all__ = ["ask_json", "build_app", "document_choices", "example_questions", "speaker_choices"]
