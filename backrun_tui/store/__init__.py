"""The store: the runner's plan and history in TinyDB files (never imports Textual)."""
