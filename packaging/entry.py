"""PyInstaller entry script (see packaging/proapp.spec).

PyInstaller needs a script, not an entry-point name; this one simply calls the
same function that the installed ``proapp`` command and ``python -m proapp``
run.
"""

from proapp.__main__ import main

raise SystemExit(main())
