"""Kernel tables: the audit trail, background job rows and cron claims."""
