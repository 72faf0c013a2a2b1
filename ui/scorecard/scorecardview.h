// ui/scorecard/scorecardview.h — entry header of ui/scorecard: the readiness scorecard of a
// pilot run as a product view. A device selector (the run's scored devices, best first
// selected), a verdict banner coloured by verdict (the verdict sentence, its conditions or
// blockers), a radar of the nine dimensions (as measured vs what-if, drawn by the report's
// chart painter), the RAG table (ScorecardModel), the "what would have to change" list, and
// what-if sliders (2q error, price, shots, queue time) that re-score live through
// readiness::score without re-simulating. What-ifs are view state, not document edits.
#pragma once

#include "core/pilot/pilot.h"
#include "core/pilot/run.h"
#include "core/readiness/readiness.h"
#include "core/report/report.h"
#include "ui/scorecard/scorecardmodel.h"
#include "ui/scorecard/whatif.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QFrame;
class QTableView;
class QSplitter;
class QResizeEvent;

namespace qpilot::ui {

class ChartWidget;

// The radar of a scorecard (the nine scores, 0..100) as a report chart; with `whatIf` a second
// series overlays the what-if scores.
qpilot::report::Chart scorecardRadar(const qpilot::readiness::Scorecard& measured,
                                     const qpilot::readiness::Scorecard* whatIf = nullptr);
// Rating shown for a verdict: production-ready green, continue piloting amber, not ready red.
qpilot::readiness::Rating verdictRating(qpilot::readiness::Verdict v);

class ScorecardView : public QWidget {
    Q_OBJECT
public:
    explicit ScorecardView(QWidget* parent = nullptr);

    void setRun(const qpilot::pilot::PilotRun& run, const qpilot::pilot::Pilot& pilot,
                const qpilot::readiness::RunContext& context = {});
    void clear();

    // The scorecard shown (what-if applied) and the device's as-measured scorecard.
    const qpilot::readiness::Scorecard& current() const { return m_current; }
    const qpilot::readiness::Scorecard& measured() const;

    // Scored devices (index into the run's scorecards, not PilotRun::devices).
    int deviceCount() const { return int(m_cards.cards.size()); }
    int currentDevice() const { return m_device; }
    void setCurrentDevice(int cardIndex);

    // Keeps the what-if across device switches; the identity is "as measured".
    void setWhatIf(const WhatIf& w);
    const WhatIf& whatIf() const;

    ScorecardModel* model() const { return m_model; }
    WhatIfPanel* whatIfPanel() const { return m_whatIfPanel; }
    QComboBox* deviceSelector() const { return m_devices; }
    ChartWidget* radar() const { return m_radar; }
    QString bannerTitle() const;
    QString bannerText() const;
    QStringList changeLines() const;

signals:
    void whatIfChanged();
    void scorecardChanged();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QString mutedCss() const;
    void showDetail();
    void rescore();
    void showCard();
    void showChanges(); // the "what would have to change" list of the current card

    qpilot::pilot::Pilot m_pilot;
    qpilot::readiness::RunScorecards m_cards;
    qpilot::readiness::Scorecard m_current;
    int m_device = -1;

    QComboBox* m_devices = nullptr;
    QLabel* m_runLabel = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerTitle = nullptr;
    QLabel* m_bannerScore = nullptr;
    QLabel* m_bannerText = nullptr;
    QLabel* m_bannerList = nullptr;
    QLabel* m_whatIfNote = nullptr;
    ChartWidget* m_radar = nullptr;
    QTableView* m_table = nullptr;
    ScorecardModel* m_model = nullptr;
    QLabel* m_changes = nullptr;
    QLabel* m_detail = nullptr;
    QSplitter* m_split = nullptr;
    bool m_userSplit = false;
    WhatIfPanel* m_whatIfPanel = nullptr;
};

} // namespace qpilot::ui
