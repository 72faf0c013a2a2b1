// tests/pilot/tst_pipeline.cpp — runPilot on a tiny pilot (Iris versicolor vs virginica, PCA to
// 2, ZZ kernel on 2 qubits, IBM Torino and IQM Garnet, 200 shots): every stage completes and the
// numbers agree with the core APIs called directly on the same split (baseline and quantum
// accuracy, transpiled figures, cost per 1k), counts sum to the shots, the spread and standard
// deviation follow from the seeds, the encoding curve follows the ZZ formula; two runs with
// different thread counts are identical; cancel after a stage and during the devices keeps what
// finished; a device that fails does not fail the run; an invalid pilot fails before any stage.
#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"
#include "core/cost/cost.h"
#include "core/device/device.h"
#include "core/encoding/encoding.h"
#include "core/mitigation/mitigation.h"
#include "core/ml/ml.h"
#include "core/pilot/pipeline.h"
#include "core/pilot/pipeline_internal.h"
#include "core/transpile/transpile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>

using namespace qpilot;
using namespace qpilot::pilot;

namespace {

Pilot tinyPilot()
{
    Pilot p;
    p.name = "tiny";
    p.title = "Tiny test pilot";
    p.dataset.source = "builtin:iris";
    p.dataset.classes = {1, 2};
    p.preprocessing.pca = 2;
    p.circuit.encoding = "zz";
    p.model.kind = "kernel";
    p.model.baselines = {"logistic", "svm"};
    p.model.folds = 3;
    p.devices = {"ibm_torino", "iqm_garnet"};
    p.mitigation = "rem,zne";
    p.shots = 200;
    p.seed = 21;
    p.reproducibilitySeeds = 3;
    return p;
}

// A 4-qubit profile whose qubits are not coupled: valid, but nothing with a 2q gate routes.
const char kIslands[] = R"({
  "format_version": 2, "id": "islands", "provider": "Test", "name": "Uncoupled qubits", "num_qubits": 4,
  "native_gates": ["rz", "sx", "x", "cz"], "topology": "custom", "directed": false, "couplers": [],
  "medians": {"t1_us": 100, "t2_us": 80, "gate_error_1q": 0.001, "gate_error_2q": 0.01, "gate_time_1q_ns": 30,
              "gate_time_2q_ns": 80, "readout_time_ns": 1000, "readout_error": 0.02},
  "pricing": "ibm", "source": "test fixture"
})";

