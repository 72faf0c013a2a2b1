// core/device/device.cpp — device profiles from JSON (validated, errors name the field and,
// where it can be found, its line and column), the profiles shipped in resources/devices/
// (embedded at build time) and lookup by id or file path.
//
// Format (format_version 1): {"id", "provider", "name", "num_qubits", "native_gates": [..],
// "medians": {t1, t2, gate_error_1q, gate_error_2q, gate_time_1q, gate_time_2q,
// readout_time, readout_error}, "qubits": [{t1, t2, readout_error, readout_p1_given_0,
// readout_p0_given_1}, ...], "source", "calibration_date", "notes"}. Every time carries its
// unit in the key: t1_us, t2_s, gate_time_2q_ns, ... (suffix _s, _ms, _us or _ns). Gate
// errors are average gate infidelities r (RB-style). null means "not known".
#include "core/device/device.h"
#include "core/device/builtin_profiles.h"
#include "core/circuit/ir.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace qpilot {

namespace {

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

struct TimeUnit {
    const char* suffix;
    double seconds;
};
constexpr TimeUnit kTimeUnits[] = {{"_s", 1.0}, {"_ms", 1e-3}, {"_us", 1e-6}, {"_ns", 1e-9}};

// Builds errors that name the field and find it in the text (best effort: the n-th
// occurrence of the quoted key after its parent's key).
class Validator {
public:
    Validator(const std::string& text, std::string fileName) : m_text(text), m_file(std::move(fileName)) {}

    Error error(const std::string& path, const std::string& message) const
    {
        Error e{"field '" + path + "': " + message, m_file};
        locate(path, e);
        return e;
    }
    Error plain(const std::string& message) const { return Error{message, m_file}; }

private:
    void locate(const std::string& path, Error& e) const
    {
        // path forms: "key", "parent.key", "parent[i]", "parent[i].key"
        std::string parent, key = path;
        int index = -1;
        const auto dot = path.rfind('.');
        if (dot != std::string::npos) {
            parent = path.substr(0, dot);
            key = path.substr(dot + 1);
        } else if (path.find('[') != std::string::npos) {
            parent = path;
            key.clear();
        }
        if (const auto br = parent.find('['); br != std::string::npos) {
            index = std::atoi(parent.c_str() + br + 1);
            parent = parent.substr(0, br);
        }
        size_t pos = 0;
        if (!parent.empty()) {
            pos = m_text.find('"' + parent + '"');
            if (pos == std::string::npos)
                return;
            if (index >= 0) {
                pos = elementStart(m_text.find('[', pos), index);
                if (pos == std::string::npos)
                    return;
            }
        }
        if (!key.empty())
            pos = m_text.find('"' + key + '"', pos);
        if (pos == std::string::npos)
            return;
        int line = 1, column = 1;
        for (size_t i = 0; i < pos; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column; // count UTF-8 code points, not bytes
            }
        }
        e.line = line;
        e.column = column;
    }

    // Offset of element `index` of the JSON array whose '[' is at `open`.
    size_t elementStart(size_t open, int index) const
    {
        if (open == std::string::npos)
            return open;
        int depth = 0, element = 0;
        bool inString = false, seenValue = false;
        for (size_t i = open + 1; i < m_text.size(); ++i) {
            const char ch = m_text[i];
            if (inString) {
                if (ch == '\\')
                    ++i;
                else if (ch == '"')
                    inString = false;
                continue;
            }
            if (depth == 0 && !seenValue && !std::isspace(static_cast<unsigned char>(ch)) && ch != ',' && ch != ']') {
                if (element == index)
                    return i;
                seenValue = true;
            }
            if (ch == '"')
                inString = true;
            else if (ch == '{' || ch == '[')
                ++depth;
            else if (ch == '}' || ch == ']') {
                if (depth == 0)
                    return std::string::npos;
                --depth;
            } else if (ch == ',' && depth == 0) {
                ++element;
                seenValue = false;
            }
        }
        return std::string::npos;
    }

    const std::string& m_text;
    std::string m_file;
};

const char* typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    default: return "undefined";
    }
}

// Reads objects field by field, checking types and remembering which keys were used.
class Fields {
public:
    Fields(const QJsonObject& obj, std::string prefix, const Validator& v)
        : m_obj(obj), m_prefix(std::move(prefix)), m_v(v) {}

    std::string path(const std::string& key) const { return m_prefix.empty() ? key : m_prefix + "." + key; }

