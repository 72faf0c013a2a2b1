// core/pilot/pilot_json.cpp — the `.qpilot` JSON format: reading (any schema version 1..2,
// migrating version 1 on read), field-by-field type checks with errors that name the field and
// find its line and column, unknown keys rejected, and the canonical writer (fixed key order,
// shortest round-trip numbers) so that equal pilots give equal text. Values are checked by
// validatePilot (pilot.cpp), which readPilot runs too. The format: docs/pilots.md.
#include "core/pilot/pilot.h"
#include "core/pilot/pilot_internal.h"

#include "core/common/json.h"
#include "core/device/json_fields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <limits>

namespace qpilot::pilot {

using detail::Fields;
using detail::Validator;

namespace {

// ---- reading -------------------------------------------------------------------------------

// Reads one object's fields into the pilot; the first error wins.
class Reader {
public:
    Reader(const Validator& v) : m_v(v) {}
    std::optional<Error> err;

    void str(Fields& f, const std::string& key, std::string& out)
    {
        if (err)
            return;
        if (auto s = f.string(key, err))
            out = *s;
    }
    void num(Fields& f, const std::string& key, double& out)
    {
        if (err)
            return;
        if (auto d = f.number(key, err)) {
            if (!std::isfinite(*d))
                err = m_v.error(f.path(key), "must be a finite number");
            else
                out = *d;
        }
    }
    template <class Int>
    void integer(Fields& f, const std::string& key, Int& out)
    {
        if (err)
            return;
        if (auto d = f.number(key, err)) {
            if (*d != std::floor(*d) || *d < double(std::numeric_limits<Int>::lowest())
                || *d > double(std::numeric_limits<Int>::max()))
                err = m_v.error(f.path(key), "expected a whole number, got " + detail::fmt(*d));
            else
                out = static_cast<Int>(*d);
        }
    }
    void boolean(Fields& f, const std::string& key, bool& out)
    {
        if (err)
            return;
        const QJsonValue v = f.raw(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isBool())
            err = m_v.error(f.path(key), std::string("expected true or false, got ") + detail::typeName(v));
        else
            out = v.toBool();
    }
    void strings(Fields& f, const std::string& key, std::vector<std::string>& out)
    {
        if (err)
            return;
        const QJsonValue v = f.raw(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isArray()) {
            err = m_v.error(f.path(key), std::string("expected an array of strings, got ") + detail::typeName(v));
            return;
        }
        out.clear();
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!a[i].isString()) {
                err = m_v.error(f.path(key) + "[" + std::to_string(i) + "]",
                                std::string("expected a string, got ") + detail::typeName(a[i]));
                return;
            }
            out.push_back(a[i].toString().toStdString());
        }
    }
    void ints(Fields& f, const std::string& key, std::vector<int>& out)
    {
        if (err)
            return;
        const QJsonValue v = f.raw(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isArray()) {
            err = m_v.error(f.path(key), std::string("expected an array of whole numbers, got ") + detail::typeName(v));
            return;
        }
        out.clear();
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const double d = a[i].toDouble(std::nan(""));
            if (!a[i].isDouble() || d != std::floor(d) || d < 0 || d > 1e6) {
                err = m_v.error(f.path(key) + "[" + std::to_string(i) + "]", "expected a class index (a whole number >= 0)");
                return;
            }
            out.push_back(int(d));
        }
    }
    // A 64-bit seed: a whole number up to 2^53 or a decimal string (any 64-bit value).
    void seed(Fields& f, const std::string& key, std::uint64_t& out)
    {
        if (err)
            return;
        const QJsonValue v = f.raw(key);
        if (v.isUndefined() || v.isNull())
            return;
        const std::string range = "must be a whole number from 0 to 18446744073709551615 (from 2^53 on write it as a string)";
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d != std::floor(d) || d < 0 || d >= 9007199254740992.0) // 2^53 and above lose digits
                err = m_v.error(f.path(key), range + ", got " + detail::fmt(d));
            else
                out = static_cast<std::uint64_t>(d);
        } else if (v.isString()) {
            const std::string s = v.toString().toStdString();
            std::uint64_t value = 0;
            const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
            if (s.empty() || ec != std::errc() || end != s.data() + s.size())
                err = m_v.error(f.path(key), range + ", got '" + s + "'");
            else
                out = value;
        } else {
            err = m_v.error(f.path(key), range + ", got " + detail::typeName(v));
        }
    }
    // A nested object (absent = defaults). Returns false when absent or on error.
    bool object(Fields& f, const std::string& key, QJsonObject& out)
    {
        if (err)
            return false;
        const QJsonValue v = f.raw(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isObject()) {
            err = m_v.error(f.path(key), std::string("expected an object, got ") + detail::typeName(v));
            return false;
        }
        out = v.toObject();
        return true;
    }
    void finish(const Fields& f)
    {
        if (!err)
            err = f.unknownKeys();
    }

