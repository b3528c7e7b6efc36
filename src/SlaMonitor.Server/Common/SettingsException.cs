namespace SlaMonitor.Server.Common;

/// <summary>A configuration value the server cannot start with; the message names the key.</summary>
public sealed class SettingsException(string message, Exception? innerException = null) : Exception(message, innerException);
