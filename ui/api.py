"""The plain HTTP JSON API, served beside the web chat: /api/ask, /api/speakers, /api/documents, /api/health.

Bad input is always a 4xx with ``{"error": "<one line>"}``, the same line the CLI and the chat show; a body
over 64 KB is refused before it is parsed. With ``--auth`` every route here needs HTTP Basic credentials.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import secrets
from collections.abc import Callable

import orjson
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from index.errors import ForumQAError
from retriever import Retriever

log = logging.getLogger("forumqa.api")

MAX_BODY = 64 * 1024  # bytes
MAX_HISTORY = 20  # earlier questions kept; older ones are dropped
FIELDS = ("question", "k", "mode", "speaker", "doc", "history")


class AskRequest(BaseModel):
    """POST /api/ask: a question, its settings and the conversation so far."""

    question: str = Field(..., description="A question in Chinese or English.", examples=["济宁配备了多少名专职环保网格员？"])
    k: int = Field(5, description="Number of passages, 1 to 100.")
    mode: str = Field("hybrid", description="'hybrid', 'dense' or 'bm25' (混合 / 语义 / 关键词 also accepted).")
    speaker: str | None = Field(None, description="Only passages of this speaker (see /api/speakers); null for all.")
    doc: str | None = Field(None, description="Only passages of this document (see /api/documents); null for all.")
    history: list[str] = Field([], description="The conversation's earlier questions, oldest first.")


class BadRequest(ForumQAError):
    """A request the API refuses, with its HTTP status."""

    def __init__(self, message: str, status: int = 400, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers


def json_response(data, status: int = 200, headers: dict | None = None) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json", headers=headers)


def error_response(message: str, status: int = 400, headers: dict | None = None) -> Response:
    line = str(message).strip().splitlines()[0] if str(message).strip() else "bad request"
    return json_response({"error": line}, status, headers)


def check_basic_auth(header: str | None, credentials: tuple[str, str]) -> bool:
    """Whether an Authorization header carries these HTTP Basic credentials (compared in constant time)."""
    scheme, _, encoded = (header or "").partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return False
    try:
        user, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
    ok_user = secrets.compare_digest(user.encode(), credentials[0].encode())
    ok_password = secrets.compare_digest(password.encode(), credentials[1].encode())
    return bool(sep) and ok_user and ok_password


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request body, refused with 413 once it passes limit bytes (announced or streamed)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BadRequest(f"request body is {int(declared)} bytes; the limit is {limit} bytes (64 KB)", 413)
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise BadRequest(f"request body is over {limit} bytes (64 KB); send a shorter question and history", 413)
    return bytes(body)


def parse_ask(body: bytes) -> dict:
    """The /api/ask fields from a JSON body, checked for presence and type (values are checked by the retriever).

    Raises:
        BadRequest: not JSON, not an object, a missing, unknown or wrongly typed field.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(f"request body is not UTF-8 (byte 0x{body[error.start]:02x} at {error.start}); send the JSON "
                         "encoded as UTF-8 (non-ASCII may also be written \\uXXXX)") from None
    try:
        data = json.loads(text) if body.strip() else None
    except RecursionError:
        raise BadRequest("request body is nested too deeply; send an object like {\"question\": \"...\"}") from None
    except ValueError as error:
        raise BadRequest(f"request body is not JSON ({str(error).splitlines()[0][:120]}); send an object like "
                         '{"question": "..."}') from None
    if not isinstance(data, dict):
        raise BadRequest('request body must be a JSON object like {"question": "...", "k": 5}')
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise BadRequest(f"unknown field {unknown[0]!r}; allowed: {', '.join(FIELDS)}")
    if "question" not in data:
        raise BadRequest("missing field 'question': send {\"question\": \"...\"}")
    question, k = data["question"], data.get("k", 5)
    if not isinstance(question, str):
        raise BadRequest(f"question must be a string, got {type(question).__name__}")
    if isinstance(k, float) and k.is_integer():
        k = int(k)
    mode = data.get("mode", "hybrid")
    if not isinstance(mode, str):
        raise BadRequest(f"mode must be a string ('hybrid', 'dense' or 'bm25'), got {mode!r}")
    filters = {}
    for name in ("speaker", "doc"):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise BadRequest(f"{name} must be a string or null, got {value!r}")
        filters[name] = value or None
    history = data.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise BadRequest("history must be a list of the earlier questions (strings), oldest first")
    return {"question": question, "k": k, "mode": mode, **filters, "history": history[-MAX_HISTORY:]}


