"""Settings of the Django models reader's test project: the database comes from the environment."""

import os

if os.environ.get("SHOP_DB_ENGINE", "").endswith("mysql"):  # PyMySQL stands in for mysqlclient, as many projects do
    import pymysql

    pymysql.install_as_MySQLdb()

SECRET_KEY = "only-for-tests"
INSTALLED_APPS = ["customers", "sales"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
DATABASES = {
    "default": {
        "ENGINE": os.environ.get("SHOP_DB_ENGINE", "django.db.backends.postgresql"),
        "NAME": os.environ.get("SHOP_DB_NAME", "shop"),
        "HOST": os.environ.get("SHOP_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("SHOP_DB_PORT", "5432"),
        "USER": os.environ.get("SHOP_DB_USER", "postgres"),
    }
}
