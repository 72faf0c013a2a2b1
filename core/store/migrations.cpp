// core/store/migrations.cpp — the run store's schema history. Never edit a released migration;
// add a new one and bump kSchemaVersion (store.h). The story so far:
//   1  pilots, datasets, runs (with the full run JSON), stage timings, per-model and per-device
//      results with the key numbers as columns.
//   2  provenance: circuit versions (content-hash version control with parents), calibration
//      snapshots and price tables used (linked from each device result), mitigation overhead
//      columns, artefacts. Backfills circuit versions and the new columns from the stored JSON.
//   3  the append-only audit log (triggers reject UPDATE and DELETE), reproduce checks and the
//      scorecard summary on runs. Backfills one audit entry per existing run.
//   4  cloud QPU jobs (core/cloud): one row per job, written before submission and updated on
//      every state change (provider job id, client token, circuit, cost, timestamps, counts).
#include "core/store/migrations.h"

#include "core/common/provenance.h"

#include "core/store/store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>


namespace qpilot::store {

namespace {

struct Migration {
    int version;
    const char* description;
    std::vector<const char*> statements;
    // Data backfill after the statements (same transaction); may be empty.
    std::function<std::optional<Error>(QSqlDatabase&)> backfill;
};

std::optional<Error> sqlError(const QSqlQuery& q, const std::string& what)
{
    return Error(what + ": " + q.lastError().text().toStdString());
}

// Version 2: one circuit version per change of a pilot's circuit, in run order, parent = the
// pilot's previous version; each run points at the version it ran.
std::optional<Error> backfillCircuitVersions(QSqlDatabase& db)
{
    QSqlQuery runs(db);
    if (!runs.exec("SELECT id, pilot_id, json_extract(run_json, '$.circuitQasm'), started_at FROM runs ORDER BY id"))
        return sqlError(runs, "reading runs");
    struct Row { qint64 id, pilot; QString qasm, at; };
    std::vector<Row> rows;
    while (runs.next())
        rows.push_back({runs.value(0).toLongLong(), runs.value(1).toLongLong(), runs.value(2).toString(), runs.value(3).toString()});
    std::map<qint64, std::pair<qint64, QByteArray>> latest; // pilot → (version id, hash)
    for (const Row& r : rows) {
        if (r.qasm.isEmpty())
            continue;
        const QByteArray hash = QCryptographicHash::hash(r.qasm.toUtf8(), QCryptographicHash::Sha256).toHex();
        auto it = latest.find(r.pilot);
        qint64 version = 0;
        if (it != latest.end() && it->second.second == hash) {
            version = it->second.first;
        } else {
            QSqlQuery ins(db);
            ins.prepare("INSERT INTO circuit_versions(pilot_id, hash, qasm, parent_id, message, created_at) VALUES(?, ?, ?, ?, ?, ?)");
            ins.addBindValue(r.pilot);
            ins.addBindValue(QString::fromLatin1(hash));
            ins.addBindValue(r.qasm);
            ins.addBindValue(it == latest.end() ? QVariant() : QVariant(it->second.first));
            ins.addBindValue(QStringLiteral("imported from run %1").arg(r.id));
            ins.addBindValue(r.at);
            if (!ins.exec())
                return sqlError(ins, "backfilling circuit versions");
            version = ins.lastInsertId().toLongLong();
            latest[r.pilot] = {version, hash};
        }
        QSqlQuery link(db);
        link.prepare("UPDATE runs SET circuit_version_id = ? WHERE id = ?");
        link.addBindValue(version);
        link.addBindValue(r.id);
        if (!link.exec())
            return sqlError(link, "linking runs to circuit versions");
    }
    return std::nullopt;
}

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        {1, "pilots, datasets, runs, stage timings, model and device results",
         {R"(CREATE TABLE schema_migrations(
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL))",
          R"(CREATE TABLE pilots(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL))",
          R"(CREATE TABLE datasets(
                id INTEGER PRIMARY KEY,
                fingerprint TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                source TEXT NOT NULL,
                rows INTEGER NOT NULL,
                features INTEGER NOT NULL,
                classes INTEGER NOT NULL))",
          R"(CREATE TABLE runs(
                id INTEGER PRIMARY KEY,
                pilot_id INTEGER NOT NULL REFERENCES pilots(id),
                dataset_id INTEGER REFERENCES datasets(id),
                seed TEXT NOT NULL,
                app_version TEXT NOT NULL,
                build_id TEXT NOT NULL,
                user_name TEXT NOT NULL,
                configuration_json TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
                stop_reason TEXT NOT NULL DEFAULT '',
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL DEFAULT '',
                result_digest TEXT NOT NULL DEFAULT '',
                run_json TEXT NOT NULL))",
          "CREATE INDEX runs_by_pilot ON runs(pilot_id, id)",
          R"(CREATE TABLE run_stages(
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                stage TEXT NOT NULL,
                status TEXT NOT NULL,
                seconds REAL NOT NULL,
                message TEXT NOT NULL,
                PRIMARY KEY (run_id, position)))",
          R"(CREATE TABLE model_results(
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('baseline', 'quantum')),
                model TEXT NOT NULL,
                accuracy REAL,
                balanced_accuracy REAL,
                f1 REAL,
                roc_auc REAL,
                PRIMARY KEY (run_id, position)))",
          R"(CREATE TABLE device_results(
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                device_id TEXT NOT NULL,
                provider TEXT NOT NULL,
                error TEXT NOT NULL,
                logical_qubits INTEGER NOT NULL,
                two_qubit_gates INTEGER NOT NULL,
                depth INTEGER NOT NULL,
                success_probability REAL,
                noisy_accuracy REAL,
                cost_per_1k_usd REAL,
                latency_seconds REAL,
                counts_json TEXT NOT NULL,
                PRIMARY KEY (run_id, position)))"},
         {}},
        {2, "provenance: circuit versions, calibration snapshots, price tables, mitigation overheads, artefacts",
         {R"(CREATE TABLE circuit_versions(
                id INTEGER PRIMARY KEY,
                pilot_id INTEGER NOT NULL REFERENCES pilots(id),
                hash TEXT NOT NULL,
                qasm TEXT NOT NULL,
                parent_id INTEGER REFERENCES circuit_versions(id),
                message TEXT NOT NULL,
                created_at TEXT NOT NULL))",
          "CREATE INDEX circuit_versions_by_pilot ON circuit_versions(pilot_id, id)",
          "ALTER TABLE runs ADD COLUMN circuit_version_id INTEGER REFERENCES circuit_versions(id)",
          R"(CREATE TABLE calibration_snapshots(
                id INTEGER PRIMARY KEY,
                device_id TEXT NOT NULL,
                device_name TEXT NOT NULL,
                provider TEXT NOT NULL,
                source TEXT NOT NULL,
                UNIQUE (device_id, source)))",
          R"(CREATE TABLE price_tables(
                id INTEGER PRIMARY KEY,
                price_key TEXT NOT NULL,
                plan TEXT NOT NULL,
                date TEXT NOT NULL,
                source TEXT NOT NULL,
                UNIQUE (price_key, plan, date, source)))",
          "ALTER TABLE device_results ADD COLUMN calibration_id INTEGER REFERENCES calibration_snapshots(id)",
          "ALTER TABLE device_results ADD COLUMN price_table_id INTEGER REFERENCES price_tables(id)",
          "ALTER TABLE device_results ADD COLUMN mitigation_plan TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE device_results ADD COLUMN shot_multiplier REAL",
          "ALTER TABLE device_results ADD COLUMN time_multiplier REAL",
          "ALTER TABLE device_results ADD COLUMN circuits_per_execution INTEGER",
          "ALTER TABLE device_results ADD COLUMN cost_per_1k_unmitigated_usd REAL",
          R"(CREATE TABLE artefacts(
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (run_id, kind, path)))",
          // backfill the device figures that version 1 kept only in the run JSON
          R"(UPDATE device_results SET
                mitigation_plan = coalesce(json_extract(r.run_json, '$.devices[' || device_results.position || '].mitigationPlan'), ''),
                shot_multiplier = json_extract(r.run_json, '$.devices[' || device_results.position || '].shotMultiplier'),
                time_multiplier = json_extract(r.run_json, '$.devices[' || device_results.position || '].timeMultiplier'),
                circuits_per_execution = json_extract(r.run_json, '$.devices[' || device_results.position || '].circuitsPerExecution'),
                cost_per_1k_unmitigated_usd = json_extract(r.run_json, '$.devices[' || device_results.position || '].costPer1kUnmitigatedUsd')
             FROM runs AS r WHERE r.id = device_results.run_id)",
          R"(INSERT OR IGNORE INTO calibration_snapshots(device_id, device_name, provider, source)
             SELECT json_extract(d.value, '$.deviceId'), json_extract(d.value, '$.deviceName'),
                    json_extract(d.value, '$.provider'), json_extract(d.value, '$.calibrationSource')
             FROM runs AS r, json_each(r.run_json, '$.devices') AS d)",
          R"(UPDATE device_results SET calibration_id = (
                SELECT c.id FROM calibration_snapshots AS c, runs AS r
                WHERE r.id = device_results.run_id
                  AND c.device_id = json_extract(r.run_json, '$.devices[' || device_results.position || '].deviceId')
                  AND c.source = json_extract(r.run_json, '$.devices[' || device_results.position || '].calibrationSource')))"},
         backfillCircuitVersions},
        {3, "append-only audit log, reproduce checks, scorecard summary",
         {R"(CREATE TABLE audit_log(
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                user_name TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL))",
          R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
             BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE is not allowed'); END)",
          R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
             BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE is not allowed'); END)",
          R"(CREATE TABLE reproductions(
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                reproduced_by INTEGER NOT NULL REFERENCES runs(id),
                identical INTEGER NOT NULL CHECK (identical IN (0, 1)),
                differences TEXT NOT NULL,
                at TEXT NOT NULL))",
          "ALTER TABLE runs ADD COLUMN verdict TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE runs ADD COLUMN overall REAL NOT NULL DEFAULT -1",
          "ALTER TABLE runs ADD COLUMN scorecard_json TEXT NOT NULL DEFAULT ''",
          R"(INSERT INTO audit_log(at, user_name, action, subject, detail)
             SELECT r.started_at, r.user_name, 'run-start', 'run ' || r.id,
                    'pilot ' || p.name || ', seed ' || r.seed || ' (recorded before the audit log existed)'
             FROM runs AS r JOIN pilots AS p ON p.id = r.pilot_id ORDER BY r.id)"},
         {}},
        {4, "cloud QPU jobs",
         {R"(CREATE TABLE cloud_jobs(
                id INTEGER PRIMARY KEY,
                provider TEXT NOT NULL CHECK (provider IN ('ibm', 'braket', 'ionq')),
                device_id TEXT NOT NULL,
                provider_job_id TEXT NOT NULL DEFAULT '',
                client_token TEXT NOT NULL UNIQUE,
                state TEXT NOT NULL CHECK (state IN ('submitting', 'queued', 'running', 'completed', 'failed', 'cancelled')),
                shots INTEGER NOT NULL CHECK (shots > 0),
                circuit_hash TEXT NOT NULL,
                qasm TEXT NOT NULL,
                submitted_qasm TEXT NOT NULL DEFAULT '',
                tags_json TEXT NOT NULL DEFAULT '{}',
                estimated_cost_usd REAL,
                usage_seconds REAL,
                actual_cost_usd REAL,
                created_at TEXT NOT NULL,
                submitted_at TEXT NOT NULL DEFAULT '',
                queued_at TEXT NOT NULL DEFAULT '',
                running_at TEXT NOT NULL DEFAULT '',
                finished_at TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL,
                message TEXT NOT NULL DEFAULT '',
                last_error TEXT NOT NULL DEFAULT '',
                counts_json TEXT NOT NULL DEFAULT ''))",
          "CREATE INDEX cloud_jobs_by_state ON cloud_jobs(state, id)",
          "CREATE INDEX cloud_jobs_by_provider_job ON cloud_jobs(provider, provider_job_id)"},
         {}},
    };
    return list;
}

} // namespace

