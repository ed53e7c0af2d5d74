#!/usr/bin/env bash
# Checks the deployment and dashboard files: docker-compose.yml, the Prometheus config and alert rules (with their
# unit tests) and every Grafana dashboard JSON. Prints one "ok: ..." line per check; exits non-zero on the first failure.
# Installs nothing: on Debian, apt-get install -y --no-install-recommends prometheus docker-compose
set -euo pipefail

cd "$(dirname "$0")/.."

missing=()
for tool in docker-compose promtool python3; do
  command -v "$tool" > /dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  echo "error: missing tool(s): ${missing[*]}" >&2
  echo "       install them first, e.g. apt-get install -y --no-install-recommends prometheus docker-compose python3" >&2
  exit 127
fi

# Runs a check quietly; on failure shows its output and stops.
check() {
  local name=$1
  shift
  local output
  if output=$("$@" 2>&1); then
    echo "ok: $name"
  else
    echo "FAILED: $name" >&2
    echo "$output" >&2
    exit 1
  fi
}

check "docker-compose -f docker-compose.yml config -q" docker-compose -f docker-compose.yml config -q
check "promtool check config dashboards/prometheus/prometheus.yml" \
  promtool check config dashboards/prometheus/prometheus.yml
check "promtool check rules dashboards/prometheus/rules/shopmon.yml" \
  promtool check rules dashboards/prometheus/rules/shopmon.yml
check "promtool test rules dashboards/prometheus/rules/shopmon_test.yml" \
  promtool test rules dashboards/prometheus/rules/shopmon_test.yml
check "metric names and labels of dashboards/prometheus/rules/shopmon.yml" \
  python3 scripts/check-dashboard-queries.py --rules dashboards/prometheus/rules/shopmon.yml

shopt -s nullglob
dashboards=(dashboards/grafana/dashboards/*.json)
if ((${#dashboards[@]} == 0)); then
  echo "FAILED: no dashboard JSON in dashboards/grafana/dashboards" >&2
  exit 1
fi
for file in "${dashboards[@]}"; do
  check "python3 -m json.tool $file" python3 -m json.tool "$file"
  check "PromQL of $file (promtool, metric names and labels)" python3 scripts/check-dashboard-queries.py "$file"
done
