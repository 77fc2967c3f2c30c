@echo off
rem mlgitops: the command-line tool's launcher for Windows. See docs/cli.md.
rem Starts the JVM with -XX:TieredStopAtLevel=1; MLGITOPS_JAVA_OPTS comes after it, so it wins.
rem Unlike bin/mlgitops it keeps no class-data archive (see docs/cli.md).
setlocal

set "MLGITOPS_HOME=%~dp0.."
set "MLGITOPS_JAR="
for %%j in ("%MLGITOPS_HOME%\lib\mlgitops-cli-*.jar") do set "MLGITOPS_JAR=%%~fj"
if not defined MLGITOPS_JAR (
  echo mlgitops: no lib\mlgitops-cli-^<version^>.jar in %MLGITOPS_HOME%: unpack the whole distribution 1>&2
  exit /b 3
)

if defined JAVA_HOME (
  set "MLGITOPS_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "MLGITOPS_JAVA=java.exe"
)

"%MLGITOPS_JAVA%" -XX:TieredStopAtLevel=1 %MLGITOPS_JAVA_OPTS% -cp "%MLGITOPS_JAR%" dev.mlgitops.cli.Main %*
exit /b %ERRORLEVEL%
