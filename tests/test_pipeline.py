"""The coding pipeline with sentence selection: exact offsets, the context coreference needs, and
the events of the whole parse (model-backed, on articles written for these tests)."""

from __future__ import annotations

import pytest

from detente.ingest import make_article
from detente.pipeline import Coder
from detente.records import Article, Event
from detente.settings import Settings

pytestmark = pytest.mark.model

SPYING = make_article(
    "Norwegian Foreign Minister Ingrid Solberg spoke to reporters in Oslo on Wednesday after a "
    "long cabinet meeting.\n\n"
    "The sky was grey and a light rain fell over the harbour all afternoon.\n\n"
    "She accused Chile of spying on Norwegian fishing companies and summoned the Chilean "
    "ambassador.\n\n"
    "Tickets for the summer festival went on sale at noon. Organisers expect a record crowd this "
    "year.\n\n"
    "Chile rejected the accusation on Thursday and threatened to expel two Norwegian diplomats.",
    title="Norway accuses Chile of spying on its fishing fleet",
    published="2031-05-14",
    origin="test",
)
RIVER = make_article(
    "Peru and Bolivia signed a water-sharing agreement in La Paz on Monday.\n\n"
    "The river has been low for three summers, and farmers along its banks have planted less "
    "maize.\n\n"
    "Bolivian President Marco Quispe praised Peru for its patience during the talks. He said the "
    "deal would be reviewed in five years.\n\n"
    "A local choir sang at the ceremony, which ended before sunset.",
    title="Peru and Bolivia share a river",
    published="2031-06-02",
    origin="test",
)
ARTICLES = [SPYING, RIVER]


@pytest.fixture(scope="module")
def selecting() -> Coder:
    return Coder(Settings(select_sentences=True, use_classifier=False))


@pytest.fixture(scope="module")
def whole() -> Coder:
    return Coder(Settings(select_sentences=False, use_classifier=False))


def coded(coder: Coder, articles: list[Article] = ARTICLES) -> list[list[Event]]:
    return [events for _, events in coder.code(articles)]


def sentence_index(article: Article, coder: Coder, fragment: str) -> tuple[int, bool]:
    """Which cheap-pass sentence holds ``fragment``, and whether it was kept."""
    nlp = coder.language
    doc = nlp(nlp.make_doc(article.doc_text))
    selection = doc._.selection
    for n, (sentence, kept) in enumerate(zip(selection.sentences, selection.kept, strict=True)):
        if fragment in doc[sentence.start : sentence.end].text:
            return n, kept
    raise AssertionError(f"no sentence holds {fragment!r}")


def test_offsets_are_exact_in_the_article(selecting: Coder) -> None:
    results = coded(selecting)
    assert all(results)
    for article, events in zip(ARTICLES, results, strict=True):
        text = article.doc_text
        for event in events:
            assert text[event.trigger_start : event.trigger_end] == event.trigger
            assert text[event.sentence_start :].startswith(event.sentence)
            for mention in (event.source, event.target):
                assert text[mention.start : mention.end] == mention.text


def test_mentions_keep_the_article_offsets(selecting: Coder) -> None:
    nlp = selecting.language
    doc = nlp(nlp.make_doc(SPYING.doc_text))
    assert doc.text == SPYING.doc_text and doc._.mentions
    for mention in doc._.mentions:
        assert SPYING.doc_text[mention.start : mention.end] == mention.text


def test_sentences_without_actors_are_not_parsed(selecting: Coder) -> None:
    nlp = selecting.language
    doc = nlp(nlp.make_doc(SPYING.doc_text))
    selection = doc._.selection
    skipped = [
        doc[s.start : s.end]
        for s, kept in zip(selection.sentences, selection.kept, strict=True)
        if not kept
    ]
    assert any("light rain" in span.text for span in skipped)
    assert any("Tickets" in span.text for span in skipped)
    assert all(token.pos_ == "" for span in skipped for token in span)


@pytest.mark.parametrize("article", ARTICLES, ids=["spying", "river"])
def test_same_events_with_and_without_selection(
    selecting: Coder, whole: Coder, article: Article
) -> None:
    assert coded(selecting, [article]) == coded(whole, [article])


def test_a_pronoun_keeps_its_antecedent(selecting: Coder, whole: Coder) -> None:
    def by_she(coder: Coder) -> list[Event]:
        return [e for e in coded(coder, [SPYING])[0] if e.source.text == "She"]

    selected, parsed_whole = by_she(selecting), by_she(whole)
    assert selected and [e.source.actor for e in selected] == [e.source.actor for e in parsed_whole]
    assert selected[0].source.actor.country == "NOR"
    pronoun, kept = sentence_index(SPYING, selecting, "She accused Chile")
    antecedent, antecedent_kept = sentence_index(SPYING, selecting, "Ingrid Solberg")
    assert kept and antecedent_kept and antecedent < pronoun
    assert not sentence_index(SPYING, selecting, "light rain")[1]


def test_the_headline_stays_a_sentence(selecting: Coder) -> None:
    headline = [e for e in coded(selecting, [SPYING])[0] if e.sentence_start == 0]
    assert headline and all(e.sentence.strip() == SPYING.title for e in headline)


def test_the_learned_classifier_finds_the_same_international_events() -> None:
    on = Coder(Settings(select_sentences=True))
    if on.language.get_pipe("detente_events").combiner is None:
        pytest.skip("the learned classifier is not installed")
    off = Coder(Settings(select_sentences=False))

    def international(coder: Coder) -> list[set[tuple[int, int, str]]]:
        return [
            {(e.source.start, e.target.start, e.cameo) for e in events if e.international}
            for events in coded(coder)
        ]

    assert international(on) == international(off)


@pytest.mark.parametrize(
    ("settings", "present", "absent"),
    [
        (Settings(), "detente_select", "nothing"),
        (Settings(select_sentences=False), "detente_parse", "detente_select"),
    ],
)
def test_settings_choose_the_pipeline(settings: Settings, present: str, absent: str) -> None:
    names = Coder(settings).language.pipe_names
    assert present in names and absent not in names


def test_the_classifier_can_be_turned_off(selecting: Coder) -> None:
    events = selecting.language.get_pipe("detente_events")
    assert events.combiner is None


def test_code_text_keeps_its_api(selecting: Coder) -> None:
    events = selecting.code_text(SPYING.text, title=SPYING.title, published="2031-05-14")
    assert [e.cameo for e in events] == [e.cameo for e in coded(selecting, [SPYING])[0]]


@pytest.mark.slow
def test_two_workers_select_like_one(selecting: Coder) -> None:
    assert coded(Coder(Settings(workers=2, use_classifier=False))) == coded(selecting)
