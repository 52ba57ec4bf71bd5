"""Gold sets in the three formats of ``gold/FORMAT.md``, read into typed records.

    detente  JSONL, one article a line with its international events (``GoldArticle``)
    plv      TSV of sentences with a marked source and target and a PLV class (``GoldPair``)
    plover   JSON array of PLOVER GSR records (``GoldArticle``, one per record)

Character offsets are half-open (``start <= i < end``) into the text that is coded.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any

from detente.errors import GoldFormatError
from detente.evaluate.labels import (
    PLV_CLASSES,
    base_sector,
    iso_country,
    plover05_class,
)
from detente.ingest.articles import parse_date

FORMATS = ("detente", "plv", "plover")
PLV_COLUMNS = ("sentence", "marked_sentence", "gold_root", "gold_penta")
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor as the annotator coded it: its words, country (ISO3 or ``IGO``) and sector."""

    text: str
    country: str | None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """Source did ``label`` to target; ``alt`` are other labels that count as correct."""

    source: GoldActor
    target: GoldActor
    label: str
    alt: tuple[str, ...] = ()
    quote: str = ""

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.label, *self.alt)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A text with its gold events and the actors whose coding is checked."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]
    actors: tuple[GoldActor, ...] = ()
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class GoldPair:
    """A PLV sentence: marked source and target spans (none when implicit) and the gold class."""

    id: str
    sentence: str
    marked: str
    sources: tuple[Span, ...]
    targets: tuple[Span, ...]
    label: str
    quad: int


GoldItem = GoldArticle | GoldPair


def detect_format(path: Path) -> str:
    """``detente``, ``plv`` or ``plover``, from the beginning of the file."""
    head = read_text(path)[:4096].lstrip("\ufeff").lstrip()
    first_line = head.split("\n", 1)[0]
    if head.startswith("["):
        return "plover"
    if "\t" in first_line and "marked_sentence" in first_line.split("\t"):
        return "plv"
    if head.startswith("{"):
        return "detente"
    raise GoldFormatError(f"{path}: not a gold file in a known format ({', '.join(FORMATS)})")


