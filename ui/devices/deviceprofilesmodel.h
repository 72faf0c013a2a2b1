// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/deviceprofilesmodel.h — every device profile the app can use (shipped, imported
// calibration snapshots, user what-if copies) as a table of key figures (qubits, median 2q error,
// readout error, price per shot / task / second from the price tables or "not published"), each
// figure's source (tooltip and a short tag column) and the calibration date. Optionally
// checkable (the pilot editor's device multi-select): the checked ids keep the order they were
// checked in.
#pragma once

#include "core/cost/cost.h"
#include "core/device/device.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace qpilot {

struct DeviceCatalogEntry {
    DeviceProfile profile;
    QString origin;   // "shipped", "snapshot", "user copy", "pilot file" (a profile path a pilot names)
    QString path;     // snapshot / user copy file ("" for shipped)
};

// Shipped profiles, then every snapshot in `calibrationStore`, then every user copy in
// `userStore`. A store that cannot be read adds a line to `problems` and is skipped.
std::vector<DeviceCatalogEntry> loadDeviceCatalog(const std::string& calibrationStore, const std::string& userStore,
                                                  QStringList* problems = nullptr);

// "$0.30/task + $0.00145/shot", "$1.60/s (payg)", "not published" — the default plan's unit prices.
QString devicePriceText(const DeviceProfile& device, const cost::PriceTable& prices);
// A figure's source in short: its [S..] tags, "what-if ×f", "derived", or the first words.
QString shortSource(const std::string& source);

class DeviceProfilesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Use, Id, Provider, Origin, Qubits, Error2q, Readout, Price, Date, Source, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit DeviceProfilesModel(QObject* parent = nullptr);

    void setEntries(std::vector<DeviceCatalogEntry> entries, cost::PriceTable prices);
    // Re-reads loadDeviceCatalog(defaultCalibrationStore(), defaultUserDeviceStore()) and builtinPrices().
    void reload();
    const std::vector<DeviceCatalogEntry>& entries() const { return m_entries; }
    const DeviceCatalogEntry* entry(int row) const;
    int rowOf(const QString& id) const; // -1 when absent
    QStringList loadProblems() const { return m_problems; }

    // Checkable mode: column Use is a check box; checking appends the id to checkedIds().
    void setCheckable(bool on);
    bool isCheckable() const { return m_checkable; }
    QStringList checkedIds() const { return m_checked; }
    void setCheckedIds(const QStringList& ids); // no signal

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // The user checked or unchecked a device: the new list of checked ids, in order.
    void checkedIdsEdited(const QStringList& ids);

private:
    std::vector<DeviceCatalogEntry> m_entries;
    cost::PriceTable m_prices;
    QStringList m_problems;
    QStringList m_checked;
    bool m_checkable = false;
};

} // namespace qpilot
