// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/metricspanel.h — the circuit's metrics: a summary table (qubits, depth, ...) and
// the count of each operation by name.
#pragma once

#include <QWidget>

class QTableWidget;

namespace qpilot {

class Document;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(const Document* document, QWidget* parent = nullptr);

    // Value shown for a row label of the summary table ("Qubits", "Depth", ...).
    QString value(const QString& label) const;

private:
    void refresh();

    const Document* m_document;
    QTableWidget* m_summary;
    QTableWidget* m_counts;
};

} // namespace qpilot
