"""From the words of one noun phrase to an ``Actor``: its country and sector, with evidence.

A ``Phrase`` is the noun phrase's own words (premodifiers and head, in order) plus what hangs on it
("of Russia", "to the United States", an apposition). It comes from a dependency parse (see
``mentions.py``) or from plain words (``phrase_from_words``); resolution is the same for both.

Country, strongest first: a person in the people table; the entity the head names (an IGO, an
institution, a seat of government, a country); a country named before the head ("Russian",
"Russia's", "U.S."); "of X" / "from X"; an apposition; "in X" for non-state groups; a demonym used
as the head noun ("the Russians"). Sector: the head word or the title before a name, refined by
modifiers ("military officials" -> MIL) and "former" (-> ELI).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from detente.actors.knowledge import ActorKnowledge
from detente.actors.tables import Entry, Hit, Role, Term, norm, stem
from detente.records import Actor

COUNTRY_KINDS = (
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
DEMONYM_KINDS = ("adjective", "people", "group")
ORG_KINDS = ("igo", "militant", "institution")
NON_STATE = frozenset({None, "REB", "OPP", "CVL", "COP", "REF", "EDU", "LAB", "AGR", "CRM", "REL"})
WEAK_LINKS = frozenset({"pro", "anti", "non", "post"})
WEAK_SUFFIXES = frozenset({"backed", "based", "made", "sponsored", "allied", "owned", "funded"})
LOCATIVE = frozenset({"in", "at", "near", "into", "inside", "outside", "across", "around", "to"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
CURRENCY = frozenset({"dollar", "dollars", "cents"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """One noun phrase: its words, which is the head, and what is attached to it."""

    words: tuple[str, ...]
    head: int
    names: frozenset[int] = frozenset()
    attached: tuple[tuple[str, Phrase], ...] = ()
    location: bool = False
    tags: tuple[str, ...] = ()
    span: tuple[int, int] = (0, 0)
    named: bool = False
    counted: bool = False
    after: str = ""
    clause: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The actor of a phrase, how it was found, and what coreference needs to know."""

    actor: Actor
    evidence: tuple[str, ...] = ()
    role: str | None = None
    person: str | None = None
    entity: bool = False
    used: tuple[int, ...] = ()
    hint: str | None = None
    extent: int = 0
    people: bool = False
    lead: int = 0
    minority: bool = False
    default: bool = False


@dataclass(slots=True)
class _Facts:
    """What the words of a phrase say, gathered before deciding."""

    country: str | None = None
    country_method: str = ""
    sector: str | None = None
    sector_set: bool = False
    igo: str | None = None
    name: str | None = None
    recipient: str | None = None
    role: str | None = None
    person: str | None = None
    entity: bool = False
    user: bool = False
    ngo: bool = False
    hint: str | None = None
    extent: int = 0
    people: bool = False
    lead: int = 0
    minority: bool = False
    default: bool = False
    used: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def set_country(self, country: str | None, method: str, why: str) -> None:
        if self.country is None and country:
            self.country, self.country_method = country, method
            self.evidence.append(why)

    def set_sector(self, sector: str | None, why: str) -> None:
        if not self.sector_set:
            self.sector, self.sector_set = sector, True
            self.evidence.append(why)


def role_at(roles: list[Role], when: date | None) -> tuple[Role, bool]:
    """The office held on ``when`` and whether it was held then (False: former, or not yet)."""
    if when is None:
        return max(roles, key=lambda r: r.start or date.min), True
    holding = [r for r in roles if r.holds(when)]
    if holding:
        return max(holding, key=lambda r: r.start or date.min), True
    ended = [r for r in roles if r.end is not None and r.end < when]
    if ended:
        return max(ended, key=lambda r: r.end or date.min), False
    return min(roles, key=lambda r: r.start or date.max), False


