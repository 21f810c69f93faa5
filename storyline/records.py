"""The records that flow between storyline's stages.

Every record is a frozen, slotted dataclass. Offsets (``start``/``end``) are character offsets into
``Article.text`` of the article named by ``article_id``, so every derived fact can be cited back to
the words it came from. Fields that a later stage fills (``entity_id``, ...) have defaults, so any
record can be built by keyword.

``to_dict`` / ``from_dict`` turn records into JSON-ready dicts and back (dates as ISO strings).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Mapping, TypeVar

__all__ = [
    "Article",
    "Sentence",
    "Mention",
    "Timex",
    "Quote",
    "Citation",
    "SummarySentence",
    "TimelineEntry",
    "Entity",
    "QuoteGroup",
    "ClaimValue",
    "Disagreement",
    "NewSince",
    "Change",
    "Revision",
    "Story",
    "Brief",
    "AnalyzedArticle",
    "article_id_for",
    "to_dict",
    "from_dict",
]

LABELS = ("PERSON", "ORG", "LOC", "MISC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS = ("direct", "indirect", "mixed")


def article_id_for(text: str, title: str | None = None, url: str | None = None) -> str:
    """A stable id: the same article (same url, or same title and text) always gets the same id.
    Never fails: a string UTF-8 cannot encode (a lone surrogate) is hashed by its code points."""
    h = hashlib.blake2b(digest_size=8)
    if url:
        h.update(b"url\0" + url.strip().encode("utf-8", "surrogatepass"))
    else:
        h.update(b"txt\0" + (title or "").strip().encode("utf-8", "surrogatepass") + b"\0")
        h.update(" ".join(text.split()).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``id`` is derived from url or content when not given."""

    text: str
    id: str = ""
    title: str | None = None
    published: date | None = None
    published_inferred: bool = False
    source: str | None = None
    url: str | None = None
    lang: str = "en"
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id_for(self.text, self.title, self.url))
        if isinstance(self.published, datetime):
            object.__setattr__(self, "published", self.published.date())
        elif isinstance(self.published, str):
            object.__setattr__(self, "published", date.fromisoformat(self.published[:10]))

    @property
    def english(self) -> bool:
        """Whether the article is in English (or its language is unknown): only English is analysed
        for names and quotes."""
        return not self.lang or self.lang.lower().split("-")[0] in ("en", "und")

    @property
    def captured(self) -> date | None:
        """The day a crawler captured the article's page (``meta["captured"]``: a WARC-Date, a saved
        page's date), None when unknown."""
        try:
            return date.fromisoformat(str(self.meta.get("captured") or "")[:10])
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str = ""
    label: str = "MISC"
    article_id: str = ""
    entity_id: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression with its TIMEX3 type and value, anchored at ``anchor`` (a date)."""

    start: int
    end: int
    text: str = ""
    type: str = "DATE"
    value: str = ""
    article_id: str = ""
    anchor: str | None = None
    mod: str | None = None
    range_end: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str = ""
    kind: str = "direct"
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    article_id: str = ""
    speaker_entity_id: str | None = None
    speaker_resolved: str | None = None  # full name for a pronoun / bare surname speaker, when clear (a
    #                                      list of speakers: the group, "Tom Reed, Ann Hale and a spokesman")
    fragments: tuple[tuple[int, int], ...] = ()  # content pieces when the cue splits the quote
    reported_by: str | None = None  # the source that relays the speaker's words ("Xinhua"), when the article says so


@dataclass(frozen=True, slots=True)
class Citation:
    """A place in an article that carries a fact."""

    article_id: str
    start: int
    end: int
    source: str | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...] = ()
    article_id: str = ""
    start: int = 0
    end: int = 0
    truncated: bool = False  # the text is a cut prefix of its sentence (length budget); show "…"
    trimmed: bool = False    # a closing attribution ("..., officials said.") was left out: the text is
    #                          the words at start:end followed by the sentence's final mark
    differs: tuple["ClaimValue", ...] = ()  # what other sources report instead of a number, date or
    #                                         name this sentence states (from the brief's disagreements)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    granularity: str
    text: str
    citations: tuple[Citation, ...] = ()
    importance: float = 0.0  # higher first: keep the top entries of a long timeline (0..1)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: Mapping[str, int] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    speaker: str
    entity_id: str | None = None
    quotes: tuple[Quote, ...] = ()
    aliases: tuple[str, ...] = ()  # other spellings/forms of the speaker seen in the story
    citations: tuple[tuple[Citation, ...], ...] = ()  # per quote: every article that reports it


@dataclass(frozen=True, slots=True)
class ClaimValue:
    value: str
    citations: tuple[Citation, ...] = ()
    sources: tuple[str, ...] = ()  # distinct outlets (wire copies collapsed) that carry this value
    said: str = ""  # the words around the value where it is first stated ("killing 60 people and ...")
    written: str = ""  # the value in those words, as shown to a reader ("4.5 million", "$2 billion", "Sept. 2");
    #                    ``value`` is its normalised form ("4,500,000"), by which values are compared

    @property
    def shown(self) -> str:
        """The value as a reader sees it: the article's own words (``written``), else ``value``."""
        return self.written or self.value


