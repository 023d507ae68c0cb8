CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'push')),
    status TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX deliveries_by_message ON deliveries (outbox_id, at);