def resolve(knowledge: ActorKnowledge, phrase: Phrase, when: date | None) -> Resolution | None:
    """The actor the phrase names, or None when its head is not an actor word or name."""
    hits = _usable_hits(knowledge, phrase)
    head_hit = next((h for h in hits if h.start <= phrase.head < h.end), None)
    masked = _masked(phrase, hits)
    terms = [t for t in knowledge.terms.find(_masked_words(phrase, masked)) if t[0] not in masked]
    if head_hit is None and phrase.head not in phrase.names:
        phrase = _implicit_name(phrase, terms, masked)
    role = _role_term(phrase, terms, head_hit)
    facts = _Facts(extent=max(phrase.head + 1, head_hit.end if head_hit else 0))
    if head_hit is not None:
        _head_entity(knowledge, facts, phrase, hits, head_hit, when)
    elif (
        role is None
        and phrase.head not in phrase.names
        and not phrase.named
        and not _group_of(knowledge, phrase)
    ):
        return None
    if phrase.head in phrase.names and head_hit is None:
        facts.name = " ".join(phrase.words[i] for i in sorted(phrase.names))
        facts.entity = True
    elif phrase.named and head_hit is None and role is None:
        if _person_before_unknown_name(phrase, hits):
            return None
        facts.name, facts.entity = phrase.words[phrase.head], True
        facts.people = phrase.words[phrase.head].endswith("s")
        if facts.people and _counted(phrase):
            facts.set_sector("CVL", "counted people -> CVL")
    _premodifiers(knowledge, facts, phrase, hits, head_hit, when)
    _sector(knowledge, facts, phrase, role, terms, hits, head_hit)
    _attachments(knowledge, facts, phrase, role, when)
    _demonym_head(facts, phrase, head_hit)
    return _finish(facts, phrase)


# -- hits ------------------------------------------------------------------------------------


def _usable_hits(knowledge: ActorKnowledge, phrase: Phrase) -> list[Hit]:
    """Table matches, minus countries that only qualify a word ("pro-Russian", "US-backed")."""
    hits = knowledge.names.find(phrase.words)
    kept = []
    for hit in hits:
        entries = tuple(e for e in hit.entries if _entry_fits(e, phrase, hit))
        if entries and not _weak_country(phrase, hit):
            kept.append(Hit(hit.start, hit.end, entries))
    return kept


def strong_hits(knowledge: ActorKnowledge, words: list[str]) -> list[Hit]:
    """Table matches anywhere in plain words, without the "pro-Russian" kind."""
    return _usable_hits(knowledge, Phrase(tuple(words), len(words)))


def _entry_fits(entry: Entry, phrase: Phrase, hit: Hit) -> bool:
    """People only on name-like tokens; other names not inside a longer personal name."""
    span = set(range(hit.start, hit.end))
    if entry.kind == "person":
        if phrase.tags and not all(phrase.tags[i] in {"PROPN", "NOUN", "X", "ADJ"} for i in span):
            return False
        return all(phrase.words[i][:1].isupper() or i in phrase.names for i in span) or _bare(
            phrase
        )
    inside_name = span <= phrase.names and len(phrase.names) > len(span)
    return not inside_name or entry.kind in DEMONYM_KINDS


def _bare(phrase: Phrase) -> bool:
    """A lone lowercase word used as a noun phrase ("praised trump"): a name written carelessly.
    Common nouns almost never stand alone like that; a word in a longer phrase ("trump card")
    is not taken for a name."""
    return len(phrase.words) == 1 and len(phrase.words[0]) >= 5


def _weak_country(phrase: Phrase, hit: Hit) -> bool:
    words = [w.lower() for w in phrase.words]
    following = words[hit.end] if hit.end < len(words) else phrase.after.lower()
    if following in CURRENCY or following[:1] == "$":
        return True
    before = words[hit.start - 2] if hit.start >= 2 and words[hit.start - 1] == "-" else ""
    after = words[hit.end + 1] if hit.end + 1 < len(words) and words[hit.end] == "-" else ""
    if hit.end <= phrase.head and (before in WEAK_LINKS or after in WEAK_SUFFIXES):
        return all(e.kind in COUNTRY_KINDS or e.kind == "person" for e in hit.entries)
    return False


def _person_before_unknown_name(phrase: Phrase, hits: list[Hit]) -> bool:
    """ "Offered Trump Full Normalization" (a headline): a known person before a name nobody
    knows is the actor; the rest is not a body he belongs to."""
    return any(h.end <= phrase.head and _pick(h).kind == "person" for h in hits) and not any(
        h.end <= phrase.head and _pick(h).kind != "person" for h in hits
    )


