#!/usr/bin/env bash
# The performance benchmark (issue 5): builds what it needs, then prints one report.
#   benchmark/run.sh            the full run (about 8 minutes on 2 cores)
#   benchmark/run.sh --quick    fewer repetitions, for a quick look
#   benchmark/run.sh --kustomize-all   also kubectl kustomize over the N=1000 overlays (minutes)
#   benchmark/run.sh --only-n=1000 [--jfr]   only the warm pipeline at one size (for a profiler)
#   --scratch=DIR (with any of these)   the output there, e.g. /dev/shm: the tool's figures without the disk's
#   benchmark/run.sh --cold-start [--quick]   only the cold figures of issue 16: bin/mlgitops of the
#                               distribution against java -jar, the classes each command loads, and the
#                               Maven goal (full and up to date) against mvn validate, as ratios of one run
#   benchmark/run.sh --limit-n=5000   a spec beyond the size limit: refused up front, timed, its heap
#   benchmark/classes.sh        only the classes each command loads, by library (a Markdown table)
#   benchmark/libraries.sh      where a cold run spends its time, by library (Flight Recorder; after --cold-start)
# Needs java 17, mvn, kubectl and git on PATH; Maven runs offline (-o) when MVN_OFFLINE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

offline=()
[[ "${MVN_OFFLINE:-0}" == 1 ]] && offline=(-o)
# package the modules and the CLI's distribution (cli/target/mlgitops-<version>.tar.gz), build the
# benchmark; its target/lib gets this build's generator from the reactor, never the shared ~/.m2 copy.
# Nothing is installed: the Maven figures run the plugin from a private local repository (below)
rm -rf benchmark/target/lib
mvn -B -q "${offline[@]}" package -Pbenchmark -DskipTests >&2
jar=mlgitops-generator-0.1.0-SNAPSHOT.jar

jvm=(-Xmx512m -XX:+UseG1GC -Dslf4j.internal.verbosity=ERROR)
args=()
for arg in "$@"; do
  if [[ "$arg" == --jfr ]]; then
    jvm+=(-XX:StartFlightRecording=filename=benchmark/target/benchmark.jfr,settings=profile)
  else
    args+=("$arg")
  fi
done
cmp -s "generator/target/$jar" "benchmark/target/lib/$jar" || { echo "benchmark/target/lib holds another generator" >&2; exit 1; }

# ~/.m2 is shared with other builds that install their own snapshots at any time, so the Maven
# figures run this build's plugin from a private local repository; everything else comes from
# ~/.m2 through a file:// remote (the invoker's it-settings pattern), copied on the first run
private=benchmark/target/m2
rm -rf "$private"
for module in parent:. generator:generator plugin:maven-plugin; do
  name=${module%%:*}; folder=${module#*:}
  artifact=mlgitops-$name; [[ $name == plugin ]] && artifact=mlgitops-maven-plugin
  dir="$private/dev/mlgitops/$artifact/0.1.0-SNAPSHOT"
  mkdir -p "$dir"
  pom=$folder/pom.xml
  # the plugin is published as one shaded jar with the pom that names none of its libraries
  [[ $name == plugin ]] && pom=$folder/target/dependency-reduced-pom.xml
  cp "$pom" "$dir/$artifact-0.1.0-SNAPSHOT.pom"
  [[ $name != parent ]] && cp "$folder/target/$artifact-0.1.0-SNAPSHOT.jar" "$dir/"
done
sed "s#@localRepositoryUrl@#file://${HOME}/.m2/repository#" src/test/resources/it-settings.xml > benchmark/target/m2-settings.xml
export BENCH_MAVEN_REPO="$root/$private" BENCH_MAVEN_SETTINGS="$root/benchmark/target/m2-settings.xml"
status=0
java "${jvm[@]}" -cp "benchmark/target/classes:benchmark/target/lib/*" \
  dev.mlgitops.benchmark.Benchmark "$root" "${args[@]}" || status=$?
exit $status
