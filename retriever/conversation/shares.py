"""A share of the amount just asked (fu8, session 25): 'what was that as a proportion of the prior year's total?'
after 'how many tonnes did Dalian cut soot by?', 那占上年总量的比例是多少？ after 大连烟尘减少了多少吨？.

The follow-up's subject is the latest answer itself (that, this, it, 这, 那, 它): what it asks is the latest question's
amount measured another way, so the latest question is asked with it (…, and what was that as a proportion of …?;
…，占上年总量的比例是多少？). A question naming its own subject (Dalian's share of …) is left to the other rules.
"""

from __future__ import annotations

import re

_EN_SHARE = re.compile(r"(?i)\b(?:proportion|share|percentage|per\s?cent|fraction|ratio)\b")
_EN_THAT = re.compile(r"(?i)\b(?:that|this|it)\b")
_EN_AMOUNT = re.compile(r"(?i)\bhow\s+(?:many|much)\b|\bto\s+what\s+extent\b|\bby\s+how\s+much\b|\bin\s+(?:tonnes|tons)\b")
_ZH_SHARE = re.compile(
    r"^(?:那么?|这|它|这个|那个)?(?:个数|数字|数)?(?:占|相当于|是)[^，,。？?]{0,12}(?:比例|比重|百分比|百分之几|几成)"
)
_ZH_AMOUNT = re.compile(r"多少|几")


def share_of_last(text: str, last: str, chinese: bool, named: bool = False) -> str | None:
    """The latest question asked together with a follow-up asking its amount as a share, or None (pure); named: the
    follow-up names an entity of the index (Dalian says it checked 100% …: a question of its own)."""
    body = text.strip()
    if named:
        return None
    if chinese:
        if not _ZH_SHARE.match(body) or not _ZH_AMOUNT.search(last):
            return None
        rest = re.sub(r"^(?:那么?|这个|那个)", "", body)
        return last.rstrip("？?。. ") + "，" + rest
    if not _EN_SHARE.search(body) or not _EN_THAT.search(body) or not _EN_AMOUNT.search(last) or _EN_AMOUNT.search(body):
        return None  # … how much soot did the clean-up remove, and what share was that?: an amount of its own
    return last.rstrip("?. ") + ", and " + body[:1].lower() + body[1:]
