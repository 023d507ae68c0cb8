"""How the generated pages join a MkDocs site beyond the plugin's events: their nav section, what the
search plugins see of them, files for dirty builds, and reusing rendered pages on `serve` rebuilds."""
