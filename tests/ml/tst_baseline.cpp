// tests/ml/tst_baseline.cpp — the tuned classical baselines: the accuracies the literature
// reports, by nested stratified cross-validation of the shipped datasets (Breast Cancer ≥ 0.93,
// Iris 3-class ≥ 0.95, Wine ≥ 0.95, Iris versicolor/virginica ≥ 0.90), nested CV against
// per-fold training, tie-breaking towards the simplest model, identical metrics for the same
// seed, the logistic regression's optimality condition, SVM decision scores and the grids.
#include "core/ml/ml.h"

#include <QtTest>

#include <cmath>

using namespace qpilot::ml;

namespace {

Split splitOf(const std::string& name, double testFraction, std::uint64_t seed, std::vector<int> classes = {})
{
    auto ds = loadBuiltinDataset(name);
    if (!ds)
        qFatal("%s", ds.error().toString().c_str());
    Dataset d = std::move(ds).value();
    if (!classes.empty())
        d = selectClasses(d, classes).value();
    auto split = stratifiedSplit(d.samples, testFraction, seed);
    if (!split)
        qFatal("%s", split.error().toString().c_str());
    return std::move(split).value();
}

} // namespace

class TestBaseline : public QObject {
    Q_OBJECT

private slots:
    void literatureAccuracy_data()
    {
        // Protocol (fixed before looking at any result; the same for every model): nested
        // stratified k-fold cross-validation of the tuned baseline, fold seed 1 — every row is
        // predicted once by a model tuned (inner stratified 5-fold grid search over the
        // production grid) and fitted on the other folds only. This is how the literature
        // quotes accuracies for these UCI sets (10-fold CV). Thresholds are the issue's
        // literature figures: Breast Cancer ≥ 0.93, Iris (3 classes) ≥ 0.95, Wine ≥ 0.95; the
        // harder Iris versicolor/virginica pair ≥ 0.90. Each model is asserted, not only the
        // best: every one clears its threshold for each of fold seeds 1..10
        // (`qpilot_bench_ml --cv 10`, docs/datasets.md), so seed 1 is not a lucky pick.
        // Run time (~15 s in Release): Iris runs the full protocol (10 outer × 5 inner folds) for
        // every model, and so do the cheap models elsewhere. Two slow cases use 5 outer × 3
        // inner folds with the same production grids: Wine's MLP and Breast Cancer's SVM (the
        // full protocol takes ~5 s and ~20 s). Breast Cancer's MLP (~16 s) is measured by the
        // benchmark only; every model's full-protocol figure is in docs/datasets.md.
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QVector<int>>("classes");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("outerFolds");
        QTest::addColumn<int>("innerFolds");
        QTest::addColumn<double>("minAccuracy");
        for (const char* model : {"logistic", "svm", "mlp"})
            QTest::newRow(qPrintable(QString("iris/%1").arg(model))) << "iris" << QVector<int>{} << model << 10 << 5 << 0.95;
        QTest::newRow("wine/logistic") << "wine" << QVector<int>{} << "logistic" << 10 << 5 << 0.95;
        QTest::newRow("wine/svm") << "wine" << QVector<int>{} << "svm" << 10 << 5 << 0.95;
        QTest::newRow("wine/mlp (5x3 folds)") << "wine" << QVector<int>{} << "mlp" << 5 << 3 << 0.95;
        for (const char* model : {"logistic", "svm"})
            QTest::newRow(qPrintable(QString("iris-versicolor-virginica/%1").arg(model)))
                << "iris" << QVector<int>{1, 2} << model << 10 << 5 << 0.90;
        QTest::newRow("breast_cancer/logistic") << "breast_cancer" << QVector<int>{} << "logistic" << 10 << 5 << 0.93;
        QTest::newRow("breast_cancer/svm (5x3 folds)") << "breast_cancer" << QVector<int>{} << "svm" << 5 << 3 << 0.93;
    }
    void literatureAccuracy()
    {
        QFETCH(QString, dataset);
        QFETCH(QVector<int>, classes);
        QFETCH(QString, model);
        QFETCH(int, outerFolds);
        QFETCH(int, innerFolds);
        QFETCH(double, minAccuracy);
        Dataset d = loadBuiltinDataset(dataset.toStdString()).value();
        if (!classes.isEmpty())
            d = selectClasses(d, std::vector<int>(classes.begin(), classes.end())).value();
        const auto kind = baselineFromKey(model.toStdString()).value();
        auto cv = nestedCrossValidation(kind, d.samples, outerFolds, TrainOptions{innerFolds, 1});
        QVERIFY2(cv.ok(), cv.ok() ? "" : cv.error().toString().c_str());
        QString chosen;
        for (const auto& best : cv->foldBest) {
            QStringList p;
            for (const HyperParameter& h : best)
                p << QString::fromStdString(h.name + "=" + h.value);
            chosen += " [" + p.join(", ") + "]";
        }
        qInfo("%s %s: nested %d×%d-fold CV accuracy %.4f (%d/%d); chosen:%s", qPrintable(dataset), qPrintable(model), outerFolds,
              innerFolds, cv->accuracy, cv->correct, cv->rows, qPrintable(chosen));
        QVERIFY2(cv->accuracy >= minAccuracy, qPrintable(QString("accuracy %1 < %2").arg(cv->accuracy).arg(minAccuracy)));
        QCOMPARE(cv->rows, d.samples.rows);
        QCOMPARE(static_cast<int>(cv->foldAccuracy.size()), outerFolds);
        QCOMPARE(static_cast<int>(cv->foldBest.size()), outerFolds);
    }

