"""CDISC ODM 1.3.2 (``odm.xml``): the study's metadata and clinical data in one snapshot.

- ``Study`` / ``MetaDataVersion``: a ``StudyEventDef`` per visit label present (``enrolment``
  for the patient details and PTAs; ``unscheduled`` repeating), a ``FormDef`` per instrument
  (``patient``, ``procedure`` (repeating), ``visit``, ``midas``, ``fss``, ``flow``), an
  ``ItemGroupDef`` each, and an ``ItemDef`` per column of the interchange catalogue with its
  data type, unit, range checks (hard, from the definitions) and code list; question texts
  come from the instrument definitions.
- ``AdminData``: the staff accounts named by the data (users), the clinic as the location,
  and the meaning of a visit signature.
- ``ClinicalData``: per patient (``SubjectKey`` = patient code) the enrolment event (patient
  form, one procedure form per PTA) and one event per complete visit, each visit with an
  ``AuditRecord`` (who entered it, when it was last changed) and a ``Signature`` when a
  clinician signed it; then ``AuditRecords``: every change-log row of the exported patients,
  who, when, why and what (entity, field), without the logged values (they may hold names;
  the values are the data above).

Written as a stream of text (10,000 patients make ~100 MB of XML), escaped for XML; the
tests validate it against the ODM 1.3.2 schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import select

from proapp import __version__
from proapp.db.models import ChangeLog, User
from proapp.domain import schedule
from proapp.domain.registry import FORMS, QUESTIONNAIRES
from proapp.services import clock
from proapp.services.exchange import cells
from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.dataset import Dataset, Row
from proapp.services.progress import Progress

ODM_FILE = "odm.xml"
NS = "http://www.cdisc.org/ns/odm/v1.3"
STUDY = "ST.PROAPP"
MDV = "MDV.1"
LOCATION = "LOC.CLINIC"
SIGNATURE_DEF = "SD.VISIT"
ENROLMENT = "enrolment"
FORM_ORDER = ("patient", "procedure", "visit", *FORMS)
DATA_TYPE = {Kind.TEXT: "text", Kind.CODE: "text", Kind.INTEGER: "integer",
             Kind.DECIMAL: "float", Kind.DATE: "date", Kind.BOOLEAN: "integer"}
# Not items: the subject key, the event, the repeat key, and the import's bookkeeping.
NOT_ITEMS = {"patient_code", "visit_label", "procedure_number", "confirmed_warnings"}


def _oid(prefix: str, name: str) -> str:
    return f"{prefix}.{re.sub(r'[^A-Za-z0-9_]', '_', name).upper()}"


def item_oid(col: Column) -> str:
    return _oid("I", col.name)


def form_oid(form: str) -> str:
    return _oid("F", form)


def group_oid(form: str) -> str:
    return _oid("IG", form)


def event_oid(label: str) -> str:
    return _oid("SE", label)


def user_oid(name: str) -> str:
    return _oid("USR", name) + f".{sum(name.encode()) % 997}"  # distinct for 'a.b' and 'a_b'


def unit_oid(unit: str) -> str:
    return _oid("MU", unit.replace("/", "_per_").replace("%", "percent"))


def _text(tag: str, text: str) -> str:
    return f'<{tag}><TranslatedText xml:lang="en">{escape(text)}</TranslatedText></{tag}>'


def _value(col: Column, value: object) -> str:
    return cells.to_text(col, value, guard=False)


def _stamp(value: datetime | str) -> str:
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    return text.removesuffix("Z").replace(" ", "T")


class _Meta:
    """The forms and items of this export, from the column catalogue."""

    def __init__(self, data: Dataset):
        columns = [*data.patient_columns, *data.procedure_columns, *data.visit_columns]
        self.items: dict[str, list[Column]] = {f: [] for f in FORM_ORDER}
        seen: set[str] = set()
        for c in columns:
            if c.name in NOT_ITEMS or c.name in seen:
                continue
            seen.add(c.name)
            self.items[c.form].append(c)
        self.code_lists: dict[str, dict[str, str]] = {}
        for cols in self.items.values():
            for c in cols:
                if c.codes and c.kind in (Kind.CODE, Kind.BOOLEAN):
                    self.code_lists[_oid("CL", c.name)] = dict(c.codes)
        self.units = sorted({c.unit for cols in self.items.values() for c in cols if c.unit})


def _metadata(data: Dataset, meta: _Meta, labels: list[str]) -> Iterator[str]:
    yield (f'<Study OID="{STUDY}"><GlobalVariables><StudyName>proapp clinic data</StudyName>'
           "<StudyDescription>MIDAS and FSS questionnaires and IJV flow per visit of MS "
           "patients treated with PTA of the internal jugular veins</StudyDescription>"
           "<ProtocolName>proapp visit schedule (baseline, pta, m1, m3, m6, m12, yearly)"
           "</ProtocolName></GlobalVariables><BasicDefinitions>")
    for unit in meta.units:
        yield f'<MeasurementUnit OID="{unit_oid(unit)}" Name={quoteattr(unit)}>'
        yield _text("Symbol", unit) + "</MeasurementUnit>"
    yield (f'</BasicDefinitions><MetaDataVersion OID="{MDV}" Name="proapp {__version__}" '
           'Description="Generated from the instrument definitions"><Protocol>')
    events = [ENROLMENT, *labels]
    for n, label in enumerate(events, start=1):
        yield (f'<StudyEventRef StudyEventOID="{event_oid(label)}" OrderNumber="{n}" '
               f'Mandatory="{"Yes" if label == ENROLMENT else "No"}"/>')
    yield "</Protocol>"
    forms: tuple[str, ...]
    for label in events:
        if label == ENROLMENT:
            forms, title, kind, repeating = ("patient", "procedure"), "Enrolment", "Common", "No"
        else:
            d = schedule.definition(label)
            forms = ("visit", *FORMS)
            title, repeating = d.title, "Yes" if label == schedule.UNSCHEDULED else "No"
            kind = "Unscheduled" if label == schedule.UNSCHEDULED else "Scheduled"
        yield (f'<StudyEventDef OID="{event_oid(label)}" Name={quoteattr(title)} '
               f'Repeating="{repeating}" Type="{kind}">')
        expected = set() if label == ENROLMENT else schedule.definition(label).forms
        for n, form in enumerate(f for f in forms if meta.items[f]):
            mandatory = "Yes" if form in ("patient", "visit") or form in expected else "No"
            yield (f'<FormRef FormOID="{form_oid(form)}" OrderNumber="{n + 1}" '
                   f'Mandatory="{mandatory}"/>')
        yield "</StudyEventDef>"
    for form in FORM_ORDER:
        if not meta.items[form]:
            continue
        name = QUESTIONNAIRES[form].title if form in QUESTIONNAIRES else form
        yield (f'<FormDef OID="{form_oid(form)}" Name={quoteattr(name)} '
               f'Repeating="{"Yes" if form == "procedure" else "No"}">'
               f'<ItemGroupRef ItemGroupOID="{group_oid(form)}" Mandatory="Yes"/></FormDef>')
    for form in FORM_ORDER:
        if not meta.items[form]:
            continue
        yield (f'<ItemGroupDef OID="{group_oid(form)}" Name={quoteattr(form)} '
               'Repeating="No">')
        for n, c in enumerate(meta.items[form], start=1):
            yield (f'<ItemRef ItemOID="{item_oid(c)}" OrderNumber="{n}" '
                   f'Mandatory="{"Yes" if c.required else "No"}"/>')
        yield "</ItemGroupDef>"
    for form in FORM_ORDER:
        for c in meta.items[form]:
            yield _item_def(c)
    for oid, codes in meta.code_lists.items():
        data_type = "integer" if all(k.isdigit() for k in codes) else "text"
        yield f'<CodeList OID="{oid}" Name="{oid[3:].lower()}" DataType="{data_type}">'
        for code, meaning in codes.items():
            yield f"<CodeListItem CodedValue={quoteattr(code)}>{_text('Decode', meaning)}"
            yield "</CodeListItem>"
        yield "</CodeList>"
    yield "</MetaDataVersion></Study>"


def _item_def(c: Column) -> str:
    attrs = [f'OID="{item_oid(c)}"', f"Name={quoteattr(c.name)}",
             f'DataType="{DATA_TYPE[c.kind]}"']
    if c.kind is Kind.TEXT and c.max_length:
        attrs.append(f'Length="{c.max_length}"')
    if c.kind is Kind.DECIMAL:
        attrs.append(f'SignificantDigits="{c.places}"')
    if c.computed:
        attrs.append('Origin="Derived" Comment="computed by proapp"')
    out = [f"<ItemDef {' '.join(attrs)}>", _text("Description", c.meaning)]
    question = _question(c)
    if question:
        out.append(_text("Question", question))
    if c.unit:
        out.append(f'<MeasurementUnitRef MeasurementUnitOID="{unit_oid(c.unit)}"/>')
    for comparator, bound in (("GE", c.minimum), ("LE", c.maximum)):
        if bound is not None and c.kind in (Kind.INTEGER, Kind.DECIMAL):
            out.append(f'<RangeCheck Comparator="{comparator}" SoftHard="Hard">'
                       f"<CheckValue>{bound}</CheckValue>"
                       + _text("ErrorMessage", f"{c.label}: {c.range_text} {c.unit}".strip())
                       + "</RangeCheck>")
    if c.codes and c.kind in (Kind.CODE, Kind.BOOLEAN):
        out.append(f'<CodeListRef CodeListOID="{_oid("CL", c.name)}"/>')
    out.append("</ItemDef>")
    return "".join(out)


def _question(c: Column) -> str:
    if c.source.startswith("item."):
        _i, instrument, item = c.source.split(".")
        return QUESTIONNAIRES[instrument].item(item).text
    return ""


def _admin(users: dict[str, str]) -> Iterator[str]:
    yield "<AdminData>"
    for name, oid in sorted(users.items(), key=lambda x: x[1]):
        yield f'<User OID="{oid}"><LoginName>{escape(name)}</LoginName></User>'
    yield (f'<Location OID="{LOCATION}" Name="The clinic" LocationType="Site">'
           f'<MetaDataVersionRef StudyOID="{STUDY}" MetaDataVersionOID="{MDV}" '
           f'EffectiveDate="{date(2000, 1, 1).isoformat()}"/></Location>'
           f'<SignatureDef OID="{SIGNATURE_DEF}" Methodology="Electronic">'
           "<Meaning>The clinician signing confirms the visit as complete and correct; a "
           "signed visit is locked</Meaning><LegalReason>Signed in proapp with the "
           "clinician's password re-entered</LegalReason></SignatureDef></AdminData>")


def _audit(user: str, when: datetime | str, reason: str = "", source: str = "",
           ident: str = "") -> str:
    attr = f' ID="{ident}"' if ident else ""
    return (f'<AuditRecord{attr}><UserRef UserOID="{user}"/>'
            f'<LocationRef LocationOID="{LOCATION}"/>'
            f"<DateTimeStamp>{_stamp(when)}</DateTimeStamp>"
            + (f"<ReasonForChange>{escape(reason)}</ReasonForChange>" if reason else "")
            + (f"<SourceID>{escape(source)}</SourceID>" if source else "")
            + "</AuditRecord>")


_Plan = list[tuple[str, str, Callable[[Any], str]]]


def _plan(cols: Iterable[Column]) -> _Plan:
    """(column name, ``<ItemData ItemOID=... Value=``, value -> quoted attribute) per column,
    made once per form (an export writes ~4,000,000 items)."""
    return [(c.name, f'<ItemData ItemOID="{item_oid(c)}" Value=', _attribute(c)) for c in cols]


def _attribute(col: Column) -> Callable[[Any], str]:
    """The quoted ``Value`` attribute of a value of ``col`` (texts escaped; numbers, dates
    and yes/no need no escaping; decimal texts remembered, as they repeat a lot)."""
    if col.kind in (Kind.TEXT, Kind.CODE):
        return lambda v: quoteattr(_value(col, v))
    if col.kind is Kind.DECIMAL:
        seen: dict[Any, str] = {}

        def decimal(v: Any) -> str:
            text = seen.get(v)
            if text is None:
                if len(seen) > 100_000:
                    seen.clear()
                text = seen[v] = f'"{_value(col, v)}"'
            return text
        return decimal
    return lambda v: f'"{_value(col, v)}"'


def _items(plan: _Plan, row: Row) -> str:
    out = []
    get = row.get
    for name, prefix, attribute in plan:
        value = get(name)
        if value is not None and value != "":
            out.append(f"{prefix}{attribute(value)}/>")
    return "".join(out)


def write_odm(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    conn = data.connection
    meta = _Meta(data)
    labels = data.labels()
    names = {uid: name for uid, name in conn.execute(select(User.id, User.username)).all()}  # noqa: C416
    users: dict[str, str] = {}

    def user(name: str | None) -> str:
        name = name or "unknown"
        oid = users.get(name)
        if oid is None:
            oid = users[name] = user_oid(name)
        return oid

    exported = data.patient_ids
    visit_forms = [(form, _plan(meta.items[form])) for form in ("visit", *FORMS)
                   if meta.items[form]]
    patient_plan, procedure_plan = _plan(meta.items["patient"]), _plan(meta.items["procedure"])
    procedures: dict[str, list[Row]] = {}
    for proc in data.procedures:
        procedures.setdefault(proc["patient_code"], []).append(proc)
    path = folder / ODM_FILE
    clinical = folder / (ODM_FILE + ".clinical")
    # Clinical data first (into a side file, streamed), so that AdminData, which comes
    # before it in the document, can list every user it names.
    with open(clinical, "w", encoding="utf-8") as out:
        out.write(f'<ClinicalData StudyOID="{STUDY}" MetaDataVersionOID="{MDV}">')
        data.audit = True  # who entered, changed and signed each visit
        for n, (p, visits) in enumerate(data.by_patient()):
            code = p["patient_code"]
            parts = [f"<SubjectData SubjectKey={quoteattr(code)}>",
                     f'<StudyEventData StudyEventOID="{event_oid(ENROLMENT)}">',
                     f'<FormData FormOID="{form_oid("patient")}">',
                     f'<ItemGroupData ItemGroupOID="{group_oid("patient")}">',
                     _items(patient_plan, p), "</ItemGroupData></FormData>"]
            for proc in procedures.get(code, ()):
                parts += [f'<FormData FormOID="{form_oid("procedure")}" '
                          f'FormRepeatKey="{proc["procedure_number"]}">',
                          f'<ItemGroupData ItemGroupOID="{group_oid("procedure")}">',
                          _items(procedure_plan, proc), "</ItemGroupData></FormData>"]
            parts.append("</StudyEventData>")
            repeat = 0
            for v in visits:
                label = v["visit_label"]
                key = ""
                if label == schedule.UNSCHEDULED:
                    repeat += 1
                    key = f' StudyEventRepeatKey="{repeat}"'
                parts.append(f'<StudyEventData StudyEventOID="{event_oid(label)}"{key}>')
                when = v.get("_updated_at") or v.get("_completed_at")
                if when is not None:
                    parts.append(_audit(user(v.get("_entered_by")), when,
                                        source=f"proapp visit {v['_id']}"))
                if v.get("_signed_at") is not None:
                    parts.append(f'<Signature><UserRef UserOID="'
                                 f'{user(names.get(v.get("_signed_by_id")))}"/>'
                                 f'<LocationRef LocationOID="{LOCATION}"/>'
                                 f'<SignatureRef SignatureOID="{SIGNATURE_DEF}"/>'
                                 f"<DateTimeStamp>{_stamp(v['_signed_at'])}</DateTimeStamp>"
                                 "</Signature>")
                for form, cols in visit_forms:
                    items = _items(cols, v)
                    if items:
                        parts.append(f'<FormData FormOID="{form_oid(form)}">'
                                     f'<ItemGroupData ItemGroupOID="{group_oid(form)}">'
                                     f"{items}</ItemGroupData></FormData>")
                parts.append("</StudyEventData>")
            parts.append("</SubjectData>")
            out.write("".join(parts))
            if progress is not None and n % 500 == 0:
                progress.check()
        out.write("<AuditRecords>")
        q = select(ChangeLog.id, ChangeLog.at, ChangeLog.username, ChangeLog.action,
                   ChangeLog.entity, ChangeLog.entity_id, ChangeLog.field, ChangeLog.reason,
                   ChangeLog.patient_id).where(ChangeLog.patient_id.is_not(None)) \
            .order_by(ChangeLog.id)
        for log_id, at, username, action, entity, entity_id, fld, reason, pid in \
                conn.execute(q):
            if pid not in exported:
                continue
            what = f"change log {log_id}: {action} {entity} {entity_id or ''}".rstrip()
            out.write(_audit(user(username), at, reason or "",
                             what + (f" field {fld}" if fld else ""), f"AR.{log_id}"))
        out.write("</AuditRecords></ClinicalData>")
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            fh.write(f'<ODM xmlns="{NS}" ODMVersion="1.3.2" FileType="Snapshot" '
                     f'Granularity="All" FileOID="proapp.{clock.utcnow():%Y%m%d%H%M%S}" '
                     f'CreationDateTime="{clock.utcnow():%Y-%m-%dT%H:%M:%S}" '
                     f'SourceSystem="proapp" SourceSystemVersion="{__version__}" '
                     f'Description={quoteattr(data.options.describe())}>')
            fh.writelines(_metadata(data, meta, labels))
            fh.writelines(_admin(users))
            with open(clinical, encoding="utf-8") as part:
                while chunk := part.read(1 << 20):
                    fh.write(chunk)
            fh.write("</ODM>\n")
    finally:
        clinical.unlink(missing_ok=True)
