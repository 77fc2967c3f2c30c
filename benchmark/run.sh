#!/usr/bin/env bash
# The performance benchmark (issue 5): builds what it needs, then prints one report.
#   benchmark/run.sh            the full run (about 5 minutes on 2 cores)
#   benchmark/run.sh --quick    fewer repetitions, for a quick look
#   benchmark/run.sh --only-n=1000 [--jfr]   only the warm pipeline at one size (for a profiler)
# Needs java 17, mvn, kubectl and git on PATH; Maven runs offline (-o) when MVN_OFFLINE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

offline=()
[[ "${MVN_OFFLINE:-0}" == 1 ]] && offline=(-o)
# install the generator and the plugin (the Maven figures run the installed plugin), build the benchmark
mvn -B -q "${offline[@]}" install -Pbenchmark -DskipTests >&2

jvm=(-Xmx512m -XX:+UseG1GC)
args=()
for arg in "$@"; do
  if [[ "$arg" == --jfr ]]; then
    jvm+=(-XX:StartFlightRecording=filename=benchmark/target/benchmark.jfr,settings=profile)
  else
    args+=("$arg")
  fi
done
exec java "${jvm[@]}" -cp "benchmark/target/classes:benchmark/target/lib/*" \
  dev.mlgitops.benchmark.Benchmark "$root" "${args[@]}"
