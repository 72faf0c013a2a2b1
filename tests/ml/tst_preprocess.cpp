// tests/ml/tst_preprocess.cpp — preprocessing against hand-computed values: standardisation and
// min–max fitted on train and applied to test, PCA on 2-D data with known principal axes and
// explained variance (sign convention included), and the seeded stratified split and k-fold
// (exact per-class proportions, disjoint and covering, deterministic).
#include "core/ml/preprocess.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace qpilot::ml;

namespace {

Samples column(const std::vector<double>& v)
{
    Samples s;
    s.rows = static_cast<int>(v.size());
    s.features = 1;
    s.x = v;
    s.classes = 1;
    s.y.assign(v.size(), 0);
    return s;
}

// Classes of sizes `sizes`, features = row index.
Samples labelled(const std::vector<int>& sizes)
{
    Samples s;
    s.features = 1;
    s.classes = static_cast<int>(sizes.size());
    for (int c = 0; c < s.classes; ++c)
        for (int i = 0; i < sizes[static_cast<std::size_t>(c)]; ++i) {
            s.x.push_back(s.rows);
            s.y.push_back(c);
            ++s.rows;
        }
    return s;
}

} // namespace

class TestPreprocess : public QObject {
    Q_OBJECT

private slots:
    void standardiseFitsOnTrainOnly()
    {
        const Standardizer st = fitStandardizer(column({1, 2, 3}));
        QCOMPARE(st.mean[0], 2.0);
        QVERIFY(std::abs(st.scale[0] - std::sqrt(2.0 / 3)) < 1e-15); // population std
        const Samples t = st.apply(column({4, 2}));
        QVERIFY(std::abs(t.x[0] - 2 / std::sqrt(2.0 / 3)) < 1e-12);
        QCOMPARE(t.x[1], 0.0);
        // A constant feature maps to 0, not NaN.
        QCOMPARE(fitStandardizer(column({5, 5})).apply(column({5})).x[0], 0.0);
    }

    void minMaxToAngles()
    {
        const MinMaxScaler m = fitMinMax(column({1, 3}), 0, M_PI).value();
        const Samples t = m.apply(column({2, 5, 1}));
        QVERIFY(std::abs(t.x[0] - M_PI / 2) < 1e-15);
        QVERIFY(std::abs(t.x[1] - 2 * M_PI) < 1e-15); // outside the training range: not clipped
        QCOMPARE(t.x[2], 0.0);
        QVERIFY(!fitMinMax(column({1, 3}), 1, 1).ok());
    }

