// core/pilot/pilot.cpp — the `.qpilot` document's value checks (every problem named by its field:
// ranges, names of encodings / models / mitigation techniques / baselines, devices that exist
// and fit the circuit, a dataset that loads and has the classes asked for, price plans that
// exist), readPilot / loadPilotFile (JSON via pilot_json.cpp, then these checks, located in the
// text), the atomic save, and the embedded example pilots.
#include "core/pilot/pilot.h"
#include "core/pilot/builtin_pilots.h"
#include "core/pilot/pilot_internal.h"

#include "core/circuit/qasm.h"
#include "core/cost/cost.h"
#include "core/device/device.h"
#include "core/device/json_fields.h"
#include "core/encoding/encoding.h"
#include "core/mitigation/mitigation.h"
#include "core/ml/ml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace qpilot::pilot {

namespace {

std::string fmt(double v) { return ::qpilot::detail::fmt(v); }

bool isHex64(const std::string& s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

} // namespace

// The device a pilot names: an id, NAME@DATE, or a profile JSON path (relative to the pilot).
Result<DeviceProfile> findPilotDevice(const std::string& id, const std::string& baseDirectory)
{
    const QString q = QString::fromStdString(id);
    if (!baseDirectory.empty() && q.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && QFileInfo(q).isRelative())
        return findDevice(QDir(QString::fromStdString(baseDirectory)).filePath(q).toStdString());
    return findDevice(id);
}

std::vector<Issue> checkPilot(const Pilot& p)
{
    std::vector<Issue> out;
    auto issue = [&out](const std::string& path, const std::string& message) { out.push_back(Issue{path, message}); };

    if (p.schemaVersion < 1 || p.schemaVersion > kSchemaVersion)
        issue("schema_version", "must be 1.." + std::to_string(kSchemaVersion));
    if (p.name.empty())
        issue("name", "missing: give the pilot a short id such as \"breast-cancer-kernel\"");
    else if (std::any_of(p.name.begin(), p.name.end(), [](unsigned char c) { return std::isspace(c) || c == '/' || c == '\\'; }))
        issue("name", "'" + p.name + "' must not contain spaces or slashes (it names files and runs; put prose in 'title')");

    // Dataset: it must load, and the classes asked for must exist.
    std::optional<ml::Dataset> data;
    auto impute = ml::imputeFromKey(p.dataset.impute);
    if (!impute)
        issue("dataset.impute", impute.error().message);
    if (p.dataset.source.empty()) {
        issue("dataset.source", "missing: name a dataset (\"builtin:iris\"), a CSV file or a generator (\"moons:rows=200\")");
    } else {
        ml::CsvOptions csv;
        csv.labelColumn = p.dataset.labelColumn;
        csv.ignoreColumns = p.dataset.ignoreColumns;
        if (impute)
            csv.impute = *impute;
        auto loaded = ml::loadDataset(p.dataset.source, csv, p.seed, p.baseDirectory);
        if (!loaded) {
            issue("dataset.source", "cannot load '" + p.dataset.source + "': " + loaded.error().toString());
        } else {
            if ((!p.dataset.labelColumn.empty() || !p.dataset.ignoreColumns.empty() || p.dataset.impute != "none")
                && loaded->kind != "csv")
                issue(!p.dataset.labelColumn.empty()     ? "dataset.label_column"
                      : !p.dataset.ignoreColumns.empty() ? "dataset.ignore_columns"
                                                         : "dataset.impute",
                      "applies to CSV files only ('" + p.dataset.source + "' is " + loaded->kind + ")");
            data = std::move(loaded->dataset);
        }
    }
    if (!p.dataset.fingerprint.empty() && !isHex64(p.dataset.fingerprint))
        issue("dataset.fingerprint", "must be a SHA-256 in 64 hex digits (or empty)");
    if (data) {
        // The fingerprint is of the data as loaded (before selecting classes).
        if (!p.dataset.fingerprint.empty() && isHex64(p.dataset.fingerprint) && lower(p.dataset.fingerprint) != data->fingerprint)
            issue("dataset.fingerprint", "the data's SHA-256 is " + data->fingerprint + ", not the expected "
                                             + p.dataset.fingerprint + " (the file changed?)");
        std::set<int> seen;
        for (size_t i = 0; i < p.dataset.classes.size(); ++i) {
            const int c = p.dataset.classes[i];
            const std::string path = "dataset.classes[" + std::to_string(i) + "]";
            if (c < 0 || c >= data->samples.classes)
                issue(path, "no class " + std::to_string(c) + " in " + data->name + " (classes 0.."
                                + std::to_string(data->samples.classes - 1) + ")");
            else if (!seen.insert(c).second)
                issue(path, "class " + std::to_string(c) + " listed twice");
        }
        if (p.dataset.classes.size() == 1)
            issue("dataset.classes", "keep at least two classes (or leave it empty for all)");
        if (p.dataset.classes.empty() || seen.size() == p.dataset.classes.size()) {
            if (!p.dataset.classes.empty()) {
                auto sel = ml::selectClasses(*data, p.dataset.classes);
                if (sel)
                    data = std::move(sel).value();
            }
        }
    }

    // Preprocessing.
    if (!(p.preprocessing.testFraction > 0 && p.preprocessing.testFraction < 1))
        issue("preprocessing.test_fraction", "must be in (0, 1), got " + fmt(p.preprocessing.testFraction));
    if (p.preprocessing.pca < 0)
        issue("preprocessing.pca", "must be >= 0 (0 = no PCA), got " + std::to_string(p.preprocessing.pca));
    else if (data && p.preprocessing.pca > data->samples.features)
        issue("preprocessing.pca", std::to_string(p.preprocessing.pca) + " components exceed the "
                                       + std::to_string(data->samples.features) + " features of " + data->name);

    // Model and circuit.
    std::optional<ml::QuantumModelKind> kind;
    if (auto k = ml::quantumModelFromKey(p.model.kind))
        kind = *k;
    else
        issue("model.kind", "unknown model '" + p.model.kind + "' (expected kernel or vqc)");
    const std::string opt = lower(p.model.optimizer);
    if (opt != "adam" && opt != "spsa" && opt != "cobyla")
        issue("model.optimizer", "unknown optimizer '" + p.model.optimizer + "' (expected adam, spsa or cobyla)");
    if (p.model.epochs < 1 || p.model.epochs > 100000)
        issue("model.epochs", "must be 1..100000, got " + std::to_string(p.model.epochs));
    if (!(p.model.learningRate > 0 && p.model.learningRate <= 10))
        issue("model.learning_rate", "must be in (0, 10], got " + fmt(p.model.learningRate));
    if (p.model.folds < 2 || p.model.folds > 20)
        issue("model.folds", "must be 2..20, got " + std::to_string(p.model.folds));
    if (p.model.baselines.empty())
        issue("model.baselines", "list at least one classical baseline (logistic, svm, mlp)");
    {
        std::set<std::string> seen;
        for (size_t i = 0; i < p.model.baselines.size(); ++i) {
            const std::string path = "model.baselines[" + std::to_string(i) + "]";
            if (!ml::baselineFromKey(p.model.baselines[i]))
                issue(path, "unknown baseline '" + p.model.baselines[i] + "' (expected logistic, svm or mlp)");
            else if (!seen.insert(p.model.baselines[i]).second)
                issue(path, "'" + p.model.baselines[i] + "' listed twice");
        }
    }
    std::optional<encoding::Kind> enc;
    {
        const auto e = encoding::kindByName(lower(p.circuit.encoding));
        if (!e || encoding::isAnsatz(*e))
            issue("circuit.encoding", "unknown encoding '" + p.circuit.encoding
                                          + "' (expected angle, dense_angle, amplitude, zz, reupload or basis)");
        else
            enc = *e;
    }
    if (p.circuit.reps != -1 && (p.circuit.reps < 1 || p.circuit.reps > 20))
        issue("circuit.reps", "must be 1..20 (or -1 for the model's default), got " + std::to_string(p.circuit.reps));
    std::optional<encoding::Kind> ansatz;
    if (!p.circuit.ansatz.empty()) {
        const auto a = encoding::kindByName(lower(p.circuit.ansatz));
        if (!a || !encoding::isAnsatz(*a))
            issue("circuit.ansatz", "unknown ansatz '" + p.circuit.ansatz
                                        + "' (expected real_amplitudes, efficient_su2 or hardware_efficient)");
        else if (kind && *kind == ml::QuantumModelKind::Kernel)
            issue("circuit.ansatz", "an ansatz applies to model.kind \"vqc\" only (the kernel uses the feature map)");
        else if (enc && *enc == encoding::Kind::Reupload)
            issue("circuit.ansatz", "does not apply to the reupload encoding (its own blocks train); leave it empty");
        else
            ansatz = *a;
    }

    // Devices.
    std::vector<DeviceProfile> devices;
    if (p.devices.empty())
        issue("devices", "list at least one target device (see 'qpilot devices')");
    if (p.devices.size() > 8)
        issue("devices", "at most 8 devices per pilot (got " + std::to_string(p.devices.size()) + ")");
    {
        std::set<std::string> seen;
        for (size_t i = 0; i < p.devices.size(); ++i) {
            const std::string path = "devices[" + std::to_string(i) + "]";
            if (!seen.insert(p.devices[i]).second) {
                issue(path, "'" + p.devices[i] + "' listed twice");
                continue;
            }
            auto d = findPilotDevice(p.devices[i], p.baseDirectory);
            if (!d) {
                const bool plainId = p.devices[i].find('@') == std::string::npos && p.devices[i].find('/') == std::string::npos
                                     && p.devices[i].find(".json") == std::string::npos;
                issue(path, plainId ? "unknown device '" + p.devices[i] + "' (see 'qpilot devices')" : d.error().toString());
            } else {
                devices.push_back(std::move(d).value());
            }
        }
    }

    // The quantum model must fit the data, the qubit caps and every device.
    if (data && kind && enc && p.preprocessing.pca >= 0 && p.preprocessing.pca <= data->samples.features) {
        const int features = p.preprocessing.pca > 0 ? p.preprocessing.pca : data->samples.features;
        bool binary = p.preprocessing.pca == 0 && !p.preprocessing.standardize;
        for (double v : data->samples.x)
            binary = binary && (v == 0.0 || v == 1.0);
        ml::QuantumModelOptions qo;
        qo.encoding = enc;
        qo.ansatz = ansatz;
        qo.reps = p.circuit.reps;
        qo.epochs = std::max(1, p.model.epochs);
        auto qubits = ml::validateQuantumModel(*kind, features, data->samples.classes, binary, qo);
        if (!qubits) {
            issue("circuit.encoding", qubits.error().message);
        } else if (*qubits > ml::kMaxNoisyQubits) {
            issue("circuit.encoding", std::string(encoding::kindName(*enc)) + " needs " + std::to_string(*qubits) + " qubits for "
                                          + std::to_string(features) + " features; the noisy evaluation on the devices "
                                          "simulates at most " + std::to_string(ml::kMaxNoisyQubits)
                                          + " qubits (density matrix): set preprocessing.pca");
        } else {
            for (size_t i = 0; i < devices.size(); ++i)
                if (devices[i].numQubits < *qubits)
                    issue("devices[" + std::to_string(i) + "]", devices[i].id + " has " + std::to_string(devices[i].numQubits)
                                                                    + " qubits, the model circuit needs " + std::to_string(*qubits));
        }
    }

    // A custom circuit: its free parameters are the sample's inputs x_0..x_{n-1}.
    if (!p.circuit.customQasm.empty()) {
        auto c = parseQasm(p.circuit.customQasm, "circuit.custom_qasm");
        if (!c) {
            issue("circuit.custom_qasm", c.error().toString());
        } else if (c->numQubits() < 1 || c->numQubits() > ml::kMaxQuantumQubits) {
            issue("circuit.custom_qasm", "the circuit has " + std::to_string(c->numQubits()) + " qubits; the devices stage "
                                             "simulates 1.." + std::to_string(ml::kMaxQuantumQubits) + " (density matrix)");
        } else if (data && p.preprocessing.pca >= 0 && p.preprocessing.pca <= data->samples.features) {
            const int features = p.preprocessing.pca > 0 ? p.preprocessing.pca : data->samples.features;
            for (const std::string& name : c->parameters) {
                bool input = name.size() > 2 && name.compare(0, 2, "x_") == 0
                             && name.find_first_not_of("0123456789", 2) == std::string::npos;
                if (!input || std::stoi(name.substr(2)) >= features)
                    issue("circuit.custom_qasm", "parameter '" + name + "' is not an input: a custom circuit's free "
                                                 "parameters are the sample's features x_0..x_" + std::to_string(features - 1));
            }
        }
    }

    // Mitigation, shots, seeds.
    auto plan = mitigation::parsePlan(p.mitigation);
    if (!plan) {
        issue("mitigation", plan.error().message);
    } else if (plan->trex) {
        issue("mitigation", "trex is costed by 'qpilot estimate' but not simulated; use rem for readout mitigation in a pilot");
    } else if (plan->zne && plan->zne->folding == mitigation::Folding::Pea) {
        issue("mitigation", "pea is not simulated; use zne with folding");
    }
    if (p.shots < 1 || p.shots > 10000000)
        issue("shots", "must be 1..10000000, got " + std::to_string(p.shots));
    if (p.reproducibilitySeeds < 1 || p.reproducibilitySeeds > 20)
        issue("reproducibility_seeds", "must be 1..20 (the run seed plus derived repeats), got "
                                           + std::to_string(p.reproducibilitySeeds));

    // Objectives.
    const Objectives& o = p.objectives;
    if (!(o.maxLatencySeconds > 0))
        issue("objectives.max_latency_s", "must be a time > 0 s, got " + fmt(o.maxLatencySeconds));
    if (!(o.maxCostPer1kUsd > 0))
        issue("objectives.max_cost_per_1k_usd", "must be an amount > 0 USD, got " + fmt(o.maxCostPer1kUsd));
    if (!(o.minAccuracyDelta >= -1 && o.minAccuracyDelta <= 1))
        issue("objectives.min_accuracy_delta", "must be in [-1, 1] (accuracy points, e.g. -0.02), got " + fmt(o.minAccuracyDelta));
    if (!(o.reproducibilityTolerance >= 0 && o.reproducibilityTolerance <= 1))
        issue("objectives.reproducibility_tolerance", "must be in [0, 1] (an accuracy spread), got " + fmt(o.reproducibilityTolerance));
    if (o.productionRows < 1)
        issue("objectives.production_rows", "must be >= 1, got " + std::to_string(o.productionRows));
    if (o.inferencesPerMonth < 1)
        issue("objectives.inferences_per_month", "must be >= 1, got " + std::to_string(o.inferencesPerMonth));

    // Cost assumptions.
    const CostAssumptions& c = p.cost;
    if (c.queueSeconds && !(*c.queueSeconds >= 0))
        issue("cost.queue_s", "must be a time >= 0 s, got " + fmt(*c.queueSeconds));
    if (!(c.classicalUsdPerHour >= 0))
        issue("cost.classical_usd_per_hour", "must be >= 0, got " + fmt(c.classicalUsdPerHour));
    if (!(c.classicalThroughputPerSecond > 0))
        issue("cost.classical_throughput_per_s", "must be > 0 predictions per second, got " + fmt(c.classicalThroughputPerSecond));
    std::vector<std::string> priceFiles;
    bool pricesOk = true;
    for (size_t i = 0; i < c.priceFiles.size(); ++i) {
        const QString f = QString::fromStdString(c.priceFiles[i]);
        const std::string path = QFileInfo(f).isRelative() && !p.baseDirectory.empty()
                                     ? QDir(QString::fromStdString(p.baseDirectory)).filePath(f).toStdString()
                                     : c.priceFiles[i];
        if (!QFileInfo::exists(QString::fromStdString(path))) {
            issue("cost.price_files[" + std::to_string(i) + "]", "no such file '" + path + "'");
            pricesOk = false;
        }
        priceFiles.push_back(path);
    }
    if (pricesOk) {
        auto table = cost::loadPrices(priceFiles);
        if (!table) {
            issue("cost.price_files", table.error().toString());
        } else {
            for (size_t i = 0; i < devices.size(); ++i) {
                auto row = table->find(devices[i].pricing, c.plan);
                if (!row)
                    issue(c.plan.empty() ? "devices[" + std::to_string(i) + "]" : std::string("cost.plan"),
                          devices[i].id + ": " + row.error().message);
            }
        }
    }

    // Scorecard thresholds (their meaning: docs/readiness.md).
    const readiness::Thresholds& t = p.thresholds;
    auto score = [](double v) { return v >= 0 && v <= 100; };
    if (!score(t.bands.green) || !score(t.bands.red) || !(t.bands.green > t.bands.red))
        issue("thresholds.bands", "green and red must be scores in 0..100 with green > red (got green " + fmt(t.bands.green)
                                      + ", red " + fmt(t.bands.red) + ")");
    const struct {
        const char* good;
        const char* bad;
        double g, b;
    } pairs[] = {{"success_good", "success_bad", t.successGood, t.successBad},
                 {"overhead_good", "overhead_bad", t.overheadGood, t.overheadBad},
                 {"two_qubit_gates_good", "two_qubit_gates_bad", t.twoQubitGatesGood, t.twoQubitGatesBad},
                 {"gap_good", "gap_bad", t.gapGood, t.gapBad},
                 {"training_executions_good", "training_executions_bad", t.trainingExecutionsGood, t.trainingExecutionsBad},
                 {"objective_good_fraction", "objective_bad_multiple", t.objectiveGoodFraction, t.objectiveBadMultiple},
                 {"spread_good_fraction", "spread_bad_multiple", t.spreadGoodFraction, t.spreadBadMultiple}};
    for (const auto& pr : pairs)
        if (!std::isfinite(pr.g) || !std::isfinite(pr.b) || pr.g == pr.b)
            issue(std::string("thresholds.") + pr.good, std::string("must differ from thresholds.") + pr.bad + " (both "
                                                            + fmt(pr.g) + ")");
    if (!(t.successGood > 0 && t.successGood <= 1 && t.successBad >= 0 && t.successBad < 1))
        issue("thresholds.success_good", "success probabilities must be in [0, 1]");
    return out;
}

std::vector<Error> validatePilot(const Pilot& pilot)
{
    std::vector<Error> out;
    for (const Issue& i : checkPilot(pilot))
        out.push_back(Error(i.path + ": " + i.message));
    return out;
}

Result<Pilot> readPilot(const std::string& json, const std::string& fileName, const std::string& baseDirectory)
{
    auto parsed = parsePilotJson(json, fileName);
    if (!parsed)
        return parsed.error();
    Pilot p = std::move(parsed).value();
    if (!baseDirectory.empty())
        p.baseDirectory = baseDirectory;
    else if (!fileName.empty() && QFileInfo::exists(QString::fromStdString(fileName)))
        p.baseDirectory = QFileInfo(QString::fromStdString(fileName)).absolutePath().toStdString();
    const std::vector<Issue> issues = checkPilot(p);
    if (issues.empty())
        return p;
    // The first problem, located in the text; the others follow in the message.
    const ::qpilot::detail::Validator v(json, fileName);
    // Located at the field, else at its array, else at its parent object.
    std::string where = issues.front().path;
    Error e = v.error(where, "");
    while (e.line == 0 && !where.empty()) {
        const auto cut = where.back() == ']' ? where.rfind('[') : where.rfind('.');
        if (cut == std::string::npos || cut == 0)
            break;
        where = where.substr(0, cut);
        e = v.error(where, "");
    }
    e.message = issues.front().path + ": " + issues.front().message;
    for (size_t i = 1; i < issues.size() && i < 6; ++i)
        e.message += "; also " + issues[i].path + ": " + issues[i].message;
    if (issues.size() > 6)
        e.message += "; and " + std::to_string(issues.size() - 6) + " more";
    return e;
}

Result<Pilot> loadPilotFile(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        return Error("no such pilot file", path);
    if (!file.open(QIODevice::ReadOnly))
        return Error("cannot read the pilot: " + file.errorString().toStdString(), path);
    const std::string text = file.readAll().toStdString();
    auto p = readPilot(text, path);
    if (p)
        p.value().baseDirectory = QFileInfo(QString::fromStdString(path)).absolutePath().toStdString();
    return p;
}

std::optional<Error> savePilotFile(const Pilot& pilot, const std::string& path)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error("cannot write the pilot: " + file.errorString().toStdString(), path);
    const std::string text = writePilot(pilot);
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return Error("cannot write the pilot: " + file.errorString().toStdString(), path);
    if (!file.commit())
        return Error("cannot save the pilot: " + file.errorString().toStdString(), path);
    return std::nullopt;
}

std::vector<ExamplePilot> examplePilots()
{
    std::vector<ExamplePilot> out;
    for (const detail::EmbeddedPilot* e = detail::embeddedPilots(); e->name; ++e)
        out.push_back(ExamplePilot{e->name, e->json});
    return out;
}

Result<Pilot> readExamplePilot(const std::string& name)
{
    for (const ExamplePilot& e : examplePilots())
        if (e.name == name)
            return readPilot(e.json, e.name + ".qpilot");
    return Error("no example pilot named '" + name + "'");
}

} // namespace qpilot::pilot
