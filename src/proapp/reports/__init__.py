"""Charts and PDF building from domain data (no Qt, no database access)."""
