// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/datasetpreviewmodel.cpp — DatasetPreviewModel: a Dataset (features + class labels)
// laid back out in the file's column order with the role row on top.
#include "ui/pilot/datasetpreviewmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace qpilot {

DatasetPreviewModel::DatasetPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetPreviewModel::clear()
{
    beginResetModel();
    m_names.clear();
    m_rows.clear();
    m_csv.reset();
    m_ignored.clear();
    m_labelColumn = -1;
    endResetModel();
}

void DatasetPreviewModel::setDataset(const ml::Dataset& dataset, const std::optional<ml::CsvReport>& csv,
                                     const QString& labelName, int rows)
{
    beginResetModel();
    m_csv = csv;
    const int features = dataset.samples.features;
    // The file's columns: a CSV report lists them (label and ignored ones included); shipped
    // datasets and generators are the features then the label.
    const int columns = csv && !csv->columnNames.empty() ? int(csv->columnNames.size()) : features + 1;
    m_labelColumn = csv ? std::clamp(csv->labelColumn, 0, columns - 1) : features;
    m_ignored.assign(size_t(columns), false);
    if (csv)
        for (int c : csv->ignoredColumns)
            if (c >= 0 && c < columns)
                m_ignored[size_t(c)] = true;
    m_names.clear();
    for (int c = 0, f = 0; c < columns; ++c) {
        if (csv && !csv->columnNames.empty()) {
            m_names.append(QString::fromStdString(csv->columnNames[size_t(c)]));
        } else if (c == m_labelColumn) {
            m_names.append(!labelName.isEmpty() ? labelName : QStringLiteral("label"));
        } else {
            m_names.append(f < int(dataset.featureNames.size()) ? QString::fromStdString(dataset.featureNames[size_t(f)])
                                                                 : QStringLiteral("x%1").arg(f));
            ++f;
        }
    }
    m_rows.clear();
    const int shown = std::min(std::max(rows, 0), dataset.samples.rows);
    for (int r = 0; r < shown; ++r) {
        QStringList line;
        for (int c = 0, f = 0; c < columns; ++c) {
            if (m_ignored[size_t(c)]) {
                line.append(QStringLiteral("(ignored)"));
            } else if (c == m_labelColumn) {
                const int y = r < int(dataset.samples.y.size()) ? dataset.samples.y[size_t(r)] : -1;
                line.append(y >= 0 && y < int(dataset.classNames.size()) ? QString::fromStdString(dataset.classNames[size_t(y)])
                                                                         : QString::number(y));
            } else {
                line.append(f < features ? QString::number(dataset.samples.at(r, f), 'g', 6) : QString());
                ++f;
            }
        }
        m_rows.push_back(line);
    }
    endResetModel();
}

QString DatasetPreviewModel::columnName(int column) const
{
    return column >= 0 && column < m_names.size() ? m_names[column] : QString();
}

QString DatasetPreviewModel::labelSpec(int column) const
{
    if (m_csv && m_csv->hasHeader)
        return columnName(column);
    return QString::number(column + 1);
}

QString DatasetPreviewModel::role(int column) const
{
    if (column == m_labelColumn)
        return QStringLiteral("label");
    if (column >= 0 && column < int(m_ignored.size()) && m_ignored[size_t(column)])
        return QStringLiteral("ignored");
    return QStringLiteral("feature");
}

int DatasetPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_names.isEmpty() ? 0 : 1 + int(m_rows.size());
}

int DatasetPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant DatasetPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const bool roleRow = index.row() == 0;
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return roleRow ? this->role(index.column()) : m_rows[size_t(index.row() - 1)][index.column()];
    if (role == Qt::FontRole && roleRow) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::BackgroundRole && index.column() == m_labelColumn)
        return QBrush(QColor(0xfd, 0xf1, 0xd8));
    if (role == Qt::ForegroundRole && this->role(index.column()) == QLatin1String("ignored"))
        return QBrush(QColor(0x8a, 0x91, 0x99));
    if (role == Qt::ToolTipRole && roleRow)
        return rolesEditable() ? QStringLiteral("Double-click and type label, feature or ignored")
                               : QStringLiteral("The shipped dataset's label column is fixed");
    if (role == Qt::TextAlignmentRole)
        return int((roleRow || index.column() == m_labelColumn ? Qt::AlignHCenter : Qt::AlignRight) | Qt::AlignVCenter);
    return {};
}

QVariant DatasetPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < m_names.size() ? QVariant(m_names[section]) : QVariant();
    if (section == 0)
        return QStringLiteral("role");
    return section > 0 && section < rowCount() ? QVariant(section) : QVariant();
}

Qt::ItemFlags DatasetPreviewModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.row() == 0 && rolesEditable())
        f |= Qt::ItemIsEditable;
    return f;
}

bool DatasetPreviewModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() != 0 || !rolesEditable() || index.column() >= columnCount())
        return false;
    const QString wanted = value.toString().trimmed().toLower();
    const int c = index.column();
    const QString current = this->role(c);
    if (wanted == current)
        return wanted == QLatin1String("label") || wanted == QLatin1String("feature") || wanted == QLatin1String("ignored");
    if (current == QLatin1String("label"))
        return false; // a dataset needs a label: give another column the label role instead
    if (wanted == QLatin1String("label")) {
        emit labelColumnRequested(c, labelSpec(c));
        return true;
    }
    if (wanted == QLatin1String("ignored") || wanted == QLatin1String("feature")) {
        emit ignoreColumnRequested(c, labelSpec(c), wanted == QLatin1String("ignored"));
        return true;
    }
    return false;
}

} // namespace qpilot
