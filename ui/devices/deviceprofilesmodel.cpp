// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/deviceprofilesmodel.cpp — the device catalog (shipped + snapshots + user copies),
// the price and source texts of its key figures, and DeviceProfilesModel.
#include "ui/devices/deviceprofilesmodel.h"

#include <QGuiApplication>
#include <QPalette>
#include <QColor>
#include <QRegularExpression>

#include <algorithm>

namespace qpilot {

namespace {

QString sci(const std::optional<double>& v)
{
    if (!v)
        return QStringLiteral("not published");
    return QString::number(*v, 'g', 3);
}

QString usd(double v)
{
    return QStringLiteral("$") + QString::number(v, 'g', 4);
}

} // namespace

std::vector<DeviceCatalogEntry> loadDeviceCatalog(const std::string& calibrationStore, const std::string& userStore,
                                                  QStringList* problems)
{
    std::vector<DeviceCatalogEntry> out;
    for (const DeviceProfile& d : builtinDevices())
        out.push_back({d, QStringLiteral("shipped"), QString()});
    auto snapshots = listCalibrationSnapshots(calibrationStore);
    if (!snapshots) {
        if (problems)
            problems->append(QString::fromStdString(snapshots.error().toString()));
    } else {
        for (const CalibrationSnapshot& s : *snapshots) {
            auto d = loadCalibrationSnapshot(s.id, calibrationStore);
            if (!d) {
                if (problems)
                    problems->append(QString::fromStdString(d.error().toString()));
                continue;
            }
            DeviceProfile p = std::move(d).value();
            p.id = s.id; // the id a pilot names it by
            out.push_back({std::move(p), QStringLiteral("snapshot"), QString::fromStdString(s.path)});
        }
    }
    auto copies = listUserDevices(userStore);
    if (!copies) {
        if (problems)
            problems->append(QString::fromStdString(copies.error().toString()));
    } else {
        for (UserDevice& u : copies.value())
            out.push_back({std::move(u.profile), QStringLiteral("user copy"), QString::fromStdString(u.path)});
    }
    return out;
}

QString devicePriceText(const DeviceProfile& device, const cost::PriceTable& prices)
{
    if (device.pricing.empty())
        return QStringLiteral("not published");
    auto row = prices.find(device.pricing);
    if (!row)
        return QStringLiteral("not published");
    const cost::PriceRow& r = **row;
    QString text;
    switch (r.model) {
    case cost::PriceModel::Free:
        text = QStringLiteral("free (%1 min / 28 days)").arg(r.freeSeconds / 60, 0, 'g', 3);
        break;
    case cost::PriceModel::PerSecond:
        text = usd(r.usdPerSecond) + QStringLiteral("/s");
        break;
    case cost::PriceModel::PerTaskShot:
        text = usd(r.usdPerTask) + QStringLiteral("/task + ") + usd(r.usdPerShot) + QStringLiteral("/shot");
        break;
    case cost::PriceModel::Aqt:
        text = usd(r.c2) + QStringLiteral("/2q gate·shot + ") + usd(r.c1) + QStringLiteral("/1q gate·shot");
        break;
    case cost::PriceModel::Hqc:
        text = usd(r.usdPerHqc) + QStringLiteral("/HQC");
        break;
    }
    return text + QStringLiteral(" (") + QString::fromStdString(r.plan) + QStringLiteral(")");
}

QString shortSource(const std::string& source)
{
    const QString s = QString::fromStdString(source);
    if (s.startsWith(QLatin1String("what-if")))
        return s.section(QLatin1Char(':'), 0, 0);
    static const QRegularExpression tag(QStringLiteral("\\[S\\d+(?:\\s*,\\s*S\\d+)*\\]"));
    QStringList tags;
    for (auto it = tag.globalMatch(s); it.hasNext();) {
        const QString t = it.next().captured(0);
        if (!tags.contains(t))
            tags.append(t);
    }
    if (!tags.isEmpty())
        return tags.join(QLatin1Char(' '));
    if (s.isEmpty())
        return QStringLiteral("—");
    return s.size() > 40 ? s.left(38) + QStringLiteral("…") : s;
}

DeviceProfilesModel::DeviceProfilesModel(QObject* parent) : QAbstractTableModel(parent) {}

void DeviceProfilesModel::setEntries(std::vector<DeviceCatalogEntry> entries, cost::PriceTable prices)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_prices = std::move(prices);
    endResetModel();
}

void DeviceProfilesModel::reload()
{
    m_problems.clear();
    auto entries = loadDeviceCatalog(defaultCalibrationStore(), defaultUserDeviceStore(), &m_problems);
    setEntries(std::move(entries), cost::builtinPrices());
}

