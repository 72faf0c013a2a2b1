// bench/bench_pilot.cpp — runs pilots end to end (the shipped examples, or the .qpilot files
// given) and prints the wall time of each stage and the key outputs: dataset, baselines, the
// quantum model's ideal accuracy, per device the transpiled 2q gates, noisy accuracy, mitigated
// value, cost per 1k and latency, the reproducibility spread. Not a test: nothing is asserted.
//   qpilot_bench_pilot [--threads N] [--canonical] [FILE.qpilot...]
// --canonical prints writePilot() of each pilot instead of running it.
#include "core/pilot/pipeline.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace qpilot;

namespace {

std::string opt(const std::optional<double>& v, const char* format)
{
    if (!v)
        return "unknown";
    char buf[64];
    std::snprintf(buf, sizeof buf, format, *v);
    return buf;
}

void report(const pilot::PilotRun& run, double seconds)
{
    std::printf("== %s: %s in %.1f s%s%s\n", run.pilotName.c_str(), pilot::runStatusKey(run.status), seconds,
                run.stopReason.empty() ? "" : " — ", run.stopReason.c_str());
    for (const pilot::StageRecord& s : run.stages)
        std::printf("   stage %-16s %-9s %7.2f s  %s\n", pilot::stageKey(s.stage), s.status.c_str(), s.seconds, s.message.c_str());
    std::printf("   data      %s: %d rows, %d features -> %d encoded, %d train / %d test\n", run.datasetName.c_str(), run.rows,
                run.features, run.encodedFeatures, run.trainRows, run.testRows);
    for (const ml::ModelReport& b : run.baselines)
        std::printf("   baseline  %-8s accuracy %.4f\n", b.model.c_str(), b.metrics.accuracy);
    std::printf("   quantum   %-8s accuracy %.4f (ideal), %lld training executions\n", run.quantum.model.c_str(),
                run.quantum.metrics.accuracy, run.trainingExecutions);
    std::printf("   circuit   %s (sha256 %.12s)\n", run.circuitDescription.c_str(), run.circuitHash.c_str());
    for (const pilot::DeviceOutcome& d : run.devices) {
        if (!d.error.empty()) {
            std::printf("   device    %-24s FAILED: %s\n", d.deviceId.c_str(), d.error.c_str());
            continue;
        }
        std::printf("   device    %-24s 2q %4d, depth %4d, success %.3f, noisy acc %.4f, <%s> ideal %.3f noisy %.3f "
                    "mitigated %.3f, shots x%.2f, $%.2f per 1k ($%.2f unmitigated), latency %s s, %g circuits/inference\n",
                    d.deviceId.c_str(), d.twoQubitGates, d.depth, d.successProbability, d.noisyAccuracy, d.observable.c_str(),
                    d.idealValue, d.noisyValue, d.mitigatedValue, d.shotMultiplier, d.costPer1kUsd, d.costPer1kUnmitigatedUsd,
                    opt(d.latencySeconds, "%.3g").c_str(), d.circuitExecutionsPerInference);
    }
    std::printf("   classical $%.3g per 1k (dedicated), $%.3g (serverless)\n", run.classicalPer1kUsd,
                run.classicalServerlessPer1kUsd);
    std::printf("   curve    ");
    for (const pilot::EncodingPoint& p : run.encodingCurve) {
        std::printf(" f%d:%d", p.features, p.twoQubitGates);
        for (const auto& [id, n] : p.transpiledTwoQubitGates)
            std::printf("/%d", n);
    }
    std::printf("  (features:logical 2q/transpiled per device)\n");
    std::printf("   repro     %zu seeds, spread %.4f, std %.4f\n", run.seeds.size(), run.accuracySpread, run.accuracyStd);
    for (const std::string& w : run.warnings)
        std::printf("   warning   %s\n", w.c_str());
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 0;
    bool canonical = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--canonical"))
            canonical = true;
        else
            files.push_back(argv[i]);
    }
    std::vector<std::pair<std::string, Result<pilot::Pilot>>> pilots;
    if (files.empty())
        for (const pilot::ExamplePilot& e : pilot::examplePilots())
            pilots.emplace_back(e.name, pilot::readPilot(e.json, e.name + ".qpilot"));
    for (const std::string& f : files)
        pilots.emplace_back(f, pilot::loadPilotFile(f));
    int failures = 0;
    for (auto& [name, p] : pilots) {
        if (!p) {
            std::printf("== %s: %s\n", name.c_str(), p.error().toString().c_str());
            ++failures;
            continue;
        }
        if (canonical) {
            std::printf("%s", pilot::writePilot(p.value()).c_str());
            continue;
        }
        pilot::PipelineHooks hooks;
        hooks.threads = threads;
        const auto t0 = std::chrono::steady_clock::now();
        const pilot::PilotRun run = pilot::runPilot(p.value(), hooks);
        report(run, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        failures += run.status != pilot::RunStatus::Completed;
    }
    return failures ? 1 : 0;
}