    // A number (or null / absent = nullopt). Writes an error into `err` on a wrong type.
    std::optional<double> number(const std::string& key, std::optional<Error>& err)
    {
        m_used.insert(key);
        const QJsonValue v = m_obj.value(QString::fromStdString(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            err = m_v.error(path(key), std::string("expected a number, got ") + typeName(v));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // A time given as <base>_s / _ms / _us / _ns (exactly one of them), in seconds.
    std::optional<double> time(const std::string& base, std::optional<Error>& err)
    {
        std::optional<double> out;
        std::string seen;
        for (const TimeUnit& u : kTimeUnits) {
            const std::string key = base + u.suffix;
            const bool present = m_obj.contains(QString::fromStdString(key));
            auto value = number(key, err);
            if (err)
                return std::nullopt;
            if (present && !seen.empty()) {
                err = m_v.error(path(key), "given twice (also as '" + seen + "'); keep one unit");
                return std::nullopt;
            }
            if (present)
                seen = key;
            if (value) {
                if (!std::isfinite(*value) || *value < 0) {
                    err = m_v.error(path(key), "must be a time >= 0 (got " + fmt(*value) + ")");
                    return std::nullopt;
                }
                out = *value * u.seconds;
            }
        }
        return out;
    }

    std::optional<std::string> string(const std::string& key, std::optional<Error>& err)
    {
        m_used.insert(key);
        const QJsonValue v = m_obj.value(QString::fromStdString(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            err = m_v.error(path(key), std::string("expected a string, got ") + typeName(v));
            return std::nullopt;
        }
        return v.toString().toStdString();
    }

    QJsonValue raw(const std::string& key)
    {
        m_used.insert(key);
        return m_obj.value(QString::fromStdString(key));
    }

    // The first key that no reader asked for.
    std::optional<Error> unknownKeys() const
    {
        for (auto it = m_obj.begin(); it != m_obj.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (!m_used.count(key)) {
                std::string known;
                for (const std::string& k : m_used)
                    known += (known.empty() ? "" : ", ") + k;
                return m_v.error(path(key), "unknown field (known here: " + known + ")");
            }
        }
        return std::nullopt;
    }

private:
    const QJsonObject& m_obj;
    std::string m_prefix;
    const Validator& m_v;
    std::set<std::string> m_used;
};

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

} // namespace

Result<DeviceProfile> parseDeviceProfile(const std::string& json, const std::string& fileName)
{
    const Validator v(json, fileName);
    QJsonParseError perr{};
    const QByteArray bytes = QByteArray::fromStdString(json);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        for (int i = 0; i < perr.offset && i < bytes.size(); ++i) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return Error{"invalid JSON: " + perr.errorString().toStdString(), fileName, line, column};
    }
    if (!doc.isObject())
        return v.plain("a device profile must be a JSON object");
    const QJsonObject root = doc.object();
    Fields f(root, "", v);
    std::optional<Error> err;
    DeviceProfile d;

    if (const auto version = f.number("format_version", err); version && *version != 1)
        return v.error("format_version", "unsupported version " + fmt(*version) + " (this Qpilot reads version 1)");
    if (err)
        return *err;

    auto id = f.string("id", err);
    if (err)
        return *err;
    if (!id || id->empty())
        return v.error("id", "missing: every profile needs an id such as \"ibm_torino\"");
    static const QRegularExpression idPattern("^[A-Za-z0-9_.-]+$");
    if (!idPattern.match(QString::fromStdString(*id)).hasMatch())
        return v.error("id", "'" + *id + "' may use only letters, digits, '_', '-' and '.'");
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
            if (!arr[i].isString() || arr[i].toString().isEmpty())
                return v.error("native_gates[" + std::to_string(i) + "]", "expected a gate name");
            d.nativeGates.push_back(arr[i].toString().toLower().toStdString());
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
    if (auto e = f.unknownKeys())
        return *e;
    return d;
}

std::vector<DeviceProfile> builtinDevices()
{
    static const std::vector<DeviceProfile> devices = [] {
        std::vector<DeviceProfile> out;
        for (const detail::EmbeddedProfile* p = detail::embeddedDeviceProfiles(); p->fileName; ++p) {
            auto d = parseDeviceProfile(p->json, std::string(":/devices/") + p->fileName);
            if (d) // the test suite checks that every shipped profile parses
                out.push_back(std::move(d).value());
        }
        std::sort(out.begin(), out.end(), [](const DeviceProfile& a, const DeviceProfile& b) { return a.id < b.id; });
        return out;
    }();
    return devices;
}

Result<DeviceProfile> findDevice(const std::string& idOrPath)
{
    const std::vector<DeviceProfile> devices = builtinDevices();
    for (const DeviceProfile& d : devices)
        if (d.id == idOrPath)
            return d;
    const QString path = QString::fromStdString(idOrPath);
    const QFileInfo info(path);
    if (info.exists() && info.isFile()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{"cannot read the device profile: " + file.errorString().toStdString(), idOrPath};
        return parseDeviceProfile(file.readAll().toStdString(), idOrPath);
    }
    std::string known;
    for (const DeviceProfile& d : devices)
        known += (known.empty() ? "" : ", ") + d.id;
    if (path.endsWith(".json", Qt::CaseInsensitive) || path.contains('/'))
        return Error{"device profile file '" + idOrPath + "' does not exist (known device ids: " + known + ")"};
    return Error{"unknown device '" + idOrPath + "'; known devices: " + known + " (or give the path of a profile JSON file)"};
}

} // namespace qpilot
