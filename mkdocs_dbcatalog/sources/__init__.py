"""Producers of the catalog model: YAML files, live databases, migration folders."""
