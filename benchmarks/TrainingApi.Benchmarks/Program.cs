using TrainingApi.Benchmarks;

// One executable, one scenario per first argument; the scripts/bench-*.sh commands start the API and pass it here.
return args.FirstOrDefault() switch
{
    "enrollment" => await EnrollmentBenchmark.RunAsync(args[1..]),
    "consultations" => await ConsultationIngestBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: TrainingApi.Benchmarks enrollment|consultations [options]; run it through scripts/bench-enrollment.sh or scripts/bench-consultations.sh.");
    return 2;
}
