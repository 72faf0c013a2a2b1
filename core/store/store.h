// core/store/store.h — the run store: one SQLite database (Qt SQL, WAL, foreign keys on) with
// numbered migrations, holding pilots, circuit versions (content hash, OpenQASM, parent,
// message), datasets, calibration snapshots and price tables used, runs (seed, versions,
// configuration, status, stage timings), results, artefacts and an append-only audit log.
// Runs are written stage by stage, each in a transaction, so a crash or kill loses nothing
// already committed and leaves the database consistent. Also: the offline MLflow `mlruns/` export.
#pragma once

#include "core/common/result.h"
#include "core/pilot/run.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::store {

constexpr int kSchemaVersion = 4;                 // bump with each migration (migrations.cpp)

struct RunSummary {
    std::int64_t id = 0;
    std::string pilotName;
    std::string status;                           // runStatusKey
    std::string startedAt, finishedAt;
    std::uint64_t seed = 0;
    std::string resultDigest;
    std::string verdict;                          // "" until scored
    double overall = -1;                          // best device's overall score, -1 until scored
};

struct CircuitVersion {
    std::int64_t id = 0;
    std::string pilotName;
    std::string hash;                             // SHA-256 of qasm
    std::string qasm;
    std::int64_t parent = 0;                      // 0 = none
    std::string message;
    std::string createdAt;
};

struct Artefact {
    std::string kind;                             // "report", "mlflow"
    std::string path;
    std::string sha256;
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string at, user, action, subject, detail;
};

// One cloud QPU job (table cloud_jobs; core/cloud's JobTracker owns the life cycle). Provider and
// state are the keys of core/cloud (providerKey, jobStateKey); the store does not interpret them
// beyond its CHECK constraints. No secret is ever part of a job.
struct CloudJobRecord {
    std::int64_t id = 0;                          // local id (0 until inserted)
    std::string provider;                         // "ibm", "braket", "ionq"
    std::string deviceId;                         // provider's device id / ARN
    std::string providerJobId;                    // "" until the provider answered the submit
    std::string clientToken;                      // unique; finds the job after a lost submit reply
    std::string state = "submitting";             // submitting queued running completed failed cancelled
    int shots = 0;
    std::string circuitHash;                      // SHA-256 of qasm
    std::string qasm;                             // the circuit as the user gave it
    std::string submittedQasm;                    // the ISA circuit sent (after transpilation)
    std::string tagsJson = "{}";
    std::optional<double> estimatedCostUsd, usageSeconds, actualCostUsd;
    std::string createdAt, submittedAt, queuedAt, runningAt, finishedAt, updatedAt; // ISO 8601 UTC
    std::string message;                          // provider's failure/cancel reason
    std::string lastError;                        // last client-side error (network, malformed reply)
    std::string countsJson;                       // {"01": 12, ...} in Qpilot order; "" until fetched
};

// Default database: $QPILOT_DATA_DIR/runs.sqlite, else QStandardPaths AppDataLocation/runs.sqlite.
std::string defaultDatabasePath();

// One SQLite connection (uniquely named, removed in the destructor): use a RunStore from the
// thread that opened it; open another RunStore on the same file for another thread or process
// (WAL and a busy timeout let them share it).
class RunStore {
public:
    // Opens (creating if needed) and migrates to kSchemaVersion. Errors: not a SQLite file,
    // a newer schema than this build knows, a locked or read-only file (with the path).
    static Result<std::unique_ptr<RunStore>> open(const std::string& path);
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    int schemaVersion() const;
    const std::string& path() const;

    // Creates the run record (status running) with its configuration and provenance; returns its id.
    Result<std::int64_t> beginRun(const pilot::PilotRun& run);
    // Commits the run as it stands (stages, results so far, status) in one transaction.
    std::optional<Error> saveRun(std::int64_t id, const pilot::PilotRun& run);
    // Stores the scorecard summary (verdict, overall) and the full scorecard JSON.
    std::optional<Error> saveScore(std::int64_t id, const std::string& verdict, double overall,
                                   const std::string& scorecardJson);
    std::optional<Error> addArtefact(std::int64_t id, const Artefact& artefact);

    Result<std::vector<RunSummary>> listRuns() const;
    Result<bool> hasRun(std::int64_t id) const;
    // Run `id` was reproduced bit-identically (by a later run, or it is such a reproduction).
    Result<bool> isReproduced(std::int64_t id) const;
    // The scorecard JSON stored by saveScore ("" until scored).
    Result<std::string> scorecardJson(std::int64_t id) const;
    Result<pilot::PilotRun> loadRun(std::int64_t id) const;
    Result<RunSummary> summary(std::int64_t id) const;
    Result<std::vector<Artefact>> artefacts(std::int64_t id) const;

    // Version control of circuits: stores `qasm` for the pilot unless the latest version has the
    // same hash; returns the version id (existing or new).
    Result<std::int64_t> commitCircuit(const std::string& pilotName, const std::string& qasm,
                                       const std::string& message);
    Result<std::vector<CircuitVersion>> circuitHistory(const std::string& pilotName) const;

    // Records a reproduce check of run `id` (by run `reproducedBy`, identical or not).
    std::optional<Error> recordReproduction(std::int64_t id, std::int64_t reproducedBy, bool identical,
                                            const std::string& differences);

    // Cloud jobs. insertCloudJob stores a new job (id 0; created/updated stamped) and audits
    // "cloud-job"; updateCloudJob replaces the mutable fields of job `job.id` in one transaction and
    // audits "cloud-<state>" whenever the state changed.
    Result<std::int64_t> insertCloudJob(const CloudJobRecord& job);
    std::optional<Error> updateCloudJob(const CloudJobRecord& job);
    Result<CloudJobRecord> cloudJob(std::int64_t id) const;
    Result<std::optional<CloudJobRecord>> cloudJobByToken(const std::string& clientToken) const;
    // All jobs, newest first; `unfinishedOnly` (oldest first): submitting, queued and running, and
    // completed ones whose counts were never stored (the process ended between the two updates).
    Result<std::vector<CloudJobRecord>> listCloudJobs(bool unfinishedOnly = false) const;

    // Append-only: the table rejects UPDATE and DELETE (triggers).
    std::optional<Error> audit(const std::string& action, const std::string& subject, const std::string& detail);
    Result<std::vector<AuditEntry>> auditLog() const;

private:
    friend Result<std::string> exportMlflow(const RunStore& store, std::int64_t id, const std::string& directory);
    // Audit entry and "mlflow" artefact for an export (the export reads a const store).
    std::optional<Error> recordExport(std::int64_t id, const std::string& runDirectory, const std::string& treeSha256,
                                      const std::string& mlflowRunId) const;
    struct Impl;
    explicit RunStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Writes run `id` as an MLflow FileStore experiment under `directory` (mlruns layout per
// shared/reference/cloud-and-mlops-protocols.md §7.3): params, metrics, tags, artefacts.
// Returns the MLflow run id (32 hex).
Result<std::string> exportMlflow(const RunStore& store, std::int64_t id, const std::string& directory);

} // namespace qpilot::store
