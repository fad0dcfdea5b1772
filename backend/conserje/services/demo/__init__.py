"""The synthetic demo condominium; the one package allowed to use every domain."""
