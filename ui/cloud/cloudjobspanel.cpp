// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudjobspanel.cpp — CloudJobsPanel (see cloudjobspanel.h). The worker opens its own
// RunStore (one connection per thread) and creates transport and clients on its thread; the
// endpoints in use are resolved on the GUI thread (they read QSettings) and passed by value.
#include "ui/cloud/cloudjobspanel.h"

#include "ui/cloud/cloudconnect.h"
#include "ui/cloud/cloudjobsmodel.h"
#include "ui/plots/chartview.h"
#include "ui/plots/dashboardcharts.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qpilot {

namespace {

using namespace qpilot::cloud;

// One action of the panel on a worker thread; `changed` is called after every recorded change.
std::string runAction(const std::string& db, const std::map<Provider, Endpoints>& endpoints, int action, qint64 jobId,
                      const WaitOptions& wait, const std::atomic<bool>* cancel, const std::function<void()>& changed)
{
    auto opened = store::RunStore::open(db);
    if (!opened)
        return opened.error().message;
    store::RunStore& s = *opened.value();
    auto clientFor = [&](Provider p, HttpTransport& http) { return cloudui::connectProvider(p, endpoints.at(p), http); };
    const JobProgress progress = [&](const CloudJob&) { changed(); };
    if (action == 0) {
        auto unfinished = s.listCloudJobs(true);
        if (!unfinished)
            return unfinished.error().message;
        std::string errors;
        for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq}) {
            bool any = false;
            for (const CloudJob& j : unfinished.value())
                any = any || j.provider == providerKey(p);
            if (!any)
                continue;
            HttpTransport http;
            auto client = clientFor(p, http);
            if (!client) {
                errors += (errors.empty() ? "" : "; ") + client.error().message;
                continue;
            }
            JobTracker t(s, *client.value());
            auto done = t.resumeUnfinished(cancel, progress, wait);
            if (!done)
                errors += (errors.empty() ? "" : "; ") + done.error().message;
            changed();
        }
        return errors;
    }
    auto job = s.cloudJob(jobId);
    if (!job)
        return job.error().message;
    auto p = jobProvider(job.value());
    if (!p)
        return p.error().message;
    HttpTransport http;
    auto client = clientFor(p.value(), http);
    if (!client)
        return client.error().message;
    JobTracker t(s, *client.value());
    std::string error;
    if (action == 1) {
        auto r = t.cancel(jobId);
        if (!r)
            error = r.error().message;
    } else {
        auto r = t.result(jobId);
        if (!r)
            error = r.error().message;
    }
    changed();
    return error;
}

constexpr std::size_t kMaxOutcomesDrawn = 32;

