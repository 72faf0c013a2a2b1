// core/store/run_store.cpp — RunStore: opening (checks, pragmas, migrations), writing runs
// (beginRun / saveRun, each one IMMEDIATE transaction that replaces the run's child rows),
// reading them back, circuit version control, artefacts, reproduce checks and the audit log.
// The full run JSON (runToJson) is the record loadRun() reads; the normalised columns and
// tables beside it hold the key numbers for queries.
#include "core/store/store.h"
#include "core/common/paths.h"

#include "core/common/hash.h"
#include "core/common/provenance.h"
#include "core/store/migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <cmath>

namespace qpilot::store {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// NULL for values SQLite cannot hold as REAL (NaN would become NULL anyway; ±∞ are kept).
QVariant real(double v) { return std::isnan(v) ? QVariant() : QVariant(v); }
QVariant real(const std::optional<double>& v) { return v ? real(*v) : QVariant(); }

} // namespace

std::string defaultDatabasePath() { return userDataPath("runs.sqlite"); }

struct RunStore::Impl {
    QString connection;
    QSqlDatabase db;
    std::string path;
    int version = 0;

    Error error(const QSqlQuery& query, const std::string& what) const
    {
        return Error(path + ": " + what + ": " + query.lastError().text().toStdString());
    }

    // Prepares and runs `sql` with `binds`; on failure returns the error.
    std::optional<Error> exec(QSqlQuery& query, const QString& sql, const QVariantList& binds, const std::string& what) const
    {
        if (!query.prepare(sql))
            return error(query, what);
        for (const QVariant& v : binds)
            query.addBindValue(v);
        if (!query.exec())
            return error(query, what);
        return std::nullopt;
    }
    std::optional<Error> exec(const QString& sql, const QVariantList& binds, const std::string& what) const
    {
        QSqlQuery query(db);
        return exec(query, sql, binds, what);
    }

    // BEGIN IMMEDIATE … COMMIT; rolls back unless commit() succeeded.
    class Transaction {
    public:
        explicit Transaction(const Impl& impl) : m_impl(impl), m_query(impl.db)
        {
            if (!m_query.exec("BEGIN IMMEDIATE"))
                m_error = impl.error(m_query, "cannot start a transaction");
        }
        ~Transaction()
        {
            if (!m_done && !m_error)
                m_query.exec("ROLLBACK");
        }
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        const std::optional<Error>& error() const { return m_error; }
        std::optional<Error> commit()
        {
            if (!m_query.exec("COMMIT"))
                return m_impl.error(m_query, "cannot commit");
            m_done = true;
            return std::nullopt;
        }

    private:
        const Impl& m_impl;
        QSqlQuery m_query;
        std::optional<Error> m_error;
        bool m_done = false;
    };

    std::optional<Error> audit(const std::string& action, const std::string& subject, const std::string& detail) const
    {
        return exec("INSERT INTO audit_log(at, user_name, action, subject, detail) VALUES(?, ?, ?, ?, ?)",
                    {q(utcNow()), q(osUserName()), q(action), q(subject), q(detail)}, "writing the audit log");
    }

    Result<std::int64_t> pilotId(const std::string& name) const
    {
        if (auto e = exec("INSERT OR IGNORE INTO pilots(name, created_at) VALUES(?, ?)", {q(name), q(utcNow())}, "recording the pilot"))
            return *e;
        QSqlQuery query(db);
        if (auto e = exec(query, "SELECT id FROM pilots WHERE name = ?", {q(name)}, "reading the pilot"))
            return *e;
        if (!query.next())
            return Error(path + ": pilot '" + name + "' vanished");
        return std::int64_t(query.value(0).toLongLong());
    }

    Result<QVariant> datasetId(const pilot::PilotRun& run) const
    {
        if (run.datasetFingerprint.empty())
            return QVariant();
        if (auto e = exec("INSERT OR IGNORE INTO datasets(fingerprint, name, source, rows, features, classes) VALUES(?, ?, ?, ?, ?, ?)",
                          {q(run.datasetFingerprint), q(run.datasetName), q(run.datasetSource), run.rows, run.features, run.classes},
                          "recording the dataset"))
            return *e;
        QSqlQuery query(db);
        if (auto e = exec(query, "SELECT id FROM datasets WHERE fingerprint = ?", {q(run.datasetFingerprint)}, "reading the dataset"))
            return *e;
        query.next();
        return QVariant(query.value(0).toLongLong());
    }

