using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Meetings;

/// <summary>What scheduling and recording a meeting share: the field rules and the checks against the round and register.</summary>
public static class MeetingRules
{
    public const int MinDurationMinutes = 15;

    /// <summary>A meeting lasts at most 12 hours.</summary>
    public const int MaxDurationMinutes = 12 * 60;

    /// <summary>The body of both the scheduling and the recording request; times without an offset are Europe/Warsaw.</summary>
    public sealed record Request(
        DateTimeOffset StartsAt, [property: Range(MinDurationMinutes, MaxDurationMinutes)] int? DurationMinutes, string? Place, string? OnlineLink, string Organiser,
        IReadOnlyList<Guid>? OrganisationsPresent, int? AttendeeCount, string? Minutes)
    {
        public MeetingDetails ToDetails() => new(StartsAt.ForDatabase(), DurationMinutes ?? 120, Blank(Place), Blank(OnlineLink), Organiser?.Trim() ?? "",
            [.. (OrganisationsPresent ?? []).Distinct()], AttendeeCount, Blank(Minutes));

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        public static readonly Request Example = new(MeetingView.Example.StartsAt, MeetingView.Example.DurationMinutes, MeetingView.Example.Place,
            MeetingView.Example.OnlineLink, MeetingView.Example.Organiser, MeetingView.Example.OrganisationsPresent, MeetingView.Example.AttendeeCount,
            MeetingView.Example.Minutes);
    }

    /// <summary>A command that carries a meeting's details; one validator serves both, with the request's field names.</summary>
    public interface IHasDetails
    {
        MeetingDetails Details { get; }
    }

    public sealed class DetailsValidator<T> : AbstractValidator<T> where T : IHasDetails
    {
        public DetailsValidator()
        {
            RuleFor(c => c.Details.DurationMinutes).InclusiveBetween(MinDurationMinutes, MaxDurationMinutes).OverridePropertyName("durationMinutes");
            RuleFor(c => c.Details.Place).MaximumLength(ConsultationMeeting.PlaceMaxLength).OverridePropertyName("place");
            RuleFor(c => c.Details.OnlineLink).MaximumLength(2000).HttpsUrl()
                .WithMessage(_ => new Text("The online link must be an https:// address.", "Link do spotkania online musi być adresem https://.").ToString())
                .OverridePropertyName("onlineLink");
            RuleFor(c => c.Details.Place).NotEmpty().When(c => c.Details.OnlineLink is null)
                .WithMessage(_ => new Text("Give the place, the online link, or both.", "Podaj miejsce, link do spotkania online albo oba.").ToString())
                .OverridePropertyName("place");
            RuleFor(c => c.Details.Organiser).NotEmpty().MaximumLength(ConsultationMeeting.OrganiserMaxLength).OverridePropertyName("organiser");
            RuleFor(c => c.Details.OrganisationsPresent).MaximumItems(100).OverridePropertyName("organisationsPresent");
            RuleFor(c => c.Details.AttendeeCount).InclusiveBetween(0, 10_000).OverridePropertyName("attendeeCount");
            RuleFor(c => c.Details.Minutes).MaximumLength(ConsultationMeeting.MinutesMaxLength).OverridePropertyName("minutes");
        }
    }

    /// <summary>A meeting belongs to its round's window, and only registered organisations can be present.</summary>
    public static async Task CheckAsync(TrainingDb db, ConsultationRound round, MeetingDetails details, CancellationToken ct)
    {
        round.EnsureNotPublished();
        if (details.StartsAt < round.OpensAt || details.StartsAt >= round.ClosesAt)
        {
            throw Problem.Unprocessable(new Text(
                $"A meeting of this round takes place while it is open: {round.Window.En}.",
                $"Spotkanie w ramach tych konsultacji odbywa się w czasie ich trwania: {round.Window.Pl}."),
                "meeting-outside-round");
        }

        var wanted = details.OrganisationsPresent.Distinct().ToList();
        var known = await db.Set<Organisation>().AsNoTracking().Where(o => wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var unknown = wanted.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw Problem.Unprocessable(new Text(
                $"Not in the organisations register: {string.Join(", ", unknown)}. Register them first (POST /api/v1/organisations).",
                $"Brak w rejestrze organizacji: {string.Join(", ", unknown)}. Najpierw je zarejestruj (POST /api/v1/organisations)."),
                "unknown-organisation");
        }
    }
}
