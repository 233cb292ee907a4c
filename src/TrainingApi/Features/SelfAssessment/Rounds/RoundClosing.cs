namespace TrainingApi.Features.SelfAssessment.Rounds;

public sealed class RoundClosing;
