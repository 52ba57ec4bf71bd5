"""Within-article coreference: later mentions take the actor of an earlier one.

Rules, in order: a personal name seen before in full ("Kosachev" after "Konstantin Kosachev"); a
definite role noun ("the ambassador") after a mention with the same role; "he"/"she" after the
latest person of the last sentences; "they" after the latest plural group. The evidence of a
coreferent mention is the chain of texts that led to it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from detente.actors.mentions import Candidate
from detente.actors.resolve import Resolution
from detente.actors.tables import norm
from detente.records import Actor, Mention

PRONOUN_WINDOW = 3
THEY_WINDOW = 1
GOVERNMENT_WINDOW = 5
GOVERNMENT_ROLES = frozenset({"administration", "government", "regime", "cabinet", "leadership"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})
NEAREST_RATIO = 1.5
NEAREST_MAX = 12
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


@dataclass(frozen=True, slots=True)
class Found:
    """A candidate mention: its token span, its own resolution (if any), and where it came from."""

    start: int
    end: int
    resolution: Resolution | None
    candidate: Candidate

    @property
    def resolved(self) -> bool:
        return self.resolution is not None and self.resolution.actor.country is not None


@dataclass(frozen=True, slots=True)
class Linked:
    """A mention with its actor decided, and the chain of texts behind it."""

    found: Found
    text: str
    actor: Actor
    chain: tuple[str, ...]
    evidence: tuple[str, ...]


def link(found: list[Found], texts: list[str]) -> list[Linked]:
    """Decide every candidate's actor, from itself or from an earlier mention."""
    linked: list[Linked] = []
    names: dict[str, Linked] = {}
    for item, text in zip(found, texts, strict=True):
        own = item.resolution
        if item.resolved and own is not None:
            result = Linked(item, text, own.actor, (text,), own.evidence)
        else:
            antecedent = _antecedent(item, linked, names)
            if antecedent is None:
                if own is None:
                    continue
                result = Linked(item, text, own.actor, (text,), own.evidence)
            else:
                result = _follow(item, text, antecedent)
        linked.append(result)
        _register(names, result)
    return linked


def _follow(item: Found, text: str, antecedent: Linked) -> Linked:
    actor = replace(antecedent.actor, method="coref")
    own = item.resolution
    if own is not None and own.actor.sector and own.actor.sector != actor.sector:
        actor = replace(actor, sector=own.actor.sector)
    chain = (*antecedent.chain, text)
    return Linked(item, text, actor, chain, chain)


def _name_keys(item: Found, text: str) -> list[str]:
    resolution = item.resolution
    if resolution is None or not resolution.entity:
        return []
    name = resolution.person or resolution.actor.name or ""
    if not name or resolution.actor.igo:
        return []
    words = [norm(w) for w in name.split() if norm(w)]
    return [" ".join(words), *words[-1:]] if words else []


def _register(names: dict[str, Linked], linked: Linked) -> None:
    if linked.actor.country is None:
        return
    for key in _name_keys(linked.found, linked.text):
        names.setdefault(key, linked)


def _antecedent(item: Found, linked: list[Linked], names: dict[str, Linked]) -> Linked | None:
    candidate = item.candidate
    if candidate.pronoun:
        return _pronoun(candidate, linked)
    for key in _name_keys(item, ""):
        if key in names:
            return names[key]
    resolution = item.resolution
    if resolution is not None and resolution.role and candidate.definite:
        same = _same_role(resolution.role, linked)
        if same is None and resolution.role in GOVERNMENT_ROLES:
            return _head_of_government(candidate, linked)
        return same
    return None


def _head_of_government(candidate: Candidate, linked: list[Linked]) -> Linked | None:
    """ "The administration" after a president or prime minister: that person's government."""
    for earlier in reversed(linked):
        if candidate.sentence - earlier.found.candidate.sentence > GOVERNMENT_WINDOW:
            return None
        own = earlier.found.resolution
        if earlier.actor.sector == "GOV" and own is not None and own.person is not None:
            return earlier
    return None


def _same_role(role: str, linked: list[Linked]) -> Linked | None:
    for earlier in reversed(linked):
        own = earlier.found.resolution
        if earlier.actor.country and own is not None and own.role == role:
            return earlier
    return None


def _pronoun(candidate: Candidate, linked: list[Linked]) -> Linked | None:
    """The latest fitting mention, a grammatical subject first: "Kislyak ... complained that
    ... Clinton's defeat. "...," he said" is Kislyak."""
    they = candidate.phrase.words[candidate.phrase.head].lower() == "they"
    window = THEY_WINDOW if they else PRONOUN_WINDOW
    recent = [
        e
        for e in linked
        if candidate.sentence - e.found.candidate.sentence <= window and e.actor.country
    ]
    fitting = [e for e in recent if _fits_pronoun(e, they=they)]
    subjects = [e for e in fitting if e.found.candidate.subject]
    pool = subjects or fitting
    return pool[-1] if pool else None


def _fits_pronoun(earlier: Linked, *, they: bool) -> bool:
    if they:
        return earlier.found.candidate.plural and not _is_person(earlier)
    return _is_person(earlier) and not earlier.found.candidate.plural  # not "Chile's critics"


