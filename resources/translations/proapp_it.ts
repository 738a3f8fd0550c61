<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>frozen build</source>
        <translation>versione compilata</translation>
    </message>
    <message>
        <source>from source</source>
        <translation>dai sorgenti</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Cartella dei dati</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>File di log</translation>
    </message>
    <message>
        <source>Open the selected patient / start the selected worklist visit</source>
        <translation>Apre il paziente selezionato / avvia la visita selezionata tra le visite del giorno</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Invio</translation>
    </message>
    <message>
        <source>Move between fields</source>
        <translation>Passa da un campo all&apos;altro</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {name}</source>
        <translation>Informazioni su {name}</translation>
    </message>
    <message>
        <source>Patient-reported outcomes (MIDAS, FSS) and IJV flow for MS clinics.</source>
        <translation>Esiti riferiti dal paziente (MIDAS, FSS) e flusso VGI per i centri SM.</translation>
    </message>
    <message>
        <source>Bundled software and licences</source>
        <translation>Software incluso e licenze</translation>
    </message>
    <message>
        <source>Full licence &amp;texts…</source>
        <translation>&amp;Testi completi delle licenze…</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>Licenze di terze parti</translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>signed in</source>
        <translation>accesso</translation>
    </message>
    <message>
        <source>failed attempt</source>
        <translation>tentativo fallito</translation>
    </message>
    <message>
        <source>LOCKED</source>
        <translation>BLOCCATO</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>sbloccato</translation>
    </message>
    <message>
        <source>{time} (UTC), row {row}</source>
        <translation>{time} (UTC), riga {row}</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Registro degli accessi</translation>
    </message>
    <message>
        <source>The newest {n} sign-ins, failed attempts, locks and unlocks (newest first). A locked account is unlocked in Users.</source>
        <translation>Gli ultimi {n} accessi, tentativi falliti, blocchi e sblocchi (dal più recente). Un account bloccato si sblocca in Utenti.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>The two passwords differ</source>
        <translation>Le due password sono diverse</translation>
    </message>
    <message>
        <source>e.g. m.rossi</source>
        <translation>es. m.rossi</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>almeno {n} caratteri</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nome utente:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nome &amp;completo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Ripeti la password:</translation>
    </message>
    <message>
        <source>{name}: first start</source>
        <translation>{name}: primo avvio</translation>
    </message>
    <message>
        <source>Welcome. Create the administrator account first: the administrator adds the nurses and clinicians, and is the only one who may change clinic settings or restore a backup. Keep the password safe; nobody can read it back.</source>
        <translation>Benvenuti. Create per prima cosa l&apos;account amministratore: l&apos;amministratore aggiunge infermieri e medici ed è l&apos;unico che può modificare le impostazioni della clinica o ripristinare un backup. Conservate la password con cura; nessuno può recuperarla.</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Crea amministratore</translation>
    </message>
    <message>
        <source>{name}: sign in</source>
        <translation>{name}: accesso</translation>
    </message>
    <message>
        <source>Sign in to {database}</source>
        <translation>Accedi a {database}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Accedi</translation>
    </message>
    <message>
        <source>{n} failed attempts: wait {seconds} s.</source>
        <translation>{n} tentativi falliti: attendete {seconds} s.</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Cambiate la vostra password</translation>
    </message>
    <message>
        <source>Change the password of {username}. It must have at least {n} characters; a short sentence is easy to remember and hard to guess.</source>
        <translation>Cambiate la password di {username}. Deve avere almeno {n} caratteri; una breve frase è facile da ricordare e difficile da indovinare.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambia password</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Password &amp;attuale:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nuova password:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Ripeti la nuova password:</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Blocca ora</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambia &amp;password…</translation>
    </message>
    <message>
        <source>Change lo&amp;g…</source>
        <translation>Re&amp;gistro modifiche…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Utenti…</translation>
    </message>
    <message>
        <source>Cohort &amp;analysis…</source>
        <translation>&amp;Analisi della coorte…</translation>
    </message>
    <message>
        <source>Friedman and Spearman by MS subtype and symptom group, as in the study</source>
        <translation>Friedman e Spearman per forma di SM e gruppo di sintomi, come nello studio</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>Export the database</source>
        <translation>Esporta il database</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>Import data into the database</source>
        <translation>Importa dati nel database</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuovo paziente…</translation>
    </message>
    <message>
        <source>Register a new patient</source>
        <translation>Registra un nuovo paziente</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>&amp;Modifica paziente…</translation>
    </message>
    <message>
        <source>Edit the patient&apos;s details and PTA dates</source>
        <translation>Modifica i dati del paziente e le date PTA</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Referto…</translation>
    </message>
    <message>
        <source>Trend report for the selected patient</source>
        <translation>Referto di andamento del paziente selezionato</translation>
    </message>
    <message>
        <source>Reports for &amp;selected patients…</source>
        <translation>Referti dei pazienti &amp;selezionati…</translation>
    </message>
    <message>
        <source>Save the trend reports of the patients selected in the list</source>
        <translation>Salva i referti di andamento dei pazienti selezionati nell&apos;elenco</translation>
    </message>
    <message>
        <source>&amp;Reload lists</source>
        <translation>&amp;Ricarica gli elenchi</translation>
    </message>
    <message>
        <source>Read the patient list and worklist again</source>
        <translation>Rilegge l&apos;elenco dei pazienti e le visite del giorno</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>E&amp;sci</translation>
    </message>
    <message>
        <source>Quit proapp</source>
        <translation>Esci da proapp</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>&amp;Apri paziente</translation>
    </message>
    <message>
        <source>Open the selected patient (Enter)</source>
        <translation>Apri il paziente selezionato (Invio)</translation>
    </message>
    <message>
        <source>&amp;Close patient tab</source>
        <translation>&amp;Chiudi la scheda del paziente</translation>
    </message>
    <message>
        <source>Close the open patient tab</source>
        <translation>Chiude la scheda del paziente aperta</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Trova paziente</translation>
    </message>
    <message>
        <source>Search the patient list</source>
        <translation>Cerca nell&apos;elenco dei pazienti</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Pazienti</translation>
    </message>
    <message>
        <source>Show the patient list</source>
        <translation>Mostra l&apos;elenco dei pazienti</translation>
    </message>
    <message>
        <source>&amp;Due today</source>
        <translation>&amp;Visite di oggi</translation>
    </message>
    <message>
        <source>Show the visits due or overdue today</source>
        <translation>Mostra le visite da fare o in ritardo oggi</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Im&amp;postazioni…</translation>
    </message>
    <message>
        <source>Clinic settings: name, idle lock, backups, reports, clinic days</source>
        <translation>Impostazioni della clinica: nome, blocco per inattività, backup, referti, giorni di ambulatorio</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Lingua…</translation>
    </message>
    <message>
        <source>The language of the screens on this computer</source>
        <translation>La lingua delle schermate su questo computer</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Elenca le scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Open &amp;training database…</source>
        <translation>Apri database di &amp;addestramento…</translation>
    </message>
    <message>
        <source>Database &amp;connection…</source>
        <translation>&amp;Connessione al database…</translation>
    </message>
    <message>
        <source>Use a shared PostgreSQL server or the local database file</source>
        <translation>Usa un server PostgreSQL condiviso o il file di database locale</translation>
    </message>
    <message>
        <source>&amp;About proapp</source>
        <translation>&amp;Informazioni su proapp</translation>
    </message>
    <message>
        <source>Version and database</source>
        <translation>Versione e database</translation>
    </message>
    <message>
        <source>New &amp;visit…</source>
        <translation>Nuova &amp;visita…</translation>
    </message>
    <message>
        <source>Enter a visit for the selected patient</source>
        <translation>Inserisci una visita per il paziente selezionato</translation>
    </message>
    <message>
        <source>Patient &amp;answers on screen…</source>
        <translation>Risposte del paziente sullo sc&amp;hermo…</translation>
    </message>
    <message>
        <source>Let the selected patient answer the visit&apos;s questionnaires on the screen</source>
        <translation>Il paziente selezionato risponde ai questionari della visita sullo schermo</translation>
    </message>
    <message>
        <source>&amp;Double entry…</source>
        <translation>&amp;Doppio inserimento…</translation>
    </message>
    <message>
        <source>Second entries of paper forms, differences to resolve, agreement report</source>
        <translation>Secondi inserimenti dei moduli cartacei, differenze da risolvere, rapporto di concordanza</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Aggiungi un utente</translation>
    </message>
    <message>
        <source>A new staff account. Tell the person their password in person; they can change it after signing in.</source>
        <translation>Un nuovo account del personale. Comunicate la password di persona; l&apos;utente può cambiarla dopo l&apos;accesso.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>almeno {n} caratteri</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nome utente:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nome &amp;completo:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;uolo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Ripeti la password:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Account amministratore</translation>
    </message>
    <message>
        <source>The administrator adds the nurses and clinicians, changes clinic settings and restores backups.</source>
        <translation>L&apos;amministratore aggiunge infermieri e medici, modifica le impostazioni della clinica e ripristina i backup.</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Crea amministratore</translation>
    </message>
    <message>
        <source>Keep the password safe: nobody can read it back, and without an administrator no new account can be made.</source>
        <translation>Conservate la password con cura: nessuno può recuperarla e senza un amministratore non si possono creare nuovi account.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>everyone</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>Double entry: agreement report</source>
        <translation>Doppio inserimento: rapporto di concordanza</translation>
    </message>
    <message>
        <source>Keying agreement</source>
        <translation>Concordanza degli inserimenti</translation>
    </message>
    <message>
        <source>Every visit keyed twice, per person and questionnaire. A field is one item keyed once; an error is a difference resolved against that person&apos;s value (when the true value is neither entry, both count an error). Unresolved differences are counted but blame nobody yet. The totals count every keying.</source>
        <translation>Ogni visita inserita due volte, per persona e questionario. Un campo è una domanda inserita una volta; un errore è una differenza risolta contro il valore di quella persona (se il valore vero non è nessuno dei due inserimenti, l&apos;errore conta per entrambi). Le differenze non risolte sono contate ma non ancora attribuite a nessuno. I totali contano ogni inserimento.</translation>
    </message>
    <message>
        <source>No visit has been keyed twice yet.</source>
        <translation>Nessuna visita è stata ancora inserita due volte.</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Salva come &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the agreement report</source>
        <translation>Salva il rapporto di concordanza</translation>
    </message>
    <message>
        <source>save the agreement report</source>
        <translation>salvare il rapporto di concordanza</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <source>{a} vs {b} vs {c}</source>
        <translation>{a} vs {b} vs {c}</translation>
    </message>
    <message>
        <source>tested</source>
        <translation>nel test</translation>
    </message>
    <message>
        <source>all available</source>
        <translation>tutti i disponibili</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>esatto</translation>
    </message>
    <message>
        <source>asymptotic</source>
        <translation>asintotico</translation>
    </message>
    <message>
        <source>Friedman</source>
        <translation>Friedman</translation>
    </message>
    <message>
        <source>Post-hoc</source>
        <translation>Post-hoc</translation>
    </message>
    <message>
        <source>Spearman</source>
        <translation>Spearman</translation>
    </message>
    <message>
        <source>Descriptives</source>
        <translation>Descrittive</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regole</translation>
    </message>
    <message>
        <source>Repeat PTA: use visits before it</source>
        <translation>PTA ripetuta: usa le visite precedenti</translation>
    </message>
    <message>
        <source>Repeat PTA: use every visit</source>
        <translation>PTA ripetuta: usa tutte le visite</translation>
    </message>
    <message>
        <source>Repeat PTA: leave the patient out</source>
        <translation>PTA ripetuta: escludi il paziente</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <source>Cohort analysis – {name} – {database}</source>
        <translation>Analisi della coorte – {name} – {database}</translation>
    </message>
    <message>
        <source>Choose the cut-off and the groups, then Compute (Ctrl+Enter).</source>
        <translation>Scegliete la data limite e i gruppi, poi Calcola (Ctrl+Invio).</translation>
    </message>
    <message>
        <source>Only visits on or before this date count (default: today)</source>
        <translation>Contano solo le visite fino a questa data compresa (predefinita: oggi)</translation>
    </message>
    <message>
        <source>C&amp;ut-off:</source>
        <translation>Data &amp;limite:</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Calcola</translation>
    </message>
    <message>
        <source>Run the analysis with these choices (Ctrl+Enter)</source>
        <translation>Esegue l&apos;analisi con queste scelte (Ctrl+Invio)</translation>
    </message>
    <message>
        <source>&amp;Save files…</source>
        <translation>&amp;Salva i file…</translation>
    </message>
    <message>
        <source>Write the CSV files and analysis.pdf into a folder (Ctrl+S)</source>
        <translation>Scrive i file CSV e analysis.pdf in una cartella (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Measure:</source>
        <translation>&amp;Misura:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppo:</translation>
    </message>
    <message>
        <source>Groups analysed…</source>
        <translation>Gruppi analizzati…</translation>
    </message>
    <message>
        <source>Which groups this measure is analysed in (the study: MIDAS in headache+, FSS in fatigue+, flow in all)</source>
        <translation>In quali gruppi si analizza questa misura (nello studio: MIDAS nei cefalea+, FSS nei fatica+, flusso in tutti)</translation>
    </message>
    <message>
        <source>Study defaults</source>
        <translation>Scelte dello studio</translation>
    </message>
    <message>
        <source>Compute the analysis to see the results.</source>
        <translation>Calcolate l&apos;analisi per vedere i risultati.</translation>
    </message>
    <message>
        <source>Box plots per time point and individual trajectories</source>
        <translation>Box plot per tempo e traiettorie individuali</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s): {names}</source>
        <translation>
            <numerusform>%n gruppo: {names}</numerusform>
            <numerusform>%n gruppi: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>no group</source>
        <translation>nessun gruppo</translation>
    </message>
    <message>
        <source>also used for MIDAS vs flow</source>
        <translation>usati anche per MIDAS rispetto al flusso</translation>
    </message>
    <message>
        <source>changed: Compute again</source>
        <translation>modificati: calcolate di nuovo</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcolo in corso…</translation>
    </message>
    <message>
        <source>compute the analysis</source>
        <translation>calcolare l&apos;analisi</translation>
    </message>
    <message>
        <source>Cohort analysis</source>
        <translation>Analisi della coorte</translation>
    </message>
    <message>
        <source>{patients} patients · cut-off {cutoff} · data {data} · computed {time} UTC</source>
        <translation>{patients} pazienti · data limite {cutoff} · dati {data} · calcolata alle {time} UTC</translation>
    </message>
    <message>
        <source>Could not {doing}: {why}</source>
        <translation>Impossibile {doing}: {why}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Annullato; non è cambiato nulla.</translation>
    </message>
    <message>
        <source>SYNTHETIC DEMO DATA (no real person)</source>
        <translation>DATI DIMOSTRATIVI SINTETICI (nessuna persona reale)</translation>
    </message>
    <message>
        <source>cut-off {cutoff} · {patients} patients · data {data}</source>
        <translation>data limite {cutoff} · {patients} pazienti · dati {data}</translation>
    </message>
    <message>
        <source>Data snapshot: SHA-256 {sha}</source>
        <translation>Istantanea dei dati: SHA-256 {sha}</translation>
    </message>
    <message>
        <source>Cut-off: {date}</source>
        <translation>Data limite: {date}</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Software: {versions}</source>
        <translation>Software: {versions}</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Ancora nessun risultato</translation>
    </message>
    <message>
        <source>{measure} is analysed in no group: choose some under &apos;Groups analysed…&apos; and Compute.</source>
        <translation>{measure} non è analizzata in nessun gruppo: sceglietene alcuni in &apos;Gruppi analizzati…&apos; e calcolate.</translation>
    </message>
    <message>
        <source>Left: all values (box: quartiles). Right: the tested patients, median bold.</source>
        <translation>A sinistra: tutti i valori (scatola: quartili). A destra: i pazienti nel test, mediana in grassetto.</translation>
    </message>
    <message>
        <source>Folder for the analysis files</source>
        <translation>Cartella per i file dell&apos;analisi</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>Sostituire i file?</translation>
    </message>
    <message>
        <source>{folder} already holds {names}. Replace them with this analysis?</source>
        <translation>{folder} contiene già {names}. Sostituirli con questa analisi?</translation>
    </message>
    <message>
        <source>save the analysis</source>
        <translation>salvare l&apos;analisi</translation>
    </message>
    <message>
        <source>Saving the analysis</source>
        <translation>Salvataggio dell&apos;analisi</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to {folder}</source>
        <translation>
            <numerusform>%n file scritto in {folder}</numerusform>
            <numerusform>%n file scritti in {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>created</source>
        <translation>creato</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modificato</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminato</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmato</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>sbloccato</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paziente</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>procedure</source>
        <translation>procedura</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utente</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>impostazione</translation>
    </message>
    <message>
        <source>(content signed)</source>
        <translation>(contenuto firmato)</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>(intera scheda)</translation>
    </message>
    <message>
        <source>{time} (UTC), log row {row}</source>
        <translation>{time} (UTC), riga del registro {row}</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change log (visit)</source>
        <translation>Registro modifiche (visita)</translation>
    </message>
    <message>
        <source>Change log (patient)</source>
        <translation>Registro modifiche (paziente)</translation>
    </message>
    <message>
        <source>Change log (database)</source>
        <translation>Registro modifiche (database)</translation>
    </message>
    <message>
        <source>Filter: user, field, value, reason…</source>
        <translation>Filtro: utente, campo, valore, motivo…</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n voce</numerusform>
            <numerusform>%n voci</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entry(ies)</source>
        <translation>
            <numerusform>{shown} di %n voce</numerusform>
            <numerusform>{shown} di %n voci</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Clinic</source>
        <translation>Clinica</translation>
    </message>
    <message>
        <source>The clinic&apos;s name is printed at the top of every report.</source>
        <translation>Il nome della clinica è stampato in cima a ogni referto.</translation>
    </message>
    <message>
        <source>e.g. MS Centre, Vascular Unit</source>
        <translation>es. Centro SM, Unità vascolare</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nome della clinica:</translation>
    </message>
    <message>
        <source>Left blank, reports print no clinic name.</source>
        <translation>Se lasciato vuoto, i referti non riportano il nome della clinica.</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>SM</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicatori</translation>
    </message>
    <message>
        <source>PTA date</source>
        <translation>Data PTA</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Ultima visita</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Prossima visita</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Data prevista</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Finestra</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Data visita</translation>
    </message>
    <message>
        <source>MIDAS</source>
        <translation>MIDAS</translation>
    </message>
    <message>
        <source>FSS</source>
        <translation>FSS</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flusso</translation>
    </message>
    <message>
        <source>Window closes</source>
        <translation>Fine finestra</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Dettaglio</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Valore precedente</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nuovo valore</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password cambiata</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Confronto</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Esclusi</translation>
    </message>
    <message>
        <source>χ²</source>
        <translation>χ²</translation>
    </message>
    <message>
        <source>df</source>
        <translation>gl</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Kendall&apos;s W</source>
        <translation>W di Kendall</translation>
    </message>
    <message>
        <source>Follow-up (y)</source>
        <translation>Follow-up (anni)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Coppia</translation>
    </message>
    <message>
        <source>≠0</source>
        <translation>≠0</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Median Δ</source>
        <translation>Δ mediana</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <source>rho</source>
        <translation>rho</translation>
    </message>
    <message>
        <source>Time point</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pazienti</translation>
    </message>
    <message>
        <source>Median (IQR)</source>
        <translation>Mediana (IQR)</translation>
    </message>
    <message>
        <source>Mean (SD)</source>
        <translation>Media (DS)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravità</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regola</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licenza</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionario</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Fields keyed</source>
        <translation>Campi inseriti</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differenze</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errori</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Non risolte</translation>
    </message>
    <message>
        <source>Errors per 1,000</source>
        <translation>Errori per 1.000</translation>
    </message>
    <message>
        <source>Agreement %</source>
        <translation>Concordanza %</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Domanda</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>Primo inserimento</translation>
    </message>
    <message>
        <source>Keyed by</source>
        <translation>Inserito da</translation>
    </message>
    <message>
        <source>Second entry</source>
        <translation>Secondo inserimento</translation>
    </message>
    <message>
        <source>True value</source>
        <translation>Valore vero</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paziente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>First entry by</source>
        <translation>Primo inserimento di</translation>
    </message>
    <message>
        <source>Second entry by</source>
        <translation>Secondo inserimento di</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>proapp: unexpected error</source>
        <translation>proapp: errore imprevisto</translation>
    </message>
    <message>
        <source>Something went wrong inside proapp.</source>
        <translation>Qualcosa non ha funzionato all&apos;interno di proapp.</translation>
    </message>
    <message>
        <source>{summary}&lt;br&gt;&lt;br&gt;This is a bug, not something you did wrong. The program keeps running; visits you were entering are kept as drafts and offered again when you open the patient.&lt;br&gt;&lt;br&gt;The details were written to the log file:&lt;br&gt;&lt;code&gt;{log}&lt;/code&gt;&lt;br&gt;Please send that file to your IT contact.</source>
        <translation>{summary}&lt;br&gt;&lt;br&gt;È un errore del programma, non qualcosa che avete sbagliato voi. Il programma continua a funzionare; le visite che stavate inserendo sono conservate come bozze e riproposte quando aprite il paziente.&lt;br&gt;&lt;br&gt;I dettagli sono stati scritti nel file di log:&lt;br&gt;&lt;code&gt;{log}&lt;/code&gt;&lt;br&gt;Inviate quel file al vostro referente informatico.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copia i dettagli</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Backup failed</source>
        <translation>Backup non riuscito</translation>
    </message>
    <message>
        <source>The daily backup could not be written: {error}

proapp continues; ask IT to check the backup folder (setting backup_dir).</source>
        <translation>Non è stato possibile scrivere il backup giornaliero: {error}

proapp continua; chiedete al servizio informatico di controllare la cartella dei backup (impostazione backup_dir).</translation>
    </message>
</context>
<context>
    <name>DoubleEntry</name>
    <message>
        <source>{open} of {all} differences to resolve</source>
        <translation>{open} di {all} differenze da risolvere</translation>
    </message>
    <message>
        <source>verified ({n} differences resolved)</source>
        <translation>verificata ({n} differenze risolte)</translation>
    </message>
</context>
<context>
    <name>DoubleEntryWindow</name>
    <message>
        <source>Double entry</source>
        <translation>Doppio inserimento</translation>
    </message>
    <message>
        <source>Double data entry</source>
        <translation>Doppio inserimento dei dati</translation>
    </message>
    <message>
        <source>Double data entry is switched on for this clinic (clinic setting double_entry)</source>
        <translation>Doppio inserimento attivo per questa clinica (impostazione double_entry)</translation>
    </message>
    <message>
        <source>No visit is in double entry. Completing a visit asks for its second entry when double entry is switched on.</source>
        <translation>Nessuna visita è in doppio inserimento. Quando il doppio inserimento è attivo, completare una visita ne chiede il secondo inserimento.</translation>
    </message>
    <message>
        <source>&amp;Second entry…</source>
        <translation>&amp;Secondo inserimento…</translation>
    </message>
    <message>
        <source>&amp;Differences…</source>
        <translation>&amp;Differenze…</translation>
    </message>
    <message>
        <source>&amp;Agreement report…</source>
        <translation>&amp;Rapporto di concordanza…</translation>
    </message>
    <message>
        <source>Paper forms are keyed twice by two people; the second entry is blind to the first. A third person or a clinician resolves each difference from the paper, and the visit is then verified.</source>
        <translation>I moduli cartacei sono inseriti due volte da due persone; il secondo inserimento non vede il primo. Una terza persona o un medico risolve ogni differenza guardando il cartaceo, e la visita è poi verificata.</translation>
    </message>
    <message>
        <source>Double data entry is switched off for this clinic, so completed visits are not sent here. An administrator switches it on with the clinic setting double_entry (also here). Visits already here can still be finished.</source>
        <translation>Il doppio inserimento è disattivato per questa clinica, quindi le visite completate non arrivano qui. Un amministratore lo attiva con l&apos;impostazione double_entry (anche da qui). Le visite già presenti si possono comunque concludere.</translation>
    </message>
    <message>
        <source>change the double_entry setting</source>
        <translation>cambiare l&apos;impostazione double_entry</translation>
    </message>
    <message>
        <source>start the second entry</source>
        <translation>avviare il secondo inserimento</translation>
    </message>
</context>
<context>
    <name>ExpectationBanner</name>
    <message>
        <source>{form} was ticked as done at this visit ({visit}). To leave it out, untick it on the Visit page.</source>
        <translation>{form} è stato segnato come eseguito in questa visita ({visit}). Per escluderlo, togliete il segno nella pagina Visita.</translation>
    </message>
    <message>
        <source>{visit} expects {form}. To leave it out, tick “not done at this visit” and give a reason.</source>
        <translation>{visit} prevede {form}. Per escluderlo, segnate «non eseguito in questa visita» e indicate il motivo.</translation>
    </message>
    <message>
        <source>{visit} does not expect {form}: leave the page empty to skip it, or enter it if it was done.</source>
        <translation>{visit} non prevede {form}: lasciate la pagina vuota per saltarlo, oppure compilatelo se è stato eseguito.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>folder or file to write</source>
        <translation>cartella o file da scrivere</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Sfoglia…</translation>
    </message>
    <message>
        <source>De-&amp;identify (no names, birth dates or free text; keeps age at visit and patient code)</source>
        <translation>&amp;Anonimizza (niente nomi, date di nascita né testo libero; restano l&apos;età alla visita e il codice paziente)</translation>
    </message>
    <message>
        <source>&amp;Only visits from</source>
        <translation>S&amp;olo le visite dal</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destinazione:</translation>
    </message>
    <message>
        <source>MS subtypes:</source>
        <translation>Forme di SM:</translation>
    </message>
    <message>
        <source>Visits:</source>
        <translation>Visite:</translation>
    </message>
    <message>
        <source>Only complete visits are exported. Every export includes a data dictionary.</source>
        <translation>Si esportano solo le visite completate. Ogni esportazione include un dizionario dei dati.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Esporta</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Esporta in una cartella</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>SQLite database (*.db)</source>
        <translation>Database SQLite (*.db)</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>Esporta in un file</translation>
    </message>
    <message>
        <source>Replace existing files?</source>
        <translation>Sostituire i file esistenti?</translation>
    </message>
    <message>
        <source>These files already exist and will be replaced:</source>
        <translation>Questi file esistono già e saranno sostituiti:</translation>
    </message>
    <message>
        <source>Choose a destination first.</source>
        <translation>Scegliete prima una destinazione.</translation>
    </message>
    <message>
        <source>The first date is after the last date.</source>
        <translation>La prima data è successiva all&apos;ultima.</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Non è stato esportato nulla.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Esportazione in corso…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Esportazione</translation>
    </message>
    <message>
        <source>Exported to {where}.</source>
        <translation>Esportato in {where}.</translation>
    </message>
    <message>
        <source>Exported {patients} patients, {visits} visits to {where}.</source>
        <translation>Esportati {patients} pazienti, {visits} visite in {where}.</translation>
    </message>
    <message>
        <source>Export failed: {why}</source>
        <translation>Esportazione non riuscita: {why}</translation>
    </message>
    <message>
        <source>Export failed (see the log): {why}</source>
        <translation>Esportazione non riuscita (vedete il log): {why}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Esportazione annullata; non è stato scritto alcun file.</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>supine</source>
        <translation>supina</translation>
    </message>
    <message>
        <source>upright</source>
        <translation>eretta</translation>
    </message>
    <message>
        <source>left</source>
        <translation>sinistra</translation>
    </message>
    <message>
        <source>right</source>
        <translation>destra</translation>
    </message>
    <message>
        <source>Supine</source>
        <translation>Supina</translation>
    </message>
    <message>
        <source>Upright</source>
        <translation>Eretta</translation>
    </message>
    <message>
        <source>Left IJV</source>
        <translation>VGI sinistra</translation>
    </message>
    <message>
        <source>Right IJV</source>
        <translation>VGI destra</translation>
    </message>
    <message>
        <source>{posture} {side}</source>
        <translation>{side}, {posture}</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>{flow} — Duplex ultrasound</source>
        <translation>{flow} — Ecocolor Doppler</translation>
    </message>
    <message>
        <source>Per vein, enter the flow in {unit}, or leave it empty and enter the time-averaged mean velocity and the cross-sectional area: the flow is computed. Enter moves left → right; Tab reaches stenosis and the optional posture.</source>
        <translation>Per ogni vena inserite il flusso in {unit}, oppure lasciatelo vuoto e inserite la velocità media nel tempo e l&apos;area della sezione: il flusso viene calcolato. Invio passa da sinistra a destra; Tab raggiunge la stenosi e la posizione facoltativa.</translation>
    </message>
    <message>
        <source>{posture} (optional)</source>
        <translation>{posture} (facoltativa)</translation>
    </message>
    <message>
        <source>Total {posture}: {total} {unit}</source>
        <translation>Totale {posture}: {total} {unit}</translation>
    </message>
    <message>
        <source>Total {posture}: —</source>
        <translation>Totale {posture}: —</translation>
    </message>
    <message>
        <source>Total {posture}: — (needs left and right)</source>
        <translation>Totale {posture}: — (servono sinistra e destra)</translation>
    </message>
</context>
<context>
    <name>FlowSide</name>
    <message>
        <source>Flow</source>
        <translation>Flusso</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>flusso</translation>
    </message>
    <message>
        <source>or mean velocity</source>
        <translation>o velocità media</translation>
    </message>
    <message>
        <source>velocity</source>
        <translation>velocità</translation>
    </message>
    <message>
        <source>× area</source>
        <translation>× area</translation>
    </message>
    <message>
        <source>area</source>
        <translation>area</translation>
    </message>
    <message>
        <source>Stenosis</source>
        <translation>Stenosi</translation>
    </message>
    <message>
        <source>% (optional)</source>
        <translation>% (facoltativa)</translation>
    </message>
    <message>
        <source>= {flow} {unit} (computed: velocity × area × 60)</source>
        <translation>= {flow} {unit} (calcolato: velocità × area × 60)</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>IJV flow</source>
        <translation>Flusso VGI</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Riepilogo</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>{name} (locked)</source>
        <translation>{name} (bloccato)</translation>
    </message>
    <message>
        <source>{name} is locked. {username}: enter your password to continue. Another user may sign in instead; the open windows are then closed and any visit being entered is kept as a draft.</source>
        <translation>{name} è bloccato. {username}: inserite la password per continuare. Può accedere anche un altro utente; in quel caso le finestre aperte vengono chiuse e ogni visita in corso di inserimento è conservata come bozza.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Sblocca</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Solo per il personale</translation>
    </message>
    <message>
        <source>Staff only: {username}, enter your password to leave the patient&apos;s questionnaire. The answers are kept. Another staff member may sign in instead.</source>
        <translation>Solo per il personale: {username}, inserite la password per uscire dal questionario del paziente. Le risposte sono conservate. Può accedere anche un altro membro del personale.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Esci</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>error</source>
        <translation>errore</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avviso</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>folder holding patients.csv and/or visits.csv</source>
        <translation>cartella con patients.csv e/o visits.csv</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Sfoglia…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Cartella:</translation>
    </message>
    <message>
        <source>&amp;Replace patients and visits that exist with different values (recorded in the change log)</source>
        <translation>Sos&amp;tituisci i pazienti e le visite già presenti con valori diversi (annotato nel registro delle modifiche)</translation>
    </message>
    <message>
        <source>Check the folder first: nothing is written until the check finds no errors and you press Import. Imported visits are complete; warnings are listed but do not stop the import.</source>
        <translation>Controllate prima la cartella: non si scrive nulla finché il controllo non trova errori e non premete Importa. Le visite importate sono completate; gli avvisi sono elencati ma non fermano l&apos;importazione.</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>C&amp;ontrolla</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importa</translation>
    </message>
    <message>
        <source>Import from folder</source>
        <translation>Importa da una cartella</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Scegliete prima una cartella.</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Controllo</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importazione</translation>
    </message>
    <message>
        <source>Check the folder again before importing.</source>
        <translation>Controllate di nuovo la cartella prima di importare.</translation>
    </message>
    <message>
        <source>Press Import to write.</source>
        <translation>Premete Importa per scrivere.</translation>
    </message>
    <message>
        <source>Unexpected problem (see the log): {why}</source>
        <translation>Problema imprevisto (vedete il log): {why}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Annullato; non è stato importato nulla.</translation>
    </message>
</context>
<context>
    <name>KeptDraftsDialog</name>
    <message>
        <source>correction of a completed visit</source>
        <translation>correzione di una visita completata</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <source>{code} · {label} of {date} · {what}, kept {when}</source>
        <translation>{code} · {label} del {date} · {what}, conservata il {when}</translation>
    </message>
    <message>
        <source>Visit drafts kept on this computer</source>
        <translation>Bozze di visita conservate su questo computer</translation>
    </message>
    <message>
        <source>1 visit draft was kept on this computer while the database could not be reached. The database does not have it yet.</source>
        <translation>1 bozza di visita è stata conservata su questo computer mentre il database non era raggiungibile. Il database non la contiene ancora.</translation>
    </message>
    <message>
        <source>{n} visit drafts were kept on this computer while the database could not be reached. The database does not have them yet.</source>
        <translation>{n} bozze di visita sono state conservate su questo computer mentre il database non era raggiungibile. Il database non le contiene ancora.</translation>
    </message>
    <message>
        <source>Files of visit drafts kept on this computer cannot be used.</source>
        <translation>Alcuni file di bozze di visita conservati su questo computer non si possono usare.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Save each draft to the database as you left it; a visit someone changed meanwhile is not overwritten</source>
        <translation>Salva ogni bozza nel database così come l&apos;hai lasciata; una visita che qualcuno ha modificato nel frattempo non viene sovrascritta</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Scarta…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Più tardi</translation>
    </message>
    <message>
        <source>Keep them on this computer; they are offered again at the next start</source>
        <translation>Conservale su questo computer; vengono riproposte al prossimo avvio</translation>
    </message>
    <message>
        <source>Not usable: {why}</source>
        <translation>Non utilizzabile: {why}</translation>
    </message>
    <message>
        <source>restore a kept visit draft</source>
        <translation>ripristinare una bozza di visita conservata</translation>
    </message>
    <message>
        <source>{draft}: not restored. {why}</source>
        <translation>{draft}: non ripristinata. {why}</translation>
    </message>
    <message>
        <source>{draft}: restored</source>
        <translation>{draft}: ripristinata</translation>
    </message>
    <message>
        <source>{draft}: the database already had it</source>
        <translation>{draft}: il database la conteneva già</translation>
    </message>
    <message>
        <source>The drafts not restored stay on this computer: open the visit, enter what they hold again (Details… lists it), then discard them.</source>
        <translation>Le bozze non ripristinate restano su questo computer: apri la visita, inserisci di nuovo quello che contengono (Dettagli… lo elenca), poi scartale.</translation>
    </message>
    <message>
        <source>Nothing is kept on this computer any more.</source>
        <translation>Su questo computer non è più conservato nulla.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>1 visit draft is still kept on this computer:</source>
        <translation>1 bozza di visita è ancora conservata su questo computer:</translation>
    </message>
    <message>
        <source>{n} visit drafts are still kept on this computer:</source>
        <translation>{n} bozze di visita sono ancora conservate su questo computer:</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Dettagli…</translation>
    </message>
    <message>
        <source>What the kept drafts hold</source>
        <translation>Che cosa contengono le bozze conservate</translation>
    </message>
    <message>
        <source>The values of the drafts that were not restored:</source>
        <translation>I valori delle bozze che non sono state ripristinate:</translation>
    </message>
    <message>
        <source>Discard the kept drafts?</source>
        <translation>Scartare le bozze conservate?</translation>
    </message>
    <message>
        <source>Discard the kept draft for good? The database does not have what it holds; it is lost.</source>
        <translation>Scartare definitivamente la bozza conservata? Il database non ha quello che contiene: andrà perso.</translation>
    </message>
    <message>
        <source>Discard {n} kept drafts for good? The database does not have what they hold; it is lost.</source>
        <translation>Scartare definitivamente {n} bozze conservate? Il database non ha quello che contengono: andrà perso.</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Conservale</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
    <message>
        <source>1 kept draft discarded.</source>
        <translation>1 bozza conservata scartata.</translation>
    </message>
    <message>
        <source>{n} kept drafts discarded.</source>
        <translation>{n} bozze conservate scartate.</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>The language of proapp&apos;s screens on this computer, for your account. Each patient&apos;s reports are in the patient&apos;s own language, chosen in the patient&apos;s details.</source>
        <translation>La lingua delle schermate di proapp su questo computer, per il vostro account. I referti di ogni paziente sono nella lingua del paziente, scelta nei suoi dati.</translation>
    </message>
    <message>
        <source>&amp;Screens in:</source>
        <translation>&amp;Schermate in:</translation>
    </message>
    <message>
        <source>proapp speaks {language} from its next start on this computer.</source>
        <translation>Dal prossimo avvio su questo computer proapp sarà in {language}.</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Welcome to {name}</source>
        <translation>Benvenuti in {name}</translation>
    </message>
    <message>
        <source>Three short steps prepare this workstation: where the data is kept, the administrator account and the clinic&apos;s name.</source>
        <translation>Tre brevi passaggi preparano questa postazione: dove si conservano i dati, l&apos;account amministratore e il nome della clinica.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>The clinic&apos;s database is one file. It is created in your user data folder, which only your account can read. IT may choose another place, for example a folder that is backed up every night.</source>
        <translation>Il database della clinica è un unico file. Viene creato nella cartella dei dati del vostro utente, leggibile solo dal vostro account. Il servizio informatico può scegliere un&apos;altra posizione, per esempio una cartella salvata ogni notte.</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>File del &amp;database:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Scegli…</translation>
    </message>
    <message>
        <source>Logs are written to &lt;code&gt;{folder}&lt;/code&gt;.&lt;br&gt;proapp also keeps a backup of the database every day it is started.</source>
        <translation>I registri sono scritti in &lt;code&gt;{folder}&lt;/code&gt;.&lt;br&gt;proapp conserva inoltre un backup del database ogni giorno in cui viene avviato.</translation>
    </message>
    <message>
        <source>Where should the database be created?</source>
        <translation>Dove creare il database?</translation>
    </message>
    <message>
        <source>proapp database (*.db);;All files (*)</source>
        <translation>Database proapp (*.db);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Give the database file</source>
        <translation>Indicate il file del database</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Patients</source>
        <translation>Pazienti</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Visite di oggi</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Signed in: {username}</source>
        <translation>Utente: {username}</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Caricamento dei pazienti…</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) loaded</source>
        <translation>
            <numerusform>%n paziente caricato</numerusform>
            <numerusform>%n pazienti caricati</numerusform>
        </translation>
    </message>
    <message>
        <source>The patient list could not be loaded</source>
        <translation>Non è stato possibile caricare l&apos;elenco dei pazienti</translation>
    </message>
    <message>
        <source>load the patient list</source>
        <translation>caricare l&apos;elenco dei pazienti</translation>
    </message>
    <message>
        <source>open the patient</source>
        <translation>aprire il paziente</translation>
    </message>
    <message>
        <source>No setting changed</source>
        <translation>Nessuna impostazione modificata</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) saved</source>
        <translation>
            <numerusform>%n impostazione salvata</numerusform>
            <numerusform>%n impostazioni salvate</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit entry is still open</source>
        <translation>L&apos;inserimento di una visita è ancora aperto</translation>
    </message>
    <message numerus="yes">
        <source>%n visit entry(ies) still open and not completed.

