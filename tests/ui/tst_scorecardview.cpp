// tests/ui/tst_scorecardview.cpp — the scorecard view (ui/scorecard) on the fixture runs: the best
// device is selected first; moving a what-if slider re-scores to exactly readiness::score on
// inputs built independently (inputsFor + the slider's scale); a price what-if flips the
// verdict of ionq_aria_1 (queue removed: not ready → continue piloting); Reset restores the
// measured card; device switches keep the what-if; the RAG model passes QAbstractItemModelTester.
#include "support/pilot_fixture.h"
#include "core/readiness/readiness.h"
#include "ui/scorecard/chartwidget.h"
#include "ui/scorecard/scorecardview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

using namespace qpilot;
using qpilot::ui::Lever;

Q_DECLARE_METATYPE(qpilot::ui::Lever)

namespace {

int cardIndexOf(const readiness::RunScorecards& cards, const std::string& device)
{
    for (size_t i = 0; i < cards.cards.size(); ++i)
        if (cards.cards[i].device == device)
            return int(i);
    return -1;
}

void compareCards(const readiness::Scorecard& got, const readiness::Scorecard& want)
{
    QCOMPARE(got.dimensions.size(), want.dimensions.size());
    for (size_t i = 0; i < want.dimensions.size(); ++i) {
        QCOMPARE(got.dimensions[i].score, want.dimensions[i].score);
        QCOMPARE(int(got.dimensions[i].rating), int(want.dimensions[i].rating));
        QCOMPARE(got.dimensions[i].rationale, want.dimensions[i].rationale);
    }
    QCOMPARE(got.overall, want.overall);
    QCOMPARE(int(got.verdict), int(want.verdict));
    QCOMPARE(got.verdictSentence, want.verdictSentence);
    QCOMPARE(got.changes.size(), want.changes.size());
}

} // namespace

class TestScorecardView : public QObject {
    Q_OBJECT
private slots:
    void selectsBestDevice()
    {
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        const auto cards = readiness::scoreRun(run, pilot);
        ui::ScorecardView view;
        view.setRun(run, pilot);
        QCOMPARE(view.deviceCount(), int(cards.cards.size()));
        QCOMPARE(view.deviceSelector()->count(), int(cards.cards.size()));
        QCOMPARE(view.currentDevice(), cards.best);
        QCOMPARE(view.deviceSelector()->currentIndex(), cards.best);
        QVERIFY(view.whatIf().isIdentity());
        compareCards(view.current(), cards.cards[size_t(cards.best)]);
        QCOMPARE(view.bannerTitle(), QString::fromUtf8(readiness::verdictTitle(cards.cards[size_t(cards.best)].verdict)));
        QCOMPARE(view.bannerText().toStdString(), cards.cards[size_t(cards.best)].verdictSentence);
        QCOMPARE(view.model()->rowCount(), readiness::kDimensionCount);
        QCOMPARE(view.radar()->chart().series.size(), size_t(1)); // as measured only
        QCOMPARE(view.changeLines().size(), qsizetype(cards.cards[size_t(cards.best)].changes.size()));
    }