def _group_of(knowledge: ActorKnowledge, phrase: Phrase) -> bool:
    """ "Dozens of protesters": a group word is an actor through what it counts."""
    counts = stem(phrase.words[phrase.head]) in knowledge.terms.groups
    return counts and any(link == "of" for link, _ in phrase.attached)


def _implicit_name(phrase: Phrase, terms: list[tuple[int, int, Term]], masked: set[int]) -> Phrase:
    """A title then capitalised words nobody tagged: "Vice-President Moody Awori" is a person."""
    covered = {i for start, end, _ in terms for i in range(start, end)}
    if phrase.head in covered or not phrase.words[phrase.head][:1].isupper():
        return phrase
    if phrase.tags and phrase.tags[phrase.head] != "PROPN":
        return phrase
    start = phrase.head
    while (
        start - 1 >= 0
        and start - 1 not in covered | masked
        and phrase.words[start - 1][:1].isupper()
    ):
        start -= 1
    titles = [t for t in terms if t[1] <= start and (t[2].head or t[2].is_role)]
    if not titles:
        return phrase
    return replace(phrase, names=frozenset(range(start, phrase.head + 1)))


def _masked(phrase: Phrase, hits: list[Hit]) -> set[int]:
    """Positions the sector lexicon must not read: named entities and personal names."""
    masked = set(phrase.names)
    for hit in hits:
        masked.update(range(hit.start, hit.end))
    return masked


def _masked_words(phrase: Phrase, masked: set[int]) -> list[str]:
    return ["\u0000" if i in masked else w for i, w in enumerate(phrase.words)]


def _pick(hit: Hit) -> Entry:
    order = ("person", "igo", "militant", "institution", *COUNTRY_KINDS)
    user = [e for e in hit.entries if e.user]
    pool = user or list(hit.entries)
    return min(pool, key=lambda e: order.index(e.kind) if e.kind in order else len(order))


def _pick_person(knowledge: ActorKnowledge, hit: Hit, when: date | None) -> Entry:
    """Among people sharing a name ("Bush"), the one in office on ``when``, else the latest."""
    people = [e for e in hit.entries if e.kind == "person"]
    if len(people) == 1 or when is None:
        return people[0]
    for entry in people:
        if any(role.holds(when) for role in knowledge.roles(entry.name)):
            return entry
    return max(people, key=lambda e: max((r.start or date.min) for r in knowledge.roles(e.name)))


# -- head ------------------------------------------------------------------------------------


def _glued_place(phrase: Phrase, hits: list[Hit], person: Hit) -> int:
    """ "in Washington Anatoly Antonov": a place written right before a known person's name is
    not part of it; the mention starts at the name."""
    before = next((h for h in hits if h.end == person.start), None)
    if before is None or _pick(before).kind not in ("name", "capital", "city", "region"):
        return 0
    if any(w[:1].isalpha() and w[:1].islower() for w in phrase.words[: before.start]):
        return 0
    return person.start


def _head_entity(
    knowledge: ActorKnowledge,
    facts: _Facts,
    phrase: Phrase,
    hits: list[Hit],
    hit: Hit,
    when: date | None,
) -> None:
    entry = _pick(hit)
    if entry.kind == "person":
        entry = _pick_person(knowledge, hit, when)
        facts.lead = _glued_place(phrase, hits, hit)
    text = " ".join(phrase.words[hit.start : hit.end])
    facts.entity = True
    facts.user = entry.user
    if entry.kind == "person":
        _person(knowledge, facts, entry, text, when)
    elif entry.kind == "igo":
        facts.set_country("IGO", "igo", f'igo: "{text}" -> {entry.igo}')
        facts.igo, facts.name = entry.igo, text
        facts.set_sector(entry.sector, f"igo sector: {entry.sector}")
    elif entry.kind in ("militant", "institution"):
        facts.name = text
        facts.sector, facts.sector_set = entry.sector, True
        facts.evidence.append(f'institution: "{text}" -> {entry.sector}')
    elif entry.kind in DEMONYM_KINDS:
        facts.name, facts.entity, facts.people = text, False, True
        if _counted(phrase):
            facts.set_sector("CVL", "counted people -> CVL")
    else:
        _place(facts, phrase, entry, text)


