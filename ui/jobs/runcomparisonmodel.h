// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/runcomparisonmodel.h — two stored runs side by side as a table (field, run A, run B, Δ):
// provenance (pilot, status, seed, app version, dataset fingerprint, circuit hash, price tables,
// started) and key results (quantum accuracy and F1, each baseline's accuracy, seed spread, per
// device: 2q gates, success probability, noisy accuracy, cost per 1k, latency; classical cost;
// verdict and overall), grouped under section rows. A row differs when its two values differ
// exactly (doubles bit for bit); numeric rows show B − A. Result rows carry the
// pilot::compareResults path they show (ResultPathRole), so the highlight can be checked against it.
#pragma once

#include "core/pilot/run.h"
#include "core/store/store.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <vector>

namespace qpilot {

// A run as the store has it: the record plus its summary (verdict and overall live there).
struct ComparedRun {
    qint64 id = 0;
    pilot::PilotRun run;
    store::RunSummary summary;
};

class RunComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Field, RunA, RunB, Delta, ColumnCount };
    static constexpr int DiffersRole = Qt::UserRole;          // bool
    static constexpr int SectionRole = Qt::UserRole + 1;      // bool: a section heading row
    static constexpr int ResultPathRole = Qt::UserRole + 2;   // compareResults path ("" for provenance)

    explicit RunComparisonModel(QObject* parent = nullptr);

    void setRuns(const ComparedRun& a, const ComparedRun& b);
    void clear();
    bool hasRuns() const { return m_has; }
    qint64 idA() const { return m_idA; }
    qint64 idB() const { return m_idB; }
    // Rows whose values differ (section rows excluded).
    int differingRows() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Row {
        QString field;
        QString a, b, delta;
        QString tipA, tipB;          // full values when the cell shortens them
        QString path;
        bool section = false;
        bool differs = false;
    };
    const std::vector<Row>& rows() const { return m_rows; }

private:
    std::vector<Row> m_rows;
    bool m_has = false;
    qint64 m_idA = 0, m_idB = 0;
};

} // namespace qpilot
