CREATE VIEW pending AS
SELECT o.id, t.kind, o.user_id, o.not_before
FROM outbox o JOIN templates t ON t.id = o.template_id
WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.outbox_id = o.id AND d.status = 'sent');

CREATE TRIGGER outbox_sent AFTER INSERT ON deliveries WHEN NEW.status = 'sent'
BEGIN
    DELETE FROM outbox WHERE id = NEW.outbox_id;
END;
