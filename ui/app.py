"""The web chat: ask the forum transcript in Gradio, get an extractive answer with cited, checkable passages.

``build_app(retriever)`` builds the Blocks (nothing is launched on import); ``launch_app`` starts it with
the security settings; ``serve`` is what ``forumqa serve`` runs. The JSON endpoint ``/ask`` serves programs::

    from gradio_client import Client
    Client("http://127.0.0.1:7860/").predict("南阳市如何治理水污染？", 5, "hybrid", "", api_name="/ask")
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import gradio as gr

from index.errors import ForumQAError, InvalidArgumentError
from retriever import Answer, Retriever
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

log = logging.getLogger("forumqa.ui")

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
CONCURRENCY = 8  # answers computed at once (the retriever is thread-safe; a question takes ~30 ms)
REPO = Path(__file__).resolve().parent.parent

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

CSS = """
.fqa-reply, .fqa-source { font-size: 15px; line-height: 1.6; }
.fqa-answer { margin-bottom: .5em; }
.fqa-heading { font-weight: 600; margin: .4em 0 .2em; }
.fqa-term { color: #b45309; font-weight: 700; }
.fqa-support { background: #fef08a; color: inherit; padding: 0 .1em; }
.fqa-passage { border-left: 3px solid #93c5fd; padding: .2em .6em; margin: .4em 0; }
.fqa-cite { font-size: 13px; color: #1e3a8a; }
.fqa-num, .fqa-ref { font-weight: 700; }
.fqa-abstain { color: #9a3412; }
.fqa-notice, .fqa-meta { font-size: 12px; color: #6b7280; }
.fqa-error { color: #b91c1c; }
.fqa-src-title { font-weight: 600; margin-bottom: .3em; }
.fqa-lines-box { font-family: ui-monospace, monospace; font-size: 13px; max-height: 520px; overflow-y: auto; }
.fqa-line { display: flex; gap: .5em; white-space: pre-wrap; }
.fqa-ln { color: #9ca3af; min-width: 3em; text-align: right; user-select: none; }
.fqa-mark { color: #2563eb; width: 1em; }
.fqa-cited { background: #eff6ff; }
.fqa-support-line { background: #fef9c3; }
"""


def _speaker_choices(retriever: Retriever) -> list[tuple[str, str]]:
    choices = [("全部发言人 / All speakers", "")]
    for name, info in retriever.speakers.items():
        choices.append((f"{name} · {info.role}" if info.role else name, name))
    return choices


def example_questions(retriever: Retriever) -> list[str]:
    """Example questions, one Chinese and one English per speaker's section (headlines for other indexes)."""
    questions = [q for name, pair in EXAMPLES.items() if name in retriever.speakers for q in pair]
    if not questions:
        headlines = dict.fromkeys(h.text for d in retriever.documents for h in d.headlines)
        questions = list(headlines)[:8]
    return questions


def ask_json(retriever: Retriever, question: str, k: int = 5, mode: str = "hybrid", speaker: str = "") -> dict:
    """The /ask endpoint's work: Answer.to_json() for the question, or a ForumQAError for bad input."""
    if isinstance(k, float) and k.is_integer():
        k = int(k)  # JSON clients may send 5.0
    answer = retriever.answer(question, k=k, mode=normalise_mode(mode), speaker=speaker or None)
    return answer.to_json()


def build_app(retriever: Retriever) -> gr.Blocks:
    """Build the web chat over a loaded Retriever (nothing is launched).

    Args:
        retriever: a loaded Retriever; it is shared by all sessions and never reloaded.

    Returns:
        The gr.Blocks app; start it with launch_app() (or .launch()).
    """
    speakers = _speaker_choices(retriever)

    def answer_for(question: str, k, mode: str, speaker: str) -> Answer:
        k = int(k) if isinstance(k, float) and k.is_integer() else k
        return retriever.answer(question, k=k, mode=normalise_mode(mode), speaker=speaker or None)

    def respond(question, history, k, mode, speaker, answers):
        history = list(history or [])
        answers = dict(answers or {})
        if not str(question or "").strip():
            return history, question, answers, gr.update(), gr.update(), gr.update()
        history.append({"role": "user", "content": question_html(question)})
        try:
            answer = answer_for(question, k, mode, speaker)
        except ForumQAError as error:
            history.append({"role": "assistant", "content": error_html(str(error))})
            return history, "", answers, gr.update(), gr.update(), gr.update()
        except Exception:  # never a traceback in the page; the log has it
            log.exception("answering %r failed", question[:200])
            history.append({"role": "assistant", "content": error_html("内部错误，已记录 / internal error (logged)")})
            return history, "", answers, gr.update(), gr.update(), gr.update()
        history.append({"role": "assistant", "content": answer_html(answer)})
        answers[len(history) - 1] = answer
        answers["current"] = len(history) - 1
        return (history, "", answers, *_panel(answer))

    def _panel(answer: Answer):
        """The side panel for one answer: citation choices, the first one's source, the Markdown export."""
        choices = [(citation_label(hit), i) for i, hit in enumerate(answer.passages)]
        viewer = _source(answer, 0) if answer.passages else ""
        return gr.update(choices=choices, value=0 if choices else None), viewer, answer_markdown(answer)

    def _source(answer: Answer, index: int) -> str:
        hit = answer.passages[index]
        highlight = answer.highlights[index] if index < len(answer.highlights) else None
        record = next((d for d in retriever.documents if d.doc == hit.citation.doc), None)
        return source_html(
            retriever.source_lines(hit.citation.doc), hit, highlight, page_starts=record.page_starts if record else ()
        )

    def show_source(index, answers):
        answer = (answers or {}).get((answers or {}).get("current"))
        if answer is None or index is None:
            return ""
        try:
            return _source(answer, int(index))
        except (IndexError, ValueError, TypeError):
            return ""

    def pick_message(answers, event: gr.SelectData):
        """Clicking an earlier reply in the chat shows its citations in the side panel."""
        answers = dict(answers or {})
        position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        answer = answers.get(position)
        if answer is None:
            return answers, gr.update(), gr.update(), gr.update()
        answers["current"] = position
        return (answers, *_panel(answer))

    def clear():
        return [], "", {}, gr.update(choices=[], value=None), "", ""

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
            "答案均引自原文并注明发言人和行号。  \n"
            "Ask about the 2016 forum of environmental-protection bureau chiefs, in Chinese or English; "
            "every answer quotes the transcript with speaker and line numbers."
        )
        answers = gr.State({})  # chat message index -> Answer, and "current": the one in the panel
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="对话 / Chat",
                    elem_id="fqa-chat",
                    height=560,
                    sanitize_html=True,
                    latex_delimiters=[],
                    buttons=["copy"],
                    feedback_options=None,
                    placeholder="请提问 / Ask a question about the forum transcript",
                )
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
                    speaker = gr.Dropdown(speakers, value="", label="发言人 / Speaker", elem_id="fqa-speaker")
                gr.Examples(example_questions(retriever), inputs=[question], label="示例问题 / Example questions")
            with gr.Column(scale=2):
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

        inputs = [question, chatbot, k, mode, speaker, answers]
        outputs = [chatbot, question, answers, citation, viewer, export]
        for trigger in (question.submit, send.click):
            trigger(
                respond,
                inputs,
                outputs,
                api_visibility="private",
                concurrency_limit=CONCURRENCY,
                concurrency_id="answer",
            )
        chatbot.select(
            pick_message, [answers], [answers, citation, viewer, export], api_visibility="private", queue=False
        )
        citation.change(show_source, [citation, answers], [viewer], api_visibility="private", queue=False)
        reset.click(
            clear, None, [chatbot, question, answers, citation, viewer, export], api_visibility="private", queue=False
        )
        gr.api(ask, api_name="ask", concurrency_limit=CONCURRENCY, concurrency_id="answer")
    app.queue(default_concurrency_limit=CONCURRENCY)
    return app


def blocked_paths(retriever: Retriever | None = None) -> list[str]:
    """Paths Gradio must never serve, even if something later allows them: the data, the index, the source."""
    paths = [REPO / "data", REPO / "index_store", REPO]
    if retriever is not None:
        paths.append(Path(retriever.path).resolve())
    return [str(p) for p in paths]


def bind_warning(host: str, port: int) -> str:
    """The warning printed when binding anything but loopback ('' for loopback)."""
    if host in LOCAL_HOSTS:
        return ""
    return (
        f"warning: serving on {host}:{port} exposes the app to the network; "
        "set --auth or FORUMQA_AUTH to require a password"
    )


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    """'user:password' -> (user, password); None or '' -> None.

    Raises:
        InvalidArgumentError: no colon, or an empty user or password.
    """
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise InvalidArgumentError(
            "auth must be 'user:password' (from --auth or FORUMQA_AUTH), got a value without both parts"
        )
    return user, password


def launch_app(
    app: gr.Blocks,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: str | None = None,
    retriever: Retriever | None = None,
    **kwargs,
):
    """Launch a built app with forumqa's settings: loopback by default, no file serving, errors as one line.

    Args:
        app: from build_app().
        host: address to bind; anything but loopback prints a warning.
        port: port to listen on.
        auth: 'user:password' to require a login, or None.
        retriever: the app's retriever (its index folder is added to the blocked paths).
        **kwargs: passed to gr.Blocks.launch (e.g. prevent_thread_lock=True, quiet=True).

    Returns:
        What gr.Blocks.launch returns.
    """
    warning = bind_warning(host, port)
    if warning:
        print(warning, file=sys.stderr)
    options = dict(
        server_name=host,
        server_port=port,
        auth=parse_auth(auth),
        css=CSS,
        show_error=True,
        ssr_mode=False,
        allowed_paths=[],
        blocked_paths=blocked_paths(retriever),
        share=False,
        footer_links=["api"],
    )
    options.update(kwargs)
    return app.launch(**options)


def serve(host: str = "127.0.0.1", port: int = 7860, index: str | Path | None = None, auth: str | None = None) -> None:
    """Load the index and model once, then serve the web chat until interrupted.

    Args:
        host: address to bind (127.0.0.1 by default; others print a warning).
        port: port.
        index: index folder; None for the bundled transcript's default index (built first if missing).
        auth: 'user:password' to require a login; None reads FORUMQA_AUTH.

    Raises:
        ForumQAError: the index cannot be loaded, or auth is malformed.
    """
    import os

    auth = auth if auth is not None else os.environ.get("FORUMQA_AUTH") or None
    parse_auth(auth)  # fail before the slow load
    started = time.perf_counter()
    if index is None:
        from index.build import ensure_default_index

        index = ensure_default_index()
    retriever = Retriever.load(index)
    seconds = time.perf_counter() - started
    print(f"loaded index {retriever.path} ({retriever.index.manifest.chunk_count} passages) in {seconds:.1f}s", flush=True)
    app = build_app(retriever)
    launch_app(app, host=host, port=port, auth=auth, retriever=retriever)


__all__ = ["ask_json", "bind_warning", "build_app", "launch_app", "parse_auth", "serve"]
