using FluentValidation;
using Mediator;

namespace TrainingApi.Common.Mediator;

public static class MediatorSetup
{
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            // Scoped, because handlers take the scoped DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Outermost first: log everything, refuse invalid input before a transaction is opened.
            options.PipelineBehaviors =
            [
                typeof(TracingBehavior<,>),
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(UseCaseBehavior<,>),
            ];
        });
        // Singletons: building a validator compiles its rules' expressions, far too costly to repeat per request.
        // So a validator takes no per-request service (the caller, the DbContext): such checks belong in handlers.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
