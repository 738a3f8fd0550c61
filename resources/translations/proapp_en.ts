<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>The two passwords differ</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>e.g. m.rossi</source>
        <translation>e.g. m.rossi</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>{name}: first start</source>
        <translation>{name}: first start</translation>
    </message>
    <message>
        <source>Welcome. Create the administrator account first: the administrator adds the nurses and clinicians, and is the only one who may change clinic settings or restore a backup. Keep the password safe; nobody can read it back.</source>
        <translation>Welcome. Create the administrator account first: the administrator adds the nurses and clinicians, and is the only one who may change clinic settings or restore a backup. Keep the password safe; nobody can read it back.</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>{name}: sign in</source>
        <translation>{name}: sign in</translation>
    </message>
    <message>
        <source>Sign in to {database}</source>
        <translation>Sign in to {database}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>{n} failed attempts: wait {seconds} s.</source>
        <translation>{n} failed attempts: wait {seconds} s.</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Change your password</translation>
    </message>
    <message>
        <source>Change the password of {username}. It must have at least {n} characters; a short sentence is easy to remember and hard to guess.</source>
        <translation>Change the password of {username}. It must have at least {n} characters; a short sentence is easy to remember and hard to guess.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>Change lo&amp;g…</source>
        <translation>Change lo&amp;g…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>Cohort &amp;analysis…</source>
        <translation>Cohort &amp;analysis…</translation>
    </message>
    <message>
        <source>Friedman and Spearman by MS subtype and symptom group, as in the study</source>
        <translation>Friedman and Spearman by MS subtype and symptom group, as in the study</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Export the database</source>
        <translation>Export the database</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Import data into the database</source>
        <translation>Import data into the database</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;New patient…</translation>
    </message>
    <message>
        <source>Register a new patient</source>
        <translation>Register a new patient</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>&amp;Edit patient…</translation>
    </message>
    <message>
        <source>Edit the patient's details and PTA dates</source>
        <translation>Edit the patient's details and PTA dates</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Report…</translation>
    </message>
    <message>
        <source>Trend report for the selected patient</source>
        <translation>Trend report for the selected patient</translation>
    </message>
    <message>
        <source>Reports for &amp;selected patients…</source>
        <translation>Reports for &amp;selected patients…</translation>
    </message>
    <message>
        <source>Save the trend reports of the patients selected in the list</source>
        <translation>Save the trend reports of the patients selected in the list</translation>
    </message>
    <message>
        <source>&amp;Reload lists</source>
        <translation>&amp;Reload lists</translation>
    </message>
    <message>
        <source>Read the patient list and worklist again</source>
        <translation>Read the patient list and worklist again</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Quit proapp</source>
        <translation>Quit proapp</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>&amp;Open patient</translation>
    </message>
    <message>
        <source>Open the selected patient (Enter)</source>
        <translation>Open the selected patient (Enter)</translation>
    </message>
    <message>
        <source>&amp;Close patient tab</source>
        <translation>&amp;Close patient tab</translation>
    </message>
    <message>
        <source>Close the open patient tab</source>
        <translation>Close the open patient tab</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Find patient</translation>
    </message>
    <message>
        <source>Search the patient list</source>
        <translation>Search the patient list</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Patients</translation>
    </message>
    <message>
        <source>Show the patient list</source>
        <translation>Show the patient list</translation>
    </message>
    <message>
        <source>&amp;Due today</source>
        <translation>&amp;Due today</translation>
    </message>
    <message>
        <source>Show the visits due or overdue today</source>
        <translation>Show the visits due or overdue today</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Clinic settings: name, idle lock, backups, reports, clinic days</source>
        <translation>Clinic settings: name, idle lock, backups, reports, clinic days</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Language…</translation>
    </message>
    <message>
        <source>The language of the screens on this computer</source>
        <translation>The language of the screens on this computer</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>List the keyboard shortcuts</translation>
    </message>
    <message>
        <source>Open &amp;training database…</source>
        <translation>Open &amp;training database…</translation>
    </message>
    <message>
        <source>Database &amp;connection…</source>
        <translation>Database &amp;connection…</translation>
    </message>
    <message>
        <source>Use a shared PostgreSQL server or the local database file</source>
        <translation>Use a shared PostgreSQL server or the local database file</translation>
    </message>
    <message>
        <source>&amp;About proapp</source>
        <translation>&amp;About proapp</translation>
    </message>
    <message>
        <source>Version and database</source>
        <translation>Version and database</translation>
    </message>
    <message>
        <source>New &amp;visit…</source>
        <translation>New &amp;visit…</translation>
    </message>
    <message>
        <source>Enter a visit for the selected patient</source>
        <translation>Enter a visit for the selected patient</translation>
    </message>
    <message>
        <source>Patient &amp;answers on screen…</source>
        <translation>Patient &amp;answers on screen…</translation>
    </message>
    <message>
        <source>Let the selected patient answer the visit's questionnaires on the screen</source>
        <translation>Let the selected patient answer the visit's questionnaires on the screen</translation>
    </message>
    <message>
        <source>&amp;Double entry…</source>
        <translation>&amp;Double entry…</translation>
    </message>
    <message>
        <source>Second entries of paper forms, differences to resolve, agreement report</source>
        <translation>Second entries of paper forms, differences to resolve, agreement report</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>The administrator adds the nurses and clinicians, changes clinic settings and restores backups.</source>
        <translation>The administrator adds the nurses and clinicians, changes clinic settings and restores backups.</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Create administrator</translation>
    </message>
    <message>
        <source>Keep the password safe: nobody can read it back, and without an administrator no new account can be made.</source>
        <translation>Keep the password safe: nobody can read it back, and without an administrator no new account can be made.</translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>The clinic's name is printed at the top of every report.</source>
        <translation>The clinic's name is printed at the top of every report.</translation>
    </message>
    <message>
        <source>e.g. MS Centre, Vascular Unit</source>
        <translation>e.g. MS Centre, Vascular Unit</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>Clinic &amp;name:</translation>
    </message>
    <message>
        <source>Left blank, reports print no clinic name.</source>
        <translation>Left blank, reports print no clinic name.</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>PTA date</source>
        <translation>PTA date</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Next visit due</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Visit date</translation>
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
        <translation>Flow</translation>
    </message>
    <message>
        <source>Window closes</source>
        <translation>Window closes</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Backup failed</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>The daily backup could not be written: {error}

