// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/datasetpreviewmodel.h — the first rows of the pilot's dataset as a table, columns in
// the file's order, with a role row on top ("feature" / "label" / "ignored"). For a CSV file the
// role row is editable: choosing a role asks (signal) for the pilot's label column or ignored
// columns to change; the shipped datasets and generators have fixed roles. Ignored columns are
// not read by core, so their cells show "(ignored)".
#pragma once

#include "core/ml/dataset.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>

namespace qpilot {

class DatasetPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kDefaultRows = 8;

    explicit DatasetPreviewModel(QObject* parent = nullptr);

    // `csv`: the import report of a CSV file (label column position, header); nullopt for a
    // shipped dataset or a generator. `labelName`: the label column's header ("" = "label").
    // `rows`: how many data rows to show.
    void setDataset(const ml::Dataset& dataset, const std::optional<ml::CsvReport>& csv, const QString& labelName = {},
                    int rows = kDefaultRows);
    void clear();

    bool rolesEditable() const { return m_csv.has_value(); }
    int labelColumn() const { return m_labelColumn; }   // in the table's columns, -1 when empty
    QString columnName(int column) const;
    // What a pilot's dataset.label_column names this column by: the header name, else its
    // 1-based index.
    QString labelSpec(int column) const;
    QString role(int column) const;                      // "feature" / "label" / "ignored"

    int rowCount(const QModelIndex& parent = {}) const override;     // role row + data rows
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // The user set column `column`'s role to "label": `spec` is its labelSpec().
    void labelColumnRequested(int column, const QString& spec);
    // The user set a column's role to "ignored" (ignore = true) or back to "feature" (false).
    void ignoreColumnRequested(int column, const QString& spec, bool ignore);

private:
    QStringList m_names;                 // column names in file order
    std::vector<QStringList> m_rows;     // shown data rows, as text
    std::optional<ml::CsvReport> m_csv;
    std::vector<bool> m_ignored;
    int m_labelColumn = -1;
};

} // namespace qpilot
