# ruff: noqa: RUF012  (written as Django projects write them)
"""Customers and their addresses."""

from django.db import models


class Customer(models.Model):
    """People who buy."""

    email = models.EmailField(unique=True, help_text="Login address")
    name = models.CharField(max_length=80, verbose_name="full name", db_comment="As written on invoices")
    region = models.CharField(max_length=2, db_index=True)
    active = models.BooleanField(db_default=True)

    class Meta:
        db_table_comment = "One row per customer"
        indexes = [models.Index(fields=["name", "region"], name="customer_name_region")]


class Address(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="addresses")
    city = models.CharField(max_length=60)
    legacy_order = models.ForeignKey(
        "sales.Order", on_delete=models.DO_NOTHING, db_constraint=False, null=True, help_text="From the old shop"
    )

    class Meta:
        unique_together = [("customer", "city")]
