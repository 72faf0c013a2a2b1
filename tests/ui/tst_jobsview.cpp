// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_jobsview.cpp — ui/jobs on the offscreen platform: the remaining-time estimate and
// the settling of stage rows on synthetic states (data-driven); a small pilot run through a real
// PilotRunner into a temporary store (every stage row done with its seconds, the log has the
// outcome, estimates never negative, the second run estimates from the first's timings);
// cancelling mid-run (a cancelled stage row, the store records cancelled); the history (rows and
// statuses as the store lists them, filters, busy listing off the GUI thread, 200-run timing);
// comparing two runs with different seeds (highlighted rows == pilot::compareResults fields) and
// a run with itself (bit-identical); reproducing from the history (bit-identical); every model
// under QAbstractItemModelTester; PNG renders of the views at 1920×1080 and 1366×768
// (QPILOT_SCREENSHOT_DIR, else a temporary directory).
#include "core/pilot/pilot.h"
#include "core/store/store.h"
#include "ui/jobs/jobsview.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/runs/runsmodel.h"
#include "support/pilot_fixture.h"
#include "support/test_setup.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace qpilot;

namespace {

QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}

QString stateOf(const StageProgressModel& m, int stage)
{
    return m.index(stage, StageProgressModel::Status).data().toString();
}

// The field paths of compareResults' "path: a vs b" lines.
QSet<QString> resultPaths(const pilot::PilotRun& a, const pilot::PilotRun& b)
{
    QSet<QString> paths;
    for (const std::string& d : pilot::compareResults(a, b, std::numeric_limits<int>::max()))
        paths.insert(QString::fromStdString(d.substr(0, d.find(": "))));
    return paths;
}

using Durations = StageProgressModel::Durations;

} // namespace

