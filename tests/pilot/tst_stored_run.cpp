// SPDX-License-Identifier: GPL-3.0-or-later
// tests/pilot/tst_stored_run.cpp — pilot::loadStoredRun (execute.h): a run executed into a store
// and opened again has the same results, its pilot back from the stored configuration, and the
// store's operational context (not reproduced, no artefacts; then reproduced after a
// bit-identical reproduction), with scorecards equal to scoring in that context directly;
// missing runs and stores give errors naming them. Also RunStore::isReproduced.
#include "core/pilot/execute.h"
#include "core/store/store.h"
#include "support/test_setup.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;

class TestStoredRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_db;
    pilot::Execution m_first;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString csv = m_dir.filePath(QStringLiteral("iris.csv"));
        QVERIFY(QFile::copy(QStringLiteral(QPILOT_SOURCE_DIR "/resources/datasets/iris.csv"), csv));
        const QString file = m_dir.filePath(QStringLiteral("small.qpilot"));
        auto p = pilot::readPilot(test::smallPilotJson(csv).toStdString(), file.toStdString());
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().toString().c_str());
        m_db = m_dir.filePath(QStringLiteral("runs.sqlite")).toStdString();
        pilot::ExecuteOptions options;
        options.databasePath = m_db;
        options.pilotFile = file.toStdString();
        m_first = pilot::executePilot(p.value(), options);
        QCOMPARE(m_first.run.status, pilot::RunStatus::Completed);
        QVERIFY(m_first.runId > 0);
    }

    void opensWhatWasRun()
    {
        auto stored = pilot::loadStoredRun(m_db, m_first.runId);
        QVERIFY2(stored.ok(), stored.ok() ? "" : stored.error().toString().c_str());
        QCOMPARE(stored->id, m_first.runId);
        QCOMPARE(pilot::resultDigest(stored->run), pilot::resultDigest(m_first.run));
        QCOMPARE(pilot::writePilot(stored->pilot), m_first.run.configurationJson);
        QCOMPARE(stored->context.circuitVersioned, std::optional<bool>(true));
        QCOMPARE(stored->context.reproduced, std::optional<bool>(false));
        QCOMPARE(stored->context.exportsPresent, std::optional<bool>(false));
        // The same scores as the run's own (versioned, not reproduced, no exports).
        QCOMPARE(stored->cards.cards.size(), m_first.cards.cards.size());
        for (size_t i = 0; i < stored->cards.cards.size(); ++i)
            QCOMPARE(stored->cards.cards[i].overall, m_first.cards.cards[i].overall);
    }

    void reproducedAfterReproduction()
    {
        const pilot::Reproduction rep = pilot::reproduceRun(m_db, m_first.runId);
        QVERIFY(rep.identical);
        for (std::int64_t id : {m_first.runId, rep.execution.runId}) {
            auto stored = pilot::loadStoredRun(m_db, id);
            QVERIFY(stored.ok());
            QCOMPARE(stored->context.reproduced, std::optional<bool>(true));
            const readiness::RunScorecards direct =
                pilot::scoreWithOperations(stored->run, stored->pilot, true, true, false);
            QCOMPARE(stored->cards.cards.size(), direct.cards.size());
            for (size_t i = 0; i < direct.cards.size(); ++i)
                QCOMPARE(stored->cards.cards[i].overall, direct.cards[i].overall);
            // Being reproduced is scored: some dimension rose against the first scoring.
            bool rose = false;
            for (size_t d = 0; d < direct.cards[0].dimensions.size(); ++d)
                rose = rose || direct.cards[0].dimensions[d].score > m_first.cards.cards[0].dimensions[d].score;
            QVERIFY(rose);
        }
        auto store = store::RunStore::open(m_db);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->isReproduced(m_first.runId).value(), true);
        QCOMPARE(store.value()->isReproduced(m_first.runId + 100).value(), false);
    }

    void errorsNameWhatIsMissing()
    {
        auto missing = pilot::loadStoredRun(m_db, 999);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.find("999") != std::string::npos, missing.error().message.c_str());
        const std::string notAStore = m_dir.filePath(QStringLiteral("small.qpilot")).toStdString();
        QVERIFY(!pilot::loadStoredRun(notAStore, 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestStoredRun)
#include "tst_stored_run.moc"