// The outcomes worth drawing: all of them up to kMaxOutcomesDrawn, else the most probable in
// any of the distributions (in bitstring order).
std::vector<std::size_t> outcomesToDraw(const SimulationCheck& c)
{
    std::vector<std::size_t> order(c.outcomes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    if (order.size() <= kMaxOutcomesDrawn)
        return order;
    auto weight = [&](std::size_t i) {
        return std::max({c.measured[i], c.ideal[i], c.noisy.empty() ? 0.0 : c.noisy[i]});
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
    order.resize(kMaxOutcomesDrawn);
    std::sort(order.begin(), order.end());
    return order;
}

QString formatDistance(double tvd, double fidelity)
{
    return QStringLiteral("TVD %1, Hellinger fidelity %2").arg(tvd, 0, 'f', 3).arg(fidelity, 0, 'f', 3);
}


} // namespace

CloudJobsPanel::CloudJobsPanel(QWidget* parent)
    : QWidget(parent), m_model(new CloudJobsModel(this)), m_view(new QTableView(this)), m_status(new QLabel(this)),
      m_details(new QTextBrowser(this)), m_counts(new ui::plots::ChartView(this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_resume(new QPushButton(tr("Resume unfinished"), this)), m_cancel(new QPushButton(tr("Cancel job"), this)),
      m_result(new QPushButton(tr("Result"), this)), m_stop(new QPushButton(tr("Stop"), this)),
      m_openInEditor(new QPushButton(tr("Open in editor"), this)),
      m_resumeOnStart(new QCheckBox(tr("Resume unfinished jobs at start"), this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_status->setWordWrap(true);
    m_details->setMinimumHeight(90);
    m_counts->setMinimumSize(200, 90); // as small as the details beside it: the page must fit small windows
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_refresh, m_resume, m_cancel, m_result, m_stop})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_openInEditor);
    m_openInEditor->setToolTip(tr("Open the job's circuit on the Circuit page; a completed job's counts are drawn there "
                                  "beside the live simulation, with the device's noise model and as many shots."));
    m_resumeOnStart->setToolTip(tr("When Qpilot starts, poll every job left queued or running (or whose submission "
                                   "was interrupted) until it ends, and store its counts."));
    m_resumeOnStart->setChecked(QSettings().value(QStringLiteral("cloud/resumeOnStart"), true).toBool());
    connect(m_resumeOnStart, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("cloud/resumeOnStart"), on); });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 2);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_resumeOnStart);
    layout->addLayout(statusRow);
    auto* lower = new QHBoxLayout;
    lower->addWidget(m_details, 1);
    lower->addWidget(m_counts, 1);
    layout->addLayout(lower, 3);
    m_stop->setEnabled(false);
    connect(m_refresh, &QPushButton::clicked, this, &CloudJobsPanel::refresh);
    connect(m_resume, &QPushButton::clicked, this, &CloudJobsPanel::resumeUnfinished);
    connect(m_cancel, &QPushButton::clicked, this, &CloudJobsPanel::cancelSelected);
    connect(m_result, &QPushButton::clicked, this, &CloudJobsPanel::showSelectedResult);
    connect(m_stop, &QPushButton::clicked, this, &CloudJobsPanel::stop);
    connect(m_openInEditor, &QPushButton::clicked, this, &CloudJobsPanel::openSelectedInEditor);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { showSelected(); });
    refresh();
}

CloudJobsPanel::~CloudJobsPanel()
{
    if (m_checkCancel)
        m_checkCancel->store(true);
    if (m_thread) {
        m_cancelFlag->store(true);
        m_thread->wait();
    }
}

QString CloudJobsPanel::databasePath() const
{
    return m_databasePath.isEmpty() ? QString::fromStdString(store::defaultDatabasePath()) : m_databasePath;
}

void CloudJobsPanel::setDatabasePath(const QString& path)
{
    m_databasePath = path;
    refresh();
}

QString CloudJobsPanel::statusText() const { return m_status->text(); }
QString CloudJobsPanel::detailsText() const { return m_details->toPlainText(); }

qint64 CloudJobsPanel::selectedJob() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(CloudJobsModel::JobIdRole).toLongLong();
}

