// ui/demo/demoslides.cpp — builds the demo-mode slides from a run and its scorecards.
#include "ui/demo/demoslides.h"

#include "ui/scorecard/scorecardview.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace qpilot::ui {

namespace {

using readiness::formatNumber;
using readiness::formatSeconds;
using readiness::formatUsd;

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString num(double v) { return qs(formatNumber(v)); }
QString pct(double fraction) { return QString::number(fraction * 100, 'f', 1) + QStringLiteral(" %"); }
QString count(long long v) { return QLocale(QLocale::English).toString(v); }

const readiness::Scorecard* cardForDevice(const readiness::RunScorecards& cards, int deviceIndex)
{
    for (const readiness::Scorecard& c : cards.cards)
        if (c.deviceIndex == deviceIndex)
            return &c;
    return nullptr;
}

int dimensionRating(const readiness::Scorecard* card, readiness::Dimension d)
{
    if (!card)
        return -1;
    for (const readiness::DimensionScore& s : card->dimensions)
        if (s.dimension == d)
            return int(s.rating);
    return -1;
}

QString bestBaselineName(const pilot::PilotRun& run)
{
    if (run.bestBaseline < 0 || run.bestBaseline >= int(run.baselines.size()))
        return {};
    return qs(run.baselines[size_t(run.bestBaseline)].model);
}

} // namespace

