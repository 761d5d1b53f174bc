"""What the forumqa commands that answer do: ask, chat, serve, eval (the bodies behind ui/cli.py's options)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer


def fail(error: Exception) -> None:
    """Print a ForumQAError as one line on stderr and exit with code 2."""
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(2)


def default_index() -> Path:
    """The bundled transcript's index, built first (with a message on stderr) when missing or stale."""
    from index.default_index import default_index_state

    path, reason = default_index_state()
    if not reason:
        return path  # current: the build code is not even imported
    from index.build import ensure_default_index

    return ensure_default_index(log=lambda line: typer.echo(line, err=True))


def format_answer(answer, holding=None) -> str:
    """The plain-text rendering of an Answer for the terminal (holding: what an abstention names, the transcript
    unless given; Retriever.holding)."""
    from retriever.holding import TRANSCRIPT
    from retriever.types import line_span
    lines = []
    if answer.notice:
        lines.append(f"note: {answer.notice}")
    if answer.abstained:
        lines.append((holding or TRANSCRIPT).not_covered())
        if answer.passages:
            lines.append("可能相关 / may be related:")
    else:
        lines.append(f"答案 / answer: {answer.text}  [{answer.passages[answer.answer_index].rank}]")
    for hit, highlight in zip(answer.passages, answer.highlights):
        lines.append("")
        lines.append(f"[{hit.rank}] {hit.citation}  (score {hit.score:.4f})")
        lines.append("    " + hit.text.replace("\n", "\n    "))
        page = f"第{highlight.page}页 " if highlight.page is not None else ""
        lines.append(f"    ▶ {highlight.sentence}  ({page}第{line_span(highlight.line_start, highlight.line_end)}行)")
    return "\n".join(lines)


def warm_text_tools():
    """Load jieba's dictionary and part-of-speech tables on a thread while the index and model load (cold start).

    Returns:
        The started thread (join it before answering; whatever fails here fails again, visibly, when answering).
    """
    import threading

    def warm() -> None:
        try:
            from index.tokenize import tokenize

            tokenize("预热")
            from retriever.answerability.units import pos_tagger

            pos_tagger()
        except Exception:  # noqa: BLE001 - only a head start
            pass

    thread = threading.Thread(target=warm, name="forumqa-warm", daemon=True)
    thread.start()
    return thread


def parse_k(text: str) -> int:
    """-k as an int; anything else is refused with the retriever's own message (naming the value)."""
    from index.errors import InvalidArgumentError
    from retriever.retriever import MAX_K

    if not text.strip().lstrip("+-").isdecimal():
        raise InvalidArgumentError(f"k must be an integer from 1 to {MAX_K}, got {text!r}")
    return int(text)


def run_ask(
    question: str, k: str, mode: str, speaker: str | None, doc: str | None, index: Path | None, as_json: bool
) -> None:
    """forumqa ask: answer one question and print it (text or JSON)."""
    from index.errors import ForumQAError
    from retriever import Retriever

    warm = warm_text_tools()
    try:
        k_value = parse_k(k)
        retriever = Retriever.load(index or default_index())
        warm.join()
        answer = retriever.answer(question, k=k_value, mode=mode, speaker=speaker, doc=doc)
    except ForumQAError as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_answer(answer, retriever.holding))


CHAT_HELP = "输入问题；/clear 清空对话，Ctrl-D 退出。Type a question; /clear starts over, Ctrl-D quits."


def run_chat(index: Path | None, k: str, mode: str, speaker: str | None) -> None:
    """forumqa chat: read questions from stdin and answer each with the earlier ones as its history."""
    from index.errors import ForumQAError
    from retriever import Retriever

    try:
        k_value = parse_k(k)
        retriever = Retriever.load(index or default_index())
        retriever.check(k_value, mode, speaker)
    except ForumQAError as error:
        fail(error)
    interactive = sys.stdin.isatty()
    typer.echo(CHAT_HELP, err=True)
    history: list[str] = []
    while True:
        try:
            line = input("> " if interactive else "")
        except (EOFError, KeyboardInterrupt):
            if interactive:
                typer.echo("", err=True)
            return
        question = line.strip()
        if not question:
            continue
        if question in ("/clear", "/reset"):
            history.clear()
            typer.echo("（对话已清空 / conversation cleared）")
            continue
        if question in ("/quit", "/exit"):
            return
        try:
            answer = retriever.answer(question, k=k_value, mode=mode, speaker=speaker, history=history)
        except ForumQAError as error:
            typer.echo(f"error: {error}", err=True)
            continue
        if answer.rewritten:
            typer.echo(f"理解为 / Understood as: {answer.rewritten}")
        typer.echo(format_answer(answer, retriever.holding))
        typer.echo("")
        history.append(question)


def run_serve(host: str, port: int, index: Path | None, auth: str | None, feedback: Path | None) -> None:
    """forumqa serve: check the options, then serve the web chat and the API."""
    from index.errors import ForumQAError
    from ui.server import check_port, parse_auth
    from ui.server import serve as serve_app

    try:
        parse_auth(auth)
        check_port(host, port)  # before the index is loaded or built
        serve_app(host=host, port=port, index=index or default_index(), auth=auth, feedback=feedback)
    except ForumQAError as error:
        fail(error)


BENCHMARKS = ("cmrc2018",)


def run_eval(
    modes: str, embedder: str | None, gold: Path | None, index: Path | None, out: Path, feedback: Path | None,
    benchmark: str | None, data: Path | None, limit: int | None, cache: Path | None,
) -> None:
    """forumqa eval: the gold-set evaluation, a public benchmark, or feedback candidates."""
    from index.errors import ForumQAError, InvalidArgumentError

    if feedback is not None:
        try:
            feedback_candidates(feedback, out)
        except ForumQAError as error:
            fail(error)
        return
    try:
        if benchmark is not None:
            if benchmark not in BENCHMARKS:
                raise InvalidArgumentError(f"unknown benchmark {benchmark!r}; use one of: {', '.join(BENCHMARKS)}")
            from eval.cmrc import run_cmrc

            run_cmrc(data=data, limit=limit, out=out, cache=cache, log=typer.echo)
            return
        from eval.run import run_eval

        run_eval(modes=[m.strip() for m in modes.split(",") if m.strip()], embedder=embedder, gold=gold, index=index, out=out)
    except ForumQAError as error:
        fail(error)


def feedback_candidates(feedback: Path, out: Path) -> None:
    """Print the 👎 replies of a feedback log as gold items and write them to OUT/feedback_candidates.jsonl."""
    from ui.feedback import gold_candidates, read_feedback

    records = read_feedback(feedback)
    items = gold_candidates(records)
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    for line in lines:
        typer.echo(line)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "feedback_candidates.jsonl"
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    downs = sum(1 for r in records if r.get("vote") == "down")
    typer.echo(
        f"{len(records)} replies with feedback, {downs} 👎; {len(items)} candidate gold items written to {target} "
        "(fill in 'answers' and check 'type' before adding them to eval/gold.jsonl)",
        err=True,
    )
