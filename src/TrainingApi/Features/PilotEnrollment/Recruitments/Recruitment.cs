using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public enum SelectionMode
{
    /// <summary>Places go in order of arrival; the rest form a waiting list.</summary>
    FirstCome,

    /// <summary>Applications are scored; after the window closes an allocation run assigns places by score within the limits.</summary>
    Ranked,
}

/// <summary>
/// A call for JST to join the pilot: a window, a capacity in JST, up to N participants per JST, the eligible
/// kinds of unit. The counters are kept on the row and changed only by single conditional statements, so the
/// quota holds however many applications arrive at once, on however many instances.
/// </summary>
public sealed class Recruitment : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int MaxCapacity = 1000;

    private Recruitment() { }

    public Recruitment(string title, string? description, DateTimeOffset opensAt, DateTimeOffset closesAt, int capacity, int maxParticipantsPerJst,
        IReadOnlyCollection<JstKind> eligibleKinds, SelectionMode mode, string rodoClauseVersion, DateTimeOffset now,
        int? maxPerVoivodeship = null, int? maxPerKind = null, Guid? programmeVersionId = null)
    {
        ProgrammeVersionId = programmeVersionId;
        MaxPerVoivodeship = maxPerVoivodeship;
        MaxPerKind = maxPerKind;
        Id = Guid.CreateVersion7(now);
        Title = title;
        Description = description;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        Capacity = capacity;
        MaxParticipantsPerJst = maxParticipantsPerJst;
        EligibleKinds = [.. eligibleKinds.Select(k => k.ToString())];
        SelectionMode = mode;
        RodoClauseVersion = rodoClauseVersion;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// The programme version the pilot tests (Curriculum's, by id): sessions and evaluations name its modules. Required for
    /// new recruitments; null only for those opened before the pilot was tied to a version.
    /// </summary>
    public Guid? ProgrammeVersionId { get; private set; }

    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public int Capacity { get; private set; }
    public int MaxParticipantsPerJst { get; private set; }
    public List<string> EligibleKinds { get; private set; } = [];
    public SelectionMode SelectionMode { get; private set; }

    /// <summary>The version of the RODO information clause applicants must acknowledge.</summary>
    public string RodoClauseVersion { get; private set; } = "";

    /// <summary>Ranked mode: at most this many accepted JST from one voivodeship.</summary>
    public int? MaxPerVoivodeship { get; private set; }

    /// <summary>Ranked mode: at most this many accepted JST of one kind.</summary>
    public int? MaxPerKind { get; private set; }

    public DateTimeOffset? AllocatedAt { get; private set; }

    /// <summary>When the team made the list of JST taking part public (GET …/accepted-jst); null until then.</summary>
    public DateTimeOffset? AcceptedListPublishedAt { get; private set; }

    public int AcceptedCount { get; private set; }
    public int WaitlistedCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    /// <summary>Once, after the window has closed and, in ranked mode, after the allocation run; the caller checks both and says why not.</summary>
    public void PublishAcceptedList(DateTimeOffset now)
    {
        if (AcceptedListPublishedAt is not null || now < ClosesAt || (SelectionMode == SelectionMode.Ranked && AllocatedAt is null))
        {
            throw new InvalidOperationException("The accepted list cannot be published now.");
        }

        AcceptedListPublishedAt = now;
    }

    /// <summary>
    /// Offers from the waiting list: when set, a JST promoted into a freed place gets an offer valid this many
    /// hours, which it confirms or lets lapse (then the next in line gets one); when null, promotion is an acceptance.
    /// </summary>
    public int? OfferValidityHours { get; private set; }

    public TimeSpan? OfferValidity => OfferValidityHours is { } hours ? TimeSpan.FromHours(hours) : null;

    /// <summary>A correction of the window; the caller has checked it against the applications already in.</summary>
    public void ChangeWindow(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        OpensAt = opensAt;
        ClosesAt = closesAt;
    }

    /// <summary>Closes the window now (it opened already: the caller checked).</summary>
    public void CloseNow(DateTimeOffset now) => ClosesAt = now;

    public void RaiseCapacity(int capacity)
    {
        if (capacity <= Capacity)
        {
            throw new InvalidOperationException("Capacity can only be raised.");
        }

        Capacity = capacity;
    }

    /// <summary>Title, description, RODO clause version: a new clause version applies to applications submitted after it.</summary>
    public void CorrectTerms(string title, string? description, string rodoClauseVersion)
    {
        Title = title;
        Description = description;
        RodoClauseVersion = rodoClauseVersion;
    }

    public void SetOfferValidity(int? hours) => OfferValidityHours = hours;

    /// <summary>The counters, for changes of places made through tracked applications under the recruitment's lock.</summary>
    public void Count(int acceptedDelta, int waitlistedDelta)
    {
        AcceptedCount += acceptedDelta;
        WaitlistedCount += waitlistedDelta;
    }

    public void Allocated(int accepted, int waitlisted, DateTimeOffset now)
    {
        AcceptedCount = accepted;
        WaitlistedCount = waitlisted;
        AllocatedAt = now;
    }
}

public sealed class RecruitmentConfiguration : IEntityTypeConfiguration<Recruitment>
{
    public void Configure(EntityTypeBuilder<Recruitment> builder)
    {
        builder.ToTable("recruitments", PilotEnrollmentModule.Schema, t =>
        {
            t.HasCheckConstraint("ck_recruitments_quota", "accepted_count >= 0 AND accepted_count <= capacity AND waitlisted_count >= 0");
            t.HasCheckConstraint("ck_recruitments_window", "closes_at > opens_at");
            t.HasCheckConstraint("ck_recruitments_offer_validity", "offer_validity_hours IS NULL OR offer_validity_hours BETWEEN 1 AND 720");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(Recruitment.TitleMaxLength);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.SelectionMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RodoClauseVersion).HasMaxLength(50);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => r.ProgrammeVersionId);
    }
}