std::vector<DemoSlide> buildDemoSlides(const pilot::PilotRun& run, const pilot::Pilot& pilot, const readiness::RunScorecards& cards)
{
    std::vector<DemoSlide> slides;
    const readiness::Scorecard* best =
        cards.best >= 0 && cards.best < int(cards.cards.size()) ? &cards.cards[size_t(cards.best)] : nullptr;
    const pilot::Objectives& obj = pilot.objectives;

    // 1. title
    {
        DemoSlide s;
        s.key = QStringLiteral("title");
        s.title = qs(pilot.title.empty() ? run.pilotName : pilot.title);
        s.subtitle = QStringLiteral("Quantum ML pilot readiness review");
        QStringList devices;
        for (const pilot::DeviceOutcome& d : run.devices)
            devices << qs(d.deviceId);
        s.figures.push_back({QStringLiteral("Dataset"), qs(run.datasetName), QStringLiteral("%1 rows · %2 features").arg(run.rows).arg(run.features), -1});
        s.figures.push_back({QStringLiteral("Devices compared"), QString::number(run.devices.size()), devices.join(QStringLiteral(", ")), -1});
        s.figures.push_back({QStringLiteral("Run"), qs(run.finishedAt.empty() ? run.startedAt : run.finishedAt).left(10),
                             QStringLiteral("seed %1 · Qpilot %2").arg(run.seed).arg(qs(run.appVersion)), -1});
        if (best) {
            s.verdictRating = int(verdictRating(best->verdict));
            s.verdict = QString::fromUtf8(readiness::verdictTitle(best->verdict));
        }
        slides.push_back(std::move(s));
    }
    // 2. problem
    {
        DemoSlide s;
        s.key = QStringLiteral("problem");
        s.title = QStringLiteral("The question");
        s.subtitle = QStringLiteral("Can a quantum model do this job in production?");
        if (!pilot.description.empty())
            s.paragraphs << qs(pilot.description);
        s.figures.push_back({QStringLiteral("Dataset"), qs(run.datasetName), qs(run.datasetSource), -1});
        s.figures.push_back({QStringLiteral("Samples"), count(run.rows),
                             QStringLiteral("%1 train · %2 test").arg(run.trainRows).arg(run.testRows), -1});
        s.figures.push_back({QStringLiteral("Features"), QString::number(run.features),
                             QStringLiteral("%1 encoded · %2 classes").arg(run.encodedFeatures).arg(run.classes), -1});
        s.bullets << QStringLiteral("Accuracy no worse than %1 percentage points below the best tuned classical model")
                         .arg(QString::number(-obj.minAccuracyDelta * 100, 'g', 3))
                  << QStringLiteral("Cost at most %1 per 1,000 inferences").arg(qs(formatUsd(obj.maxCostPer1kUsd)))
                  << QStringLiteral("Latency at most %1 per inference").arg(qs(formatSeconds(obj.maxLatencySeconds)))
                  << QStringLiteral("Accuracy spread across seeds within %1").arg(num(obj.reproducibilityTolerance))
                  << QStringLiteral("Production scale: %1 training rows, %2 inferences a month")
                         .arg(count(obj.productionRows), count(obj.inferencesPerMonth));
        slides.push_back(std::move(s));
    }
    // 3. circuit
    {
        DemoSlide s;
        s.key = QStringLiteral("circuit");
        s.title = QStringLiteral("The circuit");
        s.subtitle = qs(run.circuitDescription);
        s.circuitQasm = qs(run.circuitQasm);
        int qubits = 0;
        for (const pilot::DeviceOutcome& d : run.devices)
            if (d.error.empty())
                qubits = std::max(qubits, d.logicalQubits);
        s.figures.push_back({QStringLiteral("Qubits"), QString::number(qubits), QStringLiteral("for %1 encoded features").arg(run.encodedFeatures), -1});
        for (size_t i = 0; i < run.devices.size(); ++i) {
            const pilot::DeviceOutcome& d = run.devices[i];
            if (!d.error.empty()) {
                s.figures.push_back({QStringLiteral("On %1").arg(qs(d.deviceId)), QStringLiteral("failed"), qs(d.error), 0});
                continue;
            }
            const readiness::Scorecard* c = cardForDevice(cards, int(i));
            s.figures.push_back({QStringLiteral("2q gates on %1").arg(qs(d.deviceId)), QString::number(d.twoQubitGates),
                                 QStringLiteral("depth %1 · success %2").arg(d.depth).arg(d.successProbabilityKnown ? num(d.successProbability) : QStringLiteral("unknown")),
                                 dimensionRating(c, readiness::Dimension::EncodingCost)});
        }
        if (!run.encodingCurve.empty()) {
            qpilot::report::Chart ch;
            ch.kind = qpilot::report::ChartKind::Line;
            ch.title = "Encoding cost vs features";
            ch.xLabel = "Features";
            ch.yLabel = "Two-qubit gates";
            qpilot::report::Series logical;
            logical.name = "logical";
            for (const pilot::EncodingPoint& p : run.encodingCurve) {
                logical.x.push_back(p.features);
                logical.y.push_back(p.twoQubitGates);
            }
            ch.series.push_back(logical);
            for (const pilot::DeviceOutcome& d : run.devices) {
                qpilot::report::Series se;
                se.name = d.deviceId;
                for (const pilot::EncodingPoint& p : run.encodingCurve)
                    if (auto it = p.transpiledTwoQubitGates.find(d.deviceId); it != p.transpiledTwoQubitGates.end()) {
                        se.x.push_back(p.features);
                        se.y.push_back(it->second);
                    }
                if (!se.y.empty())
                    ch.series.push_back(std::move(se));
            }
            s.chart = ch;
        }
        slides.push_back(std::move(s));
    }
    // 4. results
    {
        DemoSlide s;
        s.key = QStringLiteral("results");
        s.title = QStringLiteral("Quantum vs tuned classical");
        s.subtitle = QStringLiteral("Test accuracy on the same split");
        const double baseAcc = run.bestBaseline >= 0 && run.bestBaseline < int(run.baselines.size())
                                   ? run.baselines[size_t(run.bestBaseline)].metrics.accuracy
                                   : 0.0;
        const int folds = run.bestBaseline >= 0 && run.bestBaseline < int(run.baselines.size()) ? run.baselines[size_t(run.bestBaseline)].folds : 0;
        s.figures.push_back({QStringLiteral("Best classical (%1)").arg(bestBaselineName(run)), pct(baseAcc),
                             folds > 0 ? QStringLiteral("tuned by %1-fold cross-validation").arg(folds) : QStringLiteral("tuned baseline"), -1});
        s.figures.push_back({QStringLiteral("Quantum, noise-free"), pct(run.quantum.metrics.accuracy),
                             QStringLiteral("gap %1 pp").arg(QString::number((run.quantum.metrics.accuracy - baseAcc) * 100, 'f', 1)), -1});
        qpilot::report::Chart ch;
        ch.kind = qpilot::report::ChartKind::Bar;
        ch.yLabel = "Test accuracy (%)";
        qpilot::report::Series se;
        se.name = "accuracy";
        for (const ml::ModelReport& b : run.baselines) {
            ch.categories.push_back(b.model);
            se.y.push_back(b.metrics.accuracy * 100);
        }
        ch.categories.push_back("quantum (ideal)");
        se.y.push_back(run.quantum.metrics.accuracy * 100);
        for (size_t i = 0; i < run.devices.size(); ++i) {
            const pilot::DeviceOutcome& d = run.devices[i];
            if (!d.error.empty())
                continue;
            const readiness::Scorecard* c = cardForDevice(cards, int(i));
            s.figures.push_back({QStringLiteral("Quantum on %1").arg(qs(d.deviceId)), pct(d.noisyAccuracy),
                                 QStringLiteral("gap %1 pp · with device noise").arg(QString::number((d.noisyAccuracy - baseAcc) * 100, 'f', 1)),
                                 dimensionRating(c, readiness::Dimension::BaselineGap)});
            ch.categories.push_back("on " + d.deviceId);
            se.y.push_back(d.noisyAccuracy * 100);
        }
        double lo = 100;
        for (double v : se.y)
            lo = std::min(lo, v);
        ch.series.push_back(se);
        ch.yMin = std::max(0.0, std::floor(lo / 10) * 10 - 10);
        ch.yMax = 100;
        if (baseAcc > 0)
            ch.referenceLines.push_back({"objective", (baseAcc + obj.minAccuracyDelta) * 100});
        s.chart = ch;
        slides.push_back(std::move(s));
    }
    // 5. costs
    {
        DemoSlide s;
        s.key = QStringLiteral("costs");
        s.title = QStringLiteral("What it would cost");
        s.subtitle = QStringLiteral("Per 1,000 inferences with error mitigation, and latency per inference");
        qpilot::report::Chart ch;
        ch.kind = qpilot::report::ChartKind::Bar;
        ch.logY = true;
        ch.yLabel = "Cost per 1k inferences (USD)";
        qpilot::report::Series se;
        se.name = "cost per 1k";
        for (size_t i = 0; i < run.devices.size(); ++i) {
            const pilot::DeviceOutcome& d = run.devices[i];
            if (!d.error.empty())
                continue;
            const readiness::Scorecard* c = cardForDevice(cards, int(i));
            s.figures.push_back({QStringLiteral("Cost per 1k · %1").arg(qs(d.deviceId)), qs(formatUsd(d.costPer1kUsd)),
                                 QStringLiteral("%1 · %2").arg(qs(d.pricePlan.empty() ? d.priceKey : d.pricePlan), qs(d.priceDate)),
                                 dimensionRating(c, readiness::Dimension::InferenceEconomics)});
            ch.categories.push_back(d.deviceId);
            se.y.push_back(d.costPer1kUsd);
        }
        s.figures.push_back({QStringLiteral("Cost per 1k · classical"), qs(formatUsd(run.classicalPer1kUsd)),
                             QStringLiteral("%1 instance").arg(qs(pilot.cost.classicalInstance)), -1});
        ch.categories.push_back("classical");
        se.y.push_back(run.classicalPer1kUsd);
        ch.series.push_back(se);
        ch.referenceLines.push_back({"objective", obj.maxCostPer1kUsd});
        s.chart = ch;
        for (size_t i = 0; i < run.devices.size(); ++i) {
            const pilot::DeviceOutcome& d = run.devices[i];
            if (!d.error.empty())
                continue;
            const readiness::Scorecard* c = cardForDevice(cards, int(i));
            const QString value = d.latencySeconds ? qs(formatSeconds(*d.latencySeconds))
                                                   : QStringLiteral("≥ ") + qs(formatSeconds(d.latencyCompile + d.latencyQueue + d.latencyNetwork));
            s.figures.push_back({QStringLiteral("Latency · %1").arg(qs(d.deviceId)), value,
                                 QStringLiteral("queue %1%2").arg(qs(formatSeconds(d.latencyQueue)),
                                                                   d.latencyExecution ? QString() : QStringLiteral(" · execution time unknown")),
                                 dimensionRating(c, readiness::Dimension::Latency)});
        }
        s.figures.push_back({QStringLiteral("Latency · classical"), qs(formatSeconds(run.classicalLatencySeconds)),
                             QStringLiteral("objective ≤ %1").arg(qs(formatSeconds(obj.maxLatencySeconds))), -1});
        s.bullets << QStringLiteral("Objective: at most %1 per 1,000 inferences and %2 per inference")
                         .arg(qs(formatUsd(obj.maxCostPer1kUsd)), qs(formatSeconds(obj.maxLatencySeconds)));
        slides.push_back(std::move(s));
    }
    // 6. scorecard
    {
        DemoSlide s;
        s.key = QStringLiteral("scorecard");
        s.title = QStringLiteral("Readiness scorecard");
        if (best) {
            s.subtitle = QStringLiteral("%1 · overall %2/100").arg(qs(best->device)).arg(best->overall, 0, 'f', 0);
            s.chart = scorecardRadar(*best);
            s.rag = best->dimensions;
        } else {
            s.subtitle = QStringLiteral("No device was scored");
            s.paragraphs << QStringLiteral("Every device of this run failed; the scorecard needs at least one.");
        }
        slides.push_back(std::move(s));
    }
    // 7. verdict
    {
        DemoSlide s;
        s.key = QStringLiteral("verdict");
        s.title = QStringLiteral("Verdict");
        if (best) {
            s.verdict = QString::fromUtf8(readiness::verdictTitle(best->verdict));
            s.verdictRating = int(verdictRating(best->verdict));
            s.subtitle = QStringLiteral("Best device: %1").arg(qs(best->device));
            s.paragraphs << qs(best->verdictSentence);
            std::vector<const readiness::Change*> changes;
            for (const readiness::Change& c : best->changes)
                if (c.reachable)
                    changes.push_back(&c);
            for (const readiness::Change& c : best->changes)
                if (!c.reachable)
                    changes.push_back(&c);
            for (const readiness::Change* c : changes)
                s.bullets << qs(c->sentence);
        } else {
            s.verdict = QStringLiteral("No verdict");
            s.paragraphs << QStringLiteral("No device produced a scorecard.");
        }
        slides.push_back(std::move(s));
    }
    return slides;
}

} // namespace qpilot::ui
