"""Nonsense in the styles readers actually send, generated (seeded) and answered as the product answers them:
refusal per style, beside the short real questions that must stay answered (session 30, fa12).

    python -m eval.nonsense_generated --index index_store/default --out /tmp/ns [--per-style 12] [--seed 30] [--show]

The tune sets' nonsense rows are a few dozen, two a set, and each set's blind reader found a kind of junk the check had
not seen (readers25's held-out rows were answered). These styles know no question of any set:

- ``mash.en`` / ``mash.pinyin``: keys run along a row or hit at random (asdfjkl, sdfjhsdf), letters repeated, and
  syllables of pinyin strung with no meaning (shabimao dengdeng); ``slang``: chat shorthand (yyds, xswl, hhh, 233333);
- ``emoji``: emoji strings, with or without question marks;
- ``test``: a test message (test, 测试一下, testing 123, 试试看);
- ``lorem``: lorem ipsum, Latin filler;
- ``url`` / ``path``: a pasted web address or file path;
- ``greeting``: a lone greeting, a check that someone is there, thanks (你好, 在吗, 有人吗, hello?, thanks!);
- ``polite``: an opening with no question after it (请问一下, 我想问个问题, 打扰了, excuse me, can I ask something?);
- ``repeat``: one character or sign repeated (啊啊啊啊, 。。。。, 6666, zzzz);
- ``hanzi``: characters drawn at random from the text itself, strung so that they make no words;
- ``mixed``: two to four of the greetings, polite openings and spoken fillers strung together (不好意思 那个 um 请教一下,
  hello 在吗 嗯嗯), as a reader starts and never asks;
- ``code``: code or JSON pasted (print("hello"), {"a": 1}, SELECT * FROM t);
- ``title``: a copy of the text's title (a keyword question about the whole document, reported apart: not junk).

Controls, which must stay answered: every answerable TUNE question of the keyword category and every short one (six
characters or fewer, three English words or fewer), and short questions made from the text's own words (网格员？,
燃煤锅炉?, "Dalian boilers?").

Prints per style the variants asked and refused; OUT/nonsense.jsonl holds every row; --show lists the answered junk
and the refused controls.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from eval.command import command, one_line_parser

SEED = 30
STYLES = ("mash.en", "mash.pinyin", "slang", "emoji", "test", "lorem", "url", "path", "greeting", "polite", "repeat",
          "hanzi", "code", "mixed", "title")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SYLLABLES = ("ba pa ma fa da ta na la ga ka ha zha cha sha za ca sa bo po mo fo de te ne le ge ke he zhe che she ze ce "
              "se bi pi mi di ti ni li ji qi xi bu pu mu fu du tu nu lu gu ku hu zhu chu shu zu cu su ju qu xu ai ei ao "
              "ou an en ang eng ong bai pei mao fou dan ten nang leng gong kan hen zhao chou shan zen cang song bian "
              "piao miao diu tiao niu liu jiu qiu xiu jian qian xian biao jiang qiang xiang").split()
_EMOJI = "😂🤣👍🙏😭🔥💯🌹🎉😅🙄😡🤔👀💤🌚🐶🍉⚡🌈😍🥲🫠🤡👌✌️"
_SLANG = ("yyds", "xswl", "awsl", "hhhh", "hhhhhh", "233333", "orz", "mmp", "nb", "666", "2333", "emmm", "srds", "u1s1",
          "dddd", "xdm", "lol", "lmao", "omg", "wtf", "idk", "brb", "afk", "gg", "ggwp", "bruh", "rofl", "smh", "ngl")
_TEST = ("test", "Test", "testing", "testing 123", "test test", "测试", "测试一下", "测试测试", "测一下", "试试", "试试看",
         "试一下", "this is a test", "ceshi", "1 2 3 测试", "test？", "测试123", "tset", "just testing", "测试消息")
_LOREM = ("lorem ipsum", "Lorem ipsum dolor sit amet", "consectetur adipiscing elit", "sed do eiusmod tempor",
          "ut labore et dolore magna aliqua", "dolor sit amet, consectetur", "lorem ipsum dolor sit amet?",
          "Quis nostrud exercitation ullamco", "duis aute irure dolor", "excepteur sint occaecat")
_URL = ("https://www.baidu.com/s?wd={w}", "http://www.example.com/{w}.html", "www.{w}.com", "https://mp.weixin.qq.com/s/{w}",
        "https://t.cn/{w}", "http://localhost:8080/{w}", "https://github.com/{w}/{w}", "ftp://files.{w}.org/pub")
_PATH = ("C:\\Users\\admin\\Desktop\\{w}.docx", "D:\\新建文件夹\\{w}.txt", "/home/user/{w}.pdf", "~/Downloads/{w}.zip",
         "C:/Program Files/{w}/{w}.exe", "/tmp/{w}.log", "新建文本文档 ({n}).txt", "IMG_{n}.JPG", "{w}.xlsx")
_GREETING = ("你好", "您好", "你好呀", "您好！", "在吗", "在吗？", "在不在", "有人吗", "有人吗？", "哈喽", "嗨", "早上好", "晚上好",
             "老师好", "大家好", "谢谢", "谢谢你", "好的", "好的谢谢", "hi", "Hi!", "hello", "hello?", "hey there",
             "good morning", "thanks!", "thank you", "ok", "okay", "bye", "你好，在吗？", "hello 你好")
_POLITE = ("请问一下", "请问", "我想问个问题", "我想问一下", "问一下", "打扰了", "打扰一下", "麻烦问一下", "不好意思", "请教一下",
           "冒昧问一下", "能问个问题吗", "可以问你个问题吗？", "我有个问题", "excuse me", "sorry to bother you",
           "can I ask something?", "I have a question", "quick question", "may I ask?", "question please", "请问请问")
_REPEAT = ("啊", "哈", "嗯", "哦", "。", "？", "！", "6", "1", "0", "z", "h", "a", "?", "!", ".", "…", "~", "呜", "额")
_CODE = ('print("hello world")', '{"a": 1, "b": [1, 2]}', "SELECT * FROM users;", "<div>test</div>", "console.log(1)",
         "import numpy as np", "def f(x): return x", "for i in range(10): pass", "{}", "[]", "null", "undefined",
         "NaN", "$ ls -la", "#include <stdio.h>", "a = b + c", "<br/>", "SyntaxError: invalid syntax")
_FILLER_BITS = ("嗯", "嗯嗯", "那个", "这个", "就是说", "然后", "呃", "哈", "um", "uh", "like", "so", "well", "you know",
                "sorry", "pls", "请教请教", "冒昧", "麻烦", "劳驾", "打扰了", "hello", "在吗", "老师", "亲", "hi", "谢谢",
                "excuse me", "请问", "那啥", "对吧", "啊", "哦哦")
_WORDS = ("abc", "file", "doc", "xyz", "temp", "新建", "data", "report", "aaa", "123", "tmp")


def mash_en(rng: random.Random) -> str:
    row = rng.choice(_ROWS)
    how = rng.randrange(4)
    if how == 0:  # along a row
        start = rng.randrange(len(row) - 3)
        return row[start:start + rng.randint(4, len(row) - start)]
    if how == 1:  # a stretch repeated
        start = rng.randrange(len(row) - 2)
        return row[start:start + rng.randint(2, 3)] * rng.randint(2, 4)
    if how == 2:  # keys hit at random on the home row and around
        keys = "asdfghjklqwertyuiopzxcvbnm"
        return "".join(rng.choice(keys[:9] if rng.random() < 0.7 else keys) for _ in range(rng.randint(5, 11)))
    return " ".join("".join(rng.choice(row) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(2, 3)))


def mash_pinyin(rng: random.Random) -> str:
    words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 3))]
    return " ".join(words) if rng.random() < 0.5 else "".join(words)


def emoji(rng: random.Random) -> str:
    out = "".join(rng.choice(_EMOJI) for _ in range(rng.randint(1, 6)))
    return out + rng.choice(("", "", "？", "??", "！", "。。。"))


def repeat(rng: random.Random) -> str:
    return rng.choice(_REPEAT) * rng.randint(3, 10)


def hanzi(rng: random.Random, pool: Sequence[str], known: Callable[[str], bool]) -> str:
    """Characters of the text strung at random, no two neighbours a word the text writes (so that no word is made)."""
    for _ in range(50):
        chars = [rng.choice(pool)]
        while len(chars) < rng.randint(4, 9):
            c = rng.choice(pool)
            if not known(chars[-1] + c):
                chars.append(c)
        text = "".join(chars)
        if not any(known(text[i:i + 3]) for i in range(len(text) - 2)):
            return text + rng.choice(("", "", "？", "。"))
    return "".join(rng.choice(pool) for _ in range(6))


def _filled(frame: str, rng: random.Random) -> str:
    return frame.format(w=rng.choice(_WORDS), n=rng.randint(1, 9999))


def make(style: str, rng: random.Random, pool: Sequence[str], known: Callable[[str], bool], titles: Sequence[str]) -> str:
    """One variant of a style (deterministic under the rng)."""
    if style == "mash.en":
        return mash_en(rng)
    if style == "mash.pinyin":
        return mash_pinyin(rng)
    if style == "slang":
        return " ".join(rng.sample(_SLANG, rng.randint(1, 3)))
    if style == "emoji":
        return emoji(rng)
    if style == "test":
        return rng.choice(_TEST)
    if style == "lorem":
        return rng.choice(_LOREM)
    if style == "url":
        return _filled(rng.choice(_URL), rng)
    if style == "path":
        return _filled(rng.choice(_PATH), rng)
    if style == "greeting":
        return rng.choice(_GREETING)
    if style == "polite":
        return rng.choice(_POLITE)
    if style == "repeat":
        return repeat(rng)
    if style == "hanzi":
        return hanzi(rng, pool, known)
    if style == "code":
        return rng.choice(_CODE)
    if style == "mixed":
        return rng.choice((" ", "，", "", ", ")).join(rng.sample(_FILLER_BITS, rng.randint(2, 4))) + rng.choice(("", "？", "…"))
    if style == "title":
        title = rng.choice(titles)
        parts = [p for p in re.split(r"\s*[—-]{1,2}\s*", title) if p.strip()]
        return rng.choice([title, *parts])
    raise ValueError(style)


def generated(per_style: int, seed: int, pool: Sequence[str], known: Callable[[str], bool],
              titles: Sequence[str]) -> list[tuple[str, str]]:
    """[(style, text)]: up to per_style distinct texts per style (fewer when a style's list is shorter)."""
    rng = random.Random(seed)
    out = []
    for style in STYLES:
        seen: set[str] = set()
        for _ in range(per_style * 8):
            if len(seen) >= per_style:
                break
            text = make(style, rng, pool, known, titles)
            if text not in seen:
                seen.add(text)
                out.append((style, text))
    return out


_SHORT_EN = ("Dalian boilers?", "grid inspectors?", "Jining fines?", "Xiangtan PPP?", "Nanyang water?",
             "Zhubugang companies?", "coal boilers Dalian", "Jining smog", "Haikou forum date?", "Xiangtan heavy metals")


def short_controls(text: str, seed: int, per: int = 20) -> list[tuple[str, str]]:
    """[("short.zh" | "short.en", question)]: a noun of the text alone, as a reader types a keyword question."""
    from retriever.answerability.units import pos_tagger

    words = sorted({w for w, t in pos_tagger().cut(re.sub(r"\s+", "", text))
                    if t in ("n", "nz", "ns", "nt", "vn") and len(w) >= 3})
    rng = random.Random(seed)
    chosen = rng.sample(words, min(per, len(words)))
    ends = ("？", "?", "", "呢？", "是什么？")
    out = [("short.zh", w + rng.choice(ends)) for w in chosen]
    return out + [("short.en", q) for q in _SHORT_EN]


def tune_controls() -> list[tuple[str, str]]:
    """[("keyword" | "short", question)]: answerable tune questions of the keyword category and short ones."""
    from eval.questions import TUNE_SETS, load_questions

    out = []
    for q in load_questions(TUNE_SETS, split="tune"):
        if q.split != "tune" or q.history or not q.answerable:
            continue
        chinese = re.search(r"[\u4e00-\u9fff]", q.question)
        short = len(re.sub(r"\W", "", q.question)) <= 6 if chinese else len(q.question.split()) <= 3
        if q.category == "keyword" or short:
            out.append(("keyword" if q.category == "keyword" else "short", q.question))
    return out


def run(index: str | None, out: Path, per_style: int, seed: int, show: bool, log: Callable[[str], None] = print) -> dict:
    """Ask every generated nonsense text and every control; write OUT/nonsense.jsonl and OUT/report.json."""
    from eval.run import opened_retriever
    from index.normalize import search_key

    rows = []
    with opened_retriever(index, None, fresh=index is None, log=log) as retriever:
        chunks = retriever.chunks
        text = "".join(c.text for c in chunks)
        key = search_key(text)
        pool = sorted({c for c in key if re.match(r"[\u4e00-\u9fff]", c)})
        titles = [c.text for c in chunks if c.kind == "title"] or [text[:20]]
        junk = generated(per_style, seed, pool, lambda s: s in key, titles)
        controls = short_controls(text, seed) + tune_controls()
        for style, q in junk + controls:
            a = retriever.answer(q, k=5)
            rows.append({"style": style, "question": q, "junk": style in STYLES and style != "title",
                         "refused": a.abstained, "confidence": round(float(a.confidence), 4)})
    out.mkdir(parents=True, exist_ok=True)
    (out / "nonsense.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    report = {}
    log(f"{'style':<12} {'n':>4} {'refused':>8}")
    order = [*STYLES, "short.zh", "short.en", "keyword", "short"]
    for style in order:
        sel = [r for r in rows if r["style"] == style]
        report[style] = {"n": len(sel), "refused": sum(r["refused"] for r in sel)}
        log(f"{style:<12} {len(sel):>4} {report[style]['refused']:>8}")
    junk_rows = [r for r in rows if r["junk"]]
    ctrl = [r for r in rows if r["style"] not in STYLES]
    report["JUNK"] = {"n": len(junk_rows), "refused": sum(r["refused"] for r in junk_rows)}
    report["CONTROLS"] = {"n": len(ctrl), "refused": sum(r["refused"] for r in ctrl)}
    log(f"junk (all styles but title) refused {report['JUNK']['refused']} of {report['JUNK']['n']}; "
        f"controls refused {report['CONTROLS']['refused']} of {report['CONTROLS']['n']}")
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if show:
        for r in rows:
            if r["junk"] and not r["refused"]:
                log(f"answered {r['style']:<12} {r['confidence']:.3f} {r['question']}")
        for r in rows:
            if r["style"] not in STYLES and r["refused"]:
                log(f"refused  {r['style']:<12} {r['confidence']:.3f} {r['question']}")
    return report


@command
def main(argv: Sequence[str] | None = None) -> int:
    from eval.command import checked_index_and_out
    from index.env import apply_defaults
    from index.errors import InvalidArgumentError

    apply_defaults()
    parser = one_line_parser("python -m eval.nonsense_generated", __doc__)
    parser.add_argument("--out", required=True, help="folder of the rows and the report (not eval/reports)")
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--per-style", type=int, default=12, help="texts per style (a seeded choice)")
    parser.add_argument("--seed", type=int, default=SEED, help="the seed of the styles' choices")
    parser.add_argument("--show", action="store_true", help="list the answered junk and the refused controls")
    args = parser.parse_args(argv)
    if args.per_style < 1:
        raise InvalidArgumentError(f"--per-style: {args.per_style}; give 1 or more")
    checked_index_and_out(args)
    run(args.index, Path(args.out), args.per_style, args.seed, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
