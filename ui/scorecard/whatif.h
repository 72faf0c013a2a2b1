// ui/scorecard/whatif.h — the what-if levers of the scorecard view: the scales readiness::Inputs
// carries (two-qubit error, price, shots) and the queue time, as one value; how they apply to a
// device's measured inputs; and the slider scales (logarithmic, with ×1 exactly on a step) the
// panel maps them to. Applying a what-if never re-simulates: readiness::score re-scores the
// scaled inputs through the models (docs/readiness.md).
#pragma once

#include "core/readiness/readiness.h"

#include <QString>
#include <QWidget>

#include <array>
#include <optional>

class QLabel;
class QPushButton;
class QSlider;

namespace qpilot::ui {

struct WhatIf {
    double twoQubitErrorScale = 1;                // × the device's median 2q error
    double priceScale = 1;                        // × every price
    double shotScale = 1;                         // × shots per circuit
    std::optional<double> queueSeconds;           // replaces the queue time (nullopt: as measured)

    bool isIdentity() const { return twoQubitErrorScale == 1 && priceScale == 1 && shotScale == 1 && !queueSeconds; }
    bool operator==(const WhatIf& o) const
    {
        return twoQubitErrorScale == o.twoQubitErrorScale && priceScale == o.priceScale && shotScale == o.shotScale &&
               queueSeconds == o.queueSeconds;
    }
    bool operator!=(const WhatIf& o) const { return !(*this == o); }
};

// `measured` with the what-if scales set (the measured figures are untouched).
qpilot::readiness::Inputs applyWhatIf(qpilot::readiness::Inputs measured, const WhatIf& w);
// "2q error ×0.50 · price ×1.0e-06 · queue 0 s"; "as measured" for the identity.
QString describeWhatIf(const WhatIf& w);
// A factor as the sliders print it: "×0.50", "×2.00", "×1.0e-06".
QString factorText(double factor);

enum class Lever { TwoQubitError, Price, Shots, Queue };
constexpr int kLeverCount = 4;

// The slider scale of one lever: positions 0..steps(); factors (queue: seconds) are
// 10^(lowDecade + position / stepsPerDecade); the queue's position 0 means no queue at all.
struct LeverScale {
    int lowDecade = -2, highDecade = 1;
    int stepsPerDecade = 50;
    bool zeroAtStart = false;                     // queue: position 0 = 0 s
    int steps() const { return (highDecade - lowDecade) * stepsPerDecade + (zeroAtStart ? 1 : 0); }
    double valueAt(int position) const;
    int positionOf(double value) const;           // nearest position (clamped)
};
LeverScale leverScale(Lever lever);
QString leverName(Lever lever);                   // "2q error", "price", "shots", "queue"

// The sliders with their factor labels and a Reset button. Moving a slider changes one field of
// whatIf() and emits changed(); setWhatIf() keeps the exact values given (sliders show the
// nearest position) without emitting.
class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(QWidget* parent = nullptr);

    // The device the levers act on (its measured figures label the sliders; a lever the device
    // cannot model, e.g. an unknown 2q error, is disabled with the reason as tooltip).
    void setInputs(const qpilot::readiness::Inputs& measured);
    void setWhatIf(const WhatIf& w);
    const WhatIf& whatIf() const { return m_whatIf; }

    QSlider* slider(Lever lever) const { return m_sliders[size_t(lever)]; }
    QLabel* valueLabel(Lever lever) const { return m_values[size_t(lever)]; }
    QPushButton* resetButton() const { return m_reset; }

signals:
    void changed();

private:
    void onSlider(Lever lever, int position);
    void refreshLabels();
    void syncSliders();

    WhatIf m_whatIf;
    qpilot::readiness::Inputs m_inputs;
    std::array<QSlider*, kLeverCount> m_sliders{};
    std::array<QLabel*, kLeverCount> m_values{};
    QPushButton* m_reset = nullptr;
};

} // namespace qpilot::ui
