"""Training the answerability model: the generated negatives, the grouped folds, the fixed threshold, the validation."""

from __future__ import annotations

import random
import re

import numpy as np

from eval.calibrate_fit import ABSTAIN_BELOW, fit
from eval.calibrate_negatives import ABSENT_ZH, KIND_TEMPLATES_ZH, Example, focus_swaps, kind_swaps, question_topic
from eval.calibrate_validate import one_misfire, probabilities, scores
from eval.questions import EvalQuestion
from retriever.answerability import FEATURES

CAP = 4.5  # a cap to test the mechanism with (the stored models are fitted uncapped: eval/calibrate_fit.py CHECK_CAP)


def question(qid: str, text: str) -> EvalQuestion:
    return EvalQuestion(qid, text, ("1416台",), "number", "zh", "tune", "gold")


def test_a_focus_swap_keeps_the_question_and_asks_an_attribute_the_text_never_gives(retriever):
    facts = retriever.answerability.facts
    asked = [question("q1", "大连拆除了多少台燃煤锅炉？"), question("q2", "How many boilers did Dalian scrap?")]
    swaps = focus_swaps(retriever, asked, facts, random.Random(0), per_question=3)
    assert len(swaps) == 3  # Chinese only: an English word the text lacks has no gloss, which proves nothing
    for swap in swaps:  # the asked attribute is 燃煤 (of 燃煤锅炉): only it is replaced
        new = re.fullmatch(r"大连拆除了多少台(.+)锅炉？", swap.question)
        assert new and new.group(1) in ABSENT_ZH and not facts.contains(new.group(1))
        assert swap.label == 0 and swap.origin == "focus swap of q1" and swap.group == "q1"


def test_the_topic_of_a_question_is_what_it_asks_about_without_its_question_word():
    assert question_topic("大连市今年拆除了多少台燃煤锅炉？") == "大连市燃煤锅炉"
    assert question_topic("济宁的智慧环保监管平台是哪一年上线的？") == "济宁的智慧环保监管平台"
    assert question_topic("南阳彻底取缔了什么？") == "南阳"  # the question's own verb is no topic
    assert question_topic("为什么？") == ""


def test_a_kind_swap_asks_another_kind_of_answer_about_the_topic_that_the_text_never_gives(retriever):
    facts = retriever.answerability.facts
    asked = [question("q1", "大连市拆除了多少台燃煤锅炉？"), question("q2", "How many boilers did Dalian scrap?")]
    swaps = kind_swaps(retriever, asked, facts, random.Random(0), per_question=4)
    templates = [t.format(t="大连市燃煤锅炉") for _, t in KIND_TEMPLATES_ZH]
    assert swaps and all(s.question in templates for s in swaps)  # Chinese only, the topic kept
    assert "大连市燃煤锅炉一共花了多少钱？" in [s.question for s in swaps]  # the text gives no cost of the boilers
    assert all(s.label == 0 and s.origin == "kind swap of q1" and s.group == "q1" for s in swaps)


def test_grouped_folds_keep_a_question_and_its_swaps_apart_from_the_rest():
    rng = np.random.default_rng(1)
    x = rng.random((120, len(FEATURES)))
    y = (x[:, FEATURES.index("focus_known")] > 0.5).astype(int)
    groups = [f"g{i // 4}" for i in range(120)]  # four examples a group
    params, oof = fit(x, y, FEATURES, groups=groups)
    assert len(oof) == 120 and params["C"] > 0
    # the same data without groups gives other folds, hence other out-of-fold probabilities
    assert not np.allclose(oof, fit(x, y, FEATURES)[1])


def test_validation_scores_written_questions_at_the_fixed_threshold():
    examples = [
        Example("a", 1, "readers/traditional r1"), Example("b", 1, "readers/traditional r2"),
        Example("c", 0, "readers/near_miss r3"), Example("d", 0, "readers/nonsense r4"),
    ]
    p = np.array([0.9, ABSTAIN_BELOW - 0.01, 0.2, 0.0])
    result = scores(examples, p)
    assert result["false_abstention"] == 0.5 and result["near_miss"] == 1.0 and result["nonsense"] == 1.0
    assert result["out_of_scope"] is None and result["abstention_by_group"]["readers/traditional"] == 0.5


def test_validation_probabilities_are_the_models_and_zero_for_nonsense():
    features = ["cover_top", "nonsense"]
    params = {"features": features, "mean": [0.5, 0.0], "scale": [1.0, 1.0], "coef": [2.0, 0.0], "intercept": 0.0}
    x = np.zeros((2, len(FEATURES)))
    x[:, FEATURES.index("cover_top")] = [1.0, 1.0]
    x[1, FEATURES.index("nonsense")] = 1.0
    p = probabilities(params, x)
    assert abs(p[0] - 1 / (1 + np.exp(-1.0))) < 1e-9 and p[1] == 0.0


