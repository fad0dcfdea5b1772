"""Finance services: money rules, the unit ledger, billing, payments, reports, reminders,
receipts and delinquency prediction. Plain arguments in, domain objects out."""
