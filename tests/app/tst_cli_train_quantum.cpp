// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_train_quantum.cpp — `qpilot train --model vqc|kernel|quantum|all` as real
// processes: Iris two-class accuracy of both quantum models, the JSON shape (the baselines'
// ModelReport fields plus the quantum object), identical metrics from two runs with one seed,
// the same split for baselines and quantum models, the automatic PCA for wide data (printed),
// shots and noise, and exit code 2 for bad options.
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using qpilot::test::Run;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

QJsonObject modelOf(const QJsonObject& root, const QString& name)
{
    for (const QJsonValue& m : root["models"].toArray())
        if (m.toObject()["model"].toString() == name)
            return m.toObject();
    return {};
}

const QStringList kIris2 = {"train", "--dataset", "iris", "--classes", "versicolor,virginica", "--seed", "2"};

} // namespace

class TestCliTrainQuantum : public QObject {
    Q_OBJECT

private slots:
    void quantumModelsReachSensibleAccuracy_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("classes");
        QTest::addColumn<double>("minimum");
        // versicolor vs virginica is the hard Iris pair (the tuned baselines reach 0.90-0.97).
        QTest::newRow("vqc versicolor/virginica") << "vqc" << "versicolor,virginica" << 0.8;
        QTest::newRow("kernel versicolor/virginica") << "kernel" << "versicolor,virginica" << 0.8;
        QTest::newRow("vqc setosa/versicolor") << "vqc" << "setosa,versicolor" << 0.95;
        QTest::newRow("kernel setosa/versicolor") << "kernel" << "setosa,versicolor" << 0.85;
    }
    void quantumModelsReachSensibleAccuracy()
    {
        QFETCH(QString, model);
        QFETCH(QString, classes);
        QFETCH(double, minimum);
        const Run r = runQpilot({"train", "--dataset", "iris", "--classes", classes, "--model", model, "--seed", "2", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject m = modelOf(jsonOf(r), model);
        const QJsonObject metrics = m["metrics"].toObject();
        qInfo("%s %s: accuracy %.4f", qPrintable(model), qPrintable(classes), metrics["accuracy"].toDouble());
        QVERIFY(metrics["accuracy"].toDouble() >= minimum);
        // Accuracy from the confusion matrix (independent of the reported number).
        const QJsonArray cm = metrics["confusion_matrix"].toArray();
        int diag = 0, total = 0;
        for (int t = 0; t < cm.size(); ++t)
            for (int p = 0; p < cm[t].toArray().size(); ++p) {
                total += cm[t].toArray()[p].toInt();
                diag += t == p ? cm[t].toArray()[p].toInt() : 0;
            }
        QCOMPARE(total, 30);
        QCOMPARE(metrics["accuracy"].toDouble(), double(diag) / total);
    }

    void jsonShapeMatchesTheBaselines()
    {
        QStringList args = kIris2;
        args << "--model" << "all" << "--json";
        const Run r = runQpilot(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject root = jsonOf(r);
        const QJsonArray models = root["models"].toArray();
        QCOMPARE(models.size(), 5);
        QStringList names;
        for (const QJsonValue& v : models)
            names << v.toObject()["model"].toString();
        QCOMPARE(names, (QStringList{"logistic", "svm", "mlp", "vqc", "kernel"}));
        const QJsonObject svm = modelOf(root, "svm");
        for (const QString& name : {QStringLiteral("vqc"), QStringLiteral("kernel")}) {
            const QJsonObject m = modelOf(root, name);
            for (const QString& key : svm.keys())
                QVERIFY2(m.contains(key), qPrintable(name + " lacks " + key));
            for (const QString& key : svm["metrics"].toObject().keys())
                QVERIFY2(m["metrics"].toObject().contains(key), qPrintable(name + " lacks metrics." + key));
            QVERIFY(m.contains("quantum"));
            const QJsonObject q = m["quantum"].toObject();
            for (const char* key : {"encoding", "ansatz", "scaling", "method", "optimiser", "qubits", "parameters", "epochs",
                                    "training_circuit_executions", "prediction_circuit_executions", "shots"})
                QVERIFY2(q.contains(key), key);
            QCOMPARE(q["qubits"].toInt(), 4);
            QVERIFY(q["scaling"].toString().contains("[0, pi]"));
            QVERIFY(q["training_circuit_executions"].toDouble() > 0);
        }
        QVERIFY(!svm.contains("quantum"));
        // VQC: angle (RY) + real_amplitudes reps 2 on 4 qubits: 4 x 3 = 12 trainable angles; the
        // exact readout runs one circuit per test row; training = epochs x rows x (2P + 1).
        const QJsonObject vq = modelOf(root, "vqc")["quantum"].toObject();
        QCOMPARE(vq["parameters"].toInt(), 12);
        QCOMPARE(vq["epochs"].toInt(), 60);
        QCOMPARE(vq["loss"].toArray().size(), 60);
        QCOMPARE(vq["training_circuit_executions"].toDouble(), 60.0 * 70 * (2 * 12 + 1));
        QCOMPARE(modelOf(root, "vqc")["circuit_executions_per_prediction"].toDouble(), 1.0);
        // Kernel: zz reps 1 (4 qubits, full: 6 pairs x 2 CX); exact Gram = one simulation per
        // training row; the test kernel simulates test + training rows.
        const QJsonObject kq = modelOf(root, "kernel")["quantum"].toObject();
        QCOMPARE(kq["two_qubit_gates"].toInt(), 12);
        QCOMPARE(kq["parameters"].toInt(), 0);
        QCOMPARE(kq["training_circuit_executions"].toDouble(), 70.0);
        QCOMPARE(kq["prediction_circuit_executions"].toDouble(), 100.0);
        QVERIFY(kq.contains("kernel_alignment"));
        const QJsonObject spread = kq["off_diagonal"].toObject();
        QVERIFY(spread["min"].toDouble() <= spread["mean"].toDouble() && spread["mean"].toDouble() <= spread["max"].toDouble());
        QVERIFY(spread["variance"].toDouble() > 0);
        QCOMPARE(spread["concentrated"].toBool(), spread["variance"].toDouble() < 1e-4);
        QCOMPARE(modelOf(root, "kernel")["grid"].toArray().size(), 6); // C grid
        // One split for every model.
        for (const QJsonValue& v : models)
            QCOMPARE(v.toObject()["metrics"].toObject()["confusion_matrix"].toArray().size(), 2);
        QCOMPARE(root["split"].toObject()["test"].toInt(), 30);
    }

    void sameSeedSameMetrics()
    {
        QStringList args = kIris2;
        args << "--model" << "quantum" << "--json";
        const Run a = runQpilot(args), b = runQpilot(args);
        QVERIFY2(a.exitCode == 0 && b.exitCode == 0, qPrintable(a.err + b.err));
        for (const QString& name : {QStringLiteral("vqc"), QStringLiteral("kernel")}) {
            const QJsonObject ma = modelOf(jsonOf(a), name), mb = modelOf(jsonOf(b), name);
            QCOMPARE(ma["metrics"].toObject(), mb["metrics"].toObject());
            QCOMPARE(ma["best"].toObject(), mb["best"].toObject());
            QCOMPARE(ma["quantum"].toObject()["loss"].toArray(), mb["quantum"].toObject()["loss"].toArray());
            QCOMPARE(ma["quantum"].toObject()["training_circuit_executions"], mb["quantum"].toObject()["training_circuit_executions"]);
        }
        // A different seed gives a different split, hence different results.
        QStringList other = args;
        other[other.indexOf("2")] = "3";
        const Run c = runQpilot(other);
        QCOMPARE(c.exitCode, 0);
        QVERIFY(modelOf(jsonOf(a), "vqc")["quantum"].toObject()["loss"] != modelOf(jsonOf(c), "vqc")["quantum"].toObject()["loss"]);
    }

    void wideDataIsReducedVisibly()
    {
        // Breast Cancer has 30 features: without --pca every model of the run gets 4 PCA components.
        const Run r = runQpilot({"train", "--dataset", "breast_cancer", "--model", "kernel,logistic", "--seed", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("4 components"));
        QVERIFY(r.out.contains("automatic: 30 features need more than the 8-qubit cap"));
        const Run j = runQpilot({"train", "--dataset", "breast_cancer", "--model", "kernel", "--seed", "1", "--json"});
        QCOMPARE(j.exitCode, 0);
        const QJsonObject pca = jsonOf(j)["pca"].toObject();
        QCOMPARE(pca["components"].toInt(), 4);
        QCOMPARE(pca["automatic"].toBool(), true);
        QCOMPARE(modelOf(jsonOf(j), "kernel")["quantum"].toObject()["qubits"].toInt(), 4);
        // An explicit --pca is used as given; the baselines alone never reduce.
        const Run p = runQpilot({"train", "--dataset", "breast_cancer", "--model", "kernel", "--pca", "6", "--seed", "1", "--json"});
        QCOMPARE(p.exitCode, 0);
        QCOMPARE(jsonOf(p)["pca"].toObject()["automatic"].toBool(), false);
        QCOMPARE(modelOf(jsonOf(p), "kernel")["quantum"].toObject()["qubits"].toInt(), 6);
        const Run base = runQpilot({"train", "--dataset", "breast_cancer", "--model", "logistic", "--seed", "1", "--json"});
        QCOMPARE(base.exitCode, 0);
        QVERIFY(!jsonOf(base).contains("pca"));
    }

    void shotsAndNoise()
    {
        QStringList args = kIris2;
        args << "--model" << "kernel" << "--shots" << "200" << "--json";
        const Run r = runQpilot(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject q = modelOf(jsonOf(r), "kernel")["quantum"].toObject();
        QCOMPARE(q["shots"].toInt(), 200);
        QCOMPARE(q["training_circuit_executions"].toDouble(), 70.0 * 69 / 2); // compute-uncompute pairs
        QCOMPARE(q["prediction_circuit_executions"].toDouble(), 30.0 * 70);
        QVERIFY(q["method"].toString().contains("200 shots"));

        QStringList noisy = kIris2;
        noisy << "--model" << "vqc" << "--noise" << "ibm_torino" << "--epochs" << "5" << "--json";
        const Run n = runQpilot(noisy);
        QVERIFY2(n.exitCode == 0, qPrintable(n.err));
        const QJsonObject nq = modelOf(jsonOf(n), "vqc")["quantum"].toObject();
        QCOMPARE(nq["noise_device"].toString(), QStringLiteral("ibm_torino"));
        QVERIFY(nq["method"].toString().startsWith("density matrix"));
        QCOMPARE(nq["epochs"].toInt(), 5);
    }

    void textTableListsQuantumDetails()
    {
        QStringList args = kIris2;
        args << "--model" << "all";
        const Run r = runQpilot(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* s : {"\nlogistic ", "\nsvm ", "\nmlp ", "\nvqc ", "\nkernel ", "encoding      angle (ry)",
                              "ansatz        real_amplitudes (reps 2", "encoding      zz (reps 1, full)", "kernel        alignment",
                              "per prediction", "scaling       min-max to [0, pi]"})
            QVERIFY2(r.out.contains(QString::fromUtf8(s)), s);
    }

    void badOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList base = {"train", "--dataset", "iris", "--classes", "versicolor,virginica"};
        QTest::newRow("unknown model") << (base + QStringList{"--model", "qnn"}) << "unknown --model 'qnn'";
        QTest::newRow("unknown encoding") << (base + QStringList{"--model", "vqc", "--encoding", "fourier"}) << "unknown --encoding";
        QTest::newRow("ansatz as encoding") << (base + QStringList{"--model", "vqc", "--encoding", "real_amplitudes"}) << "unknown --encoding";
        QTest::newRow("unknown ansatz") << (base + QStringList{"--model", "vqc", "--ansatz", "zz"}) << "unknown --ansatz";
        QTest::newRow("ansatz with reupload") << (base + QStringList{"--model", "vqc", "--encoding", "reupload", "--ansatz", "efficient_su2"})
                                              << "does not apply to --encoding reupload";
        QTest::newRow("unknown optimizer") << (base + QStringList{"--model", "vqc", "--optimizer", "sgd"}) << "unknown --optimizer 'sgd'";
        QTest::newRow("zero epochs") << (base + QStringList{"--model", "vqc", "--epochs", "0"}) << "--epochs must be";
        QTest::newRow("negative shots") << (base + QStringList{"--model", "kernel", "--shots", "-5"}) << "--shots must be";
        QTest::newRow("bad reps") << (base + QStringList{"--model", "kernel", "--reps", "x"}) << "--reps must be";
        QTest::newRow("unknown noise device") << (base + QStringList{"--model", "kernel", "--noise", "nosuch"}) << "unknown device 'nosuch'";
        QTest::newRow("quantum option without quantum model") << (base + QStringList{"--encoding", "zz"}) << "applies to the quantum models";
        QTest::newRow("vqc option for the kernel") << (base + QStringList{"--model", "kernel", "--epochs", "5"})
                                                   << "applies to the variational classifier";
        QTest::newRow("basis on real features") << (base + QStringList{"--model", "kernel", "--encoding", "basis"})
                                                << "needs features that are 0 or 1";
        QTest::newRow("explicit pca too wide") << QStringList{"train", "--dataset", "breast_cancer", "--model", "kernel", "--pca", "12"}
                                               << "needs 12 qubits for 12 features, more than the cap of 8";
        QTest::newRow("noise on wide circuit") << QStringList{"train", "--dataset", "breast_cancer", "--model", "vqc", "--noise",
                                                              "ibm_torino", "--pca", "8"}
                                               << "noisy (density-matrix) cap of 6";
    }
    void badOptionsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliTrainQuantum)
#include "tst_cli_train_quantum.moc"