def test_validation_rejects_an_unknown_set_in_one_line_before_building_an_index(tmp_path, capsys, monkeypatch):
    import eval.run
    from eval.calibrate_validate import main

    def no_build(*args, **kwargs):
        raise AssertionError("an index was opened before the set name was checked")

    monkeypatch.setattr(eval.run, "open_retriever", no_build)
    assert main(["--test", "bogus", "--index", str(tmp_path)]) == 2
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0 and "'bogus'" in out and "readers2" in out and out.startswith("error: ")


def test_a_check_that_separates_the_classes_moves_the_logit_at_most_check_cap_per_unit():
    rng = np.random.default_rng(2)
    x = rng.random((200, len(FEATURES)))
    y = (rng.random(200) < 0.6).astype(int)
    x[:, FEATURES.index("unknown_names")] = 1.0 - y  # a perfect veto on these rows, unbounded without the cap
    features = ["cover_top", "unknown_names"]
    params, _ = fit(x, y, features, cap=CAP)
    per_unit = params["coef"][1] / params["scale"][1]
    assert -CAP - 1e-6 <= per_unit < -CAP + 0.5  # it pushes against the cap, and stops there
    uncapped, _ = fit(x, y, features)
    assert uncapped["coef"][1] / uncapped["scale"][1] < -CAP  # the default fit is uncapped


def test_one_misfire_counts_the_answered_answerable_rows_a_lone_check_would_refuse():
    features = ["cover_top", "unknown_names", "nonsense"]
    x = np.zeros((3, len(FEATURES)))
    x[:, FEATURES.index("cover_top")] = [1.0, 0.6, 1.0]
    y = np.array([1, 1, 0])
    veto = {"features": features, "mean": [0.0] * 3, "scale": [1.0] * 3, "coef": [6.0, -8.0, 0.0], "intercept": -1.0}
    assert one_misfire(veto, x, y) == (2, 2)  # logits 5 and 2.6: both answered, and an unknown name refuses each
    evidence = veto | {"coef": [6.0, -CAP, 0.0]}
    assert one_misfire(evidence, x, y) == (1, 2)  # 5 - 4 = 1 stays answered; 2.6 - 4 is refused


def test_validation_checks_drop_cmrc_and_join_in_one_line_before_building_an_index(tmp_path, capsys, monkeypatch):
    import json

    import eval.run
    from eval.calibrate_validate import load_cmrc_features, main

    def no_build(*args, **kwargs):
        raise AssertionError("an index was opened before the arguments were checked")

    monkeypatch.setattr(eval.run, "open_retriever", no_build)
    assert main(["--test", "all", "--drop", "no_such_feature", "--index", str(tmp_path)]) == 2
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0 and out.startswith("error: --drop no_such_feature: not a model feature")
    assert main(["--test", "all", "--cmrc", str(tmp_path / "nope.jsonl"), "--index", str(tmp_path)]) == 2
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0 and out.startswith("error: --cmrc") and "cannot read it" in out
    for join in (["--test", "all", "--join", "readers99"], ["--test", "readers2", "--join", "readers2"]):
        assert main([*join, "--index", str(tmp_path)]) == 2
        out = capsys.readouterr().out.strip()
        assert out.count("\n") == 0 and out.startswith("error: --join")
    stale = tmp_path / "stale.jsonl"
    stale.write_text(json.dumps({"id": "1", "half": "even", "features": {"top_dense": 0.5}}) + "\n", encoding="utf-8")
    assert main(["--test", "all", "--cmrc", str(stale), "--index", str(tmp_path)]) == 2
    assert "run it again" in capsys.readouterr().out
    good = tmp_path / "good.jsonl"
    rows = [{"id": str(n), "half": h, "features": {f: float(n) for f in FEATURES}} for n, h in enumerate(("even", "odd"))]
    good.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    x, halves, kinds = load_cmrc_features(str(good))
    assert x.shape == (2, len(FEATURES)) and halves == ["even", "odd"] and x[1, 0] == 1.0
    assert kinds == ["answerable", "answerable"]  # a file written before near misses: every row answerable
    rows.append({"id": "0#entity", "half": "even", "kind": "entity", "source": "0", "features": rows[0]["features"]})
    good.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert load_cmrc_features(str(good))[2] == ["answerable", "answerable", "entity"]


