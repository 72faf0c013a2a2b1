// tests/support/sample_run.h — a hand-made PilotRun with every field set to a distinct,
// awkward value (0.1 + 0.2, 1e-300, the smallest subnormal, NaN ROC AUC, −0, a 64-bit seed
// above 2^63, a missing latency, a ZNE series, per-technique overheads, a kernel sample) for the run JSON, run store, MLflow export and CLI tests.
#pragma once

#include "core/pilot/run.h"

#include <cmath>
#include <limits>

namespace qpilot::test {

inline ml::ModelReport sampleModel(const std::string& name, double accuracy)
{
    ml::ModelReport m;
    m.model = name;
    m.description = name + " model, tuned";
    m.best = {{"C", "1"}, {"gamma", "scale (0.0333)"}};
    m.grid = {{{{"C", "0.1"}}, 0.1 + 0.2, 0.05}, {{{"C", "1"}}, accuracy, 1e-300}};
    m.folds = 5;
    m.trainRows = 105;
    m.testRows = 45;
    m.metrics.accuracy = accuracy;
    m.metrics.balancedAccuracy = accuracy - 0.01;
    m.metrics.f1 = 2.0 / 3.0;
    m.metrics.f1Macro = std::nextafter(0.5, 1.0);
    m.metrics.rocAuc = 0.93;
    m.metrics.confusion = {{20, 2}, {1, 22}};
    m.predictions = {0, 1, 1, 0, 1, 0, 0, 1};
    m.tuneSeconds = 1.25;
    m.fitSeconds = 0.031;
    m.inferenceSamplesPerSecond = 1.5e6;
    m.circuitExecutionsPerPrediction = 0;
    return m;
}

inline pilot::DeviceOutcome sampleDevice(const std::string& id, double cost)
{
    pilot::DeviceOutcome d;
    d.deviceId = id;
    d.deviceName = id + " (profile)";
    d.provider = id.rfind("ibm", 0) == 0 ? "ibm" : "ionq";
    d.calibrationSource = "profile 2025-02-26";
    d.logicalQubits = 4;
    d.oneQubitGates = 31;
    d.twoQubitGates = 12;
    d.depth = 40;
    d.twoQubitDepth = 9;
    d.durationSeconds = 3.2e-6;
    d.successProbability = 0.8123456789012345;
    d.transpileSeconds = 0.0042;
    d.transpiledQasm = "OPENQASM 3.0;\nqubit[4] q;\ncz q[0], q[1];\n";
    d.noisyAccuracy = 0.86;
    d.mitigationPlan = "rem, zne(1,3,5; richardson)";
    d.observable = "ZZII";
    d.idealValue = 0.75;
    d.noisyValue = 0.5;
    d.mitigatedValue = 0.7;
    d.mitigatedStdError = 0.02;
    d.shotMultiplier = 9.5;
    d.timeMultiplier = 3.0;
    d.circuitsPerExecution = 3;
    d.counts = {{"0000", 400}, {"0101", 12}, {"1111", 588}};
    d.priceKey = d.provider == "ibm" ? "ibm_heron" : "ionq_forte";
    d.pricePlan = "payg";
    d.priceDate = "2026-06-01";
    d.priceSource = "[S30]";
    d.costPer1kUsd = cost;
    d.costPer1kUnmitigatedUsd = cost / 3;
    d.costFormula = "shots x seconds x rate";
    d.latencyCompile = 0.5;
    d.latencyQueue = 3600;
    d.latencyNetwork = 0.1;
    if (d.provider == "ibm") {
        d.latencyExecution = 1.5;
        d.latencySeconds = 3602.1;
    }
    d.circuitExecutionsPerInference = 38;
    d.notes = {"two-qubit gates: cz"};
    if (d.provider == "ibm") {
        d.zne.factors = {1, 3, 5.000000000000001};
        d.zne.values = {0.5, 0.1 + 0.2, -0.0};
        d.zne.stdErrors = {0.01, 0.02, 1e-300};
        d.zne.method = "richardson";
        d.zne.estimate = 0.6875;
        d.zne.stdError = 0.05;
        d.zne.curveFactors = {0, 2.5, 5.000000000000001};
        d.zne.curveValues = {0.6875, 0.4, -0.0};
    }
    d.techniqueOverheads = {{"rem", 1.2, 1.0000000000000002, 1, ""},
                            {"zne", 9.5, std::nullopt, 3, ""},
                            {"pec", 1, std::nullopt, 1, "PEC overhead γ² = 1e9 is above the cap 100"}};
    d.successByDepth = {{1, 40, 12, 0.8123456789012345}, {2, 79, 24, std::nullopt}};
    return d;
}

inline pilot::PilotRun sampleRun()
{
    pilot::PilotRun r;
    r.pilotName = "breast-cancer-kernel";
    r.pilotFile = "examples/breast_cancer_kernel.qpilot";
    r.configurationJson = R"({"devices":["ibm_torino","ionq_forte_1"],"mitigation":"rem,zne","model":{"kind":"kernel"},"name":"breast-cancer-kernel","seed":12345678901234567890,"shots":1000})";
    r.seed = 12345678901234567890ull;
    r.appVersion = "0.7.0";
    r.buildId = "GNU 12.2 Release";
    r.user = "alice";
    r.startedAt = "2026-11-24T10:00:00Z";
    r.finishedAt = "2026-11-24T10:03:20.500Z";
    r.status = pilot::RunStatus::Completed;
    for (int s = 0; s < 5; ++s)
        r.stages.push_back({pilot::Stage(s), "done", 0.5 * (s + 1), "stage " + std::to_string(s)});
    r.datasetName = "breast_cancer";
    r.datasetSource = "builtin:breast_cancer";
    r.datasetFingerprint = "9f2c0e5a7d1b3c4e5f60718293a4b5c6d7e8f90112233445566778899aabbccd";
    r.rows = 569;
    r.features = 30;
    r.classes = 2;
    r.trainRows = 398;
    r.testRows = 171;
    r.encodedFeatures = 4;
    r.preprocessing = "standardize, PCA 4";
    r.circuitQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] x0;\nqubit[4] q;\nh q;\n";
    r.circuitHash = "c1";
    r.circuitDescription = "zz (reps 1, full), 4 qubits";
    r.baselines = {sampleModel("logistic", 0.95), sampleModel("svm", 0.1 + 0.2)};
    r.bestBaseline = 0;
    r.quantum = sampleModel("kernel", 0.9);
    r.quantum.metrics.rocAuc = std::numeric_limits<double>::quiet_NaN();
    r.quantum.circuitExecutionsPerPrediction = 38;
    r.trainingExecutions = 79401;
    r.kernelAlignment = 1e-300;
    r.kernelOffDiagonalMean = std::numeric_limits<double>::denorm_min();
    r.kernelOffDiagonalVariance = -0.0;
    r.trainingLoss = {0.7, 0.1 + 0.2, std::numeric_limits<double>::max()};
    r.kernelSampleRows = 2;
    r.kernelSample = {1, 0.1 + 0.2, 0.1 + 0.2, std::nextafter(1.0, 0.0)};
    r.seeds = {{12345678901234567890ull, 0.9, 0.88, 2.5}, {7, 0.89, 0.87, 2.4}};
    r.accuracySpread = 0.010000000000000009;
    r.accuracyStd = 0.0070710678118654814;
    r.devices = {sampleDevice("ibm_torino", 12.5), sampleDevice("ionq_forte_1", 980.25)};
    r.encodingCurve = {{2, 2, 1, 5, {{"ibm_torino", 3}}}, {4, 4, 6, 12, {{"ibm_torino", 14}, {"ionq_forte_1", 6}}}};
    r.classicalPer1kUsd = 1.6545e-7;
    r.classicalServerlessPer1kUsd = 2e-5;
    r.classicalLatencySeconds = 7.3e-6;
    r.priceTablesUsed = "builtin 2026-06-01";
    r.warnings = {"ionq_forte_1: no execution timing"};
    return r;
}

} // namespace qpilot::test
