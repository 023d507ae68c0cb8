# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("shop", "0004_full_name")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="products",
            field=models.ManyToManyField(to="shop.product"),
        ),
        migrations.AddConstraint(
            model_name="order",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["new", "paid", "shipped"])), name="shop_order_status_known"
            ),
        ),
    ]
