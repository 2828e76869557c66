namespace PortCatalog.Probing;

/// <summary>What one probe concluded: a state and the reason for it. Engines return it; <see cref="OutcomeClassifier"/> makes it.</summary>
internal readonly record struct ProbeOutcome(PortState State, PortReason Reason);
