DROP TRIGGER outbox_sent;
DROP VIEW pending;
