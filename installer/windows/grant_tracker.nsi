; Windows installer of Grant Tracker (Sổ theo dõi hỗ trợ sinh kế), NSIS 3 with Modern UI 2.
;
; Input: the PyInstaller folder (dist\GrantTracker: GrantTracker.exe, tracker.exe, _internal\).
;   makensis -DDIST_DIR=..\..\dist\GrantTracker -DVERSION=0.1.0 installer\windows\grant_tracker.nsi
; Output: dist\GrantTracker-<version>-setup.exe (or -DOUTFILE=...), one file for a USB stick.
; Relative paths are from this folder (makensis works from the script's folder).
;
; What the user sees: language (Tiếng Việt first, English), welcome, licence, the folder
; (Program Files\Grant Tracker), the parts (the program; a desktop shortcut, ticked), the
; copying, and "Start Grant Tracker now". Start menu and desktop shortcuts; an entry in
; Settings > Apps (Add/Remove Programs) whose uninstaller removes the program and LEAVES the
; data (%LOCALAPPDATA%\grant-tracker: database, key file, backups) unless the user ticks
; "also delete my data" (off by default, with a warning and a second question).
;
; This file is UTF-8 with a byte-order mark (makensis then reads the Vietnamese correctly).
; scripts/check_nsis.sh compiles it on Linux against a dummy folder; CI runs that.

Unicode true
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel admin

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\..\dist\GrantTracker"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\GrantTracker-${VERSION}-setup.exe"
!endif

!define APP_NAME "Grant Tracker"
!define APP_EXE "GrantTracker.exe"
!define PUBLISHER "Grant Tracker project"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\GrantTracker"
!define INST_KEY "Software\GrantTracker\Installer"
; Where the app keeps its data (tracker.config.data_dir: platformdirs, appauthor=False)
; and its window settings (QSettings "GrantTracker"/"Grant Tracker").
!define DATA_FOLDER "grant-tracker"
!define SETTINGS_KEY "Software\GrantTracker"
!define ICON_FILE "${DIST_DIR}\_internal\resources\icons\grant-tracker.ico"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "nsDialogs.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${INST_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "GPL-3.0-or-later"

; --- the look --------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!if /FileExists "${ICON_FILE}"
  !define MUI_ICON "${ICON_FILE}"
  !define MUI_UNICON "${ICON_FILE}"
!endif
; The language chosen at install time is kept for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${INST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_LANGDLL_ALLLANGUAGES

; --- the pages -------------------------------------------------------------------------------
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "license.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RUN_NOW)"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default one.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; --- the words -------------------------------------------------------------------------------
LangString SHORTCUT_NAME ${LANG_VIETNAMESE} "Sổ theo dõi hỗ trợ sinh kế"
LangString SHORTCUT_NAME ${LANG_ENGLISH} "Grant Tracker"
LangString SHORTCUT_DESC ${LANG_VIETNAMESE} "Ghi người được hỗ trợ, khoản hỗ trợ, lần trao, phiếu chi và chuyến thăm"
LangString SHORTCUT_DESC ${LANG_ENGLISH} "Beneficiaries, grants, hand-overs, receipts and follow-up visits"
LangString SEC_APP ${LANG_VIETNAMESE} "Chương trình Sổ theo dõi hỗ trợ sinh kế"
LangString SEC_APP ${LANG_ENGLISH} "Grant Tracker program"
LangString SEC_APP_DESC ${LANG_VIETNAMESE} "Chương trình và lối tắt trong menu Start (bắt buộc)."
LangString SEC_APP_DESC ${LANG_ENGLISH} "The program and its Start menu shortcut (required)."
LangString SEC_DESKTOP ${LANG_VIETNAMESE} "Lối tắt trên màn hình nền"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_DESKTOP_DESC ${LANG_VIETNAMESE} "Biểu tượng trên màn hình nền để mở chương trình."
LangString SEC_DESKTOP_DESC ${LANG_ENGLISH} "An icon on the desktop to open the program."
LangString RUN_NOW ${LANG_VIETNAMESE} "Mở Sổ theo dõi hỗ trợ sinh kế ngay"
LangString RUN_NOW ${LANG_ENGLISH} "Start Grant Tracker now"
LangString NEED_64BIT ${LANG_VIETNAMESE} "Chương trình cần Windows 64-bit (Windows 10 trở lên)."
LangString NEED_64BIT ${LANG_ENGLISH} "Grant Tracker needs 64-bit Windows (Windows 10 or later)."
LangString DATA_TITLE ${LANG_VIETNAMESE} "Dữ liệu của đơn vị"
LangString DATA_TITLE ${LANG_ENGLISH} "The office's data"
LangString DATA_SUBTITLE ${LANG_VIETNAMESE} "Giữ lại hay xóa cơ sở dữ liệu và các bản sao lưu"
LangString DATA_SUBTITLE ${LANG_ENGLISH} "Keep or delete the database and its backups"
LangString DATA_INFO ${LANG_VIETNAMESE} "Chỉ chương trình bị gỡ bỏ. Dữ liệu (cơ sở dữ liệu, tệp khóa và các bản sao lưu) được giữ lại trong:$\r$\n$LOCALAPPDATA\${DATA_FOLDER}$\r$\nKhi cài lại, chương trình sẽ mở lại đúng dữ liệu này."
LangString DATA_INFO ${LANG_ENGLISH} "Only the program is removed. The data (database, key file and backups) stays in:$\r$\n$LOCALAPPDATA\${DATA_FOLDER}$\r$\nInstalled again, the program opens this same data."
LangString DATA_CHECK ${LANG_VIETNAMESE} "Xóa luôn dữ liệu của tôi (không thể khôi phục)"
LangString DATA_CHECK ${LANG_ENGLISH} "Also delete my data (cannot be undone)"
LangString DATA_WARNING ${LANG_VIETNAMESE} "CẢNH BÁO: mọi hồ sơ, khoản hỗ trợ, phiếu chi và bản sao lưu trên máy này sẽ bị xóa vĩnh viễn. Chỉ đánh dấu khi dữ liệu đã được chuyển sang máy khác hoặc đã có bản sao lưu ở nơi khác (USB)."
LangString DATA_WARNING ${LANG_ENGLISH} "WARNING: every record, grant, receipt and backup on this PC is deleted for good. Tick this only when the data has been moved to another PC or a backup is kept elsewhere (a USB stick)."
LangString DATA_CONFIRM ${LANG_VIETNAMESE} "Xóa vĩnh viễn toàn bộ dữ liệu trong $LOCALAPPDATA\${DATA_FOLDER}?$\r$\n$\r$\nKhông thể hoàn tác. Chọn Không để giữ dữ liệu."
LangString DATA_CONFIRM ${LANG_ENGLISH} "Delete all the data in $LOCALAPPDATA\${DATA_FOLDER} for good?$\r$\n$\r$\nThis cannot be undone. Choose No to keep the data."
LangString DATA_KEPT ${LANG_VIETNAMESE} "Dữ liệu được giữ lại trong $LOCALAPPDATA\${DATA_FOLDER}."
LangString DATA_KEPT ${LANG_ENGLISH} "The data was kept in $LOCALAPPDATA\${DATA_FOLDER}."
LangString DATA_DELETED ${LANG_VIETNAMESE} "Đã xóa dữ liệu trong $LOCALAPPDATA\${DATA_FOLDER}."
LangString DATA_DELETED ${LANG_ENGLISH} "The data in $LOCALAPPDATA\${DATA_FOLDER} was deleted."

; --- installing ------------------------------------------------------------------------------
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_64BIT)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!$(SEC_APP)" SecApp
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; An update replaces the whole program folder (never the data, which lives elsewhere).
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(SHORTCUT_NAME).lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_DESC)"

  WriteRegStr HKLM "${INST_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "$(SHORTCUT_NAME) (${APP_NAME})"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\$(SHORTCUT_NAME).lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_DESC)"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SEC_APP_DESC)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SEC_DESKTOP_DESC)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; --- removing --------------------------------------------------------------------------------