    // Version control without its own transaction (commitCircuit and saveRun wrap it).
    Result<std::int64_t> commitCircuit(std::int64_t pilot, const std::string& qasm, const std::string& message) const
    {
        const std::string hash = sha256Hex(qasm);
        QSqlQuery latest(db);
        if (auto e = exec(latest, "SELECT id, hash FROM circuit_versions WHERE pilot_id = ? ORDER BY id DESC LIMIT 1", {qint64(pilot)},
                          "reading circuit versions"))
            return *e;
        QVariant parent;
        if (latest.next()) {
            if (latest.value(1).toString().toStdString() == hash)
                return std::int64_t(latest.value(0).toLongLong());
            parent = latest.value(0);
        }
        QSqlQuery ins(db);
        if (auto e = exec(ins, "INSERT INTO circuit_versions(pilot_id, hash, qasm, parent_id, message, created_at) VALUES(?, ?, ?, ?, ?, ?)",
                          {qint64(pilot), q(hash), q(qasm), parent, q(message), q(utcNow())}, "storing the circuit version"))
            return *e;
        return std::int64_t(ins.lastInsertId().toLongLong());
    }

    Result<QVariant> lookupOrInsert(const QString& insert, const QVariantList& insertBinds, const QString& select,
                                    const QVariantList& selectBinds, const std::string& what) const
    {
        if (auto e = exec(insert, insertBinds, what))
            return *e;
        QSqlQuery query(db);
        if (auto e = exec(query, select, selectBinds, what))
            return *e;
        if (!query.next())
            return Error(path + ": " + what + ": row not found after insert");
        return query.value(0);
    }

