"""The exchange feature's actions: export the database, import files into it (an import
reloads the lists). openpyxl is imported when a dialog opens, not with the main window."""

from __future__ import annotations

from proapp.gui.common.actions import Action, Host
from proapp.gui.common.language import QT_TRANSLATE_NOOP


def _export(host: Host) -> None:
    from proapp.gui.exchange.export_dialog import ExportDialog

    ExportDialog(host.widget(), host.database, host.actor).open()  # window-modal


def _import(host: Host) -> None:
    from proapp.gui.exchange.import_dialog import ImportDialog

    dialog = ImportDialog(host.widget(), host.database, host.actor)
    dialog.imported.connect(lambda _report: host.reload())
    dialog.open()  # window-modal


EXPORT = Action("actExport", QT_TRANSLATE_NOOP("Action", "&Export…"), _export, None,
                QT_TRANSLATE_NOOP("Action", "Export the database"))
IMPORT = Action("actImport", QT_TRANSLATE_NOOP("Action", "&Import…"), _import, None,
                QT_TRANSLATE_NOOP("Action", "Import data into the database"))
