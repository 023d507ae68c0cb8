"""The catalog model and what is derived from it. Imports nothing else from the project."""
