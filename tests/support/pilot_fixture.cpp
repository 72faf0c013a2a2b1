// tests/support/pilot_fixture.cpp — the hand-made pilots and runs of pilot_fixture.h. Every
// number is derived in the comment next to it from the reference's formulas and the shipped
// profiles/prices, so the tests that use it can check figures against independent arithmetic.
#include "pilot_fixture.h"

#include <cmath>

namespace qpilot::test {

namespace {

ml::ModelReport model(const std::string& name, double accuracy, int trainRows, int testRows)
{
    ml::ModelReport m;
    m.model = name;
    m.description = name;
    m.trainRows = trainRows;
    m.testRows = testRows;
    m.folds = 5;
    m.metrics.accuracy = accuracy;
    m.metrics.balancedAccuracy = accuracy - 0.005;
    m.metrics.f1 = accuracy - 0.003;
    m.metrics.f1Macro = accuracy - 0.004;
    m.metrics.rocAuc = std::min(1.0, accuracy + 0.02);
    m.tuneSeconds = 0.8;
    m.fitSeconds = 0.05;
    m.inferenceSamplesPerSecond = 137000;
    return m;
}

pilot::StageRecord stage(pilot::Stage s, double seconds, const std::string& message)
{
    return pilot::StageRecord{s, "done", seconds, message};
}

// ibm_torino (Heron r1): median r2 = 4.1e-3, r1 = 2.7e-4, readout 2.3e-2 [S10].
// Kernel circuit U†(x')U(x) of a 4-qubit ZZ map, reps 2, full entanglement: 48 CX logical,
// 66 CZ after heavy-hex routing. Success ≈ (1 − 1.25·4.1e-3)^66 · (1 − 1.5·2.7e-4)^180 ·
// (1 − 0.023)^4 · idle ≈ 0.712 · 0.930 · 0.911 · 0.99 = 0.597.
pilot::DeviceOutcome torino()
{
    pilot::DeviceOutcome d;
    d.deviceId = "ibm_torino";
    d.deviceName = "IBM Heron r1 (ibm_torino)";
    d.provider = "IBM";
    d.calibrationSource = "[S10] qiskit-ibm-runtime fake backend snapshot 2025-02-26";
    d.logicalQubits = 4;
    d.oneQubitGates = 180;
    d.twoQubitGates = 66;
    d.depth = 141;
    d.twoQubitDepth = 40;
    d.durationSeconds = 2.1e-5;
    d.successProbability = 0.597;
    d.transpileSeconds = 0.012;
    d.transpiledQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[133] q;\n";
    d.noisyAccuracy = 0.936;
    d.mitigationPlan = "zne(richardson 1,3,5; 2q folding) + rem(tensored)";
    d.observable = "ZZZZ";
    d.idealValue = 0.412;
    d.noisyValue = 0.236;       // error 0.176
    d.mitigatedValue = 0.391;   // error 0.021
    d.mitigatedStdError = 0.031;
    d.shotMultiplier = 12.25;   // (Σ|β|)² = 3.5² for Richardson (1,3,5) [S30]
    d.timeMultiplier = 3.1;     // configured shots at 3 noise factors; folding lengthens the circuit
    d.circuitsPerExecution = 3;
    d.counts = {{"0000", 412}, {"0101", 131}, {"1010", 127}, {"1111", 330}};
    d.priceKey = "ibm";
    d.pricePlan = "payg";
    d.priceDate = "2026-05-25";
    d.priceSource = "[S22,S26]";
    // 1k inferences × 62 support vectors × 1000 shots = 6.2e7 executions:
    // (2 + 0.00035 · 6.2e7) s · $1.60/s = $34,723.20; ZNE ×3 executions: (2 + 0.00035 · 1.86e8) · 1.6 = $104,163.20.
    d.costPer1kUnmitigatedUsd = 34723.2;
    d.costPer1kUsd = 104163.2;
    d.costFormula = "(2 + 0.00035 × 1.86e8) s × $1.60/s";
    d.latencyCompile = 0.012;
    d.latencyQueue = 60;
    d.latencyNetwork = 0.6;
    d.latencyExecution = 2 + 0.00035 * 62 * 1000 * 3;   // 67.1 s for one inference alone
    d.latencySeconds = d.latencyCompile + d.latencyQueue + d.latencyNetwork + *d.latencyExecution;
    d.circuitExecutionsPerInference = 62;
    return d;
}

// ionq_aria_1: r2 = 4e-3, r1 = 5e-4, SPAM 3.9e-3 [S13]; all-to-all, so 48 MS gates.
// Success ≈ (1 − 0.005)^48 · (1 − 7.5e-4)^120 · (1 − 0.0039)^4 = 0.786 · 0.914 · 0.984 = 0.707.
pilot::DeviceOutcome aria()
{
    pilot::DeviceOutcome d;
    d.deviceId = "ionq_aria_1";
    d.deviceName = "IonQ Aria-1";
    d.provider = "IonQ";
    d.calibrationSource = "[S13] Azure Quantum provider-ionq.md (2025-09)";
    d.logicalQubits = 4;
    d.oneQubitGates = 120;
    d.twoQubitGates = 48;
    d.depth = 110;
    d.twoQubitDepth = 36;
    d.durationSeconds = 0.03;
    d.successProbability = 0.707;
    d.transpileSeconds = 0.008;
    d.transpiledQasm = "OPENQASM 3.0;\nqubit[25] q;\n";
    d.noisyAccuracy = 0.947;
    d.mitigationPlan = "zne(richardson 1,3,5; 2q folding) + rem(tensored)";
    d.observable = "ZZZZ";
    d.idealValue = 0.412;
    d.noisyValue = 0.301;
    d.mitigatedValue = 0.405;
    d.mitigatedStdError = 0.028;
    d.shotMultiplier = 12.25;
    d.timeMultiplier = 9.0;
    d.circuitsPerExecution = 3;
    d.counts = {{"0000", 455}, {"0101", 120}, {"1010", 118}, {"1111", 307}};
    d.priceKey = "braket:ionq_aria";
    d.pricePlan = "on_demand";
    d.priceDate = "2025-01-01";
    d.priceSource = "[S31]";
    // per inference 62 tasks × ($0.30 + 1000 × $0.03) = $1,878.60 → $1,878,600 per 1k; ZNE ×3 tasks.
    d.costPer1kUnmitigatedUsd = 1878600;
    d.costPer1kUsd = 5635800;
    d.costFormula = "1000 × 186 tasks × ($0.30 + 1000 × $0.03)";
    d.latencyCompile = 0.008;
    d.latencyQueue = 60;
    d.latencyNetwork = 0.6;
    d.latencyExecution = std::nullopt;   // the profile has no shot rate
    d.latencySeconds = std::nullopt;
    d.circuitExecutionsPerInference = 62;
    d.notes = {"IonQ Aria publishes no shot rate: execution time unknown"};
    return d;
}

} // namespace

pilot::Pilot fixturePilot()
{
    pilot::Pilot p;
    p.name = "breast-cancer-kernel";
    p.title = "Fraud-style screening: quantum kernel on Breast Cancer Wisconsin";
    p.description = "Can a ZZ-map quantum kernel match a tuned SVM on a small diagnostic dataset?";
    p.dataset.source = "builtin:breast_cancer";
    p.preprocessing.pca = 4;
    p.circuit.encoding = "zz";
    p.circuit.reps = 2;
    p.model.kind = "kernel";
    p.devices = {"ibm_torino", "ionq_aria_1"};
    p.mitigation = "rem,zne";
    p.shots = 1000;
    p.seed = 7;
    p.reproducibilitySeeds = 3;
    p.cost.queueSeconds = 60;
    return p;
}

pilot::Pilot fixturePilotWithFailedDevice()
{
    pilot::Pilot p = fixturePilot();
    p.devices.push_back("ionq_forte_1");
    return p;
}

pilot::PilotRun fixtureRun()
{
    pilot::PilotRun r;
    r.pilotName = "breast-cancer-kernel";
    r.pilotFile = "breast_cancer_kernel.qpilot";
    r.configurationJson = "{\"name\": \"breast-cancer-kernel\", \"schema_version\": 2}";
    r.seed = 7;
    r.appVersion = "0.1.0";
    r.buildId = "gcc 12.2 Release";
    r.user = "architect";
    r.startedAt = "2026-11-24T10:00:00Z";
    r.finishedAt = "2026-11-24T10:03:12Z";
    r.status = pilot::RunStatus::Completed;
    r.stages = {stage(pilot::Stage::Data, 0.05, "569 rows, 30 features, 2 classes"),
                stage(pilot::Stage::Baseline, 4.2, "logistic, svm, mlp tuned"),
                stage(pilot::Stage::Circuits, 96.0, "zz (reps 2, full), 4 qubits; kernel trained"),
                stage(pilot::Stage::Devices, 61.5, "2 devices"),
                stage(pilot::Stage::Reproducibility, 30.1, "3 seeds")};
    r.datasetName = "Breast Cancer Wisconsin (Diagnostic)";
    r.datasetSource = "builtin:breast_cancer (UCI, CC BY 4.0)";
    r.datasetFingerprint = "6f1c1a0e3d2b4c5a69788796a5b4c3d2e1f00112233445566778899aabbccdde";
    r.rows = 569;
    r.features = 30;
    r.classes = 2;
    r.trainRows = 398;
    r.testRows = 171;
    r.encodedFeatures = 4;
    r.preprocessing = "standardise, PCA 30 → 4, stratified 70/30 split";
    r.circuitQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] x0;\nqubit[4] q;\nh q;\n";
    r.circuitHash = "c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
    r.circuitDescription = "zz (reps 2, full), 4 qubits";
    r.baselines = {model("logistic", 0.977, 398, 171), model("svm", 0.971, 398, 171), model("mlp", 0.965, 398, 171)};
    r.bestBaseline = 0;
    r.quantum = model("kernel", 0.953, 398, 171);
    r.quantum.circuitExecutionsPerPrediction = 62;
    r.trainingExecutions = 79003;   // Gram matrix 398 · 397 / 2
    r.kernelAlignment = 0.31;
    r.kernelOffDiagonalMean = 0.184;
    r.kernelOffDiagonalVariance = 0.0213;
    r.seeds = {{7, 0.953, 0.962, 24.0}, {0x9e3779b97f4a7c15ULL, 0.947, 0.957, 23.8}, {0x3c6ef372fe94f82aULL, 0.959, 0.967, 24.3}};
    r.accuracySpread = 0.012;
    r.accuracyStd = 0.006;
    r.devices = {torino(), aria()};
    // Kernel circuit 2q gates: logical 4n(n−1) for reps 2 full (×2 for U†U); torino adds SWAPs.
    for (int n = 2; n <= 6; ++n) {
        pilot::EncodingPoint p;
        p.features = n;
        p.qubits = n;
        p.twoQubitGates = 4 * n * (n - 1);
        p.depth = 10 + 12 * n;
        p.transpiledTwoQubitGates["ibm_torino"] = std::vector<int>{8, 30, 66, 118, 190}[size_t(n - 2)];
        p.transpiledTwoQubitGates["ionq_aria_1"] = p.twoQubitGates;
        r.encodingCurve.push_back(p);
    }
    r.classicalPer1kUsd = 1000.0 / 137000 * 0.0816 / 3600;   // 1.65e-7 [S36], reference §4
    r.classicalServerlessPer1kUsd = 2.02e-4;
    r.classicalLatencySeconds = 1.0 / 137000;
    r.priceTablesUsed = "ibm.json (2026-05-25), braket.json (2025-01-01)";
    return r;
}