private:
    const Validator& m_v;
};

void readThresholds(Reader& r, const QJsonObject& o, const Validator& v, readiness::Thresholds& t)
{
    Fields f(o, "thresholds", v);
    QJsonObject bands;
    if (r.object(f, "bands", bands)) {
        Fields b(bands, "thresholds.bands", v);
        r.num(b, "green", t.bands.green);
        r.num(b, "red", t.bands.red);
        r.finish(b);
    }
    r.num(f, "success_good", t.successGood);
    r.num(f, "success_bad", t.successBad);
    r.num(f, "overhead_good", t.overheadGood);
    r.num(f, "overhead_bad", t.overheadBad);
    r.num(f, "two_qubit_gates_good", t.twoQubitGatesGood);
    r.num(f, "two_qubit_gates_bad", t.twoQubitGatesBad);
    r.num(f, "gap_good", t.gapGood);
    r.num(f, "gap_bad", t.gapBad);
    r.num(f, "training_executions_good", t.trainingExecutionsGood);
    r.num(f, "training_executions_bad", t.trainingExecutionsBad);
    r.num(f, "objective_good_fraction", t.objectiveGoodFraction);
    r.num(f, "objective_bad_multiple", t.objectiveBadMultiple);
    r.num(f, "spread_good_fraction", t.spreadGoodFraction);
    r.num(f, "spread_bad_multiple", t.spreadBadMultiple);
    r.num(f, "mitigated_error_good", t.mitigatedErrorGood);
    r.num(f, "mitigated_error_bad", t.mitigatedErrorBad);
    const QJsonValue weights = f.raw("weights");
    if (!r.err && !weights.isUndefined() && !weights.isNull()) {
        const QJsonArray a = weights.toArray();
        if (!weights.isArray() || a.size() != readiness::kDimensionCount) {
            r.err = v.error("thresholds.weights", "expected an array of " + std::to_string(readiness::kDimensionCount) +
                                                      " numbers, one per scorecard dimension in order");
        } else {
            for (int i = 0; i < a.size() && !r.err; ++i) {
                const double w = a[i].toDouble(std::nan(""));
                if (!a[i].isDouble() || !std::isfinite(w) || w < 0)
                    r.err = v.error("thresholds.weights[" + std::to_string(i) + "]", "expected a number >= 0");
                else
                    t.weights[size_t(i)] = w;
            }
        }
    }
    r.integer(f, "max_amber_for_production", t.maxAmberForProduction);
    r.integer(f, "max_red_for_piloting", t.maxRedForPiloting);
    r.num(f, "fixable_factor", t.fixableFactor);
    r.finish(f);
}