COUNTING = frozenset({"thousands", "hundreds", "dozens", "millions", "some", "many", "young"})


def _counted(phrase: Phrase) -> bool:
    """ "168 Liberians", "thousands of Nigerians", "young Algerians": people, not the state."""
    if not phrase.words[phrase.head].endswith("s"):
        return False
    if phrase.counted or phrase.clause or any(link in ("of", "in") for link, _ in phrase.attached):
        return True
    before = phrase.words[: phrase.head]
    tags = phrase.tags[: phrase.head] if phrase.tags else ()
    return "NUM" in tags or any(w.lower() in COUNTING or w[:1].isdigit() for w in before)


def _person(
    knowledge: ActorKnowledge, facts: _Facts, entry: Entry, text: str, when: date | None
) -> None:
    roles = knowledge.roles(entry.name)
    facts.name, facts.person = entry.name, entry.name
    if not roles:
        return
    role, current = role_at(roles, when)
    facts.user = facts.user or role.user
    span = f"{role.title or 'office'} {role.start or ''}..{role.end or ''}"
    facts.set_country(role.country, "table", f'person table: "{text}" = {entry.name}, {span}')
    facts.igo = role.igo
    not_yet = when is not None and role.start is not None and when < role.start
    if current or role.sector not in STATE_SECTORS:
        facts.sector, facts.sector_set = (None if not_yet else role.sector), True
    elif not_yet:
        facts.sector, facts.sector_set = None, True
    else:
        facts.sector, facts.sector_set = "ELI", True
        facts.evidence.append(f"out of office on {when}: ELI")


def _place(facts: _Facts, phrase: Phrase, entry: Entry, text: str) -> None:
    facts.name = text
    facts.set_country(entry.country, "table", f'{entry.kind}: "{text}" -> {entry.country}')
    if entry.kind == "seat":
        facts.set_sector(entry.sector, f"seat of {entry.sector}")
    elif entry.kind in ("capital", "city", "region") and phrase.location:
        facts.set_sector("CVL", f'where things happen: the people of "{text}" -> CVL')
    elif entry.kind == "capital":
        facts.set_sector("GOV", "capital as the government")
    else:
        facts.sector_set = True


# -- premodifiers ----------------------------------------------------------------------------


def _premodifiers(
    knowledge: ActorKnowledge,
    facts: _Facts,
    phrase: Phrase,
    hits: list[Hit],
    head_hit: Hit | None,
    when: date | None,
) -> None:
    """A country named before the head: demonyms and names, then IGOs, people, institutions."""
    if stem(phrase.words[phrase.head]) in knowledge.terms.relations:
        return
    head_entry = _pick(head_hit) if head_hit is not None else None
    head_org = head_entry is not None and head_entry.kind in ("institution", "militant")
    limit = head_hit.start if head_hit is not None else _name_start(phrase)
    before = sorted(
        (h for h in hits if h.end <= limit),
        key=lambda h: (_premod_rank(_pick(h)), h.start),
    )
    for hit in before:
        entry = _pick(hit)
        if head_org and entry.kind not in COUNTRY_KINDS:
            continue
        country = _entry_country(knowledge, entry, when)
        if _weak_people(phrase, hit, entry):
            facts.hint = facts.hint or country
            facts.minority = facts.minority or entry.kind != "group"
            continue
        text = " ".join(phrase.words[hit.start : hit.end])
        method = "adjective" if entry.kind in DEMONYM_KINDS else "title"
        method = "igo" if entry.kind == "igo" else method
        facts.set_country(
            country, "user" if entry.user else method, f'{entry.kind}: "{text}" -> {country}'
        )
        if facts.country == "IGO" and facts.igo is None:
            facts.igo = _entry_igo(knowledge, entry, when)
        break
    if head_org and head_hit is not None and head_entry is not None:
        text = " ".join(phrase.words[head_hit.start : head_hit.end])
        method = "user" if head_entry.user else "table"
        facts.default = facts.country is None and head_entry.generic
        facts.set_country(head_entry.country, method, f'"{text}" -> {head_entry.country}')