    // Everything a run row and its children hold, replaced as a whole (saveRun is idempotent).
    std::optional<Error> writeRun(std::int64_t id, const pilot::PilotRun& run) const
    {
        Result<std::int64_t> pilot = pilotId(run.pilotName);
        if (!pilot)
            return pilot.error();
        Result<QVariant> dataset = datasetId(run);
        if (!dataset)
            return dataset.error();
        QVariant circuit;
        if (!run.circuitQasm.empty()) {
            Result<std::int64_t> v = commitCircuit(pilot.value(), run.circuitQasm, "run " + std::to_string(id) + ": " + run.circuitDescription);
            if (!v)
                return v.error();
            circuit = qint64(v.value());
        }
        if (auto e = exec(R"(UPDATE runs SET pilot_id = ?, dataset_id = ?, seed = ?, app_version = ?, build_id = ?, user_name = ?,
                                 configuration_json = ?, status = ?, stop_reason = ?, started_at = ?, finished_at = ?, result_digest = ?,
                                 run_json = ?, circuit_version_id = ? WHERE id = ?)",
                          {qint64(pilot.value()), dataset.value(), QString::number(run.seed), q(run.appVersion), q(run.buildId), q(run.user),
                           q(run.configurationJson), pilot::runStatusKey(run.status), q(run.stopReason), q(run.startedAt), q(run.finishedAt),
                           q(pilot::resultDigest(run)), q(pilot::runToJson(run)), circuit, qint64(id)},
                          "writing run " + std::to_string(id)))
            return e;
        for (const char* table : {"run_stages", "model_results", "device_results"})
            if (auto e = exec(QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(table), {qint64(id)}, "replacing run results"))
                return e;
        for (size_t i = 0; i < run.stages.size(); ++i) {
            const pilot::StageRecord& s = run.stages[i];
            if (auto e = exec("INSERT INTO run_stages(run_id, position, stage, status, seconds, message) VALUES(?, ?, ?, ?, ?, ?)",
                              {qint64(id), int(i), pilot::stageKey(s.stage), q(s.status), real(s.seconds), q(s.message)}, "writing stages"))
                return e;
        }
        std::vector<std::pair<const char*, const ml::ModelReport*>> models;
        for (const ml::ModelReport& m : run.baselines)
            models.emplace_back("baseline", &m);
        if (!run.quantum.model.empty())
            models.emplace_back("quantum", &run.quantum);
        for (size_t i = 0; i < models.size(); ++i) {
            const ml::Metrics& m = models[i].second->metrics;
            if (auto e = exec("INSERT INTO model_results(run_id, position, role, model, accuracy, balanced_accuracy, f1, roc_auc) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                              {qint64(id), int(i), models[i].first, q(models[i].second->model), real(m.accuracy), real(m.balancedAccuracy),
                               real(m.f1), real(m.rocAuc)},
                              "writing model results"))
                return e;
        }
        for (size_t i = 0; i < run.devices.size(); ++i) {
            const pilot::DeviceOutcome& d = run.devices[i];
            Result<QVariant> calibration = lookupOrInsert(
                "INSERT OR IGNORE INTO calibration_snapshots(device_id, device_name, provider, source) VALUES(?, ?, ?, ?)",
                {q(d.deviceId), q(d.deviceName), q(d.provider), q(d.calibrationSource)},
                "SELECT id FROM calibration_snapshots WHERE device_id = ? AND source = ?", {q(d.deviceId), q(d.calibrationSource)},
                "recording the calibration snapshot");
            if (!calibration)
                return calibration.error();
            QVariant price;
            if (!d.priceKey.empty()) {
                const QVariantList key{q(d.priceKey), q(d.pricePlan), q(d.priceDate), q(d.priceSource)};
                Result<QVariant> p = lookupOrInsert("INSERT OR IGNORE INTO price_tables(price_key, plan, date, source) VALUES(?, ?, ?, ?)", key,
                                                    "SELECT id FROM price_tables WHERE price_key = ? AND plan = ? AND date = ? AND source = ?", key,
                                                    "recording the price table");
                if (!p)
                    return p.error();
                price = p.value();
            }
            QJsonObject counts;
            for (const auto& [bits, n] : d.counts)
                counts[q(bits)] = qint64(n);
            if (auto e = exec(R"(INSERT INTO device_results(run_id, position, device_id, provider, error, logical_qubits, two_qubit_gates,
                                     depth, success_probability, noisy_accuracy, cost_per_1k_usd, latency_seconds, counts_json,
                                     calibration_id, price_table_id, mitigation_plan, shot_multiplier, time_multiplier,
                                     circuits_per_execution, cost_per_1k_unmitigated_usd)
                                 VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
                              {qint64(id), int(i), q(d.deviceId), q(d.provider), q(d.error), d.logicalQubits, d.twoQubitGates, d.depth,
                               real(d.successProbability), real(d.noisyAccuracy), real(d.costPer1kUsd), real(d.latencySeconds),
                               QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact)), calibration.value(), price,
                               q(d.mitigationPlan), real(d.shotMultiplier), real(d.timeMultiplier), d.circuitsPerExecution,
                               real(d.costPer1kUnmitigatedUsd)},
                              "writing device results"))
                return e;
        }
        return std::nullopt;
    }

    // The audit entry of a run reaching its final status ("run-completed", "run-failed", ...).
    std::optional<Error> auditFinal(std::int64_t id, const pilot::PilotRun& run) const
    {
        std::string devices;
        for (const pilot::DeviceOutcome& d : run.devices)
            devices += (devices.empty() ? "" : ", ") + d.deviceId;
        return audit(std::string("run-") + pilot::runStatusKey(run.status), "run " + std::to_string(id),
                     "pilot " + run.pilotName + " on " + (devices.empty() ? std::string("no devices") : devices) + ", digest " +
                         pilot::resultDigest(run).substr(0, 16) + (run.stopReason.empty() ? "" : "; " + run.stopReason));
    }

    Result<QString> status(std::int64_t id) const
    {
        QSqlQuery query(db);
        if (auto e = exec(query, "SELECT status FROM runs WHERE id = ?", {qint64(id)}, "reading run " + std::to_string(id)))
            return *e;
        if (!query.next())
            return Error("no run " + std::to_string(id) + " in " + path);
        return query.value(0).toString();
    }
};

RunStore::RunStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

