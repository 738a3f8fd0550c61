"""Italian for the sentences the domain and the services write (see :mod:`proapp.domain.i18n`).

Keyed by the English template exactly as written in the source; every placeholder of the
English must appear in the Italian (a test checks both, and that no template is missing).
Words that are put into other sentences (``left``, ``supine``) agree with the noun they
qualify there (``vena``, ``posizione``: feminine).
"""

from __future__ import annotations

ITALIAN: dict[str, str] = {
    # answers
    "declined to answer": "ha preferito non rispondere",
    "not asked": "non chiesto",
    "unknown": "sconosciuto",
    "the value is far too long to be a number": "il valore è troppo lungo per essere un numero",
    "the value is far too long to be a date": "il valore è troppo lungo per essere una data",
    "{text} is not a whole number": "{text} non è un numero intero",
    "{text} is not a whole number (digits only, with at most one decimal point; no exponent, "
    "no separators)": "{text} non è un numero intero (solo cifre, al massimo una virgola "
                      "decimale; niente esponenti né separatori)",
    "{text} is not a number (digits only, with at most one decimal point; no exponent, no "
    "separators)": "{text} non è un numero (solo cifre, al massimo una virgola decimale; "
                   "niente esponenti né separatori)",
    "{text}: a sign is not allowed here": "{text}: qui il segno non è ammesso",
    "{text} is not a number": "{text} non è un numero",
    "{text} is not a finite number": "{text} non è un numero finito",
    "{text} is far outside any plausible value": "{text} è molto lontano da qualsiasi valore "
                                                 "plausibile",
    "{text} has more than {places} decimal place(s)": "{text} ha più di {places} cifre "
                                                      "decimali",
    "{text} is not a date: write it as {pattern}": "{text} non è una data: la scriva come "
                                                   "{pattern}",
    "{text} is not a day of the calendar ({pattern})": "{text} non è un giorno del calendario "
                                                       "({pattern})",
    "{text}: write the year with four digits ({pattern})": "{text}: scriva l'anno con quattro "
                                                           "cifre ({pattern})",
    # instruments
    "days": "giorni",
    "points": "punti",
    "incomplete": "incompleto",
    "{total} (grade {grade})": "{total} (grado {grade})",
    "{mean} ({flag})": "{mean} ({flag})",
    "significant fatigue": "fatica significativa",
    "below threshold": "sotto la soglia",
    "{name} has no item {item}": "{name} non ha l'item {item}",
    "{name} item {label}: {value} is not a whole number": "{name} item {label}: {value} non è "
                                                          "un numero intero",
    "{name} item {label} must be between {low} and {high} {unit}; got {value}":
        "{name} item {label} deve essere tra {low} e {high} {unit}; inserito {value}",
    "{name} item {label} has an answer and a reason for it being missing":
        "{name} item {label} ha sia una risposta sia un motivo per cui manca",
    "work or school": "lavoro o scuola",
    "household work": "lavori domestici",
    "Items {first} and {second} count separate days of {what}: together they cannot exceed "
    "{limit} days (got {a} + {b} = {sum})":
        "Gli item {first} e {second} contano giorni diversi di {what}: insieme non possono "
        "superare {limit} giorni (inseriti {a} + {b} = {sum})",
    "Item {label} ({value} days) is more than the headache days in item A ({days})":
        "L'item {label} ({value} giorni) supera i giorni con mal di testa dell'item A ({days})",
    "Average pain is {pain} but item A says there were no headache days":
        "Il dolore medio è {pain} ma l'item A non riporta giorni con mal di testa",
    "Item A records {days} headache days but average pain is 0":
        "L'item A riporta {days} giorni con mal di testa ma il dolore medio è 0",
    # instrument texts files
    "{origin} is larger than {size} KB: not an instrument texts file":
        "{origin} supera {size} KB: non è un file di testi di un questionario",
    "{origin} cannot be read: {reason}": "{origin} non si può leggere: {reason}",
    "{origin} has no [header] section: not an instrument texts file":
        "{origin} non ha la sezione [header]: non è un file di testi di un questionario",
    "{origin}: [header] format must be {format!r}, not {found!r}":
        "{origin}: in [header] format deve essere {format!r}, non {found!r}",
    "{origin}: [header] language must be one of {known}, not {found!r}":
        "{origin}: in [header] language deve essere uno fra {known}, non {found!r}",
    "{origin}: [header] status must be one of {known}, not {found!r}":
        "{origin}: in [header] status deve essere uno fra {known}, non {found!r}",
    "{origin} has no [instrument] section": "{origin} non ha la sezione [instrument]",
    "{origin}: unknown section [{section}] (expected [header], [instrument] or [item ID])":
        "{origin}: sezione sconosciuta [{section}] (attese [header], [instrument] o "
        "[item ID])",
    "{origin}: [{section}] {key}: an anchor names a whole answer value, e.g. anchor.7":
        "{origin}: [{section}] {key}: un'ancora indica un valore di risposta intero, "
        "p. es. anchor.7",
    "{origin}: [{section}] range must be written as LOW-HIGH, e.g. 0-90":
        "{origin}: in [{section}] range si scrive MIN-MAX, p. es. 0-90",
    "{origin}: [{section}] has an unknown key {key!r} (expected range, text, short, anchor.N)":
        "{origin}: [{section}] ha una chiave sconosciuta {key!r} (attese range, text, short, "
        "anchor.N)",
    "the file is for instrument {found!r}, not {name}":
        "il file è per il questionario {found!r}, non per {name}",
    "{name} was published in English: a text in another language is a translation (status "
    "validated or unvalidated), not the original":
        "{name} è stato pubblicato in inglese: un testo in un'altra lingua è una traduzione "
        "(status validated o unvalidated), non l'originale",
    "an unvalidated translation must say so on screen: [header] notice is empty":
        "una traduzione non validata deve dichiararlo sullo schermo: in [header] notice è "
        "vuoto",
    "[instrument] {key} is missing or empty": "in [instrument] {key} manca o è vuoto",
    "[instrument] has an unknown key {key!r}": "[instrument] ha una chiave sconosciuta "
                                               "{key!r}",
    "[item {item}]: {name} has no item {item!r} (its items are {items})":
        "[item {item}]: {name} non ha l'item {item!r} (i suoi item sono {items})",
    "[item {item}] is missing ({name} item {label})": "manca [item {item}] ({name} item "
                                                      "{label})",
    "[item {item}] range is {stated}; {name} item {label} is answered {low}-{high}: this text "
    "is for another version of the questionnaire":
        "in [item {item}] range è {stated}; {name} item {label} si risponde {low}-{high}: "
        "questo testo è per un'altra versione del questionario",
    "[item {item}] needs both text and short": "[item {item}] richiede sia text sia short",
    "[item {item}] text is longer than {limit} characters":
        "in [item {item}] text supera {limit} caratteri",
    "[item {item}] short is longer than {limit} characters":
        "in [item {item}] short supera {limit} caratteri",
    "[item {item}] anchor.{value} is outside the answers {low}-{high}":
        "in [item {item}] anchor.{value} è fuori dalle risposte {low}-{high}",
    "{origin} cannot be used for {name}: {problems}":
        "{origin} non si può usare per {name}: {problems}",
    # flow
    "left": "sinistra",
    "right": "destra",
    "supine": "supina",
    "upright": "eretta",
    "flow": "flusso",
    "velocity": "velocità",
    "area": "area",
    "{posture} {side} IJV": "VGI {side} (posizione {posture})",
    "{where}: {name} {value} is not a decimal number": "{where}: {name} {value} non è un "
                                                       "numero decimale",
    "{where}: stenosis {value} is not a whole number": "{where}: la stenosi {value} non è un "
                                                       "numero intero",
    "{where}: {name} must be between 0 and {top} {unit}; got {value}":
        "{where}: {name} deve essere tra 0 e {top} {unit}; inserito {value}",
    "{where}: {name} has more than {places} decimal place(s): {value}":
        "{where}: {name} ha più di {places} cifre decimali: {value}",
    "{where}: enter the flow directly or velocity and area, not both":
        "{where}: inserisca il flusso oppure velocità e area, non entrambi",
    "{where}: the flow is computed from velocity and area; {missing} is missing":
        "{where}: il flusso si calcola da velocità e area; manca {missing}",
    "{where}: computed flow {flow} {unit} is above {top} {unit}":
        "{where}: il flusso calcolato {flow} {unit} supera {top} {unit}",
    "{where}: stenosis must be between 0 and 100 %; got {value}":
        "{where}: la stenosi deve essere tra 0 e 100 %; inserito {value}",
    "{where}: flow is 0 {unit} (occluded or not detected?)":
        "{where}: il flusso è 0 {unit} (occlusa o non rilevata?)",
    "{where} is entered twice": "{where} è inserita due volte",
    # patients
    "Family name": "Cognome",
    "Given name": "Nome",
    "Notes": "Note",
    "relapsing-remitting": "recidivante-remittente",
    "secondary progressive": "secondariamente progressiva",
    "primary progressive": "primariamente progressiva",
    "{label} must be text": "{label} deve essere un testo",
    "{label} is required": "{label} è obbligatorio",
    "{label} is longer than {limit} characters": "{label} supera {limit} caratteri",
    "{label} contains control characters": "{label} contiene caratteri di controllo",
    "Patient code must be 1-32 letters, digits, '.', '_' or '-', starting with a letter or "
    "digit": "Il codice paziente deve avere da 1 a 32 lettere, cifre, '.', '_' o '-', e "
             "iniziare con una lettera o una cifra",
    "Birth date is required": "La data di nascita è obbligatoria",
    "Birth date {date} is in the future": "La data di nascita {date} è nel futuro",
    "Birth date {date} is before 1900": "La data di nascita {date} è anteriore al 1900",
    "The patient is younger than 12: check the birth date":
        "Il paziente ha meno di 12 anni: controlli la data di nascita",
    "Sex must be F, M or X": "Il sesso deve essere F, M o X",
    "MS subtype must be RR, SP or PP": "La forma di SM deve essere RR, SP o PP",
    "Diagnosis year must be between {low} and {high}": "L'anno di diagnosi deve essere tra "
                                                       "{low} e {high}",
    "{name} must be yes or no": "{name} deve essere sì o no",
    "Language must be one of {codes}": "La lingua deve essere una fra {codes}",
    "PTA date {date} is in the future": "La data della PTA {date} è nel futuro",
    "PTA date is before the birth date": "La data della PTA è anteriore alla data di nascita",
    "Side must be bilateral, left or right": "Il lato deve essere bilateral, left o right",
    # visits
    "Baseline (before PTA)": "Basale (prima della PTA)",
    "PTA (after the procedure)": "PTA (dopo la procedura)",
    "1 month": "1 mese",
    "3 months": "3 mesi",
    "6 months": "6 mesi",
    "12 months": "12 mesi",
    "Year {n}": "Anno {n}",
    "Unscheduled": "Non programmata",
    "unknown questionnaire {name}": "questionario sconosciuto {name}",
    "unknown reason {reason}": "motivo sconosciuto {reason}",
    "unknown form {name}": "modulo sconosciuto {name}",
    "Skipping {form} needs a reason": "Per segnare {form} come non eseguito serve un motivo",
    "The reason is longer than {limit} characters": "Il motivo supera {limit} caratteri",
    "{form} is marked not done but has answers": "{form} è segnato come non eseguito ma ha "
                                                 "risposte",
    "{label} is not a visit label": "{label} non è un'etichetta di visita",
    "Visit date {date} is in the future": "La data della visita {date} è nel futuro",
    "Visit date {date} is before the birth date": "La data della visita {date} è anteriore "
                                                  "alla data di nascita",
    "A baseline visit must be on or before the PTA date":
        "Una visita basale deve essere nel giorno della PTA o prima",
    "{visit} is expected between {start} and {end}; this visit is on {date}":
        "{visit} è prevista tra il {start} e il {end}; questa visita è del {date}",
    "{name} item {label} is not answered - the total cannot be computed":
        "{name} item {label} senza risposta - il totale non si può calcolare",
    "{name} item {label} is not answered": "{name} item {label} senza risposta",
    "{visit} expects {form}: enter it or mark it not done with a reason":
        "{visit} prevede {form}: lo inserisca o lo segni come non eseguito con un motivo",
    "Nothing is entered for this visit: enter at least one form (MIDAS, FSS or IJV flow) before "
    "completing it": "Per questa visita non è inserito nulla: inserisca almeno un modulo (MIDAS, "
                     "FSS o flusso VGI) prima di completarla",
    "IJV flow": "Flusso VGI",
    # services: instrument texts
    "Cannot read {path}: {reason}": "Impossibile leggere {path}: {reason}",
    "{path} is larger than {size} KB: not an instrument texts file":
        "{path} supera {size} KB: non è un file di testi di un questionario",
    "{path} is not UTF-8 text; save it as UTF-8 and try again":
        "{path} non è testo UTF-8; lo salvi come UTF-8 e riprovi",
    "{path}: [header] instrument must be one of {known}, not {found}":
        "{path}: in [header] instrument deve essere uno fra {known}, non {found}",
    "Unknown instrument {found}; known: {known}": "Questionario sconosciuto {found}; noti: "
                                                  "{known}",
    "The {name} texts installed for {language} no longer fit this version of proapp: {reason}. "
    "Install a corrected file.": "I testi {name} installati per la lingua {language} non sono "
                                 "più adatti a questa versione di proapp: {reason}. Installi "
                                 "un file corretto.",
    "No {name} texts are installed for {language}: the bundled ones are in use":
        "Non ci sono testi {name} installati per la lingua {language}: sono in uso quelli "
        "forniti con proapp",
    # The screens' own checks (gui/): said beside the field, in the screens' language.
    "Choose the sex (F, M or X)": "Scegliete il sesso (F, M o X)",
    "Choose the MS subtype (RR, SP or PP)": "Scegliete la forma di SM (RR, SP o PP)",
    "Birth date {text} is not a date: enter it as {pattern}":
        "La data di nascita {text} non è una data: scrivetela come {pattern}",
    "Diagnosis year must be a year such as 2004":
        "L'anno di diagnosi deve essere un anno come 2004",
    "PTA date {text} is not a date: enter it as {pattern}":
        "La data della PTA {text} non è una data: scrivetela come {pattern}",
    "A recorded PTA date cannot be emptied here":
        "Una data di PTA registrata non può essere cancellata qui",
    "Patient code {code} is already used by another patient":
        "Il codice paziente {code} è già usato da un altro paziente",
    "PTA date {date} is listed twice": "La data della PTA {date} compare due volte",
    "{vein}: {problem}": "{vein}: {problem}",
    "{name} item {label}: {problem}": "{name} domanda {label}: {problem}",
    "MIDAS total": "Totale MIDAS",
    "FSS mean": "Media FSS",
    "score {range}": "punteggio {range}",
    "Total IJV flow (supine)": "Flusso VGI totale (supino)",
    "Give a reason for changing a completed visit":
        "Indicate il motivo della modifica di una visita completata",
    "Tick the forms done at this unscheduled visit (Space ticks the focused box), so that their "
    "pages follow.":
        "Segnate i moduli eseguiti in questa visita non programmata (Spazio segna la casella "
        "attiva), così che le loro pagine seguano.",
    # clinic settings
    "Clinic name": "Nome della clinica",
    "Printed at the top of every report": "Stampato in cima a ogni referto",
    "Lock after idle minutes": "Blocco dopo minuti di inattività",
    "Lock the window after this many minutes without a key press or mouse movement; 0 turns "
    "the lock off (for computers the system already locks)":
        "Blocca la finestra dopo questi minuti senza tasti premuti né movimenti del mouse; 0 "
        "disattiva il blocco (per i computer che il sistema blocca già)",
    "Backup folder": "Cartella dei backup",
    "Folder for the automatic daily backups; blank: 'backups' in the data folder":
        "Cartella dei backup giornalieri automatici; vuota: 'backups' nella cartella dei dati",
    "Keep daily backups": "Backup giornalieri da tenere",
    "Days for which the newest backup of the day is kept":
        "Giorni per cui si tiene il backup più recente del giorno",
    "Keep weekly backups": "Backup settimanali da tenere",
    "Weeks for which the newest backup of the week is kept":
        "Settimane per cui si tiene il backup più recente della settimana",
    "Keep monthly backups": "Backup mensili da tenere",
    "Months for which the newest backup of the month is kept":
        "Mesi per cui si tiene il backup più recente del mese",
    "Report paper size": "Formato carta dei referti",
    "Paper size of new reports (each report can still choose)":
        "Formato carta dei nuovi referti (ogni referto può comunque sceglierne un altro)",
    "US Letter": "Letter (USA)",
    "Clinic days": "Giorni di ambulatorio",
    "Weekdays the clinic sees patients: the worklist shows the visits due on the next clinic "
    "day, counting the days since the previous one":
        "Giorni della settimana in cui la clinica riceve i pazienti: le visite del giorno "
        "mostrano quelle previste per il prossimo giorno di ambulatorio, contando i giorni dal "
        "precedente",
    "Double data entry": "Doppio inserimento",
    "Paper questionnaires keyed twice: 'on' asks for a blind second entry of each completed "
    "visit entered from a paper form, 'off' does not":
        "Questionari cartacei inseriti due volte: 'on' chiede un secondo inserimento alla cieca "
        "di ogni visita completata inserita da un modulo cartaceo, 'off' no",
    "off": "off",
    "on": "on",
    "{label}: {raw} is not a whole number": "{label}: {raw} non è un numero intero",
    "{label} must be between {minimum} and {maximum}; got {value}":
        "{label} deve essere tra {minimum} e {maximum}; indicato {value}",
    "{label} must be one of {choices}; got {raw}":
        "{label} deve essere uno tra {choices}; indicato {raw}",
    "{label}: {problem}": "{label}: {problem}",
    "{label} is longer than {length} characters": "{label} supera i {length} caratteri",
    "{label} must be one line": "{label} deve stare su una riga",
    "{token} is not a weekday (use mon, tue, wed, thu, fri, sat, sun)":
        "{token} non è un giorno della settimana (usate mon, tue, wed, thu, fri, sat, sun)",
    "name at least one weekday, e.g. mon tue wed thu fri":
        "indicate almeno un giorno della settimana, es. mon tue wed thu fri",
    # change-log field names
    "flow ({unit})": "flusso ({unit})",
    "mean velocity (cm/s)": "velocità media (cm/s)",
    "area (cm²)": "area (cm²)",
    "stenosis (%)": "stenosi (%)",
    "visit date": "data della visita",
    "visit label": "etichetta della visita",
    "PTA date": "data della PTA",
    "MS subtype": "forma di SM",
    "headache-positive": "cefalea positiva",
    "fatigue-positive": "fatica positiva",
    "patient code": "codice paziente",
    "family name": "cognome",
    "given name": "nome",
    "birth date": "data di nascita",
    "sex": "sesso",
    "diagnosis year": "anno della diagnosi",
    "notes": "note",
    "report language": "lingua del referto",
    "side": "lato",
    "status": "stato",
    "{form} not done (reason)": "{form} non eseguito (motivo)",
    "IJV flow {posture} {side}": "flusso VGI {side} (posizione {posture})",
    "{where}: {value}": "{where}: {value}",
    "{name} item {label}": "{name} domanda {label}",
    "Visit {visit} belongs to another patient": "La visita {visit} appartiene a un altro paziente",
    "Give a reason for changing answers the patient gave":
        "Indicate il motivo della modifica delle risposte date dal paziente",
    # export formats
    "Interchange CSV: patients.csv + visits.csv (folder)":
        "CSV di interscambio: patients.csv + visits.csv (cartella)",
    "Wide CSV: one row per patient, columns per visit (folder)":
        "CSV largo: una riga per paziente, colonne per visita (cartella)",
    "Excel workbook: patients, visits, wide, data dictionary (file)":
        "Cartella di lavoro Excel: pazienti, visite, formato largo, dizionario dei dati (file)",
    "REDCap: data dictionary, events, mapping and data CSVs (folder)":
        "REDCap: dizionario dei dati, eventi, corrispondenze e CSV dei dati (cartella)",
    "FHIR R4 JSON bundle (folder)": "Bundle JSON FHIR R4 (cartella)",
    "CDISC ODM 1.3.2 XML: metadata, clinical data, audit trail (folder)":
        "XML CDISC ODM 1.3.2: metadati, dati clinici, registro delle modifiche (cartella)",
    "SQLite database copy (file)": "Copia del database SQLite (file)",
    # import report
    "patients {new} new, {updated} updated, {unchanged} unchanged":
        "pazienti {new} nuovi, {updated} aggiornati, {unchanged} invariati",
    "PTAs {new} new, {updated} updated, {unchanged} unchanged":
        "PTA {new} nuove, {updated} aggiornate, {unchanged} invariate",
    "visits {new} new, {updated} updated, {unchanged} unchanged":
        "visite {new} nuove, {updated} aggiornate, {unchanged} invariate",
    "{patients}; {procedures}; {visits}": "{patients}; {procedures}; {visits}",
    "{patients}; {visits}": "{patients}; {visits}",
    "{errors} error(s), {warnings} warning(s)": "{errors} errori, {warnings} avvisi",
    "Nothing was written: {found}; fix the errors and import again. The rows without errors "
    "would have given: {counts}.":
        "Non è stato scritto nulla: {found}; correggete gli errori e importate di nuovo. Le "
        "righe senza errori avrebbero dato: {counts}.",
    "Check passed, nothing written yet; importing would give: {counts}; {found}.":
        "Controllo superato, ancora nulla di scritto; l'importazione darebbe: {counts}; "
        "{found}.",
    "Imported: {counts}; {found}.": "Importato: {counts}; {found}.",
    "Nothing was written; {found}.": "Non è stato scritto nulla; {found}.",
    # cohort analysis
    "FSS score (mean)": "Punteggio FSS (media)",
    "Total supine IJV flow": "Flusso VGI totale supino",
    "Pre-PTA": "Pre-PTA",
    "Post-PTA": "Post-PTA",
    "Final follow-up": "Ultimo follow-up",
    "pre": "pre",
    "post": "post",
    "1 mo": "1 m",
    "3 mo": "3 m",
    "6 mo": "6 m",
    "12 mo": "12 m",
    "final": "ultimo",
    "All patients": "Tutti i pazienti",
    "Headache+ all": "Cefalea+ tutti",
    "Headache+ {subtype}": "Cefalea+ {subtype}",
    "Fatigue+ all": "Fatica+ tutti",
    "Fatigue+ {subtype}": "Fatica+ {subtype}",
    "Pre-PTA (baseline visit)": "Pre-PTA (visita basale)",
    "Final follow-up (MIDAS and flow at the same visit)":
        "Ultimo follow-up (MIDAS e flusso nella stessa visita)",
    "Change, final − pre-PTA": "Variazione, ultimo − pre-PTA",
    "all five MIDAS items Q1-Q5 answered": "tutte le cinque domande MIDAS Q1-Q5 con risposta",
    "all nine FSS items answered": "tutte le nove domande FSS con risposta",
    "supine flow of both the left and the right IJV":
        "il flusso supino della VGI sia sinistra sia destra",
    "the latest completed visit labelled m{months} or later (m6, m12, y2, y3, ...) that has the "
    "measure, on or before the cut-off":
        "l'ultima visita completata con etichetta m{months} o successiva (m6, m12, y2, y3, ...) "
        "che ha la misura, entro la data limite",
    "the completed {label} visit, on or before the cut-off":
        "la visita {label} completata, entro la data limite",
    "time points count from the first PTA; visits on or after a repeat PTA are not used (they "
    "would measure the second procedure)":
        "i tempi si contano dalla prima PTA; le visite dalla PTA ripetuta in poi non si usano "
        "(misurerebbero la seconda procedura)",
    "time points count from the first PTA; visits after a repeat PTA are used like any other":
        "i tempi si contano dalla prima PTA; le visite dopo una PTA ripetuta si usano come le "
        "altre",
    "patients with more than one PTA are left out": "i pazienti con più di una PTA sono esclusi",
    "Cut-off date: {date}; only completed visits on or before it are used (drafts and "
    "unscheduled visits never are).":
        "Data limite: {date}; si usano solo le visite completate fino a quella data (mai le "
        "bozze né le visite non programmate).",
    "{time_point}: {rule}.": "{time_point}: {rule}.",
    "1, 6 and 12 months (flow): the completed m1, m6 and m12 visits.":
        "1, 6 e 12 mesi (flusso): le visite m1, m6 e m12 completate.",
    "{measure} ({unit}) exists at a visit only with {requirement}; an unanswered item is never "
    "counted as 0.":
        "{measure} ({unit}) esiste in una visita solo con {requirement}; una domanda senza "
        "risposta non vale mai 0.",
    "Follow-up time: final follow-up date minus the first PTA date, in years of 365.25 days.":
        "Durata del follow-up: data dell'ultimo follow-up meno la data della prima PTA, in anni "
        "di 365,25 giorni.",
    "Repeat PTA: {rule}.": "PTA ripetuta: {rule}.",
    "Tests use complete cases: a patient enters the Friedman test of a measure only with a "
    "value at all three compared time points; the others are counted with the reason.":
        "I test usano i casi completi: un paziente entra nel test di Friedman di una misura "
        "solo con un valore in tutti e tre i tempi confrontati; gli altri sono contati con il "
        "motivo.",
    "{measure}: analysed in {groups}.": "{measure}: analizzata in {groups}.",
    "MIDAS total vs total supine flow (Spearman): {groups}.":
        "Totale MIDAS rispetto al flusso supino totale (Spearman): {groups}.",
    "Groups with fewer than {n} complete cases get the descriptives and \"too few for the "
    "test\".":
        "I gruppi con meno di {n} casi completi hanno le statistiche descrittive e \"troppo "
        "pochi per il test\".",
    "none": "nessuno",
    "awaiting second entry": "in attesa del secondo inserimento",
    "differences to resolve": "differenze da risolvere",
    "verified": "verificata",
    "The report is not ready yet": "Il referto non è ancora pronto",
    "The printer could not be opened.": "Non è stato possibile aprire la stampante.",
    "The printer did not accept another page.": "La stampante non ha accettato un'altra pagina.",
    # visit drafts kept on this computer (services/visits/local_drafts.py)
    "{name} was changed outside proapp (its seal does not verify with this database's key), "
    "so it is not restored. Discard it, or ask IT to look at it.":
        "{name} è stato modificato fuori da proapp (il suo sigillo non corrisponde alla chiave "
        "di questo database), quindi non viene ripristinato. Scartalo, o chiedi all'IT di "
        "esaminarlo.",
    "{name} is not a visit draft proapp kept (it cannot be read as one), so it is not "
    "restored. Discard it, or ask IT to look at it.":
        "{name} non è una bozza di visita conservata da proapp (non si può leggere come tale), "
        "quindi non viene ripristinato. Scartalo, o chiedi all'IT di esaminarlo.",
    "{name} cannot be opened: {why}": "{name} non si può aprire: {why}",
    # accounts
    "No user with id {user_id}": "Nessun utente con id {user_id}",
    "Only a signed-in user has a password to change":
        "Solo un utente che ha eseguito l'accesso ha una password da cambiare",
    "Wrong user name or password, or the account is deactivated or locked (an administrator can "
    "unlock it)":
        "Nome utente o password errati, oppure l'account è disattivato o bloccato (un "
        "amministratore può sbloccarlo)",
    "Only a signed-in user can confirm with a password":
        "Solo un utente che ha eseguito l'accesso può confermare con una password",
    "The password is wrong, or the account was deactivated or locked":
        "La password è errata, oppure l'account è stato disattivato o bloccato",
    "An administrator already exists; sign in instead":
        "Esiste già un amministratore; eseguite invece l'accesso",
    "The current password is wrong": "La password attuale è errata",
    "The account {username} was deactivated": "L'account {username} è stato disattivato",
    "{username} is the last active administrator; make another user an administrator first":
        "{username} è l'ultimo amministratore attivo; prima rendete amministratore un altro "
        "utente",
    "{username} ({role}) may not do this: {permission} needs another role":
        "{username} ({role}) non può farlo: {permission} richiede un altro ruolo",
    "{username} has no account in this database; sign in with your proapp user name":
        "{username} non ha un account in questo database; accedete con il vostro nome utente "
        "proapp",
    "The account {username} is deactivated or no longer exists":
        "L'account {username} è disattivato o non esiste più",
    "The account {username} is not locked": "L'account {username} non è bloccato",
    # patients
    "Patient {code} was changed by someone else since you opened it; your input is kept, please "
    "review and save again":
        "Il paziente {code} è stato modificato da un'altra persona dopo che l'avete aperto; i "
        "dati inseriti sono conservati, controllate e salvate di nuovo",
    "Deleting a PTA procedure needs a reason for the change log":
        "Eliminare una procedura PTA richiede un motivo per il registro delle modifiche",
    "No patient with id {patient_id}": "Nessun paziente con id {patient_id}",
    "No procedure with id {procedure_id}": "Nessuna procedura con id {procedure_id}",
    "No patient with code {code}": "Nessun paziente con codice {code}",
    "No procedure with id {procedure_id} for {code}":
        "Nessuna procedura con id {procedure_id} per {code}",
    # visits
    "This visit is complete: give a reason for the change":
        "Questa visita è completata: indicate il motivo della modifica",
    "This visit is signed and locked; a clinician must unlock it (with a reason) before it can "
    "be changed":
        "Questa visita è firmata e bloccata; un medico deve sbloccarla (con un motivo) prima che "
        "si possa modificare",
    "Deleting a visit needs a reason for the change log":
        "Eliminare una visita richiede un motivo per il registro delle modifiche",
    "No visit with id {visit_id} for this patient":
        "Nessuna visita con id {visit_id} per questo paziente",
    "Changing a saved visit needs the version that was opened (expected_version); nothing was "
    "saved":
        "Modificare una visita salvata richiede la versione aperta (expected_version); non è "
        "stato salvato nulla",
    "This visit was changed by someone else since you opened it. Your input is kept: review the "
    "current visit and enter your changes again.":
        "Questa visita è stata modificata da un'altra persona dopo che l'avete aperta. I dati "
        "inseriti sono conservati: controllate la visita attuale e inserite di nuovo le vostre "
        "modifiche.",
    "No visit with id {visit_id}": "Nessuna visita con id {visit_id}",
    "Only a draft can be discarded; this visit is complete":
        "Si può scartare solo una bozza; questa visita è completata",
    "This draft was changed by someone else since you opened it":
        "Questa bozza è stata modificata da un'altra persona dopo che l'avete aperta",
    "This visit was changed by someone else since you opened it":
        "Questa visita è stata modificata da un'altra persona dopo che l'avete aperta",
    "This visit is signed; unlock it (with a reason) before deleting":
        "Questa visita è firmata; sbloccatela (con un motivo) prima di eliminarla",
    "Signing or unlocking needs the version that was reviewed (expected_version); nothing was "
    "changed":
        "Firmare o sbloccare richiede la versione controllata (expected_version); non è cambiato "
        "nulla",
    "This visit was changed by someone else since you opened it; review it again before signing "
    "or unlocking":
        "Questa visita è stata modificata da un'altra persona dopo che l'avete aperta; "
        "controllatela di nuovo prima di firmarla o sbloccarla",
    "Unlocking a signed visit needs a reason for the change log":
        "Sbloccare una visita firmata richiede un motivo per il registro delle modifiche",
    "Only a completed visit can be signed; complete it first":
        "Si può firmare solo una visita completata; prima completatela",
    "This visit is already signed": "Questa visita è già firmata",
    "This visit is not signed": "Questa visita non è firmata",
    # double entry
    "Double data entry is switched off for this clinic (setting {setting}); the visit was not "
    "saved":
        "Il doppio inserimento è disattivato per questa clinica (impostazione {setting}); la "
        "visita non è stata salvata",
    "{username} keyed this visit's questionnaires: the second entry must be made by another "
    "person":
        "{username} ha inserito i questionari di questa visita: il secondo inserimento deve farlo "
        "un'altra persona",
    "Visit {visit_id} is not in double entry": "La visita {visit_id} non è in doppio inserimento",
    "Only a completed visit is keyed a second time":
        "Solo una visita completata si inserisce una seconda volta",
    "A second entry holds questionnaire answers only":
        "Un secondo inserimento contiene solo risposte ai questionari",
    "Resolving a difference needs a reason for the change log":
        "Risolvere una differenza richiede un motivo per il registro delle modifiche",
    "No questionnaire item {instrument}.{item}":
        "Nessuna domanda di questionario {instrument}.{item}",
    "{path} exists; use --force to replace it": "{path} esiste; usate --force per sostituirlo",
    "This visit has no questionnaire answers to key a second time":
        "Questa visita non ha risposte ai questionari da inserire una seconda volta",
    "This visit has already been keyed a second time":
        "Questa visita è già stata inserita una seconda volta",
    "Nothing was keyed: enter the answers on the paper form":
        "Non è stato inserito nulla: inserite le risposte del modulo cartaceo",
    "{name} item {label} is not a difference of this visit":
        "{name} domanda {label} non è una differenza di questa visita",
    "{name} item {label} is already resolved": "{name} domanda {label} è già risolta",
    "{username} keyed this item: a third person or a clinician resolves the difference":
        "{username} ha inserito questa domanda: la differenza la risolve una terza persona o un "
        "medico",
    # self-report
    "Visit {visit_id} has no patient self-report":
        "La visita {visit_id} non ha un questionario compilato dal paziente",
    "This self-report is already accepted: the visit is complete":
        "Questo questionario del paziente è già accettato: la visita è completata",
    "Choose at least one questionnaire for the patient to answer":
        "Scegliete almeno un questionario a cui il paziente debba rispondere",
    "A self-report belongs to a saved visit":
        "Un questionario del paziente appartiene a una visita salvata",
    "This visit is complete: the patient answers a visit that is still a draft":
        "Questa visita è completata: il paziente risponde a una visita ancora in bozza",
    "{instrument} is not part of this self-report":
        "{instrument} non fa parte di questo questionario del paziente",
    "A user name has 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting "
    "with a letter or digit":
        "Un nome utente ha da 2 a 64 caratteri: lettere minuscole, cifre, '.', '_' o '-', e "
        "inizia con una lettera o una cifra",
    "at least {n} characters": "almeno {n} caratteri",
    "at most {n} characters": "al massimo {n} caratteri",
    "not the user name": "un testo diverso dal nome utente",
    "{first} and {second}": "{first} e {second}",
    "The password must have {rules}": "La password deve avere {rules}",
    "Role must be nurse, clinician or admin": "Il ruolo deve essere nurse, clinician o admin",
    "A full name has at most {n} characters and no control characters":
        "Un nome completo ha al massimo {n} caratteri e nessun carattere di controllo",
    "The user name {name} is already taken (perhaps by a deactivated user)":
        "Il nome utente {name} è già usato (forse da un utente disattivato)",
    "The new password must differ from the current one":
        "La nuova password deve essere diversa da quella attuale",
    # storage errors
    "Another program or workstation is writing to the database and did not finish within 30 "
    "seconds. Nothing was saved. Wait a moment and try again; if it keeps happening, close "
    "proapp on the other computers.":
        "Un altro programma o un'altra postazione sta scrivendo nel database e non ha finito "
        "entro 30 secondi. Non è stato salvato nulla. Attendete un momento e riprovate; se "
        "succede ancora, chiudete proapp sugli altri computer.",
    "proapp may read this database but not change it (file or folder permissions, or a "
    "read-only disk or share). Nothing was saved. Ask IT for write access, or work on a copy "
    "you may change.":
        "proapp può leggere questo database ma non modificarlo (permessi del file o della "
        "cartella, oppure un disco o una condivisione in sola lettura). Non è stato salvato "
        "nulla. Chiedete all'informatica l'accesso in scrittura, o lavorate su una copia che "
        "potete modificare.",
    "There is no space left where the database or the file is stored. Nothing was saved. Free "
    "some disk space (or ask IT to) and try again.":
        "Non c'è più spazio dove si trovano il database o il file. Non è stato salvato nulla. "
        "Liberate spazio su disco (o chiedetelo all'informatica) e riprovate.",
    "The operating system reported a disk or network error while using the database. Nothing "
    "was saved. Check that the drive or network share is connected, then try again.":
        "Il sistema operativo ha segnalato un errore del disco o della rete durante l'uso del "
        "database. Non è stato salvato nulla. Controllate che l'unità o la condivisione di rete "
        "sia collegata, poi riprovate.",
    "The database file or its folder is not reachable (moved, renamed, or a network share or "
    "server that is disconnected). Nothing was saved.":
        "Il file del database o la sua cartella non è raggiungibile (spostato, rinominato, o una "
        "condivisione di rete o un server scollegato). Non è stato salvato nulla.",
    "The operating system refused access to the database or one of its files (permissions). "
    "Nothing was saved. Ask IT to check the folder's permissions.":
        "Il sistema operativo ha negato l'accesso al database o a uno dei suoi file (permessi). "
        "Non è stato salvato nulla. Chiedete all'informatica di controllare i permessi della "
        "cartella.",
    "The database server refused this change: proapp's account on the server lacks the "
    "privilege for it. Nothing was saved. Ask IT to check the account's privileges (proapp db "
    "init-server --grant gives a workstation's account what it needs).":
        "Il server del database ha rifiutato questa modifica: l'account di proapp sul server "
        "non ha il privilegio necessario. Non è stato salvato nulla. Chiedete all'informatica "
        "di controllare i privilegi dell'account (proapp db init-server --grant dà all'account "
        "di una postazione ciò che le serve).",
    "The database server accepts only reading at the moment (a read-only copy of the "
    "database, or a server set to read-only). Nothing was saved. Ask IT to connect proapp to "
    "the main server.":
        "Il server del database al momento accetta solo letture (una copia di sola lettura del "
        "database, o un server impostato in sola lettura). Non è stato salvato nulla. Chiedete "
        "all'informatica di collegare proapp al server principale.",
    "The database server cannot be reached (it may be restarting, or the network is down). "
    "Nothing was saved. Try again once it is back.":
        "Il server del database non è raggiungibile (forse si sta riavviando, o la rete è "
        "interrotta). Non è stato salvato nulla. Riprovate quando torna disponibile.",
    "The database file is damaged. Nothing was saved. Close proapp everywhere and restore the "
    "newest backup (proapp restore).":
        "Il file del database è danneggiato. Non è stato salvato nulla. Chiudete proapp "
        "ovunque e ripristinate il backup più recente (proapp restore).",
    "The database server refused the sign-in of proapp (user name, password or certificate). "
    "Nothing was saved. Ask IT to check the connection settings.":
        "Il server del database ha rifiutato l'accesso di proapp (nome utente, password o "
        "certificato). Non è stato salvato nulla. Chiedete all'informatica di controllare le "
        "impostazioni di connessione.",
    "There is no space left where the database or the file is stored ({file}). Nothing was "
    "saved. Free some disk space (or ask IT to) and try again.":
        "Non c'è più spazio dove si trovano il database o il file ({file}). Non è stato salvato "
        "nulla. Liberate spazio su disco (o chiedetelo all'informatica) e riprovate.",
    "proapp may read this database but not change it (file or folder permissions, or a "
    "read-only disk or share) ({file}). Nothing was saved. Ask IT for write access, or work on "
    "a copy you may change.":
        "proapp può leggere questo database ma non modificarlo (permessi del file o della "
        "cartella, oppure un disco o una condivisione in sola lettura) ({file}). Non è stato "
        "salvato nulla. Chiedete all'informatica l'accesso in scrittura, o lavorate su una "
        "copia che potete modificare.",
    "The operating system refused access to the database or one of its files (permissions) "
    "({file}). Nothing was saved. Ask IT to check the folder's permissions.":
        "Il sistema operativo ha negato l'accesso al database o a uno dei suoi file (permessi) "
        "({file}). Non è stato salvato nulla. Chiedete all'informatica di controllare i "
        "permessi della cartella.",
    "The operating system reported a disk or network error while using the database ({file}). "
    "Nothing was saved. Check that the drive or network share is connected, then try again.":
        "Il sistema operativo ha segnalato un errore del disco o della rete durante l'uso del "
        "database ({file}). Non è stato salvato nulla. Controllate che l'unità o la "
        "condivisione di rete sia collegata, poi riprovate.",
    # reports and exchange
    "Folder {folder} does not exist": "La cartella {folder} non esiste",
    "{path} is a folder; give a file name": "{path} è una cartella; indicate un nome di file",
    "{folder} is a file; this format writes a folder":
        "{folder} è un file; questo formato scrive una cartella",
    "A SQLite copy is the complete database (names, birth dates and the change log included): it "
    "cannot be filtered or de-identified. Use csv, wide, xlsx, redcap or fhir for a selection or "
    "de-identified data.":
        "Una copia SQLite è il database completo (nomi, date di nascita e registro delle "
        "modifiche compresi): non si può filtrare né anonimizzare. Usate csv, wide, xlsx, "
        "redcap o fhir per una selezione o per dati anonimizzati.",
    "{folder} is not a folder": "{folder} non è una cartella",
    "{folder} holds neither {patients} nor {visits}":
        "{folder} non contiene né {patients} né {visits}",
    "{name} in {folder} is a link to a file outside that folder; copy the file itself into the "
    "folder. Nothing was imported.":
        "{name} in {folder} è un collegamento a un file fuori da quella cartella; copiate il file "
        "stesso nella cartella. Non è stato importato nulla.",
    # the shared server: the connection form and what connecting says
    "The saved server cannot be used: {problem}":
        "Il server salvato non si può usare: {problem}",
    "The server could not be used: {detail}": "Non è stato possibile usare il server: {detail}",
    "The server refused the user name or password.":
        "Il server ha rifiutato il nome utente o la password.",
    "The server asks for a password: enter it.": "Il server chiede una password: inseritela.",
    "The server has no such database or user: check both names.":
        "Sul server non esistono questo database o questo utente: controllate i due nomi.",
    "The server does not accept connections from this computer with these settings (its "
    "pg_hba.conf); ask IT, or try another TLS mode.":
        "Il server non accetta connessioni da questo computer con queste impostazioni (il suo "
        "pg_hba.conf); chiedete all'informatico, o provate un'altra modalità TLS.",
    "The encrypted (TLS) connection failed: check the TLS mode, or ask IT for the server's "
    "certificate.":
        "La connessione cifrata (TLS) non è riuscita: controllate la modalità TLS, o chiedete "
        "all'informatico il certificato del server.",
    "The server's name is not known on this network: check the name.":
        "Il nome del server non è noto su questa rete: controllate il nome.",
    "The server did not answer in time: check the name, the port and the network.":
        "Il server non ha risposto in tempo: controllate il nome, la porta e la rete.",
    "Nothing answers at that address and port: check both, and that the server is running.":
        "Nessuno risponde a quell'indirizzo e porta: controllate entrambi, e che il server sia "
        "in funzione.",
    "The server is starting up: try again in a moment.":
        "Il server si sta avviando: riprovate tra un momento.",
    "The server is shutting down: try again once it is back.":
        "Il server si sta spegnendo: riprovate quando sarà di nuovo attivo.",
    "Enter the server's name or address.": "Inserite il nome o l'indirizzo del server.",
    "Enter the database name.": "Inserite il nome del database.",
    "Enter the user name (the workstation's database role).":
        "Inserite il nome utente (il ruolo della postazione nel database).",
    "The port is a number from 1 to 65535 (usually 5432).":
        "La porta è un numero da 1 a 65535 (di solito 5432).",
    # the interchange CSV: what a cell or a file is found to be
    "{text} must be 0 (no) or 1 (yes)": "{text} deve essere 0 (no) o 1 (sì)",
    "{text} is not one of {codes}": "{text} non è uno di {codes}",
    "longer than {limit} characters": "più lungo di {limit} caratteri",
    "{text} is not a date in the form YYYY-MM-DD": "{text} non è una data nella forma AAAA-MM-GG",
    "{text} is not a calendar date": "{text} non è una data del calendario",
    "not a readable CSV file here: {reason}": "qui non è un file CSV leggibile: {reason}",
    "rounded half up to {value} ({places} decimal place(s) are stored)":
        "arrotondato per eccesso a {value} (si conservano {places} decimali)",
    "a cell from this row on runs for more than {limit} characters: a quote (\") opened here is "
    "probably never closed, or the cell is far longer than any column allows":
        "una cella da questa riga in poi supera i {limit} caratteri: probabilmente una "
        "virgoletta (\") aperta qui non viene mai chiusa, o la cella è molto più lunga di "
        "quanto ammetta qualsiasi colonna",
    "a quote (\") opened on this row is never closed: the file ends inside a quoted cell":
        "una virgoletta (\") aperta in questa riga non viene mai chiusa: il file finisce "
        "dentro una cella tra virgolette",
    "a quote (\") inside a cell that is not quoted properly (a quoted cell doubles its quotes: "
    "\"a \"\"b\"\" c\")":
        "una virgoletta (\") in una cella non racchiusa correttamente tra virgolette (una cella "
        "tra virgolette raddoppia le sue: \"a \"\"b\"\" c\")",
    "cannot read the file: {reason}": "impossibile leggere il file: {reason}",
    "semicolons (;)": "punti e virgola (;)",
    "tabs": "tabulazioni",
    "column {column} appears twice": "la colonna {column} compare due volte",
    "column {column} is not part of the format; it is ignored":
        "la colonna {column} non fa parte del formato; viene ignorata",
    "the required column {column} is missing": "manca la colonna obbligatoria {column}",
    "the file is not UTF-8 text: this row has the byte 0x{byte} ({char} in Windows-1252); it "
    "looks like {guess}. Save it as \"CSV UTF-8\" and import again":
        "il file non è testo UTF-8: questa riga contiene il byte 0x{byte} ({char} in "
        "Windows-1252); sembra {guess}. Salvatelo come \"CSV UTF-8\" e importate di nuovo",
    "the cells are separated by {marks}, not commas: save the file as \"CSV UTF-8 (comma "
    "delimited)\" and import again":
        "le celle sono separate da {marks}, non da virgole: salvate il file come \"CSV UTF-8 "
        "(delimitato da virgole)\" e importate di nuovo",
    "the file is empty": "il file è vuoto",
    "the row has {cells} cells; the header has {width}":
        "la riga ha {cells} celle; l'intestazione ne ha {width}",
    # the cohort analysis: why a test has no result, and who was left out
    "no {point}": "senza {point}",
    "too few for the test (n = {n})": "troppo pochi per il test (n = {n})",
    "too few for the test": "troppo pochi per il test",
    "every patient has the same value at all time points: no test":
        "ogni paziente ha lo stesso valore in tutti i tempi: nessun test",
    "no pair differs: no test": "nessuna coppia differisce: nessun test",
    "one of the two has the same value for every patient: no correlation":
        "una delle due ha lo stesso valore per ogni paziente: nessuna correlazione",
    "no correlation can be computed": "non si può calcolare alcuna correlazione",
}
