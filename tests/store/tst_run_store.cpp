// tests/store/tst_run_store.cpp — the run store (core/store): creating and opening (WAL and
// foreign keys really on), errors with the path (garbage file, foreign SQLite file, newer schema,
// read-only location), migrations from every older schema with data preserved and backfilled,
// save/load round trips (bit-identical JSON, idempotent saveRun), circuit version control, the
// append-only audit log, summaries, scores, artefacts, reproduce checks, two stores on one file,
// and crash consistency: this binary re-runs itself as a writer (--crash-writer DB) that is
// killed with SIGKILL mid-write several times, after which the database must be intact and
// every committed run complete.
#include "store/store_test_util.h"
#include "support/sample_run.h"

#include "core/store/migrations.h"
#include "core/common/provenance.h"
#include "core/store/store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <set>

using namespace qpilot;
using pilot::PilotRun;
using store::RunStore;
using test::RawDb;

namespace {

std::string sha256(const std::string& s)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(s), QCryptographicHash::Sha256).toHex().toStdString();
}

std::unique_ptr<RunStore> openStore(const QString& path)
{
    Result<std::unique_ptr<RunStore>> s = RunStore::open(path.toStdString());
    if (!s.ok()) {
        qWarning("%s", s.error().toString().c_str());
        return nullptr;
    }
    return std::move(s.value());
}

// The run the crash writer writes as its i-th run (completed), big enough that a write takes a while.
PilotRun crashRun(int i)
{
    PilotRun r = test::sampleRun();
    r.pilotName = "crash-pilot";
    r.seed = std::uint64_t(i);
    r.devices[0].transpiledQasm = std::string(size_t(200000 + i), char('a' + i % 26));
    r.devices[1].counts["0110"] = i;
    return r;
}

PilotRun partialOf(const PilotRun& full, int stages)
{
    PilotRun p = full;
    p.status = pilot::RunStatus::Running;
    p.finishedAt.clear();
    p.stages.resize(size_t(stages));
    if (stages < 4)
        p.devices.clear();
    if (stages < 5)
        p.seeds.clear();
    return p;
}

// The child process: writes runs forever (begin, two partial saves, the final save) and prints
// "committed <id> <i>" after each final save returned.
int crashWriter(const QString& path)
{
    auto store = openStore(path);
    if (!store)
        return 3;
    for (int i = 0;; ++i) {
        const PilotRun full = crashRun(i);
        Result<std::int64_t> id = store->beginRun(partialOf(full, 1));
        if (!id)
            return 4;
        if (store->saveRun(id.value(), partialOf(full, 3)) || store->saveRun(id.value(), partialOf(full, 4)) || store->saveRun(id.value(), full))
            return 5;
        std::printf("committed %lld %d\n", static_cast<long long>(id.value()), i);
        std::fflush(stdout);
    }
}

// Rows a version-k database gets in the migration test (only tables that exist at k).
void insertAtVersion(RawDb& raw, int k, const PilotRun& run)
{
    const QString json = QString::fromStdString(runToJson(run)).replace("'", "''");
    QCOMPARE(raw.exec("INSERT INTO pilots(id, name, created_at) VALUES(1, 'breast-cancer-kernel', '2026-01-01T00:00:00Z')"), QString());
    QCOMPARE(raw.exec("INSERT INTO datasets(id, fingerprint, name, source, rows, features, classes) VALUES(1, 'fp', 'breast_cancer', 'builtin', 569, 30, 2)"), QString());
    QCOMPARE(raw.exec("INSERT INTO runs(id, pilot_id, dataset_id, seed, app_version, build_id, user_name, configuration_json, status, "
                      "started_at, finished_at, result_digest, run_json) VALUES(1, 1, 1, '12345678901234567890', '0.7.0', 'b', 'alice', '{}', "
                      "'completed', '2026-11-24T10:00:00Z', '2026-11-24T10:03:20.500Z', 'd', '" + json + "')"), QString());
    QCOMPARE(raw.exec("INSERT INTO run_stages VALUES(1, 0, 'data', 'done', 0.5, 'loaded')"), QString());
    for (int p = 0; p < 2; ++p)
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO device_results(run_id, position, device_id, provider, error, logical_qubits, "
                                         "two_qubit_gates, depth, success_probability, noisy_accuracy, cost_per_1k_usd, latency_seconds, "
                                         "counts_json) VALUES(1, %1, '%2', 'x', '', 4, 12, 40, 0.8, 0.86, 12.5, NULL, '{}')")
                              .arg(p)
                              .arg(QString::fromStdString(run.devices[size_t(p)].deviceId))),
                 QString());
    if (k >= 2) {
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO circuit_versions(id, pilot_id, hash, qasm, parent_id, message, created_at) "
                                         "VALUES(1, 1, '%1', '%2', NULL, 'initial ansatz', '2026-01-01T00:00:00Z')")
                              .arg(QString::fromStdString(sha256(run.circuitQasm)), QString::fromStdString(run.circuitQasm))),
                 QString());
        QCOMPARE(raw.exec("UPDATE runs SET circuit_version_id = 1"), QString());
        QCOMPARE(raw.exec("UPDATE device_results SET shot_multiplier = 7"), QString());
        QCOMPARE(raw.exec("INSERT INTO artefacts(run_id, kind, path, sha256, created_at) VALUES(1, 'report', '/r/report.pdf', 'abc', 'now')"), QString());
    }
    if (k >= 3) // what a schema-3 store wrote when the run started (older stores get it from migration 3's backfill)
        QCOMPARE(raw.exec("INSERT INTO audit_log(at, user_name, action, subject, detail) "
                          "VALUES('2026-11-24T10:00:00Z', 'alice', 'run-start', 'run 1', 'pilot breast-cancer-kernel')"), QString());
}

} // namespace