def _weak_people(phrase: Phrase, hit: Hit, entry: Entry) -> bool:
    """An ethnic group is a hint, not a country: "Karen rebels", "ethnic Albanians"."""
    if entry.kind == "group":
        return True
    ethnic = hit.start > 0 and phrase.words[hit.start - 1].lower() == "ethnic"
    return ethnic and entry.kind in DEMONYM_KINDS


def _name_start(phrase: Phrase) -> int:
    if phrase.head in phrase.names:
        start = phrase.head
        while start - 1 in phrase.names:
            start -= 1
        return start
    return phrase.head


def _premod_rank(entry: Entry) -> int:
    if entry.kind == "group":
        return 6
    if entry.kind in COUNTRY_KINDS:
        return 0
    return {"igo": 1, "person": 2, "militant": 3, "institution": 4}.get(entry.kind, 5)


def _entry_country(knowledge: ActorKnowledge, entry: Entry, when: date | None) -> str | None:
    if entry.kind == "person":
        roles = knowledge.roles(entry.name)
        return role_at(roles, when)[0].country if roles else entry.country
    return entry.country


def _entry_igo(knowledge: ActorKnowledge, entry: Entry, when: date | None) -> str | None:
    if entry.kind == "person":
        roles = knowledge.roles(entry.name)
        return role_at(roles, when)[0].igo if roles else None
    return entry.igo


# -- sector ----------------------------------------------------------------------------------


def _role_term(
    phrase: Phrase, terms: list[tuple[int, int, Term]], head_hit: Hit | None
) -> tuple[int, int, Term] | None:
    """The word that says what the actor is: the head, else the title before a name."""
    for start, end, term in terms:
        if start <= phrase.head < end and (term.head or term.is_role):
            return start, end, term
    if phrase.head in phrase.names or head_hit is not None:
        limit = head_hit.start if head_hit is not None else _name_start(phrase)
        titles = [t for t in terms if t[1] <= limit and (t[2].head or t[2].is_role)]
        if not titles or not _adjacent(phrase, titles[-1][1], limit):
            return None
        return titles[-1]
    return None


def _adjacent(phrase: Phrase, end: int, limit: int) -> bool:
    """A title belongs to the name right after it, punctuation aside ("Lt. Gen. Avril")."""
    return all(not any(ch.isalnum() for ch in w) for w in phrase.words[end:limit])


def _sector(
    knowledge: ActorKnowledge,
    facts: _Facts,
    phrase: Phrase,
    role: tuple[int, int, Term] | None,
    terms: list[tuple[int, int, Term]],
    hits: list[Hit],
    head_hit: Hit | None,
) -> None:
    limit = role[0] if role else (head_hit.start if head_hit is not None else _name_start(phrase))
    generic = role is not None and role[2].is_role and not role[2].head
    ranks = knowledge.terms.ranks
    modifiers: list[tuple[int, str]] = [
        (s, t.modifier or t.head or "")
        for s, e, t in terms
        if s < limit
        and (
            t.modifier or (generic and t.head and " ".join(phrase.words[s:e]).lower() not in ranks)
        )
    ]
    modifiers += [
        (h.start, _pick(h).sector or "")
        for h in hits
        if h is not head_hit
        and h.end <= limit
        and _pick(h).kind in ("institution", "seat", "igo")
        and _pick(h).sector
    ]
    modifiers.sort()
    former = [m for m in modifiers if m[1] == "ELI"]
    kinds = [m for m in modifiers if m[1] != "ELI"]
    state_run = any(
        " ".join(phrase.words[s:e]).lower() in knowledge.terms.state_media
        for s, e, _ in terms
        if s < limit
    )
    strong = [m for m in kinds if m[1] in knowledge.terms.strong]
    kinds = strong or kinds
    if role is not None:
        start, end, term = role
        facts.role = " ".join(stem(w) for w in phrase.words[start:end])
        facts.ngo = term.ngo
        base = term.head if term.head else term.role
        word = " ".join(phrase.words[start:end])
        if kinds and ((term.is_role and not term.head) or kinds[-1][1] in knowledge.terms.strong):
            base = kinds[-1][1]
            word = f"{phrase.words[kinds[-1][0]]} {word}"
        if facts.country == "IGO" and term.is_role and not term.head and base == term.role:
            base = facts.sector
        if base == "MED" and state_run:
            base, word = "GOV", f"state-run {word}"
        if base is not None or term.is_role:
            _override_sector(facts, base, f'role: "{word}" -> {base}')
    elif kinds and facts.name and not facts.sector_set:
        facts.set_sector(kinds[-1][1], f"modifier -> {kinds[-1][1]}")
    if former or _prefixed_ex(phrase, limit):
        facts.sector, facts.sector_set = "ELI", True
        facts.evidence.append("former -> ELI")


