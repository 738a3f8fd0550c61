"""Render the first-start welcome pages, the About dialog and a main window on the training
database to PNG, to look at them (out/first_run/ by default).

    .venv/bin/python scripts/render_first_run.py [OUT_DIR] [SCALE]

SCALE is Qt's device-pixel scale (1.5 = a 150 % desktop). Windows are 1280x800 logical
pixels where a window is that big; dialogs keep their own size.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/first_run")
    scale = sys.argv[2] if len(sys.argv) > 2 else "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = scale
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["PROAPP_DATA_DIR"] = str(tmp / "data")
    from proapp import paths
    from proapp.db.migrate import open_database
    from proapp.gui.shell.about import AboutDialog
    from proapp.gui.shell.app import application, open_main_window
    from proapp.gui.shell.first_run import WelcomeWizard
    from proapp.services import accounts
    from proapp.services.training import demo

    app = application()
    suffix = "" if scale == "1" else f"@{scale}x"
    db = open_database(paths.default_database())
    wizard = WelcomeWizard(db)
    wizard.show()
    pages = ["location", "admin", "clinic", "training"]
    for i, name in enumerate(pages):
        if i == 1:
            wizard.admin.username.setText("m.rossi")
            wizard.admin.full_name.setText("Maria Rossi")
            wizard.admin.password.setText("short")
            wizard.admin.repeat.setText("short")
            wizard.admin.validatePage()  # shows the service's message
        app.processEvents()
        wizard.grab().save(str(out / f"welcome_{i + 1}_{name}{suffix}.png"))
        if i == 1:
            wizard.admin.password.setText("correct horse battery")
            wizard.admin.repeat.setText("correct horse battery")
        if i == 2:
            wizard.clinic.name.setText("MS Centre, Vascular Unit")
        wizard.next()
        app.processEvents()
    wizard.hide()

    training = open_database(tmp / "training.db")
    demo.generate(training, 5, 1)
    admin = accounts.create_first_admin(training, "m.rossi", "correct horse battery")
    window = open_main_window(training, admin)
    window.resize(1280, 800)
    window.show()
    window.wait_loaded()  # the list loads in the background
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out / f"training_window{suffix}.png"))
    about = AboutDialog(training, window)
    about.show()
    app.processEvents()
    about.grab().save(str(out / f"about{suffix}.png"))
    about.close()
    window.close()
    for d in (db, training, wizard.database):
        d.dispose()
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
