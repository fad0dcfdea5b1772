"""Registry tables: condominiums, buildings, units, people, memberships, users, vehicles, gates."""
