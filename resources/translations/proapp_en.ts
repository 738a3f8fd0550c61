<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>frozen build</source>
        <translation>frozen build</translation>
    </message>
    <message>
        <source>from source</source>
        <translation>from source</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>Open the selected patient / start the selected worklist visit</source>
        <translation>Open the selected patient / start the selected worklist visit</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Move between fields</source>
        <translation>Move between fields</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {name}</source>
        <translation>About {name}</translation>
    </message>
    <message>
        <source>Patient-reported outcomes (MIDAS, FSS) and IJV flow for MS clinics.</source>
        <translation>Patient-reported outcomes (MIDAS, FSS) and IJV flow for MS clinics.</translation>
    </message>
    <message>
        <source>Bundled software and licences</source>
        <translation>Bundled software and licences</translation>
    </message>
    <message>
        <source>Full licence &amp;texts…</source>
        <translation>Full licence &amp;texts…</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>Third-party licences</translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>signed in</source>
        <translation>signed in</translation>
    </message>
    <message>
        <source>failed attempt</source>
        <translation>failed attempt</translation>
    </message>
    <message>
        <source>LOCKED</source>
        <translation>LOCKED</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>{time} (UTC), row {row}</source>
        <translation>{time} (UTC), row {row}</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>The newest {n} sign-ins, failed attempts, locks and unlocks (newest first). A locked account is unlocked in Users.</source>
        <translation>The newest {n} sign-ins, failed attempts, locks and unlocks (newest first). A locked account is unlocked in Users.</translation>
    </message>
