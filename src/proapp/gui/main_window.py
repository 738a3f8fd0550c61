"""The main window (minimal until the nurse workflow screens land)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from proapp.db.engine import Actor, Database
from proapp.services import patients


class MainWindow(QMainWindow):
    def __init__(self, database: Database, actor: Actor):
        super().__init__()
        self.database = database
        self.actor = actor
        self.setWindowTitle("proapp")
        self.resize(1280, 800)
        n = patients.count(database)
        self.setCentralWidget(QLabel(f"{n} patients in {database.display_name}"))
        self.statusBar().showMessage(f"Database: {database.display_name} · signed in as "
                                     f"{actor.username} ({actor.role})")
