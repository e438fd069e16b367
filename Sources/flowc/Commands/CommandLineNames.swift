import FlowCommandLine

// The exit codes and the standard streams are FlowCommandLine's, shared with flowc-serve; these names let
// every command of flowc use them without importing that module in each file.
typealias ExitStatus = FlowCommandLine.ExitStatus
typealias StandardStream = FlowCommandLine.StandardStream
