-- The notification service's outbox: the one database of the sample site read live at build time.
-- notifications.db is made from this file by `python sample_site/make_notifications_db.py`.

CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    body TEXT NOT NULL,
    UNIQUE (kind, language)
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates (id),
    user_id TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    not_before TEXT
);
CREATE INDEX outbox_due ON outbox (not_before) WHERE not_before IS NOT NULL;

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'push')),
    status TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX deliveries_by_message ON deliveries (outbox_id, at);

CREATE VIEW pending AS
SELECT o.id, t.kind, o.user_id, o.not_before
FROM outbox o JOIN templates t ON t.id = o.template_id
WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.outbox_id = o.id AND d.status = 'sent');

CREATE TRIGGER outbox_sent AFTER INSERT ON deliveries WHEN NEW.status = 'sent'
BEGIN
    DELETE FROM outbox WHERE id = NEW.outbox_id;
END;

-- golang-migrate's bookkeeping: migrations 1 to 4 of services/notifications/migrations are applied.
CREATE TABLE schema_migrations (version uint64 NOT NULL PRIMARY KEY, dirty bool NOT NULL);
INSERT INTO schema_migrations (version, dirty) VALUES (4, 0);

INSERT INTO templates (kind, language, body) VALUES
    ('order_confirmed', 'en', 'Thanks for your order {{ order.number }}.'),
    ('order_confirmed', 'de', 'Danke für Ihre Bestellung {{ order.number }}.'),
    ('shipped', 'en', 'Your order {{ order.number }} is on its way.'),
    ('password_reset', 'en', 'Reset your password: {{ link }}');
INSERT INTO outbox (template_id, user_id, payload, not_before) VALUES
    (1, 'u-1001', '{"order": {"number": "A-1"}}', NULL),
    (3, 'u-1002', '{"order": {"number": "A-2"}}', '2026-01-01T08:00:00Z');
INSERT INTO deliveries (outbox_id, channel, status, at) VALUES
    (1, 'email', 'queued', '2026-01-01T07:00:00Z');

-- Row estimates come from SQLite's statistics, as a server's would.
ANALYZE;
