using Monitoring.Probes;
using Prometheus;

namespace Monitoring.Metrics;

/// <summary>
/// Every Prometheus metric of the service, defined once. Labels carry only configured ids (probe), never URLs.
/// The registry is injected so that each test and each application instance has its own.
/// </summary>
public sealed class MonitoringMetrics
{
    /// <summary>The <c>result</c> values of <c>shopmon_notifications_total</c>.</summary>
    public const string NotificationSent = "sent", NotificationFailed = "failed", NotificationSuppressed = "suppressed";

    /// <summary>The <c>kind</c> values of <c>shopmon_monitoring_errors_total</c>: what the service could not do because its
    /// database failed. None of them is a failure of the shop.</summary>
    public const string ErrorProbeResultHeld = "probe_result_held", ErrorProbeResultDropped = "probe_result_dropped",
        ErrorCheckNotEvaluated = "check_not_evaluated", ErrorQualityScan = "quality_scan";

    /// <summary>Buckets from 50 ms to 30 s: a storefront answer is in the first few, a timeout in the last.</summary>
    private static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

    /// <summary>Buckets from 10 ms to 10 s: the scheduler polls every second, so an idle one starts runs up to a second
    /// late and a saturated one in the last buckets; finer around 1–2 s, the goal's edge, to estimate a p99 there.</summary>
    private static readonly double[] LagBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 5, 10];

    public MonitoringMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);

        ProbeSuccess = factory.CreateGauge("shopmon_probe_success",
            "Whether the last run of the probe was up (1: passed or degraded) or failed (0).", ["probe"]);
        ProbeDuration = factory.CreateHistogram("shopmon_probe_duration_seconds",
            "How long probe runs took, up to their timeout.", ["probe"],
            new HistogramConfiguration { Buckets = DurationBuckets });
        ProbeRuns = factory.CreateCounter("shopmon_probe_runs_total",
            "Probe runs by result (pass, degraded or fail).", ["probe", "result"]);
        ProbeFailures = factory.CreateCounter("shopmon_probe_failures_total",
            "Failed probe runs by reason (dns, connect, tls, timeout, http_status, assertion, latency, probe_error).",
            ["probe", "reason"]);
        ProbePhase = factory.CreateGauge("shopmon_probe_http_duration_seconds",
            "Duration of each phase of the last run (resolve, connect, tls, processing, transfer), as blackbox_exporter's.",
            ["probe", "phase"]);
        CertificateExpiry = factory.CreateGauge("shopmon_probe_ssl_earliest_cert_expiry",
            "When the certificate seen by the last run expires (Unix time), as blackbox_exporter's.", ["probe"]);
        ProbeStatusCode = factory.CreateGauge("shopmon_probe_http_status_code",
            "The HTTP status of the probe's last answer; 0 when none came.", ["probe"]);
        ProbeLastRun = factory.CreateGauge("shopmon_probe_last_run_timestamp_seconds",
            "When the probe last ran (Unix time).", ["probe"]);
        CheckState = factory.CreateGauge("shopmon_check_state",
            "The check's state: one series per state, 1 for the current one (unknown, up, degraded, pending, down, recovering).",
            ["probe", "state"]);
        CheckFlags = factory.CreateGauge("shopmon_check_flag",
            "1 while the check is in maintenance or flapping.", ["probe", "flag"]);
        Availability = factory.CreateGauge("shopmon_availability_ratio",
            "State-based availability over a rolling window (24h, 7d, 30d), maintenance excluded; absent until observed.",
            ["probe", "window"]);
        IncidentsOpen = factory.CreateGauge("shopmon_incidents_open",
            "Open incidents by owning team and severity.", ["team", "severity"]);
        ConfigLoaded = factory.CreateGauge("shopmon_config_last_reload_success_timestamp_seconds",
            "When the checks configuration was last loaded successfully (Unix time).");
        ConfigReloadSuccessful = factory.CreateGauge("shopmon_config_last_reload_successful",
            "1 when the files in checks/ are the configuration in force; 0 while a changed version is refused for its errors.");
        ConfigErrors = factory.CreateGauge("shopmon_config_errors",
            "Errors in the refused version of checks/ (0 when the files on disk are in force).");
        ConfiguredProbes = factory.CreateGauge("shopmon_config_probes",
            "How many probes the configuration in force declares.");
        Notifications = factory.CreateCounter("shopmon_notifications_total",
            "Alert notifications by channel, kind (trigger, reminder, escalation, resolve) and result (sent; failed: an attempt " +
            "failed and will be retried; suppressed: cancelled as no longer worth sending).", ["channel", "kind", "result"]);
        AlertOutboxPending = factory.CreateGauge("shopmon_alert_outbox_pending",
            "Alert notifications queued and not yet sent (waiting for group_wait, a retry, or the mail server).");
        MailOutboxPending = factory.CreateGauge("shopmon_mail_outbox_pending",
            "Report emails (weekly KPI report, monthly pack, KPI anomalies, quality digests) queued and not yet sent.");
        SchedulerLag = factory.CreateHistogram("shopmon_scheduler_lag_seconds",
            "How late each scheduled probe run started after the second its schedule asked for (queueing included).",
            new HistogramConfiguration { Buckets = LagBuckets });
        SchedulerJobs = factory.CreateGauge("shopmon_scheduler_jobs",
            "Background jobs by state at the scrape: enqueued (waiting for a worker), scheduled (delayed), processing.",
            ["state"]);
        SourceRows = factory.CreateCounter("shopmon_source_rows_total",
            "Records imported from the shop's data sources by entity and outcome (inserted, updated, unchanged, rejected).",
            ["source", "entity", "outcome"]);
        SourceLastSuccess = factory.CreateGauge("shopmon_source_last_success_timestamp_seconds",
            "When an import of the source last ended without error (Unix time).", ["source"]);
        SourceFailures = factory.CreateCounter("shopmon_source_import_failures_total",
            "Imports of the source that stopped on an error (file missing or unreadable, database unreachable).", ["source"]);
        ScenarioStepDuration = factory.CreateGauge("shopmon_scenario_step_duration_seconds",
            "How long each step of the scenario's last run took (steps not run keep their previous value).", ["scenario", "step"]);
        ScenarioStepSuccess = factory.CreateGauge("shopmon_scenario_step_success",
            "Whether the step passed (1, degraded included) in the scenario's last run; 0 when it failed or was not run.",
            ["scenario", "step"]);
        ScenarioFailedStep = factory.CreateGauge("shopmon_scenario_failed_step",
            "1 for the step at which the scenario's last run failed, 0 for every other step: which step broke.",
            ["scenario", "step"]);
        ScenarioStepFailures = factory.CreateCounter("shopmon_scenario_step_failures_total",
            "Failed runs of each step by reason (dns, connect, tls, timeout, http_status, assertion, latency, probe_error).",
            ["scenario", "step", "reason"]);
        KpiValue = factory.CreateGauge("shopmon_kpi_value",
            "A KPI over the last complete period of the shop's calendar (period: day = yesterday, week = the last ISO week), " +
            "for a segment (* = the whole shop); ratios 0-1, amounts excl. VAT; absent when the KPI has no value.",
            ["kpi", "period", "segment"]);
        KpiAnomaly = factory.CreateGauge("shopmon_kpi_anomaly",
            "Whether the KPI over the last complete period (period: day = yesterday, week = the last ISO week) left its " +
            "same-weekday baseline, whole shop: -1 a drop, 1 a spike, 0 normal; absent when the KPI has no value to judge.",
            ["kpi", "period"]);
        QualityScore = factory.CreateGauge("shopmon_quality_score_ratio",
            "The domain's revenue-weighted data-quality score at the last scan (0-1; catalogue, customers, media).", ["domain"]);
        QualityFindingsOpen = factory.CreateGauge("shopmon_quality_findings_open",
            "Unresolved, not ignored findings of each configured quality rule at the last scan.", ["rule", "severity"]);
        MonitoringErrors = factory.CreateCounter("shopmon_monitoring_errors_total",
            "Work the service could not do because its database failed, by kind: probe_result_held (a run's result kept in " +
            "memory until the database answers), probe_result_dropped (the memory buffer was full), check_not_evaluated (a run " +
            "did not move its check's state), quality_scan (a scan stopped and was retried). Errors of the monitoring, never of the shop.",
            ["kind"]);
        foreach (var kind in new[] { ErrorProbeResultHeld, ErrorProbeResultDropped, ErrorCheckNotEvaluated, ErrorQualityScan })
            MonitoringErrors.WithLabels(kind);
        BuildInfo = factory.CreateGauge("shopmon_build_info",
            "Always 1; the labels say which version runs.", ["version"]);
        BuildInfo.WithLabels(typeof(MonitoringMetrics).Assembly.GetName().Version?.ToString(3) ?? "unknown").Set(1);
    }

    public CollectorRegistry Registry { get; }

    public Gauge ProbeSuccess { get; }

    public Histogram ProbeDuration { get; }

    public Counter ProbeRuns { get; }

    public Counter ProbeFailures { get; }

    public Gauge ProbePhase { get; }

    public Gauge CertificateExpiry { get; }

    public Gauge ProbeStatusCode { get; }

    public Gauge ProbeLastRun { get; }

    public Gauge CheckState { get; }

    public Gauge CheckFlags { get; }

    public Gauge Availability { get; }

    public Gauge IncidentsOpen { get; }

    public Gauge ConfigLoaded { get; }

    public Gauge ConfigReloadSuccessful { get; }

    public Gauge ConfigErrors { get; }

    public Gauge ConfiguredProbes { get; }

    public Counter Notifications { get; }

    public Gauge AlertOutboxPending { get; }

    public Gauge MailOutboxPending { get; }

    public Histogram SchedulerLag { get; }

    public Gauge SchedulerJobs { get; }

    public Gauge BuildInfo { get; }

    public Counter MonitoringErrors { get; }

    public Gauge KpiValue { get; }

    public Gauge KpiAnomaly { get; }

    public Gauge QualityScore { get; }

    public Gauge QualityFindingsOpen { get; }

    public Gauge ScenarioStepDuration { get; }

    public Gauge ScenarioStepSuccess { get; }

    public Gauge ScenarioFailedStep { get; }

    public Counter ScenarioStepFailures { get; }

    public Counter SourceRows { get; }

    public Gauge SourceLastSuccess { get; }

    public Counter SourceFailures { get; }

    /// <summary>
    /// Publishes the series of every configured probe at zero so that rate() and absent() work from the first scrape,
    /// and removes the series of probes no longer configured.
    /// </summary>
    /// <summary>Counts what an import did, per entity and outcome.</summary>
    public void RecordImport(Shop.Import.ImportReport report, DateTimeOffset finishedAt)
    {
        foreach (var (entity, counts) in report.Entities)
        {
            SourceRows.WithLabels(report.Source, entity, "inserted").Inc(counts.Inserted);
            SourceRows.WithLabels(report.Source, entity, "updated").Inc(counts.Updated);
            SourceRows.WithLabels(report.Source, entity, "unchanged").Inc(counts.Unchanged);
            SourceRows.WithLabels(report.Source, entity, "rejected").Inc(counts.Rejected);
        }
        if (report.Succeeded) SourceLastSuccess.WithLabels(report.Source).Set(finishedAt.ToUnixTimeMilliseconds() / 1000.0);
        else SourceFailures.WithLabels(report.Source).Inc();
    }

    public void TrackProbes(IReadOnlyList<ProbeDefinition> probes, DateTimeOffset loadedAt)
    {
        var ids = probes.Select(p => p.Id).ToHashSet();
        RemoveStale(ProbeRuns, ids);
        RemoveStale(ProbeSuccess, ids);
        RemoveStale(ProbeDuration, ids);
        RemoveStale(ProbeStatusCode, ids);
        RemoveStale(ProbeLastRun, ids);
        RemoveStale(ProbeFailures, ids);
        RemoveStale(ProbePhase, ids);
        RemoveStale(CertificateExpiry, ids);
        RemoveStale(CheckState, ids);
        RemoveStale(CheckFlags, ids);
        RemoveStale(Availability, ids);

        foreach (var id in ids)
        {
            foreach (var outcome in Enum.GetValues<ProbeOutcome>())
                ProbeRuns.WithLabels(id, ProbeNames.Of(outcome));
            ProbeDuration.WithLabels(id);
            foreach (var status in Enum.GetValues<Incidents.CheckStatus>())
                CheckState.WithLabels(id, status.ToString().ToLowerInvariant()).Set(status == Incidents.CheckStatus.Unknown ? 1 : 0);
            CheckFlags.WithLabels(id, "maintenance");
            CheckFlags.WithLabels(id, "flapping");
        }
        TrackScenarios(probes);
        ConfiguredProbes.Set(probes.Count);
        ConfigLoaded.Set(loadedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    public void RecordProbeResult(ProbeResult result)
    {
        ProbeSuccess.WithLabels(result.ProbeId).Set(result.IsUp ? 1 : 0);
        ProbeDuration.WithLabels(result.ProbeId).Observe(result.Duration.TotalSeconds);
        ProbeRuns.WithLabels(result.ProbeId, ProbeNames.Of(result.Outcome)).Inc();
        if (!result.IsUp)
            ProbeFailures.WithLabels(result.ProbeId, ProbeNames.Of(result.Failure)).Inc();
        foreach (var (phase, duration) in result.Phases)
            ProbePhase.WithLabels(result.ProbeId, phase).Set(duration.TotalSeconds);
        if (result.CertificateExpiresAt is { } expiry)
            CertificateExpiry.WithLabels(result.ProbeId).Set(expiry.ToUnixTimeSeconds());
        ProbeStatusCode.WithLabels(result.ProbeId).Set(result.StatusCode ?? 0);
        ProbeLastRun.WithLabels(result.ProbeId).Set((result.StartedAt + result.Duration).ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>Publishes the step series of every configured scenario (success and failed_step at 0) and removes those of
    /// steps no longer configured, so that a renamed step does not report its last value forever.</summary>
    private void TrackScenarios(IReadOnlyList<ProbeDefinition> probes)
    {
        var steps = probes.Where(p => p.Settings is Scenarios.IScenarioSettings)
            .SelectMany(p => ((Scenarios.IScenarioSettings)p.Settings).StepIds.Select(s => (Scenario: p.Id, Step: s))).ToHashSet();
        foreach (var metric in new Collector<Gauge.Child>[] { ScenarioStepDuration, ScenarioStepSuccess, ScenarioFailedStep })
        foreach (var labels in metric.GetAllLabelValues().Where(l => !steps.Contains((l[0], l[1]))).ToList())
            metric.RemoveLabelled(labels);
        foreach (var labels in ScenarioStepFailures.GetAllLabelValues().Where(l => !steps.Contains((l[0], l[1]))).ToList())
            ScenarioStepFailures.RemoveLabelled(labels);
        foreach (var (scenario, step) in steps)
        {
            ScenarioStepSuccess.WithLabels(scenario, step);
            ScenarioFailedStep.WithLabels(scenario, step);
        }
    }

    /// <summary>Publishes the steps of a scenario run: durations of the steps that ran, success per step, and which step
    /// failed (the first that did; a run stops there, so later failures can only be cleanup steps).</summary>
    public void RecordScenarioSteps(string scenarioId, IReadOnlyList<Scenarios.StepResult> steps)
    {
        var culprit = steps.FirstOrDefault(s => s.Outcome == Scenarios.StepOutcome.Fail);
        foreach (var step in steps)
        {
            if (step.Outcome != Scenarios.StepOutcome.Skipped)
                ScenarioStepDuration.WithLabels(scenarioId, step.StepId).Set(step.Duration.TotalSeconds);
            var passed = step.Outcome is Scenarios.StepOutcome.Pass or Scenarios.StepOutcome.Degraded;
            ScenarioStepSuccess.WithLabels(scenarioId, step.StepId).Set(passed ? 1 : 0);
            ScenarioFailedStep.WithLabels(scenarioId, step.StepId).Set(step == culprit ? 1 : 0);
            if (step.Outcome == Scenarios.StepOutcome.Fail)
                ScenarioStepFailures.WithLabels(scenarioId, step.StepId, ProbeNames.Of(step.Failure)).Inc();
        }
    }

    /// <summary>Publishes a check's state as a state set (one series per state, the current one at 1).</summary>
    public void RecordCheckState(Incidents.CheckState state)
    {
        foreach (var status in Enum.GetValues<Incidents.CheckStatus>())
            CheckState.WithLabels(state.CheckId, status.ToString().ToLowerInvariant()).Set(status == state.Status ? 1 : 0);
        CheckFlags.WithLabels(state.CheckId, "maintenance").Set(state.InMaintenance ? 1 : 0);
        CheckFlags.WithLabels(state.CheckId, "flapping").Set(state.Flapping ? 1 : 0);
    }

    /// <summary>Publishes every notification series of a channel at zero, so that increase() works from the first alert.</summary>
    public void TrackNotificationChannel(string channel)
    {
        foreach (var kind in Enum.GetValues<Alerting.NotificationKind>())
            foreach (var result in new[] { NotificationSent, NotificationFailed, NotificationSuppressed })
                Notifications.WithLabels(channel, Alerting.NotificationNames.Of(kind), result);
    }

    public void RecordNotification(string channel, string kind, string result) => Notifications.WithLabels(channel, kind, result).Inc();

    /// <summary>Publishes a quality scan: each domain's score as a ratio, and the open findings of every configured
    /// rule (0 included, so that alerts on increase() work); the series of rules no longer configured are removed.</summary>
    /// <summary>Publishes the KPIs of one period and segment; a KPI without a value loses its series rather than showing 0.</summary>
    public void RecordKpis(string period, string segment, IEnumerable<(string Kpi, decimal? Value)> values)
    {
        foreach (var (kpi, value) in values)
        {
            if (value is { } v) KpiValue.WithLabels(kpi, period, segment).Set((double)v);
            else KpiValue.RemoveLabelled(kpi, period, segment);
        }
    }

    /// <summary>Publishes the anomaly scan of one period (day or week): −1, 1 or 0 per judged KPI; the others lose their series.</summary>
    public void RecordKpiAnomalies(string period, IEnumerable<(string Kpi, int Direction)> directions)
    {
        var judged = new HashSet<string>();
        foreach (var (kpi, direction) in directions)
        {
            KpiAnomaly.WithLabels(kpi, period).Set(direction);
            judged.Add(kpi);
        }
        foreach (var labels in KpiAnomaly.GetAllLabelValues().Where(l => l[1] == period && !judged.Contains(l[0])).ToList())
            KpiAnomaly.RemoveLabelled(labels);
    }

    public void RecordQuality(IReadOnlyList<Quality.Scoring.DomainScore> domains, IReadOnlyList<Quality.QualityRuleDefinition> rules,
        IReadOnlyDictionary<string, int> openByRule)
    {
        foreach (var domain in domains) QualityScore.WithLabels(domain.Domain).Set(domain.Score / 100);
        var series = rules.Select(r => (r.Id, Severity: Quality.QualityNames.Name(r.Severity))).ToHashSet();
        foreach (var (rule, severity) in series) QualityFindingsOpen.WithLabels(rule, severity).Set(openByRule.GetValueOrDefault(rule));
        foreach (var labels in QualityFindingsOpen.GetAllLabelValues().Where(l => !series.Contains((l[0], l[1]))).ToList())
            QualityFindingsOpen.RemoveLabelled(labels);
    }

    private static void RemoveStale<TChild>(Collector<TChild> metric, HashSet<string> ids) where TChild : ChildBase
    {
        foreach (var labels in metric.GetAllLabelValues().Where(l => !ids.Contains(l[0])).ToList())
            metric.RemoveLabelled(labels);
    }
}
