using System.Diagnostics.CodeAnalysis;

// Compiled into every test project that links tests/Shared, so each gets the same suppression.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespace", Target = "~N:SlaMonitor.Tests.Shared",
    Justification = "Test-only code, never consumed from Visual Basic; the folder and namespace name say what it is.")]
