"""Pure-Python clinical rules: instruments, scoring, validation, flow and the visit schedule.

Nothing here imports Qt, SQLAlchemy or any I/O library, so every rule can be tested alone and
is shared unchanged by the GUI, the CLI, exports, imports and reports.
"""
