ALTER TABLE products ADD COLUMN attributes JSON NULL;
