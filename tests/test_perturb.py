"""eval/perturb.py: meaning-preserving variants of a question and the brittleness report over them."""

from __future__ import annotations

import numpy as np

from eval.perturb import FeatureCache, flips, pick, variants
from eval.questions import EvalQuestion
from retriever.answerability import FEATURES


def test_a_chinese_question_gets_the_rewordings_readers_make_without_changing_what_it_asks():
    import jieba

    found = dict(variants("大连拆除了多少台燃煤锅炉？"))
    assert found["prefix_qingwen"] == "请问大连拆除了多少台燃煤锅炉？"
    assert found["particle"] == "大连拆除了多少台燃煤锅炉呢？"  # a question word: 呢
    assert found["traditional"] == "大連拆除了多少臺燃煤鍋爐？"  # OpenCC s2t
    assert found["duoshao_ji"] == "大连拆除了几台燃煤锅炉？" and found["punct_drop"] == "大连拆除了多少台燃煤锅炉"
    assert "lower" not in found and "fullwidth" not in found  # English kinds only for English, no ASCII to widen
    asked = {w for w in jieba.lcut("大连拆除了多少台燃煤锅炉") if len(w) > 1}
    for kind in ("prefix_qingwen", "prefix_xiangzhidao", "prefix_mafan", "filler", "particle", "punct_drop"):
        assert asked <= set(jieba.lcut(found[kind])), kind  # the asked words survive the rewording


def test_a_yes_no_question_gets_ma_and_a_question_with_a_particle_none_and_money_keeps_duoshao():
    assert dict(variants("大连拆除了燃煤锅炉"))["particle"] == "大连拆除了燃煤锅炉吗"
    assert "particle" not in dict(variants("大连拆除燃煤锅炉了吗？"))
    assert "duoshao_ji" not in dict(variants("大连花了多少钱？"))  # 几钱 is no Chinese
    assert dict(variants("湘潭有几家企业？"))["duoshao_ji"] == "湘潭有多少家企业？"
    assert dict(variants("大连的PM2.5是多少"))["fullwidth"] == "大连的ＰＭ２.５是多少"
    assert variants("？？？") == [] and variants("🌳🌳🌳？？") == []  # no wording to vary


def test_an_english_question_gets_prefixes_and_case_changes():
    found = dict(variants("How many boilers did Dalian scrap?"))
    assert found["prefix_tell"] == "Can you tell me how many boilers did Dalian scrap?"
    assert found["prefix_like"] == "I'd like to know how many boilers did Dalian scrap?"
    assert found["lower"] == "how many boilers did dalian scrap?" and found["title"] == "How Many Boilers Did Dalian Scrap?"
    assert "traditional" not in found and all(v != "How many boilers did Dalian scrap?" for v in found.values())


def _q(qid: str, text: str) -> EvalQuestion:
    return EvalQuestion(qid, text, ("x",), "number", "zh", "tune", "gold")


def test_pick_samples_questions_and_variants_with_a_seed():
    questions = [_q(f"q{i}", f"大连拆除了多少台锅炉{i}？") for i in range(10)]
    one = pick(questions, 4, 1)
    assert len(one) == 4 and len({q.id for q, _, _ in one}) == 4
    assert one == pick(questions, 4, 1)  # seeded
    assert len(pick(questions, 0, 0)) == sum(len(variants(q.question)) for q in questions)


def test_the_feature_cache_computes_only_what_it_lacks_and_reads_it_back(tmp_path):
    calls = []

    def compute(texts):
        calls.append(list(texts))
        return np.array([[float(len(t))] * len(FEATURES) for t in texts])

    cache = FeatureCache(tmp_path / "features.jsonl")
    first = cache.matrix(["a", "bb", "a"], compute, log=lambda _: None)
    assert first.shape == (3, len(FEATURES)) and calls == [["a", "bb"]]
    again = FeatureCache(tmp_path / "features.jsonl").matrix(["bb", "ccc"], compute, log=lambda _: None)
    assert calls[-1] == ["ccc"] and again[0, 0] == 2.0 and again[1, 0] == 3.0


def test_flips_count_decisions_a_rewording_changes_and_blame_the_feature_that_moved():
    features = ["cover_top", "unknown_names"]
    model = {"features": features, "mean": [0.0, 0.0], "scale": [1.0, 1.0], "coef": [4.0, -6.0], "intercept": -1.0}
    x = np.zeros((3, len(FEATURES)))
    x[:, FEATURES.index("cover_top")] = 1.0  # logit 3: answered
    xv = x.copy()
    xv[0, FEATURES.index("unknown_names")] = 1.0  # the rewording trips the check: refused
    xv[1, FEATURES.index("cover_top")] = 0.9  # a small move: still answered
    report = flips(x, xv, np.array([1, 1, 0]), ["traditional", "particle", "particle"], model, 1 / 3)
    assert report["overall"]["decision_flips"] == 1 and report["overall"]["answerable_newly_refused"] == 1
    assert report["by_kind"]["traditional"]["decision_flips"] == 1 and report["by_kind"]["particle"]["decision_flips"] == 0
    assert report["features"]["unknown_names"]["blamed_flips"] == 1
    assert report["features"]["unknown_names"]["changed_by_kind"] == {"particle": 0.0, "traditional": 1.0}
    assert report["features"]["cover_top"]["changed"] == round(1 / 3, 3)


def test_the_feature_cache_takes_tune_rows_from_a_training_data_cache(tmp_path):
    import pickle

    from eval.calibrate_negatives import Example

    data = {"examples": [Example("a", 1, "gold/number g1", "g1")], "x": np.full((1, len(FEATURES)), 0.5), "features": list(FEATURES)}
    (tmp_path / "train.pkl").write_bytes(pickle.dumps(data))
    cache = FeatureCache(tmp_path / "features.jsonl")
    assert cache.seed(tmp_path / "train.pkl") == 1 and cache.seed(tmp_path / "train.pkl") == 0

    def compute(texts):
        raise AssertionError("cached rows are not computed again")

    assert FeatureCache(tmp_path / "features.jsonl").matrix(["a"], compute)[0, 0] == 0.5
