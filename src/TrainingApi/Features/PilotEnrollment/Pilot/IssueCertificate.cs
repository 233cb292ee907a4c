using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <param name="Code">As printed: four groups of five characters.</param>
/// <param name="VerificationUrl">Where anyone checks it (public).</param>
/// <param name="DocumentUrl">The certificate itself, accessible HTML in Polish.</param>
public sealed record CertificateView(Guid Id, Guid ParticipantId, string Code, string ProgrammeTitle, DateOnly CompletedOn, DateTimeOffset IssuedAt,
    string VerificationUrl, string DocumentUrl)
{
    public static CertificateView From(Certificate c, PublicBaseUrl links) => new(c.Id, c.ParticipantId, Certificate.Printed(c.Code), c.ProgrammeTitle,
        c.CompletedOn, c.IssuedAt, links.For($"/api/v1/certificate-verifications/{Certificate.Printed(c.Code)}"), links.For($"/api/v1/certificates/{c.Id}"));

    public static readonly CertificateView Example = new(Guid.Parse("01936b32-1000-7000-8000-000000000040"), Guid.Parse("01936b30-3000-7000-8000-000000000022"),
        "7K2QD-M9XRT-4HV1B-ZP6WN", "Nabór JST do pilotażu szkoleń i doradztwa 2024", new DateOnly(2024, 11, 21), new DateTimeOffset(2024, 11, 22, 9, 0, 0, TimeSpan.Zero),
        "https://api.example.org/api/v1/certificate-verifications/7K2QD-M9XRT-4HV1B-ZP6WN", "https://api.example.org/api/v1/certificates/01936b32-1000-7000-8000-000000000040");
}

public static class IssueCertificate
{
    public sealed record Command(Guid ParticipantId) : ICommand<(CertificateView View, bool Created)>;

    /// <summary>
    /// For a participant who completed the training by the completion rules; once (a second call answers the certificate
    /// there is). The date is the day of their last attended session; the programme is the recruitment's title.
    /// </summary>
    public sealed class Handler(TrainingDb db, IOptions<PilotOptions> options, PublicBaseUrl links, TimeProvider clock) : ICommandHandler<Command, (CertificateView View, bool Created)>
    {
        public async ValueTask<(CertificateView View, bool Created)> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.Set<Participant>().AsNoTracking().Where(p => p.Id == command.ParticipantId)
                .Join(db.Set<Application>(), p => p.ApplicationId, a => a.Id, (p, a) => new { p.ErasedAt, Application = a }).FirstOrDefaultAsync(cancellationToken);
            if (found is null || found.ErasedAt is not null)
            {
                throw Problem.NotFound(PilotEnrollmentModule.ParticipantNoun, command.ParticipantId);
            }

            if (await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.ParticipantId == command.ParticipantId, cancellationToken) is { } issued)
            {
                return (CertificateView.From(issued, links), false);
            }

            var cohortId = await db.Set<CohortApplication>().Where(c => c.ApplicationId == found.Application.Id).Select(c => (Guid?)c.CohortId).SingleOrDefaultAsync(cancellationToken);
            var completion = cohortId is { } cohort ? await GetCohortCompletion.ComputeAsync(db, cohort, options.Value, cancellationToken) : null;
            if (completion?.Participants.SingleOrDefault(p => p.ParticipantId == command.ParticipantId) is not { Completed: true })
            {
                throw Problem.Conflict(new Text("The participant has not completed the training by the completion rules.",
                    "Uczestnik nie ukończył szkolenia według zasad ukończenia."), "not-completed");
            }

            // A threshold of 0 completes someone who attended nothing: then the day of issue.
            var lastAttended = await db.Set<Attendance>().Where(a => a.ParticipantId == command.ParticipantId && a.State != AttendanceState.Excused)
                .Join(db.Set<TrainingSession>(), a => a.SessionId, s => s.Id, (a, s) => (DateTimeOffset?)s.StartsAt).MaxAsync(cancellationToken) ?? clock.GetUtcNow();
            var title = await db.Set<Recruitment>().Where(r => r.Id == found.Application.RecruitmentId).Select(r => r.Title).SingleAsync(cancellationToken);
            var certificate = new Certificate(command.ParticipantId, found.Application.Id, completion.CohortId, title,
                DateOnly.FromDateTime(WarsawTime.ToWarsaw(lastAttended).DateTime), clock.UtcNowForDatabase());
            db.Add(certificate);
            await db.SaveChangesAsync(cancellationToken);
            return (CertificateView.From(certificate, links), true);
        }
    }

    public static void Map(RouteGroupBuilder participants) =>
        participants.MapPost("/{participantId:guid}/certificate", async Task<Results<Created<CertificateView>, Ok<CertificateView>>> (Guid participantId, IMediator mediator, CancellationToken ct) =>
            {
                var (view, created) = await mediator.Send(new Command(participantId), ct);
                return created ? TypedResults.Created($"/api/v1/certificates/{view.Id}", view) : TypedResults.Ok(view);
            })
            .WithName("IssueCertificate")
            .WithSummary("Issue a participant's certificate of completion")
            .WithDescription("By the programme team, for a participant who completed the training by the completion rules (409 `not-completed`). " +
                             "Once per participant: 201 the first time, then 200 with the same certificate. Its verification code (100 random " +
                             "bits) lets anyone check it at `verificationUrl`; the document is at `documentUrl`.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status201Created, CertificateView.Example)
            .WithResponseExample(StatusCodes.Status200OK, CertificateView.Example);
}
