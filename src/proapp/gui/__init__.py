"""Qt user interface. Thin: it shows and collects; services compute and store."""
