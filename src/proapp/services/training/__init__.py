"""Training and demonstration: the synthetic cohort (:mod:`.demo`) and the separate training
database (:mod:`.database`).

The package re-exports the training-database operations.
"""

from proapp.services.training.database import (
    Contents,
    contents,
    create_training_database,
    give_account,
    has_demo_patients,
    is_default_database,
)

__all__ = ["Contents", "contents", "create_training_database", "give_account",
           "has_demo_patients", "is_default_database"]
