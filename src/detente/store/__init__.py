"""Store: articles and events in DuckDB."""

from detente.store.store import Store

__all__ = ["Store"]
