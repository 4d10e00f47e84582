"""Ancrage: GPEC territoriale pour les clusters d'entreprises."""
