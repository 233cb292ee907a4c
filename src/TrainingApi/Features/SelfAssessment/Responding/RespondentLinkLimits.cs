namespace TrainingApi.Features.SelfAssessment.Responding;

public static class RespondentLinkLimits
{
    public static IServiceCollection AddRespondentLinkLimits(this IServiceCollection services, IConfiguration configuration) => services;
}
