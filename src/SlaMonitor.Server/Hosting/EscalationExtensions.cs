using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Scheduling;

namespace SlaMonitor.Server.Hosting;

public static class EscalationExtensions
{
    /// <summary>
    /// Escalations, their notifications (MailKit email, signed webhook with retries, no redirects, the connected address
    /// checked by <see cref="AlertTargetConnector"/>) and the wake-up settings.
    /// </summary>
    public static EscalationOptions AddSlaEscalations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var escalations = builder.AddSettings<EscalationOptions>(EscalationOptions.Section);
        builder.AddSettings<WakeupOptions>(WakeupOptions.Section);
        var webhook = builder.AddSettings<WebhookAlertOptions>(WebhookAlertOptions.Section);
        builder.AddSettings<SmtpOptions>(SmtpOptions.Section);
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<WakeupSignal>();
        services.AddSingleton<SlaMetrics>();
        // A singleton, so the host's shutdown closes its connections.
        services.AddSingleton<SmtpConnections>();
        services.AddSingleton<EmailSender>();
        services.AddScoped<EscalationKeeper>();
        services.AddScoped<EscalationWaker>();
        services.AddScoped<AlertNotifier>();
        builder.AddSettings<AlertDeliveryOptions>(AlertDeliveryOptions.Section);
        // In every role, so escalations can ring it; only workers run it (AddSlaScheduling).
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IEscalationAlerts>(sp => sp.GetRequiredService<AlertDispatcher>());
        services.AddTransient<AttemptRecorder>();
        services.AddSingleton(sp => new AlertTargetPolicy(
            sp.GetRequiredService<WebhookAlertOptions>().AllowedTargets, sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        var client = services.AddHttpClient<AlertWebhookClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                // Through a proxy the connected address would be the proxy's, and the target's would go unchecked.
                UseProxy = false,
                ConnectCallback = new AlertTargetConnector(sp.GetRequiredService<AlertTargetPolicy>()).ConnectAsync,
            });
        var retried = new HttpRetryStrategyOptions().ShouldHandle;
        client.AddResilienceHandler("alert-webhook", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, webhook.MaxRetries),
                    ShouldHandle = webhook.MaxRetries == 0
                        ? _ => PredicateResult.False()
                        : args => args.Outcome.Exception?.InnerException is AlertTargetRefusedException ? PredicateResult.False() : retried(args),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = webhook.RetryDelay,
                });
                pipeline.AddTimeout(webhook.Timeout);
            });

        // Added after the resilience handler, so it runs inside it and sees every try.
        client.AddHttpMessageHandler<AttemptRecorder>();
        return escalations;
    }
}
