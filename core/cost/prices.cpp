// core/cost/prices.cpp — the price tables: parsing and validating resources/prices/*.json
// (format_version 1; located errors via the device module's field reader), the embedded
// shipped tables, user overrides, and lookups by pricing key and plan.
#include "core/cost/builtin_prices.h"
#include "core/common/json.h"
#include "core/common/paths.h"
#include "core/cost/cost.h"
#include "core/device/json_fields.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace qpilot::cost {

using detail::Fields;
using detail::Validator;

const char* priceModelName(PriceModel m)
{
    switch (m) {
    case PriceModel::Free: return "free";
    case PriceModel::PerSecond: return "per_second";
    case PriceModel::PerTaskShot: return "per_task_shot";
    case PriceModel::Aqt: return "aqt";
    case PriceModel::Hqc: return "hqc";
    }
    return "?";
}

namespace {

std::optional<PriceModel> modelByName(const std::string& s)
{
    for (PriceModel m : {PriceModel::Free, PriceModel::PerSecond, PriceModel::PerTaskShot, PriceModel::Aqt, PriceModel::Hqc})
        if (s == priceModelName(m))
            return m;
    return std::nullopt;
}

bool isIsoDate(const std::string& s)
{
    return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
           std::all_of(s.begin(), s.end(), [i = 0](char c) mutable {
               const bool dash = i == 4 || i == 7;
               ++i;
               return dash ? c == '-' : std::isdigit(static_cast<unsigned char>(c)) != 0;
           });
}

// A price or parameter >= 0 (required unless `optional`). `positive` refuses 0 too.
std::optional<Error> price(Fields& f, const Validator& v, const std::string& key, double& out, bool required,
                           bool positive = false)
{
    std::optional<Error> err;
    const auto x = f.number(key, err);
    if (err)
        return err;
    if (!x) {
        if (required)
            return v.error(f.path(key), "missing (this price model needs it)");
        return std::nullopt;
    }
    if (!std::isfinite(*x) || *x < 0 || (positive && *x == 0))
        return v.error(f.path(key), std::string("must be ") + (positive ? "> 0" : ">= 0") + " (got "
                                        + detail::fmt(*x) + ")");
    out = *x;
    return std::nullopt;
}

std::optional<Error> requiredString(Fields& f, const Validator& v, const std::string& key, std::string& out)
{
    std::optional<Error> err;
    const auto s = f.string(key, err);
    if (err)
        return err;
    if (!s || s->empty())
        return v.error(f.path(key), "missing (every price carries its " + key + ")");
    out = *s;
    return std::nullopt;
}

std::optional<Error> readLatency(const QJsonValue& value, const std::string& path, const Validator& v,
                                 ProviderLatency& out)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return v.error(path, std::string("expected an object, got ") + detail::typeName(value));
    const QJsonObject obj = value.toObject();
    Fields f(obj, path, v);
    if (auto e = price(f, v, "queue_s", out.queueSeconds, false))
        return e;
    if (auto e = price(f, v, "round_trip_s", out.roundTripSeconds, false))
        return e;
    std::optional<Error> err;
    out.queueNote = f.string("queue_note", err).value_or("");
    if (err)
        return err;
    out.roundTripNote = f.string("round_trip_note", err).value_or("");
    if (err)
        return err;
    return f.unknownKeys();
}

std::optional<Error> readUsage(const QJsonValue& value, const Validator& v, IbmUsageRule& out)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return v.error("usage", std::string("expected an object, got ") + detail::typeName(value));
    const QJsonObject obj = value.toObject();
    Fields f(obj, "usage", v);
    if (auto e = price(f, v, "subjob_overhead_s", out.subjobOverheadSeconds, true))
        return e;
    if (auto e = price(f, v, "typical_circuit_s", out.typicalCircuitSeconds, true))
        return e;
    if (auto e = price(f, v, "default_rep_delay_s", out.defaultRepDelaySeconds, true))
        return e;
    if (auto e = price(f, v, "quick_rule_s_per_execution", out.quickRuleSecondsPerExecution, true))
        return e;
    if (auto e = requiredString(f, v, "source", out.source))
        return e;
    if (auto e = requiredString(f, v, "date", out.date))
        return e;
    if (!isIsoDate(out.date))
        return v.error("usage.date", "expected an ISO date YYYY-MM-DD (got '" + out.date + "')");
    return f.unknownKeys();
}

