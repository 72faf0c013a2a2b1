// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudjobsmodel.h — the cloud jobs of the run store (table cloud_jobs via
// RunStore::listCloudJobs) as a table, newest first: id, provider, device, state, shots,
// estimated and reported cost, submitted, provider job id, last error. reload() reads the store
// again; a missing store is simply empty, a broken one is an error and leaves the rows.
#pragma once

#include "core/common/result.h"
#include "core/store/store.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace qpilot {

class CloudJobsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Provider, Device, State, Shots, EstimatedCost, ReportedCost, Submitted, ProviderJob, LastError, ColumnCount };
    static constexpr int JobIdRole = Qt::UserRole;    // any column: the local job id
    static constexpr int StateRole = Qt::UserRole + 1; // any column: the state key

    explicit CloudJobsModel(QObject* parent = nullptr);

    std::optional<Error> reload(const QString& databasePath);
    const std::vector<store::CloudJobRecord>& jobs() const { return m_jobs; }
    int rowOf(qint64 id) const;
    int unfinishedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<store::CloudJobRecord> m_jobs;
};

} // namespace qpilot
