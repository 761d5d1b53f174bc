"""Which sessions' answerability rules are on: all of them, except in eval.calibrate_eras (a tune-only measurement).

Rules written with one reader set's tune near misses in view may fit that writer's questions and nothing else. To
measure it, eval.calibrate_eras scores each set with the rules added after the set was written switched off, as if
the set were new: ``RULES_BEFORE = 11`` keeps the rules of sessions 1-10 and switches off those of sessions 11 and
later. The query path never sets it (None: every rule on).

The rules switched this way (the session whose commits added them, after that session's reader set existed):

- session 10 (after readers6): a noun of money is written by its unit (钱 by 元: units.measured_by_number); a word
  written only inside an asking phrase (多长 of 花了多长时间) asks nothing (features.content_units).
- session 11 (after readers7): in clause_number a counted thing's rest may be the passage's topic told before
  (answer_check.clause_number); the place_absent feature and the place and kind swaps (eval.calibrate_eras drops
  those: they are whole features and negatives, not code paths).
- session 12 (after readers8): a sum of money named after 多少 asks 元 (quantity._MONEY); a number's clause must hold
  every asked word (answer_check.clause_number; before: half the counted words', half the attribute's share); a
  quoted term is a place (places.asked_places); 'the name of <role>' asks a person (asked.asks_role).
- session 26 (after readers21): an amount asked of a named body or place needs the name by the number
  (answer_check.clause_number: how much is Jining paying Tsinghua); 'how much clout/say/influence' asks no number
  (quantity.asked_unit).
- session 27 (after readers22): a unit of measure after 多少 (公顷, 公斤, 亩) asks a number in its dimension
  (quantity.asked_unit); 'how much percent' asks a percentage (english_units.py).
- session 28 (after readers23, nm9): a time asked finer than a year (几月, the date on which, 日期是哪天) needs a
  month or a day (asked.asks_month, asks_day); a role's holder stands by the role's own word (asked.asked_roles: who
  was minister, 部长); an English kind after 哪家 (kinds._english_kind_after_which); a water or air quality grade
  (asked.asks_grade).
- session 29 (after readers24, nm10): a deputy's role is read with 副 (asked.asked_roles: 副市长, deputy
  editor-in-chief: 副总编辑); an amount asked per item or per period (每辆多少钱, each year) needs a rate in the
  number's window (quantity.asks_rate, answer_check.clause_number).
"""

from __future__ import annotations

RULES_BEFORE: int | None = None  # sessions at or after this one have their rules off (None: all on)


def rule_on(session: int) -> bool:
    """Whether a rule added in ``session`` is on (always, unless eval.calibrate_eras switched that session off)."""
    return RULES_BEFORE is None or session < RULES_BEFORE
