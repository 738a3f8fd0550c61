"""The application shell: start-up (:mod:`.app`), the main window and its menus, first run,
About and the crash dialog.
"""
