"""Serve: what detente shows people — the self-contained HTML report and its charts."""
