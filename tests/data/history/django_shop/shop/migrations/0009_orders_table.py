# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("shop", "0008_loyalty")]

    operations = [
        migrations.RemoveField(model_name="customer", name="phone"),
        migrations.AlterModelTable(name="order", table="orders"),
        migrations.AlterUniqueTogether(name="item", unique_together={("title", "price")}),
    ]
