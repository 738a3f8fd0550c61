"""PyInstaller entry script (see packaging/proapp.spec).

PyInstaller needs a script, not an entry-point name; this one calls the same function that
the installed ``proapp`` command and ``python -m proapp`` run.

``freeze_support()`` first: ``proapp report --all`` makes the reports in worker processes,
and where those are spawned rather than forked (Windows, macOS) a frozen executable is
started again as the worker; freeze_support turns that start into the worker instead of a
second proapp. It does nothing in the parent or where processes are forked (Linux).
"""

import multiprocessing

multiprocessing.freeze_support()

from proapp.__main__ import main  # noqa: E402

raise SystemExit(main())
