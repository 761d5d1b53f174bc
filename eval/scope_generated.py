"""Generated English out-of-scope questions about the text's own cities: each city x a topic the text never covers.

    python -m eval.scope_generated [--index PATH] [--per-frame N] [--seed S] [--list]

The forum's speakers come from four cities (Dalian, Jining, Xiangtan, Nanyang); a reader may ask of one of them
something the transcript never discusses (its football club, house prices, elderly care, a metro line). Those
questions name a city the text knows and words the lexicon maps, so only a check that the asked words stand together
where the city's passages speak can refuse them (session 30, en11). Frames: a how-is-it-going question, a what-is
question, a bare keyword search. Seeded; prints the refused share per frame (and each question with --list). The
topics are chosen as things an environment forum of 2016 does not report; none is a tune or held-out question.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

CITIES = ("Dalian", "Jining", "Xiangtan", "Nanyang")
TOPICS = (
    "garbage sorting", "the football club", "house prices", "elderly care", "the subway", "tourism", "the stock market",
    "school admissions", "hospital waiting times", "the marathon", "nightlife", "the local cuisine", "startup funding",
    "the university rankings", "traffic jams", "the music festival", "the birth rate", "online shopping",
    "the museum", "the ski resort", "pet ownership", "the high-speed rail station",
)
FRAMES = {
    "how_doing": "How is {city} doing on {topic}?",
    "how_handling": "How is {city} handling {topic} these days?",
    "what_is": "What is the situation with {topic} in {city}?",
    "tell_me": "Tell me about {topic} in {city}.",
    "keywords": "{city} {topic}",
}


def generated(per_frame: int = 20, seed: int = 30) -> list[tuple[str, str]]:
    """(frame, question) pairs: per frame, per_frame city x topic pairs drawn without replacement (seeded)."""
    rng = random.Random(seed)
    pairs = [(c, t) for c in CITIES for t in TOPICS]
    out = []
    for name, frame in FRAMES.items():
        for city, topic in rng.sample(pairs, min(per_frame, len(pairs))):
            text = frame.format(city=city, topic=topic)
            if name == "keywords" and topic.startswith("the "):
                text = frame.format(city=city, topic=topic[4:])
            out.append((name, text))
    return out


def run(index=None, per_frame: int = 20, seed: int = 30, listing: bool = False,
        log: Callable[[str], None] = print) -> dict:
    from eval.run import opened_retriever
    from retriever.service import judge

    rows = generated(per_frame, seed)
    out: dict[str, list[int]] = {}
    with opened_retriever(index, None, False, log) as retriever:
        for frame, question in rows:
            verdict = judge(retriever, question)
            cell = out.setdefault(frame, [0, 0])
            cell[0] += int(verdict.abstained)
            cell[1] += 1
            if listing:
                log(f"{verdict.probability:.2f} {'refused ' if verdict.abstained else 'answered'} {question}")
    total = [sum(c[0] for c in out.values()), sum(c[1] for c in out.values())]
    for frame, (refused, n) in [*out.items(), ("all", total)]:
        log(f"{frame:<14} refused {refused:>3} of {n}")
    return {k: {"refused": v[0], "n": v[1]} for k, v in out.items()}


def main(argv: Sequence[str] | None = None) -> int:
    from pathlib import Path

    from eval.command import one_line_parser, run_command
    from index.env import apply_defaults
    from index.errors import InvalidArgumentError

    apply_defaults()
    parser = one_line_parser("python -m eval.scope_generated", __doc__)
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript")
    parser.add_argument("--per-frame", type=int, default=20, help="questions per wording (a seeded choice)")
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("--list", action="store_true", help="print each question with its probability")

    def checked():
        args = parser.parse_args(argv)
        if args.per_frame < 1:
            raise InvalidArgumentError(f"--per-frame: {args.per_frame}; give 1 or more")
        if args.index is not None and not Path(args.index).is_dir():
            raise InvalidArgumentError(f"--index: {args.index} is no index folder")
        return run(args.index, args.per_frame, args.seed, args.list)

    return run_command(checked)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
