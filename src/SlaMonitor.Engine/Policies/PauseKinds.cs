namespace SlaMonitor.Engine;

[Flags]
public enum PauseKinds
{
    None = 0,
    CustomerHold = 1,
    CustomsHold = 2,
}