</context>
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
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <source>A new staff account. Tell the person their password in person; they can change it after signing in.</source>
        <translation>A new staff account. Tell the person their password in person; they can change it after signing in.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
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
        <source>R&amp;ole:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
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
    <name>AgreementDialog</name>
    <message>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Double entry: agreement report</source>
        <translation>Double entry: agreement report</translation>
    </message>
    <message>
        <source>Keying agreement</source>
        <translation>Keying agreement</translation>
    </message>
    <message>
        <source>Every visit keyed twice, per person and questionnaire. A field is one item keyed once; an error is a difference resolved against that person's value (when the true value is neither entry, both count an error). Unresolved differences are counted but blame nobody yet. The totals count every keying.</source>
        <translation>Every visit keyed twice, per person and questionnaire. A field is one item keyed once; an error is a difference resolved against that person's value (when the true value is neither entry, both count an error). Unresolved differences are counted but blame nobody yet. The totals count every keying.</translation>
    </message>
    <message>
        <source>No visit has been keyed twice yet.</source>
        <translation>No visit has been keyed twice yet.</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the agreement report</source>
        <translation>Save the agreement report</translation>
    </message>
    <message>
        <source>save the agreement report</source>
        <translation>save the agreement report</translation>
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
        <translation>tested</translation>
    </message>
    <message>
        <source>all available</source>
        <translation>all available</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>asymptotic</source>
        <translation>asymptotic</translation>
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
        <translation>Descriptives</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Repeat PTA: use visits before it</source>
        <translation>Repeat PTA: use visits before it</translation>
    </message>
    <message>
        <source>Repeat PTA: use every visit</source>
        <translation>Repeat PTA: use every visit</translation>
    </message>
    <message>
        <source>Repeat PTA: leave the patient out</source>
        <translation>Repeat PTA: leave the patient out</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <source>Cohort analysis – {name} – {database}</source>
        <translation>Cohort analysis – {name} – {database}</translation>
    </message>
    <message>
        <source>Choose the cut-off and the groups, then Compute (Ctrl+Enter).</source>
        <translation>Choose the cut-off and the groups, then Compute (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Only visits on or before this date count (default: today)</source>
        <translation>Only visits on or before this date count (default: today)</translation>
    </message>
    <message>
        <source>C&amp;ut-off:</source>
        <translation>C&amp;ut-off:</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Compute</translation>
    </message>
    <message>
        <source>Run the analysis with these choices (Ctrl+Enter)</source>
        <translation>Run the analysis with these choices (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Save files…</source>
        <translation>&amp;Save files…</translation>
    </message>
    <message>
        <source>Write the CSV files and analysis.pdf into a folder (Ctrl+S)</source>
        <translation>Write the CSV files and analysis.pdf into a folder (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Measure:</source>
        <translation>&amp;Measure:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>Groups analysed…</source>
        <translation>Groups analysed…</translation>
    </message>
    <message>
        <source>Which groups this measure is analysed in (the study: MIDAS in headache+, FSS in fatigue+, flow in all)</source>
        <translation>Which groups this measure is analysed in (the study: MIDAS in headache+, FSS in fatigue+, flow in all)</translation>
    </message>
    <message>
        <source>Study defaults</source>
        <translation>Study defaults</translation>
    </message>
    <message>
        <source>Compute the analysis to see the results.</source>
        <translation>Compute the analysis to see the results.</translation>
    </message>
    <message>
        <source>Box plots per time point and individual trajectories</source>
        <translation>Box plots per time point and individual trajectories</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s): {names}</source>
        <translation>
            <numerusform>%n group: {names}</numerusform>
            <numerusform>%n groups: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>no group</source>
        <translation>no group</translation>
    </message>
    <message>
        <source>also used for MIDAS vs flow</source>
        <translation>also used for MIDAS vs flow</translation>
    </message>
    <message>
        <source>changed: Compute again</source>
        <translation>changed: Compute again</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>compute the analysis</source>
        <translation>compute the analysis</translation>
    </message>
    <message>
        <source>Cohort analysis</source>
        <translation>Cohort analysis</translation>
    </message>
    <message>
        <source>{patients} patients · cut-off {cutoff} · data {data} · computed {time} UTC</source>
        <translation>{patients} patients · cut-off {cutoff} · data {data} · computed {time} UTC</translation>
    </message>
    <message>
        <source>Could not {doing}: {why}</source>
        <translation>Could not {doing}: {why}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>SYNTHETIC DEMO DATA (no real person)</source>
        <translation>SYNTHETIC DEMO DATA (no real person)</translation>
    </message>
    <message>
        <source>cut-off {cutoff} · {patients} patients · data {data}</source>
        <translation>cut-off {cutoff} · {patients} patients · data {data}</translation>
    </message>
    <message>
        <source>Data snapshot: SHA-256 {sha}</source>
        <translation>Data snapshot: SHA-256 {sha}</translation>
    </message>
    <message>
        <source>Cut-off: {date}</source>
        <translation>Cut-off: {date}</translation>
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
        <translation>No result yet</translation>
    </message>
    <message>
        <source>{measure} is analysed in no group: choose some under 'Groups analysed…' and Compute.</source>
        <translation>{measure} is analysed in no group: choose some under 'Groups analysed…' and Compute.</translation>
    </message>
    <message>
        <source>Left: all values (box: quartiles). Right: the tested patients, median bold.</source>
        <translation>Left: all values (box: quartiles). Right: the tested patients, median bold.</translation>
    </message>
    <message>
        <source>Folder for the analysis files</source>
        <translation>Folder for the analysis files</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>Replace the files?</translation>
    </message>
    <message>
        <source>{folder} already holds {names}. Replace them with this analysis?</source>
        <translation>{folder} already holds {names}. Replace them with this analysis?</translation>
    </message>
    <message>
        <source>save the analysis</source>
        <translation>save the analysis</translation>
    </message>
    <message>
        <source>Saving the analysis</source>
        <translation>Saving the analysis</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to {folder}</source>
        <translation>
            <numerusform>%n file written to {folder}</numerusform>
            <numerusform>%n files written to {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visit</translation>
    </message>
    <message>
        <source>procedure</source>
        <translation>procedure</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>(content signed)</source>
        <translation>(content signed)</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>(whole record)</translation>
    </message>
    <message>
        <source>{time} (UTC), log row {row}</source>
        <translation>{time} (UTC), log row {row}</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change log (visit)</source>
        <translation>Change log (visit)</translation>
    </message>
    <message>
        <source>Change log (patient)</source>
        <translation>Change log (patient)</translation>
    </message>
    <message>
        <source>Change log (database)</source>
        <translation>Change log (database)</translation>
    </message>
    <message>
        <source>Filter: user, field, value, reason…</source>
        <translation>Filter: user, field, value, reason…</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entry(ies)</source>
        <translation>
            <numerusform>{shown} of %n entry</numerusform>
            <numerusform>{shown} of %n entries</numerusform>
        </translation>
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
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Compared</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>χ²</source>
        <translation>χ²</translation>
    </message>
    <message>
        <source>df</source>
        <translation>df</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Kendall's W</source>
        <translation>Kendall's W</translation>
    </message>
    <message>
        <source>Follow-up (y)</source>
        <translation>Follow-up (y)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Pair</translation>
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
        <translation>Median Δ</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>rho</source>
        <translation>rho</translation>
    </message>
    <message>
        <source>Time point</source>
        <translation>Time point</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Median (IQR)</source>
        <translation>Median (IQR)</translation>
    </message>
    <message>
        <source>Mean (SD)</source>
        <translation>Mean (SD)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Fields keyed</source>
        <translation>Fields keyed</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>Errors per 1,000</source>
        <translation>Errors per 1,000</translation>
    </message>
    <message>
        <source>Agreement %</source>
        <translation>Agreement %</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>First entry</translation>
    </message>
    <message>
        <source>Keyed by</source>
        <translation>Keyed by</translation>
    </message>
    <message>
        <source>Second entry</source>
        <translation>Second entry</translation>
    </message>
    <message>
        <source>True value</source>
        <translation>True value</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>First entry by</source>
        <translation>First entry by</translation>
    </message>
    <message>
        <source>Second entry by</source>
        <translation>Second entry by</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>proapp: unexpected error</source>
        <translation>proapp: unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong inside proapp.</source>
        <translation>Something went wrong inside proapp.</translation>
    </message>
    <message>
        <source>{summary}&lt;br&gt;&lt;br&gt;This is a bug, not something you did wrong. The program keeps running; visits you were entering are kept as drafts and offered again when you open the patient.&lt;br&gt;&lt;br&gt;The details were written to the log file:&lt;br&gt;&lt;code&gt;{log}&lt;/code&gt;&lt;br&gt;Please send that file to your IT contact.</source>
        <translation>{summary}&lt;br&gt;&lt;br&gt;This is a bug, not something you did wrong. The program keeps running; visits you were entering are kept as drafts and offered again when you open the patient.&lt;br&gt;&lt;br&gt;The details were written to the log file:&lt;br&gt;&lt;code&gt;{log}&lt;/code&gt;&lt;br&gt;Please send that file to your IT contact.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
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
    <name>DoubleEntry</name>
    <message>
        <source>{open} of {all} differences to resolve</source>
        <translation>{open} of {all} differences to resolve</translation>
    </message>
    <message>
        <source>verified ({n} differences resolved)</source>
        <translation>verified ({n} differences resolved)</translation>
    </message>
</context>
<context>
    <name>DoubleEntryWindow</name>
    <message>
        <source>Double entry</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <source>Double data entry</source>
        <translation>Double data entry</translation>
    </message>
    <message>
        <source>Double data entry is switched on for this clinic (clinic setting double_entry)</source>
        <translation>Double data entry is switched on for this clinic (clinic setting double_entry)</translation>
    </message>
    <message>
        <source>No visit is in double entry. Completing a visit asks for its second entry when double entry is switched on.</source>
        <translation>No visit is in double entry. Completing a visit asks for its second entry when double entry is switched on.</translation>
    </message>
    <message>
        <source>&amp;Second entry…</source>
        <translation>&amp;Second entry…</translation>
    </message>
    <message>
        <source>&amp;Differences…</source>
        <translation>&amp;Differences…</translation>
    </message>
    <message>
        <source>&amp;Agreement report…</source>
        <translation>&amp;Agreement report…</translation>
    </message>
    <message>
        <source>Paper forms are keyed twice by two people; the second entry is blind to the first. A third person or a clinician resolves each difference from the paper, and the visit is then verified.</source>
        <translation>Paper forms are keyed twice by two people; the second entry is blind to the first. A third person or a clinician resolves each difference from the paper, and the visit is then verified.</translation>
    </message>
    <message>
        <source>Double data entry is switched off for this clinic, so completed visits are not sent here. An administrator switches it on with the clinic setting double_entry (also here). Visits already here can still be finished.</source>
        <translation>Double data entry is switched off for this clinic, so completed visits are not sent here. An administrator switches it on with the clinic setting double_entry (also here). Visits already here can still be finished.</translation>
    </message>
    <message>
        <source>change the double_entry setting</source>
        <translation>change the double_entry setting</translation>
    </message>
    <message>
        <source>start the second entry</source>
        <translation>start the second entry</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>folder or file to write</source>
        <translation>folder or file to write</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>De-&amp;identify (no names, birth dates or free text; keeps age at visit and patient code)</source>
        <translation>De-&amp;identify (no names, birth dates or free text; keeps age at visit and patient code)</translation>
    </message>
    <message>
        <source>&amp;Only visits from</source>
        <translation>&amp;Only visits from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destination:</translation>
    </message>
    <message>
        <source>MS subtypes:</source>
        <translation>MS subtypes:</translation>
    </message>
    <message>
        <source>Visits:</source>
        <translation>Visits:</translation>
    </message>
    <message>
        <source>Only complete visits are exported. Every export includes a data dictionary.</source>
        <translation>Only complete visits are exported. Every export includes a data dictionary.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>SQLite database (*.db)</source>
        <translation>SQLite database (*.db)</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>Export to file</translation>
    </message>
    <message>
        <source>Replace existing files?</source>
        <translation>Replace existing files?</translation>
    </message>
    <message>
        <source>These files already exist and will be replaced:</source>
        <translation>These files already exist and will be replaced:</translation>
    </message>
    <message>
        <source>Choose a destination first.</source>
        <translation>Choose a destination first.</translation>
    </message>
    <message>
        <source>The first date is after the last date.</source>
        <translation>The first date is after the last date.</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Nothing was exported.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Exported to {where}.</source>
        <translation>Exported to {where}.</translation>
    </message>
    <message>
        <source>Exported {patients} patients, {visits} visits to {where}.</source>
        <translation>Exported {patients} patients, {visits} visits to {where}.</translation>
    </message>
    <message>
        <source>Export failed: {why}</source>
        <translation>Export failed: {why}</translation>
    </message>
    <message>
        <source>Export failed (see the log): {why}</source>
        <translation>Export failed (see the log): {why}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
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
    <name>IdleLock</name>
    <message>
        <source>{name} (locked)</source>
        <translation>{name} (locked)</translation>
    </message>
    <message>
        <source>{name} is locked. {username}: enter your password to continue. Another user may sign in instead; the open windows are then closed and any visit being entered is kept as a draft.</source>
        <translation>{name} is locked. {username}: enter your password to continue. Another user may sign in instead; the open windows are then closed and any visit being entered is kept as a draft.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Staff only</translation>
    </message>
    <message>
        <source>Staff only: {username}, enter your password to leave the patient's questionnaire. The answers are kept. Another staff member may sign in instead.</source>
        <translation>Staff only: {username}, enter your password to leave the patient's questionnaire. The answers are kept. Another staff member may sign in instead.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>folder holding patients.csv and/or visits.csv</source>
        <translation>folder holding patients.csv and/or visits.csv</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>&amp;Replace patients and visits that exist with different values (recorded in the change log)</source>
        <translation>&amp;Replace patients and visits that exist with different values (recorded in the change log)</translation>
    </message>
    <message>
        <source>Check the folder first: nothing is written until the check finds no errors and you press Import. Imported visits are complete; warnings are listed but do not stop the import.</source>
        <translation>Check the folder first: nothing is written until the check finds no errors and you press Import. Imported visits are complete; warnings are listed but do not stop the import.</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Import from folder</source>
        <translation>Import from folder</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Choose a folder first.</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Checking</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Check the folder again before importing.</source>
        <translation>Check the folder again before importing.</translation>
    </message>
    <message>
        <source>Press Import to write.</source>
        <translation>Press Import to write.</translation>
    </message>
    <message>
        <source>Unexpected problem (see the log): {why}</source>
        <translation>Unexpected problem (see the log): {why}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
</context>
<context>
    <name>KeptDraftsDialog</name>
    <message>
        <source>correction of a completed visit</source>
        <translation>correction of a completed visit</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>{code} · {label} of {date} · {what}, kept {when}</source>
        <translation>{code} · {label} of {date} · {what}, kept {when}</translation>
    </message>
    <message>
        <source>Visit drafts kept on this computer</source>
        <translation>Visit drafts kept on this computer</translation>
    </message>
    <message>
        <source>1 visit draft was kept on this computer while the database could not be reached. The database does not have it yet.</source>
        <translation>1 visit draft was kept on this computer while the database could not be reached. The database does not have it yet.</translation>
    </message>
    <message>
        <source>{n} visit drafts were kept on this computer while the database could not be reached. The database does not have them yet.</source>
        <translation>{n} visit drafts were kept on this computer while the database could not be reached. The database does not have them yet.</translation>
    </message>
    <message>
        <source>Files of visit drafts kept on this computer cannot be used.</source>
        <translation>Files of visit drafts kept on this computer cannot be used.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Save each draft to the database as you left it; a visit someone changed meanwhile is not overwritten</source>
        <translation>Save each draft to the database as you left it; a visit someone changed meanwhile is not overwritten</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Keep them on this computer; they are offered again at the next start</source>
        <translation>Keep them on this computer; they are offered again at the next start</translation>
    </message>
    <message>
        <source>Not usable: {why}</source>
        <translation>Not usable: {why}</translation>
    </message>
    <message>
        <source>restore a kept visit draft</source>
        <translation>restore a kept visit draft</translation>
    </message>
    <message>
        <source>{draft}: not restored. {why}</source>
        <translation>{draft}: not restored. {why}</translation>
    </message>
    <message>
        <source>{draft}: restored</source>
        <translation>{draft}: restored</translation>
    </message>
    <message>
        <source>{draft}: the database already had it</source>
        <translation>{draft}: the database already had it</translation>
    </message>
    <message>
        <source>The drafts not restored stay on this computer: open the visit, enter what they hold again (Details… lists it), then discard them.</source>
        <translation>The drafts not restored stay on this computer: open the visit, enter what they hold again (Details… lists it), then discard them.</translation>
    </message>
    <message>
        <source>Nothing is kept on this computer any more.</source>
        <translation>Nothing is kept on this computer any more.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>1 visit draft is still kept on this computer:</source>
        <translation>1 visit draft is still kept on this computer:</translation>
    </message>
    <message>
        <source>{n} visit drafts are still kept on this computer:</source>
        <translation>{n} visit drafts are still kept on this computer:</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>What the kept drafts hold</source>
        <translation>What the kept drafts hold</translation>
    </message>
    <message>
        <source>The values of the drafts that were not restored:</source>
        <translation>The values of the drafts that were not restored:</translation>
    </message>
    <message>
        <source>Discard the kept drafts?</source>
        <translation>Discard the kept drafts?</translation>
    </message>
    <message>
        <source>Discard the kept draft for good? The database does not have what it holds; it is lost.</source>
        <translation>Discard the kept draft for good? The database does not have what it holds; it is lost.</translation>
    </message>
    <message>
        <source>Discard {n} kept drafts for good? The database does not have what they hold; it is lost.</source>
        <translation>Discard {n} kept drafts for good? The database does not have what they hold; it is lost.</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Keep them</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>1 kept draft discarded.</source>
        <translation>1 kept draft discarded.</translation>
    </message>
    <message>
        <source>{n} kept drafts discarded.</source>
        <translation>{n} kept drafts discarded.</translation>
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
    <name>PatientActions</name>
    <message>
        <source>open the patient</source>
        <translation>open the patient</translation>
    </message>
    <message>
        <source>Patient saved</source>
        <translation>Patient saved</translation>
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
    <name>RecordStatus</name>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complete</translation>
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
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {username}</source>
        <translation>Reset the password of {username}</translation>
    </message>
    <message>
        <source>Set a new password for {username}.</source>
        <translation>Set a new password for {username}.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>to resolve</source>
        <translation>to resolve</translation>
    </message>
    <message>
        <source>Look at the paper form and choose the true value of each difference: the first entry, the second, or the value on the paper. A reason is required; the visit gets the value and the change log keeps both entries, the choice and the reason.</source>
        <translation>Look at the paper form and choose the true value of each difference: the first entry, the second, or the value on the paper. A reason is required; the visit gets the value and the change log keeps both entries, the choice and the reason.</translation>
    </message>
    <message>
        <source>&amp;Another value, from the paper:</source>
        <translation>&amp;Another value, from the paper:</translation>
    </message>
    <message>
        <source>(or a reason it is missing)</source>
        <translation>(or a reason it is missing)</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>missing: {reason}</translation>
    </message>
    <message>
        <source>(empty: not answered)</source>
        <translation>(empty: not answered)</translation>
    </message>
    <message>
        <source>why this is the true value (required, kept in the change log)</source>
        <translation>why this is the true value (required, kept in the change log)</translation>
    </message>
    <message>
        <source>True value:</source>
        <translation>True value:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolve</translation>
    </message>
    <message>
        <source>Differences — {code} {label} {date}</source>
        <translation>Differences — {code} {label} {date}</translation>
    </message>
    <message>
        <source>{code}, visit {label} on {date}</source>
        <translation>{code}, visit {label} on {date}</translation>
    </message>
    <message>
        <source>{where}: {n} differences, {left} to resolve</source>
        <translation>{where}: {n} differences, {left} to resolve</translation>
    </message>
    <message>
        <source>{where}: {n} differences, all resolved; the visit is verified</source>
        <translation>{where}: {n} differences, all resolved; the visit is verified</translation>
    </message>
    <message>
        <source>&amp;First entry: {value} (keyed by {who})</source>
        <translation>&amp;First entry: {value} (keyed by {who})</translation>
    </message>
    <message>
        <source>&amp;Second entry: {value} (keyed by {who})</source>
        <translation>&amp;Second entry: {value} (keyed by {who})</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Resolved.</translation>
    </message>
    <message>
        <source>You keyed this item ({username}): a third person or a clinician resolves it.</source>
        <translation>You keyed this item ({username}): a third person or a clinician resolves it.</translation>
    </message>
    <message>
        <source>Give either a value or a reason it is missing, not both</source>
        <translation>Give either a value or a reason it is missing, not both</translation>
    </message>
    <message>
        <source>Choose the true value: the first entry, the second, or another value from the paper.</source>
        <translation>Choose the true value: the first entry, the second, or another value from the paper.</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <source>With this value the visit has these warnings:</source>
        <translation>With this value the visit has these warnings:</translation>
    </message>
    <message>
        <source>Resolve with this value anyway?</source>
        <translation>Resolve with this value anyway?</translation>
    </message>
    <message>
        <source>Resolve anyway</source>
        <translation>Resolve anyway</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Visit verified</source>
        <translation>Visit verified</translation>
    </message>
    <message>
        <source>Every difference is resolved: the visit is verified.</source>
        <translation>Every difference is resolved: the visit is verified.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>missing: {reason}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(changed)</translation>
    </message>
    <message>
        <source>No value is changed.</source>
        <translation>No value is changed.</translation>
    </message>
    <message>
        <source>1 value is changed (old → new below).</source>
        <translation>1 value is changed (old → new below).</translation>
    </message>
    <message>
        <source>{n} values are changed (old → new below).</source>
        <translation>{n} values are changed (old → new below).</translation>
    </message>
    <message>
        <source>{visit} ({label}) on {date}</source>
        <translation>{visit} ({label}) on {date}</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>expected</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>not expected</translation>
    </message>
    <message>
        <source>Answered by the patient on the screen.</source>
        <translation>Answered by the patient on the screen.</translation>
    </message>
    <message>
        <source>Check each answer; a correction needs a reason.</source>
        <translation>Check each answer; a correction needs a reason.</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <source>Not entered.</source>
        <translation>Not entered.</translation>
    </message>
    <message>
        <source>(changed: it was entered before this edit)</source>
        <translation>(changed: it was entered before this edit)</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>the patient answered: {answer}</source>
        <translation>the patient answered: {answer}</translation>
    </message>
    <message>
        <source>computed from velocity × area</source>
        <translation>computed from velocity × area</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>stenosis {percent} %</source>
        <translation>stenosis {percent} %</translation>
    </message>
    <message>
        <source>— (needs both sides)</source>
        <translation>— (needs both sides)</translation>
    </message>
    <message>
        <source>Total {posture}: {total} {unit}</source>
        <translation>Total {posture}: {total} {unit}</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>Review and save</translation>
    </message>
    <message>
        <source>I have checked these warnings with the patient and the source documents</source>
        <translation>I have checked these warnings with the patient and the source documents</translation>
    </message>
    <message>
        <source>reason for changing a completed visit (required, kept in the change log)</source>
        <translation>reason for changing a completed visit (required, kept in the change log)</translation>
    </message>
    <message>
        <source>&amp;Reason for the change</source>
        <translation>&amp;Reason for the change</translation>
    </message>
    <message>
        <source>Ctrl+S saves and completes the visit.</source>
        <translation>Ctrl+S saves and completes the visit.</translation>
    </message>
    <message>
        <source>Entered from a paper form: ask for a second, independent entry of the questionnaires (double data entry)</source>
        <translation>Entered from a paper form: ask for a second, independent entry of the questionnaires (double data entry)</translation>
    </message>
    <message>
        <source>reason for correcting the patient's answers (required, kept in the change log)</source>
        <translation>reason for correcting the patient's answers (required, kept in the change log)</translation>
    </message>
    <message>
        <source>Must be corrected before saving:</source>
        <translation>Must be corrected before saving:</translation>
    </message>
    <message>
        <source>Please confirm:</source>
        <translation>Please confirm:</translation>
    </message>
    <message>
        <source>No errors and no warnings.</source>
        <translation>No errors and no warnings.</translation>
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
    <name>SecondEntryDialog</name>
    <message>
        <source>Second entry — {code} {label} {date}</source>
        <translation>Second entry — {code} {label} {date}</translation>
    </message>
    <message>
        <source>Second entry of {code}, visit {label} on {date}</source>
        <translation>Second entry of {code}, visit {label} on {date}</translation>
    </message>
    <message>
        <source>Key the paper form again, exactly as it is written; leave an item empty when the paper has no answer. The first entry is not shown (blind second entry): the two are compared item by item when you save, and any difference goes to a third person or a clinician.</source>
        <translation>Key the paper form again, exactly as it is written; leave an item empty when the paper has no answer. The first entry is not shown (blind second entry): the two are compared item by item when you save, and any difference goes to a third person or a clinician.</translation>
    </message>
    <message>
        <source>Compare and save (Ctrl+S)</source>
        <translation>Compare and save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Not saved: {why}</translation>
    </message>
    <message>
        <source>Second entry saved</source>
        <translation>Second entry saved</translation>
    </message>
    <message>
        <source>Both entries agree on all {n} items: the visit is verified.</source>
        <translation>Both entries agree on all {n} items: the visit is verified.</translation>
    </message>
    <message>
        <source>{n} items compared, {differ} differ. A third person or a clinician resolves each difference from the paper form (Double entry, Resolve differences).</source>
        <translation>{n} items compared, {differ} differ. A third person or a clinician resolves each difference from the paper form (Double entry, Resolve differences).</translation>
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
    <name>ServerDialog</name>
    <message>
        <source>Encrypted, server certificate checked (verify-full)</source>
        <translation>Encrypted, server certificate checked (verify-full)</translation>
    </message>
    <message>
        <source>Encrypted (require)</source>
        <translation>Encrypted (require)</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it (prefer)</source>
        <translation>Encrypted when the server offers it (prefer)</translation>
    </message>
    <message>
        <source>Not encrypted: trusted network only (disable)</source>
        <translation>Not encrypted: trusted network only (disable)</translation>
    </message>
    <message>
        <source>Database connection — {name}</source>
        <translation>Database connection — {name}</translation>
    </message>
    <message>
        <source>server name or address, e.g. db.clinic.local</source>
        <translation>server name or address, e.g. db.clinic.local</translation>
    </message>
    <message>
        <source>this workstation's database role</source>
        <translation>this workstation's database role</translation>
    </message>
    <message>
        <source>kept in a private file, never shown again</source>
        <translation>kept in a private file, never shown again</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
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
        <translation>T&amp;est connection</translation>
    </message>
    <message>
        <source>Use this ser&amp;ver</source>
        <translation>Use this ser&amp;ver</translation>
    </message>
    <message>
        <source>Use the &amp;local database</source>
        <translation>Use the &amp;local database</translation>
    </message>
    <message>
        <source>Several workstations share one PostgreSQL database. The password is kept in a private file for this computer's account (pgpass, readable by you only). The choice takes effect when proapp starts again.</source>
        <translation>Several workstations share one PostgreSQL database. The password is kept in a private file for this computer's account (pgpass, readable by you only). The choice takes effect when proapp starts again.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Connected: PostgreSQL {version}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>the default folder</source>
        <translation>the default folder</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>These settings apply to every workstation using this database. Each change is recorded in the change log.</source>
        <translation>These settings apply to every workstation using this database. Each change is recorded in the change log.</translation>
    </message>
    <message>
        <source>save the settings</source>
        <translation>save the settings</translation>
    </message>
</context>
<context>
    <name>SignVisitDialog</name>
    <message>
        <source>Sign visit</source>
        <translation>Sign visit</translation>
    </message>
    <message>
        <source>By signing you confirm this visit is correct. A signed visit cannot be changed until a clinician unlocks it with a reason.</source>
        <translation>By signing you confirm this visit is correct. A signed visit cannot be changed until a clinician unlocks it with a reason.</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Password of {username}:</source>
        <translation>Password of {username}:</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>{visit} visit on {date} ({status})</source>
        <translation>{visit} visit on {date} ({status})</translation>
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
    <name>Startup</name>
    <message>
        <source>proapp cannot open the database</source>
        <translation>proapp cannot open the database</translation>
    </message>
    <message>
        <source>proapp cannot reach the database server</source>
        <translation>proapp cannot reach the database server</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
    <name>UnlockVisitDialog</name>
    <message>
        <source>Signed by {who} on {date} {time} UTC.</source>
        <translation>Signed by {who} on {date} {time} UTC.</translation>
    </message>
    <message>
        <source>Unlock signed visit</source>
        <translation>Unlock signed visit</translation>
    </message>
    <message>
        <source>Unlocking removes the signature so the visit can be corrected; the reason is kept in the change log.</source>
        <translation>Unlocking removes the signature so the visit can be corrected; the reason is kept in the change log.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Why must this signed visit change?</source>
        <translation>Why must this signed visit change?</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Password of {username}:</source>
        <translation>Password of {username}:</translation>
    </message>
</context>
<context>
    <name>UserManagementDialog</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Lift the lockout after repeated failed sign-ins</source>
        <translation>Lift the lockout after repeated failed sign-ins</translation>
    </message>
    <message>
        <source>Access &amp;log…</source>
        <translation>Access &amp;log…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reactivate</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Role of {username}:</source>
        <translation>Role of {username}:</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Clinician</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>yes, LOCKED</source>
        <translation>yes, LOCKED</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Only an administrator manages users.</source>
        <translation>Only an administrator manages users.</translation>
    </message>
</context>
<context>
    <name>VisitEntry</name>
    <message>
        <source>start visit entry</source>
        <translation>start visit entry</translation>
    </message>
    <message>
        <source>the draft of {visit} ({label}) from {date} (entered by {who}, last saved {saved})</source>
        <translation>the draft of {visit} ({label}) from {date} (entered by {who}, last saved {saved})</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Resume draft?</source>
        <translation>Resume draft?</translation>
    </message>
    <message>
        <source>Resume {draft}?</source>
        <translation>Resume {draft}?</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;Discard draft…</source>
        <translation>&amp;Discard draft…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Discard draft?</source>
        <translation>Discard draft?</translation>
    </message>
    <message>
        <source>Discard {draft}? Its answers are removed from the visit (the change log keeps a copy).</source>
        <translation>Discard {draft}? Its answers are removed from the visit (the change log keeps a copy).</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Keep the draft</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
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
        <source>the database server cannot be reached (it may be restarting, or the network is down); nothing was saved, your input is kept</source>
        <translation>the database server cannot be reached (it may be restarting, or the network is down); nothing was saved, your input is kept</translation>
    </message>
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
        <source>{why}; your input is kept</source>
        <translation>{why}; your input is kept</translation>
    </message>
    <message>
        <source>Draft not saved: {why} and proapp tries again.</source>
        <translation>Draft not saved: {why} and proapp tries again.</translation>
    </message>
    <message>
        <source>Draft not saved: {why}. Your input is kept in this window.</source>
        <translation>Draft not saved: {why}. Your input is kept in this window.</translation>
    </message>
    <message>
        <source>It could not be kept on this computer either ({why}): keep this window open.</source>
        <translation>It could not be kept on this computer either ({why}): keep this window open.</translation>
    </message>
    <message>
        <source>It is kept on this computer too: if this window is closed, proapp offers it again at the next start.</source>
        <translation>It is kept on this computer too: if this window is closed, proapp offers it again at the next start.</translation>
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
        <source>Not saved: this visit was changed elsewhere. Your input is kept.</source>
        <translation>Not saved: this visit was changed elsewhere. Your input is kept.</translation>
    </message>
    <message>
        <source>Visit changed elsewhere</source>
        <translation>Visit changed elsewhere</translation>
    </message>
    <message>
        <source>Save your version over the other one? (Both are kept in the change log.)</source>
        <translation>Save your version over the other one? (Both are kept in the change log.)</translation>
    </message>
    <message>
        <source>Save my version</source>
        <translation>Save my version</translation>
    </message>
    <message>
        <source>Keep editing, do not save</source>
        <translation>Keep editing, do not save</translation>
    </message>
    <message>
        <source>Please choose the forms done at this visit.</source>
        <translation>Please choose the forms done at this visit.</translation>
    </message>
    <message>
        <source>Please correct the marked field before going on.</source>
        <translation>Please correct the marked field before going on.</translation>
    </message>
    <message>
        <source>Nothing for the patient to answer</source>
        <translation>Nothing for the patient to answer</translation>
    </message>
    <message>
        <source>Every questionnaire this visit expects is already entered (or marked not done), so there is nothing left for the patient to answer on the screen.</source>
        <translation>Every questionnaire this visit expects is already entered (or marked not done), so there is nothing left for the patient to answer on the screen.</translation>
    </message>
    <message>
        <source>Give the screen to the patient?</source>
        <translation>Give the screen to the patient?</translation>
    </message>
    <message>
        <source>The patient answers these questionnaires, one question per screen: {names}.

Only a staff password leaves the patient's screen. Every answer is kept as a draft, and you review them here afterwards.</source>
        <translation>The patient answers these questionnaires, one question per screen: {names}.

Only a staff password leaves the patient's screen. Every answer is kept as a draft, and you review them here afterwards.</translation>
    </message>
    <message>
        <source>Give the screen to the patient</source>
        <translation>Give the screen to the patient</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The patient's screen was not opened: {why}</source>
        <translation>The patient's screen was not opened: {why}</translation>
    </message>
    <message>
        <source>The patient's answers are on the review page, marked as the patient's: check them, correct any (with a reason) and save.</source>
        <translation>The patient's answers are on the review page, marked as the patient's: check them, correct any (with a reason) and save.</translation>
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
        <source>Not saved: give a reason for correcting the patient's answers.</source>
        <translation>Not saved: give a reason for correcting the patient's answers.</translation>
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
        <source>Not saved: {why}. Press Ctrl+S again once it is back.</source>
        <translation>Not saved: {why}. Press Ctrl+S again once it is back.</translation>
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
        <source>The database cannot be reached, so it does not hold your latest input. It is kept on this computer: proapp offers it again at the next start on this database. Close now?</source>
        <translation>The database cannot be reached, so it does not hold your latest input. It is kept on this computer: proapp offers it again at the next start on this database. Close now?</translation>
    </message>
    <message>
        <source>Close (kept on this computer)</source>
        <translation>Close (kept on this computer)</translation>
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
<context>
    <name>_Cover</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
</TS>