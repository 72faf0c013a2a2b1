// tests/readiness/tst_readiness.cpp — the scorecard: each dimension's score and rating against
// hand-computed values of the documented mappings (docs/readiness.md; boundary values at the
// thresholds, clamping), the gap's 1σ rule, the verdict rules, the what-if scales acting through
// the models, the "what would have to change" numbers re-checked with independent arithmetic,
// editable thresholds, inputsFor on the realistic fixture, and the JSON and text outputs.
#include "core/readiness/readiness.h"

#include "support/pilot_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::readiness;

Q_DECLARE_METATYPE(qpilot::readiness::Rating)
Q_DECLARE_METATYPE(qpilot::readiness::Verdict)

namespace {

// Every dimension green (score 100) under the default objectives and thresholds.
Inputs goodInputs()
{
    Inputs in;
    in.device = "test_device";
    in.modelKind = "kernel";
    in.mitigationPlan = "zne(richardson 1,3,5; 2q folding)";
    in.shots = 1000;
    in.features = 4;
    in.successProbability = 0.9;
    in.mitigatedError = 0.01;
    in.unmitigatedError = 0.1;
    in.shotMultiplier = 12.25;
    in.timeMultiplier = 3;
    in.twoQubitGates = 40;
    in.depth = 60;
    in.twoQubitGrowthPerFeature = 10;
    in.quantumAccuracy = 0.97;
    in.noisyAccuracy = 0.96;
    in.baselineAccuracy = 0.95;
    in.gapUncertainty = 0.02;
    in.testRows = 200;
    in.trainingExecutions = 1e4;
    in.projectedTrainingExecutions = 1e5;
    in.costPer1kUsd = 2;
    in.classicalPer1kUsd = 1.65e-7;
    in.latencySeconds = 0.3;
    in.accuracySpread = 0.005;
    in.seeds = 3;
    in.provenanceComplete = true;
    in.reproduced = true;
    in.circuitVersioned = true;
    in.exportsPresent = true;
    return in;
}

const DimensionScore& dim(const Scorecard& c, Dimension d) { return c.dimensions[size_t(d)]; }

int count(const Scorecard& c, Rating r)
{
    int n = 0;
    for (const DimensionScore& d : c.dimensions)
        n += d.rating == r;
    return n;
}

const Change* changeOf(const Scorecard& c, Dimension d, const std::string& what)
{
    for (const Change& ch : c.changes)
        if (ch.dimension == d && ch.what == what)
            return &ch;
    return nullptr;
}

bool near(double a, double b, double tol = 1e-6) { return std::fabs(a - b) <= tol; }

} // namespace

class TestReadiness : public QObject {
    Q_OBJECT
private slots:
    void keys()
    {
        QCOMPARE(int(allDimensions().size()), kDimensionCount);
        QCOMPARE(std::string(dimensionKey(Dimension::BaselineGap)), std::string("baseline_gap"));
        QCOMPARE(std::string(dimensionTitle(Dimension::InferenceEconomics)), std::string("Inference economics"));
        QCOMPARE(std::string(ratingKey(Rating::Amber)), std::string("amber"));
        QCOMPARE(std::string(verdictKey(Verdict::ContinuePiloting)), std::string("continue_piloting"));
        QCOMPARE(std::string(verdictTitle(Verdict::ProductionReady)), std::string("Production-ready"));
    }

    void allGreenIsProductionReady()
    {
        const Scorecard c = score(goodInputs(), pilot::Objectives{}, Thresholds{});
        QCOMPARE(int(c.dimensions.size()), kDimensionCount);
        for (int i = 0; i < kDimensionCount; ++i) {
            QCOMPARE(int(c.dimensions[size_t(i)].dimension), i);
            QVERIFY2(c.dimensions[size_t(i)].score == 100, c.dimensions[size_t(i)].rationale.c_str());
            QVERIFY(!c.dimensions[size_t(i)].rationale.empty());
            QVERIFY(!c.dimensions[size_t(i)].threshold.empty());
        }
        QCOMPARE(c.overall, 100.0);
        QCOMPARE(c.verdict, Verdict::ProductionReady);
        QVERIFY(c.changes.empty());
        QVERIFY(c.conditions.empty());
    }