Var DataCheckbox
Var DeleteData

Function un.onInit
  SetRegView 64
  StrCpy $DeleteData ${BST_UNCHECKED}
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "$(DATA_TITLE)" "$(DATA_SUBTITLE)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 44u "$(DATA_INFO)"
  Pop $0
  ${NSD_CreateCheckbox} 0 52u 100% 12u "$(DATA_CHECK)"
  Pop $DataCheckbox
  ${NSD_SetState} $DataCheckbox $DeleteData
  ${NSD_CreateLabel} 12u 70u 96% 48u "$(DATA_WARNING)"
  Pop $0
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DataCheckbox $DeleteData
  ${If} $DeleteData == ${BST_CHECKED}
    ; Asked twice, "No" is the default: stays on this page to untick.
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(DATA_CONFIRM)" /SD IDNO IDYES confirmed
    Abort
    confirmed:
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\Sổ theo dõi hỗ trợ sinh kế.lnk"
  Delete "$DESKTOP\Grant Tracker.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"

  ; Only what the installer put there: never RMDir /r $INSTDIR (it could be C:\).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\tracker.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${INST_KEY}"
  DeleteRegKey /ifempty HKLM "Software\GrantTracker"

  ; The data belongs to the user who runs the uninstaller (their %LOCALAPPDATA%).
  SetShellVarContext current
  ${If} $DeleteData == ${BST_CHECKED}
    RMDir /r "$LOCALAPPDATA\${DATA_FOLDER}"
    DeleteRegKey HKCU "${SETTINGS_KEY}"
    DetailPrint "$(DATA_DELETED)"
  ${Else}
    DetailPrint "$(DATA_KEPT)"
  ${EndIf}
SectionEnd
