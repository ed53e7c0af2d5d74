using System.Text.Json;
using Monitoring.Access;
using Monitoring.Shop.Import;
using Monitoring.Shop.Ingest;
using Monitoring.Shop.Model;

namespace Monitoring.Web;

/// <summary>
/// <c>POST /api/ingest/{entity}</c>: a batch of canonical records as JSON (an array, or an object with a
/// <c>records</c> array), for webhooks and scripts, with an API key of the ingest scope. Good records are upserted,
/// bad ones quarantined; the answer counts both and says why each bad one was refused.
/// </summary>
public static class IngestEndpoints
{
    /// <summary>The source name API imports are recorded under.</summary>
    public const string Source = "api";

    private const int MaxRejectionsShown = 100;

    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/ingest/{entity}", IngestAsync).RequireAuthorization(Policies.Ingest).DisableAntiforgery()
            .WithTags("Ingest")
            .Produces<Api.Json.ImportJson.IngestResult>()
            .Produces<Api.Json.ImportJson.IngestResult>(StatusCodes.Status503ServiceUnavailable)
            .Produces(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Imports a batch of records of one entity (a JSON array, or an object with a \"records\" array): the good ones are stored, the others rejected with their reason");
        return routes;
    }

    private static async Task<IResult> IngestAsync(string entity, HttpRequest request, ShopImporter importer, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ShopModel.Find(entity) is not { } model)
            return Results.NotFound(new { error = $"'{entity}' is not an entity of the model (known: {ShopModel.KnownNames})" });

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Results.BadRequest(new { error = $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}" });
        }
        catch (BadHttpRequestException e)
        {
            // A body over Monitoring:Access:MaxRequestBodyBytes (413), or one that stopped arriving: say so.
            return Results.Json(new { error = $"the body could not be read: {e.Message}" }, statusCode: e.StatusCode);
        }
        using (document)
        {
            var root = document.RootElement;
            var records = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when root.TryGetProperty("records", out var inner) && inner.ValueKind == JsonValueKind.Array => inner,
                _ => (JsonElement?)null,
            };
            if (records is not { } list)
                return Results.BadRequest(new { error = "the body must be a JSON array of records, or an object with a \"records\" array" });
            if (list.GetArrayLength() == 0)
                return Results.BadRequest(new { error = "the batch has no records" });

            var origin = $"{Source}/{entity}/{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ}";
            var reader = new JsonRecordReader(model, list.EnumerateArray().ToList(), origin);
            var report = await importer.ImportAsync(Source, reader, null, cancellationToken);
            var counts = report.Entities.GetValueOrDefault(entity) ?? new EntityCounts();
            var body = new Api.Json.ImportJson.IngestResult(report.RunId, entity, report.RowsRead, report.RowsRejected, counts.Inserted,
                counts.Updated, counts.Unchanged,
                reader.Rejected.Take(MaxRejectionsShown).Select(r => new Api.Json.ImportJson.Rejection(r.Line, r.Rejection!)).ToList(), report.Error);
            // The store failed: the caller should retry the batch later, which is safe since imports are idempotent.
            return report.Succeeded ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
