"""Integrity: backups and restores (:mod:`.backup`), the database check (:mod:`.check`) and the
change log as people read it (:mod:`.audit`).
"""