std::optional<Error> readRow(const QJsonObject& obj, const std::string& path, const Validator& v, PriceRow& r)
{
    Fields f(obj, path, v);
    std::string model;
    for (auto [key, target] : {std::pair<const char*, std::string*>{"key", &r.key}, {"plan", &r.plan},
                               {"name", &r.name}, {"model", &model}, {"date", &r.date}, {"source", &r.source}})
        if (auto e = requiredString(f, v, key, *target))
            return e;
    if (!isIsoDate(r.date))
        return v.error(f.path("date"), "expected an ISO date YYYY-MM-DD (got '" + r.date + "')");
    const auto m = modelByName(model);
    if (!m)
        return v.error(f.path("model"), "unknown price model '" + model
                                            + "' (expected free, per_second, per_task_shot, aqt or hqc)");
    r.model = *m;
    std::optional<Error> err;
    r.note = f.string("note", err).value_or("");
    if (err)
        return err;
    const QJsonValue def = f.raw("default");
    if (!def.isUndefined() && !def.isBool())
        return v.error(f.path("default"), std::string("expected a boolean, got ") + detail::typeName(def));
    r.isDefault = def.toBool(false);
    const bool sec = r.model == PriceModel::PerSecond, task = r.model == PriceModel::PerTaskShot,
               aqt = r.model == PriceModel::Aqt, hqc = r.model == PriceModel::Hqc;
    if (auto e = price(f, v, "usd_per_second", r.usdPerSecond, sec))
        return e;
    if (auto e = price(f, v, "billing_increment_s", r.billingIncrementSeconds, false))
        return e;
    double shot = -1;
    if (auto e = price(f, v, "assumed_shot_time_s", shot, false))
        return e;
    if (shot >= 0)
        r.assumedShotSeconds = shot;
    if (auto e = price(f, v, "free_seconds", r.freeSeconds, r.model == PriceModel::Free))
        return e;
    if (auto e = price(f, v, "usd_per_task", r.usdPerTask, task))
        return e;
    if (auto e = price(f, v, "usd_per_shot", r.usdPerShot, task))
        return e;
    double minShots = -1;
    if (auto e = price(f, v, "min_shots_error_mitigation", minShots, false))
        return e;
    if (minShots >= 0)
        r.minShotsErrorMitigation = std::int64_t(minShots);
    if (auto e = price(f, v, "c1_usd", r.c1, aqt))
        return e;
    if (auto e = price(f, v, "c2_usd", r.c2, aqt))
        return e;
    if (auto e = price(f, v, "m_em_on_usd", r.mEmOn, aqt))
        return e;
    if (auto e = price(f, v, "m_em_off_usd", r.mEmOff, aqt))
        return e;
    if (auto e = price(f, v, "usd_per_hqc", r.usdPerHqc, hqc))
        return e;
    if (auto e = price(f, v, "hqc_base", r.hqcBase, false))
        return e;
    if (auto e = price(f, v, "hqc_2q_weight", r.hqc2qWeight, false))
        return e;
    if (auto e = price(f, v, "hqc_measure_weight", r.hqcMeasureWeight, false))
        return e;
    if (auto e = price(f, v, "hqc_divisor", r.hqcDivisor, false, true))
        return e;
    return f.unknownKeys();
}

} // namespace

std::vector<const PriceRow*> PriceTable::rowsFor(const std::string& key) const
{
    std::vector<const PriceRow*> out;
    for (const PriceRow& r : rows)
        if (r.key == key)
            out.push_back(&r);
    std::stable_partition(out.begin(), out.end(), [](const PriceRow* r) { return r->isDefault; });
    return out;
}

