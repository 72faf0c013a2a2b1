// core/device/device.cpp — device profiles from JSON: validated field by field, errors name
// the field path and, where it can be found, its line and column (docs/devices.md).
//
// Format version 2 adds to version 1: topology / lattice / directed / couplers (generated
// from the topology when absent), per-gate "gates" calibration, repetition_delay_*, clops,
// shot_rate_hz, quantum_volume, layer_fidelity_100, family, pricing and per-field "sources".
// Format (format_version 1): {"id", "provider", "name", "num_qubits", "native_gates": [..],
// "medians": {t1, t2, gate_error_1q, gate_error_2q, gate_time_1q, gate_time_2q,
// readout_time, readout_error}, "qubits": [{t1, t2, readout_error, readout_p1_given_0,
// readout_p0_given_1}, ...], "source", "calibration_date", "notes"}. Every time carries its
// unit in the key: t1_us, t2_s, gate_time_2q_ns, ... (suffix _s, _ms, _us or _ns). Gate
// errors are average gate infidelities r (RB-style). null means "not known".
#include "core/device/device.h"
#include "core/common/json.h"
#include "core/device/json_fields.h"
#include "core/circuit/ir.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace qpilot {

namespace {

using namespace detail;

std::optional<Error> checkProbability(const Validator& v, const std::string& path, const std::optional<double>& p)
{
    if (p && (!std::isfinite(*p) || *p < 0 || *p > 1))
        return v.error(path, "must be a probability between 0 and 1 (got " + fmt(*p) + ")");
    return std::nullopt;
}

// prefix: "medians." or "qubits[i]."; the keys as written (t1_us, ...).
std::optional<Error> checkRelaxation(const Validator& v, const std::string& prefix, const std::optional<double>& t1,
                                     const std::optional<double>& t2, const std::string& t1Key, const std::string& t2Key)
{
    if (t1 && *t1 <= 0)
        return v.error(prefix + t1Key, "T1 must be > 0");
    if (t2 && *t2 <= 0)
        return v.error(prefix + t2Key, "T2 must be > 0");
    if (t1 && t2 && *t2 > 2 * *t1 * (1 + 1e-9))
        return v.error(prefix + t2Key, "T2 = " + fmt(*t2 * 1e6) + " µs exceeds 2·T1 = " + fmt(2 * *t1 * 1e6)
                                           + " µs, which is not physical (T2 <= 2·T1)");
    return std::nullopt;
}

// The key actually used for a time field (for error paths), or "<base>_us" when absent.
std::string timeKey(const QJsonObject& obj, const std::string& base)
{
    for (const TimeUnit& u : kTimeUnits)
        if (obj.contains(QString::fromStdString(base + u.suffix)))
            return base + u.suffix;
    return base;
}

std::optional<Error> parseMedians(const QJsonObject& obj, const Validator& v, DeviceProfile& d)
{
    Fields f(obj, "medians", v);
    std::optional<Error> err;
    d.t1 = f.time("t1", err);
    if (!err) d.t2 = f.time("t2", err);
    if (!err) d.gateError1q = f.number("gate_error_1q", err);
    if (!err) d.gateError2q = f.number("gate_error_2q", err);
    if (!err) d.gateTime1q = f.time("gate_time_1q", err);
    if (!err) d.gateTime2q = f.time("gate_time_2q", err);
    if (!err) d.readoutTime = f.time("readout_time", err);
    if (!err) d.readoutError = f.number("readout_error", err);
    if (err)
        return err;
    if (auto e = checkRelaxation(v, "medians.", d.t1, d.t2, timeKey(obj, "t1"), timeKey(obj, "t2")))
        return e;
    if (auto e = checkProbability(v, "medians.gate_error_1q", d.gateError1q))
        return e;
    if (auto e = checkProbability(v, "medians.gate_error_2q", d.gateError2q))
        return e;
    if (auto e = checkProbability(v, "medians.readout_error", d.readoutError))
        return e;
    return f.unknownKeys();
}

std::optional<Error> parseQubit(const QJsonValue& value, int index, const Validator& v, DeviceProfile& d)
{
    const std::string prefix = "qubits[" + std::to_string(index) + "]";
    if (!value.isObject())
        return v.error(prefix, std::string("expected an object, got ") + typeName(value));
    const QJsonObject obj = value.toObject();
    Fields f(obj, prefix, v);
    std::optional<Error> err;
    QubitCalibration q;
    q.t1 = f.time("t1", err);
    if (!err) q.t2 = f.time("t2", err);
    std::optional<double> symmetric;
    if (!err) symmetric = f.number("readout_error", err);
    if (!err) q.readoutP1Given0 = f.number("readout_p1_given_0", err);
    if (!err) q.readoutP0Given1 = f.number("readout_p0_given_1", err);
    if (err)
        return err;
    if (auto e = checkRelaxation(v, prefix + ".", q.t1, q.t2, timeKey(obj, "t1"), timeKey(obj, "t2")))
        return e;
    for (auto [key, p] : {std::pair{"readout_error", symmetric}, std::pair{"readout_p1_given_0", q.readoutP1Given0},
                          std::pair{"readout_p0_given_1", q.readoutP0Given1}})
        if (auto e = checkProbability(v, prefix + "." + key, p))
            return e;
    if (symmetric) {
        if (!q.readoutP1Given0) q.readoutP1Given0 = symmetric;
        if (!q.readoutP0Given1) q.readoutP0Given1 = symmetric;
    }
    d.qubits.push_back(q);
    return f.unknownKeys();
}

// A whole number in [lo, hi] at `path`, or an error.
std::optional<Error> wholeNumber(const Validator& v, const std::string& path, const QJsonValue& value, int lo, int hi, int& out)
{
    if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()) || value.toDouble() < lo || value.toDouble() > hi)
        return v.error(path, std::string("must be a whole number between ") + std::to_string(lo) + " and " + std::to_string(hi)
                                 + " (got " + (value.isDouble() ? fmt(value.toDouble()) : std::string(typeName(value))) + ")");
    out = value.toInt();
    return std::nullopt;
}

