# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("shop", "0005_order_products")]

    operations = [
        migrations.RenameModel(old_name="Product", new_name="Item"),
    ]
