#!/usr/bin/env bash
# Self-check of the SPI compatibility check (japicmp against platform-api/baseline, see CONTRIBUTING.md).
#
# On a throwaway copy of git HEAD, with this working tree's pom.xml files and baseline jars copied in, it builds
# platform-api four times and expects:
#   (0) HEAD unchanged                                          -> the build passes
#   (a) a new default method in io.quantplug.api.strategy.Strategy   -> the build passes
#   (b) StrategyContext#logger() removed                        -> the build fails, naming logger()
#   (c) StrategyContext#cancel(ClientOrderId) now takes a String -> the build fails, naming cancel
# It prints one line per outcome and exits 0 only when all of them are as expected. It never writes to the
# repository it lives in: the copy comes from `git archive HEAD` (no worktree is registered) under a temp dir that
# is deleted on exit.
#
# Maven runs offline (-o) by default; set QP_SELFCHECK_MVN_ARGS (e.g. to "") to let it download the plugin.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/qp-japicmp-selfcheck.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
COPY="$WORK/repo"
mkdir -p "$COPY"

git -C "$REPO" archive --format=tar HEAD | tar -x -C "$COPY"
# The working tree's poms (tracked or new, never under target/) and the committed-to-be baseline jars.
while IFS= read -r pom; do
  if [[ -f "$REPO/$pom" ]]; then
    mkdir -p "$COPY/$(dirname "$pom")"
    cp "$REPO/$pom" "$COPY/$pom"
  fi
done < <(git -C "$REPO" ls-files --cached --others --exclude-standard -- 'pom.xml' '*/pom.xml')
for module in platform-api sdk; do
  rm -rf "${COPY:?}/$module/baseline"
  cp -r "$REPO/$module/baseline" "$COPY/$module/baseline"
done

API="$COPY/platform-api/src/main/java/io/quantplug/api/strategy"
cp "$API/Strategy.java" "$WORK/Strategy.java.orig"
cp "$API/StrategyContext.java" "$WORK/StrategyContext.java.orig"
read -r -a MVN_ARGS <<< "${QP_SELFCHECK_MVN_ARGS--o}"
failures=0

restore_sources() {
  cp "$WORK/Strategy.java.orig" "$API/Strategy.java"
  cp "$WORK/StrategyContext.java.orig" "$API/StrategyContext.java"
}

# edited TEXT FILE: stops the self-check when an edit below did not apply (the source it expects has moved on).
edited() {
  if ! grep -qF -- "$1" "$2"; then
    echo "self-check broken: '$1' not found in $2 after the edit" >&2
    exit 2
  fi
}

# check LABEL pass|fail [PATTERN...]: builds platform-api and compares the outcome with the expectation. It counts
# only if japicmp ran and its report (target/japicmp/spi-compatibility.diff) matches every PATTERN; an expected
# failure must also be japicmp's own.
check() {
  local label=$1 expect=$2 rc=0
  shift 2
  local log="$WORK/build-${label%% *}.log"
  rm -rf "$COPY/platform-api/target"
  (cd "$COPY" && mvn -B -ntp "${MVN_ARGS[@]}" -pl platform-api verify -DskipTests) > "$log" 2>&1 || rc=$?
  local diff="$COPY/platform-api/target/japicmp/spi-compatibility.diff"
  local ran=no
  grep -q 'japicmp-maven-plugin:[^ ]*:cmp (spi-compatibility)' "$log" && [[ -f "$diff" ]] && ran=yes
  local verdict ok=yes
  if [[ $expect == pass ]]; then
    [[ $rc -eq 0 && $ran == yes ]] || ok=no
  else
    [[ $rc -ne 0 && $ran == yes ]] && grep -q 'ERROR.*japicmp-maven-plugin.*:cmp (spi-compatibility)' "$log" || ok=no
  fi
  local pattern
  for pattern in "$@"; do
    [[ -f $diff ]] && grep -q -- "$pattern" "$diff" || ok=no
  done
  if [[ $rc -eq 0 ]]; then verdict="build passed"; else verdict="build failed (exit $rc)"; fi
  if [[ $ok == yes ]]; then
    echo "OK    $label: expected $expect, $verdict"
  else
    echo "WRONG $label: expected $expect, $verdict; japicmp ran: $ran; log follows"
    grep -E 'ERROR|BUILD|japicmp' "$log" | head -40 | sed 's/^/      /'
    failures=$((failures + 1))
  fi
  if [[ $expect == fail || $ok == no ]] && [[ -f "$diff" ]]; then
    grep -E '^\s*(\*\*\*|---|\+\+\+|===)[!*]' "$diff" | sed 's/^[[:space:]]*/      japicmp: /'
    grep -o 'There is at least one incompatibility: .*' "$log" | head -1 | sed 's/^/      /'
  fi
  restore_sources
}

check "(0) HEAD unchanged" pass

perl -0pi -e 's/\}\s*\z/
    \/**
     * Self-check probe: a default method added to the interface.
     *
     * \@return always {\@code 0}
     *\/
    default int japicmpSelfCheckProbe() {
        return 0;
    }
}
/' "$API/Strategy.java"
edited 'default int japicmpSelfCheckProbe()' "$API/Strategy.java"
check "(a) Strategy gains default method japicmpSelfCheckProbe()" pass 'NEW METHOD.*japicmpSelfCheckProbe()'

perl -0pi -e 's{\n[ \t]*/\*\*(?:(?!\*/).)*?\*/\s*System\.Logger logger\(\);\n}{\n}s' "$API/StrategyContext.java"
if grep -q 'logger()' "$API/StrategyContext.java"; then
  echo "self-check broken: could not remove logger() from StrategyContext.java" >&2
  exit 2
fi
check "(b) StrategyContext loses logger()" fail 'REMOVED.*logger()'

perl -pi -e 's/void cancel\(ClientOrderId clientOrderId\);/void cancel(String clientOrderId);/' \
  "$API/StrategyContext.java"
edited 'void cancel(String clientOrderId);' "$API/StrategyContext.java"
check "(c) StrategyContext#cancel(ClientOrderId) becomes cancel(String)" fail \
  'REMOVED.*cancel(io.quantplug.api.order.ClientOrderId)'

if [[ $failures -eq 0 ]]; then
  echo "japicmp self-check: all 4 outcomes as expected"
else
  echo "japicmp self-check: $failures of 4 outcomes NOT as expected"
  exit 1
fi