std::optional<Error> parseCouplers(const QJsonValue& value, const Validator& v, DeviceProfile& d)
{
    if (!value.isArray())
        return v.error("couplers", std::string("expected an array of qubit pairs [[a, b], ...], got ") + typeName(value));
    const QJsonArray arr = value.toArray();
    std::set<std::pair<int, int>> seen;
    for (int i = 0; i < arr.size(); ++i) {
        const std::string path = "couplers[" + std::to_string(i) + "]";
        const QJsonArray pair = arr[i].toArray();
        if (!arr[i].isArray() || pair.size() != 2)
            return v.error(path, "expected a pair of qubit indices [a, b]");
        int a = 0, b = 0;
        for (int k = 0; k < 2; ++k) {
            int& q = k == 0 ? a : b;
            const QJsonValue x = pair[k];
            if (!x.isDouble() || x.toDouble() != std::floor(x.toDouble()))
                return v.error(path, "qubit indices must be whole numbers");
            if (x.toDouble() < 0 || x.toDouble() >= d.numQubits)
                return v.error(path, "qubit " + fmt(x.toDouble()) + " does not exist (num_qubits is " + std::to_string(d.numQubits)
                                         + ", qubits are 0.." + std::to_string(d.numQubits - 1) + ")");
            q = x.toInt();
        }
        if (a == b)
            return v.error(path, "couples qubit " + std::to_string(a) + " to itself");
        const std::pair<int, int> key = d.directed ? std::pair{a, b} : std::pair{std::min(a, b), std::max(a, b)};
        if (!seen.insert(key).second)
            return v.error(path, "coupler [" + std::to_string(a) + ", " + std::to_string(b) + "] is listed twice"
                                     + (d.directed ? "" : " (the device is undirected, so [a, b] and [b, a] are the same coupler)"));
        d.couplers.emplace_back(a, b);
    }
    return std::nullopt;
}

