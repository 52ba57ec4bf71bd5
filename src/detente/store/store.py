"""The DuckDB store. ``Store`` takes its connection; ``Store.open`` makes one from a path.

Writing an article is idempotent: an article id already stored is not written again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import StoreError
from detente.records import Article, Event, Mention
from detente.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)

EVENT_COLUMNS = (
    "id", "article_id", "date", "date_rule",
    "source_text", "source_start", "source_end", "source_country", "source_sector",
    "source_name", "source_igo", "source_method", "source_evidence",
    "target_text", "target_start", "target_end", "target_country", "target_sector",
    "target_name", "target_igo", "target_method", "target_evidence",
    "cameo", "root", "quad", "goldstein", "plover",
    "trigger", "trigger_start", "trigger_end", "sentence", "sentence_start",
    "confidence", "method", "international",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for reading events back."""

    dyad: tuple[str, str] | None = None
    directed: bool = False
    since: date | None = None
    until: date | None = None
    international: bool | None = None
    root: str | None = None
    limit: int | None = None


class Store:
    """Articles and events in one DuckDB database."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, migrate: bool = True) -> None:
        self.con = con
        if migrate:
            self.migrate()
        elif self.schema_version < SCHEMA_VERSION:
            raise StoreError("the database is not a detente store of the current schema")

    @classmethod
    def open(cls, path: str | Path = "detente.duckdb", *, read_only: bool = False) -> Store:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"cannot open {path}: {error}") from error
        return cls(con, migrate=not read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)"
        )
        done = {row[0] for row in self.con.execute("SELECT name FROM migrations").fetchall()}
        for name, apply in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                apply(self.con)
                self.con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [name])
                self.con.execute("COMMIT")
            except duckdb.Error as error:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {error}") from error

    @property
    def schema_version(self) -> int:
        try:
            row = self.con.execute("SELECT count(*) FROM migrations").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def add(self, article: Article, events: Sequence[Event]) -> bool:
        """Store an article and its events; False when the article was already stored."""
        if self.has_article(article.id):
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(
                "INSERT INTO articles (id, title, text, published, url, source, author, origin,"
                " language, n_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id, article.title, article.text, article.published, article.url,
                    article.source, article.author, article.origin, article.language,
                    len(events),
                ],
            )  # fmt: skip
            rows = {event.id: event_row(event) for event in events}
            if rows:
                marks = ", ".join("?" for _ in EVENT_COLUMNS)
                self.con.executemany(
                    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})",
                    list(rows.values()),
                )
            self.con.execute("COMMIT")
        except duckdb.Error as error:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot store article {article.id}: {error}") from error
        return True

    def counts(self) -> dict[str, int]:
        articles = self.con.execute("SELECT count(*) FROM articles").fetchone()
        events = self.con.execute("SELECT count(*) FROM events").fetchone()
        return {"articles": int(articles[0]) if articles else 0,
                "events": int(events[0]) if events else 0}  # fmt: skip

    def events(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """Events as column dicts, oldest first."""
        sql, params = events_sql(query or EventQuery())
        cursor = self.con.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def events_sql(query: EventQuery, columns: Iterable[str] = ("*",)) -> tuple[str, list[Any]]:
    """SQL and parameters selecting events that match ``query``."""
    where: list[str] = []
    params: list[Any] = []
    if query.dyad:
        a, b = query.dyad
        if query.directed:
            where.append("source_country = ? AND target_country = ?")
            params += [a, b]
        else:
            where.append(
                "((source_country = ? AND target_country = ?)"
                " OR (source_country = ? AND target_country = ?))"
            )
            params += [a, b, b, a]
    if query.since:
        where.append("date >= ?")
        params.append(query.since)
    if query.until:
        where.append("date <= ?")
        params.append(query.until)
    if query.international is not None:
        where.append("international = ?")
        params.append(query.international)
    if query.root:
        where.append("root = ?")
        params.append(query.root)
    sql = f"SELECT {', '.join(columns)} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date, article_id, sentence_start, trigger_start"
    if query.limit:
        sql += f" LIMIT {int(query.limit)}"
    return sql, params


def mention_values(mention: Mention) -> list[Any]:
    actor = mention.actor
    return [
        mention.text, mention.start, mention.end, actor.country, actor.sector, actor.name,
        actor.igo, actor.method, list(mention.evidence),
    ]  # fmt: skip


def event_row(event: Event) -> list[Any]:
    return [
        event.id, event.article_id, event.date, event.date_rule,
        *mention_values(event.source), *mention_values(event.target),
        event.cameo, event.root, event.quad, event.goldstein, event.plover,
        event.trigger, event.trigger_start, event.trigger_end, event.sentence,
        event.sentence_start, event.confidence, event.method, event.international,
    ]  # fmt: skip
