// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/palettemodel.cpp — the gate palette model (see palettemodel.h).
#include "ui/editor/palettemodel.h"

#include "core/circuit/gates.h"
#include "core/encoding/encoding.h"

#include <QMimeData>

namespace qpilot {

namespace {

constexpr quintptr kGroupId = quintptr(-1);

int groupOf(const GateInfo& info)
{
    if (info.qubits == 3)
        return 3;
    if (info.qubits == 2)
        return 2;
    return info.params > 0 ? 1 : 0;
}

} // namespace

PaletteModel::PaletteModel(QObject* parent) : QAbstractItemModel(parent)
{
    m_groups = {{tr("Single-qubit"), {}}, {tr("Rotations"), {}},       {tr("Two-qubit"), {}},
                {tr("Three-qubit"), {}},  {tr("Measure & reset"), {}}, {tr("Barrier"), {}},
                {tr("Encodings & ans\u00e4tze"), {}}};
    for (const GateInfo& info : gateTable()) {
        if (info.qubits < 1)
            continue; // gphase has no wire to sit on
        const QString name = QString::fromLatin1(info.name);
        m_groups[std::size_t(groupOf(info))].entries.push_back(
            {QStringLiteral("gate:") + name, name, QString::fromUtf8(info.summary)});
    }
    m_groups[4].entries = {{QStringLiteral("measure"), QStringLiteral("measure"),
                            tr("Measure a qubit into the classical bit of the same index")},
                           {QStringLiteral("reset"), QStringLiteral("reset"), tr("Reset a qubit to |0\u27e9")}};
    for (const encoding::CatalogEntry& e : encoding::catalog()) {
        if (e.kind == encoding::Kind::HardwareEfficient)
            continue; // needs a device's native gates
        m_groups[6].entries.push_back({QStringLiteral("block:") + QString::fromStdString(e.name),
                                       QString::fromStdString(e.name),
                                       tr("%1 \u2014 a block on the qubits from the drop row down; expand it "
                                          "from its context menu")
                                           .arg(QString::fromStdString(e.description))});
    }
    m_groups[5].entries = {{QStringLiteral("barrier"), QStringLiteral("barrier"),
                            tr("Barrier on one qubit (stops the optimiser moving gates across it)")}};
}

QModelIndex PaletteModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex PaletteModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId()), 0, kGroupId);
}

int PaletteModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kGroupId)
        return 0;
    return int(m_groups[std::size_t(parent.row())].entries.size());
}

int PaletteModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant PaletteModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupId) {
        if (role == Qt::DisplayRole)
            return m_groups[std::size_t(index.row())].title;
        return {};
    }
    const Entry& e = m_groups[index.internalId()].entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return e.label;
    case Qt::ToolTipRole:
    case SummaryRole:
        return e.summary;
    case EntryIdRole:
        return e.id;
    default:
        return {};
    }
}

Qt::ItemFlags PaletteModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kGroupId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList PaletteModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData* PaletteModel::mimeData(const QModelIndexList& indexes) const
{
    for (const QModelIndex& index : indexes) {
        const QString id = index.data(EntryIdRole).toString();
        if (!id.isEmpty()) {
            auto* mime = new QMimeData;
            mime->setData(QString::fromLatin1(kMimeType), id.toUtf8());
            mime->setText(index.data(Qt::DisplayRole).toString());
            return mime;
        }
    }
    return nullptr;
}

QModelIndex PaletteModel::indexOfEntry(const QString& id) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (std::size_t e = 0; e < m_groups[g].entries.size(); ++e) {
            if (m_groups[g].entries[e].id == id)
                return index(int(e), 0, index(int(g), 0));
        }
    }
    return {};
}

PaletteFilterModel::PaletteFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool PaletteFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!sourceParent.isValid())
        return filterRegularExpression().pattern().isEmpty(); // groups show when a child matches
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QRegularExpression re = filterRegularExpression();
    return index.data(Qt::DisplayRole).toString().contains(re)
        || index.data(PaletteModel::SummaryRole).toString().contains(re);
}

} // namespace qpilot
