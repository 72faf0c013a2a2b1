// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/expectationmodel.h — the expectation values the user asked for (Pauli strings
// such as "Z0 Z1"): observable, ideal value, noisy value (Z strings, with a device) and why a
// value is missing.
#pragma once

#include "ui/results/livesimulator.h"

#include <QAbstractTableModel>

#include <vector>

namespace qpilot {

class ExpectationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ObservableColumn, IdealColumn, NoisyColumn, NoteColumn, ColumnCount };

    explicit ExpectationModel(QObject* parent = nullptr);
    void setExpectations(std::vector<Expectation> rows);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Expectation> m_rows;
};

} // namespace qpilot
