"""Widgets, table models, styles, error display and the task runner shared by every feature.
Nothing here imports a feature package.
"""
