namespace TrainingApi.Common.Audit;

/// <summary>
/// Marks a property holding personal data (RODO): the audit log records that it changed, never its value,
/// and data-subject export and erasure find it by this mark.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>Infrastructure rows (the audit log itself, idempotency records, counters) whose changes are not audited.</summary>
public interface INotAudited;
