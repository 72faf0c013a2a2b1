// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/qubitmodel.cpp — per-qubit marginals and Bloch vectors (see qubitmodel.h).
#include "ui/results/qubitmodel.h"

#include <cmath>

namespace qpilot {

QubitModel::QubitModel(QObject* parent) : QAbstractTableModel(parent) {}

void QubitModel::setData(const std::vector<double>& marginals, const std::vector<std::array<double, 3>>& bloch,
                         bool classical)
{
    beginResetModel();
    m_marginals = marginals;
    m_bloch = bloch.size() == marginals.size() ? bloch : std::vector<std::array<double, 3>>{};
    m_classical = classical;
    endResetModel();
}

int QubitModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_marginals.size());
}

int QubitModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QubitModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t row = std::size_t(index.row());
    const auto number = [](double v) { return QString::number(std::abs(v) < 5e-5 ? 0.0 : v, 'f', 4); };
    if (role == Qt::TextAlignmentRole)
        return index.column() == NameColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return (m_classical ? QStringLiteral("c%1") : QStringLiteral("q%1")).arg(row);
    case P1Column:
        return role == Qt::EditRole ? QVariant(m_marginals[row]) : QVariant(number(m_marginals[row]));
    case XColumn:
    case YColumn:
    case ZColumn: {
        if (m_bloch.empty())
            return QStringLiteral("\u2014");
        const double v = m_bloch[row][std::size_t(index.column() - XColumn)];
        return role == Qt::EditRole ? QVariant(v) : QVariant(number(v));
    }
    case LengthColumn: {
        if (m_bloch.empty())
            return QStringLiteral("\u2014");
        const auto& b = m_bloch[row];
        const double r = std::sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        return role == Qt::EditRole ? QVariant(r) : QVariant(number(r));
    }
    default:
        return {};
    }
}

QVariant QubitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return m_classical ? tr("Bit") : tr("Qubit");
    case P1Column: return tr("P(1)");
    case XColumn: return tr("\u27e8X\u27e9");
    case YColumn: return tr("\u27e8Y\u27e9");
    case ZColumn: return tr("\u27e8Z\u27e9");
    case LengthColumn: return tr("|r|");
    default: return {};
    }
}

} // namespace qpilot
