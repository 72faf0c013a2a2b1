// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/pricetablesview.h — the price tables as a read-only table of every price entry
// (provider, key, plan, model, unit prices, date, source tag, the file it came from) with the
// selected entry's note and latency assumptions below. Read-only by design: prices are dated,
// sourced facts; a what-if on price belongs in the scorecard's what-if sliders, and a user price
// file (a pilot's cost.price_files) overrides rows by key and plan.
#pragma once

#include "core/cost/cost.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QTableView;

namespace qpilot {

class PriceEntriesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Provider, Key, Plan, Model, UnitPrices, Date, Source, File, ColumnCount };

    explicit PriceEntriesModel(QObject* parent = nullptr);
    void setTable(cost::PriceTable table);
    const cost::PriceTable& table() const { return m_table; }
    const cost::PriceRow* row(int r) const;

    // The unit prices of a row in words: "$1.6/s, billed per 1 s", "$0.3/task + $0.00145/shot", ...
    static QString unitPrices(const cost::PriceRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    cost::PriceTable m_table;
};

class PriceTablesView : public QWidget {
    Q_OBJECT
public:
    explicit PriceTablesView(QWidget* parent = nullptr);
    // The shipped tables plus `userFiles` on top (errors shown in the view).
    void reload(const std::vector<std::string>& userFiles = {});
    PriceEntriesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

private:
    void showDetail(int row);

    PriceEntriesModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace qpilot
