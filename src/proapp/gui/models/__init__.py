"""Qt table models over rows the services produce (patient list, worklist, visit timeline)."""
