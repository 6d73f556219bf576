"""Reports for the runner and their physiotherapist: CSV, JSON, Markdown, HTML with SVG charts."""
