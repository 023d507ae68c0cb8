ALTER TABLE deliveries ADD COLUMN provider_id TEXT;
