"""The ``detente_actors`` spaCy component: ``doc._.mentions``, every actor mention of the doc."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from detente.actors.coref import Found, add_context, link, to_mention
from detente.actors.knowledge import ActorKnowledge
from detente.actors.mentions import (
    Candidate,
    Part,
    build_phrase,
    candidates,
    coordinated_parts,
    core_start,
    make_candidate,
    premodifier_tops,
    right_end,
)
from detente.actors.resolve import Phrase, Resolution, resolve
from detente.actors.tables import stem
from detente.records import Mention


class ActorsComponent:
    """Finds and resolves the actor mentions of a parsed doc."""

    def __init__(self, knowledge: ActorKnowledge) -> None:
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(self.knowledge, doc, published_date(doc))
        return doc


@Language.factory(
    "detente_actors",
    default_config={"actors_file": None},
    requires=["token.dep", "token.pos", "token.ent_type", "doc.sents"],
    assigns=["doc._.mentions"],
)
def make_actors(nlp: Language, name: str, actors_file: str | None) -> ActorsComponent:
    from detente.nlp import extensions

    extensions.register()
    return ActorsComponent(ActorKnowledge.load(Path(actors_file) if actors_file else None))


def published_date(doc: Doc) -> date | None:
    value = doc._.published if Doc.has_extension("published") else None
    return value if isinstance(value, date) else None


def find_mentions(knowledge: ActorKnowledge, doc: Doc, when: date | None) -> list[Mention]:
    """Non-overlapping mentions sorted by start, with char offsets into ``doc.text``."""
    found: list[Found] = []
    covered: set[int] = set()
    for candidate in candidates(doc):
        if candidate.head in covered:
            continue
        for item in _resolve_candidate(knowledge, doc, candidate, when):
            if any(i in covered for i in range(item.start, item.end)):
                continue
            found.append(item)
            covered.update(range(item.start, item.end))
    found.sort(key=lambda f: f.start)
    texts = [_char_text(doc, f.start, f.end)[2] for f in found]
    mentions: list[Mention] = []
    for linked in add_context(link(found, texts)):
        own = linked.found.resolution
        if linked.actor.country is None and (own is None or not own.entity):
            continue
        start, end, _ = _char_text(doc, linked.found.start, linked.found.end)
        mentions.append(to_mention(linked, start, end))
    return _non_overlapping(mentions)


def _char_text(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    span = doc[start:end]
    return span.start_char, span.end_char, span.text


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _resolve_candidate(
    knowledge: ActorKnowledge, doc: Doc, candidate: Candidate, when: date | None
) -> Iterator[Found]:
    if candidate.pronoun:
        yield Found(candidate.start, candidate.end, None, candidate)
        return
    resolution = resolve(knowledge, candidate.phrase, when)
    if resolution is None:
        yield from _premodifier_mentions(knowledge, doc, candidate, when)
        return
    parts = list(_split(knowledge, doc, candidate, when))
    if parts:
        yield from parts
        return
    if _worth_keeping(resolution, candidate):
        end = right_end(candidate.phrase, resolution.used, resolution.extent)
        start = candidate.start + resolution.lead
        if resolution.lead:
            yield from _lead(knowledge, doc, candidate, when)
        yield Found(start, end, resolution, candidate)


def _lead(
    knowledge: ActorKnowledge, doc: Doc, candidate: Candidate, when: date | None
) -> Iterator[Found]:
    """The place glued before a person's name, as a mention of its own."""
    lead = resolve(knowledge, candidate.phrase, when)
    if lead is None or not lead.lead:
        return
    head = candidate.start + lead.lead - 1
    found = resolve(knowledge, build_phrase(doc, candidate.start, head, attach=False), when)
    if found is not None and found.actor.country is not None:
        yield Found(candidate.start, head + 1, found, candidate)


def _worth_keeping(resolution: Resolution, candidate: Candidate) -> bool:
    """Resolved, or something coreference or the sentence may resolve: a name, a role."""
    if resolution.actor.country is not None or resolution.entity or resolution.hint:
        return True
    return resolution.role is not None or resolution.actor.sector is not None


