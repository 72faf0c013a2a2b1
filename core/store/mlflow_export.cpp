// core/store/mlflow_export.cpp — exportMlflow(): one stored run as an MLflow FileStore run
// (shared/reference/cloud-and-mlops-protocols.md §7.3), readable by `mlflow ui` (≤ 3.12, or
// later with MLFLOW_ALLOW_FILE_STORE=true) or importable with `mlflow migrate-filestore`.
//
//   DIR/0/meta.yaml                   the Default experiment, created with a new DIR (as MLflow does)
//   DIR/<exp>/meta.yaml               the experiment named after the pilot (reused if present)
//   DIR/<exp>/<run>/meta.yaml         run info: status as an integer, times in ms, file:// URIs
//   DIR/<exp>/<run>/params/<key>      pilot configuration (flattened, '/' between levels), seed, devices
//   DIR/<exp>/<run>/metrics/<key>     "<timestamp_ms> <value> <step>\n" lines
//   DIR/<exp>/<run>/tags/<key>        mlflow.runName/user/source.*, qpilot.* provenance
//   DIR/<exp>/<run>/artifacts/…       run.json, pilot.qpilot, circuit.qasm, scorecard.json, artefact files
//
// Ids are derived, not random: the experiment id from the pilot name (a positive 63-bit integer,
// like MLflow's) and the run id from the pilot, the store's run id and its start time (32 hex,
// like uuid4().hex), so exporting a run again replaces the same MLflow run instead of adding one.
#include "core/store/store.h"

#include "core/common/hash.h"

#include "core/pilot/run.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <charconv>
#include <cmath>
#include <map>

namespace qpilot::store {

namespace {

constexpr int kMaxParamLength = 6000; // MLflow 2.x and later [I]

QString q(const std::string& s) { return QString::fromStdString(s); }

// MLflow's key rule: alphanumerics, '_', '-', '.', ' ', '/'; not empty, no "..", no leading '/'.
bool validKey(const std::string& key)
{
    if (key.empty() || key.front() == '/' || key.find("..") != std::string::npos || key.back() == '/')
        return false;
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '/'))
            return false;
    return key.find("//") == std::string::npos;
}

// A device id as one key component: characters MLflow rejects ('@' of ID@DATE, ':') become '_'.
std::string keyPart(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.') ? c : '_';
    return out;
}

// Python's repr(float): the shortest round-trip digits, exponent form below 1e-4 and from 1e16.
std::string pythonFloat(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    const std::string sci(buf, res.ptr);
    const size_t e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    const int exponent = std::stoi(sci.substr(e + 1));
    const bool negative = mantissa[0] == '-';
    if (negative)
        mantissa.erase(0, 1);
    std::string digits;
    for (char c : mantissa)
        if (c != '.')
            digits += c;
    std::string out;
    if (exponent < -4 || exponent >= 16) {
        out = digits.substr(0, 1) + (digits.size() > 1 ? "." + digits.substr(1) : "");
        char ebuf[24];
        std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += ebuf;
    } else if (exponent < 0) {
        out = "0." + std::string(size_t(-exponent - 1), '0') + digits;
    } else {
        const size_t point = size_t(exponent) + 1;
        if (digits.size() <= point)
            out = digits + std::string(point - digits.size(), '0') + ".0";
        else
            out = digits.substr(0, point) + "." + digits.substr(point);
    }
    return (negative ? "-" : "") + out;
}

// A YAML scalar as PyYAML's safe_dump would accept back: plain when unambiguous, else quoted.
std::string yamlScalar(const std::string& s)
{
    bool plain = !s.empty();
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == '@' || c == '+'))
            plain = false;
    if (plain) {
        const char first = s.front();
        if (!(std::isalpha(static_cast<unsigned char>(first)) || first == '_' || first == '/') || s.back() == ':')
            plain = false;
        static const char* const kReserved[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
        const QString lower = q(s).toLower();
        for (const char* r : kReserved)
            if (lower == QLatin1String(r))
                plain = false;
    }
    if (plain)
        return s;
    bool control = false;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20)
            control = true;
    if (!control) {
        std::string out = "'";
        for (char c : s)
            out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
    }
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += std::string("\\") + c;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(static_cast<unsigned char>(c)));
            out += buf;
        } else
            out += c;
    }
    return out + "\"";
}

