"""The patient self-report: the patient's own screen (:mod:`.screen`) and the mode that shows
it in front of everything, behind the idle lock's password (:mod:`.mode`)."""
