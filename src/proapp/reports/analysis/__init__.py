"""The cohort analysis as a PDF: result model (:mod:`.model`), figures (:mod:`.charts`) and
page layout (:mod:`.document`). The services layer computes; this package only lays out."""
