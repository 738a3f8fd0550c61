"""The cohort analysis window (:mod:`.window`, tables in :mod:`.models`), opened from the main
window's *View* menu (:mod:`.actions`). scipy and matplotlib are imported when it opens."""