RunStore::~RunStore()
{
    const QString name = m_impl->connection;
    m_impl->db.close();
    m_impl->db = QSqlDatabase(); // drop the handle before removing the connection
    QSqlDatabase::removeDatabase(name);
}

int RunStore::schemaVersion() const { return m_impl->version; }
const std::string& RunStore::path() const { return m_impl->path; }

Result<std::unique_ptr<RunStore>> RunStore::open(const std::string& path)
{
    if (path.empty())
        return Error("no run store path given");
    const QFileInfo info(q(path));
    if (info.exists() && info.isDir())
        return Error(path + ": is a directory, not a run store file");
    const QString dir = info.absolutePath();
    if (!QDir().mkpath(dir))
        return Error(path + ": cannot create the directory " + dir.toStdString() + " (read-only location?)");
    if (info.exists() ? !info.isWritable() : !QFileInfo(dir).isWritable())
        return Error(path + ": cannot write here (read-only location); choose another file with --db or set QPILOT_DATA_DIR");

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->connection = QStringLiteral("qpilot-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    impl->db = QSqlDatabase::addDatabase("QSQLITE", impl->connection);
    impl->db.setDatabaseName(info.absoluteFilePath());
    std::unique_ptr<RunStore> store(new RunStore(std::move(impl))); // removes the connection on any return
    Impl& s = *store->m_impl;
    if (!s.db.open())
        return Error(path + ": cannot open: " + s.db.lastError().text().toStdString());

    QSqlQuery query(s.db);
    if (!query.exec("PRAGMA busy_timeout = 5000") || !query.exec("PRAGMA user_version") || !query.next()) {
        const std::string why = query.lastError().text().toStdString();
        if (why.find("not a database") != std::string::npos || why.find("encrypted") != std::string::npos)
            return Error(path + ": not a Qpilot run store (the file is not an SQLite database)");
        return Error(path + ": cannot read: " + why);
    }
    const int version = query.value(0).toInt();
    query.finish();
    if (version > kSchemaVersion)
        return Error(path + ": created by a newer Qpilot (schema " + std::to_string(version) + ", this build knows " +
                     std::to_string(kSchemaVersion) + "); use a newer Qpilot or another file");
    if (version == 0) {
        if (!query.exec("SELECT count(*) FROM sqlite_master") || !query.next())
            return s.error(query, "cannot read the schema");
        if (query.value(0).toInt() > 0)
            return Error(path + ": an SQLite database, but not a Qpilot run store (it has tables and no Qpilot schema version)");
        query.finish();
    }
    if (!query.exec("PRAGMA journal_mode = WAL") || !query.next() || query.value(0).toString() != QLatin1String("wal"))
        return Error(path + ": cannot switch to WAL mode: " +
                     (query.lastError().isValid() ? query.lastError().text().toStdString() : query.value(0).toString().toStdString()));
    query.finish();
    if (!query.exec("PRAGMA foreign_keys = ON") || !query.exec("PRAGMA synchronous = FULL"))
        return s.error(query, "cannot set the connection's pragmas");
    if (version < kSchemaVersion)
        if (auto e = migrate(s.db, path, version, kSchemaVersion))
            return *e;
    s.version = kSchemaVersion;
    return store;
}

Result<std::int64_t> RunStore::beginRun(const pilot::PilotRun& run)
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return *tx.error();
    Result<std::int64_t> pilot = s.pilotId(run.pilotName);
    if (!pilot)
        return pilot.error();
    QSqlQuery ins(s.db);
    if (auto e = s.exec(ins, R"(INSERT INTO runs(pilot_id, seed, app_version, build_id, user_name, configuration_json, status, started_at, run_json)
                                VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?))",
                        {qint64(pilot.value()), QString::number(run.seed), q(run.appVersion), q(run.buildId), q(run.user),
                         q(run.configurationJson), pilot::runStatusKey(run.status), q(run.startedAt), QString("")},
                        "creating the run")) // writeRun fills run_json and the rest
        return *e;
    const std::int64_t id = ins.lastInsertId().toLongLong();
    if (auto e = s.writeRun(id, run))
        return *e;
    if (auto e = s.audit("run-start", "run " + std::to_string(id),
                         "pilot " + run.pilotName + ", seed " + std::to_string(run.seed) + ", dataset " +
                             (run.datasetFingerprint.empty() ? std::string("not yet loaded") : run.datasetFingerprint.substr(0, 16)) +
                             ", app " + run.appVersion + (run.buildId.empty() ? "" : " (" + run.buildId + ")")))
        return *e;
    if (run.status != pilot::RunStatus::Running)
        if (auto e = s.auditFinal(id, run))
            return *e;
    if (auto e = tx.commit())
        return *e;
    return id;
}

