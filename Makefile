# forumqa: `make run` serves the web chat on the bundled transcript; `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# uv (a PyPI package) installs the same packages as pip in seconds where pip takes minutes (a clean clone's
# `make test`: ~20 s against ~6 min). It reads no pip.conf, so the find-links pip is given (where a machine keeps
# wheels such as the CPU torch) are passed on.
FIND_LINKS ?= $(or $(PIP_FIND_LINKS),$(shell $(PYTHON) -m pip config get global.find-links 2>/dev/null))
INSTALL = $(VENV)/bin/uv pip install --python $(PY) -q $(foreach link,$(FIND_LINKS),--find-links $(link))
INDEX := index_store/default
export OMP_NUM_THREADS ?= 2
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

# The sentence-transformers backend needs torch. Here `torch==2.13.0` is the CPU wheel of the find-links; on a stock
# machine PyPI would give the CUDA build (GBs of GPU libraries): make test TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
TORCH_INDEX_URL ?=
TORCH_ARGS := $(if $(TORCH_INDEX_URL),--index-url $(TORCH_INDEX_URL))

.PHONY: run test setup setup-test st index browser clean eval bench

# Serving needs only the core dependencies: no torch, no test or eval tools. Their bytecode is compiled once here:
# uv installs without it, and a shell that sets PYTHONDONTWRITEBYTECODE (some sandboxes and CI images do) would
# compile every module again in each `forumqa ask` (cold ask 3.9 s -> 1.5 s median on this machine).
$(VENV)/.run: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q uv
	$(INSTALL) -e .
	$(PY) -m compileall -q -j 0 $(VENV)/lib index retriever ui eval >/dev/null 2>&1 || true
	touch $@

# Tests, evaluation and benchmarks: the sentence-transformers backend (CPU torch) and the eval and test extras.
$(VENV)/.test: $(VENV)/.run
	$(INSTALL) torch==2.13.0 $(TORCH_ARGS)
	$(INSTALL) -e '.[st,eval,test,milvus]'
	touch $@

setup: $(VENV)/.run

setup-test: $(VENV)/.test

st: $(VENV)/.run
	$(INSTALL) torch==2.13.0 $(TORCH_ARGS)
	$(INSTALL) -e '.[st]'

$(INDEX)/manifest.json: | $(VENV)/.run
	$(VENV)/bin/forumqa build --out $(INDEX)

index: $(INDEX)/manifest.json

run: setup index
	$(VENV)/bin/forumqa serve  # the default index; rebuilt if it is stale or damaged

# Chromium and CJK fonts for the browser tests (Debian packages), installed once.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk" || \
	  { (apt-get update -q && apt-get install -y -q chromium fonts-noto-cjk) >/tmp/forumqa-apt.log 2>&1 || \
	    echo "warning: could not install chromium (see /tmp/forumqa-apt.log); browser tests will be skipped"; }

# Bytecode: the suite starts dozens of Python processes besides its own (the CLI, servers, builds). A shell that sets
# PYTHONDONTWRITEBYTECODE (some sandboxes and CI images do) makes each of them compile every module it imports from
# source (numpy, gradio, ranx …) again; here they write and read it under .venv/pycache, never beside the sources.
test: setup-test browser
	$(VENV)/bin/ruff check .
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache $(PY) -m pytest

eval: setup-test
	$(VENV)/bin/forumqa eval

bench: setup-test
	$(VENV)/bin/forumqa bench

clean:
	rm -rf $(VENV) index_store .pytest_cache
