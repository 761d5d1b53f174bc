"""What the index knows about the people, places and organisations a conversation can refer to.

Built once per index from its speakers (a role such as 河南省南阳市环保局局长 gives the person's
city and province; an organisation such as 广州普邦园林股份有限公司 gives a company and its city),
the cities and provinces its text names (济宁市, 广州市, 辽宁省), and the bilingual lexicon for
English and pinyin names (jining → 济宁, zhanghaibing → 张海冰).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from index.normalize import CJK_RANGES

_PLACE_SUFFIX = re.compile("[市省]")
_PROVINCE = re.compile(f"^([{CJK_RANGES}]{{2,3}}?)省")
_CITY = re.compile(f"^([{CJK_RANGES}]{{2,3}}?)市")
_COMPANY_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|公司|集团)$")
_BUREAU = re.compile(r"环保局|环境保护局|环境局|生态环境")
_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*(?:'s)?")
_PINYIN = re.compile(r"^[a-z]{4,}$")
_QUANTIFIERS = set("各全本该每此两三四五六七八九十多")  # 各县市, 全市: not place names
_HOST = re.compile("主持")
HOST_ALIASES = ("主持人",)  # a host is referred to by their part in the dialogue: 主持人是谁？ → 他怎么看…？
HOST_ENGLISH = ("moderator", "host")


class EntityKind(str, Enum):
    """What a name refers to."""

    PERSON = "person"
    PLACE = "place"
    ORG = "org"


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation: its Chinese name and aliases, its English forms, and links.

    ``speaker`` is the speaker the entity belongs to (a person is their own; a city or company
    has the speaker whose role names it, when only one does); ``city`` is a person's or a
    company's city and ``org`` a person's company.
    """

    kind: EntityKind
    name: str
    aliases: tuple[str, ...]
    english: tuple[str, ...] = ()  # lower-case, without spaces: 'jining', 'zhanghaibing'
    speaker: str = ""
    city: str = ""
    org: str = ""
    given_english: tuple[str, ...] = ()  # a person's given name in pinyin ('guojun'), for 'Su Guojun'
    display: str = ""  # the English name to write ('jining', 'pubang'): a key of the lexicon, so it is understood
    province: bool = False
    title: str = ""  # a person's title as the speaker list gives it (局长, 副总裁): how others call them (张局长, 区总)

    def label(self, chinese: bool) -> str:
        """How to write the entity in a question: its Chinese name, or for English a pinyin name. A host is written by
        their part in the dialogue (session 30: 主持人, not 中国环境报, the newspaper the transcript labels the moderator
        with: 他是哪家报社的总编辑？ → 主持人是哪家报社的总编辑？)."""
        if chinese and self.kind == EntityKind.PERSON and self.name not in HOST_ALIASES and HOST_ALIASES[0] in self.aliases:
            return HOST_ALIASES[0]
        return self.name if chinese or not self.display else self.display[:1].upper() + self.display[1:]


@dataclass(frozen=True)
class Mention:
    """An entity named in a text, with the exact characters that name it."""

    entity: Entity
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Knowledge:
    """The entities of an index, looked up by name in Chinese or English text."""

    entities: tuple[Entity, ...] = ()
    titles: tuple[str, ...] = ()  # the speakers' titles (局长, 副总裁): who holds one is a city's or company's person
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({e.name: e for e in self.entities})

    def get(self, name: str) -> Entity | None:
        """The entity of that Chinese name, or None."""
        return self._by_name.get(name)

    def speaker_entity(self, speaker: str) -> Entity | None:
        """The person entity of a speaker name, or None."""
        entity = self._by_name.get(speaker)
        return entity if entity is not None and entity.kind == EntityKind.PERSON else None

    def find(self, text: str) -> list[Mention]:
        """The entities a text names, left to right (Chinese names and English/pinyin names)."""
        text = unicodedata.normalize("NFKC", text)
        found = self._find_chinese(text) + self._find_english(text)
        return sorted(found, key=lambda m: m.start)

    def _find_chinese(self, text: str) -> list[Mention]:
        aliases = sorted(((a, e) for e in self.entities for a in e.aliases), key=lambda x: -len(x[0]))
        taken = [False] * len(text)
        found = []
        for alias, entity in aliases:
            start = text.find(alias)
            while start >= 0:
                end = start + len(alias)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    found.append(Mention(entity, start, end, alias))
                start = text.find(alias, end)
        return found

    def _find_english(self, text: str) -> list[Mention]:
        tokens = [(m.start(), m.end(), m.group()) for m in _EN_TOKEN.finditer(text)]
        keys = {key: e for e in self.entities for key in e.english}
        given = {key: e for e in self.entities for key in e.given_english}
        found, i = [], 0
        while i < len(tokens):
            hit = None
            for size in (3, 2, 1):  # the longest run of words that spells a name: 'Zhang Haibing', 'Jining'
                run = tokens[i : i + size]
                if len(run) < size or (size > 1 and not all(t[2][0].isupper() for t in run)):
                    continue
                key = "".join(re.sub(r"'s$", "", t[2]).replace("-", "").lower() for t in run)
                entity = keys.get(key)
                if entity is None and size == 2 and len(run[0][2]) <= 4:  # surname + known given name: 'Su Guojun'
                    entity = given.get(re.sub(r"'s$", "", run[1][2]).lower())
                if entity is not None:
                    end = run[-1][1] - (2 if run[-1][2].endswith("'s") else 0)
                    hit = Mention(entity, run[0][0], end, text[run[0][0] : end])
                    i += size
                    break
            if hit is None:
                i += 1
            else:
                found.append(hit)
        return found


