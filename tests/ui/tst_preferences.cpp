// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_preferences.cpp — the workbench preferences: the value round-trips through a
// QSettings INI file (and out-of-range stored values are clamped, missing ones default); the
// dialog rejects bad input with the reason under the field and OK/Apply disabled; applying
// reaches the window live (theme, the results panel's debounce, qubit limit, default shots,
// and live simulation off/on), and the window persists it.
#include "core/circuit/qasm.h"
#include "core/store/store.h"
#include "ui/dialogs/preferencesdialog.h"
#include "ui/document/document.h"
#include "ui/mainwindow.h"
#include "ui/pilot/pilotworkbench.h"
#include "ui/runs/runspanel.h"
#include "ui/results/livesimulator.h"
#include "ui/results/resultspanel.h"
#include "ui/settings/workbenchsettings.h"
#include "support/test_setup.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;

namespace {

Circuit parse(const std::string& text)
{
    auto c = parseQasm("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + text);
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

} // namespace

class TestPreferences : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_preferences");
    }

    void defaults()
    {
        const WorkbenchSettings s = WorkbenchSettings::defaults();
        QCOMPARE(s.runStorePath, QString::fromStdString(store::defaultDatabasePath()));
        QCOMPARE(s.reportDirectory, QFileInfo(s.runStorePath).absoluteDir().filePath(QStringLiteral("reports")));
        QCOMPARE(s.debounceMs, ResultsPanel::kDebounceMs);
        QCOMPARE(s.maxLiveQubits, LiveSimulator::kMaxQubits);
        QCOMPARE(WorkbenchSettings::kMaxLiveQubits, LiveSimulator::kMaxQubits);
        QVERIFY(s.validate().empty());
    }

