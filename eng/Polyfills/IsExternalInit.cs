// netstandard2.0 lacks the marker type the compiler needs for init accessors and records.
// Compiled into each netstandard2.0 project as an internal type (see Directory.Build.targets).
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