def _short_org(organisation: str, places: Iterable[str]) -> str:
    """普邦园林 of 广州普邦园林股份有限公司: the name without its province, city and company suffix."""
    name = re.sub(f"^[{CJK_RANGES}]{{2,3}}?省", "", organisation)
    for place in sorted(places, key=len, reverse=True):
        for prefix in (place + "市", place):
            if name.startswith(prefix) and len(name) > len(prefix) + 1:
                name = name[len(prefix) :]
                break
    return _COMPANY_SUFFIX.sub("", name)


def _english_of(lexicon: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Chinese term -> its pinyin keys in the lexicon (single words of letters only)."""
    out: dict[str, list[str]] = {}
    for key, terms in lexicon.items():
        if _PINYIN.match(key):
            for term in terms:
                out.setdefault(term, []).append(key)
    return out


def build_knowledge(speakers, texts: Iterable[str], lexicon: Mapping[str, list[str]] | None = None) -> Knowledge:
    """The entities of an index.

    Args:
        speakers: the real speakers (index.records.Speaker: name, role, organisation).
        texts: the passages' texts, where cities and provinces are named (济宁市, 辽宁省).
        lexicon: the index's English/pinyin lexicon (Retriever.backend.lexicon).

    Returns:
        A Knowledge with a person per speaker, a place per city or province, and an
        organisation per speaker's company (a city's environment bureau is its city). A host (a speaker
        whose title or role starts with 主持) is also named by 主持人, moderator and host.
    """
    english = _english_of(lexicon or {})
    speakers = list(speakers)
    province_of: dict[str, str] = {}
    city_of: dict[str, str] = {}
    for s in speakers:
        for source in (s.organisation, s.role):
            tail = source
            province = _PROVINCE.match(tail)
            if province:
                province_of.setdefault(s.name, province.group(1))
                tail = tail[province.end() :]
            city = _CITY.match(tail)
            if city:
                city_of.setdefault(s.name, city.group(1))
    suffix_of = {c: "市" for c in city_of.values()} | {p: "省" for p in province_of.values()}
    tags = word_tags()
    for text in texts:  # X市 / X省 where jieba's dictionary tags X (or X市) as a place name
        text = re.sub(r"\s+", "", text)
        for match in _PLACE_SUFFIX.finditer(text):
            for size in (2, 3):
                name = text[max(match.start() - size, 0) : match.start()]
                if len(name) == size and name[0] not in _QUANTIFIERS and "ns" in (tags.get(name), tags.get(name + match.group())):
                    suffix_of.setdefault(name, match.group())
                    break
    places = set(suffix_of)
    for s in speakers:  # a company's city when the role names none: 广州 of 广州普邦园林股份有限公司
        if s.name not in city_of:
            city = next((p for p in sorted(places, key=len, reverse=True) if s.organisation.startswith(p)), "")
            if city:
                city_of[s.name] = city

    entities: list[Entity] = []
    org_of: dict[str, str] = {}
    for s in speakers:
        if not s.organisation or _BUREAU.search(s.organisation):
            continue
        short = _short_org(s.organisation, places)
        if len(short) < 2:
            continue
        aliases = {s.organisation, short, short + "公司"}
        if len(short) == 4 and tags.get(short[:2]) != "ns" and short[:2] not in places:
            aliases.add(short[:2])  # 普邦 of 普邦园林 (not 中国 of 中国环境报社)
        aliases.discard(s.name)
        keys = tuple(sorted({k for a in aliases for k in english.get(a, [])} | _joined(short, english)))
        org_of[s.name] = short
        aliases = tuple(sorted(aliases, key=len, reverse=True))
        shortest = next((english[a] for a in sorted(aliases, key=len) if english.get(a)), [])
        display = max(shortest, key=len) if shortest else ""
        entities.append(Entity(EntityKind.ORG, short, aliases, keys, s.name, city_of.get(s.name, ""), display=display))
    for s in speakers:
        given = s.name[1:] if len(s.name) >= 3 else ""
        host = bool(_HOST.match(s.title) or _HOST.match(s.role))
        aliases = (s.name, *(a for a in HOST_ALIASES if host and a != s.name))
        keys = set(english.get(s.name, [])) | (set(HOST_ENGLISH) if host else set())
        entities.append(
            Entity(
                EntityKind.PERSON, s.name, aliases, tuple(sorted(keys)), s.name,
                city_of.get(s.name, ""), org_of.get(s.name, ""), tuple(sorted(set(english.get(given, [])))),
                display=_person_display(s.name, english.get(s.name, []), host), title="" if host else s.title,
            )
        )
    for place in sorted(places):
        owners = sorted({n for n, c in city_of.items() if c == place} | {n for n, p in province_of.items() if p == place})
        entities.append(
            Entity(
                EntityKind.PLACE, place, (place + suffix_of[place], place), tuple(sorted(set(english.get(place, [])))),
                owners[0] if len(owners) == 1 else "",
                display=_spelled(place, english.get(place, [])),
                province=suffix_of[place] == "省",
            )
        )
    titles = tuple(sorted({s.title for s in speakers if len(s.title) >= 2 and not _HOST.match(s.title)}, key=len, reverse=True))
    return Knowledge(tuple(entities), titles)


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags by word (loaded once; the abstainer loads them too)."""
    from index.tokenize import posseg

    return posseg().dt.word_tag_tab


