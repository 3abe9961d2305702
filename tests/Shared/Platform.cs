// The Site and Browser tests run on Linux (CI and the development machine): they set file modes, start a second
// account and drive Debian's Chromium. Windows behaviour is reasoned about and unit-tested in the code itself.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
