using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Handovers;

/// <summary>The record that a release's package went to the Ministry (MEN), and the Ministry's acknowledgement with its case number.</summary>
public sealed class Handover : IVersioned
{
    private Handover() { }

    public Handover(Guid releaseId, string semanticVersion, string purpose, DateOnly handedOverOn, string packageSha256, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ReleaseId = releaseId;
        SemanticVersion = semanticVersion;
        Purpose = purpose;
        HandedOverOn = handedOverOn;
        PackageSha256 = packageSha256;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReleaseId { get; private set; }
    public string SemanticVersion { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public DateOnly HandedOverOn { get; private set; }

    /// <summary>SHA-256 of the ZIP bundle handed over: the Ministry checks the package it downloads against it.</summary>
    public string PackageSha256 { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? CaseNumber { get; private set; }
    public DateOnly? AcknowledgedOn { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public uint Version { get; private set; }

    public void Acknowledge(string caseNumber, DateOnly on, string by)
    {
        if (CaseNumber is not null)
        {
            throw Problem.Conflict(new Text($"The handover was acknowledged already, case {CaseNumber}.", $"Przekazanie zostało już potwierdzone, znak sprawy {CaseNumber}."),
                "already-acknowledged");
        }

        CaseNumber = caseNumber;
        AcknowledgedOn = on;
        AcknowledgedBy = by;
    }
}

public sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> builder)
    {
        builder.ToTable("handovers", HandoverModule.Schema);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.SemanticVersion).HasMaxLength(30);
        builder.Property(h => h.Purpose).HasMaxLength(1000);
        builder.Property(h => h.PackageSha256).HasMaxLength(64);
        builder.Property(h => h.RecordedBy).HasMaxLength(200);
        builder.Property(h => h.CaseNumber).HasMaxLength(100);
        builder.Property(h => h.AcknowledgedBy).HasMaxLength(200);
        builder.Property(h => h.Version).IsRowVersion();
        builder.HasOne<Release>().WithMany().HasForeignKey(h => h.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.RecordedAt, h.Id });
    }
}

/// <summary>The newer release that replaced the one handed over.</summary>
public sealed record HandoverSupersededBy(Guid ReleaseId, string SemanticVersion, DateTimeOffset At);

/// <param name="SupersededBy">Set once the release handed over is superseded: the Ministry sees its package is no longer the latest.</param>
public sealed record HandoverView(
    Guid Id, Guid ReleaseId, string SemanticVersion, string Purpose, DateOnly HandedOverOn, string PackageSha256, string PackageUrl, DateTimeOffset RecordedAt,
    string? CaseNumber, DateOnly? AcknowledgedOn, HandoverSupersededBy? SupersededBy = null)
{
    public static HandoverView From(Handover h) => new(h.Id, h.ReleaseId, h.SemanticVersion, h.Purpose, h.HandedOverOn, h.PackageSha256,
        $"/api/v1/handovers/{h.Id}/package", h.RecordedAt, h.CaseNumber, h.AcknowledgedOn);

    /// <summary>Each view with the release that superseded the one handed over, read from the releases in one query.</summary>
    public static async Task<IReadOnlyList<HandoverView>> WithSupersessionAsync(TrainingApi.Common.Persistence.TrainingDb db, IReadOnlyList<HandoverView> views, CancellationToken ct)
    {
        var ids = views.Select(v => v.ReleaseId).Distinct().ToList();
        var superseded = await db.Set<Release>().AsNoTracking().Where(r => ids.Contains(r.Id) && r.SupersededById != null)
            .Join(db.Set<Release>(), r => r.SupersededById, n => n.Id, (r, n) => new { r.Id, NewId = n.Id, n.SemanticVersion, r.SupersededAt })
            .ToDictionaryAsync(x => x.Id, ct);
        return [.. views.Select(v => superseded.TryGetValue(v.ReleaseId, out var by) ? v with { SupersededBy = new HandoverSupersededBy(by.NewId, by.SemanticVersion, by.SupersededAt!.Value) } : v)];
    }

    public static readonly HandoverView Example = new(Guid.Parse("01936b30-4100-7000-8000-000000000001"), ReleaseView.Example.Id, "2.0.0",
        "Materiały wejściowe do regulaminów konkursów na lata 2025–2028", new DateOnly(2025, 1, 20), "9f2c4b0e…", "/api/v1/handovers/01936b30-4100-7000-8000-000000000001/package",
        new DateTimeOffset(2025, 1, 20, 10, 0, 0, TimeSpan.Zero), "DPPI-WRP.4012.15.2025", new DateOnly(2025, 1, 27));
}