def read_gold(path: Path, fmt: str) -> list[GoldItem]:
    """The items of a gold file in format ``fmt``."""
    if fmt == "detente":
        return list(read_detente(path))
    if fmt == "plv":
        return list(read_plv(path))
    if fmt in ("plover", "plover-gsr"):
        return list(read_plover(path))
    raise GoldFormatError(f"unknown gold format {fmt!r}; expected one of {', '.join(FORMATS)}")


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise GoldFormatError(f"gold file not found: {path}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"cannot read gold file {path}: {error}") from error


# -- detente JSONL ---------------------------------------------------------------------------------


def read_detente(path: Path) -> Iterator[GoldArticle]:
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFormatError(f"{where}: invalid JSON: {error.msg}") from error
        yield detente_article(record, base=path.parent, where=where)


def detente_article(record: object, *, base: Path, where: str) -> GoldArticle:
    """A ``GoldArticle`` from one line of detente gold; ``path`` is read relative to ``base``."""
    if not isinstance(record, dict):
        raise GoldFormatError(f"{where}: a line must be a JSON object")
    events = tuple(
        detente_event(item, where=f"{where} event {i}")
        for i, item in enumerate(record.get("events") or [])
    )
    actors = tuple(dict.fromkeys(a for event in events for a in (event.source, event.target)))
    return GoldArticle(
        id=str(record.get("id") or where),
        text=article_text(record, base=base, where=where),
        events=events,
        actors=actors,
        title=_optional_str(record.get("title")),
        published=parse_date(record.get("published")),
    )


def article_text(record: dict[str, Any], *, base: Path, where: str) -> str:
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return text
    relative = record.get("path")
    if not isinstance(relative, str) or not relative:
        raise GoldFormatError(f"{where}: the article has neither 'text' nor 'path'")
    try:
        return (base / relative).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        message = f"{where}: cannot read the article text {relative}: {error}"
        raise GoldFormatError(message) from error


def detente_event(item: object, *, where: str) -> GoldEvent:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{where}: an event must be a JSON object")
    cameo = item.get("cameo")
    if not isinstance(cameo, str) or not re.fullmatch(r"\d{2,4}", cameo):
        raise GoldFormatError(f"{where}: 'cameo' must be a CAMEO code of 2 to 4 digits")
    alt = tuple(dict.fromkeys(str(code)[:2] for code in item.get("alt") or ()))
    return GoldEvent(
        source=detente_actor(item.get("source"), where=f"{where} source"),
        target=detente_actor(item.get("target"), where=f"{where} target"),
        label=cameo[:2],
        alt=tuple(code for code in alt if code != cameo[:2]),
        quote=_optional_str(item.get("quote")) or "",
    )


def detente_actor(item: object, *, where: str) -> GoldActor:
    if not isinstance(item, dict) or not isinstance(item.get("country"), str):
        raise GoldFormatError(f"{where}: an actor needs a 'country' code")
    return GoldActor(
        text=_optional_str(item.get("text")) or "",
        country=iso_country(item["country"]),
        sector=_optional_str(item.get("sector")),
    )


# -- PLV TSV ---------------------------------------------------------------------------------------


def read_plv(path: Path) -> Iterator[GoldPair]:
    reader = csv.DictReader(io.StringIO(read_text(path)), delimiter="\t")
    missing = [name for name in PLV_COLUMNS if name not in (reader.fieldnames or ())]
    if missing:
        raise GoldFormatError(f"{path}: PLV file lacks the columns {', '.join(missing)}")
    for number, row in enumerate(reader, start=2):
        yield plv_pair(row, where=f"{path}:{number}")


def plv_pair(row: dict[str, str], *, where: str) -> GoldPair:
    label = (row.get("gold_root") or "").strip().upper()
    if label not in PLV_CLASSES:
        raise GoldFormatError(f"{where}: gold_root {label!r} is not one of the 15 PLV classes")
    try:
        quad = int(row.get("gold_penta") or "")
    except ValueError as error:
        raise GoldFormatError(f"{where}: gold_penta must be a quad class 1..4") from error
    sentence, marked = row["sentence"], row["marked_sentence"]
    plain, spans = unmark(marked)
    if plain != sentence:
        raise GoldFormatError(f"{where}: marked_sentence without its marks differs from sentence")
    return GoldPair(
        id=(row.get("sentence_id") or row.get("uid") or where).strip() or where,
        sentence=sentence,
        marked=marked,
        sources=spans["s"],
        targets=spans["t"],
        label=label,
        quad=quad,
    )


_MARK = re.compile(r"<(/?)([st])>")


def unmark(marked: str) -> tuple[str, dict[str, tuple[Span, ...]]]:
    """The sentence without ``<s>``/``<t>`` marks, and the marked spans in it, per mark."""
    pieces: list[str] = []
    opened: dict[str, int] = {}
    spans: dict[str, list[Span]] = {"s": [], "t": []}
    length = 0
    position = 0
    for match in _MARK.finditer(marked):
        piece = marked[position : match.start()]
        pieces.append(piece)
        length += len(piece)
        position = match.end()
        closing, name = match.group(1) == "/", match.group(2)
        if not closing:
            opened[name] = length
        elif name in opened:
            spans[name].append((opened.pop(name), length))
    pieces.append(marked[position:])
    return "".join(pieces), {name: tuple(found) for name, found in spans.items()}


# -- PLOVER GSR JSON -------------------------------------------------------------------------------


def read_plover(path: Path) -> Iterator[GoldArticle]:
    try:
        records = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise GoldFormatError(f"{path}: invalid JSON: {error.msg}") from error
    if not isinstance(records, list):
        raise GoldFormatError(f"{path}: a PLOVER GSR file is a JSON array of records")
    for number, record in enumerate(records):
        where = f"{path} record {number}"
        if not isinstance(record, dict):
            raise GoldFormatError(f"{where}: a record must be a JSON object")
        if str(record.get("event", "")).upper() == "DOCUMENT":
            continue
        yield plover_article(record, where=where)


def plover_article(record: dict[str, Any], *, where: str) -> GoldArticle:
    """One GSR record: its event between every international source x target pair.

    The record's ``date`` is a placeholder (2000-01-01), so no publication date is passed on."""
    text = record.get("text")
    event = record.get("event")
    if not isinstance(text, str) or not isinstance(event, str):
        raise GoldFormatError(f"{where}: a record needs 'text' and 'event' strings")
    sources = plover_actors(record.get("source"), where=f"{where} source")
    targets = plover_actors(record.get("target"), where=f"{where} target")
    label = plover05_class(event)
    pairs = dict.fromkeys(
        GoldEvent(source=s, target=t, label=label, quote=str(record.get("eventText") or ""))
        for s, t in product(sources, targets)
        if is_international(s, t)
    )
    scored = tuple(actor for actor in (*sources, *targets) if actor.country is not None)
    return GoldArticle(
        id=str(record.get("id") or where),
        text=text,
        events=tuple(pairs),
        actors=tuple(dict.fromkeys(scored)),
    )


def plover_actors(value: object, *, where: str) -> tuple[GoldActor, ...]:
    """Actors of a GSR ``source`` or ``target`` field: a list of objects, or ``""`` when empty."""
    if not isinstance(value, list):
        return ()
    actors: list[GoldActor] = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("actorText"), str):
            raise GoldFormatError(f"{where}: an actor needs 'actorText'")
        actors.append(
            GoldActor(
                text=item["actorText"],
                country=iso_country(_optional_str(item.get("code"))),
                sector=base_sector(_optional_str(item.get("sector"))),
            )
        )
    return tuple(actors)


