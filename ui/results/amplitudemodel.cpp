// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/amplitudemodel.cpp — the amplitudes table model (see amplitudemodel.h).
#include "ui/results/amplitudemodel.h"

#include "ui/results/livesimulator.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace qpilot {

QString bitString(quint64 index, int bits)
{
    QString s(bits, QLatin1Char('0'));
    for (int b = 0; b < bits; ++b) {
        if ((index >> b) & 1u)
            s[bits - 1 - b] = QLatin1Char('1');
    }
    return s;
}

AmplitudeModel::AmplitudeModel(QObject* parent) : QAbstractTableModel(parent) {}

std::vector<AmplitudeModel::Row> AmplitudeModel::selectRows(const std::vector<Complex>& amplitudes)
{
    if (amplitudes.size() <= std::size_t(kMaxRows))
        return selectRows(amplitudes, {});
    std::vector<double> probabilities(amplitudes.size());
    for (std::size_t i = 0; i < amplitudes.size(); ++i)
        probabilities[i] = std::norm(amplitudes[i]);
    return selectRows(amplitudes, probabilities);
}

std::vector<AmplitudeModel::Row> AmplitudeModel::selectRows(const std::vector<Complex>& amplitudes,
                                                            const std::vector<double>& probabilities)
{
    std::vector<Row> rows;
    if (amplitudes.size() <= std::size_t(kMaxRows)) {
        rows.reserve(amplitudes.size());
        for (std::size_t i = 0; i < amplitudes.size(); ++i)
            rows.push_back({quint64(i), amplitudes[i]});
        return rows;
    }
    for (quint64 i : topIndices(probabilities.data(), std::min(probabilities.size(), amplitudes.size()),
                                std::size_t(kMaxRows)))
        rows.push_back({i, amplitudes[i]});
    return rows;
}

void AmplitudeModel::setRows(std::vector<Row> rows, int qubits)
{
    beginResetModel();
    m_qubits = qubits;
    m_rows = std::move(rows);
    endResetModel();
}

void AmplitudeModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int AmplitudeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AmplitudeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor AmplitudeModel::phaseColor(double phase, double alpha)
{
    double hue = std::fmod(phase / (2 * M_PI), 1.0);
    if (hue < 0)
        hue += 1.0;
    return QColor::fromHsvF(float(hue), 0.75f, 0.95f, float(alpha));
}

QVariant AmplitudeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const double p = std::norm(row.amplitude);
    const double phase = std::arg(row.amplitude);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            return QStringLiteral("|%1\u27e9").arg(bitString(row.index, m_qubits));
        case AmplitudeColumn: {
            // Values that print as 0.000 lose their sign ("-0.000" reads as a bug).
            const auto clean = [](double v) { return std::abs(v) < 5e-4 ? 0.0 : v; };
            const double re = clean(row.amplitude.real());
            const double im = clean(row.amplitude.imag());
            return QStringLiteral("%1%2%3i")
                .arg(re, 0, 'f', 3)
                .arg(im < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                .arg(std::abs(im), 0, 'f', 3);
        }
        case ProbabilityColumn:
            return QString::number(p, 'f', 4);
        case PhaseColumn:
            return p > 1e-12 ? QStringLiteral("%1\u00b0").arg(phase * 180 / M_PI, 0, 'f', 1) : QStringLiteral("\u2014");
        default:
            return {};
        }
    case Qt::BackgroundRole:
        if (p > 1e-12 && index.column() == PhaseColumn)
            return phaseColor(phase, 0.25 + 0.6 * std::sqrt(p));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == StateColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case BasisIndexRole:
        return QVariant::fromValue(row.index);
    case PhaseRole:
        return phase;
    default:
        return {};
    }
}

QVariant AmplitudeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn: return tr("State");
    case AmplitudeColumn: return tr("Amplitude");
    case ProbabilityColumn: return tr("Probability");
    case PhaseColumn: return tr("Phase");
    default: return {};
    }
}

} // namespace qpilot
