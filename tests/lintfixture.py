"""A catalog with exactly one instance of every lint rule, and the line each one points at."""

from __future__ import annotations

SHOP = """\
database: shop
service: shop-service
description: The shop.
tables:
  customers:
    purpose: People who buy.
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: Customer id}
      email: {type: text, nullable: false, description: Login}
  orders:
    purpose: One row per order.
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: Order id}
      customer_id: {type: bigint, nullable: false, references: customers(id), description: Buyer}
      placed_at: {type: timestamptz, nullable: false, description: When it was placed}
    indexes:
      - {name: orders_customer_placed_idx, columns: [customer_id, placed_at]}
      - {name: orders_customer_idx, columns: [customer_id]}
  audit_log:
    purpose: What happened.
    columns:
      at: {type: timestamptz, nullable: false, description: When}
      what: {type: text, nullable: false, description: What}
  order_notes:
    purpose: Notes on orders.
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
      order_id: {type: bigint, nullable: false, references: orders(id)}
      note: {type: text, nullable: false}
  shipments:
    purpose: Parcels sent for an order.
    columns:
      parcel: {type: bigint, nullable: false, primary_key: true}
      order_id: {type: bigint, nullable: true, primary_key: true}
    foreign_keys:
      - {columns: [order_id], references: orders(id), on_delete: cascade}
    indexes:
      - {name: shipments_order_idx, columns: [order_id]}
  tags:
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
      name: {type: text, nullable: false}
  order_tags:
    purpose: Tags on orders.
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
      order_id: {type: bigint, nullable: false, references: orders(id)}
      tag_id: {type: bigint, nullable: false, references: tags(id)}
    indexes:
      - {name: order_tags_order_idx, columns: [order_id]}
      - {name: order_tags_tag_idx, columns: [tag_id]}
references:
  - from: orders.customer_id
    to: crm/contacts.id
"""

CRM = """\
database: crm
description: Customer relations.
tables:
  people:
    purpose: Everyone we know.
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: Person id}
"""

EXPECTED = {
    # rule: (severity, table, line in SHOP)
    "table-without-primary-key": ("error", "audit_log", 19),
    "foreign-key-without-index": ("warning", "order_notes", 28),
    "nullable-foreign-key-to-required-parent": ("warning", "shipments", 34),
    "redundant-index": ("warning", "orders", 18),
    "table-without-description": ("warning", "tags", 39),
    "junction-without-unique-pair": ("error", "order_tags", 43),
    "cross-service-reference-missing-target": ("error", "orders", 54),
    "coverage-below-threshold": ("error", None, 1),
}
"""With `coverage_threshold: 90` (shop is 54.1% described, crm 100%)."""
