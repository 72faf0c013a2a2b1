// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_estimate.cpp — `qpilot estimate` as a real process: the reference's worked
// examples through the binary (IBM pay-as-you-go 352 s / $563.20, 100 and 4,096 shots, ZNE ×3
// $1,683.20; Braket Garnet $1,750 and Forte $80.30 per task), Azure IonQ and Quantinuum costs
// recomputed from the transpiled figures the binary reports, Richardson weights, the documented
// JSON keys, every provider row, --all-providers, user price files, break-even, and exit code 2
// with a clear message for bad input (including PEC above its γ² cap).
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using qpilot::test::Run;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

const char kGhz[] = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\nh q[0];\ncx q[0], q[1];\n"
                    "cx q[1], q[2];\nc = measure q;\n";

bool near(double a, double b, double rel = 1e-9) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }

} // namespace

class TestCliEstimate : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_ghz;

    QString writeTemp(const QString& name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
        return path;
    }
    QJsonObject estimate(QStringList extra)
    {
        const Run r = runQpilot(QStringList{"estimate", m_ghz, "--json"} + extra);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return r.exitCode == 0 ? jsonOf(r) : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ghz = writeTemp("ghz.qasm", kGhz);
    }

    void ibmWorkedExamples_data()
    {
        QTest::addColumn<QString>("shots");
        QTest::addColumn<QString>("mitigation");
        QTest::addColumn<QString>("which");
        QTest::addColumn<double>("qpuSeconds");
        QTest::addColumn<double>("per1k");
        // Reference §6 / [S8]: 1,000 inferences in one job, $1.60/s, 2 s + 350 µs per execution.
        QTest::newRow("1000 shots $563.20") << "1000" << "none" << "unmitigated" << 352.0 << 563.20;
        QTest::newRow("100 shots $59") << "100" << "none" << "unmitigated" << 37.0 << 59.20;
        QTest::newRow("4096 shots $2,297") << "4096" << "none" << "unmitigated" << 1435.6 << 2296.96;
        QTest::newRow("ZNE x3 $1,683") << "1000" << "zne" << "mitigated_configured" << 1052.0 << 1683.20;
    }
    void ibmWorkedExamples()
    {
        QFETCH(QString, shots);
        QFETCH(QString, mitigation);
        QFETCH(QString, which);
        QFETCH(double, qpuSeconds);
        QFETCH(double, per1k);
        const QJsonObject j = estimate({"--device", "ibm_torino", "--shots", shots, "--mitigation", mitigation});
        const QJsonObject c = j["cost"].toObject()[which].toObject();
        QVERIFY2(near(c["qpu_seconds"].toDouble(), qpuSeconds), qPrintable(QString::number(c["qpu_seconds"].toDouble())));
        QVERIFY(near(c["per_1k_usd"].toDouble(), per1k));
        QCOMPARE(j["price"].toObject()["date"].toString(), QStringLiteral("2026-05-25"));
        QCOMPARE(j["price"].toObject()["source"].toString(), QStringLiteral("[S22,S26]"));
    }

    void richardsonThroughTheCli()
    {
        QJsonObject j = estimate({"--device", "ibm_torino", "--shots", "1000", "--mitigation", "zne"});
        const QJsonObject o = j["overhead"].toObject();
        const QJsonArray w = o["zne_weights"].toArray();
        QCOMPARE(w.size(), 3);
        QVERIFY(near(w[0].toDouble(), 1.875) && near(w[1].toDouble(), -1.25) && near(w[2].toDouble(), 0.375));
        QVERIFY(near(o["shot_multiplier"].toDouble(), 12.25));
        QCOMPARE(o["depth_multiplier"].toDouble(), 5.0);
        QCOMPARE(o["executions_equal_precision"].toDouble(), 12250.0);
        j = estimate({"--device", "ibm_torino", "--shots", "1000", "--mitigation", "zne", "--zne-factors", "1,2,3"});
        QVERIFY(near(j["overhead"].toObject()["shot_multiplier"].toDouble(), 49.0));
        // Equal-precision cost: 1,000 × 12,250 executions.
        QVERIFY(near(estimate({"--device", "ibm_torino", "--shots", "1000", "--mitigation", "zne"})["cost"]
                         .toObject()["mitigated_equal_precision"].toObject()["qpu_seconds"].toDouble(),
                     2 + 12.25e6 * 350e-6));
    }

    void braket_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<double>("perInference");
        QTest::newRow("Garnet $1.75") << "iqm_garnet" << 1.75;
        QTest::newRow("Forte $80.30") << "ionq_forte_1" << 80.30;
        QTest::newRow("Cepheus $0.725") << "rigetti_cepheus_1_108q" << 0.725;
    }
    void braket()
    {
        QFETCH(QString, device);
        QFETCH(double, perInference);
        const QJsonObject j = estimate({"--device", device, "--shots", "1000", "--inferences", "1"});
        const QJsonObject c = j["cost"].toObject()["unmitigated"].toObject();
        QVERIFY(near(c["batch_usd"].toDouble(), perInference));
        QVERIFY(near(c["per_1k_usd"].toDouble(), perInference * 1000));
    }

    void azureIonqFromFigures()
    {
        // AQT = m + c1·N1q·C + c2·N2q·C with the counts the transpiler reports (EM off: m = 12.4166).
        const QJsonObject j = estimate({"--device", "ionq_aria_1", "--shots", "1000", "--ionq-em", "off"});
        const QJsonObject f = j["figures"].toObject();
        const double expect = 12.4166 + 0.000220 * f["one_qubit_gates"].toDouble() * 1000
                              + 0.000975 * f["two_qubit_gates"].toDouble() * 1000;
        QVERIFY(f["two_qubit_gates"].toInt() >= 2);
        QVERIFY(near(j["cost"].toObject()["unmitigated"].toObject()["per_inference_usd"].toDouble(), expect));
        // The "minimum" reading of m: max(m, gates).
        const QJsonObject mn = estimate({"--device", "ionq_aria_1", "--shots", "1000", "--ionq-em", "off", "--aqt-minimum"});
        QVERIFY(near(mn["cost"].toObject()["unmitigated"].toObject()["per_inference_usd"].toDouble(),
                     std::max(12.4166, expect - 12.4166)));
    }

    void quantinuumFromFigures()
    {
        const QJsonObject j = estimate({"--device", "quantinuum_h1_1", "--shots", "1000"});
        const QJsonObject f = j["figures"].toObject();
        const double hqc = 5 + 1000 * (f["one_qubit_gates"].toDouble() + 10 * f["two_qubit_gates"].toDouble()
                                       + 5 * f["measured_qubits"].toDouble()) / 5000;
        QCOMPARE(f["measured_qubits"].toInt(), 3);
        const QJsonObject c = j["cost"].toObject()["unmitigated"].toObject();
        QVERIFY(near(c["billing_units"].toDouble(), hqc * 1000));
        QVERIFY(near(c["per_inference_usd"].toDouble(), hqc * 12.5));
        QCOMPARE(j["price"].toObject()["plan"].toString(), QStringLiteral("standard"));
        const QJsonObject premium = estimate({"--device", "quantinuum_h1_1", "--shots", "1000", "--plan", "premium"});
        QVERIFY(near(premium["cost"].toObject()["unmitigated"].toObject()["per_inference_usd"].toDouble(), hqc * 10.294));
    }

    void jsonKeys()
    {
        const QJsonObject j = estimate({"--device", "ibm_fez", "--shots", "500", "--mitigation", "trex,zne,twirl"});
        for (const char* k : {"file", "device", "shots", "inferences", "circuits_per_inference", "mitigation", "precision",
                              "figures", "overhead", "price", "cost", "latency", "classical", "ratio_to_classical",
                              "break_even", "providers"})
            QVERIFY2(j.contains(QLatin1String(k)), k);
        const QJsonObject o = j["overhead"].toObject();
        for (const char* k : {"circuits", "noise_factors", "instances_per_circuit", "shot_multiplier",
                              "executions_configured", "executions_equal_precision", "calibration_circuits",
                              "calibration_shots", "depth_multiplier", "mean_depth_multiplier", "folding_share",
                              "zne_weights", "sum_abs_beta", "gamma", "gamma_squared", "readout_fidelity", "notes"})
            QVERIFY2(o.contains(QLatin1String(k)), k);
        QCOMPARE(o["circuits"].toInt(), 3 * 8); // 500 shots: 8 randomizations of 64 shots
        QCOMPARE(o["calibration_circuits"].toInt(), 32);
        for (const char* k : {"unmitigated", "mitigated_configured", "mitigated_equal_precision"})
            for (const char* c : {"batch_usd", "per_inference_usd", "per_1k_usd", "qpu_seconds", "formula", "notes"})
                QVERIFY2(j["cost"].toObject()[k].toObject().contains(QLatin1String(c)), c);
        const QJsonObject lat = j["latency"].toObject();
        for (const char* k : {"per_inference", "batch"})
            for (const char* c : {"compile_s", "queue_s", "network_s", "execution_s", "total_s", "mitigation_multiplier"})
                QVERIFY2(lat[k].toObject().contains(QLatin1String(c)), c);
        QVERIFY(lat["queue_note"].toString().contains("no queue wait-time figures"));
        for (const char* k : {"target_per_1k_usd", "current_per_1k_usd", "price_scale", "max_shots", "error_scale"})
            QVERIFY2(j["break_even"].toObject().contains(QLatin1String(k)), k);
        QCOMPARE(j["shots"].toInt(), 500);
        QCOMPARE(j["mitigation"].toString(), QStringLiteral("trex + twirl + zne(richardson 1,3,5; 2q folding)"));
        // Every provider/plan row is priced, with its date and source.
        const QJsonArray p = j["providers"].toArray();
        QCOMPARE(p.size(), 18);
        for (const QJsonValue& v : p) {
            const QJsonObject r = v.toObject();
            QVERIFY(!r["date"].toString().isEmpty() && r["source"].toString().startsWith("[S"));
            QVERIFY2(r.contains("per_1k_usd"), qPrintable(r["key"].toString() + r["error"].toString()));
        }
    }

    void classicalAndBreakEven()
    {
        const QJsonObject j = estimate({"--device", "ibm_torino", "--shots", "1000", "--classical-throughput", "1000",
                                        "--target-cost-per-1k", "100"});
        const QJsonObject c = j["classical"].toObject();
        QVERIFY(near(c["per_1k_usd"].toDouble(), 1000.0 / 1000 * 0.0816 / 3600));
        QVERIFY(near(j["ratio_to_classical"].toObject()["dedicated"].toDouble(), 563.2 / c["per_1k_usd"].toDouble()));
        const QJsonObject be = j["break_even"].toObject();
        QCOMPARE(be["max_shots"].toInt(), 172); // (2 + 0.35 S) × 1.6 <= 100
        QVERIFY(near(be["price_scale"].toDouble(), 100 / 563.2));
        // Default target: 1000 × the serverless classical cost per 1k.
        const QJsonObject d = estimate({"--device", "ibm_torino", "--shots", "1000"});
        QVERIFY(near(d["break_even"].toObject()["target_per_1k_usd"].toDouble(),
                     1000 * d["classical"].toObject()["serverless_per_1k_usd"].toDouble()));
    }

    void allProviders()
    {
        const QJsonObject j = estimate({"--device", "ibm_torino", "--shots", "1000", "--all-providers"});
        const QJsonArray d = j["devices"].toArray();
        QCOMPARE(d.size(), 13);
        int priced = 0;
        for (const QJsonValue& v : d)
            priced += v.toObject().contains("per_1k_usd") ? 1 : 0;
        QCOMPARE(priced, 13);
        const Run text = runQpilot({"estimate", m_ghz, "--device", "ibm_torino", "--shots", "1000", "--all-providers"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("every shipped device"));
        QVERIFY(text.out.contains("quantinuum_h2_1"));
        QVERIFY(text.out.contains("2026-05-25, [S22,S26]")); // price date and source
        QVERIFY(text.out.contains("$563.20 per 1k"));
        QVERIFY(text.out.contains("no queue wait-time figures"));
    }

    void userPriceFile()
    {
        const QString prices = writeTemp("prices.json", R"json({"format_version": 1, "provider": "braket", "retrieved": "2026-11-24",
  "rows": [{"key": "braket:iqm_garnet", "plan": "on_demand", "name": "Garnet (negotiated)", "model": "per_task_shot",
            "usd_per_task": 0.3, "usd_per_shot": 0.001, "date": "2026-11-01", "source": "contract 42"}]})json");
        const QJsonObject j = estimate({"--device", "iqm_garnet", "--shots", "1000", "--prices", prices});
        QVERIFY(near(j["cost"].toObject()["unmitigated"].toObject()["per_1k_usd"].toDouble(), 1300));
        QCOMPARE(j["price"].toObject()["source"].toString(), QStringLiteral("contract 42"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown mitigation") << QStringList{"--device", "ibm_torino", "--shots", "10", "--mitigation", "magic"}
                                            << "unknown mitigation 'magic'";
        QTest::newRow("negative shots") << QStringList{"--device", "ibm_torino", "--shots", "-5"} << "--shots must be";
        QTest::newRow("zero shots") << QStringList{"--device", "ibm_torino", "--shots", "0"} << "--shots must be";
        QTest::newRow("no shots") << QStringList{"--device", "ibm_torino"} << "--shots is required";
        QTest::newRow("no device") << QStringList{"--shots", "10"} << "--device is required";
        QTest::newRow("unknown device") << QStringList{"--device", "nosuch", "--shots", "10"} << "nosuch";
        QTest::newRow("bad factors") << QStringList{"--device", "ibm_torino", "--shots", "10", "--mitigation", "zne",
                                                    "--zne-factors", "1,x"} << "--zne-factors";
        QTest::newRow("factor below 1") << QStringList{"--device", "ibm_torino", "--shots", "10", "--mitigation", "zne",
                                                       "--zne-factors", "0.5,1"} << "must be >= 1";
        QTest::newRow("factors without zne") << QStringList{"--device", "ibm_torino", "--shots", "10", "--zne-factors", "1,3"}
                                             << "need 'zne'";
        QTest::newRow("bad extrapolator") << QStringList{"--device", "ibm_torino", "--shots", "10", "--mitigation", "zne",
                                                         "--extrapolator", "cubic"} << "unknown extrapolator";
        QTest::newRow("PEC above cap") << QStringList{"--device", "ibm_sherbrooke", "--shots", "10", "--mitigation", "pec",
                                                      "--pec-max-overhead", "1.01"} << "gamma^2 = 1.";
        QTest::newRow("unknown plan") << QStringList{"--device", "ibm_torino", "--shots", "10", "--plan", "gold"}
                                      << "has no plan 'gold'";
        QTest::newRow("negative queue") << QStringList{"--device", "ibm_torino", "--shots", "10", "--queue-seconds", "-1"}
                                        << "--queue-seconds";
        QTest::newRow("zero target") << QStringList{"--device", "ibm_torino", "--shots", "10", "--target-cost-per-1k", "0"}
                                     << "--target-cost-per-1k";
        QTest::newRow("missing price file") << QStringList{"--device", "ibm_torino", "--shots", "10", "--prices", "/nonexistent/p.json"}
                                            << "p.json";
        QTest::newRow("bad precision") << QStringList{"--device", "ibm_torino", "--shots", "10", "--precision", "max"}
                                       << "--precision";
        QTest::newRow("bad ionq-em") << QStringList{"--device", "ibm_torino", "--shots", "10", "--ionq-em", "maybe"}
                                     << "--ionq-em";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runQpilot(QStringList{"estimate", m_ghz} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void malformedPriceFileIsLocated()
    {
        const QString prices = writeTemp("bad.json", "{\"format_version\": 1, \"provider\": \"x\", \"retrieved\": \"2026-01-01\",\n"
                                                     " \"rows\": [{\"key\": \"k\", \"plan\": \"p\", \"name\": \"n\", \"model\": \"free\",\n"
                                                     "  \"free_seconds\": -1, \"date\": \"2026-01-01\", \"source\": \"s\"}]}");
        const Run r = runQpilot({"estimate", m_ghz, "--device", "ibm_torino", "--shots", "10", "--prices", prices});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("bad.json:3:") && r.err.contains("free_seconds"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliEstimate)
#include "tst_cli_estimate.moc"
