using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class VerifyCertificate
{
    /// <summary>Only what the certificate itself says: who, which programme, when. Nothing of the JST, contact data or attendance.</summary>
    public sealed record Verification(string Code, bool Valid, string Name, string Programme, DateOnly CompletedOn);

    public sealed record Query(string Code) : IQuery<Verification>;

    /// <summary>
    /// Public. An unknown code and the code of a certificate whose holder was erased (RODO) answer the same 404, so the check
    /// tells nothing about who was ever certified; codes have 100 random bits, so they cannot be found by trying.
    /// </summary>
    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Verification>
    {
        public async ValueTask<Verification> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = Certificate.Normalise(query.Code);
            var found = code.Length != Certificate.CodeLength ? null : await db.Set<Certificate>().AsNoTracking().Where(c => c.Code == code)
                .Join(db.Set<Participant>(), c => c.ParticipantId, p => p.Id, (c, p) => new { c.Code, c.ProgrammeTitle, c.CompletedOn, p.Name, p.ErasedAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null || found.ErasedAt is not null)
            {
                throw Problem.NotFound(new Text("No valid certificate has this verification code.", "Nie ma ważnego zaświadczenia o tym kodzie weryfikacyjnym."),
                    code: "certificate-not-found");
            }

            return new Verification(Certificate.Printed(found.Code), true, found.Name, found.ProgrammeTitle, found.CompletedOn);
        }
    }

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{code}", async (string code, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(code), ct)))
            .WithName("VerifyCertificate")
            .WithSummary("Check a certificate of completion by its verification code")
            .WithDescription("Public. Answers the holder's name, the programme and the date of completion — nothing else. Case, spaces and dashes " +
                             "in the code do not matter. An unknown code, and one whose holder's data was erased, are a 404 `certificate-not-found`.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Verification(CertificateView.Example.Code, true, "Ewa Zielińska", CertificateView.Example.ProgrammeTitle,
                CertificateView.Example.CompletedOn));
}
