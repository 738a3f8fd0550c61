"""Small helper programs for tests and benchmarks (not part of the user interface)."""
