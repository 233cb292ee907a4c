namespace TrainingApi.Common.Audit;

/// <summary>
/// Marks a property holding personal data (RODO): the audit log records that it changed, never its value. Export and
/// erasure are written by hand in each slice's <see cref="PersonalData.IPersonalDataHolder"/>, which names the entities it
/// holds (<see cref="PersonalData.IPersonalDataHolder.Holds"/>); the architecture tests check that every entity with a marked
/// property is held by exactly one holder and that a person's export shows the marked values.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>Infrastructure rows (the audit log itself, idempotency records, counters) whose changes are not audited.</summary>
public interface INotAudited;
