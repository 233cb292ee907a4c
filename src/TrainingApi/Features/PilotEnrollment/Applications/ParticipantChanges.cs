using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// What adding, replacing and removing a participant share: the coordinator acts on its own JST's application only (404
/// otherwise), while the application is active and until the pilot starts for it (the first session of its cohort); the
/// application's row is locked so that concurrent changes cannot together pass the limit per JST. Participants are
/// personal data: the audit log names their properties, never their values, and a removed person's row is deleted.
/// </summary>
public sealed class ParticipantChanges(TrainingDb db, Access access, TimeProvider clock)
{
    private static readonly ApplicationStatus[] Active =
        [ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.Waitlisted, ApplicationStatus.Offered, ApplicationStatus.Confirmed];

    public TrainingDb Db => db;

    public async Task<(Application Application, int MaxParticipants)> OpenAsync(Guid applicationId, CancellationToken ct)
    {
        if (!await access.Visible(db.Set<Application>()).AnyAsync(a => a.Id == applicationId, ct))
        {
            throw Problem.NotFound(PilotEnrollmentModule.ApplicationNoun, applicationId);
        }

        var application = (await db.FindLockedAsync<Application>(applicationId, RowLock.NoKeyUpdate, tracked: true, ct))!;
        await db.Entry(application).Collection(a => a.Participants).LoadAsync(ct);
        if (!Active.Contains(application.Status))
        {
            throw Problem.Conflict(new Text($"The application is {Common.Http.QueryEnum.Name(application.Status)}; its participants no longer change.",
                $"Zgłoszenie ma status {Common.Http.QueryEnum.Name(application.Status)}; jego uczestników nie można już zmieniać."), "application-closed");
        }

        var now = clock.GetUtcNow();
        var started = await db.Set<CohortApplication>().Where(c => c.ApplicationId == applicationId)
            .Join(db.Set<TrainingSession>(), c => c.CohortId, s => s.CohortId, (c, s) => s.StartsAt).AnyAsync(at => at <= now, ct);
        if (started)
        {
            throw Problem.Conflict(new Text("The pilot has started for this JST (its cohort's first session); its participants no longer change.",
                "Pilotaż tej JST już się rozpoczął (pierwsze zajęcia jej grupy); jej uczestników nie można już zmieniać."), "pilot-started");
        }

        var max = await db.Set<Recruitment>().Where(r => r.Id == application.RecruitmentId).Select(r => r.MaxParticipantsPerJst).SingleAsync(ct);
        return (application, max);
    }

    public static Participant Find(Application application, Guid participantId) =>
        application.Participants.FirstOrDefault(p => p.Id == participantId) ?? throw Problem.NotFound(PilotEnrollmentModule.ParticipantNoun, participantId);

    /// <summary>A person once per JST: two participants never share an e-mail address.</summary>
    public static void EnsureNewEmail(Application application, string email, Guid? replacing = null)
    {
        if (application.Participants.Any(p => p.Id != replacing && string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw Problem.Validation("email", new Text("Another participant of this JST has this e-mail address.", "Inny uczestnik tej JST ma już ten adres e-mail."));
        }
    }

    /// <summary>A person who attended or holds a certificate is evidence of the pilot, not a name to swap.</summary>
    public async Task EnsureRemovableAsync(Guid participantId, CancellationToken ct)
    {
        if (await db.Set<Attendance>().AnyAsync(a => a.ParticipantId == participantId, ct) || await db.Set<Certificate>().AnyAsync(c => c.ParticipantId == participantId, ct))
        {
            throw Problem.Conflict(new Text("The participant's attendance is already recorded; they stay on the application.",
                "Obecność tego uczestnika jest już odnotowana; pozostaje w zgłoszeniu."), "participant-has-attendance");
        }
    }

    /// <summary>Added explicitly: a participant's id is set when it is made, so EF would otherwise take it for an existing row.</summary>
    public void Add(Application application, Apply.ParticipantRequest p)
    {
        var participant = new Participant(p.Name.Trim(), p.Position.Trim(), p.Email.Trim(), p.Phone?.Trim());
        application.Participants.Add(participant);
        db.Add(participant);
    }

    public sealed class PersonValidator : AbstractValidator<Apply.ParticipantRequest>
    {
        public PersonValidator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Position).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(x => x.Phone).MaximumLength(30).Matches(@"^\+?[0-9 ()-]{6,30}$");
        }
    }
}
