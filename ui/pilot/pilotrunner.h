// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotrunner.h — runs a pilot (pilot::executePilot) or reproduces a stored run
// (pilot::reproduceRun) on a worker thread, one job at a time, with throttled progress signals and
// an atomic cancel flag (a cancelled run is recorded as cancelled). The PDF report needs the GUI
// thread (QCustomPlot widgets): the worker's renderReport callback queues the rendering to the
// GUI thread and waits for it; closing the window while it waits abandons the report instead of
// deadlocking. Reports are named "<pilot name>-run<id>.pdf" in the report directory.
#pragma once

#include "core/pilot/execute.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace qpilot {

struct PilotJobResult {
    bool reproduce = false;
    pilot::Execution execution;        // the run (for a reproduction: reproduction.execution)
    pilot::Reproduction reproduction;  // reproduce only
    double seconds = 0;
};

class PilotRunner : public QObject {
    Q_OBJECT
public:
    explicit PilotRunner(QObject* parent = nullptr);
    // Cancels a job in flight and waits for it (the run is recorded as cancelled).
    ~PilotRunner() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Starts running `pilot`, recorded in `databasePath`, the report written to `reportDirectory`
    // (created when missing; empty: no report). False when a job is already running.
    bool start(const pilot::Pilot& pilot, const QString& pilotFile, const QString& databasePath,
               const QString& reportDirectory);
    // Re-executes stored run `runId` and compares its results. False when a job is running.
    bool startReproduce(const QString& databasePath, qint64 runId);
    // Asks the running job to stop at the next checkpoint.
    void cancel();
    bool cancelRequested() const;
    // Seconds since the job started (0 when none).
    double elapsedSeconds() const { return m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0.0; }
    // The job's pilot name ("" for a reproduction until it finishes) and, for a reproduction, the
    // stored run it re-executes (0 otherwise). Set by start()/startReproduce(), kept after finished().
    const QString& pilotName() const { return m_pilotName; }
    qint64 reproducedRun() const { return m_reproducedRun; }
    // The finished job (valid after finished()).
    const PilotJobResult& result() const { return m_result; }

    // The report file name for a run: "<name>-run<id>.pdf", name reduced to [A-Za-z0-9._-].
    static QString reportFileName(const QString& pilotName, qint64 runId);

signals:
    void started(bool reproduce);
    // stage: pilot::Stage as int (0..kStageCount-1); from the worker, throttled, delivered queued.
    void progressed(int stage, double fraction, const QString& message);
    void finished();

private:
    struct Shared;
    bool launch(bool reproduce, std::function<void(const std::shared_ptr<Shared>&, PilotJobResult&)> job);
    void onThreadFinished();

    std::shared_ptr<Shared> m_shared;
    QThread* m_thread = nullptr;
    QElapsedTimer m_clock;
    PilotJobResult m_result;
    QString m_pilotName;
    qint64 m_reproducedRun = 0;
};

} // namespace qpilot

Q_DECLARE_METATYPE(qpilot::PilotJobResult)
