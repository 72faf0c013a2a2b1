// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/palettepanel.cpp — the searchable gate palette (see palettepanel.h).
#include "ui/editor/palettepanel.h"

#include "ui/editor/palettemodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace qpilot {

PalettePanel::PalettePanel(QWidget* parent)
    : QWidget(parent), m_model(new PaletteModel(this)), m_filter(new PaletteFilterModel(this)),
      m_search(new QLineEdit(this)), m_tree(new QTreeView(this))
{
    setObjectName(QStringLiteral("palettePanel"));
    m_filter->setSourceModel(m_model);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Search gates\u2026"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("paletteTree"));
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->expandAll();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterRegularExpression(
            QRegularExpression(QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption));
        m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString id = index.data(PaletteModel::EntryIdRole).toString();
        if (!id.isEmpty())
            emit entryActivated(id);
    });
}

} // namespace qpilot
