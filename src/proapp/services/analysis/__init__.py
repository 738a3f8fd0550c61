"""Cohort analysis as in the reference study: Friedman and Spearman by MS subtype and symptom
group. :mod:`.stats` wraps scipy, :mod:`.descriptives` is exact decimal arithmetic,
:mod:`.cohort` loads the data and computes the result, :mod:`.files` writes the CSV files and
the PDF."""

from proapp.services.analysis.cohort import analyse, load_cohort, run_analysis
from proapp.services.analysis.files import OUTPUT_FILES, analyse_to_folder, write_outputs

__all__ = ["OUTPUT_FILES", "analyse", "analyse_to_folder", "load_cohort", "run_analysis",
           "write_outputs"]
