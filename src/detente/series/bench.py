"""Timings of series, reports and networks over a synthetic store, built with DuckDB SQL.

``python -m detente.series.bench --events 10000000 --db /tmp/synthetic.duckdb`` writes a store
of that many events (40 countries, USA and RUS the busiest, 2010-2024, 12 CAMEO codes over all
quad classes, ten events per article), marks every article as its own story (no near-duplicate
texts: the MinHash pass is timed apart, on ``--sign`` generated articles), rebuilds the
de-duplicated table and times the reads, each the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from detente.series.dedup import WINDOW_DAYS, rebuild_events, signature
from detente.series.dyad import dyad_events, dyad_series
from detente.series.network import network
from detente.serve.report import build_report
from detente.store import Store

COUNTRIES = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IND", "PAK", "IRN", "ISR", "UKR", "TUR",
             "JPN", "KOR", "PRK", "BRA", "ARG", "MEX", "CAN", "AUS", "EGY", "SAU", "SYR", "IRQ",
             "AFG", "NGA", "ZAF", "KEN", "ETH", "SDN", "VEN", "COL", "CUB", "POL", "ITA", "ESP",
             "GRC", "SRB", "IDN", "VNM"]  # fmt: skip
CODES = [("010", 0.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("057", 8.0, 2), ("061", 6.4, 2),
         ("070", 7.0, 2), ("112", -2.0, 3), ("130", -4.4, 3), ("120", -4.0, 3), ("161", -4.0, 4),
         ("163", -8.0, 4), ("190", -10.0, 4)]  # fmt: skip


def build_synthetic(con: duckdb.DuckDBPyConnection, n_events: int) -> None:
    """Fill an empty store with ``n_events`` events and one article per ten events."""
    countries = ", ".join(f"('{c}', {i})" for i, c in enumerate(COUNTRIES))
    codes = ", ".join(f"('{c}', {g}, {q}, {i})" for i, (c, g, q) in enumerate(CODES))
    con.execute(f"CREATE TEMP TABLE countries AS SELECT * FROM (VALUES {countries}) t(code, i)")
    con.execute(f"CREATE TEMP TABLE codes AS SELECT * FROM (VALUES {codes}) t(code, g, q, i)")
    n_articles = max(n_events // 10, 1)
    con.execute(
        """
        INSERT INTO articles (id, title, text, published, n_events)
        SELECT 'a' || range, NULL, 'synthetic article ' || range,
               DATE '2010-01-01' + CAST(range * 5479 // $n AS INTEGER), 10
        FROM range($n)
        """,
        {"n": n_articles},
    )
    # a skewed pick: about one event in six is between USA and RUS
    con.execute(
        """
        INSERT INTO events (id, article_id, date, date_rule, source_country, target_country,
                            source_sector, target_sector, cameo, root, quad, goldstein,
                            sentence, confidence, international)
        SELECT 'e' || r, 'a' || (r // 10), d, 'synthetic', s.code, t.code, 'GOV', 'GOV',
               c.code, left(c.code, 2), c.q, c.g, 'synthetic sentence ' || r, 0.6, true
        FROM (
            SELECT range AS r,
                   DATE '2010-01-01' + CAST((range // 10) * 5479 // $articles AS INTEGER)
                       - CAST(hash(range, 1) % 3 AS INTEGER) AS d,
                   CASE WHEN hash(range, 2) % 6 = 0 THEN hash(range, 3) % 2
                        ELSE hash(range, 4) % 40 END AS si,
                   CASE WHEN hash(range, 2) % 6 = 0 THEN 1 - hash(range, 3) % 2
                        ELSE (hash(range, 4) % 40 + 1 + hash(range, 5) % 39) % 40 END AS ti,
                   hash(range, 6) % 12 AS ci
            FROM range($n)
        ) x
        JOIN countries s ON s.i = x.si JOIN countries t ON t.i = x.ti JOIN codes c ON c.i = x.ci
        """,
        {"n": n_events, "articles": n_articles},
    )
    con.execute("INSERT INTO article_minhash SELECT id, id, []::UBIGINT[] FROM articles")


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def timings(store: Store, repeat: int) -> dict[str, float]:
    con = store.con
    year = (date(2017, 1, 1), date(2017, 12, 31))
    return {
        "series USA-RUS by month (undirected)": best(
            lambda: dyad_series(con, "USA", "RUS", freq="month"), repeat),
        "series USA->RUS by week (directed)": best(
            lambda: dyad_series(con, "USA", "RUS", directed=True, freq="week"), repeat),
        "series USA-RUS by day": best(lambda: dyad_series(con, "USA", "RUS", freq="day"), repeat),
        "series FRA-DEU by month (a smaller dyad)": best(
            lambda: dyad_series(con, "FRA", "DEU", freq="month"), repeat),
        "events behind one month of USA-RUS": best(
            lambda: dyad_events(con, "USA", "RUS", since=date(2017, 3, 1),
                                until=date(2017, 3, 31)), repeat),
        "report data USA-RUS (series, turning points, top events, actors)": best(
            lambda: build_report(con, "USA", "RUS"), repeat),
        "network of one year, countries": best(
            lambda: network(con, since=year[0], until=year[1]), repeat),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/detente-synthetic.duckdb"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sign", type=int, default=2000)
    args = parser.parse_args()
    args.db.unlink(missing_ok=True)
    with Store.open(args.db) as store:
        start = time.perf_counter()
        build_synthetic(store.con, args.events)
        print(f"build {args.events:,} events: {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        rebuild_events(store.con, WINDOW_DAYS)
        kept = store.con.execute("SELECT count(*) FROM events_dedup").fetchone()
        print(f"de-duplicate: {time.perf_counter() - start:.1f} s, {kept[0] if kept else 0:,} kept")
        for name, seconds in timings(store, args.repeat).items():
            print(f"{name}: {seconds * 1000:.0f} ms")
    texts = [f"article {i} " + " ".join(f"w{(i * 7 + j) % 997}" for j in range(800))
             for i in range(args.sign)]  # fmt: skip
    start = time.perf_counter()
    for text in texts:
        signature(text)
    rate = args.sign / (time.perf_counter() - start)
    print(f"MinHash signatures: {rate:,.0f} articles/s (800-word articles)")


if __name__ == "__main__":
    main()
