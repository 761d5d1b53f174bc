"""Search settings: frozen dataclasses and Enums, checked when made (InvalidArgumentError)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from index.errors import InvalidArgumentError


class FusionMethod(str, Enum):
    """How dense and BM25 runs are combined."""

    CONVEX = "convex"  # weighted sum of normalised scores
    RRF = "rrf"  # reciprocal rank fusion


class Norm(str, Enum):
    """How a run's scores are normalised before a convex combination."""

    MINMAX = "minmax"
    MAX = "max"


def _enum(kind: type[Enum], value, name: str):
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(k.value) for k in kind)
        raise InvalidArgumentError(f"{name} must be one of {allowed}, got {value!r}") from None


@dataclass(frozen=True)
class FusionSettings:
    """Tuned on eval/gold.jsonl (see eval/reports/eval.md): 0.55 x min-max(dense) + 0.45 x BM25 / max(BM25).

    The BM25 weight sits on a plateau from 0.40 to 0.50. English questions reach BM25 only through
    the lexicon and the gloss field, a noisier match: they use en_weights (0.65, 0.35), tuned on the
    tune split of eval/sets/readers.jsonl and eval/gold.jsonl (plateau 0.30-0.35). Session 17 tried 0.325 (the
    stress pool's hybrid R@1 0.848 -> 0.870); it lost 3 of 33 held-out English paraphrases at R@1 while the tune
    split gained one of 240 English questions (session 18, python -m eval.english_stress --tune, 0.35 -> 0.325: tune English R@1
    0.929 -> 0.933, paraphrase 0.902 -> 0.909, mixed MRR 0.932 -> 0.929): back to 0.35. Set en_weights equal
    to weights to fuse every language alike; RRF ignores them.

    coverage_weight: a hybrid search adds coverage_weight x the share of the question's own terms
    (those its context, such as the title, does not hold) that a passage's text holds to the fused
    score of those of its first coverage_depth hits that are an article's running text (Kind.TEXT;
    retriever/evidence.py), so that within an article the passage that answers comes first. Chosen
    by the passage R@1 of the even-numbered paragraphs of the CMRC 2018 trial set (0.947 at 0, 0.955 at
    0.10, 0.957 at 0.15, 0.955 at 0.20; the odd half, not chosen on: 0.949 → 0.963; eval/reports/cmrc.md);
    0 turns it off. A dialogue's turns, headlines and notes keep their fused score: on the forum
    the bonus lifted its participants list above the answering turns (near-miss and false abstention
    tune each one question worse), so the transcript's results are unchanged. Added to a convex
    score only (RRF scores are on another scale).

    framing_weight: a hybrid search moves those of its first coverage_depth hits that frame a dialogue
    (the host's lead-ins, the title, the participants list, the captions; retriever/framing.py) up by
    framing_weight when the question asks for their kind (主持人, 标题, 是谁, 叫什么名字, 哪个省的) and moves
    the ones that only name (title, participants list, captions) down by it when it does not, so a caption
    that only names the speaker no longer comes before the speaker's answer (the host's lead-ins state
    facts of their own and are not moved down). Like the coverage bonus, not when the BM25 run is empty:
    such a hybrid search is the dense run alone. Chosen on the tune split of eval/gold.jsonl and
    eval/sets/readers.jsonl (hybrid R@1 gold / readers, follow-ups 0.971 throughout: 0.948 / 0.904 at 0;
    0.958 / 0.904 at 0.1; 0.969 / 0.913 at 0.2; 0.969 / 0.930 at 0.3 and 0.35; 0.969 / 0.922 at 0.4;
    0.958 / 0.913 at 0.5); 0 turns it off.

    lead_in_margin: when a question asks how or why, a host's lead-in that scores less than lead_in_margin above
    the best answer of its own exchange (a speaker's turn under the same headline) among those first coverage_depth
    hits comes just after it (retriever/framing.py answers_first): the lead-in asks what the speaker answers. Not
    when the question asks what the host said; 0 turns it off. A section's headline (如何抓好老工业城市污染治理工作？
    ■…) does the same unless a headline is asked for: at en_weights (0.675, 0.325) it came 0.003 above 苏国军's
    answer for the English twin of the app's example (session 17; on the tune split it moves no first relevant
    passage at either English weight). The tune split is the same from 0.03 to 0.2 (hybrid
    R@1 0.958, MRR 0.976: no tune question's first relevant passage moves); 0.1 puts the answering turn first for
    the app's own examples (南阳市如何治理水污染？ 0.009 behind the lead-in, 湘潭作为老工业城市如何治理污染？ 0.077,
    its English twin 0.068).

    within_article: then, among those first coverage_depth hits, an article's passages of running text are
    ordered within the places the article holds by the question's own words, not the title's
    (retriever/articles.py): the fused score with the BM25 of the title's words taken out, or, when every
    word of the question is the title's, the article's first passage first. No number of its own; which
    document comes where is unchanged (CMRC 2018 passage R@1: eval/reports/cmrc.md).
    """

    method: FusionMethod = FusionMethod.CONVEX
    weights: tuple[float, float] = (0.55, 0.45)
    en_weights: tuple[float, float] = (0.65, 0.35)
    norms: tuple[Norm, Norm] = (Norm.MINMAX, Norm.MAX)
    rrf_k: int = 60
    coverage_weight: float = 0.15
    coverage_depth: int = 10
    framing_weight: float = 0.3
    lead_in_margin: float = 0.1
    within_article: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", _enum(FusionMethod, self.method, "fusion method"))
        object.__setattr__(self, "norms", tuple(_enum(Norm, n, "fusion norm") for n in self.norms))
        object.__setattr__(self, "weights", tuple(float(w) for w in self.weights))
        object.__setattr__(self, "en_weights", tuple(float(w) for w in self.en_weights))
        for weights in (self.weights, self.en_weights):
            if len(weights) != 2 or len(self.norms) != 2 or any(w < 0 for w in weights):
                raise InvalidArgumentError(f"fusion needs two non-negative weights and two norms, got {weights}, {self.norms}")
        if self.rrf_k < 1:
            raise InvalidArgumentError(f"rrf_k must be a positive integer, got {self.rrf_k!r}")
        if not 0.0 <= self.framing_weight <= 1.0:
            raise InvalidArgumentError(f"framing_weight must be within [0, 1], got {self.framing_weight!r}")
        if not 0.0 <= self.lead_in_margin <= 1.0:
            raise InvalidArgumentError(f"lead_in_margin must be within [0, 1], got {self.lead_in_margin!r}")
        if not 0.0 <= self.coverage_weight <= 1.0 or self.coverage_depth < 1:
            raise InvalidArgumentError(
                f"coverage_weight must be within [0, 1] and coverage_depth a positive integer, "
                f"got {self.coverage_weight!r}, {self.coverage_depth!r}"
            )

    def for_lang(self, lang: str) -> FusionSettings:
        """The settings for a question's language: a convex fusion of an English question uses en_weights."""
        if lang == "en" and self.method == FusionMethod.CONVEX and self.en_weights != self.weights:
            return replace(self, weights=self.en_weights)
        return self

    def to_json(self) -> dict:
        norms = [n.value for n in self.norms]
        return {
            "method": self.method.value, "weights": list(self.weights), "en_weights": list(self.en_weights),
            "norms": norms, "k": self.rrf_k, "coverage_weight": self.coverage_weight,
            "framing_weight": self.framing_weight, "lead_in_margin": self.lead_in_margin,
            "within_article": self.within_article,
        }


@dataclass(frozen=True)
class SearchSettings:
    """How deep each side searches and how a passage's dense score is made.

    dense score = (1 - sentence_weight) x passage cosine + sentence_weight x its best sentence's cosine.
    """

    candidates: int = 50  # hits fetched from each side before fusion (at least 4x the final k)
    sentence_weight: float = 0.6
    max_k: int = 100
    evidence_k: int = 20  # passages over the whole index that answerability looks at (retriever/answerability/)
    fusion: FusionSettings = field(default_factory=FusionSettings)

    def __post_init__(self) -> None:
        if not 0.0 <= self.sentence_weight <= 1.0:
            raise InvalidArgumentError(f"sentence_weight must be within [0, 1], got {self.sentence_weight!r}")
        if self.candidates < 1 or self.max_k < 1 or self.evidence_k < 1:
            raise InvalidArgumentError("candidates, max_k and evidence_k must be positive integers")

    def depth(self, k: int) -> int:
        return max(self.candidates, 4 * k)
