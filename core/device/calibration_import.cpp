// core/device/calibration_import.cpp — Qiskit BackendProperties + BackendConfiguration JSON
// (fake-backend props_*.json / conf_*.json, IBM REST /properties and /configuration replies,
// bare or wrapped in one object) to a DeviceProfile: per-qubit T1/T2/readout, per-gate
// errors and durations, the coupling map (directed when a pair is listed one way only), the
// medians recomputed (errors >= 1 = dead couplers excluded) and a source for every field.
#include "core/device/device.h"
#include "core/common/json.h"
#include "core/device/json_fields.h"
#include "core/circuit/ir.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <set>

namespace qpilot {

using namespace detail;

namespace {

struct Document {
    std::string name;
    std::string text;
    QJsonObject root;
    std::string wrapper; // "" or the key the reply was wrapped in
};

bool looksLikeProperties(const QJsonObject& o)
{
    return !o.contains("n_qubits") && (o.contains("last_update_date") || (o.value("qubits").isArray() && o.contains("gates")));
}
bool looksLikeConfiguration(const QJsonObject& o) { return o.contains("n_qubits") || o.contains("basis_gates"); }

Result<Document> readDocument(const CalibrationFile& file)
{
    auto parsed = parseJsonObject(file.text, file.name,
                                  "expected a JSON object (Qiskit BackendProperties or BackendConfiguration)");
    if (!parsed)
        return parsed.error();
    Document d{file.name, file.text, *parsed, {}};
    if (!looksLikeProperties(d.root) && !looksLikeConfiguration(d.root)) {
        // REST replies may wrap the dict: {"properties": {...}} / {"data": {...}}.
        for (auto it = d.root.begin(); it != d.root.end(); ++it)
            if (it.value().isObject() && (looksLikeProperties(it.value().toObject()) || looksLikeConfiguration(it.value().toObject()))) {
                d.wrapper = it.key().toStdString();
                d.root = it.value().toObject();
                break;
            }
    }
    if (!looksLikeProperties(d.root) && !looksLikeConfiguration(d.root))
        return Error{"neither Qiskit backend properties (\"qubits\", \"gates\", \"last_update_date\") nor a backend configuration "
                     "(\"n_qubits\", \"basis_gates\", \"coupling_map\")",
                     file.name};
    return d;
}

// Seconds per unit of a time property; nullopt for an unknown unit.
std::optional<double> timeScale(const QString& unit)
{
    const QString u = unit.trimmed();
    if (u == "s") return 1.0;
    if (u == "ms") return 1e-3;
    if (u == "us" || u == QStringLiteral("µs") || u == QStringLiteral("μs")) return 1e-6;
    if (u == "ns") return 1e-9;
    return std::nullopt;
}

std::optional<double> median(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One {"name", "unit", "value"} entry as a time in seconds or a probability.
struct Property {
    std::string name;
    QString unit;
    std::optional<double> value;
};

Result<Property> readProperty(const QJsonValue& entry, const std::string& path, const Validator& v)
{
    if (!entry.isObject())
        return v.error(path, std::string("expected a {\"name\", \"unit\", \"value\"} object, got ") + typeName(entry));
    const QJsonObject o = entry.toObject();
    Property p;
    p.name = o.value("name").toString().toStdString();
    p.unit = o.value("unit").toString();
    const QJsonValue value = o.value("value");
    if (!value.isNull() && !value.isUndefined()) {
        if (!value.isDouble())
            return v.error(path, "'" + p.name + "' value: expected a number, got " + typeName(value));
        if (!std::isfinite(value.toDouble()))
            return v.error(path, "'" + p.name + "' value is not finite");
        p.value = value.toDouble();
    }
    return p;
}

Result<std::optional<double>> asTime(const Property& p, const std::string& path, const Validator& v)
{
    if (!p.value)
        return std::optional<double>{};
    const auto scale = timeScale(p.unit);
    if (!scale)
        return v.error(path, "'" + p.name + "' has unknown unit '" + p.unit.toStdString() + "' (expected s, ms, us or ns)");
    if (*p.value < 0)
        return v.error(path, "'" + p.name + "' must be >= 0 (got " + fmt(*p.value) + " " + p.unit.toStdString() + ")");
    return std::optional<double>{*p.value * *scale};
}

Result<std::optional<double>> asProbability(const Property& p, const std::string& path, const Validator& v)
{
    if (p.value && (*p.value < 0 || *p.value > 1))
        return v.error(path, "'" + p.name + "' must be a probability between 0 and 1 (got " + fmt(*p.value) + ")");
    return p.value;
}

std::string baseName(const std::string& path) { return QFileInfo(QString::fromStdString(path)).fileName().toStdString(); }

std::string joined(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& i : items)
        s += (s.empty() ? "" : ", ") + i;
    return s;
}

} // namespace

Result<CalibrationImport> importQiskitCalibration(const std::vector<CalibrationFile>& files)
{
    if (files.empty())
        return Error{"no calibration files given (a Qiskit properties JSON, optionally with its configuration JSON)"};
    std::optional<Document> props, conf;
    for (const CalibrationFile& f : files) {
        auto doc = readDocument(f);
        if (!doc)
            return doc.error();
        std::optional<Document>& slot = looksLikeProperties(doc->root) ? props : conf;
        if (slot)
            return Error{"two " + std::string(&slot == &props ? "properties" : "configuration") + " documents ('" + slot->name
                         + "' and '" + f.name + "'); give one properties file and at most one configuration file",
                         f.name};
        slot = std::move(doc).value();
    }
    if (!props)
        return Error{"only a backend configuration was given; the calibration values are in the backend properties "
                     "(props_*.json or /backends/NAME/properties)",
                     conf->name};

    CalibrationImport out;
    DeviceProfile& d = out.profile;
    const Validator pv(props->text, props->name);
    const QJsonObject& P = props->root;
    const std::string propsName = baseName(props->name);
    const std::string confName = conf ? baseName(conf->name) : std::string();
    if (!props->wrapper.empty())
        out.notes.push_back(propsName + ": read the properties inside \"" + props->wrapper + "\"");
    if (conf && !conf->wrapper.empty())
        out.notes.push_back(confName + ": read the configuration inside \"" + conf->wrapper + "\"");

    // Backend name and date.
    std::string backend = P.value("backend_name").toString().toStdString();
    if (conf) {
        const std::string confBackend = conf->root.value("backend_name").toString().toStdString();
        if (backend.empty())
            backend = confBackend;
        else if (!confBackend.empty() && confBackend != backend)
            return Error{"the properties are for '" + backend + "' but the configuration is for '" + confBackend + "'", conf->name};
    }
    if (backend.empty())
        return pv.error("backend_name", "missing: the backend name (it names the snapshot)");
    static const QRegularExpression namePattern("^[A-Za-z0-9_.-]+$");
    if (!namePattern.match(QString::fromStdString(backend)).hasMatch())
        return pv.error("backend_name", "'" + backend + "' may use only letters, digits, '_', '-' and '.'");
    const QString updated = P.value("last_update_date").toString();
    if (updated.isEmpty())
        return pv.error("last_update_date", "missing: the calibration date (ISO date-time) of these properties");
    const QString day = updated.left(10);
    if (!QDate::fromString(day, Qt::ISODate).isValid())
        return pv.error("last_update_date", "'" + updated.toStdString() + "' does not start with an ISO date YYYY-MM-DD");
    out.backend = backend;
    out.date = day.toStdString();
    d.id = backend;
    d.calibrationDate = out.date;
    d.provider = backend.rfind("ibm", 0) == 0 ? "IBM" : "";
    d.name = backend + " (calibration " + out.date + ")";
    d.source = "Imported by 'qpilot calibration import' from " + propsName + (conf ? " and " + confName : std::string())
               + " (backend " + backend + ", backend_version " + P.value("backend_version").toString().toStdString()
               + ", last_update_date " + updated.toStdString() + ")";

    // Qubits.
    if (!P.value("qubits").isArray())
        return pv.error("qubits", P.contains("qubits") ? std::string("expected an array of per-qubit property lists, got ") + typeName(P.value("qubits"))
                                                       : std::string("missing: the per-qubit calibration (T1, T2, readout errors)"));
    const QJsonArray qubits = P.value("qubits").toArray();
    if (qubits.isEmpty())
        return pv.error("qubits", "no qubits: the properties list no per-qubit calibration");
    int numQubits = int(qubits.size());
    if (conf) {
        const QJsonValue n = conf->root.value("n_qubits");
        if (!n.isDouble() || n.toDouble() != std::floor(n.toDouble()) || n.toDouble() < 1 || n.toDouble() > kMaxQubits)
            return Validator(conf->text, conf->name).error("n_qubits", "must be a whole number between 1 and " + std::to_string(kMaxQubits));
        numQubits = n.toInt();
        if (int(qubits.size()) > numQubits)
            return pv.error("qubits", "lists " + std::to_string(qubits.size()) + " qubits but the configuration has n_qubits "
                                          + std::to_string(numQubits));
    }
    d.numQubits = numQubits;
    std::vector<double> t1s, t2s, readouts, readoutTimes;
    int clampedT2 = 0;
    for (int q = 0; q < int(qubits.size()); ++q) {
        const std::string path = "qubits[" + std::to_string(q) + "]";
        if (!qubits[q].isArray())
            return pv.error(path, std::string("expected an array of properties, got ") + typeName(qubits[q]));
        QubitCalibration c;
        std::optional<double> readoutError, readoutLength;
        for (const QJsonValue& entry : qubits[q].toArray()) {
            auto p = readProperty(entry, path, pv);
            if (!p)
                return p.error();
            const std::string& n = p->name;
            Result<std::optional<double>> value = std::optional<double>{};
            if (n == "T1" || n == "T2" || n == "readout_length")
                value = asTime(*p, path, pv);
            else if (n == "readout_error" || n == "prob_meas0_prep1" || n == "prob_meas1_prep0")
                value = asProbability(*p, path, pv);
            else
                continue; // frequency, anharmonicity, ...: not part of a profile
            if (!value)
                return value.error();
            if (n == "T1") c.t1 = *value;
            else if (n == "T2") c.t2 = *value;
            else if (n == "readout_length") readoutLength = *value;
            else if (n == "readout_error") readoutError = *value;
            else if (n == "prob_meas0_prep1") c.readoutP0Given1 = *value;
            else c.readoutP1Given0 = *value;
        }
        if ((c.t1 && *c.t1 <= 0) || (c.t2 && *c.t2 <= 0))
            return pv.error(path, "T1 and T2 must be > 0");
        if (c.t1 && c.t2 && *c.t2 > 2 * *c.t1) {
            c.t2 = 2 * *c.t1; // fits occasionally report T2 slightly above the 2·T1 bound
            ++clampedT2;
        }
        if (!c.readoutP0Given1 && !c.readoutP1Given0 && readoutError)
            c.readoutP0Given1 = c.readoutP1Given0 = readoutError;
        if (!readoutError && c.readoutP0Given1 && c.readoutP1Given0)
            readoutError = (*c.readoutP0Given1 + *c.readoutP1Given0) / 2;
        if (c.t1) t1s.push_back(*c.t1);
        if (c.t2) t2s.push_back(*c.t2);
        if (readoutError) readouts.push_back(*readoutError);
        if (readoutLength) readoutTimes.push_back(*readoutLength);
        d.qubits.push_back(c);
    }
    if (clampedT2)
        out.notes.push_back(std::to_string(clampedT2) + " qubit(s) report T2 > 2·T1 (not physical); T2 set to 2·T1 there");

    // Native gates: the configuration's basis gates, else the gates the properties calibrate.
    std::vector<std::string> skippedBasis;
    auto addNative = [&](const std::string& g) {
        if (std::find(d.nativeGates.begin(), d.nativeGates.end(), g) == d.nativeGates.end())
            d.nativeGates.push_back(g);
    };
    static const std::set<std::string> kNotGates = {"id", "delay", "measure", "reset", "barrier", "if_else", "for_loop", "switch_case"};
    if (conf && conf->root.value("basis_gates").isArray()) {
        for (const QJsonValue& g : conf->root.value("basis_gates").toArray()) {
            const std::string name = g.toString().toLower().toStdString();
            if (nativeGateArity(name) > 0)
                addNative(name);
            else if (!kNotGates.count(name))
                skippedBasis.push_back(name);
        }
    }
    if (!skippedBasis.empty())
        out.notes.push_back(confName + ": basis gates not modelled by Qpilot, left out of native_gates: " + joined(skippedBasis));

    // Gates.
    struct RawGate {
        GateCalibration cal;
        std::string path;
    };
    std::vector<RawGate> raw;
    std::set<std::string> skippedGates;
    int clampedErrors = 0;
    const QJsonArray gates = P.value("gates").toArray();
    for (int i = 0; i < gates.size(); ++i) {
        const std::string path = "gates[" + std::to_string(i) + "]";
        if (!gates[i].isObject())
            return pv.error(path, std::string("expected a gate object, got ") + typeName(gates[i]));
        const QJsonObject g = gates[i].toObject();
        const std::string name = g.value("gate").toString().toLower().toStdString();
        if (name.empty())
            return pv.error(path, "missing \"gate\" (the gate name, e.g. \"cz\")");
        if (name == "rz" || kNotGates.count(name))
            continue; // virtual rz / non-gates carry no calibration a profile models
        const int arity = nativeGateArity(name);
        if (arity == 0) {
            skippedGates.insert(name);
            continue;
        }
        RawGate r{{name, {}, {}, {}}, path};
        const QJsonArray qs = g.value("qubits").toArray();
        if (int(qs.size()) != arity)
            return pv.error(path + ".qubits", "'" + name + "' acts on " + std::to_string(arity) + " qubit(s), got " + std::to_string(qs.size()));
        for (const QJsonValue& x : qs) {
            if (!x.isDouble() || x.toDouble() != std::floor(x.toDouble()) || x.toDouble() < 0 || x.toDouble() >= numQubits)
                return pv.error(path + ".qubits", "'" + g.value("name").toString().toStdString() + "' refers to qubit "
                                                      + (x.isDouble() ? fmt(x.toDouble()) : std::string("?"))
                                                      + ", which does not exist (the device has " + std::to_string(numQubits) + " qubits)");
            r.cal.qubits.push_back(x.toInt());
        }
        if (arity == 2 && r.cal.qubits[0] == r.cal.qubits[1])
            return pv.error(path + ".qubits", "a two-qubit gate on one qubit");
        for (const QJsonValue& entry : g.value("parameters").toArray()) {
            auto p = readProperty(entry, path, pv);
            if (!p)
                return p.error();
            if (p->name == "gate_error" && p->value) {
                if (*p->value < 0)
                    return pv.error(path, "'gate_error' must be >= 0 (got " + fmt(*p->value) + ")");
                if (*p->value > 1)
                    ++clampedErrors;
                r.cal.error = std::min(*p->value, 1.0);
            } else if (p->name == "gate_length") {
                auto t = asTime(*p, path, pv);
                if (!t)
                    return t.error();
                r.cal.duration = *t;
            }
        }
        addNative(name); // a calibrated gate is native even when the configuration is absent
        raw.push_back(std::move(r));
    }
    if (!skippedGates.empty())
        out.notes.push_back(propsName + ": gates not modelled by Qpilot were skipped: " + joined({skippedGates.begin(), skippedGates.end()}));
    if (clampedErrors)
        out.notes.push_back(std::to_string(clampedErrors) + " gate error(s) > 1 recorded as 1 (dead coupler), excluded from the medians");

    // Coupling map: the configuration's, else the calibrated 2q gates'.
    std::vector<std::pair<int, int>> listed;
    std::string couplerSource;
    if (conf && conf->root.value("coupling_map").isArray()) {
        const Validator cv(conf->text, conf->name);
        const QJsonArray map = conf->root.value("coupling_map").toArray();
        for (int i = 0; i < map.size(); ++i) {
            const QJsonArray pair = map[i].toArray();
            const std::string path = "coupling_map[" + std::to_string(i) + "]";
            if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble())
                return cv.error(path, "expected a pair of qubit indices [a, b]");
            const int a = pair[0].toInt(), b = pair[1].toInt();
            if (a < 0 || b < 0 || a >= numQubits || b >= numQubits)
                return cv.error(path, "couples qubit " + std::to_string(a >= 0 && a < numQubits ? b : a) + ", which does not exist (n_qubits is "
                                          + std::to_string(numQubits) + ")");
            if (a == b)
                return cv.error(path, "couples qubit " + std::to_string(a) + " to itself");
            listed.emplace_back(a, b);
        }
        couplerSource = confName + " coupling_map";
    } else {
        for (const RawGate& r : raw)
            if (r.cal.qubits.size() == 2)
                listed.emplace_back(r.cal.qubits[0], r.cal.qubits[1]);
        couplerSource = propsName + " (pairs of the calibrated two-qubit gates)";
    }
    std::set<std::pair<int, int>> directedSet(listed.begin(), listed.end());
    bool everyPairBothWays = true;
    for (auto [a, b] : directedSet)
        if (!directedSet.count({b, a}))
            everyPairBothWays = false;
    d.directed = !directedSet.empty() && !everyPairBothWays;
    if (d.directed) {
        d.couplers.assign(directedSet.begin(), directedSet.end());
    } else {
        std::set<std::pair<int, int>> undirected;
        for (auto [a, b] : directedSet)
            undirected.insert({std::min(a, b), std::max(a, b)});
        d.couplers.assign(undirected.begin(), undirected.end());
    }
    d.topology = "custom";
    if (auto hh = heavyHexCouplers(numQubits); hh && undirectedEdges(d) == hh.value())
        d.topology = "heavy-hex";

