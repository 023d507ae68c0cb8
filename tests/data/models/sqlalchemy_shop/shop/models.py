"""A small shop's SQLAlchemy models, as an application writes them: the reader's test subject."""

from __future__ import annotations

import datetime
import decimal
import enum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Status(enum.Enum):
    placed = "placed"
    shipped = "shipped"


class Customer(Base):
    """People who buy."""

    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("email", name="customers_email_unique"), {"comment": "One row per customer"})

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), comment="Login address")
    name: Mapped[str | None] = mapped_column(String(80), doc="Shown on invoices")
    created_at: Mapped[datetime.datetime] = mapped_column(server_default=func.now())
    orders: Mapped[list[Order]] = relationship(back_populates="customer", foreign_keys="Order.customer_id")


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("total >= 0", name="orders_total_positive"),
        Index("orders_customer_placed", "customer_id", "placed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE", onupdate="CASCADE"))
    status: Mapped[Status] = mapped_column(default=Status.placed, server_default="placed")
    total: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2), server_default="0")
    placed_at: Mapped[datetime.datetime | None]
    gift_from_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text, doc="Free text from checkout")
    currency: Mapped[str] = mapped_column(String(3), server_default="EUR")
    discount: Mapped[decimal.Decimal] = mapped_column(Numeric(5, 2), server_default="1.5")
    customer: Mapped[Customer] = relationship(back_populates="orders", foreign_keys=[customer_id])


class Product(Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    active: Mapped[bool] = mapped_column(server_default="1")


order_lines = Table(
    "order_lines",
    Base.metadata,
    Column("order_id", ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True),
    Column("sku", ForeignKey("products.sku", ondelete="RESTRICT", name="order_lines_product"), primary_key=True),
    Column("quantity", Integer, nullable=False, server_default="1"),
    UniqueConstraint("order_id", "quantity"),
    comment="Products in an order",
)
