"""The web chat: ask the transcript in Gradio, get an extractive answer with cited, checkable passages.

``build_app(retriever)`` builds the Blocks, its layout and wiring (nothing is launched on import; the event handlers
are in ui/handlers.py); ui/server.py serves it beside the HTTP API. The conversation lives in the browser (it
survives a reload until Clear); earlier questions are passed to ``Retriever.answer(history=...)`` so follow-ups are
understood. The gradio endpoint ``/ask`` serves
gradio_client users::

    from gradio_client import Client
    Client("http://127.0.0.1:7860/").predict("南阳市如何治理水污染？", 5, "hybrid", "", api_name="/ask")
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from index.collect import CORPUS_NAME
from index.errors import ForumQAError
from retriever import Retriever
from ui.escape import esc
from ui.feedback import FeedbackLog
from ui.handlers import INTERNAL, Chat, ask_json
from ui.render import MODE_LABELS
from ui.style import SCROLL_JS, STRIP_QUERY_JS

CONCURRENCY = 8  # answers computed at once (the retriever is thread-safe)

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
    """Example questions, one Chinese and one English per speaker's section (question headlines for other indexes)."""
    questions = [q for name, pair in EXAMPLES.items() if name in retriever.speakers for q in pair]
    if not questions:  # another index: its question headlines; a section heading (背景, 现状) is no example question
        headlines = dict.fromkeys(h.text for d in retriever.documents for h in d.headlines if is_question(h.text))
        questions = list(headlines)[:8]
    return questions


QUESTION_WORDS = ("如何", "怎么", "怎样", "什么", "为什么", "为何", "哪", "多少", "几", "谁", "是否")


def is_question(text: str) -> bool:
    """Whether a headline reads as a question (ends with ？/? or asks with a question word) to offer as an example."""
    text = text.strip()
    return text.endswith(("？", "?")) or any(word in text for word in QUESTION_WORDS)


FORUM_INTRO = (
    "## 环保厅局长论坛问答 · ForumQA\n"
    "就《推进改革创新 改善环境质量——2016 全国环保厅局长论坛对话录》提问（中文或英文），"
    "答案均引自原文并注明发言人和行号；可以接着追问。  \n"
    "Ask about the 2016 forum of environmental-protection bureau chiefs, in Chinese or English, and ask "
    "follow-ups; every answer quotes the transcript with speaker and line numbers."
)
INTRO_TITLES = 6  # document titles named in an archive's introduction (then "…")


def is_forum(retriever: Retriever) -> bool:
    """Whether the index holds the bundled forum transcript (its introduction and examples apply)."""
    return any(Path(d.source).name == CORPUS_NAME for d in retriever.documents)


def introduction(retriever: Retriever) -> tuple[str, str, str]:
    """The page's heading (Markdown), the empty chat's line and the question box's hint, for what the index holds.

    The bundled forum keeps its own; any other index names its documents (titles escaped: they are the user's),
    so a journalist's archive is not introduced as the 2016 forum.
    """
    if is_forum(retriever):
        return (FORUM_INTRO, "请提问 / Ask a question about the forum transcript",
                "例如：南阳市如何治理水污染？ e.g. How does Jining tackle air pollution?")
    holding, docs = retriever.holding, retriever.documents
    titles = [d.title or d.doc for d in docs]
    named = "、".join(f"《{esc(t)}》" for t in titles[:INTRO_TITLES]) + ("…" if len(titles) > INTRO_TITLES else "")
    count = f"这 {len(docs)} 份资料（{named}）" if len(docs) > 1 else named
    english = f"these {len(docs)} documents" if len(docs) > 1 else "this document"
    cited = "文档、发言人和行号" if len(docs) > 1 else "发言人和行号"
    cited_en = "document, speaker and line numbers" if len(docs) > 1 else "speaker and line numbers"
    intro = (
        "## 文档问答 · ForumQA\n"
        f"就{count}提问（中文或英文），答案均引自原文并注明{cited}；可以接着追问。  \n"
        f"Ask about {english} in Chinese or English, and ask follow-ups; every answer quotes "
        f"{holding.en} with {cited_en}."
    )
    examples = example_questions(retriever)
    hint = f"例如：{examples[0]}" if examples else "用中文或英文提问 / a question in Chinese or English"
    return intro, f"请提问 / Ask a question about {holding.en}", hint


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

    intro, empty_chat, hint = introduction(retriever)
    with gr.Blocks(title="论坛问答 ForumQA" if is_forum(retriever) else "文档问答 ForumQA", analytics_enabled=False) as app:
        gr.Markdown(intro, elem_id="fqa-intro")
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
                    placeholder=empty_chat,
                )
                with gr.Row(visible=False, elem_id="fqa-comment-row") as comment_row:
                    comment = gr.Textbox(label="反馈 / Feedback", lines=1, max_lines=4, elem_id="fqa-comment", scale=5)
                    send_comment = gr.Button("发送 / Send", elem_id="fqa-comment-send", scale=1)
                with gr.Row():
                    question = gr.Textbox(
                        label="问题 / Question",
                        placeholder=hint,
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

__all__ = ["INTERNAL", "Chat", "ask_json", "build_app", "document_choices", "example_questions", "speaker_choices"]
