"""The coach: the programme's rules in pure Python (never imports Textual)."""
