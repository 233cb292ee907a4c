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
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(Audit.AuditBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
