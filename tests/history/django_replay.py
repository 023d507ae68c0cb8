"""Run in a subprocess by test_replay_django: migrate a Django project one migration at a time, reading
the database live (the plugin's reader) after each, and write the reads as JSON.

    python django_replay.py PROJECT URL OUT app.name [app.name ...]
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    project, url, out, *steps = sys.argv[1:]
    sys.path.insert(0, project)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django
    from django.core.management import call_command

    django.setup()
    from mkdocs_dbcatalog.catalog.codec import to_data
    from mkdocs_dbcatalog.sources.live import read_database

    reads = [to_data(read_database("replay", url))]
    for step in steps:
        app, _, name = step.partition(".")
        call_command("migrate", app, name, verbosity=0)
        reads.append(to_data(read_database("replay", url)))
    with open(out, "w", encoding="utf-8") as stream:
        json.dump(reads, stream)


if __name__ == "__main__":
    main()
