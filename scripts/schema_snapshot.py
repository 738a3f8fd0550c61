"""Write ``src/proapp/db/migrations/head_schema.json``: the schema the migrations make at the
newest revision, which opening a database compares a file with (see proapp.db.schema).

Run it after adding or changing a migration; tests/db/test_schema.py fails until it is run.
"""

from __future__ import annotations

import json

from proapp.db import schema
from proapp.db.migrate import head_revision


def main() -> None:
    revision = head_revision()
    data = schema.snapshot_of(revision)
    schema.SNAPSHOT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{schema.SNAPSHOT}: {len(schema.made_by_migrations(revision))} objects at "
          f"{revision}")


if __name__ == "__main__":
    main()
