// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/palettepanel.h — the searchable gate palette: a filter box over a tree of the
// PaletteModel; entries are dragged onto the circuit (or double-clicked to append them on
// the first qubit).
#pragma once

#include <QWidget>

class QLineEdit;
class QTreeView;

namespace qpilot {

class PaletteFilterModel;
class PaletteModel;

class PalettePanel : public QWidget {
    Q_OBJECT
public:
    explicit PalettePanel(QWidget* parent = nullptr);

    PaletteModel* model() const { return m_model; }
    PaletteFilterModel* filterModel() const { return m_filter; }
    QLineEdit* searchBox() const { return m_search; }
    QTreeView* tree() const { return m_tree; }

signals:
    // An entry was double-clicked (or Enter pressed on it).
    void entryActivated(const QString& entryId);

private:
    PaletteModel* m_model;
    PaletteFilterModel* m_filter;
    QLineEdit* m_search;
    QTreeView* m_tree;
};

} // namespace qpilot