std::optional<Error> RunStore::saveRun(std::int64_t id, const pilot::PilotRun& run)
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return tx.error();
    Result<QString> before = s.status(id);
    if (!before)
        return before.error();
    if (auto e = s.writeRun(id, run))
        return e;
    const QString after = pilot::runStatusKey(run.status);
    if (run.status != pilot::RunStatus::Running && after != before.value())
        if (auto e = s.auditFinal(id, run))
            return e;
    return tx.commit();
}

std::optional<Error> RunStore::saveScore(std::int64_t id, const std::string& verdict, double overall, const std::string& scorecardJson)
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return tx.error();
    if (Result<QString> st = s.status(id); !st)
        return st.error();
    if (auto e = s.exec("UPDATE runs SET verdict = ?, overall = ?, scorecard_json = ? WHERE id = ?",
                        {q(verdict), real(overall), q(scorecardJson), qint64(id)}, "storing the score"))
        return e;
    if (auto e = s.audit("score", "run " + std::to_string(id), verdict + " (overall " + QString::number(overall, 'f', 1).toStdString() + ")"))
        return e;
    return tx.commit();
}

std::optional<Error> RunStore::addArtefact(std::int64_t id, const Artefact& artefact)
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return tx.error();
    if (Result<QString> st = s.status(id); !st)
        return st.error();
    if (auto e = s.exec(R"(INSERT INTO artefacts(run_id, kind, path, sha256, created_at) VALUES(?, ?, ?, ?, ?)
                           ON CONFLICT(run_id, kind, path) DO UPDATE SET sha256 = excluded.sha256, created_at = excluded.created_at)",
                        {qint64(id), q(artefact.kind), q(artefact.path), q(artefact.sha256), q(utcNow())}, "recording the artefact"))
        return e;
    if (auto e = s.audit("artefact", "run " + std::to_string(id), artefact.kind + " " + artefact.path))
        return e;
    return tx.commit();
}

std::optional<Error> RunStore::recordExport(std::int64_t id, const std::string& runDirectory, const std::string& treeSha256,
                                            const std::string& mlflowRunId) const
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return tx.error();
    if (auto e = s.exec(R"(INSERT INTO artefacts(run_id, kind, path, sha256, created_at) VALUES(?, 'mlflow', ?, ?, ?)
                           ON CONFLICT(run_id, kind, path) DO UPDATE SET sha256 = excluded.sha256, created_at = excluded.created_at)",
                        {qint64(id), q(runDirectory), q(treeSha256), q(utcNow())}, "recording the export"))
        return e;
    if (auto e = s.audit("export-mlflow", "run " + std::to_string(id), "MLflow run " + mlflowRunId + " in " + runDirectory))
        return e;
    return tx.commit();
}

namespace {

RunSummary summaryFrom(const QSqlQuery& query)
{
    RunSummary r;
    r.id = query.value(0).toLongLong();
    r.pilotName = query.value(1).toString().toStdString();
    r.status = query.value(2).toString().toStdString();
    r.startedAt = query.value(3).toString().toStdString();
    r.finishedAt = query.value(4).toString().toStdString();
    r.seed = query.value(5).toString().toULongLong();
    r.resultDigest = query.value(6).toString().toStdString();
    r.verdict = query.value(7).toString().toStdString();
    r.overall = query.value(8).isNull() ? -1 : query.value(8).toDouble();
    return r;
}

const char kSummaryColumns[] =
    "SELECT r.id, p.name, r.status, r.started_at, r.finished_at, r.seed, r.result_digest, r.verdict, r.overall "
    "FROM runs r JOIN pilots p ON p.id = r.pilot_id ";

} // namespace

