// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotpanel.cpp — the Pilot dock (see pilotpanel.h).
#include "ui/pilot/pilotpanel.h"

#include "ui/pilot/pilotrunner.h"
#include "ui/pilot/pilotsession.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

QString html(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString number(double v, int precision = 3)
{
    return QString::number(v, 'g', precision);
}

QString elapsed(double seconds)
{
    const int s = static_cast<int>(seconds);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// The verdict as a coloured chip (green / amber / red as in the report).
QString verdictChip(readiness::Verdict v)
{
    const char* colour = v == readiness::Verdict::ProductionReady ? "#2e7d32"
                         : v == readiness::Verdict::ContinuePiloting ? "#b26a00"
                                                                      : "#c62828";
    return QStringLiteral("<span style='background-color:%1; color:white; font-weight:bold'>&nbsp;%2&nbsp;</span>")
        .arg(QLatin1String(colour), QString::fromUtf8(readiness::verdictTitle(v)));
}

QString row(const QString& key, const QString& value)
{
    return QStringLiteral("<tr><td style='padding-right:10px; color:palette(mid)'>%1</td><td>%2</td></tr>").arg(key, value);
}

} // namespace

PilotPanel::PilotPanel(PilotSession* session, PilotRunner* runner, QWidget* parent)
    : QWidget(parent), m_session(session), m_runner(runner), m_title(new QLabel(this)), m_summary(new QLabel(this)),
      m_stage(new QLabel(this)), m_elapsed(new QLabel(this)), m_outcome(new QLabel(this)), m_where(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_run(new QPushButton(tr("Run"), this)), m_cancel(new QPushButton(tr("Cancel"), this)), m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("pilotPanel"));
    m_title->setObjectName(QStringLiteral("pilotTitle"));
    m_summary->setObjectName(QStringLiteral("pilotSummary"));
    m_stage->setObjectName(QStringLiteral("pilotStage"));
    m_elapsed->setObjectName(QStringLiteral("pilotElapsed"));
    m_outcome->setObjectName(QStringLiteral("pilotOutcome"));
    m_progress->setObjectName(QStringLiteral("pilotProgress"));
    m_run->setObjectName(QStringLiteral("pilotRun"));
    m_cancel->setObjectName(QStringLiteral("pilotCancel"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    for (QLabel* l : {m_title, m_summary, m_stage, m_outcome}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_outcome->setTextFormat(Qt::RichText);
    m_outcome->setOpenExternalLinks(true);
    m_outcome->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_where->setObjectName(QStringLiteral("pilotWhere"));
    m_where->setWordWrap(true);
    m_where->setTextFormat(Qt::RichText);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_run->setDefault(true);
    m_run->setToolTip(tr("Run the pilot end to end (Ctrl+R): baselines, quantum model, devices, cost, scorecard, "
                         "PDF report; the run is recorded in the run store"));
    m_cancel->setToolTip(tr("Stop the run at the next checkpoint; it is recorded as cancelled"));
    m_ticker->setInterval(250);

    auto* content = new QWidget(this);
    auto* inner = new QVBoxLayout(content);
    inner->setContentsMargins(8, 8, 8, 8);
    inner->addWidget(m_title);
    inner->addWidget(m_summary);
    inner->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Summary on the left; the run controls and outcome in a column on the right.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_elapsed);
    auto* runBox = new QVBoxLayout;
    runBox->setContentsMargins(8, 8, 8, 8);
    runBox->addLayout(buttons);
    runBox->addWidget(m_progress);
    runBox->addWidget(m_stage);
    runBox->addWidget(m_outcome);
    runBox->addStretch(1);
    runBox->addWidget(m_where);
    auto* runColumn = new QWidget(this);
    runColumn->setLayout(runBox);
    runColumn->setMinimumWidth(220);
    runColumn->setMaximumWidth(340);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(scroll, 1);
    layout->addWidget(runColumn);

    connect(m_run, &QPushButton::clicked, this, &PilotPanel::runRequested);
    connect(m_cancel, &QPushButton::clicked, m_runner, &PilotRunner::cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_stage->setText(tr("Cancelling at the next checkpoint\u2026"));
    });
    connect(m_session, &PilotSession::changed, this, &PilotPanel::updateSummary);
    connect(m_runner, &PilotRunner::started, this, &PilotPanel::onStarted);
    connect(m_runner, &PilotRunner::progressed, this, &PilotPanel::onProgress);
    connect(m_runner, &PilotRunner::finished, this, &PilotPanel::onFinished);
    connect(m_ticker, &QTimer::timeout, this, &PilotPanel::tick);
    updateSummary();
    m_progress->hide();
    m_elapsed->clear();
}

void PilotPanel::setLocations(const QString& databasePath, const QString& reportDirectory)
{
    m_where->setText(tr("<span style='color:palette(mid)'>Runs are recorded in %1<br>Reports go to %2</span>")
                         .arg(QDir::toNativeSeparators(databasePath).toHtmlEscaped(),
                              QDir::toNativeSeparators(reportDirectory).toHtmlEscaped()));
}

QString PilotPanel::outcomeText() const
{
    return m_outcome->text();
}

QString PilotPanel::stageText() const
{
    return m_stage->text();
}

void PilotPanel::updateButtons()
{
    m_run->setEnabled(m_session->isOpen() && !m_runner->isRunning());
    m_cancel->setEnabled(m_runner->isRunning() && !m_runner->cancelRequested());
}

void PilotPanel::updateSummary()
{
    updateButtons();
    if (!m_session->isOpen()) {
        m_title->setText(tr("No pilot open"));
        m_summary->setText(tr("Open a <b>.qpilot</b> file or <i>File \u25b8 Open Example Pilot</i> to see what it asks, "
                              "then run it here: baselines, the quantum model, each target device, cost, the readiness "
                              "scorecard and the PDF report."));
        return;
    }
    const pilot::Pilot& p = m_session->pilot();
    m_title->setText(QString::fromStdString(p.title.empty() ? p.name : p.title));
    QString devices;
    for (const std::string& d : p.devices)
        devices += (devices.isEmpty() ? QString() : QStringLiteral(", ")) + html(d);
    QString model = html(p.model.kind);
    if (p.model.kind == "vqc")
        model += tr(" (%1, %2 epochs, lr %3)").arg(html(p.model.optimizer)).arg(p.model.epochs).arg(number(p.model.learningRate));
    QString baselines;
    for (const std::string& b : p.model.baselines)
        baselines += (baselines.isEmpty() ? QString() : QStringLiteral(", ")) + html(b);
    QString circuit = p.circuit.customQasm.empty()
        ? html(p.circuit.encoding) + (p.circuit.reps > 0 ? tr(", reps %1").arg(p.circuit.reps) : QString())
              + (p.circuit.ansatz.empty() ? QString() : QStringLiteral(" + ") + html(p.circuit.ansatz))
        : tr("custom OpenQASM circuit");
    QString preprocessing = tr("test %1%").arg(number(100 * p.preprocessing.testFraction));
    if (p.preprocessing.standardize)
        preprocessing += tr(", standardised");
    if (p.preprocessing.pca > 0)
        preprocessing += tr(", PCA %1").arg(p.preprocessing.pca);
    const pilot::Objectives& o = p.objectives;
    QString text = QStringLiteral("<p>%1</p><table cellspacing='0' cellpadding='1'>").arg(html(p.description));
    text += row(tr("Pilot"), html(p.name) + (m_session->filePath().isEmpty() ? tr(" (example)") : QString()));
    text += row(tr("Dataset"), html(p.dataset.source) + (p.dataset.classes.empty() ? QString() : tr(" (classes selected)")));
    text += row(tr("Preprocessing"), preprocessing);
    text += row(tr("Circuit"), circuit);
    text += row(tr("Model"), model);
    text += row(tr("Baselines"), baselines);
    text += row(tr("Devices"), devices);
    text += row(tr("Mitigation"), html(p.mitigation));
    text += row(tr("Shots"), QString::number(p.shots));
    text += row(tr("Seed"), QString::number(p.seed) + tr(" (%1 reproducibility seeds)").arg(p.reproducibilitySeeds));
    text += row(tr("Objectives"),
                tr("latency \u2264 %1 s, cost \u2264 $%2 per 1k, accuracy \u2212 best baseline \u2265 %3, "
                   "seed spread \u2264 %4")
                    .arg(number(o.maxLatencySeconds), number(o.maxCostPer1kUsd), number(o.minAccuracyDelta),
                         number(o.reproducibilityTolerance)));
    text += QStringLiteral("</table>");
    m_summary->setText(text);
}

void PilotPanel::onStarted(bool reproduce)
{
    updateButtons();
    m_progress->setValue(0);
    m_progress->show();
    m_outcome->clear();
    m_stage->setText(reproduce ? tr("Reproducing a stored run\u2026") : tr("Starting\u2026"));
    m_elapsed->setText(elapsed(0));
    m_ticker->start();
}

void PilotPanel::onProgress(int stage, double fraction, const QString& message)
{
    const double overall = (stage + std::clamp(fraction, 0.0, 1.0)) / pilot::kStageCount;
    m_progress->setValue(static_cast<int>(std::lround(overall * 1000)));
    m_stage->setText(tr("%1/%2 %3%4")
                         .arg(stage + 1)
                         .arg(pilot::kStageCount)
                         .arg(QString::fromLatin1(pilot::stageTitle(static_cast<pilot::Stage>(stage))),
                              message.isEmpty() ? QString() : QStringLiteral(": ") + message));
}

void PilotPanel::tick()
{
    m_elapsed->setText(elapsed(m_runner->elapsedSeconds()));
}

void PilotPanel::onFinished()
{
    m_ticker->stop();
    m_progress->hide();
    updateButtons();
    const PilotJobResult& r = m_runner->result();
    const pilot::Execution& e = r.execution;
    m_elapsed->setText(elapsed(r.seconds));
    QString outcome;
    if (r.reproduce) {
        const pilot::Reproduction& rep = r.reproduction;
        if (rep.error || !rep.invalid.empty())
            outcome = tr("<b>Reproduce failed:</b> %1")
                          .arg(html(rep.error ? rep.error->toString() : rep.invalid.front().toString()));
        else if (rep.identical)
            outcome = tr("<b>Reproduced</b> as run %1: bit-identical results").arg(e.runId);
        else
            outcome = tr("<b>Reproduced</b> as run %1: results <b>differ</b> in %2 field(s)")
                          .arg(e.runId)
                          .arg(rep.differences.size());
    } else if (!e.invalid.empty()) {
        QString list;
        for (const Error& err : e.invalid)
            list += QStringLiteral("<br>") + html(err.toString());
        outcome = tr("<b>Invalid pilot</b>, nothing ran:%1").arg(list);
    } else if (e.run.status == pilot::RunStatus::Completed && e.cards.best >= 0) {
        const readiness::Scorecard& best = e.cards.cards[static_cast<size_t>(e.cards.best)];
        outcome = tr("%1 \u2014 overall %2 on %3 (run %4)")
                      .arg(verdictChip(best.verdict), QString::number(best.overall, 'f', 1), html(best.device))
                      .arg(e.runId);
        outcome += QStringLiteral("<table cellspacing='0' cellpadding='2' style='margin-top:6px'>");
        for (const readiness::Scorecard& card : e.cards.cards)
            outcome += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td></tr>")
                           .arg(html(card.device), QString::fromUtf8(readiness::verdictTitle(card.verdict)),
                                QString::number(card.overall, 'f', 1));
        outcome += QStringLiteral("</table>");
        if (!e.run.stages.empty() && e.run.stages.back().stage == pilot::Stage::Report && e.run.stages.back().status == "done") {
            const QString pdf = QString::fromStdString(e.run.stages.back().message);
            outcome += tr("Report: <a href='%1'>%2</a>")
                           .arg(QUrl::fromLocalFile(pdf).toString().toHtmlEscaped(), QFileInfo(pdf).fileName().toHtmlEscaped());
        }
    } else {
        outcome = tr("<b>Run %1 %2</b>: %3")
                      .arg(e.runId)
                      .arg(QString::fromLatin1(pilot::runStatusKey(e.run.status)),
                           html(e.storeError && e.runId == 0 ? e.storeError->toString() : e.run.stopReason));
    }
    m_stage->clear();
    m_outcome->setText(outcome);
}

} // namespace qpilot