// Reads a schema-2 object (the text's own, or the migration of a schema-1 one).
std::optional<Error> readV2(const QJsonObject& root, const Validator& v, Pilot& p)
{
    Reader r(v);
    Fields f(root, "", v);
    f.raw("schema_version"); // checked by the caller
    r.str(f, "name", p.name);
    r.str(f, "title", p.title);
    r.str(f, "description", p.description);
    QJsonObject o;
    if (!r.err && !root.contains("dataset"))
        r.err = v.error("dataset", "missing: a pilot needs a dataset ({\"source\": \"builtin:iris\"}, a CSV path or a generator)");
    if (r.object(f, "dataset", o)) {
        Fields d(o, "dataset", v);
        r.str(d, "source", p.dataset.source);
        r.str(d, "label_column", p.dataset.labelColumn);
        r.strings(d, "ignore_columns", p.dataset.ignoreColumns);
        r.str(d, "impute", p.dataset.impute);
        r.ints(d, "classes", p.dataset.classes);
        r.str(d, "fingerprint", p.dataset.fingerprint);
        r.finish(d);
    }
    if (r.object(f, "preprocessing", o)) {
        Fields d(o, "preprocessing", v);
        r.num(d, "test_fraction", p.preprocessing.testFraction);
        r.integer(d, "pca", p.preprocessing.pca);
        r.boolean(d, "standardize", p.preprocessing.standardize);
        r.finish(d);
    }
    if (r.object(f, "circuit", o)) {
        Fields d(o, "circuit", v);
        r.str(d, "encoding", p.circuit.encoding);
        r.integer(d, "reps", p.circuit.reps);
        r.str(d, "ansatz", p.circuit.ansatz);
        r.str(d, "custom_qasm", p.circuit.customQasm);
        r.finish(d);
    }
    if (r.object(f, "model", o)) {
        Fields d(o, "model", v);
        r.str(d, "kind", p.model.kind);
        r.str(d, "optimizer", p.model.optimizer);
        r.integer(d, "epochs", p.model.epochs);
        r.num(d, "learning_rate", p.model.learningRate);
        r.strings(d, "baselines", p.model.baselines);
        r.integer(d, "folds", p.model.folds);
        r.finish(d);
    }
    r.strings(f, "devices", p.devices);
    r.str(f, "mitigation", p.mitigation);
    r.integer(f, "shots", p.shots);
    r.seed(f, "seed", p.seed);
    r.integer(f, "reproducibility_seeds", p.reproducibilitySeeds);
    if (r.object(f, "objectives", o)) {
        Fields d(o, "objectives", v);
        r.num(d, "max_latency_s", p.objectives.maxLatencySeconds);
        r.num(d, "max_cost_per_1k_usd", p.objectives.maxCostPer1kUsd);
        r.num(d, "min_accuracy_delta", p.objectives.minAccuracyDelta);
        r.num(d, "reproducibility_tolerance", p.objectives.reproducibilityTolerance);
        r.integer(d, "production_rows", p.objectives.productionRows);
        r.integer(d, "inferences_per_month", p.objectives.inferencesPerMonth);
        r.finish(d);
    }
    if (r.object(f, "cost", o)) {
        Fields d(o, "cost", v);
        r.str(d, "plan", p.cost.plan);
        double queue = -1;
        const bool hasQueue = o.contains("queue_s") && !o.value("queue_s").isNull();
        r.num(d, "queue_s", queue);
        if (hasQueue && !r.err)
            p.cost.queueSeconds = queue;
        r.str(d, "classical_instance", p.cost.classicalInstance);
        r.num(d, "classical_usd_per_hour", p.cost.classicalUsdPerHour);
        r.num(d, "classical_throughput_per_s", p.cost.classicalThroughputPerSecond);
        r.strings(d, "price_files", p.cost.priceFiles);
        r.finish(d);
    }
    if (r.object(f, "thresholds", o))
        readThresholds(r, o, v, p.thresholds);
    r.finish(f);
    return r.err;
}

