"""Scripts run in a subprocess to import the application and describe its models as JSON.

They are run by file path, never imported by the plugin: they import only the standard library
and the ORM, so that what the application's code does at import time stays in that subprocess.
"""