    // Per-gate calibration: every 2q entry on a coupler; one entry per (gate, pair) when undirected.
    int merged = 0, deadCouplers = 0;
    std::vector<double> err1, err2, len1, len2, sxErr, sxLen;
    // The 2q medians describe the device's entangling gate (IBM's ECR / CZ), not e.g. Heron's
    // fractional rzz, which is calibrated on the same pairs.
    std::string primary2q;
    for (const char* g : {"ecr", "cz", "cx", "iswap", "ms", "rzz"})
        if (primary2q.empty() && std::any_of(raw.begin(), raw.end(), [&](const RawGate& r) { return r.cal.gate == g; }))
            primary2q = g;
    for (const RawGate& r : raw) {
        const GateCalibration& c = r.cal;
        if (c.qubits.size() == 2 && !allowsTwoQubitGate(d, c.qubits[0], c.qubits[1]))
            return pv.error(r.path + ".qubits", c.gate + " on qubits " + std::to_string(c.qubits[0]) + ", " + std::to_string(c.qubits[1])
                                                    + " but " + couplerSource + " has no such coupler");
        const bool duplicate = std::any_of(d.gates.begin(), d.gates.end(), [&](const GateCalibration& o) {
            return o.gate == c.gate && (o.qubits == c.qubits || (!d.directed && c.qubits.size() == 2 && o.qubits[0] == c.qubits[1] && o.qubits[1] == c.qubits[0]));
        });
        if (duplicate) {
            ++merged;
            continue;
        }
        d.gates.push_back(c);
        const bool dead = c.error && *c.error >= 1;
        if (dead) {
            deadCouplers += c.qubits.size() == 2;
            continue;
        }
        if (c.qubits.size() == 2 && c.gate != primary2q)
            continue;
        auto& errs = c.qubits.size() == 1 ? err1 : err2;
        auto& lens = c.qubits.size() == 1 ? len1 : len2;
        if (c.error) errs.push_back(*c.error);
        if (c.duration) lens.push_back(*c.duration);
        if (c.gate == "sx") {
            if (c.error) sxErr.push_back(*c.error);
            if (c.duration) sxLen.push_back(*c.duration);
        }
    }
    if (deadCouplers)
        out.notes.push_back(std::to_string(deadCouplers) + " dead coupler(s) (gate_error >= 1) kept in the gate list, excluded from the medians");
    if (merged)
        out.notes.push_back(std::to_string(merged) + " calibration(s) of the reverse direction of an undirected coupler merged (first kept)");