// Schema 1 (Qpilot 0.x): a flat document with one "device", the dataset as a string,
// "mitigation" as a list, "slo" with latency in milliseconds and the accuracy margin as a
// positive allowed drop, "costs" with "queue_seconds", and no thresholds. Returns the schema-2
// object; errors name the schema-1 field.
Result<QJsonObject> migrateV1(const QJsonObject& in, const Validator& v)
{
    QJsonObject out;
    out["schema_version"] = 2;
    QJsonObject dataset, preprocessing, circuit, model, objectives, cost;
    static const char* const kKnown[] = {"version", "name", "title", "description", "dataset", "label_column", "classes",
                                         "test_fraction", "pca", "encoding", "reps", "ansatz", "model", "optimizer",
                                         "epochs", "learning_rate", "device", "mitigation", "shots", "seed", "slo",
                                         "costs"};
    for (auto it = in.begin(); it != in.end(); ++it) {
        bool known = false;
        for (const char* k : kKnown)
            known = known || it.key() == QLatin1String(k);
        if (!known)
            return v.error(it.key().toStdString(), "unknown field in a schema-1 pilot (see docs/pilots.md, 'Schema 1')");
    }
    auto copy = [&](const char* from, QJsonObject& to, const char* key) {
        if (in.contains(from))
            to[key] = in.value(from);
    };
    copy("name", out, "name");
    copy("title", out, "title");
    copy("description", out, "description");
    if (in.contains("dataset")) {
        if (!in.value("dataset").isString())
            return v.error("dataset", "schema 1 gives the dataset as a string (e.g. \"iris\")");
        dataset["source"] = in.value("dataset");
    }
    copy("label_column", dataset, "label_column");
    copy("classes", dataset, "classes");
    copy("test_fraction", preprocessing, "test_fraction");
    copy("pca", preprocessing, "pca");
    copy("encoding", circuit, "encoding");
    copy("reps", circuit, "reps");
    copy("ansatz", circuit, "ansatz");
    copy("model", model, "kind");
    copy("optimizer", model, "optimizer");
    copy("epochs", model, "epochs");
    copy("learning_rate", model, "learning_rate");
    if (in.contains("device")) {
        if (!in.value("device").isString())
            return v.error("device", "schema 1 names one device as a string (e.g. \"ibm_torino\")");
        out["devices"] = QJsonArray{in.value("device")};
    }
    if (in.contains("mitigation")) {
        const QJsonValue m = in.value("mitigation");
        if (!m.isArray())
            return v.error("mitigation", "schema 1 lists the techniques as an array (e.g. [\"rem\", \"zne\"])");
        QString joined;
        for (const QJsonValue& t : m.toArray()) {
            if (!t.isString())
                return v.error("mitigation", "schema 1 lists the techniques as strings");
            joined += (joined.isEmpty() ? "" : ",") + t.toString();
        }
        out["mitigation"] = joined.isEmpty() ? QStringLiteral("none") : joined;
    }
    copy("shots", out, "shots");
    copy("seed", out, "seed");
    if (in.contains("slo")) {
        if (!in.value("slo").isObject())
            return v.error("slo", "expected an object");
        const QJsonObject slo = in.value("slo").toObject();
        for (auto it = slo.begin(); it != slo.end(); ++it) {
            const QString k = it.key();
            const QJsonValue val = it.value();
            if (!val.isDouble())
                return v.error("slo." + k.toStdString(), std::string("expected a number, got ") + detail::typeName(val));
            if (k == QLatin1String("latency_ms"))
                objectives["max_latency_s"] = val.toDouble() / 1000.0;
            else if (k == QLatin1String("cost_per_1k"))
                objectives["max_cost_per_1k_usd"] = val;
            else if (k == QLatin1String("accuracy_margin"))
                objectives["min_accuracy_delta"] = -val.toDouble();
            else if (k == QLatin1String("repro_tolerance"))
                objectives["reproducibility_tolerance"] = val;
            else
                return v.error("slo." + k.toStdString(), "unknown field (known here: accuracy_margin, cost_per_1k, "
                                                         "latency_ms, repro_tolerance)");
        }
    }
    if (in.contains("costs")) {
        if (!in.value("costs").isObject())
            return v.error("costs", "expected an object");
        const QJsonObject c = in.value("costs").toObject();
        for (auto it = c.begin(); it != c.end(); ++it) {
            const QString k = it.key();
            if (k == QLatin1String("plan"))
                cost["plan"] = it.value();
            else if (k == QLatin1String("queue_seconds"))
                cost["queue_s"] = it.value();
            else if (k == QLatin1String("classical_usd_per_hour"))
                cost["classical_usd_per_hour"] = it.value();
            else
                return v.error("costs." + k.toStdString(),
                               "unknown field (known here: classical_usd_per_hour, plan, queue_seconds)");
        }
    }
    auto put = [&out](const char* key, const QJsonObject& o) {
        if (!o.isEmpty())
            out[key] = o;
    };
    put("dataset", dataset);
    put("preprocessing", preprocessing);
    put("circuit", circuit);
    put("model", model);
    put("objectives", objectives);
    put("cost", cost);
    return out;
}

// ---- writing -------------------------------------------------------------------------------

// A JSON value with members in insertion order.
struct Node {
    enum Kind { Scalar, Object, Array } kind = Scalar;
    std::string scalar;                                  // serialised
    std::vector<std::pair<std::string, Node>> members;   // Object
    std::vector<Node> items;                             // Array

    Node& add(const std::string& key, Node n)
    {
        members.emplace_back(key, std::move(n));
        return members.back().second;
    }
};

std::string quote(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    return out + "\"";
}

Node str(const std::string& s) { return Node{Node::Scalar, quote(s), {}, {}}; }
Node boolean(bool b) { return Node{Node::Scalar, b ? "true" : "false", {}, {}}; }
Node number(double d)
{
    if (!std::isfinite(d))
        return Node{Node::Scalar, "null", {}, {}};
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d); // shortest round-trip form
    return Node{Node::Scalar, std::string(buf, res.ptr), {}, {}};
}
Node integer(long long v) { return Node{Node::Scalar, std::to_string(v), {}, {}}; }
Node object() { return Node{Node::Object, {}, {}, {}}; }
template <class T, class F>
Node array(const std::vector<T>& values, F&& f)
{
    Node n{Node::Array, {}, {}, {}};
    for (const T& v : values)
        n.items.push_back(f(v));
    return n;
}

