"""The condominium registry: condominiums, buildings, units, people and memberships,
vehicles, gates, user accounts, sign-in, CSV imports and identity documents."""
