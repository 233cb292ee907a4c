using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Sections;

/// <summary>
/// A partial change of a section as a JSON Merge Patch (RFC 7396): the patch is merged into the section as it is now and the result
/// sent as the same <see cref="UpdateSection.Command"/> a PUT sends, so the rules, the validator and the audit record are one.
/// </summary>
public static class PatchSection
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>
    /// What a patch may hold, for the contract: every member optional. A member left out keeps its value; <c>null</c> clears a member
    /// that may be empty (hours, the lists; parentAnchor, which moves the section to the top level); a list is replaced whole;
    /// learningOutcomes is merged member by member.
    /// </summary>
    public sealed record Request(
        string? ParentAnchor, int? Position, string? Title, string? Markdown, decimal? Hours, OutcomesRequest? LearningOutcomes,
        IReadOnlyList<DeliveryForm>? DeliveryForms, IReadOnlyList<TargetRole>? TargetRoles, IReadOnlyList<string>? Authors, IReadOnlyList<string>? LegalActs);

    /// <param name="ExpectedVersion">From If-Match; null for <c>*</c>.</param>
    public sealed record Command(Guid VersionId, string Anchor, uint? ExpectedVersion, JsonObject Patch) : ICommand<Versioned<SectionView>>;

    /// <summary>
    /// Reads the section, merges the patch into it and sends the result as a PUT, in one transaction. Under <c>If-Match: *</c> the
    /// section is locked before it is read: the patch is merged into the section as it is when it is saved, never into one a
    /// concurrent writer has changed since (that write would be lost, or the PUT refused with a 412 nobody asked for).
    /// </summary>
    public sealed class Handler(TrainingDb db, IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
        : ICommandHandler<Command, Versioned<SectionView>>
    {
        public async ValueTask<Versioned<SectionView>> Handle(Command command, CancellationToken ct)
        {
            if (command.ExpectedVersion is null
                && await db.Set<Section>().Where(s => s.VersionId == command.VersionId && s.Anchor == command.Anchor).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct) is { } id)
            {
                await db.LockRowAsync<Section>(id, RowLock.NoKeyUpdate, ct);
            }

            var current = await mediator.Send(new GetSection.Query(command.VersionId, command.Anchor), ct);
            if (command.ExpectedVersion is { } version && version != current.Version)
            {
                throw Problem.PreconditionFailed();
            }

            var options = json.Value.SerializerOptions;
            var merged = Merge(JsonSerializer.SerializeToNode(UpdateSection.Request.From(current.Value), options), command.Patch);
            return await mediator.Send(Read(merged, options).ToCommand(command.VersionId, command.Anchor, current.Version), ct);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapPatch("/{versionId:guid}/sections/{anchor}",
                async (Guid versionId, string anchor, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    EnsureMergePatch(http.Request);
                    var expected = EntityTags.RequireIfMatch(http.Request);
                    var patch = await ReadPatchAsync(http.Request, ct);

                    var updated = await mediator.Send(new Command(versionId, anchor, expected, patch), ct);
                    http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                    return TypedResults.Ok(updated.Value);
                })
            .WithName("PatchSection")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, SectionRules.UnknownParentAnchor, SectionRules.UnknownLegalAct)
            .WithSummary("Change some members of a section of a draft (JSON Merge Patch)")
            .WithDescription("A JSON Merge Patch (RFC 7396, `Content-Type: application/merge-patch+json`; any other type → 415): a member " +
                             "left out keeps its value (nothing is cleared or moved), `null` clears a member that may be empty (hours, the lists; " +
                             "parentAnchor, which moves the section to the top level; position as in PUT: kept, or last under a new parent), " +
                             "a list is replaced whole, learningOutcomes is merged member by member. The result is checked " +
                             "and saved exactly as a PUT of the whole section (same rules, same audit record). The read-only members of the " +
                             "section (anchor, depth, kind, html, reviewNeeded, reviewReason, updatedAt, maturityAreas, learningOutcomes.count) are refused " +
                             "with 400, as is any unknown member (the maturity-area tags are changed with PUT …/maturity-areas). A version past draft is frozen: 409.")
            .Accepts<Request>(MediaType)
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(new JsonObject
            {
                ["title"] = SectionView.Example.Title,
                ["hours"] = null,
                ["authors"] = new JsonArray("dr Piotr Wiśniewski", "mgr Anna Nowak"),
            })
            .WithResponseExample(StatusCodes.Status200OK, SectionView.Example);

    private static void EnsureMergePatch(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw Problem.UnsupportedMediaType(new Text(
                $"Send the changes as {MediaType} (RFC 7396), or the whole section with PUT as application/json.",
                $"Wyślij zmiany jako {MediaType} (RFC 7396) albo całą sekcję metodą PUT jako application/json."));
        }
    }

    private static async Task<JsonObject> ReadPatchAsync(HttpRequest request, CancellationToken ct)
    {
        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The merge patch is not JSON.", StatusCodes.Status400BadRequest, e);
        }

        if (patch is not JsonObject members)
        {
            throw Problem.Validation("$", new Text("A merge patch of a section is a JSON object of the members to change.",
                "Łatka sekcji to obiekt JSON z elementami do zmiany."));
        }

        var readOnly = UpdateSection.Request.ReadOnlyMembers.Where(members.ContainsKey)
            .Concat((members["learningOutcomes"] as JsonObject)?.ContainsKey(OutcomesRequest.CountMember) == true
                ? ["learningOutcomes." + OutcomesRequest.CountMember]
                : Array.Empty<string>())
            .ToList();
        if (readOnly.Count > 0)
        {
            var message = new Text("This member is read-only and cannot be changed; leave it out of the patch.",
                "Tego elementu nie można zmienić; usuń go z łatki.").ToString();
            throw Problem.Validation(readOnly.ToDictionary(m => m, _ => new[] { message }));
        }

        return members;
    }

    /// <summary>RFC 7396, section 2: objects merge member by member, <c>null</c> removes, anything else replaces.</summary>
    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject existing ? (JsonObject)existing.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name], value);
            }
        }

        return result;
    }

    /// <summary>Reads the merged section as a PUT body is read: a member of the wrong type or unknown is a 400 naming its path.</summary>
    private static UpdateSection.Request Read(JsonNode? merged, JsonSerializerOptions options)
    {
        try
        {
            return merged.Deserialize<UpdateSection.Request>(options)!;
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The merge patch could not be applied.", StatusCodes.Status400BadRequest, e);
        }
    }
}
