// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/runcomparisonview.h — two stored runs side by side: a headline per run, the
// RunComparisonModel table (differing cells highlighted with the delta) and the full list of
// result fields that differ according to pilot::compareResults ("bit-identical results" when none).
#pragma once

#include "ui/jobs/runcomparisonmodel.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace qpilot {

class RunComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit RunComparisonView(QWidget* parent = nullptr);

    void setRuns(const ComparedRun& a, const ComparedRun& b);
    void clear();

    RunComparisonModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // pilot::compareResults(a, b) of the runs shown (every field, not only the first 50).
    const QStringList& differences() const { return m_differences; }
    // "bit-identical results" or "N result fields differ"
    QString summaryText() const;
    QString differencesText() const;

private:
    RunComparisonModel* m_model;
    QTableView* m_view;
    QLabel* m_title;
    QLabel* m_summary;
    QPlainTextEdit* m_list;
    QStringList m_differences;
};

} // namespace qpilot
