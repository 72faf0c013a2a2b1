// SPDX-License-Identifier: GPL-3.0-or-later
// ui/runs/runspanel.cpp — the Runs dock (see runspanel.h).
#include "ui/runs/runspanel.h"

#include "core/store/store.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/runs/runsmodel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace qpilot {

namespace {

QString h(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString seconds(double v)
{
    if (v >= 60)
        return QStringLiteral("%1 min").arg(v / 60, 0, 'f', 1);
    if (v >= 1)
        return QStringLiteral("%1 s").arg(v, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(v * 1e3, 0, 'f', 1);
}

// $0.0123, $4.56, $789, $12.3 k, $134 M; tiny amounts in scientific notation.
QString money(double usd)
{
    if (usd >= 1e9)
        return QStringLiteral("$%1 G").arg(QString::number(usd / 1e9, 'g', 3));
    if (usd >= 1e6)
        return QStringLiteral("$%1 M").arg(QString::number(usd / 1e6, 'g', 3));
    if (usd >= 1e4)
        return QStringLiteral("$%1 k").arg(QString::number(usd / 1e3, 'g', 3));
    if (usd > 0 && usd < 1e-3)
        return QStringLiteral("$%1").arg(QString::number(usd, 'e', 2));
    return QStringLiteral("$%1").arg(QString::number(usd, 'g', 3));
}

} // namespace

RunsPanel::RunsPanel(PilotRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_model(new RunsModel(this)), m_view(new QTableView(this)), m_hint(new QLabel(this)),
      m_details(new QTextBrowser(this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_openReport(new QPushButton(tr("Open report"), this)), m_reproduce(new QPushButton(tr("Reproduce"), this))
{
    setObjectName(QStringLiteral("runsPanel"));
    m_view->setObjectName(QStringLiteral("runsView"));
    m_details->setObjectName(QStringLiteral("runDetails"));
    m_hint->setObjectName(QStringLiteral("runsHint"));
    m_openReport->setObjectName(QStringLiteral("runOpenReport"));
    m_reproduce->setObjectName(QStringLiteral("runReproduce"));
    m_refresh->setObjectName(QStringLiteral("runsRefresh"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hint->setWordWrap(true);
    m_hint->setContentsMargins(6, 6, 6, 6);
    m_details->setOpenExternalLinks(false);
    m_reproduce->setToolTip(tr("Re-execute the selected run from its stored record and compare every result field"));
    m_openReport->setToolTip(tr("Open the run's PDF report"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_hint);
    leftLayout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_openReport);
    buttons->addWidget(m_reproduce);
    leftLayout->addLayout(buttons);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({560, 340});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_refresh, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(m_openReport, &QPushButton::clicked, this, &RunsPanel::openSelectedReport);
    connect(m_reproduce, &QPushButton::clicked, this, &RunsPanel::reproduceSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::showSelected);
    connect(m_runner, &PilotRunner::started, this, &RunsPanel::showSelected);
    connect(m_runner, &PilotRunner::finished, this, [this] {
        refresh();
        if (m_runner->result().execution.runId > 0)
            selectRun(m_runner->result().execution.runId);
    });
    refresh();
}

QString RunsPanel::databasePath() const
{
    return m_databasePath.isEmpty() ? QString::fromStdString(store::defaultDatabasePath()) : m_databasePath;
}

void RunsPanel::setDatabasePath(const QString& path)
{
    m_databasePath = path;
    refresh();
}

QString RunsPanel::detailsText() const
{
    return m_details->toPlainText();
}

QString RunsPanel::hintText() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

qint64 RunsPanel::selectedRun() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(RunsModel::RunIdRole).toLongLong();
}

QString RunsPanel::selectedReport() const
{
    return m_report;
}

void RunsPanel::selectRun(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

void RunsPanel::refresh()
{
    const qint64 selected = selectedRun();
    if (auto e = m_model->reload(databasePath())) {
        emit storeError(tr("The run store %1 cannot be read:\n%2")
                            .arg(QDir::toNativeSeparators(databasePath()), QString::fromStdString(e->toString())));
    }
    m_hint->setVisible(m_model->rowCount() == 0);
    m_hint->setText(m_model->storeExists()
                        ? tr("No runs yet. Open a pilot and press Run (Ctrl+R).")
                        : tr("No run store yet at %1. Runs are recorded there when you run a pilot (Ctrl+R) or "
                             "use 'qpilot run'.")
                              .arg(QDir::toNativeSeparators(databasePath())));
    if (selected > 0)
        selectRun(selected);
    showSelected();
}

void RunsPanel::showSelected()
{
    const qint64 id = selectedRun();
    m_report.clear();
    const bool busy = m_runner->isRunning();
    if (id <= 0) {
        m_details->setHtml(tr("<p style='color:gray'>Select a run to see its stages, models and devices.</p>"));
        m_openReport->setEnabled(false);
        m_reproduce->setEnabled(false);
        return;
    }
    auto opened = store::RunStore::open(databasePath().toStdString());
    if (!opened) {
        m_details->setPlainText(QString::fromStdString(opened.error().toString()));
        m_openReport->setEnabled(false);
        m_reproduce->setEnabled(false);
        return;
    }
    const store::RunStore& s = *opened.value();
    auto loaded = s.loadRun(id);
    auto summary = s.summary(id);
    if (!loaded || !summary) {
        m_details->setPlainText(QString::fromStdString((!loaded ? loaded.error() : summary.error()).toString()));
        m_openReport->setEnabled(false);
        m_reproduce->setEnabled(false);
        return;
    }
    const pilot::PilotRun& r = loaded.value();
    QString text = tr("<h3 style='margin:0'>Run %1 \u2014 %2</h3>").arg(id).arg(h(r.pilotName));
    text += tr("<p style='margin-top:4px'>%1, seed %2").arg(h(summary->status)).arg(r.seed);
    if (!summary->verdict.empty())
        text += tr("; <b>%1</b>, overall %2").arg(verdictTitleFromKey(summary->verdict)).arg(summary->overall, 0, 'f', 1);
    text += QStringLiteral("<br>") + tr("started %1 by %2").arg(h(r.startedAt), h(r.user));
    if (!r.stopReason.empty())
        text += QStringLiteral("<br>") + tr("stopped: %1").arg(h(r.stopReason));
    text += QStringLiteral("<br>") + tr("digest <code>%1</code>").arg(h(summary->resultDigest.substr(0, 16)));
    if (!r.datasetFingerprint.empty())
        text += QStringLiteral("<br>") + tr("dataset %1 (sha256 <code>%2</code>)").arg(h(r.datasetName), h(r.datasetFingerprint.substr(0, 12)));
    text += QStringLiteral("</p>");
    if (!r.stages.empty()) {
        text += tr("<b>Stages</b><table cellspacing='0' cellpadding='1'>");
        for (const pilot::StageRecord& st : r.stages)
            text += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>&nbsp;%3</td></tr>")
                        .arg(QString::fromLatin1(pilot::stageTitle(st.stage)), h(st.status), seconds(st.seconds));
        text += QStringLiteral("</table>");
    }
    if (!r.baselines.empty() || !r.quantum.model.empty()) {
        text += tr("<b>Models</b> (test accuracy)<br>");
        for (size_t i = 0; i < r.baselines.size(); ++i)
            text += QStringLiteral("%1 %2%3<br>")
                        .arg(h(r.baselines[i].model))
                        .arg(r.baselines[i].metrics.accuracy, 0, 'f', 3)
                        .arg(int(i) == r.bestBaseline ? tr(" (best baseline)") : QString());
        if (!r.quantum.model.empty())
            text += tr("%1 %2 (quantum, ideal)<br>").arg(h(r.quantum.model)).arg(r.quantum.metrics.accuracy, 0, 'f', 3);
    }
    if (!r.devices.empty()) {
        text += tr("<b>Devices</b><table cellspacing='0' cellpadding='2'><tr><th align='left'>device</th><th align='right'>2q</th>"
                   "<th align='right'>success</th><th align='right'>noisy acc</th><th align='right'>USD/1k</th>"
                   "<th align='right'>latency</th></tr>");
        for (const pilot::DeviceOutcome& d : r.devices) {
            if (!d.error.empty()) {
                text += QStringLiteral("<tr><td>%1</td><td colspan='5'>%2</td></tr>").arg(h(d.deviceId), tr("failed: %1").arg(h(d.error)));
                continue;
            }
            text += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td><td align='right'>%4</td>"
                                   "<td align='right'>%5</td><td align='right'>%6</td></tr>")
                        .arg(h(d.deviceId))
                        .arg(d.twoQubitGates)
                        .arg(d.successProbabilityKnown ? QString::number(d.successProbability, 'f', 3) : QStringLiteral("n/p"))
                        .arg(QString::number(d.noisyAccuracy, 'f', 3), money(d.costPer1kUsd),
                             d.latencySeconds ? seconds(*d.latencySeconds) : QStringLiteral("n/a"));
        }
        text += QStringLiteral("</table>");
    }
    if (auto arts = s.artefacts(id); arts && !arts->empty()) {
        text += tr("<b>Artefacts</b><br>");
        for (const store::Artefact& a : arts.value()) {
            text += QStringLiteral("%1: %2<br>").arg(h(a.kind), h(a.path));
            if (a.kind == "report" && QFileInfo::exists(QString::fromStdString(a.path)))
                m_report = QString::fromStdString(a.path);
        }
    }
    m_details->setHtml(text);
    m_openReport->setEnabled(!m_report.isEmpty());
    m_reproduce->setEnabled(!busy && summary->status == "completed");
}

void RunsPanel::openSelectedReport()
{
    if (!m_report.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_report));
}

void RunsPanel::reproduceSelected()
{
    const qint64 id = selectedRun();
    if (id > 0 && m_runner->startReproduce(databasePath(), id))
        m_reproduce->setEnabled(false);
}

} // namespace qpilot
