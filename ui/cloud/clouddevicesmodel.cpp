// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/clouddevicesmodel.cpp — CloudDevicesModel (see clouddevicesmodel.h).
#include "ui/cloud/clouddevicesmodel.h"

#include "core/cloud/jobs.h"

#include <QGuiApplication>
#include <QPalette>
#include <QBrush>
#include <QColor>
#include <QStringList>

namespace qpilot {

CloudDevicesModel::CloudDevicesModel(QObject* parent) : QAbstractTableModel(parent) {}

void CloudDevicesModel::setDevices(cloud::Provider provider, std::vector<cloud::CloudDevice> devices)
{
    beginResetModel();
    m_provider = provider;
    m_devices = std::move(devices);
    endResetModel();
}

void CloudDevicesModel::clear()
{
    beginResetModel();
    m_devices.clear();
    endResetModel();
}

int CloudDevicesModel::rowOf(const QString& deviceId) const
{
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        if (QString::fromStdString(m_devices[i].id) == deviceId)
            return int(i);
    return -1;
}

std::string CloudDevicesModel::profileFor(const cloud::CloudDevice& d)
{
    return d.profileId.empty() ? cloud::profileIdForCloudDevice(d.provider, d.id) : d.profileId;
}

int CloudDevicesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_devices.size()); }
int CloudDevicesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CloudDevicesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_devices.size()) || index.column() >= ColumnCount)
        return {};
    const cloud::CloudDevice& d = m_devices[std::size_t(index.row())];
    switch (role) {
    case DeviceIdRole:
        return QString::fromStdString(d.id);
    case AvailableRole:
        return d.available;
    case QueueLengthRole:
        return d.queueLength ? QVariant(*d.queueLength) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Queue || index.column() == Qubits)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return QBrush(d.available ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x3a, 0x2e));
        if (index.column() == Queue && !d.queueLength)
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText)); // muted in either theme
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Queue && !d.queueLength)
            return tr("The provider does not publish a queue length for this device.");
        if (index.column() == NativeGates && !d.nativeGates.empty()) {
            QStringList g;
            for (const std::string& s : d.nativeGates)
                g << QString::fromStdString(s);
            return g.join(QStringLiteral(", "));
        }
        if (index.column() == Qubits && d.qubits <= 0)
            return tr("The provider did not report the qubit count (retired devices are listed from their summary).");
        if (index.column() == Profile && profileFor(d).empty())
            return tr("No Qpilot device profile matches: circuits are sent as written and the cost is unknown.");
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return QString::fromStdString(d.id);
        case Name:
            return QString::fromStdString(d.name);
        case Status:
            return QString::fromStdString(d.status);
        case Available:
            return d.available ? tr("yes") : tr("no");
        case Queue:
            return d.queueLength ? QString::number(*d.queueLength) : tr("not reported");
        case Qubits:
            return d.qubits > 0 ? QVariant(d.qubits) : QVariant(QStringLiteral("–"));
        case NativeGates: {
            QStringList g;
            for (const std::string& s : d.nativeGates)
                g << QString::fromStdString(s);
            return g.join(QStringLiteral(", "));
        }
        case Profile: {
            const std::string p = profileFor(d);
            return p.empty() ? QStringLiteral("–") : QString::fromStdString(p);
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant CloudDevicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const names[ColumnCount] = {"Device id", "Name", "Status", "Available", "Queue", "Qubits",
                                                   "Qpilot profile", "Native gates"};
    return tr(names[section]);
}

} // namespace qpilot
