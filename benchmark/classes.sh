#!/usr/bin/env bash
# The classes each command of the command-line tool loads (issue 16): one cold `java -jar` per
# command on the reference spec (example-repo/mlproject.yaml) in a scratch folder, with
# -Xlog:class+load, counted by library. Prints a Markdown table.
#   benchmark/classes.sh [cli-jar]   (default: cli/target/mlgitops-cli-<version>.jar; build it with
#                                     mvn -o -q -pl cli -am package -DskipTests)
# Needs java 17 and git on PATH. Writes only under a temporary folder, which it removes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=${1:-}
if [[ -z "$jar" ]]; then
  for candidate in cli/target/mlgitops-cli-*.jar; do jar=$candidate; done
fi
[[ -f "$jar" ]] || { echo "no CLI jar: build it with mvn -o -q -pl cli -am package -DskipTests" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
work=$scratch/work
mkdir -p "$work"
cp "$root/example-repo/mlproject.yaml" "$work/"
out=$scratch/out
# a Git repository on disk for publish (it clones it and commits the tree, without --push)
remote=$scratch/remote.git
git init -q --bare "$remote"

count() {  # $1 label, rest: the command's arguments
  local label=$1; shift
  local log=$scratch/classes.log
  rm -f "$log"
  (cd "$work" && java -Dslf4j.internal.verbosity=ERROR -Xlog:class+load:file="$log" -jar "$jar" "$@" >/dev/null 2>&1) || true
  awk -v label="$label" '
    / source: / {
      line = $0; sub(/^(\[[^]]*\])+ */, "", line); split(line, f, " "); name = f[1]; total++
      if (name ~ /^(java|javax|jdk|sun|com\.sun)\./) jdk++
      else if (name ~ /^dev\.mlgitops\./) ml++
      else if (name ~ /^(tools\.jackson|com\.fasterxml\.jackson)\./) jackson++
      else if (name ~ /^io\.fabric8\./) fabric8++
      else if (name ~ /^com\.networknt\./) networknt++
      else if (name ~ /^freemarker\./) freemarker++
      else if (name ~ /^org\.eclipse\.jgit\./) jgit++
      else if (name ~ /^picocli\./) picocli++
      else other++
    }
    END { printf "| `%s` | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", label, total, jdk, ml, jackson, fabric8, networknt, freemarker, jgit, picocli, other }
  ' "$log"
}

echo "| command | total | jdk | mlgitops | jackson | fabric8 | networknt | freemarker | jgit | picocli | other |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
count "--version" --version
count "--help" --help
count "validate" validate -q
count "generate" generate -q --output-directory "$out"
count "generate (up to date, its stamp)" generate -q --output-directory "$out"
count "check" check -q --output-directory "$out"
count "diff" diff -q --output-directory "$out" --review "$scratch/review.md"
count "publish (commit, no push)" publish -q --repository "file://$remote" --work-folder "$scratch/clone"