proapp continues; ask IT to check the backup folder (setting backup_dir).</source>
        <translation>The daily backup could not be written: {error}

proapp continues; ask IT to check the backup folder (setting backup_dir).</translation>
    </message>
</context>
<context>
    <name>ExpectationBanner</name>
    <message>
        <source>{form} was ticked as done at this visit ({visit}). To leave it out, untick it on the Visit page.</source>
        <translation>{form} was ticked as done at this visit ({visit}). To leave it out, untick it on the Visit page.</translation>
    </message>
    <message>
        <source>{visit} expects {form}. To leave it out, tick “not done at this visit” and give a reason.</source>
        <translation>{visit} expects {form}. To leave it out, tick “not done at this visit” and give a reason.</translation>
    </message>
    <message>
        <source>{visit} does not expect {form}: leave the page empty to skip it, or enter it if it was done.</source>
        <translation>{visit} does not expect {form}: leave the page empty to skip it, or enter it if it was done.</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>supine</source>
        <translation>supine</translation>
    </message>
    <message>
        <source>upright</source>
        <translation>upright</translation>
    </message>
    <message>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <source>Supine</source>
        <translation>Supine</translation>
    </message>
    <message>
        <source>Upright</source>
        <translation>Upright</translation>
    </message>
    <message>
        <source>Left IJV</source>
        <translation>Left IJV</translation>
    </message>
    <message>
        <source>Right IJV</source>
        <translation>Right IJV</translation>
    </message>
    <message>
        <source>{posture} {side}</source>
        <translation>{posture} {side}</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>{flow} — Duplex ultrasound</source>
        <translation>{flow} — Duplex ultrasound</translation>
    </message>
    <message>
        <source>Per vein, enter the flow in {unit}, or leave it empty and enter the time-averaged mean velocity and the cross-sectional area: the flow is computed. Enter moves left → right; Tab reaches stenosis and the optional posture.</source>
        <translation>Per vein, enter the flow in {unit}, or leave it empty and enter the time-averaged mean velocity and the cross-sectional area: the flow is computed. Enter moves left → right; Tab reaches stenosis and the optional posture.</translation>
    </message>
    <message>
        <source>{posture} (optional)</source>
        <translation>{posture} (optional)</translation>
    </message>
    <message>
        <source>Total {posture}: {total} {unit}</source>
        <translation>Total {posture}: {total} {unit}</translation>
    </message>
    <message>
        <source>Total {posture}: —</source>
        <translation>Total {posture}: —</translation>
    </message>
    <message>
        <source>Total {posture}: — (needs left and right)</source>
        <translation>Total {posture}: — (needs left and right)</translation>
    </message>