std::optional<Error> parseGateCalibration(const QJsonValue& value, int index, const Validator& v, DeviceProfile& d)
{
    const std::string prefix = "gates[" + std::to_string(index) + "]";
    if (!value.isObject())
        return v.error(prefix, std::string("expected an object {\"gate\", \"qubits\", \"error\", \"duration_ns\"}, got ") + typeName(value));
    const QJsonObject obj = value.toObject();
    Fields f(obj, prefix, v);
    std::optional<Error> err;
    GateCalibration g;
    const auto name = f.string("gate", err);
    if (err)
        return err;
    if (!name || name->empty())
        return v.error(prefix + ".gate", "missing: the native gate name (\"cz\", \"sx\", ...)");
    g.gate = QString::fromStdString(*name).toLower().toStdString();
    const int arity = nativeGateArity(g.gate);
    if (arity == 0)
        return v.error(prefix + ".gate", "unknown native gate '" + *name + "' (known: " + [] {
            std::string s;
            for (const std::string& n : knownNativeGates())
                s += (s.empty() ? "" : ", ") + n;
            return s;
        }() + ")");
    if (!d.nativeGates.empty() && std::find(d.nativeGates.begin(), d.nativeGates.end(), g.gate) == d.nativeGates.end())
        return v.error(prefix + ".gate", "'" + g.gate + "' is not in native_gates");
    const QJsonValue qubits = f.raw("qubits");
    if (!qubits.isArray() || qubits.toArray().size() != arity)
        return v.error(prefix + ".qubits", "'" + g.gate + "' acts on " + std::to_string(arity) + " qubit" + (arity == 1 ? "" : "s")
                                               + ": give \"qubits\": [" + (arity == 1 ? "q" : "a, b") + "]");
    for (const QJsonValue& x : qubits.toArray()) {
        if (!x.isDouble() || x.toDouble() != std::floor(x.toDouble()))
            return v.error(prefix + ".qubits", "qubit indices must be whole numbers");
        if (x.toDouble() < 0 || x.toDouble() >= d.numQubits)
            return v.error(prefix + ".qubits", "qubit " + fmt(x.toDouble()) + " does not exist (num_qubits is " + std::to_string(d.numQubits) + ")");
        g.qubits.push_back(x.toInt());
    }
    if (arity == 2) {
        if (g.qubits[0] == g.qubits[1])
            return v.error(prefix + ".qubits", "a two-qubit gate needs two different qubits");
        if (!allowsTwoQubitGate(d, g.qubits[0], g.qubits[1]))
            return v.error(prefix + ".qubits", "qubits " + std::to_string(g.qubits[0]) + " and " + std::to_string(g.qubits[1])
                                                   + (d.directed && allowsTwoQubitGate(d, g.qubits[1], g.qubits[0])
                                                          ? " are coupled only in the other direction"
                                                          : " are not coupled"));
    }
    g.error = f.number("error", err);
    if (err)
        return err;
    if (auto e = checkProbability(v, prefix + ".error", g.error))
        return e;
    g.duration = f.time("duration", err);
    if (err)
        return err;
    for (const GateCalibration& other : d.gates)
        if (other.gate == g.gate && (other.qubits == g.qubits || (!d.directed && arity == 2 && other.qubits[0] == g.qubits[1] && other.qubits[1] == g.qubits[0])))
            return v.error(prefix, "a second calibration of " + g.gate + " on the same qubits");
    d.gates.push_back(std::move(g));
    return f.unknownKeys();
}

