"""Dialogs opened from the main window's menus: patient details, export, import."""
