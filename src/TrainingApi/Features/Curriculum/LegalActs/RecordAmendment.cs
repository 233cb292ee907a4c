using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.LegalActs;

public static class RecordAmendment
{
    public sealed record Request(string? AmendingCitation, DateOnly AmendedOn, string? Note);

    public sealed record Command(Guid LegalActId, string? AmendingCitation, DateOnly AmendedOn, string? Note) : ICommand<AmendmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AmendingCitation).Matches(LegalAct.CitationPattern)
                .WithMessage(_ => new Text("Cite the amending act as in the Journal of Laws, e.g. “Dz.U. 2024 poz. 854”.", "Podaj akt zmieniający jak w Dzienniku Ustaw, np. „Dz.U. 2024 poz. 854”.").ToString());
            RuleFor(c => c.AmendedOn).InclusiveBetween(new DateOnly(1918, 1, 1), new DateOnly(2100, 1, 1));
            RuleFor(c => c.Note).MaximumLength(LegalActAmendment.NoteMaxLength);
        }
    }

    /// <summary>
    /// Flags every section citing the act in every live version (anything not superseded: drafts, the version in
    /// consultation or in the pilot, the tested one). The flag is not content, so frozen versions carry it too.
    /// </summary>
    public sealed class Handler(TrainingDb db, Caller caller, EventOutbox events, IPublisher publisher, TimeProvider clock) : ICommandHandler<Command, AmendmentView>
    {
        public async ValueTask<AmendmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var act = await db.Set<LegalAct>().FirstOrDefaultAsync(a => a.Id == command.LegalActId, cancellationToken)
                      ?? throw Problem.NotFound(CurriculumModule.LegalActNoun, command.LegalActId);
            if (act.PublishedOn > command.AmendedOn)
            {
                throw Problem.Validation("amendedOn", new Text($"{act.Citation} was published on {act.PublishedOn:yyyy-MM-dd}; it cannot be amended before that.",
                    $"{act.Citation} opublikowano {act.PublishedOn:yyyy-MM-dd}; nie mogło zostać zmienione wcześniej."));
            }

            var amending = LegalAct.NormaliseCitation(command.AmendingCitation);
            var reason = $"{act.Citation} zmieniony {command.AmendedOn:yyyy-MM-dd}" + (amending is null ? "" : $" ({amending})");
            var sections = await db.Set<Section>()
                .Where(s => db.Set<SectionCitation>().Any(c => c.SectionId == s.Id && c.LegalActId == act.Id))
                .Where(s => db.Set<ProgrammeVersion>().Any(v => v.Id == s.VersionId && v.Status != VersionStatus.Superseded))
                .ToListAsync(cancellationToken);
            foreach (var section in sections)
            {
                section.FlagForReview(reason);
            }

            act.Amended(command.AmendedOn);
            var amendment = new LegalActAmendment(act.Id, amending, command.AmendedOn, command.Note?.Trim(), sections.Count, caller.Subject!, clock.UtcNowForDatabase());
            db.Add(amendment);
            events.Publish(new LegalActAmended(act.Id, act.Citation, amending, command.AmendedOn, sections.Count));
            // Other slices react in the same transaction (published materials that cite the act), without Curriculum knowing them.
            await publisher.Publish(new LegalActAmendedNotice(act.Id, act.Citation, command.AmendedOn), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return AmendmentView.From(amendment);
        }
    }

    public static void Map(RouteGroupBuilder acts) =>
        acts.MapPost("/{legalActId:guid}/amendments", async (Guid legalActId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/legal-acts/{legalActId}", await mediator.Send(new Command(legalActId, request.AmendingCitation, request.AmendedOn, request.Note), ct)))
            .WithName("RecordLegalActAmendment")
            .WithSummary("Record that a legal act was amended")
            .WithDescription("Flags every section that cites the act, in every version that is not superseded, as review-needed " +
                             "(GET /api/v1/sections-to-review lists them) and announces `legal-act.amended`. `Location` is the amended act " +
                             "(GET /api/v1/legal-acts/{legalActId}), with its `lastAmendedOn`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request("Dz.U. 2024 poz. 854", new DateOnly(2024, 6, 12), "Nowe obowiązki organów prowadzących w zakresie cyberbezpieczeństwa."))
            .WithResponseExample(StatusCodes.Status201Created, new AmendmentView(Guid.Parse("01936b2f-4000-7000-8000-000000000013"), LegalActView.Example.Id,
                "Dz.U. 2024 poz. 854", new DateOnly(2024, 6, 12), "Nowe obowiązki organów prowadzących.", 3, "anna.kowalska", new DateTimeOffset(2024, 6, 13, 8, 0, 0, TimeSpan.Zero)));
}