void CloudJobsPanel::selectJob(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

void CloudJobsPanel::refresh()
{
    const qint64 keep = selectedJob();
    if (std::optional<Error> e = m_model->reload(databasePath())) {
        emit storeError(QString::fromStdString(e->message));
        return;
    }
    m_view->resizeColumnsToContents();
    if (keep)
        selectJob(keep);
    if (!isBusy())
        m_status->setText(m_model->jobs().empty() ? tr("No cloud jobs yet: submit a circuit from the Devices tab "
                                                       "(Submit circuit\u2026) or with 'qpilot cloud submit'.")
                                                  : tr("%n job(s), %1 unfinished.", nullptr, int(m_model->jobs().size()))
                                                        .arg(m_model->unfinishedCount()));
    showSelected();
}

void CloudJobsPanel::showSelected()
{
    const qint64 id = selectedJob();
    const bool idle = !isBusy();
    m_resume->setEnabled(idle && m_model->unfinishedCount() > 0);
    const int row = m_model->rowOf(id);
    const store::CloudJobRecord* j = row >= 0 ? &m_model->jobs()[std::size_t(row)] : nullptr;
    const bool open = j && (j->state == "submitting" || j->state == "queued" || j->state == "running");
    m_cancel->setEnabled(idle && open);
    m_result->setEnabled(idle && j && j->state == "completed");
    m_openInEditor->setEnabled(j && !j->qasm.empty());
    if (!j) {
        m_details->clear();
        showCounts(nullptr);
        return;
    }
    showCounts(j);
    QString html = QStringLiteral("<b>Job %1</b> — %2 on %3, %4 shots, <b>%5</b><br>")
                       .arg(j->id)
                       .arg(QString::fromStdString(j->provider).toHtmlEscaped(), QString::fromStdString(j->deviceId).toHtmlEscaped())
                       .arg(j->shots)
                       .arg(QString::fromStdString(j->state));
    html += QStringLiteral("created %1; queued %2; running %3; finished %4<br>")
                .arg(QString::fromStdString(j->createdAt), QString::fromStdString(j->queuedAt.empty() ? "–" : j->queuedAt),
                     QString::fromStdString(j->runningAt.empty() ? "–" : j->runningAt),
                     QString::fromStdString(j->finishedAt.empty() ? "–" : j->finishedAt));
    if (!j->message.empty())
        html += QStringLiteral("provider: %1<br>").arg(QString::fromStdString(j->message).toHtmlEscaped());
    if (!j->lastError.empty())
        html += QStringLiteral("last error: %1<br>").arg(QString::fromStdString(j->lastError).toHtmlEscaped());
    if (m_check) {
        html += tr("<b>Against the simulator</b> (the job's circuit, %1 shots measured): ideal %2")
                    .arg(m_check->shots)
                    .arg(formatDistance(m_check->tvdIdeal, m_check->fidelityIdeal));
        if (m_check->tvdNoisy)
            html += tr("; with %1's noise model (%2) %3")
                        .arg(QString::fromStdString(m_check->profileId), QString::fromStdString(m_check->noisyMethod),
                             formatDistance(*m_check->tvdNoisy, *m_check->fidelityNoisy));
        html += tr("; shot noise alone would give TVD ≈ %1.").arg(m_check->shotNoiseTvd, 0, 'f', 3);
        if (!m_check->note.empty())
            html += QStringLiteral(" ") + QString::fromStdString(m_check->note).toHtmlEscaped() + QLatin1Char('.');
        html += QStringLiteral("<br>");
    } else if (!m_checkError.isEmpty()) {
        html += tr("No comparison with the simulator: %1<br>").arg(m_checkError.toHtmlEscaped());
    }
    if (!j->countsJson.empty()) {
        auto counts = cloud::countsFromJson(j->countsJson);
        if (counts) {
            html += QStringLiteral("counts (qubit 0 rightmost): ");
            QStringList parts;
            for (const auto& [bits, n] : counts.value())
                parts << QStringLiteral("<tt>%1</tt>&nbsp;%2").arg(QString::fromStdString(bits)).arg(n);
            html += parts.join(QStringLiteral(", "));
        }
    }
    m_details->setHtml(html);
}

void CloudJobsPanel::showCounts(const store::CloudJobRecord* job)
{
    // showSelected runs on every busy/selection change: rebuild only when what is shown changes.
    const QString key = job ? QString::number(job->id) + QLatin1Char(':') + QString::fromStdString(job->countsJson) : QString();
    if (m_countsKey && *m_countsKey == key)
        return;
    m_countsKey = key;
    m_check.reset();
    m_checkError.clear();
    if (m_checkCancel)
        m_checkCancel->store(true); // a check of another job is no longer wanted
    m_checkRunning = false;
    ++m_checkGeneration; // a check still running for what was shown before is dropped when it ends
    if (job && job->state == "completed" && !job->countsJson.empty())
        startSimulationCheck(*job);
    rebuildCountsChart(job);
}

void CloudJobsPanel::startSimulationCheck(const store::CloudJobRecord& job)
{
    const int generation = m_checkGeneration;
    m_checkRunning = true;
    m_checkCancel = std::make_shared<std::atomic<bool>>(false);
    auto* watcher = new QFutureWatcher<Result<SimulationCheck>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_checkGeneration)
            return; // something else is shown by now
        m_checkRunning = false;
        const Result<SimulationCheck> r = watcher->result();
        if (r)
            m_check = r.value();
        else
            m_checkError = QString::fromStdString(r.error().message);
        const int row = m_model->rowOf(selectedJob());
        rebuildCountsChart(row >= 0 ? &m_model->jobs()[std::size_t(row)] : nullptr);
        showSelected(); // the details get the distances
        emit simulationCheckFinished();
    });
    // Selecting a job must not start a simulation of many gigabytes: larger ones are for the CLI.
    constexpr int kMaxQubitsOnSelection = 20;
    watcher->setFuture(QtConcurrent::run(
        [job, cancel = m_checkCancel] { return checkAgainstSimulation(job, cancel.get(), kMaxQubitsOnSelection); }));
}