    // Each row changes one measured number of goodInputs() and checks that dimension's score
    // (hand-computed from the documented mapping) and rating.
    void dimensionScores_data()
    {
        QTest::addColumn<int>("dimension");
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("expected");
        QTest::addColumn<Rating>("rating");
        const int hw = int(Dimension::HardwareReliability), mit = int(Dimension::MitigationOverhead),
                  enc = int(Dimension::EncodingCost), gap = int(Dimension::BaselineGap),
                  train = int(Dimension::TrainingScaling), cost = int(Dimension::InferenceEconomics),
                  lat = int(Dimension::Latency), rep = int(Dimension::Reproducibility);
        // 1. linear: success 0.3 → 0, 0.9 → 100; green from 0.72, red below 0.54
        QTest::newRow("hw 1.0 clamps at 100") << hw << "success" << 1.0 << 100.0 << Rating::Green;
        QTest::newRow("hw 0.6 → 50") << hw << "success" << 0.6 << 50.0 << Rating::Amber;
        QTest::newRow("hw 0.7201 green") << hw << "success" << 0.7201 << 70.0166667 << Rating::Green;
        QTest::newRow("hw 0.7199 amber") << hw << "success" << 0.7199 << 69.9833333 << Rating::Amber;
        QTest::newRow("hw 0.5401 amber") << hw << "success" << 0.5401 << 40.0166667 << Rating::Amber;
        QTest::newRow("hw 0.5399 red") << hw << "success" << 0.5399 << 39.9833333 << Rating::Red;
        QTest::newRow("hw 0.2 clamps at 0") << hw << "success" << 0.2 << 0.0 << Rating::Red;
        // mitigated error: linear 0.5 → 0, 0.05 → 100; the weaker of the two parts counts
        QTest::newRow("hw error 0.275 → 50") << hw << "mitigatedError" << 0.275 << 50.0 << Rating::Amber;
        // 2. log: ×3 → 100, ×100 → 0 (needed: noisy accuracy below baseline − 0.02)
        QTest::newRow("mit 12.25 needed") << mit << "shotMultiplierNeeded" << 12.25 << 59.8776438 << Rating::Amber;
        QTest::newRow("mit 3 needed") << mit << "shotMultiplierNeeded" << 3.0 << 100.0 << Rating::Green;
        QTest::newRow("mit 100 needed") << mit << "shotMultiplierNeeded" << 100.0 << 0.0 << Rating::Red;
        QTest::newRow("mit 1000 clamps") << mit << "shotMultiplierNeeded" << 1000.0 << 0.0 << Rating::Red;
        QTest::newRow("mit 12.25 not needed") << mit << "shotMultiplier" << 12.25 << 100.0 << Rating::Green;
        // 3. log: 50 → 100, 1000 → 0
        QTest::newRow("enc 66") << enc << "twoQubitGates" << 66.0 << 90.7324250 << Rating::Green;
        QTest::newRow("enc 190") << enc << "twoQubitGates" << 190.0 << 55.4365696 << Rating::Amber;
        QTest::newRow("enc 1000") << enc << "twoQubitGates" << 1000.0 << 0.0 << Rating::Red;
        QTest::newRow("enc 0") << enc << "twoQubitGates" << 0.0 << 100.0 << Rating::Green;
        // 4. linear three-point: −0.15 → 0, objective −0.02 → 70, 0 → 100 (σ = 0.02 in goodInputs)
        QTest::newRow("gap +0.05") << gap << "gap" << 0.05 << 100.0 << Rating::Green;
        QTest::newRow("gap -0.01") << gap << "gap" << -0.01 << 85.0 << Rating::Green;
        QTest::newRow("gap -0.03") << gap << "gap" << -0.03 << 64.6153846 << Rating::Amber;
        QTest::newRow("gap -0.2 clamps") << gap << "gap" << -0.2 << 0.0 << Rating::Red;
        // 5. log: 1e6 → 100, 1e10 → 0
        QTest::newRow("train 5e9") << train << "projected" << 5e9 << 7.5257499 << Rating::Red;
        QTest::newRow("train 1e8") << train << "projected" << 1e8 << 50.0 << Rating::Amber;
        QTest::newRow("train 1e11") << train << "projected" << 1e11 << 0.0 << Rating::Red;
        // 6. log three-point on cost/objective: 0.5 → 100, 1 → 70, 10 → 0 (objective $10)
        QTest::newRow("cost $5") << cost << "cost" << 5.0 << 100.0 << Rating::Green;
        QTest::newRow("cost $7.07") << cost << "cost" << 7.0710678 << 85.0 << Rating::Green;
        QTest::newRow("cost $10 = objective") << cost << "cost" << 10.0 << 70.0 << Rating::Green;
        QTest::newRow("cost $20") << cost << "cost" << 20.0 << 48.9279003 << Rating::Amber;
        QTest::newRow("cost $26.8 amber") << cost << "cost" << 26.82 << 40.0078859 << Rating::Amber;
        QTest::newRow("cost $26.9 red") << cost << "cost" << 26.9 << 39.9173404 << Rating::Red;
        QTest::newRow("cost $1000 clamps") << cost << "cost" << 1000.0 << 0.0 << Rating::Red;
        // 7. the same mapping on latency/objective (objective 1 s)
        QTest::newRow("latency 1 s") << lat << "latency" << 1.0 << 70.0 << Rating::Green;
        QTest::newRow("latency 2 s") << lat << "latency" << 2.0 << 48.9279003 << Rating::Amber;
        QTest::newRow("latency 60.9 s") << lat << "latency" << 60.9 << 0.0 << Rating::Red;
        // 8. linear three-point on spread/tolerance: 0.5 → 100, 1 → 70, 3 → 0 (tolerance 0.02)
        QTest::newRow("spread 0.01") << rep << "spread" << 0.01 << 100.0 << Rating::Green;
        QTest::newRow("spread 0.015") << rep << "spread" << 0.015 << 85.0 << Rating::Green;
        QTest::newRow("spread 0.02") << rep << "spread" << 0.02 << 70.0 << Rating::Green;
        QTest::newRow("spread 0.04") << rep << "spread" << 0.04 << 35.0 << Rating::Red;
        QTest::newRow("spread 0.08 clamps") << rep << "spread" << 0.08 << 0.0 << Rating::Red;
    }
    void dimensionScores()
    {
        QFETCH(int, dimension);
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(double, expected);
        QFETCH(Rating, rating);
        Inputs in = goodInputs();
        if (field == "success")
            in.successProbability = value;
        else if (field == "mitigatedError")
            in.mitigatedError = value;
        else if (field == "shotMultiplierNeeded") {
            in.noisyAccuracy = 0.90;   // below 0.95 − 0.02: mitigation is needed
            in.shotMultiplier = value;
        } else if (field == "shotMultiplier")
            in.shotMultiplier = value;
        else if (field == "twoQubitGates")
            in.twoQubitGates = int(value);
        else if (field == "gap") {
            in.noisyAccuracy = in.baselineAccuracy + value;
            in.gapUncertainty = 0.005;
        } else if (field == "projected")
            in.projectedTrainingExecutions = value;
        else if (field == "cost")
            in.costPer1kUsd = value;
        else if (field == "latency")
            in.latencySeconds = value;
        else if (field == "spread")
            in.accuracySpread = value;
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        const DimensionScore& d = c.dimensions[size_t(dimension)];
        QVERIFY2(near(d.score, expected, 1e-3), (std::to_string(d.score) + " vs " + std::to_string(expected)).c_str());
        QCOMPARE(d.rating, rating);
        QVERIFY(!d.rationale.empty());
    }