std::optional<Error> writeFile(const QString& path, const QByteArray& bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(path.toStdString() + ": cannot create the directory");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return Error(path.toStdString() + ": cannot write: " + f.errorString().toStdString());
    return std::nullopt;
}

std::string fileUri(const QString& path) { return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toStdString(); }

Result<qint64> epochMs(const std::string& iso, const std::string& what)
{
    const QDateTime t = QDateTime::fromString(q(iso), Qt::ISODateWithMs);
    if (!t.isValid())
        return Error("the run's " + what + " '" + iso + "' is not an ISO 8601 time");
    return t.toMSecsSinceEpoch();
}

// The `name:` of an experiment's meta.yaml (plain or quoted), "" when absent.
std::string experimentName(const QString& metaPath)
{
    QFile f(metaPath);
    if (!f.open(QIODevice::ReadOnly))
        return "";
    for (const QByteArray& raw : f.readAll().split('\n')) {
        if (!raw.startsWith("name: "))
            continue;
        std::string v = raw.mid(6).trimmed().toStdString();
        if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
            std::string out;
            for (size_t i = 1; i + 1 < v.size(); ++i) {
                out += v[i];
                if (v[i] == '\'' && v[i + 1] == '\'')
                    ++i;
            }
            return out;
        }
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
            return QJsonDocument::fromJson(QByteArray("[") + QByteArray::fromStdString(v) + "]").array().at(0).toString().toStdString();
        return v;
    }
    return "";
}

std::string experimentMeta(const QString& dir, const std::string& id, const std::string& name, qint64 nowMs)
{
    return "artifact_location: " + yamlScalar(fileUri(dir)) + "\n" + "creation_time: " + std::to_string(nowMs) + "\n" +
           "experiment_id: '" + id + "'\n" + "last_update_time: " + std::to_string(nowMs) + "\n" + "lifecycle_stage: active\n" +
           "name: " + yamlScalar(name) + "\n";
}

int mlflowStatus(pilot::RunStatus s)
{
    switch (s) {
    case pilot::RunStatus::Running: return 1;   // RUNNING
    case pilot::RunStatus::Completed: return 3; // FINISHED
    case pilot::RunStatus::Failed: return 4;    // FAILED
    case pilot::RunStatus::Cancelled: return 5; // KILLED
    }
    return 4;
}

// Scalars of the pilot configuration as params: nested keys joined with '/', arrays of scalars
// comma-joined, other arrays as compact JSON.
void flatten(const QJsonObject& o, const std::string& prefix, std::map<std::string, std::string>& out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string key = prefix + keyPart(it.key().toStdString());
        const QJsonValue v = it.value();
        switch (v.type()) {
        case QJsonValue::Object: flatten(v.toObject(), key + "/", out); break;
        case QJsonValue::Array: {
            const QJsonArray a = v.toArray();
            bool scalars = true;
            std::string joined;
            for (const QJsonValue& e : a) {
                if (e.isObject() || e.isArray())
                    scalars = false;
                else
                    joined += (joined.empty() ? "" : ",") +
                              (e.isString() ? e.toString().toStdString() : QJsonDocument(QJsonArray{e}).toJson(QJsonDocument::Compact).mid(1).chopped(1).toStdString());
            }
            out[key] = scalars ? joined : QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
            break;
        }
        case QJsonValue::String: out[key] = v.toString().toStdString(); break;
        case QJsonValue::Bool: out[key] = v.toBool() ? "true" : "false"; break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            out[key] = (d == std::floor(d) && std::fabs(d) < 9e15) ? std::to_string(v.toInteger()) : pythonFloat(d);
            break;
        }
        default: break; // null: not set
        }
    }
}

struct Metric {
    std::string key;
    double value;
    int step;
};

