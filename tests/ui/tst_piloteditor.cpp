// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_piloteditor.cpp — the pilot editor driven on the offscreen platform: every example
// pilot loads and reads back unchanged; choosing an encoding updates the resource preview to
// core's formula (and the closed forms for zz / angle / amplitude / dense_angle); selecting and
// deselecting devices; an invalid shots value and an unparsable seed show their inline messages
// and make the pilot invalid without touching other fields; redo/undo/redo of every kind of edit
// restores the exact pilot text; typing merges into one undo step; a CSV's column roles set the
// label column; QAbstractItemModelTester on the preview and device models; PNG renders.
#include "core/encoding/encoding.h"
#include "core/pilot/pilot.h"
#include "ui/devices/deviceprofilesmodel.h"
#include "ui/pilot/datasetpreviewmodel.h"
#include "ui/pilot/pilotcommands.h"
#include "ui/pilot/piloteditor.h"
#include "support/test_setup.h"

#include <qcustomplot.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace qpilot;

Q_DECLARE_METATYPE(std::function<void(PilotEditor&)>)

namespace {

pilot::Pilot example(const std::string& name)
{
    auto p = pilot::readExamplePilot(name);
    if (!p)
        qFatal("%s", p.error().toString().c_str());
    return *p;
}

template <class W>
W* field(PilotEditor& e, const char* path)
{
    W* w = e.findChild<W*>(QString::fromLatin1(path));
    if (!w)
        qFatal("no field %s", path);
    return w;
}

void choose(PilotEditor& e, const char* path, const QString& value)
{
    auto* c = field<QComboBox>(e, path);
    const int i = c->findData(value);
    if (i < 0)
        qFatal("no choice %s in %s", qPrintable(value), path);
    c->setCurrentIndex(i);
}

using Edit = std::function<void(PilotEditor&)>;

} // namespace

class TestPilotEditor : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_data;