void render(const Node& n, int indent, std::string& out)
{
    const std::string pad(size_t(indent + 2), ' ');
    switch (n.kind) {
    case Node::Scalar:
        out += n.scalar;
        return;
    case Node::Array: {
        // Arrays of scalars stay on one line.
        out += "[";
        for (size_t i = 0; i < n.items.size(); ++i) {
            out += i ? ", " : "";
            render(n.items[i], indent, out);
        }
        out += "]";
        return;
    }
    case Node::Object:
        if (n.members.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (size_t i = 0; i < n.members.size(); ++i) {
            out += pad + quote(n.members[i].first) + ": ";
            render(n.members[i].second, indent + 2, out);
            out += i + 1 < n.members.size() ? ",\n" : "\n";
        }
        out += std::string(size_t(indent), ' ') + "}";
        return;
    }
}

} // namespace

std::string writeJsonObjectForErrors(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}

namespace {

// The Validator writes "field 'x.y': message"; pilots say "x.y: message" everywhere.
Error plainPath(Error e)
{
    const std::string prefix = "field '";
    if (e.message.rfind(prefix, 0) == 0) {
        const auto end = e.message.find("': ", prefix.size());
        if (end != std::string::npos)
            e.message = e.message.substr(prefix.size(), end - prefix.size()) + ": " + e.message.substr(end + 3);
    }
    return e;
}

Result<Pilot> parseImpl(const std::string& json, const std::string& fileName);

} // namespace

Result<Pilot> parsePilotJson(const std::string& json, const std::string& fileName)
{
    auto p = parseImpl(json, fileName);
    if (!p)
        return plainPath(p.error());
    return p;
}

namespace {

Result<Pilot> parseImpl(const std::string& json, const std::string& fileName)
{
    auto parsed = parseJsonObject(json, fileName, "a .qpilot document must be a JSON object");
    if (!parsed)
        return parsed.error();
    const QJsonObject root = parsed.value();
    const Validator v(json, fileName);
    int version = 0;
    const char* versionKey = root.contains("schema_version") ? "schema_version" : "version";
    const QJsonValue vv = root.value(versionKey);
    if (vv.isUndefined())
        return v.error("schema_version", "missing (this build writes schema_version " + std::to_string(kSchemaVersion) + ")");
    if (!vv.isDouble() || vv.toDouble() != std::floor(vv.toDouble()) || vv.toDouble() < 1)
        return v.error(versionKey, "must be a whole number >= 1");
    if (vv.toDouble() > kSchemaVersion)
        return v.error(versionKey, "schema version " + detail::fmt(vv.toDouble()) + " is newer than this build of Qpilot reads (1.."
                                       + std::to_string(kSchemaVersion) + "); open it with a newer Qpilot");
    version = int(vv.toDouble());
    if (version == 2 && root.contains("version"))
        return v.error("version", "unknown field in a schema-2 pilot (the version key is 'schema_version')");
    Pilot p;
    p.devices.clear();
    if (version == 1) {
        auto migrated = migrateV1(root, v);
        if (!migrated)
            return migrated.error();
        // Fields are checked again under their schema-2 names; errors say so.
        const std::string text = writeJsonObjectForErrors(migrated.value());
        const Validator mv(text, fileName + " (migrated from schema 1)");
        if (auto e = readV2(migrated.value(), mv, p))
            return *e;
    } else {
        if (auto e = readV2(root, v, p))
            return *e;
    }
    p.schemaVersion = kSchemaVersion;
    return p;
}

} // namespace

