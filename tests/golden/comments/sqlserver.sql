-- Comments from the descriptions in catalog/crm.yml (database crm), for SQL Server.
-- Written by mkdocs-dbcatalog comments, never run by it: review this file, then run it yourself, e.g.
--   sqlcmd -S <server> -d <database> -b -i comments.sql
-- 2 table and 1 column comments are written (the database was not read).
-- Left out: sales.Order]s'.$ (HOME): a name with a line break, a control character or a $ before a parenthesis cannot be passed safely to sqlcmd (set this description by hand)
SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @dbcatalog_description nvarchar(4000);
SET @dbcatalog_description = N'it''s $' + N'(SQLCMDPASSWORD)' + NCHAR(10) + N':!! calc';
IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'sales', N'TABLE', N'Order]s''', NULL, NULL))
    EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @dbcatalog_description, @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Order]s''';
ELSE
    EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @dbcatalog_description, @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Order]s''';
SET @dbcatalog_description = NCHAR(9) + N'GO';
IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'sales', N'TABLE', N'Order]s''', N'COLUMN', N'Na]me'))
    EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @dbcatalog_description, @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Order]s''', @level2type = N'COLUMN', @level2name = N'Na]me';
ELSE
    EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @dbcatalog_description, @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Order]s''', @level2type = N'COLUMN', @level2name = N'Na]me';
SET @dbcatalog_description = N'ünïcödé — ✓';
IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', N'dbo', N'VIEW', N'report', NULL, NULL))
    EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @dbcatalog_description, @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'VIEW', @level1name = N'report';
ELSE
    EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @dbcatalog_description, @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'VIEW', @level1name = N'report';
COMMIT TRANSACTION;
