CREATE OR REPLACE VIEW available_stock AS SELECT product_id, SUM(on_hand) AS on_hand FROM stock_levels GROUP BY product_id;