def _is_person(linked: Linked) -> bool:
    own = linked.found.resolution
    if linked.found.candidate.pronoun:
        return True
    if own is None:
        return False
    return own.person is not None or bool(linked.found.candidate.phrase.names)


def add_context(linked: list[Linked]) -> list[Linked]:
    """Mentions still without a country take the one country the rest of their sentence names,
    when it names exactly one ("President Dos Santos" beside "Angola"), else their ethnic hint.
    A personal name with no title is left alone: nothing says where it belongs. News media are
    not counted: they report on other countries."""
    by_sentence: dict[int, list[tuple[Linked, str]]] = {}
    for item in linked:
        country = item.actor.country
        if country is not None and country not in NOT_COUNTRIES and item.actor.sector != "MED":
            by_sentence.setdefault(item.found.candidate.sentence, []).append((item, country))
    named = {item.actor.country for item in linked if not _default_country(item)}
    result = []
    for item in linked:
        if _default_country(item) and item.actor.country not in named:
            item = _with_context(item, _others(by_sentence, item), default=True)
        elif item.actor.country is None and _needs_context(item):
            item = _with_context(item, _others(by_sentence, item))
        result.append(item)
    return result


def _others(
    by_sentence: dict[int, list[tuple[Linked, str]]], item: Linked
) -> list[tuple[Linked, str]]:
    """The countries named in the item's sentence by the other mentions."""
    return [o for o in by_sentence.get(item.found.candidate.sentence, []) if o[0] is not item]


def _default_country(item: Linked) -> bool:
    """A name many countries use ("the Senate") whose country is only the table's default."""
    own = item.found.resolution
    return own is not None and own.default and item.actor.method == "table"


def _clearly_nearest(item: Linked, others: list[tuple[Linked, str]]) -> str | None:
    """The country named nearest to the mention when the next other country is at least
    NEAREST_RATIO times as far ("An Argentine judge ordered ex-president X ... to Croatia")."""

    def distance(other: Linked) -> int:
        a, b = item.found, other.found
        return max(a.start - b.end, b.start - a.end, 0)

    by_country: dict[str, int] = {}
    for other, country in others:
        by_country[country] = min(by_country.get(country, 1 << 30), distance(other))
    ranked = sorted(by_country.items(), key=lambda kv: kv[1])
    if len(ranked) < 2 or ranked[0][1] > NEAREST_MAX:
        return None
    return ranked[0][0] if ranked[1][1] >= NEAREST_RATIO * max(ranked[0][1], 1) else None


def _needs_context(item: Linked) -> bool:
    own = item.found.resolution
    if own is None:
        return False
    untitled_name = bool(item.found.candidate.phrase.names) and item.actor.sector is None
    if untitled_name and own.hint is None:
        return False
    return item.actor.sector is not None or own.entity or own.hint is not None or bool(own.role)


def _with_context(
    item: Linked, others: list[tuple[Linked, str]], *, default: bool = False
) -> Linked:
    """The item with the sentence's one (or clearly nearest) country, else its ethnic hint.
    With ``default`` only the one country of the sentence's other actors with a sector
    ("Philippine officials", not "sanctions on Venezuela") replaces the table's default."""
    own = item.found.resolution
    hint = own.hint if own is not None else None
    if default:
        others = [o for o in others if o[0].actor.sector and not _default_country(o[0])]
        if len({country for _, country in others}) != 1:
            return item
    countries = {country for _, country in others}
    nearest = _clearly_nearest(item, others)
    if hint is not None and own is not None and not own.minority:
        nearest = None
    owner = _owner(item, others)
    if owner is not None:
        country, method = owner, "context"
        why = f"context: '{item.found.candidate.phrase.words[0]}' refers back to {country}"
    elif len(countries) == 1:
        country, method = next(iter(countries)), "context"
        why = f"context: the only country named in the sentence is {country}"
    elif nearest is not None:
        country, method = nearest, "context"
        why = f"context: the country named closest in the sentence is {country}"
    elif hint is not None:
        country, method, why = hint, "adjective", f"ethnic or national group -> {hint}"
    else:
        return item
    actor = replace(item.actor, country=country, method=method)
    return Linked(item.found, item.text, actor, item.chain, (*item.evidence, why))


def _owner(item: Linked, others: list[tuple[Linked, str]]) -> str | None:
    """The country of the actor a possessive pronoun refers back to, for a sector word: the
    nearest one before it ("Chile will withdraw its troops from Peru": Chile's troops)."""
    phrase, own = item.found.candidate.phrase, item.found.resolution
    if not phrase.words or phrase.words[0].lower() not in POSSESSIVE_PRONOUNS:
        return None
    if item.actor.sector is None or phrase.names or (own is not None and own.entity):
        return None  # "its partners" are not its own; "its EU partners" are named
    before = [(o, c) for o, c in others if o.found.end <= item.found.start]
    return max(before, key=lambda oc: oc[0].found.end)[1] if before else None


def to_mention(linked: Linked, start: int, end: int) -> Mention:
    return Mention(linked.text, start, end, linked.actor, linked.evidence)