    void nestedCrossValidationMatchesPerFoldTraining_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("logistic") << "logistic";
        QTest::newRow("svm") << "svm";
    }
    void nestedCrossValidationMatchesPerFoldTraining()
    {
        // Independent route to the same numbers: rebuild the outer folds and train each with
        // trainBaseline (same inner folds and seeds): per-fold accuracies, chosen points and the
        // pooled count must agree, and every row must be predicted exactly once.
        QFETCH(QString, model);
        const auto kind = baselineFromKey(model.toStdString()).value();
        const Dataset d = loadBuiltinDataset("iris").value();
        const CrossValidationReport cv = nestedCrossValidation(kind, d.samples, 5, TrainOptions{4, 7}).value();
        const auto folds = stratifiedKFold(d.samples, 5, 7).value();
        QCOMPARE(cv.outerFolds, 5);
        QCOMPARE(cv.innerFolds, 4);
        int correct = 0, rows = 0;
        for (std::size_t f = 0; f < folds.size(); ++f) {
            const Samples train = subset(d.samples, folds[f].trainIndex);
            const Samples test = subset(d.samples, folds[f].testIndex);
            const ModelReport r = trainBaseline(kind, train, test, TrainOptions{4, 7}).value();
            QCOMPARE(cv.foldAccuracy[f], r.metrics.accuracy);
            QCOMPARE(cv.foldBest[f].size(), r.best.size());
            for (std::size_t i = 0; i < r.best.size(); ++i)
                QCOMPARE(cv.foldBest[f][i].value, r.best[i].value);
            for (std::size_t i = 0; i < r.predictions.size(); ++i)
                correct += r.predictions[i] == test.y[i] ? 1 : 0;
            rows += test.rows;
        }
        QCOMPARE(rows, d.samples.rows);
        QCOMPARE(cv.correct, correct);
        QCOMPARE(cv.accuracy, static_cast<double>(correct) / rows);
    }

    void gridSearchBreaksTiesTowardsTheSimplestModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("first");
        QTest::newRow("logistic") << "logistic" << "C=0.001";
        QTest::newRow("svm") << "svm" << "C=0.1";
        QTest::newRow("mlp") << "mlp" << "hidden=8, alpha=10";
    }
    void gridSearchBreaksTiesTowardsTheSimplestModel()
    {
        // Two far-apart, tight clusters: the first grid point and many others validate at 100 %,
        // so they tie and the first in grid order — the most regularised, smallest model — must
        // be chosen (not the last, not the one with the smallest fold spread).
        QFETCH(QString, model);
        QFETCH(QString, first);
        Samples s;
        s.features = 2;
        s.classes = 2;
        for (int i = 0; i < 40; ++i) {
            const int label = i % 2;
            s.x.push_back((label ? 5.0 : -5.0) + 0.1 * std::cos(i * 0.7));
            s.x.push_back(0.1 * std::sin(i * 0.7));
            s.y.push_back(label);
        }
        s.rows = 40;
        const ModelReport r = trainBaseline(baselineFromKey(model.toStdString()).value(), s, s, TrainOptions{5, 1}).value();
        QCOMPARE(r.grid.front().cvAccuracy, 1.0);
        int tied = 0;
        for (const GridPoint& g : r.grid)
            tied += g.cvAccuracy == 1.0 ? 1 : 0;
        QVERIFY2(tied > static_cast<int>(r.grid.size()) / 2, qPrintable(QString("%1 of %2 tied").arg(tied).arg(r.grid.size())));
        QString best;
        for (const HyperParameter& h : r.best)
            best += QString(best.isEmpty() ? "" : ", ") + QString::fromStdString(h.name + "=" + h.value);
        QVERIFY2(best.startsWith(first), qPrintable(best));
        QCOMPARE(r.best[0].value, r.grid.front().params[0].value);
    }

    void sameSeedSameMetrics_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("logistic") << "logistic";
        QTest::newRow("svm") << "svm";
        QTest::newRow("mlp") << "mlp";
    }
    void sameSeedSameMetrics()
    {
        QFETCH(QString, model);
        const auto kind = baselineFromKey(model.toStdString()).value();
        const Split s = splitOf("wine", 0.3, 11);
        const ModelReport a = trainBaseline(kind, s.train, s.test, TrainOptions{4, 11}).value();
        const ModelReport b = trainBaseline(kind, s.train, s.test, TrainOptions{4, 11}).value();
        QCOMPARE(a.predictions, b.predictions);
        QCOMPARE(a.metrics.accuracy, b.metrics.accuracy);
        QCOMPARE(a.metrics.rocAuc, b.metrics.rocAuc);
        QCOMPARE(a.grid.size(), b.grid.size());
        for (std::size_t i = 0; i < a.grid.size(); ++i)
            QCOMPARE(a.grid[i].cvAccuracy, b.grid[i].cvAccuracy);
    }

    void gridsAreTheDocumentedOnes()
    {
        const Split s = splitOf("iris", 0.3, 3);
        const ModelReport svm = trainBaseline(BaselineKind::Svm, s.train, s.test, TrainOptions{3, 3}).value();
        // C ∈ {0.1, 0.316, …, 1000} (9) × γ ∈ {scale, 0.001, 0.00316, …, 10} (10).
        QCOMPARE(svm.grid.size(), std::size_t(90));
        QCOMPARE(svm.grid.front().params[0].value, std::string("0.1"));
        QVERIFY(svm.grid.front().params[1].value.rfind("scale (0.25)", 0) == 0); // 1/(4 features · var 1)
        QCOMPARE(svm.grid[1].params[1].value, std::string("0.001"));
        QCOMPARE(svm.grid[2].params[1].value, std::string("0.00316"));
        QCOMPARE(svm.grid[9].params[1].value, std::string("10"));
        QCOMPARE(svm.grid[10].params[0].value, std::string("0.316"));
        QCOMPARE(svm.grid.back().params[0].value, std::string("1000"));
        const ModelReport lr = trainBaseline(BaselineKind::Logistic, s.train, s.test, TrainOptions{3, 3}).value();
        QCOMPARE(lr.grid.size(), std::size_t(13)); // C = 10^(k/2), k = −6..6
        QCOMPARE(lr.grid.front().params[0].value, std::string("0.001"));
        QCOMPARE(lr.grid[1].params[0].value, std::string("0.00316"));
        QCOMPARE(lr.grid[6].params[0].value, std::string("1"));
        QCOMPARE(lr.grid.back().params[0].value, std::string("1000"));
        const ModelReport mlp = trainBaseline(BaselineKind::Mlp, s.train, s.test, TrainOptions{3, 3}).value();
        QCOMPARE(mlp.grid.size(), std::size_t(10)); // hidden ∈ {8, 32} × α ∈ {10, 1, 0.1, 0.01, 1e-4}
        QCOMPARE(mlp.grid.front().params[1].value, std::string("10"));
        QCOMPARE(mlp.grid[4].params[1].value, std::string("0.0001"));
        QCOMPARE(mlp.grid.back().params[0].value, std::string("32"));
        // The reported best point is the first grid point attaining the maximum.
        for (const ModelReport* r : {&svm, &lr, &mlp}) {
            double bestCv = 0;
            for (const GridPoint& g : r->grid)
                bestCv = std::max(bestCv, g.cvAccuracy);
            std::size_t first = 0;
            while (r->grid[first].cvAccuracy < bestCv - 1e-9)
                ++first;
            for (std::size_t i = 0; i < r->best.size(); ++i)
                QCOMPARE(r->best[i].value, r->grid[first].params[i].value);
        }
    }

    void logisticGradientVanishesAtTheOptimum()
    {
        // Binary logistic regression on standardised 1-D data: at the optimum of
        // Σ CE + w²/(2C), the gradient Σ (p_i − y_i) x_i + w/C = 0 and Σ (p_i − y_i) = 0.
        Samples s;
        s.features = 1;
        s.classes = 2;
        const double xs[] = {-2, -1.5, -1, -0.2, 0.1, 0.3, 1, 1.4, 2, -0.5};
        const int ys[] = {0, 0, 0, 1, 0, 1, 1, 1, 1, 1};
        for (int i = 0; i < 10; ++i) {
            s.x.push_back(xs[i]);
            s.y.push_back(ys[i]);
        }
        s.rows = 10;
        const double c = 0.7;
        const std::vector<double> p = fitAndScore(BaselineKind::Logistic, s, s, {c}, 1).value();
        // Recover the model's 1-D weight on standardised x from two probabilities (logit linear).
        const Standardizer st = fitStandardizer(s);
        const Samples z = st.apply(s);
        auto logit = [&](int i) { return std::log(p[2 * i + 1] / p[2 * i]); };
        const double w = (logit(1) - logit(0)) / (z.x[1] - z.x[0]);
        double g0 = 0, g1 = 0;
        for (int i = 0; i < 10; ++i) {
            const double r = p[2 * i + 1] - ys[i];
            g0 += r;
            g1 += r * z.x[static_cast<std::size_t>(i)];
        }
        // The softmax weight difference w = w₁ − w₀ with ridge on both: ∂/∂w₁ gives Σ r x + w₁/C = 0,
        // and w₀ = −w₁ at the optimum, so Σ r x + w/(2C) = 0.
        QVERIFY2(std::abs(g0) < 1e-4, qPrintable(QString::number(g0)));
        QVERIFY2(std::abs(g1 + w / (2 * c)) < 1e-6, qPrintable(QString::number(g1 + w / (2 * c))));
    }

    void svmSeparatesAndScoresRankCorrectly()
    {
        // Two well-separated clusters: the RBF SVM classifies perfectly and class-1 scores are
        // higher for points nearer class 1.
        Samples s;
        s.features = 2;
        s.classes = 2;
        for (int i = 0; i < 20; ++i) {
            const double t = i * 0.3;
            const int label = i % 2;
            s.x.push_back((label ? 3.0 : -3.0) + 0.3 * std::cos(t));
            s.x.push_back(0.3 * std::sin(t));
            s.y.push_back(label);
        }
        s.rows = 20;
        Samples probe;
        probe.features = 2;
        probe.classes = 2;
        probe.rows = 3;
        probe.x = {-3, 0, 0.5, 0, 3, 0};
        probe.y = {0, 1, 1};
        const auto scores = fitAndScore(BaselineKind::Svm, s, probe, {10, 0}, 1).value();
        QVERIFY(scores[1] < 0 && scores[5] > 0);
        QVERIFY(scores[1] < scores[3] && scores[3] < scores[5]);
        QCOMPARE(scores[0], -scores[1]);
    }

    void errorsAreReported()
    {
        Samples a;
        a.features = 2;
        a.classes = 2;
        a.rows = 4;
        a.x = {0, 0, 1, 1, 0, 1, 1, 0};
        a.y = {0, 0, 1, 1};
        Samples b = a;
        b.features = 1;
        b.x = {0, 1, 2, 3};
        auto r = trainBaseline(BaselineKind::Logistic, a, b, TrainOptions{});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("feature counts") != std::string::npos);
        auto folds = trainBaseline(BaselineKind::Logistic, a, a, TrainOptions{5, 1});
        QVERIFY(!folds.ok());
        QVERIFY(folds.error().message.find("fewer than the 5 folds") != std::string::npos);
        const Dataset iris = loadBuiltinDataset("iris").value();
        auto outer = nestedCrossValidation(BaselineKind::Logistic, iris.samples, 51, TrainOptions{5, 1});
        QVERIFY(!outer.ok());
        QVERIFY2(outer.error().message.find("51 folds") != std::string::npos, outer.error().message.c_str());
        auto inner = nestedCrossValidation(BaselineKind::Logistic, iris.samples, 10, TrainOptions{46, 1});
        QVERIFY(!inner.ok());
        QVERIFY2(inner.error().message.find("outer fold 1") != std::string::npos, inner.error().message.c_str());
        Samples empty;
        empty.classes = 2;
        QVERIFY(!nestedCrossValidation(BaselineKind::Svm, empty, 10, TrainOptions{}).ok());
    }
};

QTEST_GUILESS_MAIN(TestBaseline)
#include "tst_baseline.moc"