void CloudJobsPanel::rebuildCountsChart(const store::CloudJobRecord* job)
{
    ui::plots::DashboardChart c;
    c.id = QStringLiteral("cloud-counts");
    c.chart.xLabel = "Outcome (qubit 0 rightmost)";
    auto counts = job && !job->countsJson.empty() ? cloud::countsFromJson(job->countsJson)
                                                   : Result<std::map<std::string, std::int64_t>>(Error("no counts"));
    if (!counts) {
        c.chart.title = "Measured counts";
        c.empty = job ? tr("Job %1 has no counts yet: they arrive when it completes (Resume unfinished, then Result).").arg(job->id)
                      : tr("Select a job to see its measured counts.");
    } else if (m_check) {
        // Measured frequencies beside the simulator's predictions for the same circuit.
        const SimulationCheck& k = *m_check;
        c.chart.kind = report::ChartKind::GroupedBar;
        c.chart.title = "Measured vs simulated";
        c.chart.yLabel = "Probability";
        c.yUnit = QStringLiteral("probability");
        report::Series measured{"Measured", {}, {}, {}}, ideal{"Ideal", {}, {}, {}}, noisy{"Noisy model", {}, {}, {}};
        const std::vector<std::size_t> drawn = outcomesToDraw(k);
        for (std::size_t i : drawn) {
            c.chart.categories.push_back(k.outcomes[i]);
            measured.y.push_back(k.measured[i]);
            ideal.y.push_back(k.ideal[i]);
            if (!k.noisy.empty())
                noisy.y.push_back(k.noisy[i]);
        }
        c.chart.series = {measured, ideal};
        if (!k.noisy.empty())
            c.chart.series.push_back(noisy);
        QString caption = tr("Job %1, %2 shots. Ideal: %3").arg(job->id).arg(k.shots).arg(formatDistance(k.tvdIdeal, k.fidelityIdeal));
        if (k.tvdNoisy)
            caption += tr("; noisy (%1): %2").arg(QString::fromStdString(k.profileId), formatDistance(*k.tvdNoisy, *k.fidelityNoisy));
        caption += tr("; shot noise alone: TVD ≈ %1.").arg(k.shotNoiseTvd, 0, 'f', 3);
        if (drawn.size() < k.outcomes.size())
            caption += tr(" The %1 most probable of %2 outcomes are drawn.").arg(drawn.size()).arg(k.outcomes.size());
        c.caption = caption;
    } else {
        c.chart.kind = report::ChartKind::Bar;
        c.chart.title = "Measured counts";
        c.chart.yLabel = "Shots (count)";
        c.yUnit = QStringLiteral("shots");
        report::Series series;
        series.name = job->provider + " " + job->deviceId;
        for (const auto& [bits, n] : counts.value()) {
            c.chart.categories.push_back(bits);
            series.y.push_back(double(n));
        }
        c.chart.series.push_back(std::move(series));
        c.caption = tr("Job %1: %2 shots on %3, as stored in the run store.")
                        .arg(job->id)
                        .arg(job->shots)
                        .arg(QString::fromStdString(job->deviceId));
        if (m_checkRunning)
            c.caption += tr(" Simulating the circuit for comparison\u2026");
        else if (!m_checkError.isEmpty())
            c.caption += tr(" No comparison with the simulator: %1").arg(m_checkError);
    }
    // A fresh ChartView per job shown: its zoom, pan and hidden series start anew.
    auto* fresh = new ui::plots::ChartView(this);
    fresh->setMinimumSize(m_counts->minimumSize());
    fresh->setDashboardChart(c);
    if (QLayoutItem* old = layout()->replaceWidget(m_counts, fresh))
        delete old;
    delete m_counts;
    m_counts = fresh;
}