std::vector<Metric> runMetrics(const pilot::PilotRun& r, const RunSummary& s)
{
    std::vector<Metric> m;
    const auto add = [&](const std::string& key, double v, int step = 0) { m.push_back({key, v, step}); };
    if (!r.quantum.model.empty()) {
        add("accuracy", r.quantum.metrics.accuracy);
        add("balanced_accuracy", r.quantum.metrics.balancedAccuracy);
        add("f1", r.quantum.metrics.f1);
        add("roc_auc", r.quantum.metrics.rocAuc);
    }
    if (r.bestBaseline >= 0 && r.bestBaseline < int(r.baselines.size())) {
        add("baseline_accuracy", r.baselines[size_t(r.bestBaseline)].metrics.accuracy);
        if (!r.quantum.model.empty())
            add("accuracy_delta", r.quantum.metrics.accuracy - r.baselines[size_t(r.bestBaseline)].metrics.accuracy);
    }
    for (const ml::ModelReport& b : r.baselines)
        add("baseline/" + keyPart(b.model) + "/accuracy", b.metrics.accuracy);
    for (size_t i = 0; i < r.seeds.size(); ++i)
        add("seed_accuracy", r.seeds[i].accuracy, int(i));
    for (size_t i = 0; i < r.trainingLoss.size(); ++i)
        add("training_loss", r.trainingLoss[i], int(i));
    if (!r.seeds.empty()) {
        add("accuracy_spread", r.accuracySpread);
        add("accuracy_std", r.accuracyStd);
    }
    add("training_executions", double(r.trainingExecutions));
    add("classical/cost_per_1k_usd", r.classicalPer1kUsd);
    add("classical/latency_seconds", r.classicalLatencySeconds);
    for (const pilot::DeviceOutcome& d : r.devices) {
        if (!d.error.empty())
            continue;
        const std::string p = keyPart(d.deviceId) + "/";
        add(p + "cost_per_1k_usd", d.costPer1kUsd);
        add(p + "cost_per_1k_unmitigated_usd", d.costPer1kUnmitigatedUsd);
        if (d.latencySeconds)
            add(p + "latency_seconds", *d.latencySeconds);
        add(p + "success_probability", d.successProbability);
        add(p + "noisy_accuracy", d.noisyAccuracy);
        add(p + "two_qubit_gates", d.twoQubitGates);
        add(p + "depth", d.depth);
        add(p + "shot_multiplier", d.shotMultiplier);
        add(p + "time_multiplier", d.timeMultiplier);
        add(p + "mitigated_abs_error", std::fabs(d.mitigatedValue - d.idealValue));
    }
    for (const pilot::StageRecord& st : r.stages)
        add(std::string("stage_seconds/") + pilot::stageKey(st.stage), st.seconds);
    if (s.overall >= 0)
        add("overall_score", s.overall);
    return m;
}

// SHA-256 over "relative path, NUL, file SHA-256, newline" of every file, sorted by path.
std::string treeSha256(const QString& root)
{
    std::map<QString, std::string> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        files[QDir(root).relativeFilePath(p)] = fileSha256(p.toStdString());
    }
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const auto& [rel, sha] : files) {
        h.addData(rel.toUtf8());
        h.addData(QByteArray(1, '\0'));
        h.addData(QByteArray::fromStdString(sha + "\n"));
    }
    return h.result().toHex().toStdString();
}

} // namespace