What has been entered so far is kept as a draft and offered again when you open the patient, but the visit is not complete. Close proapp anyway?</source>
        <translation>
            <numerusform>%n inserimento di visita è ancora aperto e non completato.

Quanto inserito finora è conservato come bozza e riproposto quando aprite il paziente, ma la visita non è completa. Chiudere comunque proapp?</numerusform>
            <numerusform>%n inserimenti di visita sono ancora aperti e non completati.

Quanto inserito finora è conservato come bozza e riproposto quando aprite il paziente, ma le visite non sono complete. Chiudere comunque proapp?</numerusform>
        </translation>
    </message>
    <message>
        <source>Return to entry</source>
        <translation>Torna all&apos;inserimento</translation>
    </message>
    <message>
        <source>Close proapp</source>
        <translation>Chiudi proapp</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>The new database connection is used from the next start of proapp on this computer.</source>
        <translation>La nuova connessione al database sarà usata dal prossimo avvio di proapp su questo computer.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Paziente</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;Account ({username})</source>
        <translation>A&amp;ccount ({username})</translation>
    </message>
</context>
<context>
    <name>PatientActions</name>
    <message>
        <source>open the patient</source>
        <translation>aprire il paziente</translation>
    </message>
    <message>
        <source>Patient saved</source>
        <translation>Paziente salvato</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>F – female</source>
        <translation>F – femmina</translation>
    </message>
    <message>
        <source>M – male</source>
        <translation>M – maschio</translation>
    </message>
    <message>
        <source>X – other / not stated</source>
        <translation>X – altro / non dichiarato</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nuovo paziente</translation>
    </message>
    <message>
        <source>Edit patient {code}</source>
        <translation>Modifica paziente {code}</translation>
    </message>
    <message>
        <source>e.g. P0123</source>
        <translation>es. P0123</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>scegliete…</translation>
    </message>
    <message>
        <source>optional, e.g. 2004</source>
        <translation>facoltativo, es. 2004</translation>
    </message>
    <message>
        <source>Headache-positive</source>
        <translation>Cefalea positiva</translation>
    </message>
    <message>
        <source>Fatigue-positive</source>
        <translation>Fatica positiva</translation>
    </message>
    <message>
        <source>Patient &amp;code</source>
        <translation>&amp;Codice paziente</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>Co&amp;gnome</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>N&amp;ome</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Data di &amp;nascita</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sesso</translation>
    </message>
    <message>
        <source>&amp;MS subtype</source>
        <translation>Forma di S&amp;M</translation>
    </message>
    <message>
        <source>&amp;Diagnosis year</source>
        <translation>Anno di &amp;diagnosi</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>&amp;Lingua dei referti</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classificazione</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>No&amp;te</translation>
    </message>
    <message>
        <source>PTA procedures</source>
        <translation>Procedure PTA</translation>
    </message>
    <message>
        <source>PTA date</source>
        <translation>Data PTA</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lato</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Add PTA date</source>
        <translation>&amp;Aggiungi data PTA</translation>
    </message>
    <message>
        <source>Leave the date empty if the PTA has not been done yet.</source>
        <translation>Lasciate vuota la data se la PTA non è ancora stata eseguita.</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Salva (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fill in the patient code, names, birth date, sex and MS subtype; Save is possible once nothing is missing.</source>
        <translation>Compilate codice paziente, cognome e nome, data di nascita, sesso e forma di SM; si può salvare quando non manca nulla.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries need completing or correcting before the patient can be saved.</source>
        <translation>
            <numerusform>%n campo va completato o corretto prima di salvare il paziente.</numerusform>
            <numerusform>%n campi vanno completati o corretti prima di salvare il paziente.</numerusform>
        </translation>
    </message>
    <message>
        <source>save the patient</source>
        <translation>salvare il paziente</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Scartare le modifiche?</translation>
    </message>
    <message>
        <source>The patient has not been saved. Discard what you typed?</source>
        <translation>Il paziente non è stato salvato. Scartare quanto scritto?</translation>
    </message>
</context>
<context>
    <name>PatientList</name>
    <message>
        <source>Headache+</source>
        <translation>Cefalea+</translation>
    </message>
    <message>
        <source>Fatigue+</source>
        <translation>Fatica+</translation>
    </message>
    <message>
        <source>done</source>
        <translation>eseguita</translation>
    </message>
    <message>
        <source>due</source>
        <translation>da fare</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>IN RITARDO</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>mancata</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>futura</translation>
    </message>
    <message>
        <source>{label} (no PTA date yet)</source>
        <translation>{label} (nessuna data PTA)</translation>
    </message>
    <message>
        <source>{title}: target {target}, window {start} to {end} ({state})</source>
        <translation>{title}: data prevista {target}, finestra dal {start} al {end} ({state})</translation>
    </message>
    <message>
        <source>; a draft is saved</source>
        <translation>; è salvata una bozza</translation>
    </message>
</context>
<context>
    <name>PatientListTab</name>
    <message>
        <source>Search code or name   (Ctrl+F)</source>
        <translation>Cerca codice o nome   (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search patients by code or name</source>
        <translation>Cerca i pazienti per codice o nome</translation>
    </message>
    <message>
        <source>MS subtype filter</source>
        <translation>Filtro per forma di SM</translation>
    </message>
    <message>
        <source>All subtypes</source>
        <translation>Tutte le forme</translation>
    </message>
    <message>
        <source>Hea&amp;dache+</source>
        <translation>Ce&amp;falea+</translation>
    </message>
    <message>
        <source>Only headache-positive patients</source>
        <translation>Solo pazienti con cefalea positiva</translation>
    </message>
    <message>
        <source>Fa&amp;tigue+</source>
        <translation>Fa&amp;tica+</translation>
    </message>
    <message>
        <source>Only fatigue-positive patients</source>
        <translation>Solo pazienti con fatica positiva</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Caricamento dei pazienti…</translation>
    </message>
    <message>
        <source>{shown} of {total} patients</source>
        <translation>{shown} di {total} pazienti</translation>
    </message>
    <message>
        <source>No patients in this database yet.

Press Ctrl+N to register the first patient. To practise first, choose Help → Open training database: synthetic demo patients in a separate window and file.</source>
        <translation>Nessun paziente ancora in questo database.

Premete Ctrl+N per registrare il primo paziente. Per esercitarvi prima, scegliete Aiuto → Apri database di addestramento: pazienti dimostrativi sintetici in una finestra e in un file separati.</translation>
    </message>
    <message>
        <source>No patient matches the search and filters.
Esc in the search box clears the search.</source>
        <translation>Nessun paziente corrisponde alla ricerca e ai filtri.
Esc nella casella di ricerca cancella la ricerca.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n paziente</numerusform>
            <numerusform>%n pazienti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more match(es) the search but not the filters</source>
        <translation>
            <numerusform>%n altro corrisponde alla ricerca ma non ai filtri</numerusform>
            <numerusform>altri %n corrispondono alla ricerca ma non ai filtri</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>female</source>
        <translation>femmina</translation>
    </message>
    <message>
        <source>male</source>
        <translation>maschio</translation>
    </message>
    <message>
        <source>other / not stated</source>
        <translation>altro / non dichiarato</translation>
    </message>
    <message>
        <source>Age / sex</source>
        <translation>Età / sesso</translation>
    </message>
    <message>
        <source>MS subtype</source>
        <translation>Forma di SM</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicatori</translation>
    </message>
    <message>
        <source>PTA</source>
        <translation>PTA</translation>
    </message>
    <message>
        <source>no completed values yet</source>
        <translation>nessun valore completato</translation>
    </message>
    <message>
        <source>months since PTA (dashed line = PTA)</source>
        <translation>mesi dalla PTA (linea tratteggiata = PTA)</translation>
    </message>
    <message>
        <source>Resume draft</source>
        <translation>Riprendi la bozza</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Nuova visita</translation>
    </message>
    <message>
        <source>Enter a new visit (Ctrl+Shift+V)</source>
        <translation>Inserisci una nuova visita (Ctrl+Maiusc+V)</translation>
    </message>
    <message>
        <source>Open visit</source>
        <translation>Apri visita</translation>
    </message>
    <message>
        <source>Open the selected visit, or start it (Enter)</source>
        <translation>Apri la visita selezionata, o iniziala (Invio)</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Modifica paziente</translation>
    </message>
    <message>
        <source>Edit the patient&apos;s details and PTA dates (Ctrl+E)</source>
        <translation>Modifica i dati del paziente e le date PTA (Ctrl+E)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Referto</translation>
    </message>
    <message>
        <source>Trend report for this patient (Ctrl+R)</source>
        <translation>Referto di andamento del paziente (Ctrl+R)</translation>
    </message>
    <message>
        <source>Sign visit…</source>
        <translation>Firma visita…</translation>
    </message>
    <message>
        <source>Unlock visit…</source>
        <translation>Sblocca visita…</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Registro modifiche</translation>
    </message>
    <message>
        <source>Everything for this &amp;patient…</source>
        <translation>Tutto per questo &amp;paziente…</translation>
    </message>
    <message>
        <source>The selected &amp;visit…</source>
        <translation>La &amp;visita selezionata…</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Andamento</translation>
    </message>
    <message>
        <source>(synthetic demo patient)</source>
        <translation>(paziente dimostrativo sintetico)</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n anno</numerusform>
            <numerusform>%n anni</numerusform>
        </translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>età sconosciuta</translation>
    </message>
    <message>
        <source>(born {date})</source>
        <translation>(nato/a il {date})</translation>
    </message>
    <message>
        <source>diagnosed {year}</source>
        <translation>diagnosi nel {year}</translation>
    </message>
    <message>
        <source>headache-positive</source>
        <translation>cefalea positiva</translation>
    </message>
    <message>
        <source>fatigue-positive</source>
        <translation>fatica positiva</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>no PTA recorded yet</source>
        <translation>nessuna PTA ancora registrata</translation>
    </message>
    <message>
        <source>The {label} visit ({title}) of {date} is a draft, entered by {who} and not completed yet. Press Enter on it in the list, or Resume draft, to go on where it was left.</source>
        <translation>La visita {label} ({title}) del {date} è una bozza, inserita da {who} e non ancora completata. Premete Invio su di essa nell&apos;elenco, oppure Riprendi la bozza, per continuare da dove era rimasta.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message numerus="yes">
        <source>(%n drafts in all.)</source>
        <translation>
            <numerusform>(%n bozza in tutto.)</numerusform>
            <numerusform>(%n bozze in tutto.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a clinician may sign visits</source>
        <translation>Solo un medico può firmare le visite</translation>
    </message>
    <message>
        <source>Sign the selected completed visit (password re-entered); it becomes read-only</source>
        <translation>Firma la visita completata selezionata (con la password); diventa di sola lettura</translation>
    </message>
    <message>
        <source>Only a clinician may unlock signed visits</source>
        <translation>Solo un medico può sbloccare le visite firmate</translation>
    </message>
    <message>
        <source>Unlock the selected signed visit, with a reason, so it can be corrected</source>
        <translation>Sblocca la visita firmata selezionata, con un motivo, per poterla correggere</translation>
    </message>
    <message>
        <source>Start the {label} visit</source>
        <translation>Inizia la visita {label}</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>Please check the input</source>
        <translation>Controllate i dati inseriti</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Operazione non possibile</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>Il database non può essere usato</translation>
    </message>
    <message>
        <source>The database is busy</source>
        <translation>Il database è occupato</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Il disco è pieno</translation>
    </message>
    <message>
        <source>The database is read-only</source>
        <translation>Il database è di sola lettura</translation>
    </message>
    <message>
        <source>The database cannot be reached</source>
        <translation>Il database non è raggiungibile</translation>
    </message>
    <message>
        <source>The database server cannot be reached</source>
        <translation>Il server del database non è raggiungibile</translation>
    </message>
    <message>
        <source>The database could not be read or written</source>
        <translation>Non è stato possibile leggere o scrivere il database</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>Permesso negato</translation>
    </message>
    <message>
        <source>proapp cannot open the database</source>
        <translation>proapp non riesce ad aprire il database</translation>
    </message>
    <message>
        <source>Could not {doing}.</source>
        <translation>Impossibile {doing}.</translation>
    </message>
</context>
<context>
    <name>PtaSide</name>
    <message>
        <source>bilateral</source>
        <translation>bilaterale</translation>
    </message>
    <message>
        <source>left</source>
        <translation>sinistra</translation>
    </message>
    <message>
        <source>right</source>
        <translation>destra</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <source>Translation not validated — replace with the licensed validated version ({language}, {edition}). Ask the administrator to install the clinic&apos;s texts (proapp instruments install FILE).</source>
        <translation>Traduzione non validata — sostituitela con la versione validata su licenza ({language}, {edition}). Chiedete all&apos;amministratore di installare i testi della clinica (proapp instruments install FILE).</translation>
    </message>
    <message>
        <source>Recall period: {period}.</source>
        <translation>Periodo di riferimento: {period}.</translation>
    </message>
    <message>
        <source>An item the patient does not answer: type {prefix} then {codes}.</source>
        <translation>Per una domanda senza risposta: digitate {prefix} e poi {codes}.</translation>
    </message>
    <message>
        <source>{name} item {label}</source>
        <translation>{name} domanda {label}</translation>
    </message>
    <message>
        <source>(reason if unanswered)</source>
        <translation>(motivo se manca)</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>manca: {reason}</translation>
    </message>
    <message>
        <source>why item {label} is missing</source>
        <translation>perché manca la domanda {label}</translation>
    </message>
    <message>
        <source>Item {label} is empty. Press Enter again to leave it unanswered, or type {prefix} then {codes}.</source>
        <translation>La domanda {label} è vuota. Premete di nuovo Invio per lasciarla senza risposta, oppure digitate {prefix} e poi {codes}.</translation>
    </message>
</context>
<context>
    <name>RecordStatus</name>
    <message>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completata</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Unexpected error: {error}

Details are in the log.</source>
        <translation>Errore imprevisto: {error}

I dettagli sono nel registro.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Stampa</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Stampa in corso</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Referti</translation>
    </message>
    <message>
        <source>Select one or more patients first.</source>
        <translation>Selezionate prima uno o più pazienti.</translation>
    </message>
    <message>
        <source>Folder for the reports</source>
        <translation>Cartella per i referti</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Patient trend report</source>
        <translation>Referto di andamento del paziente</translation>
    </message>
    <message>
        <source>Paper size of the PDF</source>
        <translation>Formato della carta del PDF</translation>
    </message>
    <message>
        <source>the patient&apos;s</source>
        <translation>del paziente</translation>
    </message>
    <message>
        <source>Language of the report (the patient&apos;s by default)</source>
        <translation>Lingua del referto (quella del paziente se non scelta)</translation>
    </message>
    <message>
        <source>&amp;De-identified (no name, birth date or free text)</source>
        <translation>&amp;Anonimizzato (senza nome, data di nascita o testo libero)</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparazione del referto…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Salva PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>S&amp;tampa…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Save this PDF (Ctrl+S)</source>
        <translation>Salva questo PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print this report (Ctrl+P)</source>
        <translation>Stampa questo referto (Ctrl+P)</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Carta:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>Building the report</source>
        <translation>Composizione del referto</translation>
    </message>
    <message>
        <source>Drawing the pages</source>
        <translation>Disegno delle pagine</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>Non è stato possibile preparare il referto: {error}</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Referto</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annullato.</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Preparazione del referto</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Pagina {page} di {total}</translation>
    </message>
    <message numerus="yes">
        <source>{code}: de-identified report in {language}, %n page(s)</source>
        <translation>
            <numerusform>{code}: referto anonimizzato in {language}, %n pagina</numerusform>
            <numerusform>{code}: referto anonimizzato in {language}, %n pagine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{code}: report in {language}, %n page(s)</source>
        <translation>
            <numerusform>{code}: referto in {language}, %n pagina</numerusform>
            <numerusform>{code}: referto in {language}, %n pagine</numerusform>
        </translation>
    </message>
    <message>
        <source>Trend report – {code}</source>
        <translation>Referto di andamento – {code}</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Salva il referto come PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Salva PDF</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Salvato in {file}</translation>
    </message>
    <message numerus="yes">
        <source>{code}: %n page(s) sent to the printer</source>
        <translation>
            <numerusform>{code}: %n pagina inviata alla stampante</numerusform>
            <numerusform>{code}: %n pagine inviate alla stampante</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {username}</source>
        <translation>Reimposta la password di {username}</translation>
    </message>
    <message>
        <source>Set a new password for {username}.</source>
        <translation>Impostate una nuova password per {username}.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Imposta la password</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>almeno {n} caratteri</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nuova password:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ripeti:</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>to resolve</source>
        <translation>da risolvere</translation>
    </message>
    <message>
        <source>Look at the paper form and choose the true value of each difference: the first entry, the second, or the value on the paper. A reason is required; the visit gets the value and the change log keeps both entries, the choice and the reason.</source>
        <translation>Guardate il modulo cartaceo e scegliete il valore vero di ogni differenza: il primo inserimento, il secondo o il valore sul cartaceo. Il motivo è obbligatorio; la visita riceve il valore e il registro delle modifiche conserva entrambi gli inserimenti, la scelta e il motivo.</translation>
    </message>
    <message>
        <source>&amp;Another value, from the paper:</source>
        <translation>&amp;Altro valore, dal cartaceo:</translation>
    </message>
    <message>
        <source>(or a reason it is missing)</source>
        <translation>(o il motivo per cui manca)</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>mancante: {reason}</translation>
    </message>
    <message>
        <source>(empty: not answered)</source>
        <translation>(vuoto: senza risposta)</translation>
    </message>
    <message>
        <source>why this is the true value (required, kept in the change log)</source>
        <translation>perché questo è il valore vero (obbligatorio, conservato nel registro delle modifiche)</translation>
    </message>
    <message>
        <source>True value:</source>
        <translation>Valore vero:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Risolvi</translation>
    </message>
    <message>
        <source>Differences — {code} {label} {date}</source>
        <translation>Differenze — {code} {label} {date}</translation>
    </message>
    <message>
        <source>{code}, visit {label} on {date}</source>
        <translation>{code}, visita {label} del {date}</translation>
    </message>
    <message>
        <source>{where}: {n} differences, {left} to resolve</source>
        <translation>{where}: {n} differenze, {left} da risolvere</translation>
    </message>
    <message>
        <source>{where}: {n} differences, all resolved; the visit is verified</source>
        <translation>{where}: {n} differenze, tutte risolte; la visita è verificata</translation>
    </message>
    <message>
        <source>&amp;First entry: {value} (keyed by {who})</source>
        <translation>&amp;Primo inserimento: {value} (inserito da {who})</translation>
    </message>
    <message>
        <source>&amp;Second entry: {value} (keyed by {who})</source>
        <translation>&amp;Secondo inserimento: {value} (inserito da {who})</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Risolta.</translation>
    </message>
    <message>
        <source>You keyed this item ({username}): a third person or a clinician resolves it.</source>
        <translation>Avete inserito voi questa domanda ({username}): la risolve una terza persona o un medico.</translation>
    </message>
    <message>
        <source>Give either a value or a reason it is missing, not both</source>
        <translation>Indicate un valore oppure il motivo per cui manca, non entrambi</translation>
    </message>
    <message>
        <source>Choose the true value: the first entry, the second, or another value from the paper.</source>
        <translation>Scegliete il valore vero: il primo inserimento, il secondo o un altro valore dal cartaceo.</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Confermate</translation>
    </message>
    <message>
        <source>With this value the visit has these warnings:</source>
        <translation>Con questo valore la visita ha questi avvisi:</translation>
    </message>
    <message>
        <source>Resolve with this value anyway?</source>
        <translation>Risolvere comunque con questo valore?</translation>
    </message>
    <message>
        <source>Resolve anyway</source>
        <translation>Risolvi comunque</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Visit verified</source>
        <translation>Visita verificata</translation>
    </message>
    <message>
        <source>Every difference is resolved: the visit is verified.</source>
        <translation>Tutte le differenze sono risolte: la visita è verificata.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Review</source>
        <translation>Riepilogo</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>mancante: {reason}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>senza risposta</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(modificato)</translation>
    </message>
    <message>
        <source>No value is changed.</source>
        <translation>Nessun valore è modificato.</translation>
    </message>
    <message>
        <source>1 value is changed (old → new below).</source>
        <translation>1 valore è modificato (precedente → nuovo qui sotto).</translation>
    </message>
    <message>
        <source>{n} values are changed (old → new below).</source>
        <translation>{n} valori sono modificati (precedente → nuovo qui sotto).</translation>
    </message>
    <message>
        <source>{visit} ({label}) on {date}</source>
        <translation>{visit} ({label}) del {date}</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>prevista</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>non prevista</translation>
    </message>
    <message>
        <source>Answered by the patient on the screen.</source>
        <translation>Risposto dal paziente sullo schermo.</translation>
    </message>
    <message>
        <source>Check each answer; a correction needs a reason.</source>
        <translation>Controllate ogni risposta; una correzione richiede un motivo.</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Non eseguito: {reason}</translation>
    </message>
    <message>
        <source>Not entered.</source>
        <translation>Non inserito.</translation>
    </message>
    <message>
        <source>(changed: it was entered before this edit)</source>
        <translation>(modificato: era inserito prima di questa modifica)</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paziente</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corretta</translation>
    </message>
    <message>
        <source>the patient answered: {answer}</source>
        <translation>il paziente aveva risposto: {answer}</translation>
    </message>
    <message>
        <source>computed from velocity × area</source>
        <translation>calcolato da velocità × area</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>inserito</translation>
    </message>
    <message>
        <source>stenosis {percent} %</source>
        <translation>stenosi {percent} %</translation>
    </message>
    <message>
        <source>— (needs both sides)</source>
        <translation>— (servono entrambi i lati)</translation>
    </message>
    <message>
        <source>Total {posture}: {total} {unit}</source>
        <translation>Totale {posture}: {total} {unit}</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>Riepilogo e salvataggio</translation>
    </message>
    <message>
        <source>I have checked these warnings with the patient and the source documents</source>
        <translation>Ho controllato questi avvisi con il paziente e con i documenti originali</translation>
    </message>
    <message>
        <source>reason for changing a completed visit (required, kept in the change log)</source>
        <translation>motivo della modifica di una visita completata (obbligatorio, conservato nel registro delle modifiche)</translation>
    </message>
    <message>
        <source>&amp;Reason for the change</source>
        <translation>&amp;Motivo della modifica</translation>
    </message>
    <message>
        <source>Ctrl+S saves and completes the visit.</source>
        <translation>Ctrl+S salva e completa la visita.</translation>
    </message>
    <message>
        <source>Entered from a paper form: ask for a second, independent entry of the questionnaires (double data entry)</source>
        <translation>Inserita da un modulo cartaceo: chiedi un secondo inserimento indipendente dei questionari (doppio inserimento)</translation>
    </message>
    <message>
        <source>reason for correcting the patient&apos;s answers (required, kept in the change log)</source>
        <translation>motivo della correzione delle risposte del paziente (obbligatorio, conservato nel registro delle modifiche)</translation>
    </message>
    <message>
        <source>Must be corrected before saving:</source>
        <translation>Da correggere prima di salvare:</translation>
    </message>
    <message>
        <source>Please confirm:</source>
        <translation>Confermate:</translation>
    </message>
    <message>
        <source>No errors and no warnings.</source>
        <translation>Nessun errore e nessun avviso.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>nurse</source>
        <translation>infermiere/a</translation>
    </message>
    <message>
        <source>clinician</source>
        <translation>medico</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>amministratore</translation>
    </message>
</context>
<context>
    <name>Score</name>
    <message>
        <source>MIDAS total</source>
        <translation>Totale MIDAS</translation>
    </message>
    <message>
        <source>MIDAS grade</source>
        <translation>Grado MIDAS</translation>
    </message>
    <message>
        <source>FSS mean</source>
        <translation>Media FSS</translation>
    </message>
    <message>
        <source>FSS total</source>
        <translation>Totale FSS</translation>
    </message>
    <message>
        <source>total</source>
        <translation>totale</translation>
    </message>
    <message>
        <source>— (correct the marked answers)</source>
        <translation>— (correggete le risposte segnate)</translation>
    </message>
    <message>
        <source>— (needs every item)</source>
        <translation>— (servono tutte le domande)</translation>
    </message>
</context>
<context>
    <name>SecondEntryDialog</name>
    <message>
        <source>Second entry — {code} {label} {date}</source>
        <translation>Secondo inserimento — {code} {label} {date}</translation>
    </message>
    <message>
        <source>Second entry of {code}, visit {label} on {date}</source>
        <translation>Secondo inserimento di {code}, visita {label} del {date}</translation>
    </message>
    <message>
        <source>Key the paper form again, exactly as it is written; leave an item empty when the paper has no answer. The first entry is not shown (blind second entry): the two are compared item by item when you save, and any difference goes to a third person or a clinician.</source>
        <translation>Inserite di nuovo il modulo cartaceo, esattamente come è scritto; lasciate vuota una domanda quando sul cartaceo non c&apos;è risposta. Il primo inserimento non è mostrato (secondo inserimento alla cieca): al salvataggio i due sono confrontati domanda per domanda, e ogni differenza passa a una terza persona o a un medico.</translation>
    </message>
    <message>
        <source>Compare and save (Ctrl+S)</source>
        <translation>Confronta e salva (Ctrl+S)</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non salvato: {why}</translation>
    </message>
    <message>
        <source>Second entry saved</source>
        <translation>Secondo inserimento salvato</translation>
    </message>
    <message>
        <source>Both entries agree on all {n} items: the visit is verified.</source>
        <translation>I due inserimenti concordano su tutte le {n} domande: la visita è verificata.</translation>
    </message>
    <message>
        <source>{n} items compared, {differ} differ. A third person or a clinician resolves each difference from the paper form (Double entry, Resolve differences).</source>
        <translation>{n} domande confrontate, {differ} diverse. Una terza persona o un medico risolve ogni differenza dal modulo cartaceo (Doppio inserimento, Differenze).</translation>
    </message>
</context>
<context>
    <name>SelfReport</name>
    <message>
        <source>This answer could not be saved. Please tell the staff; your other answers are kept.</source>
        <translation>Questa risposta non è stata salvata. Lo dica al personale; le altre risposte sono conservate.</translation>
    </message>
    <message>
        <source>{name}, question {label}</source>
        <translation>{name}, domanda {label}</translation>
    </message>
    <message>
        <source>I prefer not to answer</source>
        <translation>Preferisco non rispondere</translation>
    </message>
    <message>
        <source>answer {value}</source>
        <translation>risposta {value}</translation>
    </message>
    <message>
        <source>Your answer, from {minimum} to {maximum} {unit}:</source>
        <translation>La sua risposta, da {minimum} a {maximum} {unit}:</translation>
    </message>
    <message>
        <source>delete the last digit</source>
        <translation>cancella l&apos;ultima cifra</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionario</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personale</translation>
    </message>
    <message>
        <source>For the staff: leave the patient&apos;s questionnaire (needs a password)</source>
        <translation>Per il personale: uscire dal questionario del paziente (serve una password)</translation>
    </message>
    <message>
        <source>Thank you. You have answered every question.</source>
        <translation>Grazie. Ha risposto a tutte le domande.</translation>
    </message>
    <message>
        <source>Please give the device back to the staff. You can still go back and change an answer.</source>
        <translation>Restituisca il dispositivo al personale. Può ancora tornare indietro e cambiare una risposta.</translation>
    </message>
    <message>
        <source>Give the device back to the staff</source>
        <translation>Restituire il dispositivo al personale</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Question %v of %m</source>
        <translation>Domanda %v di %m</translation>
    </message>
    <message>
        <source>Time period: {period}</source>
        <translation>Periodo di riferimento: {period}</translation>
    </message>
    <message>
        <source>%v of %m questions answered</source>
        <translation>%v di %m domande con risposta</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inizia</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Encrypted, server certificate checked (verify-full)</source>
        <translation>Cifrata, certificato del server verificato (verify-full)</translation>
    </message>
    <message>
        <source>Encrypted (require)</source>
        <translation>Cifrata (require)</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it (prefer)</source>
        <translation>Cifrata se il server lo offre (prefer)</translation>
    </message>
    <message>
        <source>Not encrypted: trusted network only (disable)</source>
        <translation>Non cifrata: solo su rete fidata (disable)</translation>
    </message>
    <message>
        <source>Database connection — {name}</source>
        <translation>Connessione al database — {name}</translation>
    </message>
    <message>
        <source>server name or address, e.g. db.clinic.local</source>
        <translation>nome o indirizzo del server, es. db.clinica.local</translation>
    </message>
    <message>
        <source>this workstation&apos;s database role</source>
        <translation>il ruolo di database di questa postazione</translation>
    </message>
    <message>
        <source>kept in a private file, never shown again</source>
        <translation>conservata in un file privato, mai più mostrata</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;orta:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utente:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Prova la co&amp;nnessione</translation>
    </message>
    <message>
        <source>Use this ser&amp;ver</source>
        <translation>Usa questo ser&amp;ver</translation>
    </message>
    <message>
        <source>Use the &amp;local database</source>
        <translation>Usa il database &amp;locale</translation>
    </message>
    <message>
        <source>Several workstations share one PostgreSQL database. The password is kept in a private file for this computer&apos;s account (pgpass, readable by you only). The choice takes effect when proapp starts again.</source>
        <translation>Più postazioni condividono un unico database PostgreSQL. La password è conservata in un file privato dell&apos;account di questo computer (pgpass, leggibile solo da voi). La scelta ha effetto al prossimo avvio di proapp.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Connesso: PostgreSQL {version}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Gio</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>the default folder</source>
        <translation>la cartella predefinita</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>These settings apply to every workstation using this database. Each change is recorded in the change log.</source>
        <translation>Queste impostazioni valgono per tutte le postazioni che usano questo database. Ogni modifica è annotata nel registro delle modifiche.</translation>
    </message>
    <message>
        <source>save the settings</source>
        <translation>salvare le impostazioni</translation>
    </message>
</context>
<context>
    <name>SignVisitDialog</name>
    <message>
        <source>Sign visit</source>
        <translation>Firma la visita</translation>
    </message>
    <message>
        <source>By signing you confirm this visit is correct. A signed visit cannot be changed until a clinician unlocks it with a reason.</source>
        <translation>Firmando confermate che questa visita è corretta. Una visita firmata non si può modificare finché un medico non la sblocca indicando un motivo.</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Password of {username}:</source>
        <translation>Password di {username}:</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>{visit} visit on {date} ({status})</source>
        <translation>Visita {visit} del {date} ({status})</translation>
    </message>
</context>
<context>
    <name>SkipBox</name>
    <message>
        <source>{form} not done at this visit — reason:</source>
        <translation>{form} non eseguito in questa visita — motivo:</translation>
    </message>
    <message>
        <source>why it was not done (required to skip an expected form)</source>
        <translation>perché non è stato eseguito (obbligatorio per saltare un modulo previsto)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>proapp cannot open the database</source>
        <translation>proapp non riesce ad aprire il database</translation>
    </message>
    <message>
        <source>proapp cannot reach the database server</source>
        <translation>proapp non raggiunge il server del database</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>done</source>
        <translation>eseguita</translation>
    </message>
    <message>
        <source>due</source>
        <translation>da fare</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>IN RITARDO</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>mancata</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>futura</translation>
    </message>
    <message>
        <source>unscheduled</source>
        <translation>non programmata</translation>
    </message>
    <message>
        <source>{state} (draft)</source>
        <translation>{state} (bozza)</translation>
    </message>
    <message>
        <source>{state}, signed</source>
        <translation>{state}, firmata</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>dal {start} al {end}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>complete; signed; entered by {who}</source>
        <translation>completa; firmata; inserita da {who}</translation>
    </message>
    <message>
        <source>draft; signed; entered by {who}</source>
        <translation>bozza; firmata; inserita da {who}</translation>
    </message>
    <message>
        <source>complete; entered by {who}</source>
        <translation>completa; inserita da {who}</translation>
    </message>
    <message>
        <source>draft; entered by {who}</source>
        <translation>bozza; inserita da {who}</translation>
    </message>
    <message>
        <source>MIDAS total in days (grade)</source>
        <translation>Totale MIDAS in giorni (grado)</translation>
    </message>
    <message>
        <source>FSS mean score (1-7)</source>
        <translation>Punteggio medio FSS (1-7)</translation>
    </message>
    <message>
        <source>Total supine IJV flow, mL/min</source>
        <translation>Flusso VGI totale in posizione supina, mL/min</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Practise with synthetic patients before entering real ones.</source>
        <translation>Esercitatevi con pazienti sintetici prima di inserire quelli reali.</translation>
    </message>
    <message>
        <source>Create a &amp;training database with {n} synthetic demo patients</source>
        <translation>Crea un database di &amp;addestramento con {n} pazienti dimostrativi sintetici</translation>
    </message>
    <message>
        <source>The demo patients are invented (codes DEMO-0001 and on). They go into a &lt;b&gt;separate file&lt;/b&gt;, &lt;code&gt;{file}&lt;/code&gt;, and never into the clinic&apos;s database. Open it with &lt;i&gt;Help → Open training database&lt;/i&gt;; its window says &lt;b&gt;{mark}&lt;/b&gt; and its reports carry a SYNTHETIC DEMO DATA banner. The training database has its own accounts: the first person to open it creates its administrator.</source>
        <translation>I pazienti dimostrativi sono inventati (codici da DEMO-0001 in poi). Vanno in un &lt;b&gt;file separato&lt;/b&gt;, &lt;code&gt;{file}&lt;/code&gt;, e mai nel database della clinica. Apritelo con &lt;i&gt;Aiuto → Apri database di addestramento&lt;/i&gt;; la sua finestra riporta &lt;b&gt;{mark}&lt;/b&gt; e i suoi referti una fascia SYNTHETIC DEMO DATA. Il database di addestramento ha i propri account: la prima persona che lo apre ne crea l&apos;amministratore.</translation>
    </message>
    <message>
        <source>Creating the training database…</source>
        <translation>Creazione del database di addestramento…</translation>
    </message>
    <message>
        <source>The training database could not be created: {error}</source>
        <translation>Non è stato possibile creare il database di addestramento: {error}</translation>
    </message>
</context>
<context>
    <name>UnlockVisitDialog</name>
    <message>
        <source>Signed by {who} on {date} {time} UTC.</source>
        <translation>Firmata da {who} il {date} alle {time} UTC.</translation>
    </message>
    <message>
        <source>Unlock signed visit</source>
        <translation>Sblocca la visita firmata</translation>
    </message>
    <message>
        <source>Unlocking removes the signature so the visit can be corrected; the reason is kept in the change log.</source>
        <translation>Lo sblocco rimuove la firma così che la visita si possa correggere; il motivo è conservato nel registro delle modifiche.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Sblocca</translation>
    </message>
    <message>
        <source>Why must this signed visit change?</source>
        <translation>Perché questa visita firmata deve cambiare?</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Password of {username}:</source>
        <translation>Password di {username}:</translation>
    </message>
</context>
<context>
    <name>UserManagementDialog</name>
    <message>
        <source>Users</source>
        <translation>Utenti</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Aggiungi utente…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Cambia &amp;ruolo…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Disattiva</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Reimposta la &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Sblocca</translation>
    </message>
    <message>
        <source>Lift the lockout after repeated failed sign-ins</source>
        <translation>Toglie il blocco dovuto a ripetuti accessi falliti</translation>
    </message>
    <message>
        <source>Access &amp;log…</source>
        <translation>Registro degli a&amp;ccessi…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>Ri&amp;attiva</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambia ruolo</translation>
    </message>
    <message>
        <source>Role of {username}:</source>
        <translation>Ruolo di {username}:</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Registro degli accessi</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Nurse</source>
        <translation>Infermiere</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Medico</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Amministratore</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>disattivato</translation>
    </message>
    <message>
        <source>yes, LOCKED</source>
        <translation>sì, BLOCCATO</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utenti</translation>
    </message>
    <message>
        <source>Only an administrator manages users.</source>
        <translation>Solo un amministratore gestisce gli utenti.</translation>
    </message>
</context>
<context>
    <name>VisitEntry</name>
    <message>
        <source>start visit entry</source>
        <translation>avviare l&apos;inserimento della visita</translation>
    </message>
    <message>
        <source>the draft of {visit} ({label}) from {date} (entered by {who}, last saved {saved})</source>
        <translation>la bozza di {visit} ({label}) del {date} (inserita da {who}, ultimo salvataggio {saved})</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>Resume draft?</source>
        <translation>Riprendere la bozza?</translation>
    </message>
    <message>
        <source>Resume {draft}?</source>
        <translation>Riprendere {draft}?</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Riprendi</translation>
    </message>
    <message>
        <source>&amp;Discard draft…</source>
        <translation>&amp;Scarta la bozza…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Discard draft?</source>
        <translation>Scartare la bozza?</translation>
    </message>
    <message>
        <source>Discard {draft}? Its answers are removed from the visit (the change log keeps a copy).</source>
        <translation>Scartare {draft}? Le sue risposte sono tolte dalla visita (il registro delle modifiche ne conserva una copia).</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Tieni la bozza</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>{visit}: no form is expected. Tick the forms done at this visit (Space ticks, Enter moves on): their pages follow.</source>
        <translation>{visit}: nessun modulo previsto. Segnate i moduli eseguiti in questa visita (Spazio segna, Invio prosegue): le loro pagine seguono.</translation>
    </message>
    <message>
        <source>{visit} expects: {forms}.</source>
        <translation>{visit} prevede: {forms}.</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Visit &amp;label</source>
        <translation>&amp;Etichetta visita</translation>
    </message>
    <message>
        <source>Visit &amp;date</source>
        <translation>&amp;Data visita</translation>
    </message>
    <message>
        <source>Forms done at this visit:</source>
        <translation>Moduli eseguiti in questa visita:</translation>
    </message>
    <message>
        <source>Enter: continue · Alt+N next · Alt+B / Esc back · Ctrl+S save from the review page · Ctrl+1…5 jump to a page</source>
        <translation>Invio: continua · Alt+N avanti · Alt+B / Esc indietro · Ctrl+S salva dalla pagina di riepilogo · Ctrl+1…5 vai a una pagina</translation>
    </message>
    <message>
        <source>, draft</source>
        <translation>, bozza</translation>
    </message>
    <message>
        <source>{label} — {visit} ({state}; window {start} to {end})</source>
        <translation>{label} — {visit} ({state}; finestra dal {start} al {end})</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etichetta</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>target</source>
        <translation>data prevista</translation>
    </message>
    <message>
        <source>window</source>
        <translation>finestra</translation>
    </message>
    <message>
        <source>state</source>
        <translation>stato</translation>
    </message>
    <message>
        <source>forms</source>
        <translation>moduli</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>dal {start} al {end}</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation> (bozza)</translation>
    </message>
</context>
<context>
    <name>VisitState</name>
    <message>
        <source>done</source>
        <translation>eseguita</translation>
    </message>
    <message>
        <source>due</source>
        <translation>da fare</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>in ritardo</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>mancata</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>futura</translation>
    </message>
</context>
<context>
    <name>VisitWizard</name>
    <message>
        <source>the database server cannot be reached (it may be restarting, or the network is down); nothing was saved, your input is kept</source>
        <translation>il server del database non è raggiungibile (forse si sta riavviando, o la rete è interrotta); non è stato salvato nulla, i dati inseriti sono conservati</translation>
    </message>
    <message>
        <source>{code} · {family}, {given} · born {birth}</source>
        <translation>{code} · {family}, {given} · nato/a il {birth}</translation>
    </message>
    <message>
        <source>PTA {date}</source>
        <translation>PTA {date}</translation>
    </message>
    <message>
        <source>no PTA recorded</source>
        <translation>nessuna PTA registrata</translation>
    </message>
    <message>
        <source>questionnaires in {language}</source>
        <translation>questionari in {language}</translation>
    </message>
    <message>
        <source>Visit entry — {code} {family}, {given}</source>
        <translation>Inserimento visita — {code} {family}, {given}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>Editing a completed visit: changes need a reason, entered by {who}.</source>
        <translation>Modifica di una visita completata: le modifiche richiedono un motivo; inserita da {who}.</translation>
    </message>
    <message>
        <source>Editing a draft, entered by {who}.</source>
        <translation>Modifica di una bozza, inserita da {who}.</translation>
    </message>
    <message>
        <source>— not done</source>
        <translation>— non eseguito</translation>
    </message>
    <message>
        <source>(not expected)</source>
        <translation>(non previsto)</translation>
    </message>
    <message>
        <source>Back (Alt+B)</source>
        <translation>Indietro (Alt+B)</translation>
    </message>
    <message>
        <source>Next (Alt+N)</source>
        <translation>Avanti (Alt+N)</translation>
    </message>
    <message>
        <source>Save visit (Ctrl+S)</source>
        <translation>Salva visita (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Patient answers on screen…</source>
        <translation>Risposte del paziente sullo schermo…</translation>
    </message>
    <message>
        <source>Give the screen to the patient to answer the questionnaires themselves; a staff password leaves it</source>
        <translation>Passa lo schermo al paziente perché risponda da sé ai questionari; per uscire serve la password di un operatore</translation>
    </message>
    <message>
        <source>This visit is signed and locked: it can be read here; a clinician must unlock it before it can be changed.</source>
        <translation>Questa visita è firmata e bloccata: qui si può leggere; un medico deve sbloccarla prima di poterla modificare.</translation>
    </message>
    <message>
        <source>Editing a completed visit: nothing is stored until you save it with a reason on the review page.</source>
        <translation>Modifica di una visita completata: nulla viene salvato finché non la salvate con un motivo nella pagina di riepilogo.</translation>
    </message>
    <message>
        <source>Draft resumed (last saved {time}).</source>
        <translation>Bozza ripresa (ultimo salvataggio {time}).</translation>
    </message>
    <message>
        <source>Draft not saved: {why}</source>
        <translation>Bozza non salvata: {why}</translation>
    </message>
    <message>
        <source>{why}; your input is kept</source>
        <translation>{why}; quanto inserito è conservato</translation>
    </message>
    <message>
        <source>Draft not saved: {why} and proapp tries again.</source>
        <translation>Bozza non salvata: {why} e proapp riprova.</translation>
    </message>
    <message>
        <source>Draft not saved: {why}. Your input is kept in this window.</source>
        <translation>Bozza non salvata: {why}. I dati inseriti restano in questa finestra.</translation>
    </message>
    <message>
        <source>It could not be kept on this computer either ({why}): keep this window open.</source>
        <translation>Non è stato possibile conservarla neppure su questo computer ({why}): tieni aperta questa finestra.</translation>
    </message>
    <message>
        <source>It is kept on this computer too: if this window is closed, proapp offers it again at the next start.</source>
        <translation>È conservata anche su questo computer: se questa finestra viene chiusa, proapp la ripropone al prossimo avvio.</translation>
    </message>
    <message>
        <source>Draft saved {time}; the values marked in red are not stored until they are corrected.</source>
        <translation>Bozza salvata alle {time}; i valori segnati in rosso non sono salvati finché non vengono corretti.</translation>
    </message>
    <message>
        <source>Draft saved {time}; saving the latest change…</source>
        <translation>Bozza salvata alle {time}; salvataggio dell&apos;ultima modifica…</translation>
    </message>
    <message>
        <source>Draft saved {time}: everything entered is stored.</source>
        <translation>Bozza salvata alle {time}: tutto quanto inserito è salvato.</translation>
    </message>
    <message>
        <source>Not saved: this visit was changed elsewhere. Your input is kept.</source>
        <translation>Non salvata: questa visita è stata modificata altrove. I dati inseriti sono conservati.</translation>
    </message>
    <message>
        <source>Visit changed elsewhere</source>
        <translation>Visita modificata altrove</translation>
    </message>
    <message>
        <source>Save your version over the other one? (Both are kept in the change log.)</source>
        <translation>Salvare la vostra versione al posto dell&apos;altra? (Entrambe restano nel registro delle modifiche.)</translation>
    </message>
    <message>
        <source>Save my version</source>
        <translation>Salva la mia versione</translation>
    </message>
    <message>
        <source>Keep editing, do not save</source>
        <translation>Continua a modificare, non salvare</translation>
    </message>
    <message>
        <source>Please choose the forms done at this visit.</source>
        <translation>Scegliete i moduli eseguiti in questa visita.</translation>
    </message>
    <message>
        <source>Please correct the marked field before going on.</source>
        <translation>Correggete il campo segnato prima di proseguire.</translation>
    </message>
    <message>
        <source>Nothing for the patient to answer</source>
        <translation>Nulla a cui il paziente debba rispondere</translation>
    </message>
    <message>
        <source>Every questionnaire this visit expects is already entered (or marked not done), so there is nothing left for the patient to answer on the screen.</source>
        <translation>Tutti i questionari previsti da questa visita sono già inseriti (o segnati come non eseguiti), quindi non resta nulla a cui il paziente debba rispondere sullo schermo.</translation>
    </message>
    <message>
        <source>Give the screen to the patient?</source>
        <translation>Passare lo schermo al paziente?</translation>
    </message>
    <message>
        <source>The patient answers these questionnaires, one question per screen: {names}.

Only a staff password leaves the patient&apos;s screen. Every answer is kept as a draft, and you review them here afterwards.</source>
        <translation>Il paziente risponde a questi questionari, una domanda per schermata: {names}.

Solo una password del personale chiude lo schermo del paziente. Ogni risposta è conservata come bozza, e poi la controllate qui.</translation>
    </message>
    <message>
        <source>Give the screen to the patient</source>
        <translation>Passa lo schermo al paziente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>The patient&apos;s screen was not opened: {why}</source>
        <translation>Lo schermo del paziente non è stato aperto: {why}</translation>
    </message>
    <message>
        <source>The patient&apos;s answers are on the review page, marked as the patient&apos;s: check them, correct any (with a reason) and save.</source>
        <translation>Le risposte del paziente sono nella pagina di riepilogo, segnate come del paziente: controllatele, correggete quelle sbagliate (con un motivo) e salvate.</translation>
    </message>
    <message>
        <source>Not saved: correct the errors listed on the review page (click a page on the left or press Ctrl+1…5).</source>
        <translation>Non salvata: correggete gli errori elencati nella pagina di riepilogo (fate clic su una pagina a sinistra o premete Ctrl+1…5).</translation>
    </message>
    <message>
        <source>Not saved: please check the warnings and tick the confirmation (Space).</source>
        <translation>Non salvata: controllate gli avvisi e spuntate la conferma (Spazio).</translation>
    </message>
    <message>
        <source>Not saved: give a reason for correcting the patient&apos;s answers.</source>
        <translation>Non salvata: indicate il motivo della correzione delle risposte del paziente.</translation>
    </message>
    <message>
        <source>Not saved: give a reason for changing a completed visit.</source>
        <translation>Non salvata: indicate il motivo della modifica di una visita completata.</translation>
    </message>
    <message>
        <source>Not saved: please confirm the warnings.</source>
        <translation>Non salvata: confermate gli avvisi.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non salvata: {why}</translation>
    </message>
    <message>
        <source>Not saved: {why}. Press Ctrl+S again once it is back.</source>
        <translation>Non salvata: {why}. Premete di nuovo Ctrl+S quando torna disponibile.</translation>
    </message>
    <message>
        <source>Not saved: {why}. Your input is kept in this window.</source>
        <translation>Non salvata: {why}. Quanto inserito resta in questa finestra.</translation>
    </message>
    <message>
        <source>Close the visit entry?</source>
        <translation>Chiudere l&apos;inserimento della visita?</translation>
    </message>
    <message>
        <source>The database cannot be reached, so it does not hold your latest input. It is kept on this computer: proapp offers it again at the next start on this database. Close now?</source>
        <translation>Il database non è raggiungibile, quindi non contiene le tue ultime modifiche. Sono conservate su questo computer: proapp le ripropone al prossimo avvio su questo database. Chiudere ora?</translation>
    </message>
    <message>
        <source>Close (kept on this computer)</source>
        <translation>Chiudi (conservata su questo computer)</translation>
    </message>
    <message>
        <source>Some of your input is not stored (fields with errors, or a change that could not be saved). Close and lose it?</source>
        <translation>Parte di quanto inserito non è salvata (campi con errori, o una modifica che non è stato possibile salvare). Chiudere e perderla?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continua a modificare</translation>
    </message>
    <message>
        <source>Close and lose it</source>
        <translation>Chiudi e perdi le modifiche</translation>
    </message>
    <message>
        <source>supine</source>
        <translation>supino</translation>
    </message>
    <message>
        <source>upright</source>
        <translation>eretto</translation>
    </message>
    <message>
        <source>MIDAS {total}, grade {grade}</source>
        <translation>MIDAS {total}, grado {grade}</translation>
    </message>
    <message>
        <source>{posture} flow {total} mL/min</source>
        <translation>flusso {posture} {total} mL/min</translation>
    </message>
    <message>
        <source>{label} saved for {code}</source>
        <translation>{label} salvata per {code}</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>TRAINING DATABASE — synthetic demo patients</source>
        <translation>DATABASE DI ADDESTRAMENTO — pazienti dimostrativi sintetici</translation>
    </message>
    <message>
        <source>Open training database</source>
        <translation>Apri database di addestramento</translation>
    </message>
    <message>
        <source>proapp could not be started on {file}.</source>
        <translation>Non è stato possibile avviare proapp su {file}.</translation>
    </message>
    <message>
        <source>The training database opens in a new window (synthetic patients); sign in there as {username}.</source>
        <translation>Il database di addestramento si apre in una nuova finestra (pazienti sintetici); accedete lì come {username}.</translation>
    </message>
    <message>
        <source>The training database opens in a new window (synthetic patients).</source>
        <translation>Il database di addestramento si apre in una nuova finestra (pazienti sintetici).</translation>
    </message>
    <message>
        <source>There is no training database yet. Create it now with {n} synthetic demo patients?

{file}</source>
        <translation>Non esiste ancora un database di addestramento. Crearlo ora con {n} pazienti dimostrativi sintetici?

{file}</translation>
    </message>
    <message>
        <source>The training database could not be created: {error}</source>
        <translation>Non è stato possibile creare il database di addestramento: {error}</translation>
    </message>
    <message>
        <source>Creating the training database with {n} synthetic patients…</source>
        <translation>Creazione del database di addestramento con {n} pazienti sintetici…</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>{name}: welcome</source>
        <translation>{name}: benvenuti</translation>
    </message>
    <message>
        <source>&amp;Start proapp</source>
        <translation>&amp;Avvia proapp</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>OVERDUE</source>
        <translation>IN RITARDO</translation>
    </message>
    <message>
        <source>due</source>
        <translation>da fare</translation>
    </message>
    <message>
        <source>draft saved</source>
        <translation>bozza salvata</translation>
    </message>
    <message>
        <source>Entry was started and saved as a draft; Enter resumes it</source>
        <translation>L&apos;inserimento è stato iniziato e salvato come bozza; Invio lo riprende</translation>
    </message>
</context>
<context>
    <name>WorklistTab</name>
    <message>
        <source>Due today</source>
        <translation>Visite di oggi</translation>
    </message>
    <message>
        <source>Clinic &amp;day:</source>
        <translation>&amp;Giorno di ambulatorio:</translation>
    </message>
    <message>
        <source>Clinic day of the worklist</source>
        <translation>Giorno di ambulatorio dell&apos;elenco</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>Filtra per codice o nome</translation>
    </message>
    <message>
        <source>Filter the worklist by code or name</source>
        <translation>Filtra l&apos;elenco per codice o nome</translation>
    </message>
    <message>
        <source>Which visits to show</source>
        <translation>Quali visite mostrare</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>Da fare e in ritardo</translation>
    </message>
    <message>
        <source>Due on this day</source>
        <translation>Da fare in questo giorno</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Solo in ritardo</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} di {total} mostrate</translation>
    </message>
    <message>
        <source>target {date}</source>
        <translation>data prevista {date}</translation>
    </message>
    <message>
        <source>target from {start} to {end}</source>
        <translation>data prevista dal {start} al {end}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{due} due&lt;/b&gt; ({since}) and &lt;b&gt;{overdue} overdue&lt;/b&gt; (past the target, window still open). Select one and press &lt;b&gt;Enter&lt;/b&gt; to start entry.</source>
        <translation>&lt;b&gt;{due} da fare&lt;/b&gt; ({since}) e &lt;b&gt;{overdue} in ritardo&lt;/b&gt; (oltre la data prevista, finestra ancora aperta). Selezionatene una e premete &lt;b&gt;Invio&lt;/b&gt; per iniziare l&apos;inserimento.</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Visite del {date}</translation>
    </message>
    <message>
        <source>{name} ({due} + {overdue} overdue)</source>
        <translation>{name} ({due} + {overdue} in ritardo)</translation>
    </message>
    <message>
        <source>No scheduled visit is due or overdue on {date}.</source>
        <translation>Nessuna visita programmata da fare o in ritardo il {date}.</translation>
    </message>
    <message>
        <source>No visit on this list matches the filter.</source>
        <translation>Nessuna visita di questo elenco corrisponde al filtro.</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>Locked</source>
        <translation>Bloccato</translation>
    </message>
</context>
</TS>
