"""The half-split blind sets of sessions 9-31 (readers5 … readers27.jsonl, followups5 … followups27.jsonl): one test per
property, parametrised by each session's data (counts per category and language, twins, wiring).

Only the checker and plain file reads run here (no retrieval, no system output): the held-out halves are never tuned
on. A new half-split session adds one HalfSet row below (and its check_sessionN.py data), not code.
"""

from __future__ import annotations

import inspect
from collections import Counter
from dataclasses import dataclass

import pytest

from tests.test_sets_session6 import FILES, ROOT, SETS, _check, _rows, _write
from tests.test_sets_session7 import _norm
from tests.test_sets_session8 import UNANSWERABLE

ALL_SPEAKERS = frozenset({"王奇", "张海冰", "许伟", "苏国军", "区锦雄", "中国环境报", "编者按",
                          "participants"})


@dataclass(frozen=True)
class HalfSet:
    """One session's pair of half-split sets and what they must hold.

    wiring: "scored" (scored by python -m eval and the tune-only tools), "trains" (also its tune half trains the
    answerability model) or "blind" (not wired yet: the lead measures it blind first, then wires it and changes this).
    repeat_source: (file, row) of an earlier set's tune question the rejection test copies into a follow-up rewrite.
    """

    session: int
    readers: str
    reader_prefix: str
    followups: str
    followup_prefix: str
    reader_counts: dict  # category -> {lang: count}
    followup_langs: dict
    twins: int
    answerable: int
    speakers: frozenset
    wiring: str
    repeat_source: tuple
    followup_counts: tuple = (("ellipsis", 8), ("pronoun", 8), ("switch", 8), ("standalone", 6), ("near_miss", 6))

    @property
    def name(self) -> str:
        return self.readers.removesuffix(".jsonl")

    @property
    def followups_name(self) -> str:
        return self.followups.removesuffix(".jsonl")


