# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("shop", "0007_titles_trimmed")]

    operations = [
        migrations.RunSQL(
            sql="ALTER TABLE shop_customer ADD COLUMN loyalty integer NOT NULL DEFAULT 0",
            reverse_sql="ALTER TABLE shop_customer DROP COLUMN loyalty",
            state_operations=[
                migrations.AddField(model_name="customer", name="loyalty", field=models.IntegerField(default=0)),
            ],
        ),
    ]