Result<std::vector<RunSummary>> RunStore::listRuns() const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, QString(kSummaryColumns) + "ORDER BY r.id", {}, "listing runs"))
        return *e;
    std::vector<RunSummary> out;
    while (query.next())
        out.push_back(summaryFrom(query));
    return out;
}

Result<bool> RunStore::hasRun(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, "SELECT 1 FROM runs WHERE id = ?", {qint64(id)}, "looking up run " + std::to_string(id)))
        return *e;
    return query.next();
}

Result<bool> RunStore::isReproduced(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, "SELECT 1 FROM reproductions WHERE identical = 1 AND (run_id = ? OR reproduced_by = ?)",
                              {qint64(id), qint64(id)}, "looking up the reproductions of run " + std::to_string(id)))
        return *e;
    return query.next();
}

Result<RunSummary> RunStore::summary(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, QString(kSummaryColumns) + "WHERE r.id = ?", {qint64(id)}, "reading run " + std::to_string(id)))
        return *e;
    if (!query.next())
        return Error("no run " + std::to_string(id) + " in " + m_impl->path);
    return summaryFrom(query);
}

Result<pilot::PilotRun> RunStore::loadRun(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, "SELECT run_json FROM runs WHERE id = ?", {qint64(id)}, "reading run " + std::to_string(id)))
        return *e;
    if (!query.next())
        return Error("no run " + std::to_string(id) + " in " + m_impl->path);
    Result<pilot::PilotRun> run = pilot::runFromJson(query.value(0).toString().toStdString());
    if (!run)
        return Error(m_impl->path + ": run " + std::to_string(id) + ": " + run.error().message);
    return run;
}

Result<std::string> RunStore::scorecardJson(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, "SELECT scorecard_json FROM runs WHERE id = ?", {qint64(id)}, "reading run " + std::to_string(id)))
        return *e;
    if (!query.next())
        return Error("no run " + std::to_string(id) + " in " + m_impl->path);
    return query.value(0).toString().toStdString();
}

Result<std::vector<Artefact>> RunStore::artefacts(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, "SELECT kind, path, sha256 FROM artefacts WHERE run_id = ? ORDER BY id", {qint64(id)}, "listing artefacts"))
        return *e;
    std::vector<Artefact> out;
    while (query.next())
        out.push_back({query.value(0).toString().toStdString(), query.value(1).toString().toStdString(), query.value(2).toString().toStdString()});
    return out;
}

Result<std::int64_t> RunStore::commitCircuit(const std::string& pilotName, const std::string& qasm, const std::string& message)
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return *tx.error();
    Result<std::int64_t> pilot = s.pilotId(pilotName);
    if (!pilot)
        return pilot.error();
    Result<std::int64_t> version = s.commitCircuit(pilot.value(), qasm, message);
    if (!version)
        return version;
    if (auto e = tx.commit())
        return *e;
    return version;
}

Result<std::vector<CircuitVersion>> RunStore::circuitHistory(const std::string& pilotName) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, R"(SELECT c.id, c.hash, c.qasm, c.parent_id, c.message, c.created_at
                                        FROM circuit_versions c JOIN pilots p ON p.id = c.pilot_id WHERE p.name = ? ORDER BY c.id)",
                              {q(pilotName)}, "reading circuit versions"))
        return *e;
    std::vector<CircuitVersion> out;
    while (query.next())
        out.push_back({query.value(0).toLongLong(), pilotName, query.value(1).toString().toStdString(), query.value(2).toString().toStdString(),
                       query.value(3).isNull() ? 0 : query.value(3).toLongLong(), query.value(4).toString().toStdString(),
                       query.value(5).toString().toStdString()});
    return out;
}

std::optional<Error> RunStore::recordReproduction(std::int64_t id, std::int64_t reproducedBy, bool identical, const std::string& differences)
{
    const Impl& s = *m_impl;
    Impl::Transaction tx(s);
    if (tx.error())
        return tx.error();
    for (std::int64_t r : {id, reproducedBy})
        if (Result<QString> st = s.status(r); !st)
            return st.error();
    if (auto e = s.exec("INSERT INTO reproductions(run_id, reproduced_by, identical, differences, at) VALUES(?, ?, ?, ?, ?)",
                        {qint64(id), qint64(reproducedBy), identical ? 1 : 0, q(differences), q(utcNow())}, "recording the reproduce check"))
        return e;
    if (auto e = s.audit("reproduce", "run " + std::to_string(id),
                         "by run " + std::to_string(reproducedBy) + ": " + (identical ? "bit-identical results" : "results differ: " + differences)))
        return e;
    return tx.commit();
}

