"""Who interacts with whom in a period: a directed network of countries or actors.

Nodes are countries (``level="country"``) or actors, a country with its sector such as
``RUSGOV`` (``level="actor"``); an edge ``source -> target`` carries the de-duplicated event
count, cooperation and conflict counts (quad classes 1-2 and 3-4) and the mean Goldstein score.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

LEVELS = {
    "country": ("source_country", "target_country"),
    "actor": (
        "source_country || coalesce(source_sector, '')",
        "target_country || coalesce(target_sector, '')",
    ),
}


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float


EDGE_FIELDS = tuple(f.name for f in fields(Edge))


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    min_events: int = 1,
) -> list[Edge]:
    """Edges of the period ``since <= date <= until``, busiest first."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose country or actor")
    source, target = LEVELS[level]
    where, params = ["source_country <> target_country"], []
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until)
    rows = con.execute(
        f"""
        SELECT {source} AS s, {target} AS t, count(*),
               count(*) FILTER (WHERE quad <= 2), count(*) FILTER (WHERE quad >= 3),
               round(avg(goldstein), 4)
        FROM events_dedup WHERE {" AND ".join(where)}
        GROUP BY s, t HAVING count(*) >= ? ORDER BY count(*) DESC, s, t
        """,
        [*params, min_events],
    ).fetchall()
    return [Edge(*row) for row in rows]


def graph(edges: list[Edge]) -> Any:
    """A ``networkx.DiGraph`` with the edge counts and, per node, events sent and received."""
    import networkx as nx

    net = nx.DiGraph()
    for edge in edges:
        net.add_edge(edge.source, edge.target, **{k: v for k, v in asdict(edge).items()
                                                   if k not in {"source", "target"}})  # fmt: skip
    for node in net.nodes:
        net.nodes[node]["sent"] = sum(d["events"] for *_, d in net.out_edges(node, data=True))
        net.nodes[node]["received"] = sum(d["events"] for *_, d in net.in_edges(node, data=True))
    return net


def write_network(edges: list[Edge], out: Path) -> Path:
    """Write GraphML (``.graphml``) or an edge list (``.csv``), by the file's suffix."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".graphml":
        import networkx as nx

        nx.write_graphml(graph(edges), out)
    elif out.suffix.lower() == ".csv":
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(EDGE_FIELDS)
            writer.writerows([getattr(edge, name) for name in EDGE_FIELDS] for edge in edges)
    else:
        raise ValueError(f"cannot tell the format of {out}: use .graphml or .csv")
    return out
