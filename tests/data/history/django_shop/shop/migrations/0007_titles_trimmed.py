# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations


def trim_titles(apps, schema_editor):
    Item = apps.get_model("shop", "Item")
    for item in Item.objects.using(schema_editor.connection.alias).all():
        item.title = item.title.strip()
        item.save(update_fields=["title"])


class Migration(migrations.Migration):

    dependencies = [("shop", "0006_product_is_item")]

    operations = [
        migrations.RunPython(trim_titles, migrations.RunPython.noop),
    ]
