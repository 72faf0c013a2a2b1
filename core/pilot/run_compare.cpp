// core/pilot/run_compare.cpp — the result digest used by "reproduce run" and the field-by-field
// comparison of two runs' results, both over the results-only JSON object of run_results.h
// (identity, provenance and measured timings left out; see run_json.cpp).
#include "core/common/hash.h"
#include "core/pilot/run.h"
#include "core/pilot/run_results.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace qpilot::pilot {

namespace {

// ---- comparing -----------------------------------------------------------------------------

// Objects whose keys are data (bitstrings, device ids), shown as ['key'] in paths.
bool isMapField(const QString& key) { return key == QLatin1String("counts") || key == QLatin1String("transpiledTwoQubitGates"); }

std::string shown(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return v.toBool() ? "true" : "false";
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::fabs(d) < 9.007199254740992e15)
            return std::to_string(v.toInteger());
        return QByteArray::number(d, 'g', QLocale::FloatingPointShortest).toStdString();
    }
    case QJsonValue::String: {
        std::string s = v.toString().toStdString();
        if (s.size() > 60)
            s = s.substr(0, 57) + "...";
        return "'" + s + "'";
    }
    case QJsonValue::Array: return "[" + std::to_string(v.toArray().size()) + " items]";
    case QJsonValue::Object: return "{...}";
    case QJsonValue::Undefined: return "absent";
    }
    return "?";
}

// Strings that stand for doubles ("NaN", "-0", ...) and numbers compare by value type, so a
// NaN vs 0.5 difference shows as "NaN vs 0.5".
void compareValues(const QJsonValue& a, const QJsonValue& b, const std::string& path, bool mapKeys,
                   std::vector<std::string>& out, int limit)
{
    if (int(out.size()) >= limit)
        return;
    if (a.isObject() && b.isObject()) {
        const QJsonObject oa = a.toObject(), ob = b.toObject();
        std::set<QString> keys;
        for (auto it = oa.begin(); it != oa.end(); ++it)
            keys.insert(it.key());
        for (auto it = ob.begin(); it != ob.end(); ++it)
            keys.insert(it.key());
        for (const QString& k : keys) {
            const std::string child = mapKeys ? path + "['" + k.toStdString() + "']"
                                              : (path.empty() ? k.toStdString() : path + "." + k.toStdString());
            compareValues(oa.value(k), ob.value(k), child, isMapField(k), out, limit);
        }
        return;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray aa = a.toArray(), ab = b.toArray();
        if (aa.size() != ab.size())
            out.push_back(path + ": " + std::to_string(aa.size()) + " vs " + std::to_string(ab.size()) + " items");
        for (int i = 0; i < std::min(aa.size(), ab.size()); ++i)
            compareValues(aa[i], ab[i], path + "[" + std::to_string(i) + "]", false, out, limit);
        return;
    }
    if (a != b || a.type() != b.type())
        out.push_back(path + ": " + shown(a) + " vs " + shown(b));
}

} // namespace

std::string resultDigest(const PilotRun& run)
{
    return sha256Hex(QJsonDocument(resultsObject(run)).toJson(QJsonDocument::Compact).toStdString());
}

std::vector<std::string> compareResults(const PilotRun& a, const PilotRun& b, int limit)
{
    std::vector<std::string> out;
    if (limit <= 0)
        return out;
    compareValues(resultsObject(a), resultsObject(b), "", false, out, limit);
    return out;
}

} // namespace qpilot::pilot