// Every result field (not timings, timestamps, user or build) of two runs; "" when equal.
std::string differences(const PilotRun& a, const PilotRun& b)
{
    std::string out;
    auto check = [&out](bool same, const std::string& what) {
        if (!same)
            out += what + "\n";
    };
    check(a.status == b.status, "status");
    check(a.configurationJson == b.configurationJson, "configuration");
    check(a.datasetFingerprint == b.datasetFingerprint, "fingerprint");
    check(a.rows == b.rows && a.trainRows == b.trainRows && a.testRows == b.testRows, "rows");
    check(a.circuitQasm == b.circuitQasm && a.circuitHash == b.circuitHash, "circuit");
    check(a.baselines.size() == b.baselines.size(), "baselines");
    for (size_t i = 0; i < a.baselines.size() && i < b.baselines.size(); ++i) {
        check(a.baselines[i].metrics.accuracy == b.baselines[i].metrics.accuracy, "baseline accuracy");
        check(a.baselines[i].predictions == b.baselines[i].predictions, "baseline predictions");
        check(a.baselines[i].metrics.rocAuc == b.baselines[i].metrics.rocAuc, "baseline auc");
    }
    check(a.quantum.predictions == b.quantum.predictions, "quantum predictions");
    check(a.quantum.metrics.accuracy == b.quantum.metrics.accuracy && a.quantum.metrics.f1 == b.quantum.metrics.f1,
          "quantum metrics");
    check(a.kernelAlignment == b.kernelAlignment && a.kernelOffDiagonalMean == b.kernelOffDiagonalMean
              && a.kernelOffDiagonalVariance == b.kernelOffDiagonalVariance,
          "kernel diagnostics");
    check(a.trainingExecutions == b.trainingExecutions, "training executions");
    check(a.seeds.size() == b.seeds.size(), "seeds");
    for (size_t i = 0; i < a.seeds.size() && i < b.seeds.size(); ++i)
        check(a.seeds[i].seed == b.seeds[i].seed && a.seeds[i].accuracy == b.seeds[i].accuracy && a.seeds[i].f1 == b.seeds[i].f1,
              "seed " + std::to_string(i));
    check(a.accuracySpread == b.accuracySpread && a.accuracyStd == b.accuracyStd, "spread");
    check(a.devices.size() == b.devices.size(), "devices");
    for (size_t i = 0; i < a.devices.size() && i < b.devices.size(); ++i) {
        const DeviceOutcome &x = a.devices[i], &y = b.devices[i];
        const std::string d = "devices[" + std::to_string(i) + "].";
        check(x.error == y.error, d + "error");
        check(x.twoQubitGates == y.twoQubitGates && x.oneQubitGates == y.oneQubitGates && x.depth == y.depth
                  && x.twoQubitDepth == y.twoQubitDepth && x.durationSeconds == y.durationSeconds
                  && x.successProbability == y.successProbability,
              d + "transpiled figures");
        check(x.transpiledQasm == y.transpiledQasm, d + "transpiled circuit");
        check(x.noisyAccuracy == y.noisyAccuracy, d + "noisy accuracy");
        check(x.idealValue == y.idealValue && x.noisyValue == y.noisyValue && x.mitigatedValue == y.mitigatedValue
                  && x.mitigatedStdError == y.mitigatedStdError,
              d + "mitigation");
        check(x.shotMultiplier == y.shotMultiplier && x.timeMultiplier == y.timeMultiplier
                  && x.circuitsPerExecution == y.circuitsPerExecution,
              d + "overhead");
        check(x.counts == y.counts, d + "counts");
        check(x.costPer1kUsd == y.costPer1kUsd && x.costPer1kUnmitigatedUsd == y.costPer1kUnmitigatedUsd
                  && x.costFormula == y.costFormula,
              d + "cost");
        check(x.latencySeconds == y.latencySeconds && x.latencyExecution == y.latencyExecution, d + "latency");
        check(x.circuitExecutionsPerInference == y.circuitExecutionsPerInference, d + "executions per inference");
        check(x.notes == y.notes, d + "notes");
    }
    check(a.encodingCurve.size() == b.encodingCurve.size(), "curve");
    for (size_t i = 0; i < a.encodingCurve.size() && i < b.encodingCurve.size(); ++i)
        check(a.encodingCurve[i].twoQubitGates == b.encodingCurve[i].twoQubitGates
                  && a.encodingCurve[i].transpiledTwoQubitGates == b.encodingCurve[i].transpiledTwoQubitGates,
              "curve point " + std::to_string(i));
    check(a.warnings == b.warnings, "warnings");
    return out;
}

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

    PilotRun m_run; // tinyPilot() at 2 threads
    std::vector<Progress> m_progress;
    std::vector<Stage> m_finished;