private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_piloteditor");
        QVERIFY(m_data.isValid());
        qputenv("QPILOT_DATA_DIR", m_data.path().toLocal8Bit());
    }

    void examplesReadBackUnchanged_data()
    {
        QTest::addColumn<QString>("name");
        for (const pilot::ExamplePilot& e : pilot::examplePilots())
            QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name);
    }
    void examplesReadBackUnchanged()
    {
        QFETCH(QString, name);
        const pilot::Pilot p = example(name.toStdString());
        PilotEditor editor;
        editor.setPilot(p, QString());
        QCOMPARE(pilot::writePilot(editor.pilot()), pilot::writePilot(p));
        QVERIFY2(editor.isValid(), qPrintable(editor.problems().join('\n')));
        QCOMPARE(editor.undoStack()->count(), 0);
        // The widgets show the pilot's values.
        QCOMPARE(field<QLineEdit>(editor, "name")->text(), QString::fromStdString(p.name));
        QCOMPARE(field<QSpinBox>(editor, "shots")->value(), p.shots);
        QCOMPARE(field<QComboBox>(editor, "circuit.encoding")->currentData().toString(), QString::fromStdString(p.circuit.encoding));
        QCOMPARE(editor.devicesModel()->checkedIds().size(), qsizetype(p.devices.size()));
        QCOMPARE(editor.findChild<QLabel*>("pilotEditorStatus")->text(), QStringLiteral("No problems: the pilot is ready to run."));
    }

    // Breast cancer: 4 PCA components, kernel model (reps 1).
    void encodingPreview_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("qubits");       // closed forms for n = 4, reps 1
        QTest::addColumn<int>("twoQubit");
        QTest::newRow("zz") << "zz" << 4 << 12;                // 2·reps·n(n-1)/2 CX
        QTest::newRow("angle") << "angle" << 4 << 0;           // one rotation per feature
        QTest::newRow("dense_angle") << "dense_angle" << 2 << 0; // two features per qubit
        QTest::newRow("amplitude") << "amplitude" << 2 << 2;   // Möttönen: 2^n - 2 CX for n = 2
        QTest::newRow("basis") << "basis" << 4 << 0;
        QTest::newRow("reupload") << "reupload" << -1 << -1;   // only core's formula
    }
    void encodingPreview()
    {
        QFETCH(QString, encoding);
        QFETCH(int, qubits);
        QFETCH(int, twoQubit);
        PilotEditor editor;
        editor.setPilot(example("breast_cancer_kernel"), QString());
        if (encoding == QLatin1String("zz"))
            choose(editor, "circuit.encoding", QStringLiteral("angle")); // a real change back to zz below
        choose(editor, "circuit.encoding", encoding);
        QCOMPARE(QString::fromStdString(editor.pilot().circuit.encoding), encoding);
        encoding::Options o;
        o.reps = 1; // the kernel's reps (pilot reps 1)
        auto r = encoding::resources(*encoding::kindByName(encoding.toStdString()), 4, o);
        QVERIFY(r);
        QCOMPARE(editor.findChild<QLabel*>("preview.qubits")->text(), QString::number(r->qubits));
        QCOMPARE(editor.findChild<QLabel*>("preview.twoQubitGates")->text(), QString::number(r->twoQubitGates));
        QVERIFY(editor.findChild<QLabel*>("preview.depth")->text().startsWith(QString::number(r->depth)));
        if (qubits >= 0) {
            QCOMPARE(r->qubits, qubits);
            QCOMPARE(int(r->twoQubitGates), twoQubit);
        }
        // The curve passes through the preview's value at this feature count.
        auto* plot = editor.findChild<QCustomPlot*>("preview.curve");
        QVERIFY(plot);
        QCOMPARE(plot->graphCount(), 3);
        auto q = plot->graph(0)->data()->findBegin(4, false);
        QCOMPARE(q->key, 4.0);
        QCOMPARE(q->value, double(r->qubits));
        if (r->twoQubitGates > 0) {
            auto it = plot->graph(1)->data()->findBegin(4, false);
            QCOMPARE(it->key, 4.0);
            QCOMPARE(it->value, double(r->twoQubitGates));
        } else {
            QCOMPARE(plot->graph(1)->dataCount(), 0); // zero is not drawn on the log axis
            QVERIFY(plot->graph(1)->name().endsWith("(none)"));
        }
    }

    // PCA changes the feature count the preview uses; vqc uses the encoding's own defaults.
    void previewFollowsFeatures()
    {
        PilotEditor editor;
        editor.setPilot(example("breast_cancer_kernel"), QString());
        field<QSpinBox>(editor, "preprocessing.pca")->setValue(6);
        QCOMPARE(editor.preview().features, 6);
        QCOMPARE(editor.findChild<QLabel*>("preview.twoQubitGates")->text(), QString::number(6 * 5)); // zz reps 1: n(n-1)
        field<QSpinBox>(editor, "preprocessing.pca")->setValue(0);
        QCOMPARE(editor.preview().features, 30); // breast cancer's 30 features
        QVERIFY(!editor.isValid());              // 30 qubits exceed the noisy cap: core says so
        QVERIFY(editor.fieldMessage("circuit.encoding").contains("qubits"));
    }

    void selectDevices()
    {
        PilotEditor editor;
        const pilot::Pilot p = example("breast_cancer_kernel");
        editor.setPilot(p, QString());
        DeviceProfilesModel* m = editor.devicesModel();
        const int garnet = m->rowOf("iqm_garnet");
        QVERIFY(garnet >= 0);
        QVERIFY(m->setData(m->index(garnet, DeviceProfilesModel::Use), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(editor.pilot().devices,
                 (std::vector<std::string>{"ibm_fez", "ionq_forte_1", "ionq_aria_1", "iqm_garnet"}));
        QVERIFY(editor.isValid());
        const int fez = m->rowOf("ibm_fez");
        QVERIFY(m->setData(m->index(fez, DeviceProfilesModel::Use), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(editor.pilot().devices, (std::vector<std::string>{"ionq_forte_1", "ionq_aria_1", "iqm_garnet"}));
        QCOMPARE(m->data(m->index(fez, DeviceProfilesModel::Use), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(editor.undoStack()->count(), 2);
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        QCOMPARE(pilot::writePilot(editor.pilot()), pilot::writePilot(p));
        QCOMPARE(m->checkedIds(), (QStringList{"ibm_fez", "ionq_forte_1", "ionq_aria_1"}));
        // Deselecting all: the devices field says so.
        for (const char* id : {"ibm_fez", "ionq_forte_1", "ionq_aria_1"})
            m->setData(m->index(m->rowOf(id), DeviceProfilesModel::Use), Qt::Unchecked, Qt::CheckStateRole);
        QVERIFY(!editor.isValid());
        QVERIFY(editor.fieldMessage("devices").contains("at least one target device"));
    }

    void invalidShots_data()
    {
        QTest::addColumn<int>("shots");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0") << 0 << false;
        QTest::newRow("1") << 1 << true;
        QTest::newRow("10000000") << 10000000 << true;
        QTest::newRow("10000001") << 10000001 << false;
    }
    void invalidShots()
    {
        QFETCH(int, shots);
        QFETCH(bool, valid);
        PilotEditor editor;
        const pilot::Pilot p = example("breast_cancer_kernel");
        editor.setPilot(p, QString());
        editor.show();
        field<QSpinBox>(editor, "shots")->setValue(shots);
        QCOMPARE(editor.pilot().shots, shots);
        QCOMPARE(editor.isValid(), valid);
        auto* message = editor.findChild<QLabel*>("message:shots");
        QVERIFY(message);
        if (!valid) {
            QCOMPARE(editor.fieldMessage("shots"), QStringLiteral("must be 1..10000000, got %1").arg(shots));
            QCOMPARE(message->text(), editor.fieldMessage("shots"));
            QVERIFY(!message->isHidden()); // shown (its page is not the current one)
            QVERIFY(editor.findChild<QLabel*>("pilotEditorStatus")->text().startsWith("1 problem"));
        } else {
            QVERIFY(message->isHidden());
        }
        // Only the shots changed.
        pilot::Pilot expected = p;
        expected.shots = shots;
        QCOMPARE(pilot::writePilot(editor.pilot()), pilot::writePilot(expected));
    }

    void unparsableText_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        // Every prefix typed is invalid too, so no keystroke changes the pilot.
        QTest::newRow("seed") << "seed" << "x12" << "'x12' is not a seed";
        QTest::newRow("classes") << "dataset.classes" << "two" << "'two' is not a class number";
        QTest::newRow("queue") << "cost.queue_s" << "soon" << "'soon' is not a time in seconds";
        QTest::newRow("rows") << "objectives.production_rows" << "many" << "'many' is not a whole number";
    }
    void unparsableText()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        QFETCH(QString, message);
        PilotEditor editor;
        const pilot::Pilot p = example("iris_reupload_vqc");
        editor.setPilot(p, QString());
        auto* e = editor.findChild<QLineEdit*>(path);
        QVERIFY(e);
        e->selectAll();
        QTest::keyClicks(e, text);
        QVERIFY(!editor.isValid());
        QVERIFY2(editor.fieldMessage(path).startsWith(message), qPrintable(editor.fieldMessage(path)));
        QCOMPARE(pilot::writePilot(editor.pilot()), pilot::writePilot(p)); // nothing changed
        // Typing a valid value clears it.
        e->selectAll();
        QTest::keyClicks(e, path == "dataset.classes" ? "1, 2" : path == "cost.queue_s" ? "" : "5");
        if (path == "cost.queue_s")
            QTest::keyClick(e, Qt::Key_Backspace);
        QVERIFY2(editor.isValid(), qPrintable(editor.problems().join('\n')));
    }

    void undoRoundTrip_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::newRow("name") << Edit([](PilotEditor& e) { QTest::keyClicks(field<QLineEdit>(e, "name"), "-b"); });
        QTest::newRow("encoding") << Edit([](PilotEditor& e) { choose(e, "circuit.encoding", "angle"); });
        QTest::newRow("ansatz") << Edit([](PilotEditor& e) { choose(e, "circuit.ansatz", "efficient_su2"); });
        QTest::newRow("model") << Edit([](PilotEditor& e) { choose(e, "model.kind", "vqc"); });
        QTest::newRow("reps") << Edit([](PilotEditor& e) { field<QSpinBox>(e, "circuit.reps")->setValue(2); });
        QTest::newRow("test fraction") << Edit([](PilotEditor& e) { field<QDoubleSpinBox>(e, "preprocessing.test_fraction")->setValue(0.25); });
        QTest::newRow("standardize") << Edit([](PilotEditor& e) { field<QCheckBox>(e, "preprocessing.standardize")->setChecked(false); });
        QTest::newRow("baseline off") << Edit([](PilotEditor& e) { e.findChild<QCheckBox*>("baseline:svm")->setChecked(false); });
        QTest::newRow("dataset") << Edit([](PilotEditor& e) { choose(e, "dataset.source", "builtin:wine"); });
        QTest::newRow("device") << Edit([](PilotEditor& e) {
            DeviceProfilesModel* m = e.devicesModel();
            m->setData(m->index(m->rowOf("ibm_torino"), DeviceProfilesModel::Use), Qt::Checked, Qt::CheckStateRole);
        });
        QTest::newRow("mitigation") << Edit([](PilotEditor& e) { QTest::keyClicks(field<QLineEdit>(e, "mitigation"), ",twirl"); });
        QTest::newRow("shots") << Edit([](PilotEditor& e) { field<QSpinBox>(e, "shots")->setValue(4000); });
        QTest::newRow("seed") << Edit([](PilotEditor& e) { QTest::keyClicks(field<QLineEdit>(e, "seed"), "9"); });
        QTest::newRow("latency") << Edit([](PilotEditor& e) { field<QDoubleSpinBox>(e, "objectives.max_latency_s")->setValue(5); });
        QTest::newRow("plan") << Edit([](PilotEditor& e) { choose(e, "cost.plan", "flex"); });
        QTest::newRow("queue") << Edit([](PilotEditor& e) { QTest::keyClicks(field<QLineEdit>(e, "cost.queue_s"), "30"); });
        QTest::newRow("threshold") << Edit([](PilotEditor& e) { field<QDoubleSpinBox>(e, "thresholds.success_good")->setValue(0.8); });
        QTest::newRow("weight") << Edit([](PilotEditor& e) { field<QDoubleSpinBox>(e, "thresholds.weights[3]")->setValue(3); });
        QTest::newRow("description") << Edit([](PilotEditor& e) {
            QTest::keyClicks(e.findChild<QWidget*>("description"), " More.");
        });
    }
    void undoRoundTrip()
    {
        QFETCH(Edit, edit);
        PilotEditor editor;
        editor.setPilot(example("breast_cancer_kernel"), QString());
        editor.show();
        const std::string before = pilot::writePilot(editor.pilot());
        QSignalSpy edited(&editor, &PilotEditor::pilotEdited);
        edit(editor);
        const std::string after = pilot::writePilot(editor.pilot());
        QVERIFY(after != before);
        QVERIFY(edited.count() >= 1);
        QCOMPARE(editor.undoStack()->count(), 1); // one step, typing merged
        QUndoStack* s = editor.undoStack();
        s->undo();
        QCOMPARE(pilot::writePilot(editor.pilot()), before);
        s->redo();
        QCOMPARE(pilot::writePilot(editor.pilot()), after);
        s->undo();
        QCOMPARE(pilot::writePilot(editor.pilot()), before);
        s->redo();
        QCOMPARE(pilot::writePilot(editor.pilot()), after);
        // The command itself holds the exact before / after pilots.
        const auto* cmd = dynamic_cast<const SetPilotFieldCommand*>(s->command(0));
        QVERIFY(cmd);
        QCOMPARE(pilot::writePilot(cmd->before()), before);
        QCOMPARE(pilot::writePilot(cmd->after()), after);
    }

    void typingMerges()
    {
        PilotEditor editor;
        editor.setPilot(example("breast_cancer_kernel"), QString());
        auto* title = field<QLineEdit>(editor, "title");
        title->clear();
        QTest::keyClicks(title, "Short title");
        QCOMPARE(editor.pilot().title, std::string("Short title"));
        // clear() is not a user edit (no command); the eleven keystrokes merged into one step
        QCOMPARE(editor.undoStack()->count(), 1);
        // Another field starts a new step, and coming back does not merge across it.
        QTest::keyClicks(field<QLineEdit>(editor, "name"), "x");
        QTest::keyClicks(title, "!");
        QCOMPARE(editor.undoStack()->count(), 3);
        editor.undoStack()->undo();
        QCOMPARE(editor.pilot().title, std::string("Short title"));
        // Typing a character and deleting it again leaves no step behind.
        const int steps = editor.undoStack()->index(); // 2: the undone title step is dropped by the next push
        QTest::keyClicks(title, "?");
        QCOMPARE(editor.undoStack()->count(), steps + 1);
        QTest::keyClick(title, Qt::Key_Backspace);
        QCOMPARE(editor.undoStack()->count(), steps);
        QCOMPARE(editor.pilot().title, std::string("Short title"));
        editor.undoStack()->setIndex(0);
        QCOMPARE(pilot::writePilot(editor.pilot()), pilot::writePilot(example("breast_cancer_kernel")));
        QCOMPARE(title->text(), QString::fromStdString(example("breast_cancer_kernel").title));
    }

    void csvColumnRoles()
    {
        QTemporaryDir dir;
        QFile csv(dir.filePath("flowers.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("petal,kind,sepal,code\n"
                  "1.0,0,5.1,1\n1.2,0,4.9,0\n1.1,0,5.0,1\n1.3,0,4.8,0\n"
                  "4.5,1,6.1,1\n4.7,1,6.3,0\n4.4,1,6.0,1\n4.9,1,6.4,0\n");
        csv.close();
        pilot::Pilot p = example("breast_cancer_kernel");
        p.dataset.source = "flowers.csv";
        p.dataset.labelColumn = "kind";
        p.preprocessing.pca = 2;
        PilotEditor editor;
        editor.setPilot(p, dir.path());
        DatasetPreviewModel* m = editor.datasetPreview();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m->columnCount(), 4);
        QCOMPARE(m->rowCount(), 1 + 8);
        QCOMPARE(m->columnName(0), QStringLiteral("petal"));
        QCOMPARE(m->columnName(1), QStringLiteral("kind"));
        QCOMPARE(m->role(1), QStringLiteral("label"));
        QCOMPARE(m->role(2), QStringLiteral("feature"));
        QCOMPARE(m->data(m->index(1, 1)).toString(), QStringLiteral("0"));
        QCOMPARE(m->data(m->index(5, 2)).toString(), QStringLiteral("6.1"));
        QVERIFY(m->flags(m->index(0, 3)) & Qt::ItemIsEditable);
        QVERIFY(!(m->flags(m->index(1, 3)) & Qt::ItemIsEditable));
        // "code" becomes the label: the pilot names it, the preview moves the label.
        QVERIFY(m->setData(m->index(0, 3), "label"));
        QCOMPARE(editor.pilot().dataset.labelColumn, std::string("code"));
        QCOMPARE(m->role(3), QStringLiteral("label"));
        QCOMPARE(m->role(1), QStringLiteral("feature"));
        QCOMPARE(m->data(m->index(1, 1)).toString(), QStringLiteral("0")); // 'kind' now a feature value
        QVERIFY2(editor.isValid(), qPrintable(editor.problems().join('\n')));
        // 'sepal' ignored: the pilot lists it, the preview greys it out, back to a feature restores it.
        QVERIFY(m->setData(m->index(0, 2), "ignored"));
        QCOMPARE(editor.pilot().dataset.ignoreColumns, std::vector<std::string>{"sepal"});
        QCOMPARE(m->role(2), QStringLiteral("ignored"));
        QCOMPARE(m->data(m->index(1, 2)).toString(), QStringLiteral("(ignored)"));
        QCOMPARE(editor.preview().features, 2); // pca 2
        QCOMPARE(field<QLineEdit>(editor, "dataset.ignore_columns")->text(), QStringLiteral("sepal"));
        QVERIFY2(editor.isValid(), qPrintable(editor.problems().join('\n')));
        QVERIFY(!m->setData(m->index(0, 3), "ignored")); // the label cannot be ignored
        QVERIFY(m->setData(m->index(0, 2), "feature"));
        QVERIFY(editor.pilot().dataset.ignoreColumns.empty());
        QCOMPARE(m->data(m->index(5, 2)).toString(), QStringLiteral("6.1"));
        // Making an ignored column the label takes it off the ignored list.
        QVERIFY(m->setData(m->index(0, 0), "ignored"));
        QVERIFY(m->setData(m->index(0, 0), "label"));
        QCOMPARE(editor.pilot().dataset.labelColumn, std::string("petal"));
        QVERIFY(editor.pilot().dataset.ignoreColumns.empty());
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        QCOMPARE(editor.pilot().dataset.labelColumn, std::string("code"));
        QVERIFY(editor.pilot().dataset.ignoreColumns.empty());
        // A label column the file does not have: core's error under the label field.
        QLineEdit* label = field<QLineEdit>(editor, "dataset.label_column");
        label->selectAll();
        QTest::keyClicks(label, "zzz");
        QVERIFY(!editor.isValid());
        QVERIFY2(editor.fieldMessage("dataset.source").contains("zzz"), qPrintable(editor.problems().join('\n')));
        editor.undoStack()->undo();
        QCOMPARE(editor.pilot().dataset.labelColumn, std::string("code"));
        editor.undoStack()->undo();
        QCOMPARE(editor.pilot().dataset.labelColumn, std::string("kind"));
        QCOMPARE(m->role(1), QStringLiteral("label"));
        QVERIFY2(editor.isValid(), qPrintable(editor.problems().join('\n')));
        // A shipped dataset's roles are fixed.
        choose(editor, "dataset.source", "builtin:iris");
        QVERIFY(!(m->flags(m->index(0, 0)) & Qt::ItemIsEditable));
        QVERIFY(!m->setData(m->index(0, 0), "label"));
    }

    void modelTesters()
    {
        PilotEditor editor;
        editor.setPilot(example("iris_reupload_vqc"), QString());
        QAbstractItemModelTester t1(editor.datasetPreview(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(editor.devicesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        choose(editor, "dataset.source", "builtin:wine");
        choose(editor, "dataset.source", "moons");
        QCOMPARE(editor.datasetPreview()->columnCount(), 3); // x, y, label
        DeviceProfilesModel* m = editor.devicesModel();
        m->setData(m->index(0, DeviceProfilesModel::Use), Qt::Checked, Qt::CheckStateRole);
        m->reload();
        QCOMPARE(m->rowCount(), int(builtinDevices().size()));
    }

    void renderScreenshots()
    {
        const QString out = qEnvironmentVariable("QPILOT_SCREENSHOT_DIR", QDir::temp().filePath("qpilot-screens"));
        QDir().mkpath(out);
        for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
            PilotEditor editor;
            editor.setPilot(example("breast_cancer_kernel"), QString());
            editor.resize(size);
            editor.show();
            for (const QString& page : {QStringLiteral("Encoding"), QStringLiteral("Dataset"), QStringLiteral("Devices"),
                                        QStringLiteral("Execution")}) {
                editor.showPage(page);
                if (page == QLatin1String("Execution"))
                    field<QSpinBox>(editor, "shots")->setValue(0); // show an inline message
                QApplication::processEvents();
                const QImage img = editor.grab().toImage();
                QCOMPARE(img.size(), size);
                const QString file = QStringLiteral("%1/pilot-editor-%2-%3x%4.png").arg(out, page.toLower()).arg(size.width()).arg(size.height());
                QVERIFY(img.save(file));
            }
        }
    }
};

QTEST_MAIN(TestPilotEditor)
#include "tst_piloteditor.moc"
