#!/usr/bin/env bash
# The test command: installs missing test dependencies (as root), runs every test project of the solution and the
# checks of the deployment files, then prints one summary line: "tests: N passed, N failed".
set -uo pipefail

cd "$(dirname "$0")/.."
results=TestResults
rm -rf "$results"

bash scripts/install-test-deps.sh || exit 1

echo "building..."
dotnet build Monitoring.sln --configuration Release 2>&1 | grep -E "error|Build succeeded|Time Elapsed"
build_status=${PIPESTATUS[0]}

# One test project at a time (-m:1): the integration tests drive real Chromium, PostgreSQL and Kestrel servers with
# timeouts, and sharing two cores with the unit tests' burst made browser steps miss them on a loaded machine.
echo "running the tests (unit, integration on SQLite and PostgreSQL, end to end)..."
dotnet test Monitoring.sln --configuration Release --no-build -m:1 --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | grep -E "^\s+(Passed|Failed|Skipped) |error|Failed!|Passed!|Error Message|Total tests"
dotnet_status=${PIPESTATUS[0]}
[ "$build_status" = 0 ] || dotnet_status=$build_status

echo "checking docker-compose.yml, Prometheus rules and Grafana dashboards..."
dashboards_output=$(bash scripts/check-dashboards.sh 2>&1)
dashboards_status=$?
echo "$dashboards_output"

# Sum the counters of every TRX report; each dashboard check counts as one test.
passed=0
failed=0
skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
ok_checks=$(echo "$dashboards_output" | grep -c '^ok: ' || true)
passed=$((passed + ok_checks))
if [ "$dashboards_status" != 0 ]; then failed=$((failed + 1)); fi
if [ "$dotnet_status" != 0 ] && [ "$failed" = 0 ]; then
  echo "dotnet test failed before reporting any failed test (build error?)" >&2
  failed=1
fi

# Name every failed test (and the start of its message) just above the summary, where a CI log's tail shows it.
if [ "$failed" != 0 ]; then
  if command -v python3 >/dev/null; then
    python3 scripts/failed-tests.py "$results"/*.trx || true
  else
    cat "$results"/*.trx | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' | grep -o 'testName="[^"]*"' || true
  fi
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
