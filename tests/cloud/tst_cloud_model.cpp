// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_cloud_model.cpp — the provider-neutral pieces of core/cloud: provider and
// state keys, default endpoints, and the bit-order normalisation against hand-worked examples
// from the protocol reference (IBM hex samples: bit k = register bit k; Braket keys: first
// character = measuredQubits[0]; IonQ: decimal index keys, qubit 0 least significant).
#include "core/cloud/cloud.h"

#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;
using Counts = std::map<std::string, std::int64_t>;

class TestCloudModel : public QObject {
    Q_OBJECT

private slots:
    void keysRoundTrip()
    {
        for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
            QCOMPARE(providerFromKey(providerKey(p)).value(), p);
        QVERIFY(providerFromKey("azure").error().message.find("known: ibm, braket, ionq") != std::string::npos);
        QCOMPARE(std::string(providerTitle(Provider::Braket)), std::string("Amazon Braket"));
        for (JobState s : {JobState::Submitting, JobState::Queued, JobState::Running, JobState::Completed, JobState::Failed,
                           JobState::Cancelled})
            QCOMPARE(jobStateFromKey(jobStateKey(s)).value(), s);
        QVERIFY(!jobStateFromKey("done").ok());
        QVERIFY(isTerminal(JobState::Completed) && isTerminal(JobState::Failed) && isTerminal(JobState::Cancelled));
        QVERIFY(!isTerminal(JobState::Queued) && !isTerminal(JobState::Running) && !isTerminal(JobState::Submitting));
    }

    void defaultEndpointsAreHttps()
    {
        QCOMPARE(defaultEndpoints(Provider::Ibm).api, std::string("https://quantum.cloud.ibm.com/api/v1"));
        QCOMPARE(defaultEndpoints(Provider::Ibm).auth, std::string("https://iam.cloud.ibm.com"));
        QCOMPARE(defaultEndpoints(Provider::Braket).api, std::string("https://braket.us-east-1.amazonaws.com"));
        QCOMPARE(defaultEndpoints(Provider::Ionq).api, std::string("https://api.ionq.co/v0.4"));
        for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
            QVERIFY(!checkEndpoints(defaultEndpoints(p)));
        Endpoints e = defaultEndpoints(Provider::Braket);
        e.storage = "http://s3.example.com";
        const std::optional<Error> bad = checkEndpoints(e);
        QVERIFY(bad);
        QVERIFY2(bad->message.find("storage endpoint") != std::string::npos, bad->message.c_str());
    }

    void reversesBraketKeys()
    {
        // measuredQubits [0,1,2], measurement [1,0,0] → Braket key "100" = qubit 0 set → Qpilot "001"
        QCOMPARE(reverseBitstrings(Counts{{"100", 7}, {"110", 3}}), (Counts{{"001", 7}, {"011", 3}}));
        QCOMPARE(reverseBitstrings(Counts{{"01", 1}, {"10", 2}}), (Counts{{"10", 1}, {"01", 2}}));
        QCOMPARE(reverseBitstrings({}), Counts{});
    }

    void hexSamples_data()
    {
        QTest::addColumn<QStringList>("samples");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("expected"); // "bits:n,bits:n"
        QTest::newRow("reference example") << QStringList{"0x3", "0x0", "0x3", "0x1"} << 2 << "00:1,01:1,11:2";
        QTest::newRow("bit k is qubit k") << QStringList{"0x1", "0x4"} << 3 << "001:1,100:1";
        QTest::newRow("upper case, leading zeros") << QStringList{"0X0A", "0x00a"} << 4 << "1010:2";
        QTest::newRow("wide") << QStringList{"0x8000000000000001"} << 64
                              << QString("1") + QString(62, '0') + "1:1";
    }
    void hexSamples()
    {
        QFETCH(QStringList, samples);
        QFETCH(int, width);
        QFETCH(QString, expected);
        std::vector<std::string> s;
        for (const QString& x : samples)
            s.push_back(x.toStdString());
        Result<Counts> c = countsFromHexSamples(s, width);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
        Counts want;
        for (const QString& item : expected.split(','))
            want[item.section(':', 0, 0).toStdString()] = item.section(':', 1, 1).toLongLong();
        QCOMPARE(c.value(), want);
    }

