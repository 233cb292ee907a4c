using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public enum ReleaseStatus
{
    /// <summary>Built from a tested version; notes can still change; files are built on request (preview).</summary>
    Draft,

    /// <summary>Immutable: its files were built once and are served as stored.</summary>
    Published,

    /// <summary>A newer release of the same programme is published.</summary>
    Superseded,
}

/// <summary>Why a release was made (release notes say more).</summary>
public enum ReleaseReason
{
    Initial,
    PilotFindings,
    ChangeInLaw,
    ChangeInTechnology,
}

/// <summary>
/// A package of tested materials: a snapshot (JSON, <see cref="ContentJson"/>) of the programme and guidelines, the
/// consultation report, the pilot evaluation summary and the advisory outcomes, taken when the release was built, so
/// later edits elsewhere never change it. Published, it is immutable and its files are stored with their SHA-256.
/// </summary>
public sealed class Release : IVersioned
{
    public const int NotesMaxLength = 10_000;

    /// <summary>major.minor.patch without leading zeros, each part up to 9999.</summary>
    public const string SemanticVersionPattern = @"^(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})$";

    private Release() { }

    public Release(Guid id, Guid programmeId, Guid versionId, string versionLabel, string semanticVersion, string title, IReadOnlyList<ReleaseReason> reasons,
        string notes, string licence, string language, Guid? pilotRecruitmentId, string contentJson, IReadOnlyList<Guid> citedLegalActs, DateTimeOffset now,
        string programmeSlug, string? evidenceCarriedFrom = null, string? updateReason = null)
    {
        ProgrammeSlug = programmeSlug;
        EvidenceCarriedFrom = evidenceCarriedFrom;
        UpdateReason = updateReason;
        Id = id;
        ProgrammeId = programmeId;
        VersionId = versionId;
        VersionLabel = versionLabel;
        SemanticVersion = semanticVersion;
        Title = title;
        Reasons = [.. reasons.Select(r => Common.Http.QueryEnum.Name(r))];
        Notes = notes;
        Licence = licence;
        Language = language;
        PilotRecruitmentId = pilotRecruitmentId;
        ContentJson = contentJson;
        CitedLegalActs = [.. citedLegalActs];
        Status = ReleaseStatus.Draft;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }

    /// <summary>
    /// The programme's slug when the release was built (fixed from then on): with <see cref="SemanticVersion"/> it makes the release's
    /// persistent address, which never depends on database ids.
    /// </summary>
    public string ProgrammeSlug { get; private set; } = "";

    public Guid VersionId { get; private set; }
    public string VersionLabel { get; private set; } = "";

    /// <summary>major.minor.patch, unique per programme.</summary>
    public string SemanticVersion { get; private set; } = "";

    public string Title { get; private set; } = "";
    public List<string> Reasons { get; private set; } = [];
    public string Notes { get; private set; } = "";
    public string Licence { get; private set; } = "";
    public string Language { get; private set; } = "";
    public Guid? PilotRecruitmentId { get; private set; }

    /// <summary>The label of the predecessor version whose pilot evidence this release carries (update path); null when the evidence is its own.</summary>
    public string? EvidenceCarriedFrom { get; private set; }

    /// <summary>Why its version took the update path (change-in-law, change-in-technology, correction); null on the full path.</summary>
    public string? UpdateReason { get; private set; }

    public string ContentJson { get; private set; } = "{}";
    public List<Guid> CitedLegalActs { get; private set; } = [];
    public ReleaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public Guid? SupersededById { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }
    public uint Version { get; private set; }

    public void EnsureDraft()
    {
        if (Status != ReleaseStatus.Draft)
        {
            throw Problem.Conflict(new Text(
                $"Release {SemanticVersion} is published and immutable; build a new release (POST /api/v1/releases) to change anything.",
                $"Wydanie {SemanticVersion} jest opublikowane i niezmienne; aby cokolwiek zmienić, zbuduj nowe wydanie (POST /api/v1/releases)."), "release-published");
        }
    }

    public void Describe(string title, IReadOnlyList<ReleaseReason> reasons, string notes)
    {
        EnsureDraft();
        Title = title;
        Reasons = [.. reasons.Select(r => Common.Http.QueryEnum.Name(r))];
        Notes = notes;
    }

    public void Rewrite(string contentJson)
    {
        EnsureDraft();
        ContentJson = contentJson;
    }

    public void Publish(DateTimeOffset now)
    {
        EnsureDraft();
        Status = ReleaseStatus.Published;
        PublishedAt = now;
    }

    public void SupersedeBy(Release newer, DateTimeOffset now)
    {
        Status = ReleaseStatus.Superseded;
        SupersededById = newer.Id;
        SupersededAt = now;
    }
}

public sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.ToTable("releases", HandoverModule.Schema);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.VersionLabel).HasMaxLength(20);
        builder.Property(r => r.ProgrammeSlug).HasMaxLength(Curriculum.Slugs.ProgrammeSlug.MaxLength);
        // Persistent addresses resolve by slug and semantic version.
        builder.HasIndex(r => new { r.ProgrammeSlug, r.SemanticVersion }).IsUnique();
        builder.Property(r => r.SemanticVersion).HasMaxLength(30);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Notes).HasMaxLength(Release.NotesMaxLength);
        builder.Property(r => r.Licence).HasMaxLength(50);
        builder.Property(r => r.Language).HasMaxLength(10);
        builder.Property(r => r.EvidenceCarriedFrom).HasMaxLength(20);
        builder.Property(r => r.UpdateReason).HasMaxLength(30);
        builder.Property(r => r.ContentJson).HasColumnType("jsonb");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.ProgrammeId, r.SemanticVersion }).IsUnique();
        // At most one published (latest) release per programme, kept by the database.
        builder.HasIndex(r => r.ProgrammeId).IsUnique().HasFilter("status = 'Published'").HasDatabaseName("ux_releases_latest_per_programme");
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.PublishedAt, r.Id });
    }
}

/// <summary>A file of a published release, stored as built: the public catalogue serves these bytes, never rebuilds them.</summary>
public sealed class ReleaseFile
{
    private ReleaseFile() { }

    public ReleaseFile(Guid releaseId, string format, string fileName, string mediaType, byte[] bytes, string sha256)
    {
        ReleaseId = releaseId;
        Format = format;
        FileName = fileName;
        MediaType = mediaType;
        Bytes = bytes;
        Sha256 = sha256;
        Size = bytes.LongLength;
    }

    public Guid ReleaseId { get; private set; }
    public string Format { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string MediaType { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>The bytes never change once stored, so their SHA-256 is their tag wherever they are served.</summary>
    public string ETag() => $"\"{Sha256}\"";
}

public sealed class ReleaseFileConfiguration : IEntityTypeConfiguration<ReleaseFile>
{
    public void Configure(EntityTypeBuilder<ReleaseFile> builder)
    {
        builder.ToTable("release_files", HandoverModule.Schema);
        builder.HasKey(f => new { f.ReleaseId, f.Format });
        builder.Property(f => f.Format).HasMaxLength(120);
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.MediaType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasOne<Release>().WithMany().HasForeignKey(f => f.ReleaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
