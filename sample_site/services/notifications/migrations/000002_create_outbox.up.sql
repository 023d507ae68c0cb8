CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates (id),
    user_id TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    not_before TEXT
);
CREATE INDEX outbox_due ON outbox (not_before) WHERE not_before IS NOT NULL;
