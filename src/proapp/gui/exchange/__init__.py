"""Export and import dialogs.
"""
