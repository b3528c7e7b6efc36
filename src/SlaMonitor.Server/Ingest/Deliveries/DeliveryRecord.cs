using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Ingest.Webhooks;

namespace SlaMonitor.Server.Ingest.Deliveries;

public static class DeliveryRecord
{
    public static WebhookDelivery Of(string carrierCode, Instant receivedAt, IResult result) => result switch
    {
        Accepted<CarrierWebhooksApi.WebhookResponse> { Value: { } answer } => new WebhookDelivery
        {
            CarrierCode = carrierCode,
            ReceivedAt = receivedAt.ToDateTimeUtc(),
            StatusCode = StatusCodes.Status202Accepted,
            Accepted = answer.Accepted,
            Duplicates = answer.Duplicates,
            DetailsJson = AdminJson.Serialize(answer.Results),
        },
        ProblemHttpResult problem => new WebhookDelivery
        {
            CarrierCode = carrierCode,
            ReceivedAt = receivedAt.ToDateTimeUtc(),
            StatusCode = problem.StatusCode,
            Problem = Truncate($"{problem.ProblemDetails.Title}: {problem.ProblemDetails.Detail}", 2000),
            DetailsJson = problem.ProblemDetails is HttpValidationProblemDetails validation ? AdminJson.Serialize(validation.Errors) : "{}",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "The webhook answers 202 or problem details."),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
