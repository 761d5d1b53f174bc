"""Register variants of OTHER sets' tune questions in readers23's four styles, answered as the product answers them:
refusal (and R@1) per style, for tuning the question preamble before and after a change.

    python -m eval.variants_register --index index_store/default --out /tmp/vr [--per-kind 25] [--seed 27]
        [--failures]

Session 27's blind readers23 asked the text's facts as a voice-input user, a formal official, a reader asking what a
term means and a reader asking for the gist. Fixes fitted to its tune rows may not carry (session 26's lesson), so
this script rewrites the answerable and near-miss TUNE questions of every other set (readers23 itself, follow-ups and
held-out rows are never read) with general templates that know no question of the sets:

- ``voice``: dictated speech: no punctuation, fillers (嗯/那个/就是说/呃/来着; "um so like", "like", "or something"), a
  clause run on into the next;
- ``formal``: the official's register (请简要介绍… / 关于X的有关情况，… / 就X，请说明… / 何种; "Kindly outline…",
  "Please advise…", "For the record, kindly indicate…");
- ``define``: the reader who asks what a term means, its frame around the question (文中说的“T”，… / 所谓T，… / …具体指什么;
  "What does the forum mean by 'T': …", "When the text says 'T', …"), T a noun the question writes;
- ``gist``: the summary reader's frame (用一句话概括… / 简单概括一下，… / …的核心意思是什么; "TL;DR: …", "In a nutshell,
  …", "What's the gist of …").

Every variant is asked with retriever.answer() (as the product asks it). Printed per kind (STYLE.LANG): answerable
variants refused (false abstention) and their R@1, near-miss variants answered, and the originals' figures as typed.
OUT/variants.jsonl holds every variant with its outcome; --failures lists refused answerable variants and answered
near-miss variants.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from eval import voiced

SEED = 27
STYLES = ("voice", "formal", "define", "gist")
KINDS = tuple(f"{style}.{lang}" for style in STYLES for lang in ("zh", "en"))
_PUNCT = re.compile(r"[，,。.？?！!：:；;、“”\"'‘’「」《》（）()]+")
_END = re.compile(r"[?？。.!！\s]+$")
_PLACES = ("大连市", "济宁市", "南阳市", "湘潭市", "大连", "济宁", "南阳", "湘潭", "广州", "海口", "竹埠港", "普邦园林")


def _body(text: str) -> str:
    return _END.sub("", text.strip())


def _nouns(text: str) -> list[str]:
    """The common nouns (2–6 characters) a Chinese question writes, in order: candidate terms a reader asks about."""
    from index.tokenize import posseg

    out = []
    for w in posseg().lcut(text):
        if w.flag.startswith("n") and not w.flag.startswith(("nr", "ns", "nt")) and 2 <= len(w.word) <= 6:
            if w.word not in out and not any(p in w.word or w.word in p for p in _PLACES):
                out.append(w.word)
    return out


_EN_STOP = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "did", "does", "do", "what", "which", "who", "how",
            "many", "much", "was", "were", "is", "are", "has", "have", "had", "by", "with", "from", "that", "this",
            "its", "their", "his", "her", "at", "as", "when", "where", "why", "he", "she", "they", "it", "be", "been",
            "according", "say", "said", "says", "city", "forum", "text", "there", "into", "per", "about", "exactly"}


def _en_terms(text: str) -> list[str]:
    """Two-word runs of content words an English question writes (candidate terms), then single content words."""
    words = re.findall(r"[A-Za-z][A-Za-z\-]+", text)
    content = [w for w in words if w.lower() not in _EN_STOP and not w[0].isupper()]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:]) if a in content and b in content]
    return pairs + [w for w in content if len(w) > 4]


# ------------------------------------------------------------------------------------------------ voice
_ZH_FILL_OPEN = ("嗯那个", "呃", "那个", "嗯", "就是说", "呃那个")
_ZH_FILL_CLOSE = ("", "", "来着", "那个", "是吧", "那个具体数")


def voice_zh(text: str, rng: random.Random) -> list[str]:
    clauses = [c for c in _PUNCT.split(text) if c]
    if not clauses:
        return []
    joined = ""
    for i, c in enumerate(clauses):
        joined += (rng.choice(("", "就是说", "那个", "嗯")) if i else "") + c
    inner = re.sub(r"(?<=[\u4e00-\u9fff]{2})的(?=[\u4e00-\u9fff]{2})", lambda m: "的那个" if rng.random() < 0.3 else "的", joined, count=1)
    inner = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", inner).strip()
    close = rng.choice(_ZH_FILL_CLOSE)
    if close == "那个具体数" and not re.search(r"多少|[几幾]", inner):
        close = "来着"
    return [rng.choice(_ZH_FILL_OPEN) + inner + close]


def voice_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    body = re.sub(r"['’]", "", body)
    body = re.sub(r"[,;:?!.\"]", "", body)
    body = body[0].lower() + body[1:] if body else body
    words = body.split()
    if len(words) > 4 and rng.random() < 0.6:
        at = rng.randrange(2, len(words) - 1)
        words.insert(at, rng.choice(("like", "um", "you know")))
    opener = rng.choice(("um so like", "so um", "uh so", "like um", "so yeah um", "okay so"))
    closer = rng.choice(("", "", " or something", " like", " whats the figure" if re.search(r"how (?:many|much)", body) else ""))
    return [f"{opener} {' '.join(words)}{closer}"]


# ----------------------------------------------------------------------------------------------- formal
def formal_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    place = next((p for p in _PLACES if p in body), "")
    made = []
    if re.search(r"什么|哪种|哪些|多少|几", body):
        everyday = re.sub(r"什么", "何种", body, count=1) if rng.random() < 0.5 else body
        made.append(f"{rng.choice(('请简要介绍', '请说明', '请列明', '请简述'))}{everyday}。")
    frame = rng.choice(("关于{p}的有关情况，{b}？", "就{p}的有关情况，请说明：{b}。", "关于{p}相关工作，{b}？请予以说明。"))
    if place:
        made.append(frame.format(p=place, b=body))
    return made


def _lower(body: str) -> str:
    return body[0].lower() + body[1:] if body and not body[:2].isupper() else body


def formal_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    made = [f"{rng.choice(('Kindly advise', 'Please advise', 'Kindly outline', 'For the record, kindly indicate'))} "
            f"{_lower(body)}."]
    made.append(f"{rng.choice(('Please advise:', 'Kindly advise the following:', 'For the record:'))} {body}?")
    return made


# ----------------------------------------------------------------------------------------------- define
def define_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    terms = _nouns(body)
    made = []
    if terms:
        term = rng.choice(terms[:3])
        frame = rng.choice(("文中说的“{t}”，{b}？", "所谓{t}，{b}？", "文中提到的「{t}」，{b}？", "文中所说的{t}具体指什么，{b}？"))
        made.append(frame.format(t=term, b=body))
    m = re.search(r"(?:是什么|是啥|是哪些)$", body)
    if m:
        made.append(body[: m.start()] + rng.choice(("具体指什么？", "到底是啥意思？", "具体指的是什么？")))
    return made


def define_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    terms = _en_terms(body)
    if not terms:
        return []
    term = rng.choice(terms[:3])
    frame = rng.choice(("What does the forum mean by '{t}': {b}?", "When the text says '{t}', {lb}?",
                        "What is meant by the '{t}' here: {b}?"))
    return [frame.format(t=term, b=body, lb=_lower(body))]


# ------------------------------------------------------------------------------------------------- gist
def gist_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    made = [rng.choice(("用一句话概括：{b}？", "简单概括一下，{b}？", "一句话说说{b}", "{b}？一句话概括就行。")).format(b=body)]
    m = re.search(r"(.{4,})(?:是什么|是啥)$", body)
    if m:
        made.append(rng.choice(("用一句话概括{x}。", "{x}，核心意思是什么？", "一句话概括{x}的核心内容。")).format(x=m.group(1)))
    return made


def gist_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    made = [rng.choice(("TL;DR: {b}?", "In a nutshell, {lb}?", "Quick gist: {b}?", "{b}? Just the gist.")).format(
        b=body, lb=_lower(body))]
    m = re.match(r"(?:What|what) (?:is|was|are|were) (.+)$", body)
    if m:
        made.append(rng.choice(("What's the gist of {x}?", "TL;DR of {x}?", "In a nutshell, what is {x}?")).format(x=m.group(1)))
    return made


_MAKERS: dict[str, Callable[[str, random.Random], list[str]]] = {
    "voice.zh": voice_zh, "voice.en": voice_en, "formal.zh": formal_zh, "formal.en": formal_en,
    "define.zh": define_zh, "define.en": define_en, "gist.zh": gist_zh, "gist.en": gist_en,
}


VOICES = voiced.Voices(_MAKERS, KINDS, "readers23", SEED, "python -m eval.variants_register", __doc__, "style")
variants, source_questions, pick, run, main = VOICES.variants, VOICES.source_questions, VOICES.pick, VOICES.run, VOICES.main


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
