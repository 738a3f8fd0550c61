"""Dialogs: patient details (and, from other features, reports and exports)."""