def test_cmrc_lines_print_false_abstention_and_near_miss_refusal_per_half():
    from eval.calibrate_validate import cmrc_lines

    figures = {"false_abstention": {"even": (1, 10, 0.1), "odd": (0, 8, 0.0), "all": (1, 18, 0.056)},
               "near_miss": {"even": {"entity": (3, 4, 0.75), "attribute": (0, 0, None), "time": (1, 1, 1.0),
                                      "all": (4, 5, 0.8)}}}
    lines = cmrc_lines(figures)
    assert lines[0] == "CMRC false abstention (fitted on every training set): even 0.1 (1 of 10), odd 0.0 (0 of 8), all 0.056 (1 of 18)"
    assert lines[1] == "CMRC near-miss refusal even: entity 0.75 (3 of 4), attribute None (0 of 0), time 1.0 (1 of 1), all 0.8 (4 of 5)"
    assert len(cmrc_lines({**figures, "near_miss": {}})) == 1  # a file without near misses: the old line only


def _weak_name_strong_place():
    """Training data where an unknown name is weak evidence against answering and a place written elsewhere strong."""
    rng = np.random.default_rng(3)
    x = rng.random((300, len(FEATURES)))
    y = (x[:, FEATURES.index("cover_top")] + 0.3 * rng.standard_normal(300) > 0.5).astype(int)
    unknown, place = FEATURES.index("unknown_names"), FEATURES.index("place_absent")
    x[:, unknown] = (rng.random(300) < 0.1) & (rng.random(300) < 0.5 + 0.3 * (1 - y))  # weak evidence against
    x[:, place] = (rng.random(300) < 0.1) & (y == 0)  # strong evidence against
    return x, y, ["cover_top", "unknown_names", "place_absent"]


def test_an_unknown_name_weighs_at_least_as_much_as_a_place_written_elsewhere():
    """The fit keeps unknown_names's coefficient per unit at or below place_absent's (AT_LEAST_AS_STRONG), where the data
    alone would weigh the unknown name less; other fits are untouched."""
    from eval.calibrate_fit import AT_LEAST_AS_STRONG

    x, y, features = _weak_name_strong_place()
    params, _ = fit(x, y, features)
    per_unit = [c / s for c, s in zip(params["coef"], params["scale"])]
    assert AT_LEAST_AS_STRONG["unknown_names"] == "place_absent" and per_unit[1] <= per_unit[2] + 1e-6 < 0
    alone, _ = fit(x, y, ["cover_top", "unknown_names"])  # without its partner nothing binds it
    assert alone["coef"][1] / alone["scale"][1] > per_unit[1]


def test_a_capped_fit_keeps_an_unknown_name_at_least_as_strong_as_a_place_written_elsewhere():
    """A fit with a per-check cap (session 22, cmrc9; CHECK_CAP) keeps the AT_LEAST_AS_STRONG order, and no check's
    weight per unit goes past the cap."""
    from eval.calibrate_fit import AT_LEAST_AS_STRONG

    x, y, features = _weak_name_strong_place()
    for cap in (1.0, 6.0):
        params, _ = fit(x, y, features, cap=cap)
        per_unit = [c / s for c, s in zip(params["coef"], params["scale"])]
        assert AT_LEAST_AS_STRONG["unknown_names"] == "place_absent" and per_unit[1] <= per_unit[2] + 1e-6 < 0
    capped, _ = fit(x, y, features, cap=1.0)
    platt = capped["platt"][0] if "platt" in capped else 1.0
    assert all(abs(c / s) <= 1.0 * abs(platt) + 1e-6 for c, s in zip(capped["coef"][1:], capped["scale"][1:]))


def _sets_for_joining(rng, misfiring: float):
    """Three sets of written questions and a fourth, 'new', whose answerable questions trip the check unknown_names at
    the rate ``misfiring`` (the others: 5 %)."""
    x, examples, member = [], [], []
    for name in ("a", "b", "c", "new"):
        rate = misfiring if name == "new" else 0.05
        for i in range(60):
            kind = ("number", "number", "near_miss", "out_of_scope")[i % 4]
            answerable = kind == "number"
            row = np.zeros(len(FEATURES))
            row[FEATURES.index("cover_top")] = rng.uniform(0.4, 1.0) if answerable else rng.uniform(0.0, 0.8)
            row[FEATURES.index("unknown_names")] = float(rng.random() < (rate if answerable else 0.6))
            x.append(row)
            examples.append(Example(f"{name}{i}", int(answerable), f"{name}/{kind} {name}{i}", f"{name}{i}"))
            member.append(name)
    return np.array(x), examples, member


