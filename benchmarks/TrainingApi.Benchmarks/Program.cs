using TrainingApi.Benchmarks;

// One executable, one scenario per first argument; the scripts/bench-*.sh commands start the API and pass it here.
return args.FirstOrDefault() switch
{
    "enrollment" => await EnrollmentBenchmark.RunAsync(args[1..]),
    "consultations" => await ConsultationIngestBenchmark.RunAsync(args[1..]),
    "release" => await ReleaseExportBenchmark.RunAsync(args[1..]),
    "scale-out" => await ScaleOutChecks.RunAsync(args[1..]),
    "reads" => await ReadsBenchmark.RunAsync(args[1..]),
    "self-assessment" => await SelfAssessmentBenchmark.RunAsync(args[1..]),
    "mixed" => await MixedLoad.RunAsync(args[1..]),
    "bare" => await BareServer.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: TrainingApi.Benchmarks enrollment|consultations|release|reads|self-assessment|scale-out [options]; run it through scripts/bench-<scenario>.sh.");
    return 2;
}
