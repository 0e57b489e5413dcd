#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# LibreOffice Calc (headless), which recalculates generated workbooks in the tests;
# xmllint, which checks that the add-in's manifest.xml is well-formed;
# unzip, Info-ZIP's check of the zip archives the .xlsx writer produces;
# poppler-utils (pdftotext, pdfinfo), which read the pages LibreOffice prints a plan workbook to;
# openpyxl for Debian's own python3 (/usr/bin/python3: the first python3 on the PATH may be
# another), which re-saves plan workbooks as finance scripts do in the regeneration tests;
# Chromium and a CJK font, for the task pane's browser tests and their Chinese screenshots.
# With --bench, also what `npm run bench` compares against: Debian's python3 with pandas and
# xlsxwriter.
set -euo pipefail
packages=()
if [ "${1:-}" = "--bench" ]; then
  /usr/bin/python3 -c "import pandas" >/dev/null 2>&1 || packages+=(python3-pandas)
  /usr/bin/python3 -c "import xlsxwriter" >/dev/null 2>&1 || packages+=(python3-xlsxwriter)
fi
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui)
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || packages+=(python3-openpyxl)
command -v xmllint >/dev/null 2>&1 || packages+=(libxml2-utils)
command -v unzip >/dev/null 2>&1 || packages+=(unzip)
{ command -v pdftotext && command -v pdfinfo; } >/dev/null 2>&1 || packages+=(poppler-utils)
[ -x /usr/bin/chromium ] || packages+=(chromium)
# grep reads all of fc-list (no -q): an early exit would fail the pipe under pipefail.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || packages+=(fonts-noto-cjk)
if [ ${#packages[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${packages[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
