// core/pilot/run_json.cpp — the canonical JSON of a PilotRun and its validating inverse, and the
// results-only object (run_results.h) that run_compare.cpp digests and compares.
//
// Canonical form: a JSON object whose keys are the C++ member names (QJsonObject keeps them
// sorted, so the text is stable), indented, with a "format" number. Doubles are written in the
// shortest form that reads back bit-identically (QJsonDocument); the values JSON cannot hold
// are strings: NaN → "NaN", ±∞ → "Infinity"/"-Infinity" and −0 → "-0" (so even the sign of
// zero survives). 64-bit seeds are decimal strings (JSON numbers lose precision above 2^53).
// The result digest is the SHA-256 of the compact JSON of the result fields only (Scope::Results:
// no identity or provenance — pilot name/file, configuration, seed, versions, user, times,
// status, stop reason, stages, dataset source path, warnings — and no measured timings or
// throughputs: tuneSeconds, fitSeconds, inferenceSamplesPerSecond, seeds[].trainSeconds,
// devices[].transpileSeconds). Fields added later (kernelSample*, devices[].zne,
// techniqueOverheads, successByDepth) may be absent in older stored runs and read as empty.
#include "core/pilot/run.h"
#include "core/pilot/run_results.h"

#include "core/common/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <limits>

