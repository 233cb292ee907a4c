using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetCertificate
{
    public sealed record Query(Guid Id) : IQuery<string>;

    /// <summary>The page for the contract's example (the document is read in place, not downloaded).</summary>
    private static readonly string Example = CertificateDocument.Render("Ewa Zielińska", "Łódź", CertificateView.Example.ProgrammeTitle,
        CertificateView.Example.CompletedOn, CertificateView.Example.Code, CertificateView.Example.VerificationUrl);

    /// <summary>The document, with the person's name as it is now: after an erasure there is no certificate to show (404).</summary>
    public sealed class Handler(TrainingDb db, PilotAccess access, PublicBaseUrl links) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
                              ?? throw Problem.NotFound(PilotEnrollmentModule.CertificateNoun, query.Id);
            (Applications.Participant participant, Applications.Application application) holder;
            try
            {
                holder = await access.VisibleParticipantAsync(certificate.ParticipantId, cancellationToken);
            }
            catch (ProblemException)
            {
                throw Problem.NotFound(PilotEnrollmentModule.CertificateNoun, query.Id);
            }

            if (holder.participant.ErasedAt is not null)
            {
                throw Problem.NotFound(PilotEnrollmentModule.CertificateNoun, query.Id);
            }

            var view = CertificateView.From(certificate, links);
            return CertificateDocument.Render(holder.participant.Name, JstRegister.Find(holder.application.JstTeryt)?.Name ?? holder.application.JstTeryt,
                certificate.ProgrammeTitle, certificate.CompletedOn, view.Code, view.VerificationUrl);
        }
    }

    public static void Map(RouteGroupBuilder certificates) =>
        certificates.MapGet("/{certificateId:guid}", async ([FromRoute(Name = "certificateId")] Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new Query(id), ct), "text/html", Encoding.UTF8))
            .WithName("GetCertificate")
            .WithSummary("A certificate of completion, as an accessible HTML page in Polish")
            .WithDescription("For the programme team, and the coordinator of the participant's JST (another JST's is a 404). The page has " +
                             "lang=\"pl\", headings, the date written out in Polish and the verification code; print it or save it as PDF. " +
                             "After the participant's data is erased there is no certificate (404).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesTextFile(StatusCodes.Status200OK, "text/html", Example, attachment: false)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
