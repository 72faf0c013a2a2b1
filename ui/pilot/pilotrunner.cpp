// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotrunner.cpp — the pilot worker (see pilotrunner.h).
#include "ui/pilot/pilotrunner.h"

#include "ui/report/reportrenderer.h"

#include <QDir>
#include <QRegularExpression>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace qpilot {

// What the worker and the GUI thread share; outlives the runner while a worker still holds it.
struct PilotRunner::Shared {
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    std::condition_variable cv;
    bool abandoned = false;           // the runner is gone: stop waiting for the GUI thread
    PilotJobResult result;            // written by the worker before it ends
    std::chrono::steady_clock::time_point lastProgress{};
    int lastStage = -1;
};

PilotRunner::PilotRunner(QObject* parent) : QObject(parent) {}

PilotRunner::~PilotRunner()
{
    if (!m_thread)
        return;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->abandoned = true;
        m_shared->cancel = true;
    }
    m_shared->cv.notify_all();
    m_thread->wait();
    delete m_thread;
}

QString PilotRunner::reportFileName(const QString& pilotName, qint64 runId)
{
    QString name = pilotName;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    if (name.isEmpty())
        name = QStringLiteral("pilot");
    return QStringLiteral("%1-run%2.pdf").arg(name).arg(runId);
}

bool PilotRunner::cancelRequested() const
{
    return m_shared && m_shared->cancel.load();
}

void PilotRunner::cancel()
{
    if (m_shared)
        m_shared->cancel = true;
}

bool PilotRunner::launch(bool reproduce, std::function<void(const std::shared_ptr<Shared>&, PilotJobResult&)> job)
{
    if (m_thread)
        return false;
    m_shared = std::make_shared<Shared>();
    m_result = PilotJobResult{};
    std::shared_ptr<Shared> shared = m_shared;
    m_thread = QThread::create([shared, job = std::move(job), reproduce] {
        const auto t0 = std::chrono::steady_clock::now();
        PilotJobResult result;
        result.reproduce = reproduce;
        job(shared, result);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::lock_guard<std::mutex> lock(shared->mutex);
        shared->result = std::move(result);
    });
    m_thread->setObjectName(QStringLiteral("pilotRunner"));
    m_thread->setParent(this); // deleted with the runner if its deleteLater never runs (closing at once)
    connect(m_thread, &QThread::finished, this, &PilotRunner::onThreadFinished);
    m_clock.start();
    m_thread->start();
    emit started(reproduce);
    return true;
}

void PilotRunner::onThreadFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_result = std::move(m_shared->result);
    }
    m_clock.invalidate();
    emit finished();
}

namespace {

// Progress hooks that emit `progressed` from the worker, at most every 100 ms within a stage.
pilot::PipelineHooks progressHooks(PilotRunner* runner, std::chrono::steady_clock::time_point* last, int* lastStage,
                                   const std::atomic<bool>* cancel)
{
    pilot::PipelineHooks hooks;
    hooks.cancel = cancel;
    hooks.progress = [runner, last, lastStage](const pilot::Progress& p) {
        const auto now = std::chrono::steady_clock::now();
        const int stage = static_cast<int>(p.stage);
        if (stage == *lastStage && p.fraction < 1 && now - *last < std::chrono::milliseconds(100))
            return;
        *last = now;
        *lastStage = stage;
        emit runner->progressed(stage, p.fraction, QString::fromStdString(p.message));
    };
    return hooks;
}

} // namespace

bool PilotRunner::start(const pilot::Pilot& pilotToRun, const QString& pilotFile, const QString& databasePath,
                        const QString& reportDirectory)
{
    // The report is rendered on this (GUI) thread; the worker waits for it (or for the runner to go).
    auto render = [this](std::shared_ptr<Shared> shared, const report::Document& document,
                         const std::string& path) -> std::optional<Error> {
        struct Gate {
            bool done = false;
            std::optional<Error> result;
        };
        auto gate = std::make_shared<Gate>();
        QMetaObject::invokeMethod(
            this,
            [shared, gate, document, path] {
                std::optional<Error> rendered = ui::renderReportPdf(document, QString::fromStdString(path));
                {
                    std::lock_guard<std::mutex> lock(shared->mutex);
                    gate->result = std::move(rendered);
                    gate->done = true;
                }
                shared->cv.notify_all();
            },
            Qt::QueuedConnection);
        std::unique_lock<std::mutex> lock(shared->mutex);
        shared->cv.wait(lock, [&] { return gate->done || shared->abandoned; });
        if (!gate->done)
            return Error("the workbench closed before the report was rendered");
        return gate->result;
    };
    if (m_thread)
        return false;
    m_pilotName = QString::fromStdString(pilotToRun.name);
    m_reproducedRun = 0;
    return launch(false, [this, pilotToRun, pilotFile, databasePath, reportDirectory, render](const std::shared_ptr<Shared>& shared,
                                                                                               PilotJobResult& result) {
        pilot::ExecuteOptions options;
        options.databasePath = databasePath.toStdString();
        options.pilotFile = pilotFile.toStdString();
        options.hooks = progressHooks(this, &shared->lastProgress, &shared->lastStage, &shared->cancel);
        if (!reportDirectory.isEmpty()) {
            const std::string name = pilotToRun.name;
            options.reportPathForRun = [reportDirectory, name](std::int64_t id) {
                QDir().mkpath(reportDirectory);
                return QDir(reportDirectory).filePath(reportFileName(QString::fromStdString(name), id)).toStdString();
            };
            options.renderReport = [render, shared](const report::Document& d, const std::string& path) {
                return render(shared, d, path);
            };
        }
        result.execution = pilot::executePilot(pilotToRun, options);
    });
}

bool PilotRunner::startReproduce(const QString& databasePath, qint64 runId)
{
    if (m_thread)
        return false;
    m_pilotName.clear();
    m_reproducedRun = runId;
    return launch(true, [this, databasePath, runId](const std::shared_ptr<Shared>& shared, PilotJobResult& result) {
        result.reproduction = pilot::reproduceRun(databasePath.toStdString(), runId,
                                                  progressHooks(this, &shared->lastProgress, &shared->lastStage, &shared->cancel));
        result.execution = result.reproduction.execution;
    });
}

} // namespace qpilot
