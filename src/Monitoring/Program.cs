using Monitoring.Cli;

// One executable, several verbs: `serve` runs the service, `validate` checks a checks/ folder, `demo` runs the
// service beside the demo shop. Each verb lives in Cli/.
return await CommandLine.RunAsync(args);
