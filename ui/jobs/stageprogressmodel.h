// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/stageprogressmodel.h — the seven pipeline stages (pilot::Stage) of the job in flight as a
// table: title, status (pending/running/done/failed/cancelled/skipped, with a colour), seconds,
// the running stage's fraction and its last message. Fed by PilotRunner::progressed (the stage
// before the reported one is done), ticked for the running stage's seconds, and settled from the
// finished run's stage records (which are authoritative: status, seconds, message). Also the
// remaining-time estimate (estimateRemaining): from the stage fractions and, when known, the stage
// durations of a previous completed run of the same pilot. Times are passed in (seconds since the
// job started) so the model is deterministic under test.
#pragma once

#include "core/pilot/run.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include <array>
#include <optional>

namespace qpilot {

enum class StageState { Pending, Running, Done, Failed, Cancelled, Skipped };
QString stageStateKey(StageState s);          // "pending", "running", "done", ...
QColor stageStateColor(StageState s);         // grey, blue, green, red, amber, light grey

class StageProgressModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Status, Seconds, Progress, Message, ColumnCount };
    // On any column: the StageState as int; on Progress: fraction 0..1 (double).
    static constexpr int StateRole = Qt::UserRole;
    static constexpr int FractionRole = Qt::UserRole + 1;
    // On any column: the stage's seconds (double).
    static constexpr int SecondsRole = Qt::UserRole + 2;

    struct Row {
        StageState state = StageState::Pending;
        double fraction = 0;
        double startedAt = -1;                // job seconds when the stage was first reported
        double seconds = 0;
        QString message;
    };
    using Durations = std::array<double, pilot::kStageCount>;

    explicit StageProgressModel(QObject* parent = nullptr);

    // All stages pending (a new job).
    void reset();
    // Progress of `stage` at job time `now`: earlier stages still pending/running become done.
    void progress(int stage, double fraction, const QString& message, double now);
    // Updates the running stage's seconds to job time `now`.
    void tick(double now);
    // Settles every row from the finished run's stage records. Stages without a record: completed
    // run → skipped; cancelled run → the stage the job was in (or the first unrecorded one)
    // cancelled, the rest skipped; failed run → skipped.
    void finish(const pilot::PilotRun& run);

    // Stage durations of a previous completed run of this pilot (nullopt: none known).
    void setPreviousDurations(const std::optional<Durations>& durations) { m_previous = durations; }
    const std::optional<Durations>& previousDurations() const { return m_previous; }
    // Estimated seconds left at job time `now`; nullopt while there is nothing meaningful to say
    // ("estimating…"). Never negative; capped to stay sensible.
    std::optional<double> estimateRemaining(double now) const;

    const Row& row(int stage) const { return m_rows[static_cast<size_t>(stage)]; }
    int runningStage() const;                 // -1 when none

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void changed(int stage);

    std::array<Row, pilot::kStageCount> m_rows{};
    std::optional<Durations> m_previous;
};

// The stage durations of a run (0 for a stage without a record).
StageProgressModel::Durations stageDurations(const pilot::PilotRun& run);

} // namespace qpilot
