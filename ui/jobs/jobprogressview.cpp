// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/jobprogressview.cpp — the job progress view (see jobprogressview.h).
#include "ui/jobs/jobprogressview.h"

#include "core/readiness/readiness.h"
#include "core/store/store.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/runs/runsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace qpilot {

QString formatClock(double seconds)
{
    const long long s = std::llround(std::max(0.0, seconds));
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

namespace {

// Draws a progress bar in the Progress column of the running stage.
class StageBarDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() != StageProgressModel::Progress
            || index.data(StageProgressModel::StateRole).toInt() != static_cast<int>(StageState::Running)) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem bg = option;
        initStyleOption(&bg, index);
        bg.text.clear();
        QStyledItemDelegate::paint(painter, bg, QModelIndex());
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(4, 4, -4, -4);
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = static_cast<int>(std::lround(std::clamp(index.data(StageProgressModel::FractionRole).toDouble(), 0.0, 1.0) * 1000));
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.fontMetrics = option.fontMetrics;
        const QWidget* w = option.widget;
        (w ? w->style() : QApplication::style())->drawControl(QStyle::CE_ProgressBar, &bar, painter, w);
    }
};

// The stage durations of the run to compare with: run `reproduced` when set, else the newest
// completed run of `pilotName` (other than the one in flight, which is still "running").
std::optional<StageProgressModel::Durations> previousDurations(const QString& databasePath, const QString& pilotName,
                                                               qint64 reproduced)
{
    if (databasePath.isEmpty() || !QFileInfo::exists(databasePath))
        return std::nullopt;
    auto opened = store::RunStore::open(databasePath.toStdString());
    if (!opened)
        return std::nullopt;
    const store::RunStore& s = *opened.value();
    qint64 id = reproduced;
    if (id <= 0) {
        auto list = s.listRuns();
        if (!list)
            return std::nullopt;
        for (const store::RunSummary& r : list.value())
            if (r.status == "completed" && QString::fromStdString(r.pilotName) == pilotName && r.id > id)
                id = r.id;
    }
    if (id <= 0)
        return std::nullopt;
    auto run = s.loadRun(id);
    if (!run || run->status != pilot::RunStatus::Completed)
        return std::nullopt;
    return stageDurations(run.value());
}

} // namespace