def _override_sector(facts: _Facts, sector: str | None, why: str) -> None:
    """A title in the text says more than the table: it replaces the table's sector."""
    if facts.person is not None and facts.sector == "ELI" and sector is None:
        return
    facts.sector, facts.sector_set = sector, True
    facts.evidence.append(why)


def _prefixed_ex(phrase: Phrase, limit: int) -> bool:
    return any(
        w.lower() == "ex" and i + 1 < len(phrase.words) and phrase.words[i + 1] == "-"
        for i, w in enumerate(phrase.words[:limit])
    )


# -- attachments -----------------------------------------------------------------------------


def _attachments(
    knowledge: ActorKnowledge,
    facts: _Facts,
    phrase: Phrase,
    role: tuple[int, int, Term] | None,
    when: date | None,
) -> None:
    role_words = {facts.role or ""} | {stem(phrase.words[phrase.head])}
    diplomatic = bool(role_words & knowledge.terms.diplomatic)
    group = stem(phrase.words[phrase.head]) in knowledge.terms.groups
    for index, (link, inner) in enumerate(phrase.attached):
        found = resolve(knowledge, inner, when)
        if found is None:
            continue
        other = found.actor
        if link in ("to", "in") and (found.person or inner.head in inner.names):
            continue
        if link == "of" and facts.sector == "CVL" and found.entity and other.country is None:
            facts.used.append(index)
            facts.name = facts.name or other.name
            continue
        if group and link == "of" and found.people and other.sector is None:
            other = replace(other, sector="CVL")
        before = (facts.country, facts.sector, facts.recipient)
        _attach(facts, link, inner, other, diplomatic=diplomatic, group=group, role=role)
        if (facts.country, facts.sector) != before[:2] and link != "appos":
            facts.used.append(index)


def _attach(
    facts: _Facts,
    link: str,
    inner: Phrase,
    other: Actor,
    *,
    diplomatic: bool,
    group: bool,
    role: tuple[int, int, Term] | None,
) -> None:
    if link == "to" and diplomatic:
        facts.recipient = facts.recipient or other.country
        facts.evidence.append(f'posted to "{inner.text}" -> {other.country}')
    elif link in ("of", "from") or (link == "for" and role is not None):
        _take_from(facts, other, f'{link} "{inner.text}"', group=group)
    elif link == "appos":
        _take_from(facts, other, f'apposition "{inner.text}"', group=False, method="apposition")
        facts.recipient = facts.recipient or other.recipient
    elif link == "in" and facts.sector in NON_STATE and not facts.entity:
        facts.set_country(other.country, "title", f'in "{inner.text}" -> {other.country}')


def _take_from(
    facts: _Facts, other: Actor, why: str, *, group: bool, method: str = "title"
) -> None:
    if other.country == "IGO" and facts.country is None:
        facts.igo = other.igo
    facts.set_country(other.country, method, f"{why} -> {other.country}")
    fill = not facts.sector_set or facts.sector is None
    borrowed_former = other.sector == "ELI" and method != "apposition" and not group
    if (group or (fill and other.sector)) and facts.sector != "ELI" and not borrowed_former:
        facts.sector, facts.sector_set = other.sector, True
        facts.evidence.append(f"{why} -> sector {other.sector}")


def _demonym_head(facts: _Facts, phrase: Phrase, head_hit: Hit | None) -> None:
    if head_hit is None:
        return
    if facts.country is not None:
        entry = _pick(head_hit)
        community = entry.kind in DEMONYM_KINDS and entry.country != facts.country
        if community and facts.country_method == "adjective" and facts.sector is None:
            facts.set_sector("CVL", f"{facts.name} living in {facts.country} -> CVL")
        return
    entry = _pick(head_hit)
    if _weak_people(phrase, head_hit, entry):
        facts.hint = facts.hint or entry.country
        facts.minority = facts.minority or entry.kind != "group"
    elif entry.kind in DEMONYM_KINDS:
        facts.set_country(entry.country, "adjective", f'people: "{facts.name}" -> {entry.country}')


