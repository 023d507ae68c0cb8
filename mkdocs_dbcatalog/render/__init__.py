"""Catalog model → Markdown, through Jinja templates that users can override."""