</context>
<context>
    <name>FlowSide</name>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>flow</translation>
    </message>
    <message>
        <source>or mean velocity</source>
        <translation>or mean velocity</translation>
    </message>
    <message>
        <source>velocity</source>
        <translation>velocity</translation>
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
        <translation>Stenosis</translation>
    </message>
    <message>
        <source>% (optional)</source>
        <translation>% (optional)</translation>
    </message>
    <message>
        <source>= {flow} {unit} (computed: velocity × area × 60)</source>
        <translation>= {flow} {unit} (computed: velocity × area × 60)</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>IJV flow</source>
        <translation>IJV flow</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language of proapp's screens on this computer, for your account. Each patient's reports are in the patient's own language, chosen in the patient's details.</source>
        <translation>The language of proapp's screens on this computer, for your account. Each patient's reports are in the patient's own language, chosen in the patient's details.</translation>
    </message>
    <message>
        <source>&amp;Screens in:</source>
        <translation>&amp;Screens in:</translation>
    </message>
    <message>
        <source>proapp speaks {language} from its next start on this computer.</source>
        <translation>proapp speaks {language} from its next start on this computer.</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Welcome to {name}</source>
        <translation>Welcome to {name}</translation>
    </message>
    <message>
        <source>Three short steps prepare this workstation: where the data is kept, the administrator account and the clinic's name.</source>
        <translation>Three short steps prepare this workstation: where the data is kept, the administrator account and the clinic's name.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The clinic's database is one file. It is created in your user data folder, which only your account can read. IT may choose another place, for example a folder that is backed up every night.</source>
        <translation>The clinic's database is one file. It is created in your user data folder, which only your account can read. IT may choose another place, for example a folder that is backed up every night.</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>&amp;Database file:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Logs are written to &lt;code&gt;{folder}&lt;/code&gt;.&lt;br&gt;proapp also keeps a backup of the database every day it is started.</source>
        <translation>Logs are written to &lt;code&gt;{folder}&lt;/code&gt;.&lt;br&gt;proapp also keeps a backup of the database every day it is started.</translation>
    </message>
    <message>
        <source>Where should the database be created?</source>
        <translation>Where should the database be created?</translation>
    </message>
    <message>
        <source>proapp database (*.db);;All files (*)</source>
        <translation>proapp database (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Give the database file</source>
        <translation>Give the database file</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Signed in: {username}</source>
        <translation>Signed in: {username}</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Loading patients…</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) loaded</source>
        <translation>
            <numerusform>%n patient loaded</numerusform>
            <numerusform>%n patients loaded</numerusform>
        </translation>
    </message>
    <message>
        <source>The patient list could not be loaded</source>
        <translation>The patient list could not be loaded</translation>
    </message>
    <message>
        <source>load the patient list</source>
        <translation>load the patient list</translation>
    </message>
    <message>
        <source>open the patient</source>
        <translation>open the patient</translation>
    </message>
    <message>
        <source>No setting changed</source>
        <translation>No setting changed</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) saved</source>
        <translation>
            <numerusform>%n setting saved</numerusform>
            <numerusform>%n settings saved</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit entry is still open</source>
        <translation>Visit entry is still open</translation>
    </message>
    <message numerus="yes">
        <source>%n visit entry(ies) still open and not completed.

What has been entered so far is kept as a draft and offered again when you open the patient, but the visit is not complete. Close proapp anyway?</source>
        <translation>
            <numerusform>%n visit entry is still open and not completed.

What has been entered so far is kept as a draft and offered again when you open the patient, but the visit is not complete. Close proapp anyway?</numerusform>
            <numerusform>%n visit entries are still open and not completed.

What has been entered so far is kept as a draft and offered again when you open the patient, but the visit is not complete. Close proapp anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Return to entry</source>
        <translation>Return to entry</translation>
    </message>
    <message>
        <source>Close proapp</source>
        <translation>Close proapp</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>The new database connection is used from the next start of proapp on this computer.</source>
        <translation>The new database connection is used from the next start of proapp on this computer.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
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
        <translation>F – female</translation>
    </message>
    <message>
        <source>M – male</source>
        <translation>M – male</translation>
    </message>
    <message>
        <source>X – other / not stated</source>
        <translation>X – other / not stated</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>New patient</translation>
    </message>
    <message>
        <source>Edit patient {code}</source>
        <translation>Edit patient {code}</translation>
    </message>
    <message>
        <source>e.g. P0123</source>
        <translation>e.g. P0123</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>choose…</translation>
    </message>
    <message>
        <source>optional, e.g. 2004</source>
        <translation>optional, e.g. 2004</translation>
    </message>
    <message>
        <source>Headache-positive</source>
        <translation>Headache-positive</translation>
    </message>
    <message>
        <source>Fatigue-positive</source>
        <translation>Fatigue-positive</translation>
    </message>
    <message>
        <source>Patient &amp;code</source>
        <translation>Patient &amp;code</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Family name</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Given name</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Birth date</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <source>&amp;MS subtype</source>
        <translation>&amp;MS subtype</translation>
    </message>
    <message>
        <source>&amp;Diagnosis year</source>
        <translation>&amp;Diagnosis year</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>Report &amp;language</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>PTA procedures</source>
        <translation>PTA procedures</translation>
    </message>
    <message>
        <source>PTA date</source>
        <translation>PTA date</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;Add PTA date</source>
        <translation>&amp;Add PTA date</translation>
    </message>
    <message>
        <source>Leave the date empty if the PTA has not been done yet.</source>
        <translation>Leave the date empty if the PTA has not been done yet.</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fill in the patient code, names, birth date, sex and MS subtype; Save is possible once nothing is missing.</source>
        <translation>Fill in the patient code, names, birth date, sex and MS subtype; Save is possible once nothing is missing.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries need completing or correcting before the patient can be saved.</source>
        <translation>
            <numerusform>%n entry needs completing or correcting before the patient can be saved.</numerusform>
            <numerusform>%n entries need completing or correcting before the patient can be saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>save the patient</source>
        <translation>save the patient</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>The patient has not been saved. Discard what you typed?</source>
        <translation>The patient has not been saved. Discard what you typed?</translation>
    </message>
