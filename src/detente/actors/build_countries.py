"""Build ``data/countries.tsv`` from the ``countryinfo`` package plus ``data/countries_extra.yaml``.

    python -m detente.actors.build_countries            # rewrite the TSV beside this module
    python -m detente.actors.build_countries --check    # exit 1 when the committed TSV is stale

Each output row is one surface form: ``text  iso3  kind  sector``. When a form belongs to several
countries the one named under ``prefer`` wins, else the most populous.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
KINDS = (
    "name",
    "abbreviation",
    "adjective",
    "people",
    "capital",
    "seat",
    "region",
    "city",
    "group",
)
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-]+$")


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    iso3: str
    kind: str
    sector: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    iso3: str
    population: int
    rows: tuple[Row, ...]


def _split(value: Any) -> list[str]:
    """Demonyms and capitals come as ``"Antiguan,Barbudan"`` or a list."""
    if not value:
        return []
    items = value if isinstance(value, list) else re.split(r"[,/]", str(value))
    return [str(item).strip() for item in items if str(item).strip()]


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


def _is_alias(text: str, skip: set[str]) -> bool:
    """Alternative spellings worth matching: Latin script, not an ISO code, not a plain word."""
    if text in skip or not LATIN.match(text):
        return False
    return not (text.isupper() and len(text) <= 3)


def _countryinfo_sources(extra: dict[str, Any]) -> Iterator[Source]:
    from countryinfo import all_countries

    skip_codes = set(extra.get("skip_codes", []))
    skip_aliases = set(extra.get("skip_aliases", []))
    skip_capitals = set(extra.get("skip_capitals", []))
    for country in all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3") or ""
        if not iso3 or iso3 in skip_codes:
            continue
        names = [info.get("name") or "", *(info.get("altSpellings") or [])]
        rows = [Row(_strip_article(n), iso3, "name") for n in names if _is_alias(n, skip_aliases)]
        rows += [Row(d, iso3, "adjective") for d in _split(info.get("demonym"))]
        rows += [
            Row(c, iso3, "capital")
            for c in _split(info.get("capital"))
            if c not in skip_capitals and LATIN.match(c)
        ]
        yield Source(iso3, int(info.get("population") or 0), tuple(rows))


def _extra_rows(iso3: str, entry: dict[str, Any]) -> Iterator[Row]:
    for kind in (
        "names",
        "abbreviations",
        "adjectives",
        "people",
        "capitals",
        "regions",
        "cities",
        "groups",
    ):
        singular = {"names": "name", "abbreviations": "abbreviation", "adjectives": "adjective"}
        label = singular.get(kind, kind.rstrip("s") if kind != "people" else "people")
        if kind == "cities":
            label = "city"
        if kind == "groups":
            label = "group"
        for text in entry.get(kind) or []:
            yield Row(_strip_article(str(text)), iso3, label)
    for text, sector in (entry.get("seats") or {}).items():
        yield Row(str(text), iso3, "seat", str(sector))


def _extra_sources(extra: dict[str, Any], population: dict[str, int]) -> Iterator[Source]:
    for iso3, entry in (extra.get("countries") or {}).items():
        yield Source(iso3, population.get(iso3, 0), tuple(_extra_rows(iso3, entry or {})))


def build_rows(extra: dict[str, Any]) -> list[Row]:
    """All forms, each owned by one country, sorted for a stable, reviewable file."""
    base = list(_countryinfo_sources(extra))
    population: dict[str, int] = {}
    for source in base:
        population[source.iso3] = max(population.get(source.iso3, 0), source.population)
    sources = base + list(_extra_sources(extra, population))
    return _resolve(sources, population, extra.get("prefer") or {})


def _resolve(
    sources: Iterable[Source], population: dict[str, int], prefer: dict[str, str]
) -> list[Row]:
    owners: dict[str, set[str]] = {}
    by_key: dict[tuple[str, str], Row] = {}
    for source in sources:
        for row in source.rows:
            owners.setdefault(row.text.lower(), set()).add(row.iso3)
            key = (row.text.lower(), row.iso3)
            if key not in by_key or KINDS.index(row.kind) > KINDS.index(by_key[key].kind):
                by_key[key] = row
    kept = []
    for (text, iso3), row in by_key.items():
        candidates = owners[text]
        winner = prefer.get(row.text) or max(candidates, key=lambda c: (population.get(c, 0), c))
        if iso3 == winner:
            kept.append(row)
    return sorted(kept, key=lambda r: (r.iso3, KINDS.index(r.kind), r.text))


def render(rows: Iterable[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(["text", "iso3", "kind", "sector"])
    for row in rows:
        writer.writerow([row.text, row.iso3, row.kind, row.sector])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when countries.tsv is stale")
    args = parser.parse_args(argv)
    extra = yaml.safe_load((DATA / "countries_extra.yaml").read_text(encoding="utf-8")) or {}
    text = render(build_rows(extra))
    target = DATA / "countries.tsv"
    if args.check:
        return 0 if target.read_text(encoding="utf-8") == text else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({text.count(chr(10)) - 1} forms)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
