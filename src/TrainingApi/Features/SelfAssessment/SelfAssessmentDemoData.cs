using TrainingApi.Common.Startup;

namespace TrainingApi.Features.SelfAssessment;

public sealed class SelfAssessmentDemoData : IDemoData
{
    public Task LoadAsync(CancellationToken ct) => Task.CompletedTask;
}
