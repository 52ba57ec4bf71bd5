"""Ingest: files, folders and records in, ``Article`` records (or ``Skipped`` reports) out."""

from detente.ingest.articles import article_id, make_article
from detente.ingest.options import ReadOptions
from detente.ingest.readers import read_jsonl, read_paths

__all__ = ["ReadOptions", "article_id", "make_article", "read_jsonl", "read_paths"]
