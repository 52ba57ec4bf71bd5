"""Strip page furniture from plain text, conservatively: whole lines that match the patterns in
``data/boilerplate.yaml``, a trailing list of other stories, and a trailing author blurb.

What is removed is kept in ``Cleaned.removed`` so it can be counted and shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml

from detente.errors import ConfigError

NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_PRONOUN = re.compile(r"(He|She|They|His|Her|Their|Before|Previously|Prior)\b")
_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Text with boilerplate removed; ``removed`` holds the dropped lines in order."""

    text: str
    removed: tuple[str, ...] = ()
    author: str | None = None


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Compiled patterns; ``load`` reads the packaged table."""

    lines: re.Pattern[str]
    sections: re.Pattern[str]
    blurbs: re.Pattern[str]
    vetoes: re.Pattern[str]
    bylines: re.Pattern[str]
    max_line: int = 200

    @classmethod
    def load(cls, path: str | None = None) -> BoilerplateRules:
        if path is None:
            text = resources.files("detente.ingest").joinpath("data/boilerplate.yaml").read_text()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        table = yaml.safe_load(text)
        try:
            return cls(
                lines=_any(table["lines"], whole=True),
                sections=_any(table["sections"], whole=True),
                blurbs=_any(table["blurbs"], whole=False, ignore_case=False),
                vetoes=_any(table["blurb_vetoes"], whole=False),
                bylines=_any(table["bylines"], whole=True, ignore_case=False),
                max_line=int(table.get("max_line", 200)),
            )
        except (KeyError, TypeError, re.error) as error:
            raise ConfigError(f"boilerplate table is invalid: {error}") from error

    def is_furniture(self, line: str) -> bool:
        """A furniture line, or a lone section heading ("Related stories") anywhere."""
        stripped = line.strip()
        if not 0 < len(stripped) <= self.max_line:
            return False
        return bool(self.lines.fullmatch(stripped) or self.sections.fullmatch(stripped))

    def byline(self, line: str) -> str | None:
        """The author named by a byline line, or None."""
        match = self.bylines.fullmatch(line.strip())
        if not match or len(line) > self.max_line:
            return None
        return match.group(0).split(None, 1)[1].removeprefix("by ").strip()

    def is_blurb(self, paragraph: str) -> bool:
        """An author's blurb: opens like one, every further sentence is about that person, and
        nothing in it reports news (no "said", "told", ...)."""
        text = paragraph.strip()
        if len(text) > 600 or not self.blurbs.match(text) or self.vetoes.search(text):
            return False
        first_name = text.split()[0]
        rest = _SENTENCE_END.split(text)[1:]
        return all(_PRONOUN.match(s) or s.startswith(first_name) for s in rest)


def _any(patterns: list[str], *, whole: bool, ignore_case: bool = True) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!)")  # matches nothing
    body = "|".join(f"(?:{p.replace('{name}', NAME)})" for p in patterns)
    return re.compile(body if whole else f"(?:{body})", re.IGNORECASE if ignore_case else 0)


def strip_boilerplate(text: str, rules: BoilerplateRules) -> Cleaned:
    """``text`` without furniture lines, a trailing story list, bylines and an author blurb."""
    lines = text.split("\n")
    removed: list[str] = []
    kept = _cut_story_list(lines, rules, removed)
    kept = _drop_lines(kept, rules, removed)
    kept, author = _trim_ends(kept, rules, removed)
    cleaned = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    return Cleaned(cleaned, tuple(removed), author)


def _drop_lines(lines: list[str], rules: BoilerplateRules, removed: list[str]) -> list[str]:
    kept = []
    for line in lines:
        if rules.is_furniture(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return kept


def _cut_story_list(lines: list[str], rules: BoilerplateRules, removed: list[str]) -> list[str]:
    """Cut from a "Related stories" line in the second half when only short lines follow."""
    size = sum(len(line) + 1 for line in lines)
    position = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        after = lines[index + 1 :]
        if (
            position > size / 2
            and stripped
            and rules.sections.fullmatch(stripped)
            and all(len(rest.strip()) <= 150 for rest in after)
        ):
            removed.extend(rest.strip() for rest in lines[index:] if rest.strip())
            return lines[:index]
        position += len(line) + 1
    return lines


def _trim_ends(
    lines: list[str], rules: BoilerplateRules, removed: list[str]
) -> tuple[list[str], str | None]:
    """Drop bylines from the first lines and bylines or blurbs from the last ones."""
    author = None
    head = [i for i, line in enumerate(lines) if line.strip()][:3]
    for index in head:
        name = rules.byline(lines[index])
        if name:
            author = author or name
            removed.append(lines[index].strip())
            lines = [*lines[:index], "", *lines[index + 1 :]]
    while lines and lines[-1].strip() == "":
        lines = lines[:-1]
    while lines:
        last = lines[-1].strip()
        name = rules.byline(last)
        if not last:
            lines = lines[:-1]
            continue
        if not (name or rules.is_blurb(last)):
            break
        author = author or name
        removed.append(last)
        lines = lines[:-1]
    return lines, author
