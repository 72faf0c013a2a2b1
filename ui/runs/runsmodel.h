// SPDX-License-Identifier: GPL-3.0-or-later
// ui/runs/runsmodel.h — the stored runs (core/store RunStore::listRuns) as a table: id, pilot,
// status, started, duration, seed, verdict, overall, result digest prefix; newest first. reload()
// reads the store again (a missing store is simply empty; a broken one is an error and leaves the
// rows); readListing() + setListing() split that for a worker thread (ui/jobs lists off the GUI thread).
#pragma once

#include "core/common/result.h"
#include "core/store/store.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace qpilot {

class RunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Pilot, Status, Started, Duration, Seed, Verdict, Overall, Digest, ColumnCount };
    // Qt::UserRole on any column: the run id.
    static constexpr int RunIdRole = Qt::UserRole;

    // Qt::UserRole + 1 on Duration: seconds from start to finish (-1 unknown); on Status: the status key.
    static constexpr int SortRole = Qt::UserRole + 1;

    // What one read of the store gives (newest first). Thread-safe: opens its own connection.
    struct Listing {
        std::vector<store::RunSummary> runs;
        bool exists = false;
    };
    static Result<Listing> readListing(const QString& databasePath);

    explicit RunsModel(QObject* parent = nullptr);
    void setListing(Listing listing);

    // Reads the runs of the store at `databasePath`. A file that does not exist gives no rows
    // (and storeExists() false); an error leaves the rows as they were.
    std::optional<Error> reload(const QString& databasePath);
    bool storeExists() const { return m_exists; }
    const std::vector<store::RunSummary>& runs() const { return m_runs; }
    // Row of run `id`, -1 when not listed.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<store::RunSummary> m_runs;
    bool m_exists = false;
};

// "Continue piloting" for "continue_piloting"; the key itself when unknown; "" for "".
QString verdictTitleFromKey(const std::string& key);
// Seconds between two ISO 8601 UTC stamps of a run; -1 when either is missing or unreadable.
double runDurationSeconds(const std::string& startedAt, const std::string& finishedAt);
// "850 ms", "12.4 s", "3 min 05 s", "2 h 04 min"; "–" for a negative value.
QString formatDuration(double seconds);

} // namespace qpilot
