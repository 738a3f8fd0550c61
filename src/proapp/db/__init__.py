"""Storage: SQLAlchemy models, engine set-up, opening and migrating the database file."""