Result<const PriceRow*> PriceTable::find(const std::string& key, const std::string& plan) const
{
    const auto candidates = rowsFor(key);
    if (candidates.empty()) {
        std::string keys;
        for (const PriceRow& r : rows)
            if (keys.find("'" + r.key + "'") == std::string::npos)
                keys += (keys.empty() ? "'" : ", '") + r.key + "'";
        return Error{"no price table row for pricing key '" + key + "' (known keys: " + keys + ")"};
    }
    if (plan.empty())
        return candidates.front();
    std::string plans;
    for (const PriceRow* r : candidates) {
        if (r->plan == plan)
            return r;
        plans += (plans.empty() ? "" : ", ") + r->plan;
    }
    return Error{"pricing key '" + key + "' has no plan '" + plan + "' (plans: " + plans + ")"};
}

std::optional<Error> loadPriceFile(const std::string& json, const std::string& fileName, PriceTable& into)
{
    auto parsed = parseJsonObject(json, fileName, "a price table must be a JSON object");
    if (!parsed)
        return parsed.error();
    const Validator v(json, fileName);
    const QJsonObject root = *parsed;
    Fields f(root, "", v);
    std::optional<Error> err;
    const auto version = f.number("format_version", err);
    if (err)
        return err;
    if (!version || *version != 1)
        return v.error("format_version", "must be 1");
    std::string provider, retrieved;
    if (auto e = requiredString(f, v, "provider", provider))
        return e;
    f.string("title", err);
    if (err)
        return err;
    if (auto e = requiredString(f, v, "retrieved", retrieved))
        return e;
    if (!isIsoDate(retrieved))
        return v.error("retrieved", "expected an ISO date YYYY-MM-DD (got '" + retrieved + "')");
    ProviderLatency latency;
    if (auto e = readLatency(f.raw("latency"), "latency", v, latency))
        return e;
    IbmUsageRule usage = into.ibm;
    const QJsonValue usageValue = f.raw("usage");
    if (auto e = readUsage(usageValue, v, usage))
        return e;
    const QJsonValue rowsValue = f.raw("rows");
    if (!rowsValue.isArray() || rowsValue.toArray().isEmpty())
        return v.error("rows", "expected a non-empty array of prices");
    if (auto e = f.unknownKeys())
        return e;
    std::vector<PriceRow> read;
    const QJsonArray rows = rowsValue.toArray();
    for (int i = 0; i < rows.size(); ++i) {
        const std::string path = "rows[" + std::to_string(i) + "]";
        if (!rows[i].isObject())
            return v.error(path, std::string("expected an object, got ") + detail::typeName(rows[i]));
        PriceRow r;
        if (auto e = readRow(rows[i].toObject(), path, v, r))
            return e;
        for (const PriceRow& o : read)
            if (o.key == r.key && o.plan == r.plan)
                return v.error(path + ".plan", "key '" + r.key + "' plan '" + r.plan + "' appears twice");
        r.provider = provider;
        r.file = fileName;
        r.latency = latency;
        read.push_back(std::move(r));
    }
    if (!usageValue.isUndefined() && !usageValue.isNull())
        into.ibm = usage;
    for (PriceRow& r : read) {
        auto same = std::find_if(into.rows.begin(), into.rows.end(),
                                 [&](const PriceRow& o) { return o.key == r.key && o.plan == r.plan; });
        if (same != into.rows.end())
            *same = std::move(r);
        else
            into.rows.push_back(std::move(r));
    }
    into.files.push_back(fileName);
    return std::nullopt;
}

PriceTable builtinPrices()
{
    PriceTable t;
    for (const detail::EmbeddedPriceFile* p = detail::embeddedPriceFiles(); p->fileName; ++p) {
        // The shipped tables are validated by tests/cost; a broken one is a build defect.
        if (auto e = loadPriceFile(p->json, std::string("resources/prices/") + p->fileName, t))
            t.files.push_back("(invalid: " + e->toString() + ")");
    }
    return t;
}

