<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
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
        <translation>&amp;Esci</translation>
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
        <translation>&amp;Impostazioni…</translation>
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
        <translation>Risposte del p&amp;aziente sullo schermo…</translation>
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
        <translation>flusso VGI</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Riepilogo</translation>
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
        <translation>&amp;Account ({username})</translation>
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
        <translation>(motivo se senza risposta)</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>mancante: {reason}</translation>
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
        <source>Please choose the forms done at this visit.</source>
        <translation>Scegliete i moduli eseguiti in questa visita.</translation>
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
        <source>Not saved: {why}. Your input is kept in this window.</source>
        <translation>Non salvata: {why}. Quanto inserito resta in questa finestra.</translation>
    </message>
    <message>
        <source>Close the visit entry?</source>
        <translation>Chiudere l&apos;inserimento della visita?</translation>
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
</TS>