def _premodifier_mentions(
    knowledge: ActorKnowledge, doc: Doc, candidate: Candidate, when: date | None
) -> Iterator[Found]:
    """The head is no actor ("a U.S. Supreme Court decision"): the words before it may be."""
    shorter = _without_head(knowledge, doc, candidate, when)
    if shorter is not None:
        yield shorter
        return
    for token in premodifier_tops(doc[candidate.head]):
        inner = make_candidate(doc, core_start(token), token, candidate.sentence)
        for item in _resolve_candidate(knowledge, doc, inner, when):
            if item.resolution is not None and item.resolution.actor.country is not None:
                yield item


def _without_head(
    knowledge: ActorKnowledge, doc: Doc, candidate: Candidate, when: date | None
) -> Found | None:
    """Drop the head and read what is left: "Israeli army bulldozers" -> "Israeli army"."""
    start = candidate.start
    while start < candidate.head and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    if any(t.dep_ == "cc" for t in doc[start : candidate.head]):
        return None
    head = candidate.head - 1
    while head >= start:
        if not _possible_head(doc, head):
            head -= 1
            continue
        resolution = resolve(knowledge, build_phrase(doc, start, head, attach=False), when)
        if resolution is not None:
            useful = resolution.actor.country is not None or resolution.hint
            if useful and _owned(knowledge, doc[candidate.head]) and not resolution.actor.sector:
                actor = replace(resolution.actor, sector="CVL")
                why = f'owner of "{doc[candidate.head].text}" -> CVL'
                resolution = replace(resolution, actor=actor, evidence=(*resolution.evidence, why))
            return Found(start, head + 1, resolution, candidate) if useful else None
        head -= 1
    return None


def _owned(knowledge: ActorKnowledge, token: Token) -> bool:
    """Homes, villages, cars: their owners are civilians."""
    return stem(token.text) in knowledge.terms.property


def _possible_head(doc: Doc, i: int) -> bool:
    """A noun, or a nationality adjective; not a piece of "multi-party" or "military" (adj.)."""
    token = doc[i]
    if i > 0 and doc[i - 1].text == "-" and token.ent_type_ not in ("GPE", "NORP", "ORG"):
        return False
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    return token.pos_ == "ADJ" and token.ent_type_ in ("NORP", "GPE")


def _split(
    knowledge: ActorKnowledge, doc: Doc, candidate: Candidate, when: date | None
) -> Iterator[Found]:
    """One mention per coordinated actor: "U.S. and Russian negotiators"."""
    parts = coordinated_parts(doc, candidate.start, candidate.head)
    results: list[tuple[Part, Resolution]] = []
    for part in parts:
        phrase = _part_phrase(doc, candidate, part)
        resolution = resolve(knowledge, phrase, when)
        if resolution is None or resolution.actor.country is None:
            return
        results.append((part, resolution))
    shared = all(part.head == candidate.head for part, _ in results)
    if shared and len({r.actor.country for _, r in results}) < len(results):
        return
    for part, resolution in results:
        yield Found(part.start, part.end, resolution, candidate)


def _part_phrase(doc: Doc, candidate: Candidate, part: Part) -> Phrase:
    tokens = part.tokens
    if tokens == tuple(range(tokens[0], tokens[-1] + 1)) and part.head == tokens[-1]:
        return build_phrase(doc, tokens[0], part.head, attach=part.head == candidate.head)
    phrase = candidate.phrase
    offset = candidate.start
    index = {doc_i: n for n, doc_i in enumerate(tokens)}
    words = tuple(phrase.words[i - offset] for i in tokens)
    tags = tuple(phrase.tags[i - offset] for i in tokens) if phrase.tags else ()
    names = frozenset(index[i + offset] for i in phrase.names if i + offset in index)
    head = index[part.head]
    return Phrase(words, head, names, phrase.attached, phrase.location, tags, phrase.span)