class TestJobsView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pilotFile, m_db, m_reports, m_shots;
    pilot::Pilot m_pilot;

    PilotJobResult runToEnd(PilotRunner& runner, const pilot::Pilot& p, const QString& db = {})
    {
        QSignalSpy finished(&runner, &PilotRunner::finished);
        if (!runner.start(p, m_pilotFile, db.isEmpty() ? m_db : db, m_reports))
            qFatal("runner busy");
        if (!finished.wait(120000))
            qFatal("run did not finish");
        return runner.result();
    }

    void saveShot(QWidget& w, const QString& name, QSize size)
    {
        w.resize(size);
        w.show();
        QCoreApplication::sendPostedEvents();
        const QImage image = w.grab().toImage();
        QCOMPARE(image.size(), size);
        const QString path = QDir(m_shots).filePath(QStringLiteral("%1-%2x%3.png").arg(name).arg(size.width()).arg(size.height()));
        QVERIFY2(image.save(path), qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_jobsview");
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::copy(QStringLiteral(QPILOT_SOURCE_DIR "/resources/datasets/iris.csv"), m_dir.filePath("iris.csv")));
        m_pilotFile = writeFile(m_dir.filePath("pair.qpilot"), test::smallPilotJson(QStringLiteral("iris.csv")));
        auto loaded = pilot::loadPilotFile(m_pilotFile.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
        m_pilot = loaded.value();
        m_db = m_dir.filePath("store/runs.sqlite");
        m_reports = m_dir.filePath("reports");
        m_shots = qEnvironmentVariable("QPILOT_SCREENSHOT_DIR", m_dir.filePath("shots"));
        QDir().mkpath(m_shots);
        QDir().mkpath(m_dir.filePath("store"));
    }

    // ---- the estimate and the stage rows on synthetic states -------------------------------

    void estimateRemaining_data()
    {
        QTest::addColumn<bool>("history");
        QTest::addColumn<QList<double>>("done");     // seconds of the stages done, in order
        QTest::addColumn<double>("fraction");        // of the next (running) stage
        QTest::addColumn<double>("inStage");         // seconds into the running stage
        QTest::addColumn<double>("expected");        // -1: estimating
        // previous run: 1, 2, 3, 4, 5, 0.5, 0.5 s (16 s)
        QTest::newRow("history, on time, no fraction yet") << true << QList<double>{1, 2, 3} << 0.0 << 1.0 << 3.0 + 6.0;
        QTest::newRow("history, on time, a quarter done") << true << QList<double>{1, 2, 3} << 0.25 << 1.0 << 3.0 + 6.0;
        QTest::newRow("history, twice as slow") << true << QList<double>{2, 4, 6} << 0.0 << 1.0 << 7.0 + 12.0;
        QTest::newRow("history, stage overruns") << true << QList<double>{1, 2, 3} << 0.0 << 10.0 << 0.0 + 6.0;
        QTest::newRow("history, first stage") << true << QList<double>{} << 0.0 << 0.5 << 0.5 + 15.0;
        QTest::newRow("history, last stage half done") << true << QList<double>{1, 2, 3, 4, 5, 0.5} << 0.5 << 0.25 << 0.25;
        QTest::newRow("no history, too early") << false << QList<double>{} << 0.5 << 0.5 << -1.0;
        QTest::newRow("no history, one stage of seven") << false << QList<double>{0.5} << 0.0 << 0.6 << -1.0;
        QTest::newRow("no history, half way") << false << QList<double>{1, 2, 3} << 0.5 << 4.0 << 10.0;
        QTest::newRow("no history, almost done") << false << QList<double>{1, 1, 1, 1, 1, 1} << 0.5 << 1.0 << 7.0 * 0.5 / 6.5;
    }

    void estimateRemaining()
    {
        QFETCH(bool, history);
        QFETCH(QList<double>, done);
        QFETCH(double, fraction);
        QFETCH(double, inStage);
        QFETCH(double, expected);
        StageProgressModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (history)
            m.setPreviousDurations(Durations{1, 2, 3, 4, 5, 0.5, 0.5});
        double t = 0;
        for (int s = 0; s < done.size(); ++s) {
            m.progress(s, 0, QString(), t);
            t += done[s];
        }
        const int cur = int(done.size());
        m.progress(cur, 0, QStringLiteral("working"), t);   // starts the stage (and closes the last)
        for (int s = 0; s < cur; ++s) {
            QCOMPARE(stateOf(m, s), QStringLiteral("done"));
            QCOMPARE(m.row(s).seconds, done[s]);
        }
        m.progress(cur, fraction, QStringLiteral("working"), t + inStage);
        QCOMPARE(stateOf(m, cur), QStringLiteral("running"));
        const std::optional<double> left = m.estimateRemaining(t + inStage);
        if (expected < 0) {
            QVERIFY(!left);
        } else {
            QVERIFY(left.has_value());
            QVERIFY(*left >= 0);
            QVERIFY2(std::fabs(*left - expected) < 1e-9, qPrintable(QString::number(*left)));
        }
    }

    void settleFromRecords_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("records");   // status of the recorded stages, in order
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<int>("inFlight");          // stage the GUI saw running when it ended
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("completed without a report")
            << "completed" << QStringList{"done", "done", "done", "done", "done", "done"} << "" << 5
            << QStringList{"done", "done", "done", "done", "done", "done", "skipped"};
        QTest::newRow("completed with a report")
            << "completed" << QStringList{"done", "done", "done", "done", "done", "done", "done"} << "" << 6
            << QStringList{"done", "done", "done", "done", "done", "done", "done"};
        QTest::newRow("cancelled inside a stage")
            << "cancelled" << QStringList{"done", "done", "done", "cancelled"} << "devices: cancelled" << 3
            << QStringList{"done", "done", "done", "cancelled", "skipped", "skipped", "skipped"};
        QTest::newRow("cancelled between stages")
            << "cancelled" << QStringList{"done", "done"} << "circuits: cancelled before the stage started" << 1
            << QStringList{"done", "done", "cancelled", "skipped", "skipped", "skipped", "skipped"};
        QTest::newRow("failed") << "failed" << QStringList{"done", "failed"} << "baseline: no rows" << 1
                                << QStringList{"done", "failed", "skipped", "skipped", "skipped", "skipped", "skipped"};
    }

    void settleFromRecords()
    {
        QFETCH(QString, status);
        QFETCH(QStringList, records);
        QFETCH(QString, stopReason);
        QFETCH(int, inFlight);
        QFETCH(QStringList, expected);
        StageProgressModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int s = 0; s <= inFlight; ++s)
            m.progress(s, 0.5, QStringLiteral("step"), s);
        pilot::PilotRun run;
        run.status = pilot::runStatusFromKey(status.toStdString()).value();
        run.stopReason = stopReason.toStdString();
        for (int s = 0; s < records.size(); ++s)
            run.stages.push_back({pilot::Stage(s), records[s].toStdString(), 0.25 * (s + 1), "msg"});
        m.finish(run);
        for (int s = 0; s < pilot::kStageCount; ++s) {
            QCOMPARE(stateOf(m, s), expected[s]);
            if (s < records.size())
                QCOMPARE(m.row(s).seconds, 0.25 * (s + 1));   // the record's timing wins
        }
        QCOMPARE(m.estimateRemaining(100).value_or(-1), 0.0);  // nothing left
    }

    // ---- real runs through the worker -------------------------------------------------------

    void runPilotShowsEveryStage()
    {
        PilotRunner runner;
        JobsView view(&runner);
        view.setDatabasePath(m_db);
        QVERIFY(view.progress()->isHidden());
        QSignalSpy estimates(view.progress(), &JobProgressView::remainingEstimated);
        QSignalSpy history(view.progress(), &JobProgressView::historyReady);
        const PilotJobResult r = runToEnd(runner, m_pilot);
        QCOMPARE(pilot::runStatusKey(r.execution.run.status), "completed");
        QCOMPARE(r.execution.runId, std::int64_t(1));
        QVERIFY(!view.progress()->isHidden());
        StageProgressModel* m = view.progress()->model();
        for (int s = 0; s < pilot::kStageCount; ++s) {
            QCOMPARE(stateOf(*m, s), QStringLiteral("done"));
            QVERIFY2(m->row(s).seconds > 0, qPrintable(QString::number(s)));
            QCOMPARE(m->row(s).seconds, r.execution.run.stages[size_t(s)].seconds);
        }
        // The log has each stage and the outcome (verdict and overall of the best device).
        const QString log = view.progress()->logText();
        const readiness::Scorecard& best = r.execution.cards.cards[size_t(r.execution.cards.best)];
        QVERIFY2(log.contains(QStringLiteral("Run 1 completed: %1, overall %2")
                                  .arg(QString::fromUtf8(readiness::verdictTitle(best.verdict)))
                                  .arg(best.overall, 0, 'f', 1)),
                 qPrintable(log));
        for (int s = 0; s < pilot::kStageCount; ++s)
            QVERIFY2(log.contains(QString::fromLatin1(pilot::stageTitle(pilot::Stage(s)))), qPrintable(log));
        QCOMPARE(view.progress()->headlineText().left(15), QStringLiteral("Run 1 completed"));
        QVERIFY(!view.progress()->cancelButton()->isEnabled());
        // The first run of the pilot has no history; no estimate is ever negative.
        QTRY_COMPARE(history.count(), 1);
        QCOMPARE(history.first().at(0).toBool(), false);
        QVERIFY(estimates.count() >= 2);
        for (const QList<QVariant>& e : estimates)
            QVERIFY(!e.at(0).toBool() || e.at(1).toDouble() >= 0);
        QCOMPARE(estimates.last().at(1).toDouble(), 0.0);
        // The history lists the run (after its own off-thread listing).
        QTRY_COMPARE(view.history()->selectedRuns(), QList<qint64>{1});
        QCOMPARE(view.history()->model()->rowCount(), 1);
        QCOMPARE(view.history()->model()->index(0, RunsModel::Status).data().toString(), QStringLiteral("completed"));
    }

    void secondRunEstimatesFromTheFirst()
    {
        PilotRunner runner;
        JobsView view(&runner);
        view.setDatabasePath(m_db);
        QSignalSpy estimates(view.progress(), &JobProgressView::remainingEstimated);
        QSignalSpy history(view.progress(), &JobProgressView::historyReady);
        pilot::Pilot p = m_pilot;
        p.seed = 6;
        const PilotJobResult r = runToEnd(runner, p);
        QCOMPARE(pilot::runStatusKey(r.execution.run.status), "completed");
        QCOMPARE(r.execution.runId, std::int64_t(2));
        QTRY_COMPARE(history.count(), 1);
        QCOMPARE(history.first().at(0).toBool(), true);
        QVERIFY(view.progress()->hasHistory());
        auto first = store::RunStore::open(m_db.toStdString()).value()->loadRun(1);
        QVERIFY(first.ok());
        const Durations previous = *view.progress()->model()->previousDurations();
        for (int s = 0; s < pilot::kStageCount; ++s)
            QCOMPARE(previous[size_t(s)], first->stages[size_t(s)].seconds);
        QVERIFY(view.progress()->logText().contains(QLatin1String("previous run's stage timings")));
        int known = 0;
        for (const QList<QVariant>& e : estimates) {
            known += e.at(0).toBool() ? 1 : 0;
            QVERIFY(!e.at(0).toBool() || e.at(1).toDouble() >= 0);
            // Never absurd: at most 20× the previous run's total (the cap) — here far below that.
            QVERIFY(e.at(1).toDouble() <= 20 * std::max(60.0, r.seconds));
        }
        QVERIFY(known >= 1);
    }

    void cancelMidRun()
    {
        PilotRunner runner;
        JobsView view(&runner);
        view.setDatabasePath(m_db);
        QSignalSpy finished(&runner, &PilotRunner::finished);
        // Cancel from the view as soon as the first stage reports.
        connect(&runner, &PilotRunner::progressed, this, [&] {
            if (view.progress()->cancelButton()->isEnabled())
                view.progress()->cancelButton()->click();
        });
        QVERIFY(runner.start(m_pilot, m_pilotFile, m_db, m_reports));
        QVERIFY(view.progress()->cancelButton()->isEnabled());
        QVERIFY(finished.wait(120000));
        const pilot::Execution& e = runner.result().execution;
        QCOMPARE(pilot::runStatusKey(e.run.status), "cancelled");
        QCOMPARE(e.runId, std::int64_t(3));
        StageProgressModel* m = view.progress()->model();
        int cancelled = -1;
        for (int s = 0; s < pilot::kStageCount; ++s)
            if (stateOf(*m, s) == QLatin1String("cancelled")) {
                QCOMPARE(cancelled, -1);   // exactly one
                cancelled = s;
            }
        QVERIFY(cancelled >= 0);
        for (int s = 0; s < cancelled; ++s)
            QCOMPARE(stateOf(*m, s), QStringLiteral("done"));
        for (int s = cancelled + 1; s < pilot::kStageCount; ++s)
            QCOMPARE(stateOf(*m, s), QStringLiteral("skipped"));
        QVERIFY(view.progress()->logText().contains(QLatin1String("Cancel requested")));
        QVERIFY(view.progress()->logText().contains(QLatin1String("Run 3 cancelled")));
        auto summary = store::RunStore::open(m_db.toStdString()).value()->summary(3);
        QVERIFY(summary.ok());
        QCOMPARE(summary->status, std::string("cancelled"));
    }

    // ---- history ------------------------------------------------------------------------------

    void historyListsTheStore_data()
    {
        QTest::addColumn<QString>("pilotFilter");
        QTest::addColumn<QString>("statusFilter");
        QTest::addColumn<QList<qint64>>("expected");   // in view order (newest first)
        QTest::newRow("all") << "" << "" << QList<qint64>{3, 2, 1};
        QTest::newRow("completed") << "" << "completed" << QList<qint64>{2, 1};
        QTest::newRow("cancelled") << "" << "cancelled" << QList<qint64>{3};
        QTest::newRow("failed") << "" << "failed" << QList<qint64>{};
        QTest::newRow("pilot, any case") << "IRIS-pair" << "" << QList<qint64>{3, 2, 1};
        QTest::newRow("other pilot") << "breast" << "" << QList<qint64>{};
    }

    void historyListsTheStore()
    {
        QFETCH(QString, pilotFilter);
        QFETCH(QString, statusFilter);
        QFETCH(QList<qint64>, expected);
        PilotRunner runner;
        RunHistoryView history(&runner);
        QAbstractItemModelTester source(history.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxy(history.filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy listed(&history, &RunHistoryView::listed);
        history.setDatabasePath(m_db);
        QVERIFY(history.isLoading());            // listing runs on a worker
        QVERIFY(listed.wait(30000));
        QVERIFY(!history.isLoading());
        QVERIFY(history.lastListMilliseconds() >= 0);
        auto runs = store::RunStore::open(m_db.toStdString()).value()->listRuns();
        QVERIFY(runs.ok());
        QCOMPARE(history.model()->rowCount(), int(runs->size()));
        for (const store::RunSummary& s : runs.value()) {
            const int row = history.model()->rowOf(s.id);
            QVERIFY(row >= 0);
            QCOMPARE(history.model()->index(row, RunsModel::Status).data().toString(), QString::fromStdString(s.status));
            QCOMPARE(history.model()->index(row, RunsModel::Seed).data().toString(), QString::number(s.seed));
            const double seconds = runDurationSeconds(s.startedAt, s.finishedAt);
            QVERIFY(seconds >= 0);
            QCOMPARE(history.model()->index(row, RunsModel::Duration).data(RunsModel::SortRole).toDouble(), seconds);
        }
        history.pilotFilterEdit()->setText(pilotFilter);
        history.statusFilterBox()->setCurrentIndex(history.statusFilterBox()->findData(statusFilter));
        QList<qint64> shown;
        for (int row = 0; row < history.filter()->rowCount(); ++row)
            shown << history.filter()->index(row, 0).data(RunsModel::RunIdRole).toLongLong();
        QCOMPARE(shown, expected);
        QCOMPARE(history.hintText().isEmpty(), !expected.isEmpty());
    }

    void historyButtonsAndOpen()
    {
        PilotRunner runner;
        RunHistoryView history(&runner);
        QSignalSpy listed(&history, &RunHistoryView::listed);
        history.setDatabasePath(m_db);
        QVERIFY(listed.wait(30000));
        history.selectRuns({3});
        QVERIFY(history.openButton()->isEnabled());
        QVERIFY(!history.compareButton()->isEnabled());
        QVERIFY(!history.reproduceButton()->isEnabled());   // cancelled: not reproducible
        QVERIFY(!history.openReportButton()->isEnabled());
        history.selectRuns({1});
        QVERIFY(history.reproduceButton()->isEnabled());
        QVERIFY(history.openReportButton()->isEnabled());
        QCOMPARE(history.reportPath(1), QDir(m_reports).filePath(QStringLiteral("iris-pair-kernel-run1.pdf")));
        QSignalSpy opened(&history, &RunHistoryView::runOpened);
        history.openButton()->click();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), qint64(1));
        auto run = history.loadRun(1);
        QVERIFY(run.ok());
        QCOMPARE(run->seed, std::uint64_t(5));
        QVERIFY(!history.loadRun(99).ok());
        history.selectRuns({1, 2});
        QCOMPARE(history.selectedRuns(), (QList<qint64>{2, 1}));
        QVERIFY(history.compareButton()->isEnabled());
        QVERIFY(!history.openButton()->isEnabled());
        // A store that is not SQLite is an error, not a crash; a missing one is empty with a hint.
        QSignalSpy errors(&history, &RunHistoryView::storeError);
        history.setDatabasePath(writeFile(m_dir.filePath("broken.sqlite"), QByteArray("not SQLite\n").repeated(100)));
        QVERIFY(listed.wait(30000));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().at(0).toString().contains(QLatin1String("broken.sqlite")));
        history.setDatabasePath(m_dir.filePath("nowhere/runs.sqlite"));
        QVERIFY(listed.wait(30000));
        QCOMPARE(history.model()->rowCount(), 0);
        QVERIFY(history.hintText().contains(QLatin1String("No run store yet")));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("nowhere/runs.sqlite")));
    }

    // ---- comparison ---------------------------------------------------------------------------

    void compareTwoSeeds()
    {
        PilotRunner runner;
        JobsView view(&runner);
        QSignalSpy listed(view.history(), &RunHistoryView::listed);
        view.setDatabasePath(m_db);
        QVERIFY(listed.wait(30000));
        QAbstractItemModelTester tester(view.comparison()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.history()->selectRuns({1, 2});
        QSignalSpy ready(view.history(), &RunHistoryView::comparisonReady);
        view.history()->compareButton()->click();
        QVERIFY(ready.wait(30000));
        QCOMPARE(view.tabs()->currentWidget(), view.comparison());
        auto s = store::RunStore::open(m_db.toStdString()).value();
        const pilot::PilotRun a = s->loadRun(1).value(), b = s->loadRun(2).value();
        const QSet<QString> differing = resultPaths(a, b);
        QVERIFY(!differing.isEmpty());
        // The view lists exactly compareResults' fields.
        QStringList expectedList;
        for (const std::string& d : pilot::compareResults(a, b, std::numeric_limits<int>::max()))
            expectedList << QString::fromStdString(d);
        QCOMPARE(view.comparison()->differences(), expectedList);
        QVERIFY(view.comparison()->summaryText().contains(QStringLiteral("%1 result field(s) differ").arg(expectedList.size())));
        // Each result row is highlighted exactly when compareResults names its field.
        const RunComparisonModel* m = view.comparison()->model();
        QCOMPARE(m->idA(), qint64(1));
        QCOMPARE(m->idB(), qint64(2));
        int withPath = 0, highlighted = 0, plain = 0;
        for (int row = 0; row < m->rowCount(); ++row) {
            const QString path = m->index(row, 0).data(RunComparisonModel::ResultPathRole).toString();
            const bool differs = m->index(row, RunComparisonModel::RunA).data(RunComparisonModel::DiffersRole).toBool();
            const QString field = m->index(row, 0).data().toString();
            if (field == QLatin1String("Seed")) {
                QVERIFY(differs);
                QCOMPARE(m->index(row, RunComparisonModel::RunA).data().toString(), QStringLiteral("5"));
                QCOMPARE(m->index(row, RunComparisonModel::RunB).data().toString(), QStringLiteral("6"));
            }
            if (path.isEmpty())
                continue;
            ++withPath;
            QVERIFY2(differs == differing.contains(path), qPrintable(path));
            // A highlighted cell has a tint and a delta; a plain one neither.
            QCOMPARE(m->index(row, RunComparisonModel::RunB).data(Qt::BackgroundRole).isValid(), differs);
            QCOMPARE(m->index(row, RunComparisonModel::Delta).data().toString().isEmpty(), !differs);
            (differs ? highlighted : plain) += 1;
        }
        QVERIFY(withPath >= 12);
        QVERIFY(plain >= 1);   // the dataset fingerprint, circuit hash, price tables stay
        qInfo("runs 1 and 2 (seeds 5, 6): %d of %d result rows differ; compareResults lists %d fields", highlighted, withPath,
              int(expectedList.size()));
        saveShot(view, QStringLiteral("jobs-comparison"), QSize(1920, 1080));
        saveShot(view, QStringLiteral("jobs-comparison"), QSize(1366, 768));
        RunComparisonView alone;
        alone.setRuns(ready.first().at(0).value<ComparedRun>(), ready.first().at(1).value<ComparedRun>());
        saveShot(alone, QStringLiteral("jobs-comparison-view"), QSize(1366, 768));
    }

    void compareRunWithItself()
    {
        auto s = store::RunStore::open(m_db.toStdString()).value();
        ComparedRun a{1, s->loadRun(1).value(), s->summary(1).value()};
        RunComparisonView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setRuns(a, a);
        QVERIFY(view.differences().isEmpty());
        QCOMPARE(view.model()->differingRows(), 0);
        QVERIFY(view.summaryText().contains(QLatin1String("Bit-identical results")));
        QCOMPARE(view.differencesText(), QStringLiteral("bit-identical results"));
        view.clear();
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void compareFixtureRuns()
    {
        // Hand-made runs: one device more in B (its rows show "–" in A and differ), a changed cost.
        ComparedRun a{10, test::fixtureRun(), {}};
        ComparedRun b{11, test::fixtureRunWithFailedDevice(), {}};
        b.run.devices[0].costPer1kUsd = a.run.devices[0].costPer1kUsd * 2;
        a.summary.verdict = "continue_piloting";
        a.summary.overall = 61.25;
        b.summary.verdict = "not_ready";
        b.summary.overall = 40;
        RunComparisonModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setRuns(a, b);
        auto find = [&](const QString& path) {
            for (int row = 0; row < m.rowCount(); ++row)
                if (m.index(row, 0).data(RunComparisonModel::ResultPathRole).toString() == path)
                    return row;
            return -1;
        };
        const int cost = find(QStringLiteral("devices[0].costPer1kUsd"));
        QVERIFY(cost >= 0);
        QVERIFY(m.index(cost, 1).data(RunComparisonModel::DiffersRole).toBool());
        QVERIFY(m.index(cost, RunComparisonModel::Delta).data().toString().startsWith(QLatin1Char('+')));
        const int same = find(QStringLiteral("devices[1].noisyAccuracy"));
        QVERIFY(same >= 0);
        QVERIFY(!m.index(same, 1).data(RunComparisonModel::DiffersRole).toBool());
        const int extra = find(QStringLiteral("devices[2].noisyAccuracy"));
        QVERIFY(extra >= 0);
        QVERIFY(m.index(extra, 1).data(RunComparisonModel::DiffersRole).toBool());
        QCOMPARE(m.index(extra, RunComparisonModel::RunA).data().toString(), QStringLiteral("\u2013"));
        int verdict = -1;
        for (int row = 0; row < m.rowCount(); ++row)
            if (m.index(row, 0).data().toString() == QLatin1String("Verdict"))
                verdict = row;
        QVERIFY(verdict >= 0);
        QCOMPARE(m.index(verdict, RunComparisonModel::RunA).data().toString(), QStringLiteral("Continue piloting"));
        QVERIFY(m.index(verdict, 1).data(RunComparisonModel::DiffersRole).toBool());
    }

    // ---- reproduce ----------------------------------------------------------------------------

    void reproduceShowsBitIdentical()
    {
        PilotRunner runner;
        JobsView view(&runner);
        QSignalSpy listed(view.history(), &RunHistoryView::listed);
        view.setDatabasePath(m_db);
        QVERIFY(listed.wait(30000));
        view.history()->selectRuns({1});
        QVERIFY(view.history()->reproduceButton()->isEnabled());
        QSignalSpy verified(view.history(), &RunHistoryView::verified);
        QSignalSpy history(view.progress(), &JobProgressView::historyReady);
        // Render the view while the Devices stage runs.
        bool shot = false;
        connect(&runner, &PilotRunner::progressed, this, [&](int stage) {
            if (stage != int(pilot::Stage::Devices) || shot)
                return;
            shot = true;
            saveShot(view, QStringLiteral("jobs-running"), QSize(1920, 1080));
            saveShot(view, QStringLiteral("jobs-running"), QSize(1366, 768));
        });
        view.history()->reproduceButton()->click();
        QVERIFY(runner.isRunning());
        QVERIFY(!view.history()->reproduceButton()->isEnabled());
        QVERIFY(view.progress()->headlineText().contains(QLatin1String("Reproducing run 1")));
        QVERIFY(verified.wait(120000));
        QVERIFY(shot);
        QCOMPARE(verified.first().at(0).toBool(), true);
        const qint64 newId = runner.result().execution.runId;
        QCOMPARE(newId, qint64(4));
        QVERIFY2(view.history()->verificationText().contains(QLatin1String("bit-identical")),
                 qPrintable(view.history()->verificationText()));
        QVERIFY(view.history()->verificationText().startsWith(QLatin1String("Run 1 reproduced as run 4")));
        QVERIFY(view.progress()->logText().contains(QLatin1String("bit-identical")));
        // The estimate used run 1's own timings; the history lists and selects the new run.
        QTRY_COMPARE(history.count(), 1);
        QCOMPARE(history.first().at(0).toBool(), true);
        QTRY_COMPARE(view.history()->model()->rowCount(), 4);
        QTRY_COMPARE(view.history()->selectedRuns(), QList<qint64>{4});
    }

    // ---- a 200-run store ------------------------------------------------------------------------

    void listing200Runs()
    {
        const QString db = m_dir.filePath("many/runs.sqlite");
        QDir().mkpath(m_dir.filePath("many"));
        {
            auto s = store::RunStore::open(db.toStdString());
            QVERIFY(s.ok());
            pilot::PilotRun run = test::fixtureRun();
            for (int i = 0; i < 200; ++i) {
                run.seed = std::uint64_t(i);
                run.status = i % 10 == 9 ? pilot::RunStatus::Cancelled : pilot::RunStatus::Completed;
                auto id = s.value()->beginRun(run);
                QVERIFY(id.ok());
                QVERIFY(!s.value()->saveRun(id.value(), run));
            }
        }
        PilotRunner runner;
        RunHistoryView history(&runner);
        QSignalSpy listed(&history, &RunHistoryView::listed);
        QElapsedTimer gui;
        gui.start();
        history.setDatabasePath(db);
        const double guiMs = gui.nsecsElapsed() / 1e6;   // the GUI thread's share: starting the worker
        QVERIFY(history.isLoading());
        QVERIFY(listed.wait(30000));
        const double totalMs = gui.nsecsElapsed() / 1e6;
        QCOMPARE(history.model()->rowCount(), 200);
        history.statusFilterBox()->setCurrentIndex(history.statusFilterBox()->findData(QStringLiteral("cancelled")));
        QCOMPARE(history.filter()->rowCount(), 20);
        qInfo("200-run store: listed in %.1f ms on the worker (%.1f ms until shown); setDatabasePath returned after %.2f ms",
              history.lastListMilliseconds(), totalMs, guiMs);
    }

    // The documentation screenshot: the breast-cancer example (about 5 s a run) run twice, the
    // second rendered half way through its Devices stage with the first run's timings as history.
    void renderRunningExample()
    {
        if (!qEnvironmentVariableIsSet("QPILOT_SCREENSHOT_DIR"))
            QSKIP("set QPILOT_SCREENSHOT_DIR to render the example run (two runs of ~5 s)");
        auto read = pilot::readExamplePilot("breast_cancer_kernel");
        QVERIFY(read.ok());
        const pilot::Pilot example = read.value();
        QCOMPARE(example.name, std::string("breast-cancer-kernel"));
        const QString db = m_dir.filePath("example/runs.sqlite");
        QDir().mkpath(m_dir.filePath("example"));
        PilotRunner runner;
        JobsView view(&runner);
        view.setDatabasePath(db);
        QCOMPARE(pilot::runStatusKey(runToEnd(runner, example, db).execution.run.status), "completed");
        // Two views laid out beforehand, grabbed as they are (flushing events would let the queued
        // progress of later stages in first).
        JobsView small(&runner);
        small.setDatabasePath(db);
        view.resize(1920, 1080);
        small.resize(1366, 768);
        view.show();
        small.show();
        QTRY_COMPARE(small.history()->model()->rowCount(), 1);
        QCoreApplication::sendPostedEvents();
        bool shot = false;
        QList<double> estimates;
        connect(view.progress(), &JobProgressView::remainingEstimated, this, [&](bool known, double s) {
            if (known)
                estimates << s;
        });
        connect(&runner, &PilotRunner::progressed, this, [&](int stage, double fraction) {
            if (stage != int(pilot::Stage::Devices) || fraction < 0.4 || shot)
                return;
            shot = true;
            for (JobsView* v : {&view, &small}) {
                const QImage image = v->grab().toImage();
                QVERIFY(image.save(QDir(m_shots).filePath(
                    QStringLiteral("jobs-running-example-%1x%2.png").arg(image.width()).arg(image.height()))));
            }
        });
        const PilotJobResult second = runToEnd(runner, example, db);
        QCOMPARE(pilot::runStatusKey(second.execution.run.status), "completed");
        QVERIFY(shot);
        QVERIFY(!estimates.isEmpty());
        for (double e : estimates)
            QVERIFY(e >= 0 && e <= 20 * 60);
        qInfo("example run: %.2f s; first known estimate %.2f s left, %d estimates", second.seconds, estimates.first(),
              int(estimates.size()));
    }
};

QTEST_MAIN(TestJobsView)
#include "tst_jobsview.moc"
