"""The de-duplicated view of the events that series, networks and reports read.

Raw events stay as coded in ``events``; ``refresh`` rebuilds ``events_dedup`` from them by two
rules, applied in order:

1. **Stories.** Articles whose texts are near-duplicates (estimated Jaccard similarity of their
   5-word shingles at least ``STORY_THRESHOLD``, by 64-permutation MinHash with 16 LSH bands)
   are one story: the same wire copy run by several outlets. Only the story's first article
   (earliest publication date, then smallest id) contributes events. Signatures and band
   buckets are kept in ``article_minhash`` and ``article_bands``.
2. **Event clusters.** Events with the same directed dyad (source and target country) and the
   same CAMEO code are one event when their dates are close: the distinct days on which a
   dyad and code occur are split into runs wherever two days are more than ``window`` days
   apart, and each run is cut into chunks of ``window + 1`` days counted from its first day.
   Undated events cluster within their own article. With the default window of one day, the
   report of the day and a follow-up the next day count once, as do several sentences of one
   article that tell the same event.

Each cluster is represented by its earliest, most confident event; ``reports`` counts the
events and ``articles`` the articles behind it. Rows are sorted by the undirected pair (``a``,
``b``) and date, so a dyad's rows sit together and DuckDB skips the rest by zone maps.
``ensure_fresh`` rebuilds only when events or articles were added since the last refresh.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import numpy as np

from detente.errors import StoreError
from detente.store import Store

STORY_THRESHOLD = 0.8
NUM_PERM = 64
BANDS = 16
SHINGLE = 5
WINDOW_DAYS = 1
MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"\w+")


def refresh(store: Store, *, window: int = WINDOW_DAYS) -> None:
    """Bring the stories up to date with the articles, then rebuild ``events_dedup``."""
    if window < 0:
        raise ValueError("the de-duplication window cannot be negative")
    refresh_stories(store.con)
    rebuild_events(store.con, window)


def ensure_fresh(store: Store, *, window: int = WINDOW_DAYS) -> bool:
    """Refresh when the store changed since the last refresh; True when it did."""
    state = store.con.execute("SELECT events, articles, window_days FROM dedup_state").fetchone()
    if state == (*_counts(store.con), window):
        return False
    refresh(store, window=window)
    return True


def _counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    row = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles)")
    events, articles = row.fetchone() or (0, 0)
    return int(events), int(articles)


# -- stories ----------------------------------------------------------------------------------


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def permutations() -> tuple[np.ndarray, np.ndarray]:
    """The fixed random hash functions ``(a * x + b) mod p`` of every signature."""
    generator = np.random.default_rng(1)
    a = generator.integers(1, MERSENNE, size=NUM_PERM, dtype=np.uint64)
    b = generator.integers(0, MERSENNE, size=NUM_PERM, dtype=np.uint64)
    return a, b


def signature(text: str, hashes: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """The MinHash signature of a text's shingles (products wrap at 64 bits, as usual)."""
    a, b = hashes or permutations()
    values = np.array(
        [
            int.from_bytes(hashlib.blake2b(s, digest_size=4).digest(), "little")
            for s in shingles(text)
        ],
        dtype=np.uint64,
    )
    with np.errstate(over="ignore"):
        mixed = (values[:, None] * a[None, :] + b[None, :]) % np.uint64(MERSENNE)
    return mixed.min(axis=0)


def band_buckets(sig: np.ndarray) -> list[int]:
    """One stable 63-bit bucket per LSH band."""
    rows = NUM_PERM // BANDS
    return [
        int.from_bytes(hashlib.blake2b(sig[i * rows : (i + 1) * rows].tobytes(), digest_size=8)
                       .digest(), "little") >> 1
        for i in range(BANDS)
    ]  # fmt: skip


def similarity(left: np.ndarray, right: np.ndarray) -> float:
    """Estimated Jaccard similarity of two texts from their signatures."""
    return float(np.mean(left == right))


def refresh_stories(con: duckdb.DuckDBPyConnection) -> int:
    """Sign the articles not signed yet and merge near-duplicates into stories; returns how many
    articles were signed."""
    new = con.execute(
        "SELECT a.id, coalesce(a.title, '') || ' ' || a.text FROM articles a"
        " ANTI JOIN article_minhash m ON m.article_id = a.id"
    ).fetchall()
    if not new:
        return 0
    hashes = permutations()
    signatures = {article_id: signature(text, hashes) for article_id, text in new}
    ids = list(signatures)
    con.execute(
        "INSERT INTO article_minhash SELECT unnest($ids), unnest($ids), unnest($sigs::UBIGINT[][])",
        {"ids": ids, "sigs": [sig.tolist() for sig in signatures.values()]},
    )
    bands = [
        (band, bucket, i) for i in ids for band, bucket in enumerate(band_buckets(signatures[i]))
    ]
    con.execute(
        "INSERT INTO article_bands SELECT unnest($band::SMALLINT[]), unnest($bucket::UBIGINT[]),"
        " unnest($id::VARCHAR[])",
        {
            "band": [b[0] for b in bands],
            "bucket": [b[1] for b in bands],
            "id": [b[2] for b in bands],
        },
    )
    merge_stories(con, near_duplicates(con, list(signatures)))
    return len(new)