void CloudJobsPanel::setBusy(bool busy)
{
    m_stop->setEnabled(busy);
    m_refresh->setEnabled(!busy);
    showSelected();
    emit busyChanged(busy);
}

void CloudJobsPanel::resumeUnfinished() { start(Action::Resume, 0); }

void CloudJobsPanel::resumeAtStart(const QString& databasePath)
{
    if (!m_resumeOnStart->isChecked())
        return;
    const QString db = databasePath.isEmpty() ? QString::fromStdString(store::defaultDatabasePath()) : databasePath;
    auto* watcher = new QFutureWatcher<int>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, databasePath] {
        watcher->deleteLater();
        const int unfinished = watcher->result();
        if (unfinished <= 0 || isBusy())
            return;
        setDatabasePath(databasePath);
        resumeUnfinished();
        emit resumingAtStart(unfinished);
    });
    watcher->setFuture(QtConcurrent::run([db] {
        if (!QFileInfo::exists(db))
            return 0; // no store yet: nothing was ever submitted
        auto s = store::RunStore::open(db.toStdString());
        if (!s)
            return 0; // the panel reports store errors when it is shown
        auto jobs = s.value()->listCloudJobs(true);
        return jobs ? int(jobs->size()) : 0;
    }));
}
void CloudJobsPanel::cancelSelected()
{
    if (selectedJob())
        start(Action::Cancel, selectedJob());
}
void CloudJobsPanel::showSelectedResult()
{
    if (selectedJob())
        start(Action::Result, selectedJob());
}

void CloudJobsPanel::openSelectedInEditor()
{
    const int row = m_model->rowOf(selectedJob());
    if (row < 0)
        return;
    const store::CloudJobRecord& job = m_model->jobs()[std::size_t(row)];
    MeasuredCounts measured;
    if (job.state == "completed" && !job.countsJson.empty()) {
        if (auto counts = cloud::countsFromJson(job.countsJson))
            measured.counts = std::move(counts).value();
    }
    if (!measured.counts.empty()) {
        std::int64_t shots = 0;
        for (const auto& [bits, n] : measured.counts)
            shots += n;
        const QString device = QString::fromStdString(job.deviceId);
        measured.label = tr("Measured (job %1)").arg(job.id);
        measured.description = tr("cloud job %1 on %2, %3 shots").arg(job.id).arg(device).arg(shots);
        if (auto provider = cloud::providerFromKey(job.provider))
            measured.profileId = QString::fromStdString(cloud::profileIdForCloudDevice(provider.value(), job.deviceId));
    }
    emit openInEditorRequested(QString::fromStdString(job.qasm), QStringLiteral("cloud-job-%1.qasm").arg(job.id), measured);
}

void CloudJobsPanel::stop()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void CloudJobsPanel::start(Action action, qint64 jobId)
{
    if (m_thread)
        return;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    const std::string db = databasePath().toStdString();
    const WaitOptions wait = m_wait;
    std::map<Provider, Endpoints> endpoints; // settings: GUI thread only, to the worker by value
    for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
        endpoints[p] = cloudui::endpointsInUse(p).endpoints;
    auto flag = m_cancelFlag;
    QPointer<CloudJobsPanel> self(this);
    auto error = std::make_shared<std::string>();
    m_thread = QThread::create([=] {
        *error = runAction(db, endpoints, int(action), jobId, wait, flag.get(), [self] {
            QMetaObject::invokeMethod(self, [self] {
                if (self)
                    self->refresh();
            }, Qt::QueuedConnection);
        });
    });
    m_thread->setParent(this); // deleted with the panel if its deleteLater never runs (closing at once)
    connect(m_thread, &QThread::finished, this, [this, error] {
        m_thread->deleteLater();
        m_thread = nullptr;
        refresh();
        m_status->setText(error->empty() ? m_status->text() : tr("Error: %1").arg(QString::fromStdString(*error)));
        setBusy(false);
        emit workFinished(QString::fromStdString(*error));
    });
    m_status->setText(action == Action::Resume ? tr("Resuming unfinished jobs…")
                      : action == Action::Cancel ? tr("Cancelling job %1…").arg(jobId)
                                                 : tr("Fetching the result of job %1…").arg(jobId));
    setBusy(true);
    m_thread->start();
}

} // namespace qpilot