JobProgressView::JobProgressView(PilotRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_model(new StageProgressModel(this)), m_view(new QTableView(this)),
      m_headline(new QLabel(this)), m_elapsed(new QLabel(this)), m_remaining(new QLabel(this)), m_overall(new QProgressBar(this)),
      m_log(new QPlainTextEdit(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_copy(new QPushButton(tr("Copy log"), this)), m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("jobProgressView"));
    m_view->setObjectName(QStringLiteral("jobStages"));
    m_log->setObjectName(QStringLiteral("jobLog"));
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_headline->setObjectName(QStringLiteral("jobHeadline"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new StageBarDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    const int rowHeight = m_view->fontMetrics().height() + 10;
    m_view->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(StageProgressModel::Title, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StageProgressModel::Status, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StageProgressModel::Seconds, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->resizeSection(StageProgressModel::Progress, m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMinimumHeight(rowHeight * pilot::kStageCount + m_view->horizontalHeader()->sizeHint().height() + 4);
    m_view->setMaximumHeight(m_view->minimumHeight());
    m_view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setText(tr("No job running"));
    m_elapsed->setObjectName(QStringLiteral("jobElapsed"));
    m_remaining->setObjectName(QStringLiteral("jobRemaining"));
    m_elapsed->setTextFormat(Qt::PlainText);
    m_remaining->setTextFormat(Qt::PlainText);
    m_overall->setRange(0, 1000);
    m_overall->setTextVisible(false);
    m_overall->setMaximumHeight(8);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(5000);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_log->setFont(mono);
    m_log->setPlaceholderText(tr("Progress messages, warnings and the outcome of each job appear here."));
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop the job at the next checkpoint; the run is recorded as cancelled"));
    m_copy->setToolTip(tr("Copy the whole log to the clipboard"));
    m_ticker->setInterval(250);

    auto* top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(m_elapsed);
    top->addSpacing(16);
    top->addWidget(m_remaining);
    top->addSpacing(16);
    top->addWidget(m_cancel);
    auto* logButtons = new QHBoxLayout;
    auto* logTitle = new QLabel(tr("Log"), this);
    logButtons->addWidget(logTitle);
    logButtons->addStretch(1);
    logButtons->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_overall);
    layout->addWidget(m_view);
    layout->addLayout(logButtons);
    layout->addWidget(m_log, 1);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        m_cancel->setEnabled(false);
        appendLog(tr("Cancel requested: the job stops at the next checkpoint."));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(logText()); });
    connect(m_runner, &PilotRunner::started, this, &JobProgressView::onStarted);
    connect(m_runner, &PilotRunner::progressed, this, &JobProgressView::onProgress);
    connect(m_runner, &PilotRunner::finished, this, &JobProgressView::onFinished);
    connect(m_ticker, &QTimer::timeout, this, &JobProgressView::tick);
    m_elapsed->setText(tr("Elapsed \u2013"));
    m_remaining->setText(tr("Remaining \u2013"));
}

QString JobProgressView::logText() const
{
    return m_log->toPlainText();
}

QString JobProgressView::elapsedText() const
{
    return m_elapsed->text();
}

QString JobProgressView::remainingText() const
{
    return m_remaining->text();
}

QString JobProgressView::headlineText() const
{
    return m_headline->text();
}

void JobProgressView::appendLog(const QString& line)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    const double at = m_runner->isRunning() ? m_runner->elapsedSeconds() : m_endSeconds;
    m_log->appendPlainText(QStringLiteral("%1 [+%2 s] %3").arg(stamp).arg(at, 6, 'f', 1).arg(line));
}

void JobProgressView::loadHistory(const QString& pilotName, qint64 reproducedRun)
{
    const int job = m_job;
    auto* watcher = new QFutureWatcher<std::optional<StageProgressModel::Durations>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        if (job != m_job)
            return;
        const auto durations = watcher->result();
        m_model->setPreviousDurations(durations);
        if (durations) {
            double total = 0;
            for (double d : *durations)
                total += d;
            appendLog(tr("Estimating from the previous run's stage timings (%1 in all).").arg(formatDuration(total)));
        }
        emit historyReady(durations.has_value());
        if (m_runner->isRunning())
            tick();
    });
    watcher->setFuture(QtConcurrent::run(previousDurations, m_databasePath, pilotName, reproducedRun));
}

void JobProgressView::onStarted(bool reproduce)
{
    ++m_job;
    m_endSeconds = 0;
    m_model->reset();
    m_model->setPreviousDurations(std::nullopt);
    m_lastStage = -1;
    m_lastMessage.clear();
    m_estimate.reset();
    m_overall->setValue(0);
    m_cancel->setEnabled(true);
    const QString name = m_runner->pilotName();
    m_headline->setText(reproduce ? tr("Reproducing run %1").arg(m_runner->reproducedRun()) : tr("Running %1").arg(name));
    if (!m_log->document()->isEmpty())
        m_log->appendPlainText(QString());
    appendLog(reproduce ? tr("Reproduce run %1 started.").arg(m_runner->reproducedRun())
                        : tr("Run of pilot %1 started.").arg(name));
    loadHistory(name, reproduce ? m_runner->reproducedRun() : 0);
    m_ticker->start();
    tick();
}

