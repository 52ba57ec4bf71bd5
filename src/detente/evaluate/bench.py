"""``detente bench``: detente's throughput end to end, next to a bare spaCy parse of the same texts.

Both runs use the same model (``settings.model``), the same batch size and the same number of
worker processes; model loading is timed apart. detente's run codes into a fresh DuckDB file and
comes first, so ``peak_rss_mb`` (read before the bare model is loaded) is detente's own;
``peak_rss_mb_total`` includes the bare parse. ``ratio_vs_bare_parse`` is detente's words/s over
the bare parse's words/s.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from detente.errors import ModelError
from detente.ingest import read_paths
from detente.records import Article, Event
from detente.settings import Settings

Progress = Callable[[int], None]


class ArticleCoder(Protocol):
    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]: ...


class Parser(Protocol):
    def pipe(self, texts: Iterable[str], *, batch_size: int, n_process: int) -> Iterator[Any]: ...


@dataclass(frozen=True, slots=True)
class Timing:
    """Articles and words processed in so many seconds."""

    seconds: float
    n_articles: int
    n_words: int

    @property
    def articles_per_second(self) -> float:
        return self.n_articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.n_words / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class BenchReport:
    corpus: str
    model: str
    workers: int
    n_skipped: int
    n_events: int
    detente: Timing
    bare: Timing
    load_seconds: float
    peak_rss_mb: float
    peak_rss_mb_total: float
    select_sentences: bool = True
    learned: bool = True

    @property
    def events_per_article(self) -> float:
        n = self.detente.n_articles
        return self.n_events / n if n else 0.0

    @property
    def ratio_vs_bare_parse(self) -> float:
        bare = self.bare.words_per_second
        return self.detente.words_per_second / bare if bare else 0.0


def read_corpus(path: str | Path, *, limit: int | None = None) -> tuple[list[Article], int]:
    """The corpus's articles (the first ``limit``) and how many items were skipped."""
    articles: list[Article] = []
    skipped = 0
    for item in read_paths([path]):
        if limit is not None and len(articles) >= limit:
            break
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped += 1
    return articles, skipped


def word_count(articles: Iterable[Article]) -> int:
    return sum(len(article.doc_text.split()) for article in articles)


def time_detente(
    articles: Sequence[Article],
    coder: ArticleCoder,
    db_path: Path,
    *,
    progress: Progress | None = None,
) -> tuple[Timing, int]:
    """Code and store every article; the timing and the number of events."""
    from detente.store import Store

    n_events = 0
    started = time.perf_counter()
    with Store.open(db_path) as store:
        for article, events in coder.code(articles):
            store.add(article, events)
            n_events += len(events)
            if progress:
                progress(1)
    seconds = time.perf_counter() - started
    return Timing(seconds, len(articles), word_count(articles)), n_events


def time_bare_parse(
    articles: Sequence[Article],
    nlp: Parser,
    *,
    workers: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
) -> Timing:
    """A full parse of the same texts with ``nlp.pipe`` and nothing else."""
    texts = [article.doc_text for article in articles]
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        if progress:
            progress(1)
    return Timing(time.perf_counter() - started, len(articles), word_count(articles))


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus the largest finished child (workers), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
    return (own + children) * unit / 1_000_000


def bench(
    corpus: str | Path,
    *,
    limit: int | None = None,
    settings: Settings | None = None,
    coder: ArticleCoder | None = None,
    nlp: Parser | None = None,
    progress: Callable[[str, int], Progress] | None = None,
) -> BenchReport:
    """Time detente and a bare parse on ``corpus`` (CSV, JSONL, or a zip of either).

    ``progress(phase, total)`` returns the callback that a phase ("detente", "parse") advances.
    """
    settings = settings or Settings()
    articles, skipped = read_corpus(corpus, limit=limit)
    started = time.perf_counter()
    coder = coder or _load_coder(settings)
    load_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        detente, n_events = time_detente(
            articles,
            coder,
            Path(folder) / "bench.duckdb",
            progress=progress("detente", len(articles)) if progress else None,
        )
    detente_rss = peak_rss_mb()
    nlp = nlp or _load_nlp(settings.model)
    bare = time_bare_parse(
        articles,
        nlp,
        workers=settings.workers,
        batch_size=settings.batch_size,
        progress=progress("parse", len(articles)) if progress else None,
    )
    return BenchReport(
        corpus=str(corpus),
        model=settings.model,
        workers=settings.workers,
        n_skipped=skipped,
        n_events=n_events,
        detente=detente,
        bare=bare,
        load_seconds=load_seconds,
        peak_rss_mb=detente_rss,
        peak_rss_mb_total=peak_rss_mb(),
        select_sentences=settings.select_sentences,
        learned=settings.use_classifier,
    )


def _load_coder(settings: Settings) -> ArticleCoder:
    from detente.pipeline import Coder

    return Coder(settings)


def _load_nlp(model: str) -> Parser:
    """The bare spaCy model, without detente's components."""
    import spacy

    try:
        nlp: Parser = spacy.load(model)
    except OSError as error:
        raise ModelError(f"spaCy model {model!r} is not installed") from error
    return nlp


def bench_json(report: BenchReport) -> dict[str, Any]:
    """The benchmark as a JSON object."""
    return {
        "corpus": report.corpus,
        "model": report.model,
        "workers": report.workers,
        "select_sentences": report.select_sentences,
        "learned": report.learned,
        "articles": report.detente.n_articles,
        "words": report.detente.n_words,
        "events": report.n_events,
        "skipped": report.n_skipped,
        "seconds": round(report.detente.seconds, 3),
        "articles_per_s": round(report.detente.articles_per_second, 3),
        "words_per_s": round(report.detente.words_per_second, 1),
        "events_per_article": round(report.events_per_article, 3),
        "peak_rss_mb": round(report.peak_rss_mb, 1),
        "peak_rss_mb_total": round(report.peak_rss_mb_total, 1),
        "load_seconds": round(report.load_seconds, 3),
        "bare_parse": {
            "seconds": round(report.bare.seconds, 3),
            "articles_per_s": round(report.bare.articles_per_second, 3),
            "words_per_s": round(report.bare.words_per_second, 1),
        },
        "ratio_vs_bare_parse": round(report.ratio_vs_bare_parse, 3),
    }
