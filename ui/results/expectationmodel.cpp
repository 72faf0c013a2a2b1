// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/expectationmodel.cpp — expectation values table (see expectationmodel.h).
#include "ui/results/expectationmodel.h"

#include <cmath>

namespace qpilot {

ExpectationModel::ExpectationModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExpectationModel::setExpectations(std::vector<Expectation> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ExpectationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExpectationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpectationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Expectation& e = m_rows[std::size_t(index.row())];
    const auto value = [role](const std::optional<double>& v) -> QVariant {
        if (!v)
            return role == Qt::DisplayRole ? QVariant(QStringLiteral("\u2014")) : QVariant();
        const double x = std::abs(*v) < 5e-7 ? 0.0 : *v;
        return role == Qt::DisplayRole ? QVariant(QString::number(x, 'f', 6)) : QVariant(x);
    };
    if (role == Qt::TextAlignmentRole)
        return index.column() == IdealColumn || index.column() == NoisyColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case ObservableColumn:
        return QStringLiteral("\u27e8%1\u27e9").arg(QString::fromStdString(e.observable));
    case IdealColumn:
        return value(e.ideal);
    case NoisyColumn:
        return value(e.noisy);
    case NoteColumn:
        return QString::fromStdString(e.error);
    default:
        return {};
    }
}

QVariant ExpectationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ObservableColumn: return tr("Observable");
    case IdealColumn: return tr("Ideal");
    case NoisyColumn: return tr("Noisy");
    case NoteColumn: return tr("Note");
    default: return {};
    }
}

} // namespace qpilot
