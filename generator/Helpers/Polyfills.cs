// Language features the netstandard2.0 target lacks: init accessors and records need IsExternalInit.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
