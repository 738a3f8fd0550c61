"""Double data entry in the GUI: the window listing the visits in double entry
(:mod:`.window`), the blind second entry (:mod:`.second_entry`), the resolution of
differences (:mod:`.resolve`) and the agreement report (:mod:`.agreement`)."""
