# ruff: noqa: RUF012  (written as Django writes migrations)
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("blog", "0002_published"), ("shop", "0006_product_is_item")]

    operations = [
        migrations.AddField(
            model_name="post",
            name="featured",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to="shop.item"
            ),
        ),
        migrations.AlterField(model_name="post", name="title", field=models.CharField(db_index=True, max_length=250)),
    ]