    // Medians (dead couplers excluded), each with its source.
    const std::string per = "derived: median over ";
    auto record = [&](const char* field, const std::string& what) { d.fieldSources.emplace_back(field, what); };
    d.t1 = median(t1s);
    d.t2 = median(t2s);
    d.readoutError = median(readouts);
    d.readoutTime = median(readoutTimes);
    d.gateError1q = median(sxErr.empty() ? err1 : sxErr);
    d.gateTime1q = median(sxLen.empty() ? len1 : sxLen);
    d.gateError2q = median(err2);
    d.gateTime2q = median(len2);
    record("medians.t1", per + std::to_string(t1s.size()) + " qubits' T1 in " + propsName);
    record("medians.t2", per + std::to_string(t2s.size()) + " qubits' T2 in " + propsName);
    record("medians.readout_error", per + std::to_string(readouts.size()) + " qubits' readout_error in " + propsName);
    record("medians.readout_time", per + std::to_string(readoutTimes.size()) + " qubits' readout_length in " + propsName);
    record("medians.gate_error_1q", per + std::to_string((sxErr.empty() ? err1 : sxErr).size()) + (sxErr.empty() ? " 1q gate" : " sx")
                                        + " gate_error values in " + propsName);
    record("medians.gate_time_1q", per + std::to_string((sxLen.empty() ? len1 : sxLen).size()) + (sxLen.empty() ? " 1q gate" : " sx")
                                       + " gate_length values in " + propsName);
    record("medians.gate_error_2q", per + std::to_string(err2.size()) + " " + primary2q + " gate_error values < 1 in " + propsName + " (dead couplers excluded)");
    record("medians.gate_time_2q", per + std::to_string(len2.size()) + " " + primary2q + " gate_length values in " + propsName + " (dead couplers excluded)");
    record("qubits", propsName + " qubits (T1, T2, prob_meas0_prep1, prob_meas1_prep0)");
    record("gates", propsName + " gates (gate_error, gate_length)");
    record("couplers", couplerSource);
    record("calibration_date", propsName + " last_update_date " + updated.toStdString());

