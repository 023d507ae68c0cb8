# ruff: noqa: RUF012  (written as Django projects write them)
"""Products, orders and invoices."""

from django.db import models
from django.db.models import Q


class Product(models.Model):
    sku = models.CharField(max_length=32, primary_key=True)
    title = models.CharField(max_length=200, help_text="Shown in the shop")
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    weight = models.FloatField(null=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="product_price_positive"),
            models.UniqueConstraint(fields=["title"], condition=Q(stock__gt=0), name="one_title_in_stock"),
        ]


class Order(models.Model):
    customer = models.ForeignKey("customers.Customer", on_delete=models.PROTECT, help_text="Who ordered")
    placed_at = models.DateTimeField()
    note = models.TextField(null=True)
    uid = models.UUIDField(unique=True)
    products = models.ManyToManyField(Product, related_name="orders", help_text="What was ordered")

    class Meta:
        db_table = "orders"
        indexes = [models.Index(fields=["-placed_at"], name="order_recent")]
        constraints = [models.UniqueConstraint(fields=["customer", "placed_at"], name="one_order_per_instant")]


class Invoice(models.Model):
    order = models.OneToOneField(Order, on_delete=models.CASCADE, primary_key=True)
    number = models.CharField(max_length=20, unique=True)
