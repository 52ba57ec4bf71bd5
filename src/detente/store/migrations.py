"""Schema migrations: each is a named function applied once, in order, in a transaction."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    def register(function: Migration) -> Migration:
        MIGRATIONS.append((name, function))
        return function

    return register


@migration("0001_articles_events")
def _articles_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            text VARCHAR NOT NULL,
            published DATE,
            url VARCHAR,
            source VARCHAR,
            author VARCHAR,
            origin VARCHAR,
            language VARCHAR,
            n_events INTEGER NOT NULL DEFAULT 0,
            coded_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )
    con.execute(
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            date DATE,
            date_rule VARCHAR,
            source_text VARCHAR, source_start INTEGER, source_end INTEGER,
            source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
            source_igo VARCHAR, source_method VARCHAR, source_evidence VARCHAR[],
            target_text VARCHAR, target_start INTEGER, target_end INTEGER,
            target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
            target_igo VARCHAR, target_method VARCHAR, target_evidence VARCHAR[],
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            quad TINYINT NOT NULL,
            goldstein DOUBLE NOT NULL,
            plover VARCHAR,
            trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            sentence VARCHAR, sentence_start INTEGER,
            confidence DOUBLE,
            method VARCHAR,
            international BOOLEAN NOT NULL
        )
        """
    )
    con.execute("CREATE INDEX events_dyad ON events (source_country, target_country, date)")
    con.execute("CREATE INDEX events_article ON events (article_id)")


@migration("0002_series_dedup")
def _series_dedup(con: duckdb.DuckDBPyConnection) -> None:
    """Near-duplicate articles (MinHash) and the de-duplicated events series read."""
    con.execute(
        """
        CREATE TABLE article_minhash (
            article_id VARCHAR PRIMARY KEY,
            story_id VARCHAR NOT NULL,
            signature UBIGINT[] NOT NULL
        )
        """
    )
    con.execute("CREATE TABLE article_bands (band SMALLINT, bucket UBIGINT, article_id VARCHAR)")
    con.execute("CREATE INDEX article_bands_bucket ON article_bands (band, bucket)")
    con.execute(
        """
        CREATE TABLE events_dedup (
            id VARCHAR, article_id VARCHAR, date DATE, date_rule VARCHAR,
            a VARCHAR, b VARCHAR,
            source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
            source_name VARCHAR,
            target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
            target_name VARCHAR,
            cameo VARCHAR, root VARCHAR, quad TINYINT, goldstein DOUBLE, plover VARCHAR,
            trigger VARCHAR, sentence VARCHAR, confidence DOUBLE,
            reports BIGINT, articles BIGINT
        )
        """
    )
    con.execute(
        "CREATE TABLE dedup_state (events BIGINT, articles BIGINT, window_days INTEGER,"
        " refreshed TIMESTAMP)"
    )


@migration("0003_feed_state")
def _feed_state(con: duckdb.DuckDBPyConnection) -> None:
    """What `detente watch` fetched (validators for conditional GET) and which items it saw."""
    con.execute(
        """
        CREATE TABLE feeds (
            url VARCHAR PRIMARY KEY,
            etag VARCHAR,
            last_modified VARCHAR,
            status INTEGER,
            checked_at TIMESTAMP
        )
        """
    )
    con.execute(
        """
        CREATE TABLE feed_items (
            feed VARCHAR NOT NULL,
            key VARCHAR NOT NULL,
            article_id VARCHAR,
            outcome VARCHAR NOT NULL,
            seen_at TIMESTAMP,
            PRIMARY KEY (feed, key)
        )
        """
    )
