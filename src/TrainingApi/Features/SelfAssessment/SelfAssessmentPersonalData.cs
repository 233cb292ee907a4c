using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.SelfAssessment;

public sealed class SelfAssessmentPersonalData : IPersonalDataHolder
{
    public Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct) => Task.FromResult<IReadOnlyList<HeldPersonalData>>([]);
    public Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct) => Task.FromResult<IReadOnlyList<HeldPersonalData>>([]);
    public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct) => Task.FromResult(0);
    public Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct) => Task.FromResult(0);
}
