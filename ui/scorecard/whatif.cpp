// ui/scorecard/whatif.cpp — what-if levers: application, text, slider scales and the panel.
#include "ui/scorecard/whatif.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace qpilot::ui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
constexpr std::array<Lever, kLeverCount> kLevers{Lever::TwoQubitError, Lever::Price, Lever::Shots, Lever::Queue};
} // namespace

readiness::Inputs applyWhatIf(readiness::Inputs in, const WhatIf& w)
{
    in.twoQubitErrorScale = w.twoQubitErrorScale;
    in.priceScale = w.priceScale;
    in.shotScale = w.shotScale;
    if (w.queueSeconds)
        in.queueSeconds = w.queueSeconds;
    return in;
}

QString factorText(double f)
{
    if (f >= 0.095 && f < 1000)
        return QStringLiteral("×") + QString::number(f, 'f', 2);
    return QStringLiteral("×") + QString::number(f, 'e', 1);
}

QString describeWhatIf(const WhatIf& w)
{
    QStringList parts;
    if (w.twoQubitErrorScale != 1)
        parts << QStringLiteral("2q error ") + factorText(w.twoQubitErrorScale);
    if (w.priceScale != 1)
        parts << QStringLiteral("price ") + factorText(w.priceScale);
    if (w.shotScale != 1)
        parts << QStringLiteral("shots ") + factorText(w.shotScale);
    if (w.queueSeconds)
        parts << QStringLiteral("queue ") + qs(readiness::formatSeconds(*w.queueSeconds));
    return parts.isEmpty() ? QStringLiteral("as measured") : parts.join(QStringLiteral(" · "));
}

double LeverScale::valueAt(int position) const
{
    position = std::clamp(position, 0, steps());
    if (zeroAtStart) {
        if (position == 0)
            return 0;
        --position;
    }
    return std::pow(10.0, lowDecade + double(position) / stepsPerDecade);
}

int LeverScale::positionOf(double value) const
{
    if (zeroAtStart && value <= 0)
        return 0;
    if (value <= 0)
        return 0;
    const double p = std::round((std::log10(value) - lowDecade) * stepsPerDecade);
    const int pos = int(std::clamp(p, 0.0, double((highDecade - lowDecade) * stepsPerDecade)));
    return pos + (zeroAtStart ? 1 : 0);
}

LeverScale leverScale(Lever lever)
{
    switch (lever) {
    case Lever::TwoQubitError: return {-2, 1, 50, false};   // ×0.01 .. ×10
    case Lever::Price: return {-7, 1, 25, false};           // ×1e-7 .. ×10 (QPU prices are far off classical)
    case Lever::Shots: return {-3, 1, 50, false};           // ×0.001 .. ×10
    case Lever::Queue: return {-1, 4, 40, true};            // 0 s, 0.1 s .. 10000 s
    }
    return {};
}

QString leverName(Lever lever)
{
    switch (lever) {
    case Lever::TwoQubitError: return QStringLiteral("2q error");
    case Lever::Price: return QStringLiteral("price");
    case Lever::Shots: return QStringLiteral("shots");
    case Lever::Queue: return QStringLiteral("queue");
    }
    return {};
}

WhatIfPanel::WhatIfPanel(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    const QStringList tips{
        tr("Scale the device's median two-qubit error; the success probability follows the transpiler's model."),
        tr("Scale every price (cost per 1k is linear in price)."),
        tr("Scale the shots per circuit (cost taken as proportional to shots; execution time scales too)."),
        tr("Replace the queue wait of every inference (reserved access, dedicated sessions).")};
    int row = 0;
    for (Lever lever : kLevers) {
        const LeverScale sc = leverScale(lever);
        auto* name = new QLabel(leverName(lever).left(1).toUpper() + leverName(lever).mid(1), this);
        auto* slider = new QSlider(Qt::Horizontal, this);
        slider->setObjectName(QStringLiteral("whatif_") + leverName(lever).replace(QLatin1Char(' '), QLatin1Char('_')));
        slider->setRange(0, sc.steps());
        slider->setSingleStep(1);
        slider->setPageStep(sc.stepsPerDecade / 2);
        slider->setToolTip(tips[row]);
        slider->setMinimumWidth(140);
        auto* value = new QLabel(this);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("queue 2.8 h (as measured)")));
        grid->addWidget(name, row, 0);
        grid->addWidget(slider, row, 1);
        grid->addWidget(value, row, 2);
        m_sliders[size_t(row)] = slider;
        m_values[size_t(row)] = value;
        connect(slider, &QSlider::valueChanged, this, [this, lever](int pos) { onSlider(lever, pos); });
        ++row;
    }
    m_reset = new QPushButton(tr("Reset to measured"), this);
    m_reset->setObjectName(QStringLiteral("whatif_reset"));
    m_reset->setToolTip(tr("Put every lever back to the run's measured figures"));
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (m_whatIf.isIdentity())
            return;
        m_whatIf = {};
        syncSliders();
        refreshLabels();
        emit changed();
    });
    grid->addWidget(m_reset, row, 0, 1, 3, Qt::AlignRight);
    grid->setColumnStretch(1, 1);
    syncSliders();
    refreshLabels();
}

