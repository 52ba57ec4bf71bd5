"""Dyad summaries over the stored international events."""

from __future__ import annotations

from dataclasses import dataclass

from detente.store import Store


@dataclass(frozen=True, slots=True)
class DyadSummary:
    """One undirected country pair: how many events, how cooperative."""

    a: str
    b: str
    events: int
    cooperation: int
    conflict: int
    mean_goldstein: float
    first: str
    last: str


def dyad_summaries(store: Store, *, limit: int = 10) -> list[DyadSummary]:
    rows = store.con.execute(
        """
        SELECT least(source_country, target_country) AS a,
               greatest(source_country, target_country) AS b,
               count(*), count(*) FILTER (WHERE quad <= 2), count(*) FILTER (WHERE quad >= 3),
               avg(goldstein), min(date), max(date)
        FROM events
        WHERE international AND source_country <> 'IGO' AND target_country <> 'IGO'
        GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [
        DyadSummary(a, b, n, coop, conf, round(float(mean), 2), str(first), str(last))
        for a, b, n, coop, conf, mean, first, last in rows
    ]


def quarterly_goldstein(store: Store, a: str, b: str) -> list[tuple[str, int, float]]:
    """(quarter, events, mean Goldstein) for the undirected dyad a–b."""
    rows = store.con.execute(
        """
        SELECT strftime(date_trunc('quarter', date), '%Y-%m') AS q, count(*), avg(goldstein)
        FROM events
        WHERE (source_country = ? AND target_country = ?)
           OR (source_country = ? AND target_country = ?)
        GROUP BY q ORDER BY q
        """,
        [a, b, b, a],
    ).fetchall()
    return [(str(q), int(n), round(float(m), 2)) for q, n, m in rows]
