// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/runcomparisonmodel.cpp — two runs side by side (see runcomparisonmodel.h).
#include "ui/jobs/runcomparisonmodel.h"

#include "ui/runs/runsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>

namespace qpilot {

namespace {

bool sameBits(double a, double b)
{
    std::uint64_t x = 0, y = 0;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return x == y;
}

QString money(double usd)
{
    if (usd >= 1e6)
        return QStringLiteral("$%1 M").arg(QString::number(usd / 1e6, 'g', 4));
    if (usd >= 1e4)
        return QStringLiteral("$%1 k").arg(QString::number(usd / 1e3, 'g', 4));
    if (usd > 0 && usd < 1e-3)
        return QStringLiteral("$%1").arg(QString::number(usd, 'e', 3));
    return QStringLiteral("$%1").arg(QString::number(usd, 'g', 4));
}

QString fixed4(double v) { return QString::number(v, 'f', 4); }
QString general(double v) { return QString::number(v, 'g', 6); }
QString secondsText(double v) { return formatDuration(v); }

QString signedDelta(double d, const std::function<QString(double)>& format)
{
    if (d == 0)
        return QStringLiteral("\u00b10");
    return (d > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + format(std::fabs(d));
}

class Builder {
public:
    explicit Builder(std::vector<RunComparisonModel::Row>& rows) : m_rows(rows) {}

    void section(const QString& title)
    {
        RunComparisonModel::Row r;
        r.field = title;
        r.section = true;
        m_rows.push_back(r);
    }
    // Text values; `shorten` > 0 shows that many characters (the full value as tooltip).
    void text(const QString& field, const std::string& a, const std::string& b, const std::string& path = {}, int shorten = 0)
    {
        RunComparisonModel::Row r;
        r.field = field;
        r.path = QString::fromStdString(path);
        const QString qa = QString::fromStdString(a), qb = QString::fromStdString(b);
        r.a = shorten > 0 && qa.size() > shorten ? qa.left(shorten) + QStringLiteral("\u2026") : qa;
        r.b = shorten > 0 && qb.size() > shorten ? qb.left(shorten) + QStringLiteral("\u2026") : qb;
        if (r.a.isEmpty())
            r.a = QStringLiteral("\u2013");
        if (r.b.isEmpty())
            r.b = QStringLiteral("\u2013");
        r.tipA = qa;
        r.tipB = qb;
        r.differs = a != b;
        r.delta = r.differs ? QObject::tr("differs") : QString();
        m_rows.push_back(r);
    }
    void number(const QString& field, const std::optional<double>& a, const std::optional<double>& b, const std::string& path,
                const std::function<QString(double)>& format, const QString& missing = QStringLiteral("\u2013"))
    {
        RunComparisonModel::Row r;
        r.field = field;
        r.path = QString::fromStdString(path);
        r.a = a ? format(*a) : missing;
        r.b = b ? format(*b) : missing;
        r.tipA = a ? QString::number(*a, 'g', 17) : QString();
        r.tipB = b ? QString::number(*b, 'g', 17) : QString();
        r.differs = a.has_value() != b.has_value() || (a && b && !sameBits(*a, *b));
        if (r.differs && a && b && std::isfinite(*a) && std::isfinite(*b))
            r.delta = signedDelta(*b - *a, format);
        else if (r.differs)
            r.delta = QObject::tr("differs");
        m_rows.push_back(r);
    }

private:
    std::vector<RunComparisonModel::Row>& m_rows;
};

template <typename T, typename F>
std::optional<double> at(const std::vector<T>& v, size_t i, F get)
{
    if (i >= v.size())
        return std::nullopt;
    return get(v[i]);
}

} // namespace

RunComparisonModel::RunComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunComparisonModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_has = false;
    m_idA = m_idB = 0;
    endResetModel();
}

void RunComparisonModel::setRuns(const ComparedRun& sa, const ComparedRun& sb)
{
    std::vector<Row> rows;
    Builder add(rows);
    const pilot::PilotRun& a = sa.run;
    const pilot::PilotRun& b = sb.run;

    add.section(tr("Provenance"));
    add.text(tr("Pilot"), a.pilotName, b.pilotName);
    add.text(tr("Status"), pilot::runStatusKey(a.status), pilot::runStatusKey(b.status));
    add.text(tr("Seed"), std::to_string(a.seed), std::to_string(b.seed));
    add.text(tr("App version"), a.appVersion, b.appVersion);
    add.text(tr("Dataset"), a.datasetName, b.datasetName, "datasetName");
    add.text(tr("Dataset fingerprint (SHA-256)"), a.datasetFingerprint, b.datasetFingerprint, "datasetFingerprint", 16);
    add.text(tr("Circuit"), a.circuitDescription, b.circuitDescription, "circuitDescription");
    add.text(tr("Circuit hash (SHA-256)"), a.circuitHash, b.circuitHash, "circuitHash", 16);
    add.text(tr("Price tables"), a.priceTablesUsed, b.priceTablesUsed, "priceTablesUsed", 48);
    add.text(tr("Started (UTC)"), a.startedAt.substr(0, 19), b.startedAt.substr(0, 19));
    const double da = runDurationSeconds(a.startedAt, a.finishedAt), db = runDurationSeconds(b.startedAt, b.finishedAt);
    add.number(tr("Duration"), da >= 0 ? std::optional<double>(da) : std::nullopt,
               db >= 0 ? std::optional<double>(db) : std::nullopt, {}, secondsText);

    add.section(tr("Models (test accuracy)"));
    add.number(tr("Quantum model accuracy (ideal)"), a.quantum.metrics.accuracy, b.quantum.metrics.accuracy,
               "quantum.metrics.accuracy", fixed4);
    add.number(tr("Quantum model F1"), a.quantum.metrics.f1, b.quantum.metrics.f1, "quantum.metrics.f1", fixed4);
    const size_t baselines = std::max(a.baselines.size(), b.baselines.size());
    for (size_t i = 0; i < baselines; ++i) {
        const std::string name = i < a.baselines.size() ? a.baselines[i].model : b.baselines[i].model;
        const std::string path = "baselines[" + std::to_string(i) + "].metrics.accuracy";
        add.number(tr("Baseline %1 accuracy").arg(QString::fromStdString(name)),
                   at(a.baselines, i, [](const ml::ModelReport& m) { return m.metrics.accuracy; }),
                   at(b.baselines, i, [](const ml::ModelReport& m) { return m.metrics.accuracy; }), path, fixed4);
    }
    add.number(tr("Accuracy spread across seeds"), a.accuracySpread, b.accuracySpread, "accuracySpread", fixed4);

    const size_t devices = std::max(a.devices.size(), b.devices.size());
    for (size_t i = 0; i < devices; ++i) {
        const pilot::DeviceOutcome& d = i < a.devices.size() ? a.devices[i] : b.devices[i];
        const std::string p = "devices[" + std::to_string(i) + "].";
        add.section(tr("Device %1").arg(QString::fromStdString(d.deviceId)));
        if (i < a.devices.size() && i < b.devices.size() && a.devices[i].deviceId != b.devices[i].deviceId)
            add.text(tr("Device"), a.devices[i].deviceId, b.devices[i].deviceId, p + "deviceId");
        auto get = [&](const std::function<double(const pilot::DeviceOutcome&)>& f) {
            return std::make_pair(at(a.devices, i, f), at(b.devices, i, f));
        };
        auto v = get([](const pilot::DeviceOutcome& o) { return double(o.twoQubitGates); });
        add.number(tr("Two-qubit gates (transpiled)"), v.first, v.second, p + "twoQubitGates", general);
        v = get([](const pilot::DeviceOutcome& o) { return o.successProbability; });
        add.number(tr("Success probability"), v.first, v.second, p + "successProbability", fixed4);
        v = get([](const pilot::DeviceOutcome& o) { return o.noisyAccuracy; });
        add.number(tr("Noisy accuracy"), v.first, v.second, p + "noisyAccuracy", fixed4);
        v = get([](const pilot::DeviceOutcome& o) { return o.costPer1kUsd; });
        add.number(tr("Cost per 1k inferences"), v.first, v.second, p + "costPer1kUsd", money);
        std::optional<double> la, lb;
        if (i < a.devices.size() && a.devices[i].latencySeconds.has_value())
            la = a.devices[i].latencySeconds.value();
        if (i < b.devices.size() && b.devices[i].latencySeconds.has_value())
            lb = b.devices[i].latencySeconds.value();
        add.number(tr("Latency per inference"), la, lb, p + "latencySeconds", secondsText, tr("n/a"));
    }

    add.section(tr("Economics and verdict"));
    add.number(tr("Classical cost per 1k"), a.classicalPer1kUsd, b.classicalPer1kUsd, "classicalPer1kUsd", money);
    add.text(tr("Verdict"), verdictTitleFromKey(sa.summary.verdict).toStdString(), verdictTitleFromKey(sb.summary.verdict).toStdString());
    add.number(tr("Overall score"), sa.summary.overall >= 0 ? std::optional<double>(sa.summary.overall) : std::nullopt,
               sb.summary.overall >= 0 ? std::optional<double>(sb.summary.overall) : std::nullopt, {},
               [](double x) { return QString::number(x, 'f', 1); });

    beginResetModel();
    m_rows = std::move(rows);
    m_has = true;
    m_idA = sa.id;
    m_idB = sb.id;
    endResetModel();
}

int RunComparisonModel::differingRows() const
{
    int n = 0;
    for (const Row& r : m_rows)
        n += r.differs ? 1 : 0;
    return n;
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case DiffersRole:
        return r.differs;
    case SectionRole:
        return r.section;
    case ResultPathRole:
        return r.path;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Field:
            return r.field;
        case RunA:
            return r.a;
        case RunB:
            return r.b;
        case Delta:
            return r.delta;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == RunA && !r.tipA.isEmpty())
            return r.tipA;
        if (index.column() == RunB && !r.tipB.isEmpty())
            return r.tipB;
        return {};
    case Qt::FontRole:
        if (r.section || (r.differs && index.column() != Field)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (r.section)
            return QBrush(QColor(0xdf, 0xe6, 0xee));        // report header fill
        if (r.differs && index.column() != Field)
            return QBrush(QColor(0xfd, 0xf0, 0xd5));        // amber tint
        return {};
    case Qt::ForegroundRole:
        if (r.section)
            return QBrush(QColor(0x0b, 0x3d, 0x6b));        // report accent
        if (r.differs && index.column() == Delta)
            return QBrush(QColor(0x8a, 0x52, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        if (!r.section && index.column() != Field)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Field:
        return tr("Field");
    case RunA:
        return m_has ? tr("Run %1 (A)").arg(m_idA) : tr("Run A");
    case RunB:
        return m_has ? tr("Run %1 (B)").arg(m_idB) : tr("Run B");
    case Delta:
        return tr("\u0394 (B \u2212 A)");
    default:
        return {};
    }
}

} // namespace qpilot