def _spelled(name: str, keys: list[str]) -> str:
    """The English key to write for a name: its commonest pinyin (dalian, not dailian), else the longest key."""
    if not keys:
        return ""
    from index.pinyin import spellings

    common = spellings(name, limit=1)[0]
    return common if common in keys else max(keys, key=len)


# Characters read one way as a surname and another way commonly (区 ou, not qu; 单 shan, not dan; 仇 qiu, not chou).
SURNAME_READINGS = {"区": "ou", "单": "shan", "仇": "qiu", "解": "xie", "查": "zha", "朴": "piao", "盖": "ge", "曾": "zeng",
                    "覃": "qin", "黑": "he", "缪": "miao", "翟": "zhai", "乐": "yue", "种": "chong", "召": "shao"}


def _person_display(name: str, keys: list[str], host: bool) -> str:
    """How to write a person in English: 'Su Guojun' when the lexicon spells the name, 'the moderator' for a host."""
    if host:
        return "the moderator"
    spelled = _spelled(name, keys)
    if not spelled:
        return ""
    from index.pinyin import spellings

    reading = SURNAME_READINGS.get(name[0])
    own = [k for k in keys if reading and k.startswith(reading) and len(k) > len(reading)]
    if own:  # 区锦雄 is Ou Jinxiong: a surname read its own way, when the lexicon has that spelling
        spelled = min(own, key=len)
        return f"{reading.capitalize()} {spelled[len(reading):].capitalize()}"

    surname = next((s for s in spellings(name[0]) if spelled.startswith(s) and len(spelled) > len(s)), "")
    if not surname or len(name) < 2:
        return spelled.capitalize()
    return f"{surname.capitalize()} {spelled[len(surname):].capitalize()}"


def _joined(name: str, english: Mapping[str, list[str]]) -> set[str]:
    """Pinyin of a name made of two known words: 普邦园林 → pubangyuanlin."""
    out = set()
    for cut in range(2, len(name) - 1):
        for a in english.get(name[:cut], []):
            out.update(a + b for b in english.get(name[cut:], []))
    return out
