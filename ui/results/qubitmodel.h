// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/qubitmodel.h — one row per qubit (or classical bit): P(1) and, when the final
// state is pure, the Bloch vector of its reduced state (⟨X⟩, ⟨Y⟩, ⟨Z⟩) and its length |r|
// (1 for a product state, < 1 when the qubit is entangled with the rest).
#pragma once

#include <QAbstractTableModel>

#include <array>
#include <vector>

namespace qpilot {

class QubitModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, P1Column, XColumn, YColumn, ZColumn, LengthColumn, ColumnCount };

    explicit QubitModel(QObject* parent = nullptr);

    // `bloch` is empty (or one vector per row); `classical` names rows c0, c1, ...
    void setData(const std::vector<double>& marginals, const std::vector<std::array<double, 3>>& bloch,
                 bool classical);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<double> m_marginals;
    std::vector<std::array<double, 3>> m_bloch;
    bool m_classical = false;
};

} // namespace qpilot
