#!/usr/bin/env python3
"""Checks the PromQL of Grafana dashboards and alert rules against the service's metrics.

    scripts/check-dashboard-queries.py dashboards/grafana/dashboards/checkout.json ...
    scripts/check-dashboard-queries.py --rules dashboards/prometheus/rules/shopmon.yml

For every dashboard: each panel query and each variable query (label_values(metric, label)) must name only metrics
that src/Monitoring/Metrics/MonitoringMetrics.cs defines, filter only on labels those metrics have, and parse as
PromQL. Parsing is promtool's: the expressions, Grafana variables replaced by sample values, go into a temporary
rules file as recording rules and `promtool check rules` reads it. With --rules, the alert rules' metric names and
label filters are checked the same way (promtool check rules already parses them).
Prints nothing and exits 0 when all is well; otherwise one line per problem and exit 1.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
METRICS_SOURCE = os.path.join(ROOT, "src", "Monitoring", "Metrics", "MonitoringMetrics.cs")

# Labels every scraped series has, and the histogram's bucket label.
TARGET_LABELS = {"job", "instance"}
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")

# Grafana's interval variables need a duration; every other variable stands for a label value.
INTERVAL_VARIABLES = re.compile(r"\$(__rate_interval|__interval|__range)\b|\$\{(__rate_interval|__interval|__range)\}")
OTHER_VARIABLES = re.compile(r"\$\{?\w+\}?")


def defined_metrics():
    """Metric name -> its label names, from the Create* calls of MonitoringMetrics.cs."""
    with open(METRICS_SOURCE, encoding="utf-8") as f:
        source = f.read()
    metrics = {}
    # Each call runs to the next Create (a help text may hold ");"); its label list is its first [ "a", "b" ].
    calls = re.split(r"(?=\bCreate(?:Gauge|Counter|Histogram|Summary)\()", source)
    for call in calls:
        match = re.match(r'Create(Gauge|Counter|Histogram|Summary)\(\s*"(shopmon_\w+)"', call)
        if not match:
            continue
        kind, name = match.groups()
        lists = re.findall(r'\[\s*((?:"\w+"\s*,?\s*)+)\]', call)
        labels = set(re.findall(r'"(\w+)"', lists[0])) if lists else set()
        metrics[name] = labels
        if kind == "Histogram":
            for suffix in HISTOGRAM_SUFFIXES:
                metrics[name + suffix] = labels | ({"le"} if suffix == "_bucket" else set())
    return metrics


def problems_in(expr, where, metrics):
    """Unknown metric names and label filters on labels the metric does not have."""
    found = []
    for match in re.finditer(r"\b(shopmon_\w+)\s*(\{[^}]*\})?", expr):
        name, selector = match.group(1), match.group(2)
        if name not in metrics:
            found.append(f"{where}: unknown metric {name} (not in src/Monitoring/Metrics/MonitoringMetrics.cs)")
            continue
        for label in re.findall(r"(\w+)\s*(?:=~|!~|!=|=)", selector or ""):
            if label not in metrics[name] | TARGET_LABELS:
                found.append(f"{where}: {name} has no label '{label}' (it has: {', '.join(sorted(metrics[name])) or 'none'})")
    return found


def substitute_variables(expr):
    return OTHER_VARIABLES.sub("x", INTERVAL_VARIABLES.sub("5m", expr))


def dashboard_queries(path):
    """(where, expression) of every panel target and every query variable of a dashboard."""
    with open(path, encoding="utf-8") as f:
        dashboard = json.load(f)
    queries = []
    for panel in dashboard.get("panels", []):
        for target in panel.get("targets", []):
            if target.get("expr"):
                queries.append((f"{path}: panel '{panel.get('title')}' ({target.get('refId')})", target["expr"]))
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") != "query":
            continue
        query = variable.get("query")
        query = query.get("query", "") if isinstance(query, dict) else query or ""
        # label_values(metric, label) is Grafana's, not PromQL: check the metric part as an expression.
        match = re.fullmatch(r"\s*label_values\((.*),\s*(\w+)\s*\)\s*", query)
        if match:
            queries.append((f"{path}: variable '{variable['name']}'", match.group(1)))
    return queries


def promtool_parse(queries):
    """promtool's verdict on the expressions, as recording rules in a temporary rules file."""
    lines = ["groups:", "  - name: dashboard-queries", "    rules:"]
    for index, (_, expr) in enumerate(queries):
        lines.append(f"      - record: dashboard_query:{index}")
        lines.append(f"        expr: {json.dumps(substitute_variables(expr))}")
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        rules_file = f.name
    try:
        result = subprocess.run(["promtool", "check", "rules", rules_file], capture_output=True, text=True)
    finally:
        os.unlink(rules_file)
    if result.returncode == 0:
        return []
    # promtool names the rule by index; say which panel it is.
    output = result.stdout + result.stderr
    named = re.sub(r"dashboard_query:(\d+)", lambda m: f"{queries[int(m.group(1))][0]}", output)
    return [line for line in named.splitlines() if line.strip() and not line.startswith("Checking")]


def rules_file_expressions(path):
    """The expr: blocks of an alert rules file (one-line or '|' blocks), without YAML: the script needs no PyYAML."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    queries, index = [], 0
    while index < len(lines):
        match = re.match(r"^(\s*)expr:\s*(.*)$", lines[index])
        index += 1
        if not match:
            continue
        indent, value = len(match.group(1)), match.group(2)
        if value.strip() not in ("|", ">", "|-", ">-"):
            queries.append((f"{path}:{index}", value))
            continue
        block = []
        while index < len(lines) and (not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent):
            block.append(lines[index])
            index += 1
        queries.append((f"{path}:{index - len(block)}", "\n".join(block)))
    return queries


def main(arguments):
    metrics = defined_metrics()
    if not metrics:
        print(f"no metric found in {METRICS_SOURCE}")
        return 1
    problems = []
    if arguments[:1] == ["--rules"]:
        for path in arguments[1:]:
            for where, expr in rules_file_expressions(path):
                problems += problems_in(expr, where, metrics)
    else:
        for path in arguments:
            queries = dashboard_queries(path)
            if not queries:
                problems.append(f"{path}: no query found")
                continue
            for where, expr in queries:
                problems += problems_in(expr, where, metrics)
            problems += promtool_parse(queries)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