def api_router(retriever: Retriever, ask: Callable[..., dict], auth: tuple[str, str] | None = None) -> APIRouter:
    """The /api routes over a loaded retriever.

    Args:
        retriever: the loaded Retriever (speakers, documents, health).
        ask: ask(question, k, mode, speaker, doc, history) -> Answer.to_json(); raises ForumQAError for bad input.
        auth: (user, password) every route requires as HTTP Basic credentials, or None.

    Returns:
        An APIRouter to include in the server's FastAPI app.
    """

    async def require_auth(request: Request) -> None:
        if auth is not None and not check_basic_auth(request.headers.get("authorization"), auth):
            raise BadRequest("authentication required: send HTTP Basic credentials (the server's --auth)", 401)

    router = APIRouter(prefix="/api", dependencies=[Depends(require_auth)], tags=["forumqa"])

    @router.post(
        "/ask",
        summary="Answer a question with cited passages",
        openapi_extra={"requestBody": {"required": True,
                                       "content": {"application/json": {"schema": AskRequest.model_json_schema()}}}},
        responses={200: {"description": "Answer.to_json()"}, 400: {"description": '{"error": "..."}'},
                   413: {"description": "body over 64 KB"}},
    )
    async def api_ask(request: Request) -> Response:
        fields = parse_ask(await read_body(request))
        answer = await run_in_threadpool(ask, **fields)
        return json_response(answer)

    @router.get("/speakers", summary="The speakers of the index")
    async def api_speakers() -> Response:
        return json_response(
            [{"name": s.name, "role": s.role, "organisation": s.organisation, "title": s.title}
             for s in retriever.speakers.values()]
        )

    @router.get("/documents", summary="The documents of the index")
    async def api_documents() -> Response:
        return json_response(
            [{"doc": d.doc, "title": d.title, "format": d.format, "pages": d.pages, "passages": d.passages,
              "lines": d.lines, "added_at": d.added_at, "speakers": [s.name for s in d.speakers]}
             for d in retriever.documents]
        )

    @router.get("/health", summary="Whether the index is loaded")
    async def api_health() -> Response:
        manifest = retriever.index.manifest
        return json_response(
            {"status": "ok", "index": retriever.path.name, "passages": manifest.chunk_count,
             "documents": len(retriever.documents), "embedder": retriever.embedder.id}
        )

    routes = {"ask": "POST", "speakers": "GET", "documents": "GET", "health": "GET"}

    @router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
                      include_in_schema=False)
    async def api_unknown(request: Request, rest: str) -> Response:
        """Any other path or method under /api: the same one-line {"error"} as every refusal (added last)."""
        if rest in routes:
            allowed = routes[rest]
            raise BadRequest(f"/api/{rest} takes {allowed}, not {request.method}", 405, {"Allow": allowed})
        raise BadRequest(f"no endpoint /api/{rest}; the API has POST /api/ask, GET /api/speakers, /api/documents and "
                         "/api/health (docs at /docs)", 404)

    return router


def install_error_handlers(app: FastAPI) -> None:
    """Every refusal of the API as {"error": one line}; a crash as a logged 500 without a traceback."""

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, error: BadRequest) -> Response:
        headers = {"WWW-Authenticate": 'Basic realm="forumqa"'} if error.status == 401 else error.headers
        return error_response(str(error), error.status, headers)

    @app.exception_handler(ForumQAError)
    async def refused(request: Request, error: ForumQAError) -> Response:
        return error_response(str(error), 400)


__all__ = ["MAX_BODY", "AskRequest", "BadRequest", "api_router", "check_basic_auth", "install_error_handlers", "parse_ask"]
