"""Questions of two parts (普邦园林的副总裁是谁？他是哪里人？, Who hosted the forum, and what is his role at the
newspaper?): judged part by part when the whole is refused.

A reader who asks two things at once expects the part the text gives to be answered and the part it does not to be
named, not the whole refused: the judge reads a two-part question as one and finds no sentence that answers both
(stated_answer), or a word of the second part the first part's passage lacks. ``question_parts`` cuts the question
into its questions (each with a question word of its own); ``answer_by_parts`` asks each part, the later parts with the
earlier ones as their history, as completed (他 of the second part is the first part's person), and returns the answered parts'
passages, the best of each first, with a notice naming the parts the text does not answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from retriever.conversation.turns import asks_other

# A Chinese clause that asks something: a question word, or a yes-no ending (吗, 呢, 没有).
_ZH_ASKS = re.compile(
    r"谁|什么|啥|哪|多少|几[个位年月天次项家条种台名]?|怎么|怎样|如何|为什么|为何|多久|多长|多大|多高|多远|是否|有没有|是不是"
    r"|吗|呢|没有?$"
)
# A Chinese clause that ends in its question word (…干了多久，…; …是谁，…): a whole question before the comma (not 呢:
# 湘潭呢，发了多少？ is one question).
_ZH_ENDS_ASKING = re.compile(r"(?:谁|什么|啥|哪里|哪儿|哪个|多少|几[个位年月天次项家条种台名]|多久|多长时间|怎么样|如何|吗)$")
_EN_WH = r"(?:what|who|whom|whose|where|when|which|why|how)"
_EN_ASKS = re.compile(
    rf"(?i)^\s*(?:and\s+|also\s+|so\s+|then\s+)?(?:{_EN_WH}|is|are|was|were|do|does|did|can|could|has|have|had)\b"
)
_EN_JOINED = re.compile(rf"(?i),?\s*\band\s+(?={_EN_WH}\b)|;\s*")  # Who hosted the forum, and what is his role …
MIN_CHARS = 4  # a part shorter than this (呢？, why?) is no question of its own


def question_parts(question: str) -> list[str]:
    """The questions a question of two or more parts asks, each ending in a question mark; [] for one question.

    Chinese: clauses ended by ？ (or ；), and a clause ended by a comma when it ends in its question word (张局长干了多久，
    以前在哪儿上班？), each asking something of its own. English: sentences ended by ?, and ', and what …' / '; …'
    joining two questions. A list of asked things in one clause (哪天、在哪个城市召开的？, On what date and in which
    city …?) is one question."""
    text = question.strip()
    if re.search(r"[\u4e00-\u9fff]", text):
        pieces = [p for p in re.split(r"(?<=[？?；;])", text) if p.strip()]
        parts = []
        for piece in pieces:
            head, sep, tail = piece.partition("，")
            while sep and _ZH_ENDS_ASKING.search(head.strip()) and _ZH_ASKS.search(tail):
                parts.append(head.strip() + "？")
                head, sep, tail = tail.partition("，")
            parts.append((head + sep + tail).strip())
        parts = [re.sub(r"[；;]$", "？", p) for p in parts]
        parts = [p if re.search(r"[？?]$", p) else p + "？" for p in parts]
        parts = [p for p in parts if not asks_other(p, True)]  # 另一个呢？它…？: "the other one" opens the question
        asks = all(_ZH_ASKS.search(p.rstrip("？?")) and len(p) >= MIN_CHARS for p in parts)
    else:
        pieces = [p.strip() for p in re.split(r"(?<=\?)\s+", text) if p.strip()]
        parts = []
        for piece in pieces:
            parts += [p.strip() for p in _EN_JOINED.split(piece) if p.strip()]
        parts = [p.rstrip(" ,.?") + "?" for p in parts]
        parts = [p[0].upper() + p[1:] for p in parts]
        asks = all(_EN_ASKS.search(p) and len(p) >= MIN_CHARS for p in parts)
    return parts if len(parts) >= 2 and asks else []


def answer_by_parts(ask: Callable[[str, Sequence[str] | None], object], question: str, history: Sequence[str] | None,
                    k: int, alone: Callable[[str], bool] | None = None):
    """The answer to a question of two or more parts, asked part by part (ask(part, history) → an Answer; a later part
    has the earlier ones after the history); None when it has one part or the text answers none of them.

    The answer is the answered parts' passages, each part's best first (the first answered part's answer sentence
    leads), at most k; its notice names the parts the text does not answer; ``rewritten`` lists what each part
    searched. ``alone`` (when given) tells whether a part stands on its own: a part that does not is not answered
    (Who won the 2018 World Cup, and who scored in the final?: the final is the cup's, which the text never mentions;
    session 24, parts2)."""
    parts = question_parts(question)
    if not parts:
        return None
    earlier = list(history or ())
    answers = []
    for part in parts:
        answers.append(ask(part, earlier or None))
        earlier = earlier + [answers[-1].rewritten or part]  # as completed: 他的履历… → 张海冰的履历…
    if alone is not None:
        answers = [a if a.abstained or alone(p) else replace(a, abstained=True) for p, a in zip(parts, answers)]
    answered = [(p, a) for p, a in zip(parts, answers) if not a.abstained]
    if not answered:
        return None
    first = answered[0][1]
    order = [(first, first.answer_index)] + [(a, i) for i in range(k) for _, a in answered if i < len(a.passages)]
    passages, highlights, seen = [], [], set()
    for a, i in order:
        hit = a.passages[i]
        if hit.chunk_id in seen or len(passages) >= k:
            continue
        seen.add(hit.chunk_id)
        passages.append(replace(hit, rank=len(passages) + 1))
        highlights.append(a.highlights[i])
    missing = [p for p, a in zip(parts, answers) if a.abstained]
    notice = (f"转录稿没有回答这一问：{' '.join(missing)} (the transcript does not answer: {' '.join(missing)})"
              if missing else first.notice)
    return replace(
        first, query=question, passages=passages, highlights=highlights, answer_index=0,
        confidence=min(a.confidence for _, a in answered), notice=notice,
        rewritten=" ".join(a.rewritten or p for p, a in answered),
        terms=list(dict.fromkeys(t for _, a in answered for t in a.terms)),
    )
