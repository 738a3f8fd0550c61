"""The visit wizard's pages, one module each: :mod:`.visit`, :mod:`.questionnaire` (MIDAS and
FSS), :mod:`.flow`, :mod:`.review`; what they share is in :mod:`.base`."""
