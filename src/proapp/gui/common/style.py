"""The look: calm and clinical. White work surfaces, one blue accent, readable sizes.

Applied once to the QApplication (Fusion style for the same look on every platform, a palette,
and a short style sheet for the few places where Qt's defaults are grey or cramped).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2f6f8f"
TEXT = "#1f2933"
MUTED = "#52606d"
BORDER = "#d3d9e0"
SURFACE = "#ffffff"
WINDOW = "#f4f6f8"
ALT_ROW = "#f7f9fb"
SELECTION = "#d6e8f2"
# Messages beside fields and status lines: the colour repeats what the words already say.
ERROR = "#b00020"
WARNING = "#8a5a00"
HINT = "#555555"
ERROR_STYLE = f"color: {ERROR};"
WARNING_STYLE = f"color: {WARNING};"
HINT_STYLE = f"color: {HINT};"

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QToolBar {{ background: {SURFACE}; border: none; border-bottom: 1px solid {BORDER};
           padding: 4px 8px; spacing: 4px; }}
QToolBar QToolButton {{ padding: 5px 10px; border-radius: 4px; color: {TEXT}; }}
QToolBar QToolButton:hover {{ background: {SELECTION}; }}
QToolBar QToolButton:disabled {{ color: #9aa5b1; }}
QTabWidget::pane {{ border: none; background: {WINDOW}; }}
QTabBar::tab {{ padding: 7px 16px; color: {MUTED}; background: transparent;
               border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {TEXT}; border-bottom: 2px solid {ACCENT}; }}
QTableView {{ background: {SURFACE}; alternate-background-color: {ALT_ROW};
             border: 1px solid {BORDER}; border-radius: 4px;
             selection-background-color: {SELECTION}; selection-color: {TEXT}; }}
QHeaderView::section {{ background: {SURFACE}; color: {MUTED}; padding: 5px 6px;
                       border: none; border-bottom: 1px solid {BORDER}; font-weight: 600; }}
QLineEdit, QComboBox, QPlainTextEdit {{ background: {SURFACE}; border: 1px solid {BORDER};
                                       border-radius: 4px; padding: 4px 6px; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QPushButton {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 4px;
              padding: 5px 14px; color: {TEXT}; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:default {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5b1; background: #eef1f4; }}
QGroupBox {{ border: 1px solid {BORDER}; border-radius: 4px; margin-top: 14px;
            padding: 10px 8px 8px 8px; background: {SURFACE}; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {MUTED};
                   font-weight: 600; }}
QFrame#patientHeader {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 4px; }}
QLabel#factCaption, QLabel#columnCaption, QLabel#hint {{ color: {MUTED}; }}
QLabel#sectionTitle {{ color: {MUTED}; font-weight: 600; padding: 2px 0; }}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QStatusBar QLabel {{ padding: 0 8px; color: {MUTED}; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    pal = QPalette()
    for role, color in ((QPalette.ColorRole.Window, WINDOW), (QPalette.ColorRole.Base, SURFACE),
                        (QPalette.ColorRole.AlternateBase, ALT_ROW),
                        (QPalette.ColorRole.Text, TEXT), (QPalette.ColorRole.WindowText, TEXT),
                        (QPalette.ColorRole.ButtonText, TEXT),
                        (QPalette.ColorRole.Button, SURFACE),
                        (QPalette.ColorRole.Highlight, SELECTION),
                        (QPalette.ColorRole.HighlightedText, TEXT),
                        (QPalette.ColorRole.ToolTipBase, "#ffffe8"),
                        (QPalette.ColorRole.ToolTipText, TEXT),
                        (QPalette.ColorRole.PlaceholderText, "#8995a2")):
        pal.setColor(role, QColor(color))
    app.setPalette(pal)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
