// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/runcomparisonview.cpp — two runs side by side (see runcomparisonview.h).
#include "ui/jobs/runcomparisonview.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace qpilot {

RunComparisonView::RunComparisonView(QWidget* parent)
    : QWidget(parent), m_model(new RunComparisonModel(this)), m_view(new QTableView(this)), m_title(new QLabel(this)),
      m_summary(new QLabel(this)), m_list(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("runComparisonView"));
    m_view->setObjectName(QStringLiteral("comparisonTable"));
    m_list->setObjectName(QStringLiteral("comparisonDifferences"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::Field, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::RunA, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::RunB, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::Delta, QHeaderView::ResizeToContents);
    m_list->setReadOnly(true);
    m_list->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setPlaceholderText(tr("Select two runs in the history and press Compare."));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextFormat(Qt::PlainText);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* listTitle = new QLabel(tr("Result fields that differ (pilot::compareResults)"), right);
    listTitle->setWordWrap(true);
    rightLayout->addWidget(listTitle);
    rightLayout->addWidget(m_list, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    clear();
}

void RunComparisonView::clear()
{
    m_model->clear();
    m_view->clearSpans();
    m_differences.clear();
    m_list->clear();
    m_title->setText(tr("No comparison"));
    m_summary->setText(tr("Select two runs in the history and press <b>Compare</b>."));
}

void RunComparisonView::setRuns(const ComparedRun& a, const ComparedRun& b)
{
    m_model->setRuns(a, b);
    m_view->clearSpans();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->index(row, 0).data(RunComparisonModel::SectionRole).toBool())
            m_view->setSpan(row, 0, 1, RunComparisonModel::ColumnCount);
    m_differences.clear();
    for (const std::string& d : pilot::compareResults(a.run, b.run, std::numeric_limits<int>::max()))
        m_differences << QString::fromStdString(d);
    const QString nameA = QString::fromStdString(a.run.pilotName), nameB = QString::fromStdString(b.run.pilotName);
    m_title->setText(nameA == nameB ? tr("Run %1 vs run %2 \u2014 %3").arg(a.id).arg(b.id).arg(nameA)
                                    : tr("Run %1 (%2) vs run %3 (%4)").arg(a.id).arg(nameA).arg(b.id).arg(nameB));
    const int shown = m_model->differingRows();
    if (m_differences.isEmpty()) {
        m_summary->setText(tr("<span style='color:#1b7f3b'><b>Bit-identical results</b></span> \u2014 every result field "
                              "is the same; %1 provenance field(s) differ (seed, times, versions).")
                               .arg(shown));
        m_list->setPlainText(tr("bit-identical results"));
    } else {
        m_summary->setText(tr("<span style='color:#8a5200'><b>%1 result field(s) differ</b></span>; %2 of the fields "
                              "below differ (highlighted, with B \u2212 A).")
                               .arg(m_differences.size())
                               .arg(shown));
        // One field per line: values with line breaks (transpiled OpenQASM) show them as ↵.
        QStringList lines;
        for (const QString& d : m_differences)
            lines << QString(d).replace(QLatin1Char('\n'), QStringLiteral(" \u21b5 "));
        m_list->setPlainText(lines.join(QLatin1Char('\n')));
    }
}

QString RunComparisonView::summaryText() const
{
    return m_summary->text();
}

QString RunComparisonView::differencesText() const
{
    return m_list->toPlainText();
}

} // namespace qpilot
