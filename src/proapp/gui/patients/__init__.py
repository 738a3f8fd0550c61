"""Patients on screen: the list model, the patient dialog and the patient view with its
timeline.
"""
