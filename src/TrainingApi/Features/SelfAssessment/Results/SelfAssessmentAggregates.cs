namespace TrainingApi.Features.SelfAssessment.Results;

public sealed class SelfAssessmentAggregates;
