# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("shop", "0003_order")]

    operations = [
        migrations.RenameField(model_name="customer", old_name="name", new_name="full_name"),
        migrations.AlterField(
            model_name="customer",
            name="phone",
            field=models.CharField(blank=True, default="", max_length=30),
            preserve_default=False,
        ),
    ]