    void iniRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prefs.ini"));
        WorkbenchSettings s = WorkbenchSettings::defaults();
        s.theme = WorkbenchSettings::Theme::Dark;
        s.liveSimulation = false;
        s.debounceMs = 250;
        s.maxLiveQubits = 18;
        s.defaultShots = 4096;
        s.defaultSeed = 1234567;
        s.defaultDevice = QStringLiteral("ionq_aria_1");
        s.runStorePath = dir.filePath(QStringLiteral("my-runs.sqlite"));
        s.reportDirectory = dir.filePath(QStringLiteral("reports"));
        {
            QSettings ini(path, QSettings::IniFormat);
            s.save(ini);
        }
        QSettings ini(path, QSettings::IniFormat);
        QCOMPARE(ini.value("preferences/theme").toString(), QStringLiteral("dark"));
        const WorkbenchSettings back = WorkbenchSettings::load(ini);
        QVERIFY(back == s);
        // Hand-edited nonsense is clamped or ignored, never applied as is.
        ini.setValue("preferences/debounceMs", 99999);
        ini.setValue("preferences/defaultShots", QStringLiteral("lots"));
        ini.setValue("preferences/theme", QStringLiteral("purple"));
        const WorkbenchSettings clamped = WorkbenchSettings::load(ini);
        QCOMPARE(clamped.debounceMs, WorkbenchSettings::kMaxDebounceMs);
        QCOMPARE(clamped.defaultShots, WorkbenchSettings::defaults().defaultShots);
        QCOMPARE(clamped.theme, WorkbenchSettings::Theme::System);
        // An empty file gives the defaults; the old View > Dark Theme flag still counts.
        QSettings empty(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        QVERIFY(WorkbenchSettings::load(empty) == WorkbenchSettings::defaults());
        empty.setValue("mainWindow/dark", true);
        QCOMPARE(WorkbenchSettings::load(empty).theme, WorkbenchSettings::Theme::Dark);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("debounce too long") << "debounceMs" << "5000" << "between 0 and 2000";
        QTest::newRow("debounce negative") << "debounceMs" << "-1" << "between 0 and 2000";
        QTest::newRow("debounce not a number") << "debounceMs" << "fast" << "whole number";
        QTest::newRow("shots zero") << "defaultShots" << "0" << "between 1 and 10000000";
        QTest::newRow("shots too many") << "defaultShots" << "10000001" << "between 1 and 10000000";
        QTest::newRow("shots empty") << "defaultShots" << "" << "required";
        QTest::newRow("seed negative") << "defaultSeed" << "-5" << "between 0";
        QTest::newRow("store empty") << "runStorePath" << "" << "needs a file path";
        QTest::newRow("store is a folder") << "runStorePath" << "<tmp>" << "is a folder";
        QTest::newRow("reports empty") << "reportDirectory" << " " << "empty";
    }

    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        text.replace(QStringLiteral("<tmp>"), dir.path());
        PreferencesDialog dialog(WorkbenchSettings::defaults());
        QSignalSpy applied(&dialog, &PreferencesDialog::applied);
        QVERIFY(dialog.okButton()->isEnabled());
        QLineEdit* edit = field == "debounceMs"     ? dialog.debounceEdit()
                          : field == "defaultShots" ? dialog.shotsEdit()
                          : field == "defaultSeed"  ? dialog.seedEdit()
                          : field == "runStorePath" ? dialog.runStoreEdit()
                                                    : dialog.reportDirEdit();
        edit->setText(text);
        QVERIFY2(dialog.errorText(field).contains(message), qPrintable(dialog.errorText(field)));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(!dialog.settings());
        QVERIFY(!dialog.apply());
        QCOMPARE(applied.count(), 0);
        // Other fields show nothing.
        for (const char* other : {"debounceMs", "defaultShots", "defaultSeed", "runStorePath", "reportDirectory"}) {
            if (field != QLatin1String(other))
                QVERIFY2(dialog.errorText(QLatin1String(other)).isEmpty(), other);
        }
        // Fixing it clears the message.
        dialog.setSettings(WorkbenchSettings::defaults());
        QVERIFY(dialog.errorText(field).isEmpty());
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.apply());
        QCOMPARE(applied.count(), 1);
    }

    void dialogProducesValue()
    {
        PreferencesDialog dialog(WorkbenchSettings::defaults());
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("dark")));
        dialog.debounceEdit()->setText(QStringLiteral(" 120 "));
        dialog.shotsEdit()->setText(QStringLiteral("2048"));
        dialog.seedEdit()->setText(QStringLiteral("7"));
        dialog.maxQubitsBox()->setValue(16);
        dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("ionq_aria_1")));
        dialog.liveBox()->setChecked(false);
        const auto s = dialog.settings();
        QVERIFY(s);
        QCOMPARE(s->theme, WorkbenchSettings::Theme::Dark);
        QCOMPARE(s->debounceMs, 120);
        QCOMPARE(s->defaultShots, 2048);
        QCOMPARE(s->defaultSeed, quint64(7));
        QCOMPARE(s->maxLiveQubits, 16);
        QCOMPARE(s->defaultDevice, QStringLiteral("ionq_aria_1"));
        QVERIFY(!s->liveSimulation);
        QVERIFY(!dialog.debounceEdit()->isEnabled());
    }

    void locationsReachThePilotDocksAndDefaultsAreNotPinned()
    {
        QSettings().clear();
        MainWindow w;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Saving the defaults writes no location: a later session with another data directory
        // must get its own default store, not this one's.
        w.applySettings(w.settings());
        QVERIFY(!QSettings().contains("preferences/runStorePath"));
        QVERIFY(!QSettings().contains("preferences/reportDirectory"));
        // A chosen store and report folder reach the Runs dock and the pilot runner.
        WorkbenchSettings s = w.settings();
        s.runStorePath = dir.filePath(QStringLiteral("elsewhere.sqlite"));
        s.reportDirectory = dir.filePath(QStringLiteral("reports"));
        w.applySettings(s);
        QCOMPARE(QSettings().value("preferences/runStorePath").toString(), s.runStorePath);
        QCOMPARE(w.pilots()->runsPanel()->databasePath(), s.runStorePath);
        QCOMPARE(w.pilots()->reportDirectory(), s.reportDirectory); // no pilot file open: the preference
        QSettings().clear();
    }

    void appliedLiveToTheWindow()
    {
        QSettings().clear();
        MainWindow w;
        w.newCircuit(3);
        QAction* action = w.findChild<QAction*>(QStringLiteral("actionPreferences"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        ResultsPanel* results = w.resultsPanel();
        QTRY_VERIFY(results->lastResult().has_value()); // the first circuit's run

        WorkbenchSettings s = w.settings();
        s.debounceMs = 400;
        s.defaultShots = 333;
        s.maxLiveQubits = 2;
        QSignalSpy changed(&w, &MainWindow::settingsChanged);
        PreferencesDialog dialog(w.settings());
        connect(&dialog, &PreferencesDialog::applied, &w, &MainWindow::applySettings);
        dialog.setSettings(s);
        QVERIFY(dialog.apply());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(results->debounceMs(), 400);
        QCOMPARE(results->shotsBox()->value(), 333);
        QCOMPARE(results->maxLiveQubits(), 2);
        QCOMPARE(QSettings().value("preferences/debounceMs").toInt(), 400);
        // The qubit limit reaches the worker: the 3-qubit circuit is refused.
        QTRY_VERIFY(results->lastResult() && results->lastResult()->error.contains("stops at 2 qubits"));

        // The debounce window: edits 100 ms apart coalesce into one trailing run after the first.
        s.maxLiveQubits = LiveSimulator::kMaxQubits;
        w.applySettings(s);
        QTRY_VERIFY(results->lastResult() && results->lastResult()->error.isEmpty());
        QTest::qWait(450);
        const quint64 before = results->simulator()->latestGeneration();
        QVERIFY(!w.document()->replaceCircuit(parse("qubit[1] q; x q[0];"), "a"));
        QCOMPARE(results->simulator()->latestGeneration(), before + 1); // leading edge
        QTest::qWait(100);
        QVERIFY(!w.document()->replaceCircuit(parse("qubit[2] q; x q[1];"), "b"));
        QTest::qWait(100);
        QVERIFY(!w.document()->replaceCircuit(parse("qubit[3] q; x q[2];"), "c"));
        QTest::qWait(150); // 250 ms after the first edit: a 30 ms debounce would have run by now
        QCOMPARE(results->simulator()->latestGeneration(), before + 1);
        QTRY_COMPARE(results->simulator()->latestGeneration(), before + 2);
        QTRY_VERIFY(results->lastResult() && results->lastResult()->numQubits == 3);

        // Live simulation off: edits do not run; Run does.
        s.liveSimulation = false;
        w.applySettings(s);
        QTest::qWait(450);
        const quint64 off = results->simulator()->latestGeneration();
        QVERIFY(!w.document()->replaceCircuit(parse("qubit[1] q; h q[0];"), "d"));
        QTest::qWait(500);
        QCOMPARE(results->simulator()->latestGeneration(), off);
        QVERIFY(results->statusText().contains("off"));
        results->runNow();
        QCOMPARE(results->simulator()->latestGeneration(), off + 1);
        QTRY_VERIFY(results->lastResult() && results->lastResult()->numQubits == 1);

        // Theme: dark, then light, from the value (and View > Dark Theme follows).
        s.theme = WorkbenchSettings::Theme::Dark;
        w.applySettings(s);
        QVERIFY(w.isDarkTheme());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
        QVERIFY(w.findChild<QAction*>(QStringLiteral("actionDarkTheme"))->isChecked());
        s.theme = WorkbenchSettings::Theme::Light;
        w.applySettings(s);
        QVERIFY(!w.isDarkTheme());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.5);

        // A new window starts from what was saved.
        MainWindow again;
        QVERIFY(again.settings() == s);
        QCOMPARE(again.resultsPanel()->debounceMs(), 400);
        QVERIFY(!again.resultsPanel()->liveSimulation());
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
