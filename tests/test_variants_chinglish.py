"""eval/variants_chinglish.py: learner-English rewrites of English tune questions (no retriever needed)."""
import random

from eval import variants_chinglish as vc


def test_rewrites_are_seeded_and_in_chinese_order():
    rng = random.Random(1)
    made = vc.insitu("How many coal boilers did Dalian dismantle?", rng)
    assert made and made[0].endswith("?") and "how many" in made[0] and not made[0].lower().startswith("how many")
    assert vc.have("How many grids does Jining have?", random.Random(2))[0].startswith("Jining")
    assert vc.telegraph("What did the official say about the data?", random.Random(3)) != []
    assert vc.insitu("Dalian dismantle coal boiler how many?", random.Random(4)) == []

    class Q:
        def __init__(self, text):
            self.question, self.id = text, text[:5]

    questions = [Q("How many coal boilers did Dalian dismantle?"), Q("Who operates the village sewage plants in Nanyang?")]
    first, second = vc.pick(questions, seed=7), vc.pick(questions, seed=7)
    assert [(k, v) for _, k, v in first] == [(k, v) for _, k, v in second]
    assert {k for _, k, _ in first} <= set(vc.KINDS)