def _finish(facts: _Facts, phrase: Phrase) -> Resolution:
    if facts.country is None and facts.ngo:
        facts.set_country("NGO", "table", "non-governmental organisation -> NGO")
    hint = facts.hint if facts.country is None else None
    if hint and not facts.minority and facts.sector == "GOV" and facts.person is None:
        facts.sector = "ELI"
        facts.evidence.append("leaders of a people, not of a state -> ELI")
    method = facts.country_method or ("title" if facts.sector else "unresolved")
    if facts.user:
        method = "user"
    if facts.country == "IGO" and method not in ("user",):
        method = "igo"
    actor = Actor(
        country=facts.country,
        sector=facts.sector,
        name=facts.name,
        igo=facts.igo if facts.country == "IGO" else None,
        recipient=facts.recipient if facts.recipient != facts.country else None,
        method=method,
    )
    evidence = (*facts.evidence, f"hint: {hint}") if hint else tuple(facts.evidence)
    return Resolution(
        actor,
        evidence,
        facts.role,
        facts.person,
        facts.entity,
        tuple(facts.used),
        hint,
        facts.extent,
        facts.people,
        facts.lead,
        facts.minority,
        facts.default,
    )


# -- phrases from plain words ----------------------------------------------------------------

SPLITTERS = ("of", "to", "from", "in", "for", "at", "with", "on", "by", "who", "which", "that")


def phrase_from_words(knowledge: ActorKnowledge, words: list[str]) -> Phrase:
    """A phrase without a parse: the head is the last word before a preposition or comma."""
    words = [w for w in words if w.strip()]
    cut = next((i for i, w in enumerate(words) if w.lower() in SPLITTERS or w == ","), len(words))
    core = words[:cut] or words[:1]
    attached: list[tuple[str, Phrase]] = []
    if cut < len(words) - 1 and words[cut] != ",":
        rest = phrase_from_words(knowledge, words[cut + 1 :])
        attached.append((words[cut].lower(), rest))
    elif cut < len(words) - 1:
        attached.append(("appos", phrase_from_words(knowledge, words[cut + 1 :])))
    while core and core[0].lower() in {"the", "a", "an"} and len(core) > 1:
        core = core[1:]
    if core and core[-1] in {"'s", "'"} and len(core) > 1:
        core = core[:-1]
    return Phrase(tuple(core), len(core) - 1, _name_positions(knowledge, core), tuple(attached))


def _name_positions(knowledge: ActorKnowledge, words: list[str]) -> frozenset[int]:
    """Trailing capitalised words that no table knows: a personal name."""
    known: set[int] = set()
    for hit in knowledge.names.find(words):
        if any(e.kind != "person" for e in hit.entries):
            known.update(range(hit.start, hit.end))
    stems = {i for i, _, _ in knowledge.terms.find(words)}
    names: set[int] = set()
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not word[:1].isupper() or i in stems or norm(word) in {"mr", "mrs", "ms"}:
            break
        if i in known and not _name_part(knowledge, words, i, names, known | stems):
            break
        names.add(i)
    return frozenset(names)


def _name_part(
    knowledge: ActorKnowledge, words: list[str], i: int, names: set[int], known: set[int]
) -> bool:
    """A one-word place inside a personal name: "Chad Smith", "Michael Jordan"."""
    if not _first_name_like(knowledge, words[i]):
        return False
    if names:
        return True
    last = i == len(words) - 1
    return last and i > 0 and words[i - 1][:1].isupper() and i - 1 not in known


def _first_name_like(knowledge: ActorKnowledge, word: str) -> bool:
    """A one-word place before a name is a first name: "Chad Smith", "Georgia O'Keeffe"."""
    entries = knowledge.names.lookup([word])
    return bool(entries) and all(e.kind in ("name", "capital", "city") for e in entries)


def with_words(phrase: Phrase, words: tuple[str, ...]) -> Phrase:
    return replace(phrase, words=words)
