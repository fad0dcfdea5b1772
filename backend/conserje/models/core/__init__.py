"""Kernel tables: the audit trail and background job rows."""