namespace qpilot::pilot {

namespace {

constexpr int kRunJsonFormat = 1;

// Which fields are written: everything, or only the results (digest, comparison).
enum class Scope { Full, Results };

QString q(const std::string& s) { return QString::fromStdString(s); }

QJsonValue num(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (v == 0 && std::signbit(v))
        return QStringLiteral("-0");
    return v;
}

QJsonValue optionalNum(const std::optional<double>& v) { return v ? num(*v) : QJsonValue(QJsonValue::Null); }

QJsonArray strings(const std::vector<std::string>& list)
{
    QJsonArray a;
    for (const std::string& s : list)
        a.append(q(s));
    return a;
}

QJsonArray params(const std::vector<ml::HyperParameter>& list)
{
    QJsonArray a;
    for (const ml::HyperParameter& p : list)
        a.append(QJsonObject{{"name", q(p.name)}, {"value", q(p.value)}});
    return a;
}

QJsonObject modelJson(const ml::ModelReport& m, Scope scope)
{
    QJsonArray grid;
    for (const ml::GridPoint& g : m.grid)
        grid.append(QJsonObject{{"params", params(g.params)}, {"cvAccuracy", num(g.cvAccuracy)}, {"cvStd", num(g.cvStd)}});
    QJsonArray confusion;
    for (const std::vector<int>& row : m.metrics.confusion) {
        QJsonArray r;
        for (int c : row)
            r.append(c);
        confusion.append(r);
    }
    QJsonArray predictions;
    for (int p : m.predictions)
        predictions.append(p);
    QJsonObject o{{"model", q(m.model)},
                  {"description", q(m.description)},
                  {"best", params(m.best)},
                  {"grid", grid},
                  {"folds", m.folds},
                  {"trainRows", m.trainRows},
                  {"testRows", m.testRows},
                  {"metrics", QJsonObject{{"accuracy", num(m.metrics.accuracy)},
                                          {"balancedAccuracy", num(m.metrics.balancedAccuracy)},
                                          {"f1", num(m.metrics.f1)},
                                          {"f1Macro", num(m.metrics.f1Macro)},
                                          {"rocAuc", num(m.metrics.rocAuc)},
                                          {"confusion", confusion}}},
                  {"predictions", predictions},
                  {"circuitExecutionsPerPrediction", num(m.circuitExecutionsPerPrediction)}};
    if (scope == Scope::Full) {
        o["tuneSeconds"] = num(m.tuneSeconds);
        o["fitSeconds"] = num(m.fitSeconds);
        o["inferenceSamplesPerSecond"] = num(m.inferenceSamplesPerSecond);
    }
    return o;
}

QJsonArray reals(const std::vector<double>& list)
{
    QJsonArray a;
    for (double v : list)
        a.append(num(v));
    return a;
}

QJsonObject zneJson(const ZneSeries& z)
{
    return QJsonObject{{"factors", reals(z.factors)},           {"values", reals(z.values)},
                       {"stdErrors", reals(z.stdErrors)},       {"method", q(z.method)},
                       {"estimate", num(z.estimate)},           {"stdError", num(z.stdError)},
                       {"curveFactors", reals(z.curveFactors)}, {"curveValues", reals(z.curveValues)}};
}

QJsonObject deviceJson(const DeviceOutcome& d, Scope scope)
{
    QJsonArray overheads;
    for (const TechniqueOverhead& t : d.techniqueOverheads)
        overheads.append(QJsonObject{{"technique", q(t.technique)},
                                     {"shotMultiplier", num(t.shotMultiplier)},
                                     {"timeMultiplier", optionalNum(t.timeMultiplier)},
                                     {"circuits", t.circuits},
                                     {"error", q(t.error)}});
    QJsonArray depth;
    for (const DepthPoint& p : d.successByDepth)
        depth.append(QJsonObject{{"layers", p.layers},
                                 {"depth", p.depth},
                                 {"twoQubitGates", p.twoQubitGates},
                                 {"successProbability", optionalNum(p.successProbability)}});
    QJsonObject counts;
    for (const auto& [bits, n] : d.counts)
        counts[q(bits)] = qint64(n);
    QJsonObject o{{"deviceId", q(d.deviceId)},
                  {"deviceName", q(d.deviceName)},
                  {"provider", q(d.provider)},
                  {"calibrationSource", q(d.calibrationSource)},
                  {"error", q(d.error)},
                  {"logicalQubits", d.logicalQubits},
                  {"oneQubitGates", d.oneQubitGates},
                  {"twoQubitGates", d.twoQubitGates},
                  {"depth", d.depth},
                  {"twoQubitDepth", d.twoQubitDepth},
                  {"durationSeconds", num(d.durationSeconds)},
                  {"successProbability", num(d.successProbability)},
                  {"successProbabilityKnown", d.successProbabilityKnown},
                  {"transpiledQasm", q(d.transpiledQasm)},
                  {"noisyAccuracy", num(d.noisyAccuracy)},
                  {"mitigationPlan", q(d.mitigationPlan)},
                  {"observable", q(d.observable)},
                  {"idealValue", num(d.idealValue)},
                  {"noisyValue", num(d.noisyValue)},
                  {"mitigatedValue", num(d.mitigatedValue)},
                  {"mitigatedStdError", num(d.mitigatedStdError)},
                  {"shotMultiplier", num(d.shotMultiplier)},
                  {"timeMultiplier", num(d.timeMultiplier)},
                  {"circuitsPerExecution", d.circuitsPerExecution},
                  {"counts", counts},
                  {"priceKey", q(d.priceKey)},
                  {"pricePlan", q(d.pricePlan)},
                  {"priceDate", q(d.priceDate)},
                  {"priceSource", q(d.priceSource)},
                  {"costPer1kUsd", num(d.costPer1kUsd)},
                  {"costPer1kUnmitigatedUsd", num(d.costPer1kUnmitigatedUsd)},
                  {"costFormula", q(d.costFormula)},
                  {"latencyCompile", num(d.latencyCompile)},
                  {"latencyQueue", num(d.latencyQueue)},
                  {"latencyNetwork", num(d.latencyNetwork)},
                  {"latencyExecution", optionalNum(d.latencyExecution)},
                  {"latencySeconds", optionalNum(d.latencySeconds)},
                  {"circuitExecutionsPerInference", num(d.circuitExecutionsPerInference)},
                  {"notes", strings(d.notes)},
                  {"zne", zneJson(d.zne)},
                  {"techniqueOverheads", overheads},
                  {"successByDepth", depth}};
    if (scope == Scope::Full)
        o["transpileSeconds"] = num(d.transpileSeconds);
    return o;
}

QJsonObject runObject(const PilotRun& r, Scope scope)
{
    QJsonArray baselines;
    for (const ml::ModelReport& m : r.baselines)
        baselines.append(modelJson(m, scope));
    QJsonArray seeds;
    for (const SeedOutcome& s : r.seeds) {
        QJsonObject o{{"seed", QString::number(s.seed)}, {"accuracy", num(s.accuracy)}, {"f1", num(s.f1)}};
        if (scope == Scope::Full)
            o["trainSeconds"] = num(s.trainSeconds);
        seeds.append(o);
    }
    QJsonArray devices;
    for (const DeviceOutcome& d : r.devices)
        devices.append(deviceJson(d, scope));
    QJsonArray curve;
    for (const EncodingPoint& p : r.encodingCurve) {
        QJsonObject transpiled;
        for (const auto& [id, n] : p.transpiledTwoQubitGates)
            transpiled[q(id)] = n;
        curve.append(QJsonObject{{"features", p.features}, {"qubits", p.qubits}, {"twoQubitGates", p.twoQubitGates},
                                 {"depth", p.depth}, {"transpiledTwoQubitGates", transpiled}});
    }
    QJsonArray loss;
    for (double v : r.trainingLoss)
        loss.append(num(v));

    QJsonObject o{{"datasetName", q(r.datasetName)},
                  {"datasetFingerprint", q(r.datasetFingerprint)},
                  {"rows", r.rows},
                  {"features", r.features},
                  {"classes", r.classes},
                  {"trainRows", r.trainRows},
                  {"testRows", r.testRows},
                  {"encodedFeatures", r.encodedFeatures},
                  {"preprocessing", q(r.preprocessing)},
                  {"circuitQasm", q(r.circuitQasm)},
                  {"circuitHash", q(r.circuitHash)},
                  {"circuitDescription", q(r.circuitDescription)},
                  {"baselines", baselines},
                  {"bestBaseline", r.bestBaseline},
                  {"quantum", modelJson(r.quantum, scope)},
                  {"trainingExecutions", qint64(r.trainingExecutions)},
                  {"kernelAlignment", num(r.kernelAlignment)},
                  {"kernelOffDiagonalMean", num(r.kernelOffDiagonalMean)},
                  {"kernelOffDiagonalVariance", num(r.kernelOffDiagonalVariance)},
                  {"trainingLoss", loss},
                  {"kernelSampleRows", r.kernelSampleRows},
                  {"kernelSample", reals(r.kernelSample)},
                  {"seeds", seeds},
                  {"accuracySpread", num(r.accuracySpread)},
                  {"accuracyStd", num(r.accuracyStd)},
                  {"devices", devices},
                  {"encodingCurve", curve},
                  {"classicalPer1kUsd", num(r.classicalPer1kUsd)},
                  {"classicalServerlessPer1kUsd", num(r.classicalServerlessPer1kUsd)},
                  {"classicalLatencySeconds", num(r.classicalLatencySeconds)},
                  {"priceTablesUsed", q(r.priceTablesUsed)}};
    if (scope == Scope::Full) {
        QJsonArray stages;
        for (const StageRecord& s : r.stages)
            stages.append(QJsonObject{{"stage", stageKey(s.stage)}, {"status", q(s.status)}, {"seconds", num(s.seconds)},
                                      {"message", q(s.message)}});
        o["format"] = kRunJsonFormat;
        o["pilotName"] = q(r.pilotName);
        o["pilotFile"] = q(r.pilotFile);
        o["configurationJson"] = q(r.configurationJson);
        o["seed"] = QString::number(r.seed);
        o["appVersion"] = q(r.appVersion);
        o["buildId"] = q(r.buildId);
        o["user"] = q(r.user);
        o["startedAt"] = q(r.startedAt);
        o["finishedAt"] = q(r.finishedAt);
        o["status"] = runStatusKey(r.status);
        o["stopReason"] = q(r.stopReason);
        o["stages"] = stages;
        o["datasetSource"] = q(r.datasetSource);
        o["warnings"] = strings(r.warnings);
    }
    return o;
}

// ---- reading -------------------------------------------------------------------------------

// Reads typed fields of one JSON object; the first problem is kept with the field's full path.
class Reader {
public:
    Reader(const QJsonObject& o, std::string path, std::optional<Error>& error) : m_o(o), m_path(std::move(path)), m_error(error) {}

