// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/amplitudemodel.h — the final state as a table: basis state (qubit 0 rightmost),
// amplitude, probability and phase, with the phase as the row's colour (hue = phase, as in
// Quirk). Small states list every basis state in order; above kMaxRows states the model keeps
// the kMaxRows most probable ones, most probable first.
#pragma once

#include "core/circuit/gates.h"

#include <QAbstractTableModel>

#include <vector>

namespace qpilot {

class AmplitudeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kMaxRows = 1024;
    enum Column { StateColumn, AmplitudeColumn, ProbabilityColumn, PhaseColumn, ColumnCount };
    enum Role { BasisIndexRole = Qt::UserRole + 1, PhaseRole };

    struct Row {
        quint64 index;
        Complex amplitude;
    };

    explicit AmplitudeModel(QObject* parent = nullptr);

    // The rows the table shows for a state (every basis state, or the kMaxRows most probable
    // ones). Costly for big states: the live simulator calls it on its worker thread.
    static std::vector<Row> selectRows(const std::vector<Complex>& amplitudes);
    // The same with the probabilities |a_i|^2 already at hand (one pass, no sort of 2^n).
    static std::vector<Row> selectRows(const std::vector<Complex>& amplitudes, const std::vector<double>& probabilities);
    void setRows(std::vector<Row> rows, int qubits);
    void setState(const std::vector<Complex>& amplitudes, int qubits) { setRows(selectRows(amplitudes), qubits); }
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Colour of a phase in radians (hue around the circle).
    static QColor phaseColor(double phase, double alpha = 0.35);

private:
    std::vector<Row> m_rows;
    int m_qubits = 0;
};

// "0101" with qubit/bit 0 rightmost.
QString bitString(quint64 index, int bits);

} // namespace qpilot