def test_joining_measures_the_trade_a_new_set_brings_to_the_other_sets_left_out_questions():
    """A new set whose answerable questions trip a check makes the fit trust the check less: the other sets'
    unanswerable questions near the threshold rise more than their answerable ones (axis > 0), which a new set like
    the others does not do; a real fit of eval.calibrate's model (weights, grouped folds, Platt scaling)."""
    from eval.calibrate_validate import joining, joining_line

    features = ["cover_top", "unknown_names"]
    rng = np.random.default_rng(5)
    x, examples, member = _sets_for_joining(rng, misfiring=0.5)
    trading = joining(x, examples, member, "new", features)
    x, examples, member = _sets_for_joining(np.random.default_rng(5), misfiring=0.05)
    alike = joining(x, examples, member, "new", features)
    assert trading["shift"]["axis"] > 0.3 and trading["shift"]["axis"] > alike["shift"]["axis"] + 0.3
    assert trading["shift"]["out_of_scope"] > trading["shift"]["answerable"]
    assert set(trading) == {"flips", "false_abstention", "near_miss", "out_of_scope", "shift", "near"}
    assert all(len(trading[k]) == 2 for k in ("false_abstention", "near_miss", "out_of_scope"))
    line = joining_line("new", trading)
    assert line.startswith("new joining the fit") and "axis +" in line


def test_a_reworded_question_shares_its_sources_label_fold_and_set_and_is_never_scored(tmp_path):
    """eval/perturb.py's variants join the training data as their source question (label, fold, set), weigh
    VARIANT_WEIGHT of it, and leave one set out neither scores them nor trains on the left-out set's variants."""
    import json

    from eval.calibrate import VARIANT_WEIGHT, is_variant, is_written, variant_examples
    from eval.calibrate_validate import with_variants
    from eval.perturb import FeatureCache

    examples = [Example("大连拆除了多少台锅炉？", 1, "readers/number r1", "r1"), Example("湘潭有地铁吗？", 0, "readers2/near_miss s1", "s1"),
                Example("长沙拆除了多少台锅炉？", 0, "place swap of r1", "r1")]
    rows = [{"question": "大连拆除了多少台锅炉？", "variant": "请问大连拆除了多少台锅炉？", "kind": "prefix_qingwen"},
            {"question": "湘潭有地铁吗？", "variant": "湘潭有地鐵嗎？", "kind": "traditional"},
            {"question": "not a training question", "variant": "请问not", "kind": "prefix_qingwen"}]
    extra = variant_examples(examples, rows)
    assert [(e.label, e.group) for e in extra] == [(1, "r1"), (0, "s1")]
    assert all(is_variant(e) and not is_written(e) for e in extra) and extra[1].origin.startswith("readers2/near_miss s1")
    (tmp_path / "variants.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    FeatureCache(tmp_path / "features.jsonl").matrix([e.question for e in extra], lambda t: np.ones((len(t), len(FEATURES))),
                                                     log=lambda _: None)
    x = np.zeros((3, len(FEATURES)))
    all_examples, all_x, member = with_variants(examples, x, ["readers", "readers2", "readers"], str(tmp_path), log=lambda _: None)
    assert len(all_examples) == 5 and all_x.shape == (5, len(FEATURES)) and member[3:] == ["readers", "readers2"]
    assert 0 < VARIANT_WEIGHT <= 1


def test_a_variant_weighs_its_share_of_a_written_question_in_the_fit(monkeypatch):
    import eval.calibrate as calibrate

    seen = {}

    def fake_fit(x, y, features, weights, groups=None, cap=None, cs=()):
        seen["weights"] = weights
        return {"coef": [0.0], "intercept": 0.0}, np.full(len(y), 0.5)

    monkeypatch.setattr(calibrate, "fit", fake_fit)
    examples = [Example("a", 1, "readers/number r1", "r1"), Example("b", 0, "readers/near_miss r2", "r2"),
                Example("c", 0, "place swap of r1", "r1"), Example("d", 1, f"readers/number r1{calibrate.VARIANT}lower", "r1"),
                Example("e", 0, f"readers/near_miss r2{calibrate.VARIANT}traditional", "r2")]
    calibrate.fit_model(np.zeros((5, len(FEATURES))), examples, ["cover_top"])
    w = calibrate.VARIANT_WEIGHT
    assert list(seen["weights"]) == [1.0, calibrate.REAL_NEGATIVE_WEIGHT, calibrate.GENERATED_WEIGHT, w,
                                     w * calibrate.REAL_NEGATIVE_WEIGHT]


def test_training_data_is_read_back_from_its_cache_without_a_retriever(tmp_path):
    import pickle

    from eval.calibrate import TRAINING_SETS
    from eval.calibrate_validate import training_data

    data = {"examples": [Example("a", 1, "readers/number r1", "r1")], "x": np.zeros((1, len(FEATURES))),
            "member": ["readers"], "features": list(FEATURES), "sets": list(TRAINING_SETS)}
    (tmp_path / "train.pkl").write_bytes(pickle.dumps(data))
    examples, x, member = training_data(None, lambda _: None, str(tmp_path / "train.pkl"))
    assert examples == data["examples"] and member == ["readers"] and x.shape == (1, len(FEATURES))
