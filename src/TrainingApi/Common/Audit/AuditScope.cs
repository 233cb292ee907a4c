namespace TrainingApi.Common.Audit;

/// <summary>The use case running in this scope, named in every audit entry it causes.</summary>
public sealed class AuditScope
{
    public string Action { get; set; } = "system";
}
