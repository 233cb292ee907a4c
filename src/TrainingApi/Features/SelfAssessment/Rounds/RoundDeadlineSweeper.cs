namespace TrainingApi.Features.SelfAssessment.Rounds;

public sealed class RoundDeadlineSweeper : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
