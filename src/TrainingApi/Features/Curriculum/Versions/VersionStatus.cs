namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>The life of a programme version, in order (docs/curriculum.md).</summary>
public enum VersionStatus
{
    Draft,

    /// <summary>Editorial and proofreading sign-off.</summary>
    InReview,

    /// <summary>The accessibility check passed, or its errors were waived with reasons.</summary>
    Accessible,

    InConsultation,

    /// <summary>Consultation comments worked in.</summary>
    Revised,

    InPilot,

    /// <summary>Piloted: may be released to the Ministry and the public.</summary>
    Tested,

    Superseded,
}
