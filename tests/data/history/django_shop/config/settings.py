"""A two-app project whose migrations are replayed on PostgreSQL (the database comes from the environment)."""
import os

SECRET_KEY = "replay-only"
USE_TZ = True
INSTALLED_APPS = ["shop", "blog"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("REPLAY_DB_NAME", "replay"),
        "USER": os.environ.get("REPLAY_DB_USER", "postgres"),
        "HOST": os.environ.get("REPLAY_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("REPLAY_DB_PORT", "5432"),
    }
}