HALF_SETS = (
    HalfSet(9, "readers5.jsonl", "w", "followups5.jsonl", "x", {
        "plain": {"zh": 10}, "traditional": {"zh": 6}, "simplified_twin": {"zh": 6}, "colloquial": {"zh": 18},
        "paraphrase_english": {"en": 18}, "title_english": {"en": 6}, "typo": {"zh": 6}, "keyword": {"zh": 6},
        "mixed": {"mixed": 6}, "near_miss": {"zh": 18, "en": 14}, "out_of_scope": {"zh": 6, "en": 5, "mixed": 1},
        "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 6, 82, ALL_SPEAKERS, "trains", ("readers2.jsonl", 0)),
    HalfSet(10, "readers6.jsonl", "v", "followups6.jsonl", "y", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 12}, "out_of_scope": {"zh": 6, "en": 5, "mixed": 1},
        "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline"}, "trains", ("readers5.jsonl", 0)),
    HalfSet(11, "readers7.jsonl", "n", "followups7.jsonl", "m", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 18, "en": 14}, "out_of_scope": {"zh": 4, "en": 3, "mixed": 1},
        "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline"}, "trains", ("readers6.jsonl", 0)),
    HalfSet(12, "readers8.jsonl", "k", "followups8.jsonl", "j", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 18, "en": 14}, "out_of_scope": {"zh": 4, "en": 3, "mixed": 1},
        "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline"}, "trains", ("readers7.jsonl", 0)),
    HalfSet(13, "readers9.jsonl", "a", "followups9.jsonl", "b", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 18, "en": 14}, "out_of_scope": {"zh": 4, "en": 3, "mixed": 1},
        "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline"}, "trains", ("readers8.jsonl", 0)),
    HalfSet(14, "readers10.jsonl", "c", "followups10.jsonl", "d", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 18, "en": 14}, "out_of_scope": {"zh": 4, "en": 3, "mixed": 1},
        "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers9.jsonl", 0)),
    HalfSet(15, "readers11.jsonl", "e", "followups11.jsonl", "i", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline"}, "trains", ("readers10.jsonl", 0)),
    HalfSet(16, "readers12.jsonl", "l", "followups12.jsonl", "o", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline"}, "trains", ("readers11.jsonl", 0)),
    HalfSet(17, "readers13.jsonl", "p", "followups13.jsonl", "q", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers12.jsonl", 0)),
    HalfSet(18, "readers14.jsonl", "z", "followups14.jsonl", "zq", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers13.jsonl", 0)),
    HalfSet(19, "readers15.jsonl", "za", "followups15.jsonl", "zb", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers14.jsonl", 0)),
    HalfSet(20, "readers16.jsonl", "zc", "followups16.jsonl", "zd", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers15.jsonl", 0)),
    HalfSet(21, "readers17.jsonl", "ze", "followups17.jsonl", "zf", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers16.jsonl", 0)),
    HalfSet(22, "readers18.jsonl", "zg", "followups18.jsonl", "zh", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers17.jsonl", 0)),
    HalfSet(23, "readers19.jsonl", "zi", "followups19.jsonl", "zj", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers18.jsonl", 0)),
    HalfSet(24, "readers20.jsonl", "zk", "followups20.jsonl", "zl", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers19.jsonl", 0)),
    HalfSet(25, "readers21.jsonl", "zm", "followups21.jsonl", "zn", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS | {"headline", "title"}, "trains", ("readers20.jsonl", 0)),
    HalfSet(26, "readers22.jsonl", "zo", "followups22.jsonl", "zp", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS, "trains", ("readers21.jsonl", 0)),
    HalfSet(27, "readers23.jsonl", "zq", "followups23.jsonl", "zr", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS, "trains", ("readers22.jsonl", 0)),
    HalfSet(28, "readers24.jsonl", "zs", "followups24.jsonl", "zt", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS, "trains", ("readers23.jsonl", 0)),
    HalfSet(29, "readers25.jsonl", "zu", "followups25.jsonl", "zv", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS, "trains", ("readers24.jsonl", 0)),
    HalfSet(30, "readers26.jsonl", "zw", "followups26.jsonl", "zx", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS, "trains", ("readers25.jsonl", 0)),
    HalfSet(31, "readers27.jsonl", "zy", "followups27.jsonl", "zz", {
        "plain": {"zh": 14}, "traditional": {"zh": 8}, "simplified_twin": {"zh": 8}, "colloquial": {"zh": 22},
        "paraphrase_english": {"en": 22}, "title_english": {"en": 8}, "typo": {"zh": 8}, "keyword": {"zh": 8},
        "mixed": {"mixed": 8}, "near_miss": {"zh": 16, "en": 14, "mixed": 2},
        "out_of_scope": {"zh": 4, "en": 3, "mixed": 1}, "nonsense": {"zh": 1, "en": 1, "mixed": 2},
    }, {"zh": 18, "en": 18}, 8, 106, ALL_SPEAKERS, "trains", ("readers26.jsonl", 0)),
)
PARAMS = pytest.mark.parametrize("half", HALF_SETS, ids=lambda h: f"session{h.session}")


def _by_category(rows: list[dict]) -> dict[str, list[dict]]:
    got: dict[str, list[dict]] = {}
    for r in sorted(rows, key=lambda r: r["id"]):
        got.setdefault(r["category"], []).append(r)
    return got


def test_the_checker_passes_and_names_every_half_split_set():
    done = _check(SETS)
    assert done.returncode == 0, done.stdout[-2000:]
    for half in HALF_SETS:
        assert f"{half.readers} (session {half.session}, half tune, half heldout)" in done.stdout
        assert f"{half.followups} (session {half.session}, half tune, half heldout)" in done.stdout


@PARAMS
def test_each_category_alternates_tune_and_heldout(half):
    for name, prefix in ((half.readers, half.reader_prefix), (half.followups, half.followup_prefix)):
        rows = _rows(name)
        assert [r["id"] for r in rows] == [f"{prefix}{i:03d}" for i in range(1, len(rows) + 1)]
        for items in _by_category(rows).values():
            assert [r["split"] for r in items] == ["heldout" if i % 2 else "tune" for i in range(len(items))]
        assert Counter(r["split"] for r in rows) == {"tune": len(rows) // 2, "heldout": len(rows) // 2}


@PARAMS
def test_the_counts_per_category_and_language(half):
    got = {c: dict(Counter(r["lang"] for r in items)) for c, items in _by_category(_rows(half.readers)).items()}
    assert got == half.reader_counts
    follow = _rows(half.followups)
    assert Counter(r["category"] for r in follow) == dict(half.followup_counts)
    assert Counter(r["lang"] for r in follow) == half.followup_langs
    assert all(1 <= len(r["history"]) <= 3 for r in follow)
    assert all(r["rewritten"] == r["question"] for r in follow if r["category"] == "standalone")


@PARAMS
def test_answers_are_transcript_substrings_and_unanswerable_rows_have_none(half):
    text = _norm((ROOT / "data" / "env-forum-2016.txt").read_text(encoding="utf-8"))
    for r in _rows(half.readers) + _rows(half.followups):
        if r["category"] in UNANSWERABLE:
            assert r["answers"] == [] and r["speaker"] is None, r["id"]
        else:
            assert r["answers"] and r["speaker"], r["id"]
            assert all(1 <= text.count(_norm(a)) <= 3 for a in r["answers"]), r["id"]


@PARAMS
def test_most_rows_are_answerable_and_every_speaker_is_covered(half):
    rows = _rows(half.readers)
    assert sum(r["category"] not in UNANSWERABLE for r in rows) == half.answerable
    assert {r["speaker"] for r in rows if r["speaker"]} == half.speakers


@PARAMS
def test_twins_share_answers_speaker_and_split(half):
    rows = {r["id"]: r for r in _rows(half.readers)}
    traditional = [r for r in rows.values() if r["category"] == "traditional"]
    assert len(traditional) == half.twins
    for r in traditional:
        twin = rows[r["twin"]]
        assert twin["category"] == "simplified_twin" and twin["twin"] == r["id"], r["id"]
        assert (twin["answers"], twin["speaker"], twin["split"]) == (r["answers"], r["speaker"], r["split"]), r["id"]
        assert r["question"] != twin["question"]


@PARAMS
def test_the_checker_rejects_a_repeat_a_wrong_split_a_bad_answer_and_a_missing_set(half, tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes((SETS / name).read_bytes())
    readers = _rows(half.readers)
    readers[0]["question"] = _rows("readers3.jsonl")[0]["question"]  # row 0 of readers3 is tune
    readers[1]["split"] = "tune"  # index 1 of its category: the rule says heldout
    _write(tmp_path / half.readers, readers)
    follow = _rows(half.followups)
    follow[0]["answers"] = ["这句话不在对话录里"]
    source, row = half.repeat_source  # an earlier set's tune row
    follow[2]["question"] = follow[2]["rewritten"] = _rows(source)[row]["question"]
    _write(tmp_path / half.followups, follow)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"{half.readers} {readers[0]['id']}: question repeats an earlier set" in done.stdout
    assert f"{half.readers} {readers[1]['id']}: split 'tune', rule says 'heldout'" in done.stdout
    assert f"{half.readers}: {len(readers) // 2 - 1} of {len(readers)} rows heldout, want exactly half" in done.stdout
    assert f"{half.followups} {follow[0]['id']}: answer '这句话不在对话录里' not found in transcript" in done.stdout
    assert f"{half.followups} {follow[2]['id']}: rewritten repeats an earlier set" in done.stdout

    (tmp_path / half.followups).unlink()
    done = _check(tmp_path)
    assert done.returncode == 1 and f"{half.followups}: missing from" in done.stdout


@PARAMS
def test_the_sets_are_wired_as_their_session_decided(half):
    from eval.calibrate import TRAINING_SETS
    from eval.followups import MORE_SETS, standalone_questions
    from eval.misses import tune_ranks
    from eval.questions import DEFAULT_SETS, EVAL_SETS, SET_NAMES, TUNE_SETS, load_questions
    from eval.run import run_eval

    assert inspect.signature(run_eval).parameters["sets"].default == EVAL_SETS
    assert inspect.signature(tune_ranks).parameters["sets"].default == TUNE_SETS
    assert half.name not in DEFAULT_SETS  # the sentence fit's default sets
    more = {name for name, *_ in MORE_SETS}
    if half.wiring == "blind":  # measured blind by the lead first: in no set list, tool default or training
        assert half.name not in SET_NAMES + EVAL_SETS + TUNE_SETS + TRAINING_SETS
        assert half.followups_name not in more
        from eval.followups_generate import tune_sources  # nor a source of the generated follow-ups

        assert not {s["question"] for s in tune_sources()} & {r["question"] for r in _rows(half.readers)}
        return
    assert half.name in SET_NAMES and half.name in EVAL_SETS and half.name in TUNE_SETS
    assert (half.name in TRAINING_SETS) == (half.wiring == "trains")
    mine = [q for q in load_questions() if q.set == half.name]  # what python -m eval scores: both splits
    assert len(mine) == len(_rows(half.readers)) and {q.split for q in mine} == {"tune", "heldout"}
    tune = load_questions((half.name,), split="tune")  # what the tune-only tools and the training read
    assert len(tune) == len(_rows(half.readers)) // 2 and {q.split for q in tune} == {"tune"}
    assert any(q.answerable for q in tune) and any(not q.answerable for q in tune)
    assert (half.followups_name, f"eval/sets/{half.followups}", SETS / half.followups) in MORE_SETS
    assert {r["id"] for r in _rows(half.readers)} <= {r["id"] for r in standalone_questions()}
