// netstandard2.0 lacks the nullable-analysis attributes; the compiler honours these internal copies by name.
// Compiled into each netstandard2.0 project (see Directory.Build.targets).
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The out argument is not null when the method returns <see cref="ReturnValue"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    public bool ReturnValue { get; }
}
