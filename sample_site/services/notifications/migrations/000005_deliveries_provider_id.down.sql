ALTER TABLE deliveries DROP COLUMN provider_id;
