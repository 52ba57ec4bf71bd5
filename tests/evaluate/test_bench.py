"""The benchmark's arithmetic with fakes, and one real run on a tiny corpus."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from detente.evaluate.bench import BenchReport, Timing, bench, bench_json, read_corpus
from detente.records import Article, Event
from detente.settings import Settings
from tests.evaluate.fakes import make_event

TEXTS = [
    "Peru thanked Chile for the loan on Monday.",
    "Norway criticised Chile over the fishing quotas.",
    "Heavy rain fell on the coast all week.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": text}) for text in TEXTS] + ['{"title": "no text"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class OneEventCoder:
    """Predicts one event for every article that names Chile."""

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            text = article.doc_text
            if "Chile" in text:
                yield article, [make_event(text, (text.split()[0], "XXX", "Chile", "CHL", "051"))]
            else:
                yield article, []


class FakeParser:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], int, int]] = []

    def pipe(self, texts: Iterable[str], *, batch_size: int, n_process: int) -> Iterator[Any]:
        texts = list(texts)
        self.calls.append((texts, batch_size, n_process))
        yield from texts


def test_read_corpus_counts_skipped(corpus: Path) -> None:
    articles, skipped = read_corpus(corpus)
    assert [a.text for a in articles] == TEXTS and skipped == 1
    assert len(read_corpus(corpus, limit=2)[0]) == 2


def test_bench_with_fakes(corpus: Path) -> None:
    parser = FakeParser()
    phases: list[tuple[str, int]] = []

    def progress(name: str, total: int) -> Any:
        phases.append((name, total))
        return lambda n: None

    report = bench(
        corpus,
        settings=Settings(workers=2, batch_size=8),
        coder=OneEventCoder(),
        nlp=parser,
        progress=progress,
    )
    assert (report.detente.n_articles, report.n_events, report.n_skipped) == (3, 2, 1)
    assert report.detente.n_words == sum(len(t.split()) for t in TEXTS)
    assert report.events_per_article == pytest.approx(2 / 3)
    assert parser.calls == [(TEXTS, 8, 2)]  # same texts, same batch size and workers
    assert phases == [("detente", 3), ("parse", 3)]
    assert 0 < report.peak_rss_mb <= report.peak_rss_mb_total


def test_ratio_and_json() -> None:
    report = BenchReport(
        corpus="c",
        model="m",
        workers=1,
        n_skipped=0,
        n_events=10,
        detente=Timing(seconds=4.0, n_articles=8, n_words=8000),
        bare=Timing(seconds=2.0, n_articles=8, n_words=8000),
        load_seconds=0.5,
        peak_rss_mb=400.0,
        peak_rss_mb_total=700.0,
    )
    data = bench_json(report)
    assert data["articles_per_s"] == 2.0 and data["words_per_s"] == 2000.0
    assert data["bare_parse"]["words_per_s"] == 4000.0
    assert data["ratio_vs_bare_parse"] == 0.5
    assert data["events_per_article"] == 1.25 and data["peak_rss_mb"] == 400.0


@pytest.mark.model
def test_real_bench_on_a_tiny_corpus(corpus: Path, bare_nlp: Language) -> None:
    report = bench(corpus, nlp=bare_nlp)
    assert report.detente.n_articles == 3
    assert report.bare.words_per_second > 0 and report.ratio_vs_bare_parse > 0
