"""``ActorKnowledge``: the actor tables of ``data/`` (plus a user's file), loaded once."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.actors.tables import Entry, Gazetteer, Role, TermLexicon, shape, stem
from detente.errors import ConfigError

SECTOR_CODES = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "SPY",
        "COP",
        "PTY",
        "OPP",
        "REB",
        "MED",
        "BUS",
        "CVL",
        "ELI",
        "REF",
        "EDU",
        "LAB",
        "AGR",
        "CRM",
        "REL",
        "HLH",
        "UAF",
    ]
)
PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end")

Tokenize = Callable[[str], list[str]]


def _blank_tokenizer() -> Tokenize:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return lambda text: [t.text for t in tokenizer(text)]


@dataclass(slots=True)
class ActorKnowledge:
    """Everything the resolver looks up: names, sector words, people and their offices."""

    names: Gazetteer
    terms: TermLexicon
    people: dict[str, list[Role]]
    tokenize: Tokenize
    sources: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, actors_file: str | Path | None = None) -> ActorKnowledge:
        """The packaged tables, with ``actors_file`` (YAML or TSV) added on top."""
        knowledge = cls(Gazetteer(), TermLexicon(), {}, _blank_tokenizer())
        knowledge._load_countries(_read_data("countries.tsv"))
        knowledge._load_igos(yaml.safe_load(_read_data("igos.yaml")) or {})
        knowledge._load_institutions(yaml.safe_load(_read_data("institutions.yaml")) or {})
        knowledge._load_sectors(yaml.safe_load(_read_data("sectors.yaml")) or {})
        knowledge._load_people(_tsv_rows(_read_data("people.tsv"), "people.tsv"))
        knowledge.sources.append("detente.actors/data")
        if actors_file is not None:
            knowledge._load_user(Path(actors_file))
        knowledge.names.index_misspellings()
        knowledge.terms.index_misspellings()
        return knowledge

    def add_name(self, text: str, entry: Entry, *, replace: bool = False) -> None:
        words = self.tokenize(text)
        pattern = tuple(shape(w) for w in words if w.replace(".", ""))
        if entry.kind == "person":
            pattern = ()
        stamped = dataclasses.replace(entry, pattern=pattern)
        self.names.add(words, stamped, replace=replace)

    def roles(self, name: str) -> list[Role]:
        return self.people.get(name, [])

    # -- packaged tables -------------------------------------------------------------------

    def _load_countries(self, text: str) -> None:
        for row in _tsv_rows(text, "countries.tsv"):
            sector = _sector(row.get("sector"), "countries.tsv")
            self.add_name(row["text"], Entry(row["kind"], row["iso3"], sector, name=row["text"]))

    def _load_igos(self, data: dict[str, Any], *, user: bool = False) -> None:
        for item in data.get("igos") or []:
            short = str(item["short"])
            sector = _sector(item.get("sector"), "igos.yaml")
            for text in item.get("names") or []:
                entry = Entry("igo", "IGO", sector, short, short, user=user)
                self.add_name(str(text), entry, replace=user)
        for item in data.get("militant_groups") or []:
            names = [str(n) for n in item.get("names") or []]
            country = str(item.get("country") or "IMG")
            for text in names:
                entry = Entry("militant", country, "REB", name=names[0], user=user)
                self.add_name(text, entry, replace=user)

    def _load_institutions(self, data: dict[str, Any], *, user: bool = False) -> None:
        for item in data.get("institutions") or []:
            sector = _sector(item.get("sector"), "institutions")
            names = [str(n) for n in item.get("names") or []]
            for text in names:
                entry = Entry(
                    "institution",
                    str(item["country"]),
                    sector,
                    name=names[0],
                    user=user,
                    generic=bool(item.get("generic")),
                )
                self.add_name(text, entry, replace=user)

    def _load_sectors(self, data: dict[str, Any]) -> None:
        for sector, words in (data.get("heads") or {}).items():
            for word in words:
                self.terms.add(str(word), head=_sector(sector, "sectors.yaml"))
        for sector, words in (data.get("roles") or {}).items():
            code = None if sector == "none" else _sector(sector, "sectors.yaml")
            for word in words:
                self.terms.add(str(word), role=code, is_role=True)
        for sector, words in (data.get("modifiers") or {}).items():
            for word in words:
                self.terms.add(str(word), modifier=_sector(sector, "sectors.yaml"))
        for word in data.get("ngo") or []:
            self.terms.add(str(word), role=None, is_role=True, ngo=True)
        for word in data.get("former") or []:
            self.terms.add(str(word), modifier="ELI")
        self.terms.former = frozenset(str(w).lower() for w in data.get("former") or [])
        self.terms.diplomatic = frozenset(_stems(w) for w in data.get("diplomatic") or [])
        self.terms.groups = frozenset(_stems(w) for w in data.get("groups") or [])
        self.terms.strong = frozenset(str(w) for w in data.get("strong") or [])
        self.terms.property = frozenset(stem(str(w)) for w in data.get("property") or [])
        self.terms.relations = frozenset(stem(str(w)) for w in data.get("relations") or [])
        self.terms.ranks = frozenset(str(w).lower() for w in data.get("ranks") or [])
        self.terms.state_media = frozenset(str(w).lower() for w in data.get("state_media") or [])
        for word in data.get("state_media") or []:
            self.terms.add(str(word), modifier="GOV")
        for word in data.get("relations") or []:
            self.terms.add(str(word), role=None, is_role=True)

    def _load_people(self, rows: Iterable[dict[str, str]], *, user: bool = False) -> None:
        replaced: set[str] = set()
        for row in rows:
            name = row["name"].strip()
            if user and name not in replaced:
                self.people[name] = []
                replaced.add(name)
            country, _, igo = row["country"].strip().partition(":")
            role = Role(
                country=country,
                sector=_sector(row.get("sector"), "people"),
                title=(row.get("role") or "").strip(),
                start=_date(row.get("start")),
                end=_date(row.get("end"), end=True),
                user=user,
                igo=igo or None,
            )
            self.people.setdefault(name, []).append(role)
            for alias in [name, *_aliases(row.get("aliases"))]:
                entry = Entry("person", role.country, name=name, user=user)
                self.add_name(alias, entry)

    # -- user file -------------------------------------------------------------------------

    def _load_user(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"cannot read actors file {path}: {error}") from error
        if path.suffix.lower() in {".tsv", ".txt"}:
            self._load_people(_tsv_rows(text, str(path)), user=True)
        else:
            self._load_user_yaml(_yaml(text, path))
        self.sources.append(str(path))

    def _load_user_yaml(self, data: dict[str, Any]) -> None:
        self._load_igos(data, user=True)
        self._load_institutions(data, user=True)
        for item in data.get("countries") or []:
            entry = Entry(
                str(item.get("kind") or "name"),
                str(item["iso3"]),
                _sector(item.get("sector"), "countries"),
                name=str(item["text"]),
                user=True,
            )
            self.add_name(str(item["text"]), entry, replace=True)
        people = data.get("people") or []
        rows = [{k: _cell(v) for k, v in person.items()} for person in people]
        self._load_people(rows, user=True)


def _stems(text: Any) -> str:
    return " ".join(stem(w) for w in str(text).split())


def _read_data(name: str) -> str:
    return (resources.files("detente.actors") / "data" / name).read_text(encoding="utf-8")


def _yaml(text: str, path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ConfigError(f"{path} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with people/institutions/igos/countries")
    return data


def _tsv_rows(text: str, origin: str) -> Iterator[dict[str, str]]:
    lines = (line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ConfigError(f"{origin} line {number}: wrong number of columns")
        yield {k.strip(): v.strip() for k, v in row.items()}


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return "" if value is None else str(value)


def _aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def _sector(value: Any, origin: str) -> str | None:
    if value is None or str(value).strip() in {"", "none", "null", "-"}:
        return None
    code = str(value).strip().upper()
    if code not in SECTOR_CODES:
        raise ConfigError(f"{origin}: unknown sector {value!r}")
    return code


def _date(value: str | None, *, end: bool = False) -> date | None:
    """``2017-02-14``, ``2017-02`` or ``2017``; a partial end date means the end of that period."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 3:
            return date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            return date(parts[0], parts[1], 28 if end else 1)
        if len(parts) == 1:
            return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    except ValueError as error:
        raise ConfigError(f"bad date {text!r} in the people table") from error
    raise ConfigError(f"bad date {text!r} in the people table")