    void badHexSamples_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("message");
        QTest::newRow("no prefix") << "3" << 2 << "0x-prefixed";
        QTest::newRow("not hex") << "0x3g" << 2 << "not a hex digit";
        QTest::newRow("too wide") << "0x4" << 2 << "does not fit in 2 bits";
        QTest::newRow("bad width") << "0x1" << 0 << "outside 1..64";
        QTest::newRow("over 64 bits") << "0x10000000000000000" << 64 << "more than 64 bits";
    }
    void badHexSamples()
    {
        QFETCH(QString, sample);
        QFETCH(int, width);
        QFETCH(QString, message);
        Result<Counts> c = countsFromHexSamples({sample.toStdString()}, width);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.find(message.toStdString()) != std::string::npos, c.error().message.c_str());
    }

    void indexProbabilities_data()
    {
        QTest::addColumn<QStringList>("probs"); // "index=p"
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("shots");
        QTest::addColumn<QString>("expected");
        // reference §3.3: {"0":0.4990,"3":0.5010}
        QTest::newRow("reference bell") << QStringList{"0=0.499", "3=0.501"} << 2 << 1000 << "00:499,11:501";
        // index 5 = qubits 0 and 2 → "101"; index 4 = qubit 2 only → "100"
        QTest::newRow("qubit 0 least significant") << QStringList{"5=0.75", "4=0.25"} << 3 << 8 << "101:6,100:2";
        // thirds of 100: floors 33,33,33, one leftover to the largest remainder (tie → key order)
        QTest::newRow("largest remainder thirds") << QStringList{"0=0.333333333", "1=0.333333333", "2=0.333333334"} << 2 << 100
                                                  << "00:33,01:33,10:34";
        // 0.126·10 = 1.26, 0.874·10 = 8.74 → floors 1 + 8 = 9, the 0.74 remainder gets the 10th
        QTest::newRow("remainders") << QStringList{"1=0.126", "2=0.874"} << 2 << 10 << "01:1,10:9";
        QTest::newRow("tiny probabilities vanish") << QStringList{"0=0.9999", "1=0.0001"} << 1 << 100 << "0:100";
    }
    void indexProbabilities()
    {
        QFETCH(QStringList, probs);
        QFETCH(int, width);
        QFETCH(int, shots);
        QFETCH(QString, expected);
        std::map<std::string, double> p;
        for (const QString& item : probs)
            p[item.section('=', 0, 0).toStdString()] = item.section('=', 1, 1).toDouble();
        Result<Counts> c = countsFromIndexProbabilities(p, width, shots);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
        Counts want;
        for (const QString& item : expected.split(','))
            want[item.section(':', 0, 0).toStdString()] = item.section(':', 1, 1).toLongLong();
        QCOMPARE(c.value(), want);
        std::int64_t total = 0;
        for (const auto& kv : c.value())
            total += kv.second;
        QCOMPARE(total, std::int64_t(shots));
    }

    void badProbabilities_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("p");
        QTest::addColumn<QString>("message");
        QTest::newRow("not decimal") << "0b11" << 1.0 << "decimal basis-state index";
        QTest::newRow("out of range") << "4" << 1.0 << "does not fit in 2 qubits";
        QTest::newRow("negative") << "1" << -1.0 << "not a probability";
        QTest::newRow("sum") << "1" << 0.5 << "add up to";
    }
    void badProbabilities()
    {
        QFETCH(QString, key);
        QFETCH(double, p);
        QFETCH(QString, message);
        Result<Counts> c = countsFromIndexProbabilities({{key.toStdString(), p}}, 2, 100);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.find(message.toStdString()) != std::string::npos, c.error().message.c_str());
        QVERIFY(!countsFromIndexProbabilities({{"0", 1.0}}, 2, 0).ok());
    }
};

QTEST_GUILESS_MAIN(TestCloudModel)
#include "tst_cloud_model.moc"
