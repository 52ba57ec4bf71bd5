"""The command-line front door: thin commands over importable functions."""