const DeviceCatalogEntry* DeviceProfilesModel::entry(int row) const
{
    return row >= 0 && row < int(m_entries.size()) ? &m_entries[size_t(row)] : nullptr;
}

int DeviceProfilesModel::rowOf(const QString& id) const
{
    const std::string s = id.toStdString();
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].profile.id == s)
            return int(i);
    return -1;
}

void DeviceProfilesModel::setCheckable(bool on)
{
    if (on == m_checkable)
        return;
    beginResetModel();
    m_checkable = on;
    endResetModel();
}

void DeviceProfilesModel::setCheckedIds(const QStringList& ids)
{
    m_checked = ids;
    if (!m_entries.empty())
        emit dataChanged(index(0, Use), index(rowCount() - 1, Use), {Qt::CheckStateRole});
}

int DeviceProfilesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DeviceProfilesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant DeviceProfilesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const DeviceCatalogEntry& e = m_entries[size_t(index.row())];
    const DeviceProfile& d = e.profile;
    const QString id = QString::fromStdString(d.id);
    if (role == IdRole)
        return id;
    if (role == Qt::CheckStateRole && index.column() == Use && m_checkable)
        return m_checked.contains(id) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Qubits: case Error2q: case Readout:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ForegroundRole) {
        const bool unknown = (index.column() == Error2q && !d.gateError2q) || (index.column() == Readout && !d.readoutError)
                             || (index.column() == Price && devicePriceText(d, m_prices) == QLatin1String("not published"));
        if (unknown)
            return QGuiApplication::palette().color(QPalette::PlaceholderText); // muted in either theme
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Id: return QString::fromStdString(d.name);
        case Qubits: return QString::fromStdString(fieldSource(d, "num_qubits"));
        case Error2q: return QString::fromStdString(fieldSource(d, "medians.gate_error_2q"));
        case Readout: return QString::fromStdString(fieldSource(d, "medians.readout_error"));
        case Price: {
            auto row = m_prices.find(d.pricing);
            if (!row)
                return QStringLiteral("no price row for pricing key '%1'").arg(QString::fromStdString(d.pricing));
            return QStringLiteral("%1\n%2, dated %3 %4").arg(devicePriceText(d, m_prices), QString::fromStdString((*row)->name),
                                                            QString::fromStdString((*row)->date), QString::fromStdString((*row)->source));
        }
        case Date: return QString::fromStdString(fieldSource(d, "calibration_date"));
        case Source: return QString::fromStdString(d.source);
        case Origin: return e.path;
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Qubits: return d.numQubits;
        case Error2q: return d.gateError2q.value_or(2.0);
        case Readout: return d.readoutError.value_or(2.0);
        default: break;
        }
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Use: return QVariant();
    case Id: return id;
    case Provider: return QString::fromStdString(d.family.empty() ? d.provider : d.family);
    case Origin: return e.origin;
    case Qubits: return d.numQubits;
    case Error2q: return sci(d.gateError2q);
    case Readout: return sci(d.readoutError);
    case Price: return devicePriceText(d, m_prices);
    case Date: return d.calibrationDate.empty() ? QStringLiteral("—") : QString::fromStdString(d.calibrationDate);
    case Source: return shortSource(fieldSource(d, "medians.gate_error_2q"));
    default: return {};
    }
}

QVariant DeviceProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Error2q: return QStringLiteral("Median two-qubit gate error (average gate infidelity r)");
        case Readout: return QStringLiteral("Median readout (assignment) error");
        case Price: return QStringLiteral("Unit prices of the default plan of the device's price table");
        case Source: return QStringLiteral("Source of the calibration figures (hover a figure for its full source)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    static const char* const names[] = {"Use", "Device", "Family", "Origin", "Qubits", "2q error", "Readout",
                                        "Price (default plan)", "Calibrated", "Source"};
    return QString::fromLatin1(names[section]);
}

Qt::ItemFlags DeviceProfilesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_checkable && index.column() == Use)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool DeviceProfilesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!m_checkable || !index.isValid() || index.column() != Use || role != Qt::CheckStateRole || index.row() >= rowCount())
        return false;
    const QString id = QString::fromStdString(m_entries[size_t(index.row())].profile.id);
    const bool on = value.toInt() == Qt::Checked;
    QStringList ids = m_checked;
    if (on && !ids.contains(id))
        ids.append(id);
    else if (!on)
        ids.removeAll(id);
    else
        return true;
    m_checked = ids;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedIdsEdited(ids);
    return true;
}

} // namespace qpilot