    // Dimension 4: a shortfall within 1σ of the objective is at least amber.
    void gapUncertainty_data()
    {
        QTest::addColumn<double>("gap");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("expected");
        QTest::addColumn<Rating>("rating");
        QTest::newRow("-0.085 ± 0.01: red (35)") << -0.085 << 0.01 << 35.0 << Rating::Red;
        QTest::newRow("-0.085 ± 0.07: within 1σ → amber (40)") << -0.085 << 0.07 << 40.0 << Rating::Amber;
        QTest::newRow("-0.14 ± 0.125: within 1σ → amber") << -0.14 << 0.125 << 40.0 << Rating::Amber;
        QTest::newRow("-0.14 ± 0.11: beyond 1σ → red (~5.4)") << -0.14 << 0.11 << 5.3846154 << Rating::Red;
        QTest::newRow("-0.06 ± 0.01: amber by score") << -0.06 << 0.01 << 48.4615385 << Rating::Amber;
    }
    void gapUncertainty()
    {
        QFETCH(double, gap);
        QFETCH(double, sigma);
        QFETCH(double, expected);
        QFETCH(Rating, rating);
        Inputs in = goodInputs();
        in.noisyAccuracy = in.baselineAccuracy + gap;
        in.gapUncertainty = sigma;
        const DimensionScore d = dim(score(in, pilot::Objectives{}, Thresholds{}), Dimension::BaselineGap);
        QVERIFY2(near(d.score, expected, 1e-4), std::to_string(d.score).c_str());
        QCOMPARE(d.rating, rating);
        QVERIFY(d.rationale.find("1σ") != std::string::npos);
    }

    void unknownLatencyAndSingleSeedCapAtAmber()
    {
        Inputs in = goodInputs();
        in.latencySeconds.reset();
        in.latencyCompile = 0.1;
        in.latencyNetwork = 0.2;   // lower bound 0.3 s would score 100
        in.seeds = 1;
        in.accuracySpread = 0;
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        QCOMPARE(dim(c, Dimension::Latency).rating, Rating::Amber);
        QCOMPARE(dim(c, Dimension::Latency).score, 69.0);
        QVERIFY(dim(c, Dimension::Latency).measured.find("≥") != std::string::npos);
        QCOMPARE(dim(c, Dimension::Reproducibility).rating, Rating::Amber);
        QVERIFY(changeOf(c, Dimension::Reproducibility, "seeds"));
    }

    void operational_data()
    {
        QTest::addColumn<bool>("provenance");
        QTest::addColumn<bool>("reproduced");
        QTest::addColumn<bool>("versioned");
        QTest::addColumn<bool>("exports");
        QTest::addColumn<double>("expected");
        QTest::addColumn<Rating>("rating");
        QTest::newRow("all") << true << true << true << true << 100.0 << Rating::Green;
        QTest::newRow("not reproduced") << true << false << true << true << 70.0 << Rating::Green;
        QTest::newRow("not reproduced, no exports") << true << false << true << false << 55.0 << Rating::Amber;
        QTest::newRow("provenance missing caps red") << false << true << true << true << 39.0 << Rating::Red;
        QTest::newRow("nothing") << false << false << false << false << 0.0 << Rating::Red;
    }
    void operational()
    {
        QFETCH(bool, provenance);
        QFETCH(bool, reproduced);
        QFETCH(bool, versioned);
        QFETCH(bool, exports);
        QFETCH(double, expected);
        QFETCH(Rating, rating);
        Inputs in = goodInputs();
        in.provenanceComplete = provenance;
        in.reproduced = reproduced;
        in.circuitVersioned = versioned;
        in.exportsPresent = exports;
        if (!provenance)
            in.provenanceMissing = {"dataset fingerprint"};
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        QCOMPARE(dim(c, Dimension::OperationalReadiness).score, expected);
        QCOMPARE(dim(c, Dimension::OperationalReadiness).rating, rating);
        QCOMPARE(changeOf(c, Dimension::OperationalReadiness, "reproduced") != nullptr, !reproduced);
        if (!provenance)
            QVERIFY(dim(c, Dimension::OperationalReadiness).rationale.find("dataset fingerprint") != std::string::npos);
    }

