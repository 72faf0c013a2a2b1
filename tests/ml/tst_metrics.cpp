// tests/ml/tst_metrics.cpp — metrics against hand-computed values: a three-class example with a
// class that is never predicted, binary F1, ROC AUC with tied scores (Mann–Whitney with
// average ranks, checked against pair counting) and macro one-vs-rest AUC.
#include "core/ml/metrics.h"

#include <QtTest>

#include <cmath>

using namespace qpilot::ml;

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void threeClassesOneNeverPredicted()
    {
        // truth 0 0 1 1 1 2, predicted 0 1 1 1 0 0: class 2 is never predicted.
        const std::vector<int> t = {0, 0, 1, 1, 1, 2}, p = {0, 1, 1, 1, 0, 0};
        const ConfusionMatrix m = confusionMatrix(t, p, 3);
        const ConfusionMatrix expected = {{1, 1, 0}, {1, 2, 0}, {1, 0, 0}};
        QCOMPARE(m, expected);
        QCOMPARE(accuracy(t, p), 0.5);
        // Recalls 1/2, 2/3, 0.
        QVERIFY(std::abs(balancedAccuracy(t, p, 3) - (0.5 + 2.0 / 3 + 0) / 3) < 1e-15);
        // F1 per class: 2TP/(2TP+FP+FN) = 2/5, 4/6, 0.
        QVERIFY(std::abs(f1Score(t, p, 0) - 0.4) < 1e-15);
        QVERIFY(std::abs(f1Score(t, p, 1) - 2.0 / 3) < 1e-15);
        QCOMPARE(f1Score(t, p, 2), 0.0);
        QVERIFY(std::abs(f1Macro(t, p, 3) - (0.4 + 2.0 / 3) / 3) < 1e-15);
    }

    void binaryF1()
    {
        // TP 2, FP 1, FN 2: precision 2/3, recall 1/2, F1 = 2·(2/3·1/2)/(2/3+1/2) = 4/7.
        const std::vector<int> t = {1, 1, 1, 1, 0, 0}, p = {1, 1, 0, 0, 1, 0};
        QVERIFY(std::abs(f1Score(t, p, 1) - 4.0 / 7) < 1e-15);
        const Metrics m = computeMetrics(t, p, {}, 2);
        QVERIFY(std::abs(m.f1 - 4.0 / 7) < 1e-15);
        QVERIFY(std::isnan(m.rocAuc)); // no scores
    }

    void aucWithTies_data()
    {
        QTest::addColumn<QVector<int>>("positive");
        QTest::addColumn<QVector<double>>("scores");
        QTest::addColumn<double>("expected");
        // Pairs (pos, neg): (.8,.8)=½, (.8,.1)=1, (.3,.8)=0, (.3,.1)=1, (.5,.8)=0, (.5,.1)=1 → 3.5/6.
        QTest::newRow("tie across classes") << QVector<int>{1, 0, 1, 0, 1} << QVector<double>{0.8, 0.8, 0.3, 0.1, 0.5} << 3.5 / 6;
        QTest::newRow("perfect") << QVector<int>{0, 0, 1, 1} << QVector<double>{0.1, 0.2, 0.3, 0.9} << 1.0;
        QTest::newRow("reversed") << QVector<int>{1, 1, 0, 0} << QVector<double>{0.1, 0.2, 0.3, 0.9} << 0.0;
        QTest::newRow("all tied") << QVector<int>{1, 0, 1, 0} << QVector<double>{5, 5, 5, 5} << 0.5;
    }
    void aucWithTies()
    {
        QFETCH(QVector<int>, positive);
        QFETCH(QVector<double>, scores);
        QFETCH(double, expected);
        std::vector<bool> pos;
        for (int v : positive)
            pos.push_back(v != 0);
        const std::vector<double> s(scores.begin(), scores.end());
        QVERIFY(std::abs(rocAucBinary(pos, s) - expected) < 1e-15);
        // Independent check: the fraction of (positive, negative) pairs ranked correctly.
        double pairs = 0, good = 0;
        for (std::size_t i = 0; i < s.size(); ++i)
            for (std::size_t j = 0; j < s.size(); ++j)
                if (pos[i] && !pos[j]) {
                    pairs += 1;
                    good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
        QVERIFY(std::abs(rocAucBinary(pos, s) - good / pairs) < 1e-15);
    }

    void aucUndefinedForOneGroup()
    {
        QVERIFY(std::isnan(rocAucBinary({true, true}, {0.1, 0.2})));
    }

    void macroOneVsRestAuc()
    {
        // Class 0: positives 0.7, 0.5 vs 0.3, 0.2 → 1. Class 1: 0.4 vs 0.2, 0.2, 0.4 → 2.5/3.
        // Class 2: 0.6 vs 0.1, 0.3, 0.1 → 1. Macro = (1 + 5/6 + 1)/3.
        const std::vector<int> t = {0, 1, 2, 0};
        const std::vector<double> s = {0.7, 0.2, 0.1, 0.3, 0.4, 0.3, 0.2, 0.2, 0.6, 0.5, 0.4, 0.1};
        QVERIFY(std::abs(rocAuc(t, s, 3) - (2 + 5.0 / 6) / 3) < 1e-15);
        // Binary: column 1 is the positive score.
        QVERIFY(std::abs(rocAuc({0, 1, 1}, {0.9, 0.1, 0.4, 0.6, 0.2, 0.8}, 2) - 1.0) < 1e-15);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
