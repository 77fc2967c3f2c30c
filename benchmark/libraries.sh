#!/usr/bin/env bash
# Where a cold run spends its time, by library (issue 16): Flight Recorder recordings (jdk.ClassLoad,
# jdk.ExecutionSample) of the reference project, added up per library by the benchmark's Libraries:
#   - the CLI's validate and generate as bin/mlgitops starts them (its class-data archive, the quick JIT)
#   - the Maven goal: mvn validate (the plugin skipped), a full generate-resources, an up-to-date one
#   benchmark/libraries.sh [runs]   (default 3 runs of each)
# Run benchmark/run.sh --cold-start first: it builds the distribution, the benchmark's classes and
# the private Maven repository (benchmark/target/m2) with this build's plugin that this script uses.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-3}
target=$root/benchmark/target
for needed in "$target/classes" "$target/m2" "$target/m2-settings.xml"; do
  [[ -e "$needed" ]] || { echo "no $needed: run benchmark/run.sh --cold-start first" >&2; exit 2; }
done
tarball=
for candidate in cli/target/mlgitops-*.tar.gz; do tarball=$root/$candidate; done
[[ -f "$tarball" ]] || { echo "no cli/target/mlgitops-<version>.tar.gz: run benchmark/run.sh --cold-start first" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar xzf "$tarball" -C "$scratch"
home=$(echo "$scratch"/mlgitops-*)
jar=$(echo "$home"/lib/mlgitops-cli-*.jar)
work=$scratch/work
mkdir -p "$work"
cp example-repo/mlproject.yaml "$work/"
# the launcher's first use makes the archive; the recorded runs then use it as the launcher does
(cd "$work" && XDG_CACHE_HOME=$scratch/cache "$home/bin/mlgitops" validate -q >/dev/null 2>&1) || true
archive=$(find "$scratch/cache" -name '*.jsa' -o -name '*.aot' | head -1)
[[ -n "$archive" ]] || { echo "the launcher made no class-data archive" >&2; exit 3; }
# as the launcher uses it: an AOT cache on JDK 25 and later, a class-data archive before
if [[ "$archive" == *.aot ]]; then
  uses=(-XX:AOTCache="$archive" "-Xlog:aot*=off")
else
  uses=(-Xshare:auto -XX:SharedArchiveFile="$archive")
fi

record="-XX:FlightRecorderOptions:stackdepth=2048 -XX:StartFlightRecording:settings=profile,jdk.ClassLoad#enabled=true,jdk.ClassLoad#threshold=0ms,jdk.ExecutionSample#period=10ms"
analyse() {  # $1 title, rest: recordings
  java -cp "$target/classes" dev.mlgitops.benchmark.Libraries "$@"
}
cli() {  # $1 name, rest: the command
  local name=$1; shift
  local files=()
  for ((i = 0; i < runs; i++)); do
    # shellcheck disable=SC2086
    (cd "$work" && java -XX:TieredStopAtLevel=1 "${uses[@]}" -Xlog:cds*=off -Xlog:jfr*=off \
      ${record/settings=/filename=$scratch/$name-$i.jfr,settings=} -Dslf4j.internal.verbosity=ERROR \
      -cp "$jar" dev.mlgitops.cli.Main "$@" >/dev/null 2>&1) || true
    files+=("$scratch/$name-$i.jfr")
  done
  analyse "bin/mlgitops $* on the reference, cold (archive, quick JIT)" "${files[@]}"
}
cli validate validate -q
cli generate generate -q --no-incremental --output-directory "$scratch/out"

project=$scratch/example-repo
cp -r example-repo "$project"
rm -rf "$project/target"
mvn=(mvn -q -B -o "-Dmaven.repo.local=$target/m2" -s "$target/m2-settings.xml" -f "$project/pom.xml")
"${mvn[@]}" generate-resources >/dev/null  # fills the page cache and writes the stamp
maven() {  # $1 name, $2 title, rest: the goals and properties
  local name=$1 title=$2; shift 2
  local files=()
  for ((i = 0; i < runs; i++)); do
    MAVEN_OPTS="${record/settings=/filename=$scratch/$name-$i.jfr,settings=} -Xlog:jfr*=off" "${mvn[@]}" "$@" >/dev/null
    files+=("$scratch/$name-$i.jfr")
  done
  analyse "$title" "${files[@]}"
}
maven validate "mvn validate on example-repo (the plugin skipped), cold" validate -Dmlgitops.skip
maven full "mvn generate-resources on example-repo, full run (no stamp), cold" generate-resources -Dmlgitops.incremental=false
maven uptodate "mvn generate-resources on example-repo, up to date (its stamp), cold" generate-resources