pilot::PilotRun fixtureRunWithFailedDevice()
{
    pilot::PilotRun r = fixtureRun();
    pilot::DeviceOutcome d;
    d.deviceId = "ionq_forte_1";
    d.deviceName = "IonQ Forte-1";
    d.provider = "IonQ";
    d.error = "transpile: the device profile has no error for gate 'zz' (success probability unknown)";
    r.devices.push_back(d);
    r.warnings.push_back("ionq_forte_1 failed: " + d.error);
    return r;
}

pilot::Pilot fixtureVqcPilot()
{
    pilot::Pilot p;
    p.name = "iris-reuploading-vqc";
    p.title = "Data re-uploading VQC on Iris";
    p.dataset.source = "builtin:iris";
    p.circuit.encoding = "reuploading";
    p.model.kind = "vqc";
    p.model.epochs = 40;
    p.devices = {"ibm_torino"};
    p.mitigation = "none";
    p.shots = 1000;
    p.seed = 3;
    p.cost.queueSeconds = 60;
    return p;
}

pilot::PilotRun fixtureVqcRun()
{
    pilot::PilotRun r = fixtureRun();
    r.pilotName = "iris-reuploading-vqc";
    r.datasetName = "Iris";
    r.datasetSource = "builtin:iris (UCI, CC BY 4.0)";
    r.rows = 150;
    r.features = 4;
    r.classes = 3;
    r.trainRows = 105;
    r.testRows = 45;
    r.encodedFeatures = 4;
    r.circuitDescription = "reuploading (3 layers), 4 qubits";
    r.baselines = {model("logistic", 0.956, 105, 45), model("svm", 0.978, 105, 45), model("mlp", 0.956, 105, 45)};
    r.bestBaseline = 1;
    r.quantum = model("vqc", 0.933, 105, 45);
    r.quantum.circuitExecutionsPerPrediction = 1;
    // 40 epochs × 105 rows × (2 · 24 parameters + 1) executions (parameter shift)
    r.trainingExecutions = 40LL * 105 * 49;
    r.kernelAlignment = 0;
    r.kernelOffDiagonalMean = 0;
    r.kernelOffDiagonalVariance = 0;
    for (int e = 0; e < 40; ++e)
        r.trainingLoss.push_back(0.35 + 0.75 * std::exp(-e / 9.0));
    r.seeds = {{3, 0.933, 0.932, 40.1}, {11, 0.911, 0.910, 39.7}, {19, 0.956, 0.955, 40.4}};
    r.accuracySpread = 0.045;
    r.accuracyStd = 0.0225;
    pilot::DeviceOutcome d = torino();
    d.twoQubitGates = 36;
    d.depth = 88;
    d.successProbability = 0.74;
    d.noisyAccuracy = 0.911;
    d.mitigationPlan = "none";
    d.mitigatedValue = d.noisyValue;
    d.shotMultiplier = 1;
    d.timeMultiplier = 1;
    d.circuitsPerExecution = 1;
    // 1 circuit × 1000 shots per inference: (2 + 0.00035 · 1e6) · 1.6 = $563.20 per 1k (reference §6)
    d.costPer1kUsd = 563.2;
    d.costPer1kUnmitigatedUsd = 563.2;
    d.latencyExecution = 2 + 0.00035 * 1000;
    d.latencySeconds = d.latencyCompile + d.latencyQueue + d.latencyNetwork + *d.latencyExecution;
    d.circuitExecutionsPerInference = 1;
    r.devices = {d};
    r.encodingCurve.clear();
    for (int n = 2; n <= 4; ++n) {
        pilot::EncodingPoint p;
        p.features = n;
        p.qubits = n;
        p.twoQubitGates = 3 * (n - 1) * 3;
        p.depth = 8 * n;
        p.transpiledTwoQubitGates["ibm_torino"] = std::vector<int>{9, 20, 36}[size_t(n - 2)];
        r.encodingCurve.push_back(p);
    }
    return r;
}

} // namespace qpilot::test