std::optional<Error> RunStore::audit(const std::string& action, const std::string& subject, const std::string& detail)
{
    return m_impl->audit(action, subject, detail);
}

Result<std::vector<AuditEntry>> RunStore::auditLog() const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, "SELECT id, at, user_name, action, subject, detail FROM audit_log ORDER BY id", {}, "reading the audit log"))
        return *e;
    std::vector<AuditEntry> out;
    while (query.next())
        out.push_back({query.value(0).toLongLong(), query.value(1).toString().toStdString(), query.value(2).toString().toStdString(),
                       query.value(3).toString().toStdString(), query.value(4).toString().toStdString(), query.value(5).toString().toStdString()});
    return out;
}

// ---------------------------------------------------------------------------------------------
// Cloud jobs

namespace {

const char* kCloudJobColumns =
    "id, provider, device_id, provider_job_id, client_token, state, shots, circuit_hash, qasm, submitted_qasm, tags_json, "
    "estimated_cost_usd, usage_seconds, actual_cost_usd, created_at, submitted_at, queued_at, running_at, finished_at, "
    "updated_at, message, last_error, counts_json";

std::optional<double> optionalReal(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

CloudJobRecord cloudJobFromRow(const QSqlQuery& r)
{
    auto s = [&](int i) { return r.value(i).toString().toStdString(); };
    CloudJobRecord j;
    j.id = r.value(0).toLongLong();
    j.provider = s(1);
    j.deviceId = s(2);
    j.providerJobId = s(3);
    j.clientToken = s(4);
    j.state = s(5);
    j.shots = r.value(6).toInt();
    j.circuitHash = s(7);
    j.qasm = s(8);
    j.submittedQasm = s(9);
    j.tagsJson = s(10);
    j.estimatedCostUsd = optionalReal(r.value(11));
    j.usageSeconds = optionalReal(r.value(12));
    j.actualCostUsd = optionalReal(r.value(13));
    j.createdAt = s(14);
    j.submittedAt = s(15);
    j.queuedAt = s(16);
    j.runningAt = s(17);
    j.finishedAt = s(18);
    j.updatedAt = s(19);
    j.message = s(20);
    j.lastError = s(21);
    j.countsJson = s(22);
    return j;
}

std::string cloudJobSubject(const CloudJobRecord& j)
{
    return "cloud job " + std::to_string(j.id);
}

} // namespace

Result<std::int64_t> RunStore::insertCloudJob(const CloudJobRecord& job)
{
    const Impl& s = *m_impl;
    Impl::Transaction t(s);
    if (t.error())
        return *t.error();
    const std::string now = utcNow();
    QSqlQuery ins(s.db);
    if (auto e = s.exec(ins, QStringLiteral("INSERT INTO cloud_jobs(provider, device_id, provider_job_id, client_token, state, shots, "
                                            "circuit_hash, qasm, submitted_qasm, tags_json, estimated_cost_usd, created_at, updated_at) "
                                            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {q(job.provider), q(job.deviceId), q(job.providerJobId), q(job.clientToken), q(job.state), job.shots,
                         q(job.circuitHash), q(job.qasm), q(job.submittedQasm), q(job.tagsJson.empty() ? "{}" : job.tagsJson),
                         real(job.estimatedCostUsd), q(job.createdAt.empty() ? now : job.createdAt), q(now)},
                        "storing the cloud job"))
        return *e;
    const std::int64_t id = ins.lastInsertId().toLongLong();
    std::string cost = job.estimatedCostUsd ? ", estimated " + QString::number(*job.estimatedCostUsd, 'f', 2).toStdString() + " USD" : "";
    if (auto e = s.audit("cloud-job", "cloud job " + std::to_string(id),
                         job.provider + " " + job.deviceId + ", " + std::to_string(job.shots) + " shots, state " + job.state + cost))
        return *e;
    if (auto e = t.commit())
        return *e;
    return id;
}

std::optional<Error> RunStore::updateCloudJob(const CloudJobRecord& job)
{
    const Impl& s = *m_impl;
    Impl::Transaction t(s);
    if (t.error())
        return t.error();
    QSqlQuery old(s.db);
    if (auto e = s.exec(old, "SELECT state, provider_job_id FROM cloud_jobs WHERE id = ?", {qint64(job.id)}, "reading the cloud job"))
        return e;
    if (!old.next())
        return Error("no cloud job " + std::to_string(job.id) + " in " + s.path);
    const std::string oldState = old.value(0).toString().toStdString();
    const std::string oldProviderId = old.value(1).toString().toStdString();
    old.finish();
    if (auto e = s.exec(R"(UPDATE cloud_jobs SET provider_job_id = ?, state = ?, submitted_qasm = ?, tags_json = ?,
                               estimated_cost_usd = ?, usage_seconds = ?, actual_cost_usd = ?, submitted_at = ?, queued_at = ?,
                               running_at = ?, finished_at = ?, updated_at = ?, message = ?, last_error = ?, counts_json = ?
                           WHERE id = ?)",
                        {q(job.providerJobId), q(job.state), q(job.submittedQasm), q(job.tagsJson.empty() ? "{}" : job.tagsJson),
                         real(job.estimatedCostUsd), real(job.usageSeconds), real(job.actualCostUsd), q(job.submittedAt),
                         q(job.queuedAt), q(job.runningAt), q(job.finishedAt), q(utcNow()), q(job.message), q(job.lastError),
                         q(job.countsJson), qint64(job.id)},
                        "updating cloud job " + std::to_string(job.id)))
        return e;
    if (oldState != job.state || oldProviderId != job.providerJobId) {
        std::string detail = oldState + " -> " + job.state;
        if (!job.providerJobId.empty())
            detail += ", provider job " + job.providerJobId;
        if (!job.message.empty())
            detail += "; " + job.message;
        if (auto e = s.audit("cloud-" + job.state, cloudJobSubject(job), detail))
            return e;
    }
    return t.commit();
}

Result<CloudJobRecord> RunStore::cloudJob(std::int64_t id) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, QStringLiteral("SELECT %1 FROM cloud_jobs WHERE id = ?").arg(QLatin1String(kCloudJobColumns)),
                              {qint64(id)}, "reading cloud job " + std::to_string(id)))
        return *e;
    if (!query.next())
        return Error("no cloud job " + std::to_string(id) + " in " + m_impl->path + " (see `qpilot cloud jobs`)");
    return cloudJobFromRow(query);
}