    void pcaKnownAxes()
    {
        // x = m + a·u + b·v with u = (1,1)/√2, v = (1,−1)/√2, a = ±3, b = ±1 (each centred):
        // covariance eigenvalues Σa²/(n−1) = 12 along u and Σb²/(n−1) = 4/3 along v.
        const double r = 1 / std::sqrt(2.0);
        const double a[] = {-3, 3, -3, 3}, b[] = {1, 1, -1, -1};
        Samples s;
        s.features = 2;
        s.rows = 4;
        s.classes = 1;
        for (int i = 0; i < 4; ++i) {
            s.x.push_back(5 + a[i] * r + b[i] * r);
            s.x.push_back(-2 + a[i] * r - b[i] * r);
            s.y.push_back(0);
        }
        const Pca p = fitPca(s, 2).value();
        QVERIFY(std::abs(p.explainedVariance[0] - 12) < 1e-12);
        QVERIFY(std::abs(p.explainedVariance[1] - 4.0 / 3) < 1e-12);
        QVERIFY(std::abs(p.explainedVarianceRatio[0] - 0.9) < 1e-12);
        QVERIFY(std::abs(p.explainedVarianceRatio[1] - 0.1) < 1e-12);
        // Sign convention: the largest-magnitude entry positive (the first one on ties).
        QVERIFY(std::abs(p.components[0][0] - r) < 1e-12 && std::abs(p.components[0][1] - r) < 1e-12);
        QVERIFY(std::abs(p.components[1][0] - r) < 1e-12 && std::abs(p.components[1][1] + r) < 1e-12);
        const Samples z = p.apply(s);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::abs(z.at(i, 0) - a[i]) < 1e-12);
            QVERIFY(std::abs(z.at(i, 1) - b[i]) < 1e-12);
        }
        QCOMPARE(fitPca(s, 1).value().apply(s).features, 1);
        QVERIFY(!fitPca(s, 3).ok());
        QVERIFY(!fitPca(s, 0).ok());
    }

    void stratifiedSplitProportions_data()
    {
        QTest::addColumn<QVector<int>>("sizes");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QVector<int>>("testPerClass");
        QTest::newRow("10/7/3 at 0.3") << QVector<int>{10, 7, 3} << 0.3 << QVector<int>{3, 2, 1};
        QTest::newRow("50/50/50 at 0.25") << QVector<int>{50, 50, 50} << 0.25 << QVector<int>{13, 13, 13};
        QTest::newRow("clamped to 1 and n-1") << QVector<int>{2, 40} << 0.05 << QVector<int>{1, 2};
        QTest::newRow("357/212 at 0.3") << QVector<int>{357, 212} << 0.3 << QVector<int>{107, 64};
    }
    void stratifiedSplitProportions()
    {
        QFETCH(QVector<int>, sizes);
        QFETCH(double, fraction);
        QFETCH(QVector<int>, testPerClass);
        const Samples s = labelled(std::vector<int>(sizes.begin(), sizes.end()));
        const Split sp = stratifiedSplit(s, fraction, 42).value();
        for (int c = 0; c < sizes.size(); ++c) {
            const int n = static_cast<int>(std::count(sp.test.y.begin(), sp.test.y.end(), c));
            QCOMPARE(n, testPerClass[c]);
            QVERIFY(std::abs(n - sizes[c] * fraction) <= 1.0 || n == 1 || n == sizes[c] - 1);
            QCOMPARE(static_cast<int>(std::count(sp.train.y.begin(), sp.train.y.end(), c)), sizes[c] - n);
        }
        std::set<int> all(sp.trainIndex.begin(), sp.trainIndex.end());
        for (int i : sp.testIndex)
            QVERIFY(all.insert(i).second); // disjoint
        QCOMPARE(static_cast<int>(all.size()), s.rows);
        // Rows carry their features: feature = original index.
        for (int i = 0; i < sp.test.rows; ++i)
            QCOMPARE(sp.test.at(i, 0), double(sp.testIndex[static_cast<std::size_t>(i)]));
        // Deterministic for a seed, different for another.
        QCOMPARE(stratifiedSplit(s, fraction, 42).value().testIndex, sp.testIndex);
        QVERIFY(stratifiedSplit(s, fraction, 43).value().testIndex != sp.testIndex);
    }

    void kFoldIsStratifiedAndCovering()
    {
        const Samples s = labelled({10, 7, 3});
        const auto folds = stratifiedKFold(s, 3, 5).value();
        QCOMPARE(folds.size(), std::size_t(3));
        std::vector<int> seen(static_cast<std::size_t>(s.rows), 0);
        for (const Fold& f : folds) {
            QCOMPARE(static_cast<int>(f.trainIndex.size() + f.testIndex.size()), s.rows);
            for (int i : f.testIndex)
                ++seen[static_cast<std::size_t>(i)];
        }
        for (int v : seen)
            QCOMPARE(v, 1); // every row is validated exactly once
        for (int c = 0; c < 3; ++c) {
            int lo = 1 << 30, hi = 0;
            for (const Fold& f : folds) {
                const int n = static_cast<int>(std::count_if(f.testIndex.begin(), f.testIndex.end(),
                                                             [&](int i) { return s.y[static_cast<std::size_t>(i)] == c; }));
                lo = std::min(lo, n);
                hi = std::max(hi, n);
            }
            QVERIFY(hi - lo <= 1);
        }
        QCOMPARE(stratifiedKFold(s, 3, 5).value()[1].testIndex, folds[1].testIndex);
        const auto bad = stratifiedKFold(s, 4, 5);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.find("fewer than the 4 folds") != std::string::npos);
        QVERIFY(!stratifiedSplit(s, 1.0, 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