Result<PriceTable> loadPrices(const std::vector<std::string>& userFiles)
{
    PriceTable t = builtinPrices();
    for (const std::string& path : userFiles) {
        QFile file(QString::fromStdString(path));
        if (!file.open(QIODevice::ReadOnly))
            return Error{"cannot read price table: " + file.errorString().toStdString(), path};
        if (auto e = loadPriceFile(file.readAll().toStdString(), path, t))
            return *e;
    }
    return t;
}

std::string priceFileJson(const PriceRow& r)
{
    QJsonObject row;
    row["key"] = QString::fromStdString(r.key);
    row["plan"] = QString::fromStdString(r.plan);
    row["name"] = QString::fromStdString(r.name);
    row["model"] = QString::fromLatin1(priceModelName(r.model));
    if (r.isDefault)
        row["default"] = true;
    switch (r.model) {
    case PriceModel::Free: row["free_seconds"] = r.freeSeconds; break;
    case PriceModel::PerSecond: row["usd_per_second"] = r.usdPerSecond; break;
    case PriceModel::PerTaskShot:
        row["usd_per_task"] = r.usdPerTask;
        row["usd_per_shot"] = r.usdPerShot;
        break;
    case PriceModel::Aqt:
        row["c1_usd"] = r.c1;
        row["c2_usd"] = r.c2;
        row["m_em_on_usd"] = r.mEmOn;
        row["m_em_off_usd"] = r.mEmOff;
        break;
    case PriceModel::Hqc:
        row["usd_per_hqc"] = r.usdPerHqc;
        row["hqc_base"] = r.hqcBase;
        row["hqc_2q_weight"] = r.hqc2qWeight;
        row["hqc_measure_weight"] = r.hqcMeasureWeight;
        row["hqc_divisor"] = r.hqcDivisor;
        break;
    }
    if (r.billingIncrementSeconds > 0)
        row["billing_increment_s"] = r.billingIncrementSeconds;
    if (r.assumedShotSeconds)
        row["assumed_shot_time_s"] = *r.assumedShotSeconds;
    if (r.minShotsErrorMitigation)
        row["min_shots_error_mitigation"] = double(*r.minShotsErrorMitigation);
    row["date"] = QString::fromStdString(r.date);
    row["source"] = QString::fromStdString(r.source);
    if (!r.note.empty())
        row["note"] = QString::fromStdString(r.note);
    QJsonObject latency;
    latency["queue_s"] = r.latency.queueSeconds;
    latency["queue_note"] = QString::fromStdString(r.latency.queueNote);
    latency["round_trip_s"] = r.latency.roundTripSeconds;
    latency["round_trip_note"] = QString::fromStdString(r.latency.roundTripNote);
    QJsonObject file;
    file["format_version"] = 1;
    file["provider"] = QString::fromStdString(r.provider);
    file["title"] = QString::fromStdString(r.name);
    file["retrieved"] = QString::fromStdString(r.date);
    file["latency"] = latency;
    file["rows"] = QJsonArray{row};
    return QJsonDocument(file).toJson(QJsonDocument::Indented).toStdString();
}

std::string unitPricesText(const PriceRow& r)
{
    auto usd = [](double v) { return QStringLiteral("$") + QString::number(v, 'g', 6); };
    QString text;
    switch (r.model) {
    case PriceModel::Free: text = QStringLiteral("free, %1 s per 28 days").arg(r.freeSeconds); break;
    case PriceModel::PerSecond:
        text = usd(r.usdPerSecond) + QStringLiteral("/s")
               + (r.billingIncrementSeconds > 0 ? QStringLiteral(", billed per %1 s").arg(r.billingIncrementSeconds) : QString());
        break;
    case PriceModel::PerTaskShot: text = usd(r.usdPerTask) + QStringLiteral("/task + ") + usd(r.usdPerShot) + QStringLiteral("/shot"); break;
    case PriceModel::Aqt:
        text = QStringLiteral("%1/1q gate\u00b7shot, %2/2q gate\u00b7shot, min %3 (EM on) / %4 (off)")
                   .arg(usd(r.c1), usd(r.c2), usd(r.mEmOn), usd(r.mEmOff));
        break;
    case PriceModel::Hqc:
        text = QStringLiteral("%1/HQC, HQC = %2 + C(N1q + %3 N2q + %4 Nm)/%5")
                   .arg(usd(r.usdPerHqc))
                   .arg(r.hqcBase)
                   .arg(r.hqc2qWeight)
                   .arg(r.hqcMeasureWeight)
                   .arg(r.hqcDivisor);
        break;
    }
    return text.toStdString();
}

