-- DBA bootstrap for Oracle: the application schema owner and its grants.
-- The tables come from Alembic (`conserje init-db`), never from this file.
-- Argument 1: the application user's password.
WHENEVER SQLERROR EXIT SQL.SQLCODE
ALTER SESSION SET CONTAINER = FREEPDB1;

CREATE USER conserje IDENTIFIED BY "&1"
  DEFAULT TABLESPACE users
  QUOTA UNLIMITED ON users;

GRANT CREATE SESSION, CREATE TABLE, CREATE SEQUENCE, CREATE VIEW, CREATE PROCEDURE,
      CREATE TRIGGER TO conserje;
EXIT
