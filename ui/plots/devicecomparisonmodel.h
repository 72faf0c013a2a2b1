// ui/plots/devicecomparisonmodel.h — the Devices dashboard's table: one row per device of a
// PilotRun (failed devices included, with their error), columns of the transpiled circuit,
// success, noisy accuracy, mitigation overhead, cost, latency and the price row used. Display
// text with units; Qt::UserRole holds the raw number (invalid when unknown) for sorting and tests.
#pragma once

#include "core/pilot/run.h"

#include <QAbstractTableModel>

namespace qpilot::ui::plots {

class DeviceComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Device, Provider, Status, TwoQubitGates, Depth, DurationMicroseconds, SuccessProbability, NoisyAccuracy,
        ShotMultiplier, TimeMultiplier, CostPer1k, CostPer1kUnmitigated, LatencySeconds, Price, ColumnCount
    };

    explicit DeviceComparisonModel(QObject* parent = nullptr);

    void setRun(const pilot::PilotRun& run);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<pilot::DeviceOutcome> m_devices;
};

} // namespace qpilot::ui::plots