Result<PriceRow> scaledPriceCopy(const PriceRow& row, double factor, const std::string& today)
{
    if (!std::isfinite(factor) || factor <= 0)
        return Error{"the price factor must be a number > 0 (got " + detail::fmt(factor) + ")"};
    if (row.model == PriceModel::Free)
        return Error{row.name + " is free: it has no rates to scale"};
    if (!isIsoDate(today))
        return Error{"expected an ISO date YYYY-MM-DD (got '" + today + "')"};
    PriceRow c = row;
    for (double* rate : {&c.usdPerSecond, &c.usdPerTask, &c.usdPerShot, &c.c1, &c.c2, &c.mEmOn, &c.mEmOff, &c.usdPerHqc})
        *rate *= factor;
    const std::string times = "\u00d7" + detail::fmt(factor);
    c.name = row.name + " (what-if " + times + ")";
    c.source = "what-if " + times + " of " + row.source + " (" + row.date + ")";
    c.note = "what-if copy, every rate " + times + (row.note.empty() ? std::string() : "; original: " + row.note);
    c.date = today;
    c.file.clear();
    return c;
}

std::string defaultUserPriceStore() { return userDataPath("prices"); }

std::string userPriceFilePath(const PriceRow& row, const std::string& store)
{
    auto safe = [](std::string s) {
        for (char& c : s)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
                c = '_';
        return s;
    };
    return QDir(QString::fromStdString(store)).filePath(QString::fromStdString(safe(row.key) + "--" + safe(row.plan) + ".json")).toStdString();
}

Result<std::string> saveUserPriceFile(const PriceRow& row, const std::string& store)
{
    if (row.key.empty() || row.plan.empty())
        return Error{"a price needs its pricing key and plan"};
    const QString path = QString::fromStdString(userPriceFilePath(row, store));
    const std::string json = priceFileJson(row);
    PriceTable check; // the loader's rules, before anything is written
    if (auto e = loadPriceFile(json, "the price copy", check))
        return Error{e->message + " (nothing written)"};
    if (!QDir().mkpath(QString::fromStdString(store)))
        return Error{"cannot create the folder for user price files", store};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::fromStdString(json)) != qint64(json.size()) || !f.commit())
        return Error{"cannot write the price file: " + f.errorString().toStdString(), path.toStdString()};
    return path.toStdString();
}

std::vector<std::string> listUserPriceFiles(const std::string& store)
{
    std::vector<std::string> files;
    const QDir dir(QString::fromStdString(store));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files.push_back(dir.filePath(name).toStdString());
    return files;
}

UserPriceFiles loadUserPriceFiles(const std::string& store)
{
    UserPriceFiles out;
    for (const std::string& path : listUserPriceFiles(store)) {
        QFile f(QString::fromStdString(path));
        PriceTable own;
        std::optional<Error> e = f.open(QIODevice::ReadOnly) ? loadPriceFile(f.readAll().toStdString(), path, own)
                                                            : Error{"cannot read the price file: " + f.errorString().toStdString(), path};
        if (e) {
            out.errors.push_back(*e);
            continue;
        }
        out.rows.insert(out.rows.end(), own.rows.begin(), own.rows.end());
        out.files.push_back(path);
    }
    return out;
}

} // namespace qpilot::cost
