using System.Runtime.InteropServices;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using SlaMonitor.Client.Models;

namespace SlaMonitor.Client;

/// <summary>Requests whose JSON body is sent byte for byte, not serialised from the generated models.</summary>
public partial class SlaMonitorApiClient
{
    /// <summary>How the hand-written requests map a refusal: as the generated ones do.</summary>
    internal static readonly Dictionary<string, ParsableFactory<IParsable>> Problems = new()
    {
        ["400"] = HttpValidationProblemDetails.CreateFromDiscriminatorValue,
        ["422"] = HttpValidationProblemDetails.CreateFromDiscriminatorValue,
        ["4XX"] = ProblemDetails.CreateFromDiscriminatorValue,
        ["5XX"] = ProblemDetails.CreateFromDiscriminatorValue,
    };

    /// <summary>
    /// Sends <paramref name="request"/> (built by a generated builder, e.g.
    /// <c>client.Api.V1.Sites["BR-SP"].ToPutRequestInformation(new())</c>) with <paramref name="json"/> (UTF-8) as its body in
    /// place of the model's, through this client's adapter and authentication. For a body kept as JSON, such as a
    /// configuration file: the server then judges it as written (a field the models do not describe is kept, a mistyped one
    /// is answered with the server's 422 naming it). A 2xx answer returns; any other throws the problem details as the
    /// generated methods do (<see cref="HttpValidationProblemDetails"/> for 400/422, else <see cref="ProblemDetails"/>).
    /// </summary>
    public async Task SendJsonAsync(RequestInformation request, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(AsStream(json), "application/json");
        await RequestAdapter.SendNoContentAsync(request, Problems, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The bytes as a read-only stream, without a copy when they are an array's.</summary>
    internal static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var array) ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false) : new MemoryStream(bytes.ToArray());
}
