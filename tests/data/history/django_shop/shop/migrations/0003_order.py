# ruff: noqa: RUF012  (written as Django writes migrations)
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("shop", "0002_customer_phone_longer_titles")]

    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("status", models.CharField(default="new", max_length=20)),
                (
                    "customer",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="shop.customer"),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["status"], name="shop_order_status_idx")],
            },
        ),
    ]
