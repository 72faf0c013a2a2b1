// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/metricspanel.cpp — metrics of the circuit (see metricspanel.h).
#include "ui/panels/metricspanel.h"

#include "ui/document/document.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>
#include <vector>

namespace qpilot {

namespace {

QTableWidget* makeTable(const QString& name, const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    return table;
}

void setRow(QTableWidget* table, int row, const QString& label, const QString& value)
{
    auto* name = new QTableWidgetItem(label);
    auto* number = new QTableWidgetItem(value);
    number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(row, 0, name);
    table->setItem(row, 1, number);
}

// Height that shows every row without scrolling.
int contentHeight(QTableWidget* table)
{
    return table->horizontalHeader()->sizeHint().height() + table->verticalHeader()->length()
        + 2 * table->frameWidth();
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MetricsPanel::MetricsPanel(const Document* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_summary(makeTable(QStringLiteral("metricsTable"), {tr("Metric"), tr("Value")}, this)),
      m_counts(makeTable(QStringLiteral("gateCountsTable"), {tr("Operation"), tr("Count")}, this))
{
    setObjectName(QStringLiteral("metricsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Metrics"), this));
    layout->addWidget(m_summary);
    layout->addSpacing(6);
    layout->addWidget(heading(tr("Operations by name"), this));
    layout->addWidget(m_counts);
    layout->addStretch(1);
    m_summary->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    connect(m_document, &Document::changed, this, &MetricsPanel::refresh);
    refresh();
}

QString MetricsPanel::value(const QString& label) const
{
    for (int row = 0; row < m_summary->rowCount(); ++row) {
        if (m_summary->item(row, 0)->text() == label)
            return m_summary->item(row, 1)->text();
    }
    return {};
}

void MetricsPanel::refresh()
{
    const bool has = m_document->hasCircuit();
    const CircuitMetrics& m = m_document->metrics();
    auto n = [has](int v) { return has ? QString::number(v) : QStringLiteral("\u2013"); };
    const std::vector<std::pair<QString, QString>> rows = {
        {tr("Qubits"), n(m.numQubits)},
        {tr("Classical bits"), n(m.numClbits)},
        {tr("Depth"), n(m.depth)},
        {tr("Two-qubit depth"), n(m.twoQubitDepth)},
        {tr("Operations"), n(m.size)},
        {tr("One-qubit gates"), n(m.oneQubitGates)},
        {tr("Two-qubit gates"), n(m.twoQubitGates)},
        {tr("Multi-qubit gates"), n(m.multiQubitGates)},
        {tr("Measurements"), n(m.measurements)},
        {tr("Resets"), n(m.resets)},
        {tr("If/else blocks"), n(m.conditionals)},
    };
    m_summary->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i)
        setRow(m_summary, i, rows[std::size_t(i)].first, rows[std::size_t(i)].second);

    m_counts->setRowCount(has ? int(m.countsByName.size()) : 0);
    int row = 0;
    if (has) {
        for (const auto& [name, count] : m.countsByName)
            setRow(m_counts, row++, QString::fromStdString(name), QString::number(count));
    }
    m_summary->setFixedHeight(contentHeight(m_summary));
    // Up to about a dozen operation names show at once; more scroll.
    m_counts->setMaximumHeight(std::max(contentHeight(m_counts),
                                        m_counts->horizontalHeader()->sizeHint().height() * 2));
    m_counts->setMinimumHeight(std::min(m_counts->maximumHeight(), 120));
}

} // namespace qpilot
