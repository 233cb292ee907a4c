using FluentValidation;
using Mediator;
using TrainingApi.Common.Events;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Security.ApiKeys;

public static class IssueApiKey
{
    public static readonly Text OrganisationNoun = new("organisation", "organizacja");

    public sealed record Request(string Name, DateTimeOffset? ExpiresAt);

    public sealed record Command(Guid OrganisationId, string Name, DateTimeOffset? ExpiresAt) : ICommand<IssuedApiKey>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(ApiKey.NameMaxLength);
    }

    public sealed class Handler(TrainingDb db, IOrganisationDirectory organisations, Caller caller, EventOutbox events, TimeProvider clock)
        : ICommandHandler<Command, IssuedApiKey>
    {
        public async ValueTask<IssuedApiKey> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await organisations.ExistsAsync(command.OrganisationId, cancellationToken))
            {
                throw Problem.NotFound(OrganisationNoun, command.OrganisationId);
            }

            var now = clock.UtcNowForDatabase();
            var expiresAt = command.ExpiresAt?.ToUniversalTime() ?? now.AddYears(1);
            ApiKey.EnsureExpiryAllowed(expiresAt, now);
            var (secret, prefix, hash) = ApiKeySecret.Generate();
            var key = new ApiKey(command.OrganisationId, command.Name.Trim(), prefix, hash, expiresAt, caller.Subject!, now);
            db.Add(key);
            events.Publish(new ApiKeyIssued(key.OrganisationId, key.Id, key.Prefix, key.ExpiresAt), key.OrganisationId);
            await db.SaveChangesAsync(cancellationToken);
            return new IssuedApiKey(ApiKeyView.From(key, now), secret);
        }
    }

    // Idempotent: a replay returns the same key and secret from the stored answer, which is encrypted at rest.
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Guid organisationId, Request request, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new Command(organisationId, request.Name, request.ExpiresAt), ct);
                return TypedResults.Created($"/api/v1/organisations/{organisationId}/api-keys/{issued.Key.Id}", issued);
            })
            .WithName("IssueApiKey")
            .WithSummary("Issue an API key to a partner organisation")
            .WithDescription("The secret is in this answer only; keep it safe. Expiry defaults to one year, at most two. " +
                             "The key authenticates the organisation's system as role `partner` (header X-Api-Key).")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request("System uwag ZMP — produkcja", new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero)))
            .WithResponseExample(StatusCodes.Status201Created, IssuedApiKey.Example);
}
