using System.Text.Json;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class PolicyValidation
{
    public static readonly IReadOnlyList<string> Clocks = ["elapsed", "business"];
    public static readonly IReadOnlyList<string> Milestones = ["DELIVERED", "TECHNICIAN_ONSITE", "RESOLVED"];
    public static readonly IReadOnlyList<string> PauseKinds = ["CUSTOMER_HOLD", "CUSTOMS_HOLD"];
    public static readonly IReadOnlyList<string> NotifyTargets = ["board", "accountManager", "dutyManager"];

    public static void Validate(PolicyBody body, ValidationErrors errors)
    {
        if (errors.Required("clock", body.Clock) is { } clock && !Clocks.Contains(clock))
        {
            errors.Add("clock", "must be 'elapsed' or 'business'.");
        }

        ValidateTarget(body.Target, errors);
        if (errors.Required("fulfilledBy", body.FulfilledBy) is { } milestone && !Milestones.Contains(milestone))
        {
            errors.Add("fulfilledBy", $"must be one of {string.Join(", ", Milestones)}.");
        }

        for (var i = 0; i < (body.PauseOn?.Count ?? 0); i++)
        {
            if (!PauseKinds.Contains(body.PauseOn![i]))
            {
                errors.Add($"pauseOn[{i}]", $"must be one of {string.Join(", ", PauseKinds)}.");
            }
        }

        errors.IsoDuration("atRiskMargin", body.AtRiskMargin, mustBePositive: false);
        if (body.ProbabilityThreshold is { } p && (p <= 0 || p >= 1 || double.IsNaN(p)))
        {
            errors.Add("probabilityThreshold", "must be between 0 and 1 (exclusive).");
        }

        ValidateLadder(body.Escalation, errors);
    }

    public static CutoffTargetBody? ReadCutoff(JsonElement target) =>
        target.ValueKind == JsonValueKind.Object ? target.Deserialize<CutoffTargetBody>(AdminJson.Options) : null;

    private static void ValidateTarget(JsonElement? target, ValidationErrors errors)
    {
        switch (target?.ValueKind)
        {
            case null or JsonValueKind.Null or JsonValueKind.Undefined:
                errors.Add("target", "is required: an ISO duration such as \"PT4H\" or { \"nextBusinessDayBy\": \"17:00\", \"cutoff\": \"15:00\" }.");
                break;
            case JsonValueKind.String:
                errors.IsoDuration("target", target.Value.GetString(), mustBePositive: true);
                break;
            case JsonValueKind.Object:
                var cutoff = ReadCutoff(target.Value)!;
                errors.Time("target.nextBusinessDayBy", cutoff.NextBusinessDayBy);
                errors.Time("target.cutoff", cutoff.Cutoff);
                if (cutoff.Days is < 1 or > 30)
                {
                    errors.Add("target.days", "must be between 1 and 30.");
                }

                break;
            default:
                errors.Add("target", "must be an ISO duration string or a cut-off object.");
                break;
        }
    }

    private static void ValidateLadder(IReadOnlyList<EscalationStepBody>? ladder, ValidationErrors errors)
    {
        for (var i = 0; i < (ladder?.Count ?? 0); i++)
        {
            var step = ladder![i];
            if (step.Level is not { } level || level < 1)
            {
                errors.Add($"escalation[{i}].level", "is required and must be 1 or more.");
            }
            else if (i > 0 && ladder[i - 1].Level is { } previous && level <= previous)
            {
                errors.Add($"escalation[{i}].level", "levels must increase.");
            }

            if (errors.Required($"escalation[{i}].notify", step.Notify, 64) is { } notify && !NotifyTargets.Contains(notify))
            {
                errors.Add($"escalation[{i}].notify", $"must be one of {string.Join(", ", NotifyTargets)}.");
            }

            errors.IsoDuration($"escalation[{i}].after", step.After, mustBePositive: false);
        }
    }
}