void JobProgressView::onProgress(int stage, double fraction, const QString& message)
{
    if (!m_runner->isRunning())
        return;
    m_model->progress(stage, fraction, message, m_runner->elapsedSeconds());
    if (stage != m_lastStage) {
        m_lastStage = stage;
        appendLog(tr("Stage %1/%2: %3").arg(stage + 1).arg(pilot::kStageCount).arg(QString::fromLatin1(pilot::stageTitle(pilot::Stage(stage)))));
    }
    if (!message.isEmpty() && message != m_lastMessage) {
        m_lastMessage = message;
        appendLog(QStringLiteral("  ") + message);
    }
    m_overall->setValue(static_cast<int>(std::lround((stage + std::clamp(fraction, 0.0, 1.0)) / pilot::kStageCount * 1000)));
    tick();
}

void JobProgressView::tick()
{
    const double now = m_runner->elapsedSeconds();
    m_model->tick(now);
    m_elapsed->setText(tr("Elapsed %1").arg(formatClock(now)));
    m_estimate = m_model->estimateRemaining(now);
    m_remaining->setText(m_estimate ? tr("Remaining \u2248 %1").arg(formatClock(*m_estimate)) : tr("Remaining: estimating\u2026"));
    emit remainingEstimated(m_estimate.has_value(), m_estimate.value_or(0.0));
}

void JobProgressView::onFinished()
{
    m_ticker->stop();
    m_cancel->setEnabled(false);
    const PilotJobResult& r = m_runner->result();
    const pilot::Execution& e = r.execution;
    m_endSeconds = r.seconds;
    m_model->finish(e.run);
    m_estimate = 0.0;
    m_elapsed->setText(tr("Elapsed %1").arg(formatClock(r.seconds)));
    m_remaining->setText(tr("Remaining \u2013"));
    m_overall->setValue(1000);
    for (const std::string& w : e.run.warnings)
        appendLog(tr("Warning: %1").arg(QString::fromStdString(w)));
    QString outcome;
    if (r.reproduce) {
        const pilot::Reproduction& rep = r.reproduction;
        if (rep.error || !rep.invalid.empty())
            outcome = tr("Reproduce failed: %1").arg(QString::fromStdString(rep.error ? rep.error->toString() : rep.invalid.front().toString()));
        else if (rep.identical)
            outcome = tr("Run %1 reproduced as run %2: bit-identical results.").arg(m_runner->reproducedRun()).arg(e.runId);
        else
            outcome = tr("Run %1 reproduced as run %2: results differ in %3 field(s).")
                          .arg(m_runner->reproducedRun())
                          .arg(e.runId)
                          .arg(rep.differences.size());
    } else if (!e.invalid.empty()) {
        QStringList list;
        for (const Error& err : e.invalid)
            list << QString::fromStdString(err.toString());
        outcome = tr("Invalid pilot, nothing ran: %1").arg(list.join(QStringLiteral("; ")));
    } else if (e.run.status == pilot::RunStatus::Completed && e.cards.best >= 0) {
        const readiness::Scorecard& best = e.cards.cards[static_cast<size_t>(e.cards.best)];
        outcome = tr("Run %1 completed: %2, overall %3 on %4.")
                      .arg(e.runId)
                      .arg(QString::fromUtf8(readiness::verdictTitle(best.verdict)), QString::number(best.overall, 'f', 1),
                           QString::fromStdString(best.device));
    } else {
        outcome = tr("Run %1 %2: %3")
                      .arg(e.runId)
                      .arg(QString::fromLatin1(pilot::runStatusKey(e.run.status)),
                           QString::fromStdString(e.storeError && e.runId == 0 ? e.storeError->toString() : e.run.stopReason));
    }
    if (e.storeError && e.runId != 0)
        appendLog(tr("Store error: %1").arg(QString::fromStdString(e.storeError->toString())));
    if (e.reportError)
        appendLog(tr("Report error: %1").arg(QString::fromStdString(e.reportError->toString())));
    appendLog(outcome);
    m_headline->setText(outcome);
    emit remainingEstimated(true, 0.0);
}

} // namespace qpilot
