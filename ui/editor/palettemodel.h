// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/palettemodel.h — the gate palette as a two-level item model: groups (single-qubit,
// rotations, two-qubit, three-qubit, measurement & reset, barrier, encodings & ansätze)
// holding entries built from the core gate table and encoding catalog. Entries drag as
// kMimeType with the entry id ("gate:cx", "measure", "reset", "barrier", "block:zz"); PaletteFilterModel filters by name or summary and keeps the groups.
#pragma once

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace qpilot {

class PaletteModel : public QAbstractItemModel {
    Q_OBJECT
public:
    static constexpr const char* kMimeType = "application/x-qpilot-palette-entry";
    enum Role { EntryIdRole = Qt::UserRole + 1, SummaryRole };

    explicit PaletteModel(QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

    // The index of an entry ("gate:h"), invalid when unknown.
    QModelIndex indexOfEntry(const QString& id) const;

private:
    struct Entry {
        QString id;
        QString label;
        QString summary;
    };
    struct Group {
        QString title;
        std::vector<Entry> entries;
    };
    std::vector<Group> m_groups;
};

class PaletteFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PaletteFilterModel(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
};

} // namespace qpilot