std::string writePilot(const Pilot& p)
{
    Node root = object();
    root.add("schema_version", integer(kSchemaVersion));
    root.add("name", str(p.name));
    root.add("title", str(p.title));
    root.add("description", str(p.description));
    Node& d = root.add("dataset", object());
    d.add("source", str(p.dataset.source));
    d.add("label_column", str(p.dataset.labelColumn));
    if (!p.dataset.ignoreColumns.empty()) // written only when used, so older pilots keep their text
        d.add("ignore_columns", array(p.dataset.ignoreColumns, [](const std::string& c) { return str(c); }));
    d.add("impute", str(p.dataset.impute));
    d.add("classes", array(p.dataset.classes, [](int c) { return integer(c); }));
    d.add("fingerprint", str(p.dataset.fingerprint));
    Node& pre = root.add("preprocessing", object());
    pre.add("test_fraction", number(p.preprocessing.testFraction));
    pre.add("pca", integer(p.preprocessing.pca));
    pre.add("standardize", boolean(p.preprocessing.standardize));
    Node& c = root.add("circuit", object());
    c.add("encoding", str(p.circuit.encoding));
    c.add("reps", integer(p.circuit.reps));
    c.add("ansatz", str(p.circuit.ansatz));
    c.add("custom_qasm", str(p.circuit.customQasm));
    Node& m = root.add("model", object());
    m.add("kind", str(p.model.kind));
    m.add("optimizer", str(p.model.optimizer));
    m.add("epochs", integer(p.model.epochs));
    m.add("learning_rate", number(p.model.learningRate));
    m.add("baselines", array(p.model.baselines, [](const std::string& s) { return str(s); }));
    m.add("folds", integer(p.model.folds));
    root.add("devices", array(p.devices, [](const std::string& s) { return str(s); }));
    root.add("mitigation", str(p.mitigation));
    root.add("shots", integer(p.shots));
    root.add("seed", p.seed < (std::uint64_t(1) << 53) ? integer(static_cast<long long>(p.seed)) : str(std::to_string(p.seed)));
    root.add("reproducibility_seeds", integer(p.reproducibilitySeeds));
    Node& o = root.add("objectives", object());
    o.add("max_latency_s", number(p.objectives.maxLatencySeconds));
    o.add("max_cost_per_1k_usd", number(p.objectives.maxCostPer1kUsd));
    o.add("min_accuracy_delta", number(p.objectives.minAccuracyDelta));
    o.add("reproducibility_tolerance", number(p.objectives.reproducibilityTolerance));
    o.add("production_rows", integer(p.objectives.productionRows));
    o.add("inferences_per_month", integer(p.objectives.inferencesPerMonth));
    Node& k = root.add("cost", object());
    k.add("plan", str(p.cost.plan));
    k.add("queue_s", p.cost.queueSeconds ? number(*p.cost.queueSeconds) : Node{Node::Scalar, "null", {}, {}});
    k.add("classical_instance", str(p.cost.classicalInstance));
    k.add("classical_usd_per_hour", number(p.cost.classicalUsdPerHour));
    k.add("classical_throughput_per_s", number(p.cost.classicalThroughputPerSecond));
    k.add("price_files", array(p.cost.priceFiles, [](const std::string& s) { return str(s); }));
    const readiness::Thresholds& t = p.thresholds;
    Node& th = root.add("thresholds", object());
    Node& bands = th.add("bands", object());
    bands.add("green", number(t.bands.green));
    bands.add("red", number(t.bands.red));
    th.add("success_good", number(t.successGood));
    th.add("success_bad", number(t.successBad));
    th.add("overhead_good", number(t.overheadGood));
    th.add("overhead_bad", number(t.overheadBad));
    th.add("two_qubit_gates_good", number(t.twoQubitGatesGood));
    th.add("two_qubit_gates_bad", number(t.twoQubitGatesBad));
    th.add("gap_good", number(t.gapGood));
    th.add("gap_bad", number(t.gapBad));
    th.add("training_executions_good", number(t.trainingExecutionsGood));
    th.add("training_executions_bad", number(t.trainingExecutionsBad));
    th.add("objective_good_fraction", number(t.objectiveGoodFraction));
    th.add("objective_bad_multiple", number(t.objectiveBadMultiple));
    th.add("spread_good_fraction", number(t.spreadGoodFraction));
    th.add("spread_bad_multiple", number(t.spreadBadMultiple));
    th.add("mitigated_error_good", number(t.mitigatedErrorGood));
    th.add("mitigated_error_bad", number(t.mitigatedErrorBad));
    th.add("weights", array(std::vector<double>(t.weights.begin(), t.weights.end()), [](double w) { return number(w); }));
    th.add("max_amber_for_production", integer(t.maxAmberForProduction));
    th.add("max_red_for_piloting", integer(t.maxRedForPiloting));
    th.add("fixable_factor", number(t.fixableFactor));
    std::string out;
    render(root, 0, out);
    return out + "\n";
}

} // namespace qpilot::pilot
