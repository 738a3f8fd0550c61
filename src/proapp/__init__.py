"""proapp: patient-reported outcomes and IJV flow for MS clinics (MIDAS, FSS, Duplex flow)."""

__version__ = "0.1.0"
APP_NAME = "proapp"
