"""ORM models. Scores are never stored: they are derived from answers by the domain layer."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from proapp.db.types import ScaledDecimal
from proapp.domain.flow import AREA_PLACES, FLOW_PLACES, VELOCITY_PLACES
from proapp.domain.language import DEFAULT_LANGUAGE, LANGUAGES

_LANGUAGE_CODES = ",".join(f"'{x.value}'" for x in LANGUAGES)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint("role IN ('nurse','clinician','admin')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)


class Setting(Base):
    """Clinic-wide settings (clinic name, idle lock, backup folder): shared by workstations."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Patient(Base):
    __tablename__ = "patient"
    __table_args__ = (
        CheckConstraint("sex IN ('F','M','X')", name="sex"),
        CheckConstraint("ms_subtype IN ('RR','SP','PP')", name="ms_subtype"),
        CheckConstraint(f"language IN ({_LANGUAGE_CODES})", name="language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    ms_subtype: Mapped[str] = mapped_column(String(2), index=True)
    diagnosis_year: Mapped[int | None] = mapped_column(Integer)
    headache_positive: Mapped[bool] = mapped_column(Boolean, default=False)
    fatigue_positive: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The language of the patient's reports and questionnaires (en, it).
    language: Mapped[str] = mapped_column(String(8), default=DEFAULT_LANGUAGE.value,
                                          server_default=DEFAULT_LANGUAGE.value)

    procedures: Mapped[list[Procedure]] = relationship(
        back_populates="patient", order_by="Procedure.pta_date", cascade="all, delete-orphan")
    visits: Mapped[list[Visit]] = relationship(
        back_populates="patient", order_by="Visit.visit_date", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Procedure(Base):
    __tablename__ = "procedure"
    __table_args__ = (CheckConstraint("side IN ('bilateral','left','right')", name="side"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"),
                                            index=True)
    pta_date: Mapped[date] = mapped_column(Date)
    side: Mapped[str] = mapped_column(String(16), default="bilateral")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    patient: Mapped[Patient] = relationship(back_populates="procedures")


class Visit(Base):
    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint("status IN ('draft','complete')", name="status"),
        # One visit per scheduled label and patient; unscheduled visits may repeat.
        Index("uq_visit_patient_label", "patient_id", "label", unique=True,
              sqlite_where=text("label <> 'unscheduled'"),
              postgresql_where=text("label <> 'unscheduled'")),
        Index("ix_visit_patient_date", "patient_id", "visit_date"),
        CheckConstraint(f"text_language IS NULL OR text_language IN ({_LANGUAGE_CODES})",
                        name="text_language"),
        Index("uq_visit_entry_key", "entry_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    visit_date: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(8), default="draft")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    entered_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The language the questionnaires were shown in, and which texts (edition per instrument,
    # "midas=...; fss=..."): a visit answered on an unvalidated translation stays known as
    # such. NULL for visits entered before proapp recorded it, or imported without it.
    text_language: Mapped[str | None] = mapped_column(String(8))
    text_edition: Mapped[str | None] = mapped_column(String(400))
    # The entry (a wizard, a self-report session) that created the visit, so that the same
    # entry's save made again after a lost answer finds it instead of storing a second visit
    # (services.visits.records.save_in). Not clinical data: not in the change log.
    entry_key: Mapped[str | None] = mapped_column(String(32))

    patient: Mapped[Patient] = relationship(back_populates="visits")
    answers: Mapped[list[Answer]] = relationship(back_populates="visit",
                                                 cascade="all, delete-orphan")
    skipped_forms: Mapped[list[SkippedForm]] = relationship(back_populates="visit",
                                                            cascade="all, delete-orphan")
    flows: Mapped[list[FlowRow]] = relationship(back_populates="visit",
                                                cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def is_complete(self) -> bool:
        return self.status == "complete"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


class Answer(Base):
    """One questionnaire item: a value, or a reason it is missing (never both, never 0)."""

    __tablename__ = "answer"
    __table_args__ = (
        UniqueConstraint("visit_id", "instrument", "item", name="uq_answer_visit_item"),
        CheckConstraint("value IS NULL OR missing_reason IS NULL", name="value_or_reason"),
        CheckConstraint("value IS NOT NULL OR missing_reason IS NOT NULL", name="not_empty"),
        CheckConstraint("missing_reason IS NULL OR missing_reason IN "
                        "('declined','not_asked','unknown')", name="missing_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(16))
    item: Mapped[str] = mapped_column(String(16))
    value: Mapped[int | None] = mapped_column(Integer)
    missing_reason: Mapped[str | None] = mapped_column(String(16))

    visit: Mapped[Visit] = relationship(back_populates="answers")


class SkippedForm(Base):
    __tablename__ = "skipped_form"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"),
                                          primary_key=True)
    form: Mapped[str] = mapped_column(String(16), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)

    visit: Mapped[Visit] = relationship(back_populates="skipped_forms")


class FlowRow(Base):
    __tablename__ = "flow_measurement"
    __table_args__ = (
        UniqueConstraint("visit_id", "posture", "side", name="uq_flow_visit_posture_side"),
        CheckConstraint("side IN ('left','right')", name="side"),
        CheckConstraint("posture IN ('supine','upright')", name="posture"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    posture: Mapped[str] = mapped_column(String(8))
    side: Mapped[str] = mapped_column(String(8))
    flow_ml_min: Mapped[Decimal | None] = mapped_column(ScaledDecimal(FLOW_PLACES))
    velocity_cm_s: Mapped[Decimal | None] = mapped_column(ScaledDecimal(VELOCITY_PLACES))
    area_cm2: Mapped[Decimal | None] = mapped_column(ScaledDecimal(AREA_PLACES))
    stenosis_pct: Mapped[int | None] = mapped_column(Integer)

    visit: Mapped[Visit] = relationship(back_populates="flows")


class InstrumentText(Base):
    """A questionnaire's texts installed by the clinic (its licensed, validated translation):
    used instead of the file bundled with proapp for that instrument and language, on every
    workstation of the database."""

    __tablename__ = "instrument_text"
    __table_args__ = (
        CheckConstraint(f"language IN ({_LANGUAGE_CODES})", name="language"),
        CheckConstraint("status IN ('original','validated','unvalidated')", name="status"),
    )

    instrument: Mapped[str] = mapped_column(String(16), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    edition: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    installed_at: Mapped[datetime] = mapped_column(DateTime)
    installed_by: Mapped[str] = mapped_column(String(64))


class ChangeLog(Base):
    """Append-only, hash-chained audit trail. Triggers refuse UPDATE and DELETE on it."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # UTC ISO 8601 with microseconds
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    visit_id: Mapped[int | None] = mapped_column(Integer, index=True)
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Installation(Base):
    """Which installation this database belongs to: the id under which its integrity key and
    anchor files are kept outside the database (see :mod:`proapp.db.keys`). One row."""

    __tablename__ = "installation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(32))
    keyed_from: Mapped[int] = mapped_column(Integer)  # first change_log id with a keyed MAC
    legacy_head: Mapped[str] = mapped_column(String(64))  # the plain chain's head before it
    seal: Mapped[str] = mapped_column(String(64))  # MAC over the three fields above and id


class AccessLog(Base):
    """Sign-ins, failures, locks and unlocks: append-only (triggers) and keyed-chained like
    the change log."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    username: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DoubleEntry(Base):
    """A visit whose paper questionnaires are keyed a second time, blind to the first keying
    (double data entry); ``status`` is awaiting, unresolved or verified."""

    __tablename__ = "double_entry"
    __table_args__ = (
        CheckConstraint("status IN ('awaiting','unresolved','verified')", name="status"),
    )

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"),
                                          primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="awaiting")
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    second_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    second_by: Mapped[str | None] = mapped_column(String(64))
    second_at: Mapped[datetime | None] = mapped_column(DateTime)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)

    items: Mapped[list[DoubleEntryItem]] = relationship(
        back_populates="entry", cascade="all, delete-orphan",
        order_by="DoubleEntryItem.id")


class DoubleEntryItem(Base):
    """One compared item: both keyings (as ``12`` / ``missing:declined`` / NULL) with who keyed
    them, and for a difference the true value settled with a reason."""

    __tablename__ = "double_entry_item"
    __table_args__ = (
        UniqueConstraint("visit_id", "instrument", "item", name="uq_double_entry_item"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("double_entry.visit_id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(16))
    item: Mapped[str] = mapped_column(String(16))
    first_value: Mapped[str | None] = mapped_column(String(32))
    first_by: Mapped[str] = mapped_column(String(64))
    second_value: Mapped[str | None] = mapped_column(String(32))
    second_by: Mapped[str] = mapped_column(String(64))
    agrees: Mapped[bool] = mapped_column(Boolean)
    resolved_value: Mapped[str | None] = mapped_column(String(32))
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution_reason: Mapped[str | None] = mapped_column(Text)

    entry: Mapped[DoubleEntry] = relationship(back_populates="items")


class SelfReport(Base):
    """A draft visit whose questionnaires the patient answers on the screen; accepted when a
    staff member has reviewed the answers and completed the visit (patient-entered)."""

    __tablename__ = "self_report"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"),
                                          primary_key=True)
    instruments: Mapped[str] = mapped_column(String(64))  # space-separated ids
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    accepted_by: Mapped[str | None] = mapped_column(String(64))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)

    answers: Mapped[list[SelfReportAnswer]] = relationship(
        back_populates="report", cascade="all, delete-orphan")


class SelfReportAnswer(Base):
    """An answer as the patient gave it, kept beside the visit's own answer so the review can
    show what the staff corrected."""

    __tablename__ = "self_report_answer"
    __table_args__ = (
        CheckConstraint("value IS NULL OR missing_reason IS NULL", name="value_or_reason"),
    )

    visit_id: Mapped[int] = mapped_column(ForeignKey("self_report.visit_id", ondelete="CASCADE"),
                                          primary_key=True)
    instrument: Mapped[str] = mapped_column(String(16), primary_key=True)
    item: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int | None] = mapped_column(Integer)
    missing_reason: Mapped[str | None] = mapped_column(String(16))
    answered_at: Mapped[datetime] = mapped_column(DateTime)

    report: Mapped[SelfReport] = relationship(back_populates="answers")


def configure() -> None:
    """Finish the ORM's mapping of every model now (SQLAlchemy does it at the first session
    that uses one: 30-40 ms). The window calls it in a background thread once the list is
    shown, which is read without the ORM, so that the first patient opened or visit saved
    does not pay it in the GUI thread."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