</context>
<context>
    <name>PatientList</name>
    <message>
        <source>Headache+</source>
        <translation>Headache+</translation>
    </message>
    <message>
        <source>Fatigue+</source>
        <translation>Fatigue+</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <source>{label} (no PTA date yet)</source>
        <translation>{label} (no PTA date yet)</translation>
    </message>
    <message>
        <source>{title}: target {target}, window {start} to {end} ({state})</source>
        <translation>{title}: target {target}, window {start} to {end} ({state})</translation>
    </message>
    <message>
        <source>; a draft is saved</source>
        <translation>; a draft is saved</translation>
    </message>
</context>
<context>
    <name>PatientListTab</name>
    <message>
        <source>Search code or name   (Ctrl+F)</source>
        <translation>Search code or name   (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search patients by code or name</source>
        <translation>Search patients by code or name</translation>
    </message>
    <message>
        <source>MS subtype filter</source>
        <translation>MS subtype filter</translation>
    </message>
    <message>
        <source>All subtypes</source>
        <translation>All subtypes</translation>
    </message>
    <message>
        <source>Hea&amp;dache+</source>
        <translation>Hea&amp;dache+</translation>
    </message>
    <message>
        <source>Only headache-positive patients</source>
        <translation>Only headache-positive patients</translation>
    </message>
    <message>
        <source>Fa&amp;tigue+</source>
        <translation>Fa&amp;tigue+</translation>
    </message>
    <message>
        <source>Only fatigue-positive patients</source>
        <translation>Only fatigue-positive patients</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Loading patients…</translation>
    </message>
    <message>
        <source>{shown} of {total} patients</source>
        <translation>{shown} of {total} patients</translation>
    </message>
    <message>
        <source>No patients in this database yet.

Press Ctrl+N to register the first patient. To practise first, choose Help → Open training database: synthetic demo patients in a separate window and file.</source>
        <translation>No patients in this database yet.

Press Ctrl+N to register the first patient. To practise first, choose Help → Open training database: synthetic demo patients in a separate window and file.</translation>
    </message>
    <message>
        <source>No patient matches the search and filters.
Esc in the search box clears the search.</source>
        <translation>No patient matches the search and filters.
Esc in the search box clears the search.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more match(es) the search but not the filters</source>
        <translation>
            <numerusform>%n more matches the search but not the filters</numerusform>
            <numerusform>%n more match the search but not the filters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>other / not stated</source>
        <translation>other / not stated</translation>
    </message>
    <message>
        <source>Age / sex</source>
        <translation>Age / sex</translation>
    </message>
    <message>
        <source>MS subtype</source>
        <translation>MS subtype</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>PTA</source>
        <translation>PTA</translation>
    </message>
    <message>
        <source>no completed values yet</source>
        <translation>no completed values yet</translation>
    </message>
    <message>
        <source>months since PTA (dashed line = PTA)</source>
        <translation>months since PTA (dashed line = PTA)</translation>
    </message>
    <message>
        <source>Resume draft</source>
        <translation>Resume draft</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Enter a new visit (Ctrl+Shift+V)</source>
        <translation>Enter a new visit (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Open visit</source>
        <translation>Open visit</translation>
    </message>
    <message>
        <source>Open the selected visit, or start it (Enter)</source>
        <translation>Open the selected visit, or start it (Enter)</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Edit patient</translation>
    </message>
    <message>
        <source>Edit the patient's details and PTA dates (Ctrl+E)</source>
        <translation>Edit the patient's details and PTA dates (Ctrl+E)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Trend report for this patient (Ctrl+R)</source>
        <translation>Trend report for this patient (Ctrl+R)</translation>
    </message>
    <message>
        <source>Sign visit…</source>
        <translation>Sign visit…</translation>
    </message>
    <message>
        <source>Unlock visit…</source>
        <translation>Unlock visit…</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Everything for this &amp;patient…</source>
        <translation>Everything for this &amp;patient…</translation>
    </message>
    <message>
        <source>The selected &amp;visit…</source>
        <translation>The selected &amp;visit…</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>(synthetic demo patient)</source>
        <translation>(synthetic demo patient)</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>age unknown</translation>
    </message>
    <message>
        <source>(born {date})</source>
        <translation>(born {date})</translation>
    </message>
    <message>
        <source>diagnosed {year}</source>
        <translation>diagnosed {year}</translation>
    </message>
    <message>
        <source>headache-positive</source>
        <translation>headache-positive</translation>
    </message>
    <message>
        <source>fatigue-positive</source>
        <translation>fatigue-positive</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>no PTA recorded yet</source>
        <translation>no PTA recorded yet</translation>
    </message>
    <message>
        <source>The {label} visit ({title}) of {date} is a draft, entered by {who} and not completed yet. Press Enter on it in the list, or Resume draft, to go on where it was left.</source>
        <translation>The {label} visit ({title}) of {date} is a draft, entered by {who} and not completed yet. Press Enter on it in the list, or Resume draft, to go on where it was left.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message numerus="yes">
        <source>(%n drafts in all.)</source>
        <translation>
            <numerusform>(%n draft in all.)</numerusform>
            <numerusform>(%n drafts in all.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a clinician may sign visits</source>
        <translation>Only a clinician may sign visits</translation>
    </message>
    <message>
        <source>Sign the selected completed visit (password re-entered); it becomes read-only</source>
        <translation>Sign the selected completed visit (password re-entered); it becomes read-only</translation>
    </message>
    <message>
        <source>Only a clinician may unlock signed visits</source>
        <translation>Only a clinician may unlock signed visits</translation>
    </message>
    <message>
        <source>Unlock the selected signed visit, with a reason, so it can be corrected</source>
        <translation>Unlock the selected signed visit, with a reason, so it can be corrected</translation>
    </message>
    <message>
        <source>Start the {label} visit</source>
        <translation>Start the {label} visit</translation>
    </message>
</context>
<context>
    <name>PlainError</name>
    <message>
        <source>Please check the input</source>
        <translation>Please check the input</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>The database cannot be used</translation>
    </message>
    <message>
        <source>The database is busy</source>
        <translation>The database is busy</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>The disk is full</translation>
    </message>
    <message>
        <source>The database is read-only</source>
        <translation>The database is read-only</translation>
    </message>
    <message>
        <source>The database cannot be reached</source>
        <translation>The database cannot be reached</translation>
    </message>
    <message>
        <source>The database server cannot be reached</source>
        <translation>The database server cannot be reached</translation>
    </message>
    <message>
        <source>The database could not be read or written</source>
        <translation>The database could not be read or written</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>No permission</translation>
    </message>
    <message>
        <source>proapp cannot open the database</source>
        <translation>proapp cannot open the database</translation>
    </message>
    <message>
        <source>Could not {doing}.</source>
        <translation>Could not {doing}.</translation>
    </message>
</context>
<context>
    <name>PtaSide</name>
    <message>
        <source>bilateral</source>
        <translation>bilateral</translation>
    </message>
    <message>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <source>right</source>
        <translation>right</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <source>Translation not validated — replace with the licensed validated version ({language}, {edition}). Ask the administrator to install the clinic's texts (proapp instruments install FILE).</source>
        <translation>Translation not validated — replace with the licensed validated version ({language}, {edition}). Ask the administrator to install the clinic's texts (proapp instruments install FILE).</translation>
    </message>
    <message>
        <source>Recall period: {period}.</source>
        <translation>Recall period: {period}.</translation>
    </message>
    <message>
        <source>An item the patient does not answer: type {prefix} then {codes}.</source>
        <translation>An item the patient does not answer: type {prefix} then {codes}.</translation>
    </message>
    <message>
        <source>{name} item {label}</source>
        <translation>{name} item {label}</translation>
    </message>
    <message>
        <source>(reason if unanswered)</source>
        <translation>(reason if unanswered)</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>missing: {reason}</translation>
    </message>
    <message>
        <source>why item {label} is missing</source>
        <translation>why item {label} is missing</translation>
    </message>
    <message>
        <source>Item {label} is empty. Press Enter again to leave it unanswered, or type {prefix} then {codes}.</source>
        <translation>Item {label} is empty. Press Enter again to leave it unanswered, or type {prefix} then {codes}.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Unexpected error: {error}

Details are in the log.</source>
        <translation>Unexpected error: {error}

Details are in the log.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Select one or more patients first.</source>
        <translation>Select one or more patients first.</translation>
    </message>
    <message>
        <source>Folder for the reports</source>
        <translation>Folder for the reports</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Patient trend report</source>
        <translation>Patient trend report</translation>
    </message>
    <message>
        <source>Paper size of the PDF</source>
        <translation>Paper size of the PDF</translation>
    </message>
    <message>
        <source>the patient's</source>
        <translation>the patient's</translation>
    </message>
    <message>
        <source>Language of the report (the patient's by default)</source>
        <translation>Language of the report (the patient's by default)</translation>
    </message>
    <message>
        <source>&amp;De-identified (no name, birth date or free text)</source>
        <translation>&amp;De-identified (no name, birth date or free text)</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save this PDF (Ctrl+S)</source>
        <translation>Save this PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print this report (Ctrl+P)</source>
        <translation>Print this report (Ctrl+P)</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Building the report</source>
        <translation>Building the report</translation>
    </message>
    <message>
        <source>Drawing the pages</source>
        <translation>Drawing the pages</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>The report could not be made: {error}</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Preparing the report</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Page {page} of {total}</translation>
    </message>
    <message numerus="yes">
        <source>{code}: de-identified report in {language}, %n page(s)</source>
        <translation>
            <numerusform>{code}: de-identified report in {language}, %n page</numerusform>
            <numerusform>{code}: de-identified report in {language}, %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{code}: report in {language}, %n page(s)</source>
        <translation>
            <numerusform>{code}: report in {language}, %n page</numerusform>
            <numerusform>{code}: report in {language}, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Trend report – {code}</source>
        <translation>Trend report – {code}</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Saved to {file}</translation>
    </message>
    <message numerus="yes">
        <source>{code}: %n page(s) sent to the printer</source>
        <translation>
            <numerusform>{code}: %n page sent to the printer</numerusform>
            <numerusform>{code}: %n pages sent to the printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>nurse</source>
        <translation>nurse</translation>
    </message>
    <message>
        <source>clinician</source>
        <translation>clinician</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
</context>
<context>
    <name>Score</name>
    <message>
        <source>MIDAS total</source>
        <translation>MIDAS total</translation>
    </message>
    <message>
        <source>MIDAS grade</source>
        <translation>MIDAS grade</translation>
    </message>
    <message>
        <source>FSS mean</source>
        <translation>FSS mean</translation>
    </message>
    <message>
        <source>FSS total</source>
        <translation>FSS total</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>— (correct the marked answers)</source>
        <translation>— (correct the marked answers)</translation>
    </message>
    <message>
        <source>— (needs every item)</source>
        <translation>— (needs every item)</translation>
    </message>
</context>
<context>
    <name>SelfReport</name>
    <message>
        <source>This answer could not be saved. Please tell the staff; your other answers are kept.</source>
        <translation>This answer could not be saved. Please tell the staff; your other answers are kept.</translation>
    </message>
    <message>
        <source>{name}, question {label}</source>
        <translation>{name}, question {label}</translation>
    </message>
    <message>
        <source>I prefer not to answer</source>
        <translation>I prefer not to answer</translation>
    </message>
    <message>
        <source>answer {value}</source>
        <translation>answer {value}</translation>
    </message>
    <message>
        <source>Your answer, from {minimum} to {maximum} {unit}:</source>
        <translation>Your answer, from {minimum} to {maximum} {unit}:</translation>
    </message>
    <message>
        <source>delete the last digit</source>
        <translation>delete the last digit</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>For the staff: leave the patient's questionnaire (needs a password)</source>
        <translation>For the staff: leave the patient's questionnaire (needs a password)</translation>
    </message>
    <message>
        <source>Thank you. You have answered every question.</source>
        <translation>Thank you. You have answered every question.</translation>
    </message>
    <message>
        <source>Please give the device back to the staff. You can still go back and change an answer.</source>
        <translation>Please give the device back to the staff. You can still go back and change an answer.</translation>
    </message>
    <message>
        <source>Give the device back to the staff</source>
        <translation>Give the device back to the staff</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Question %v of %m</source>
        <translation>Question %v of %m</translation>
    </message>
    <message>
        <source>Time period: {period}</source>
        <translation>Time period: {period}</translation>
    </message>
    <message>
        <source>%v of %m questions answered</source>
        <translation>%v of %m questions answered</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>SkipBox</name>
    <message>
        <source>{form} not done at this visit — reason:</source>
        <translation>{form} not done at this visit — reason:</translation>
    </message>
    <message>
        <source>why it was not done (required to skip an expected form)</source>
        <translation>why it was not done (required to skip an expected form)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <source>unscheduled</source>
        <translation>unscheduled</translation>
    </message>
    <message>
        <source>{state} (draft)</source>
        <translation>{state} (draft)</translation>
    </message>
    <message>
        <source>{state}, signed</source>
        <translation>{state}, signed</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>complete; signed; entered by {who}</source>
        <translation>complete; signed; entered by {who}</translation>
    </message>
    <message>
        <source>draft; signed; entered by {who}</source>
        <translation>draft; signed; entered by {who}</translation>
    </message>
    <message>
        <source>complete; entered by {who}</source>
        <translation>complete; entered by {who}</translation>
    </message>
    <message>
        <source>draft; entered by {who}</source>
        <translation>draft; entered by {who}</translation>
    </message>
    <message>
        <source>MIDAS total in days (grade)</source>
        <translation>MIDAS total in days (grade)</translation>
    </message>
    <message>
        <source>FSS mean score (1-7)</source>
        <translation>FSS mean score (1-7)</translation>
    </message>
    <message>
        <source>Total supine IJV flow, mL/min</source>
        <translation>Total supine IJV flow, mL/min</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Practise with synthetic patients before entering real ones.</source>
        <translation>Practise with synthetic patients before entering real ones.</translation>
    </message>
    <message>
        <source>Create a &amp;training database with {n} synthetic demo patients</source>
        <translation>Create a &amp;training database with {n} synthetic demo patients</translation>
    </message>
    <message>
        <source>The demo patients are invented (codes DEMO-0001 and on). They go into a &lt;b&gt;separate file&lt;/b&gt;, &lt;code&gt;{file}&lt;/code&gt;, and never into the clinic's database. Open it with &lt;i&gt;Help → Open training database&lt;/i&gt;; its window says &lt;b&gt;{mark}&lt;/b&gt; and its reports carry a SYNTHETIC DEMO DATA banner. The training database has its own accounts: the first person to open it creates its administrator.</source>
        <translation>The demo patients are invented (codes DEMO-0001 and on). They go into a &lt;b&gt;separate file&lt;/b&gt;, &lt;code&gt;{file}&lt;/code&gt;, and never into the clinic's database. Open it with &lt;i&gt;Help → Open training database&lt;/i&gt;; its window says &lt;b&gt;{mark}&lt;/b&gt; and its reports carry a SYNTHETIC DEMO DATA banner. The training database has its own accounts: the first person to open it creates its administrator.</translation>
    </message>
    <message>
        <source>Creating the training database…</source>
        <translation>Creating the training database…</translation>
    </message>
    <message>
        <source>The training database could not be created: {error}</source>
        <translation>The training database could not be created: {error}</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>{visit}: no form is expected. Tick the forms done at this visit (Space ticks, Enter moves on): their pages follow.</source>
        <translation>{visit}: no form is expected. Tick the forms done at this visit (Space ticks, Enter moves on): their pages follow.</translation>
    </message>
    <message>
        <source>{visit} expects: {forms}.</source>
        <translation>{visit} expects: {forms}.</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Visit &amp;label</source>
        <translation>Visit &amp;label</translation>
    </message>
    <message>
        <source>Visit &amp;date</source>
        <translation>Visit &amp;date</translation>
    </message>
    <message>
        <source>Forms done at this visit:</source>
        <translation>Forms done at this visit:</translation>
    </message>
    <message>
        <source>Enter: continue · Alt+N next · Alt+B / Esc back · Ctrl+S save from the review page · Ctrl+1…5 jump to a page</source>
        <translation>Enter: continue · Alt+N next · Alt+B / Esc back · Ctrl+S save from the review page · Ctrl+1…5 jump to a page</translation>
    </message>
    <message>
        <source>, draft</source>
        <translation>, draft</translation>
    </message>
    <message>
        <source>{label} — {visit} ({state}; window {start} to {end})</source>
        <translation>{label} — {visit} ({state}; window {start} to {end})</translation>
    </message>
    <message>
        <source>label</source>
        <translation>label</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visit</translation>
    </message>
    <message>
        <source>target</source>
        <translation>target</translation>
    </message>
    <message>
        <source>window</source>
        <translation>window</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>forms</source>
        <translation>forms</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation> (draft)</translation>
    </message>
</context>
<context>
    <name>VisitState</name>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>upcoming</translation>
    </message>
</context>
<context>
    <name>VisitWizard</name>
    <message>
        <source>{code} · {family}, {given} · born {birth}</source>
        <translation>{code} · {family}, {given} · born {birth}</translation>
    </message>
    <message>
        <source>PTA {date}</source>
        <translation>PTA {date}</translation>
    </message>
    <message>
        <source>no PTA recorded</source>
        <translation>no PTA recorded</translation>
    </message>
    <message>
        <source>questionnaires in {language}</source>
        <translation>questionnaires in {language}</translation>
    </message>
    <message>
        <source>Visit entry — {code} {family}, {given}</source>
        <translation>Visit entry — {code} {family}, {given}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Editing a completed visit: changes need a reason, entered by {who}.</source>
        <translation>Editing a completed visit: changes need a reason, entered by {who}.</translation>
    </message>
    <message>
        <source>Editing a draft, entered by {who}.</source>
        <translation>Editing a draft, entered by {who}.</translation>
    </message>
    <message>
        <source>— not done</source>
        <translation>— not done</translation>
    </message>
    <message>
        <source>(not expected)</source>
        <translation>(not expected)</translation>
    </message>
    <message>
        <source>Back (Alt+B)</source>
        <translation>Back (Alt+B)</translation>
    </message>
    <message>
        <source>Next (Alt+N)</source>
        <translation>Next (Alt+N)</translation>
    </message>
    <message>
        <source>Save visit (Ctrl+S)</source>
        <translation>Save visit (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Patient answers on screen…</source>
        <translation>Patient answers on screen…</translation>
    </message>
    <message>
        <source>Give the screen to the patient to answer the questionnaires themselves; a staff password leaves it</source>
        <translation>Give the screen to the patient to answer the questionnaires themselves; a staff password leaves it</translation>
    </message>
    <message>
        <source>This visit is signed and locked: it can be read here; a clinician must unlock it before it can be changed.</source>
        <translation>This visit is signed and locked: it can be read here; a clinician must unlock it before it can be changed.</translation>
    </message>
    <message>
        <source>Editing a completed visit: nothing is stored until you save it with a reason on the review page.</source>
        <translation>Editing a completed visit: nothing is stored until you save it with a reason on the review page.</translation>
    </message>
    <message>
        <source>Draft resumed (last saved {time}).</source>
        <translation>Draft resumed (last saved {time}).</translation>
    </message>
    <message>
        <source>Draft not saved: {why}</source>
        <translation>Draft not saved: {why}</translation>
    </message>
    <message>
        <source>Draft saved {time}; the values marked in red are not stored until they are corrected.</source>
        <translation>Draft saved {time}; the values marked in red are not stored until they are corrected.</translation>
    </message>
    <message>
        <source>Draft saved {time}; saving the latest change…</source>
        <translation>Draft saved {time}; saving the latest change…</translation>
    </message>
    <message>
        <source>Draft saved {time}: everything entered is stored.</source>
        <translation>Draft saved {time}: everything entered is stored.</translation>
    </message>
    <message>
        <source>Please choose the forms done at this visit.</source>
        <translation>Please choose the forms done at this visit.</translation>
    </message>
    <message>
        <source>Not saved: correct the errors listed on the review page (click a page on the left or press Ctrl+1…5).</source>
        <translation>Not saved: correct the errors listed on the review page (click a page on the left or press Ctrl+1…5).</translation>
    </message>
    <message>
        <source>Not saved: please check the warnings and tick the confirmation (Space).</source>
        <translation>Not saved: please check the warnings and tick the confirmation (Space).</translation>
    </message>
    <message>
        <source>Not saved: give a reason for changing a completed visit.</source>
        <translation>Not saved: give a reason for changing a completed visit.</translation>
    </message>
    <message>
        <source>Not saved: please confirm the warnings.</source>
        <translation>Not saved: please confirm the warnings.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Not saved: {why}</translation>
    </message>
    <message>
        <source>Not saved: {why}. Your input is kept in this window.</source>
        <translation>Not saved: {why}. Your input is kept in this window.</translation>
    </message>
    <message>
        <source>Close the visit entry?</source>
        <translation>Close the visit entry?</translation>
    </message>
    <message>
        <source>Some of your input is not stored (fields with errors, or a change that could not be saved). Close and lose it?</source>
        <translation>Some of your input is not stored (fields with errors, or a change that could not be saved). Close and lose it?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Close and lose it</source>
        <translation>Close and lose it</translation>
    </message>
    <message>
        <source>supine</source>
        <translation>supine</translation>
    </message>
    <message>
        <source>upright</source>
        <translation>upright</translation>
    </message>
    <message>
        <source>MIDAS {total}, grade {grade}</source>
        <translation>MIDAS {total}, grade {grade}</translation>
    </message>
    <message>
        <source>{posture} flow {total} mL/min</source>
        <translation>{posture} flow {total} mL/min</translation>
    </message>
    <message>
        <source>{label} saved for {code}</source>
        <translation>{label} saved for {code}</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>TRAINING DATABASE — synthetic demo patients</source>
        <translation>TRAINING DATABASE — synthetic demo patients</translation>
    </message>
    <message>
        <source>Open training database</source>
        <translation>Open training database</translation>
    </message>
    <message>
        <source>proapp could not be started on {file}.</source>
        <translation>proapp could not be started on {file}.</translation>
    </message>
    <message>
        <source>The training database opens in a new window (synthetic patients); sign in there as {username}.</source>
        <translation>The training database opens in a new window (synthetic patients); sign in there as {username}.</translation>
    </message>
    <message>
        <source>The training database opens in a new window (synthetic patients).</source>
        <translation>The training database opens in a new window (synthetic patients).</translation>
    </message>
    <message>
        <source>There is no training database yet. Create it now with {n} synthetic demo patients?

{file}</source>
        <translation>There is no training database yet. Create it now with {n} synthetic demo patients?

{file}</translation>
    </message>
    <message>
        <source>The training database could not be created: {error}</source>
        <translation>The training database could not be created: {error}</translation>
    </message>
    <message>
        <source>Creating the training database with {n} synthetic patients…</source>
        <translation>Creating the training database with {n} synthetic patients…</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>{name}: welcome</source>
        <translation>{name}: welcome</translation>
    </message>
    <message>
        <source>&amp;Start proapp</source>
        <translation>&amp;Start proapp</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>draft saved</source>
        <translation>draft saved</translation>
    </message>
    <message>
        <source>Entry was started and saved as a draft; Enter resumes it</source>
        <translation>Entry was started and saved as a draft; Enter resumes it</translation>
    </message>
</context>
<context>
    <name>WorklistTab</name>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Clinic &amp;day:</source>
        <translation>Clinic &amp;day:</translation>
    </message>
    <message>
        <source>Clinic day of the worklist</source>
        <translation>Clinic day of the worklist</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>Filter by code or name</translation>
    </message>
    <message>
        <source>Filter the worklist by code or name</source>
        <translation>Filter the worklist by code or name</translation>
    </message>
    <message>
        <source>Which visits to show</source>
        <translation>Which visits to show</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>Due and overdue</translation>
    </message>
    <message>
        <source>Due on this day</source>
        <translation>Due on this day</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} of {total} shown</translation>
    </message>
    <message>
        <source>target {date}</source>
        <translation>target {date}</translation>
    </message>
    <message>
        <source>target from {start} to {end}</source>
        <translation>target from {start} to {end}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{due} due&lt;/b&gt; ({since}) and &lt;b&gt;{overdue} overdue&lt;/b&gt; (past the target, window still open). Select one and press &lt;b&gt;Enter&lt;/b&gt; to start entry.</source>
        <translation>&lt;b&gt;{due} due&lt;/b&gt; ({since}) and &lt;b&gt;{overdue} overdue&lt;/b&gt; (past the target, window still open). Select one and press &lt;b&gt;Enter&lt;/b&gt; to start entry.</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Due {date}</translation>
    </message>
    <message>
        <source>{name} ({due} + {overdue} overdue)</source>
        <translation>{name} ({due} + {overdue} overdue)</translation>
    </message>
    <message>
        <source>No scheduled visit is due or overdue on {date}.</source>
        <translation>No scheduled visit is due or overdue on {date}.</translation>
    </message>
    <message>
        <source>No visit on this list matches the filter.</source>
        <translation>No visit on this list matches the filter.</translation>
    </message>
</context>
</TS>