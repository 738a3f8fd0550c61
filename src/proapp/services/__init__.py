"""Use cases shared by the GUI and the CLI. Each opens one short transaction per action."""
