// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/pricetablesview.h — the price tables: every published price entry (provider, key,
// plan, model, unit prices, date, source tag, the file it came from) and below them the user's
// what-if copies from the user price store (in italics), with the selected entry's note and
// latency assumptions underneath. Published entries are not edited in place — they are dated,
// sourced facts — but "What-if copy…" saves a copy with scaled rates and its own source as a user
// price file, which a pilot lists in cost.price_files to be priced with it (optionally the open
// pilot, as an undoable edit).
#pragma once

#include "core/cost/cost.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QPushButton;
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
    // `store`: the user price store ("" = cost::defaultUserPriceStore()).
    explicit PriceTablesView(QWidget* parent = nullptr, const QString& store = {});
    // The shipped tables, then every file of the user price store as its own rows (a file that
    // does not load is named in the status line; the others still show).
    void reload();
    PriceEntriesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString store() const { return m_store; }
    // Whether a pilot is open: the what-if dialog then offers to use the copy in it.
    void setPilotOpen(bool open) { m_pilotOpen = open; }
    void selectRow(int row);

public slots:
    // "What-if copy…" of the selected entry (modal); on success the view reloads, selects the
    // copy and emits priceCopyCreated.
    void openWhatIfCopy();

signals:
    void priceCopyCreated(const QString& path, bool useInPilot);

private:
    void showDetail(int row);

    PriceEntriesModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_whatIf = nullptr;
    QString m_store;
    bool m_pilotOpen = false;
};

} // namespace qpilot