    // Verdict rules (docs/readiness.md): production-ready = no red and ≤ 2 amber; not ready =
    // a red critical dimension out of reach of a feasible change (÷3) or more than 2 reds;
    // otherwise continue piloting with one condition per non-green dimension.
    void verdicts_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<int>("conditions");
        QTest::newRow("all green") << "green" << Verdict::ProductionReady << 0;
        QTest::newRow("two amber") << "two amber" << Verdict::ProductionReady << 0;
        QTest::newRow("three amber") << "three amber" << Verdict::ContinuePiloting << 3;
        QTest::newRow("cost red, ×2.8 fixable") << "cost red fixable" << Verdict::ContinuePiloting << 1;
        QTest::newRow("cost red, ×50") << "cost red far" << Verdict::NotReady << 0;
        QTest::newRow("training red (not critical)") << "training red" << Verdict::ContinuePiloting << 1;
        QTest::newRow("three reds") << "three reds" << Verdict::NotReady << 0;
        QTest::newRow("hardware red, 2q ÷2.5 fixable") << "hardware fixable" << Verdict::ContinuePiloting << 1;
        QTest::newRow("hardware red, unreachable") << "hardware unreachable" << Verdict::NotReady << 0;
        QTest::newRow("gap red beyond 2σ") << "gap far" << Verdict::NotReady << 0;
        QTest::newRow("gap red within 2σ") << "gap near" << Verdict::ContinuePiloting << 2;   // + mitigation amber
        QTest::newRow("latency red, queue fixable") << "latency queue" << Verdict::ContinuePiloting << 1;
        QTest::newRow("latency red, execution too slow") << "latency exec" << Verdict::NotReady << 0;
    }
    void verdicts()
    {
        QFETCH(QString, scenario);
        QFETCH(Verdict, verdict);
        QFETCH(int, conditions);
        Inputs in = goodInputs();
        if (scenario == "two amber") {
            in.twoQubitGates = 190;           // encoding 55
            in.projectedTrainingExecutions = 1e8;   // training 50
        } else if (scenario == "three amber") {
            in.twoQubitGates = 190;
            in.projectedTrainingExecutions = 1e8;
            in.costPer1kUsd = 20;             // economics 49
        } else if (scenario == "cost red fixable") {
            in.costPer1kUsd = 28;             // ratio 2.8 ≤ 3, score 38.7
        } else if (scenario == "cost red far") {
            in.costPer1kUsd = 500;
        } else if (scenario == "training red") {
            in.projectedTrainingExecutions = 5e9;
        } else if (scenario == "three reds") {
            in.projectedTrainingExecutions = 5e9;
            in.twoQubitGates = 1000;
            in.accuracySpread = 0.08;
        } else if (scenario == "hardware fixable") {
            in.successProbability = 0.5;
            in.twoQubitError = 8e-3;
            in.twoQubitGatesForModel = 60;
        } else if (scenario == "hardware unreachable") {
            in.successProbability = 0.5;
            in.twoQubitError = 2e-3;
            in.twoQubitGatesForModel = 50;
        } else if (scenario == "gap far") {
            in.noisyAccuracy = in.baselineAccuracy - 0.12;
            in.gapUncertainty = 0.01;
        } else if (scenario == "gap near") {
            in.noisyAccuracy = in.baselineAccuracy - 0.12;
            in.gapUncertainty = 0.055;        // −0.12 + 2·0.055 ≥ −0.02 (but + 1σ is not)
        } else if (scenario == "latency queue") {
            in.latencySeconds = 60.9;
            in.latencyCompile = 0.1;
            in.latencyQueue = 60;
            in.latencyNetwork = 0.6;
            in.latencyExecution = 0.2;
        } else if (scenario == "latency exec") {
            in.latencySeconds = 8;
            in.latencyCompile = 0.1;
            in.latencyQueue = 0;
            in.latencyNetwork = 0.6;
            in.latencyExecution = 7.3;
        }
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        QVERIFY2(c.verdict == verdict, c.verdictSentence.c_str());
        QCOMPARE(int(c.conditions.size()), conditions);
        QCOMPARE(int(c.conditions.size()), verdict == Verdict::ContinuePiloting ? count(c, Rating::Red) + count(c, Rating::Amber) : 0);
        QCOMPARE(c.blockers.empty(), verdict != Verdict::NotReady);
        QVERIFY(c.verdictSentence.find(verdictTitle(verdict)) == 0);
        // a red critical dimension caps the overall score below green
        const bool criticalRed = dim(c, Dimension::HardwareReliability).rating == Rating::Red ||
                                 dim(c, Dimension::BaselineGap).rating == Rating::Red ||
                                 dim(c, Dimension::InferenceEconomics).rating == Rating::Red ||
                                 dim(c, Dimension::Latency).rating == Rating::Red;
        if (criticalRed)
            QVERIFY(c.overall < 70);
    }

    void overallIsWeightedMean()
    {
        Inputs in = goodInputs();
        in.twoQubitGates = 190;                 // encoding 55.4365696, weight 1
        in.projectedTrainingExecutions = 1e8;   // training 50, weight 1
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        // weights 1.5, 1, 1, 2, 1, 1.5, 1.5, 1, 0.5 (sum 11)
        QVERIFY(near(c.overall, (100 * 9 + 55.4365696 + 50) / 11, 1e-5));
    }

    // Hardware: the 2q error the model says reaches the green edge really does, through the
    // what-if scale and through independent arithmetic of the success model.
    void requiredTwoQubitError()
    {
        Inputs in = goodInputs();
        in.successProbability = 0.5;
        in.twoQubitError = 8e-3;
        in.twoQubitGatesForModel = 60;
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        const Change* ch = changeOf(c, Dimension::HardwareReliability, "two-qubit error");
        QVERIFY(ch && ch->reachable);
        QVERIFY(near(ch->fromValue, 8e-3));
        QVERIFY(near(ch->toValue, 0.0031720551, 1e-9));
        // independent: F_rest = 0.5 / (1 − 1.25·8e-3)^60; F_rest·(1 − 1.25·r*)^60 = 0.72
        const double fRest = 0.5 / std::pow(1 - 0.01, 60);
        QVERIFY(near(fRest * std::pow(1 - 1.25 * ch->toValue, 60), 0.72, 1e-9));
        Inputs what = in;
        what.twoQubitErrorScale = ch->toValue / 8e-3;
        QVERIFY(near(effective(what).successProbability, 0.72, 1e-9));
        const Scorecard c2 = score(what, pilot::Objectives{}, Thresholds{});
        QVERIFY(near(dim(c2, Dimension::HardwareReliability).score, 70, 1e-6));
        what.twoQubitErrorScale *= 1.01;
        QCOMPARE(dim(score(what, pilot::Objectives{}, Thresholds{}), Dimension::HardwareReliability).rating, Rating::Amber);
        // unreachable: even perfect 2q gates leave 0.5/(1 − 0.0025)^50 = 0.567 < 0.72
        in.twoQubitError = 2e-3;
        in.twoQubitGatesForModel = 50;
        const Change* ch2 = changeOf(score(in, pilot::Objectives{}, Thresholds{}), Dimension::HardwareReliability, "two-qubit error");
        QVERIFY(ch2);
        QVERIFY(!score(in, pilot::Objectives{}, Thresholds{}).changes.front().reachable);
        QVERIFY(score(in, pilot::Objectives{}, Thresholds{}).changes.front().sentence.find("0.57") != std::string::npos);
    }

    // Cost is linear in price and (assumed) proportional to shots: halving the price halves the
    // cost; the computed price scale and shot count flip cost exactly to the green edge.
    void costWhatIf()
    {
        Inputs in = goodInputs();
        in.costPer1kUsd = 40;
        in.priceName = "IBM Pay-As-You-Go";
        in.priceRateUsd = 1.6;
        in.priceUnit = "second";
        Inputs half = in;
        half.priceScale = 0.5;
        QCOMPARE(effective(half).costPer1kUsd, 20.0);
        QCOMPARE(dim(score(in, pilot::Objectives{}, Thresholds{}), Dimension::InferenceEconomics).rating, Rating::Red);
        QCOMPARE(dim(score(half, pilot::Objectives{}, Thresholds{}), Dimension::InferenceEconomics).rating, Rating::Amber);
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        const Change* price = changeOf(c, Dimension::InferenceEconomics, "price scale");
        QVERIFY(price);
        QCOMPARE(price->toValue, 0.25);   // $40 → $10
        QVERIFY(price->sentence.find("$0.40 per second") != std::string::npos);
        Inputs flipped = in;
        flipped.priceScale = price->toValue;
        QVERIFY(near(effective(flipped).costPer1kUsd, 10));
        QCOMPARE(dim(score(flipped, pilot::Objectives{}, Thresholds{}), Dimension::InferenceEconomics).rating, Rating::Green);
        flipped.priceScale = 0.26;
        QCOMPARE(dim(score(flipped, pilot::Objectives{}, Thresholds{}), Dimension::InferenceEconomics).rating, Rating::Amber);
        const Change* shots = changeOf(c, Dimension::InferenceEconomics, "shots per circuit");
        QVERIFY(shots && shots->reachable);
        QCOMPARE(shots->toValue, 250.0);
        Inputs fewer = in;
        fewer.shotScale = shots->toValue / in.shots;
        QVERIFY(near(effective(fewer).costPer1kUsd, 10));
        QCOMPARE(dim(score(fewer, pilot::Objectives{}, Thresholds{}), Dimension::InferenceEconomics).rating, Rating::Green);
        // shots cannot get there when even one shot costs more than the objective
        in.costPer1kUsd = 1e5;
        QVERIFY(!changeOf(score(in, pilot::Objectives{}, Thresholds{}), Dimension::InferenceEconomics, "shots per circuit")->reachable);
    }

    // Latency: the queue what-if replaces the queue time; shotScale scales the execution part.
    void latencyWhatIf()
    {
        Inputs in = goodInputs();
        pilot::Objectives o;
        o.maxLatencySeconds = 2;
        in.latencySeconds = 61;   // 0.125 + 60 + 0.625 + 0.25 (exact binary fractions)
        in.latencyCompile = 0.125;
        in.latencyQueue = 60;
        in.latencyNetwork = 0.625;
        in.latencyExecution = 0.25;
        const Scorecard c = score(in, o, Thresholds{});
        QCOMPARE(dim(c, Dimension::Latency).rating, Rating::Red);
        const Change* q = changeOf(c, Dimension::Latency, "queue time");
        QVERIFY(q && q->reachable);
        QCOMPARE(q->toValue, 1.0);   // 2 s − (0.125 + 0.625 + 0.25)
        Inputs what = in;
        what.queueSeconds = q->toValue;
        QCOMPARE(*effective(what).latencySeconds, 2.0);
        QCOMPARE(dim(score(what, o, Thresholds{}), Dimension::Latency).rating, Rating::Green);
        QCOMPARE(dim(score(what, o, Thresholds{}), Dimension::Latency).score, 70.0);
        what.queueSeconds = 0;
        what.shotScale = 2;   // execution 0.25 → 0.5: 0.125 + 0 + 0.625 + 0.5 = 1.25 s
        QCOMPARE(*effective(what).latencySeconds, 1.25);
        QCOMPARE(effective(what).costPer1kUsd, 4.0);
    }

    // Unknown execution time with a queue already within reach: the change asks for the execution
    // time to be measured, not for a longer "fall" of the queue.
    void latencyUnknownExecution()
    {
        Inputs in = goodInputs();
        pilot::Objectives o;
        o.maxLatencySeconds = 2;
        in.latencySeconds = std::nullopt;
        in.latencyCompile = 0.125;
        in.latencyQueue = 0;
        in.latencyNetwork = 0.625;
        in.latencyExecution = std::nullopt;
        const Scorecard c = score(in, o, Thresholds{});
        QCOMPARE(dim(c, Dimension::Latency).rating, Rating::Amber);   // capped: unknown execution
        QVERIFY(!changeOf(c, Dimension::Latency, "queue time"));
        const Change* e = changeOf(c, Dimension::Latency, "execution time");
        QVERIFY(e && e->reachable);
        QVERIFY2(e->sentence.find("not published and must be measured") != std::string::npos, e->sentence.c_str());
        QVERIFY2(e->sentence.find("750 ms") != std::string::npos, e->sentence.c_str());   // 0.125 + 0 + 0.625
        // A queue longer than the objective still asks for the queue to fall.
        in.latencyQueue = 60;
        const Scorecard queued = score(in, o, Thresholds{});
        const Change* q = changeOf(queued, Dimension::Latency, "queue time");
        QVERIFY(q && q->reachable);
        QCOMPARE(q->toValue, 1.25);   // 2 − (0.125 + 0.625)
    }

    void otherChanges()
    {
        Inputs in = goodInputs();
        in.twoQubitGates = 190;   // green needs ≤ 10^(3 − 0.7·log10(20)) = 122.6
        in.twoQubitGrowthPerFeature = 45.2;
        in.projectedTrainingExecutions = 4999950000.0;
        in.trainRows = 398;
        in.noisyAccuracy = 0.90;  // objective 0.93
        in.gapUncertainty = 0.01;
        const Scorecard c = score(in, pilot::Objectives{}, Thresholds{});
        const Change* enc = changeOf(c, Dimension::EncodingCost, "two-qubit gates");
        QVERIFY(enc);
        QVERIFY(near(enc->toValue, std::pow(10.0, 3 - 0.7 * std::log10(20.0)), 1e-9));
        QVERIFY(enc->sentence.find("at most 2 features") != std::string::npos);   // floor(4 − 67.4/45.2) = 2
        const Change* tr = changeOf(c, Dimension::TrainingScaling, "training executions");
        QVERIFY(tr);
        QVERIFY(near(tr->toValue, std::pow(10.0, 10 - 0.7 * 4), 1e-3));   // 1e7.2 = 1.585e7
        // kernel ∝ n²: rows = 1e5 · sqrt(1.585e7 / 5e9) = 5630
        QVERIFY(tr->sentence.find("5630") != std::string::npos);
        const Change* gap = changeOf(c, Dimension::BaselineGap, "quantum accuracy");
        QVERIFY(gap);
        QVERIFY(near(gap->toValue, 0.93));
        const Change* mit = changeOf(c, Dimension::MitigationOverhead, "mitigation overhead");
        QVERIFY(mit);
        QVERIFY(near(mit->toValue, 8.589836120408869, 1e-9));
        Inputs what = in;
        what.shotMultiplier = mit->toValue;
        QVERIFY(near(dim(score(what, pilot::Objectives{}, Thresholds{}), Dimension::MitigationOverhead).score, 70, 1e-6));
    }

    // The thresholds are editable and change ratings.
    void editableThresholds()
    {
        Inputs in = goodInputs();
        in.successProbability = 0.7;
        Thresholds t;
        QCOMPARE(dim(score(in, pilot::Objectives{}, t), Dimension::HardwareReliability).rating, Rating::Amber);
        t.successGood = 0.8;   // (0.7 − 0.3)/0.5 = 80
        QCOMPARE(dim(score(in, pilot::Objectives{}, t), Dimension::HardwareReliability).score, 80.0);
        QCOMPARE(dim(score(in, pilot::Objectives{}, t), Dimension::HardwareReliability).rating, Rating::Green);
        t = Thresholds{};
        t.bands.green = 60;   // 66.7 is now green
        QCOMPARE(dim(score(in, pilot::Objectives{}, t), Dimension::HardwareReliability).rating, Rating::Green);
        t = Thresholds{};
        t.maxAmberForProduction = 0;
        in.successProbability = 0.6;
        QCOMPARE(score(in, pilot::Objectives{}, t).verdict, Verdict::ContinuePiloting);
        QCOMPARE(score(in, pilot::Objectives{}, Thresholds{}).verdict, Verdict::ProductionReady);
        // objectives move the green edge of cost: $20 is green under a $20 objective
        pilot::Objectives o;
        o.maxCostPer1kUsd = 20;
        in = goodInputs();
        in.costPer1kUsd = 20;
        QCOMPARE(dim(score(in, o, Thresholds{}), Dimension::InferenceEconomics).score, 70.0);
    }

    void editableWeightsAndRedLimit()
    {
        Inputs in = goodInputs();
        in.projectedTrainingExecutions = 1e8;   // training 50
        Thresholds t;
        t.weights.fill(0);
        t.weights[size_t(Dimension::TrainingScaling)] = 1;   // overall = the training score alone
        QVERIFY(near(score(in, pilot::Objectives{}, t).overall, 50, 1e-9));
        // two non-critical reds: continue piloting; with maxRedForPiloting 1: not ready
        in.projectedTrainingExecutions = 5e9;
        in.twoQubitGates = 1000;
        QCOMPARE(score(in, pilot::Objectives{}, Thresholds{}).verdict, Verdict::ContinuePiloting);
        t = Thresholds{};
        t.maxRedForPiloting = 1;
        const Scorecard c = score(in, pilot::Objectives{}, t);
        QCOMPARE(c.verdict, Verdict::NotReady);
        QVERIFY(c.blockers.back().find("2 dimensions are red") != std::string::npos);
        // a larger fixable factor turns a far cost miss into a condition
        Inputs cost = goodInputs();
        cost.costPer1kUsd = 50;
        QCOMPARE(score(cost, pilot::Objectives{}, Thresholds{}).verdict, Verdict::NotReady);
        t = Thresholds{};
        t.fixableFactor = 5;
        QCOMPARE(score(cost, pilot::Objectives{}, t).verdict, Verdict::ContinuePiloting);
    }

    // inputsFor on the realistic fixture, against arithmetic on the fixture's own numbers.
    void inputsFromRun()
    {
        const pilot::PilotRun run = test::fixtureRun();
        const pilot::Pilot p = test::fixturePilot();
        const Inputs in = inputsFor(run, p, 0);
        QCOMPARE(in.device, std::string("ibm_torino"));
        QCOMPARE(in.successProbability, 0.597);
        QVERIFY(near(in.mitigatedError, 0.021, 1e-12));
        QVERIFY(near(in.unmitigatedError, 0.176, 1e-12));
        QVERIFY(in.twoQubitError && near(*in.twoQubitError, 0.0041));   // torino profile median
        QVERIFY(near(in.twoQubitGrowthPerFeature, 45.2, 1e-9));         // least squares over the curve
        QCOMPARE(in.baselineAccuracy, 0.977);
        QVERIFY(near(in.gapUncertainty, std::sqrt(0.936 * 0.064 / 171 + 0.977 * 0.023 / 171), 1e-12));
        QVERIFY(near(in.projectedTrainingExecutions, 1e5 * 99999 / 2, 1e-3));   // kernel: P(P−1)/2
        QCOMPARE(in.priceName, std::string("IBM Pay-As-You-Go"));
        QCOMPARE(in.priceUnit, std::string("second"));
        QCOMPARE(in.priceRateUsd, 1.6);
        QVERIFY(in.provenanceComplete);
        QVERIFY(in.circuitVersioned);
        QVERIFY(!in.reproduced);
        QVERIFY(!in.calibrationSpread);
        QCOMPARE(in.seeds, 3);
        const Inputs aria = inputsFor(run, p, 1, RunContext{true, false, true});
        QVERIFY(!aria.latencySeconds);
        QVERIFY(aria.reproduced && !aria.circuitVersioned && aria.exportsPresent);
        // VQC projects linearly: 40·105·49 executions × 1e5/105
        const Inputs v = inputsFor(test::fixtureVqcRun(), test::fixtureVqcPilot(), 0);
        QVERIFY(near(v.projectedTrainingExecutions, 40.0 * 49 * 1e5, 1e-3));
        // two calibration snapshots of one backend give a calibration spread
        pilot::PilotRun snap = run;
        snap.devices[1] = snap.devices[0];
        snap.devices[1].deviceId = "ibm_torino@2025-02-26";
        snap.devices[1].noisyAccuracy = 0.9;
        const Inputs s = inputsFor(snap, p, 0);
        QCOMPARE(s.calibrationSnapshots, 2);
        QVERIFY(s.calibrationSpread && near(*s.calibrationSpread, 0.036, 1e-12));
        // missing provenance is named
        pilot::PilotRun bare = run;
        bare.datasetFingerprint.clear();
        const Inputs b = inputsFor(bare, p, 0);
        QVERIFY(!b.provenanceComplete);
        QCOMPARE(b.provenanceMissing, std::vector<std::string>{"dataset fingerprint"});
    }

    void scoreFixtureRun()
    {
        const RunScorecards cards = scoreRun(test::fixtureRunWithFailedDevice(), test::fixturePilotWithFailedDevice());
        QCOMPARE(int(cards.cards.size()), 2);   // the failed device has no card
        QCOMPARE(cards.cards[0].deviceIndex, 0);
        QCOMPARE(cards.cards[1].deviceIndex, 1);
        QVERIFY(cards.best >= 0);
        const Scorecard& t = cards.cards[0];
        // $104,163 per 1k vs $10: ×10,416, far beyond the ÷3 a feasible price change gives
        QCOMPARE(dim(t, Dimension::InferenceEconomics).rating, Rating::Red);
        QCOMPARE(t.verdict, Verdict::NotReady);
        QVERIFY(dim(t, Dimension::InferenceEconomics).rationale.find("$104,163") != std::string::npos);
        QVERIFY(dim(t, Dimension::HardwareReliability).rationale.find("success probability 0.597 on ibm_torino is below the 0.72 green threshold") != std::string::npos);
        // the required 2q error for torino, checked against the success model directly
        const Change* ch = changeOf(t, Dimension::HardwareReliability, "two-qubit error");
        QVERIFY(ch);
        if (ch->reachable) {
            const double fRest = 0.597 / std::pow(1 - 1.25 * 0.0041, 66);
            QVERIFY(near(fRest * std::pow(1 - 1.25 * ch->toValue, 66), 0.72, 1e-9));
        }
        QCOMPARE(dim(t, Dimension::Reproducibility).rating, Rating::Green);   // 0.012 vs 0.02
        QCOMPARE(dim(cards.cards[1], Dimension::Latency).rating, Rating::Red);    // ≥ 60.6 s without execution time
    }

    void json()
    {
        const RunScorecards cards = scoreRun(test::fixtureRun(), test::fixturePilot());
        const std::string text = scorecardsToJson(cards);
        QCOMPARE(scorecardsToJson(cards), text);   // deterministic
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        QCOMPARE(o["best"].toInt(), cards.best);
        QCOMPARE(o["verdict"].toString(), QString("not_ready"));
        const QJsonArray a = o["cards"].toArray();
        QCOMPARE(a.size(), 2);
        const QJsonArray dims = a[0].toObject()["dimensions"].toArray();
        QCOMPARE(dims.size(), kDimensionCount);
        QCOMPARE(dims[5].toObject()["key"].toString(), QString("inference_economics"));
        QCOMPARE(dims[5].toObject()["rating"].toString(), QString("red"));
        QCOMPARE(dims[0].toObject()["score"].toDouble(), cards.cards[0].dimensions[0].score);
        QCOMPARE(a[0].toObject()["inputs"].toObject()["cost_per_1k_usd"].toDouble(), 104163.2);
        QVERIFY(a[1].toObject()["inputs"].toObject()["latency_seconds"].isNull());
    }

    void text()
    {
        const RunScorecards cards = scoreRun(test::fixtureRun(), test::fixturePilot());
        const std::string t = formatScorecard(cards.cards[0]);
        if (qEnvironmentVariableIsSet("QPILOT_PRINT")) { printf("%s\n%s\n", t.c_str(), formatScorecard(cards.cards[1]).c_str()); }
        for (Dimension d : allDimensions())
            QVERIFY2(t.find(dimensionTitle(d)) != std::string::npos, dimensionTitle(d));
        QVERIFY(t.find("Not ready") != std::string::npos);
        QVERIFY(t.find("What would have to change") != std::string::npos);
    }

    void formatting()
    {
        QCOMPARE(formatUsd(41.2), std::string("$41.20"));
        QCOMPARE(formatUsd(104163.2), std::string("$104,163"));
        QCOMPARE(formatUsd(133633985.0), std::string("$134 M"));
        QCOMPARE(formatUsd(1534258.0), std::string("$1.53 M"));
        QCOMPARE(formatUsd(24.1e6), std::string("$24.1 M"));
        QCOMPARE(formatUsd(2.41e9), std::string("$2.41 B"));
        QCOMPARE(formatUsd(3e12), std::string("$3.00e+12"));
        QCOMPARE(formatUsd(0.4), std::string("$0.40"));
        QCOMPARE(formatUsd(0.0035), std::string("$0.0035"));
        QCOMPARE(formatUsd(1.65e-7), std::string("$1.65e-07"));
        QCOMPARE(formatSeconds(0.85), std::string("850 ms"));
        QCOMPARE(formatSeconds(127.7), std::string("2.1 min"));
        QCOMPARE(formatNumber(0.0412), std::string("0.0412"));
        QCOMPARE(formatNumber(5e9), std::string("5.00e+09"));
    }
};

QTEST_GUILESS_MAIN(TestReadiness)
#include "tst_readiness.moc"
