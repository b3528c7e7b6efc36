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
    /// <summary>Escalations, their notifications (MailKit email, signed webhook with retries) and the wake-up settings.</summary>
    public static void AddSlaEscalations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WakeupOptions>().BindConfiguration(WakeupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookAlertOptions>().BindConfiguration(WebhookAlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<WakeupSignal>();
        services.AddSingleton<SlaMetrics>();
        services.AddSingleton<EmailSender>();
        services.AddScoped<EscalationKeeper>();
        services.AddScoped<EscalationWaker>();
        services.AddScoped<IEscalationAlerts, AlertNotifier>();
        services.AddTransient<AttemptRecorder>();
        var webhook = builder.Configuration.GetSection(WebhookAlertOptions.Section).Get<WebhookAlertOptions>() ?? new WebhookAlertOptions();
        var client = services.AddHttpClient<AlertWebhookClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("alert-webhook", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, webhook.MaxRetries),
                    ShouldHandle = webhook.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = webhook.RetryDelay,
                });
                pipeline.AddTimeout(webhook.Timeout);
            });

        // Added after the resilience handler, so it runs inside it and sees every try.
        client.AddHttpMessageHandler<AttemptRecorder>();
    }
}