void WhatIfPanel::setInputs(const readiness::Inputs& measured)
{
    m_inputs = measured;
    const bool errorKnown = measured.twoQubitError.has_value() && measured.twoQubitGatesForModel > 0;
    slider(Lever::TwoQubitError)->setEnabled(errorKnown);
    if (!errorKnown)
        slider(Lever::TwoQubitError)->setToolTip(tr("%1 publishes no two-qubit error, so the success model cannot scale it")
                                                     .arg(qs(measured.deviceName.empty() ? measured.device : measured.deviceName)));
    refreshLabels();
}

void WhatIfPanel::setWhatIf(const WhatIf& w)
{
    m_whatIf = w;
    syncSliders();
    refreshLabels();
}

void WhatIfPanel::onSlider(Lever lever, int position)
{
    const double v = leverScale(lever).valueAt(position);
    switch (lever) {
    case Lever::TwoQubitError: m_whatIf.twoQubitErrorScale = v; break;
    case Lever::Price: m_whatIf.priceScale = v; break;
    case Lever::Shots: m_whatIf.shotScale = v; break;
    case Lever::Queue: m_whatIf.queueSeconds = v; break;
    }
    refreshLabels();
    emit changed();
}

void WhatIfPanel::syncSliders()
{
    const std::array<double, kLeverCount> values{m_whatIf.twoQubitErrorScale, m_whatIf.priceScale, m_whatIf.shotScale,
                                                 m_whatIf.queueSeconds.value_or(m_inputs.latencyQueue)};
    for (int i = 0; i < kLeverCount; ++i) {
        const QSignalBlocker block(m_sliders[size_t(i)]);
        m_sliders[size_t(i)]->setValue(leverScale(kLevers[size_t(i)]).positionOf(values[size_t(i)]));
    }
}

void WhatIfPanel::refreshLabels()
{
    const WhatIf& w = m_whatIf;
    QString err = QStringLiteral("2q error ") + factorText(w.twoQubitErrorScale);
    if (m_inputs.twoQubitError)
        err += QStringLiteral(" = ") + qs(readiness::formatNumber(*m_inputs.twoQubitError * w.twoQubitErrorScale));
    m_values[0]->setText(err);
    QString price = QStringLiteral("price ") + factorText(w.priceScale);
    if (!m_inputs.priceUnit.empty() && m_inputs.priceRateUsd > 0)
        price += QStringLiteral(" = ") + qs(readiness::formatUsd(m_inputs.priceRateUsd * w.priceScale)) + QStringLiteral("/") +
                 qs(m_inputs.priceUnit);
    m_values[1]->setText(price);
    QString shots = QStringLiteral("shots ") + factorText(w.shotScale);
    if (m_inputs.shots > 0)
        shots += QStringLiteral(" = ") + QString::number(std::max(1.0, std::round(m_inputs.shots * w.shotScale)), 'f', 0);
    m_values[2]->setText(shots);
    m_values[3]->setText(w.queueSeconds ? QStringLiteral("queue ") + qs(readiness::formatSeconds(*w.queueSeconds))
                                        : QStringLiteral("queue ") + qs(readiness::formatSeconds(m_inputs.latencyQueue)) +
                                              tr(" (as measured)"));
    for (QLabel* l : m_values)
        l->setToolTip(describeWhatIf(w));
    m_reset->setEnabled(!w.isIdentity());
}

} // namespace qpilot::ui