Result<std::optional<CloudJobRecord>> RunStore::cloudJobByToken(const std::string& clientToken) const
{
    QSqlQuery query(m_impl->db);
    if (auto e = m_impl->exec(query, QStringLiteral("SELECT %1 FROM cloud_jobs WHERE client_token = ?").arg(QLatin1String(kCloudJobColumns)),
                              {q(clientToken)}, "reading the cloud job"))
        return *e;
    if (!query.next())
        return std::optional<CloudJobRecord>();
    return std::optional<CloudJobRecord>(cloudJobFromRow(query));
}

Result<std::vector<CloudJobRecord>> RunStore::listCloudJobs(bool unfinishedOnly) const
{
    QSqlQuery query(m_impl->db);
    const QString sql = unfinishedOnly
                            ? QStringLiteral("SELECT %1 FROM cloud_jobs WHERE state IN ('submitting', 'queued', 'running') "
                                             "OR (state = 'completed' AND COALESCE(counts_json, '') = '') ORDER BY id")
                            : QStringLiteral("SELECT %1 FROM cloud_jobs ORDER BY id DESC");
    if (auto e = m_impl->exec(query, sql.arg(QLatin1String(kCloudJobColumns)), {}, "listing cloud jobs"))
        return *e;
    std::vector<CloudJobRecord> out;
    while (query.next())
        out.push_back(cloudJobFromRow(query));
    return out;
}

} // namespace qpilot::store
