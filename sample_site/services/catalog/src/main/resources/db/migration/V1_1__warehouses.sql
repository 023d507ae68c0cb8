CREATE TABLE warehouses (id SMALLINT PRIMARY KEY, code CHAR(4) NOT NULL UNIQUE, city VARCHAR(80) NOT NULL);
CREATE TABLE stock_levels (product_id BIGINT UNSIGNED NOT NULL, warehouse_id SMALLINT NOT NULL, on_hand INT NOT NULL DEFAULT 0, PRIMARY KEY (product_id, warehouse_id));
