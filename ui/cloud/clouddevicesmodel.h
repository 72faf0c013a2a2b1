// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/clouddevicesmodel.h — one provider's cloud devices (ProviderClient::devices()) as a
// table: id, name, status, available, queue length ("not reported" when the provider publishes
// none, e.g. IonQ), qubits, the matching Qpilot device profile (the profile the submit path
// transpiles for and prices with) and native gates (last: the long column). Filled by CloudDevicesView's worker.
#pragma once

#include "core/cloud/cloud.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace qpilot {

class CloudDevicesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Status, Available, Queue, Qubits, Profile, NativeGates, ColumnCount };
    static constexpr int DeviceIdRole = Qt::UserRole;       // any column: the provider's device id
    static constexpr int AvailableRole = Qt::UserRole + 1;  // any column: bool
    static constexpr int QueueLengthRole = Qt::UserRole + 2; // any column: int, or invalid when not reported

    explicit CloudDevicesModel(QObject* parent = nullptr);

    // Replaces the rows (a model reset).
    void setDevices(cloud::Provider provider, std::vector<cloud::CloudDevice> devices);
    void clear();
    cloud::Provider provider() const { return m_provider; }
    const std::vector<cloud::CloudDevice>& devices() const { return m_devices; }
    int rowOf(const QString& deviceId) const;
    // The profile id shown in the Profile column: the client's, else profileIdForCloudDevice.
    static std::string profileFor(const cloud::CloudDevice& device);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    cloud::Provider m_provider = cloud::Provider::Ibm;
    std::vector<cloud::CloudDevice> m_devices;
};

} // namespace qpilot