    std::string field(const char* key) const { return m_path.empty() ? key : m_path + "." + key; }
    bool failed() const { return m_error.has_value(); }
    void fail(const std::string& where, const std::string& what)
    {
        if (!m_error)
            m_error = Error("run JSON: " + where + ": " + what);
    }

    const QJsonValue* get(const char* key)
    {
        if (failed())
            return nullptr;
        auto it = m_o.constFind(QLatin1String(key));
        if (it == m_o.constEnd()) {
            fail(field(key), "missing");
            return nullptr;
        }
        m_hold = it.value();
        return &m_hold;
    }

    // Fields added after format 1 was first written: absent in older runs, read as empty.
    bool has(const char* key) const { return m_o.contains(QLatin1String(key)); }
    void reals(const char* key, std::vector<double>& out)
    {
        const QJsonArray a = array(key);
        out.clear();
        for (int i = 0; i < a.size() && !failed(); ++i) {
            double v = 0;
            readReal(a[i], field(key) + "[" + std::to_string(i) + "]", v);
            out.push_back(v);
        }
    }

    void str(const char* key, std::string& out)
    {
        if (const QJsonValue* v = get(key)) {
            if (!v->isString())
                return fail(field(key), "expected a string");
            out = v->toString().toStdString();
        }
    }
    void boolean(const char* key, bool& out)
    {
        if (const QJsonValue* v = get(key)) {
            if (!v->isBool())
                return fail(field(key), "expected true or false");
            out = v->toBool();
        }
    }
    template <class Int>
    void integer(const char* key, Int& out)
    {
        if (const QJsonValue* v = get(key))
            readInteger(*v, field(key), out);
    }
    template <class Int>
    void readInteger(const QJsonValue& v, const std::string& where, Int& out)
    {
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        if (!v.isDouble() || double(i) != d || i < qint64(std::numeric_limits<Int>::min()) || i > qint64(std::numeric_limits<Int>::max()))
            return fail(where, "expected an integer");
        out = Int(i);
    }
    void real(const char* key, double& out)
    {
        if (const QJsonValue* v = get(key))
            readReal(*v, field(key), out);
    }
    void readReal(const QJsonValue& v, const std::string& where, double& out)
    {
        if (v.isDouble()) {
            out = v.toDouble();
            return;
        }
        const QString s = v.toString();
        if (s == QLatin1String("NaN"))
            out = std::numeric_limits<double>::quiet_NaN();
        else if (s == QLatin1String("Infinity"))
            out = std::numeric_limits<double>::infinity();
        else if (s == QLatin1String("-Infinity"))
            out = -std::numeric_limits<double>::infinity();
        else if (s == QLatin1String("-0"))
            out = -0.0;
        else
            fail(where, "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\", \"-0\")");
    }
    void optionalReal(const char* key, std::optional<double>& out)
    {
        if (const QJsonValue* v = get(key)) {
            if (v->isNull()) {
                out.reset();
                return;
            }
            double d = 0;
            readReal(*v, field(key), d);
            out = d;
        }
    }
    void seed(const char* key, std::uint64_t& out)
    {
        if (const QJsonValue* v = get(key)) {
            bool ok = false;
            const QString s = v->toString();
            out = s.toULongLong(&ok);
            if (!v->isString() || !ok || s.isEmpty() || !s[0].isDigit())
                fail(field(key), "expected an unsigned 64-bit integer as a decimal string");
        }
    }
    QJsonArray array(const char* key)
    {
        const QJsonValue* v = get(key);
        if (!v)
            return {};
        if (!v->isArray()) {
            fail(field(key), "expected an array");
            return {};
        }
        return v->toArray();
    }
    QJsonObject object(const char* key)
    {
        const QJsonValue* v = get(key);
        if (!v)
            return {};
        if (!v->isObject()) {
            fail(field(key), "expected an object");
            return {};
        }
        return v->toObject();
    }
    // Element `i` of array `key` as an object (its path is key[i]).
    QJsonObject element(const QJsonArray& a, const char* key, int i, std::string& path)
    {
        path = field(key) + "[" + std::to_string(i) + "]";
        if (!a[i].isObject()) {
            fail(path, "expected an object");
            return {};
        }
        return a[i].toObject();
    }
    void strings(const char* key, std::vector<std::string>& out)
    {
        const QJsonArray a = array(key);
        out.clear();
        for (int i = 0; i < a.size() && !failed(); ++i) {
            if (!a[i].isString())
                return fail(field(key) + "[" + std::to_string(i) + "]", "expected a string");
            out.push_back(a[i].toString().toStdString());
        }
    }
    void params(const char* key, std::vector<ml::HyperParameter>& out)
    {
        const QJsonArray a = array(key);
        out.clear();
        for (int i = 0; i < a.size() && !failed(); ++i) {
            std::string path;
            const QJsonObject o = element(a, key, i, path);
            Reader p(o, path, m_error);
            ml::HyperParameter h;
            p.str("name", h.name);
            p.str("value", h.value);
            out.push_back(h);
        }
    }
    std::optional<Error>& error() { return m_error; }

private:
    QJsonObject m_o;
    std::string m_path;
    std::optional<Error>& m_error;
    QJsonValue m_hold;
};

void readModel(Reader& parent, const QJsonObject& o, const std::string& path, ml::ModelReport& m)
{
    Reader r(o, path, parent.error());
    r.str("model", m.model);
    r.str("description", m.description);
    r.params("best", m.best);
    const QJsonArray grid = r.array("grid");
    m.grid.clear();
    for (int i = 0; i < grid.size() && !r.failed(); ++i) {
        std::string p;
        const QJsonObject gObject = r.element(grid, "grid", i, p);
        Reader g(gObject, p, r.error());
        ml::GridPoint point;
        g.params("params", point.params);
        g.real("cvAccuracy", point.cvAccuracy);
        g.real("cvStd", point.cvStd);
        m.grid.push_back(point);
    }
    r.integer("folds", m.folds);
    r.integer("trainRows", m.trainRows);
    r.integer("testRows", m.testRows);
    Reader mt(r.object("metrics"), r.field("metrics"), r.error());
    mt.real("accuracy", m.metrics.accuracy);
    mt.real("balancedAccuracy", m.metrics.balancedAccuracy);
    mt.real("f1", m.metrics.f1);
    mt.real("f1Macro", m.metrics.f1Macro);
    mt.real("rocAuc", m.metrics.rocAuc);
    const QJsonArray confusion = mt.array("confusion");
    m.metrics.confusion.clear();
    for (int i = 0; i < confusion.size() && !r.failed(); ++i) {
        const std::string rowPath = mt.field("confusion") + "[" + std::to_string(i) + "]";
        if (!confusion[i].isArray()) {
            r.fail(rowPath, "expected an array");
            break;
        }
        std::vector<int> row;
        const QJsonArray cells = confusion[i].toArray();
        for (int j = 0; j < cells.size() && !r.failed(); ++j) {
            int c = 0;
            r.readInteger(cells[j], rowPath + "[" + std::to_string(j) + "]", c);
            row.push_back(c);
        }
        m.metrics.confusion.push_back(row);
    }
    const QJsonArray predictions = r.array("predictions");
    m.predictions.clear();
    for (int i = 0; i < predictions.size() && !r.failed(); ++i) {
        int p = 0;
        r.readInteger(predictions[i], r.field("predictions") + "[" + std::to_string(i) + "]", p);
        m.predictions.push_back(p);
    }
    r.real("tuneSeconds", m.tuneSeconds);
    r.real("fitSeconds", m.fitSeconds);
    r.real("inferenceSamplesPerSecond", m.inferenceSamplesPerSecond);
    r.real("circuitExecutionsPerPrediction", m.circuitExecutionsPerPrediction);
}

void readDevice(Reader& r, DeviceOutcome& d)
{
    r.str("deviceId", d.deviceId);
    r.str("deviceName", d.deviceName);
    r.str("provider", d.provider);
    r.str("calibrationSource", d.calibrationSource);
    r.str("error", d.error);
    r.integer("logicalQubits", d.logicalQubits);
    r.integer("oneQubitGates", d.oneQubitGates);
    r.integer("twoQubitGates", d.twoQubitGates);
    r.integer("depth", d.depth);
    r.integer("twoQubitDepth", d.twoQubitDepth);
    r.real("durationSeconds", d.durationSeconds);
    r.real("successProbability", d.successProbability);
    r.boolean("successProbabilityKnown", d.successProbabilityKnown);
    r.real("transpileSeconds", d.transpileSeconds);
    r.str("transpiledQasm", d.transpiledQasm);
    r.real("noisyAccuracy", d.noisyAccuracy);
    r.str("mitigationPlan", d.mitigationPlan);
    r.str("observable", d.observable);
    r.real("idealValue", d.idealValue);
    r.real("noisyValue", d.noisyValue);
    r.real("mitigatedValue", d.mitigatedValue);
    r.real("mitigatedStdError", d.mitigatedStdError);
    r.real("shotMultiplier", d.shotMultiplier);
    r.real("timeMultiplier", d.timeMultiplier);
    r.integer("circuitsPerExecution", d.circuitsPerExecution);
    const QJsonObject counts = r.object("counts");
    d.counts.clear();
    for (auto it = counts.begin(); it != counts.end() && !r.failed(); ++it) {
        std::int64_t n = 0;
        r.readInteger(it.value(), r.field("counts") + "['" + it.key().toStdString() + "']", n);
        d.counts[it.key().toStdString()] = n;
    }
    r.str("priceKey", d.priceKey);
    r.str("pricePlan", d.pricePlan);
    r.str("priceDate", d.priceDate);
    r.str("priceSource", d.priceSource);
    r.real("costPer1kUsd", d.costPer1kUsd);
    r.real("costPer1kUnmitigatedUsd", d.costPer1kUnmitigatedUsd);
    r.str("costFormula", d.costFormula);
    r.real("latencyCompile", d.latencyCompile);
    r.real("latencyQueue", d.latencyQueue);
    r.real("latencyNetwork", d.latencyNetwork);
    r.optionalReal("latencyExecution", d.latencyExecution);
    r.optionalReal("latencySeconds", d.latencySeconds);
    r.real("circuitExecutionsPerInference", d.circuitExecutionsPerInference);
    r.strings("notes", d.notes);
    if (r.has("zne")) {
        Reader z(r.object("zne"), r.field("zne"), r.error());
        z.reals("factors", d.zne.factors);
        z.reals("values", d.zne.values);
        z.reals("stdErrors", d.zne.stdErrors);
        z.str("method", d.zne.method);
        z.real("estimate", d.zne.estimate);
        z.real("stdError", d.zne.stdError);
        z.reals("curveFactors", d.zne.curveFactors);
        z.reals("curveValues", d.zne.curveValues);
        if (!z.failed() && (d.zne.values.size() != d.zne.factors.size() || d.zne.stdErrors.size() != d.zne.factors.size()
                            || d.zne.curveValues.size() != d.zne.curveFactors.size()))
            z.fail(r.field("zne"), "factors, values and stdErrors (and curveFactors, curveValues) must have equal lengths");
    }
    if (r.has("techniqueOverheads")) {
        const QJsonArray a = r.array("techniqueOverheads");
        for (int i = 0; i < a.size() && !r.failed(); ++i) {
            std::string path;
            const QJsonObject o = r.element(a, "techniqueOverheads", i, path);
            Reader t(o, path, r.error());
            TechniqueOverhead to;
            t.str("technique", to.technique);
            t.real("shotMultiplier", to.shotMultiplier);
            t.optionalReal("timeMultiplier", to.timeMultiplier);
            t.integer("circuits", to.circuits);
            t.str("error", to.error);
            d.techniqueOverheads.push_back(to);
        }
    }
    if (r.has("successByDepth")) {
        const QJsonArray a = r.array("successByDepth");
        for (int i = 0; i < a.size() && !r.failed(); ++i) {
            std::string path;
            const QJsonObject o = r.element(a, "successByDepth", i, path);
            Reader t(o, path, r.error());
            DepthPoint p;
            t.integer("layers", p.layers);
            t.integer("depth", p.depth);
            t.integer("twoQubitGates", p.twoQubitGates);
            t.optionalReal("successProbability", p.successProbability);
            d.successByDepth.push_back(p);
        }
    }
}

} // namespace

std::string runToJson(const PilotRun& run)
{
    return QJsonDocument(runObject(run, Scope::Full)).toJson(QJsonDocument::Indented).toStdString();
}

Result<PilotRun> runFromJson(const std::string& json)
{
    Result<QJsonObject> parsed = parseJsonObject(json, "", "run JSON: the top level must be an object");
    if (!parsed)
        return parsed.error();
    std::optional<Error> error;
    Reader r(parsed.value(), "", error);
    PilotRun run;
    int format = 0;
    r.integer("format", format);
    if (!r.failed() && format != kRunJsonFormat)
        return Error("run JSON: format " + std::to_string(format) + " is not known to this build (it reads format " +
                     std::to_string(kRunJsonFormat) + ")");
    r.str("pilotName", run.pilotName);
    r.str("pilotFile", run.pilotFile);
    r.str("configurationJson", run.configurationJson);
    r.seed("seed", run.seed);
    r.str("appVersion", run.appVersion);
    r.str("buildId", run.buildId);
    r.str("user", run.user);
    r.str("startedAt", run.startedAt);
    r.str("finishedAt", run.finishedAt);
    std::string status;
    r.str("status", status);
    if (!r.failed()) {
        Result<RunStatus> s = runStatusFromKey(status);
        if (!s)
            r.fail("status", s.error().message);
        else
            run.status = s.value();
    }
    r.str("stopReason", run.stopReason);
    const QJsonArray stages = r.array("stages");
    for (int i = 0; i < stages.size() && !r.failed(); ++i) {
        std::string path;
        const QJsonObject sObject = r.element(stages, "stages", i, path);
        Reader s(sObject, path, error);
        StageRecord rec;
        std::string key;
        s.str("stage", key);
        bool known = false;
        for (int k = 0; k < kStageCount; ++k)
            if (key == stageKey(Stage(k))) {
                rec.stage = Stage(k);
                known = true;
            }
        if (!known && !s.failed())
            s.fail(s.field("stage"), "unknown stage '" + key + "'");
        s.str("status", rec.status);
        s.real("seconds", rec.seconds);
        s.str("message", rec.message);
        run.stages.push_back(rec);
    }
    r.str("datasetName", run.datasetName);
    r.str("datasetSource", run.datasetSource);
    r.str("datasetFingerprint", run.datasetFingerprint);
    r.integer("rows", run.rows);
    r.integer("features", run.features);
    r.integer("classes", run.classes);
    r.integer("trainRows", run.trainRows);
    r.integer("testRows", run.testRows);
    r.integer("encodedFeatures", run.encodedFeatures);
    r.str("preprocessing", run.preprocessing);
    r.str("circuitQasm", run.circuitQasm);
    r.str("circuitHash", run.circuitHash);
    r.str("circuitDescription", run.circuitDescription);
    const QJsonArray baselines = r.array("baselines");
    for (int i = 0; i < baselines.size() && !r.failed(); ++i) {
        std::string path;
        const QJsonObject o = r.element(baselines, "baselines", i, path);
        ml::ModelReport m;
        readModel(r, o, path, m);
        run.baselines.push_back(m);
    }
    r.integer("bestBaseline", run.bestBaseline);
    const QJsonObject quantum = r.object("quantum");
    if (!r.failed())
        readModel(r, quantum, "quantum", run.quantum);
    r.integer("trainingExecutions", run.trainingExecutions);
    r.real("kernelAlignment", run.kernelAlignment);
    r.real("kernelOffDiagonalMean", run.kernelOffDiagonalMean);
    r.real("kernelOffDiagonalVariance", run.kernelOffDiagonalVariance);
    const QJsonArray loss = r.array("trainingLoss");
    for (int i = 0; i < loss.size() && !r.failed(); ++i) {
        double v = 0;
        r.readReal(loss[i], "trainingLoss[" + std::to_string(i) + "]", v);
        run.trainingLoss.push_back(v);
    }
    if (r.has("kernelSampleRows") || r.has("kernelSample")) {
        r.integer("kernelSampleRows", run.kernelSampleRows);
        r.reals("kernelSample", run.kernelSample);
        if (!r.failed() && (run.kernelSampleRows < 0
                            || run.kernelSample.size() != size_t(run.kernelSampleRows) * size_t(run.kernelSampleRows)))
            r.fail("kernelSample", "expected kernelSampleRows² = " + std::to_string(run.kernelSampleRows) + "² values, got "
                                       + std::to_string(run.kernelSample.size()));
    }
    const QJsonArray seeds = r.array("seeds");
    for (int i = 0; i < seeds.size() && !r.failed(); ++i) {
        std::string path;
        const QJsonObject sObject = r.element(seeds, "seeds", i, path);
        Reader s(sObject, path, error);
        SeedOutcome o;
        s.seed("seed", o.seed);
        s.real("accuracy", o.accuracy);
        s.real("f1", o.f1);
        s.real("trainSeconds", o.trainSeconds);
        run.seeds.push_back(o);
    }
    r.real("accuracySpread", run.accuracySpread);
    r.real("accuracyStd", run.accuracyStd);
    const QJsonArray devices = r.array("devices");
    for (int i = 0; i < devices.size() && !r.failed(); ++i) {
        std::string path;
        const QJsonObject dObject = r.element(devices, "devices", i, path);
        Reader d(dObject, path, error);
        DeviceOutcome o;
        readDevice(d, o);
        run.devices.push_back(o);
    }
    const QJsonArray curve = r.array("encodingCurve");
    for (int i = 0; i < curve.size() && !r.failed(); ++i) {
        std::string path;
        const QJsonObject pObject = r.element(curve, "encodingCurve", i, path);
        Reader p(pObject, path, error);
        EncodingPoint e;
        p.integer("features", e.features);
        p.integer("qubits", e.qubits);
        p.integer("twoQubitGates", e.twoQubitGates);
        p.integer("depth", e.depth);
        const QJsonObject t = p.object("transpiledTwoQubitGates");
        for (auto it = t.begin(); it != t.end() && !p.failed(); ++it) {
            int n = 0;
            p.readInteger(it.value(), p.field("transpiledTwoQubitGates") + "['" + it.key().toStdString() + "']", n);
            e.transpiledTwoQubitGates[it.key().toStdString()] = n;
        }
        run.encodingCurve.push_back(e);
    }
    r.real("classicalPer1kUsd", run.classicalPer1kUsd);
    r.real("classicalServerlessPer1kUsd", run.classicalServerlessPer1kUsd);
    r.real("classicalLatencySeconds", run.classicalLatencySeconds);
    r.str("priceTablesUsed", run.priceTablesUsed);
    r.strings("warnings", run.warnings);
    if (error)
        return *error;
    return run;
}

QJsonObject resultsObject(const PilotRun& run)
{
    return runObject(run, Scope::Results);
}

} // namespace qpilot::pilot
