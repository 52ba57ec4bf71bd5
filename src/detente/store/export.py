"""Export events (and articles) as JSONL, CSV, Parquet, or a GDELT 2.0 event table."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

from detente.store.store import EventQuery, Store, events_sql

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
DUCKDB_FORMAT = {
    "jsonl": "(FORMAT JSON)",
    "csv": "(FORMAT CSV, HEADER)",
    "parquet": "(FORMAT PARQUET)",
}

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
LEAD_CHARS = 400


def export(store: Store, out: Path, fmt: str, query: EventQuery | None = None) -> list[Path]:
    """Write ``events`` (and ``articles``, except for GDELT) under ``out``; return the files."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return [write_gdelt(store, out / "events.export.CSV", query or EventQuery())]
    suffix = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet"}[fmt]
    sql, params = events_sql(query or EventQuery())
    written = []
    for name, select in (("events", sql), ("articles", "SELECT * FROM articles ORDER BY id")):
        path = out / f"{name}.{suffix}"
        target = str(path).replace("'", "''")
        args = params if name == "events" else []
        store.con.execute(f"COPY ({select}) TO '{target}' {DUCKDB_FORMAT[fmt]}", args)
        written.append(path)
    return written


def write_gdelt(store: Store, path: Path, query: EventQuery) -> Path:
    """GDELT 2.0 event table: tab-separated, GDELT's columns in GDELT's order, with a header."""
    sql, params = events_sql(query, columns=("events.*",))
    sql = sql.replace(
        "FROM events",
        "FROM events LEFT JOIN (SELECT id AS a_id, url, origin, coded_at FROM articles) a"
        " ON a.a_id = events.article_id",
    ).replace("SELECT events.*", "SELECT events.*, a.url, a.origin, a.coded_at")
    cursor = store.con.execute(sql, params)
    names = [column[0] for column in cursor.description]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for row in cursor.fetchall():
            writer.writerow(gdelt_row(dict(zip(names, row, strict=True))))
    return path


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    day: date | None = event["date"]
    added: datetime | None = event.get("coded_at")
    values: dict[str, Any] = {
        "GLOBALEVENTID": int(event["id"][:15], 16),
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "IsRootEvent": 1 if (event["sentence_start"] or 0) < LEAD_CHARS else 0,
        "EventCode": event["cameo"],
        "EventBaseCode": event["cameo"][:3],
        "EventRootCode": event["root"],
        "QuadClass": event["quad"],
        "GoldsteinScale": event["goldstein"],
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "DATEADDED": added.strftime("%Y%m%d%H%M%S") if added else "",
        "SOURCEURL": event.get("url") or event.get("origin") or "",
    }
    for side, prefix in (("source", "Actor1"), ("target", "Actor2")):
        values.update(_gdelt_actor(event, side, prefix))
    return [values.get(column, "") for column in GDELT_COLUMNS]


def _gdelt_actor(event: dict[str, Any], side: str, prefix: str) -> dict[str, Any]:
    country = event[f"{side}_country"] or ""
    sector = event[f"{side}_sector"] or ""
    igo = event[f"{side}_igo"] or ""
    code = f"{country}{igo}{sector}" if country else ""
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": (event[f"{side}_name"] or event[f"{side}_text"] or "").upper(),
        f"{prefix}CountryCode": country if country != "IGO" else "",
        f"{prefix}KnownGroupCode": igo,
        f"{prefix}Type1Code": sector or ("IGO" if country == "IGO" else ""),
    }
