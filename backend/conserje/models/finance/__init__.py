"""Finance tables: settings, charge types, the ledger, allocations, and the workflows around it."""
