; Inno Setup script for proapp (Inno Setup 6.3 or newer).
;
; Packs the PyInstaller one-folder build in dist\proapp\ (proapp.exe,
; proapp-cli.exe, _internal\) into dist\installer\proapp-<version>-setup.exe.
; Run from the repository root after "pyinstaller packaging\proapp.spec":
;
;   iscc /DAppVersion=1.2.0 packaging\windows\proapp.iss
;
; Optional defines:
;   /DAppVersion=X.Y.Z     version shown in Setup and "Apps & features" (default 0.0.0)
;   /DDistDir=C:\path      the one-folder build to pack (default ..\..\dist\proapp)
;   /DOutputDir=C:\path    where to write the installer (default ..\..\dist\installer)
;
; Install is per user by default (no administrator rights, under
; %LOCALAPPDATA%\Programs\proapp). IT can install for all users with the
; /ALLUSERS command-line switch or the dialog Setup offers. Silent install:
;   proapp-1.2.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/ALLUSERS] [/TASKS="desktopicon"]
;
; The uninstaller removes the program files only; the clinic database and
; backups in the user's data folder are never deleted by Setup.

#ifndef AppVersion
  #define AppVersion "0.0.0"
  #pragma message "AppVersion not defined (use /DAppVersion=X.Y.Z); using 0.0.0"
#endif
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\..\dist\proapp"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist\installer"
#endif
#define AppName "proapp"
#define AppExeName "proapp.exe"
#define AppCliExeName "proapp-cli.exe"
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\proapp.ico"

#if !FileExists(AddBackslash(DistDir) + AppExeName)
  #error "dist\proapp\proapp.exe not found: build it first with: pyinstaller packaging\proapp.spec"
#endif

[Setup]
; AppId identifies the application for upgrades and uninstall. NEVER change it.
AppId={{FC1EC428-7623-476B-8D21-5C9265EB29E3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Patient-reported outcomes: MIDAS and FSS questionnaires, jugular vein flow measurements, trend reports
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per-user by default; allow switching to all users (dialog or /ALLUSERS).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running proapp before replacing its files, and restart it afterwards.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Remove files of the previous version first: a PyInstaller folder changes
; its contents between versions and stale libraries must not be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "Patient-reported outcomes"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Alembic compiles the migration scripts at run time and may leave
; __pycache__ folders inside _internal; remove the whole program subfolder.
; (User data lives elsewhere and is never touched.)
Type: filesandordirs; Name: "{app}\_internal"