@dataclass(frozen=True, slots=True)
class Disagreement:
    slot: str
    values: tuple[ClaimValue, ...] = ()
    note: str = ""
    kind: str = ""  # number, date, name or claim
    person: str = ""  # the named person a slot of one person is about (an age, a prison term)


@dataclass(frozen=True, slots=True)
class NewSince:
    article_id: str
    added: tuple[SummarySentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """One sentence a new version of an article rewrote (``was`` and ``now``), added (``now`` only) or
    left out (``was`` only). ``start``/``end``: where ``now`` stands in the article's current text;
    ``was_part``/``now_part``: the words that differ within a rewritten sentence."""

    was: str = ""
    now: str = ""
    start: int = 0
    end: int = 0
    was_part: str = ""
    now_part: str = ""


@dataclass(frozen=True, slots=True)
class Revision:
    """What the latest new version of an article (a correction, an update) changed in it."""

    article_id: str
    revised_at: str = ""
    changes: tuple[Change, ...] = ()
    more: int = 0  # changes beyond those listed


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    article_ids: tuple[str, ...] = ()
    duplicate_groups: tuple[tuple[str, ...], ...] = ()
    first_seen: str | None = None
    updated: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Brief:
    story_id: str
    headline: str
    summary: tuple[SummarySentence, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    new_since: tuple[NewSince, ...] = ()
    revisions: tuple[Revision, ...] = ()
    articles: tuple[Mapping[str, Any], ...] = field(default=(), hash=False)
    first_published: str | None = None
    last_published: str | None = None
    about: str | None = None     # a focused brief: the summary tells only what the articles say of this
    #                              person, organisation, place (its canonical name) or subject (the words asked)
    about_entity: str | None = None  # the entity id ``about`` resolved to, if any


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with everything the per-article analysis found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()


# --- serialization --------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (nested records included, dates as ISO strings)."""
    out = _plain(record)
    if not isinstance(out, dict):
        raise TypeError(f"to_dict expects a record, got {type(record).__name__}")
    return out


R = TypeVar("R")


def _same(value: Any) -> Any:
    return value


@functools.lru_cache(maxsize=None)
def _converter(tp: Any) -> Callable[[Any], Any]:
    """The function rebuilding a value of type ``tp`` from its ``to_dict`` form (None stays None),
    made once per type: reading a brief or an analysis back builds tens of thousands of records."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _same
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is _same:
                return lambda v: None if v is None else tuple(v)
            return lambda v: None if v is None else tuple(item(x) for x in v)
        return lambda v: None if v is None else tuple(v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda v: from_dict(tp, v) if isinstance(v, Mapping) else v
    if tp is date:
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) else v
    return _same


@functools.lru_cache(maxsize=None)
def _field_types(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


@functools.lru_cache(maxsize=None)
def _field_converters(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    return tuple((name, _converter(tp)) for name, tp in _field_types(cls))


def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
    """Rebuild a record of type ``cls`` from ``to_dict`` output; unknown keys are ignored."""
    kwargs = {name: None if (v := data[name]) is None else conv(v)
              for name, conv in _field_converters(cls) if name in data}  # type: ignore[arg-type]  # (a class is hashable)
    return cls(**kwargs)