// Version 2 connectivity: topology, lattice, directed, couplers (generated when absent).
std::optional<Error> parseConnectivity(Fields& f, const Validator& v, DeviceProfile& d)
{
    std::optional<Error> err;
    const auto topology = f.string("topology", err);
    if (err)
        return err;
    if (!topology)
        return v.error("topology", "missing: one of heavy-hex, square, all-to-all, line, custom");
    d.topology = *topology;
    static const char* const kTopologies[] = {"heavy-hex", "square", "all-to-all", "line", "custom"};
    if (std::find_if(std::begin(kTopologies), std::end(kTopologies), [&](const char* t) { return d.topology == t; }) == std::end(kTopologies))
        return v.error("topology", "unknown topology '" + d.topology + "' (known: heavy-hex, square, all-to-all, line, custom)");
    d.allToAll = d.topology == "all-to-all";

    const QJsonValue directed = f.raw("directed");
    if (!directed.isUndefined() && !directed.isNull()) {
        if (!directed.isBool())
            return v.error("directed", std::string("expected true or false, got ") + typeName(directed));
        d.directed = directed.toBool();
    }
    const QJsonValue lattice = f.raw("lattice");
    if (!lattice.isUndefined() && !lattice.isNull()) {
        if (d.topology != "square")
            return v.error("lattice", "only a square topology has a lattice (topology is " + d.topology + ")");
        if (!lattice.isObject())
            return v.error("lattice", std::string("expected {\"rows\": R, \"columns\": C}, got ") + typeName(lattice));
        const QJsonObject latticeObject = lattice.toObject();
        Fields lf(latticeObject, "lattice", v);
        if (auto e = wholeNumber(v, "lattice.rows", lf.raw("rows"), 1, kMaxQubits, d.latticeRows))
            return e;
        if (auto e = wholeNumber(v, "lattice.columns", lf.raw("columns"), 1, kMaxQubits, d.latticeColumns))
            return e;
        if (auto e = lf.unknownKeys())
            return e;
        if (d.latticeRows * d.latticeColumns != d.numQubits)
            return v.error("lattice", std::to_string(d.latticeRows) + " rows x " + std::to_string(d.latticeColumns) + " columns = "
                                          + std::to_string(d.latticeRows * d.latticeColumns) + " qubits, but num_qubits is "
                                          + std::to_string(d.numQubits));
    }
    const QJsonValue couplers = f.raw("couplers");
    const bool explicitCouplers = !couplers.isUndefined() && !couplers.isNull();
    if (d.allToAll) {
        if (explicitCouplers)
            return v.error("couplers", "an all-to-all device couples every pair; leave out \"couplers\"");
        if (d.directed)
            return v.error("directed", "an all-to-all device cannot be directed");
        return std::nullopt;
    }
    if (explicitCouplers)
        return parseCouplers(couplers, v, d);
    if (d.topology == "custom")
        return v.error("couplers", "missing: a custom topology needs the coupling map \"couplers\": [[a, b], ...]");
    if (d.topology == "line")
        d.couplers = lineCouplers(d.numQubits);
    else if (d.topology == "square") {
        if (d.latticeRows == 0)
            return v.error("topology", "a square topology needs \"lattice\": {\"rows\", \"columns\"} or explicit \"couplers\"");
        d.couplers = squareLatticeCouplers(d.latticeRows, d.latticeColumns);
    } else {
        auto hh = heavyHexCouplers(d.numQubits);
        if (!hh)
            return v.error("topology", hh.error().message);
        d.couplers = std::move(hh).value();
    }
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& knownNativeGates()
{
    static const std::vector<std::string> names = {"rz", "sx", "x", "rx", "prx", "gpi", "gpi2",
                                                   "cx", "ecr", "cz", "rzz", "iswap", "ms"};
    return names;
}

int nativeGateArity(const std::string& gate)
{
    const auto& names = knownNativeGates();
    const auto it = std::find(names.begin(), names.end(), gate);
    if (it == names.end())
        return 0;
    return it - names.begin() < 7 ? 1 : 2;
}

Result<DeviceProfile> parseDeviceProfile(const std::string& json, const std::string& fileName)
{
    const Validator v(json, fileName);
    auto parsed = parseJsonObject(json, fileName, "a device profile must be a JSON object");
    if (!parsed)
        return parsed.error();
    const QJsonObject root = *parsed;
    Fields f(root, "", v);
    std::optional<Error> err;
    DeviceProfile d;

    int version = 1;
    if (const auto fv = f.number("format_version", err); fv) {
        if (*fv != 1 && *fv != 2)
            return v.error("format_version", "unsupported version " + fmt(*fv) + " (this Qpilot reads versions 1 and 2)");
        version = int(*fv);
    }
    if (err)
        return *err;

    auto id = f.string("id", err);
    if (err)
        return *err;
    if (!id || id->empty())
        return v.error("id", "missing: every profile needs an id such as \"ibm_torino\"");
    static const QRegularExpression idPattern("^[A-Za-z0-9_.-]+(@[A-Za-z0-9_.:-]+)?$");
    if (!idPattern.match(QString::fromStdString(*id)).hasMatch())
        return v.error("id", "'" + *id + "' may use only letters, digits, '_', '-' and '.' (snapshots: NAME@DATE)");
    d.id = *id;

    d.provider = f.string("provider", err).value_or("");
    if (err) return *err;
    d.name = f.string("name", err).value_or(d.id);
    if (err) return *err;
    d.source = f.string("source", err).value_or("");
    if (err) return *err;
    f.string("notes", err);
    if (err) return *err;
    d.calibrationDate = f.string("calibration_date", err).value_or("");
    if (err) return *err;
    if (!d.calibrationDate.empty()) {
        const QString s = QString::fromStdString(d.calibrationDate);
        if (!QDate::fromString(s, Qt::ISODate).isValid() && !QDate::fromString(s + "-01", Qt::ISODate).isValid())
            return v.error("calibration_date", "'" + d.calibrationDate + "' is not an ISO date (YYYY-MM-DD or YYYY-MM)");
    }

    const QJsonValue nq = f.raw("num_qubits");
    if (nq.isUndefined() || nq.isNull())
        return v.error("num_qubits", "missing: the number of qubits of the device");
    if (!nq.isDouble() || nq.toDouble() != std::floor(nq.toDouble()) || nq.toDouble() < 1 || nq.toDouble() > kMaxQubits)
        return v.error("num_qubits", "must be a whole number between 1 and " + std::to_string(kMaxQubits));
    d.numQubits = nq.toInt();

    const QJsonValue gates = f.raw("native_gates");
    if (!gates.isUndefined() && !gates.isNull()) {
        if (!gates.isArray())
            return v.error("native_gates", std::string("expected an array of gate names, got ") + typeName(gates));
        const QJsonArray arr = gates.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            const std::string path = "native_gates[" + std::to_string(i) + "]";
            if (!arr[i].isString() || arr[i].toString().isEmpty())
                return v.error(path, "expected a gate name");
            const std::string name = arr[i].toString().toLower().toStdString();
            if (nativeGateArity(name) == 0) {
                std::string known;
                for (const std::string& n : knownNativeGates())
                    known += (known.empty() ? "" : ", ") + n;
                return v.error(path, "unknown native gate '" + name + "' (known: " + known + ")");
            }
            if (std::find(d.nativeGates.begin(), d.nativeGates.end(), name) != d.nativeGates.end())
                return v.error(path, "'" + name + "' is listed twice");
            d.nativeGates.push_back(name);
        }
    }

    const QJsonValue medians = f.raw("medians");
    if (!medians.isUndefined() && !medians.isNull()) {
        if (!medians.isObject())
            return v.error("medians", std::string("expected an object, got ") + typeName(medians));
        if (auto e = parseMedians(medians.toObject(), v, d))
            return *e;
    }

    const QJsonValue qubits = f.raw("qubits");
    if (!qubits.isUndefined() && !qubits.isNull()) {
        if (!qubits.isArray())
            return v.error("qubits", std::string("expected an array of per-qubit objects, got ") + typeName(qubits));
        const QJsonArray arr = qubits.toArray();
        if (arr.size() > d.numQubits)
            return v.error("qubits", "lists " + std::to_string(arr.size()) + " qubits but num_qubits is " + std::to_string(d.numQubits));
        for (int i = 0; i < arr.size(); ++i)
            if (auto e = parseQubit(arr[i], i, v, d))
                return *e;
    }

    if (version >= 2) {
        if (auto e = parseConnectivity(f, v, d))
            return *e;
        const QJsonValue gateList = f.raw("gates");
        if (!gateList.isUndefined() && !gateList.isNull()) {
            if (!gateList.isArray())
                return v.error("gates", std::string("expected an array of gate calibrations, got ") + typeName(gateList));
            const QJsonArray arr = gateList.toArray();
            for (int i = 0; i < arr.size(); ++i)
                if (auto e = parseGateCalibration(arr[i], i, v, d))
                    return *e;
        }
        d.repetitionDelay = f.time("repetition_delay", err);
        if (!err) d.clops = f.number("clops", err);
        if (!err) d.shotRate = f.number("shot_rate_hz", err);
        if (!err) d.layerFidelity100 = f.number("layer_fidelity_100", err);
        if (err)
            return *err;
        for (auto [key, value] : {std::pair{"clops", d.clops}, std::pair{"shot_rate_hz", d.shotRate}})
            if (value && (!std::isfinite(*value) || *value <= 0))
                return v.error(key, "must be a rate > 0 (got " + fmt(*value) + ")");
        if (auto e = checkProbability(v, "layer_fidelity_100", d.layerFidelity100))
            return *e;
        const QJsonValue qv = f.raw("quantum_volume");
        if (!qv.isUndefined() && !qv.isNull()) {
            int value = 0;
            if (auto e = wholeNumber(v, "quantum_volume", qv, 1, std::numeric_limits<int>::max(), value))
                return *e;
            d.quantumVolume = value;
        }
        d.family = f.string("family", err).value_or("");
        if (!err) d.pricing = f.string("pricing", err).value_or("");
        if (err)
            return *err;
        const QJsonValue sources = f.raw("sources");
        if (!sources.isUndefined() && !sources.isNull()) {
            if (!sources.isObject())
                return v.error("sources", std::string("expected an object {\"field\": \"source\"}, got ") + typeName(sources));
            const QJsonObject obj = sources.toObject();
            for (auto it = obj.begin(); it != obj.end(); ++it) {
                if (!it.value().isString())
                    return v.error("sources." + it.key().toStdString(), "expected a string naming the source");
                d.fieldSources.emplace_back(it.key().toStdString(), it.value().toString().toStdString());
            }
        }
    }
    if (auto e = f.unknownKeys())
        return *e;
    return d;
}

} // namespace qpilot