Result<std::string> exportMlflow(const RunStore& store, std::int64_t id, const std::string& directory)
{
    Result<pilot::PilotRun> loaded = store.loadRun(id);
    if (!loaded)
        return loaded.error();
    const pilot::PilotRun& run = loaded.value();
    Result<RunSummary> summary = store.summary(id);
    if (!summary)
        return summary.error();
    Result<std::vector<Artefact>> artefacts = store.artefacts(id);
    if (!artefacts)
        return artefacts.error();
    Result<std::string> scorecard = store.scorecardJson(id);
    if (!scorecard)
        return scorecard.error();
    Result<qint64> start = epochMs(run.startedAt, "start time");
    if (!start)
        return Error("run " + std::to_string(id) + ": " + start.error().message);
    std::optional<qint64> end;
    if (!run.finishedAt.empty()) {
        Result<qint64> e = epochMs(run.finishedAt, "finish time");
        if (!e)
            return Error("run " + std::to_string(id) + ": " + e.error().message);
        end = e.value();
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();

    const QDir root(QDir(q(directory)).absolutePath());
    if (QFileInfo(root.path()).exists() && !QFileInfo(root.path()).isDir())
        return Error(directory + ": exists and is not a directory");
    const bool fresh = !root.exists();
    if (!QDir().mkpath(root.path()))
        return Error(directory + ": cannot create the directory (read-only location?)");
    if (fresh || !root.exists("0/meta.yaml")) {
        // MLflow's FileStore creates the Default experiment (id 0) with a new root.
        if (!root.exists("0"))
            if (auto e = writeFile(root.filePath("0/meta.yaml"), QByteArray::fromStdString(experimentMeta(root.filePath("0"), "0", "Default", nowMs))))
                return *e;
    }

    // The experiment: reuse the one named after the pilot, else create it.
    std::string experimentId;
    for (const QString& entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (entry.startsWith('.'))
            continue;
        if (experimentName(root.filePath(entry + "/meta.yaml")) == run.pilotName) {
            experimentId = entry.toStdString();
            break;
        }
    }
    if (experimentId.empty()) {
        const QByteArray h = QCryptographicHash::hash(QByteArray::fromStdString("qpilot-experiment|" + run.pilotName), QCryptographicHash::Sha256);
        quint64 n = 0;
        for (int i = 0; i < 8; ++i)
            n = (n << 8) | quint64(static_cast<unsigned char>(h[i]));
        n &= 0x7fffffffffffffffull;
        while (n == 0 || root.exists(QString::number(n)))
            ++n;
        experimentId = std::to_string(n);
        if (auto e = writeFile(root.filePath(q(experimentId) + "/meta.yaml"),
                               QByteArray::fromStdString(experimentMeta(root.filePath(q(experimentId)), experimentId, run.pilotName, nowMs))))
            return *e;
    }

    const std::string runId = QCryptographicHash::hash(QByteArray::fromStdString("qpilot-run|" + run.pilotName + "|" + std::to_string(id) + "|" + run.startedAt),
                                                       QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(32)
                                  .toStdString();
    const QDir runDir(root.filePath(q(experimentId + "/" + runId)));
    if (runDir.exists() && !QDir(runDir).removeRecursively())
        return Error(runDir.path().toStdString() + ": cannot replace the earlier export");
    const std::string runName = run.pilotName + "-" + std::to_string(id);
    const std::string user = run.user.empty() ? "unknown" : run.user;

    const std::string meta = "artifact_uri: " + yamlScalar(fileUri(runDir.filePath("artifacts"))) + "\n" + "deleted_time: null\n" +
                             "end_time: " + (end ? std::to_string(*end) : std::string("null")) + "\n" + "entry_point_name: ''\n" +
                             "experiment_id: '" + experimentId + "'\n" + "lifecycle_stage: active\n" + "run_id: " + runId + "\n" +
                             "run_name: " + yamlScalar(runName) + "\n" + "run_uuid: " + runId + "\n" + "source_name: ''\n" +
                             "source_type: 4\n" + "source_version: ''\n" + "start_time: " + std::to_string(start.value()) + "\n" +
                             "status: " + std::to_string(mlflowStatus(run.status)) + "\n" + "tags: []\n" + "user_id: " + yamlScalar(user) + "\n";
    if (auto e = writeFile(runDir.filePath("meta.yaml"), QByteArray::fromStdString(meta)))
        return *e;

    // params
    std::map<std::string, std::string> params;
    const QJsonDocument config = QJsonDocument::fromJson(QByteArray::fromStdString(run.configurationJson));
    if (config.isObject())
        flatten(config.object(), "", params);
    std::string devices;
    for (const pilot::DeviceOutcome& d : run.devices)
        devices += (devices.empty() ? "" : ",") + d.deviceId;
    params["seed"] = std::to_string(run.seed);
    if (!devices.empty())
        params["devices"] = devices;
    std::string omitted;
    for (const auto& [key, value] : params) {
        if (value.empty())
            continue;
        if (!validKey(key))
            return Error("MLflow export: param key '" + key + "' is not a valid MLflow key");
        if (int(value.size()) > kMaxParamLength) {
            omitted += (omitted.empty() ? "" : ",") + key;
            continue;
        }
        if (auto e = writeFile(runDir.filePath(q("params/" + key)), QByteArray::fromStdString(value)))
            return *e;
    }

    // metrics
    const qint64 stamp = end ? *end : start.value();
    std::map<std::string, std::string> metricFiles;
    for (const Metric& m : runMetrics(run, summary.value())) {
        if (!validKey(m.key))
            return Error("MLflow export: metric key '" + m.key + "' is not a valid MLflow key");
        metricFiles[m.key] += std::to_string(stamp) + " " + pythonFloat(m.value) + " " + std::to_string(m.step) + "\n";
    }
    for (const auto& [key, lines] : metricFiles)
        if (auto e = writeFile(runDir.filePath(q("metrics/" + key)), QByteArray::fromStdString(lines)))
            return *e;

    // artifacts
    const QDir artifacts(runDir.filePath("artifacts"));
    std::vector<std::pair<QString, std::string>> files = {{"run.json", pilot::runToJson(run)}};
    if (!run.configurationJson.empty())
        files.push_back({"pilot.qpilot", run.configurationJson});
    if (!run.circuitQasm.empty())
        files.push_back({"circuit.qasm", run.circuitQasm});
    if (!scorecard.value().empty())
        files.push_back({"scorecard.json", scorecard.value()});
    for (const auto& [name, text] : files)
        if (auto e = writeFile(artifacts.filePath(name), QByteArray::fromStdString(text)))
            return *e;
    std::string missing;
    for (const Artefact& a : artefacts.value()) {
        if (a.kind == "mlflow")
            continue;
        const QFileInfo src(q(a.path));
        const QString dest = artifacts.filePath(q(keyPart(a.kind)) + "/" + src.fileName());
        if (!src.isFile()) {
            missing += (missing.empty() ? "" : ", ") + a.path;
            continue;
        }
        QDir().mkpath(QFileInfo(dest).absolutePath());
        QFile::remove(dest);
        if (!QFile::copy(src.absoluteFilePath(), dest))
            return Error(dest.toStdString() + ": cannot copy the artefact " + a.path);
    }

    // tags
    std::map<std::string, std::string> tags = {
        {"mlflow.runName", runName},
        {"mlflow.user", user},
        {"mlflow.source.name", "qpilot"},
        {"mlflow.source.type", "LOCAL"},
        {"qpilot.store_run_id", std::to_string(id)},
        {"qpilot.pilot", run.pilotName},
        {"qpilot.pilot_file", run.pilotFile},
        {"qpilot.status", pilot::runStatusKey(run.status)},
        {"qpilot.stop_reason", run.stopReason},
        {"qpilot.dataset", run.datasetName},
        {"qpilot.dataset_fingerprint", run.datasetFingerprint},
        {"qpilot.circuit_hash", run.circuitHash},
        {"qpilot.result_digest", summary->resultDigest.empty() ? pilot::resultDigest(run) : summary->resultDigest},
        {"qpilot.app_version", run.appVersion},
        {"qpilot.build_id", run.buildId},
        {"qpilot.verdict", summary->verdict},
        {"qpilot.missing_artefacts", missing},
        {"qpilot.params_omitted", omitted},
    };
    for (const auto& [key, value] : tags) {
        if (value.empty())
            continue;
        if (auto e = writeFile(runDir.filePath(q("tags/" + key)), QByteArray::fromStdString(value)))
            return *e;
    }

    if (auto e = store.recordExport(id, runDir.path().toStdString(), treeSha256(runDir.path()), runId))
        return *e;
    return runId;
}

} // namespace qpilot::store
