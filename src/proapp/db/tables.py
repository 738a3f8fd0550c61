"""The few tables that start-up reads and writes, as plain SQL table clauses (no ORM, no
metadata).

``proapp settings get``, the open checks, the first start's welcome check (any account or
patient yet?) and a sign-in (the account, the access log) touch a handful of small tables;
importing the ORM and building every model class (:mod:`proapp.db.models`) for that was a
third of such a command's start-up. These clauses name the same tables and columns as the
models, with the models' types where a type converts a value (booleans, date-times);
tests/db/test_tables.py keeps them equal, so a renamed column fails a test, not a command.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, DateTime, column, table

setting = table("setting", column("key"), column("value"))

patient = table("patient", column("id"), column("code"), column("family_name"),
                column("given_name"), column("birth_date", Date), column("sex"),
                column("ms_subtype"), column("headache_positive", Boolean),
                column("fatigue_positive", Boolean), column("is_demo", Boolean))

procedure = table("procedure", column("id"), column("patient_id"), column("pta_date", Date))

visit = table("visit", column("id"), column("patient_id"), column("visit_date", Date),
              column("label"), column("status"))

user_account = table("user_account", column("id"), column("username"), column("full_name"),
                     column("role"), column("password_hash"), column("active", Boolean),
                     column("created_at", DateTime), column("password_changed_at", DateTime))

access_log = table("access_log", column("id"), column("at"), column("user_id"),
                   column("username"), column("event"), column("detail"), column("prev_hash"),
                   column("hash"))
