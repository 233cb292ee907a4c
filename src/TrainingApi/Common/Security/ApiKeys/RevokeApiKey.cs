using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Security.ApiKeys;

public static class RevokeApiKey
{
    public static readonly Text KeyNoun = new("API key", "klucz API");

    public sealed record Command(Guid OrganisationId, Guid KeyId) : ICommand;

    public sealed class Handler(TrainingDb db, Caller caller, EventOutbox events, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == command.KeyId && k.OrganisationId == command.OrganisationId, cancellationToken)
                      ?? throw Problem.NotFound(KeyNoun, command.KeyId);
            if (key.RevokedAt is null)
            {
                key.Revoke(caller.Subject!, clock.UtcNowForDatabase());
                events.Publish(new ApiKeyRevoked(key.OrganisationId, key.Id, key.Prefix, key.RevokedAt!.Value), key.OrganisationId);
            }

            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{keyId:guid}", async (Guid organisationId, Guid keyId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(organisationId, keyId), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("Takes effect at once on every instance. The key stays listed, marked revoked; revoking it again changes nothing.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
