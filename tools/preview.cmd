@echo off
rem ActionPlan.Site preview: starts the preview of the plan folder this file is in and opens the browser
rem (the same as double-clicking ActionPlan.Site.exe). Keep it beside ActionPlan.Site.exe in the plan folder.
cd /d "%~dp0"
"%~dp0ActionPlan.Site.exe" %*
if errorlevel 1 pause