    void sliderRescoresLive_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<Lever>("lever");
        QTest::addColumn<int>("position");
        QTest::newRow("torino 2q error ×0.5") << "ibm_torino" << Lever::TwoQubitError << ui::leverScale(Lever::TwoQubitError).positionOf(0.5);
        QTest::newRow("torino 2q error ×0.1") << "ibm_torino" << Lever::TwoQubitError << ui::leverScale(Lever::TwoQubitError).positionOf(0.1);
        QTest::newRow("torino 2q error ×3") << "ibm_torino" << Lever::TwoQubitError << ui::leverScale(Lever::TwoQubitError).positionOf(3);
        QTest::newRow("torino price ×1e-5") << "ibm_torino" << Lever::Price << ui::leverScale(Lever::Price).positionOf(1e-5);
        QTest::newRow("torino shots ×0.01") << "ibm_torino" << Lever::Shots << ui::leverScale(Lever::Shots).positionOf(0.01);
        QTest::newRow("torino queue 0 s") << "ibm_torino" << Lever::Queue << 0;
        QTest::newRow("torino queue ~1 s") << "ibm_torino" << Lever::Queue << ui::leverScale(Lever::Queue).positionOf(1);
        QTest::newRow("aria price ×1e-6") << "ionq_aria_1" << Lever::Price << ui::leverScale(Lever::Price).positionOf(1e-6);
        QTest::newRow("aria 2q error ×0.3") << "ionq_aria_1" << Lever::TwoQubitError << ui::leverScale(Lever::TwoQubitError).positionOf(0.3);
        QTest::newRow("aria queue 0.5 s") << "ionq_aria_1" << Lever::Queue << ui::leverScale(Lever::Queue).positionOf(0.5);
    }
    void sliderRescoresLive()
    {
        QFETCH(QString, device);
        QFETCH(Lever, lever);
        QFETCH(int, position);
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        const readiness::RunContext context;
        const auto cards = readiness::scoreRun(run, pilot, context);
        const int card = cardIndexOf(cards, device.toStdString());
        QVERIFY(card >= 0);
        ui::ScorecardView view;
        view.setRun(run, pilot, context);
        view.setCurrentDevice(card);
        QSignalSpy spy(&view, &ui::ScorecardView::whatIfChanged);
        QSlider* slider = view.whatIfPanel()->slider(lever);
        QVERIFY(slider->isEnabled());
        QVERIFY(slider->value() != position);
        slider->setValue(position);
        QCOMPARE(spy.count(), 1);

        // the scale the slider stands for, then an independent re-score
        const double v = ui::leverScale(lever).valueAt(position);
        readiness::Inputs in = readiness::inputsFor(run, pilot, cards.cards[size_t(card)].deviceIndex, context);
        switch (lever) {
        case Lever::TwoQubitError: QCOMPARE(view.whatIf().twoQubitErrorScale, v); in.twoQubitErrorScale = v; break;
        case Lever::Price: QCOMPARE(view.whatIf().priceScale, v); in.priceScale = v; break;
        case Lever::Shots: QCOMPARE(view.whatIf().shotScale, v); in.shotScale = v; break;
        case Lever::Queue: QCOMPARE(view.whatIf().queueSeconds.value_or(-1), v); in.queueSeconds = v; break;
        }
        const readiness::Scorecard expected = readiness::score(in, pilot.objectives, pilot.thresholds);
        compareCards(view.current(), expected);
        // table, radar and banner show the re-score
        for (int r = 0; r < view.model()->rowCount(); ++r)
            QCOMPARE(view.model()->index(r, ui::ScorecardModel::ScoreColumn).data(ui::ScorecardModel::ScoreRole).toDouble(),
                     expected.dimensions[size_t(r)].score);
        const auto& radar = view.radar()->chart();
        QCOMPARE(radar.series.size(), size_t(2));
        for (size_t i = 0; i < expected.dimensions.size(); ++i) {
            QCOMPARE(radar.series[1].y[i], expected.dimensions[i].score);
            QCOMPARE(radar.series[0].y[i], cards.cards[size_t(card)].dimensions[i].score);
        }
        QCOMPARE(view.bannerText().toStdString(), expected.verdictSentence);
        // the label shows the factor
        const QString label = view.whatIfPanel()->valueLabel(lever)->text();
        if (lever == Lever::Queue)
            QVERIFY2(label.contains(QString::fromStdString(readiness::formatSeconds(v))), qPrintable(label));
        else
            QVERIFY2(label.contains(ui::factorText(v)), qPrintable(label));
    }

    void priceWhatIfFlipsVerdict()
    {
        // ionq_aria_1 of the fixture: with no queue (a reserved session) the cost of $5.6 M per 1k
        // is what keeps it not ready; at prices ×1e-6 cost turns green and it may continue piloting.
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        const auto cards = readiness::scoreRun(run, pilot);
        const int card = cardIndexOf(cards, "ionq_aria_1");
        QVERIFY(card >= 0);
        ui::ScorecardView view;
        view.setRun(run, pilot);
        view.setCurrentDevice(card);
        ui::WhatIf w;
        w.queueSeconds = 0.0;
        view.setWhatIf(w);
        QCOMPARE(int(view.current().verdict), int(readiness::Verdict::NotReady));
        const auto economics = size_t(readiness::Dimension::InferenceEconomics);
        QCOMPARE(int(view.current().dimensions[economics].rating), int(readiness::Rating::Red));

        view.whatIfPanel()->slider(Lever::Price)->setValue(ui::leverScale(Lever::Price).positionOf(1e-6));
        QCOMPARE(int(view.current().dimensions[economics].rating), int(readiness::Rating::Green));
        QCOMPARE(int(view.current().verdict), int(readiness::Verdict::ContinuePiloting));
        QCOMPARE(view.bannerTitle(), QStringLiteral("Continue piloting"));
        // independently
        readiness::Inputs in = readiness::inputsFor(run, pilot, cards.cards[size_t(card)].deviceIndex);
        in.queueSeconds = 0.0;
        in.priceScale = view.whatIf().priceScale;
        QCOMPARE(int(readiness::score(in, pilot.objectives, pilot.thresholds).verdict), int(readiness::Verdict::ContinuePiloting));
        // the measured card is untouched
        QCOMPARE(int(view.measured().verdict), int(cards.cards[size_t(card)].verdict));
    }

    void resetRestoresMeasured()
    {
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        const auto cards = readiness::scoreRun(run, pilot);
        ui::ScorecardView view;
        view.setRun(run, pilot);
        QVERIFY(!view.whatIfPanel()->resetButton()->isEnabled());
        const std::array<int, 4> identity{ui::leverScale(Lever::TwoQubitError).positionOf(1), ui::leverScale(Lever::Price).positionOf(1),
                                          ui::leverScale(Lever::Shots).positionOf(1),
                                          ui::leverScale(Lever::Queue).positionOf(cards.cards[size_t(cards.best)].inputs.latencyQueue)};
        for (Lever l : {Lever::TwoQubitError, Lever::Price, Lever::Shots, Lever::Queue})
            QCOMPARE(view.whatIfPanel()->slider(l)->value(), identity[size_t(l)]);
        view.whatIfPanel()->slider(Lever::Price)->setValue(3);
        view.whatIfPanel()->slider(Lever::TwoQubitError)->setValue(10);
        view.whatIfPanel()->slider(Lever::Queue)->setValue(0);
        QVERIFY(!view.whatIf().isIdentity());
        QVERIFY(view.whatIfPanel()->resetButton()->isEnabled());
        QSignalSpy spy(&view, &ui::ScorecardView::whatIfChanged);
        QTest::mouseClick(view.whatIfPanel()->resetButton(), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QVERIFY(view.whatIf().isIdentity());
        compareCards(view.current(), cards.cards[size_t(cards.best)]);
        for (Lever l : {Lever::TwoQubitError, Lever::Price, Lever::Shots, Lever::Queue})
            QCOMPARE(view.whatIfPanel()->slider(l)->value(), identity[size_t(l)]);
        QCOMPARE(view.radar()->chart().series.size(), size_t(1));
        QVERIFY(!view.whatIfPanel()->resetButton()->isEnabled());
    }

    void exactWhatIfKept()
    {
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        ui::ScorecardView view;
        view.setRun(run, pilot);
        ui::WhatIf w;
        w.priceScale = 3.3e-5; // not on a slider step: kept exactly
        w.shotScale = 0.37;
        w.twoQubitErrorScale = 0.77;
        w.queueSeconds = 12.5;
        QSignalSpy spy(&view, &ui::ScorecardView::whatIfChanged);
        view.setWhatIf(w);
        QCOMPARE(spy.count(), 1);
        QVERIFY(view.whatIf() == w);
        view.setWhatIf(w);
        QCOMPARE(spy.count(), 1); // unchanged: no signal
        readiness::Inputs in = readiness::inputsFor(run, pilot, view.measured().deviceIndex, {});
        in.priceScale = 3.3e-5;
        in.shotScale = 0.37;
        in.twoQubitErrorScale = 0.77;
        in.queueSeconds = 12.5;
        compareCards(view.current(), readiness::score(in, pilot.objectives, pilot.thresholds));
        QCOMPARE(view.whatIfPanel()->slider(Lever::Price)->value(), ui::leverScale(Lever::Price).positionOf(3.3e-5));
    }

    void deviceSwitchKeepsWhatIf()
    {
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        const auto cards = readiness::scoreRun(run, pilot);
        QCOMPARE(cards.cards.size(), size_t(2));
        ui::ScorecardView view;
        view.setRun(run, pilot);
        ui::WhatIf w;
        w.twoQubitErrorScale = 0.5;
        view.setWhatIf(w);
        const int other = 1 - cards.best;
        QSignalSpy spy(&view, &ui::ScorecardView::scorecardChanged);
        view.deviceSelector()->setCurrentIndex(other);
        QVERIFY(spy.count() >= 1);
        QCOMPARE(view.currentDevice(), other);
        QCOMPARE(view.current().device, cards.cards[size_t(other)].device);
        QVERIFY(view.whatIf() == w);
        readiness::Inputs in = readiness::inputsFor(run, pilot, cards.cards[size_t(other)].deviceIndex);
        in.twoQubitErrorScale = 0.5;
        compareCards(view.current(), readiness::score(in, pilot.objectives, pilot.thresholds));
        compareCards(view.measured(), cards.cards[size_t(other)]);
    }

    void failedDeviceIsNotScored()
    {
        ui::ScorecardView view;
        view.setRun(test::fixtureRunWithFailedDevice(), test::fixturePilotWithFailedDevice());
        QCOMPARE(view.deviceCount(), 2);
        for (int i = 0; i < view.deviceSelector()->count(); ++i)
            QVERIFY(!view.deviceSelector()->itemText(i).contains(QStringLiteral("ionq_forte_1")));
    }

    void clearEmpties()
    {
        ui::ScorecardView view;
        view.setRun(test::fixtureRun(), test::fixturePilot());
        view.setWhatIf(ui::WhatIf{0.5, 1, 1, std::nullopt});
        view.clear();
        QCOMPARE(view.deviceCount(), 0);
        QCOMPARE(view.currentDevice(), -1);
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.whatIf().isIdentity());
        QCOMPARE(view.bannerTitle(), QStringLiteral("No scorecard"));
        QVERIFY(!view.deviceSelector()->isEnabled());
    }

    void modelTester()
    {
        ui::ScorecardView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setRun(test::fixtureRun(), test::fixturePilot());
        view.whatIfPanel()->slider(Lever::Price)->setValue(0);
        view.setCurrentDevice(0);
        view.setCurrentDevice(1);
        view.setRun(test::fixtureVqcRun(), test::fixtureVqcPilot());
        view.clear();
        view.setRun(test::fixtureRun(), test::fixturePilot());
        // columns, colours and tooltips
        ui::ScorecardModel* m = view.model();
        QCOMPARE(m->columnCount(), int(ui::ScorecardModel::ColumnCount));
        for (int r = 0; r < m->rowCount(); ++r) {
            const auto& d = view.current().dimensions[size_t(r)];
            QCOMPARE(m->index(r, ui::ScorecardModel::DimensionColumn).data().toString(), QString::fromUtf8(readiness::dimensionTitle(d.dimension)));
            QCOMPARE(m->index(r, ui::ScorecardModel::RatingColumn).data(ui::ScorecardModel::RatingRole).toInt(), int(d.rating));
            QVERIFY(m->index(r, ui::ScorecardModel::MeasuredColumn).data(Qt::ToolTipRole).toString().contains(
                QString::fromStdString(d.rationale).toHtmlEscaped()));
            QCOMPARE(m->index(r, ui::ScorecardModel::RationaleColumn).data().toString().toStdString(), d.rationale);
        }
    }

    void leverScalesRoundTrip_data()
    {
        QTest::addColumn<Lever>("lever");
        QTest::newRow("2q error") << Lever::TwoQubitError;
        QTest::newRow("price") << Lever::Price;
        QTest::newRow("shots") << Lever::Shots;
        QTest::newRow("queue") << Lever::Queue;
    }
    void leverScalesRoundTrip()
    {
        QFETCH(Lever, lever);
        const ui::LeverScale s = ui::leverScale(lever);
        for (int p = 0; p <= s.steps(); ++p)
            QCOMPARE(s.positionOf(s.valueAt(p)), p);
        for (int p = 1; p <= s.steps(); ++p)
            QVERIFY(s.valueAt(p) > s.valueAt(p - 1));
        if (lever != Lever::Queue)
            QCOMPARE(s.valueAt(s.positionOf(1.0)), 1.0); // ×1 is a step
        else
            QCOMPARE(s.valueAt(0), 0.0);
    }
};

QTEST_MAIN(TestScorecardView)
#include "tst_scorecardview.moc"
