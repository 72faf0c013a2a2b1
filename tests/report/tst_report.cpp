// tests/report/tst_report.cpp — the structure of the report document built from the hand-made
// runs of tests/support/pilot_fixture.h: section order and headings, the cover, every chart
// non-empty with axis labels (units) and a caption, tables whose rows match the devices, the
// executive summary quoting the run's numbers, and missing data (a failed device, no VQC loss,
// no encoding curve, no completed device) handled without empty charts.
#include "core/report/report.h"

#include "support/pilot_fixture.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::report;

namespace {

const Section* section(const Document& d, const std::string& heading)
{
    for (const Section& s : d.sections)
        if (s.heading == heading)
            return &s;
    return nullptr;
}

template <class T>
std::vector<const T*> blocks(const Section& s)
{
    std::vector<const T*> out;
    for (const Block& b : s.blocks)
        if (const T* t = std::get_if<T>(&b))
            out.push_back(t);
    return out;
}

template <class T>
std::vector<const T*> blocks(const Document& d)
{
    std::vector<const T*> out;
    for (const Section& s : d.sections)
        for (const T* t : blocks<T>(s))
            out.push_back(t);
    return out;
}

std::string text(const Section& s)
{
    std::string all;
    for (const Paragraph* p : blocks<Paragraph>(s))
        all += p->text + "\n";
    return all;
}

const Chart* chart(const Document& d, const std::string& title)
{
    for (const Chart* c : blocks<Chart>(d))
        if (c->title == title)
            return c;
    return nullptr;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

Document build(const pilot::PilotRun& run, const pilot::Pilot& pilot, const ReportOptions& o = {})
{
    return buildReport(run, pilot, readiness::scoreRun(run, pilot), "42", o);
}

// The structural rules every document must satisfy, checked independently of the builder.
void checkWellFormed(const Document& d)
{
    QCOMPARE(int(d.sections.size()), int(sectionHeadings().size()));
    for (size_t i = 0; i < d.sections.size(); ++i)
        QCOMPARE(d.sections[i].heading, sectionHeadings()[i]);
    for (const Chart* c : blocks<Chart>(d)) {
        QVERIFY2(!c->title.empty(), "chart without title");
        QVERIFY2(!c->xLabel.empty() && !c->yLabel.empty(), c->title.c_str());
        QVERIFY2(contains(c->yLabel, "(") && contains(c->yLabel, ")"), ("y axis without unit: " + c->title).c_str());
        QVERIFY2(!c->caption.empty(), c->title.c_str());
        QVERIFY2(!c->series.empty(), ("empty chart: " + c->title).c_str());
        const bool categorical = c->kind != ChartKind::Line && c->kind != ChartKind::Scatter;
        bool any = false;
        for (const Series& s : c->series) {
            QVERIFY2(!s.name.empty(), c->title.c_str());
            if (categorical)
                QCOMPARE(s.y.size(), c->categories.size());
            else
                QCOMPARE(s.x.size(), s.y.size());
            if (!s.error.empty())
                QCOMPARE(s.error.size(), s.y.size());
            for (double v : s.y) {
                QVERIFY2(std::isfinite(v), c->title.c_str());
                if (c->logY)
                    QVERIFY2(v > 0, ("non-positive value on a log axis: " + c->title).c_str());
                any = true;
            }
        }
        QVERIFY2(any, ("chart without values: " + c->title).c_str());
        if (categorical)
            QVERIFY2(!c->categories.empty(), c->title.c_str());
    }
    for (const Table* t : blocks<Table>(d)) {
        QVERIFY(!t->header.empty());
        QVERIFY(!t->caption.empty());
        QVERIFY2(!t->rows.empty(), t->caption.c_str());
        for (const auto& row : t->rows)
            QCOMPARE(row.size(), t->header.size());
        QVERIFY(t->rowRatings.empty() || t->rowRatings.size() == t->rows.size());
        QVERIFY(t->numericColumns.empty() || t->numericColumns.size() == t->header.size());
    }
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void headings()
    {
        const std::vector<std::string> h = sectionHeadings();
        QCOMPARE(h.front(), std::string("Executive summary"));
        QCOMPARE(h.back(), std::string("Appendix: provenance and assumptions"));
        QCOMPARE(int(h.size()), 10);
    }

    void wellFormed_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("kernel, two devices") << "kernel";
        QTest::newRow("kernel, failed device") << "failed";
        QTest::newRow("vqc") << "vqc";
        QTest::newRow("vqc without loss") << "vqc-noloss";
        QTest::newRow("no encoding curve") << "nocurve";
        QTest::newRow("every device failed") << "allfailed";
        QTest::newRow("run failed at baselines") << "stopped";
    }
    void wellFormed()
    {
        QFETCH(QString, variant);
        pilot::PilotRun run = test::fixtureRun();
        pilot::Pilot p = test::fixturePilot();
        if (variant == "failed") {
            run = test::fixtureRunWithFailedDevice();
            p = test::fixturePilotWithFailedDevice();
        } else if (variant.startsWith("vqc")) {
            run = test::fixtureVqcRun();
            p = test::fixtureVqcPilot();
            if (variant == "vqc-noloss")
                run.trainingLoss.clear();
        } else if (variant == "nocurve") {
            run.encodingCurve.clear();
        } else if (variant == "allfailed") {
            for (pilot::DeviceOutcome& d : run.devices)
                d.error = "transpile: device too small";
        } else if (variant == "stopped") {
            run.status = pilot::RunStatus::Failed;
            run.stopReason = "baseline: a class has fewer training rows than folds";
            run.devices.clear();
            run.encodingCurve.clear();
            run.seeds.clear();
            run.baselines.clear();
            run.bestBaseline = -1;
        }
        checkWellFormed(build(run, p));
    }

    void cover()
    {
        const pilot::PilotRun run = test::fixtureRun();
        const pilot::Pilot p = test::fixturePilot();
        const readiness::RunScorecards cards = readiness::scoreRun(run, p);
        ReportOptions o;
        o.generatedAt = "2026-11-24T12:00:00Z";
        const Document d = buildReport(run, p, cards, "42", o);
        QCOMPARE(d.title, std::string("Quantum ML pilot readiness report"));
        QCOMPARE(d.subtitle, p.title);
        QCOMPARE(d.generatedAt, o.generatedAt);
        QCOMPARE(d.runId, std::string("42"));
        QVERIFY(contains(d.footer, "run 42") && contains(d.footer, "seed 7"));
        // both devices are not ready (cost ×10⁴–10⁵ over the objective); the best is the higher overall
        QCOMPARE(d.verdict, std::string("Not ready"));
        QCOMPARE(d.verdictRating, int(readiness::Rating::Red));
        const readiness::Scorecard& best = cards.cards[size_t(cards.best)];
        QCOMPARE(d.verdictSentence, best.verdictSentence);
        QCOMPARE(int(d.coverFigures.size()), 4);
        QCOMPARE(d.coverFigures[0].label, std::string("Best device"));
        const pilot::DeviceOutcome& dev = run.devices[size_t(best.deviceIndex)];
        QCOMPARE(d.coverFigures[0].value, dev.deviceName);
        QCOMPARE(d.coverFigures[1].value, readiness::formatNumber(dev.noisyAccuracy) + " vs 0.977");
        QCOMPARE(d.coverFigures[2].label, std::string("Cost per 1k inferences"));
        QCOMPARE(d.coverFigures[2].value, std::string(dev.deviceId == "ibm_torino" ? "$104,163" : "$5.64 M"));
        QVERIFY(contains(d.coverFigures[2].note, "$10.00"));
        QCOMPARE(d.coverFigures[2].rating, int(readiness::Rating::Red));
        QCOMPARE(d.coverFigures[3].label, std::string("Latency per inference"));
    }

    void executiveSummaryQuotesTheRun()
    {
        const pilot::PilotRun run = test::fixtureRunWithFailedDevice();
        const pilot::Pilot p = test::fixturePilotWithFailedDevice();
        const readiness::RunScorecards cards = readiness::scoreRun(run, p);
        const Document d = buildReport(run, p, cards, "", {});
        const Section* s = section(d, "Executive summary");
        QVERIFY(s);
        const std::string t = text(*s);
        QVERIFY(contains(t, "569 rows"));
        QVERIFY(contains(t, "398 train / 171 test rows"));
        QVERIFY(contains(t, "**Verdict: Not ready.**"));
        const readiness::Scorecard& best = cards.cards[size_t(cards.best)];
        const pilot::DeviceOutcome& dev = run.devices[size_t(best.deviceIndex)];
        QVERIFY(contains(t, "noisy test accuracy of " + readiness::formatNumber(dev.noisyAccuracy)));
        QVERIFY(contains(t, "against 0.977 for the best tuned baseline (logistic)"));
        QVERIFY(contains(t, readiness::formatUsd(dev.costPer1kUsd) + " with mitigation"));
        QVERIFY(contains(t, "$10.00 objective"));
        QVERIFY(contains(t, "**Why it is not ready:**"));
        for (const std::string& b : best.blockers)
            QVERIFY(contains(t, b));
        QVERIFY(contains(t, "IonQ Forte-1 did not complete"));
        // the other scored device is mentioned with its own verdict
        QVERIFY(contains(t, cards.cards[size_t(1 - cards.best)].verdictSentence));
    }

    void tablesMatchDevices()
    {
        const pilot::PilotRun run = test::fixtureRunWithFailedDevice();
        const Document d = build(run, test::fixturePilotWithFailedDevice());
        const auto comparison = blocks<Table>(*section(d, "Device comparison"));
        QCOMPARE(int(comparison.size()), 1);
        QCOMPARE(comparison[0]->rows.size(), run.devices.size());   // every device, the failed one marked
        QVERIFY(contains(comparison[0]->rows[2].back(), "failed: transpile"));
        QCOMPARE(comparison[0]->rowRatings[2], int(readiness::Rating::Red));
        QCOMPARE(comparison[0]->rows[0][2], std::string("66"));
        QCOMPARE(comparison[0]->rows[1][4], std::string("0.707"));
        // scorecard: one table per scored device, nine rows each, ratings per row; radar of 9 axes
        const auto score = blocks<Table>(*section(d, "Readiness scorecard"));
        QCOMPARE(int(score.size()), 2);
        for (const Table* t : score) {
            QCOMPARE(int(t->rows.size()), readiness::kDimensionCount);
            QCOMPARE(int(t->rowRatings.size()), readiness::kDimensionCount);
            QCOMPARE(t->header, (std::vector<std::string>{"Dimension", "Score", "Rating", "Measured", "Threshold", "Rationale"}));
        }
        const Chart* radar = chart(d, "Readiness profile per device");
        QVERIFY(radar);
        QCOMPARE(radar->kind, ChartKind::Radar);
        QCOMPARE(int(radar->categories.size()), readiness::kDimensionCount);
        QCOMPARE(int(radar->series.size()), 2);
        QCOMPARE(radar->yMax, 100.0);
        // the failed device is in no chart
        for (const Chart* c : blocks<Chart>(d))
            for (const std::string& cat : c->categories)
                QVERIFY2(!contains(cat, "ionq_forte_1"), c->title.c_str());
        // cost and mitigation tables: the completed devices only
        QCOMPARE(blocks<Table>(*section(d, "Cost and latency"))[0]->rows.size(), size_t(2));
        QCOMPARE(blocks<Table>(*section(d, "Error-mitigation overhead"))[0]->rows.size(), size_t(2));
    }

    void costAndLatencyCharts()
    {
        const pilot::PilotRun run = test::fixtureRun();
        const Document d = build(run, test::fixturePilot());
        const Chart* cost = chart(d, "Cost per 1000 inferences");
        QVERIFY(cost);
        QVERIFY(cost->logY);
        QCOMPARE(int(cost->categories.size()), 3);   // two devices + classical
        QCOMPARE(cost->series[0].y[0], 104163.2);
        QCOMPARE(cost->series[1].y[0], 34723.2);
        QCOMPARE(cost->series[0].y[2], run.classicalPer1kUsd);
        QCOMPARE(cost->referenceLines.size(), size_t(1));
        QCOMPARE(cost->referenceLines[0].second, 10.0);
        const Chart* lat = chart(d, "Latency of one inference, by component");
        QVERIFY(lat);
        QCOMPARE(lat->kind, ChartKind::StackedBar);
        QCOMPARE(int(lat->series.size()), 4);
        // torino: compile + queue + network + execution = the recorded total
        double sum = 0;
        for (const Series& s : lat->series)
            sum += s.y[0];
        QVERIFY(std::fabs(sum - *run.devices[0].latencySeconds) < 1e-9);
        QVERIFY(contains(lat->caption, "unknown") && contains(lat->caption, "ionq_aria_1"));
        const Chart* enc = chart(d, "Two-qubit gates vs encoded features");
        QVERIFY(enc);
        QCOMPARE(int(enc->series.size()), 3);   // logical + two devices
        QCOMPARE(enc->series[1].y[2], 66.0);
        const Chart* mit = chart(d, "Observable: ideal, noisy and mitigated");
        QVERIFY(mit);
        QCOMPARE(mit->series[2].error[0], 0.031);
    }

    void quantumVsClassical()
    {
        const Document k = build(test::fixtureRun(), test::fixturePilot());
        const Section* s = section(k, "Quantum vs classical");
        const Chart* acc = chart(k, "Test accuracy per model");
        QVERIFY(acc);
        // 3 baselines + ideal quantum + 2 devices
        QCOMPARE(int(acc->categories.size()), 6);
        QVERIFY(std::fabs(acc->series[0].error[0] - std::sqrt(0.977 * 0.023 / 171)) < 1e-12);
        QVERIFY(acc->yMin > 0 && acc->yMin < 0.9);
        QVERIFY(!chart(k, "VQC training loss"));
        bool concentration = false;
        for (const Table* t : blocks<Table>(*s))
            concentration = concentration || contains(t->caption, "Kernel concentration");
        QVERIFY(concentration);

        const Document v = build(test::fixtureVqcRun(), test::fixtureVqcPilot());
        const Chart* loss = chart(v, "VQC training loss");
        QVERIFY(loss);
        QCOMPARE(int(loss->series[0].x.size()), 40);
        QCOMPARE(loss->series[0].x.front(), 1.0);

        pilot::PilotRun noLoss = test::fixtureVqcRun();
        noLoss.trainingLoss.clear();
        const Document n = build(noLoss, test::fixtureVqcPilot());
        QVERIFY(!chart(n, "VQC training loss"));
        QVERIFY(contains(text(*section(n, "Quantum vs classical")), "VQC training loss: not shown — the run recorded no training loss."));
    }

    void reproducibilityAndAppendix()
    {
        ReportOptions o;
        o.resultDigest = "ab12cd34";
        o.reproduced = true;
        const pilot::PilotRun run = test::fixtureRun();
        const Document d = build(run, test::fixturePilot(), o);
        const Section* r = section(d, "Reproducibility");
        const std::string t = text(*r);
        QVERIFY(contains(t, "spread (max − min) 0.012"));
        QVERIFY(contains(t, "tolerance of 0.02 — within tolerance"));
        QVERIFY(contains(t, "ab12cd34"));
        QVERIFY(contains(t, "confirmed the results bit-identical"));
        const Chart* seeds = chart(d, "Test accuracy per seed");
        QVERIFY(seeds);
        QCOMPARE(seeds->series[0].y, (std::vector<double>{0.953, 0.947, 0.959}));
        QVERIFY(std::fabs(seeds->referenceLines[0].second - (0.947 + 0.02)) < 1e-12);

        const Section* a = section(d, "Appendix: provenance and assumptions");
        const Table* prov = blocks<Table>(*a)[0];
        std::map<std::string, std::string> kv;
        for (const auto& row : prov->rows)
            kv[row[0]] = row[1];
        QCOMPARE(kv["Run id"], std::string("42"));
        QCOMPARE(kv["Seed"], std::string("7"));
        QCOMPARE(kv["Dataset fingerprint (SHA-256)"], run.datasetFingerprint);
        QCOMPARE(kv["Circuit hash (SHA-256 of the OpenQASM)"], run.circuitHash);
        QCOMPARE(kv["Result digest"], std::string("ab12cd34"));
        QVERIFY(contains(kv["Price: ibm_torino"], "2026-05-25"));
        QVERIFY(contains(kv["Calibration: ionq_aria_1"], "[S13]"));
        QCOMPARE(blocks<Table>(*a)[1]->rows.size(), run.stages.size());
        QVERIFY(contains(text(*a), "IonQ Aria publishes no shot rate"));
    }

    void changesSection()
    {
        const pilot::PilotRun run = test::fixtureRun();
        const pilot::Pilot p = test::fixturePilot();
        const readiness::RunScorecards cards = readiness::scoreRun(run, p);
        const Document d = buildReport(run, p, cards, "", {});
        const std::string t = text(*section(d, "What would have to change"));
        for (const readiness::Scorecard& c : cards.cards)
            for (const readiness::Change& ch : c.changes)
                QVERIFY2(contains(t, ch.sentence), ch.sentence.c_str());
        QVERIFY(contains(t, "two-qubit error would have to fall from 0.0041"));
    }

    // QPILOT_PRINT=1 prints the fixture's document as text (for looking at it, not a check).
    void print()
    {
        if (!qEnvironmentVariableIsSet("QPILOT_PRINT"))
            QSKIP("set QPILOT_PRINT=1 to print the document");
        const Document d = build(test::fixtureRunWithFailedDevice(), test::fixturePilotWithFailedDevice());
        std::printf("%s\n%s\nVERDICT %s: %s\n", d.title.c_str(), d.subtitle.c_str(), d.verdict.c_str(), d.verdictSentence.c_str());
        for (const KeyFigure& k : d.coverFigures)
            std::printf("  [%s] %s — %s (rating %d)\n", k.label.c_str(), k.value.c_str(), k.note.c_str(), k.rating);
        for (const Section& s : d.sections) {
            std::printf("\n== %s ==\n", s.heading.c_str());
            for (const Block& b : s.blocks) {
                if (const auto* p = std::get_if<Paragraph>(&b))
                    std::printf("%s\n", p->text.c_str());
                else if (const auto* t = std::get_if<Table>(&b)) {
                    std::printf("[table] %s\n", t->caption.c_str());
                    for (const auto& row : t->rows) {
                        std::string line;
                        for (const auto& cell : row)
                            line += cell + " | ";
                        std::printf("   %s\n", line.c_str());
                    }
                } else if (const auto* c = std::get_if<Chart>(&b)) {
                    std::printf("[chart] %s; x: %s; y: %s%s; %zu series, %zu categories\n   caption: %s\n", c->title.c_str(),
                                c->xLabel.c_str(), c->yLabel.c_str(), c->logY ? " (log)" : "", c->series.size(),
                                c->categories.size(), c->caption.c_str());
                }
            }
        }
    }

    void noDeviceCompleted()
    {
        pilot::PilotRun run = test::fixtureRun();
        for (pilot::DeviceOutcome& dv : run.devices)
            dv.error = "transpile: device too small";
        const Document d = build(run, test::fixturePilot());
        QCOMPARE(d.verdict, std::string("Not ready"));
        QVERIFY(d.coverFigures.empty());
        QVERIFY(contains(text(*section(d, "Executive summary")), "No device produced a scorecard"));
        QVERIFY(!chart(d, "Readiness profile per device"));
        QVERIFY(!chart(d, "Cost per 1000 inferences"));
        QCOMPARE(blocks<Table>(*section(d, "Device comparison"))[0]->rows.size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
