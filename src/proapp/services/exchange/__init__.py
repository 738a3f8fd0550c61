"""Exchange of clinical data with other programs: exports (CSV, wide CSV, Excel, REDCap, FHIR,
SQLite copy) and the CSV import, all driven by one column catalogue (:mod:`.columns`)."""