    // Configuration extras.
    if (conf) {
        const QJsonObject& C = conf->root;
        if (C.value("default_rep_delay").isDouble()) {
            d.repetitionDelay = C.value("default_rep_delay").toDouble() * 1e-6; // BackendConfiguration gives µs
            record("repetition_delay", confName + " default_rep_delay (µs)");
        }
        if (C.value("clops_h").isDouble() && C.value("clops_h").toDouble() > 0) {
            d.clops = C.value("clops_h").toDouble();
            record("clops", confName + " clops_h");
        }
        if (C.value("quantum_volume").isDouble() && C.value("quantum_volume").toDouble() >= 1) {
            d.quantumVolume = C.value("quantum_volume").toInt();
            record("quantum_volume", confName + " quantum_volume");
        }
        const QJsonObject proc = C.value("processor_type").toObject();
        if (proc.value("family").isString()) {
            const QJsonValue rev = proc.value("revision");
            const QString revision = rev.isDouble() ? QString::number(rev.toInt()) : rev.toString();
            d.family = (d.provider.empty() ? "" : d.provider + " ") + proc.value("family").toString().toStdString()
                       + (revision.isEmpty() ? "" : " r" + revision.toStdString());
            d.name = d.family + " (" + backend + ", calibration " + out.date + ")";
            record("family", confName + " processor_type");
        }
    }
    if (d.provider == "IBM")
        d.pricing = "ibm";
    // A snapshot must be a valid profile: check it the way a user-edited file is checked.
    auto check = parseDeviceProfile(deviceProfileToJson(d), backend + "@" + out.date);
    if (!check)
        return Error{"the imported calibration is inconsistent: " + check.error().message, props->name};
    return out;
}

Result<CalibrationImport> importQiskitCalibrationFiles(const std::vector<std::string>& paths)
{
    std::vector<CalibrationFile> files;
    for (const std::string& path : paths) {
        QFile f(QString::fromStdString(path));
        if (!f.exists())
            return Error{"calibration file does not exist", path};
        if (!f.open(QIODevice::ReadOnly))
            return Error{"cannot read the calibration file: " + f.errorString().toStdString(), path};
        files.push_back({path, f.readAll().toStdString()});
    }
    return importQiskitCalibration(files);
}

} // namespace qpilot