private slots:
    void initTestCase()
    {
        PipelineHooks hooks;
        hooks.threads = 2;
        hooks.progress = [this](const Progress& p) { m_progress.push_back(p); };
        hooks.stageFinished = [this](const PilotRun&, Stage s) { m_finished.push_back(s); };
        m_run = runPilot(tinyPilot(), hooks);
        QVERIFY2(m_run.status == RunStatus::Completed, m_run.stopReason.c_str());
    }

    void stagesAndProgress()
    {
        const Stage expected[] = {Stage::Data, Stage::Baseline, Stage::Circuits, Stage::Devices, Stage::Reproducibility};
        QCOMPARE(m_run.stages.size(), size_t(5));
        for (size_t i = 0; i < 5; ++i) {
            QCOMPARE(m_run.stages[i].stage, expected[i]);
            QCOMPARE(m_run.stages[i].status, std::string("done"));
            QVERIFY(m_run.stages[i].seconds >= 0);
            QVERIFY(!m_run.stages[i].message.empty());
        }
        QCOMPARE(m_finished, std::vector<Stage>(std::begin(expected), std::end(expected)));
        for (Stage s : expected) {
            bool seen = false, reachedEnd = false;
            for (const Progress& p : m_progress) {
                QVERIFY(p.fraction >= 0 && p.fraction <= 1);
                if (p.stage == s) {
                    seen = true;
                    reachedEnd = reachedEnd || p.fraction == 1;
                }
            }
            QVERIFY2(seen && reachedEnd, stageKey(s));
        }
    }

    void provenance()
    {
        QCOMPARE(m_run.pilotName, std::string("tiny"));
        QCOMPARE(m_run.configurationJson, writePilot(tinyPilot()));
        QCOMPARE(m_run.seed, std::uint64_t(21));
        QCOMPARE(m_run.appVersion, std::string(QPILOT_VERSION));
        QVERIFY(!m_run.buildId.empty());
        QVERIFY(!m_run.user.empty());
        for (const std::string& t : {m_run.startedAt, m_run.finishedAt}) {
            const QDateTime d = QDateTime::fromString(QString::fromStdString(t), Qt::ISODateWithMs);
            QVERIFY2(d.isValid() && d.timeSpec() == Qt::UTC, t.c_str());
        }
        auto iris = ml::loadBuiltinDataset("iris");
        QCOMPARE(m_run.datasetFingerprint, iris->fingerprint); // the data as loaded
        const std::string hash = QCryptographicHash::hash(QByteArray::fromStdString(m_run.circuitQasm), QCryptographicHash::Sha256)
                                     .toHex()
                                     .toStdString();
        QCOMPARE(m_run.circuitHash, hash);
        QVERIFY(m_run.circuitQasm.find("OPENQASM 3") != std::string::npos);
        QVERIFY(m_run.priceTablesUsed.find("ibm") != std::string::npos);
        for (const DeviceOutcome& d : m_run.devices)
            QVERIFY(!d.calibrationSource.empty());
    }

    void dataAndBaselinesMatchDirectCalls()
    {
        QCOMPARE(m_run.rows, 100);
        QCOMPARE(m_run.classes, 2);
        QCOMPARE(m_run.features, 4);
        QCOMPARE(m_run.encodedFeatures, 2);
        QCOMPARE(m_run.trainRows + m_run.testRows, 100);
        // The same split and preprocessing by hand.
        auto iris = ml::loadBuiltinDataset("iris");
        auto two = ml::selectClasses(iris.value(), {1, 2});
        auto split = ml::stratifiedSplit(two->samples, 0.3, 21);
        QVERIFY(split.ok());
        const ml::Standardizer st = ml::fitStandardizer(split->train);
        auto pca = ml::fitPca(st.apply(split->train), 2);
        const ml::Samples train = pca->apply(st.apply(split->train)), test = pca->apply(st.apply(split->test));
        QCOMPARE(m_run.testRows, test.rows);
        QCOMPARE(m_run.baselines.size(), size_t(2));
        double best = -1;
        for (size_t i = 0; i < 2; ++i) {
            auto kind = ml::baselineFromKey(tinyPilot().model.baselines[i]);
            auto direct = ml::trainBaseline(*kind, train, test, ml::TrainOptions{3, 21});
            QVERIFY(direct.ok());
            QCOMPARE(m_run.baselines[i].model, direct->model);
            QCOMPARE(m_run.baselines[i].metrics.accuracy, direct->metrics.accuracy);
            QCOMPARE(m_run.baselines[i].predictions, direct->predictions);
            best = std::max(best, direct->metrics.accuracy);
        }
        QCOMPARE(m_run.baselines[size_t(m_run.bestBaseline)].metrics.accuracy, best);
        // The quantum model, ideal, at the run seed.
        ml::QuantumModelOptions qo;
        qo.encoding = encoding::Kind::ZZ;
        qo.folds = 3;
        qo.seed = 21;
        auto q = ml::trainQuantumModel(ml::QuantumModelKind::Kernel, train, test, qo);
        QVERIFY(q.ok());
        QCOMPARE(m_run.quantum.metrics.accuracy, q->report.metrics.accuracy);
        QCOMPARE(m_run.quantum.predictions, q->report.predictions);
        QCOMPARE(m_run.kernelAlignment, q->quantum.alignment);
        // A QPU computes the Gram matrix pair by pair: n(n-1)/2 compute-uncompute circuits.
        QCOMPARE(m_run.trainingExecutions, static_cast<long long>(train.rows) * (train.rows - 1) / 2);
        QVERIFY(m_run.quantum.metrics.accuracy > 0.6); // versicolor/virginica on 2 PCs is learnable
    }

    void devicesMatchDirectCalls()
    {
        QCOMPARE(m_run.devices.size(), size_t(2));
        for (const DeviceOutcome& d : m_run.devices) {
            QVERIFY2(d.error.empty(), d.error.c_str());
            std::int64_t total = 0;
            for (const auto& [bits, n] : d.counts) {
                QCOMPARE(bits.size(), size_t(2));
                QVERIFY(n > 0);
                total += n;
            }
            QCOMPARE(total, std::int64_t(200));
            QVERIFY(d.noisyAccuracy >= 0 && d.noisyAccuracy <= 1);
            QCOMPARE(d.observable, std::string("ZZ"));
            QVERIFY(std::abs(d.idealValue) <= 1 + 1e-12);
            QVERIFY(d.shotMultiplier > 1);           // zne at equal precision needs more shots
            QVERIFY(d.circuitsPerExecution == 3);    // zne factors 1, 3, 5
            QVERIFY(d.costPer1kUsd > d.costPer1kUnmitigatedUsd);
            QVERIFY(d.successProbability > 0 && d.successProbability < 1);
            QVERIFY(d.successProbabilityKnown);
            QVERIFY(d.circuitExecutionsPerInference >= 1);
            QVERIFY(!d.priceDate.empty() && !d.priceSource.empty());
        }
        // Independent: rebuild the representative circuit with the public APIs, transpile it for
        // ibm_torino with the pipeline's seed stream, and price it with cost::costOf.
        auto iris = ml::loadBuiltinDataset("iris");
        auto two = ml::selectClasses(iris.value(), {1, 2});
        auto split = ml::stratifiedSplit(two->samples, 0.3, 21);
        const ml::Standardizer st = ml::fitStandardizer(split->train);
        auto pca = ml::fitPca(st.apply(split->train), 2);
        const ml::Samples train = pca->apply(st.apply(split->train)), test = pca->apply(st.apply(split->test));
        ml::QuantumModelOptions qo;
        qo.encoding = encoding::Kind::ZZ;
        qo.folds = 3;
        qo.seed = 21;
        auto q = ml::trainQuantumModel(ml::QuantumModelKind::Kernel, train, test, qo);
        QCOMPARE(m_run.devices[0].circuitExecutionsPerInference, double(q->quantum.supportVectors));
        ml::Samples first;
        first.rows = 1;
        first.features = 2;
        first.x = {test.at(0, 0), test.at(0, 1)};
        first.y = {test.y[0]};
        first.classes = 2;
        first = q->quantum.scaler->apply(first);
        auto bindings = encoding::bindFeatures(q->quantum.featureMap, first.x);
        auto bound = bindParameters(q->quantum.circuit, bindings.value());
        Circuit c = bound.value();
        c.parameters.clear();
        c.addCreg("c", 2);
        c.measure(0, 0).measure(1, 1);
        auto device = findDevice("ibm_torino");
        TranspileOptions to;
        to.level = 1;
        to.seed = mitigation::deriveSeed(21, detail::kStreamTranspile + 0);
        auto t = transpile(c, device.value(), to);
        QVERIFY(t.ok());
        QCOMPARE(m_run.devices[0].twoQubitGates, t->metrics.twoQubitCount);
        QCOMPARE(m_run.devices[0].depth, t->metrics.depth);
        const mitigation::CircuitFigures figures = mitigation::figuresOf(t.value(), device.value());
        cost::Workload w;
        w.shots = 200;
        w.circuitsPerInference = q->quantum.supportVectors;
        w.inferences = 1000;
        w.figures = figures;
        w.repetitionDelay = device->repetitionDelay;
        w.ionqErrorMitigation = true;
        w.overhead = mitigation::overheadFor({}, figures, 200).value();
        const cost::PriceTable table = cost::builtinPrices();
        const cost::PriceRow* row = table.find(device->pricing).value();
        auto plain = cost::costOf(*row, w, table.ibm);
        QVERIFY(plain.ok());
        QCOMPARE(m_run.devices[0].costPer1kUnmitigatedUsd, plain->per1kUsd);
        w.overhead = mitigation::overheadFor(mitigation::parsePlan("rem,zne").value(), figures, 200).value();
        w.precision = cost::Precision::Equal;
        auto mitigated = cost::costOf(*row, w, table.ibm);
        QCOMPARE(m_run.devices[0].costPer1kUsd, mitigated->per1kUsd);
        QCOMPARE(m_run.devices[0].shotMultiplier, w.overhead.shotMultiplier);
        // Classical economics from the pilot's assumptions.
        const cost::ClassicalCost classical = cost::classicalCost(cost::ClassicalOptions{});
        QCOMPARE(m_run.classicalPer1kUsd, classical.dedicatedPer1kUsd);
        QCOMPARE(m_run.classicalServerlessPer1kUsd, classical.serverlessPer1kUsd);
    }

    // The dashboard data (kernel sample, ZNE series, per-technique overheads, success vs depth)
    // against the core APIs called directly on the same split and transpiled circuit.
    void dashboardDataMatchesDirectCalls()
    {
        auto iris = ml::loadBuiltinDataset("iris");
        auto two = ml::selectClasses(iris.value(), {1, 2});
        auto split = ml::stratifiedSplit(two->samples, 0.3, 21);
        const ml::Standardizer st = ml::fitStandardizer(split->train);
        auto pca = ml::fitPca(st.apply(split->train), 2);
        const ml::Samples train = pca->apply(st.apply(split->train)), test = pca->apply(st.apply(split->test));
        ml::QuantumModelOptions qo;
        qo.encoding = encoding::Kind::ZZ;
        qo.folds = 3;
        qo.seed = 21;
        auto q = ml::trainQuantumModel(ml::QuantumModelKind::Kernel, train, test, qo);
        QVERIFY(q.ok());
        // kernel sample: the ideal Gram matrix of the first min(n, 40) scaled training rows
        const int rows = std::min(train.rows, kKernelSampleMaxRows);
        QCOMPARE(m_run.kernelSampleRows, rows);
        ml::Samples head = train;
        head.rows = rows;
        head.x.resize(size_t(rows) * size_t(train.features));
        head.y.resize(size_t(rows));
        auto gram = ml::gramMatrix(q->quantum.featureMap, q->quantum.scaler->apply(head));
        QVERIFY(gram.ok());
        QCOMPARE(m_run.kernelSample.size(), size_t(rows) * size_t(rows));
        for (size_t i = 0; i < gram->values.size(); ++i)
            QVERIFY2(std::abs(m_run.kernelSample[i] - gram->values[i]) < 1e-12, std::to_string(i).c_str());
        for (int i = 0; i < rows; ++i)
            QVERIFY(std::abs(m_run.kernelSample[size_t(i) * size_t(rows) + size_t(i)] - 1) < 1e-12);

        auto device = findDevice("ibm_torino");
        const DeviceOutcome& d = m_run.devices[0];
        // ZNE (rem,zne: Richardson over 1, 3, 5): the estimate is extrapolate() of the measured
        // points, and the sampled fitted curve passes through them and through the estimate at 0.
        QCOMPARE(d.zne.factors.size(), size_t(3));
        QCOMPARE(d.zne.method, std::string("richardson"));
        auto ex = mitigation::extrapolate(d.zne.factors, d.zne.values, d.zne.stdErrors, mitigation::Extrapolator::Richardson);
        QVERIFY(ex.ok());
        QCOMPARE(d.zne.estimate, ex->estimate);
        QCOMPARE(d.zne.stdError, ex->stdError);
        QCOMPARE(d.zne.curveFactors.size(), d.zne.curveValues.size());
        QCOMPARE(d.zne.curveFactors.front(), 0.0);
        QVERIFY(std::abs(d.zne.curveValues.front() - d.zne.estimate) < 1e-9);
        for (size_t i = 0; i < d.zne.factors.size(); ++i) {
            size_t nearest = 0;
            for (size_t k = 0; k < d.zne.curveFactors.size(); ++k)
                if (std::abs(d.zne.curveFactors[k] - d.zne.factors[i]) < std::abs(d.zne.curveFactors[nearest] - d.zne.factors[i]))
                    nearest = k;
            if (std::abs(d.zne.curveFactors[nearest] - d.zne.factors[i]) < 1e-12)
                QVERIFY(std::abs(d.zne.curveValues[nearest] - d.zne.values[i]) < 1e-9);
        }
        // Overheads per technique alone: overheadFor on the transpiled circuit's figures.
        Result<Circuit> isa = parseQasm(d.transpiledQasm, "transpiled");
        QVERIFY2(isa.ok(), isa.ok() ? "" : isa.error().message.c_str());
        TranspileResult t;
        t.circuit = isa.value();
        t.metrics = computeMetrics(t.circuit, device.value(), 0);
        QCOMPARE(t.metrics.twoQubitCount, d.twoQubitGates);
        const mitigation::CircuitFigures figures = mitigation::figuresOf(t, device.value());
        const char* keys[] = {"rem", "zne", "pec", "twirl", "dd"};
        QCOMPARE(d.techniqueOverheads.size(), size_t(5));
        for (size_t i = 0; i < 5; ++i) {
            const TechniqueOverhead& o = d.techniqueOverheads[i];
            QCOMPARE(o.technique, std::string(keys[i]));
            auto direct = mitigation::overheadFor(mitigation::parsePlan(keys[i]).value(), figures, 200);
            QCOMPARE(o.error.empty(), direct.ok());
            if (direct) {
                QVERIFY2(std::abs(o.shotMultiplier - direct->shotMultiplier) < 1e-9 * direct->shotMultiplier, keys[i]);
                QCOMPARE(o.circuits, direct->circuits);
                QVERIFY(o.timeMultiplier.has_value()); // torino has gate and readout times
                QVERIFY(*o.timeMultiplier >= 1 - 1e-12);
            }
        }
        // Success vs depth: layer 1 is the transpiled circuit itself; more layers, lower success.
        QCOMPARE(int(d.successByDepth.size()), kSuccessCurveLayers);
        QVERIFY(d.successByDepth[0].successProbability.has_value());
        QVERIFY(std::abs(*d.successByDepth[0].successProbability - d.successProbability) < 1e-12);
        QCOMPARE(d.successByDepth[0].depth, d.depth);
        for (size_t k = 1; k < d.successByDepth.size(); ++k) {
            const DepthPoint& p = d.successByDepth[k];
            QCOMPARE(p.layers, int(k) + 1);
            QCOMPARE(p.twoQubitGates, p.layers * d.twoQubitGates);
            QVERIFY(p.depth > d.successByDepth[k - 1].depth);
            QVERIFY(*p.successProbability < *d.successByDepth[k - 1].successProbability);
        }
        // The gates of the ISA circuit once more before it, scored directly.
        Circuit twice = t.circuit;
        twice.ops.clear();
        for (const Operation& op : t.circuit.ops)
            if (!std::holds_alternative<MeasureOp>(op.op))
                twice.ops.push_back(op);
        twice.ops.insert(twice.ops.end(), t.circuit.ops.begin(), t.circuit.ops.end());
        const TranspileMetrics m2 = computeMetrics(twice, device.value(), 0);
        QVERIFY(std::abs(*d.successByDepth[1].successProbability - *m2.successProbability) < 1e-12);
    }

    void reproducibilityAndCurve()
    {
        QCOMPARE(m_run.seeds.size(), size_t(3));
        QCOMPARE(m_run.seeds[0].seed, std::uint64_t(21));
        QCOMPARE(m_run.seeds[0].accuracy, m_run.quantum.metrics.accuracy);
        QCOMPARE(m_run.seeds[1].seed, mitigation::deriveSeed(21, detail::kStreamRepeat + 1));
        QVERIFY(m_run.seeds[1].seed != m_run.seeds[2].seed);
        double lo = 1, hi = 0, mean = 0;
        for (const SeedOutcome& s : m_run.seeds) {
            lo = std::min(lo, s.accuracy);
            hi = std::max(hi, s.accuracy);
            mean += s.accuracy / 3;
        }
        QCOMPARE(m_run.accuracySpread, hi - lo);
        double ss = 0;
        for (const SeedOutcome& s : m_run.seeds)
            ss += (s.accuracy - mean) * (s.accuracy - mean);
        QVERIFY(std::abs(m_run.accuracyStd - std::sqrt(ss / 2)) < 1e-12);
        // ZZ (reps 1, full): n(n-1) two-qubit gates for n features; 2..8 features for Iris.
        QCOMPARE(m_run.encodingCurve.size(), size_t(7));
        for (const EncodingPoint& p : m_run.encodingCurve) {
            encoding::Options eo;
            eo.reps = 1;
            QCOMPARE(p.twoQubitGates, int(encoding::resources(encoding::Kind::ZZ, p.features, eo)->twoQubitGates));
            QCOMPARE(p.twoQubitGates, p.features * (p.features - 1));
            QCOMPARE(p.transpiledTwoQubitGates.size(), size_t(2));
            for (const auto& [id, n] : p.transpiledTwoQubitGates)
                QVERIFY2(n >= p.twoQubitGates, id.c_str()); // routing never removes entanglers here
        }
    }

    void deterministicAcrossThreadCounts()
    {
        PipelineHooks hooks;
        hooks.threads = 1;
        const PilotRun again = runPilot(tinyPilot(), hooks);
        const std::string diff = differences(m_run, again);
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void vqcDeterministicAcrossThreadCounts()
    {
        Pilot p = tinyPilot();
        p.circuit.encoding = "reupload";
        p.circuit.reps = 1;
        p.model.kind = "vqc";
        p.model.epochs = 4;
        p.devices = {"iqm_garnet", "ionq_forte_1"};
        p.reproducibilitySeeds = 2;
        PipelineHooks one, two;
        one.threads = 1;
        two.threads = 2;
        const PilotRun a = runPilot(p, one);
        QVERIFY2(a.status == RunStatus::Completed, a.stopReason.c_str());
        QCOMPARE(a.trainingLoss.size(), size_t(4));
        QCOMPARE(a.devices[0].observable, std::string("IZ")); // the VQC reads qubit 0
        QCOMPARE(a.devices[0].circuitExecutionsPerInference, 1.0);
        // ionq_forte_1's profile has no error figures: its noise model is ideal, so the trained
        // VQC scored "with its noise" predicts exactly as the ideal model (and a warning says so).
        QCOMPARE(a.devices[1].noisyAccuracy, a.quantum.metrics.accuracy);
        QVERIFY(a.devices[0].noisyAccuracy <= 1 && a.devices[0].noisyAccuracy >= 0);
        bool warned = false;
        for (const std::string& w : a.warnings)
            warned = warned || w.find("ionq_forte_1: no calibration figures") != std::string::npos;
        QVERIFY(warned);
        const PilotRun b = runPilot(p, two);
        const std::string diff = differences(a, b);
        QVERIFY2(diff.empty(), diff.c_str());
        QCOMPARE(a.trainingLoss, b.trainingLoss);
    }

    void customCircuitRunsOnTheDevices()
    {
        Pilot p = tinyPilot();
        p.circuit.customQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] x_0;\ninput float[64] x_1;\n"
                               "qubit[3] q;\nry(x_0) q[0];\nry(x_1) q[1];\ncx q[0], q[1];\ncx q[1], q[2];\ncx q[0], q[2];\n";
        p.devices = {"ibm_torino"};
        p.reproducibilitySeeds = 1;
        const PilotRun run = runPilot(p, {});
        QVERIFY2(run.status == RunStatus::Completed, run.stopReason.c_str());
        QVERIFY(run.circuitQasm.find("x_1") != std::string::npos);
        QVERIFY(run.circuitDescription.find("custom") != std::string::npos);
        QCOMPARE(run.devices[0].logicalQubits, 3);
        QVERIFY(run.devices[0].twoQubitGates >= 3);
        QCOMPARE(run.devices[0].observable, std::string("ZZZ"));
        std::int64_t total = 0;
        for (const auto& [bits, n] : run.devices[0].counts) {
            QCOMPARE(bits.size(), size_t(3));
            total += n;
        }
        QCOMPARE(total, std::int64_t(200));
        QCOMPARE(run.quantum.metrics.accuracy, m_run.quantum.metrics.accuracy); // the model is the encoding's
        bool warned = false;
        for (const std::string& w : run.warnings)
            warned = warned || w.find("custom_qasm") != std::string::npos;
        QVERIFY(warned);
        // A custom circuit whose parameter is not an input is an invalid pilot, named.
        p.circuit.customQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nqubit[2] q;\nry(theta) q[0];\n";
        const PilotRun bad = runPilot(p, {});
        QCOMPARE(bad.status, RunStatus::Failed);
        QVERIFY(bad.stages.empty());
        QVERIFY2(bad.stopReason.find("circuit.custom_qasm: parameter 'theta' is not an input") != std::string::npos,
                 bad.stopReason.c_str());
    }

    void cancelAfterBaseline()
    {
        std::atomic<bool> cancel{false};
        PipelineHooks hooks;
        hooks.cancel = &cancel;
        hooks.stageFinished = [&cancel](const PilotRun&, Stage s) {
            if (s == Stage::Baseline)
                cancel = true;
        };
        const PilotRun run = runPilot(tinyPilot(), hooks);
        QCOMPARE(run.status, RunStatus::Cancelled);
        QCOMPARE(run.stages.size(), size_t(2));
        QCOMPARE(run.stages[0].stage, Stage::Data);
        QCOMPARE(run.stages[1].stage, Stage::Baseline);
        QCOMPARE(run.stages[1].status, std::string("done"));
        QVERIFY2(run.stopReason.find("circuits") != std::string::npos && run.stopReason.find("cancel") != std::string::npos,
                 run.stopReason.c_str());
        QCOMPARE(run.baselines.size(), size_t(2));
        QCOMPARE(run.baselines[0].metrics.accuracy, m_run.baselines[0].metrics.accuracy);
        QVERIFY(run.devices.empty());
        QVERIFY(!run.finishedAt.empty());
    }

    void cancelDuringDevices()
    {
        std::atomic<bool> cancel{false};
        PipelineHooks hooks;
        hooks.cancel = &cancel;
        hooks.progress = [&cancel](const Progress& p) {
            if (p.stage == Stage::Devices && p.message.find("mitigating") != std::string::npos)
                cancel = true;
        };
        const PilotRun run = runPilot(tinyPilot(), hooks);
        QCOMPARE(run.status, RunStatus::Cancelled);
        QCOMPARE(run.stages.size(), size_t(4));
        QCOMPARE(run.stages[3].stage, Stage::Devices);
        QCOMPARE(run.stages[3].status, std::string("cancelled"));
        QVERIFY(run.stopReason.rfind("devices:", 0) == 0);
        QCOMPARE(run.quantum.metrics.accuracy, m_run.quantum.metrics.accuracy); // earlier stages kept
        QVERIFY(run.seeds.size() == 1);
    }

    void failingDeviceDoesNotFailTheRun()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("islands.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kIslands);
        f.close();
        Pilot p = tinyPilot();
        p.devices = {"islands.json", "ibm_torino"};
        p.reproducibilitySeeds = 1;
        p.baseDirectory = dir.path().toStdString();
        QVERIFY(validatePilot(p).empty()); // only running it shows the problem
        const PilotRun run = runPilot(p, {});
        QVERIFY2(run.status == RunStatus::Completed, run.stopReason.c_str());
        QCOMPARE(run.devices.size(), size_t(2));
        QVERIFY(!run.devices[0].error.empty());
        QVERIFY2(run.devices[0].error.find("transpile") != std::string::npos, run.devices[0].error.c_str());
        QCOMPARE(run.devices[0].deviceId, std::string("islands.json"));
        QVERIFY(run.devices[0].counts.empty());
        QVERIFY(run.devices[1].error.empty());
        // The kernel's noisy accuracy does not depend on the device's position (no subsample).
        QCOMPARE(run.devices[1].noisyAccuracy, m_run.devices[0].noisyAccuracy);
        bool warned = false;
        for (const std::string& w : run.warnings)
            warned = warned || w.find("islands.json failed") != std::string::npos;
        QVERIFY(warned);
        for (const EncodingPoint& pt : run.encodingCurve)
            QCOMPARE(pt.transpiledTwoQubitGates.count("islands.json"), size_t(0));
    }

    void everyDeviceFailing()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("islands.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kIslands);
        f.close();
        Pilot p = tinyPilot();
        p.devices = {"islands.json"};
        p.baseDirectory = dir.path().toStdString();
        const PilotRun run = runPilot(p, {});
        QCOMPARE(run.status, RunStatus::Failed);
        QCOMPARE(run.stages.back().stage, Stage::Devices);
        QCOMPARE(run.stages.back().status, std::string("failed"));
        QVERIFY2(run.stopReason.find("every device failed") != std::string::npos, run.stopReason.c_str());
        QCOMPARE(run.devices.size(), size_t(1));
    }

    void invalidPilotFailsBeforeAnyStage()
    {
        Pilot p = tinyPilot();
        p.devices = {"ibm_nowhere"};
        p.shots = 0;
        int stagesFinished = 0;
        PipelineHooks hooks;
        hooks.stageFinished = [&stagesFinished](const PilotRun&, Stage) { ++stagesFinished; };
        const PilotRun run = runPilot(p, hooks);
        QCOMPARE(run.status, RunStatus::Failed);
        QVERIFY(run.stages.empty());
        QCOMPARE(stagesFinished, 0);
        QVERIFY2(run.stopReason.find("devices[0]: unknown device 'ibm_nowhere'") != std::string::npos, run.stopReason.c_str());
        QVERIFY(run.stopReason.find("shots:") != std::string::npos);
        QVERIFY(!run.finishedAt.empty());
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
