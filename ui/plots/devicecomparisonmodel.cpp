// ui/plots/devicecomparisonmodel.cpp — the device comparison table model (see the header).
#include "ui/plots/devicecomparisonmodel.h"

#include <QLocale>

namespace qpilot::ui::plots {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString usd(double v)
{
    return v >= 1 ? QStringLiteral("$") + QLocale::c().toString(v, 'f', 2) : QStringLiteral("$") + QString::number(v, 'g', 3);
}

} // namespace

DeviceComparisonModel::DeviceComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void DeviceComparisonModel::setRun(const pilot::PilotRun& run)
{
    beginResetModel();
    m_devices = run.devices;
    endResetModel();
}

void DeviceComparisonModel::clear()
{
    beginResetModel();
    m_devices.clear();
    endResetModel();
}

int DeviceComparisonModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_devices.size()); }

int DeviceComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DeviceComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const pilot::DeviceOutcome& d = m_devices[size_t(index.row())];
    const bool failed = !d.error.empty();
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return c <= Status || c == Price ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter)) : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        if (failed)
            return qs(d.error);
        switch (c) {
        case Device: return qs(d.deviceName + " — " + d.calibrationSource);
        case CostPer1k: return qs(d.costFormula);
        case Price: return qs(d.priceSource);
        case SuccessProbability:
            return d.successProbabilityKnown ? QVariant() : QVariant(QStringLiteral("The profile lacks the figures of the success model"));
        default: return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    auto value = [&](double v, const QString& shown) -> QVariant { return raw ? QVariant(v) : QVariant(shown); };
    switch (c) {
    case Device: return qs(d.deviceId);
    case Provider: return qs(d.provider);
    case Status: return failed ? QStringLiteral("failed: ") + qs(d.error) : QStringLiteral("completed");
    default: break;
    }
    if (failed)
        return raw ? QVariant() : QVariant(QStringLiteral("—"));
    switch (c) {
    case TwoQubitGates: return value(d.twoQubitGates, QString::number(d.twoQubitGates));
    case Depth: return value(d.depth, QString::number(d.depth));
    case DurationMicroseconds:
        if (d.durationSeconds <= 0)
            return raw ? QVariant() : QVariant(QStringLiteral("unknown"));
        return value(d.durationSeconds * 1e6, QString::number(d.durationSeconds * 1e6, 'f', 1));
    case SuccessProbability:
        if (!d.successProbabilityKnown)
            return raw ? QVariant() : QVariant(QStringLiteral("unknown"));
        return value(d.successProbability, QString::number(d.successProbability, 'f', 3));
    case NoisyAccuracy: return value(d.noisyAccuracy, QString::number(d.noisyAccuracy, 'f', 3));
    case ShotMultiplier: return value(d.shotMultiplier, QString::number(d.shotMultiplier, 'g', 4) + QStringLiteral("×"));
    case TimeMultiplier: return value(d.timeMultiplier, QString::number(d.timeMultiplier, 'g', 4) + QStringLiteral("×"));
    case CostPer1k: return value(d.costPer1kUsd, usd(d.costPer1kUsd));
    case CostPer1kUnmitigated: return value(d.costPer1kUnmitigatedUsd, usd(d.costPer1kUnmitigatedUsd));
    case LatencySeconds:
        if (!d.latencySeconds)
            return raw ? QVariant() : QVariant(QStringLiteral("not published"));
        return value(*d.latencySeconds, QString::number(*d.latencySeconds, 'g', 4));
    case Price: return qs(d.priceKey + " / " + d.pricePlan + " (" + d.priceDate + ")");
    default: return {};
    }
}

QVariant DeviceComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const kHeaders[ColumnCount] = {
        "Device", "Provider", "Status", "2q gates", "Depth", "Duration (µs)", "Success prob.", "Noisy accuracy",
        "Shots ×", "Time ×", "Cost / 1k (USD)", "Unmitigated / 1k (USD)", "Latency (s)", "Price row (date)"};
    return QString::fromUtf8(kHeaders[section]);
}

} // namespace qpilot::ui::plots