class TestRunStore : public QObject {
    Q_OBJECT

private slots:
    void createSetsPragmas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("sub/dir/runs.sqlite");
        auto s = openStore(path);
        QVERIFY(s);
        QCOMPARE(s->schemaVersion(), store::kSchemaVersion);
        QCOMPARE(store::kSchemaVersion, 4);
        QCOMPARE(QString::fromStdString(s->path()), path);
        QSqlDatabase c = test::storeConnection();
        QVERIFY(c.isOpen());
        QSqlQuery q(c);
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QString("wal"));
        QVERIFY(q.exec("PRAGMA foreign_keys") && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec("PRAGMA busy_timeout") && q.next());
        QCOMPARE(q.value(0).toInt(), 5000);
        QVERIFY(q.exec("PRAGMA user_version") && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        // foreign keys enforced: a result row for a run that does not exist is refused
        QVERIFY(!q.exec("INSERT INTO run_stages VALUES(42, 0, 'data', 'done', 1, '')"));
        QVERIFY2(q.lastError().text().contains("FOREIGN KEY"), qPrintable(q.lastError().text()));
        QVERIFY(q.exec("SELECT count(*) FROM schema_migrations") && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        q.finish();
        q = QSqlQuery();
        c = QSqlDatabase();
        // reopening an existing store migrates nothing and keeps WAL (persistent)
        s.reset();
        auto again = openStore(path);
        QVERIFY(again);
        RawDb raw(path);
        QCOMPARE(raw.scalar("PRAGMA journal_mode").toString(), QString("wal"));
        QCOMPARE(raw.scalar("SELECT count(*) FROM schema_migrations").toInt(), 4);
    }

    void openErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("text") << QByteArray("this is a pilot report, not a database\n").repeated(40) << "not a Qpilot run store (the file is not an SQLite database)";
        QByteArray noise(8192, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("binary") << noise << "not a Qpilot run store (the file is not an SQLite database)";
        QTest::newRow("foreign sqlite") << QByteArray("CREATE TABLE invoices(id INTEGER)") << "an SQLite database, but not a Qpilot run store";
        QTest::newRow("newer schema") << QByteArray("PRAGMA user_version = 9") << "created by a newer Qpilot (schema 9, this build knows 4)";
    }

    void openErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.sqlite");
        if (content.startsWith("CREATE") || content.startsWith("PRAGMA")) {
            RawDb raw(path);
            QCOMPARE(raw.exec(QString::fromUtf8(content)), QString());
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        Result<std::unique_ptr<RunStore>> s = RunStore::open(path.toStdString());
        QVERIFY(!s.ok());
        const QString text = QString::fromStdString(s.error().toString());
        QVERIFY2(text.contains(message), qPrintable(text));
        QVERIFY2(text.startsWith(path), qPrintable(text));
        QVERIFY(QSqlDatabase::connectionNames().isEmpty()); // the failed open left no connection behind
    }

    void unwritableLocation_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("message");
        QTest::newRow("parent is a file") << "plain.txt/runs.sqlite" << "cannot create the directory";
        QTest::newRow("is a directory") << "adir" << "is a directory";
    }

    void unwritableLocation()
    {
        QFETCH(QString, relative);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile f(dir.filePath("plain.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(QDir(dir.path()).mkdir("adir"));
        const QString path = dir.filePath(relative);
        Result<std::unique_ptr<RunStore>> s = RunStore::open(path.toStdString());
        QVERIFY(!s.ok());
        const QString text = QString::fromStdString(s.error().toString());
        QVERIFY2(text.contains(message) && text.contains(path), qPrintable(text));
    }

    void readOnlySystemLocation()
    {
        // /proc refuses new files even for root (file permissions alone would not stop root).
        Result<std::unique_ptr<RunStore>> s = RunStore::open("/proc/qpilot-test/runs.sqlite");
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error().message).contains("/proc/qpilot-test/runs.sqlite"), s.error().message.c_str());
    }

    void migrateFromEveryOlderSchema_data()
    {
        QTest::addColumn<int>("from");
        for (int k = 1; k < store::kSchemaVersion; ++k)
            QTest::newRow(qPrintable(QStringLiteral("schema %1").arg(k))) << k;
    }

    void migrateFromEveryOlderSchema()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath("old.sqlite");
        const PilotRun run = test::sampleRun();
        {
            RawDb raw(path);
            QCOMPARE(raw.exec("PRAGMA foreign_keys = ON"), QString());
            const std::optional<Error> e = store::migrate(raw.db, path.toStdString(), 0, from);
            QVERIFY2(!e, e ? e->message.c_str() : "");
            QCOMPARE(raw.scalar("PRAGMA user_version").toInt(), from);
            insertAtVersion(raw, from, run);
            if (QTest::currentTestFailed())
                return;
        }
        {
            auto s = openStore(path);
            QVERIFY(s);
            QCOMPARE(s->schemaVersion(), store::kSchemaVersion);
            // the old run reads back exactly
            Result<PilotRun> back = s->loadRun(1);
            QVERIFY(back.ok());
            QCOMPARE(runToJson(back.value()), runToJson(run));
            Result<std::vector<store::RunSummary>> list = s->listRuns();
            QVERIFY(list.ok());
            QCOMPARE(int(list->size()), 1);
            QCOMPARE(list->at(0).pilotName, std::string("breast-cancer-kernel"));
            QCOMPARE(list->at(0).seed, 12345678901234567890ull);
            QCOMPARE(list->at(0).verdict, std::string(""));
            QCOMPARE(list->at(0).overall, -1.0);
            // circuit versions: backfilled from the run JSON (from 1) or kept (from 2)
            Result<std::vector<store::CircuitVersion>> history = s->circuitHistory("breast-cancer-kernel");
            QVERIFY(history.ok());
            QCOMPARE(int(history->size()), 1);
            QCOMPARE(history->at(0).hash, sha256(run.circuitQasm));
            QCOMPARE(history->at(0).qasm, run.circuitQasm);
            QCOMPARE(history->at(0).message, std::string(from == 1 ? "imported from run 1" : "initial ansatz"));
            QCOMPARE(int(s->artefacts(1)->size()), from >= 2 ? 1 : 0);
            // the audit log starts with the backfilled run and the migration itself
            Result<std::vector<store::AuditEntry>> log = s->auditLog();
            QVERIFY(log.ok());
            QCOMPARE(int(log->size()), 2);
            QCOMPARE(log->at(0).action, std::string("run-start"));
            QCOMPARE(log->at(0).user, std::string("alice"));
            QCOMPARE(log->at(0).subject, std::string("run 1"));
            QCOMPARE(log->at(1).action, std::string("migrate"));
            QCOMPARE(log->at(1).detail, "schema " + std::to_string(from) + " -> " + std::to_string(store::kSchemaVersion));
            // a new run on the migrated store reuses the circuit version (same hash)
            Result<std::int64_t> id = s->beginRun(run);
            QVERIFY(id.ok());
            QCOMPARE(id.value(), std::int64_t(2));
            QCOMPARE(int(s->circuitHistory("breast-cancer-kernel")->size()), 1);
        }
        RawDb raw(path);
        QCOMPARE(raw.scalar("PRAGMA user_version").toInt(), store::kSchemaVersion);
        QCOMPARE(raw.scalar("SELECT group_concat(version) FROM schema_migrations").toString(), QString("1,2,3,4"));
        QCOMPARE(raw.scalar("SELECT count(*) FROM cloud_jobs").toInt(), 0);
        // migration 2's backfill of the device columns (from 1) or the values set at 2
        QCOMPARE(raw.scalar("SELECT shot_multiplier FROM device_results WHERE run_id = 1 AND position = 0").toDouble(), from == 1 ? 9.5 : 7.0);
        if (from == 1) {
            QCOMPARE(raw.scalar("SELECT mitigation_plan FROM device_results WHERE run_id = 1 AND position = 1").toString(),
                     QString("rem, zne(1,3,5; richardson)"));
            QCOMPARE(raw.scalar("SELECT count(*) FROM device_results WHERE run_id = 1 AND calibration_id IS NOT NULL").toInt(), 2);
        }
        QCOMPARE(raw.scalar("PRAGMA integrity_check").toString(), QString("ok"));
        QCOMPARE(raw.scalar("SELECT count(*) FROM pragma_foreign_key_check").toInt(), 0);
    }

    void failedMigrationRollsBack()
    {
        // A version-1 database whose run JSON is not JSON: migration 2's backfill fails, the
        // database stays at version 1 with its data and the error names the migration.
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.sqlite");
        {
            RawDb raw(path);
            QVERIFY(!store::migrate(raw.db, path.toStdString(), 0, 1));
            QCOMPARE(raw.exec("INSERT INTO pilots VALUES(1, 'p', 'now')"), QString());
            QCOMPARE(raw.exec("INSERT INTO runs(id, pilot_id, seed, app_version, build_id, user_name, configuration_json, status, "
                              "started_at, run_json) VALUES(1, 1, '1', 'v', 'b', 'u', '{}', 'completed', 'now', 'garbage{')"),
                     QString());
            QCOMPARE(raw.exec("INSERT INTO device_results(run_id, position, device_id, provider, error, logical_qubits, two_qubit_gates, "
                              "depth, counts_json) VALUES(1, 0, 'd', 'p', '', 1, 1, 1, '{}')"),
                     QString());
        }
        Result<std::unique_ptr<RunStore>> s = RunStore::open(path.toStdString());
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error().message).contains("migrating the run store to schema 2"), s.error().message.c_str());
        RawDb raw(path);
        QCOMPARE(raw.scalar("PRAGMA user_version").toInt(), 1);
        QCOMPARE(raw.scalar("SELECT count(*) FROM runs").toInt(), 1);
        QCOMPARE(raw.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'circuit_versions'").toInt(), 0);
    }

    void saveLoadRoundTrip()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        QVERIFY(s);
        const PilotRun full = test::sampleRun();
        Result<std::int64_t> id = s->beginRun(partialOf(full, 1));
        QVERIFY(id.ok());
        Result<PilotRun> partial = s->loadRun(id.value());
        QVERIFY(partial.ok());
        QCOMPARE(runToJson(partial.value()), runToJson(partialOf(full, 1)));
        QCOMPARE(s->summary(id.value())->status, std::string("running"));
        for (int round = 0; round < 2; ++round) // idempotent
            QVERIFY(!s->saveRun(id.value(), full));
        Result<PilotRun> back = s->loadRun(id.value());
        QVERIFY(back.ok());
        QCOMPARE(runToJson(back.value()), runToJson(full));
        QVERIFY(std::isnan(back->quantum.metrics.rocAuc));
        QCOMPARE(pilot::resultDigest(back.value()), pilot::resultDigest(full));
        Result<store::RunSummary> sum = s->summary(id.value());
        QVERIFY(sum.ok());
        QCOMPARE(sum->status, std::string("completed"));
        QCOMPARE(sum->resultDigest, pilot::resultDigest(full));
        QCOMPARE(sum->seed, full.seed);
        QCOMPARE(sum->finishedAt, full.finishedAt);
        // normalised rows: replaced, not duplicated
        QSqlQuery q(test::storeConnection());
        const auto count = [&](const char* sql) {
            q.prepare(sql);
            q.addBindValue(qint64(id.value()));
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(count("SELECT count(*) FROM run_stages WHERE run_id = ?"), 5);
        QCOMPARE(count("SELECT count(*) FROM device_results WHERE run_id = ?"), 2);
        QCOMPARE(count("SELECT count(*) FROM model_results WHERE run_id = ?"), 3);
        QCOMPARE(count("SELECT count(*) FROM model_results WHERE run_id = ? AND role = 'quantum' AND roc_auc IS NULL"), 1);
        QCOMPARE(count("SELECT count(*) FROM device_results WHERE run_id = ? AND latency_seconds IS NULL"), 1);
        QCOMPARE(count("SELECT sum(seconds) * 2 FROM run_stages WHERE run_id = ?"), 15);
        QCOMPARE(count("SELECT count(*) FROM calibration_snapshots c JOIN device_results d ON d.calibration_id = c.id WHERE d.run_id = ?"), 2);
        QCOMPARE(count("SELECT count(*) FROM price_tables p JOIN device_results d ON d.price_table_id = p.id WHERE d.run_id = ?"), 2);
        q.prepare("SELECT counts_json, shot_multiplier, cost_per_1k_usd FROM device_results WHERE run_id = ? AND position = 0");
        q.addBindValue(qint64(id.value()));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QString(R"({"0000":400,"0101":12,"1111":588})"));
        QCOMPARE(q.value(1).toDouble(), 9.5);
        QCOMPARE(q.value(2).toDouble(), 12.5);
        // a second run with the same dataset and calibrations shares their rows
        QVERIFY(s->beginRun(full).ok());
        QCOMPARE(count("SELECT count(*) FROM datasets WHERE ? > 0"), 1);
        QCOMPARE(count("SELECT count(*) FROM calibration_snapshots WHERE ? > 0"), 2);
        q.finish();
    }

    void unknownRun()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        QVERIFY(s);
        const std::optional<Error> e = s->saveRun(99, test::sampleRun());
        QVERIFY(e);
        QVERIFY2(QString::fromStdString(e->message).startsWith("no run 99 in "), e->message.c_str());
        QVERIFY(!s->loadRun(99).ok());
        QVERIFY(!s->summary(99).ok());
        QCOMPARE(s->hasRun(99).value(), false);
        QVERIFY(s->saveScore(99, "not ready", 10, "{}"));
        QVERIFY(s->addArtefact(99, {"report", "/x.pdf", ""}));
        QVERIFY(s->recordReproduction(99, 1, true, ""));
    }

    void circuitVersionControl()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        QVERIFY(s);
        const std::string a = "OPENQASM 3.0;\nqubit[2] q;\nh q[0];\n", b = a + "cx q[0], q[1];\n";
        const std::int64_t v1 = s->commitCircuit("p", a, "first").value();
        QCOMPARE(s->commitCircuit("p", a, "same again").value(), v1);
        const std::int64_t v2 = s->commitCircuit("p", b, "entangle").value();
        QVERIFY(v2 != v1);
        const std::int64_t v3 = s->commitCircuit("p", a, "revert").value(); // back to a: a new version on top
        QVERIFY(v3 != v1 && v3 != v2);
        const std::int64_t other = s->commitCircuit("q", a, "other pilot").value();
        QVERIFY(other != v1);
        Result<std::vector<store::CircuitVersion>> h = s->circuitHistory("p");
        QVERIFY(h.ok());
        QCOMPARE(int(h->size()), 3);
        QCOMPARE(h->at(0).parent, std::int64_t(0));
        QCOMPARE(h->at(1).parent, v1);
        QCOMPARE(h->at(2).parent, v2);
        QCOMPARE(h->at(0).hash, sha256(a));
        QCOMPARE(h->at(1).hash, sha256(b));
        QCOMPARE(h->at(1).message, std::string("entangle"));
        QCOMPARE(h->at(2).qasm, a);
        QCOMPARE(h->at(0).pilotName, std::string("p"));
        QVERIFY(!h->at(0).createdAt.empty());
        QCOMPARE(int(s->circuitHistory("q")->size()), 1);
        QCOMPARE(s->circuitHistory("q")->at(0).parent, std::int64_t(0));
        QVERIFY(s->circuitHistory("nobody")->empty());
        // a run's circuit goes through the same version control
        PilotRun run = test::sampleRun();
        run.pilotName = "p";
        run.circuitQasm = a; // same as the latest version (v3)
        QVERIFY(s->beginRun(run).ok());
        QCOMPARE(int(s->circuitHistory("p")->size()), 3);
        run.circuitQasm = b;
        QVERIFY(s->beginRun(run).ok());
        QCOMPARE(int(s->circuitHistory("p")->size()), 4);
        QCOMPARE(s->circuitHistory("p")->back().parent, v3);
    }

    void auditLogIsAppendOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.sqlite");
        auto s = openStore(path);
        QVERIFY(s);
        PilotRun run = test::sampleRun();
        const std::int64_t id = s->beginRun(partialOf(run, 1)).value();
        QVERIFY(!s->saveRun(id, partialOf(run, 3)));  // still running: no entry
        QVERIFY(!s->saveRun(id, run));                // completed: one entry
        QVERIFY(!s->saveRun(id, run));                // same status again: none
        run.status = pilot::RunStatus::Failed;
        run.stopReason = "devices: ibm_torino: out of memory";
        const std::int64_t id2 = s->beginRun(partialOf(run, 1)).value();
        QVERIFY(!s->saveRun(id2, run));
        QVERIFY(!s->recordReproduction(id, id2, false, "devices[0].counts['0101']: 12 vs 13"));
        QVERIFY(!s->saveScore(id, "continue piloting", 61.5, R"({"overall":61.5})"));
        QVERIFY(!s->audit("note", "store", "manual entry"));
        Result<std::vector<store::AuditEntry>> log = s->auditLog();
        QVERIFY(log.ok());
        std::vector<std::string> actions;
        for (const store::AuditEntry& e : log.value())
            actions.push_back(e.action);
        QCOMPARE(actions, (std::vector<std::string>{"run-start", "run-completed", "run-start", "run-failed", "reproduce", "score", "note"}));
        QCOMPARE(log->at(0).subject, "run " + std::to_string(id));
        QVERIFY2(log->at(0).detail.find("pilot breast-cancer-kernel, seed 12345678901234567890") != std::string::npos, log->at(0).detail.c_str());
        QVERIFY2(log->at(1).detail.find("on ibm_torino, ionq_forte_1") != std::string::npos, log->at(1).detail.c_str());
        QVERIFY2(log->at(3).detail.find("out of memory") != std::string::npos, log->at(3).detail.c_str());
        QVERIFY2(log->at(4).detail.find("results differ: devices[0].counts['0101']: 12 vs 13") != std::string::npos, log->at(4).detail.c_str());
        for (const store::AuditEntry& e : log.value()) {
            QCOMPARE(e.user, qpilot::osUserName());
            QVERIFY(QDateTime::fromString(QString::fromStdString(e.at), Qt::ISODateWithMs).isValid());
        }
        RawDb raw(path);
        const QString update = raw.exec("UPDATE audit_log SET user_name = 'mallory'");
        QVERIFY2(update.contains("append-only"), qPrintable(update));
        const QString del = raw.exec("DELETE FROM audit_log WHERE id = 1");
        QVERIFY2(del.contains("append-only"), qPrintable(del));
        QCOMPARE(raw.scalar("SELECT count(*) FROM audit_log").toInt(), 7);
        QCOMPARE(raw.scalar("SELECT count(*) FROM audit_log WHERE user_name = 'mallory'").toInt(), 0);
        QCOMPARE(raw.scalar("SELECT identical || ':' || reproduced_by FROM reproductions").toString(), QString("0:%1").arg(id2));
    }

    void listSummaryScoreArtefacts()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        QVERIFY(s);
        QVERIFY(s->listRuns()->empty());
        std::vector<std::int64_t> ids;
        for (const char* name : {"iris-vqc", "breast-cancer-kernel", "amplitude-bottleneck"}) {
            PilotRun r = test::sampleRun();
            r.pilotName = name;
            ids.push_back(s->beginRun(r).value());
        }
        QVERIFY(!s->saveScore(ids[1], "not ready", 42.25, R"({"dimensions":[]})"));
        Result<std::vector<store::RunSummary>> list = s->listRuns();
        QVERIFY(list.ok());
        QCOMPARE(int(list->size()), 3);
        QCOMPARE(list->at(0).pilotName, std::string("iris-vqc"));
        QCOMPARE(list->at(2).pilotName, std::string("amplitude-bottleneck"));
        QCOMPARE(list->at(1).verdict, std::string("not ready"));
        QCOMPARE(list->at(1).overall, 42.25);
        QCOMPARE(list->at(0).overall, -1.0);
        QCOMPARE(list->at(0).status, std::string("completed"));
        QCOMPARE(list->at(0).startedAt, std::string("2026-11-24T10:00:00Z"));
        QCOMPARE(s->scorecardJson(ids[1]).value(), std::string(R"({"dimensions":[]})"));
        QCOMPARE(s->scorecardJson(ids[0]).value(), std::string());
        QCOMPARE(s->hasRun(ids[2]).value(), true);
        // artefacts: upsert on (run, kind, path)
        QVERIFY(!s->addArtefact(ids[0], {"report", "/reports/a.pdf", "11"}));
        QVERIFY(!s->addArtefact(ids[0], {"report", "/reports/a.pdf", "22"}));
        QVERIFY(!s->addArtefact(ids[0], {"report", "/reports/b.pdf", "33"}));
        Result<std::vector<store::Artefact>> a = s->artefacts(ids[0]);
        QVERIFY(a.ok());
        QCOMPARE(int(a->size()), 2);
        QCOMPARE(a->at(0).sha256, std::string("22"));
        QCOMPARE(a->at(1).path, std::string("/reports/b.pdf"));
        QVERIFY(s->artefacts(ids[1])->empty());
    }

    void twoStoresOnOneFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("shared.sqlite");
        auto a = openStore(path);
        auto b = openStore(path);
        QVERIFY(a && b);
        const std::int64_t ia = a->beginRun(test::sampleRun()).value();
        const std::int64_t ib = b->beginRun(test::sampleRun()).value();
        QVERIFY(ia != ib);
        QCOMPARE(int(a->listRuns()->size()), 2);
        QCOMPARE(int(b->listRuns()->size()), 2);
        QCOMPARE(runToJson(b->loadRun(ia).value()), runToJson(a->loadRun(ib).value()));
        a.reset();
        QCOMPARE(int(b->listRuns()->size()), 2); // b's connection survives a's removal
    }

    void threadsShareAFile()
    {
        // An old (schema 1) store opened by four threads at once: one migrates, the others wait
        // and find it done; then all write runs concurrently through their own connections.
        QTemporaryDir dir;
        const QString path = dir.filePath("threads.sqlite");
        {
            RawDb raw(path);
            QVERIFY(!store::migrate(raw.db, path.toStdString(), 0, 1));
        }
        std::mutex mutex;
        std::vector<std::string> errors;
        std::map<std::int64_t, std::uint64_t> seeds;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                Result<std::unique_ptr<RunStore>> s = RunStore::open(path.toStdString());
                if (!s) {
                    std::lock_guard<std::mutex> lock(mutex);
                    errors.push_back(s.error().message);
                    return;
                }
                for (int i = 0; i < 10; ++i) {
                    PilotRun r = test::sampleRun();
                    r.seed = std::uint64_t(100 * t + i);
                    Result<std::int64_t> id = s.value()->beginRun(partialOf(r, 1));
                    std::optional<Error> e = id ? s.value()->saveRun(id.value(), r) : std::optional<Error>(id.error());
                    std::lock_guard<std::mutex> lock(mutex);
                    if (e)
                        errors.push_back(e->message);
                    else
                        seeds[id.value()] = r.seed;
                }
            });
        for (std::thread& t : threads)
            t.join();
        QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
        QCOMPARE(int(seeds.size()), 40);
        auto s = openStore(path);
        QVERIFY(s);
        QCOMPARE(int(s->listRuns()->size()), 40);
        for (const auto& [id, seed] : seeds) {
            PilotRun expected = test::sampleRun();
            expected.seed = seed;
            QCOMPARE(runToJson(s->loadRun(id).value()), runToJson(expected));
        }
        int migrations = 0;
        const Result<std::vector<store::AuditEntry>> log = s->auditLog();
        for (const store::AuditEntry& e : log.value())
            migrations += e.action == "migrate";
        QCOMPARE(migrations, 1);
        s.reset();
        RawDb raw(path);
        QCOMPARE(raw.scalar("SELECT group_concat(version) FROM schema_migrations").toString(), QString("1,2,3,4"));
    }

    void defaultPath()
    {
        qputenv("QPILOT_DATA_DIR", "/tmp/qpilot-data-test");
        QCOMPARE(QString::fromStdString(store::defaultDatabasePath()), QString("/tmp/qpilot-data-test/runs.sqlite"));
        qunsetenv("QPILOT_DATA_DIR");
        QVERIFY(QString::fromStdString(store::defaultDatabasePath()).endsWith("/runs.sqlite"));
    }

    void crashConsistency()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("crash.sqlite");
        std::set<std::int64_t> committed;
        std::map<std::int64_t, int> indexOf;
        int kills = 0;
        for (int round = 0; round < 6; ++round) {
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(), {"--crash-writer", path});
            QVERIFY(writer.waitForStarted(10000));
            // let it commit a few runs, then kill it at a varying moment inside the next write
            int seen = 0;
            QElapsedTimer t;
            t.start();
            while (seen < 2 + round % 3 && t.elapsed() < 60000) {
                writer.waitForReadyRead(200);
                while (writer.canReadLine()) {
                    const QList<QByteArray> parts = writer.readLine().trimmed().split(' ');
                    if (parts.size() == 3 && parts[0] == "committed") {
                        committed.insert(parts[1].toLongLong());
                        indexOf[parts[1].toLongLong()] = parts[2].toInt();
                        ++seen;
                    }
                }
                QVERIFY2(writer.state() == QProcess::Running, qPrintable("writer exited: " + writer.readAllStandardError()));
            }
            QVERIFY(seen >= 2);
            QThread::usleep(unsigned(1000 + 7919 * round % 20000));
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            ++kills;
            for (const QByteArray& line : writer.readAllStandardOutput().split('\n')) {
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() == 3 && parts[0] == "committed") {
                    committed.insert(parts[1].toLongLong());
                    indexOf[parts[1].toLongLong()] = parts[2].toInt();
                }
            }
        }
        QCOMPARE(kills, 6);
        {
            RawDb raw(path);
            QCOMPARE(raw.scalar("PRAGMA integrity_check").toString(), QString("ok"));
            QCOMPARE(raw.scalar("SELECT count(*) FROM pragma_foreign_key_check").toInt(), 0);
        }
        auto s = openStore(path);
        QVERIFY(s);
        Result<std::vector<store::RunSummary>> list = s->listRuns();
        QVERIFY(list.ok());
        int completed = 0, running = 0;
        QSqlQuery q(test::storeConnection());
        for (const store::RunSummary& r : list.value()) {
            Result<PilotRun> run = s->loadRun(r.id);
            QVERIFY2(run.ok(), run.ok() ? "" : run.error().message.c_str());
            const int i = int(run->seed);
            const PilotRun full = crashRun(i);
            q.prepare("SELECT count(*) FROM device_results WHERE run_id = ?");
            q.addBindValue(qint64(r.id));
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), int(run->devices.size())); // columns agree with the JSON
            if (r.status == "completed") {
                ++completed;
                QCOMPARE(runToJson(run.value()), runToJson(full)); // complete, never half-written
                QCOMPARE(r.resultDigest, pilot::resultDigest(full));
            } else {
                ++running;
                QCOMPARE(r.status, std::string("running"));
                const bool known = runToJson(run.value()) == runToJson(partialOf(full, 1)) ||
                                   runToJson(run.value()) == runToJson(partialOf(full, 3)) ||
                                   runToJson(run.value()) == runToJson(partialOf(full, 4));
                QVERIFY2(known, "a running run is one of the committed partial states");
            }
        }
        q.finish();
        for (std::int64_t id : committed) {
            Result<store::RunSummary> sum = s->summary(id);
            QVERIFY(sum.ok());
            QCOMPARE(sum->status, std::string("completed"));
            QCOMPARE(int(s->loadRun(id)->seed), indexOf[id]);
        }
        QVERIFY(completed >= int(committed.size()));
        qInfo("crash test: %d kills, %d runs committed and reported, %d completed, %d left running by a kill", kills,
              int(committed.size()), completed, running);
        // the audit log has a run-start for every run and a run-completed for every completed one
        int starts = 0, ends = 0;
        const Result<std::vector<store::AuditEntry>> log = s->auditLog();
        QVERIFY(log.ok());
        for (const store::AuditEntry& e : log.value()) {
            starts += e.action == "run-start";
            ends += e.action == "run-completed";
        }
        QCOMPARE(starts, int(list->size()));
        QCOMPARE(ends, completed);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "--crash-writer") == 0)
        return crashWriter(QString::fromLocal8Bit(argv[2]));
    TestRunStore t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_run_store.moc"