def is_international(source: GoldActor, target: GoldActor) -> bool:
    """Different countries, or an IGO on either side (two IGOs must have different names)."""
    if source.country is None or target.country is None:
        return False
    if "IGO" in (source.country, target.country):
        return source.country != target.country or source.text != target.text
    return source.country != target.country


# -- text helpers ----------------------------------------------------------------------------------


def find_phrase(text: str, phrase: str) -> Span | None:
    """Where ``phrase`` first occurs in ``text`` as whole words: exact, then ignoring case, curly
    and straight quotes alike, any run of spaces matching any other; a phrase with ``...`` (or
    ``..``) in it spans from its first part to its last. None when it is not there."""
    phrase = phrase.strip()
    if not phrase:
        return None
    parts = [part.strip() for part in re.split(r"\s*\.{2,}\s*|\s*…\s*", phrase) if part.strip()]
    if len(parts) > 1:
        first = find_phrase(text, parts[0])
        last = find_phrase(text[first[1] :], parts[-1]) if first else None
        if first and last:
            return first[0], first[1] + last[1]
        return None
    text, phrase = text.translate(_QUOTES), phrase.translate(_QUOTES)
    spaced = r"\s+".join(re.escape(word) for word in phrase.split())
    words = re.compile(rf"(?<!\w){spaced}(?!\w)")
    found = words.search(text) or re.compile(words.pattern, re.IGNORECASE).search(text)
    return (found.start(), found.end()) if found else None


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)|\n")


def sentence_around(text: str, phrase: str) -> str:
    """The sentence of ``text`` that contains ``phrase`` (the phrase itself when not found)."""
    span = find_phrase(text, phrase)
    if span is None:
        return phrase
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    start = max((end for end in ends if end <= span[0]), default=0)
    stop = min((end for end in ends if end >= span[1]), default=len(text))
    return text[start:stop].strip()


def _optional_str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
