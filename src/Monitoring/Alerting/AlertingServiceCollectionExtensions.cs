using Monitoring.Alerting.Channels.Email;

namespace Monitoring.Alerting;

public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Registers alerting: the settings of <c>Monitoring:Alerting</c> (validated now: a service that cannot send its
    /// alerts should not start as if it could), the channels, the pipeline the probe job calls, the dispatcher and its
    /// recurring job. With no SMTP host, the email channel is off and nothing is queued.
    /// </summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AlertingOptions.Section);
        var alerting = section.Get<AlertingOptions>() ?? new AlertingOptions();
        var email = section.Get<EmailOptions>() ?? new EmailOptions();
        var problems = email.Validate().Concat(alerting.Validate(channelOn: email.IsConfigured)).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"The {AlertingOptions.Section} settings are invalid:" + Environment.NewLine +
                                                string.Join(Environment.NewLine, problems.Select(p => "  " + p)));

        services.AddSingleton(alerting);
        services.AddSingleton(email);
        services.AddSingleton<AckLinks>();
        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<AlertPipeline>();
        services.AddSingleton<AlertDispatcher>();
        services.AddTransient<AlertDispatchJob>();
        services.AddSingleton<Mail.MailDispatcher>();
        services.AddTransient<Mail.MailDispatchJob>();
        services.AddHostedService<AlertingStartupService>();
        return services;
    }

    /// <summary>Maps the acknowledgement link of alert emails.</summary>
    public static WebApplication MapAlerting(this WebApplication app)
    {
        app.MapAckEndpoints();
        return app;
    }
}
