"""Session 30, en11: the asked words of a question asking no kind of answer must stand together (asked_together), an
English question's named figure is searched harder (named_figures), and the generated city x topic questions."""

from eval.scope_generated import CITIES, FRAMES, generated
from retriever.answerability.answer_check import asked_together
from retriever.answerability.units import Unit
from retriever.query import FIGURE_REPEAT, named_figures

GARBAGE = Unit("garbage", 4.0, ("garbage", "垃圾"))
SORTING = Unit("sorting", 4.0, ("sorting", "分类"))


def test_words_written_apart_are_not_asked_together():
    windows = ("大连的垃圾处理厂", "分类指导，铁腕执法")
    assert asked_together([GARBAGE, SORTING], windows, checked=False) == 0.5


def test_words_written_together_score_whole():
    assert asked_together([GARBAGE, SORTING], ("推进垃圾分类",), checked=False) == 1.0


def test_a_kind_or_number_asked_is_left_to_the_answer_checks():
    assert asked_together([GARBAGE, SORTING], ("分类",), checked=True) == 1.0


def test_no_written_word_fails_open():
    assert asked_together([], ("分类",), checked=False) == 1.0


def test_named_figure_repeated_for_english_only():
    known = {"992", "11.1", "5"}.__contains__
    assert named_figures("en", ["992", "count", "济宁"], known) == ("992",) * FIGURE_REPEAT
    assert named_figures("en", ["11.1", "5"], known) == ("11.1",) * FIGURE_REPEAT  # one digit: no figure
    assert named_figures("zh", ["992", "济宁"], known) == ()
    assert named_figures("en", ["993"], known) == ()  # not an index term
    assert named_figures("en", ["992"], None) == ()


def test_generated_questions_are_seeded_and_name_a_city():
    rows = generated(per_frame=5, seed=1)
    assert rows == generated(per_frame=5, seed=1)
    assert len(rows) == 5 * len(FRAMES)
    assert all(any(c in q for c in CITIES) for _, q in rows)