def near_duplicates(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs (new article, other article) that share a band and pass the threshold."""
    temp_ids(con, "new_articles", ids)
    pairs = con.execute(
        """
        SELECT DISTINCT x.article_id, y.article_id, mx.signature, my.signature
        FROM article_bands x
        JOIN new_articles n ON n.id = x.article_id
        JOIN article_bands y ON y.band = x.band AND y.bucket = x.bucket
             AND y.article_id <> x.article_id
        JOIN article_minhash mx ON mx.article_id = x.article_id
        JOIN article_minhash my ON my.article_id = y.article_id
        """
    ).fetchall()
    con.execute("DROP TABLE new_articles")
    return [
        (left, right)
        for left, right, sig_left, sig_right in pairs
        if similarity(np.asarray(sig_left), np.asarray(sig_right)) >= STORY_THRESHOLD
    ]


def temp_ids(con: duckdb.DuckDBPyConnection, name: str, ids: Sequence[str]) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT unnest($ids::VARCHAR[]) AS id",
                {"ids": list(ids)})  # fmt: skip


def merge_stories(con: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[str, str]]) -> None:
    """Union the stories of each pair; a story is named by its first article."""
    pairs = list(pairs)
    if not pairs:
        return
    members = {article for pair in pairs for article in pair}
    temp_ids(con, "linked", list(members))
    rows = con.execute(
        "SELECT m.article_id, m.story_id FROM article_minhash m"
        " JOIN linked l ON l.id = m.article_id"
    ).fetchall()
    con.execute("DROP TABLE linked")
    parent = {story: story for _, story in rows}
    story_of = dict(rows)

    def find(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in pairs:
        parent[find(story_of[left])] = find(story_of[right])
    groups: dict[str, list[str]] = {}
    for story in parent:
        groups.setdefault(find(story), []).append(story)
    for stories in groups.values():
        if len(stories) > 1:
            _rename_stories(con, stories)


def _rename_stories(con: duckdb.DuckDBPyConnection, stories: list[str]) -> None:
    marks = ", ".join("?" for _ in stories)
    first = con.execute(
        f"SELECT id FROM articles WHERE id IN ({marks}) ORDER BY published NULLS LAST, id LIMIT 1",
        stories,
    ).fetchone()
    if first is None:
        return
    con.execute(
        f"UPDATE article_minhash SET story_id = ? WHERE story_id IN ({marks})", [first[0], *stories]
    )


# -- event clusters ---------------------------------------------------------------------------

DEDUP_SQL = """
CREATE OR REPLACE TABLE events_dedup AS
WITH kept AS (
    SELECT e.* FROM events e
    LEFT JOIN article_minhash m ON m.article_id = e.article_id
    WHERE coalesce(m.story_id, e.article_id) = e.article_id
      AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
),
days AS (
    SELECT source_country, target_country, cameo, date,
           date - lag(date) OVER key_order AS gap
    FROM (SELECT DISTINCT source_country, target_country, cameo, date FROM kept
          WHERE date IS NOT NULL)
    WINDOW key_order AS (PARTITION BY source_country, target_country, cameo ORDER BY date)
),
runs AS (
    SELECT *, sum(CASE WHEN gap IS NULL OR gap > $window THEN 1 ELSE 0 END)
              OVER (PARTITION BY source_country, target_country, cameo ORDER BY date) AS run
    FROM days
),
chunks AS (
    SELECT source_country, target_country, cameo, date,
           run::VARCHAR || ':' || ((date - min(date) OVER (
               PARTITION BY source_country, target_country, cameo, run)) // ($window + 1))::VARCHAR
           AS chunk
    FROM runs
),
clustered AS (
    SELECT k.*, coalesce(c.chunk, k.article_id) AS cluster
    FROM kept k
    LEFT JOIN chunks c ON c.source_country = k.source_country
         AND c.target_country = k.target_country AND c.cameo = k.cameo AND c.date = k.date
),
ranked AS (
    SELECT *, row_number() OVER cluster_order AS rank,
           count(*) OVER cluster_all AS reports
    FROM clustered
    WINDOW cluster_order AS (PARTITION BY source_country, target_country, cameo, cluster
                             ORDER BY date NULLS LAST, confidence DESC, article_id,
                                      sentence_start, trigger_start),
           cluster_all AS (PARTITION BY source_country, target_country, cameo, cluster)
),
article_counts AS (
    SELECT source_country, target_country, cameo, cluster, count(DISTINCT article_id) AS articles
    FROM clustered GROUP BY ALL
)
SELECT r.id, r.article_id, r.date, r.date_rule,
       least(r.source_country, r.target_country) AS a,
       greatest(r.source_country, r.target_country) AS b,
       r.source_country, r.source_sector, r.source_text, r.source_name,
       r.target_country, r.target_sector, r.target_text, r.target_name,
       r.cameo, r.root, r.quad, r.goldstein, r.plover, r.trigger, r.sentence, r.confidence,
       r.reports, n.articles
FROM ranked r
JOIN article_counts n USING (source_country, target_country, cameo, cluster)
WHERE r.rank = 1
ORDER BY a, b, r.date, r.source_country, r.cameo
"""


def rebuild_events(con: duckdb.DuckDBPyConnection, window: int) -> None:
    """Rebuild ``events_dedup`` and record the counts it was built from."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DEDUP_SQL, {"window": window})
        events, articles = _counts(con)
        con.execute("DELETE FROM dedup_state")
        con.execute(
            "INSERT INTO dedup_state VALUES (?, ?, ?, current_timestamp)",
            [events, articles, window],
        )
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise


def open_fresh(path: str | Path, *, window: int = WINDOW_DAYS) -> Store:
    """Open a store for reading series, refreshing ``events_dedup`` first when it is stale."""
    store = Store.open(path)
    try:
        ensure_fresh(store, window=window)
    except duckdb.Error as error:
        store.close()
        raise StoreError(f"cannot de-duplicate the events of {path}: {error}") from error
    return store