std::vector<MigrationInfo> migrationList()
{
    std::vector<MigrationInfo> out;
    for (const Migration& m : migrations())
        out.push_back({m.version, m.description});
    return out;
}

std::optional<Error> migrate(QSqlDatabase& db, const std::string& path, int from, int to)
{
    for (const Migration& m : migrations()) {
        if (m.version <= from || m.version > to)
            continue;
        const std::string what = path + ": migrating the run store to schema " + std::to_string(m.version) + " (" + m.description + ")";
        QSqlQuery q(db);
        if (!q.exec("BEGIN IMMEDIATE"))
            return Error(what + ": " + q.lastError().text().toStdString());
        // Another process may have migrated while this one waited for the write lock.
        if (!q.exec("PRAGMA user_version") || !q.next()) {
            const std::string why = q.lastError().text().toStdString();
            q.exec("ROLLBACK");
            return Error(what + ": " + why);
        }
        const int current = q.value(0).toInt();
        q.finish();
        if (current >= m.version) {
            q.exec("ROLLBACK");
            continue;
        }
        std::optional<Error> failure;
        for (const char* sql : m.statements) {
            if (!q.exec(QString::fromUtf8(sql))) {
                failure = Error(what + ": " + q.lastError().text().toStdString());
                break;
            }
        }
        if (!failure && m.backfill)
            if (std::optional<Error> e = m.backfill(db))
                failure = Error(what + ": " + e->message);
        if (!failure && m.version == to && from > 0 && to >= 3) {
            // The upgrade of an existing store is audited in the same transaction (the log exists from 3).
            QSqlQuery audit(db);
            audit.prepare("INSERT INTO audit_log(at, user_name, action, subject, detail) VALUES(?, ?, 'migrate', ?, ?)");
            audit.addBindValue(QString::fromStdString(utcNow()));
            audit.addBindValue(QString::fromStdString(osUserName()));
            audit.addBindValue(QString::fromStdString(path));
            audit.addBindValue(QStringLiteral("schema %1 -> %2").arg(from).arg(to));
            if (!audit.exec())
                failure = Error(what + ": " + audit.lastError().text().toStdString());
        }
        if (!failure) {
            QSqlQuery ins(db);
            ins.prepare("INSERT INTO schema_migrations(version, description, applied_at) VALUES(?, ?, ?)");
            ins.addBindValue(m.version);
            ins.addBindValue(QString::fromUtf8(m.description));
            ins.addBindValue(QString::fromStdString(utcNow()));
            if (!ins.exec() || !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)))
                failure = Error(what + ": " + (ins.lastError().isValid() ? ins.lastError() : q.lastError()).text().toStdString());
        }
        if (failure) {
            q.exec("ROLLBACK");
            return failure;
        }
        if (!q.exec("COMMIT"))
            return Error(what + ": " + q.lastError().text().toStdString());
    }
    return std::nullopt;
}

} // namespace qpilot::store
